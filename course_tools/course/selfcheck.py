"""Self-check for the exercises, offline and without an instructor.

In an exercise notebook::

    from course_tools.course.selfcheck import checker
    check = checker("ex00")
    check("q1")                 # prints ✓ or ✗ with a hint (English / español)

The messages are those of the text catalogue (``selfcheck.*``): in the language the learner chose
(``setup_notebook(LANG)``/``i18n.set_language``, or ``$NICHOS_LANG`` on a hub or laptop), else in every
language, one after the other; ``checker(exercise, lang="es")`` fixes one.

``check`` runs only the *visible* checks of the question, which live in
``course_tools/course/checks/exNN.py`` (open that file to read them). The hidden tests of the
autograder are not in the course package: self-check never sees, runs or shows them.
Inside the autograder's test cells the call is ``check("q1", strict=True)``: a failure then
raises ``AssertionError`` with the hint, so nbgrader gives no points for that cell; that message
goes into the feedback of every participant, so it is in every language unless ``lang`` was given.
"""
from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from course_tools import i18n
from course_tools.course import CourseInputError, CourseTypeError
from course_tools.course.checks import CheckSet, msg, said_in
from course_tools.i18n import check_lang, chosen_language, text

LANGS = ("both", *i18n.LANGS)
_EXERCISE_ID = re.compile(r"^ex\d{2}$")


@dataclass(frozen=True)
class CheckResult:
    """The outcome of the visible checks of one question."""

    exercise: str
    question: str
    passed: bool
    n_passed: int
    n_checks: int
    message: str = ""  # what is wrong (empty when passed); a checks.CheckMessage says it in every language
    hint: str = ""
    pista: str = ""
    missing: tuple[str, ...] = field(default=())  # variables not defined yet

    def __bool__(self) -> bool:
        return self.passed

    def text(self, lang: str = "both") -> str:
        """The message shown to the learner (``lang`` = "both", "en" or "es"; texts ``selfcheck.*``).

        With "both", each sentence is said in every language of the course, one line each.
        """
        langs = i18n.LANGS if lang == "both" else (check_lang(lang),)
        q = self.question
        if self.passed:
            said = [text("selfcheck.passed", x, n=self.n_checks) for x in langs]
            return f"✓ {q}: " + " / ".join(said)
        if self.missing:
            names = ", ".join(f"`{m}`" for m in self.missing)
            said = [text("selfcheck.missing", x, names=names) for x in langs]
            return f"✗ {q}: " + "\n  ".join(said)
        message = self.message or msg("selfcheck.failed")
        said = list(dict.fromkeys(said_in(message, x) for x in langs))  # a message with no catalogue text: once
        lines = [f"✗ {q}: " + "\n  ".join(said)]
        hints = {"en": self.hint, "es": self.pista}
        lines += [text("selfcheck.hint", x, hint=hints[x]) for x in langs]
        return "\n".join(lines)


def load_checks(exercise: str) -> CheckSet:
    """The visible checks of ``exercise`` (module ``course_tools.course.checks.<exercise>``)."""
    if not isinstance(exercise, str) or not _EXERCISE_ID.match(exercise):
        raise CourseInputError(text("selfcheck.bad_exercise_id", exercise=exercise))
    try:
        module = importlib.import_module(f"{__package__}.checks.{exercise}")
    except ModuleNotFoundError as err:
        if err.name != f"{__package__}.checks.{exercise}":
            raise
        raise CourseInputError(text("selfcheck.no_checks", exercise=exercise)) from None
    checks = getattr(module, "checks", None)
    if not isinstance(checks, CheckSet):
        raise CourseTypeError(text("selfcheck.no_checkset", exercise=exercise))
    return checks


def _learner_namespace(depth: int) -> Mapping[str, Any]:
    """The IPython user namespace, or the globals of the caller outside IPython."""
    ip = None
    ipython = sys.modules.get("IPython")
    if ipython is not None:
        try:
            ip = ipython.get_ipython()
        except Exception:  # pragma: no cover - a broken IPython install
            ip = None
    if ip is not None and getattr(ip, "user_ns", None) is not None:
        return ip.user_ns
    return sys._getframe(depth + 1).f_globals


def run_checks(checks: CheckSet, question: str, namespace: Mapping[str, Any]) -> CheckResult:
    """Run the visible checks of ``question`` on the variables in ``namespace``; stop at the first failure."""
    todo = checks[question]
    needed = list(dict.fromkeys(v for c in todo for v in c.needs))
    missing = tuple(v for v in needed if v not in namespace)
    if missing:
        return CheckResult(checks.exercise, question, False, 0, len(todo), missing=missing)
    for n, c in enumerate(todo):
        message: str = ""
        try:
            ok = c.func(**{v: namespace[v] for v in c.needs})
            passed = ok is None or ok is True or (ok is not False and bool(ok))
        except AssertionError as err:
            passed = False
            message = err.args[0] if err.args and isinstance(err.args[0], str) else str(err)
        except Exception as err:  # a wrong type often breaks a check: say so, with the hint
            passed = False
            message = msg("selfcheck.could_not_run", name=c.name, error=f"{type(err).__name__}: {err}")
        if not passed:
            return CheckResult(checks.exercise, question, False, n, len(todo),
                               message=message or msg("selfcheck.check_failed", name=c.name), hint=c.hint,
                               pista=c.pista)
    return CheckResult(checks.exercise, question, True, len(todo), len(todo))


class Checker:
    """``check("q1")``: run and print the visible checks of one question (see :func:`checker`)."""

    def __init__(self, exercise: str, lang: str | None = None) -> None:
        if lang not in (None, "both"):
            check_lang(lang)
        self.checks = load_checks(exercise)
        self.exercise = exercise
        self.lang = lang

    @property
    def questions(self) -> list[str]:
        return self.checks.questions

    def run(self, question: str, namespace: Mapping[str, Any] | None = None) -> CheckResult:
        """Run without printing; ``namespace`` defaults to the learner's variables."""
        if namespace is None:
            namespace = _learner_namespace(1)
        return run_checks(self.checks, question, namespace)

    def __call__(self, question: str, strict: bool = False,
                 namespace: Mapping[str, Any] | None = None) -> None:
        """Print ✓ or ✗ with a hint; with ``strict=True`` a failure raises ``AssertionError``."""
        if namespace is None:
            namespace = _learner_namespace(1)
        result = run_checks(self.checks, question, namespace)
        if result.passed or not strict:
            print(result.text(self.language()))
            return None
        raise AssertionError(result.text(self.language(strict=True)))

    def language(self, strict: bool = False) -> str:
        """The language of the messages: ``lang`` if given, else the one the learner chose (not in strict mode,
        whose message goes into every participant's feedback), else "both"."""
        if self.lang is not None:
            return self.lang
        return (None if strict else chosen_language()) or "both"

    def __repr__(self) -> str:
        return text("selfcheck.checker", exercise=self.exercise, questions=", ".join(self.questions))


def checker(exercise: str, lang: str | None = None) -> Checker:
    """The self-check function of ``exercise``: ``check = checker("ex00"); check("q1")``.

    ``lang`` chooses the language of the messages: "both", "en" or "es"; by default the language the learner
    chose (``setup_notebook(LANG)``, ``i18n.set_language`` or ``$NICHOS_LANG``), else "both".
    """
    return Checker(exercise, lang)
