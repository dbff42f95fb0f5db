"""``setup_notebook()``: the first line of every lesson.

It makes figures and tables look the same for everybody, explicitly (importing
``course_tools`` changes nothing by itself):

* **plotly renderer** ``"plotly_mimetype+notebook"``. Each figure is saved with two
  representations: the plotly JSON that JupyterLab draws with its built-in plotly extension, and
  an HTML version for exported pages. The ``notebook`` half embeds a copy of plotly.js (about
  4 MB, once per notebook, when the first figure is shown) instead of loading it from a CDN, so
  figures still work offline and in ``jupyter nbconvert --to html`` exports. (The
  ``notebook_connected`` renderers would fetch plotly.js from the internet.)
* **plotly template** ``"plotly_white"``: a clean background that prints well.
* **pandas display**: thousands separators for decimal numbers (``75,915,749,884``), at most
  four significant digits for small ones (``0.2302``), wider text tables, 30 rows and
  30 columns before pandas abbreviates.
"""
from __future__ import annotations

import math

__all__ = ["setup_notebook", "format_number"]


def format_number(x: float) -> str:
    """Format one float for tables: ``75,915,749,884`` / ``123.5`` / ``0.2302`` / ``NaN``.

    Numbers of 1,000 or more get thousands separators and no decimals; smaller ones keep four
    significant digits, so shares and indices stay readable.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "NaN"
    ax = abs(x)
    if ax >= 1e15:
        return f"{x:.3e}"
    if ax >= 1000:
        return f"{x:,.0f}"
    if ax >= 100:
        return f"{x:,.1f}"
    return f"{x:.4g}"


#: The plotly renderer of :func:`setup_notebook`: the figure's JSON for JupyterLab and its HTML with
#: plotly.js for exported pages. The country matrix (:mod:`course_tools.course.matrix`) sets it to
#: ``"plotly_mimetype"`` in its kernels: figures are still built and serialised, not written as HTML.
DEFAULT_RENDERER = "plotly_mimetype+notebook"


def setup_notebook(
    *,
    renderer: str | None = None,
    template: str = "plotly_white",
    max_rows: int = 30,
    max_columns: int = 30,
    width: int = 120,
) -> None:
    """Set the plotly renderer/template and pandas display options for a lesson.

    Call it once, in the first code cell: ``from course_tools.views.notebook import setup_notebook;
    setup_notebook()``. Returns ``None`` and prints nothing.
    """
    import pandas as pd
    import plotly.io as pio

    renderer = DEFAULT_RENDERER if renderer is None else renderer
    if "connected" in renderer:
        raise ValueError(
            f"renderer={renderer!r} loads plotly.js from the internet, so figures would be blank "
            f"offline; use the default 'plotly_mimetype+notebook'"
        )
    pio.renderers.default = renderer
    pio.templates.default = template

    pd.set_option("display.float_format", format_number)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", min(10, max_rows))
    pd.set_option("display.max_columns", max_columns)
    pd.set_option("display.width", width)
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("styler.format.thousands", ",")
    return None
