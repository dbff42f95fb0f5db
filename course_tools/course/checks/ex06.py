"""Visible checks of exercise ex06 "Interdependence" (goes with lesson L06).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your
answers (type, range, consistency); the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex06 «Interdependencia»: revisan la *forma* de sus
respuestas; el corrector automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

import math

from course_tools.course.checks import CheckSet, assert_between, assert_finite_number, assert_iso3, msg

checks = CheckSet("ex06")

#: LAC countries absent from the 2006 gravity data (see datasets/README.md).
NOT_IN_GRAVITY = ("BHS", "BRB", "CUB")


# --- q1: the most intense LAC partner ---------------------------------------------------------

@checks.add("q1")
def q1_top_partner_is_a_code(top_partner):
    assert_iso3(top_partner, "top_partner")


@checks.add("q1")
def q1_top_partner_is_a_lac_partner(top_partner, COUNTRY):
    from course_tools.data import group_members

    assert top_partner != COUNTRY, msg("selfcheck.ex06.own_partner")
    assert top_partner in group_members("lac"), msg("selfcheck.ex06.not_lac", code=top_partner)
    assert top_partner not in NOT_IN_GRAVITY, msg("selfcheck.ex06.not_in_gravity", code=top_partner)


@checks.add("q1")
def q1_top_tii_is_an_index_above_one(top_tii):
    assert_finite_number(top_tii, "top_tii")
    assert top_tii > 1, msg("selfcheck.ex06.tii_below_one", value=top_tii)


# --- q2: Grubel-Lloyd Chile-Argentina 2004 ----------------------------------------------------

@checks.add("q2")
def q2_gl_are_fractions(gl_2004, gl_2004_adj):
    for name, v in (("gl_2004", gl_2004), ("gl_2004_adj", gl_2004_adj)):
        assert_between(v, name, 0, 1)


@checks.add("q2")
def q2_adjusted_is_not_below_plain(gl_2004, gl_2004_adj):
    assert gl_2004_adj >= gl_2004, msg("selfcheck.ex06.adj_below", adj=gl_2004_adj, plain=gl_2004)


@checks.add("q2")
def q2_plain_gl_is_weighted(gl_2004):
    assert gl_2004 < 0.5, msg("selfcheck.ex06.gl_too_large", value=gl_2004)


# --- q3: Mercosur introversion 2006 -------------------------------------------------------------

@checks.add("q3")
def q3_introversion_is_between_minus_one_and_one(mercosur_introversion):
    assert_between(mercosur_introversion, "mercosur_introversion", -1, 1)


@checks.add("q3")
def q3_mercosur_trades_more_inside(mercosur_introversion):
    assert mercosur_introversion > 0.5, msg("selfcheck.ex06.introversion", value=mercosur_introversion)


# --- q4: export similarity ----------------------------------------------------------------------

@checks.add("q4")
def q4_similarity_is_0_to_100(similarity):
    assert_between(similarity, "similarity", 0, 100)


@checks.add("q4")
def q4_two_different_baskets(similarity, COUNTRY, PARTNER):
    if COUNTRY != PARTNER:
        assert similarity < 99.999, msg("selfcheck.ex06.identical", value=similarity)


# --- common mistakes (they compare your answer with a WRONG variant, never show the right one) ----

def _gravity_flows():
    from course_tools import data
    from course_tools.views import interdependence as regional

    return regional.bilateral_flows(data.load_gravity())


def _not_this_variant(top_tii, variant, country: str, partner: str, message: str) -> None:
    """``top_tii`` is not the index of ``country`` -> ``partner`` in the wrong ``variant`` table (if it has one)."""
    hit = variant[(variant["exporter"] == country) & (variant["importer"] == partner)]["trade_intensity"]
    if len(hit):
        assert not math.isclose(top_tii, float(hit.iloc[0]), rel_tol=1e-9), message


@checks.add("q1")
def q1_not_the_escap_variant(top_partner, top_tii, COUNTRY):
    from course_tools.indicators import trade_intensity

    esc = trade_intensity(_gravity_flows(), value="flow", exclude_own_imports=True)
    _not_this_variant(top_tii, esc, COUNTRY, top_partner, msg("selfcheck.ex06.escap"))


@checks.add("q1")
def q1_world_is_not_only_lac(top_partner, top_tii, COUNTRY):
    from course_tools.data import group_members
    from course_tools.indicators import trade_intensity

    f = _gravity_flows()
    lac = set(group_members("lac"))
    only = trade_intensity(f[f["exporter"].isin(lac) & f["importer"].isin(lac)], value="flow")
    _not_this_variant(top_tii, only, COUNTRY, top_partner, msg("selfcheck.ex06.lac_world"))


def _chl_arg(year: int):
    from course_tools import data

    return data.load_bilateral_hs6(year).set_index("product")


@checks.add("q2")
def q2_not_2002(gl_2004):
    from course_tools.indicators import grubel_lloyd_aggregate

    t = _chl_arg(2002)
    assert not math.isclose(gl_2004, grubel_lloyd_aggregate(t["export_value"], t["import_value"]), rel_tol=1e-9), (
        msg("selfcheck.ex06.gl_2002"))


@checks.add("q2")
def q2_not_the_simple_mean(gl_2004):
    from course_tools.indicators import grubel_lloyd

    t = _chl_arg(2004)
    mean = float(grubel_lloyd(t["export_value"], t["import_value"]).mean())
    assert not math.isclose(gl_2004, mean, rel_tol=1e-6), msg("selfcheck.ex06.gl_mean")


@checks.add("q3")
def q3_not_todays_membership(mercosur_introversion):
    from course_tools.data import group_members
    from course_tools.indicators import regional_trade_indicators

    today = float(regional_trade_indicators(_gravity_flows(), group_members("mercosur"), value="flow")["introversion"])
    assert not math.isclose(mercosur_introversion, today, rel_tol=1e-9), msg("selfcheck.ex06.today_members")
