"""Visible checks of exercise ex08 "Complexity and the product space" (goes with lesson L08).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at their
consistency with the course's conventions; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex08 «Complejidad y espacio de productos»: revisan la *forma* de sus
respuestas y su coherencia con las convenciones del curso; el corrector automático también revisa los valores.
"""
from __future__ import annotations

import functools

from course_tools.course.checks import CheckSet, assert_text_code, assert_whole_number, msg

checks = CheckSet("ex08")


@functools.lru_cache(maxsize=8)
def _focus(country: str) -> str:
    """The country the questions are about: COUNTRY, or Jamaica (FOCUS in the notebook) when COUNTRY is outside the
    2017 complexity set."""
    from course_tools.views.complexity import complexity_focus

    return complexity_focus(country)[0]


# --- q1: the cleaned complexity result and the diversity -----------------------------------------

@checks.add("q1")
def q1_result_is_a_complexity_result(result):
    from course_tools.indicators import ComplexityResult

    assert isinstance(result, ComplexityResult), msg("selfcheck.ex08.not_result", kind=type(result).__name__)


@checks.add("q1")
def q1_result_is_cleaned(result):
    assert "BVT" not in result.M.index, msg("selfcheck.ex08.bouvet")
    assert "7108" not in result.M.columns, msg("selfcheck.ex08.gold")


@checks.add("q1")
def q1_course_convention(result):
    assert result.convention == "py-ecomplexity", msg("selfcheck.ex08.convention", convention=result.convention)
    assert result.threshold == 1.0, msg("selfcheck.ex08.threshold", threshold=result.threshold)


@checks.add("q1")
def q1_diversity_of_country(diversity, result, COUNTRY):
    COUNTRY = _focus(COUNTRY)
    assert_whole_number(diversity, "diversity")
    assert COUNTRY in result.M.index, msg("selfcheck.ex08.country_missing", country=COUNTRY)
    assert diversity == int(result.diversity[COUNTRY]), msg("selfcheck.ex08.not_diversity")


# --- q2: the ECI rank among LAC countries ---------------------------------------------------------

@checks.add("q2")
def q2_rank_is_an_int_in_range(eci_rank_lac, result, COUNTRY):
    from course_tools.data import group_members

    assert_whole_number(eci_rank_lac, "eci_rank_lac")
    # a country outside the region is ranked among the LAC countries and itself
    n = sum(c in result.eci.index for c in dict.fromkeys(group_members("lac") + [_focus(COUNTRY)]))
    assert 1 <= eci_rank_lac <= n, msg("selfcheck.ex08.rank_range", value=eci_rank_lac, n=n)


@checks.add("q2")
def q2_rank_is_descending(eci_rank_lac, result, COUNTRY):
    COUNTRY = _focus(COUNTRY)
    from course_tools.data import group_members

    lac = [c for c in group_members("lac") if c in result.eci.index]
    above = sum(result.eci[c] > result.eci[COUNTRY] + 1e-10 for c in lac)
    assert eci_rank_lac == above + 1, msg("selfcheck.ex08.rank", above=above, country=COUNTRY, rank=eci_rank_lac)


# --- q3: the nearest product not yet exported -----------------------------------------------------

@checks.add("q3")
def q3_is_a_code(top_density_product, result):
    assert_text_code(top_density_product, "top_density_product", 4, digits=False)
    assert top_density_product in result.M.columns, msg("selfcheck.helpers.not_a_product", code=top_density_product,
                                                        table="result")


@checks.add("q3")
def q3_not_exported(top_density_product, result, COUNTRY):
    COUNTRY = _focus(COUNTRY)
    assert result.M.loc[COUNTRY, top_density_product] == 0, (
        msg("selfcheck.ex08.already", country=COUNTRY, code=top_density_product))


@checks.add("q3")
def q3_highest_density(top_density_product, result, COUNTRY):
    COUNTRY = _focus(COUNTRY)
    dens = result.density.loc[COUNTRY][result.M.loc[COUNTRY] == 0]
    assert dens[top_density_product] >= dens.max() - 1e-12, msg("selfcheck.ex08.denser", code=top_density_product)


# --- q4: the country's nodes on the product space -------------------------------------------------

@checks.add("q4")
def q4_is_a_count(n_nodes_present):
    assert_whole_number(n_nodes_present, "n_nodes_present")
    assert 0 <= n_nodes_present <= 866, msg("selfcheck.ex08.nodes_range", value=n_nodes_present)


@checks.add("q4")
def q4_counts_layout_nodes(n_nodes_present, diversity):
    assert n_nodes_present <= diversity, msg("selfcheck.ex08.nodes_above", value=n_nodes_present, diversity=diversity)


@checks.add("q4")
def q4_matches_the_layout(n_nodes_present, result, COUNTRY):
    COUNTRY = _focus(COUNTRY)
    from course_tools.data import product_space_layout

    nodes, _ = product_space_layout("hs")
    row = result.M.loc[COUNTRY]
    row.index = row.index.astype(str)
    n = int(row.reindex(nodes["product"].astype(str)).fillna(0).sum())
    assert n_nodes_present == n, msg("selfcheck.ex08.nodes_differ", value=n_nodes_present)
