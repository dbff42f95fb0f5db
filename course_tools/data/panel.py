"""The trade panel: one tidy table of flows from any of three sources, with where it comes from.

The niche model and the country report take their trade tables from a :class:`TradePanel`, whatever
the source was:

- :func:`shipped_panel`  the shipped world tables (2017 and 1980 exporter x product, no importers):
                         the default, so everything works offline;
- :func:`read_baci`      a CEPII BACI release as published (the zip, a folder of yearly CSVs or one
                         year's CSV), aggregated with DuckDB and cached as Parquet next to it
                         (:func:`course_tools.data.baci.baci_panel`);
- :func:`read_customs`   a national customs file: the country's own exports by partner, with the
                         world's from the shipped or a BACI panel
                         (:func:`course_tools.data.own_files.customs.read_customs`).

``flows`` has one row per (year, exporter, importer, product): year int, exporter ISO3, importer
ISO3 or ``"WLD"`` when the source has no partner, product HS 2007 4-digit text, value float current
USD (>= 0; NaN = not reported, never 0). When the source gives 6 digits there is also an ``hs6``
column (the source's own 6-digit code, in :attr:`Provenance.original_classification`) and the rows
are one per (year, exporter, importer, hs6, product). :class:`Provenance` says which source,
release, classification and years, and :meth:`Provenance.describe` is the sentence to print on
the first screen of every output. Methods take tables, never the panel: e.g.
``criteria_table(country, trade=panel.exports(Y), ...)``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from course_tools.data._cache import built_once
from course_tools.data._common import DataValidationError, as_text
from course_tools.data.trade import _TRADE_FILES, TRADE_YEARS, load_trade
from course_tools.i18n import check_lang, current_language, text

__all__ = ["WORLD", "FLOW_COLUMNS", "Note", "Provenance", "TradePanel", "shipped_panel", "read_baci",
           "read_customs", "check_flows", "year_span"]

#: The importer code of a flow whose source gives no partner (exports to the whole world).
WORLD = "WLD"
#: The columns of :attr:`TradePanel.flows`, in order (``hs6`` is optional, last).
FLOW_COLUMNS: tuple[str, ...] = ("year", "exporter", "importer", "product", "value")


class Note(str):
    """A provenance sentence kept in both languages: the English text, with its catalogue key and fields.

    ``Note("own_data.note_mixed_years", world_year=2017, year=2023)`` is the English sentence (a
    ``str``); :meth:`in_lang` gives it in another language of the course.
    """

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Note:
        obj = super().__new__(cls, text(key, "en", **_rendered(values, "en")))
        obj.key, obj.values = key, dict(values)
        return obj

    def __reduce__(self) -> tuple:
        return (_note, (self.key, self.values))

    def in_lang(self, lang: str | None = None) -> str:
        """The sentence in ``lang`` (default the language in use)."""
        lang = current_language() if lang is None else check_lang(lang)
        return text(self.key, lang, **_rendered(self.values, lang))


def _rendered(values: dict[str, Any], lang: str) -> dict[str, Any]:
    """Fields of a note in ``lang``: a :class:`Provenance` is its :meth:`~Provenance.describe` sentence."""
    return {k: (v.describe(lang) if isinstance(v, Provenance) else v.in_lang(lang) if isinstance(v, Note) else v)
            for k, v in values.items()}


def _note(key: str, values: dict[str, Any]) -> Note:
    return Note(key, **values)


def year_span(years: Iterable[int]) -> str:
    """Years as a reader writes them: ``2013–2023`` when consecutive, else ``1980, 2017``."""
    ys = sorted({int(y) for y in years})
    if not ys:
        return "-"
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(str(y) for y in ys)


@dataclass(frozen=True)
class Provenance:
    """Where a panel comes from: the source, its release, classifications, years, the file read, notes.

    ``source``: ``"CEPII BACI"``, ``"national customs file"`` or ``"shipped tables"`` (the names of
    the datasets may follow after a colon); ``classification`` is always ``"hs07"`` (the panel's
    products are HS 2007 4-digit); ``original_classification`` what the source used (``"HS92"``,
    ``"HS17"``, ``"NCM 8 digits"``...); ``path`` the file or folder read (never written to);
    ``notes`` the conversions, proxies and what comes from where (:class:`Note` or plain text).
    """

    source: str
    release: str | None
    classification: str
    original_classification: str
    years: tuple[int, ...]
    path: str | None
    notes: tuple[str, ...] = ()

    def note_texts(self, lang: str | None = None) -> list[str]:
        """The notes in ``lang`` (a :class:`Note` in that language; plain text as written)."""
        return [n.in_lang(lang) if isinstance(n, Note) else str(n) for n in self.notes]

    def name(self, lang: str | None = None) -> str:
        """The source's name in ``lang``: ``"CEPII BACI"``, ``"archivo nacional de aduanas"``... (datasets after it)."""
        lang = current_language() if lang is None else check_lang(lang)
        head, _, detail = self.source.partition(":")
        source = _SOURCE_KEYS.get(head.strip())
        name = text(source, lang) if source else head.strip()
        return f"{name} ({detail.strip()})" if detail.strip() else name

    def describe(self, lang: str | None = None) -> str:
        """One sentence for the first screen of an output: source, release, classification, years, file."""
        lang = current_language() if lang is None else check_lang(lang)
        parts = [text("own_data.describe", lang, source=self.name(lang), years=year_span(self.years))]
        if self.release:
            parts.append(text("own_data.describe_release", lang, release=self.release))
        original = self.original_classification
        if original.replace(" ", "").lower() not in ("hs07", "hs2007"):
            original = original.in_lang(lang) if isinstance(original, Note) else original
            parts.append(text("own_data.describe_converted", lang, original=original))
        else:
            parts.append(text("own_data.describe_hs07", lang))
        if self.path:
            parts.append(text("own_data.describe_path", lang, path=self.path))
        return "; ".join(parts) + "."


_SOURCE_KEYS = {"CEPII BACI": "own_data.source_baci", "national customs file": "own_data.source_customs",
                "shipped tables": "own_data.source_shipped"}


def check_flows(flows: pd.DataFrame, where: str) -> pd.DataFrame:
    """``flows`` in the panel's shape (types fixed), or :class:`DataValidationError` saying what is wrong.

    Code columns may be text or pandas ``category`` (a BACI panel keeps them as categories: a year of
    bilateral flows by HS4 holds millions of rows); their codes are checked either way.
    """
    if not isinstance(flows, pd.DataFrame):
        raise DataValidationError(text("home.panel.not_a_frame", where=where, kind=type(flows).__name__))
    missing = [c for c in FLOW_COLUMNS if c not in flows.columns]
    if missing:
        raise DataValidationError(text("home.panel.no_columns", where=where, missing=missing,
                                       columns=list(FLOW_COLUMNS)))
    cols = list(FLOW_COLUMNS) + (["hs6"] if "hs6" in flows.columns else [])
    out = flows[cols].copy()
    out["year"] = pd.to_numeric(out["year"], errors="raise").astype("int64")
    for c in ("exporter", "importer", "product") + (("hs6",) if "hs6" in cols else ()):
        if not isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = as_text(out[c].astype(str).str.strip())
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype("float64")
    _refuse(out, out["value"] < 0, "value", where, text("home.panel.what_negative"))
    _check_codes(out, "product", r"\d{4}", where, text("home.panel.what_not_hs4"))
    for c in ("exporter", "importer"):
        _check_codes(out, c, r"[A-Z][A-Z0-9]{2}", where, text("home.panel.what_not_iso3"))
    key = ["year", "exporter", "importer", "product"] + (["hs6"] if "hs6" in cols else [])
    _refuse(out, out.duplicated(key, keep=False), "product", where,
            text("home.panel.what_repeated", key=", ".join(key)))
    world = pd.Series((out["importer"] == WORLD).to_numpy(), index=out.index)
    counts = world.groupby([out["year"], out["exporter"]], observed=True).agg(["sum", "size"])
    both = counts.index[(counts["sum"] > 0) & (counts["sum"] < counts["size"])]
    if len(both):
        pairs = {(int(y), str(e)) for y, e in both}
        bad = pd.Series([(int(y), str(e)) in pairs for y, e in zip(out["year"], out["exporter"])], index=out.index)
        _refuse(out, bad, "importer", where, text("home.panel.what_both", world=repr(WORLD)))
    return out.reset_index(drop=True)


def _check_codes(flows: pd.DataFrame, column: str, pattern: str, where: str, what: str) -> None:
    s = flows[column]
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = pd.Series(s.cat.categories.astype(str))
        wrong = set(cats[~cats.str.fullmatch(pattern)])
        if not wrong:
            return
        bad = s.astype(str).isin(wrong)
    else:
        bad = ~s.str.fullmatch(pattern).fillna(False).astype(bool)
    _refuse(flows, bad, column, where, what)


def _refuse(flows: pd.DataFrame, bad: pd.Series, column: str, where: str, what: str) -> None:
    if bool(bad.any()):
        rows = flows.loc[bad.to_numpy()].head(5).to_dict("records")
        raise DataValidationError(text("home.panel.refused", where=where, column=repr(column), n=int(bad.sum()),
                                       what=what, rows=rows))


@dataclass
class TradePanel:
    """Trade flows by year, exporter, importer and HS 2007 4-digit product, with their :class:`Provenance`.

    See the module docstring for the columns of ``flows``. Build it with :func:`shipped_panel`,
    :func:`read_baci` or :func:`read_customs`; the constructor checks the columns and values.
    """

    flows: pd.DataFrame
    provenance: Provenance
    _years: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._set_flows(check_flows(self.flows, self.provenance.source))

    def _set_flows(self, flows: pd.DataFrame) -> None:
        self.flows = flows
        self._years = sorted(int(y) for y in flows["year"].unique())

    @classmethod
    def _of_checked(cls, flows: pd.DataFrame, provenance: Provenance) -> TradePanel:
        """A panel of flows that :func:`check_flows` has already returned (not checked twice)."""
        panel = cls.__new__(cls)
        panel.provenance = provenance
        panel._set_flows(flows)
        return panel

    @property
    def has_importers(self) -> bool:
        """True when every flow has its importer (no ``"WLD"`` row): bilateral tables by product exist."""
        return bool(len(self.flows)) and not bool((self.flows["importer"] == WORLD).any())

    @property
    def years(self) -> list[int]:
        """The years of the panel, sorted."""
        return list(self._years)

    def exporters(self, year: int) -> list[str]:
        """The exporters with at least one flow (value or NaN) in ``year``, sorted."""
        f = self.flows
        return sorted(f.loc[f["year"] == self._year(year), "exporter"].unique().tolist())

    def _year(self, year: object) -> int:
        try:
            y = int(year)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            y = None
        if y is None or y not in self._years:
            raise DataValidationError(text("own_data.panel_no_year", source=self.provenance.source, year=repr(year),
                                           years=year_span(self._years)))
        return y

    def exports(self, year: int) -> pd.DataFrame:
        """Exports of ``year`` by exporter and product: columns year, country, product, export_value.

        The shape of :func:`course_tools.data.load_trade` (NaN = not reported: a product whose every
        flow is NaN stays NaN, never 0), summed over importers (and HS6 lines).
        """
        y = self._year(year)
        f = self.flows[self.flows["year"] == y]
        if (f["importer"] == WORLD).all() and "hs6" not in f.columns:
            out = f[["year", "exporter", "product", "value"]]
        else:
            out = f.groupby(["year", "exporter", "product"], sort=True, as_index=False,
                            observed=True)["value"].sum(min_count=1)
        out = out.rename(columns={"exporter": "country", "value": "export_value"}).reset_index(drop=True)
        for c in ("country", "product"):
            out[c] = as_text(out[c].astype(str))
        out.attrs["provenance"] = self.provenance
        return out

    def bilateral(self, year: int, exporter: str | None = None) -> pd.DataFrame:
        """Flows of ``year`` by exporter, importer and product: columns exporter, importer, product, value.

        Needs the importers: of every exporter (:attr:`has_importers`), or of ``exporter`` when given
        (a customs panel has its own country's partners). Raises :class:`DataValidationError` otherwise.
        Code columns keep the flows' type (``category`` for a BACI panel, to keep memory low).
        """
        y = self._year(year)
        f = self.flows[self.flows["year"] == y]
        if exporter is not None:
            f = f[f["exporter"] == str(exporter).strip().upper()]
        if f.empty or (f["importer"] == WORLD).any():
            who = (text("home.panel.who_one", exporter=exporter) if exporter is not None
                   else text("home.panel.who_every"))
            raise DataValidationError(text("home.panel.not_bilateral", source=self.provenance.source, who=who, year=y,
                                           world=repr(WORLD)))
        out = f.groupby(["exporter", "importer", "product"], sort=True, as_index=False,
                        observed=True)["value"].sum(min_count=1)
        out.attrs["provenance"] = self.provenance
        return out

    def window(self, y0: int, y1: int) -> tuple[int, int]:
        """``(y0, y1)`` once both are years of the panel and ``y0 < y1`` (else :class:`DataValidationError`)."""
        a, b = self._year(y0), self._year(y1)
        if a >= b:
            raise DataValidationError(text("home.panel.window_order", y0=y0, y1=y1, years=year_span(self._years)))
        return a, b

    def __repr__(self) -> str:
        return (f"TradePanel({len(self.flows):,} flows, years {year_span(self._years)}, "
                f"importers={'yes' if self.has_importers else 'no'}; {self.provenance.describe('en')})")


_SHIPPED_SOURCE = "shipped tables: trade_ots_economiccomplexity"


def shipped_panel(years: Sequence[int] = (2017, 1980)) -> TradePanel:
    """The shipped world tables as a panel: exporter x HS 2007 4-digit product, no importers (``"WLD"``).

    From :func:`course_tools.data.load_trade` (UN Comtrade via Open Trade Statistics, CC BY-NC 4.0):
    2017 and 1980 by default (1962 also exists). ``panel.exports(2017)`` is ``load_trade(2017)``,
    NaN rows (no flow reported) included. Works offline.
    """
    ys = [int(y) for y in years]
    unknown = [y for y in ys if y not in TRADE_YEARS]
    if unknown or not ys:
        raise DataValidationError(text("home.panel.shipped_years", years=list(years), shipped=list(TRADE_YEARS)))
    notes = [Note("own_data.note_shipped_totals")]
    if 1980 in ys or 1962 in ys:
        notes.append(Note("own_data.note_shipped_sitc"))
    prov = Provenance(source=_SHIPPED_SOURCE, release="Open Trade Statistics "
                      "(UN Comtrade), R package economiccomplexity", classification="hs07",
                      original_classification="HS07", years=tuple(sorted(ys)),
                      path="datasets/trade_ots_economiccomplexity", notes=tuple(notes))
    return TradePanel._of_checked(_shipped_flows(tuple(ys)), prov)


@built_once(*_TRADE_FILES.values())
def _shipped_flows(years: tuple[int, ...]) -> pd.DataFrame:
    """The checked flows of the shipped tables of ``years``: checked once per session (a copy each call)."""
    parts = [load_trade(y).rename(columns={"country": "exporter", "export_value": "value"}) for y in years]
    flows = pd.concat(parts, ignore_index=True).assign(importer=WORLD)[list(FLOW_COLUMNS)]
    return check_flows(flows, _SHIPPED_SOURCE)


def read_baci(path: str | Path, years: Iterable[int] | None = None, *, cache: bool = True,
              **options: Any) -> TradePanel:
    """A CEPII BACI release (zip, folder of yearly CSVs or one year's CSV, any HS revision) as a panel.

    See :func:`course_tools.data.baci.baci_panel` for the options (``hs``, ``memory_limit``,
    ``threads``, ``cache_dir``).
    """
    from course_tools.data.baci import baci_panel

    return baci_panel(path, years=years, cache=cache, **options)


def read_customs(path: str | Path, country: str, *, world: TradePanel, **options: Any) -> TradePanel:
    """A national customs file: ``country``'s own exports by partner, with the world's from ``world``.

    See :func:`course_tools.data.own_files.customs.read_customs` for the options.
    """
    from course_tools.data.own_files.customs import read_customs as _read

    return _read(path, country, world=world, **options)


def empty_flows() -> pd.DataFrame:
    """A flows table with the panel's columns and no rows."""
    return pd.DataFrame({"year": np.array([], dtype="int64"), "exporter": [], "importer": [], "product": [],
                         "value": np.array([], dtype="float64")})
