"""Expected values of lesson L03 (lessons/03_classifications.ipynb) and exercise ex03, for CHL and JAM.

Worked out from the raw files with awk, not with course_tools (K = datasets/concordances_kim,
T = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv)::

    # HS2007 -> HS1992 headings: 1221 headings, 16 with more than one HS1992 heading
    awk -F, 'NR>1 && $2!="" && $5!="" {print $2","$5}' K/hs3_hs0.csv | sort -u |
        awk -F, '{n[$1]++} END {s=0; for (k in n) if (n[k]>1) s++; print length(n), s}'
    # HS2007 -> ISIC4 (hs_isic4.csv restricted to the 6-digit codes of hs3_desc.csv): 1190 headings, 946 split
    awk -F, 'FNR==NR {if (length($1)==6) ok[$1]; next} FNR>1 && ($1 in ok) && $2!="" && $4!="" {print $2","$4}' \
        K/hs3_desc.csv K/hs_isic4.csv | sort -u > cls.csv
    # the same with $7 (sections) > sec.csv, $6 (divisions) > div.csv
    # exports split equally over the targets of each heading, unmatched headings apart, naive = value * n targets
    awk -F, -v c=chl 'FNR==NR {n[$1]++; p[$1","n[$1]]=$2; next} FNR>1 && $1==c && $3!="" {t+=$3;
        if ($2 in n) {for (i=1;i<=n[$2];i++) s[p[$2","i]]+=$3/n[$2]; nv+=$3*n[$2]} else {u+=$3; nu++}}
        END {print t, nu, u, nv; for (k in s) print k, s[k]}' sec.csv T
"""

from __future__ import annotations

from pytest import approx

CHL = {
    "total": 75_915_749_884.0,
    "n_unmatched": 26,
    "unmatched_value": 448_882_673.0,
    "naive": 222_595_661_330.0,
    "sections": {
        "A": 5_116_020_559.5,
        "B": 19_950_117_586.0,
        "C": 48_768_951_082.5,
        "D": 349_829_327.0,
        "E": 607_336_639.0,
        "J": 22_547_452.5,
        "M": 5721.0,
        "N": 5_791_798.5,
        "P": 5438.0,
        "R": 5_791_798.5,
        "S": 114_028_584.5,
        "T": 526_441_224.0,
        "unmatched": 448_882_673.0,
    },
    "top_section": "C",
    "top_division": "24",
    "top_division_value": 19_202_439_519.885715,
}
JAM = {
    "total": 1_699_596_755.0,
    "n_unmatched": 13,
    "unmatched_value": 26_707_923.0,
    "naive": 8_043_072_348.0,
    "sections": {
        "A": 76_468_891.0,
        "B": 124_764_084.0,
        "C": 1_392_548_303.3333,
        "D": 36_848_570.3333,
        "E": 156_909.3333,
        "J": 479_398.5,
        "M": 1066.6667,
        "N": 1_946_651.5,
        "P": 491.6667,
        "R": 1_946_651.5,
        "S": 8_233_804.1667,
        "T": 29_494_010.0,
        "unmatched": 26_707_923.0,
    },
    "top_section": "C",
    "top_division": "19",
    "top_division_value": 331_187_052.976190,
}
FACTS = {"CHL": CHL, "JAM": JAM}


def _sections(f: dict) -> dict:
    return {k: approx(v, rel=1e-9, abs=1e-3) for k, v in f["sections"].items()}


def _lesson(f: dict) -> dict:
    return {
        "n_hs07_headings": 1221,
        "n_hs07_split_hs92": 16,
        "n_hs07_split_isic4": 946,
        "total_2017": approx(f["total"], rel=1e-12),
        "naive_ratio": approx(f["naive"] / f["total"], rel=1e-9),
        "n_unmatched": f["n_unmatched"],
        "unmatched_value": approx(f["unmatched_value"], rel=1e-12),
        "weighted_preserved": True,
        "sections": _sections(f),
        "top_section": f["top_section"],
        "top_division": f["top_division"],
        "top_division_value": approx(f["top_division_value"], rel=1e-9),
    }


def _ex03(f: dict) -> dict:
    return {
        "n_split": 946,
        "sections": _sections(f),
        "naive_total": approx(f["naive"], rel=1e-12),
        "unmatched_value": approx(f["unmatched_value"], rel=1e-12),
        "top_division": f["top_division"],
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/03_classifications.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _lesson(f)} for code, f in FACTS.items()
    },
    "solutions/ex03/ex03.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _ex03(f)} for code, f in FACTS.items()
    },
}
