"""Visible checks of exercise ex00 "Orientation" (goes with lesson L00 Welcome).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your
answers (type, columns, range); the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex00 «Orientación»: revisan la *forma* de sus respuestas;
el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

import math

from course_tools.course.checks import CheckSet, assert_between, assert_number, assert_table, assert_text_code, msg

checks = CheckSet("ex00")

TRADE_COLUMNS = ["year", "country", "product", "export_value"]


# --- q1: the rows of one country -----------------------------------------------------------

@checks.add("q1")
def q1_trade_country_is_a_table(trade_country):
    assert_table(trade_country, "trade_country")


@checks.add("q1")
def q1_has_the_trade_columns(trade_country):
    assert_table(trade_country, "trade_country", TRADE_COLUMNS)


@checks.add("q1")
def q1_only_rows_of_your_country(trade_country, COUNTRY):
    assert len(trade_country) > 0, msg("selfcheck.helpers.no_rows", name="trade_country")
    others = sorted(set(trade_country["country"]) - {COUNTRY})
    assert not others, msg("selfcheck.ex00.other_countries", others=others[:5])


@checks.add("q1")
def q1_only_year_2017(trade_country):
    years = sorted(set(trade_country["year"]))
    assert years == [2017], msg("selfcheck.ex00.years", years=years)


# --- q2: total exports ---------------------------------------------------------------------

@checks.add("q2")
def q2_total_is_one_number(total_exports):
    assert_number(total_exports, "total_exports")


@checks.add("q2")
def q2_total_is_not_nan(total_exports):
    assert not math.isnan(total_exports), msg("selfcheck.helpers.is_nan", name="total_exports")


@checks.add("q2")
def q2_total_is_positive(total_exports):
    assert math.isfinite(total_exports) and total_exports > 0, msg("selfcheck.ex00.not_positive", value=total_exports)


# --- q3: the top product and its share -----------------------------------------------------

@checks.add("q3")
def q3_top_product_is_an_hs4_code(top_product):
    assert_text_code(top_product, "top_product", 4)


@checks.add("q3")
def q3_top_product_is_exported_by_your_country(top_product, trade_country):
    assert top_product in set(trade_country["product"]), (
        msg("selfcheck.helpers.not_a_product", code=top_product, table="trade_country"))


@checks.add("q3")
def q3_top_share_is_a_fraction(top_share):
    assert_between(top_share, "top_share", 0, 1, closed="right")


# --- q4: the name of the top product -------------------------------------------------------

@checks.add("q4")
def q4_top_name_is_text(top_name):
    assert isinstance(top_name, str), msg("selfcheck.helpers.not_a_str", name="top_name", kind=type(top_name).__name__)
    assert top_name.strip(), msg("selfcheck.helpers.empty", name="top_name")


@checks.add("q4")
def q4_top_name_is_a_name_not_a_code(top_name, top_product):
    assert top_name.strip() != str(top_product), msg("selfcheck.ex00.code_not_name")
