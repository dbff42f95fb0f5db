"""Numbers and money as a reader sees them in a sentence or a table header, in the reader's language.

Every number a report or lesson prints goes through these functions (never an f-string format in the
caller), so that the conventions of each language live in one place: English ``1,234.5`` and Spanish
``1.234,5`` (the usage of most Latin American statistics offices). ``lang=None`` means English for
:func:`fmt_usd` (its historical behaviour) and the language in use for the others.
"""
from __future__ import annotations

import math

from course_tools.i18n import check_lang, current_language

__all__ = ["fmt_usd", "fmt_number", "fmt_percent", "fmt_signed"]

_SCALES = {"en": ((1e9, "bn"), (1e6, "M")), "es": ((1e9, "mil millones"), (1e6, "millones"))}


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else check_lang(lang)


def _grouped(value: float, digits: int, lang: str) -> str:
    s = f"{value:,.{digits}f}"
    if lang == "es":
        s = s.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return s


def fmt_number(value: float | None, digits: int = 0, lang: str | None = None) -> str:
    """A number with ``digits`` decimals and thousands marks: ``fmt_number(1234.5, 1, "es")`` is ``"1.234,5"``.

    None or NaN gives ``"–"`` (not available).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return _grouped(float(value), int(digits), _lang(lang))


def fmt_percent(share: float | None, digits: int = 1, lang: str | None = None) -> str:
    """A share (0.254) as a percentage: ``"25.4 %"`` (English) or ``"25,4 %"`` (Spanish); None/NaN: ``"–"``."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{_grouped(100.0 * float(share), int(digits), _lang(lang))} %"


def fmt_signed(value: float | None, digits: int = 2, lang: str | None = None) -> str:
    """A change with its sign: ``"+5.80"`` / ``"−0.43"`` (true minus sign); None/NaN: ``"–"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    body = _grouped(abs(v), int(digits), _lang(lang))
    return ("+" if v > 0 else "−" if v < 0 else "") + body


def fmt_usd(value: float, lang: str | None = None) -> str:
    """Money for a sentence: ``482.2 bn`` (billion), ``624.5 M`` (million), ``41,000`` below a million;
    in Spanish ``482,2 mil millones``, ``624,5 millones``, ``41.000``. ``lang=None``: English.
    ``fmt_usd(482_218_551_060)`` is ``"482.2 bn"``."""
    lang = "en" if lang is None else check_lang(lang)
    v = float(value)
    for size, word in _SCALES[lang]:
        if abs(v) >= size:
            return f"{_grouped(v / size, 1, lang)} {word}"
    return _grouped(v, 0, lang)
