"""Export a lesson (or a report) to ONE standalone HTML file that works offline.

    course export lessons/05_revealed_comparative_advantage.ipynb -p COUNTRY PER
    # -> output/05_revealed_comparative_advantage.PER.html: open it in any browser, no internet

The page is self-contained: CSS and images inline, plotly.js embedded **once** (in the page head,
so every figure finds it, even one inside a widget fallback), no file fetched from a CDN, no
network request at all. What the exporter does on top of ``jupyter nbconvert --to html``
(template ``lab``):

* **Formulas** ``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]`` in markdown become MathML
  (latex2mathml), which browsers draw natively, instead of MathJax from the internet. Only real
  TeX is converted: a ``$`` followed by a space, preceded by a letter or digit (``US$ 5``,
  ``R$``) or closing before a digit (``$5 and $6``) is kept as a dollar sign, and so is
  anything in code.
* **Figures**: copies of plotly.js saved in the outputs (the ``notebook`` renderer of
  :func:`course_tools.views.notebook.setup_notebook`) are removed and one copy goes in the page head;
  ``<script src=...>`` tags pointing to the internet (plotly's MathJax) are removed from outputs;
  a figure saved only as plotly JSON gets an HTML version.
* **Widgets**: live widgets need a kernel. Where an output also has a static representation
  (see :func:`course_tools.views.widgets.with_fallback`) the widget view is removed and the static one
  is shown; a widget with nothing else shows a short note. The saved widget state
  (``metadata.widgets``) is dropped, so no widget library is loaded from a CDN.
* **Cell tags** (set them in JupyterLab's property inspector, gear icon):
  ``remove-cell`` drops the cell, ``remove-output`` drops its outputs, ``remove-input`` hides
  its code. ``hide_code=True`` (report mode) hides all code and the ``In [ ]``/``Out [ ]``
  prompts.

The result is checked before it is written: a page that would still load something from the
internet raises :class:`ExportError` naming it.
"""
from __future__ import annotations

from course_tools.course.export.mathml import MathSpan, find_math, latex_to_mathml, markdown_math_to_mathml
from course_tools.course.export.page import ExportError, export_html, run_and_export
from course_tools.course.export.prepare import prepare_notebook
from course_tools.course.export.resources import external_resources

__all__ = [
    "ExportError",
    "MathSpan",
    "find_math",
    "latex_to_mathml",
    "markdown_math_to_mathml",
    "prepare_notebook",
    "external_resources",
    "export_html",
    "run_and_export",
]
