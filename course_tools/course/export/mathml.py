"""Formulas of a notebook's markdown as MathML, which browsers draw without MathJax from the internet.

:func:`find_math` finds the TeX formulas outside code (``$...$``, ``$$...$$``, ``\\(...\\)``,
``\\[...\\]``, ``\\begin{equation}``) with pandoc's rule for a dollar sign (``US$ 5``, ``R$`` and
``$5 and $6`` are money, not TeX); :func:`latex_to_mathml` converts one (latex2mathml);
:class:`MathStore` swaps formulas for plain tokens before the markdown is rendered and puts the
MathML back in the page.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from course_tools.course import CourseInputError
from course_tools.i18n import text

__all__ = ["MathSpan", "MathStore", "find_math", "latex_to_mathml", "markdown_math_to_mathml"]


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
    Raises :class:`course_tools.course.CourseInputError` (a ``ValueError``) if the TeX cannot be converted.
    """
    from latex2mathml.converter import convert

    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises many exception types
        raise CourseInputError(text("course_msg.export.cannot_convert", tex=tex, err=err)) from err


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


class MathStore:
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
