"""The course in a real browser: JupyterLab in headless Chromium, as a participant uses it.

One JupyterLab server (tests/browser/lab_server.py: loopback, random token, a temporary copy of
lessons/ and exercises/, ex05 released to a temporary nbgrader exchange) and one Chromium
(tests/browser/browser_support.py: Debian's chromium through Playwright, no browser download) serve the
three tests of this module:

1. lesson L05: Run ▸ Run All Cells, every cell runs without error, plotly figures are drawn, and
   the RCA explorer re-draws when its drop-down and slider move;
2. exercise ex05 (blank release): the self-check of q1 prints its hint, and nbgrader's Validate
   button reports the unanswered cells;
3. the participant's start page (lessons/00_welcome.ipynb, as lessons/README.md says) and the
   nbgrader Assignment List, which lists the released ex05;
4. a Spanish speaker's start page: a second server started as the hub starts the group ``spanish``
   (``NICHOS_LANG=es``, ``JUPYTER_CONFIG_PATH`` with deploy/common/spanish-jupyter-config) shows
   JupyterLab's menus in Spanish and opens lessons/es/00_bienvenida.ipynb, the link of ``course link --lang es``.

Every request the page makes must stay on 127.0.0.1 (the course runs offline). Screenshots are
written to tests/_output/browser/. Without Chromium or Playwright the tests are skipped, unless
NICHOS_REQUIRE_BROWSER=1 (set by .ci/run): then they fail. tests/test_ci_run.py checks that
.ci/run installs Chromium when it is absent.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.browser_support import launch, png_is_blank, require_chromium
from tests.browser.lab_server import LabServer, running_lab

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "_output" / "browser"
LESSON = "lessons/05_revealed_comparative_advantage.ipynb"
EXERCISE = "exercises/ex05/ex05.ipynb"
START = "lessons/00_welcome.ipynb"
START_ES = "lessons/es/00_bienvenida.ipynb"
RUN_ALL_TIMEOUT = 150_000  # ms; L05 runs in about 20 s on one free core
UI_TIMEOUT = 60_000

# --------------------------------------------------------------------------------------------
# JavaScript probes (evaluated in the page)
# --------------------------------------------------------------------------------------------
# The visible notebook's code-cell prompts: "[ ]:" not run, "[*]:" running, "[12]:" done.
_PROMPTS_JS = """() => Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea .jp-InputPrompt'))
    .map(p => p.textContent.trim())"""
# Error outputs (a traceback), in the visible notebook.
_ERRORS_JS = """() => Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
    .map(o => o.textContent).filter(t => /Traceback|-{20,}\\s*\\n?\\s*\\w*(Error|Exception)/.test(t))
    .map(t => t.slice(0, 600))"""
# Plotly figures drawn in the visible notebook: [figures with an SVG and traces, total traces].
_PLOTLY_JS = """(root) => {
  const scope = root || document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const gds = Array.from(scope.querySelectorAll('.js-plotly-plot'))
      .filter(gd => gd.querySelector('.main-svg'));
  const traces = gds.map(gd => gd.querySelectorAll('.main-svg .trace').length);
  return [traces.filter(n => n > 0).length, traces.reduce((a, b) => a + b, 0)];
}"""


def _code_cells(path: Path) -> int:
    return sum(c["cell_type"] == "code" for c in json.loads(path.read_text(encoding="utf-8"))["cells"])


# --------------------------------------------------------------------------------------------
# fixtures: one server and one browser for the module
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium_path() -> str:
    return require_chromium()


@pytest.fixture(scope="module")
def lab(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    with running_lab(tmp_path_factory.mktemp("lab"), release=("ex05",)) as server:
        yield server


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    with launch(executable_path=chromium_path) as b:
        yield b


@pytest.fixture(scope="module")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


class Session:
    """A fresh browser context on the lab; records every request that leaves 127.0.0.1."""

    def __init__(self, browser: Any, lab: LabServer, workspace: str) -> None:
        self.lab = lab
        self.workspace = workspace
        self.external: list[str] = []
        self.page_errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                           service_workers="block")
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.set_default_timeout(UI_TIMEOUT)
        self.page.on("websocket", self._websocket)
        self.page.on("pageerror", lambda err: self.page_errors.append(str(err)))

    def _local(self, url: str) -> bool:
        return url.startswith((self.lab.url + "/", self.lab.url.replace("http", "ws", 1) + "/",
                               "data:", "blob:", "about:"))

    def _guard(self, route: Any) -> None:
        url = route.request.url
        if self._local(url):
            route.continue_()
        else:  # the course must not need the internet: record it and cut it off
            self.external.append(url)
            route.abort()

    def _websocket(self, ws: Any) -> None:
        if not self._local(ws.url):
            self.external.append(ws.url)

    def open(self, path: str) -> Any:
        """Open ``path`` (relative to the lab root) in JupyterLab; wait for the notebook and its kernel."""
        page = self.page
        page.goto(self.lab.lab_url(path, workspace=self.workspace), wait_until="domcontentloaded")
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for()
        self.wait_kernel_idle()
        return page

    def wait_kernel_idle(self, timeout: float = UI_TIMEOUT) -> None:
        """The toolbar's kernel indicator says the kernel is connected and idle."""
        self.page.wait_for_function(
            """() => {
              const p = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
              const i = p && p.querySelector('.jp-Notebook-ExecutionIndicator');
              const k = p && p.querySelector('.jp-KernelName, .jp-Toolbar-kernelName');
              return i && i.dataset.status === 'idle' && k && /Python/.test(k.textContent);
            }""", timeout=timeout)

    def menu(self, menu: str, item: str) -> None:
        """Click ``menu ▸ item`` in JupyterLab's menu bar, as a participant does."""
        page = self.page
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$")).click()
        page.locator(".lm-Menu:visible .lm-Menu-itemLabel",
                     has_text=re.compile(rf"^{re.escape(item)}$")).first.click()

    def close(self) -> None:
        self.context.close()
        self.lab.shutdown_kernels()


@pytest.fixture
def session(browser: Any, lab: LabServer, request: pytest.FixtureRequest) -> Iterator[Session]:
    s = Session(browser, lab, workspace=re.sub(r"\W+", "-", request.node.name)[:60])
    try:
        yield s
    finally:
        s.close()
    assert s.external == [], f"the page asked for resources outside 127.0.0.1: {s.external[:10]}"


def _cell(page: Any, index: int) -> Any:
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").nth(index)


def _run_cell(page: Any, index: int) -> None:
    """Select cell ``index`` (click its prompt) and run it with Shift+Enter."""
    cell = _cell(page, index)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Shift+Enter")


# --------------------------------------------------------------------------------------------
# 1. a Module B lesson, run all, the widget
# --------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.xdist_group("browser")  # one server and one browser with --dist loadgroup
def test_lesson_runs_all_cells_draws_figures_and_widget_reacts(session: Session, lab: LabServer,
                                                               shots: Path) -> None:
    n_code = _code_cells(lab.root / LESSON)
    page = session.open(LESSON)
    session.menu("Run", "Run All Cells")
    done = f"""() => {{
      const ps = ({_PROMPTS_JS})();
      const errs = ({_ERRORS_JS})();
      return errs.length > 0 || (ps.length === {n_code} && ps.every(p => /^\\[\\d+\\]:$/.test(p)));
    }}"""
    page.wait_for_function(done, timeout=RUN_ALL_TIMEOUT)
    session.wait_kernel_idle()
    errors = page.evaluate(_ERRORS_JS)
    assert errors == [], (f"a cell of {LESSON} failed in JupyterLab:\n{errors[0]}\n"
                          f"page errors: {session.page_errors[:3]}")
    prompts = page.evaluate(_PROMPTS_JS)
    assert len(prompts) == n_code and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), prompts

    # plotly draws the lesson's figures (fig.show(): jupyterlab-plotly renderer)
    page.wait_for_function(f"() => ({_PLOTLY_JS})(null)[0] >= 4")
    n_figures, n_traces = page.evaluate(_PLOTLY_JS, None)
    assert n_figures >= 4 and n_traces >= n_figures

    # the RCA explorer: its summary line, drop-down, slider and figure
    explorer = page.locator(".jp-OutputArea-output .widget-vbox").filter(
        has=page.locator(".widget-html", has_text="exported products"))
    explorer.scroll_into_view_if_needed()
    summary = explorer.locator(".widget-html").first
    figure = explorer.locator(".js-plotly-plot")
    figure.locator(".main-svg .trace").first.wait_for()
    first = summary.inner_text()
    assert re.search(r"have RCA ≥ 1 against the world", first), first
    first_title = figure.locator(".gtitle").text_content()

    # (a) the drop-down: Latin America and the Caribbean as reference
    explorer.locator(".widget-dropdown select").select_option(label="Latin America and the Caribbean")
    page.wait_for_function("(el) => /against Latin America/.test(el.textContent)", arg=summary.element_handle())
    second = summary.inner_text()
    assert second != first
    page.wait_for_function("([el, t]) => { const g = el.querySelector('.gtitle');"
                           " return g && g.textContent !== t; }",
                           arg=[explorer.element_handle(), first_title])

    # (b) the slider, by keyboard: two steps of 0.5 from RCA ≥ 1 to RCA ≥ 2
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(el) => /RCA ≥ 2 against/.test(el.textContent)", arg=summary.element_handle())
    n_first = int(re.search(r"(\d+) of \d+ exported", first).group(1))
    n_third = int(re.search(r"(\d+) of \d+ exported", summary.inner_text()).group(1))
    assert 0 < n_third < n_first, (first, summary.inner_text())
    assert figure.locator(".main-svg .trace").count() >= 1

    explorer.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "lesson.png"))
    explorer.screenshot(path=str(shots / "lesson_widget.png"))
    assert not png_is_blank(shots / "lesson_widget.png")


# --------------------------------------------------------------------------------------------
# 2. an exercise: self-check and nbgrader's Validate
# --------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.xdist_group("browser")  # one server and one browser with --dist loadgroup
def test_exercise_self_check_and_validate(session: Session, lab: LabServer, shots: Path) -> None:
    nb = json.loads((lab.root / EXERCISE).read_text(encoding="utf-8"))
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb["cells"]]
    setup, q1_check = ids.index("ex05_setup"), ids.index("ex05_q1_visible")
    country = next(i for i, c in enumerate(nb["cells"]) if "COUNTRY =" in "".join(c["source"]))
    page = session.open(EXERCISE)

    # the blank exercise: run the set-up, skip the unanswered q1 cell, run q1's self-check
    for i in (country, setup, q1_check):
        _run_cell(page, i)
    out = _cell(page, q1_check).locator(".jp-OutputArea")
    out.get_by_text("✗ q1", exact=False).first.wait_for(timeout=RUN_ALL_TIMEOUT)
    text = out.inner_text()
    # strict=True (the graded cell) raises AssertionError with the message: not a traceback to hide
    assert re.search(r"✗ q1: define `rca_country`.* first \(run the cell where you compute it\)", text), text
    assert "primero defina `rca_country`" in text, text
    # the same error detector that test 1 uses to prove the lesson ran cleanly sees this one
    assert len(page.evaluate(_ERRORS_JS)) == 1
    _cell(page, q1_check).screenshot(path=str(shots / "exercise_check.png"))

    # nbgrader's Validate button (notebook toolbar): it saves and runs the whole notebook
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .validate-button").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    dialog.wait_for(timeout=RUN_ALL_TIMEOUT)
    body = dialog.inner_text()
    assert re.search(r"fail|NotImplementedError", body, re.I), body
    page.screenshot(path=str(shots / "exercise_validate.png"))
    dialog.get_by_role("button", name=re.compile("ok", re.I)).click()


# --------------------------------------------------------------------------------------------
# 3. the participant's start page and the nbgrader assignment list
# --------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.xdist_group("browser")  # one server and one browser with --dist loadgroup
def test_start_page_and_assignment_list(session: Session, lab: LabServer, shots: Path) -> None:
    readme = (ROOT / "lessons" / "README.md").read_text(encoding="utf-8")
    assert "00_welcome.ipynb" in readme  # what the start page tells participants to open first
    page = session.open(START)
    assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput h1").first.inner_text()
    session.menu("Nbgrader", "Assignment List")
    released = page.locator("#released_assignments_list")
    released.locator(".list_item", has_text="ex05").first.wait_for()
    assert "nichos" in released.inner_text()
    page.screenshot(path=str(shots / "assignment_list.png"))
    assert not png_is_blank(shots / "assignment_list.png")


# --------------------------------------------------------------------------------------------
# 4. a Spanish speaker's start page: JupyterLab in Spanish, the Spanish edition's welcome
# --------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_spanish_speakers_start_page(browser: Any, tmp_path_factory: pytest.TempPathFactory, shots: Path) -> None:
    spanish = {"NICHOS_LANG": "es",
               "JUPYTER_CONFIG_PATH": str(ROOT / "deploy" / "common" / "spanish-jupyter-config")}
    with running_lab(tmp_path_factory.mktemp("lab_es"), folders=("lessons",), release=(),
                     extra_env=spanish) as lab_es:
        s = Session(browser, lab_es, workspace="spanish-start-page")
        try:
            page = s.open(START_ES)
            menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
            assert "Configuración" in menus and "Settings" not in menus, menus
            heading = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput h1").first
            assert "Bienvenida a Nichos" in heading.inner_text()
            page.screenshot(path=str(shots / "start_page_es.png"))
            assert not png_is_blank(shots / "start_page_es.png")
            assert not s.external, s.external
        finally:
            s.close()
