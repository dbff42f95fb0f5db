"""What every loader of the data layer shares: its input error and the rules of a tidy column.

- :class:`DataValidationError`: the base of every input error of :mod:`course_tools.data`
  (a file, a table or an argument that cannot be read as asked); :class:`DataFileNotFoundError`
  for a path that names no file (also a ``FileNotFoundError``);
- ``blank_to_nan``, ``as_text``, ``code_column``, ``plain_csv``: an empty cell is a missing value
  (NaN, never 0), text columns keep NaN as missing, codes are zero-padded strings.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.errors import InputError

_PANDAS3 = int(pd.__version__.split(".")[0]) >= 3


class DataValidationError(InputError):
    """A file, a table or an argument cannot be read as asked.

    The message names the file (and sheet), the column, the first offending rows (line numbers as in
    a text editor, row numbers as in Excel) and how to fix it. The base of every input error of
    :mod:`course_tools.data` (``CensusFormatError``, ``BaciFormatError``, ``TableLayoutError``).
    Messages come from the text catalogue (:mod:`course_tools.i18n`), in the learner's language.
    """


class DataFileNotFoundError(DataValidationError, FileNotFoundError):
    """A path given to a reader names no file (``except FileNotFoundError`` catches it too).

    Message: ``text("data_msg._common.file_not_found", path=path)``.
    """


def blank_to_nan(s: pd.Series) -> pd.Series:
    """Empty strings (blank cells) as missing values, without pandas' dtype downcasting."""
    return s.where(s != "", np.nan)


def as_text(s: pd.Series) -> pd.Series:
    """Text column with NaN kept as missing (pandas 3 'str' dtype; object on pandas 2)."""
    if _PANDAS3 and isinstance(s.dtype, pd.StringDtype) and s.dtype.na_value is np.nan:
        return s.copy()  # already the 'str' dtype: nothing to convert
    s = s.astype(object).where(s.notna(), np.nan)
    return s.astype("str") if _PANDAS3 else s


def code_column(s: pd.Series, width: int | None = None) -> pd.Series:
    """Codes as stripped text, zero-padded to ``width`` digits when given (``101`` -> ``'0101'``)."""
    out = s.astype(str).str.strip()
    return out.str.zfill(width) if width else out


def plain_csv(path: Path) -> pd.DataFrame:
    """A CSV file with every cell as text and blank cells as ``""`` (a UTF-8 byte-order mark is dropped)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
