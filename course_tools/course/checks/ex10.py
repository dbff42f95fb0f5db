"""Visible checks of exercise ex10 "SMEs and territory" (goes with lesson L10).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at
their consistency with the course's conventions; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex10 «Las pymes y el territorio»: revisan la *forma* de sus respuestas y
su coherencia con las convenciones del curso; el corrector automático también revisa los valores.
"""
from __future__ import annotations

import math

from course_tools.course.checks import (
    CheckSet,
    assert_finite_number,
    assert_sorted_text_list,
    assert_table,
    assert_whole_number,
    msg,
)

checks = CheckSet("ex10")
_SECTORS = {"11", "21", "22", "23", "31-33", "43", "46", "48-49", "51", "52", "53", "54", "55", "56", "61", "62",
            "71", "72", "81"}


# --- q1 -------------------------------------------------------------------------------------------

@checks.add("q1")
def q1_lq_is_the_lq_table(lq):
    assert_table(lq, "lq", ("region", "industry", "lq"))
    assert lq["lq"].notna().all(), msg("selfcheck.ex10.missing_lq")
    n = lq["region"].nunique()
    assert n >= 40, (msg("selfcheck.ex10.municipalities", n=n))


@checks.add("q1")
def q1_top_sector_has_the_largest_lq(top_sector, top_lq, lq, MUNICIPALITY):
    assert isinstance(top_sector, str), msg("selfcheck.helpers.not_text_plain", name="top_sector",
                                            kind=type(top_sector).__name__)
    assert top_sector in _SECTORS, msg("selfcheck.ex10.not_scian", code=top_sector)
    assert_finite_number(top_lq, "top_lq")
    mine = lq[lq["region"] == MUNICIPALITY].set_index("industry")["lq"]
    assert top_sector in mine.index, msg("selfcheck.ex10.no_lq", municipality=MUNICIPALITY, code=top_sector)
    assert math.isclose(float(top_lq), float(mine[top_sector]), rel_tol=1e-9), msg("selfcheck.ex10.not_lq")
    assert float(top_lq) >= float(mine.max()) * (1 - 1e-12), msg("selfcheck.ex10.larger_lq", municipality=MUNICIPALITY)


# --- q2 -------------------------------------------------------------------------------------------

@checks.add("q2")
def q2_n_suppressed_is_a_count(n_suppressed):
    assert_whole_number(n_suppressed, "n_suppressed")
    assert 0 <= n_suppressed <= 19, msg("selfcheck.ex10.max_cells")


@checks.add("q2")
def q2_counts_the_flag(n_suppressed, census, MUNICIPALITY):
    rows = census[(census["census_year"] == 2023) & (census["municipality"] == MUNICIPALITY)]
    assert n_suppressed <= len(rows), msg("selfcheck.ex10.few_rows", municipality=MUNICIPALITY, n=len(rows))
    assert n_suppressed == int(rows["employment"].isna().sum()), msg("selfcheck.ex10.not_suppressed")


# --- q3 -------------------------------------------------------------------------------------------

@checks.add("q3")
def q3_ss_is_by_municipality(ss):
    assert_table(ss, "ss", ("region", "change", "national_share", "industrial_mix", "regional_shift"))
    assert "industry" not in ss.columns and ss["region"].is_unique, msg("selfcheck.ex10.by_industry")
    parts = ss["national_share"] + ss["industrial_mix"] + ss["regional_shift"]
    assert (parts - ss["change"]).abs().max() < 1e-6, msg("selfcheck.ex10.not_additive")


@checks.add("q3")
def q3_regional_shift_is_the_row(regional_shift, ss, MUNICIPALITY):
    assert_finite_number(regional_shift, "regional_shift")
    row = ss[ss["region"] == MUNICIPALITY]
    assert len(row) == 1, msg("selfcheck.ex10.not_row", municipality=MUNICIPALITY)
    assert math.isclose(float(regional_shift), float(row["regional_shift"].iloc[0]), rel_tol=1e-9, abs_tol=1e-9), (
        msg("selfcheck.ex10.not_shift"))


# --- q4 -------------------------------------------------------------------------------------------

@checks.add("q4")
def q4_candidates_is_a_sorted_list(candidates):
    assert_sorted_text_list(candidates, "candidates")
    assert all(c in _SECTORS for c in candidates), msg("selfcheck.ex10.not_scian_list")


@checks.add("q4")
def q4_candidates_pass_the_thresholds(candidates, lq, MUNICIPALITY):
    mine = lq[lq["region"] == MUNICIPALITY].set_index("industry")
    for c in candidates:
        assert c in mine.index, msg("selfcheck.ex10.no_cell", code=c, municipality=MUNICIPALITY)
        assert mine.loc[c, "lq"] >= 1.25, msg("selfcheck.ex10.low_lq", code=c, lq=mine.loc[c, 'lq'])
        assert mine.loc[c, "employment"] >= 100, msg("selfcheck.ex10.small", code=c)
