"""Offline standalone HTML export (course_tools.course.export, ``course export``) and the browser check.

* unit tests: which ``$`` are formulas, TeX -> MathML, the external-resource scanner;
* a small notebook built here (formula, plotly figure, widget with fallback, table, tagged
  cells) is executed once (module fixture) and exported: nothing from the internet, plotly.js
  once and before the first figure, the fallback shown, code hidden in report mode;
* the real thing (slow): lesson 05 for Peru run and exported, opened in headless Chromium.
"""
from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_tools import cli
from course_tools.course.export import (
    ExportError,
    export_html,
    external_resources,
    find_math,
    latex_to_mathml,
    markdown_math_to_mathml,
    run_and_export,
)
from tests.browser.browser_support import (
    chromium_path,
    launch,
    open_offline,
    png_colours,
    png_is_blank,
    read_png,
    require_chromium,
)
from tests.notebook_files import write_notebook

# one worker runs this module: its module-scoped fixture is expensive and would run once per xdist worker
# (course.py passes --dist loadgroup)
pytestmark = pytest.mark.xdist_group("export")

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "_output" / "export"
LESSON = ROOT / "lessons" / "05_revealed_comparative_advantage.ipynb"


# --------------------------------------------------------------------------------------------
# formulas and dollars
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "prices in US$ 5 and US$ 6",          # currency: $ after letters, then a space
    "values in millions of R$ or US$; the world",  # L00's sentence
    "it costs $5, or $6 and $7.",         # closing $ before a digit / after a space
    "a \\$5 bill and another \\$",        # escaped dollars
    "the column `df[\"$x$\"]` in code",   # code span
    "```\ny = \"$a$\"\n```\n",            # fenced code block
    "$ x $",                              # spaces inside the delimiters
])
def test_dollars_that_are_not_tex_are_left_alone(text):
    assert find_math(text) == []
    assert markdown_math_to_mathml(text) == text


def test_tex_spans_found_with_their_positions():
    text = "With $RCA_{cp}\\ge 1$ and $n$ = 261:\n\n$$HH=\\sum_p s_p^2$$\nand \\(x\\)."
    spans = find_math(text)
    assert [(s.tex, s.display) for s in spans] == [
        ("RCA_{cp}\\ge 1", False), ("n", False), ("HH=\\sum_p s_p^2", True), ("x", False)]
    assert (spans[0].start, spans[0].end) == (5, 20)     # "$RCA_{cp}\ge 1$"
    assert text[spans[2].start:spans[2].end] == "$$HH=\\sum_p s_p^2$$"


def test_tex_next_to_currency_and_code():
    text = "US$ 5 for $x_i$, `$y$` stays"
    out = markdown_math_to_mathml(text)
    assert out.startswith("US$ 5 for <math")
    assert out.endswith("</math>, `$y$` stays")
    assert "<msub><mi>x</mi><mi>i</mi></msub>" in out


def test_latex_to_mathml_values():
    inline = latex_to_mathml("X_{cp}")
    assert 'display="inline"' in inline
    assert "<msub><mi>X</mi><mrow><mi>c</mi><mi>p</mi></mrow></msub>" in inline
    frac = latex_to_mathml("\\frac{a}{b}", display=True)
    assert 'display="block"' in frac and "<mfrac>" in frac
    with pytest.raises(ValueError, match="cannot convert"):
        latex_to_mathml("\\frac{a}{")


def test_unconvertible_tex_is_left_as_text():
    assert find_math("broken $\\frac{a}{$ here") == []


# --------------------------------------------------------------------------------------------
# the scanner of external resources
# --------------------------------------------------------------------------------------------
def test_external_resources_finds_what_a_browser_would_fetch():
    page = """<html><head>
    <script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>
    <link rel="stylesheet" href="//cdn.example.org/a.css">
    <style>@import "https://fonts.example.org/f.css"; .x {background: url(http://e.org/i.png)}</style>
    <script>import("https://esm.example.org/m.js")</script>
    </head><body>
    <img src="http://example.org/map.png"><div style="background-image: url('https://e.org/b.png')">
    <a href="https://comtrade.un.org">source</a><img src="data:image/png;base64,AAAA">
    <img src="figures/map.png"><a href="#section">x</a>
    </body></html>"""
    found = external_resources(page)
    assert len(found) == 7, found  # script, link, @import, 2 x url(), import(), img
    assert any("require.min.js" in f for f in found)
    assert any("//cdn.example.org/a.css" in f for f in found)
    assert any("esm.example.org" in f for f in found)
    assert not any("comtrade" in f for f in found)  # a link is clicked, not fetched
    assert external_resources("<p>offline</p><script>var a = 1;</script>") == []


def test_markdown_image_from_the_internet_is_refused(tmp_path):
    nb = new_notebook(cells=[new_markdown_cell("![map](https://example.org/map.png)")])
    with pytest.raises(ExportError, match="relative path"):
        export_html(nb, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_bad_arguments_are_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebook"):
        export_html(tmp_path / "missing.ipynb", tmp_path / "x.html")
    with pytest.raises(TypeError, match="nbformat.read"):
        export_html(42, tmp_path / "x.html")
    with pytest.raises(ValueError, match=r"\.html"):
        export_html(new_notebook(), tmp_path / "x.pdf")


# --------------------------------------------------------------------------------------------
# a small notebook built here, executed once
# --------------------------------------------------------------------------------------------
MARKDOWN = ("# Export check\n\nThe formula $RCA_{cp}=\\frac{X_{cp}/X_{c}}{X_{p}/X}$ and\n\n"
            "$$HH=\\sum_p s_p^2$$\n\nPrices in US$ 5 and US$ 6; in code `df[\"$x$\"]`.\n\n"
            "![local picture](pixel.png)")
WIDGET_FIRST = ("import ipywidgets\nfrom course_tools.views.widgets import with_fallback\n"
                "bars = go.Figure(go.Bar(x=['a', 'b'], y=[1, 2]), layout_title_text='Fallback figure')\n"
                "with_fallback(ipywidgets.IntSlider(value=3, description='TOP_N'), bars)")


def _small_notebook() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(MARKDOWN),
        new_code_cell('COUNTRY = "PER"', metadata={"tags": ["parameters"]}),
        new_code_cell("import pandas as pd\nimport plotly.graph_objects as go\n"
                      "from course_tools.views.notebook import setup_notebook\nsetup_notebook()"),
        new_code_cell(WIDGET_FIRST),
        new_code_cell("go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2]), "
                      "layout_title_text='Main figure ' + COUNTRY).show()"),
        new_code_cell("pd.DataFrame({'country': ['Peru', 'Chile'], "
                      "'exports': [1234567.0, 7654321.0]})"),
        new_code_cell("print('CELL' + '-GONE')", metadata={"tags": ["remove-cell"]}),
        new_code_cell("print('OUTPUT' + '-GONE')", metadata={"tags": ["remove-output"]}),
        new_code_cell("ipywidgets.IntSlider(value=1)"),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


class _Resources(HTMLParser):
    """src/href of every element except links (<a>), and the text of every script."""

    def __init__(self):
        super().__init__()
        self.urls, self.scripts, self._script = [], [], None

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("src", "href") and v and tag != "a"]
        if tag == "script":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


class _Text(HTMLParser):
    """The text a reader sees (no tags, no scripts or styles), entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def _assert_offline_page(page: str) -> None:
    parsed = _Resources()
    parsed.feed(page)
    remote = [u for u in parsed.urls if re.match(r"\s*(https?:|//)", u)]
    assert remote == []
    assert len([s for s in parsed.scripts if "plotly.js v" in s[:300]]) <= 1
    for script in parsed.scripts:
        if "plotly.js v" in script[:300]:
            continue  # the library names map-tile servers it uses only for map figures
        assert not re.search(r"https?:|//cdn", script), script[:300]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    """The small notebook executed (offline, parameters COUNTRY=CHL), then exported twice."""
    from course_tools.course.runner import run_notebook

    folder = tmp_path_factory.mktemp("small")
    _png(folder / "pixel.png", 1, 1, [bytes([255, 0, 0])], [0])  # embedded by the exporter
    nbformat.write(_small_notebook(), folder / "small.ipynb")
    executed, _ = run_notebook(folder / "small.ipynb", parameters={"COUNTRY": "CHL"},
                               output_path=folder / "small.executed.ipynb")
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    lesson_html = export_html(folder / "small.executed.ipynb", OUT / "small.html")
    seconds = time.perf_counter() - t0
    report_html = export_html(executed, OUT / "small.report.html", hide_code=True,
                              base_dir=folder, title="Report for Chile")
    return {"folder": folder, "executed": executed, "lesson": lesson_html,
            "report": report_html, "seconds": seconds}


@pytest.mark.slow
def test_small_export_is_offline_and_plotly_comes_once_before_the_figures(small_run):
    page = small_run["lesson"].read_text(encoding="utf-8")
    assert external_resources(page) == []
    _assert_offline_page(page)
    assert page.count("plotly.js v") == 1
    assert page.index("plotly.js v") < page.index("Plotly.newPlot")
    assert page.count("Plotly.newPlot") == 2  # the widget fallback and the main figure
    assert "cdnjs" not in page and "tex-svg" not in page and "require.min.js" not in page
    assert small_run["lesson"].stat().st_size < 6_000_000
    # the same notebook through plain nbconvert would fetch MathJax and require.js: the check
    # above is able to fail
    from nbconvert import HTMLExporter

    naive, _ = HTMLExporter(template_name="lab").from_notebook_node(small_run["executed"])
    assert any("require.min.js" in u for u in external_resources(naive))


@pytest.mark.slow
def test_small_export_shows_formulas_dollars_table_and_image(small_run):
    page = small_run["lesson"].read_text(encoding="utf-8")
    assert page.count("<math") == 2
    assert 'display="block"' in page and "<mfrac>" in page
    assert "Prices in US$ 5 and US$ 6" in page
    assert "<code>df[&quot;$x$&quot;]</code>" in page or '<code>df["$x$"]</code>' in page
    assert "1,234,567" in page and "Peru" in page  # setup_notebook's thousands separators
    assert "<title>Export check</title>" in page
    assert 'src="data:image/png;base64,' in page and 'src="pixel.png"' not in page


@pytest.mark.slow
def test_small_export_widgets_and_tags(small_run):
    page = small_run["lesson"].read_text(encoding="utf-8")
    assert "Fallback figure" in page  # the static fallback of the slider
    assert "application/vnd.jupyter.widget-view+json" not in page
    assert "widget-state" not in page
    assert "Interactive control: open the notebook in JupyterLab" in page  # bare slider
    assert "Main figure CHL" in page  # the parameter reached the figure
    text = _visible_text(page)
    assert "CELL' + '-GONE" not in text and "CELL-GONE" not in text  # remove-cell
    assert "OUTPUT' + '-GONE" in text and "OUTPUT-GONE" not in text  # remove-output
    assert small_run["executed"].metadata.get("widgets")  # there was widget state to drop


@pytest.mark.slow
def test_report_mode_hides_code_and_prompts(small_run):
    lesson = _visible_text(small_run["lesson"].read_text(encoding="utf-8"))
    report_page = small_run["report"].read_text(encoding="utf-8")
    report = _visible_text(report_page)
    for text in ("setup_notebook()", "with_fallback(ipywidgets.IntSlider", "Out[", "OUTPUT"):
        assert text in lesson and text not in report, text
    assert re.search(r"In\s\[\d+\]:", lesson) and not re.search(r"In\s\[\d*\]:", report)
    assert "Fallback figure" in report_page and "1,234,567" in report
    assert report_page.count("<math") == 2
    assert "<title>Report for Chile</title>" in report_page
    assert external_resources(report_page) == []


# --------------------------------------------------------------------------------------------
# headless Chromium
# --------------------------------------------------------------------------------------------
def test_chromium_path_is_executable_or_none():
    path = chromium_path()
    assert path is None or Path(path).is_file()


def _png(path: Path, width: int, height: int, rows: list[bytes], filters: list[int]) -> None:
    """Write an RGB PNG whose rows are already filtered with the given filter types."""
    import struct
    import zlib

    raw = b"".join(bytes([f]) + r for f, r in zip(filters, rows))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height,
                                                                          8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_png_reader_undoes_each_filter(tmp_path):
    # 2x5 RGB image; row pixels worked by hand: [(10,20,30),(40,50,60)] on every row, stored
    # with filters None, Sub, Up, Average, Paeth (ISO/IEC 15948 section 9)
    row = bytes([10, 20, 30, 40, 50, 60])
    stored = [
        row,                                    # None
        bytes([10, 20, 30, 30, 30, 30]),        # Sub: 40-10, 50-20, 60-30
        bytes(6),                               # Up: equal to the row above
        bytes([5, 10, 15, 15, 15, 15]),         # Average: 10-(0+10)//2 ...; 40-(10+40)//2
        bytes(6),                               # Paeth: predictor picks the byte above
    ]
    _png(tmp_path / "f.png", 2, 5, stored, [0, 1, 2, 3, 4])
    width, height, bpp, rows = read_png(tmp_path / "f.png")
    assert (width, height, bpp) == (2, 5, 3)
    assert rows == [row] * 5
    assert png_colours(tmp_path / "f.png") == 2
    assert png_is_blank(tmp_path / "f.png", min_colours=3)
    assert not png_is_blank(tmp_path / "f.png", min_colours=2)


@pytest.mark.slow
def test_browser_harness_sees_requests_and_colours(tmp_path):
    require_chromium()
    blocks = tmp_path / "blocks.html"
    blocks.write_text(
        "<html><body style='margin:0;background:#fff'>"
        "<div style='width:100px;height:100px;background:#ff0000'></div>"
        "<div style='width:100px;height:100px;background:#00ff00'></div>"
        "<div style='width:100px;height:100px;background:#0000ff'></div>"
        "<script src='https://cdn.example.org/library.js'></script></body></html>")
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body style='background:#fff'></body></html>")
    with launch() as browser:
        shot = open_offline(browser, blocks, tmp_path / "blocks.png", viewport=(300, 400))
        empty = open_offline(browser, blank, tmp_path / "blank.png", viewport=(300, 400))
    assert shot.external_requests == ["https://cdn.example.org/library.js"]
    _, _, _, rows = read_png(shot.screenshot)
    assert rows[50][150:153] == bytes([255, 0, 0]) and rows[250][150:153] == bytes([0, 0, 255])
    assert png_colours(shot.screenshot) == 4  # red, green, blue, white
    assert png_is_blank(empty.screenshot) and not png_is_blank(shot.screenshot, min_colours=4)
    assert empty.external_requests == [] and empty.plotly_figures == 0


@pytest.mark.slow
def test_small_export_in_chromium(small_run):
    require_chromium()
    with launch() as browser:
        report = open_offline(browser, small_run["lesson"], OUT / "small.first_figure.png",
                              target="first_figure")
    assert report.external_requests == []
    assert report.console_errors == []
    assert (report.plotly_figures, report.plotly_divs) == (2, 2)  # fallback figure drawn too
    assert report.math_elements == 2
    assert not png_is_blank(report.screenshot)


# --------------------------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_export_end_to_end(small_run, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    source = small_run["folder"] / "small.ipynb"
    assert cli.main(["export", str(source), "-p", "COUNTRY", "JAM", "--hide-code"]) == 0
    said = capsys.readouterr().out
    written = tmp_path / "output" / "small.JAM.html"
    assert written.is_file() and f"wrote {Path('output') / 'small.JAM.html'}" in said
    assert re.search(r"\(\d+\.\d MB, \d+ s\)", said)
    page = written.read_text(encoding="utf-8")
    assert "Main figure JAM" in page and "setup_notebook()" not in page
    assert external_resources(page) == []
    # saved outputs, no run
    executed = small_run["folder"] / "small.executed.ipynb"
    assert cli.main(["export", str(executed), "--no-execute", "-o", "again.html"]) == 0
    assert "Main figure CHL" in (tmp_path / "again.html").read_text(encoding="utf-8")


def test_cli_errors_are_clear(tmp_path, capsys):
    assert cli.main(["export", str(tmp_path / "nothing.ipynb")]) == 2
    assert "is not a notebook file" in capsys.readouterr().err
    nb = tmp_path / "nb.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1")]), nb)
    assert cli.main(["export", str(nb), "--no-execute", "-p", "COUNTRY", "PER"]) == 2
    assert "-p needs the notebook to run" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    assert "--hide-code" in capsys.readouterr().out


@pytest.mark.slow
def test_cli_error_names_the_failing_cell(tmp_path, capsys, monkeypatch):
    path = write_notebook(tmp_path / "broken.ipynb", new_markdown_cell("# Broken"),
                          new_code_cell('COUNTRY = "PER"', metadata={"tags": ["parameters"]}),
                          "x = 1", "y = x + 1\nz = 1 / (y - 2)", "print('after')")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", str(path), "-p", "COUNTRY", "PRY"]) == 1
    err = capsys.readouterr().err
    assert "failed in cell 4 of 5" in err
    assert "the cell that starts `y = x + 1`" in err
    assert "ZeroDivisionError: division by zero" in err
    assert "x = 1\n" not in err


# --------------------------------------------------------------------------------------------
# the real lesson
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def lesson_export():
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    html = run_and_export(LESSON, OUT / "05_revealed_comparative_advantage.PER.html",
                          parameters={"COUNTRY": "PER"})
    return html, time.perf_counter() - t0


@pytest.mark.slow
def test_real_lesson_exported_opens_offline_in_chromium(lesson_export):
    html, seconds = lesson_export
    page = html.read_text(encoding="utf-8")
    print(f"\nL05 PER: run + export {seconds:.1f} s, {html.stat().st_size / 1e6:.2f} MB")
    assert external_resources(page) == []
    _assert_offline_page(page)
    assert page.count("plotly.js v") == 1
    assert "Peru" in page
    n_formulas = sum(len(find_math(c.source)) for c in nbformat.read(LESSON, 4).cells
                     if c.cell_type == "markdown")
    assert n_formulas > 0 and page.count("<math") == n_formulas
    require_chromium()
    with launch() as browser:
        seen = open_offline(browser, html, OUT / "05_PER.first_figure.png", target="first_figure")
    assert seen.external_requests == []
    assert seen.console_errors == []
    assert seen.plotly_figures >= 1 and seen.plotly_figures == seen.plotly_divs
    assert seen.math_elements == n_formulas
    assert not png_is_blank(seen.screenshot)
