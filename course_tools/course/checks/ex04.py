"""Visible checks of exercise ex04 "Files at scale" (goes with lesson L04 From files to an analysis table at any size).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers; the autograder
also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex04 «Archivos a escala»: revisan la *forma* de sus respuestas; el corrector
automático también revisa los valores con pruebas ocultas.
"""
from __future__ import annotations

from course_tools.course.checks import CheckSet, assert_number, assert_table, assert_text_code, assert_whole_number, msg

checks = CheckSet("ex04")


@checks.add("q1")
def q1_top_product_is_a_code(top_product):
    assert_text_code(top_product, "top_product", 4)


@checks.add("q1")
def q1_top_value_is_positive(top_value):
    assert_number(top_value, "top_value")
    assert top_value == top_value, msg("selfcheck.ex04.nan")
    assert top_value > 1e5, msg("selfcheck.ex04.too_small", value=top_value)


@checks.add("q2")
def q2_sizes_are_bytes(csv_bytes, parquet_bytes):
    for name, v in (("csv_bytes", csv_bytes), ("parquet_bytes", parquet_bytes)):
        assert_whole_number(v, name)
        assert v > 1000, msg("selfcheck.ex04.too_few_bytes", name=name, value=v)


@checks.add("q2")
def q2_ratio_is_parquet_over_csv(ratio, csv_bytes, parquet_bytes):
    assert_number(ratio, "ratio")
    assert 0 < ratio < 1, msg("selfcheck.ex04.ratio_range", value=ratio)
    assert abs(ratio - parquet_bytes / csv_bytes) < 1e-9, msg("selfcheck.ex04.not_ratio")


@checks.add("q3")
def q3_mine_is_the_country(mine, COUNTRY):
    assert_table(mine, "mine")
    assert len(mine) > 0, msg("selfcheck.helpers.no_rows", name="mine")
    assert set(mine["country"]) == {COUNTRY}, msg("selfcheck.ex04.countries",
                                                  countries=sorted(set(mine["country"]))[:5])


@checks.add("q3")
def q3_memory_in_mb(mem_mb, mine):
    assert_number(mem_mb, "mem_mb")
    assert 0 < mem_mb < 100, msg("selfcheck.ex04.mb_range", value=mem_mb)
    deep = mine.memory_usage(deep=True).sum() / 1e6
    assert abs(mem_mb - deep) <= 0.01 * deep, msg("selfcheck.ex04.not_deep", value=mem_mb, deep=deep)
