"""Does an HTML page load anything from the internet? :func:`external_resources` lists what it would load."""
from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["external_resources"]

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
