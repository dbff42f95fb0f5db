"""Producer, licence, attribution and caveats of the shipped datasets, read from the datasheet ``datasets/README.md``.

The datasheet is the single source of these facts, so the report never retypes them. Each dataset is a
section ``### `folder` `` with fields ``**Producer**:``, ``**Licence**:``, ``**Attribution**:`` and
``**Caveats**:`` (a sentence or a list).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from course_tools.course import CourseInputError
from course_tools.i18n import text
from course_tools.paths import datasets_dir

__all__ = ["dataset_facts"]

_FIELD = re.compile(r"^\*\*(?P<name>[^*:]+?)(?: \([^)]*\))?:?\*\*:?\s*(?P<rest>.*)$")


def _plain(md: str) -> str:
    """Markdown inline text to plain text: no ``**``, no backticks, ``<url>`` -> url."""
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", md)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", s)  # *italics*
    s = s.replace("`", "")
    s = re.sub(r"<(https?://[^>]+)>", r"\1", s)
    return " ".join(s.split())


def _sections(readme: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in readme.splitlines():
        m = re.match(r"^### `([^`]+)`", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if line.startswith("## ") or line.startswith("### "):
            current = None
            continue
        if current is not None:
            out[current].append(line)
    return out


def _parse_section(lines: list[str]) -> dict[str, Any]:
    fields: dict[str, str] = {}
    caveats: list[str] = []
    name = None
    in_caveats = False
    for line in lines + [""]:
        m = _FIELD.match(line)
        if m:
            name = m.group("name").strip().lower()
            in_caveats = name == "caveats"
            if in_caveats:
                if m.group("rest").strip():
                    caveats.append(m.group("rest").strip())
                name = "caveats-inline" if m.group("rest").strip() else None
                continue
            fields[name] = m.group("rest").strip()
            continue
        stripped = line.strip()
        if stripped.startswith("---"):
            in_caveats, name = False, None
            continue
        if in_caveats:
            if stripped.startswith("- "):
                caveats.append(stripped[2:])
                name = "caveats-item"
            elif stripped and name in ("caveats-item", "caveats-inline") and not stripped.startswith("|"):
                caveats[-1] += " " + stripped
            elif not stripped:
                name = None if name == "caveats-inline" else name
            continue
        if name and stripped and not stripped.startswith(("|", "-", "#", ">")):
            fields[name] += " " + stripped
        else:
            name = None
    attribution = _plain(fields.get("attribution", ""))
    quoted = re.match(r'^"([^"]+)"', attribution)  # the text to copy is the quoted part
    return {
        "producer": _plain(fields.get("producer", "")),
        "licence": _plain(fields.get("licence", "")),
        "attribution": quoted.group(1) if quoted else attribution.strip('" '),
        "caveats": [_plain(c) for c in caveats],
    }


def dataset_facts(folders: Iterable[str] | None = None, *, readme: str | Path | None = None) -> pd.DataFrame:
    """Producer, licence, attribution and caveats of each dataset, read from ``datasets/README.md``.

    ``folders``: dataset folder names (e.g. ``"trade_ots_economiccomplexity"``); ``None`` = all.
    Returns columns ``dataset``, ``producer``, ``licence``, ``attribution`` (the text to copy) and
    ``caveats`` (a list of plain-text sentences), one row per folder in the order given.
    The datasheet is the single source of these facts, so the report never retypes them.
    """
    path = Path(readme) if readme is not None else datasets_dir() / "README.md"
    if not path.is_file():
        raise FileNotFoundError(text("home.datasheet.missing", path=path))
    sections = _sections(path.read_text(encoding="utf-8"))
    wanted = list(sections) if folders is None else [str(f) for f in folders]
    unknown = [f for f in wanted if f not in sections]
    if unknown:
        raise CourseInputError(text("home.datasheet.no_section", unknown=unknown, file=path.name,
                                    known=sorted(sections)))
    rows = [{"dataset": f, **_parse_section(sections[f])} for f in wanted]
    return pd.DataFrame(rows, columns=["dataset", "producer", "licence", "attribution", "caveats"])
