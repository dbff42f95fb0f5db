"""The views' errors come from the text catalogue, in the language of the figure or of the learner.

A function with a ``lang`` argument (a figure, a widget, a labelled table) gives its errors in that
language, like its labels; the others follow ``i18n.set_language`` (a notebook's ``LANG``) or
``$NICHOS_LANG``, else English. Each error keeps its class (and the older class callers catch).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from course_tools import i18n
from course_tools.i18n.catalogue import CATALOGUE
from course_tools.methods.dynamics import CompetitivenessInputError
from course_tools.views import (
    ViewInputError,
    complexity,
    dynamics,
    rca_explorer,
    specialisation,
    tables,
    territory,
    widgets,
)
from tests.course.test_messages import literal_keys

ROOT = Path(__file__).resolve().parents[2]
CODES = ["0101", "0102", "0201"]


def _trade() -> pd.DataFrame:
    x = [[50, 30, 20], [10, 60, 30], [40, 10, 50]]
    rows = [(c, p, float(v)) for c, vals in zip("ABC", x) for p, v in zip(CODES, vals)]
    return pd.DataFrame(rows, columns=["country", "product", "export_value"])


def test_table_errors_follow_the_learners_language(spanish):
    with pytest.raises(tables.TableInputError) as err:
        tables.export_basket(_trade(), "A", level=3)
    assert str(err.value) == "level debe ser 2 (capítulos) o 4 (partidas), no 3"
    with pytest.raises(tables.TableInputError, match="no hay filas del país 'ZZZ' en la columna 'country'; use un "
                                                     "código ISO3 en mayúsculas como 'CHL'"):
        tables.export_basket(_trade(), "ZZZ")
    with pytest.raises(specialisation.ProfileInputError, match="'ZZZ' no está en la columna 'country' de la tabla "
                                                               "de comercio"):
        specialisation.rca_profile(_trade(), "ZZZ")
    with pytest.raises(specialisation.ProfileInputError, match="reference debe ser una lista de códigos ISO3"):
        specialisation.rca_profile(_trade(), "A", reference="LAC")


def test_the_lang_argument_of_a_figure_gives_its_errors_in_that_language():
    profile = specialisation.rca_profile(_trade(), "A")
    i18n.set_language("en")
    try:
        with pytest.raises(specialisation.ProfileInputError, match="top_n debe ser un número entero >= 1, no 0"):
            specialisation.top_rca_bar(profile, 0, "es")
        with pytest.raises(specialisation.ProfileInputError, match="top_n must be a whole number >= 1, not 0"):
            specialisation.top_rca_bar(profile, 0)
    finally:
        i18n.set_language(None)


def test_a_message_that_names_a_label_takes_it_from_the_figures_catalogue(spanish):
    census = pd.DataFrame({"census_year": [2023], "state_code": ["28"], "municipality": [None],
                           "sector_code": ["11"], "suppressed": [False], "employment": [1.0]})
    with pytest.raises(territory.TerritoryInputError) as err:
        territory.reference_totals(census, year=2023, level="county")
    assert str(err.value) == "level='county'; use 'state' (Tamaulipas) o 'nation' (México)"
    with pytest.raises(rca_explorer.RcaViewError, match=r"'region' \(el grupo regional, p\. ej\. América Latina "
                                                        r"y el Caribe\)"):
        rca_explorer.products_above(pd.DataFrame(), reference="oecd")


def test_a_dynamics_error_is_a_view_error_and_still_a_competitiveness_error():
    with pytest.raises(dynamics.DynamicsViewError) as err:
        dynamics.compare_windows({}, lang="es")
    assert isinstance(err.value, ViewInputError) and isinstance(err.value, CompetitivenessInputError)
    assert str(err.value) == "compare_windows: pase al menos una tabla, p. ej. {'1980–2017': table}"
    with pytest.raises(CompetitivenessInputError, match="give at least one table, e.g. {'1980–2017': table}"):
        dynamics.compare_windows({})


def test_a_complexity_error_reads_in_spanish(spanish):
    with pytest.raises(complexity.ProductSpaceViewError, match=r"se esperaba el resultado de "
                                                               r"indicators\.complexity\(\.\.\.\) y se recibió str"):
        complexity.eci_ranking("MEX")


def test_a_widget_error_is_a_view_error_and_a_type_error(spanish):
    with pytest.raises(widgets.NotAWidgetError) as err:
        widgets.with_fallback(go.Figure(), go.Figure())
    assert isinstance(err.value, TypeError) and isinstance(err.value, ViewInputError)
    assert str(err.value).startswith("with_fallback(widget, fallback): el primer argumento debe ser un widget de "
                                     "ipywidgets")


def test_every_message_key_the_views_use_is_in_the_catalogue_and_every_entry_is_used():
    used = literal_keys("views_msg.")
    defined = {k for k in CATALOGUE if k.startswith("views_msg.")}
    assert not used - defined, f"keys used but not in the catalogue: {sorted(used - defined)}"
    assert not defined - used, f"catalogue entries no code uses: {sorted(defined - used)}"
