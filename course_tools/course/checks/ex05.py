"""Visible checks of exercise ex05 "Revealed capacities" (goes with lesson L05 Revealed comparative advantage).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at their
consistency with each other and with the data; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex05 «Capacidades reveladas»: revisan la *forma* de sus respuestas y su
coherencia; el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

import math

import pandas as pd

from course_tools.course.checks import (
    CheckSet,
    assert_between,
    assert_count,
    assert_table,
    assert_text_code,
    assert_whole_number,
    msg,
)

checks = CheckSet("ex05")

#: number of HS 2007 4-digit products in the 2017 world table (the n of the normalised HHI)
N_PRODUCTS_2017 = 1222


def _exports(country: str) -> pd.Series:
    from course_tools.data import load_trade

    trade = load_trade(2017)
    mine = trade[(trade["country"] == country) & (trade["export_value"] > 0)]
    return mine.set_index("product")["export_value"]


# --- q1: RCA against the world ----------------------------------------------------------------

@checks.add("q1")
def q1_rca_country_is_a_table(rca_country):
    assert_table(rca_country, "rca_country", ("product", "rca"))
    assert rca_country["product"].is_unique, msg("selfcheck.ex05.product_twice")


@checks.add("q1")
def q1_rca_values_are_valid(rca_country):
    r = pd.to_numeric(rca_country["rca"], errors="coerce")
    assert not r.isna().any(), msg("selfcheck.ex05.rca_nan", n=int(r.isna().sum()))
    assert (r >= 0).all(), msg("selfcheck.ex05.rca_negative")


@checks.add("q1")
def q1_world_is_all_countries(rca_country, COUNTRY):
    exported = _exports(COUNTRY)
    r = pd.to_numeric(rca_country.set_index("product")["rca"], errors="coerce")
    missing = sorted(set(exported.index) - set(r.index))
    assert not missing, msg("selfcheck.ex05.missing_products", country=COUNTRY, missing=missing[:3])
    assert (r.reindex(exported.index) > 0).all(), msg("selfcheck.ex05.rca_zero")
    assert not (r.round(12) == 1).all(), msg("selfcheck.ex05.rca_all_one")


@checks.add("q1")
def q1_n_rca_counts_the_table(n_rca, rca_country):
    expected = int((pd.to_numeric(rca_country["rca"]) >= 1).sum())
    assert_count(n_rca, "n_rca", expected, msg("selfcheck.ex05.n_rca", n=expected))


# --- q2: the top RCA product and its Spanish name ---------------------------------------------

@checks.add("q2")
def q2_top_is_the_largest_rca(top_rca_product, rca_country):
    assert_text_code(top_rca_product, "top_rca_product", 4)
    r = pd.to_numeric(rca_country.set_index("product")["rca"])
    assert top_rca_product in r.index, msg("selfcheck.helpers.not_a_product", code=top_rca_product, table="rca_country")
    assert math.isclose(r[top_rca_product], r.max(), rel_tol=1e-12), (
        msg("selfcheck.ex05.not_top", code=top_rca_product, rca=r[top_rca_product], top=r.max()))


@checks.add("q2")
def q2_name_is_the_spanish_name(top_rca_name_es, top_rca_product):
    from course_tools.data import products

    assert isinstance(top_rca_name_es, str) and top_rca_name_es.strip(), msg("selfcheck.ex05.name_empty")
    en = products("hs07", level=4, lang="en").set_index("code")["name"]
    es = products("hs07", level=4, lang="es").set_index("code")["name"]
    if en.get(top_rca_product) != es.get(top_rca_product):
        assert top_rca_name_es != en.get(top_rca_product), msg("selfcheck.ex05.english_name")
    assert top_rca_name_es == es.get(top_rca_product), msg("selfcheck.ex05.not_the_name")


# --- q3: RSCA of coffee -----------------------------------------------------------------------

@checks.add("q3")
def q3_rsca_is_a_number_in_range(rsca_coffee):
    assert_between(rsca_coffee, "rsca_coffee", -1, 1, closed="left")


@checks.add("q3")
def q3_rsca_matches_the_rca_of_coffee(rsca_coffee, rca_country):
    r = pd.to_numeric(rca_country.set_index("product")["rca"])
    assert "0901" in r.index, msg("selfcheck.ex05.no_coffee")
    expected = (r["0901"] - 1) / (r["0901"] + 1)
    assert math.isclose(rsca_coffee, expected, rel_tol=1e-9, abs_tol=1e-12), (
        msg("selfcheck.ex05.rsca", value=rsca_coffee, expected=expected))


# --- q4: concentration ------------------------------------------------------------------------

@checks.add("q4")
def q4_hhi_plain_in_range(hhi_plain):
    assert_between(hhi_plain, "hhi_plain", 1 / N_PRODUCTS_2017, 1)


@checks.add("q4")
def q4_unctad_follows_from_plain(hhi_unctad, hhi_plain):
    assert_between(hhi_unctad, "hhi_unctad", 0, 1)
    root = math.sqrt(1 / N_PRODUCTS_2017)
    expected = (math.sqrt(hhi_plain) - root) / (1 - root)
    assert math.isclose(hhi_unctad, expected, rel_tol=1e-6), (
        msg("selfcheck.ex05.unctad", value=hhi_unctad, expected=expected))


@checks.add("q4")
def q4_hhi_of_the_country(hhi_plain, COUNTRY):
    x = _exports(COUNTRY)
    largest = float(x.max() / x.sum())
    assert hhi_plain >= largest ** 2 - 1e-12, (
        msg("selfcheck.ex05.hhi_below", value=hhi_plain, country=COUNTRY, floor=largest ** 2))


# --- q5: RCA against Latin America and the Caribbean -------------------------------------------

@checks.add("q5")
def q5_n_rca_lac_is_a_count(n_rca_lac, COUNTRY):
    assert_whole_number(n_rca_lac, "n_rca_lac")
    n = len(_exports(COUNTRY))
    assert 0 < n_rca_lac <= n, msg("selfcheck.ex05.n_rca_lac", value=n_rca_lac, n=n, country=COUNTRY)


@checks.add("q5")
def q5_region_is_not_the_world(n_rca_lac, n_rca):
    assert n_rca_lac != n_rca, msg("selfcheck.ex05.same_count")
