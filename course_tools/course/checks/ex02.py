"""Visible checks of exercise ex02 "Data-quality checks" (goes with lesson L02 Data quality).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers
(type, range, consistency); the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex02 «Controles de calidad»: revisan la *forma* de sus
respuestas; el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

from course_tools.course.checks import (
    CheckSet,
    assert_between,
    assert_number,
    assert_sorted_text_list,
    assert_whole_number,
    msg,
)

checks = CheckSet("ex02")


# --- q1: not reported vs zero ------------------------------------------------------------

@checks.add("q1")
def q1_counts_are_integers(n_not_reported, n_zero):
    assert_whole_number(n_not_reported, "n_not_reported")
    assert_whole_number(n_zero, "n_zero")


@checks.add("q1")
def q1_counts_in_range(n_not_reported, n_zero, COUNTRY):
    from course_tools.data import load_trade

    assert 0 <= n_not_reported <= 1222, msg("selfcheck.ex02.too_many", name="n_not_reported", value=n_not_reported)
    assert 0 <= n_zero <= 1222, msg("selfcheck.ex02.too_many", name="n_zero", value=n_zero)
    t = load_trade(2017)
    if t.loc[t["country"] == COUNTRY, "export_value"].isna().any():  # the United States or China report every row
        assert n_not_reported > 0, msg("selfcheck.ex02.dropped_nan")


# --- q2: suppressed share --------------------------------------------------------------

@checks.add("q2")
def q2_share_is_a_fraction(suppressed_share):
    assert_between(suppressed_share, "suppressed_share", 0, 1)


@checks.add("q2")
def q2_share_is_not_zero(suppressed_share):
    assert suppressed_share > 0, (msg("selfcheck.ex02.zero_share"))


# --- q3: duplicated keys ---------------------------------------------------------------

@checks.add("q3")
def q3_is_sorted_list_of_codes(dup_products):
    assert_sorted_text_list(dup_products, "dup_products", unique=True)


@checks.add("q3")
def q3_codes_are_chapter_28(dup_products, slice_28):
    assert dup_products, msg("selfcheck.ex02.no_duplicates")
    # chapter 28, or the country's first reported chapter when it reports none in 28 (e.g. Haiti)
    chapters = set(slice_28["product"].astype(str).str[:2])
    assert all(p[:2] in chapters for p in dup_products), msg("selfcheck.ex02.not_chapter_28",
                                                             chapters=", ".join(sorted(chapters)))
    assert set(dup_products) <= set(slice_28["product"]), msg("selfcheck.ex02.not_in_slice")


# --- q4: coverage ratio ----------------------------------------------------------------

@checks.add("q4")
def q4_ratio_is_a_number(coverage_ratio):
    assert_number(coverage_ratio, "coverage_ratio")


@checks.add("q4")
def q4_ratio_plausible(coverage_ratio):
    assert 0.5 <= coverage_ratio <= 2, msg("selfcheck.ex02.implausible", value=coverage_ratio)
