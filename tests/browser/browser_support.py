"""Open course HTML pages in headless Chromium, offline, for the tests.

Used by the export, report and delivery tests::

    from tests.browser.browser_support import launch, open_offline, png_is_blank, require_chromium

    def test_page_opens_offline(tmp_path):
        require_chromium()
        with launch() as browser:
            report = open_offline(browser, html_path, tmp_path / "page.png")
        assert report.external_requests == []
        assert report.plotly_figures >= 1
        assert not png_is_blank(report.screenshot)

Chromium is Debian's ``/usr/bin/chromium`` (or ``$NICHOS_CHROMIUM``), driven by Playwright; no
browser is ever downloaded. Without Chromium or Playwright the browser tests are skipped, except
when ``NICHOS_REQUIRE_BROWSER=1`` (set in CI): then they fail, so a broken CI image is noticed.
"""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = ["CHROMIUM_ARGS", "PageReport", "chromium_path", "require_chromium", "launch",
           "open_offline", "png_is_blank", "png_colours", "read_png"]

#: Flags for a quiet headless Chromium that does not phone home.
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def chromium_path() -> str | None:
    """Path of the Chromium executable: ``$NICHOS_CHROMIUM``, ``/usr/bin/chromium``, or one on
    ``PATH`` (``chromium``, ``chromium-browser``); ``None`` if there is none."""
    env = os.environ.get("NICHOS_CHROMIUM")
    candidates = [env] if env else []
    candidates += ["/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser")]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return str(c)
    return None


def require_chromium() -> str:
    """Return Chromium's path; skip the test if Chromium or Playwright is missing.

    With ``NICHOS_REQUIRE_BROWSER=1`` (CI) a missing browser fails the test instead.
    """
    problem = None
    path = chromium_path()
    if path is None:
        problem = ("Chromium is not installed (looked at $NICHOS_CHROMIUM, /usr/bin/chromium and "
                   "PATH); on Debian/Ubuntu: sudo apt-get install chromium")
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = ("the Python package playwright is not installed; install the test extras: "
                       "pip install -e '.[test]' (no browser download is needed)")
    if problem:
        if os.environ.get("NICHOS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test cannot run: {problem} (NICHOS_REQUIRE_BROWSER=1)")
        pytest.skip(f"browser test skipped: {problem}")
    return path  # type: ignore[return-value]


@contextmanager
def launch(*, executable_path: str | None = None) -> Iterator[Any]:
    """A headless Chromium ``playwright.sync_api.Browser``, closed on exit."""
    from playwright.sync_api import sync_playwright

    exe = executable_path or require_chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageReport:
    """What a page did when opened offline (see :func:`open_offline`)."""

    url: str
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    plotly_figures: int = 0
    plotly_divs: int = 0
    math_elements: int = 0
    screenshot: Path | None = None


_COUNT_JS = """() => {
  const divs = Array.from(document.querySelectorAll('.plotly-graph-div'));
  const drawn = divs.filter(gd => gd.querySelector('.main-svg') &&
                                  Array.isArray(gd._fullData) && gd._fullData.length > 0 &&
                                  gd.querySelector('.main-svg .trace, .main-svg .point, ' +
                                                   '.main-svg .slice, .main-svg .bars, ' +
                                                   '.main-svg .heatmaplayer image, .main-svg path'));
  return [drawn.length, divs.length, document.querySelectorAll('math').length];
}"""


def open_offline(
    browser: Any,
    html_path: str | Path,
    screenshot_path: str | Path,
    *,
    target: str = "viewport",
    viewport: tuple[int, int] = (1280, 900),
    timeout_ms: int = 60_000,
) -> PageReport:
    """Open a local HTML file with the network cut off; count figures and formulas; screenshot.

    Every request whose URL is not ``file:``, ``data:``, ``blob:`` or ``about:`` is aborted and
    listed in ``external_requests``. Waits for the page's ``load`` event and then until every
    plotly figure is drawn (or ``timeout_ms``). ``target``: ``"viewport"`` (the top of the
    page), ``"full_page"`` or ``"first_figure"`` (the first plotly figure, scrolled into view).
    """
    html_path = Path(html_path).resolve()
    if not html_path.is_file():
        raise FileNotFoundError(f"open_offline: no HTML file at {html_path}")
    if target not in ("viewport", "full_page", "first_figure"):
        raise ValueError(f"open_offline: target must be viewport, full_page or first_figure, "
                         f"not {target!r}")
    screenshot_path = Path(screenshot_path)
    screenshot_path.parent.mkdir(parents=True, exist_ok=True)
    report = PageReport(url=html_path.as_uri(), screenshot=screenshot_path)

    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  service_workers="block")
    try:
        def guard(route: Any) -> None:
            url = route.request.url
            if url.startswith(_LOCAL_SCHEMES):
                route.continue_()
            else:
                report.external_requests.append(url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("console", lambda msg: report.console_errors.append(msg.text)
                if msg.type == "error" else None)
        page.on("pageerror", lambda err: report.console_errors.append(f"uncaught: {err}"))
        page.on("websocket", lambda ws: report.external_requests.append(ws.url))
        page.goto(report.url, wait_until="load", timeout=timeout_ms)
        try:
            page.wait_for_function(
                "() => Array.from(document.querySelectorAll('.plotly-graph-div'))"
                ".every(gd => gd.querySelector('.main-svg'))", timeout=timeout_ms)
        except Exception:  # a figure that never draws is reported by the count below
            pass
        page.wait_for_timeout(300)  # let plotly finish its transitions
        report.plotly_figures, report.plotly_divs, report.math_elements = page.evaluate(_COUNT_JS)
        if target == "first_figure" and report.plotly_divs:
            element = page.locator(".plotly-graph-div").first
            element.scroll_into_view_if_needed()
            element.screenshot(path=str(screenshot_path))
        else:
            page.screenshot(path=str(screenshot_path), full_page=target == "full_page")
    finally:
        context.close()
    return report


# --------------------------------------------------------------------------------------------
# A tiny PNG reader (stdlib only): enough to tell a blank screenshot from a drawn one
# --------------------------------------------------------------------------------------------
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel (no palette: 3)


def _png_rows(path: str | Path) -> tuple[int, int, int, Iterator[bytes]]:
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or interlace:
                raise ValueError(f"{path}: only 8-bit non-interlaced PNGs are supported "
                                 f"(bit depth {depth}, interlace {interlace})")
            bpp = _CHANNELS.get(colour, 1)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    if len(raw) != height * (width * bpp + 1):
        raise ValueError(f"{path}: image data has {len(raw)} bytes, expected "
                         f"{height * (width * bpp + 1)} for {width}x{height}")
    return width, height, bpp, _unfilter(raw, width, height, bpp, str(path))


def _unfilter(raw: bytes, width: int, height: int, bpp: int, name: str) -> Iterator[bytes]:
    stride = width * bpp
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 1:  # Sub: add the byte one pixel to the left
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:  # Up: add the byte above
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:  # Average of left and above
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth predictor
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif ftype != 0:
            raise ValueError(f"{name}: unknown PNG filter type {ftype} in row {y}")
        yield bytes(line)
        prev = line


def read_png(path: str | Path) -> tuple[int, int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced PNG: ``(width, height, bytes_per_pixel, rows)``.

    Handles the five scanline filters (None, Sub, Up, Average, Paeth) of the PNG spec
    (ISO/IEC 15948, section 9); palette images give palette indices. Raises ``ValueError``
    for other PNGs (16-bit, interlaced).
    """
    width, height, bpp, rows = _png_rows(path)
    return width, height, bpp, list(rows)


def png_colours(path: str | Path, *, limit: int = 1_000_000) -> int:
    """Number of distinct pixel colours in a PNG (stops counting at ``limit``)."""
    width, _, bpp, rows = _png_rows(path)  # rows are decoded lazily: stop early
    seen: set[bytes] = set()
    for row in rows:
        seen.update(row[i:i + bpp] for i in range(0, width * bpp, bpp))
        if len(seen) >= limit:
            break
    return len(seen)


def png_is_blank(path: str | Path, *, min_colours: int = 16) -> bool:
    """True if the image has fewer than ``min_colours`` distinct colours.

    A white page, or a page with only empty boxes, has one to a few colours; anti-aliased text
    and a drawn figure give hundreds.
    """
    return png_colours(path, limit=min_colours) < min_colours
