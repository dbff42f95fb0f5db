"""The expected answers of ex11 (the niche criteria, re-worked with pandas): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import numpy as np
import pandas as pd

#: The equal weights of the three criteria of Q1.
WEIGHTS = {"rsca": 1.0, "pci": 1.0, "lac_demand_share": 1.0}


def criteria(country):
    """The niche criteria table of ``country`` (course_tools.data.niche_inputs)."""
    from course_tools.data.niche_inputs import niche_criteria
    from course_tools.methods.criteria import NicheCriteriaError

    try:
        return niche_criteria(country)
    except NicheCriteriaError:  # outside the complexity set: the questions are about Jamaica
        return niche_criteria("JAM")


def _normal(x):
    return ((x.rank(method="average") - 1) / (x.notna().sum() - 1)).fillna(0.0)


def _weights():
    w = pd.Series(WEIGHTS)
    return w / w.sum()


def ranking(country):
    """The products that pass (RCA >= 1, exports >= USD 1 million) by score (rounded to 12 digits), best first,
    ties by code: a DataFrame with columns s (score) and p (product), indexed by product."""
    c, w = criteria(country), _weights()
    s = sum(w[k] * _normal(c[k]) for k in w.index)
    ok = (c["rca"] >= 1) & (c["export_value"] >= 1e6)
    return s[ok].round(12).to_frame("s").assign(p=lambda d: d.index).sort_values(["s", "p"], ascending=[False, True])


def world_growth(y0=1980, y1=2017):
    """Growth of total world exports y0-y1, % a year, from the totals of the raw trade files (6.4041 for 1980-2017)."""
    from course_tools.paths import datasets_dir

    folder = datasets_dir() / "trade_ots_economiccomplexity"
    total = {y: pd.read_csv(folder / f"world_trade_{y}_hs07_4d.csv", usecols=["export_value_usd"])["export_value_usd"]
             .sum() for y in (y0, y1)}
    return 100 * ((total[y1] / total[y0]) ** (1 / (y1 - y0)) - 1)


def n_dynamic(country):
    """How many products have RCA >= 1 and a world demand growing faster than world trade (NaN does not pass)."""
    c = criteria(country)
    return int(((c["rca"] >= 1) & (c["demand_growth"] > world_growth())).sum())


def share_in_top10(country, product):
    """The share of 200 draws in which ``product`` stays in the top 10: weights ~ Dirichlet(w / 0.2**2), then
    per threshold (in order) a shift uniform(-0.1, 0.1) x |threshold|, from numpy's default_rng(0)."""
    c, w = criteria(country), _weights()
    g = np.random.default_rng(0)
    d = g.dirichlet(w.to_numpy() / 0.2**2, size=200)
    u1 = 1.0 + g.uniform(-0.1, 0.1, size=200) * 1.0
    u2 = 1e6 + g.uniform(-0.1, 0.1, size=200) * 1e6
    scores = pd.DataFrame({k: _normal(c[k]) for k in w.index}).to_numpy() @ d.T
    hits = 0
    for i in range(200):
        m = (c["rca"].to_numpy() >= u1[i]) & (c["export_value"].to_numpy() >= u2[i])
        t = pd.DataFrame({"s": np.round(scores[:, i], 12), "p": c.index})[m]
        t = t.sort_values(["s", "p"], ascending=[False, True])
        hits += int(product in set(t["p"].head(10)))
    return hits / 200
