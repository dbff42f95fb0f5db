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

import copy
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

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
    "register",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY_JSON = "application/vnd.plotly.v1+json"
#: Cell tags the exporter obeys (the Jupyter Book / nbconvert convention).
REMOVE_CELL, REMOVE_OUTPUT, REMOVE_INPUT = "remove-cell", "remove-output", "remove-input"

WIDGET_NOTE = (
    '<p class="nichos-widget-note"><em>Interactive control: open the notebook in JupyterLab to '
    'use it (<span lang="es">control interactivo: abre el cuaderno en JupyterLab</span>).</em></p>'
)


class ExportError(RuntimeError):
    """The notebook cannot be exported as an offline page (the message says why and what to do)."""


# --------------------------------------------------------------------------------------------
# Formulas: TeX in markdown -> MathML
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MathSpan:
    """One formula found in markdown: ``text[start:end]`` is the whole thing with delimiters."""

    start: int
    end: int
    tex: str
    display: bool


_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")

_MATH = re.compile(
    r"(?<![\\$])\$\$(?P<dd>.+?)(?<!\\)\$\$"  # $$ display $$
    r"|\\\[(?P<bd>.+?)\\\]"  # \[ display \]
    r"|\\\((?P<bi>.+?)\\\)"  # \( inline \)
    r"|(?P<env>\\begin\{(?P<name>equation|align|gather|multline|eqnarray)(?P<star>\*?)\}"
    r"(?P<body>.+?)\\end\{(?P=name)(?P=star)\})"
    # $ inline $: not after a letter/digit/backslash/$ (US$, R$, \$), no space inside the
    # delimiters, the closing $ not followed by a digit ($5 and $6), within one paragraph
    r"|(?<![\w\\$])\$(?![\s$])(?P<di>(?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?)(?<![\s\\])\$(?![\d$])",
    re.S,
)


def _code_mask(text: str) -> list[tuple[int, int]]:
    """(start, end) ranges of fenced code blocks and `code spans` in markdown ``text``."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    fence: str | None = None
    fence_start = 0
    prose_start = 0
    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None and m:
            ranges.extend(_code_spans(text, prose_start, pos))
            fence, fence_start = m.group(1), pos
        elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                and not line.strip().strip(fence[0]):
            ranges.append((fence_start, pos + len(line)))
            fence = None
            prose_start = pos + len(line)
        pos += len(line)
    if fence is not None:  # unclosed fence: code to the end
        ranges.append((fence_start, len(text)))
    else:
        ranges.extend(_code_spans(text, prose_start, len(text)))
    return ranges


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    i = start
    while i < end:
        j = text.find("`", i, end)
        if j < 0:
            break
        k = j
        while k < end and text[k] == "`":
            k += 1
        ticks = text[j:k]
        close = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(text, k, end)
        if close is None:
            i = k
            continue
        out.append((j, close.end()))
        i = close.end()
    return out


def latex_to_mathml(tex: str, *, display: bool = False) -> str:
    """MathML (a ``<math>`` element) for one TeX formula, e.g. ``X_{cp}`` -> ``<math>...</math>``.

    Uses latex2mathml (TeX subset of MathJax; Chromium, Firefox and Safari draw MathML Core).
    Raises ``ValueError`` if the TeX cannot be converted.
    """
    from latex2mathml.converter import convert

    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises many exception types
        raise ValueError(f"cannot convert the formula {tex!r} to MathML: {err}") from err


def find_math(text: str) -> list[MathSpan]:
    """The TeX formulas in a markdown text, outside code, that latex2mathml can convert.

    Delimiters: ``$$...$$`` and ``\\[...\\]`` (display), ``$...$`` and ``\\(...\\)`` (inline),
    ``\\begin{equation}...`` (display). A ``$`` counts as TeX only if the text inside does not
    start or end with a space, the opening ``$`` does not follow a letter or digit and the
    closing one is not followed by a digit (pandoc's rule): ``US$ 5``, ``R$ 3`` or
    ``$5 and $6`` stay as they are; ``\\$`` is always a dollar sign.
    """
    code = _code_mask(text)
    spans: list[MathSpan] = []
    for m in _MATH.finditer(text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in code):
            continue
        if m.group("env"):
            tex, display = m.group("env"), True
        else:
            key = next(k for k in ("dd", "bd", "bi", "di") if m.group(k) is not None)
            tex, display = m.group(key), key in ("dd", "bd")
        if not tex.strip():
            continue
        try:
            latex_to_mathml(tex, display=display)
        except ValueError:
            continue
        spans.append(MathSpan(m.start(), m.end(), tex.strip(), display))
    return spans


def markdown_math_to_mathml(text: str) -> str:
    """``text`` with every formula found by :func:`find_math` replaced by its MathML."""
    out, last = [], 0
    for span in find_math(text):
        out.append(text[last:span.start])
        out.append(latex_to_mathml(span.tex, display=span.display))
        last = span.end
    out.append(text[last:])
    return "".join(out)


class _MathStore:
    """Formulas swapped for plain-word tokens before markdown rendering, MathML put back after.

    The token (letters and digits only) passes through the markdown renderer untouched, so
    ``*`` or ``_`` inside a formula can never become emphasis.
    """

    def __init__(self) -> None:
        self.nonce = "NICHOSMATH" + secrets.token_hex(4).upper()
        self.items: list[MathSpan] = []

    def protect(self, text: str) -> str:
        out, last = [], 0
        for span in find_math(text):
            out.append(text[last:span.start])
            out.append(f"{self.nonce}X{len(self.items)}Z")
            self.items.append(span)
            last = span.end
        out.append(text[last:])
        return "".join(out)

    def restore(self, page: str) -> str:
        if not self.items:
            return page
        token = re.compile(self.nonce + r"X(\d+)Z")

        def in_tag(m: re.Match) -> str:  # ids, hrefs, titles: a plain-text form of the TeX
            return token.sub(lambda t: re.sub(r"[^A-Za-z0-9]", "",
                                              self.items[int(t.group(1))].tex), m.group(0))

        page = re.sub(r"<[^<>]*" + self.nonce + r"[^<>]*>", in_tag, page)
        page = re.sub(r"(<title>)(.*?)(</title>)", in_tag, page, count=1, flags=re.S)
        return token.sub(lambda t: latex_to_mathml(self.items[int(t.group(1))].tex,
                                                   display=self.items[int(t.group(1))].display),
                         page)


# --------------------------------------------------------------------------------------------
# Outputs: plotly.js once, no CDN scripts, widgets -> static fallback
# --------------------------------------------------------------------------------------------
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


def _prepare_output(out: Any, found: _Prepared, math: _MathStore) -> bool:
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
    and scripts from the internet, swaps formulas for tokens (see :class:`_MathStore`). Returns
    ``(notebook, info)``; ``info`` has ``plotlyjs`` (the first plotly.js copy found or ``None``),
    ``needs_plotly``, ``removed_scripts``, ``widgets_replaced`` and ``math`` (the token store).
    The notebook given is not changed.
    """
    nb = copy.deepcopy(nb)
    found = _Prepared(nb)
    math = _MathStore()
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


# --------------------------------------------------------------------------------------------
# Check: does the page load anything from the internet?
# --------------------------------------------------------------------------------------------
_URL_ATTRS = {"src", "href", "srcset", "poster", "data", "background", "action", "formaction",
              "xlink:href", "manifest", "icon", "codebase", "archive", "cite", "longdesc"}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//|^\s*(?:https?|ftp|wss?):", re.I)
_CSS_REMOTE = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"']?)\s*((?:https?:)?//[^)\"'\s;]*)", re.I)
_JS_REMOTE = re.compile(
    r"(?:\bimport\s*\(\s*|\bimport\s+|\bfrom\s+|\bimportScripts\s*\(\s*|\bfetch\s*\(\s*"
    r"|\bsrc\s*=\s*)[\"'`]((?:https?:)?//[^\"'`]*)", re.I)


class _ResourceScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found += [f"<{tag} style> {u}" for u in _CSS_REMOTE.findall(value)]
            # a link the reader clicks (<a href>) loads nothing by itself: allowed
            if name in _URL_ATTRS and not (tag in ("a", "area") and name == "href"):
                for part in value.split(",") if name == "srcset" else [value]:
                    if _REMOTE.match(part):
                        self.found.append(f"<{tag} {name}={part.strip()[:120]}>")
        if tag in ("script", "style"):
            self._in, self._buf = tag, []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            text = "".join(self._buf)
            if tag == "style":
                self.found += [f"<style> {u}" for u in _CSS_REMOTE.findall(text)]
            elif not re.match(r"\s*/\*\*?[\s*]*plotly\.js v", text):
                # plotly.js itself names map-tile servers it would use for map figures only
                self.found += [f"<script> {u[:120]}" for u in _JS_REMOTE.findall(text)]
            self._in = None


def external_resources(page: str) -> list[str]:
    """What an HTML page would load from the internet: ``src``/``href`` of scripts, styles,
    images, frames...; CSS ``url()``/``@import``; ``import``/``fetch`` of URLs in scripts.

    Links the reader clicks (``<a href="https://...">``) are not resources and are allowed.
    The embedded plotly.js library is skipped (its map-tile addresses are used by map figures
    only). An empty list means the page opens offline.
    """
    scanner = _ResourceScanner()
    scanner.feed(page)
    scanner.close()
    return scanner.found


# --------------------------------------------------------------------------------------------
# The exporter
# --------------------------------------------------------------------------------------------
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
            raise FileNotFoundError(f"export_html: no notebook at {path}")
        if path.suffix != ".ipynb":
            raise ValueError(f"export_html: {path} is not a notebook (.ipynb)")
        return nbformat.read(path, as_version=4), path
    if isinstance(notebook, dict) and "cells" in notebook:
        return nbformat.from_dict(notebook), None
    raise TypeError(
        f"export_html: 'notebook' must be the path of an .ipynb file or a notebook read with "
        f"nbformat.read(...); got {type(notebook).__name__}"
    )


def _default_title(nb: Any, path: Path | None) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                text = re.sub(r"[*_`$\\]", "", m.group(1)).strip()
                return re.sub(r"\s+", " ", text)
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
        raise ValueError(f"export_html: the output {output} should end in .html")
    prepared, info = prepare_notebook(nb, hide_code=hide_code)
    prepared.metadata["title"] = title or _default_title(nb, path)

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
        raise ExportError(
            f"the exported page would load {len(remote)} file(s) from the internet, so it would "
            f"not work offline:\n  {shown}\nSave such images or files next to the notebook and "
            f"refer to them by a relative path (e.g. ![map](figures/map.png))."
        )
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
        title = _default_title(nb, Path(path))
        if parameters:
            title += " · " + ", ".join(f"{v}" for v in parameters.values())
    nb.metadata.pop("papermill", None)
    return export_html(nb, output, hide_code=hide_code, title=title,
                       base_dir=Path(path).resolve().parent, name=Path(path).stem)


# --------------------------------------------------------------------------------------------
# course export
# --------------------------------------------------------------------------------------------
def _parse_value(text: str) -> Any:
    """papermill-like: 2017 -> int, 0.5 -> float, true/false -> bool, anything else a string."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, (int, float, bool)) else text


def _has_outputs(nb: Any) -> bool:
    return any(c.cell_type == "code" and c.get("outputs") for c in nb.cells)


def _human(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _cmd_export(args: Any) -> int:
    import sys

    import nbformat

    from course_tools.course.runner import NotebookRunError

    src = Path(args.notebook)
    if not src.is_file() or src.suffix != ".ipynb":
        print(f"course export: {src} is not a notebook file (.ipynb); give the path of a lesson, "
              f"e.g. lessons/05_revealed_comparative_advantage.ipynb", file=sys.stderr)
        return 2
    parameters = {name: _parse_value(value) for name, value in (args.parameters or [])}
    if args.output:
        out = Path(args.output)
    else:
        suffix = "".join("." + re.sub(r"[^A-Za-z0-9_-]", "", str(v)) for v in parameters.values())
        out = Path("output") / f"{src.stem}{suffix}.html"
    started = time.perf_counter()
    try:
        nb = nbformat.read(src, as_version=4)
        if args.no_execute and parameters:
            print("course export: -p needs the notebook to run; drop --no-execute or the -p "
                  "options", file=sys.stderr)
            return 2
        if args.no_execute and _has_outputs(nb):
            written = export_html(src, out, hide_code=args.hide_code)
        else:
            if args.no_execute:
                print(f"{src.name} has no saved outputs: running it first")
            print(f"running {src.name}" + (f" with {parameters}" if parameters else "")
                  + " (offline) ...", flush=True)
            written = run_and_export(src, out, parameters=parameters, hide_code=args.hide_code,
                                     timeout=args.timeout)
    except (NotebookRunError, ExportError, ValueError, FileNotFoundError) as err:
        print(f"course export: {err}", file=sys.stderr)
        return 1
    size = written.stat().st_size
    print(f"wrote {written} ({_human(size)}, {time.perf_counter() - started:.0f} s); "
          f"open it in any web browser, it works offline")
    return 0


def register(subparsers: Any) -> None:
    """Add ``course export`` to the ``course`` command."""
    p = subparsers.add_parser(
        "export",
        help="export a lesson to one standalone HTML page that opens offline",
        description=(
            "Run a notebook (offline) and save it as ONE HTML file that opens in any web browser "
            "without internet: figures, formulas and tables included, widgets shown as a static "
            "picture. Example: course export lessons/05_revealed_comparative_advantage.ipynb "
            "-p COUNTRY PER"
        ),
        epilog=(
            "The default output is output/<notebook>[.<values>].html in the current folder. "
            "Cell tags (JupyterLab property inspector, gear icon): remove-cell drops a cell, "
            "remove-output its outputs, remove-input its code."
        ),
    )
    p.add_argument("notebook", metavar="NOTEBOOK", help="the .ipynb file to export")
    p.add_argument("-o", "--output", metavar="OUT.html",
                   help="the HTML file to write (default: output/<notebook name>.html)")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append",
                   metavar=("NAME", "VALUE"),
                   help="set a parameter of the notebook's 'parameters' cell, e.g. -p COUNTRY PER "
                        "-p YEAR 2017 (repeat for several)")
    p.add_argument("--hide-code", action="store_true",
                   help="report mode: hide the code and the In/Out prompts, keep text and results")
    p.add_argument("--no-execute", action="store_true",
                   help="export the saved outputs as they are, without running the notebook "
                        "(it is run anyway if it has no outputs)")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                   help="seconds allowed for each cell when running (default 600)")
    p.set_defaults(func=_cmd_export)
