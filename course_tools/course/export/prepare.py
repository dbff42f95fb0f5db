"""Clean an executed notebook for an offline page: cell tags, plotly.js once, no CDN script, widgets.

:func:`prepare_notebook` applies the cell tags (``remove-cell``, ``remove-output``, ``remove-input``),
removes the copies of plotly.js saved in the outputs (one goes in the page head) and the
``<script src=...>`` tags that point to the internet, gives a figure saved only as plotly JSON an
HTML version, replaces each widget by its static fallback (or a short note) and swaps the
formulas for tokens (:class:`course_tools.course.export.mathml.MathStore`).
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from course_tools.course.export.mathml import MathStore, find_math

__all__ = ["WIDGET_VIEW", "PLOTLY_JSON", "REMOVE_CELL", "REMOVE_OUTPUT", "REMOVE_INPUT", "WIDGET_NOTE",
           "prepare_notebook"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY_JSON = "application/vnd.plotly.v1+json"
#: Cell tags the exporter obeys (the Jupyter Book / nbconvert convention).
REMOVE_CELL, REMOVE_OUTPUT, REMOVE_INPUT = "remove-cell", "remove-output", "remove-input"

WIDGET_NOTE = (
    '<p class="nichos-widget-note"><em>Interactive control: open the notebook in JupyterLab to '
    'use it (<span lang="es">control interactivo: abra el cuaderno en JupyterLab para usarlo</span>).</em></p>'
)

_PLOTLYJS = re.compile(r"<script\b[^>]*>\s*/\*\*?[\s*]*plotly\.js v[\d.]+.*?</script>", re.S | re.I)
_PLOTLY_CONFIG = re.compile(r"<script\b[^>]*>\s*window\.PlotlyConfig\s*=.*?</script>", re.S)
_EXTERNAL_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.S | re.I)
_MATHJAX_CONFIG = re.compile(
    r"<script>\s*if \(window\.MathJax && window\.MathJax\.Hub && window\.MathJax\.Hub\.Config\)"
    r".*?</script>", re.S)


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


@dataclass
class _Prepared:
    nb: Any
    plotlyjs: str | None = None
    needs_plotly: bool = False
    removed_scripts: list[str] = field(default_factory=list)
    widgets_replaced: int = 0


def _clean_html(html: str, found: _Prepared) -> str:
    for m in _PLOTLYJS.finditer(html):
        if found.plotlyjs is None:
            body = m.group(0)
            found.plotlyjs = body[body.index(">") + 1:-len("</script>")]
    html = _PLOTLYJS.sub("", html)
    html = _PLOTLY_CONFIG.sub("", html)
    html = _MATHJAX_CONFIG.sub("", html)
    for m in _EXTERNAL_SCRIPT.finditer(html):
        found.removed_scripts.append(m.group(0)[:200])
    return _EXTERNAL_SCRIPT.sub("", html)


def _plotly_html(fig_json: Any) -> str:
    import plotly.io as pio

    fig = fig_json if isinstance(fig_json, dict) else json.loads(_text(fig_json))
    return pio.to_html(fig, full_html=False, include_plotlyjs=False, include_mathjax=False,
                       validate=False)


def _prepare_output(out: Any, found: _Prepared, math: MathStore) -> bool:
    """Clean one output in place; return False if nothing is left to show."""
    data = out.get("data")
    if data is None:
        return True
    if WIDGET_VIEW in data:
        del data[WIDGET_VIEW]
        if not any(k != "text/plain" for k in data):
            data.clear()
            data["text/html"] = WIDGET_NOTE
        found.widgets_replaced += 1
    if PLOTLY_JSON in data and "text/html" not in data:
        data["text/html"] = _plotly_html(data[PLOTLY_JSON])
    data.pop(PLOTLY_JSON, None)
    if "text/html" in data:
        html = _clean_html(_text(data["text/html"]), found)
        if html.strip():
            data["text/html"] = html
        else:
            del data["text/html"]
            if set(data) <= {"text/plain"}:
                return False
    if "text/markdown" in data:
        data["text/markdown"] = math.protect(_text(data["text/markdown"]))
    if "text/latex" in data and not any(k in data for k in ("text/html", "text/markdown")):
        latex = _text(data["text/latex"]).strip()
        spans = find_math(latex)
        if spans:
            data["text/markdown"] = math.protect(latex)
    if any("Plotly.newPlot" in _text(data.get(k, "")) or "Plotly.react" in _text(data.get(k, ""))
           for k in ("text/html", "application/javascript")):
        found.needs_plotly = True
    return True


def prepare_notebook(nb: Any, *, hide_code: bool = False) -> tuple[Any, dict[str, Any]]:
    """A cleaned copy of an executed notebook, ready for the offline HTML template.

    Applies the cell tags, replaces widgets by their static fallback, removes plotly.js copies
    and scripts from the internet, swaps formulas for tokens (see :class:`MathStore`). Returns
    ``(notebook, info)``; ``info`` has ``plotlyjs`` (the first plotly.js copy found or ``None``),
    ``needs_plotly``, ``removed_scripts``, ``widgets_replaced`` and ``math`` (the token store).
    The notebook given is not changed.
    """
    nb = copy.deepcopy(nb)
    found = _Prepared(nb)
    math = MathStore()
    nb.metadata.pop("widgets", None)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if REMOVE_CELL in tags:
            continue
        if cell.cell_type == "markdown":
            cell.source = math.protect(cell.source)
        elif cell.cell_type == "code":
            if REMOVE_OUTPUT in tags:
                cell.outputs = []
            if REMOVE_INPUT in tags or hide_code:
                cell.setdefault("transient", {})["remove_source"] = True
            cell.outputs = [o for o in cell.get("outputs", []) if _prepare_output(o, found, math)]
        cells.append(cell)
    nb.cells = cells
    info = {"plotlyjs": found.plotlyjs, "needs_plotly": found.needs_plotly,
            "removed_scripts": found.removed_scripts, "widgets_replaced": found.widgets_replaced,
            "math": math}
    return nb, info
