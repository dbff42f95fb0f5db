"""``setup_notebook(LANG, COUNTRY)``: the first line of every lesson.

It makes figures and tables look the same for everybody, explicitly (importing
``course_tools`` changes nothing by itself):

* **language** ``LANG`` (``"en"`` or ``"es"``): :func:`course_tools.i18n.set_language`, so tables,
  figures, messages and printed sentences that do not name their language use it.
* **numbers** in the convention of ``LANG`` in ``COUNTRY`` (:mod:`course_tools.views.format`, CLDR data
  through Babel): ``1.234,5`` for a Spanish reader in Paraguay, ``1,234.5`` in Mexico or in English.
* **plotly renderer** ``"plotly_mimetype+notebook"``. Each figure is saved with two
  representations: the plotly JSON that JupyterLab draws with its built-in plotly extension, and
  an HTML version for exported pages. The ``notebook`` half embeds a copy of plotly.js (about
  4 MB, once per notebook, when the first figure is shown) instead of loading it from a CDN, so
  figures still work offline and in ``jupyter nbconvert --to html`` exports. (The
  ``notebook_connected`` renderers would fetch plotly.js from the internet.)
* **plotly template** ``"plotly_white"`` (a clean background that prints well) plus the locale's
  decimal and group symbols (``layout.separators``) for hovers and axes; Spanish axes write large numbers
  in full (plotly's "2B" would read *billón*).
* **pandas display**: grouped thousands for decimal numbers (``75,915,749,884``), at most
  four significant digits for small ones (``0.2302``), in the locale's symbols; wider text tables,
  30 rows and 30 columns before pandas abbreviates.
"""
from __future__ import annotations

from course_tools import i18n
from course_tools.views import format as fmt

__all__ = ["setup_notebook", "format_number"]


def format_number(x: float) -> str:
    """Format one float for tables in the notebook's locale: ``75,915,749,884`` / ``123.5`` / ``0.2302`` / ``NaN``.

    Numbers of 1,000 or more get thousands separators and no decimals; smaller ones keep four
    significant digits, so shares and indices stay readable (:func:`course_tools.views.format.fmt_table`).
    """
    return fmt.fmt_table(x)


#: The plotly renderer of :func:`setup_notebook`: the figure's JSON for JupyterLab and its HTML with
#: plotly.js for exported pages. The country matrix (:mod:`course_tools.course.matrix`) sets it to
#: ``"plotly_mimetype"`` in its kernels: figures are still built and serialised, not written as HTML.
DEFAULT_RENDERER = "plotly_mimetype+notebook"


def setup_notebook(
    lang: str | None = None,
    country: str | None = None,
    *,
    renderer: str | None = None,
    template: str = "plotly_white",
    max_rows: int = 30,
    max_columns: int = 30,
    width: int = 120,
) -> None:
    """Set the language, the number convention, plotly's renderer/template and pandas' display for a lesson.

    Call it once, in the first code cell: ``from course_tools.views.notebook import setup_notebook;
    setup_notebook(LANG, COUNTRY)``. ``lang``: ``"en"`` or ``"es"``; ``country``: the ISO3 code of the
    country studied, whose number convention the tables and figures follow. Either left out (``None``)
    keeps what was set before (by default English and no country). Returns ``None`` and prints nothing.
    """
    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io as pio

    renderer = DEFAULT_RENDERER if renderer is None else renderer
    if "connected" in renderer:
        raise ValueError(i18n.text("home.views_notebook.online_renderer", renderer=repr(renderer)))
    if lang is not None:
        i18n.set_language(lang)
    if country is not None:
        fmt.set_country(country)
    locale = fmt.current_locale()
    decimal, group = fmt.symbols(locale)
    pio.renderers.default = renderer
    pio.templates["nichos_numbers"] = go.layout.Template(layout=fmt.plotly_number_layout(locale=locale))
    pio.templates.default = f"{template}+nichos_numbers"

    pd.set_option("display.float_format", fmt.TableFormat(locale))
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", min(10, max_rows))
    pd.set_option("display.max_columns", max_columns)
    pd.set_option("display.width", width)
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("styler.format.thousands", group)
    pd.set_option("styler.format.decimal", decimal)
    return None
