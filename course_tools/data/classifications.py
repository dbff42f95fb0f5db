"""Product and industry classifications: codes, names, parents and sections at each level.

:func:`products` gives one level of HS 2007, HS 1992 (Atlas), HS 2022, SITC Rev. 2, ISIC Rev. 4 /
Rev. 3 or BEC Rev. 4, in English (and Spanish where a Spanish name exists). Each classification has
one builder below that returns its whole table (every level) and how many names fell back to
English; :func:`products` checks the level and keeps the rows of that level.

Sources: UN/WITS descriptions in the R package concordance (Liao, Kim, Miyano & Zhang 2020),
the Growth Lab Atlas classification (HS92, English and Spanish) and the WCO HS 2022 table
(datahub.io); each is described in ``datasets/<folder>/SOURCE.md``.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._cache import built_once, shipped_table
from course_tools.data._common import DataValidationError, as_text, blank_to_nan, plain_csv
from course_tools.i18n import check_lang, text

__all__ = ["products", "short_names", "CLASSIFICATIONS"]

#: Folder of the R package concordance's tables (descriptions and correspondences).
KIM = "concordances_kim"
_HS92_FILE = "classif_growthlab/hs92_atlas.csv"
_HS22_FILE = "classif_hs2022_datahub/harmonized-system.csv"


def read_kim_desc(path: Path) -> pd.DataFrame:
    """A description table of the R package concordance (``code``, ``desc``), codes stripped."""
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    d["code"] = d["code"].str.strip()
    return d


def _hs92_table(lang: str) -> pd.DataFrame:
    d = shipped_table(_HS92_FILE, plain_csv)
    code_by_row = pd.Series(d["code"].to_numpy(), index=pd.to_numeric(d[d.columns[0]]).astype("int64"))
    names = d["name_es"].where((lang == "es") & (d["name_es"] != ""), d["name_en"])
    out = pd.DataFrame({
        "code": d["code"], "level": d["level"].map({"section": 0, "2digit": 2, "4digit": 4, "6digit": 6}),
        "name": names.str.strip(),
        "parent": pd.to_numeric(blank_to_nan(d["parent_id"])).map(code_by_row),
        "section": pd.to_numeric(blank_to_nan(d["top_parent_id"])).map(code_by_row),
    })
    out["section_name"] = out["section"].map(out[out["level"] == 0].set_index("code")["name"])
    return out


def _hs_sections() -> tuple[pd.Series, pd.Series]:
    """HS chapter -> section (Roman numeral) and section -> English name (from the HS2022 table).

    Chapter 99 (not specified according to kind) belongs to no HS section: the HS2022 file's
    placeholder "TOTAL" becomes a missing value, so there are 21 sections.
    """
    hs = shipped_table(_HS22_FILE, plain_csv)
    ch = hs[hs["level"] == "2"].set_index("hscode")["section"]
    ch = ch.where(ch != "TOTAL", np.nan)
    names = shipped_table("classif_hs2022_datahub/sections.csv", plain_csv)
    names.columns = [c.strip().lstrip("\ufeff") for c in names.columns]
    return ch, names.set_index("section")["name"].str.strip()


def _kim_hs_table(file: str) -> pd.DataFrame:
    d = shipped_table(f"{KIM}/{file}", read_kim_desc)
    d = d[d["code"].str.fullmatch(r"\d+")]
    lvl = d["code"].str.len()
    out = pd.DataFrame({"code": d["code"], "level": lvl, "name": d["desc"].str.strip()})
    out["parent"] = np.where(lvl > 2, d["code"].str[:-2], np.nan)
    ch, names = _hs_sections()
    out["section"] = d["code"].str[:2].map(ch)
    out["section_name"] = out["section"].map(names)
    return out


def _hs07_spanish(table: pd.DataFrame) -> pd.DataFrame:
    """Spanish names for HS2007 codes: the HS92 (Growth Lab) name of the same code where it exists."""
    es = _hs92_table("es")
    es = es[es["level"].isin([2, 4]) & es["code"].str.fullmatch(r"\d+")].set_index("code")["name"]
    table = table.copy()
    table["name"] = table["code"].map(es).fillna(table["name"])
    return table


def _kim_hier_table(file: str, letters: bool) -> pd.DataFrame:
    """ISIC / SITC / BEC description tables: parents from the code (ISIC: section letter by file order)."""
    d = shipped_table(f"{KIM}/{file}", read_kim_desc)
    codes = d["code"].tolist()
    section, sections = None, []
    for c in codes:
        if letters and c.isalpha():
            section = c
        sections.append(section if letters else c[:1])
    out = pd.DataFrame({"code": d["code"], "name": d["desc"].str.strip()})
    out["level"] = np.where(out["code"].str.isalpha(), 1, out["code"].str.len())
    out["section"] = sections
    if letters:
        out["parent"] = np.where(out["level"] == 2, out["section"],
                                 np.where(out["level"] > 2, out["code"].str[:-1], np.nan))
    else:
        out["parent"] = np.where(out["level"] > 1, out["code"].str[:-1], np.nan)
    sec_names = out[out["level"] == 1].set_index("code")["name"]
    out["section_name"] = out["section"].map(sec_names)
    return out



def _english_only(table: pd.DataFrame, lang: str, level: int) -> int:
    """Names that stay English at ``level`` in a classification without Spanish names."""
    return int((table["level"] == level).sum()) if lang == "es" else 0


def _hs92(lang: str, level: int) -> tuple[pd.DataFrame, int]:
    table = _hs92_table(lang)
    if lang != "es":
        return table, 0
    gl = shipped_table(_HS92_FILE, plain_csv)
    level_name = {2: "2digit", 4: "4digit", 6: "6digit"}.get(level, "")
    return table, int(((gl["name_es"] == "") & (gl["level"] == level_name)).sum())


def _hs07(lang: str, level: int) -> tuple[pd.DataFrame, int]:
    table = _kim_hs_table("hs3_desc.csv")
    if lang != "es":
        return table, 0
    spanish = _hs07_spanish(table)
    return spanish, int(((spanish["name"] == table["name"]) & (spanish["level"] == level)).sum())


def _hs22(lang: str, level: int) -> tuple[pd.DataFrame, int]:
    hs = shipped_table(_HS22_FILE, plain_csv)
    hs = hs[hs["level"].isin(["2", "4", "6"])]
    _, names = _hs_sections()
    table = pd.DataFrame({"code": hs["hscode"], "level": hs["level"].astype(int),
                          "name": hs["description"].str.strip(),
                          "parent": hs["parent"].where(hs["parent"] != "TOTAL", np.nan),
                          "section": hs["section"], "section_name": hs["section"].map(names)})
    return table, _english_only(table, lang, level)


def _kim_hier(file: str, letters: bool) -> Callable[[str, int], tuple[pd.DataFrame, int]]:
    def build(lang: str, level: int) -> tuple[pd.DataFrame, int]:
        table = _kim_hier_table(file, letters=letters)
        return table, _english_only(table, lang, level)

    return build


#: Each classification and the builder of its table (every level) with its count of English names.
_BUILDERS: dict[str, Callable[[str, int], tuple[pd.DataFrame, int]]] = {
    "hs07": _hs07, "hs92": _hs92, "hs22": _hs22,
    "sitc2": _kim_hier("sitc2_desc.csv", letters=False),
    "isic4": _kim_hier("isic4_desc.csv", letters=True),
    "isic3": _kim_hier("isic3_desc.csv", letters=True),
    "bec4": _kim_hier("bec4_desc.csv", letters=False),
}
#: The classifications :func:`products` knows.
CLASSIFICATIONS: tuple[str, ...] = tuple(_BUILDERS)


def _one_level(table: pd.DataFrame, classification: str, level: int, lang: str | None = None) -> pd.DataFrame:
    """The rows of ``level``; 2-digit codes without a parent get their section as parent."""
    table = table.copy()
    table["parent"] = table["parent"].where(~((table["level"] == 2) & table["parent"].isna()), table["section"])
    available = sorted(int(x) for x in table["level"].dropna().unique() if int(x) > 0)
    if level not in available:
        raise DataValidationError(text("data_msg.classifications.no_level", lang, classification=classification,
                                       level=level, available=available))
    out = table[table["level"] == level][["code", "name", "parent", "section", "section_name"]]
    out = out.reset_index(drop=True)
    for c in out.columns:
        out[c] = as_text(out[c])
    return out


@built_once(_HS92_FILE, _HS22_FILE, "classif_hs2022_datahub/sections.csv",
            *(f"{KIM}/{f}" for f in ("hs3_desc.csv", "sitc2_desc.csv", "isic4_desc.csv", "isic3_desc.csv",
                                     "bec4_desc.csv")))
def products(classification: str = "hs07", level: int = 4, lang: str = "en") -> pd.DataFrame:
    """Codes and names of a product or industry classification at one level.

    Columns: code (zero-padded string), name, parent (code one level up), section,
    section_name. Classifications and levels:

    - ``"hs07"`` HS 2007 (the world trade tables), levels 2/4/6, English names from the UN
      (concordance package ``hs3_desc``). ``lang="es"``: the Spanish (Atlas HS92) name of the same
      code; 6-digit codes and the 4-digit codes that do not exist in HS92 keep the English name
      (the count is in ``products.attrs['english_fallback']``).
    - ``"hs92"`` HS 1992 as used by the Atlas (Growth Lab), levels 2/4/6, English and Spanish
      (6-digit: English only). Its sections are the Atlas's 11 sectors ('0'...'10').
    - ``"hs22"`` HS 2022 (WCO via UN Comtrade), levels 2/4/6, English only.
    - ``"sitc2"`` SITC Rev. 2, levels 1-5; ``"isic4"``, ``"isic3"`` ISIC Rev. 4 / Rev. 3, levels
      1 (section letter) to 4; ``"bec4"`` BEC Rev. 4, levels 1-3. English only.

    HS tables (hs07, hs22) use the 21 HS sections (Roman numerals, English names).
    """
    classification = str(classification).lower()
    if classification not in _BUILDERS:
        raise DataValidationError(text("data_msg.classifications.unknown", lang, classification=classification,
                                       available=list(CLASSIFICATIONS)))
    check_lang(lang)
    table, fallback = _BUILDERS[classification](lang, level)
    out = _one_level(table, classification, level, lang)
    out.attrs["english_fallback"] = fallback
    return out


def short_names(lang: str = "en", level: int = 4) -> pd.Series:
    """Short names of the HS headings (``level`` 4) or chapters (2), for figures and summaries: code -> name, never cut.

    The Atlas of Economic Complexity's short names of its HS 1992 codes (``name_short_en`` / ``name_short_es`` of
    ``classif_growthlab/hs92_atlas.csv``: "Copper ore", "Minerales de cobre"), joined on the same code; a HS 2007
    code with no Atlas short name keeps its full name (:func:`products`). Spanish falls back to English where the
    Atlas has no Spanish short name.
    """
    check_lang(lang)
    if level not in (2, 4):
        raise DataValidationError(text("data_msg.classifications.short_names_level", level=repr(level)))
    d = shipped_table(_HS92_FILE, plain_csv)
    d = d[d["level"] == f"{level}digit"]
    es, en = d["name_short_es"].str.strip(), d["name_short_en"].str.strip()
    short = (es.where(es != "", en) if lang == "es" else en).set_axis(d["code"].str.strip())
    full = products("hs07", level, lang=lang).drop_duplicates("code").set_index("code")["name"]
    out = short[short != ""].reindex(full.index).fillna(full)
    out.index.name = "code"
    return out.rename("name")
