"""Write an executed notebook as ONE standalone offline HTML page (:func:`export_html`), or run it first
(:func:`run_and_export`). See :mod:`course_tools.course.export` for what the page holds."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError, CourseTypeError
from course_tools.course.export.prepare import prepare_notebook
from course_tools.course.export.resources import external_resources
from course_tools.errors import NichosError
from course_tools.i18n import text

__all__ = ["ExportError", "export_html", "run_and_export", "default_title"]


class ExportError(NichosError, RuntimeError):
    """The notebook cannot be exported as an offline page (the message says why and what to do)."""


_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}
<style type="text/css">
math { font-size: 1.1em; }
math[display="block"] { display: block math; margin: 0.6em 0; }
.nichos-widget-note { color: var(--jp-ui-font-color2, #616161); }
</style>
{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
{%- if resources.nichos_plotlyjs %}
<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: 'local'};</script>
<script type="text/javascript" charset="utf-8">{{ resources.nichos_plotlyjs }}</script>
{%- endif %}
{%- endblock html_head_css -%}
"""


def _load(notebook: Any) -> tuple[Any, Path | None]:
    import nbformat

    if isinstance(notebook, (str, Path)):
        path = Path(notebook)
        if not path.is_file():
            raise FileNotFoundError(text("course_msg.common.no_notebook", caller="export_html", path=path))
        if path.suffix != ".ipynb":
            raise CourseInputError(text("course_msg.export.not_ipynb", path=path))
        return nbformat.read(path, as_version=4), path
    if isinstance(notebook, dict) and "cells" in notebook:
        return nbformat.from_dict(notebook), None
    raise CourseTypeError(text("course_msg.export.not_a_notebook", kind=type(notebook).__name__))


def default_title(nb: Any, path: Path | None) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                title = re.sub(r"[*_`$\\]", "", m.group(1)).strip()
                return re.sub(r"\s+", " ", title)
    return path.stem if path is not None else "Nichos"


def export_html(
    notebook: str | Path | Any,
    output: str | Path,
    *,
    hide_code: bool = False,
    title: str | None = None,
    language: str = "en",
    base_dir: str | Path | None = None,
    name: str | None = None,
) -> Path:
    """Write an executed notebook as ONE standalone HTML file that opens offline; return its path.

    * ``notebook``: path of an ``.ipynb`` file or an ``nbformat`` notebook, already executed
      (this function does not run code; :func:`run_and_export` does).
    * ``output``: the ``.html`` file to write (folders are created), or an existing folder
      (the file is then named after the notebook).
    * ``hide_code=True``: report mode, no code and no ``In [ ]``/``Out [ ]`` prompts.
    * ``title``: the page title (default: the notebook's first ``# heading``).
    * ``language``: ISO 639-1 code of the page (``"en"``, ``"es"``).
    * ``base_dir``: folder that relative markdown images are read from (default: the
      notebook's folder, or the current folder for an in-memory notebook); ``name``: the
      notebook's name used for a folder ``output`` (default: the file name).

    Cells tagged ``remove-cell`` are dropped, ``remove-output`` lose their outputs and
    ``remove-input`` their code. Markdown images are embedded; plotly.js is embedded once.
    Raises :class:`ExportError` if the page would still load something from the internet
    (e.g. a markdown image with an ``https://`` address).
    """
    import jinja2
    from nbconvert import HTMLExporter

    nb, path = _load(notebook)
    name = name or (path.stem if path is not None else "notebook")
    output = Path(output)
    if output.is_dir():
        output = output / f"{name}.html"
    if output.suffix.lower() not in (".html", ".htm"):
        raise CourseInputError(text("course_msg.export.not_html", output=output))
    prepared, info = prepare_notebook(nb, hide_code=hide_code)
    prepared.metadata["title"] = title or default_title(nb, path)

    plotlyjs = ""
    if info["needs_plotly"]:
        plotlyjs = info["plotlyjs"]
        if plotlyjs is None:  # no copy saved in the outputs: use the installed plotly's
            from plotly.offline import get_plotlyjs

            plotlyjs = get_plotlyjs()
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"nichos_offline.html.j2": _TEMPLATE})],
        template_file="nichos_offline.html.j2",
        embed_images=True,
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
        language_code=language,
    )
    if base_dir is None:
        base_dir = path.resolve().parent if path is not None else Path.cwd()
    resources = {"metadata": {"name": name, "path": str(base_dir)},
                 "nichos_plotlyjs": plotlyjs}
    page, _ = exporter.from_notebook_node(prepared, resources=resources)
    page = info["math"].restore(page)

    remote = external_resources(page)
    if remote:
        shown = "\n  ".join(remote[:5])
        raise ExportError(text("course_msg.export.not_offline", n=len(remote), shown=shown))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return output


def run_and_export(
    path: str | Path,
    output: str | Path,
    *,
    parameters: dict[str, Any] | None = None,
    hide_code: bool = False,
    timeout: float = 600,
    title: str | None = None,
    executed_path: str | Path | None = None,
) -> Path:
    """Run the notebook at ``path`` offline with ``parameters``, then :func:`export_html` it.

    Execution is :func:`course_tools.course.runner.run_notebook` (papermill, network blocked in the
    kernel, the notebook's own folder as working folder; ``timeout`` seconds per cell).
    ``executed_path``: also keep the executed ``.ipynb`` there. Returns the HTML path; a failing
    cell raises :class:`course_tools.course.runner.NotebookRunError`.
    """
    from course_tools.course.runner import run_notebook

    nb, _ = run_notebook(path, parameters=parameters, output_path=executed_path, timeout=timeout)
    if title is None:
        title = default_title(nb, Path(path))
        if parameters:
            title += " · " + ", ".join(f"{v}" for v in parameters.values())
    nb.metadata.pop("papermill", None)
    return export_html(nb, output, hide_code=hide_code, title=title,
                       base_dir=Path(path).resolve().parent, name=Path(path).stem)
