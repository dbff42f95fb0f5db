"""Numbers in the reader's convention (course_tools.views.format), checked against the CLDR data itself.

The expected strings are written by hand from the Unicode CLDR number data (cldr-json,
``cldr-numbers-full/main/<locale>/numbers.json``), not produced by the code under test:

* ``es-AR``, ``es-CL``, ``es-CO``, ``es-PY``, ``es-UY``, ``es-BO``: ``"decimal": ","``, ``"group": "."``;
* ``es-MX``, ``es-GT``, ``es-PA``, ``es-419``, ``en``, ``en-JM``: ``"decimal": "."``, ``"group": ","``;
* ``es-CR``: ``"decimal": ","``, ``"group": " "`` (U+00A0, a no-break space);
* decimal pattern ``"#,##0.###"`` and percent pattern ``"#,##0%"`` in all of them;
* long compact words: es ``"1000000-count-other": "0 millones"``, ``"1000000000-count-other": "0 mil millones"``,
  ``"1000000000000-count-other": "0 billones"``; en ``"0 million"``, ``"0 billion"``, ``"0 trillion"``.
"""
from __future__ import annotations

import pandas as pd
import pytest

from course_tools import i18n
from course_tools.i18n.catalogue import CATALOGUE
from course_tools.views import format as fmt

NBSP = "\u00a0"

#: country (ISO3) -> locale and 1234567.5 with one decimal, for a Spanish reader (CLDR symbols above)
SPANISH = {
    "ARG": ("es_AR", "1.234.567,5"), "CHL": ("es_CL", "1.234.567,5"), "PRY": ("es_PY", "1.234.567,5"),
    "URY": ("es_UY", "1.234.567,5"), "BOL": ("es_BO", "1.234.567,5"), "COL": ("es_CO", "1.234.567,5"),
    "MEX": ("es_MX", "1,234,567.5"), "GTM": ("es_GT", "1,234,567.5"), "PAN": ("es_PA", "1,234,567.5"),
    "CRI": ("es_CR", f"1{NBSP}234{NBSP}567,5"),
}


@pytest.fixture(autouse=True)
def _fresh_locale():
    i18n.set_language(None)
    fmt.set_country(None)
    yield
    i18n.set_language(None)
    fmt.set_country(None)


@pytest.mark.parametrize("country", sorted(SPANISH))
def test_spanish_numbers_follow_the_country(country):
    locale, expected = SPANISH[country]
    assert fmt.locale_for("es", country) == locale
    assert fmt.fmt_number(1234567.5, 1, lang="es", country=country) == expected


def test_languages_without_a_country_and_countries_without_a_locale():
    assert fmt.locale_for("es") == "es_419" and fmt.fmt_number(1234567.5, 1, lang="es") == "1,234,567.5"
    assert fmt.locale_for("en") == "en" and fmt.fmt_number(1234567.5, 1, lang="en") == "1,234,567.5"
    assert fmt.locale_for("en", "JAM") == "en_JM"
    assert fmt.locale_for("en", "PRY") == "en"  # CLDR has no English for Paraguay: English style
    assert fmt.locale_for("es", "PY") == "es_PY"  # ISO2 works too
    assert fmt.locale_for("es", "XXX") == "es_419"
    with pytest.raises(i18n.UnknownLanguageError):
        fmt.locale_for("pt", "BRA")


def test_large_amounts_in_words_not_abbreviations():
    assert fmt.fmt_usd(9.2e9, "es", country="PRY") == "9,2 mil millones"
    assert fmt.fmt_usd(9.2e9, "es", country="MEX") == "9.2 mil millones"
    assert fmt.fmt_usd(9.2e9, "en") == "9.2 billion"
    assert fmt.fmt_usd(482_218_551_060.0, "en") == "482.2 billion"
    assert fmt.fmt_usd(274_307_920.0, "en") == "274.3 million"
    assert fmt.fmt_usd(274_307_920.0, "es", country="CHL") == "274,3 millones"
    assert fmt.fmt_usd(2.5e12, "es", country="ARG") == "2,5 billones"  # the Spanish billón is 10^12
    assert fmt.fmt_usd(2.5e12, "en") == "2.5 trillion"
    assert fmt.fmt_usd(41_000.0, "en") == "41,000" and fmt.fmt_usd(41_000.0, "es", country="URY") == "41.000"
    assert fmt.fmt_usd(999_960_000.0, "en") == "1 billion"  # rounded before the words are chosen


def test_percentages_and_table_numbers():
    assert fmt.fmt_percent(0.1234, lang="es", country="PRY") == "12,3%"
    assert fmt.fmt_percent(0.1234, 2, lang="en") == "12.34%"
    loc = fmt.locale_for("es", "CHL")
    assert [fmt.fmt_table(x, loc) for x in (75_915_749_884.0, 1234.5, 123.456, 0.230214627, -0.5, float("nan"))] == [
        "75.915.749.884", "1.234", "123,5", "0,2302", "-0,5", "NaN"]


def test_plotly_separators():
    assert fmt.plotly_separators("es", "PRY") == ",."
    assert fmt.plotly_separators("es", "MEX") == ".,"
    assert fmt.plotly_separators("en") == ".,"


def test_catalogue_fields_follow_the_locale(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "common.test_total", {"en": "USD {value:,.0f}; {share:.1%}; {n:,}; RCA ≥ {t:g}",
                                                         "es": "USD {value:,.0f}; {share:.1%}; {n:,}; VCR ≥ {t:g}"})
    fmt.set_country("PRY")
    assert i18n.text("common.test_total", "es", value=1234567.8, share=0.1234, n=2345, t=1.5) == \
        "USD 1.234.568; 12,3%; 2.345; VCR ≥ 1,5"
    assert i18n.text("common.test_total", "en", value=1234567.8, share=0.1234, n=2345, t=1.5) == \
        "USD 1,234,568; 12.3%; 2,345; RCA ≥ 1.5"


def test_setup_notebook_chooses_language_and_convention():
    import plotly.graph_objects as go
    import plotly.io as pio

    from course_tools.views.notebook import setup_notebook

    old = pio.renderers.default, pio.templates.default
    try:
        with pd.option_context("display.float_format", None, "styler.format.decimal", "."):
            setup_notebook("es", "PRY")
            assert i18n.current_language() == "es" and fmt.current_locale() == "es_PY"
            assert "75.915.749.884" in repr(pd.DataFrame({"v": [75_915_749_884.0]}))
            assert go.Figure().layout.template.layout.separators == ",."
            setup_notebook("en", "JAM")
            assert i18n.current_language() == "en" and fmt.current_locale() == "en_JM"
            assert "75,915,749,884" in repr(pd.DataFrame({"v": [75_915_749_884.0]}))
            setup_notebook()  # keeps what was chosen
            assert fmt.current_locale() == "en_JM"
    finally:
        pio.renderers.default, pio.templates.default = old
