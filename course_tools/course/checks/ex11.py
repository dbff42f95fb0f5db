"""Visible checks of exercise ex11 "The niche model" (goes with lesson L11).

Run them from the exercise notebook with ``check("q1")``. They look at the *form* of your answers and at
their consistency with the course's model; the autograder also runs hidden tests on the values.
Comprobaciones visibles del ejercicio ex11 «El modelo de nichos»: revisan la *forma* de sus respuestas y su
coherencia con el modelo del curso; el corrector automático también revisa los valores.
"""
from __future__ import annotations

import math

from course_tools.course.checks import (
    CheckSet,
    assert_between,
    assert_table,
    assert_text_code,
    assert_whole_number,
    msg,
)

checks = CheckSet("ex11")


# --- q1 -------------------------------------------------------------------------------------------

@checks.add("q1")
def q1_scores_is_the_model_table(scores, criteria):
    assert_table(scores, "scores", ("product", "score", "passes", "rank"))
    assert len(scores) == len(criteria), (msg("selfcheck.ex11.rows", n=len(scores), n_criteria=len(criteria)))
    used = {c[len("contrib_"):] for c in scores.columns if str(c).startswith("contrib_")}
    assert used == {"rsca", "pci", "lac_demand_share"}, msg("selfcheck.ex11.criteria", used=sorted(used))


@checks.add("q1")
def q1_top_niche_is_first(top_niche, top_score, scores):
    assert_text_code(top_niche, "top_niche", 4)
    assert_between(top_score, "top_score", 0, 1)
    row = scores[scores["product"].astype(str) == top_niche]
    assert len(row) == 1, msg("selfcheck.ex11.not_in_scores", code=top_niche)
    assert bool(row["passes"].iloc[0]), msg("selfcheck.ex11.not_passing", code=top_niche)
    assert math.isclose(float(top_score), float(row["score"].iloc[0]), rel_tol=1e-9), msg("selfcheck.ex11.not_score")
    best = float(scores.loc[scores["passes"], "score"].max())
    assert float(top_score) >= best - 1e-12, msg("selfcheck.ex11.higher")


# --- q2 -------------------------------------------------------------------------------------------

def _world_growth(criteria) -> float:
    """Growth of total world exports over the window (% a year), as the criteria table states it (0 if it does not)."""
    world = float(criteria.attrs.get("world_demand_cagr", float("nan")))
    return world if math.isfinite(world) else 0.0


def _not_the_mistaken_count(answer, criteria, mistaken, message) -> None:
    """``answer`` is not the count of products with RCA >= 1 that the ``mistaken`` rule (a boolean Series) passes,
    when that count differs from the right one (demand_growth > world growth; NaN does not pass)."""
    with_rca = criteria["rca"] >= 1
    wrong = int((with_rca & mistaken).sum())
    if wrong != int((with_rca & (criteria["demand_growth"] > _world_growth(criteria))).sum()):
        assert answer != wrong, message


@checks.add("q2")
def q2_n_dynamic_is_a_count(n_dynamic, criteria):
    assert_whole_number(n_dynamic, "n_dynamic")
    n_rca = int((criteria["rca"] >= 1).sum())
    assert 0 <= n_dynamic <= n_rca, (msg("selfcheck.ex11.n_dynamic", n=n_rca))


@checks.add("q2")
def q2_faster_than_world_trade(n_dynamic, criteria):
    above_zero = criteria["demand_growth"] > 0
    _not_the_mistaken_count(n_dynamic, criteria, above_zero, msg(
        "niche_msg.selfcheck.ex11.above_zero", n=int(((criteria["rca"] >= 1) & above_zero).sum()),
        world=round(_world_growth(criteria), 2)))


@checks.add("q2")
def q2_nan_does_not_pass(n_dynamic, criteria):
    nan_passes = ~(criteria["demand_growth"] <= _world_growth(criteria))   # NaN counted as passing
    _not_the_mistaken_count(n_dynamic, criteria, nan_passes, msg("selfcheck.ex11.nan_growing"))


# --- q3 -------------------------------------------------------------------------------------------

@checks.add("q3")
def q3_sens_has_the_settings(sens):
    for name, want in (("n", 200), ("k", 10), ("seed", 0), ("spread", 0.2), ("threshold_spread", 0.1)):
        assert hasattr(sens, name), msg("selfcheck.ex11.not_sens")
        assert getattr(sens, name) == want, msg("selfcheck.ex11.setting", name=name, want=want,
                                                used=getattr(sens, name))
    used = set(sens.weights.columns)
    assert used == {"rsca", "pci", "lac_demand_share"}, msg("selfcheck.ex11.weights", used=sorted(used))


@checks.add("q3")
def q3_share_is_the_row(tenth, share_top10, sens, scores):
    assert isinstance(tenth, str), msg("selfcheck.ex11.tenth_text", kind=type(tenth).__name__)
    passing = scores.loc[scores["passes"], "product"].astype(str).tolist()
    assert tenth in passing[:10], msg("selfcheck.ex11.not_top10", code=tenth)
    assert tenth == passing[9], msg("selfcheck.ex11.rank", code=tenth, rank=passing.index(tenth) + 1)
    assert_between(share_top10, "share_top10", 0, 1)
    row = sens.products[sens.products["product"].astype(str) == tenth]
    assert len(row) == 1, msg("selfcheck.ex11.not_in_sens", code=tenth)
    assert math.isclose(float(share_top10), float(row["share_top_k"].iloc[0]), abs_tol=1e-12), (
        msg("selfcheck.ex11.not_share"))
