"""Tables and figures of lesson L09 Input-output and value chains (*insumo-producto y cadenas de valor*).

Small pure functions around the input-output indicators of :mod:`course_tools.methods.input_output`
(which hold the formulas; nothing is re-implemented here): an honest symmetric table from IBGE's
published supply-use tables, the table of sectors whose key-sector class changes with the forward
linkage used, value added in exports by source region, and two figures a ministry could put in a
slide (key-sector quadrants, foreign value added by source), in English or Spanish.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import LANGS, check_lang, current_language, text, texts
from course_tools.indicators import SymmetricTable, supply_use_to_symmetric
from course_tools.views import ViewInputError, reader_lang
from course_tools.views.format import plotly_separators

__all__ = [
    "ValueChainInputError", "BALANCING_COLUMN", "REGION_CODES", "REGION_NAMES", "ibge_symmetric_table",
    "mrio_closed_value_added", "classification_changes", "fva_by_source", "key_sector_figure",
    "fva_figure", "NATIONAL_IO", "LessonData", "lesson_data",
]

#: Name of the final-demand column added by :func:`ibge_symmetric_table`.
BALANCING_COLUMN = "minus imports, taxes and margins (balancing)"

#: The 26 regions of the world MRIO 2000 (its own codes: NDL = Netherlands, ROW = rest of world).
REGION_CODES: tuple[str, ...] = ("AUS", "AUT", "BEL", "BRA", "CAN", "CHN", "DEU", "DNK", "ESP", "FIN", "FRA", "GBR",
                                 "GRC", "HKG", "IND", "IRL", "ITA", "JPN", "KOR", "MEX", "NDL", "PRT", "ROW", "SWE",
                                 "TWN", "USA")
#: Their names in each language, from the catalogue (``input_output.region.<code>``).
REGION_NAMES: dict[str, dict[str, str]] = {
    lang: {code: text(f"input_output.region.{code}", lang) for code in REGION_CODES} for lang in LANGS}


_TYPE_COLOURS = {"key": "#D55E00", "backward-oriented": "#0072B2", "forward-oriented": "#009E73",
                 "independent": "#999999"}
class ValueChainInputError(ViewInputError):
    """Bad input to a value-chain table or figure (the message says how to fix it)."""


def ibge_symmetric_table(sut, *, assumption: str = "fixed-product-sales") -> SymmetricTable:
    """A symmetric table from IBGE's supply and use tables *as published* (a documented simplification).

    IBGE's use table is at purchasers' prices and mixes domestic and imported inputs, so its product
    balance is ``use·1 + final_demand·1 = q + imports + taxes + margins`` (total supply at purchasers'
    prices), not ``q``. This function adds one final-demand column, :data:`BALANCING_COLUMN`, equal to
    ``q − (use·1 + final_demand·1)`` (minus imports, taxes and net margins of each product) so the
    balance required by :func:`indicators.supply_use_to_symmetric` holds, and calls it (Model D by
    default). The resulting coefficients are **total** (domestic + imported) and at purchasers' prices:
    multipliers computed from them overstate domestic effects. IBGE's own symmetric matrices separate
    imports and move to basic prices first (Eurostat 2008 Manual, ch. 11).
    ``sut`` is the result of ``data.load_ibge_sut(level, year)``.
    """
    for attr in ("supply", "use", "final_demand", "value_added"):
        if not hasattr(sut, attr):
            raise ValueChainInputError(text("views_msg.input_output.not_sut", attr=attr))
    q = sut.supply.sum(axis=1)
    fd = sut.final_demand.copy()
    fd[BALANCING_COLUMN] = q - sut.use.sum(axis=1) - sut.final_demand.sum(axis=1)
    va = sut.value_added.loc[[sut.value_added.index[0]]]  # gross value added (first published row)
    return supply_use_to_symmetric(sut.supply, sut.use, fd, va, assumption=assumption)


def mrio_closed_value_added(mrio) -> pd.Series:
    """Value added plus the closing rows of a multi-regional table, so that ``v + 1'A = 1'``.

    ``mrio`` is the result of ``data.load_mrio_2000()``: its columns close with ``va`` and the
    ``other_inputs`` rows (taxes, discrepancy, purchases by non-residents, international transport
    margins). :func:`indicators.value_added_in_exports` gives ``DVA + FVA = gross exports`` only when
    every non-intermediate input is counted as value added, so the course adds them to ``va``.
    """
    if not hasattr(mrio, "va") or not hasattr(mrio, "other_inputs"):
        raise ValueChainInputError(text("views_msg.input_output.not_mrio"))
    return (mrio.va + mrio.other_inputs.sum(axis=0).reindex(mrio.va.index)).rename("va_closed")


def classification_changes(first: pd.DataFrame, second: pd.DataFrame, *,
                           labels: tuple[str, str] = ("ghosh", "leontief"), column: str = "type") -> pd.DataFrame:
    """Sectors whose class differs between two :func:`indicators.key_sectors` tables.

    Returns one row per changed sector (same order as ``first``) with the columns
    ``<labels[0]>`` and ``<labels[1]>`` (the two classes). Both tables must have the same sectors.
    """
    for name, t in (("first", first), ("second", second)):
        if column not in t.columns:
            raise ValueChainInputError(text("views_msg.input_output.no_class_column", name=name, column=column))
    if set(first.index) != set(second.index):
        raise ValueChainInputError(text("views_msg.input_output.same_sectors"))
    b = second[column].reindex(first.index)
    changed = first[column] != b
    out = pd.DataFrame({labels[0]: first[column][changed], labels[1]: b[changed]})
    out.index.name = first.index.name or "sector"
    return out


def fva_by_source(va_in_exports: pd.DataFrame, exporter: str, *, lang: str | None = None) -> pd.DataFrame:
    """Foreign value added in the exports of ``exporter`` by source region, largest first.

    Input: the tidy output of :func:`indicators.value_added_in_exports`. Columns: ``source``,
    ``source_name`` (in ``lang``, default the notebook's language), ``value_added`` (US$ million), ``share``
    (of the exporter's gross exports).
    """
    lang = reader_lang(lang)
    need = {"exporter", "source", "value_added", "share"}
    if not need.issubset(va_in_exports.columns):
        raise ValueChainInputError(text("views_msg.input_output.not_va_in_exports", lang,
                                        missing=sorted(need - set(va_in_exports.columns))))
    rows = va_in_exports[(va_in_exports["exporter"] == exporter) & (va_in_exports["source"] != exporter)]
    if rows.empty:
        raise ValueChainInputError(text("views_msg.input_output.unknown_exporter", lang, exporter=exporter,
                                        regions=sorted(set(va_in_exports["exporter"]))))
    out = rows[["source", "value_added", "share"]].sort_values("value_added", ascending=False, kind="stable")
    out.insert(1, "source_name", [REGION_NAMES[lang].get(s, s) for s in out["source"]])
    return out.reset_index(drop=True)


def key_sector_figure(linkages_df: pd.DataFrame, *, name: str = "Brazil", forward: str = "Ghosh",
                      lang: str | None = None, threshold: float = 1.0) -> go.Figure:
    """Scatter of backward (x) vs forward (y) linkages, one dot per sector named on hover, coloured by class.

    ``linkages_df`` is the output of :func:`indicators.key_sectors` (columns ``backward``,
    ``forward``, ``type``; index = sector names). Dashed lines at ``threshold`` draw the quadrants.
    """
    t = texts("input_output", lang)
    for c in ("backward", "forward", "type"):
        if c not in linkages_df.columns:
            raise ValueChainInputError(text("views_msg.input_output.linkages_column", lang, column=c))
    fig = go.Figure()
    for typ, colour in _TYPE_COLOURS.items():
        d = linkages_df[linkages_df["type"] == typ]
        label = t[f"type.{typ}"]
        fig.add_trace(go.Scatter(x=d["backward"], y=d["forward"], mode="markers", name=f"{label} ({len(d)})",
                                 marker={"color": colour, "size": 9}, text=[str(s) for s in d.index],
                                 hovertemplate="%{text}<br>" + t["key_hover"]))
    fig.add_vline(x=threshold, line_dash="dash", line_color="grey")
    fig.add_hline(y=threshold, line_dash="dash", line_color="grey")
    fig.update_layout(title=t["key_title"].format(name=name, fwd=forward), xaxis_title=t["bl"],
                      yaxis_title=t["fl"].format(fwd=forward), template="plotly_white", legend_title_text="",
                      separators=plotly_separators(lang))
    return fig


def fva_figure(fva_table: pd.DataFrame, *, name: str = "Brazil", year: int = 2000, top: int = 10,
               lang: str | None = None) -> go.Figure:
    """Horizontal bar of the ``top`` sources of foreign value added (share of gross exports, %).

    ``fva_table`` is the output of :func:`fva_by_source`.
    """
    t = texts("input_output", lang)
    if not {"source_name", "share"}.issubset(fva_table.columns):
        raise ValueChainInputError(text("views_msg.input_output.not_fva_table", lang))
    d = fva_table.head(top).iloc[::-1]
    fig = go.Figure(go.Bar(x=100 * d["share"].to_numpy(dtype=float), y=d["source_name"], orientation="h",
                           marker_color="#0072B2", hovertemplate="%{y}: %{x:.2f}%<extra></extra>"))
    fig.update_layout(title=t["fva_title"].format(name=name, year=year), xaxis_title=t["fva_x"].format(name=name),
                      yaxis_title=t["source"], template="plotly_white", separators=plotly_separators(lang))
    return fig


# --------------------------------------------------------------------------------------------
# which data the lesson can show for a country
# --------------------------------------------------------------------------------------------
#: Countries with national input-output tables in the course's data (IBGE supply-use 2000-2021,
#: the 2020 symmetric table). Every other country runs the lesson on this example.
NATIONAL_IO = ("BRA",)
#: ISO3 code -> code of the same economy in the world MRIO 2000, where they differ.
_MRIO_CODE = {"NLD": "NDL"}

@dataclass(frozen=True)
class LessonData:
    """What lesson L09 shows for a country: ``national`` (whose national tables, ``"BRA"``),
    ``region`` (the region of the world MRIO 2000 in section 5) and ``note`` (Markdown, in the
    learner's language, saying what is shown instead of the country's own data; ``""`` if nothing
    is replaced)."""

    country: str
    national: str
    region: str
    note: str


def lesson_data(country: str, region: str | None = None, *, year: int = 2021, lang: str | None = None) -> LessonData:
    """The data lesson L09 uses for ``country`` (any ISO3 code), and the sentence that says so.

    National tables exist only for Brazil (:data:`NATIONAL_IO`): any other country runs sections
    1–4 on Brazil's, and ``note`` says so at the top of the lesson. ``region`` (a code of the world
    table, :data:`REGION_NAMES`): ``None`` = the country's own region when the world table has
    one (e.g. MEX, USA, CHN), else Brazil; a LAC country other than Brazil and Mexico is inside
    "rest of the world" in 2000. An unknown country or region code raises
    :class:`ValueChainInputError`.
    """
    from course_tools.data import country_name

    lang = check_lang(current_language() if lang is None else lang)
    t = texts("input_output.note", lang)
    code = str(country).strip().upper()
    try:
        name = country_name(code, lang)
    except ValueError as err:
        raise ValueChainInputError(*err.args) from None  # the message of data (catalogue)
    own = _MRIO_CODE.get(code, code)
    own = own if own in REGION_NAMES["en"] and own != "ROW" else None
    if region is not None:
        reg = str(region).strip().upper()
        if reg not in REGION_NAMES["en"]:
            raise ValueChainInputError(text("input_output.note.bad_region", lang,
                                            regions=", ".join(REGION_NAMES["en"]), region=region))
    else:
        reg = own or NATIONAL_IO[0]
    national = code if code in NATIONAL_IO else NATIONAL_IO[0]
    notes = []
    if national != code:
        notes.append(t["no_national"].format(name=name, code=code, year=year))
        if reg == own:
            notes.append(t["own_region"].format(name=name))
        elif region is not None:
            notes.append(t["chosen_region"].format(region=REGION_NAMES[lang][reg]))
        else:
            notes.append(t["in_row"].format(name=name, region=REGION_NAMES[lang][reg]))
    return LessonData(code, national, reg, " ".join(notes))
