"""Tests of course_tools.views.figures: the structure of each figure AND the numbers it draws.

Expected numbers come from the raw CSV files with awk (see tests/views/test_tables.py for the commands):
Jamaica 2017 reported exports 1,699,596,755 USD in 95 chapters and 853 headings, chapter 28 =
694,850,387 USD; Jamaica 2006 exports to all partners 2,588.775332 million USD, to the USA 659.9846.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from course_tools import data
from course_tools.i18n import UnknownLanguageError
from course_tools.views.figures import export_treemap, top_partners_bar
from course_tools.views.tables import TableInputError, top_partners


@pytest.fixture(scope="module")
def hs_names_es() -> pd.DataFrame:
    return pd.concat([data.products("hs07", level=2, lang="es"), data.products("hs07", level=4, lang="es")])


def _toy() -> tuple[pd.DataFrame, pd.DataFrame]:
    trade = pd.DataFrame({"year": 2017, "country": "AAA", "product": ["0101", "0102", "2603", "2701"],
                          "export_value": [10.0, 30.0, 60.0, np.nan]})
    names = pd.DataFrame({"code": ["01", "0101", "0102", "26", "2603"],
                          "name": ["Live animals", "Horses", "Bovine animals", "Ores", "Copper ores"]})
    return trade, names


def test_treemap_by_hand():
    trade, names = _toy()
    fig = export_treemap(trade, "AAA", names, country_name="Atlantis")
    tm = fig.data[0]
    assert isinstance(fig, go.Figure) and tm.type == "treemap" and tm.branchvalues == "total"
    values = dict(zip(tm.ids, tm.values))
    assert values == {"AAA": 100.0, "AAA/01": 40.0, "AAA/26": 60.0, "AAA/01/0101": 10.0,
                      "AAA/01/0102": 30.0, "AAA/26/2603": 60.0}
    parents = dict(zip(tm.ids, tm.parents))
    assert parents["AAA"] == "" and parents["AAA/26/2603"] == "AAA/26" and parents["AAA/01"] == "AAA"
    assert "01 Live animals" in tm.labels and "2603 Copper ores" in tm.labels
    assert fig.layout.title.text == "Export basket of Atlantis, 2017: HS chapter → heading"


def test_treemap_spanish_real(hs_names_es):
    fig = export_treemap(data.load_trade(2017), "JAM", hs_names_es, "es", country_name="Jamaica")
    tm = fig.data[0]
    assert fig.layout.title.text.startswith("Canasta exportadora de Jamaica, 2017")
    assert tm.values[0] == pytest.approx(1_699_596_755.0, rel=1e-12)  # the root = the country total
    chapters = [i for i, p in zip(tm.ids, tm.parents) if p == "JAM"]
    headings = [i for i in tm.ids if i.count("/") == 2]
    assert len(chapters) == 95 and len(headings) == 853
    values = dict(zip(tm.ids, tm.values))
    assert sum(values[c] for c in chapters) == pytest.approx(tm.values[0], rel=1e-12)
    assert values["JAM/28"] == pytest.approx(694_850_387.0, rel=1e-12)
    assert any(label.startswith("28 Químicos inorgánicos") for label in tm.labels)
    assert all(len(label) <= 40 for label in tm.labels)


def test_treemap_bad_input():
    trade, names = _toy()
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        export_treemap(trade, "AAA", names, lang="fr")
    with pytest.raises(TableInputError, match="products must be a DataFrame"):
        export_treemap(trade, "AAA", names.rename(columns={"name": "desc"}))


def test_top_partners_bar_real():
    partners = top_partners(data.load_gravity(), "JAM", n=10)
    fig = top_partners_bar(partners, "JAM", "es", country_name="Jamaica", year=2006,
                           partner_names=data.countries("es").set_index("iso3")["name"])
    bar = fig.data[0]
    assert bar.type == "bar" and bar.orientation == "h" and len(bar.x) == 10
    assert bar.y[0] == "Estados Unidos de América (USA)"
    assert bar.x[0] == pytest.approx(100 * 659.9846 / 2588.775332, rel=1e-9)
    assert bar.customdata[0] == pytest.approx(659.9846)
    assert fig.layout.title.text == "Principales 10 destinos de las exportaciones de Jamaica, 2006"
    assert fig.layout.xaxis.title.text == "participación en las exportaciones (%)"
    assert list(fig.layout.yaxis.categoryarray)[-1] == bar.y[0]  # the largest partner on top


def test_top_partners_bar_english_without_names():
    partners = pd.DataFrame({"partner": ["BBB", "CCC"], "value": [50.0, 30.0], "share": [0.625, 0.375]})
    fig = top_partners_bar(partners, "AAA")
    assert list(fig.data[0].y) == ["BBB", "CCC"] and list(fig.data[0].x) == [62.5, 37.5]
    assert fig.layout.title.text == "Top 2 destinations of the exports of AAA"
    with pytest.raises(TableInputError, match="no column"):
        top_partners_bar(partners.drop(columns="share"), "AAA")
