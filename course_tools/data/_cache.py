"""Reading a shipped file once: checksum first, parse once per file version, hand out copies.

Every loader of a shipped dataset calls :func:`shipped_table` (or :func:`shipped_json`): the file is
checked against ``datasets/MANIFEST.sha256`` (:func:`course_tools.data.manifest.verify`; a corrupted
file raises :class:`~course_tools.data.manifest.DatasetIntegrityError`), parsed once per session and
per version of the file (path, modification time, size), and returned as a fresh copy, so changing
the table you got never changes what the next call returns.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from course_tools.data.manifest import verify
from course_tools.paths import datasets_dir

__all__ = ["shipped_table", "shipped_json"]


@lru_cache(maxsize=64)
def _parse_cached(parser: Callable[[Path], pd.DataFrame], path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    return parser(Path(path))


def shipped_table(rel: str, parser: Callable[[Path], pd.DataFrame]) -> pd.DataFrame:
    """Verify ``datasets/<rel>``, parse it with ``parser`` (cached per file version) and return a copy."""
    p = verify(rel, datasets_dir())
    st = p.stat()
    return _parse_cached(parser, str(p), st.st_mtime_ns, st.st_size).copy()


@lru_cache(maxsize=8)
def _json_cached(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def shipped_json(rel: str) -> Any:
    """Verify ``datasets/<rel>`` and return its JSON content (a new object on every call)."""
    p = verify(rel, datasets_dir())
    return json.loads(_json_cached(str(p), p.stat().st_mtime_ns))
