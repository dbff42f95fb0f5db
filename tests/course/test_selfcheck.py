"""Self-check for learners: ✓ / ✗ with hints, friendly messages, strict mode, no hidden tests."""
from __future__ import annotations

import inspect
import math
import sys
import types

import pandas as pd
import pytest

import course_tools.course.checks.ex00 as ex00_checks
from course_tools.course import selfcheck
from course_tools.course.checks import CheckSet
from course_tools.course.grading import notebook_hidden_text
from course_tools.course.selfcheck import checker
from course_tools.paths import SOLUTIONS


def _trade_country() -> pd.DataFrame:
    # The shape of data.load_trade(2017) for one country (the checks look at form, not values).
    return pd.DataFrame({
        "year": [2017, 2017, 2017],
        "country": ["CHL", "CHL", "CHL"],
        "product": ["2603", "7403", "0101"],
        "export_value": [3.0, 2.0, float("nan")],
    })


def _good() -> dict:
    return {"COUNTRY": "CHL", "trade_country": _trade_country(), "total_exports": 5.0,
            "top_product": "2603", "top_share": 0.6, "top_name": "Copper ores and concentrates"}


@pytest.mark.parametrize("question", ["q1", "q2", "q3", "q4"])
def test_correct_values_pass(question, capsys):
    check = checker("ex00")
    assert check(question, namespace=_good()) is None
    out = capsys.readouterr().out
    assert out.startswith(f"✓ {question}: all ")
    assert "✗" not in out


def test_questions_of_ex00():
    assert checker("ex00").questions == ["q1", "q2", "q3", "q4"]


@pytest.mark.parametrize("question, change, en, es", [
    ("q1", {"trade_country": [1, 2]}, "not a DataFrame", "DataFrame llamado"),
    ("q1", {"COUNTRY": "ARG"}, "also has rows of ['CHL']", "ISO3"),
    ("q2", {"total_exports": float("nan")}, "not reported", "no reportado"),
    ("q2", {"total_exports": pd.Series([5.0])}, "not a number", "no una tabla"),
    ("q2", {"total_exports": -1.0}, "positive", "positivo"),
    ("q3", {"top_product": 2603}, "leading zero", "cero inicial"),
    ("q3", {"top_product": "9999"}, "not a product of `trade_country`", "filas de su país"),
    ("q3", {"top_share": 60.0}, "percentage", "porcentaje"),
    ("q4", {"top_name": pd.Series(["Copper"])}, ".iloc[0]", ".iloc[0]"),
    ("q4", {"top_name": "2603"}, "the code, not the product's name", "data.products"),
])
def test_wrong_values_fail_with_a_bilingual_hint(question, change, en, es, capsys):
    ns = {**_good(), **change}
    result = checker("ex00").run(question, namespace=ns)
    assert not result.passed
    checker("ex00")(question, namespace=ns)
    out = capsys.readouterr().out
    assert out.startswith(f"✗ {question}: ")
    assert "hint:" in out and "pista:" in out
    assert en in out and es in out
    assert "Traceback" not in out


def test_missing_variable_is_a_friendly_cross_not_a_name_error(capsys):
    ns = _good()
    del ns["total_exports"]
    checker("ex00")("q2", namespace=ns)  # no NameError
    out = capsys.readouterr().out
    assert "✗ q2: define `total_exports` first" in out
    assert "primero defina `total_exports`" in out


def test_missing_variables_are_all_named():
    result = checker("ex00").run("q3", namespace={"top_product": "2603"})
    assert result.missing == ("trade_country", "top_share")


def test_a_check_that_cannot_run_says_so_with_the_hint(capsys):
    checker("ex00")("q3", namespace={**_good(), "trade_country": {"a": 1}})
    out = capsys.readouterr().out
    assert "✗ q3: the check q3_top_product_is_exported_by_your_country could not run" in out
    assert "hint:  Take the product from your own country's rows" in out


def test_strict_raises_assertion_error_with_the_hint(capsys):
    check = checker("ex00")
    with pytest.raises(AssertionError, match="no reportado"):
        check("q2", strict=True, namespace={**_good(), "total_exports": math.nan})
    with pytest.raises(AssertionError, match=r"define `top_name` first"):
        check("q4", strict=True, namespace={"top_product": "2603"})
    check("q1", strict=True, namespace=_good())  # passes: prints ✓, raises nothing
    assert capsys.readouterr().out.startswith("✓ q1")


def test_language_choice(capsys):
    checker("ex00", lang="es")("q2", namespace={**_good(), "total_exports": math.nan})
    out = capsys.readouterr().out
    assert "pista:" in out and "hint:" not in out
    checker("ex00", lang="en")("q1", namespace=_good())
    assert capsys.readouterr().out == "✓ q1: all 4 visible checks passed\n"
    with pytest.raises(ValueError, match="lang='fr'"):
        checker("ex00", lang="fr")


def test_outside_ipython_reads_the_callers_globals(capsys, monkeypatch):
    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    g = {"check": checker("ex00"), **_good()}
    exec("check('q2')", g)
    assert capsys.readouterr().out.startswith("✓ q2")
    g["total_exports"] = math.nan
    exec("check('q2')", g)
    assert capsys.readouterr().out.startswith("✗ q2")


def test_inside_ipython_reads_the_user_namespace(capsys, monkeypatch):
    shell = types.SimpleNamespace(user_ns={**_good(), "top_share": 1.5})
    fake = types.ModuleType("IPython")
    fake.get_ipython = lambda: shell
    monkeypatch.setitem(sys.modules, "IPython", fake)
    total_exports = math.nan  # noqa: F841  (a local of the caller must NOT be used)
    checker("ex00")("q2")
    checker("ex00")("q3")
    out = capsys.readouterr().out
    assert out.startswith("✓ q2")  # from user_ns, not this function's NaN
    assert "✗ q3: `top_share` = 1.5" in out


def test_bad_exercise_and_question_ids():
    with pytest.raises(ValueError, match="must look like 'ex00'"):
        checker("exercise0")
    with pytest.raises(ValueError, match="course_tools/course/checks/ex99.py does not exist"):
        checker("ex99")
    with pytest.raises(KeyError, match=r"no question 'q9'.*\['q1', 'q2', 'q3', 'q4'\]"):
        checker("ex00")("q9", namespace=_good())


def test_every_check_has_hints_in_both_languages():
    checks = selfcheck.load_checks("ex00")
    assert checks is ex00_checks.checks
    for q in checks.questions:
        for c in checks[q]:
            assert c.hint.strip() and c.pista.strip() and c.hint != c.pista, c.name
    with pytest.raises(ValueError, match="Spanish"):
        CheckSet("exNN").add("q1", hint="x", pista=" ")
    with pytest.raises(ValueError, match="Spanish"):
        CheckSet("exNN").add("q1", hint="only English")


def test_every_hint_in_the_catalogue_belongs_to_a_check_and_a_check_without_one_is_refused():
    """The hints of the checks live in selfcheck.yaml (``selfcheck.hint.<exercise>.<check>``): none is left over."""
    from course_tools.i18n.catalogue import CATALOGUE

    used = {f"selfcheck.hint.{ex}.{c.name}"
            for ex in sorted(p.stem for p in SOLUTIONS.iterdir() if p.is_dir())
            for q in selfcheck.load_checks(ex).questions for c in selfcheck.load_checks(ex)[q]}
    entries = {k for k in CATALOGUE if k.startswith("selfcheck.hint.")}
    assert entries, "no hint in the catalogue"
    assert not entries - used, f"hints of no check: {sorted(entries - used)[:5]}"
    checks = CheckSet("ex00")
    assert checks.add("q1")(ex00_checks.q1_trade_country_is_a_table)
    assert checks["q1"][0].pista == CATALOGUE["selfcheck.hint.ex00.q1_trade_country_is_a_table"]["es"]

    def q1_not_in_the_catalogue(x):
        return True

    with pytest.raises(ValueError, match=r"selfcheck\.hint\.ex00\.q1_not_in_the_catalogue.*selfcheck\.yaml"):
        checks.add("q1")(q1_not_in_the_catalogue)


def test_hidden_tests_are_never_in_the_visible_checks(capsys):
    hidden = notebook_hidden_text(SOLUTIONS / "ex00" / "ex00.ipynb")
    assert len(hidden) > 20  # the solution does have solution code and hidden tests
    visible = inspect.getsource(ex00_checks) + inspect.getsource(selfcheck)
    for line in hidden:
        if "assert" in line or "=" in line:  # the lines that carry answers, not "except Exception:"
            assert line not in visible, line
    # self-check does not read solutions/: no module of the package comes from there
    for module in list(sys.modules.values()):
        f = getattr(module, "__file__", None) or ""
        assert "solutions" not in f.replace("\\", "/").split("/"), f
    for q in ("q1", "q2", "q3", "q4"):
        checker("ex00")(q, namespace={})
    out = capsys.readouterr().out
    assert "HIDDEN" not in out and "assert" not in out


def test_on_the_real_2017_table(capsys):
    data = pytest.importorskip("course_tools.data")
    trade = data.load_trade(2017)
    ns = {"COUNTRY": "CHL", "trade_country": trade[trade["country"] == "CHL"]}
    checker("ex00")("q1", namespace=ns)
    assert capsys.readouterr().out.startswith("✓ q1")
    ns["total_exports"] = ns["trade_country"]["export_value"].sum(skipna=False)  # the NaN mistake
    checker("ex00")("q2", namespace=ns)
    assert "✗ q2: `total_exports` is NaN" in capsys.readouterr().out


def test_check_helpers_say_which_number_they_mean():
    from course_tools.course import checks as c

    c.assert_number(math.nan, "x")  # a number, even if not a finite one
    with pytest.raises(AssertionError, match="`x` = nan, not a finite number"):
        c.assert_finite_number(math.nan, "x")
    with pytest.raises(AssertionError, match="`x` is a Series, not a number"):
        c.assert_finite_number(pd.Series([1.0]), "x")
    with pytest.raises(AssertionError, match="not a number"):
        c.assert_number(True, "x")
    c.assert_between(1, "share", 0, 1, closed="right")
    for closed, ok in (("both", True), ("left", False), ("right", True), ("neither", False)):
        if ok:
            c.assert_between(1, "share", 0, 1, closed=closed)
        else:
            with pytest.raises(AssertionError, match=r"`share` = 1, expected a number in [\[(]0, 1\)"):
                c.assert_between(1, "share", 0, 1, closed=closed)
    with pytest.raises(AssertionError, match="expected a number in"):
        c.assert_between(math.nan, "share", 0, 1)
    with pytest.raises(AssertionError, match="not a whole number"):
        c.assert_whole_number(3.0, "n")
    with pytest.raises(AssertionError, match="not text"):
        c.assert_text_code(2603, "top_product", 4)
    with pytest.raises(AssertionError, match="not a 4-digit text code"):
        c.assert_text_code("26a3", "top_product", 4)
    c.assert_text_code("26a3", "top_product", 4, digits=False)
    with pytest.raises(AssertionError, match=r"has no column\(s\) \['rca'\]; it has \['product'\]"):
        c.assert_table(pd.DataFrame({"product": ["0901"]}), "t", ("product", "rca"))
    with pytest.raises(AssertionError, match="keep each code once"):
        c.assert_sorted_text_list(["a", "a"], "codes", unique=True)
    c.assert_sorted_text_list(["a", "a"], "codes")
    with pytest.raises(AssertionError, match="`n` = 3, but `t` has 2 rows"):
        c.assert_count(3, "n", 2, "`t` has 2 rows")


def test_ex02_zero_not_reported_rows_is_right_for_a_country_that_reports_every_row(capsys):
    # the United States report all 1,222 rows in 2017 (no NaN): 0 is the answer, not the dropna mistake;
    # Chile has 62 NaN rows, so 0 there is the mistake and the hint says so
    checker("ex02")("q1", namespace={"COUNTRY": "USA", "n_not_reported": 0, "n_zero": 0})
    assert capsys.readouterr().out.startswith("✓ q1")
    checker("ex02")("q1", namespace={"COUNTRY": "CHL", "n_not_reported": 0, "n_zero": 0})
    assert "did you drop the NaN rows" in capsys.readouterr().out


def test_ex08_checks_follow_jamaica_for_a_country_outside_the_complexity_set(capsys):
    # Belize is outside the 2017 complexity set: the notebook's FOCUS (and these checks) use Jamaica
    from course_tools import data
    from course_tools import indicators as ind

    kept, _ = ind.filter_for_complexity(data.load_trade(2017).dropna(subset=["export_value"]))
    result = ind.complexity(kept)
    checker("ex08")("q1", namespace={"COUNTRY": "BLZ", "result": result, "diversity": int(result.diversity["JAM"])})
    assert capsys.readouterr().out.startswith("✓ q1")
    # a country outside LAC (the United States) is ranked among the LAC countries and itself
    lac = [c for c in data.group_members("lac") if c in result.eci.index]
    rank = 1 + sum(result.eci[c] > result.eci["USA"] for c in lac)
    checker("ex08")("q2", namespace={"COUNTRY": "USA", "result": result, "eci_rank_lac": rank})
    assert capsys.readouterr().out.startswith("✓ q2")



@pytest.mark.parametrize("growth, right, wrong, said", [
    # against 6.4: above it p2 (8.0) and p5 (7.0) -> 2; the mistake "> 0" counts p1, p2, p5 -> 3
    ([3.0, 8.0, float("nan"), 9.0, 7.0], 2, 3, "WORLD_GROWTH"),
    # above 6.4: p1, p2, p5 -> 3 (as "> 0" does); the mistake "NaN passes" adds p3 -> 4
    ([7.0, 8.0, float("nan"), 9.0, 7.5], 3, 4, "NaN"),
], ids=["above-zero", "nan-counted"])
def test_ex11_q2_compares_demand_growth_with_world_trade(growth, right, wrong, said, capsys):
    # five products, RCA >= 1 for p1, p2, p3, p5 (p4 has 0.5); world trade grew 6.4 % a year
    criteria = pd.DataFrame({"rca": [2.0, 1.5, 1.0, 0.5, 3.0], "demand_growth": growth},
                            index=["p1", "p2", "p3", "p4", "p5"])
    criteria.attrs["world_demand_cagr"] = 6.4
    checker("ex11")("q2", namespace={"criteria": criteria, "n_dynamic": right})
    assert capsys.readouterr().out.startswith("✓ q2")
    checker("ex11")("q2", namespace={"criteria": criteria, "n_dynamic": wrong})
    out = capsys.readouterr().out
    assert out.startswith("✗ q2") and said in out, out
    checker("ex11")("q2", namespace={"criteria": criteria, "n_dynamic": 5})  # more than the 4 with RCA >= 1
    assert capsys.readouterr().out.startswith("✗ q2")
