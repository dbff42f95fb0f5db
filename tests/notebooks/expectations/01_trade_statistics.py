"""Expected values of lesson L01 (lessons/01_trade_statistics.ipynb) and exercise ex01, for CHL and JAM.

Worked out from the raw files with awk and the csv module, not with course_tools
(T17, T80 = datasets/trade_ots_economiccomplexity/world_trade_{2017,1980}_hs07_4d.csv,
G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv, H = datasets/concordances_kim/hs3_desc.csv)::

    awk -F, 'length($1)==2 && $1 ~ /^[0-9]/' H | wc -l                      # 97 chapters
    awk -F, '$1 ~ /^[0-9][0-9][0-9][0-9]$/' H | wc -l                        # 1222 headings
    awk -F, 'NR>1 {r[$1]; c[substr($2,1,2)]; if ($3!="") cc[$1" "substr($2,1,2)]}
        END {print length(r), length(c), length(cc)}' T17                   # 224 97 19407
    awk -F, -v c=chl '$1==c && $3!="" {s[substr($2,1,2)]+=$3; t+=$3}
        END {for (k in s) printf "%s %.1f %.10f\\n", k, s[k], s[k]/t}' T17 | sort -k2,2 -g -r | head -5
    awk -F, -v c=chl '$1==c && $3!="" {s[substr($2,1,2)]++} END {print length(s)}' T17   # chapters exported
    awk -F, -v c=chl '$1==c && $3!="" && $3!="NA" {s[substr($2,1,2)]++; t+=$3}
        END {printf "%d %.1f\\n", length(s), t}' T80                          # 1980 chapters, total
    awk -F, -v c=CHL '$1==c {s+=$8} END {printf "%.6f\\n", s}' G              # exports to all partners
    awk -F, -v c=CHL '$1==c' G | sort -t, -k8,8 -g -r | head -10 | cut -d, -f2,8

Sections: the Roman numerals of the 2-digit rows of classif_hs2022_datahub/harmonized-system.csv (I..XXI;
chapter 99 has none). Spanish chapter names: column name_es of the 2digit rows of classif_growthlab/hs92_atlas.csv.
Country names: UNTERM English/Spanish Short in country_codes_datahub/country-codes.csv.
"""
from __future__ import annotations

from pytest import approx

CHL = {
    "name_en": "Chile", "name_es": "Chile", "n_chapters": 97,
    "top5_chapters": ["26", "74", "08", "03", "47"], "top_chapter_value": 20_265_766_074.0,
    "top_chapter_name_es": "Minerales, escorias y cenizas", "total_2017": 75_915_749_884.0,
    "n_chapters_1980": 95, "total_1980": 5_435_285_486.0,
    "partners": ["USA", "JPN", "CHN", "NLD", "KOR", "BRA", "ITA", "MEX", "FRA", "DEU"],
    "top_partner_flow": 10291.0, "partners_total": 62780.916514,
}
JAM = {
    "name_en": "Jamaica", "name_es": "Jamaica", "n_chapters": 95,
    "top5_chapters": ["28", "27", "22", "26", "07"], "top_chapter_value": 694_850_387.0,
    "top_chapter_name_es": ("Químicos inorgánicos; compuestos inorgánicos u orgánicos de los metales preciosos, "
                            "de metales de las tierras raras, de los elementos radiactivos o de isótopos."),
    "total_2017": 1_699_596_755.0, "n_chapters_1980": 90, "total_1980": 1_518_657_042.0,
    "partners": ["USA", "CAN", "CHN", "DEU", "GBR", "NLD", "NOR", "FRA", "VEN", "TJK"],
    "top_partner_flow": 659.9846, "partners_total": 2588.775332,
}
FACTS = {"CHL": CHL, "JAM": JAM}


def _lesson(f: dict) -> dict:
    return {
        "n_chapters_hs07": 97,
        "n_headings_hs07": 1222,
        "n_sections_hs": 21,
        "country_name_en": f["name_en"],
        "country_name_es": f["name_es"],
        "world_wide_shape": [224, 97],
        "n_reported_country_chapters": 19407,
        "melt_roundtrip_ok": True,
        "n_chapters_exported": f["n_chapters"],
        "top5_chapters": f["top5_chapters"],
        "top_chapter_share": approx(f["top_chapter_value"] / f["total_2017"], rel=1e-9),
        "top_chapter_name_es": f["top_chapter_name_es"],
        "treemap_total_usd": approx(f["total_2017"], rel=1e-12),
        "top10_partners": f["partners"],
        "top_partner_share": approx(f["top_partner_flow"] / f["partners_total"], rel=1e-9),
        "partners_total_musd": approx(f["partners_total"], rel=1e-9),
    }


def _ex01(f: dict) -> dict:
    return {
        "n_chapters": f["n_chapters"],
        "chapters_total": approx(f["total_2017"], rel=1e-12),
        "top_chapter": f["top5_chapters"][0],
        "top_chapter_name_es": f["top_chapter_name_es"],
        "wide_reported": {"1980": f["n_chapters_1980"], "2017": f["n_chapters"]},
        "wide_total_1980": approx(f["total_1980"], rel=1e-12),
        "top_partner": f["partners"][0],
        "top_partner_share": approx(f["top_partner_flow"] / f["partners_total"], rel=1e-9),
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/01_trade_statistics.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _lesson(f)} for code, f in FACTS.items()
    },
    "solutions/ex01/ex01.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _ex01(f)} for code, f in FACTS.items()
    },
}
