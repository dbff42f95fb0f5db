"""Visible checks of exercise ex01 "Trade tables" (goes with lesson L01 Trade statistics from the ground up).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers (type,
columns, codes, ranges); the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex01 «Tablas de comercio»: revisan la *forma* de sus respuestas;
el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

import pandas as pd

from course_tools.course.checks import (
    CheckSet,
    assert_adds_up_to_exports,
    assert_between,
    assert_iso3,
    assert_table,
    assert_text_code,
    msg,
)

checks = CheckSet("ex01")


def _is_chapter(code: object) -> bool:
    return isinstance(code, str) and len(code) == 2 and code.isdigit()


# --- q1: exports by chapter ------------------------------------------------------------------

@checks.add("q1")
def q1_chapters_is_a_table(chapters):
    assert_table(chapters, "chapters", ("chapter", "export_value"))


@checks.add("q1")
def q1_chapter_codes_are_two_digit_text(chapters):
    bad = [c for c in chapters["chapter"] if not _is_chapter(c)]
    assert not bad, msg("selfcheck.ex01.not_chapter_codes", bad=bad[:3])
    assert chapters["chapter"].is_unique, msg("selfcheck.ex01.repeated_chapter")


@checks.add("q1")
def q1_values_reported_and_sorted(chapters):
    values = pd.to_numeric(chapters["export_value"])
    assert len(values) > 0, msg("selfcheck.helpers.no_rows", name="chapters")
    assert not values.isna().any(), msg("selfcheck.ex01.nan_values", n=int(values.isna().sum()))
    assert (values > 0).all(), msg("selfcheck.ex01.not_positive")
    assert values.is_monotonic_decreasing, msg("selfcheck.ex01.not_sorted")


@checks.add("q1")
def q1_chapters_add_up_to_the_country_total(chapters, COUNTRY):
    assert_adds_up_to_exports(chapters["export_value"], msg("selfcheck.ex01.the_chapters"), COUNTRY)


# --- q2: the top chapter and its Spanish name -------------------------------------------------

@checks.add("q2")
def q2_top_chapter_is_a_code(top_chapter, chapters):
    assert_text_code(top_chapter, "top_chapter", 2)
    assert top_chapter in set(chapters["chapter"]), msg("selfcheck.ex01.not_a_chapter", code=top_chapter)


@checks.add("q2")
def q2_top_chapter_is_the_largest(top_chapter, chapters):
    values = pd.to_numeric(chapters["export_value"])
    best = chapters["chapter"].iloc[int(values.to_numpy().argmax())]
    assert top_chapter == best, msg("selfcheck.ex01.not_largest", code=top_chapter)


@checks.add("q2")
def q2_name_is_text(top_chapter_name_es, top_chapter):
    assert isinstance(top_chapter_name_es, str), (
        msg("selfcheck.helpers.not_a_str", name="top_chapter_name_es", kind=type(top_chapter_name_es).__name__))
    assert top_chapter_name_es.strip() and top_chapter_name_es.strip() != top_chapter, msg("selfcheck.ex01.empty_name")


@checks.add("q2")
def q2_name_is_spanish(top_chapter_name_es, top_chapter):
    from course_tools.data import products

    english = products("hs07", level=2, lang="en")
    english = set(english.loc[english["code"] == top_chapter, "name"])
    assert top_chapter_name_es not in english, msg("selfcheck.helpers.english_name", name="top_chapter_name_es")


# --- q3: a wide table: chapters x years -------------------------------------------------------

@checks.add("q3")
def q3_wide_is_a_table(wide):
    assert_table(wide, "wide")
    bad = [c for c in wide.index if not _is_chapter(c)]
    assert not bad, msg("selfcheck.ex01.wide_index", bad=bad[:3])
    assert wide.index.is_unique, msg("selfcheck.ex01.wide_repeated")


@checks.add("q3")
def q3_columns_are_the_two_years(wide):
    assert sorted(wide.columns.tolist()) == [1980, 2017], (
        msg("selfcheck.ex01.wide_columns", columns=wide.columns.tolist()))


@checks.add("q3")
def q3_not_reported_is_nan_not_zero(wide):
    values = wide.apply(pd.to_numeric)
    assert not (values == 0).any().any(), msg("selfcheck.ex01.wide_zeros")
    assert values.notna().any().all(), msg("selfcheck.ex01.wide_all_nan")


# --- q4: the top partner ----------------------------------------------------------------------

@checks.add("q4")
def q4_top_partner_is_iso3(top_partner, COUNTRY):
    assert_iso3(top_partner, "top_partner")
    assert top_partner != COUNTRY, msg("selfcheck.ex01.own_country")


@checks.add("q4")
def q4_share_is_a_fraction(top_partner_share):
    assert_between(top_partner_share, "top_partner_share", 0, 1, closed="neither")
