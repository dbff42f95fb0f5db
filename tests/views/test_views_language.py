"""Views follow the notebook's language (``lang=None``) and write numbers in the reader's convention.

The inputs are small tables written here; the expected labels are the catalogue's Spanish texts and
the numbers follow CLDR's es_PY symbols (decimal comma, point for thousands; see test_format.py).
"""
from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

from course_tools import i18n
from course_tools.views import (
    complexity,
    dynamics,
    figures,
    input_output,
    interdependence,
    rca_explorer,
    specialisation,
    territory,
)
from course_tools.views import format as fmt

VIEW_MODULES = (complexity, dynamics, figures, input_output, interdependence, rca_explorer, specialisation,
                territory)


@pytest.fixture
def paraguay_in_spanish():
    i18n.set_language("es")
    fmt.set_country("PRY")
    yield
    i18n.set_language(None)
    fmt.set_country(None)


@pytest.mark.parametrize("module", VIEW_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_no_view_defaults_to_english(module):
    for name, fn in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or fn.__module__ != module.__name__ or "lang" not in inspect.signature(fn).parameters:
            continue
        default = inspect.signature(fn).parameters["lang"].default
        assert default is None, f"{module.__name__}.{name}: lang defaults to {default!r}, not the notebook's language"


def test_quadrants_and_sectors_follow_the_notebook(paraguay_in_spanish):
    table = pd.DataFrame({"quadrant": ["rising star", "retreat"], "export_t1": [3.0, 1.0]})
    assert dynamics.quadrant_counts(table)["quadrant"].tolist()[:2] == ["estrella naciente", "estrella menguante"]
    assert territory.sector_labels()["31-33"] == "Industrias manufactureras"
    i18n.set_language("en")
    assert dynamics.quadrant_counts(table)["quadrant"].tolist()[0] == "rising star"


def _nodes() -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = pd.DataFrame({"product": ["1201", "0901"], "x": [0.0, 1.0], "y": [0.0, 1.0],
                          "name": ["Habas de soja", "Café"], "present": [True, False],
                          "rca": [12.3456, np.nan], "world_trade": [58.2e9, 0.0]})
    return nodes, pd.DataFrame({"source": ["1201"], "target": ["0901"]})


def test_product_space_hover_in_spanish(paraguay_in_spanish):
    nodes, edges = _nodes()
    fig = complexity.product_space_figure(nodes, edges, country_name="Paraguay")
    absent, present = fig.data[1], fig.data[2]
    assert list(present.hovertext) == [
        "Habas de soja (1201)<br>VCR 12,35<br>exportaciones mundiales: USD 58,2 mil millones"]
    assert list(absent.hovertext) == ["Café (0901)<br>VCR n. d.<br>exportaciones mundiales: USD 0"]
    english = complexity.product_space_figure(nodes, edges, lang="en")
    # an English reader in Paraguay: CLDR has no en_PY, so English numbers
    assert english.data[2].hovertext[0].endswith("RCA 12.35<br>world exports: USD 58.2 billion")


def test_country_picker_labels(paraguay_in_spanish):
    pytest.importorskip("ipywidgets")
    nodes, edges = _nodes()
    app = complexity.country_picker(lambda c, p: complexity.product_space_figure(nodes, edges), {"PRY": "Paraguay"},
                                    products={"1201": "Habas de soja"})
    country, product = app.children[0].children
    assert (country.description, product.description) == ("País", "Producto")


def test_rca_scatter_hover_and_bar_numbers(paraguay_in_spanish):
    two = pd.DataFrame({"product": ["1201", "2304"], "name": ["Habas de soja", "Tortas de soja"],
                        "export_value": [2.0e9, 1.0e9], "share": [0.2, 0.1], "rca_world": [30.5, 20.25],
                        "rca_region": [4.5, 0.5], "group": ["both", "world only"]})
    fig = specialisation.rca_world_vs_region_scatter(two, country_name="Paraguay")
    hover = fig.data[0].hovertemplate
    assert "VCR (mundo) %{x:,.2f}" in hover and "VCR (ALC) %{y:,.2f}" in hover and "RCA" not in hover
    assert "frente a ALC" in fig.layout.yaxis.title.text
    profile = two.rename(columns={"rca_world": "rca"}).assign(rsca=0.5)
    bar = specialisation.top_rca_bar(profile, 2, country_name="Paraguay")
    assert list(bar.data[0].text) == ["30,5", "20,2"]


def test_suppression_map_title_and_ticks_in_spanish(paraguay_in_spanish):
    census = pd.DataFrame({
        "census_year": 2023, "state_code": "28", "state": "Tamaulipas", "municipality_code": None,
        "municipality": ["X", "X", "Y"], "sector_code": ["31-33", "46", "31-33"], "sector": "s",
        "employment": [10.0, np.nan, 5.0], "value_added": np.nan, "suppressed": [False, True, False]})
    fig = territory.suppression_map(census, year=2023)
    assert fig.layout.title.text.endswith("1 de 3 (rojo = reservada, azul = publicada)")
    assert list(fig.data[0].x) == ["Industrias manufactureras", "Comercio al por menor"]
    lq = pd.DataFrame({"region": ["X", "Y"], "industry": ["31-33", "31-33"], "employment": [10.0, 5.0],
                       "lq": [1.5, 0.5]})
    heat = territory.lq_heatmap(lq, year=2023)
    assert list(heat.data[0].colorbar.ticktext) == ["0,1", "1", "10"]


def test_partner_bars_in_spanish(paraguay_in_spanish):
    partners = pd.DataFrame({"partner": ["ARG", "BRA"], "value": [1234.5, 800.0], "share": [0.3456, 0.2]})
    fig = figures.top_partners_bar(partners, "PRY", country_name="Paraguay", partner_names={"BRA": "Brasil"})
    assert list(fig.data[0].text) == ["34,6%", "20,0%"]
    assert "millones de USD" in fig.data[0].hovertemplate and fig.data[0].y[1] == "Brasil (BRA)"


def test_dynamics_figures_keep_the_reader_separators(paraguay_in_spanish):
    cms = pd.Series({"world_growth": 1e9, "competitiveness": -2e8, "total_change": 8e8})
    fig = dynamics.cms_figure(cms, country_name="Paraguay", years=(1980, 2017))
    assert fig.layout.separators == ",." and fig.layout.template.layout.plot_bgcolor == "white"


def test_spanish_axes_write_large_numbers_in_full():
    # plotly's "2B" would read as 2 billones (10^12) in Spanish
    assert fmt.plotly_number_layout("es", "PRY") == {
        "separators": ",.", "xaxis": {"exponentformat": "none", "separatethousands": True},
        "yaxis": {"exponentformat": "none", "separatethousands": True}}
    assert fmt.plotly_number_layout("en") == {"separators": ".,"}
