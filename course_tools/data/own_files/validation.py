"""Checking the columns of a coordinator's file, one rule at a time, on the rows under the header.

Each function takes the :class:`~course_tools.data.own_files.grid.DataRows` and the name of a column,
returns the column's clean values, and raises :class:`~course_tools.data.DataValidationError` naming the
file, the column, the first offending rows and how to fix them:

- :func:`trade_values`    numbers (decimal comma, thousands marks, texts meaning "not available"), none negative
- :func:`country_codes`   ISO 3166 alpha-3 codes known to :func:`course_tools.data.countries` (or, for a
                          partner column, country names in English or Spanish)
- :func:`product_codes`   codes of the classification (HS leading zeros restored), all of one length;
                          national 8- or 10-digit tariff lines cut to their HS subheading (6 digits)
- :func:`years`           4-digit years
- :func:`unique_rows`     one row per key (country, product[, year])
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from course_tools.data.classifications import products
from course_tools.data.country_codes import countries
from course_tools.data.own_files.cells import code_text, is_blank, number
from course_tools.data.own_files.grid import DataRows
from course_tools.data.own_files.totals import plain_words
from course_tools.i18n import text

__all__ = ["HS", "NATIONAL_DIGITS", "trade_values", "number_hint", "country_codes", "country_of_name",
           "product_codes", "years", "unique_rows"]

#: The HS vintages: codes of 2, 4 or 6 digits whose leading zero Excel may have dropped.
HS = ("hs07", "hs92", "hs22")
#: Lengths of national tariff lines (NCM and NALADISA: 8 digits; national extensions: 8 or 10).
NATIONAL_DIGITS = (8, 10)
#: Names customs offices write that are not the UN names of :func:`countries` (accents and case ignored).
_ALIASES = {"estados unidos": "USA", "eeuu": "USA", "ee.uu.": "USA", "united states": "USA", "reino unido": "GBR",
            "united kingdom": "GBR", "rusia": "RUS", "russia": "RUS", "corea del sur": "KOR", "corea": "KOR",
            "south korea": "KOR", "vietnam": "VNM", "holanda": "NLD", "turquia": "TUR", "turkey": "TUR",
            "republica checa": "CZE", "czech republic": "CZE", "hong kong": "HKG", "iran": "IRN",
            "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "siria": "SYR", "laos": "LAO",
            "moldavia": "MDA", "taiwan": "TWN"}


def number_hint(bad: Iterable[object], decimal: str, thousands: str | None) -> str:
    """How to fix cells that are not numbers: the number format they seem to use, or ``na_values``."""
    texts = [str(v) for v in bad]
    if any(re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", t.strip()) for t in texts) and decimal == ".":
        return text("home.own_files.hint_decimal_comma")
    if any(re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", t.strip()) for t in texts):
        return text("home.own_files.hint_thousands_comma")
    if any(re.fullmatch(r"-?\d{1,3}([ \u00a0]\d{3})+([.,]\d+)?", t.strip()) for t in texts):
        return text("home.own_files.hint_thousands_space")
    marks = sorted({t.strip() for t in texts if re.fullmatch(r"[a-zA-Z./\- ]{1,6}", t.strip())})
    if marks:
        return text("home.own_files.hint_na_marks", marks=marks)
    return text("home.own_files.hint_plain_numbers")


def trade_values(rows: DataRows, column: str, *, decimal: str = ".", thousands: str | None = None,
                 na_values: Sequence[str] = ()) -> np.ndarray:
    """The values of ``column`` as float (NaN for blank and ``na_values`` cells, never 0); none negative."""
    na = {str(v).strip() for v in na_values}
    cells = rows.column(column)
    values = [number(c, decimal, thousands, na) for _, c in cells]
    bad = [(n, c) for (n, c), v in zip(cells, values) if v is None]
    if bad:
        rows.place.fail(column, text("home.own_files.not_numbers", n=len(bad)), bad,
                        number_hint([b for _, b in bad], decimal, thousands))
    out = np.asarray(values, dtype="float64")
    neg = [(n, c) for (n, c), v in zip(cells, out) if v < 0]
    if neg:
        rows.place.fail(column, text("home.own_files.negative", n=len(neg)), neg, text("home.own_files.fix_negative"))
    return out


def _name_key(name: object) -> str:
    """A country name as compared: plain words without apostrophes ("Côte d'Ivoire" and "Côte d’Ivoire" alike)."""
    return plain_words(name).replace("'", "")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every way :func:`country_of_name` accepts a country, plain words -> ISO3."""
    out: dict[str, str] = {}
    for lang in ("en", "es"):
        c = countries(lang).dropna(subset=["name"])
        for iso, name in zip(c["iso3"], c["name"]):
            out.setdefault(_name_key(name), iso)
            out.setdefault(_name_key(re.sub(r"\s*\(.*\)\s*$", "", name)), iso)
    out.update(_ALIASES)
    return out


def country_of_name(cell: object) -> str:
    """ISO3 of an ISO3 code or a country name in English or Spanish ("Brasil", "Estados Unidos"); "" if none."""
    if is_blank(cell):
        return ""
    raw = str(cell).strip()
    if raw.upper() in set(countries()["iso3"]):
        return raw.upper()
    return _names().get(_name_key(raw), "")


def country_codes(rows: DataRows, column: str | None, country: str | None = None, *,
                  names: bool = False) -> list[str]:
    """ISO3 codes (upper case) of ``column``, or ``country`` on every row when ``column`` is None.

    ``names=True`` (a partner column): country names in English or Spanish are accepted too.
    """
    if column is None:
        codes = [str(country).strip().upper()] * len(rows)
        cells = [(n, country) for n in rows.numbers]
    else:
        cells = rows.column(column)
        if names:   # each distinct name looked up once (a customs file repeats its partners on every line)
            keys = [None if is_blank(c) else c for _, c in cells]
            found = {k: country_of_name(k) for k in set(keys)}
            codes = [found[k] for k in keys]
        else:
            codes = ["" if is_blank(c) else str(c).strip().upper() for _, c in cells]
    known = set(countries()["iso3"])
    bad = [(n, raw) for (n, raw), c in zip(cells, codes) if c not in known]
    if bad:
        fix = text("own_data.unknown_partner_fix") if names else text("home.own_files.fix_iso3")
        rows.place.fail(column or "country=", text("home.own_files.unknown_countries", n=len(bad)), bad, fix)
    return codes


def _known_codes(classification: str) -> set[str]:
    """Every code of ``classification`` at any of its levels (empty for an unknown classification)."""
    valid: set[str] = set()
    for lv in (2, 4, 6) if classification in HS else (1, 2, 3, 4, 5):
        try:
            valid |= set(products(classification, lv)["code"])
        except ValueError:
            continue
    return valid


def _one_level(rows: DataRows, column: str, cells: list[tuple[int, object]], codes: list[str]) -> None:
    """Refuse codes of different lengths: subtotal rows would count the same trade twice."""
    lengths = pd.Series([len(p) for p in codes])
    if lengths.nunique() > 1:
        common = lengths.mode().iloc[0]
        bad = [(n, raw) for (n, raw), ln in zip(cells, lengths) if ln != common]
        rows.place.fail(column, text("home.own_files.mixed_lengths", lengths=sorted(lengths.unique().tolist()),
                                     common=int(common)), bad, text("home.own_files.fix_mixed_lengths"))


def _national(rows: DataRows, column: str, cells: list[tuple[int, object]], codes: list[str],
              national: bool, classification: str | None) -> list[str]:
    """National tariff lines (8 or 10 digits) cut to 6 when ``national``; else refused with a message naming them."""
    long = [(n, raw, len(p)) for (n, raw), p in zip(cells, codes) if p.isdigit() and len(p) in NATIONAL_DIGITS]
    if not long:
        return codes
    if not national:
        digits = "/".join(str(d) for d in sorted({d for *_, d in long}))
        rows.place.fail(column, text("own_data.national_codes", n=len(long), digits=digits,
                                     cls=classification or "HS"),
                        [(n, raw) for n, raw, _ in long], text("own_data.national_fix"))
    return [p[:6] if p.isdigit() and len(p) in NATIONAL_DIGITS else p for p in codes]


def product_codes(rows: DataRows, column: str, classification: str | None, *, national: bool = False) -> list[str]:
    """Product codes of ``column`` as text, checked against ``classification`` (None: not checked).

    Dots and spaces are removed (``'0101.10'`` -> ``'010110'``); for HS a code with an odd number of
    digits gets its leading zero back (``101`` -> ``'0101'``). National tariff lines of 8 or 10 digits
    (NCM, NALADISA, ``'1201.90.00'``) are cut to their first 6 digits, the HS subheading, when
    ``national`` is True, and refused with a message naming them otherwise. All codes must have one length.
    """
    cells = rows.column(column)
    codes = [code_text(c) for _, c in cells]
    if classification in HS or national:
        codes = [p.zfill(len(p) + 1) if p.isdigit() and len(p) % 2 == 1 else p for p in codes]
    codes = _national(rows, column, cells, codes, national, classification)
    if classification is not None:
        valid = _known_codes(classification)
        bad = [(n, raw) for (n, raw), p in zip(cells, codes) if p not in valid]
        if bad:
            rows.place.fail(column, text("home.own_files.not_product_codes", n=len(bad), classification=classification),
                            bad, text("home.own_files.fix_product_codes", classification=repr(classification)))
    _one_level(rows, column, cells, codes)
    return codes


def years(rows: DataRows, column: str) -> pd.api.extensions.ExtensionArray:
    """The 4-digit years of ``column`` (int64)."""
    found, bad = [], []
    for n, c in rows.column(column):
        t = code_text(c)
        if t.isdigit() and len(t) == 4:
            found.append(int(t))
        else:
            bad.append((n, c))
    if bad:
        rows.place.fail(column, text("home.own_files.bad_years", n=len(bad)), bad, text("home.own_files.fix_years"))
    return pd.array(found, dtype="int64")


def unique_rows(table: pd.DataFrame, keys: list[str], rows: DataRows) -> None:
    """Refuse two rows of ``table`` (one per data row) with the same ``keys``; both rows are quoted."""
    dup = table.duplicated(keys, keep=False).to_numpy()
    if dup.any():
        bad = [(n, " / ".join(str(table.iloc[i][k]) for k in keys)) for i, n in enumerate(rows.numbers) if dup[i]]
        units = text(f"home.own_files.units_{rows.place.unit}")
        rows.place.fail(None, text("home.own_files.repeated", n=int(dup.sum()), units=units, keys=", ".join(keys)), bad,
                        text("home.own_files.fix_repeated"))
