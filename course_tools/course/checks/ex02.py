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

@checks.add("q1",
            hint="`n_not_reported` and `n_zero` must be whole numbers (use int(...) around the count).",
            pista="`n_not_reported` y `n_zero` deben ser números enteros (use int(...) sobre el conteo).")
def q1_counts_are_integers(n_not_reported, n_zero):
    assert_whole_number(n_not_reported, "n_not_reported")
    assert_whole_number(n_zero, "n_zero")


@checks.add("q1",
            hint="Count NaN with .isna().sum() and zeros with (col == 0).sum(), on the rows of COUNTRY only.",
            pista="Cuente los NaN con .isna().sum() y los ceros con (col == 0).sum(), solo en las filas de COUNTRY.")
def q1_counts_in_range(n_not_reported, n_zero, COUNTRY):
    from course_tools.data import load_trade

    assert 0 <= n_not_reported <= 1222, msg("selfcheck.ex02.too_many", name="n_not_reported", value=n_not_reported)
    assert 0 <= n_zero <= 1222, msg("selfcheck.ex02.too_many", name="n_zero", value=n_zero)
    t = load_trade(2017)
    if t.loc[t["country"] == COUNTRY, "export_value"].isna().any():  # the United States or China report every row
        assert n_not_reported > 0, msg("selfcheck.ex02.dropped_nan")


# --- q2: suppressed share --------------------------------------------------------------

@checks.add("q2",
            hint="`suppressed_share` is a number between 0 and 1 (suppressed rows / all rows), not a percentage.",
            pista="`suppressed_share` es un número entre 0 y 1 (filas confidenciales / todas las filas), no un "
                  "porcentaje.")
def q2_share_is_a_fraction(suppressed_share):
    assert_between(suppressed_share, "suppressed_share", 0, 1)


@checks.add("q2",
            hint="Keep census_year == 2023 AND municipality_code == '027' (text, with the leading zero).",
            pista="Conserve census_year == 2023 Y municipality_code == '027' (texto, con el cero inicial).")
def q2_share_is_not_zero(suppressed_share):
    assert suppressed_share > 0, (msg("selfcheck.ex02.zero_share"))


# --- q3: duplicated keys ---------------------------------------------------------------

@checks.add("q3",
            hint="`dup_products` is a sorted list of product codes (text), each once.",
            pista="`dup_products` es una lista ordenada de códigos de producto (texto), cada uno una vez.")
def q3_is_sorted_list_of_codes(dup_products):
    assert_sorted_text_list(dup_products, "dup_products", unique=True)


@checks.add("q3",
            hint="Use slice_28.duplicated(subset=['country', 'product'], keep=False), then take `product`.",
            pista="Use slice_28.duplicated(subset=['country', 'product'], keep=False) y tome `product`.")
def q3_codes_are_chapter_28(dup_products, slice_28):
    assert dup_products, msg("selfcheck.ex02.no_duplicates")
    # chapter 28, or the country's first reported chapter when it reports none in 28 (e.g. Haiti)
    chapters = set(slice_28["product"].astype(str).str[:2])
    assert all(p[:2] in chapters for p in dup_products), msg("selfcheck.ex02.not_chapter_28",
                                                             chapters=", ".join(sorted(chapters)))
    assert set(dup_products) <= set(slice_28["product"]), msg("selfcheck.ex02.not_in_slice")


# --- q4: coverage ratio ----------------------------------------------------------------

@checks.add("q4",
            hint="`coverage_ratio` is a number: OTS total of COUNTRY in 2017 / Atlas export_value of 2017.",
            pista="`coverage_ratio` es un número: total OTS de COUNTRY en 2017 / export_value del Atlas en 2017.")
def q4_ratio_is_a_number(coverage_ratio):
    assert_number(coverage_ratio, "coverage_ratio")


@checks.add("q4",
            hint="For most countries the ratio is between 0.5 and 2; above 1 means OTS is above the Atlas. "
                 "Did you divide OTS by Atlas (not the reverse), for the year 2017 only?",
            pista="Para la mayoría de los países la razón está entre 0,5 y 2. ¿Dividió OTS entre Atlas "
                  "(no al revés), solo para 2017?")
def q4_ratio_plausible(coverage_ratio):
    assert 0.5 <= coverage_ratio <= 2, msg("selfcheck.ex02.implausible", value=coverage_ratio)
