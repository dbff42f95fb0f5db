"""The column check the topic modules share: a clear error naming what is missing and how to fix it."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def require_columns(table: object, columns: Iterable[str], what: str, error: type[Exception],
                    names: str) -> None:
    """Raise ``error`` unless ``table`` is a DataFrame with every one of ``columns``.

    The message names ``what`` (e.g. ``"trade"``), the missing columns, the columns the table has,
    and the keyword arguments that choose the names (``names``, e.g. ``"value_col='export_value'"``).
    """
    if not isinstance(table, pd.DataFrame):
        raise error(f"{what} must be a pandas DataFrame, not {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise error(
            f"{what} has no column(s) {missing}; its columns are {list(table.columns)}. "
            f"Pass the right names as keyword arguments ({names})."
        )
