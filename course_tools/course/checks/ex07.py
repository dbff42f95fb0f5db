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

@checks.add("q1",
            hint="`matrix` must be the DataFrame returned by dyn.world_market_table(trade_1980, trade_2017, COUNTRY).",
            pista="`matrix` debe ser el DataFrame que devuelve dyn.world_market_table(trade_1980, trade_2017, "
                  "COUNTRY).")
def q1_matrix_is_a_table(matrix):
    assert_table(matrix, "matrix", ("product", "export_t0", "export_t1", "delta_weight", "delta_share", "quadrant"))


@checks.add("q1",
            hint="Period 0 is 1980 and period 1 is 2017, in that order: world_market_table(trade_1980, trade_2017, "
                 "COUNTRY), and for the COUNTRY of the parameters cell.",
            pista="El periodo 0 es 1980 y el periodo 1 es 2017, en ese orden: world_market_table(trade_1980, "
                  "trade_2017, COUNTRY), y para el COUNTRY de la celda de parámetros.")
def q1_matrix_is_1980_to_2017_for_country(matrix, COUNTRY):
    for col, year in (("export_t0", 1980), ("export_t1", 2017)):
        assert_adds_up_to_exports(matrix[col], msg("selfcheck.ex07.the_column", col=col), COUNTRY, year)


@checks.add("q1",
            hint="`n_rising_stars` is a whole number: (matrix['quadrant'] == 'rising star').sum(), made an int.",
            pista="`n_rising_stars` es un número entero: (matrix['quadrant'] == 'rising star').sum(), como int.")
def q1_n_rising_stars_counts_the_quadrant(n_rising_stars, matrix):
    n = int((matrix["quadrant"] == "rising star").sum())
    assert_count(n_rising_stars, "n_rising_stars", n, msg("selfcheck.ex07.rising_stars", n=n))


# --- q2: the largest missed opportunity --------------------------------------------------------

@checks.add("q2",
            hint="`largest_missed` is the HS code as text with 4 characters (e.g. '8517'), taken from "
                 "matrix['product'].",
            pista="`largest_missed` es el código SA como texto de 4 caracteres (p. ej. '8517'), tomado de "
                  "matrix['product'].")
def q2_largest_missed_is_a_code(largest_missed):
    assert_text_code(largest_missed, "largest_missed", 4, digits=False)


@checks.add("q2",
            hint="Keep the rows with quadrant 'missed opportunity', then take the one with the largest export_t1 "
                 "(the 2017 exports): sort_values('export_t1', ascending=False).",
            pista="Conserve las filas con quadrant 'missed opportunity' y tome la de mayor export_t1 (exportaciones "
                  "de 2017): sort_values('export_t1', ascending=False).")
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

@checks.add("q3",
            hint="`cms` is the Series returned by dyn.cms_world(trade_1980, trade_2017, COUNTRY).",
            pista="`cms` es la Series que devuelve dyn.cms_world(trade_1980, trade_2017, COUNTRY).")
def q3_cms_is_the_decomposition(cms, COUNTRY):
    assert isinstance(cms, pd.Series), msg("selfcheck.ex07.not_series", kind=type(cms).__name__)
    missing = [k for k in CMS_PARTS if k not in cms.index]
    assert not missing, msg("selfcheck.ex07.no_entries", missing=missing)
    parts = float(cms["world_growth"] + cms["commodity_composition"] + cms["competitiveness"])
    assert math.isclose(parts, float(cms["total_change"]), rel_tol=1e-9), msg("selfcheck.ex07.not_additive")
    change = country_total(COUNTRY, 2017) - country_total(COUNTRY, 1980)
    assert math.isclose(float(cms["total_change"]), change, rel_tol=1e-9, abs_tol=1.0), (
        msg("selfcheck.ex07.total_change", country=COUNTRY, change=change))


@checks.add("q3",
            hint="`competitiveness_effect` is one number in USD: cms['competitiveness'], made a float. Use the "
                 "course's reference (the rest of the world: the default of cms_world).",
            pista="`competitiveness_effect` es un número en USD: cms['competitiveness'], como float. Use la "
                  "referencia del curso (el resto del mundo: la opción por defecto de cms_world).")
def q3_competitiveness_effect(competitiveness_effect, cms, COUNTRY):
    assert_number(competitiveness_effect, "competitiveness_effect")
    assert math.isclose(float(competitiveness_effect), float(cms["competitiveness"]), rel_tol=1e-9), (
        msg("selfcheck.ex07.not_effect"))
    from course_tools.data import load_trade
    from course_tools.methods.dynamics import cms_world

    course = float(cms_world(load_trade(1980), load_trade(2017), COUNTRY)["competitiveness"])
    assert math.isclose(float(competitiveness_effect), course, rel_tol=1e-9), msg("selfcheck.ex07.reference")


# --- q4: the change in ECI -----------------------------------------------------------------------

@checks.add("q4",
            hint="`eci_change` is one number: the ECI of 2023 minus the ECI of 1995 (column `eci` of "
                 "data.load_country_year()), made a float.",
            pista="`eci_change` es un número: el ICE de 2023 menos el ICE de 1995 (columna `eci` de "
                  "data.load_country_year()), como float.")
def q4_eci_change_is_a_number(eci_change):
    assert_finite_number(eci_change, "eci_change")
    assert abs(float(eci_change)) < 5, msg("selfcheck.ex07.eci_too_large")


@checks.add("q4",
            hint="Later minus earlier (2023 − 1995), for the rows of COUNTRY; a positive value means the export "
                 "basket became more complex.",
            pista="El posterior menos el anterior (2023 − 1995), en las filas de COUNTRY; un valor positivo "
                  "significa que la canasta exportadora se volvió más compleja.")
def q4_eci_change_direction(eci_change, COUNTRY):
    from course_tools.data import load_country_year

    cy = load_country_year()
    eci = cy[cy["country"] == COUNTRY].set_index("year")["eci"]
    want = float(eci.loc[2023] - eci.loc[1995])
    assert math.isclose(float(eci_change), want, rel_tol=1e-9, abs_tol=1e-12), (
        msg("selfcheck.ex07.not_change", value=float(eci_change), country=COUNTRY))
