"""Visible checks of exercise ex03 "Concordances" (goes with lesson L03 Classifications and concordances).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at
facts you can verify yourself (totals); the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex03 «Correspondencias»: revisan la *forma* de sus respuestas y
los totales; el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

import pandas as pd

from course_tools.course.checks import (
    CheckSet,
    assert_adds_up_to_exports,
    assert_number,
    assert_table,
    assert_text_code,
    assert_whole_number,
    country_total,
    msg,
)

checks = CheckSet("ex03")


# --- q1: headings that split -------------------------------------------------------------------

@checks.add("q1")
def q1_is_an_integer(n_split):
    assert_whole_number(n_split, "n_split")


@checks.add("q1")
def q1_is_a_count_of_headings(n_split):
    from course_tools import data
    conc = data.concordance("hs07", "isic4")
    n_headings = conc["hs07"].nunique()
    assert 0 < n_split < n_headings, msg("selfcheck.ex03.n_split", value=n_split, n=n_headings)


# --- q2: exports by ISIC section --------------------------------------------------------------

@checks.add("q2")
def q2_is_a_table(sections):
    assert_table(sections, "sections", ("isic4", "export_value"))


@checks.add("q2")
def q2_codes_are_sections(sections):
    codes = [str(c) for c in sections["isic4"]]
    bad = [c for c in codes if not (c == "unmatched" or (len(c) == 1 and c.isalpha()))]
    assert not bad, msg("selfcheck.ex03.not_sections", bad=bad[:5])
    assert len(codes) == len(set(codes)), msg("selfcheck.ex03.repeated_section")
    assert "unmatched" in codes, msg("selfcheck.ex03.keep_unmatched")


@checks.add("q2")
def q2_total_is_preserved(sections, COUNTRY):
    assert_adds_up_to_exports(sections["export_value"], "`sections`", COUNTRY)


@checks.add("q2")
def q2_is_sorted(sections):
    v = pd.to_numeric(sections["export_value"]).tolist()
    assert v == sorted(v, reverse=True), msg("selfcheck.ex03.not_sorted")


# --- q3: naive merge and unmatched value -------------------------------------------------------

@checks.add("q3")
def q3_are_numbers(naive_total, unmatched_value):
    assert_number(naive_total, "naive_total")
    assert_number(unmatched_value, "unmatched_value")


@checks.add("q3")
def q3_naive_double_counts(naive_total, COUNTRY):
    want = country_total(COUNTRY)
    assert naive_total > want * 1.01, msg("selfcheck.ex03.naive_not_above", value=naive_total, total=want)


@checks.add("q3")
def q3_unmatched_is_a_part(unmatched_value, COUNTRY):
    want = country_total(COUNTRY)
    assert 0 <= unmatched_value < want, msg("selfcheck.ex03.unmatched_range", value=unmatched_value, total=want)


# --- q4: the largest ISIC division -------------------------------------------------------------

@checks.add("q4")
def q4_is_a_division_code(top_division):
    assert_text_code(top_division, "top_division", 2)
