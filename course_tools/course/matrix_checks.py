"""Checks of the values the country matrix records: each one sane, and the same number the same everywhere.

:func:`sanity_problems` reads the names of a notebook's records (``record("n_rca_world", 196)``) and
checks what the name promises: finite numbers; shares in [0, 1]; counts whole and ≥ 0; RSCA in
[-1, 1]; RCA ≥ 0; Herfindahl indices in [0, 1]; product codes of four digits; top-5 lists of at most
five different codes; and counts that cannot exceed another count of the same notebook (products
with RCA ≥ 1 ≤ products exported, a rank ≤ the number ranked...). ``None`` is allowed: a notebook
records it when a step does not apply to the country (and says so). A country outside Latin America and
the Caribbean (USA, DEU, CHN, IND in the matrix) is ranked by ECI among the LAC countries *and itself*
(the report and ex08), so its rank may be one more than the number of LAC countries ranked
(:data:`OUTSIDE_LAC_EXTRA`); give ``country`` to :func:`sanity_problems` so that the rule knows.

:func:`consistency_problems` compares the records of several notebooks for one country: the number
of products with RCA ≥ 1 must be the same in L05, exercise 05 and the report, the ECI the same in
L08 and the report, and so on (:data:`SAME`). The report, run in the other language, must record
the same values as lesson L12 except the names (:data:`NAMES`).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from course_tools.i18n import text

__all__ = ["SAME", "NAMES", "LIMITS", "OUTSIDE_LAC_EXTRA", "sanity_problems", "consistency_problems", "same_value"]

#: Quantities recorded by more than one notebook: (what, [(notebook item, record name), ...]).
SAME: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("exports 2017 (USD)", (("lessons/00_welcome.ipynb", "total_exports_usd"), ("solutions/ex00/ex00.ipynb",
                            "total_exports"), ("lessons/04_files_at_scale.ipynb", "total_exports_usd"),
                            ("report", "total_exports_usd"))),
    ("products exported 2017", (("lessons/00_welcome.ipynb", "n_products_exported"),
                                ("lessons/04_files_at_scale.ipynb", "n_products_exported"),
                                ("lessons/05_revealed_comparative_advantage.ipynb", "n_products_exported"),
                                ("report", "n_products_exported"))),
    ("largest export product", (("lessons/00_welcome.ipynb", "top_product"), ("solutions/ex00/ex00.ipynb",
                                "top_product"), ("lessons/04_files_at_scale.ipynb", "top_product"),
                                ("solutions/ex04/ex04.ipynb", "top_product"))),
    ("share of the largest product", (("lessons/00_welcome.ipynb", "top_product_share"),
                                      ("solutions/ex00/ex00.ipynb", "top_share"), ("report", "top_product_share"))),
    ("five largest products", (("lessons/00_welcome.ipynb", "top5_products"), ("report", "top5_products"))),
    ("rows of the country 2017", (("solutions/ex00/ex00.ipynb", "n_rows"), ("lessons/02_data_quality.ipynb",
                                  "n_rows"))),
    ("rows not reported 2017", (("lessons/02_data_quality.ipynb", "n_not_reported"),
                                ("solutions/ex02/ex02.ipynb", "n_not_reported"), ("report", "n_rows_not_reported"))),
    ("rows of zero 2017", (("lessons/02_data_quality.ipynb", "n_zero"), ("solutions/ex02/ex02.ipynb", "n_zero"))),
    ("mirror coverage ratio", (("lessons/02_data_quality.ipynb", "coverage_ratio"),
                               ("solutions/ex02/ex02.ipynb", "coverage_ratio"))),
    ("in the complexity set", (("lessons/02_data_quality.ipynb", "country_kept"),
                               ("lessons/08_complexity.ipynb", "country_kept"))),
    ("exports by ISIC section", (("lessons/03_classifications.ipynb", "sections"),
                                 ("solutions/ex03/ex03.ipynb", "sections"))),
    ("largest ISIC division", (("lessons/03_classifications.ipynb", "top_division"),
                               ("solutions/ex03/ex03.ipynb", "top_division"))),
    ("products with RCA ≥ 1 (world)", (("lessons/05_revealed_comparative_advantage.ipynb", "n_rca_world"),
                                       ("report", "n_rca_world"))),
    ("products with RCA ≥ 1 (LAC)", (("lessons/05_revealed_comparative_advantage.ipynb", "n_rca_lac"),
                                     ("solutions/ex05/ex05.ipynb", "n_rca_lac"), ("report", "n_rca_lac"))),
    ("largest RCA product", (("lessons/05_revealed_comparative_advantage.ipynb", "top_rca_product"),
                             ("solutions/ex05/ex05.ipynb", "top_rca_product"))),
    ("HHI (UNCTAD)", (("lessons/05_revealed_comparative_advantage.ipynb", "hhi_unctad"),
                      ("solutions/ex05/ex05.ipynb", "hhi_unctad"))),
    ("LAC share of exports 2006", (("lessons/06_interdependence.ipynb", "lac_share_of_exports"),
                                   ("report", "lac_share_of_exports"))),
    ("products of the competitiveness matrix", (("lessons/07_dynamics.ipynb", "n_products_matrix"),
                                                ("solutions/ex07/ex07.ipynb", "n_products_matrix"))),
    # no pair for the competitiveness quadrants: L07 and ex07 classify every product the country exported in either
    # year, the report only the products of the niche analysis (the cleaned complexity set), so their counts differ
    # by design; the report records them as quadrant_counts_analysis and its title says "products of the analysis"
    ("products of the complexity set", (("lessons/08_complexity.ipynb", "n_products"),
                                        ("lessons/11_niches.ipynb", "n_products"))),
    ("country shown by the complexity steps", (("lessons/08_complexity.ipynb", "focus"),
                                               ("lessons/11_niches.ipynb", "focus"))),
    ("LAC countries ranked by ECI", (("lessons/08_complexity.ipynb", "n_lac_ranked"), ("report", "n_lac_ranked"))),
    ("diversity", (("lessons/08_complexity.ipynb", "diversity"), ("solutions/ex08/ex08.ipynb", "diversity"))),
    ("product of highest density", (("lessons/08_complexity.ipynb", "top_density_product"),
                                    ("solutions/ex08/ex08.ipynb", "top_density_product"))),
    ("product-space nodes with RCA ≥ 1", (("lessons/08_complexity.ipynb", "n_nodes_present"),
                                          ("solutions/ex08/ex08.ipynb", "n_nodes_present"))),
    ("ECI rank among LAC", (("lessons/08_complexity.ipynb", "eci_rank_lac"),
                            ("solutions/ex08/ex08.ipynb", "eci_rank_lac"), ("report", "eci_rank_lac"))),
    # L11 section 8 ranks the report's two default lists on the same criteria table
    ("products of the consolidate list", (("lessons/11_niches.ipynb", "n_consolidate"), ("report", "n_consolidate"))),
    ("five best products to consolidate", (("lessons/11_niches.ipynb", "top5_consolidate"),
                                           ("report", "top5_consolidate"))),
    ("products of the diversify list", (("lessons/11_niches.ipynb", "n_diversify"), ("report", "n_diversify"))),
    ("five best products to diversify into", (("lessons/11_niches.ipynb", "top5_diversify"),
                                              ("report", "top5_diversify"))),
)
#: Comparisons of the report with lesson L12 for the countries in the complexity set (their own values).
SAME_IN_SET: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("ECI", (("lessons/08_complexity.ipynb", "eci"), ("report", "eci"))),
    ("ECI rank in the world", (("lessons/08_complexity.ipynb", "eci_rank_world"), ("report", "eci_rank_world"))),
)
#: Records of lesson L12 written in the reader's language (the report item runs the other one).
NAMES: frozenset[str] = frozenset({"country_name"})
#: (count, the count it cannot exceed) within one notebook's records.
LIMITS: tuple[tuple[str, str], ...] = (
    ("n_rca_world", "n_products_exported"), ("n_rca_lac", "n_products_exported"), ("n_rca", "n_products_exported"),
    ("n_products_exported", "n_rows"), ("n_not_reported", "n_rows"), ("n_zero", "n_rows"),
    ("diversity", "n_products"), ("n_pass", "n_products"), ("n_consolidate", "n_products"),
    ("n_diversify", "n_products"), ("n_niche_passing", "n_niche_products"),
    ("n_nodes_present", "n_layout_nodes"), ("n_nodes_matched", "n_layout_nodes"),
    ("eci_rank_lac", "n_lac_ranked"), ("eci_rank_world", "n_countries"),
    ("n_intense_lac_partners", "n_countries_gravity"),
)
#: Limits that grow by one for a country outside LAC: it is ranked among the LAC countries plus itself.
OUTSIDE_LAC_EXTRA: frozenset[tuple[str, str]] = frozenset({("eci_rank_lac", "n_lac_ranked")})
_CODES = re.compile(r"top(_\w+)?_product|top_niche|top_new_niche|top_density_product|top_export")
_REL = 1e-9


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _numbers(v: Any) -> Iterable[float]:
    if _is_number(v):
        yield float(v)
    elif isinstance(v, Mapping):
        for x in v.values():
            yield from _numbers(x)
    elif isinstance(v, (list, tuple)):
        for x in v:
            yield from _numbers(x)


def _range_of(name: str) -> tuple[float, float] | None:
    """The range a number named ``name`` must be in, by what the name says."""
    if "rsca" in name:
        return -1.0, 1.0
    if re.search(r"(^|_)share(_|$)", name) or name.startswith("hhi") or name.endswith("_hhi"):
        return 0.0, 1.0
    if re.search(r"(^|_)rca(_|$)", name) or name.startswith("top_rca"):
        return 0.0, math.inf
    return None


def _one(name: str, value: Any) -> list[str]:
    """Problems of one record by itself."""
    if value is None:
        return []
    out = [text("countries.not_finite", name=name, value=value) for x in _numbers(value) if not math.isfinite(x)]
    if out:
        return out[:1]
    if (name.startswith("n_") or name.endswith("_count")) and not (
            isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return [text("countries.not_count", name=name, value=value)]
    bounds = _range_of(name)
    if bounds and _is_number(value) and not (bounds[0] - 1e-12 <= value <= bounds[1] + 1e-12):
        return [text("countries.out_of_range", name=name, value=value, low=bounds[0], high=bounds[1])]
    if _CODES.fullmatch(name) and not (isinstance(value, str) and re.fullmatch(r"\d{4}", value)):
        return [text("countries.not_code", name=name, value=value)]
    top = re.match(r"top(\d+)_", name)
    if top and isinstance(value, list) and (len(value) > int(top.group(1)) or len(set(map(str, value))) < len(value)):
        return [text("countries.bad_list", name=name, value=value, n=int(top.group(1)))]
    return []


def _in_lac(country: str | None) -> bool:
    """Whether ``country`` (ISO3) is in the LAC group; ``None`` (not said) counts as a member: the strict rule."""
    if country is None:
        return True
    from course_tools import data

    return str(country).strip().upper() in set(data.group_members("lac"))


def sanity_problems(records: Mapping[str, Any], country: str | None = None) -> list[str]:
    """What is wrong with the values one notebook recorded for ``country`` (ISO3; empty list: all sane).

    ``country`` only matters for the limits of :data:`OUTSIDE_LAC_EXTRA`: without it, the country is
    taken to be in LAC (the strict limit).
    """
    out = [p for name, value in records.items() for p in _one(name, value)]
    outside = None
    for small, big in LIMITS:
        a, b = records.get(small), records.get(big)
        if (small, big) in OUTSIDE_LAC_EXTRA and _is_number(b):
            outside = (not _in_lac(country)) if outside is None else outside
            b = b + 1 if outside else b
        if _is_number(a) and _is_number(b) and a > b:
            out.append(text("countries.more_than", name=small, value=a, other=big, limit=b))
    return out


def same_value(a: Any, b: Any) -> bool:
    """Equal, numbers within a relative 1e-9 (and dicts and lists element by element)."""
    if _is_number(a) and _is_number(b):
        return math.isclose(a, b, rel_tol=_REL, abs_tol=1e-9)
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


def consistency_problems(records: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """What differs between notebooks for one country; ``records`` = {notebook item: its records}.

    Only the notebooks present count, and a ``None`` (a step that does not apply) is left out.
    """
    groups = list(SAME)
    if (records.get("lessons/08_complexity.ipynb") or {}).get("country_kept") is True:
        groups += list(SAME_IN_SET)
    out = []
    for what, where in groups:
        found = [(item, name, records[item][name]) for item, name in where
                 if item in records and records[item].get(name) is not None]
        if any(not same_value(found[0][2], v) for _, _, v in found[1:]):
            values = ", ".join(f"{item.split('/')[-1]} {name} = {v!r}" for item, name, v in found)
            out.append(text("countries.inconsistent", what=what, values=values))
    lesson, report = records.get("lessons/12_country_report.ipynb"), records.get("report")
    if lesson is not None and report is not None:
        for name in sorted((set(lesson) | set(report)) - NAMES):
            if not same_value(lesson.get(name), report.get(name)):
                out.append(text("countries.inconsistent", what=name,
                                values=f"L12 {lesson.get(name)!r}, report {report.get(name)!r}"))
    return out
