"""Numbers as the reader writes them: the one place the course formats a number for a person.

The convention is the one of the reader's **language and country**, taken from the Unicode CLDR data
shipped with Babel (``babel.numbers``), not written by hand. The locale is ``<lang>_<ISO2>`` when CLDR
has it, else the language's default for the region: ``es_419`` (Latin American Spanish) or ``en``.
What CLDR says for the course's countries (checked in ``tests/views/test_format.py``):

==========================================================  ==============  ==============="""
from __future__ import annotations

import math
import numbers
import re
from functools import cache

from babel import Locale, localedata
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from course_tools import i18n
from course_tools.i18n import check_lang, current_language

__all__ = [
    "DEFAULT_LOCALES",
    "set_country",
    "current_country",
    "locale_for",
    "current_locale",
    "symbols",
    "fmt_number",
    "fmt_percent",
    "fmt_signed",
    "fmt_usd",
    "fmt_plain",
    "fmt_table",
    "TableFormat",
    "plotly_separators",
    "plotly_number_layout",
    "format_field",
]

#: The locale of a language when the country has none in CLDR (or no country is given).
DEFAULT_LOCALES: dict[str, str] = {"en": "en", "es": "es_419"}

_country: str | None = None
#: Python format specs that Babel writes: optional grouping, optional precision, then f, d, % or nothing.
_SPEC = re.compile(r"(?P<group>,)?(?:\.(?P<digits>\d+))?(?P<kind>[fd%]?)")


def set_country(country: str | None) -> str | None:
    """Use the number convention of ``country`` (ISO3 ``"PRY"`` or ISO2 ``"PY"``; ``None``: the language's default)."""
    global _country
    _country = None if country is None else str(country).strip().upper()
    return _country


def current_country() -> str | None:
    """The country set with :func:`set_country` (``setup_notebook(LANG, COUNTRY)``), or ``None``."""
    return _country


@cache
def _iso2(country: str) -> str | None:
    if len(country) == 2 and country.isalpha():
        return country
    from course_tools.data import countries

    table = countries().dropna(subset=["iso2"]).set_index("iso3")["iso2"]
    code = table.get(country)
    return str(code) if isinstance(code, str) else None


@cache
def _locale_for(lang: str, country: str | None) -> str:
    iso2 = _iso2(country) if country else None
    if iso2 and localedata.exists(f"{lang}_{iso2}"):
        return f"{lang}_{iso2}"
    return DEFAULT_LOCALES[lang]


def locale_for(lang: str | None = None, country: str | None = None) -> str:
    """The CLDR locale for a reader of ``lang`` in ``country``: ``locale_for("es", "PRY") == "es_PY"``.

    ``lang`` defaults to :func:`course_tools.i18n.current_language`, ``country`` to :func:`current_country`.
    A country CLDR has no locale for in that language (``locale_for("en", "PRY")``) gets the language's
    default (:data:`DEFAULT_LOCALES`).
    """
    lang = check_lang(current_language() if lang is None else lang)
    country = _country if country is None else str(country).strip().upper()
    return _locale_for(lang, country or None)


def current_locale(lang: str | None = None) -> str:
    """The locale of the notebook: its language (or ``lang``) and the country set with :func:`set_country`."""
    return locale_for(lang)


def _locale(lang: str | None, country: str | None, locale: str | None) -> str:
    return locale if locale is not None else locale_for(lang, country)


@cache
def symbols(locale: str) -> tuple[str, str]:
    """(decimal, group) symbols of ``locale`` in CLDR: ``(",", ".")`` for ``es_PY``, ``(".", ",")`` for ``es_MX``."""
    s = Locale.parse(locale).number_symbols["latn"]
    return s["decimal"], s["group"]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(
    value: float | None,
    digits: int = 0,
    lang: str | None = None,
    *,
    grouping: bool = True,
    country: str | None = None,
    locale: str | None = None,
) -> str:
    """``value`` with ``digits`` decimals and grouped thousands: ``fmt_number(1234567.5, 1)`` is
    ``"1.234.567,5"`` in Paraguay, ``"1,234,567.5"`` in Mexico. None or NaN is ``"–"`` (not available)."""
    if _missing(value):
        return "–"
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang, country, locale))


def fmt_percent(
    share: float | None,
    digits: int = 1,
    lang: str | None = None,
    *,
    country: str | None = None,
    locale: str | None = None,
) -> str:
    """A share as a percentage, CLDR's pattern of the locale: ``fmt_percent(0.123)`` is ``"12,3%"`` (es_PY).
    None or NaN is ``"–"``."""
    if _missing(share):
        return "–"
    loc = Locale.parse(_locale(lang, country, locale))
    pattern = loc.percent_formats[None].pattern
    if digits > 0:
        pattern = re.sub(r"0(?=[^0-9#]*%)", "0." + "0" * digits, pattern, count=1)
    return format_percent(share, format=pattern, locale=loc)


def fmt_signed(
    value: float | None,
    digits: int = 2,
    lang: str | None = None,
    *,
    country: str | None = None,
    locale: str | None = None,
) -> str:
    """A change with its sign: ``"+5.80"`` / ``"−0.43"`` (a true minus sign) in the locale's convention;
    None or NaN is ``"–"``."""
    if _missing(value):
        return "–"
    v = float(value)
    body = fmt_number(abs(v), digits, locale=_locale(lang, country, locale))
    return ("+" if v > 0 else "−" if v < 0 else "") + body


def fmt_usd(
    value: float, lang: str | None = None, *, digits: int = 1, country: str | None = None, locale: str | None = None
) -> str:
    """An amount for a sentence (the text around it says "USD"): CLDR's long words from a million up.

    ``fmt_usd(482_218_551_060)`` is ``"482.2 billion"`` in English and ``"482,2 mil millones"`` in
    Paraguay; ``fmt_usd(274_307_920)`` is ``"274.3 million"`` / ``"274,3 millones"``; below a million the
    number in full, ``"41,000"`` / ``"41.000"``. Words, not "bn" or "M": every reader knows them, and the
    Spanish *billón* (10^12) cannot be mistaken for an English billion.
    """
    v = float(value)
    loc = _locale(lang, country, locale)
    if not math.isfinite(v) or abs(v) < 1e6:
        return fmt_number(v, 0, locale=loc)
    power = 10 ** (3 * int(math.log10(abs(v)) // 3))
    rounded = round(v / power, digits) * power  # 999.96 million is "1 billion", not "1000 million"
    return format_compact_decimal(rounded, format_type="long", fraction_digits=digits, locale=loc)


def fmt_plain(value: float, *, lang: str | None = None, country: str | None = None, locale: str | None = None) -> str:
    """A short number as Python's ``{:g}`` writes it, with the locale's symbols: ``0,1`` for a tick label (es_PY)."""
    return _python_style(f"{value:g}", _locale(lang, country, locale))


def fmt_table(x: float, locale: str | None = None) -> str:
    """One float for a table: ``75.915.749.884`` / ``123,5`` / ``0,2302`` / ``NaN`` (es_PY).

    1,000 or more: grouped, no decimals; 100 to 1,000: one decimal; smaller: four significant digits
    (so shares and indices stay readable); from 10^15: scientific notation.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "NaN"
    loc = locale or current_locale()
    ax = abs(x)
    if ax >= 1e15:
        decimal, _ = symbols(loc)
        return f"{x:.3e}".replace(".", decimal)
    if ax >= 1000:
        return fmt_number(x, 0, locale=loc)
    if ax >= 100:
        return fmt_number(x, 1, locale=loc)
    return _python_style(f"{x:.4g}", loc)


class TableFormat:
    """``pd.set_option("display.float_format", TableFormat("es_PY"))``: :func:`fmt_table` in one locale."""

    def __init__(self, locale: str) -> None:
        self.locale = locale

    def __call__(self, x: float) -> str:
        return fmt_table(x, self.locale)

    def __repr__(self) -> str:
        return f"TableFormat({self.locale!r})"


def _python_style(s: str, locale: str) -> str:
    """A number Python wrote (``,`` groups, ``.`` decimals) with the locale's symbols."""
    decimal, group = symbols(locale)
    return s.translate({ord(","): "\0", ord("."): decimal}).replace("\0", group)


def plotly_separators(lang: str | None = None, country: str | None = None, locale: str | None = None) -> str:
    """plotly's ``layout.separators`` (decimal then group symbol): ``",."`` for es_PY, ``".,"`` for es_MX.

    plotly writes hover numbers (``%{x:,.2f}``), axis ticks and ``texttemplate`` with them.
    """
    decimal, group = symbols(_locale(lang, country, locale))
    return decimal + group


def plotly_number_layout(lang: str | None = None, country: str | None = None, locale: str | None = None) -> dict:
    """Layout settings of a figure for the reader: ``separators``, and for Spanish full numbers on the axes.

    plotly abbreviates large axis values with English letters ("2B" for 2 billion); a Spanish reader would
    take "B" for *billón* (10^12), so Spanish axes write the number in full, grouped ("2.000.000.000").
    Use it as a template's layout (``setup_notebook`` does) or with ``fig.update_layout(**...)``.
    """
    loc = _locale(lang, country, locale)
    layout: dict = {"separators": plotly_separators(locale=loc)}
    if loc.startswith("es"):
        axis = {"exponentformat": "none", "separatethousands": True}
        layout.update(xaxis=axis, yaxis=dict(axis))
    return layout


def format_field(value: float, spec: str, lang: str) -> str:
    """A numeric field of a catalogue text in the reader's convention: ``{value:,.0f}``, ``{share:.1%}``,
    ``{n:,}`` through Babel; any other spec (``{t:g}``, ``{x:.2e}``, ``{v}``) as Python writes it, with the
    locale's decimal and group symbols."""
    locale = locale_for(lang)
    m = _SPEC.fullmatch(spec)
    if m is not None and m["kind"] == "%":
        return fmt_percent(value, int(m["digits"] or 0), locale=locale)
    if m is not None and m["kind"] == "f":
        return fmt_number(value, int(m["digits"] or 6), grouping=bool(m["group"]), locale=locale)
    if m is not None and m["group"] and not m["digits"] and isinstance(value, numbers.Integral):
        return fmt_number(value, 0, locale=locale)
    return _python_style(format(value, spec), locale)


i18n.set_number_formatter(format_field)
