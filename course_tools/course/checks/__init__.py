"""The visible checks of the graded exercises, one module per exercise (``ex00.py``, ...).

These are the *visible* tests: learners may (and should) read them. Each check is a small
function whose parameter names are the notebook variables it looks at; it passes when it returns
``True`` or ``None`` and fails when it returns ``False`` or raises ``AssertionError`` (the
message of the assertion says what is wrong: ``assert ok, msg("selfcheck.exNN.what", **values)``, a
text of the catalogue, ``course_tools/i18n/catalogue/selfcheck.yaml``, that the self-check shows in the
learner's language or in every language). Every check carries a short hint in English and
Spanish (``selfcheck.hint.<exercise>.<check>`` in the catalogue). The hidden tests of the autograder are
NOT here: they exist only in ``solutions/``.

Writing the checks of a new exercise ``exNN``::

    # course_tools/course/checks/exNN.py
    from course_tools.course.checks import CheckSet

    checks = CheckSet("exNN")

    @checks.add("q1")                   # hint: selfcheck.hint.exNN.q1_x_is_a_number in selfcheck.yaml
    def q1_x_is_a_number(x):
        return isinstance(x, (int, float))

    @checks.add("q1")
    def q1_x_is_a_share(x):
        assert 0 <= x <= 1, msg("selfcheck.exNN.not_a_share", x=x)   # en and es in the catalogue

    # course_tools/i18n/catalogue/selfcheck.yaml
    selfcheck.hint.exNN.q1_x_is_a_number:
      en: "`x` must be a number."
      es: "`x` debe ser un número."

Learners run them with :func:`course_tools.course.selfcheck.checker`.

The checks share the helpers below, each with one meaning: ``is_number`` accepts NaN and inf (the
type is right), ``is_finite_number`` does not; ``assert_table``, ``assert_number``,
``assert_finite_number``, ``assert_between``, ``assert_whole_number``, ``assert_text_code``, ``assert_iso3``,
``assert_sorted_text_list``, ``assert_count`` and ``assert_adds_up_to_exports`` raise ``AssertionError`` with
a message that names the notebook variable; ``country_total`` is a country's reported exports in the shipped
world table; ``msg`` makes a check's message (a :class:`CheckMessage`) from the catalogue.
"""
from __future__ import annotations

import inspect
import math
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from course_tools.course import CourseInputError
from course_tools.i18n import text
from course_tools.i18n.catalogue import CATALOGUE

_QUESTION_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class UnknownQuestionError(CourseInputError, KeyError):
    """``check("q9")`` for a question the exercise does not have (a ``KeyError`` too)."""


class CheckMessage(str):
    """What a failed check says: a catalogue text with its values, kept so it can be said in every language.

    As a string it is the text in the language in use (:func:`course_tools.i18n.current_language`);
    :meth:`in_language` gives it in another one (the self-check shows every language when the learner
    chose none). A value that is itself a :class:`CheckMessage` is said in the same language.
    """

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> CheckMessage:
        obj = super().__new__(cls, _say(key, None, values))
        obj.key, obj.values = key, values
        return obj

    def in_language(self, lang: str | None) -> str:
        """The message in ``lang`` (None: the language in use)."""
        return _say(self.key, lang, self.values)

    def __reduce__(self) -> tuple:  # copies and pickles are plain strings
        return (str, (str(self),))


def _say(key: str, lang: str | None, values: dict[str, Any]) -> str:
    return text(key, lang, **{k: v.in_language(lang) if isinstance(v, CheckMessage) else v for k, v in values.items()})


def msg(key: str, /, **values: Any) -> CheckMessage:
    """The message of a failed check: ``assert ok, msg("selfcheck.ex01.no_rows", name="chapters")``."""
    return CheckMessage(key, **values)


def said_in(message: object, lang: str | None) -> str:
    """``message`` in ``lang``: a :class:`CheckMessage` in that language, anything else as it is."""
    return message.in_language(lang) if isinstance(message, CheckMessage) else str(message)


def is_int(x: object) -> bool:
    """A whole number (int or numpy integer), not a bool."""
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def is_number(x: object) -> bool:
    """A real number (int, float or numpy number), not a bool; NaN and inf count as numbers."""
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def is_finite_number(x: object) -> bool:
    """A real number that is neither NaN nor infinite."""
    return is_number(x) and math.isfinite(float(x))


def _kind(x: object) -> str:
    return type(x).__name__


def assert_table(value: object, name: str, columns: Iterable[str] = ()) -> None:
    """``value`` (the notebook variable ``name``) is a pandas DataFrame with every one of ``columns``."""
    import pandas as pd

    assert isinstance(value, pd.DataFrame), msg("selfcheck.helpers.not_a_table", name=name, kind=_kind(value))
    missing = [c for c in columns if c not in value.columns]
    assert not missing, msg("selfcheck.helpers.no_columns", name=name, missing=missing, columns=list(value.columns))


def assert_number(value: object, name: str) -> None:
    """``value`` is a number (:func:`is_number`: NaN and inf pass; a Series or a string does not)."""
    assert is_number(value), msg("selfcheck.helpers.not_a_number", name=name, kind=_kind(value))


def assert_finite_number(value: object, name: str) -> None:
    """``value`` is a finite number (:func:`is_finite_number`: not NaN, not inf)."""
    assert_number(value, name)
    assert math.isfinite(float(value)), msg("selfcheck.helpers.not_finite", name=name, value=value)


_INTERVAL = {"both": ("[", "]"), "left": ("[", ")"), "right": ("(", "]"), "neither": ("(", ")")}


def assert_between(value: object, name: str, low: float, high: float, *, closed: str = "both") -> None:
    """``value`` is a number from ``low`` to ``high``; ``closed`` says which ends belong to the interval:
    ``"both"`` (``[low, high]``), ``"left"`` (``[low, high)``), ``"right"`` (``(low, high]``) or ``"neither"``.
    NaN and inf are outside every such interval."""
    assert_number(value, name)
    left, right = _INTERVAL[closed]
    inside = (low <= value if left == "[" else low < value) and (value <= high if right == "]" else value < high)
    assert inside, msg("selfcheck.helpers.not_between", name=name, value=value,
                       interval=f"{left}{low:g}, {high:g}{right}")


def assert_whole_number(value: object, name: str) -> None:
    """``value`` is a whole number (:func:`is_int`: int or numpy integer, not a bool)."""
    assert is_int(value), msg("selfcheck.helpers.not_whole", name=name, kind=_kind(value))


def assert_text_code(value: object, name: str, length: int, *, digits: bool = True) -> None:
    """``value`` is a code written as text of ``length`` characters, all digits unless ``digits=False``
    (an HS heading ``"0901"``, a chapter ``"26"``: as a number the leading zero is lost)."""
    assert isinstance(value, str), msg("selfcheck.helpers.not_text", name=name, kind=_kind(value))
    assert len(value) == length and (value.isdigit() or not digits), msg(
        "selfcheck.helpers.not_digit_code" if digits else "selfcheck.helpers.not_character_code",
        name=name, value=value, length=length)


def assert_iso3(value: object, name: str) -> None:
    """``value`` is an ISO 3166 alpha-3 code in capitals, as text (``"CHL"``)."""
    assert isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isupper(), msg(
        "selfcheck.helpers.not_iso3", name=name, value=value)


def assert_sorted_text_list(value: object, name: str, *, unique: bool = False) -> None:
    """``value`` is a list of texts in sorted order (and each once, with ``unique=True``)."""
    assert isinstance(value, list), msg("selfcheck.helpers.not_a_list", name=name, kind=_kind(value))
    assert all(isinstance(v, str) for v in value), msg("selfcheck.helpers.not_text_elements", name=name)
    want = sorted(set(value)) if unique else sorted(value)
    assert value == want, msg("selfcheck.helpers.not_sorted_unique" if unique else "selfcheck.helpers.not_sorted")


def assert_count(value: object, name: str, expected: int, found: str) -> None:
    """``value`` is a whole number equal to ``expected``; ``found`` says where that count is seen
    (``msg("selfcheck.ex07.rising_stars", n=12)``: "`matrix` has 12 rising stars")."""
    assert_whole_number(value, name)
    assert value == expected, msg("selfcheck.helpers.count_differs", name=name, value=value, found=found)


def country_total(country: str, year: int = 2017) -> float:
    """The reported exports of ``country`` in the shipped world trade table of ``year`` (USD; NaN skipped)."""
    from course_tools.data import load_trade

    t = load_trade(year)
    return float(t.loc[t["country"] == country, "export_value"].sum())


def assert_adds_up_to_exports(values: object, what: str, country: str, year: int = 2017) -> None:
    """The numbers ``values`` (a column) add up to :func:`country_total` of ``country`` in ``year``
    (relative tolerance 1e-9); ``what`` names them in the message (``msg("selfcheck.ex01.the_chapters")``)."""
    import pandas as pd

    got = float(pd.to_numeric(values).sum())
    total = country_total(country, year)
    assert math.isclose(got, total, rel_tol=1e-9), msg("selfcheck.helpers.not_the_exports", what=what, got=got,
                                                        year=year, country=country, total=total)


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

    def add(self, question: str, *, hint: str | None = None, pista: str | None = None
            ) -> Callable[[Callable], Callable]:
        """Decorator: register ``func`` as a check of ``question``, with its hint in every language.

        The hint is the catalogue entry ``selfcheck.hint.<exercise>.<function name>`` (``selfcheck.yaml``);
        ``hint=`` (English) and ``pista=`` (Spanish) give it inline instead, e.g. for a quick new check.
        """
        if not _QUESTION_ID.match(question):
            raise CourseInputError(text("selfcheck.bad_question_id", question=question))
        if (hint is None) != (pista is None) or (hint is not None and not (hint.strip() and pista.strip())):
            raise CourseInputError(text("selfcheck.needs_hints"))

        def register(func: Callable) -> Callable:
            if not inspect.signature(func).parameters:
                raise CourseInputError(text("selfcheck.needs_parameters", name=func.__name__))
            en, es = hint, pista
            if en is None:
                key = f"selfcheck.hint.{self.exercise}.{func.__name__}"
                if key not in CATALOGUE:
                    raise CourseInputError(text("selfcheck.needs_hints_entry", key=key))
                en, es = CATALOGUE[key]["en"], CATALOGUE[key]["es"]
            self._checks.setdefault(question, []).append(Check(question, func, en, es))
            return func

        return register

    @property
    def questions(self) -> list[str]:
        return list(self._checks)

    def __getitem__(self, question: str) -> list[Check]:
        try:
            return list(self._checks[question])
        except KeyError:
            raise UnknownQuestionError(text("selfcheck.no_question", exercise=self.exercise, question=question,
                                            questions=self.questions)) from None
