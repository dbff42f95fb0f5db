#!/usr/bin/env python3
"""Set up the Nichos course and open it, or test it: the two commands of the README.

    python3 course.py lab     # set up .venv, then start JupyterLab on lessons/
    python3 course.py test    # set up .venv, then run the whole test suite
    python3 course.py setup   # only set up

It needs nothing but Python 3 (>= 3.10) and the standard library. Set-up is idempotent: it
creates ``.venv`` beside this file, installs the pinned packages of ``requirements/`` and
``course_tools`` (editable), registers the ``python3`` kernel inside ``.venv`` and checks that
the nbgrader extensions are enabled. A stamp file makes a second run skip what is already done.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".nichos-installed"
MIN_PYTHON = (3, 10)


def say(msg: str) -> None:
    print(f"[nichos] {msg}", flush=True)


def run(*cmd: object, **kw) -> None:
    cmd = [str(c) for c in cmd]
    say(" ".join(cmd))
    subprocess.run(cmd, check=True, cwd=kw.pop("cwd", ROOT), **kw)


def _bootstrap_pip_without_ensurepip() -> None:
    """Debian's python3 without python3-venv has no ensurepip: fetch the pip wheel from PyPI."""
    say("this Python has no ensurepip (Debian package python3-venv); fetching pip from PyPI")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as r:
        info = json.load(r)
    wheel = next(u for u in info["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as r:
            data = r.read()
        if hashlib.sha256(data).hexdigest() != wheel["digests"]["sha256"]:
            raise SystemExit("pip wheel checksum mismatch; try again")
        path.write_bytes(data)
        run(PY, f"{path}/pip", "install", "--no-index", str(path))


def create_venv() -> None:
    if PY.exists():
        return
    say(f"creating {VENV.relative_to(ROOT)} with Python {sys.version.split()[0]}")
    try:
        import ensurepip  # noqa: F401

        run(sys.executable, "-m", "venv", VENV)
    except ImportError:
        run(sys.executable, "-m", "venv", "--without-pip", VENV)
        _bootstrap_pip_without_ensurepip()


def install_key() -> str:
    """A fingerprint of what is pinned: a change in the lock or pyproject.toml reinstalls."""
    h = hashlib.sha256()
    for f in ("requirements/lock.txt", "requirements/test.txt", "pyproject.toml"):
        h.update((ROOT / f).read_bytes())
    h.update(f"{sys.version_info[:2]}".encode())
    return h.hexdigest()


def installed_already(key: str, with_tests: bool) -> bool:
    """True if .venv holds these pins (an install with the test tools also serves ``lab``)."""
    if not STAMP.exists():
        return False
    try:
        stamp = json.loads(STAMP.read_text())
    except ValueError:
        return False
    return stamp.get("key") == key and (stamp.get("tests") or not with_tests)


def install(with_tests: bool) -> None:
    key = install_key()
    if installed_already(key, with_tests):
        say("packages already installed (delete .venv to start again)")
        return
    pip = [PY, "-m", "pip", "install", "--disable-pip-version-check"]
    vi = subprocess.run([PY, "-c", "import sys; print(sys.version_info[1])"],
                        capture_output=True, text=True, check=True)
    if int(vi.stdout) >= 11:
        run(*pip, "-r", "requirements/test.txt" if with_tests else "requirements/lock.txt")
        run(*pip, "--no-deps", "-e", ".")
    else:
        say("Python 3.10: the exact lock needs 3.11+; installing from the ranges in pyproject.toml")
        run(*pip, "-e", ".[test]" if with_tests else ".")
    # The kernel every notebook names, inside .venv so an empty HOME works.
    run(PY, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
        "--display-name", "Python 3 (Nichos)")
    # nbgrader 0.9 ships its server and lab extensions enabled; say so if something disabled them.
    out = subprocess.run([BIN / "jupyter", "server", "extension", "list"],
                         capture_output=True, text=True, cwd=ROOT)
    if "nbgrader" not in (out.stdout + out.stderr):
        run(BIN / "jupyter", "server", "extension", "enable", "--sys-prefix", "nbgrader")
    STAMP.write_text(json.dumps({"key": key, "tests": with_tests}))


def setup(with_tests: bool = False) -> None:
    if sys.version_info < MIN_PYTHON:
        raise SystemExit(f"Nichos needs Python >= {'.'.join(map(str, MIN_PYTHON))}; "
                         f"this is {sys.version.split()[0]}")
    create_venv()
    install(with_tests)


def course_env() -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env.pop("PYTHONHOME", None)
    return env


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "help"
    rest = argv[1:]
    if what == "setup":
        setup(with_tests="--tests" in rest)
        return 0
    if what == "lab":
        setup()
        say("starting JupyterLab on lessons/ (stop it with Ctrl-C twice)")
        cmd = [BIN / "jupyter", "lab", f"--ServerApp.root_dir={ROOT}",
               "--LabApp.default_url=/lab/tree/lessons/00_welcome.ipynb", *rest]
        if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in rest:
            say("running as root (a container or CI): adding --allow-root")
            cmd.append("--allow-root")
        return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=course_env())
    if what == "test":
        setup(with_tests=True)
        cmd = [PY, "-m", "pytest", "-n", os.environ.get("NICHOS_TEST_WORKERS", "2"), "--dist", "loadgroup", *rest]
        say(" ".join(map(str, cmd)))
        return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=course_env())
    print(__doc__)
    return 0 if what in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
