"""The course machinery, the ``course`` command and the self-check speak the learner's language.

One setting (``$NICHOS_LANG``, or ``i18n.set_language`` / ``setup_notebook(LANG)`` in a notebook) turns the errors,
the command's output and the self-check into Spanish; without it they are English (the self-check: both).
Every ``text("part.key", ...)``/``msg("selfcheck.key", ...)`` of the package names a catalogue entry and fills
each of its fields, so a message cannot fail with a ``KeyError`` at the moment it is needed.
"""
from __future__ import annotations

import argparse
import ast
import math
import os
import string
import subprocess
import sys

import pandas as pd
import pytest

from course_tools import i18n
from course_tools.cli import build_parser, main
from course_tools.course import CourseInputError
from course_tools.course.checks import CheckMessage, msg
from course_tools.course.delivery import DeliveryError, nbgitpuller_link
from course_tools.course.record import RecordError, record
from course_tools.course.selfcheck import checker
from course_tools.errors import InputError, require_columns
from course_tools.i18n.catalogue import CATALOGUE
from course_tools.paths import CourseFolderNotFoundError, find_course_root
from tests.course.test_messages import PACKAGE, ROOT


@pytest.fixture
def no_language(monkeypatch):
    """No language chosen: English messages, and the self-check in every language."""
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.set_language(None)
    yield
    i18n.set_language(None)


def _ex00_answers() -> dict:
    trade = pd.DataFrame({"year": [2017, 2017], "country": ["CHL", "CHL"], "product": ["2603", "7403"],
                          "export_value": [3.0, 2.0]})
    return {"COUNTRY": "CHL", "trade_country": trade, "total_exports": 5.0, "top_product": "2603",
            "top_share": 0.6, "top_name": "Copper ores and concentrates"}


# --- errors -----------------------------------------------------------------------------------------

def test_course_errors_in_spanish(spanish, tmp_path):
    with pytest.raises(DeliveryError, match="debe ser una dirección web que empiece con https://"):
        nbgitpuller_link("hub.example.org", "https://github.com/ORG/nichos-participants")
    with pytest.raises(RecordError, match="JSON no admite infinitos"):
        record("growth", math.inf)
    with pytest.raises(RecordError, match=r"el valor de record\('growth'\)\[1\] es inf"):
        record("growth", [1.0, math.inf])
    with pytest.raises(CourseFolderNotFoundError, match="no se encuentra la carpeta del curso Nichos .*lessons/ y "
                                                        "datasets/"):
        find_course_root(env="", package_parent=tmp_path, start=tmp_path)


def test_the_shared_column_check_in_spanish(spanish):
    class TableError(InputError):
        pass

    with pytest.raises(TableError, match=r"^trade no tiene la\(s\) columna\(s\) \['rca'\]; sus columnas son "
                                         r"\['product'\]\. Indique los nombres correctos"):
        require_columns(pd.DataFrame({"product": ["0901"]}), ["product", "rca"], "trade", TableError, "rca='rca'")
    with pytest.raises(TableError, match="debe ser un DataFrame de pandas, no list"):
        require_columns([1], ["x"], "trade", TableError)


def test_the_same_errors_in_english_without_a_language(no_language):
    with pytest.raises(DeliveryError, match="must be a web address starting with https://"):
        nbgitpuller_link("hub.example.org", "https://github.com/ORG/nichos-participants")
    with pytest.raises(RecordError, match="JSON has no infinity"):
        record("growth", math.inf)


def test_input_errors_are_the_course_layers_and_keep_their_old_class(no_language):
    from course_tools.course.build import check_assignments
    from course_tools.course.record import read_records
    from course_tools.course.selfcheck import load_checks

    with pytest.raises(CourseInputError):
        check_assignments(["ex77"], ROOT)
    with pytest.raises(CourseInputError):
        load_checks("exercise0")
    with pytest.raises(TypeError) as err:
        read_records(42)
    assert isinstance(err.value, CourseInputError)
    with pytest.raises(KeyError) as err:
        checker("ex00")("q9", namespace={})
    assert isinstance(err.value, CourseInputError)


def test_the_language_error_says_it_in_every_language():
    """The one message not taken from the catalogue (``EXEMPT`` in test_messages): the language is the unknown."""
    with pytest.raises(i18n.UnknownLanguageError) as err:
        i18n.check_lang("pt")
    assert "use one of" in str(err.value) and "use uno de" in str(err.value)


# --- the course command -----------------------------------------------------------------------------

def test_the_command_prints_in_spanish(spanish, capsys):
    assert main(["editions", "check"]) == 0
    assert "la edición 'es' está al día con las lecciones en inglés" in capsys.readouterr().out
    assert main(["export", "lessons/no_such_lesson.ipynb"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("course export: ") and "no es un archivo de cuaderno (.ipynb)" in err


def test_the_help_in_spanish(spanish):
    parser = build_parser()
    shown = parser.format_help()
    assert "comandos:" in shown and "opciones:" in shown and "muestra esta ayuda y termina" in shown
    assert "Cada comando tiene --help" in shown
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in commands._choices_actions}
    assert helps["export"] == "exporta una lección a una sola página HTML autónoma que abre sin conexión"
    for name, said in helps.items():  # one line each, as `course --help` shows them
        assert said and "\n" not in said and len(said) <= 90, name
    assert "argumentos posicionales:" in commands.choices["export"].format_help()
    report = commands.choices["report"].format_help()
    assert "Ejecuta el informe de país (lección L12)" in report and "datasets/templates/LEEME.md" in report
    assert "sus datos de comercio: una versión de BACI del CEPII" in report and "sin barra de progreso" in report
    assert "L13" not in report
    grade = commands.choices["grade"].format_help()
    assert "Califica automáticamente cada submitted/<participante>/exNN/" in grade
    assert "calificadores en paralelo (por defecto 2)" in grade and "sin barra de progreso" in grade


def test_the_instructor_commands_speak_spanish(spanish, tmp_path, capsys):
    assert main(["grade", "ex00", "--course-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("course grade: ") and "no tiene nbgrader_config.py" in err


def test_the_participants_copy_still_needs_only_the_standard_library():
    """The hub set-up writes the participants' copy before any package is installed (deploy/tljh/setup_hub.sh)."""
    code = ("import sys; from course_tools.course.delivery import participant_copy, nbgitpuller_link; "
            "print(nbgitpuller_link('https://hub.example.org', 'https://github.com/ORG/p'))")
    env = {k: v for k, v in os.environ.items() if k != i18n.ENV_VAR}
    out = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**env, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("https://hub.example.org/hub/user-redirect/git-pull?repo=")


def test_the_command_prints_in_english_by_default(no_language, capsys):
    assert main(["editions", "check"]) == 0
    assert "the es edition is in step with the English lessons" in capsys.readouterr().out
    assert main(["link", "--hub", "hub.example.org", "--repo", "https://github.com/ORG/p"]) == 2
    assert "must be a web address" in capsys.readouterr().err


# --- the self-check ---------------------------------------------------------------------------------

def test_a_failed_check_says_what_is_wrong_in_both_languages_when_none_was_chosen(no_language, capsys):
    checker("ex00")("q1", namespace={**_ex00_answers(), "COUNTRY": "ARG"})
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "✗ q1: `trade_country` also has rows of ['CHL']"
    assert out[1] == "  `trade_country` también tiene filas de ['CHL']"
    assert out[2].startswith("  hint:  ") and out[3].startswith("  pista: ")


def test_a_failed_check_in_the_chosen_language(spanish, capsys):
    checker("ex00")("q3", namespace={**_ex00_answers(), "top_product": 2603})
    out = capsys.readouterr().out
    assert out.startswith("✗ q3: `top_product` es un int, no texto (str(...) lo convierte)\n  pista: ")
    assert "hint:" not in out and "is a" not in out
    checker("ex00")("q1", namespace=_ex00_answers())
    assert capsys.readouterr().out == "✓ q1: las 4 comprobaciones visibles están bien\n"
    checker("ex00", lang="en")("q1", namespace=_ex00_answers())  # a language given to checker() wins
    assert capsys.readouterr().out == "✓ q1: all 4 visible checks passed\n"


def test_the_fallback_messages_are_in_the_catalogue(spanish, capsys):
    checker("ex00")("q3", namespace={**_ex00_answers(), "trade_country": {"a": 1}})
    assert "✗ q3: la comprobación q3_top_product_is_exported_by_your_country no se pudo ejecutar (" in \
        capsys.readouterr().out
    from course_tools.course.checks import CheckSet
    from course_tools.course.selfcheck import run_checks

    checks = CheckSet("ex99")

    @checks.add("q1", hint="x must be 1", pista="x debe ser 1")
    def q1_x(x):
        return x == 1

    result = run_checks(checks, "q1", {"x": 2})
    assert result.text("both").splitlines()[:2] == ["✗ q1: q1_x failed", "  q1_x falló"]


def test_strict_checks_stay_in_every_language_for_the_feedback(spanish):
    """The autograder's ``check(..., strict=True)`` goes into every participant's feedback: both languages."""
    with pytest.raises(AssertionError) as err:
        checker("ex00")("q2", strict=True, namespace={**_ex00_answers(), "total_exports": math.nan})
    said = str(err.value)
    assert "`total_exports` is NaN" in said and "`total_exports` es NaN" in said
    assert "hint:" in said and "pista:" in said


def test_a_check_message_keeps_its_values_for_every_language(no_language):
    found = msg("selfcheck.ex07.rising_stars", n=3)
    said = msg("selfcheck.helpers.count_differs", name="n_rising_stars", value=2, found=found)
    assert isinstance(said, str) and isinstance(said, CheckMessage)
    assert said == "`n_rising_stars` = 2, but `matrix` has 3 rising stars"
    assert said.in_language("es") == "`n_rising_stars` = 2, pero `matrix` tiene 3 estrellas nacientes"


# --- every message key used in the code is in the catalogue, with its fields ---------------------------

def _fields(s: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(s) if f}


def _message_calls():
    """``(where, key, keyword names or None for **values)`` of every ``text("a.b", ...)`` and ``msg("a.b", ...)``."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "catalogue" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            key = node.args[0].value
            if name in ("text", "msg") and isinstance(key, str) and "." in key:
                names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
                yield f"{path.relative_to(ROOT)}:{node.lineno}", key, names


def test_every_message_key_is_in_the_catalogue_and_gets_its_fields():
    calls = list(_message_calls())
    assert len(calls) > 250
    problems = []
    for where, key, names in calls:
        if key not in CATALOGUE:
            problems.append(f"{where}: no text {key!r} in the catalogue")
        elif names is not None:
            need = set().union(*(_fields(s) for s in CATALOGUE[key].values() if "%{" not in s))
            if need - names:
                problems.append(f"{where}: {key} needs {sorted(need - names)}")
    assert not problems, "\n".join(problems)


def test_every_visible_check_message_reads_in_both_languages():
    """The ``selfcheck.*`` texts of the checks are translated and quote the same code (`variables`) in both."""
    for key, entry in CATALOGUE.items():
        if key.startswith(("selfcheck.helpers.", "selfcheck.ex")):
            en, es = entry["en"], entry["es"]
            assert en != es, f"{key}: not translated"
            assert en.count("`") == es.count("`"), f"{key}: the `code` quoted differs between en and es"
