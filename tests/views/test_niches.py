"""Figures and the weights app of lesson L11 (course_tools.views.niches).

Same toy table as tests/methods/test_niches.py (worked by hand there): rank-normalised values

    product  rca (n)  distance (n, lower is better)  pci (n)
    a        1        0                              NaN (-> 0)
    b        2/3      1                              1
    c        1/3      1/3                            0
    d        0        2/3                            1/2

weights {rca: 2, distance: 1, pci: 1} -> 1/2, 1/4, 1/4; threshold rca >= 1 screens out d.
Scores: b 5/6, a 1/2, c 1/4 (d 7/24, screened out).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pytest import approx

from course_tools.i18n import UnknownLanguageError
from course_tools.methods import niches as nm
from course_tools.views import niches as nv

T = pd.DataFrame(
    {"rca": [4.0, 2.0, 1.0, 0.5], "distance": [0.9, 0.5, 0.7, 0.6], "pci": [np.nan, 1.0, -1.0, 0.0]},
    index=pd.Index(["a", "b", "c", "d"], name="product"),
)
W = {"rca": 2, "distance": 1, "pci": 1}
HIB = {"distance": False}
THR = {"rca": (">=", 1.0)}
NAMES = {"a": "Apples", "b": "Bananas", "c": "Cherries", "d": "Dates"}


@pytest.fixture(scope="module")
def scores():
    return nm.niche_scores(T, W, higher_is_better=HIB, thresholds=THR, labels={"rca": "RCA"})


def test_ranking_figure_bars_are_the_contributions(scores):
    fig = nv.ranking_figure(scores, NAMES)
    # one trace per criterion, largest weight first; labels kept from niche_scores
    assert [tr.name for tr in fig.data] == ["RCA", "distance", "pci"]
    assert list(fig.data[0].y) == ["Bananas (b)", "Apples (a)", "Cherries (c)"]  # d screened out
    assert list(fig.data[0].x) == approx([1 / 3, 1 / 2, 1 / 6])   # rca: w 1/2 x n
    assert list(fig.data[1].x) == approx([1 / 4, 0, 1 / 12])      # distance: w 1/4 x n
    assert list(fig.data[2].x) == approx([1 / 4, 0, 0])           # pci (a has no data: 0)
    total = sum(np.asarray(tr.x, dtype=float) for tr in fig.data)
    assert total == approx([5 / 6, 1 / 2, 1 / 4])                  # bar length = score
    assert fig.layout.barmode == "stack" and fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.title.text.startswith("The 3 best-ranked niches")
    assert fig.layout.xaxis.title.text.startswith("Score")


def test_ranking_figure_spanish_top_and_names_table(scores):
    names = pd.DataFrame({"code": ["a", "b"], "name": ["Manzanas", "Plátanos " * 8]})
    fig = nv.ranking_figure(scores, names, top=2, lang="es")
    assert fig.layout.title.text == "Los 2 nichos mejor clasificados y los criterios que los sitúan ahí"
    assert fig.layout.xaxis.title.text.startswith("Puntaje")
    y = list(fig.data[0].y)
    assert y[1] == "Manzanas (a)" and y[0].endswith("… (b)") and len(y[0]) < 50  # long names cut
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        nv.ranking_figure(scores, lang="pt")
    with pytest.raises(nv.NicheViewError, match="niche_scores"):
        nv.ranking_figure(T)


def test_ranking_table(scores):
    t = nv.ranking_table(scores, NAMES, lang="es")
    assert t["product"].tolist() == ["b", "a", "c"]
    assert t["nombre"].tolist() == ["Bananas", "Apples", "Cherries"]
    assert t["score"].tolist() == approx([0.833, 0.5, 0.25])
    assert t["why"].iloc[0].startswith("RCA 2 (top 50%)")


def test_sensitivity_figure_structure():
    t = pd.DataFrame({"x": [1.0, 0.0, 0.2], "y": [0.0, 1.0, 0.2]}, index=pd.Index(["p", "q", "r"], name="product"))
    res = nm.sensitivity(t, {"x": 3, "y": 1}, method="minmax", n=400, spread=0.5, k=1, seed=3)
    fig = nv.sensitivity_figure(res, {"p": "Pears", "q": "Quinces"})
    assert [tr.type for tr in fig.data] == ["bar", "bar", "box", "box"]
    shares = dict(zip(res.products["product"], res.products["share_top_k"]))
    # p wins when w_x > 1/2: ~0.875 (Beta(3, 1)), robust at 0.8; q is the rest
    assert list(fig.data[0].y) == ["Pears (p)"] and fig.data[0].x[0] == approx(shares["p"])
    # r passes the screen but is never first: listed with share 0, code shown when no name is given
    assert list(fig.data[1].y) == ["Quinces (q)", "r"]
    assert list(fig.data[1].x) == approx([shares["q"], 0.0])
    assert list(fig.data[2].y) == approx(res.draws["overlap"].tolist())
    assert list(fig.data[3].y) == approx(res.draws["spearman"].tolist())
    assert fig.layout.title.text.startswith("Which niches are robust? 400 draws")
    es = nv.sensitivity_figure(res, lang="es")
    assert es.layout.title.text.startswith("¿Qué nichos son robustos?")
    assert es.layout.annotations[0].text == "Proporción de sorteos en los 1 primeros"
    with pytest.raises(nv.NicheViewError, match="niches.sensitivity"):
        nv.sensitivity_figure(res.products)


@pytest.mark.slow  # the first ipywidgets Output display starts an IPython shell (2-6 s)
def test_weights_app_reranks_when_sliders_move():
    app = nv.weights_app(T, W, higher_is_better=HIB, thresholds=THR, names=NAMES)
    assert {c: s.value for c, s in app.sliders.items()} == approx({"rca": 0.5, "distance": 0.25, "pci": 0.25})
    assert app.scores["product"].tolist()[:3] == ["b", "a", "c"]
    assert len(app.output.outputs) == 2  # the figure and the table
    fig_json = app.output.outputs[0]["data"]["application/vnd.plotly.v1+json"]
    assert [tr["name"] for tr in fig_json["data"]] == ["rca", "distance", "pci"]
    assert "<td>Bananas</td>" in app.output.outputs[1]["data"]["text/html"]  # the ranking table
    # rca weight to 0: scores (n_distance + n_pci) / 2 -> b (1 + 1)/2 = 1, c (1/3 + 0)/2 = 1/6,
    # a (0 + 0)/2 = 0; d still screened out
    app.sliders["rca"].value = 0.0
    ok = app.scores[app.scores["passes"]]
    assert ok["product"].tolist() == ["b", "c", "a"]
    assert ok["score"].tolist() == approx([1.0, 1 / 6, 0.0])
    assert list(app.figure.data[0].y) == ["Bananas (b)", "Cherries (c)", "Apples (a)"]
    # threshold down to 0.5: d passes with (2/3 + 1/2) / 2 = 7/12 and comes second
    app.threshold_sliders["rca"].value = 0.5
    assert app.thresholds == {"rca": (">=", 0.5)}
    ok = app.scores[app.scores["passes"]]
    assert ok["product"].tolist() == ["b", "d", "c", "a"]
    assert ok["score"].iloc[1] == approx(7 / 12)
    # every weight at 0: the app says so and keeps the last ranking
    app.sliders["distance"].value = 0.0
    app.sliders["pci"].value = 0.0
    assert app.error is not None and "all weights are zero" in app.error
    assert app.scores["product"].tolist()[:2] == ["b", "d"]
    assert "all weights are zero" in app.output.outputs[0]["text"]
    app.sliders["pci"].value = 1.0
    assert app.error is None and app.scores["product"].iloc[0] == "b"


@pytest.mark.slow  # the first ipywidgets Output display starts an IPython shell (2-6 s)
def test_weights_app_display_has_widget_and_static_fallback():
    app = nv.weights_app(T, W, higher_is_better=HIB, thresholds=THR, lang="es")
    data = app._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "text/html" in data  # the ranking figure, for exported HTML
    assert app.threshold_sliders["rca"].description == "rca >="
    assert app.threshold_sliders["rca"].min == 0.5 and app.threshold_sliders["rca"].max == 4.0
    with pytest.raises(nm.NicheModelError, match="weight of 'rca' is negative"):
        nv.weights_app(T, {"rca": -1})


# --- the two lists of L11 section 8 ---------------------------------------------------------------------------

def _diversify_toy() -> pd.DataFrame:
    # four candidates already ranked (rank 1 = best): density and PCI are the axes, COG the colour
    return pd.DataFrame({"product": ["0101", "0202", "0303", "0404"], "rank": [1, 2, 3, 4],
                         "score": [0.9, 0.8, 0.7, 0.6], "passes": [True, True, True, True],
                         "density": [0.30, 0.10, 0.25, 0.05], "pci": [1.5, 2.0, -0.5, 0.0],
                         "cog": [0.8, 1.1, 0.2, 0.0], "contrib_density": [0.1] * 4})


def test_diversify_figure_puts_the_top_candidates_on_feasibility_and_attractiveness():
    fig = nv.diversify_figure(_diversify_toy(), {"0101": "Horses"}, top=2, lang="es")
    others, best = fig.data
    assert list(others.x) == [0.25, 0.05] and list(others.y) == [-0.5, 0.0]      # ranks 3 and 4, in grey
    assert list(best.x) == [0.30, 0.10] and list(best.y) == [1.5, 2.0]           # ranks 1 and 2, labelled
    assert list(best.text) == ["1", "2"] and list(best.marker.color) == [0.8, 1.1]
    assert fig.layout.title.text.startswith("Diversificar") and "4 candidatos" in fig.layout.title.text
    assert fig.layout.xaxis.title.text.startswith("Factibilidad")
    with pytest.raises(nv.NicheViewError, match="density"):
        nv.diversify_figure(_diversify_toy().drop(columns="density"))


def test_markets_table_names_markets_and_says_dollars_in_words():
    markets = pd.DataFrame({"product": ["0901", "0901"], "rank": [1, 2], "importer": ["USA", "XXX"],
                            "untapped": [1_500_000.0, 0.0], "potential": [3_000_000.0, 41_000.0],
                            "actual": [1_500_000.0, 41_000.0]})
    t = nv.markets_table(markets, {"0901": "Coffee"}, {"USA": "United States"}, lang="en")
    assert list(t.columns) == ["product", "name", "market rank", "market", "untapped potential (USD)",
                               "potential (USD)", "exports now (USD)", "realised"]
    assert t.iloc[0].tolist() == ["0901", "Coffee", 1, "United States", "1.5 million", "3 million", "1.5 million",
                                  "50%"]
    assert t.iloc[1]["market"] == "XXX" and t.iloc[1]["realised"] == "100%"   # no name: the code; 41,000 / 41,000
    with pytest.raises(nv.NicheViewError, match="top_markets"):
        nv.markets_table(markets.drop(columns="untapped"))


def test_the_model_says_what_is_wrong_in_the_learners_language():
    crit = pd.DataFrame({"rca": [2.0, 0.5], "pci": [1.0, -1.0]}, index=["0101", "0202"])
    with pytest.raises(nm.NicheModelError, match="use uno de"):
        nm.niche_scores(crit, {"rca": 1.0}, missing="nada", lang="es")
    with pytest.raises(nm.NicheModelError, match="use one of"):
        nm.niche_scores(crit, {"rca": 1.0}, missing="nothing", lang="en")
