"""Where a problem is, and the message that says so: file (and sheet), column, first rows, how to fix.

The frame of the message (column, rows, "How to fix") is in the language in use
(:mod:`course_tools.i18n`, keys ``own_data.msg_*``). Rows are numbered as the coordinator sees them:
``line`` as in a text editor for CSV files, ``row`` as in Excel for workbooks. Every check of
:mod:`course_tools.data.own_files` raises through :meth:`Place.fail`, so every message has the same form::

    exports.csv, column 'valor': 2 value(s) are not numbers
      line 5: '737.762.092,0'
      line 6: '1.564.421.026,0'
    How to fix: the numbers use a decimal comma (e.g. 1.234,5): pass decimal="," and thousands="."
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from course_tools.data._common import DataValidationError
from course_tools.i18n import text

__all__ = ["Place", "SHOW"]

#: Offending rows quoted in a message (the rest are counted).
SHOW = 5


@dataclass(frozen=True)
class Place:
    """A file as named in messages (``where``: the file name, with its sheet for Excel) and its row unit."""

    where: str
    unit: str = "line"

    def fail(self, column: str | None, problem: str, bad: Sequence[tuple[int, object]], fix: str) -> NoReturn:
        """Raise :class:`DataValidationError`: the problem, the first :data:`SHOW` bad rows, how to fix it."""
        lines = [text("own_data.msg_column", where=self.where, column=repr(column), problem=problem) if column
                 else f"{self.where}: {problem}"]
        unit = text(f"own_data.unit_{self.unit}")
        for number, value in list(bad)[:SHOW]:
            lines.append(f"  {unit} {number}: {value!r}")
        if len(bad) > SHOW:
            lines.append(text("own_data.msg_more", n=len(bad) - SHOW))
        lines.append(text("own_data.msg_fix", fix=fix))
        message = "\n".join(lines)
        raise DataValidationError(message)
