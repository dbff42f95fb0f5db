"""The methods layer speaks the learner's language: its errors and warnings come from the catalogue.

Every key the modules of :mod:`course_tools.methods` look up exists (and every ``methods_msg_*`` entry
is used), every entry formats in English and Spanish with the same fields, and representative errors
and warnings read in Spanish when the language is Spanish (``$NICHOS_LANG`` for the ``course``
command, ``i18n.set_language`` / ``setup_notebook(LANG)`` in a lesson) while the English ones are
unchanged.
"""
from __future__ import annotations

import ast
import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_tools import i18n
from course_tools.i18n.catalogue import CATALOGUE, ORIGIN
from course_tools.methods import (
    IndicatorInputError,
    concordances,
    input_output,
    interdependence,
    quality,
    specialisation,
    territory,
)
from course_tools.methods import complexity as cx

METHODS = Path(__file__).resolve().parents[2] / "course_tools" / "methods"
PREFIXES = ("methods_msg_a.", "methods_msg_b.", "methods_msg_c.")
#: Keys built in the code from a prefix and a word (``text(prefix + what)``): the families of each prefix.
DYNAMIC = {
    "methods_msg_a.common.dropped_": ("rows", "cols", "both"),
    "methods_msg_b.dynamics.unit_": ("products", "cells"),
    "methods_msg_b.input_output.factor_": ("jobs", "wages"),
    "methods_msg_b.input_output.side_": ("column", "row"),
    "methods_msg_b.input_output.linkages_need_": ("L", "G", "A", "B"),
    "methods_msg_c.complexity.zero_": ("exports", "presence"),
}


def _keys_in_code() -> set[str]:
    """Every constant string starting with a methods_msg prefix in the methods modules (keys of text())."""
    found = set()
    for path in METHODS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(PREFIXES):
                found.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant) \
                    and str(node.values[0].value).startswith(PREFIXES):
                found.add(node.values[0].value)   # f"methods_msg_a.common.{key}": a prefix of DYNAMIC
    return found


def test_every_key_the_methods_use_is_in_the_catalogue_and_every_entry_is_used():
    used = _keys_in_code()
    prefixes = {k for k in used if k.endswith("_") or k.endswith(".")}
    expanded = {p + w for p, words in DYNAMIC.items() for w in words}
    missing = sorted(k for k in (used - prefixes) | expanded if k not in CATALOGUE)
    assert not missing, f"keys used in course_tools/methods but not in the catalogue: {missing}"
    assert prefixes <= set(DYNAMIC) | {"methods_msg_a.common."}, sorted(prefixes - set(DYNAMIC))
    ours = {k for k in CATALOGUE if k.startswith(PREFIXES)}
    unused = sorted(ours - used - expanded)
    assert not unused, f"catalogue entries no module uses (remove them): {unused}"


def _dummy(s: str) -> dict[str, object]:
    """A value for every field of ``s``: a number where the field has a number format (``{x:.4g}``)."""
    return {f: (1234.5 if spec else "x") for _, f, spec, _ in string.Formatter().parse(s) if f}


@pytest.mark.parametrize("key", sorted(k for k in CATALOGUE if k.startswith(PREFIXES)))
def test_each_entry_formats_in_both_languages_with_the_same_fields(key):
    entry = CATALOGUE[key]
    assert ORIGIN[key] == key.split(".")[0]
    values = _dummy(entry["en"])
    assert set(values) == set(_dummy(entry["es"])), key
    for lang in i18n.LANGS:
        out = i18n.text(key, lang, **values) if values else i18n.text(key, lang)
        assert "{{" not in out and "}}" not in out, (key, lang, out)   # escaped braces are unescaped
        if lang == "es":
            assert " a el " not in out and " de el " not in out, out


@pytest.fixture
def spanish(monkeypatch):
    """The language chosen as the ``course`` command chooses it: ``NICHOS_LANG=es``."""
    monkeypatch.setenv(i18n.ENV_VAR, "es")
    i18n.set_language(None)
    assert i18n.current_language() == "es"
    yield
    i18n.set_language(None)


@pytest.fixture
def in_notebook_spanish():
    """The language chosen as a lesson chooses it: ``setup_notebook(LANG)`` calls ``i18n.set_language``."""
    i18n.set_language("es")
    yield
    i18n.set_language(None)


def _toy_trade() -> pd.DataFrame:
    return pd.DataFrame({"country": ["A", "A", "B", "B"], "product": ["p1", "p2", "p1", "p2"],
                         "export_value": [10.0, np.nan, 5.0, 5.0]})


def test_a_nan_in_the_trade_table_reads_in_spanish(spanish):
    with pytest.raises(IndicatorInputError, match=r"rca: la columna 'export_value' tiene 1 valor\(es\) no "
                                                  r"reportado\(s\) \(NaN\)") as err:
        specialisation.rca(_toy_trade())
    assert "df.fillna({'export_value': 0})" in str(err.value)


def test_the_same_error_reads_in_english_by_default(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.set_language(None)
    with pytest.raises(IndicatorInputError, match=r"rca: column 'export_value' has 1 missing value\(s\) \(NaN\)"):
        specialisation.rca(_toy_trade())


def test_exports_and_imports_are_named_in_spanish(in_notebook_spanish):
    x = pd.Series({"p1": 1.0, "p2": np.nan}, name="A")
    m = pd.Series({"p1": 1.0, "p2": 2.0}, name="A")
    with pytest.raises(IndicatorInputError, match=r"lafay \(exportaciones\) tiene 1 valor\(es\) NaN/inf "
                                                  r"\(el primero en 'p2'\)\. Decida qué significan"):
        specialisation.lafay(x, m)


def test_a_warning_reads_in_spanish(spanish):
    t = pd.DataFrame({"country": ["A", "A", "B", "B", "C"], "product": ["p1", "p2", "p1", "p2", "p1"],
                      "export_value": [10.0, 5.0, 5.0, 5.0, 0.0]})
    with pytest.warns(UserWarning, match=r"rca: se eliminaron 1 valor\(es\) de 'country' con total cero "
                                         r"\(p\. ej\. \['C'\]\); sus participaciones no están definidas"):
        specialisation.rca(t)


def test_a_regional_group_error_wraps_the_spanish_cause(spanish):
    flows = pd.DataFrame({"exporter": ["A", "B"], "importer": ["B", "A"], "export_value": [1.0, 2.0]})
    with pytest.raises(IndicatorInputError, match=r"grupo 'G': regional_trade_indicators: ninguno de los "
                                                  r"miembros \['X'\] está en la tabla.*corrija los códigos"):
        interdependence.regional_trade_indicators_by_group(flows, {"G": ["X"]})


def test_shift_share_and_input_output_errors_read_in_spanish(in_notebook_spanish):
    t = pd.DataFrame({"region": ["r1", "r2"], "industry": ["i", "i"], "employment": [1.0, 2.0]})
    with pytest.raises(IndicatorInputError, match=r"shift_share: method='x' no es un método disponible; use "
                                                  r"'dunn' o 'esteban-marquillas'"):
        territory.shift_share(t, t, method="x")
    A = pd.DataFrame([[0.5, 0.6], [0.1, 0.2]], index=["Agro", "Food"], columns=["Agro", "Food"])
    with pytest.raises(IndicatorInputError, match=r"leontief_inverse: la suma por columna del sector 'Food' es "
                                                  r"1\.2000 >= 1, es decir"):
        input_output.leontief_inverse(A * np.array([1.0, 1.5]))   # column sums 0.6 and 1.2
    with pytest.raises(IndicatorInputError, match=r"los multiplicadores de empleo requieren una producción x "
                                                  r"positiva; el sector 'Food' tiene x <= 0"):
        input_output.employment_multipliers(input_output.leontief_inverse(A * 0.5), pd.Series({"Agro": 1.0,
                                            "Food": 1.0}), pd.Series({"Agro": 1.0, "Food": 0.0}))


def test_complexity_errors_and_warnings_read_in_spanish(spanish):
    one = pd.DataFrame({"country": ["A", "A"], "product": ["p1", "p2"], "export_value": [1.0, 2.0]})
    with pytest.raises(IndicatorInputError, match=r"el cálculo de complejidad requiere al menos 2 países y 2 "
                                                  r"productos con exportaciones; quedan 1 x 2"):
        cx.complexity(one)
    with pytest.raises(IndicatorInputError, match=r"convention debe ser una de \['py-ecomplexity', 'stata'\]"):
        cx.complexity(one, convention="R")
    t = pd.DataFrame({"country": list("AABBCC"), "product": ["p1", "p2"] * 3,
                      "export_value": [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]})
    with pytest.warns(UserWarning, match=r"se eliminaron 1 país\(es\) y 0 producto\(s\) con exportaciones "
                                         r"nulas \(listados en result\.dropped\)"):
        cx.presence_matrix(t)


def test_concordance_and_quality_errors_read_in_spanish_with_the_numbers_as_formatted(spanish):
    data = pd.DataFrame({"product": ["0101", "9999"], "export_value": [1.0, 1234567.0]})
    conc = pd.DataFrame({"hs": ["0101"], "isic": ["A01"], "weight": [1.0]})
    with pytest.raises(concordances.ConcordanceError, match=r"1 código\(s\) de los datos no están en la tabla de "
                                                            r"correspondencias, por un valor de 1,234,567 en "
                                                            r"'export_value': \['9999'\]\. Revise la versión"):
        concordances.convert(data, conc)
    flows = pd.DataFrame({"exporter": ["A", "A"], "importer": ["B", "B"], "flow": [1.0, 2.0]})
    with pytest.raises(quality.QualityInputError, match=r"2 filas comparten un mismo par \(exportador, "
                                                        r"importador\)"):
        quality.mirror_comparison(flows)


def test_non_numeric_values_are_an_input_error_naming_the_column():
    """A text in the value column used to escape as pandas' own ValueError; it is now the layer's error."""
    from course_tools.methods._common import to_matrix
    from course_tools.methods.dynamics import CompetitivenessInputError, world_market_table

    t = pd.DataFrame({"country": ["A", "B"], "product": ["p1", "p1"], "export_value": [1.0, "n.d."]})
    with pytest.raises(IndicatorInputError, match=r"column 'export_value' has 1 non-numeric value\(s\), "
                                                  r"e\.g\. 'n\.d\.'"):
        to_matrix(t, "country", "product", "export_value")
    with pytest.raises(CompetitivenessInputError, match=r"column 'export_value' has 1 non-numeric value"):
        world_market_table(t, t, "A")
    flows = pd.DataFrame({"exporter": ["A"], "importer": ["B"], "flow": ["n.d."]})
    with pytest.raises(quality.QualityInputError, match=r"column 'flow' is not numeric"):
        quality.mirror_comparison(flows)
