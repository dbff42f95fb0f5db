"""A participant chooses the language once, and everything that speaks follows it.

* On a laptop, ``python3 course.py lab`` makes the participant's language (``NICHOS_LANG``, else the system's)
  JupyterLab's default interface language, inside ``.venv`` only (the hub's per-user setting is tested in
  ``test_delivery.py``).
* The ``course`` command speaks ``--lang``, else ``NICHOS_LANG``, else the system's language; the commands whose
  output has a language (``report``, ``dashboard``, ``link``) take it when ``--lang`` is not given.
* papermill's progress bar over a lesson's cells is labelled in the run's language.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from course_tools import i18n
from course_tools.cli import build_parser, cli_language, main
from course_tools.course.runner import progress_bar
from tests.course.test_bootstrap import _load_bootstrap

SETTING = "@jupyterlab/translation-extension:plugin"
LOCALE_VARS = ("NICHOS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def boot(tmp_path, monkeypatch):
    """course.py with its .venv in tmp_path, and no language chosen in the environment."""
    mod = _load_bootstrap()
    venv = tmp_path / ".venv"
    monkeypatch.setattr(mod, "VENV", venv)
    monkeypatch.setattr(mod, "LAB_OVERRIDES", venv / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json")
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    return mod


@pytest.fixture
def no_locale(monkeypatch):
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    i18n.set_language(None)
    yield monkeypatch
    i18n.set_language(None)


# --- the laptop: course.py lab -----------------------------------------------------------------------

@pytest.mark.parametrize(("env", "locale"), [
    ({"NICHOS_LANG": "es"}, "es_ES"),
    ({"LANG": "es_PY.UTF-8"}, "es_ES"),                       # the system's language, without NICHOS_LANG
    ({"LANG": "es_MX.UTF-8", "NICHOS_LANG": "en"}, "en"),     # NICHOS_LANG first
    ({"LC_ALL": "es_CL.UTF-8", "LANG": "en_US.UTF-8"}, "es_ES"),  # LC_ALL before LANG (POSIX order)
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_course_py_writes_the_participants_language_as_jupyterlabs_default(boot, monkeypatch, env, locale):
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert boot.set_lab_language() == locale
    written = json.loads(boot.LAB_OVERRIDES.read_text(encoding="utf-8"))
    assert written == {SETTING: {"locale": locale}}
    assert boot.LAB_OVERRIDES.is_relative_to(boot.VENV)  # inside the course's .venv, never the home folder


def test_course_py_keeps_the_other_defaults_of_the_file(boot, monkeypatch):
    boot.LAB_OVERRIDES.parent.mkdir(parents=True)
    boot.LAB_OVERRIDES.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
                                              SETTING: {"stringsPrefix": "!", "locale": "en"}}))
    monkeypatch.setenv("NICHOS_LANG", "es")
    boot.set_lab_language()
    assert json.loads(boot.LAB_OVERRIDES.read_text()) == {
        "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
        SETTING: {"stringsPrefix": "!", "locale": "es_ES"}}
    boot.LAB_OVERRIDES.write_text("not json")  # a damaged file is written again
    monkeypatch.setenv("NICHOS_LANG", "en")
    assert boot.set_lab_language() == "en" and json.loads(boot.LAB_OVERRIDES.read_text()) == {SETTING: {"locale": "en"}}


def test_jupyterlab_reads_the_file_course_py_writes(boot, monkeypatch, tmp_path):
    """The file is where jupyterlab_server looks (<sys.prefix>/etc/jupyter/labconfig), and es_ES is a pinned pack."""
    from jupyter_core.paths import jupyter_config_path
    from jupyterlab_server.settings_utils import _get_overrides
    from jupyterlab_server.translation_utils import get_language_pack

    # course.py's LAB_OVERRIDES is <.venv>/etc/jupyter/labconfig/..., and a Python's <sys.prefix>/etc/jupyter is
    # on Jupyter's configuration path (the .venv's python runs JupyterLab with sys.prefix = .venv)
    assert str(Path(sys.prefix, "etc", "jupyter")) in jupyter_config_path()
    real = _load_bootstrap()
    assert real.LAB_OVERRIDES.relative_to(real.VENV).parts[:3] == ("etc", "jupyter", "labconfig")
    monkeypatch.setenv("NICHOS_LANG", "es")
    boot.set_lab_language()
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(boot.VENV / "etc" / "jupyter"))  # as that .venv's own path
    overrides, error = _get_overrides(str(tmp_path))
    assert not error and overrides[SETTING]["locale"] == "es_ES"
    pack, _ = get_language_pack("es_ES")
    assert pack.get("jupyterlab", {}).get("Settings") == ["Configuración"]  # the menu of the participant's guide


def test_course_py_lab_sets_the_language_before_starting_jupyterlab(boot, monkeypatch):
    calls = []
    monkeypatch.setattr(boot, "setup", lambda **kw: calls.append("setup"))
    monkeypatch.setattr(boot, "set_lab_language", lambda: calls.append("language") or "es_ES")
    monkeypatch.setattr(boot, "run_in_venv", lambda cmd: calls.append(cmd) or 0)
    monkeypatch.setenv("NICHOS_LANG", "es")
    assert boot.run_command("lab", []) == 0
    assert calls[:2] == ["setup", "language"]
    assert "--LabApp.default_url=/lab/tree/lessons/es/00_bienvenida.ipynb" in calls[2]


# --- the course command --------------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "env", "lang"), [
    ([], {}, "en"),
    ([], {"LANG": "es_AR.UTF-8"}, "es"),
    ([], {"LC_MESSAGES": "es_PY.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
    ([], {"LANG": "es_AR.UTF-8", "NICHOS_LANG": "en"}, "en"),
    ([], {"NICHOS_LANG": "es"}, "es"),
    (["report", "--country", "PER", "--lang", "en"], {"NICHOS_LANG": "es"}, "en"),
    (["report", "--country", "PER", "--lang=es"], {"LANG": "C"}, "es"),
    (["editions", "sync", "--lang", "pt"], {"NICHOS_LANG": "es"}, "es"),  # not a language of the course
    ([], {"LANG": "estonian-is-not-a-locale"}, "es"),  # any value starting with "es", as course.py reads it
    ([], {"LANG": "en_US.UTF-8", "NICHOS_LANG": "fr"}, "en"),
])
def test_the_command_language(argv, env, lang):
    assert cli_language(argv, env) == lang


def test_the_command_speaks_the_systems_spanish_without_nichos_lang(no_locale, capsys):
    no_locale.setenv("LANG", "es_PY.UTF-8")
    assert main(["editions", "check"]) == 0
    assert "la edición 'es' está al día con las lecciones en inglés" in capsys.readouterr().out
    assert i18n.chosen_language() is None  # put back after the command (main() also runs in notebooks)
    no_locale.setenv("NICHOS_LANG", "en")
    assert main(["editions", "check"]) == 0
    assert "the es edition is in step with the English lessons" in capsys.readouterr().out


def test_lang_on_the_command_line_wins(no_locale, capsys):
    no_locale.setenv("NICHOS_LANG", "es")
    assert main(["link", "--lang", "en", "--hub", "hub.example.org", "--repo", "https://github.com/ORG/p"]) == 2
    assert "must be a web address" in capsys.readouterr().err


def _opened(capsys) -> str:
    link = capsys.readouterr().out.strip()
    return parse_qs(urlsplit(link).query)["urlpath"][0]


def test_the_link_opens_the_welcome_lesson_of_the_participants_language(no_locale, capsys):
    hub = ["--hub", "https://hub.example.org", "--repo", "https://github.com/ORG/nichos-participants"]
    assert main(["link", *hub]) == 0
    assert _opened(capsys) == "lab/tree/nichos-participants/lessons/00_welcome.ipynb"
    assert main(["link", "--lang", "es", *hub]) == 0
    assert _opened(capsys) == "lab/tree/nichos-participants/lessons/es/00_bienvenida.ipynb"
    no_locale.setenv("NICHOS_LANG", "es")
    assert main(["link", *hub]) == 0
    assert _opened(capsys) == "lab/tree/nichos-participants/lessons/es/00_bienvenida.ipynb"
    assert main(["link", "--open", "lessons/05_revealed_comparative_advantage.ipynb", *hub]) == 0
    assert _opened(capsys) == "lab/tree/nichos-participants/lessons/05_revealed_comparative_advantage.ipynb"
    for lesson in ("lessons/00_welcome.ipynb", "lessons/es/00_bienvenida.ipynb"):
        assert (Path(__file__).parents[2] / lesson).is_file()


def test_report_and_dashboard_take_the_commands_language_without_lang(no_locale, monkeypatch, capsys):
    import course_tools.course.report as report

    seen = {}

    def fake_run_report(code, progress, **options):
        seen["lang"] = options["lang"]
        raise SystemExit(0)

    monkeypatch.setattr(report, "run_report", fake_run_report)
    no_locale.setenv("LANG", "es_PY.UTF-8")
    with pytest.raises(SystemExit):
        main(["report", "--country", "PRY", "--quiet"])
    assert seen["lang"] == "es"
    assert "Paraguay" in capsys.readouterr().out
    no_locale.setenv("NICHOS_LANG", "en")
    with pytest.raises(SystemExit):
        main(["report", "--country", "PRY", "--quiet"])
    assert seen["lang"] == "en"
    with pytest.raises(SystemExit):
        main(["report", "--country", "PRY", "--quiet", "--lang", "es"])
    assert seen["lang"] == "es"
    parser = build_parser()
    assert parser.parse_args(["dashboard"]).lang is None  # filled with the command's language when it runs


def test_the_help_says_where_the_default_language_comes_from(no_locale):
    no_locale.setenv("LANG", "es_PY.UTF-8")
    i18n.set_language(cli_language([]))
    report = build_parser()._subparsers._group_actions[0].choices["report"].format_help()
    assert "$NICHOS_LANG, si no, el idioma del sistema" in " ".join(report.split())


# --- the progress bar ------------------------------------------------------------------------------------

def test_the_progress_bar_is_labelled_in_the_runs_language(no_locale):
    assert progress_bar({"COUNTRY": "PRY", "LANG": "es"}) == {"desc": "Ejecutando", "unit": "celda"}
    assert progress_bar({"COUNTRY": "JAM", "LANG": "en"}) == {"desc": "Executing", "unit": "cell"}
    assert progress_bar({})["desc"] == "Executing"
    no_locale.setenv("NICHOS_LANG", "es")
    assert progress_bar({"COUNTRY": "PER"})["desc"] == "Ejecutando"  # no LANG parameter: the language in use
    assert progress_bar({"LANG": "pt"})["desc"] == "Ejecutando"


def test_papermill_shows_the_label(no_locale, tmp_path, capfd):
    """papermill 2.7 takes tqdm's keyword arguments as ``progress_bar``: the bar reads "Ejecutando"."""
    from course_tools.course.runner import run_notebook
    from tests.notebook_files import write_notebook

    path = write_notebook(tmp_path / "tiny.ipynb", "x = 1", parameters='LANG = "en"')
    run_notebook(path, {"LANG": "es"}, progress=True, timeout=60)
    err = capfd.readouterr().err
    assert "Ejecutando" in err and "celda" in err and "Executing" not in err, err[-300:]
