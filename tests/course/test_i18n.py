"""The text catalogue: every entry in every language, with the same fields, and one error for a bad language."""
from __future__ import annotations

import string

import pytest

from course_tools import i18n
from course_tools.errors import InputError, NichosError
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
