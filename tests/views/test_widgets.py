"""with_fallback: a live widget in JupyterLab, a static fallback in exported HTML.

The bundles are checked as Jupyter records them (IPython's display formatter), without a kernel.
"""
from __future__ import annotations

import ipywidgets
import pandas as pd
import plotly.graph_objects as go
import pytest
from IPython.core.formatters import DisplayFormatter

from course_tools.views.widgets import PLOTLY_MIMETYPE, WIDGET_VIEW_MIMETYPE, static_bundle, with_fallback


def _recorded(obj):
    """(data, metadata) as the kernel would save them in the notebook."""
    return DisplayFormatter().format(obj)


def test_bundle_has_widget_view_and_static_table():
    slider = ipywidgets.IntSlider(value=15, description="TOP_N")
    table = pd.DataFrame({"country": ["Peru", "Chile"], "exports": [1234, 5678]})
    data, metadata = _recorded(with_fallback(slider, table))
    assert data[WIDGET_VIEW_MIMETYPE]["model_id"] == slider.model_id
    assert "<table" in data["text/html"] and "Peru" in data["text/html"]
    assert "5678" in data["text/html"]
    assert PLOTLY_MIMETYPE not in data
    assert metadata["nichos"]["static_fallback"] is True


def test_plotly_fallback_is_html_without_plotly_json_or_plotlyjs():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout_title_text="Fallback figure")
    data, _ = _recorded(with_fallback(ipywidgets.Dropdown(options=["PER", "CHL"]), fig))
    assert set(data) == {WIDGET_VIEW_MIMETYPE, "text/html", "text/plain"}
    html = data["text/html"]
    assert "Plotly.newPlot" in html and "Fallback figure" in html
    assert "plotly.js v" not in html  # the page embeds plotly.js once, not each figure
    assert "https://" not in html and "mathjax" not in html.lower()
    assert data["text/plain"] == "<plotly figure: Fallback figure>"


def test_fallback_can_be_a_function_or_a_styler():
    calls = []

    def draw():
        calls.append(1)
        return pd.DataFrame({"rca": [2.5]})

    data, _ = _recorded(with_fallback(ipywidgets.IntSlider(), draw))
    assert calls == [1] and "2.5" in data["text/html"]
    styler = pd.DataFrame({"x": [1.0]}).style.set_caption("Niches of Peru")
    assert "Niches of Peru" in static_bundle(styler)["text/html"]


def test_plain_text_fallback_is_escaped():
    data = static_bundle("US$ 5 < 6")
    assert data["text/html"] == "<pre>US$ 5 &lt; 6</pre>"


def test_not_a_widget_is_a_clear_error():
    with pytest.raises(TypeError, match="ipywidgets widget"):
        with_fallback(pd.DataFrame({"x": [1]}), pd.DataFrame({"x": [1]}))


def test_show_in_puts_figures_and_tables_in_the_output_without_displaying_them():
    import ipywidgets
    import pandas as pd
    import plotly.graph_objects as go

    from course_tools.views.widgets import show_in

    out = ipywidgets.Output()
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": "T"}})
    show_in(out, fig, pd.DataFrame({"x": [1]}))
    first, second = out.outputs
    assert first["data"]["application/vnd.plotly.v1+json"]["data"][0]["y"] == [1, 2]
    assert first["data"]["text/plain"] == "<plotly figure: T>"
    assert "<table" in second["data"]["text/html"]
    show_in(out, "only text")
    assert [o["data"]["text/plain"] for o in out.outputs] == ["'only text'"]
