"""From the bytes of a text file to rows of cells: the encoding, then the delimiter.

Statistics offices publish CSV files in UTF-8 or in Latin-1/Windows-1252 (Excel's "CSV" in Spanish
Windows), separated by ``,`` or ``;`` (where the decimal mark is a comma), sometimes tab or ``|``.
:func:`decode_text` finds the encoding; :func:`csv_grids` parses the text with each candidate
delimiter and keeps the line number of every row, so that messages quote lines as a text editor
numbers them. Which delimiter is right is decided later, by the row holding the header
(:mod:`course_tools.data.own_files.grid`).
"""
from __future__ import annotations

import csv
import io

from course_tools.data._common import DataValidationError
from course_tools.i18n import text

__all__ = ["ENCODINGS", "DELIMITERS", "Grid", "decode_text", "csv_grids"]

#: Encodings tried in order when none is given (Latin-1 decodes any byte, so one always works).
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
#: Delimiters tried when none is given.
DELIMITERS = (",", ";", "\t", "|")
#: Rows of one table: (number of the row as the user sees it, its cells).
Grid = list[tuple[int, list]]


def decode_text(data: bytes, encoding: str | None, where: str) -> str:
    """``data`` decoded with ``encoding``, or with the first of :data:`ENCODINGS` that fits."""
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            start = data.rfind(b"\n", 0, err.start) + 1
            end = data.find(b"\n", err.start)
            line = data[start:end if end >= 0 else len(data)].decode("latin-1").strip()
            raise DataValidationError(text("home.own_files.bad_encoding", where=where, encoding=repr(encoding),
                                           err=err, number=data.count(b"\n", 0, err.start) + 1,
                                           line=repr(line))) from None
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise AssertionError(text("home.own_files.latin1_decodes"))  # pragma: no cover


def csv_grids(text: str, delimiter: str | None) -> list[Grid]:
    """The text parsed with ``delimiter`` (or each of :data:`DELIMITERS`); rows carry their line number."""
    grids = []
    for delim in ([delimiter] if delimiter else DELIMITERS):
        reader = csv.reader(io.StringIO(text), delimiter=delim)
        rows, start = [], 1
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
        grids.append(rows)
    return grids
