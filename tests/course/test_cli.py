"""The `course` command and the two-command bootstrap (course.py)."""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_course(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course_tools.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env)


def test_course_help_lists_commands():
    out = run_course("--help")
    assert out.returncode == 0
    assert "build" in out.stdout and "data" in out.stdout


def _commands() -> dict[str, str]:
    """``{command: its one-line help}`` of every sub-command the ``course`` parser has."""
    from course_tools.cli import build_parser

    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {c.dest: c.help for c in action._choices_actions}


def test_course_help_lists_every_command_with_a_one_line_description():
    commands = _commands()
    assert {"build", "data", "release", "collect", "grade", "feedback", "grades", "dashboard", "link",
            "participant-copy", "export", "report"} <= set(commands)
    out = run_course("--help")
    assert out.returncode == 0, out.stderr
    shown = " ".join(out.stdout.split())
    for name, text in commands.items():
        assert text and "\n" not in text and len(text) <= 90, f"`course {name}` needs a one-line help"
        assert f"{name} {' '.join(text.split())}" in shown, f"`course --help` does not list `{name}`"


def test_course_help_works_outside_the_course_folder(tmp_path):
    # course_tools installed from a wheel (not editable), run from a folder that is not the course
    site = tmp_path / "site"
    shutil.copytree(ROOT / "course_tools", site / "course_tools", ignore=shutil.ignore_patterns("__pycache__"))
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NICHOS_ROOT", "NICHOS_COURSE_DIR")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, "-m", "course_tools.cli", "--help"], capture_output=True, text=True,
                         cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert "participant-copy" in out.stdout
    out = subprocess.run([sys.executable, "-m", "course_tools.cli", "grades"], capture_output=True, text=True,
                         cwd=tmp_path, env=env)
    assert out.returncode == 2 and "NICHOS_ROOT" in out.stderr and "Traceback" not in out.stderr


def test_data_verify_passes_on_shipped_data():
    out = run_course("data", "verify")
    assert out.returncode == 0, out.stderr
    assert "match their checksums" in out.stdout


def test_data_verify_names_a_tampered_file(tmp_path, monkeypatch):
    copy = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets" / "lac_country_groups", copy / "lac_country_groups")
    shutil.copy(ROOT / "datasets" / "MANIFEST.sha256", copy / "MANIFEST.sha256")
    target = copy / "lac_country_groups" / "lac_country_groups.csv"
    target.write_bytes(target.read_bytes().replace(b"PER", b"PRU", 1))
    import os

    env = dict(os.environ, NICHOS_DATASETS=str(copy))
    out = run_course("data", "verify", env=env)
    assert out.returncode == 1
    assert "lac_country_groups/lac_country_groups.csv" in out.stderr
    assert "checksum" in out.stderr


def _load_bootstrap():
    spec = importlib.util.spec_from_file_location("course_bootstrap", ROOT / "course.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bootstrap_help_and_unknown_command():
    ok = subprocess.run([sys.executable, str(ROOT / "course.py"), "help"], capture_output=True, text=True)
    assert ok.returncode == 0 and "python3 course.py lab" in ok.stdout
    bad = subprocess.run([sys.executable, str(ROOT / "course.py"), "nonsense"], capture_output=True, text=True)
    assert bad.returncode == 2


def test_bootstrap_reinstalls_when_pins_change(tmp_path, monkeypatch):
    boot = _load_bootstrap()
    (tmp_path / "requirements").mkdir()
    for f in ("requirements/lock.txt", "requirements/test.txt", "pyproject.toml"):
        shutil.copy(ROOT / f, tmp_path / f)
    monkeypatch.setattr(boot, "ROOT", tmp_path)
    monkeypatch.setattr(boot, "STAMP", tmp_path / "stamp")
    key = boot.install_key()
    assert key == boot.install_key()
    assert not boot.installed_already(key, with_tests=False)
    # an install for `test` (with the test tools) also serves `lab`; not the other way round
    boot.STAMP.write_text(json.dumps({"key": key, "tests": True}))
    assert boot.installed_already(key, with_tests=False)
    assert boot.installed_already(key, with_tests=True)
    boot.STAMP.write_text(json.dumps({"key": key, "tests": False}))
    assert boot.installed_already(key, with_tests=False)
    assert not boot.installed_already(key, with_tests=True)
    lock = tmp_path / "requirements" / "lock.txt"
    lock.write_text(lock.read_text().replace("pandas==", "pandas==0.0.0+", 1))
    assert boot.install_key() != key
    assert not boot.installed_already(boot.install_key(), with_tests=False)
