"""What the country report (lesson L12) shows besides figures: its texts, section headings and tables.

The texts are the ``report.*`` entries of the catalogue (:mod:`course_tools.i18n.catalogue.report`),
in English or Spanish; :func:`table` gives a table its headers in the report's language.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from course_tools import i18n

__all__ = ["text", "heading", "table", "frame"]

_PREFIX = "report"


def _texts(lang: str) -> dict[str, str]:
    return dict(i18n.texts(_PREFIX, i18n.check_lang(lang)))


def text(key: str, lang: str = "en", **values: Any) -> str:
    """A report text in ``lang`` with its ``{placeholders}`` filled: ``text("title", "es", name="Perú")``.

    An unknown language raises :class:`course_tools.i18n.UnknownLanguageError`, an unknown key ``KeyError``.
    """
    i18n.check_lang(lang)
    if f"{_PREFIX}.{key}" not in i18n.CATALOGUE:
        raise KeyError(i18n.text("home.views_report.no_text", lang, key=repr(key), keys=sorted(_texts(lang))))
    return i18n.text(f"{_PREFIX}.{key}", lang, **values)


def heading(key: str, lang: str = "en", level: int = 2, **values: Any):
    """A section title in ``lang`` as a displayable Markdown object (``level`` = number of ``#``)."""
    from IPython.display import Markdown

    return Markdown(f"{'#' * int(level)} {text(key, lang, **values)}")


def table(df: pd.DataFrame, columns: dict[str, str], lang: str = "en", *,
          formats: dict[str, str] | None = None):
    """A table for the report: the ``columns`` of ``df`` (name -> text key) with headers in ``lang``,
    no index, numbers formatted with ``formats`` (column -> format such as ``"{:,.0f}"`` or ``"{:.1%}"``).

    Returns a pandas ``Styler`` (it displays as an HTML table in the notebook and the exported page).
    """
    t = _texts(lang)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(i18n.text("home.views_report.no_columns", lang, missing=missing, columns=list(df.columns)))
    out = df[list(columns)].rename(columns={c: t.get(k, k) for c, k in columns.items()})
    fmt = {t.get(columns[c], columns[c]): f for c, f in (formats or {}).items() if c in columns}
    text_cols = [c for c in out.columns if not pd.api.types.is_numeric_dtype(out[c])]
    return (out.style.hide(axis="index").format(fmt, na_rep="–")
            .set_properties(subset=text_cols, **{"text-align": "left"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}]))


def frame(df: pd.DataFrame, *, numbers: dict[str, str] | None = None):
    """A table whose headers and cells are already written for the reader (e.g. by
    :mod:`course_tools.views.report_summary`): no index, text left-aligned and wrapped, never cut.
    ``numbers``: column -> format for numeric columns still to format."""
    text_cols = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    return (df.style.hide(axis="index").format(numbers or {}, na_rep="–")
            .set_properties(subset=text_cols, **{"text-align": "left", "white-space": "normal"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left"), ("white-space", "normal")]}]))
