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

@checks.add("q1",
            hint="`top_partner` must be one ISO3 code in capitals, as text (e.g. 'GTM'): take it with .iloc[0].",
            pista="`top_partner` debe ser un código ISO3 en mayúsculas, como texto (p. ej. 'GTM'): tómelo con "
                  ".iloc[0].")
def q1_top_partner_is_a_code(top_partner):
    assert_iso3(top_partner, "top_partner")


@checks.add("q1",
            hint="Keep only LAC partners (data.group_members('lac')) other than COUNTRY itself; BHS, BRB and CUB "
                 "are not in the 2006 data.",
            pista="Conserve solo socios de ALC (data.group_members('lac')) distintos de COUNTRY; BHS, BRB y CUB "
                  "no están en los datos de 2006.")
def q1_top_partner_is_a_lac_partner(top_partner, COUNTRY):
    from course_tools.data import group_members

    assert top_partner != COUNTRY, msg("selfcheck.ex06.own_partner")
    assert top_partner in group_members("lac"), msg("selfcheck.ex06.not_lac", code=top_partner)
    assert top_partner not in NOT_IN_GRAVITY, msg("selfcheck.ex06.not_in_gravity", code=top_partner)


@checks.add("q1",
            hint="The trade intensity index is a RATIO of two shares, (x_ij/X_i)/(M_j/M_w): the most intense "
                 "LAC partner of any LAC country is well above 1. A value below 1 is probably a share, not the index.",
            pista="El índice de intensidad es un COCIENTE de dos participaciones, (x_ij/X_i)/(M_j/M_w): el socio "
                  "más intenso de cualquier país de ALC está muy por encima de 1. Un valor menor que 1 es "
                  "probablemente una participación, no el índice.")
def q1_top_tii_is_an_index_above_one(top_tii):
    assert_finite_number(top_tii, "top_tii")
    assert top_tii > 1, msg("selfcheck.ex06.tii_below_one", value=top_tii)


# --- q2: Grubel-Lloyd Chile-Argentina 2004 ----------------------------------------------------

@checks.add("q2",
            hint="The aggregate Grubel-Lloyd indices are single numbers between 0 and 1 (not percentages, not "
                 "a table): use indicators.grubel_lloyd_aggregate(exports, imports) with two Series by product.",
            pista="Los índices agregados de Grubel-Lloyd son números entre 0 y 1 (no porcentajes, no tablas): "
                  "use indicators.grubel_lloyd_aggregate(exportaciones, importaciones) con dos Series por producto.")
def q2_gl_are_fractions(gl_2004, gl_2004_adj):
    for name, v in (("gl_2004", gl_2004), ("gl_2004_adj", gl_2004_adj)):
        assert_between(v, name, 0, 1)


@checks.add("q2",
            hint="The adjusted index removes the overall imbalance from the denominator, so it is never below "
                 "the plain one: compute gl_2004 with adjusted=False and gl_2004_adj with adjusted=True.",
            pista="El índice ajustado quita el desequilibrio global del denominador, así que nunca es menor que "
                  "el simple: calcule gl_2004 con adjusted=False y gl_2004_adj con adjusted=True.")
def q2_adjusted_is_not_below_plain(gl_2004, gl_2004_adj):
    assert gl_2004_adj >= gl_2004, msg("selfcheck.ex06.adj_below", adj=gl_2004_adj, plain=gl_2004)


@checks.add("q2",
            hint="Chile's trade with Argentina is very unbalanced (imports about 9 times exports), so the plain "
                 "aggregate index at HS6 is small. A large value often comes from averaging the per-product "
                 "indices without weights, or from using 2002 instead of 2004.",
            pista="El comercio de Chile con Argentina es muy desequilibrado (importaciones ≈ 9 veces las "
                  "exportaciones), así que el índice simple agregado a SA6 es pequeño. Un valor grande suele "
                  "venir de promediar los índices por producto sin ponderar, o de usar 2002 en vez de 2004.")
def q2_plain_gl_is_weighted(gl_2004):
    assert gl_2004 < 0.5, msg("selfcheck.ex06.gl_too_large", value=gl_2004)


# --- q3: Mercosur introversion 2006 -------------------------------------------------------------

@checks.add("q3",
            hint="The introversion index (I - E)/(I + E) is one number between -1 and 1: take the "
                 "'introversion' entry of indicators.regional_trade_indicators(...).",
            pista="El índice de introversión (I - E)/(I + E) es un número entre -1 y 1: tome la entrada "
                  "'introversion' de indicators.regional_trade_indicators(...).")
def q3_introversion_is_between_minus_one_and_one(mercosur_introversion):
    assert_between(mercosur_introversion, "mercosur_introversion", -1, 1)


@checks.add("q3",
            hint="Use the four state parties of 2006, ['ARG', 'BRA', 'PRY', 'URY'], and the flows of ALL countries "
                 "(the outside world is the reference): do not keep only LAC rows.",
            pista="Use los cuatro Estados partes de 2006, ['ARG', 'BRA', 'PRY', 'URY'], y los flujos de TODOS "
                  "los países (el resto del mundo es la referencia): no se quede solo con ALC.")
def q3_mercosur_trades_more_inside(mercosur_introversion):
    assert mercosur_introversion > 0.5, msg("selfcheck.ex06.introversion", value=mercosur_introversion)


# --- q4: export similarity ----------------------------------------------------------------------

@checks.add("q4",
            hint="The export similarity index is one number from 0 to 100 (100 x the sum of the smaller of the "
                 "two shares): indicators.export_similarity(exports_a, exports_b) with two Series by product.",
            pista="El índice de similitud de exportaciones es un número de 0 a 100 (100 x la suma de la menor de "
                  "las dos participaciones): indicators.export_similarity(exportaciones_a, exportaciones_b).")
def q4_similarity_is_0_to_100(similarity):
    assert_between(similarity, "similarity", 0, 100)


@checks.add("q4",
            hint="Compare the exports of COUNTRY with those of PARTNER (two different countries), each Series "
                 "indexed by product: 100 means you compared a country with itself.",
            pista="Compare las exportaciones de COUNTRY con las de PARTNER (dos países distintos), cada Series "
                  "indexada por producto: 100 significa que comparó un país consigo mismo.")
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


@checks.add("q1",
            hint="Use the WITS definition, (x_ij/X_i)/(M_j/M_w), with M_w = imports of ALL countries: your value "
                 "is the ESCAP variant that removes COUNTRY's own imports (exclude_own_imports=True).",
            pista="Use la definición de WITS, (x_ij/X_i)/(M_j/M_w), con M_w = importaciones de TODOS los países: "
                  "su valor es la variante de ESCAP que quita las importaciones propias (exclude_own_imports=True).")
def q1_not_the_escap_variant(top_partner, top_tii, COUNTRY):
    from course_tools.indicators import trade_intensity

    esc = trade_intensity(_gravity_flows(), value="flow", exclude_own_imports=True)
    _not_this_variant(top_tii, esc, COUNTRY, top_partner, msg("selfcheck.ex06.escap"))


@checks.add("q1",
            hint="The world of the index is every country of the table, not only LAC: compute the index on all "
                 "flows first, then keep the LAC partners.",
            pista="El mundo del índice son todos los países de la tabla, no solo ALC: calcule el índice con todos "
                  "los flujos y después conserve los socios de ALC.")
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


@checks.add("q2",
            hint="Use the 2004 table, data.load_bilateral_hs6(2004), not 2002.",
            pista="Use la tabla de 2004, data.load_bilateral_hs6(2004), no la de 2002.")
def q2_not_2002(gl_2004):
    from course_tools.indicators import grubel_lloyd_aggregate

    t = _chl_arg(2002)
    assert not math.isclose(gl_2004, grubel_lloyd_aggregate(t["export_value"], t["import_value"]), rel_tol=1e-9), (
        msg("selfcheck.ex06.gl_2002"))


@checks.add("q2",
            hint="The aggregate index weights each product by its trade (X_k + M_k): do not take the simple "
                 "mean of the per-product indices.",
            pista="El índice agregado pondera cada producto por su comercio (X_k + M_k): no tome el promedio "
                  "simple de los índices por producto.")
def q2_not_the_simple_mean(gl_2004):
    from course_tools.indicators import grubel_lloyd

    t = _chl_arg(2004)
    mean = float(grubel_lloyd(t["export_value"], t["import_value"]).mean())
    assert not math.isclose(gl_2004, mean, rel_tol=1e-6), msg("selfcheck.ex06.gl_mean")


@checks.add("q3",
            hint="Use Mercosur's members of 2006, ['ARG', 'BRA', 'PRY', 'URY']: data.group_members('mercosur') "
                 "gives today's list, with Bolivia and Venezuela.",
            pista="Use los miembros del Mercosur de 2006, ['ARG', 'BRA', 'PRY', 'URY']: "
                  "data.group_members('mercosur') da la lista de hoy, con Bolivia y Venezuela.")
def q3_not_todays_membership(mercosur_introversion):
    from course_tools.data import group_members
    from course_tools.indicators import regional_trade_indicators

    today = float(regional_trade_indicators(_gravity_flows(), group_members("mercosur"), value="flow")["introversion"])
    assert not math.isclose(mercosur_introversion, today, rel_tol=1e-9), msg("selfcheck.ex06.today_members")
