"""The errors the course raises on purpose, and the column check every layer shares.

Every error raised by ``course_tools`` for a reason the user can fix derives from
:class:`NichosError`; errors about an input (a table, a file, an argument) derive from
:class:`InputError`, which is also a ``ValueError``. Each layer has its own base:

=====================  ======================================================
layer                  base of its input errors
=====================  ======================================================
``methods``            :class:`course_tools.methods.IndicatorInputError`
``data``               :class:`course_tools.data.DataValidationError`
``views``              :class:`course_tools.views.ViewInputError`
``course``             :class:`course_tools.course.CourseInputError`
=====================  ======================================================

Errors that are not about an input (a notebook that fails to run, a corrupted shipped file) derive
from :class:`NichosError` and ``RuntimeError``. ``except InputError`` catches every input error of
the course, ``except DataValidationError`` only those of the data layer. Messages say what is wrong, where,
and how to fix it; they come from the text catalogue (:mod:`course_tools.i18n`), in the user's language.
"""
from __future__ import annotations

from collections.abc import Iterable

__all__ = ["NichosError", "InputError", "require_columns"]


class NichosError(Exception):
    """An error the course raises on purpose: the message says what is wrong and how to fix it."""


class InputError(NichosError, ValueError):
    """An input (table, file, argument) cannot be used as given."""


def require_columns(table: object, columns: Iterable[str], what: str, error: type[Exception],
                    names: str = "", *, hint: str | None = None) -> None:
    """Raise ``error`` unless ``table`` is a DataFrame with every one of ``columns``.

    The message names ``what`` (e.g. ``"trade"``), the missing columns, the columns the table has,
    and the keyword arguments that choose the names (``names``, e.g. ``"value_col='export_value'"``),
    or, instead of that last sentence, ``hint`` (e.g. ``"Pass data.load_product_year()."``).
    """
    import pandas as pd  # here, so that the error classes import with the standard library only

    from course_tools.i18n import text  # here: the catalogue's own module imports these error classes

    if not isinstance(table, pd.DataFrame):
        raise error(text("course_msg.errors.not_a_table", what=what, kind=type(table).__name__))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        fix = hint if hint is not None else text("course_msg.errors.name_columns", names=names)
        message = text("course_msg.errors.missing_columns", what=what, missing=missing, columns=list(table.columns),
                       fix=fix).strip()  # an empty hint leaves no space at the end
        raise error(message)
