"""Visible checks of exercise ex09 "Input-output and value chains" (goes with lesson L09).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at
their consistency with the course's conventions; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex09 «Insumo-producto y cadenas de valor»: revisan la *forma* de sus
respuestas y su coherencia con las convenciones del curso; el corrector automático también revisa los valores.
"""
from __future__ import annotations

import math

import pandas as pd

from course_tools.course.checks import CheckSet, assert_between, assert_count, assert_finite_number, assert_table, msg

checks = CheckSet("ex09")


# --- q1 -------------------------------------------------------------------------------------------

@checks.add("q1")
def q1_L_is_the_leontief_inverse(L, io):
    assert isinstance(L, pd.DataFrame) and L.shape == (51, 51), msg("selfcheck.ex09.not_51")
    assert list(L.columns) == list(io.Z.columns), msg("selfcheck.ex09.columns")
    # (I - A) L = I: check one column, column j of (I - A) L
    j = 0
    A = io.Z / io.x
    col = L.iloc[:, j] - A.to_numpy() @ L.iloc[:, j].to_numpy()
    assert math.isclose(float(col.iloc[j]), 1.0, abs_tol=1e-8) and float(col.drop(col.index[j]).abs().max()) < 1e-8, (
        msg("selfcheck.ex09.not_inverse"))


@checks.add("q1")
def q1_top_sector_has_the_largest_multiplier(top_sector, top_multiplier, L):
    assert isinstance(top_sector, str), msg("selfcheck.helpers.not_text_plain", name="top_sector",
                                            kind=type(top_sector).__name__)
    assert top_sector in L.columns, msg("selfcheck.ex09.not_sector", code=top_sector)
    assert_finite_number(top_multiplier, "top_multiplier")
    sums = L.sum(axis=0)
    assert math.isclose(float(top_multiplier), float(sums[top_sector]), rel_tol=1e-9), (
        msg("selfcheck.ex09.not_multiplier"))
    assert float(top_multiplier) >= float(sums.max()) * (1 - 1e-12), msg("selfcheck.ex09.larger_multiplier")


# --- q2 -------------------------------------------------------------------------------------------

@checks.add("q2")
def q2_key_table_is_a_classification(key_table):
    assert_table(key_table, "key_table", ("backward", "forward", "type"))
    assert len(key_table) == 51, msg("selfcheck.ex09.rows", n=len(key_table))
    assert math.isclose(float(key_table["backward"].mean()), 1.0, rel_tol=1e-9), msg("selfcheck.ex09.mean_one")


@checks.add("q2")
def q2_forward_linkages_are_ghosh(key_table, L):
    rows = L.sum(axis=1)
    leontief = (rows / rows.mean()).reindex(key_table.index)
    assert not float((key_table["forward"] - leontief).abs().max()) < 1e-9, msg("selfcheck.ex09.not_ghosh")


@checks.add("q2")
def q2_n_key_counts_the_key_sectors(n_key, key_table):
    n = int((key_table["type"] == "key").sum())
    assert_count(n_key, "n_key", n, msg("selfcheck.ex09.key_sectors", n=n))


# --- q3 -------------------------------------------------------------------------------------------

@checks.add("q3")
def q3_food_jobs_is_the_simple_multiplier(food_jobs, io):
    assert_finite_number(food_jobs, "food_jobs")
    direct = float(io.jobs["Food and beverages"] / io.x["Food and beverages"])
    assert float(food_jobs) > direct, msg("selfcheck.ex09.food_direct", value=float(food_jobs), direct=direct)
    assert float(food_jobs) < 200, msg("selfcheck.ex09.food_large")


# --- q4 -------------------------------------------------------------------------------------------

@checks.add("q4")
def q4_value_added_closes(va_exports, REGION):
    assert_table(va_exports, "va_exports", ("exporter", "source", "value_added"))
    d = va_exports[va_exports["exporter"] == REGION]
    gross = float(d["gross_exports"].iloc[0])
    assert math.isclose(float(d["value_added"].sum()), gross, rel_tol=1e-6), msg("selfcheck.ex09.not_closed")


@checks.add("q4")
def q4_answers_have_the_right_form(fva_share, top_source, va_exports, REGION):
    assert_between(fva_share, "fva_share", 0, 1, closed="neither")
    assert isinstance(top_source, str) and top_source != REGION, msg("selfcheck.ex09.foreign")
    d = va_exports[(va_exports["exporter"] == REGION) & (va_exports["source"] != REGION)]
    assert top_source in set(d["source"]), msg("selfcheck.ex09.not_source", code=top_source)
    assert math.isclose(float(fva_share), float(d["share"].sum()), rel_tol=1e-9), (
        msg("selfcheck.ex09.fva", region=REGION))
    best = float(d["value_added"].max())
    assert float(d.loc[d["source"] == top_source, "value_added"].iloc[0]) >= best * (1 - 1e-12), (
        msg("selfcheck.ex09.larger_source"))
