"""The text catalogue: every entry in every language, with the same fields, and one error for a bad language."""
from __future__ import annotations

import json
import string

import pytest

from course_tools import i18n
from course_tools.errors import InputError, NichosError
from course_tools.i18n import catalogue
from course_tools.i18n.catalogue import CATALOGUE, ORIGIN


def fields(s: str) -> set[str]:
    """The ``{name}`` fields of a text (plotly's ``%{x}`` hover fields are not format fields)."""
    if "%{" in s:
        return set()
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_entry_has_every_language_and_the_same_fields():
    assert CATALOGUE, "the catalogue is empty"
    problems = []
    for key, entry in CATALOGUE.items():
        langs = set(entry)
        if langs != set(i18n.LANGS):
            problems.append(f"{key} ({ORIGIN[key]}): languages {sorted(langs)}, expected {list(i18n.LANGS)}")
            continue
        if any(not isinstance(v, str) or not v.strip() for v in entry.values()):
            problems.append(f"{key} ({ORIGIN[key]}): an empty text")
        if len({frozenset(fields(v)) for v in entry.values()}) > 1:
            problems.append(f"{key} ({ORIGIN[key]}): the languages fill different fields "
                            f"{[sorted(fields(v)) for v in entry.values()]}")
    assert not problems, "\n".join(problems)


def test_keys_start_with_their_module():
    bad = [k for k, m in ORIGIN.items() if not k.startswith(m + ".")]
    assert not bad, f"keys not named after their catalogue module: {bad[:10]}"


def test_text_fills_fields_and_follows_the_chosen_language(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "common.test_title", {"en": "Exports of {name}, {year}",
                                                         "es": "Exportaciones de {name}, {year}"})
    assert i18n.text("common.test_title", "es", name="Paraguay", year=2023) == "Exportaciones de Paraguay, 2023"
    assert i18n.texts("common", "en")["test_title"] == "Exports of {name}, {year}"
    monkeypatch.setenv(i18n.ENV_VAR, "es")
    try:
        i18n.set_language(None)
        assert i18n.current_language() == "es"
        assert i18n.text("common.no_data") == "sin datos"
        assert i18n.set_language("en") == "en"
        assert i18n.text("common.no_data") == "no data"
    finally:
        i18n.set_language(None)


@pytest.mark.parametrize("bad", ["fr", "ES", "", None, 1])
def test_one_error_for_an_unknown_language(bad):
    with pytest.raises(i18n.UnknownLanguageError) as err:
        i18n.text("common.no_data", bad) if bad is not None else i18n.check_lang(bad)
    assert isinstance(err.value, InputError) and "'en'" in str(err.value) and "español" in str(err.value)


def test_an_unknown_key_names_the_catalogue():
    with pytest.raises(NichosError, match="catalogue"):
        i18n.text("nowhere.nothing")


def test_spanish_contractions_in_generated_text(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "common.test_vs", {"en": "RCA against {ref}", "es": "VCR frente a {ref} de {c}"})
    assert i18n.text("common.test_vs", "es", ref="el mundo", c="el país") == "VCR frente al mundo del país"
    assert i18n.texts("common", "es")["test_vs"].format(ref="el mundo", c="El Salvador") == \
        "VCR frente al mundo de El Salvador"
    assert i18n.text("common.test_vs", "en", ref="the world", c="x") == "RCA against the world"


# --- the catalogue's files -------------------------------------------------------------------------------------

def _copy_catalogue(tmp_path):
    folder = tmp_path / "catalogue"
    folder.mkdir()
    for path in list(catalogue.COMPILED.parent.glob("*.yaml")) + [catalogue.COMPILED]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_the_compiled_catalogue_is_current_with_its_yaml_files():
    """``compiled.json`` is what the package reads: ``course build`` must have written it after the last edit."""
    compiled = json.loads(catalogue.COMPILED.read_text(encoding="utf-8"))
    assert compiled == catalogue.compile_catalogue(), (
        "course_tools/i18n/catalogue/compiled.json is older than the YAML files: run `course build`")


def test_an_edit_made_after_the_last_build_is_read_from_the_yaml(tmp_path):
    folder = _copy_catalogue(tmp_path)
    part = folder / "common.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace('"sin datos"', '"no hay datos"'), encoding="utf-8")
    texts, origin = catalogue.load_catalogue(folder)
    assert texts["common.no_data"] == {"en": "no data", "es": "no hay datos"}
    assert origin["common.no_data"] == "common"
    assert catalogue.write_compiled(folder) is True and catalogue.write_compiled(folder) is False
    assert catalogue.load_catalogue(folder)[0]["common.no_data"]["es"] == "no hay datos"


@pytest.mark.parametrize("body, says", [
    ('common.x:\n  en: "a"\n  es: "b"\ncommon.x:\n  en: "c"\n  es: "d"\n', "written twice"),
    ('common.x:\n  en: "yes"\n  es: no\n', "quoted"),
    ('common.x: "only one text"\n', "quoted"),
])
def test_a_badly_written_entry_is_refused_with_its_file(tmp_path, body, says):
    folder = _copy_catalogue(tmp_path)
    (folder / "zz_new.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(Exception, match=says):
        catalogue.load_catalogue(folder)


def test_a_key_defined_in_two_files_is_refused(tmp_path):
    folder = _copy_catalogue(tmp_path)
    (folder / "zz_new.yaml").write_text('common.no_data:\n  en: "none"\n  es: "nada"\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match="common.no_data.*common and zz_new"):
        catalogue.load_catalogue(folder)
