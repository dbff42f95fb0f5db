"""course.py never leaves a broken .venv and ends every failure with one sentence (offline tests).

The index is a local HTTP server (PEP 691 JSON and PEP 503 HTML pages with relative URLs, as an
index may give); the pip wheel comes from this Python's ensurepip bundle or, where there is none
(Debian's python3), from the pip installed in .venv.
"""
from __future__ import annotations

import functools
import hashlib
import http.server
import importlib.metadata
import importlib.util
import json
import shutil
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from course_tools.paths import ROOT


def _load_bootstrap():
    spec = importlib.util.spec_from_file_location("course_bootstrap_t", ROOT / "course.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def boot(tmp_path, monkeypatch):
    """course.py with its .venv in tmp_path."""
    mod = _load_bootstrap()
    venv = tmp_path / "course" / ".venv"
    venv.parent.mkdir()
    bin_ = venv / ("Scripts" if sys.platform == "win32" else "bin")
    for name, value in {"ROOT": venv.parent, "VENV": venv, "BIN": bin_,
                        "PY": bin_ / ("python.exe" if sys.platform == "win32" else "python"),
                        "STAMP": venv / ".nichos-installed", "PIP_LOG": venv / "nichos-pip.log",
                        "KERNEL": venv / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"}.items():
        monkeypatch.setattr(mod, name, value)
    monkeypatch.setenv("NICHOS_LANG", "en")  # the sentences below are checked in English; Spanish has its own tests
    return mod


@pytest.fixture
def pip_wheel(tmp_path) -> Path:
    """A pip wheel, offline: this Python's ensurepip bundle, else the pip installed here, zipped."""
    spec = importlib.util.find_spec("ensurepip")
    bundled = sorted((Path(spec.origin).parent / "_bundled").glob("pip-*-py3-none-any.whl")) if spec else []
    if bundled:
        return bundled[-1]
    dist = importlib.metadata.distribution("pip")  # Debian's python3 has no ensurepip: zip .venv's pip
    wheel = tmp_path / f"pip-{dist.version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for f in dist.files:
            if "__pycache__" not in f.parts and not str(f).startswith(".."):
                zf.write(dist.locate_file(f), str(f))
    return wheel


# ---------------------------------------------------------------------------------------------
# the participant's language
# ---------------------------------------------------------------------------------------------
def test_set_up_speaks_spanish_with_nichos_lang_es(boot, monkeypatch, capsys):
    monkeypatch.setenv("NICHOS_LANG", "es")
    with pytest.raises(boot.SetupError) as e:
        boot.check_python("lab", (3, 9, 2))
    said = str(e.value)
    assert "Nichos necesita Python 3.10 a 3.14 y este es Python 3.9.2: instale uno más reciente" in said
    assert "`python3 course.py lab`" in said or "`py course.py lab`" in said
    assert "\n" not in said
    offline = boot.explain_pip_failure("Failed to establish a new connection", "test")
    assert offline.startswith("pip no pudo descargar los paquetes") and "course.py test" in offline
    boot.VENV.mkdir()
    (boot.VENV / "pyvenv.cfg").write_text("home = /nowhere\n")
    boot.remove_venv(boot.tr("half_made"), "lab")  # a progress line
    assert capsys.readouterr().out == ("[nichos] .venv quedó a medio crear o su Python ya no funciona: "
                                       "se crea .venv de nuevo\n")
    assert not boot.VENV.exists()
    monkeypatch.setattr(boot, "check_python", lambda command: (_ for _ in ()).throw(KeyboardInterrupt))
    assert boot.main(["lab"]) == 130
    assert "[nichos] interrumpido: ejecute `" in capsys.readouterr().err


@pytest.mark.parametrize("env, lang", [
    ({"LANG": "es_PY.UTF-8"}, "es"),
    ({"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    ({"LC_ALL": "C.UTF-8", "LANG": "es_PY.UTF-8"}, "en"),  # LC_ALL wins, as for every program
    ({"NICHOS_LANG": "en", "LANG": "es_PY.UTF-8"}, "en"),  # NICHOS_LANG wins over the system
    ({"NICHOS_LANG": "es", "LANG": "en_US.UTF-8"}, "es"),
    ({"LANG": "pt_BR.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_language_follows_nichos_lang_then_the_system(boot, monkeypatch, env, lang):
    for var in ("NICHOS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert boot.language() == lang


def test_every_text_of_course_py_has_both_languages_with_the_same_fields(boot):
    import string

    def fields(text):
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)

    for key, (english, spanish) in boot.TEXTS.items():
        assert english and spanish and english != spanish, key
        assert fields(english) == fields(spanish), key
    assert {key for _, key in boot.PIP_FAILURES} <= set(boot.TEXTS)


# ---------------------------------------------------------------------------------------------
# one sentence for every failure
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("version, words", [((3, 9, 2), "Nichos needs Python 3.10 to 3.14 and this is Python 3.9.2"),
                                            ((3, 15, 0), "install Python 3.14")])
def test_a_python_outside_the_range_gets_one_sentence(boot, version, words):
    with pytest.raises(boot.SetupError) as e:
        boot.check_python("lab", version)
    text = str(e.value)
    assert words in text and "course.py lab" in text and "\n" not in text
    boot.check_python("lab", (3, 10, 0))
    boot.check_python("lab", (3, 14, 0))


def test_main_prints_the_sentence_not_a_traceback(boot, monkeypatch, capsys):
    monkeypatch.setattr(boot, "check_python", lambda command: (_ for _ in ()).throw(boot.SetupError("why: do this.")))
    assert boot.main(["lab"]) == 1
    err = capsys.readouterr().err
    assert err == "[nichos] why: do this.\n"


@pytest.mark.parametrize("log, words", [
    (("ERROR: Could not find a version that satisfies the requirement soupsieve==4.1.2 (from versions: 2.10)\n"
      "ERROR: No matching distribution found for soupsieve==4.1.2"), "pip found no file of soupsieve==4.1.2"),
    (("WARNING: Retrying ... NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection>: "
      "Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')"),
     "no connection to the package index"),
    ("OSError: [Errno 28] No space left on device", "the disk is full"),
    ("error: subprocess-exited-with-error\n  Failed building wheel for numpy", "pip tried to compile numpy"),
    ("something new", "full log is .venv/nichos-pip.log"),
])
def test_pip_failures_are_explained(boot, log, words):
    text = boot.explain_pip_failure(log, "test")
    assert words in text and "course.py test" in text and "\n" not in text


# ---------------------------------------------------------------------------------------------
# pip from an index, relative URLs, Requires-Python
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("spec, version, ok", [
    (None, (3, 11, 2), True), (">=3.9", (3, 11, 2), True), (">=3.11.5", (3, 11, 2), False),
    (">=3.7,!=3.11.*", (3, 11, 2), False), ("!=3.0.*,!=3.1.*,>=2.7", (3, 10, 0), True),
    ("<3.14,>=3.10", (3, 14, 0), False), ("~=3.10", (3, 12, 1), True), (">=3.10; odd", (3, 12, 1), False),
])
def test_requires_python_is_read_like_pip(boot, spec, version, ok):
    assert boot.requires_python_ok(spec, version) is ok


def test_the_newest_pip_this_python_can_run_is_chosen(boot):
    files = [{"filename": "pip-26.3-py3-none-any.whl", "requires-python": ">=3.12", "url": "a"},
             {"filename": "pip-26.2-py3-none-any.whl", "requires-python": ">=3.10", "url": "b", "yanked": "bad"},
             {"filename": "pip-26.1.2-py3-none-any.whl", "requires-python": ">=3.10", "url": "c"},
             {"filename": "pip-26.1.2.tar.gz", "requires-python": ">=3.10", "url": "d"},
             {"filename": "pip-9.0.3-py2.py3-none-any.whl", "requires-python": None, "url": "e"}]
    assert boot.choose_pip_wheel(files, (3, 11, 2))["url"] == "c"
    assert boot.choose_pip_wheel(files, (3, 12, 0))["url"] == "a"
    assert boot.choose_pip_wheel(files[:1], (3, 11, 2)) is None


@pytest.fixture
def index(tmp_path, pip_wheel):
    """A local simple index whose pip page links the wheel by a RELATIVE url (json and html)."""
    wheel = pip_wheel
    root = tmp_path / "index"
    (root / "simple" / "pip").mkdir(parents=True)
    (root / "packages" / "ab").mkdir(parents=True)
    shutil.copy(wheel, root / "packages" / "ab" / wheel.name)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    rel = f"../../packages/ab/{wheel.name}"
    (root / "simple" / "pip" / "index.json").write_text(json.dumps({"meta": {"api-version": "1.1"}, "files": [
        {"filename": wheel.name, "url": rel, "hashes": {"sha256": digest}, "requires-python": ">=3.7"}]}))
    (root / "simple" / "pip" / "index.html").write_text(
        f'<html><body><a href="{rel}#sha256={digest}" data-requires-python="&gt;=3.7">{wheel.name}</a></body></html>')

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.endswith("/pip/"):
                as_json = "json" in self.headers.get("Accept", "") and self.server.json_pages
                name = "index.json" if as_json else "index.html"
                body = (root / "simple" / "pip" / name).read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/vnd.pypi.simple.v1+json" if as_json else "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    server.json_pages = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_port}/simple/", wheel
    server.shutdown()


@pytest.mark.parametrize("json_pages", [True, False], ids=["pep691-json", "pep503-html"])
def test_pip_is_fetched_through_a_relative_url(boot, index, tmp_path, monkeypatch, json_pages):
    server, url, wheel = index
    server.json_pages = json_pages
    monkeypatch.setenv("PIP_INDEX_URL", url)
    got = boot.fetch_pip_wheel(tmp_path, "lab")
    assert got.name == wheel.name and got.read_bytes() == wheel.read_bytes()


def test_an_unreachable_index_is_one_sentence(boot, tmp_path, monkeypatch):
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple/")  # discard port: refused
    with pytest.raises(boot.SetupError) as e:
        boot.fetch_pip_wheel(tmp_path, "lab")
    assert "pip could not be downloaded" in str(e.value) and "course.py lab" in str(e.value)


# ---------------------------------------------------------------------------------------------
# a .venv without ensurepip, a half-made .venv, a .venv of another Python
# ---------------------------------------------------------------------------------------------
def test_without_ensurepip_a_venv_gets_pip_and_a_half_made_one_is_repaired(boot, monkeypatch, tmp_path, pip_wheel):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    shutil.copy(pip_wheel, wheels)
    monkeypatch.setattr(boot, "has_ensurepip", lambda: False)  # Debian's python3 without python3-venv
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))           # pip from a folder: no network here
    boot.ensure_venv("lab")
    assert boot.venv_python_version() == tuple(sys.version_info[:2]) and not boot.pip_works()
    boot.ensure_pip("lab")                                       # a later run repairs the missing pip
    assert boot.pip_works()
    # half-made: the interpreter is gone (an interrupted first run, a removed Python)
    boot.PY.unlink()
    boot.ensure_venv("lab")
    assert boot.venv_python_version() == tuple(sys.version_info[:2])


def test_a_venv_of_another_python_is_made_again(boot, monkeypatch):
    made = []
    monkeypatch.setattr(boot, "has_ensurepip", lambda: False)
    boot.VENV.mkdir()
    (boot.VENV / "pyvenv.cfg").write_text("home = /elsewhere\n")
    monkeypatch.setattr(boot, "venv_python_version", lambda: (3, 9) if not made else tuple(sys.version_info[:2]))
    monkeypatch.setattr(boot, "make_venv", lambda with_pip: made.append(with_pip) or "")
    boot.ensure_venv("lab")
    assert made == [False] and not (boot.VENV / "pyvenv.cfg").exists()


def test_a_foreign_venv_folder_is_not_deleted(boot):
    boot.VENV.mkdir()
    (boot.VENV / "my-notes.txt").write_text("not an environment")
    with pytest.raises(boot.SetupError, match="not a Python environment made by course.py"):
        boot.ensure_venv("lab")
    assert (boot.VENV / "my-notes.txt").exists()


def test_a_stamped_install_whose_packages_vanished_is_installed_again(boot, monkeypatch):
    boot.VENV.mkdir()
    calls = []
    monkeypatch.setattr(boot, "install_key", lambda: "k")
    boot.STAMP.write_text(json.dumps({"key": "k", "tests": True}))
    monkeypatch.setattr(boot, "missing_modules", lambda with_tests: ["nbgrader"] if not calls else [])
    monkeypatch.setattr(boot, "install_packages", lambda command, with_tests: calls.append("pip"))
    monkeypatch.setattr(boot, "register_kernel", lambda command: calls.append("kernel"))
    monkeypatch.setattr(boot, "ensure_nbgrader_extension", lambda command: calls.append("nbgrader"))
    boot.install(with_tests=False, command="lab")
    assert calls == ["pip", "kernel", "nbgrader"]
    assert json.loads(boot.STAMP.read_text()) == {"key": "k", "tests": False}


def test_course_py_reaches_its_version_check_on_old_pythons():
    """Python 3.6-3.9 must get the sentence, not a SyntaxError or a TypeError from an annotation."""
    import ast

    tree = ast.parse((ROOT / "course.py").read_text(encoding="utf-8"), feature_version=(3, 6))
    assert not any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in tree.body)
    for node in ast.walk(tree):
        annotations = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations = [a.annotation for a in (*node.args.args, *node.args.kwonlyargs) if a.annotation]
            annotations += [node.returns] if node.returns else []
        elif isinstance(node, ast.AnnAssign):
            annotations = [node.annotation]
        for ann in annotations:
            for part in ast.walk(ann):
                assert not isinstance(part, ast.BinOp), f"line {ann.lineno}: `X | Y` needs Python 3.10"
                if isinstance(part, ast.Subscript) and isinstance(part.value, ast.Name):
                    assert part.value.id not in ("list", "dict", "tuple", "set"), (
                        f"line {ann.lineno}: {part.value.id}[...] needs Python 3.9")
