"""Reading a shipped file once: checksum first, parse once per file version, hand out copies.

Every loader of a shipped dataset calls :func:`shipped_table` (or :func:`shipped_json`): the file is
checked against ``datasets/MANIFEST.sha256`` (:func:`course_tools.data.manifest.verify`; a corrupted
file raises :class:`~course_tools.data.manifest.DatasetIntegrityError`), parsed once per session and
per version of the file (path, modification time, size), and returned as a fresh copy, so changing
the table you got never changes what the next call returns.
"""
from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from course_tools.data.manifest import verify
from course_tools.paths import datasets_dir

__all__ = ["shipped_table", "shipped_json", "built_once", "file_versions"]


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


def file_versions(rels: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """(path, modification time, size) of each shipped file, each checked against the manifest first."""
    out = []
    for rel in rels:
        p = verify(rel, datasets_dir())
        st = p.stat()
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def _fresh(value: Any) -> Any:
    """A copy the caller may change: frames and series copied (their ``attrs`` too), tuples element by element."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        out = value.copy()
        out.attrs = copy.deepcopy(value.attrs)
        return out
    if isinstance(value, tuple):
        return tuple(_fresh(v) for v in value)
    return value


def built_once(*sources: str, maxsize: int = 64) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: a table built from the shipped files ``sources`` is built once per arguments and per
    version of those files (checked against the manifest on every call), and each caller gets a copy.

    For loaders that derive a table from shipped files (names of a classification, a concordance):
    a lesson calls them in many cells, and the country matrix once per country.
    """
    def wrap(build: Callable[..., Any]) -> Callable[..., Any]:
        @lru_cache(maxsize=maxsize)
        def cached(versions: tuple, args: tuple, kwargs: tuple) -> Any:
            return build(*args, **dict(kwargs))

        @functools.wraps(build)
        def call(*args: Any, **kwargs: Any) -> Any:
            return _fresh(cached(file_versions(sources), args, tuple(sorted(kwargs.items()))))

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return wrap
