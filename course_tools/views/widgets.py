"""Interactive widgets that still show something in an exported HTML page.

An ipywidget (a slider, a country picker) lives in the Python kernel: JupyterLab draws it, but a
standalone HTML page (``course export``, ``course report``) has no kernel, so the widget would be
an empty box. :func:`with_fallback` pairs the widget with a **static fallback** (a plotly figure,
a table, anything with a rich display) drawn for the value the widget shows when the cell runs::

    from course_tools.views.widgets import with_fallback
    picker = product_space_view.country_picker(...)          # an ipywidgets object
    with_fallback(picker, product_space_view.product_space_figure(...))   # last line of the cell

* In JupyterLab you get the live widget (its display wins over plain HTML).
* In the exported HTML (:mod:`course_tools.course.export`) you get the fallback: the figure or table for
  the starting value. Moving the slider later does not change the fallback.

How it works: the returned object's ``_repr_mimebundle_`` merges the widget's own display
(``application/vnd.jupyter.widget-view+json``) with the fallback's *static* representations
(``text/html``, images, ``text/plain``). A plotly figure is given as HTML that draws with the
page's plotly.js; its ``application/vnd.plotly.v1+json`` form is left out on purpose, because
JupyterLab would prefer it to the widget. The exporter removes the widget view wherever another
representation exists, so only the fallback remains in the page.
"""
from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any

from course_tools.i18n import text
from course_tools.views import ViewInputError

__all__ = ["WIDGET_VIEW_MIMETYPE", "PLOTLY_MIMETYPE", "NotAWidgetError", "WidgetWithFallback", "with_fallback",
           "static_bundle", "display_item", "show_in"]

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"

# Representations a page without a kernel can show, best first (the fallback keeps these only).
_STATIC_MIMETYPES = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown",
                     "text/latex", "text/plain")


class NotAWidgetError(ViewInputError, TypeError):
    """The first argument of :func:`with_fallback` is not an ipywidgets widget (also a ``TypeError``)."""


def _is_plotly_figure(obj: Any) -> bool:
    return hasattr(obj, "to_plotly_json") and hasattr(obj, "to_html") and hasattr(obj, "layout")


def _widget_bundle(widget: Any) -> dict[str, Any]:
    """The widget's own display bundle; must contain a widget view."""
    repr_bundle = getattr(widget, "_repr_mimebundle_", None)
    data = repr_bundle() if callable(repr_bundle) else None
    if isinstance(data, tuple):  # (data, metadata)
        data = data[0]
    if not isinstance(data, dict) or WIDGET_VIEW_MIMETYPE not in data:
        raise NotAWidgetError(text("views_msg.widgets.not_a_widget", type=type(widget).__name__))
    return dict(data)


def static_bundle(obj: Any) -> dict[str, Any]:
    """Static display bundle of ``obj``: ``{mimetype: data}`` a page without a kernel can show.

    * plotly figure -> ``text/html`` (a ``<div>`` drawn by the page's plotly.js, no plotly.js
      copy, no MathJax from the internet) and ``text/plain``;
    * pandas DataFrame / Styler or any object with ``_repr_html_`` / ``_repr_mimebundle_`` /
      ``_repr_png_`` / ``_repr_svg_`` ... -> those representations (images as base64 strings,
      as Jupyter stores them);
    * a string -> shown as text (HTML-escaped);
    * a callable without arguments -> called, and its result displayed as above.
    """
    if callable(obj) and not _is_plotly_figure(obj) and not hasattr(obj, "_repr_html_"):
        obj = obj()
    if _is_plotly_figure(obj):
        import plotly.io as pio

        div = pio.to_html(obj, full_html=False, include_plotlyjs=False, include_mathjax=False)
        return {"text/html": div, "text/plain": f"<plotly figure: {_figure_title(obj)}>"}
    if isinstance(obj, str):
        return {"text/html": f"<pre>{html.escape(obj)}</pre>", "text/plain": obj}
    if hasattr(obj, "to_html") and type(obj).__name__ == "Styler":
        return {"text/html": obj.to_html(), "text/plain": repr(obj)}
    bundle: dict[str, Any] = {}
    mimebundle = getattr(obj, "_repr_mimebundle_", None)
    if callable(mimebundle):
        got = mimebundle()
        if isinstance(got, tuple):
            got = got[0]
        if isinstance(got, dict):
            bundle.update(got)
    for mimetype, method in (("text/html", "_repr_html_"), ("image/svg+xml", "_repr_svg_"),
                             ("image/png", "_repr_png_"), ("image/jpeg", "_repr_jpeg_"),
                             ("text/markdown", "_repr_markdown_"), ("text/latex", "_repr_latex_")):
        fn = getattr(obj, method, None)
        if mimetype not in bundle and callable(fn):
            value = fn()
            if isinstance(value, tuple):
                value = value[0]
            if value is not None:
                if isinstance(value, bytes):
                    value = base64.b64encode(value).decode("ascii")
                bundle[mimetype] = value
    if "text/html" not in bundle and hasattr(obj, "to_html"):  # a DataFrame with HTML repr off
        try:
            bundle["text/html"] = obj.to_html()
        except TypeError:
            pass
    static = {k: bundle[k] for k in _STATIC_MIMETYPES if k in bundle}
    if not any(k != "text/plain" for k in static):
        static["text/html"] = f"<pre>{html.escape(str(static.get('text/plain', repr(obj))))}</pre>"
    static.setdefault("text/plain", repr(obj))
    return static


def display_item(obj: Any) -> dict[str, Any]:
    """``obj`` as one ``display_data`` output item, built without displaying anything.

    For an ``ipywidgets.Output``: ``out.outputs = (display_item(fig),)``. A plotly figure keeps its
    plotly JSON (JupyterLab draws it); ``Output.append_display_data(fig)`` would not do: a figure
    displays itself (``_ipython_display_``) in the running cell, so the Output stayed empty.
    """
    if _is_plotly_figure(obj):
        import plotly.io as pio

        data = dict(pio.renderers["plotly_mimetype"].to_mimebundle(obj.to_dict()))
        data["text/plain"] = f"<plotly figure: {_figure_title(obj)}>"
    else:
        from IPython.core.formatters import DisplayFormatter

        data, _ = DisplayFormatter().format(obj)
    return {"output_type": "display_data", "data": data, "metadata": {}}


def show_in(output: Any, *objects: Any) -> None:
    """Replace what an ``ipywidgets.Output`` shows by ``objects`` (figures, tables, text).

    Setting ``output.outputs`` directly is the pattern for widget apps in lessons:
    ``with output: display(...)`` makes papermill wait for the widget until its time limit.
    """
    output.outputs = tuple(display_item(obj) for obj in objects)


def _figure_title(fig: Any) -> str:
    try:
        text = fig.layout.title.text
    except AttributeError:
        text = None
    return str(text) if text else "untitled"


class WidgetWithFallback:
    """A widget shown live in JupyterLab and as its static ``fallback`` in exported HTML.

    Create it with :func:`with_fallback`. ``.widget`` and ``.fallback`` are the two parts.
    """

    def __init__(self, widget: Any, fallback: Any) -> None:
        _widget_bundle(widget)  # fail now, in the cell that builds it, if it is not a widget
        self.widget = widget
        self.fallback = fallback

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None,
                          **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        data = static_bundle(self.fallback)
        live = _widget_bundle(self.widget)
        data[WIDGET_VIEW_MIMETYPE] = live[WIDGET_VIEW_MIMETYPE]
        data.pop(PLOTLY_MIMETYPE, None)
        return data, {"nichos": {"static_fallback": True}}

    def __repr__(self) -> str:
        return f"with_fallback({type(self.widget).__name__}, {type(self.fallback).__name__})"


def with_fallback(widget: Any, fallback: Any | Callable[[], Any]) -> WidgetWithFallback:
    """Show ``widget`` in JupyterLab and ``fallback`` in an exported HTML page.

    Put it as the **last line of a cell** (or pass it to ``display``). ``fallback`` is a plotly
    figure, a pandas DataFrame or Styler, anything with a rich display, or a function without
    arguments returning one (called when the cell output is made). Draw the fallback for the
    value the widget starts with, and say in the text which value that is.

    Raises :class:`NotAWidgetError` (a ``TypeError``) if ``widget`` is not an ipywidgets widget.
    """
    return WidgetWithFallback(widget, fallback)
