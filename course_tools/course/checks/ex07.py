"""Visible checks of exercise ex07 "Competitiveness dynamics" (goes with lesson L07 Dynamics).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at
their consistency with the course's conventions; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex07 «Dinámica de la competitividad»: revisan la *forma* de sus
respuestas y su coherencia con las convenciones del curso; el corrector automático también revisa los valores.
"""
from __future__ import annotations

import math

import pandas as pd

from course_tools.course.checks import (
    CheckSet,
    assert_adds_up_to_exports,
    assert_count,
    assert_finite_number,
    assert_number,
    assert_table,
    assert_text_code,
    country_total,
    msg,
)

checks = CheckSet("ex07")

CMS_PARTS = ["world_growth", "commodity_composition", "competitiveness", "total_change"]


# --- q1: the matrix and its rising stars -------------------------------------------------------

@checks.add("q1")
def q1_matrix_is_a_table(matrix):
    assert_table(matrix, "matrix", ("product", "export_t0", "export_t1", "delta_weight", "delta_share", "quadrant"))


@checks.add("q1")
def q1_matrix_is_1980_to_2017_for_country(matrix, COUNTRY):
    for col, year in (("export_t0", 1980), ("export_t1", 2017)):
        assert_adds_up_to_exports(matrix[col], msg("selfcheck.ex07.the_column", col=col), COUNTRY, year)


@checks.add("q1")
def q1_n_rising_stars_counts_the_quadrant(n_rising_stars, matrix):
    n = int((matrix["quadrant"] == "rising star").sum())
    assert_count(n_rising_stars, "n_rising_stars", n, msg("selfcheck.ex07.rising_stars", n=n))


# --- q2: the largest missed opportunity --------------------------------------------------------

@checks.add("q2")
def q2_largest_missed_is_a_code(largest_missed):
    assert_text_code(largest_missed, "largest_missed", 4, digits=False)


@checks.add("q2")
def q2_is_the_largest_missed_opportunity(largest_missed, largest_missed_value, matrix):
    missed = matrix[matrix["quadrant"] == "missed opportunity"]
    row = missed[missed["product"] == largest_missed]
    assert len(row) == 1, msg("selfcheck.ex07.not_missed", code=largest_missed)
    assert_number(largest_missed_value, "largest_missed_value")
    assert math.isclose(float(largest_missed_value), float(row["export_t1"].iloc[0]), rel_tol=1e-9), (
        msg("selfcheck.ex07.not_value"))
    assert float(largest_missed_value) >= float(missed["export_t1"].max()) * (1 - 1e-12), (
        msg("selfcheck.ex07.larger_missed"))


# --- q3: constant market share -------------------------------------------------------------------

@checks.add("q3")
def q3_cms_is_the_decomposition(cms, COUNTRY):
    assert isinstance(cms, pd.Series), msg("selfcheck.ex07.not_series", kind=type(cms).__name__)
    missing = [k for k in CMS_PARTS if k not in cms.index]
    assert not missing, msg("selfcheck.ex07.no_entries", missing=missing)
    parts = float(cms["world_growth"] + cms["commodity_composition"] + cms["competitiveness"])
    assert math.isclose(parts, float(cms["total_change"]), rel_tol=1e-9), msg("selfcheck.ex07.not_additive")
    change = country_total(COUNTRY, 2017) - country_total(COUNTRY, 1980)
    assert math.isclose(float(cms["total_change"]), change, rel_tol=1e-9, abs_tol=1.0), (
        msg("selfcheck.ex07.total_change", country=COUNTRY, change=change))


@checks.add("q3")
def q3_competitiveness_effect(competitiveness_effect, cms, COUNTRY):
    assert_number(competitiveness_effect, "competitiveness_effect")
    assert math.isclose(float(competitiveness_effect), float(cms["competitiveness"]), rel_tol=1e-9), (
        msg("selfcheck.ex07.not_effect"))
    from course_tools.data import load_trade
    from course_tools.methods.dynamics import cms_world

    course = float(cms_world(load_trade(1980), load_trade(2017), COUNTRY)["competitiveness"])
    assert math.isclose(float(competitiveness_effect), course, rel_tol=1e-9), msg("selfcheck.ex07.reference")


# --- q4: the change in ECI -----------------------------------------------------------------------

@checks.add("q4")
def q4_eci_change_is_a_number(eci_change):
    assert_finite_number(eci_change, "eci_change")
    assert abs(float(eci_change)) < 5, msg("selfcheck.ex07.eci_too_large")


@checks.add("q4")
def q4_eci_change_direction(eci_change, COUNTRY):
    from course_tools.data import load_country_year

    cy = load_country_year()
    eci = cy[cy["country"] == COUNTRY].set_index("year")["eci"]
    want = float(eci.loc[2023] - eci.loc[1995])
    assert math.isclose(float(eci_change), want, rel_tol=1e-9, abs_tol=1e-12), (
        msg("selfcheck.ex07.not_change", value=float(eci_change), country=COUNTRY))
