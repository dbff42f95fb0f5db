"""The RCA explorer of lesson L05 (course_tools.views.rca_explorer) on the real 2017 world trade table.

Expected values are worked independently here with plain pandas (Balassa's RCA as shares:
X_cp / X_c. over X_.p / X_.. with the reference = the listed countries plus the country), not
with the indicator engine the module calls.
"""
from __future__ import annotations

import pandas as pd
import pytest

from course_tools import data
from course_tools.i18n import UnknownLanguageError
from course_tools.views import rca_explorer as rca_view
from course_tools.views.widgets import WIDGET_VIEW_MIMETYPE, WidgetWithFallback

PLOTLY = "application/vnd.plotly.v1+json"


def hand_rca(trade: pd.DataFrame, country: str, members: list[str] | None = None) -> pd.DataFrame:
    """RCA worked by hand: products with world exports > 0; columns export_value, rca."""
    t = trade.fillna({"export_value": 0.0})
    if members is not None:
        t = t[t["country"].isin(set(members) | {country})]
    world = t.groupby("product")["export_value"].sum()
    world = world[world > 0]
    mine = t[t["country"] == country].groupby("product")["export_value"].sum().reindex(world.index, fill_value=0.0)
    rca = (mine / mine.sum()) / (world / world.sum())
    return pd.DataFrame({"export_value": mine, "rca": rca})


def hand_above(hand: pd.DataFrame, threshold: float, n: int) -> tuple[int, list[str]]:
    """(number of exported products with RCA >= threshold, their n largest exports' codes)."""
    rows = hand[(hand["export_value"] > 0) & (hand["rca"] >= threshold)]
    rows = rows.reset_index().sort_values(["export_value", "product"], ascending=[False, True])
    return len(rows), rows["product"].head(n).astype(str).tolist()


@pytest.fixture(scope="module")
def trade() -> pd.DataFrame:
    return data.load_trade(2017)


@pytest.fixture(scope="module")
def lac() -> list[str]:
    return list(data.group_members("lac"))


@pytest.fixture(scope="module")
def table(trade, lac) -> pd.DataFrame:
    return rca_view.reference_profiles(trade, "MEX", region=lac, products=data.products("hs07", level=4))


@pytest.fixture(scope="module")
def hand(trade, lac) -> dict[str, pd.DataFrame]:
    return {"world": hand_rca(trade, "MEX"), "region": hand_rca(trade, "MEX", lac)}


def test_reference_profiles_match_hand_rca(table, hand):
    assert set(table["reference"]) == {"world", "region"}
    for ref in ("world", "region"):
        got = table[table["reference"] == ref].set_index("product")["rca"].sort_index()
        exp = hand[ref]["rca"].sort_index()
        assert list(got.index) == list(exp.index)
        assert got.to_numpy() == pytest.approx(exp.to_numpy(), rel=1e-9)
    # the lesson records 196 products with RCA >= 1 against the world for Mexico 2017 (L05 cell 9)
    assert (table.loc[table["reference"] == "world", "rca"] >= 1).sum() == 196


@pytest.mark.parametrize("ref, threshold, n", [("world", 1.0, 15), ("world", 2.0, 10), ("region", 2.0, 15),
                                               ("region", 4.5, 40)])
def test_products_above_counts_and_order(table, hand, ref, threshold, n):
    above = rca_view.products_above(table, reference=ref, threshold=threshold, n=n)
    n_above, codes = hand_above(hand[ref], threshold, n)
    assert above.attrs["n_above"] == n_above
    assert above.attrs["n_exported"] == int((hand[ref]["export_value"] > 0).sum())
    assert above["product"].tolist() == codes
    assert (above["rca"] >= threshold).all()


def test_app_state_follows_the_controls(table, hand):
    app = rca_view.rca_explorer_app(table, country_name="Mexico")
    n1, codes1 = hand_above(hand["world"], 1.0, 15)
    assert f"<b>{n1}</b> of" in app.summary.value and "against the world" in app.summary.value
    assert app.figure.data[0].y[0].startswith(codes1[0] + " ")

    app.threshold.value = 2.0  # as if the participant moved the slider
    n2, codes2 = hand_above(hand["world"], 2.0, 15)
    assert n2 < n1
    assert f"<b>{n2}</b> of" in app.summary.value and "RCA ≥ 2 against the world" in app.summary.value
    assert [y.split(" ")[0] for y in app.figure.data[0].y] == codes2
    # the Output widget holds exactly the new figure, as plotly JSON for JupyterLab's renderer
    assert len(app.out.outputs) == 1
    shown = app.out.outputs[0]["data"][PLOTLY]["data"][0]["y"]
    assert [y.split(" ")[0] for y in shown] == codes2

    app.reference.value = "region"
    app.top_n.value = 5
    n3, codes3 = hand_above(hand["region"], 2.0, 5)
    assert f"<b>{n3}</b> of" in app.summary.value and "Latin America and the Caribbean" in app.summary.value
    assert [y.split(" ")[0] for y in app.figure.data[0].y] == codes3
    assert "(5 of " + str(n3) + ")" in app.figure.layout.title.text


def test_threshold_nobody_passes_gives_a_message_not_an_error(table):
    app = rca_view.rca_explorer_app(table, lang="es", threshold=10.0, max_threshold=10_000.0)
    app.threshold.value = 9_000.0
    assert len(app.figure.data) == 0
    assert "baje el umbral" in app.figure.layout.annotations[0].text
    assert "<b>0</b> de" in app.summary.value


def test_rca_explorer_shows_widget_with_static_fallback(trade):
    shown = rca_view.rca_explorer(trade, "CHL", names=data.products("hs07", level=4, lang="es"), lang="es")
    assert isinstance(shown, WidgetWithFallback)
    bundle, _ = shown._repr_mimebundle_()
    assert WIDGET_VIEW_MIMETYPE in bundle and "text/html" in bundle
    assert "frente al mundo" in shown.fallback.layout.title.text
    # Chile 2017: copper ores (2603) is the largest export with RCA >= 1 against the world
    assert shown.fallback.data[0].y[0].startswith("2603 ")


@pytest.mark.parametrize("kwargs, message", [
    ({"reference": "oecd"}, "use 'world'"),
    ({"threshold": -1}, "threshold must be a number >= 0"),
    ({"n": 0}, "n must be a whole number >= 1"),
])
def test_products_above_bad_arguments(table, kwargs, message):
    with pytest.raises(rca_view.RcaViewError, match=message):
        rca_view.products_above(table, **kwargs)


def test_bad_inputs_say_how_to_fix(trade, lac, table):
    with pytest.raises(rca_view.RcaViewError, match="list of ISO3 codes"):
        rca_view.reference_profiles(trade, "MEX", region="LAC")
    with pytest.raises(rca_view.RcaViewError, match="ISO3 code"):
        rca_view.reference_profiles(trade, "XXX", region=lac)
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        rca_view.rca_explorer_app(table, lang="pt")
    with pytest.raises(rca_view.RcaViewError, match="reference_profiles"):
        rca_view.products_above(trade)
