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

@checks.add("q1",
            hint="`chapters` must be a DataFrame with the columns `chapter` and `export_value` "
                 "(use groupby(..., as_index=False) or .reset_index()).",
            pista="`chapters` debe ser un DataFrame con las columnas `chapter` y `export_value` "
                  "(use groupby(..., as_index=False) o .reset_index()).")
def q1_chapters_is_a_table(chapters):
    assert_table(chapters, "chapters", ("chapter", "export_value"))


@checks.add("q1",
            hint="A chapter is the first two characters of the HS code, as text: trade['product'].str[:2].",
            pista="Un capítulo son los dos primeros caracteres del código SA, como texto: trade['product'].str[:2].")
def q1_chapter_codes_are_two_digit_text(chapters):
    bad = [c for c in chapters["chapter"] if not _is_chapter(c)]
    assert not bad, msg("selfcheck.ex01.not_chapter_codes", bad=bad[:3])
    assert chapters["chapter"].is_unique, msg("selfcheck.ex01.repeated_chapter")


@checks.add("q1",
            hint="Leave out the chapters with nothing reported (NaN), and sort from largest to smallest "
                 "(sort_values('export_value', ascending=False)).",
            pista="Deje fuera los capítulos sin nada reportado (NaN) y ordene de mayor a menor "
                  "(sort_values('export_value', ascending=False)).")
def q1_values_reported_and_sorted(chapters):
    values = pd.to_numeric(chapters["export_value"])
    assert len(values) > 0, msg("selfcheck.helpers.no_rows", name="chapters")
    assert not values.isna().any(), msg("selfcheck.ex01.nan_values", n=int(values.isna().sum()))
    assert (values > 0).all(), msg("selfcheck.ex01.not_positive")
    assert values.is_monotonic_decreasing, msg("selfcheck.ex01.not_sorted")


@checks.add("q1",
            hint="Keep only the rows of COUNTRY (trade[trade['country'] == COUNTRY]) before grouping: the chapters "
                 "must add up to the country's reported exports.",
            pista="Conserve solo las filas de COUNTRY (trade[trade['country'] == COUNTRY]) antes de agrupar: los "
                  "capítulos deben sumar las exportaciones reportadas del país.")
def q1_chapters_add_up_to_the_country_total(chapters, COUNTRY):
    assert_adds_up_to_exports(chapters["export_value"], msg("selfcheck.ex01.the_chapters"), COUNTRY)


# --- q2: the top chapter and its Spanish name -------------------------------------------------

@checks.add("q2",
            hint="`top_chapter` must be a 2-character text code such as '26' (take it from `chapters`).",
            pista="`top_chapter` debe ser un código de texto de 2 caracteres como '26' (tómelo de `chapters`).")
def q2_top_chapter_is_a_code(top_chapter, chapters):
    assert_text_code(top_chapter, "top_chapter", 2)
    assert top_chapter in set(chapters["chapter"]), msg("selfcheck.ex01.not_a_chapter", code=top_chapter)


@checks.add("q2",
            hint="The top chapter is the first row of `chapters` (sorted from the largest value).",
            pista="El principal capítulo es la primera fila de `chapters` (ordenado de mayor a menor).")
def q2_top_chapter_is_the_largest(top_chapter, chapters):
    values = pd.to_numeric(chapters["export_value"])
    best = chapters["chapter"].iloc[int(values.to_numpy().argmax())]
    assert top_chapter == best, msg("selfcheck.ex01.not_largest", code=top_chapter)


@checks.add("q2",
            hint="Look the code up in data.products('hs07', level=2, lang='es') and take one value of `name` "
                 "(.iloc[0]) as a string.",
            pista="Busque el código en data.products('hs07', level=2, lang='es') y tome un valor de `name` "
                  "(.iloc[0]) como cadena.")
def q2_name_is_text(top_chapter_name_es, top_chapter):
    assert isinstance(top_chapter_name_es, str), (
        msg("selfcheck.helpers.not_a_str", name="top_chapter_name_es", kind=type(top_chapter_name_es).__name__))
    assert top_chapter_name_es.strip() and top_chapter_name_es.strip() != top_chapter, msg("selfcheck.ex01.empty_name")


@checks.add("q2",
            hint="That is the English name: use lang='es' in data.products.",
            pista="Ese es el nombre en inglés: use lang='es' en data.products.")
def q2_name_is_spanish(top_chapter_name_es, top_chapter):
    from course_tools.data import products

    english = products("hs07", level=2, lang="en")
    english = set(english.loc[english["code"] == top_chapter, "name"])
    assert top_chapter_name_es not in english, msg("selfcheck.helpers.english_name", name="top_chapter_name_es")


# --- q3: a wide table: chapters x years -------------------------------------------------------

@checks.add("q3",
            hint="`wide` must be a DataFrame with one row per chapter (the index) and one column per year: "
                 "long.pivot(index='chapter', columns='year', values='export_value').",
            pista="`wide` debe ser un DataFrame con una fila por capítulo (el índice) y una columna por año: "
                  "larga.pivot(index='chapter', columns='year', values='export_value').")
def q3_wide_is_a_table(wide):
    assert_table(wide, "wide")
    bad = [c for c in wide.index if not _is_chapter(c)]
    assert not bad, msg("selfcheck.ex01.wide_index", bad=bad[:3])
    assert wide.index.is_unique, msg("selfcheck.ex01.wide_repeated")


@checks.add("q3",
            hint="The columns are the years 1980 and 2017 as numbers (the `year` column of load_trade), nothing else.",
            pista="Las columnas son los años 1980 y 2017 como números (la columna `year` de load_trade), nada más.")
def q3_columns_are_the_two_years(wide):
    assert sorted(wide.columns.tolist()) == [1980, 2017], (
        msg("selfcheck.ex01.wide_columns", columns=wide.columns.tolist()))


@checks.add("q3",
            hint="Sum with min_count=1 (groupby(...)['export_value'].sum(min_count=1)): a chapter with nothing "
                 "reported in a year must be NaN there, not 0.",
            pista="Sume con min_count=1: un capítulo sin nada reportado en un año debe quedar NaN, no 0.")
def q3_not_reported_is_nan_not_zero(wide):
    values = wide.apply(pd.to_numeric)
    assert not (values == 0).any().any(), msg("selfcheck.ex01.wide_zeros")
    assert values.notna().any().all(), msg("selfcheck.ex01.wide_all_nan")


# --- q4: the top partner ----------------------------------------------------------------------

@checks.add("q4",
            hint="`top_partner` is the ISO3 code (3 capital letters) in the `importer` column of data.load_gravity().",
            pista="`top_partner` es el código ISO3 (3 letras mayúsculas) de la columna `importer` de "
                  "data.load_gravity().")
def q4_top_partner_is_iso3(top_partner, COUNTRY):
    assert_iso3(top_partner, "top_partner")
    assert top_partner != COUNTRY, msg("selfcheck.ex01.own_country")


@checks.add("q4",
            hint="A share is a fraction between 0 and 1: the partner's flow divided by the sum of the country's "
                 "flows to ALL importers.",
            pista="Una participación es una fracción entre 0 y 1: el flujo al socio dividido por la suma de los "
                  "flujos del país a TODOS los importadores.")
def q4_share_is_a_fraction(top_partner_share):
    assert_between(top_partner_share, "top_partner_share", 0, 1, closed="neither")
