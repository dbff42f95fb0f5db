"""Correspondence tables between classifications (HS vintages, ISIC, SITC, BEC), with equal-split weights.

The tables come from the 6-digit UN/WITS correspondences of the R package concordance (Liao, Kim,
Miyano & Zhang 2020), shipped in ``datasets/concordances_kim``. Each file is named after the
prefixes of its two code columns (``hs3_isic3.csv`` holds ``HS3_6d`` ... ``ISIC3_4d``); the HS
vintages carry the UN's numbers (HS0 = 1992, HS3 = 2007, HS6 = 2022), except the one table that
pools every HS vintage against ISIC Rev. 4 (``hs_isic4.csv``, columns ``HS_*``), which is cut to the
6-digit codes of the vintage asked for. Converting values with these weights is arithmetic:
:mod:`course_tools.methods.concordances`.
"""
from __future__ import annotations

import pandas as pd

from course_tools.data._cache import built_once, shipped_table
from course_tools.data._common import DataValidationError, plain_csv
from course_tools.data.classifications import KIM, read_kim_desc
from course_tools.i18n import text

__all__ = ["concordance", "CONCORDANCE_PAIRS"]

#: Prefix of each classification's code columns in the concordance files.
_PREFIX = {"hs92": "HS0", "hs07": "HS3", "hs22": "HS6", "isic4": "ISIC4", "isic3": "ISIC3", "isic2": "ISIC2",
           "sitc2": "SITC2", "bec4": "BEC4"}
#: The (source, target) pairs with a file; each is also read the other way (target -> source).
CONCORDANCE_PAIRS: tuple[tuple[str, str], ...] = (
    ("hs07", "isic4"), ("hs92", "isic4"), ("hs22", "isic4"), ("hs07", "isic3"), ("hs92", "isic3"),
    ("hs07", "sitc2"), ("hs92", "sitc2"), ("hs22", "sitc2"), ("hs07", "hs92"), ("hs22", "hs07"),
    ("hs22", "hs92"), ("hs07", "bec4"), ("hs92", "bec4"), ("isic4", "isic3"), ("sitc2", "isic2"),
)
_DEFAULT_LEVEL = {"hs07": 4, "hs92": 4, "hs22": 4, "isic4": 4, "isic3": 4, "isic2": 4, "sitc2": 4, "bec4": 3}


def _file_of(source: str, target: str) -> tuple[str, str, str, str | None]:
    """(file, source prefix, target prefix, description file of the HS vintage to keep or None)."""
    sp, tp = _PREFIX[source], _PREFIX[target]
    if target == "isic4" and source.startswith("hs"):  # one table for every HS vintage
        return "hs_isic4.csv", "HS", tp, f"{sp.lower()}_desc.csv"
    return f"{sp.lower()}_{tp.lower()}.csv", sp, tp, None


def _pairs_table(source: str, target: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The file's rows for the pair (either direction) and the column prefix of each classification."""
    pairs = list(CONCORDANCE_PAIRS) + [(t, s) for s, t in CONCORDANCE_PAIRS]
    if (source, target) not in pairs:
        raise DataValidationError(text("data_msg.concordances.no_pair", source=source, target=target,
                                       pairs=[f"{s}->{t}" for s, t in pairs]))
    reverse = (source, target) not in CONCORDANCE_PAIRS
    file, sp, tp, restrict = _file_of(*((target, source) if reverse else (source, target)))
    d = shipped_table(f"{KIM}/{file}", plain_csv)
    if restrict:
        desc = shipped_table(f"{KIM}/{restrict}", read_kim_desc)
        d = d[d[f"{sp}_6d"].isin(desc.loc[desc["code"].str.len() == 6, "code"])]
    return d, {source: tp if reverse else sp, target: sp if reverse else tp}


def _level_column(d: pd.DataFrame, prefix: str, cls: str, level: int) -> str:
    name = f"{prefix}_{level}d"
    if name not in d.columns:
        have = sorted(int(c.split("_")[1][:-1]) for c in d.columns if c.startswith(prefix + "_"))
        raise DataValidationError(text("data_msg.concordances.no_level", classification=cls, level=level,
                                       available=have))
    return name


@built_once(*(f"{KIM}/{f}" for f in ("hs0_bec4.csv", "hs0_desc.csv", "hs0_isic3.csv", "hs0_sitc2.csv", "hs3_bec4.csv",
                                     "hs3_desc.csv", "hs3_hs0.csv", "hs3_isic3.csv", "hs3_sitc2.csv", "hs6_desc.csv",
                                     "hs6_hs0.csv", "hs6_hs3.csv", "hs6_sitc2.csv", "hs_isic4.csv", "isic4_isic3.csv",
                                     "sitc2_isic2.csv", "sitc2_rauch.csv")))
def concordance(source: str, target: str, *, source_level: int | None = None,
                target_level: int | None = None) -> pd.DataFrame:
    """Correspondence table from one classification to another, with equal-split weights.

    Returns columns ``<source>``, ``<target>`` (named after the classifications, e.g. ``hs07``,
    ``isic4``) and ``weight``. Built from the 6-digit UN/WITS correspondences of the R
    package concordance (Liao, Kim, Miyano & Zhang 2020), aggregated to the requested levels
    (defaults: HS, ISIC and SITC at 4 digits, BEC at 3): each distinct (source, target) pair is one
    row and a source code that maps to n target codes gets weight 1/n on each (equal split, no
    trade weights). The weights of every source code sum to 1, so
    ``(value * weight).groupby(target).sum()`` keeps the total. Reverse pairs (e.g. hs92 -> hs07)
    are the same table read the other way, again with 1/n weights.
    Caveats: ``hs_isic4`` pools all HS vintages; for hs07 -> isic4 only HS2007 6-digit codes are
    kept, but a code reused across vintages may carry mappings of another vintage. Source codes
    without any target (e.g. HS 0502 in hs_isic4) are left out.
    """
    source, target = str(source).lower(), str(target).lower()
    d, prefix = _pairs_table(source, target)
    s_level = source_level if source_level is not None else _DEFAULT_LEVEL.get(source, 4)
    t_level = target_level if target_level is not None else _DEFAULT_LEVEL.get(target, 4)
    sc = _level_column(d, prefix[source], source, s_level)
    tc = _level_column(d, prefix[target], target, t_level)
    out = d[[sc, tc]].rename(columns={sc: source, tc: target})
    out = out[(out[source].str.strip() != "") & (out[target].str.strip() != "")]
    out = out.drop_duplicates().sort_values([source, target]).reset_index(drop=True)
    out["weight"] = 1.0 / out.groupby(source)[target].transform("size").astype("float64")
    return out
