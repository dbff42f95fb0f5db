"""The visible checks of the graded exercises, one module per exercise (``ex00.py``, ...).

These are the *visible* tests: learners may (and should) read them. Each check is a small
function whose parameter names are the notebook variables it looks at; it passes when it returns
``True`` or ``None`` and fails when it returns ``False`` or raises ``AssertionError`` (the
message of the assertion says what is wrong). Every check carries a short hint in English and
Spanish. The hidden tests of the autograder are NOT here: they exist only in ``solutions/``.

Writing the checks of a new exercise ``exNN``::

    # course_tools/checks/exNN.py
    from course_tools.course.checks import CheckSet

    checks = CheckSet("exNN")

    @checks.add("q1", hint="`x` must be a number.", pista="`x` debe ser un número.")
    def q1_x_is_a_number(x):
        return isinstance(x, (int, float))

Learners run them with :func:`course_tools.course.selfcheck.checker`.
"""
from __future__ import annotations

import inspect
import math
import numbers
import re
from dataclasses import dataclass, field
from typing import Callable

_QUESTION_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def is_int(x: object) -> bool:
    """A whole number (int or numpy integer), not a bool."""
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def is_number(x: object) -> bool:
    """A real number (int, float or numpy number), not a bool; NaN and inf count as numbers."""
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def is_finite_number(x: object) -> bool:
    """A real number that is neither NaN nor infinite."""
    return is_number(x) and math.isfinite(float(x))


@dataclass(frozen=True)
class Check:
    """One visible check: ``func(**variables)`` with bilingual hints."""

    question: str
    func: Callable[..., object]
    hint: str
    pista: str

    @property
    def name(self) -> str:
        return self.func.__name__

    @property
    def needs(self) -> tuple[str, ...]:
        """The notebook variables the check reads (the parameter names of ``func``)."""
        return tuple(inspect.signature(self.func).parameters)


@dataclass
class CheckSet:
    """The visible checks of one exercise, grouped by question id (``"q1"``, ``"q2"``, ...)."""

    exercise: str
    _checks: dict[str, list[Check]] = field(default_factory=dict)

    def add(self, question: str, *, hint: str, pista: str) -> Callable[[Callable], Callable]:
        """Decorator: register ``func`` as a check of ``question`` (English ``hint``, Spanish ``pista``)."""
        if not _QUESTION_ID.match(question):
            raise ValueError(f"question id {question!r} must look like 'q1' (letters, digits, _)")
        if not hint.strip() or not pista.strip():
            raise ValueError("every check needs a hint in English (hint=) and in Spanish (pista=)")

        def register(func: Callable) -> Callable:
            if not inspect.signature(func).parameters:
                raise ValueError(f"check {func.__name__} must take the notebook variables it reads "
                                 f"as parameters, e.g. def {func.__name__}(total_exports): ...")
            self._checks.setdefault(question, []).append(Check(question, func, hint, pista))
            return func

        return register

    @property
    def questions(self) -> list[str]:
        return list(self._checks)

    def __getitem__(self, question: str) -> list[Check]:
        try:
            return list(self._checks[question])
        except KeyError:
            raise KeyError(f"exercise {self.exercise} has no question {question!r}; "
                           f"its questions are {self.questions}") from None
