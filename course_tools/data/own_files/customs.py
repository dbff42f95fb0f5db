"""read_customs: a national customs file as a trade panel, the world's flows taken from another panel.

A customs file gives one country's own exports (by destination, often by national tariff line); the
niche model also needs every other exporter (RCA, complexity, market shares). :func:`read_customs`
reads the file with :func:`~course_tools.data.own_files.trade_file.read_trade_file`, converts its
codes to HS 2007 4-digit headings with the shipped concordances, and puts them in place of the
country's rows of the world panel (the shipped tables or a BACI release) for the same year(s), saying
so in the provenance.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from course_tools.data._common import DataValidationError
from course_tools.data.own_files.trade_file import read_trade_file
from course_tools.data.panel import WORLD, Note, Provenance, TradePanel, year_span
from course_tools.i18n import text

__all__ = ["read_customs", "NA_VALUES", "to_hs07"]

#: Texts customs offices print for "not available" (read as NaN, not reported; never 0).
NA_VALUES: tuple[str, ...] = ("s/d", "S/D", "s/d.", "n/d", "N/D", "n.d.", "N.D.")


def to_hs07(table: pd.DataFrame, classification: str | None, value: str) -> tuple[pd.DataFrame, list[str]]:
    """``table``'s product codes (HS 4 or 6 digits of ``classification``) as HS 2007 4-digit headings.

    Weights 1/n of the shipped concordance keep totals; a code with no correspondence goes to its own
    heading when HS 2007 has it (the rule of :func:`course_tools.data.baci.baci_panel`). Returns the
    table and the codes left out (neither rule applies).
    """
    from course_tools.data.baci_release import product_map
    from course_tools.data.classifications import products
    from course_tools.data.concordances import concordance

    digits = int(table["product"].str.len().max()) if len(table) else 4
    headings = set(products("hs07", 4)["code"])
    if classification in (None, "hs07"):
        m = pd.DataFrame({"code": sorted(set(table["product"]))})
        m = m.assign(hs07=m["code"].str[:4], weight=1.0)
    elif digits == 6:
        hs = {"hs92": "92", "hs22": "22"}[classification]
        m = product_map(hs)[0].rename(columns={"k6": "code", "product": "hs07"})
    else:
        m = concordance(classification, "hs07", source_level=4, target_level=4).rename(columns={classification: "code"})
        own = sorted(set(table["product"]) - set(m["code"]))
        m = pd.concat([m, pd.DataFrame({"code": own, "hs07": [c[:4] for c in own], "weight": 1.0})])
    m = m[m["hs07"].isin(headings)]
    lost = sorted(set(table["product"]) - set(m["code"]))
    x = table.merge(m, left_on="product", right_on="code")
    x[value] = x[value] * x["weight"]
    keys = [c for c in table.columns if c not in ("product", value)]
    out = x.drop(columns=["product", "code", "weight"]).rename(columns={"hs07": "product"})
    out = out.groupby(keys + ["product"], as_index=False, dropna=False)[value].sum(min_count=1)
    return out, lost


def _world_rows(world: TradePanel, years: list[int], country: str, allow_mixed_years: bool,
                world_year: int | None, where: str) -> tuple[pd.DataFrame, list[Note]]:
    """The world panel's flows of every other exporter for each year of the file (relabelled when mixing)."""
    missing = [y for y in years if y not in world.years]
    if missing and not allow_mixed_years:
        raise DataValidationError(text("own_data.mixed_years", where=where, missing=year_span(missing),
                                       source=world.provenance.source, years=year_span(world.years)))
    parts, notes = [], []
    for y in years:
        wy = y if y in world.years else (world_year if world_year is not None else
                                         min(world.years, key=lambda w: (abs(w - y), -w)))
        if wy not in world.years:
            raise DataValidationError(text("home.own_files.customs_world_year", world_year=world_year,
                                           years=year_span(world.years)))
        f = world.flows[(world.flows["year"] == wy) & (world.flows["exporter"].astype(str) != country)]
        parts.append(f.assign(year=y)[["year", "exporter", "importer", "product", "value"]])
        if wy != y:
            notes.append(Note("own_data.note_mixed_years", year=y, world_year=wy, country=country))
    flows = pd.concat(parts, ignore_index=True)
    for c in ("exporter", "importer", "product"):
        flows[c] = flows[c].astype(str)
    return flows, notes


def read_customs(path: str | Path, country: str, *, world: TradePanel, product_col: str = "product",
                 value_col: str = "export_value", partner_col: str | None = None, year_col: str | None = None,
                 year: int | None = None, classification: str | None = "hs22", national_codes: bool = True,
                 sum_duplicates: bool = True, na_values: Sequence[str] = NA_VALUES, allow_mixed_years: bool = False,
                 world_year: int | None = None, **options: Any) -> TradePanel:
    """``country``'s exports from its customs file, by partner when given, with the world from ``world``.

    The file is read by :func:`read_trade_file` (``country_col=None``; ``options`` such as ``decimal=","``,
    ``thousands="."``, ``encoding``, ``sheet`` are passed on) with ``national_codes=True`` (8- or
    10-digit tariff lines cut to HS6), ``sum_duplicates=True`` (rows of one partner and code added up),
    total and footer rows left out, and ``na_values`` (``s/d``...) read as not reported. ``classification``:
    the HS edition of the national nomenclature (``"hs22"`` for NCM 2022, ``"hs07"``, ``"hs92"``; None:
    not checked, first 4 digits taken as the HS 2007 heading). Codes go to HS 2007 4-digit headings with
    the shipped concordances (weights 1/n that keep totals).

    The panel holds, for each year of the file, the country's rows from the file (importer = partner, or
    ``"WLD"`` without ``partner_col``; the HS6 code kept in ``hs6`` is not kept: the panel is by heading)
    and every other exporter's rows of ``world`` for that year. A year of the file that ``world`` does
    not have raises :class:`DataValidationError` unless ``allow_mixed_years=True`` (then the world's
    ``world_year``, default the nearest, stands in, and the provenance says so).
    """
    path, code = Path(path), str(country).strip().upper()
    own = read_trade_file(path, country_col=None, country=code, product_col=product_col, value_col=value_col,
                          partner_col=partner_col, year_col=year_col, year=year, classification=classification,
                          national_codes=national_codes, sum_duplicates=sum_duplicates, na_values=na_values,
                          **options)
    if own["year"].isna().any():
        raise DataValidationError(text("home.own_files.customs_no_year", file=path.name))
    own = own.rename(columns={"export_value": "value", "partner": "importer"})
    if "importer" not in own:
        own["importer"] = WORLD
    own = own[["year", "country", "importer", "product", "value"]].rename(columns={"country": "exporter"})
    hs4, lost = to_hs07(own, classification, "value")
    if lost:
        raise DataValidationError(text("home.own_files.customs_no_heading", file=path.name, column=repr(product_col),
                                       codes=lost[:10], classification=classification))
    years = sorted(int(y) for y in hs4["year"].unique())
    rest, mixed = _world_rows(world, years, code, allow_mixed_years, world_year, path.name)
    flows = pd.concat([rest, hs4.astype({"year": "int64"})], ignore_index=True)
    notes = list(own.attrs.get("notes", [])) + [
        Note("own_data.note_customs", country=code, file=path.name, world=world.provenance),
        *mixed, *world.provenance.notes]
    digits = sorted({len(c) for c in own["product"]})
    kind = "national" if national_codes else "hs"
    original = Note(f"home.own_files.customs_original_{kind}",
                    classification=classification or Note("home.own_files.customs_no_edition"),
                    digits="/".join(str(d) for d in digits))
    prov = Provenance(source="national customs file", release=path.name, classification="hs07",
                      original_classification=original, years=tuple(years), path=str(path), notes=tuple(notes))
    return TradePanel(flows, prov)
