#!/usr/bin/env python3
"""Set up the Nichos course and open it, or test it: the two commands of the README.

    python3 course.py lab     # set up .venv, then start JupyterLab on lessons/
    python3 course.py test    # set up .venv, then run the whole test suite
    python3 course.py setup   # only set up (--tests: with the test tools)

It needs nothing but Python 3.10 to 3.14 and its standard library. Set-up creates ``.venv`` beside
this file, installs the pinned packages (Python 3.11+: requirements/lock.txt, exactly; Python 3.10:
the version ranges of pyproject.toml) and ``course_tools`` (editable), registers the ``python3``
kernel inside ``.venv`` and checks that the nbgrader extensions are enabled.

Every step checks what the next one needs and repairs it: a ``.venv`` made by another Python or
left half-made is made again, a missing pip is fetched (Debian's python3 without python3-venv has
no ensurepip), packages that do not import are reinstalled, a missing kernel is registered again.
A stamp file makes a second run skip what is already done. Any failure ends with one sentence
saying what failed, why, and what to do, never a traceback.

Messages are in Spanish with NICHOS_LANG=es, or without NICHOS_LANG when the system's language
(LC_ALL, LC_MESSAGES or LANG) is Spanish; in English otherwise.

This file parses and runs up to the version check on Python 3.6 and later (no ``X | None`` or
``list[str]`` annotations), so that an old Python is told which Python to install.
"""
# ruff: noqa: UP006, UP035, UP045
import hashlib
import html.parser
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".nichos-installed"
PIP_LOG = VENV / "nichos-pip.log"
KERNEL = VENV / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
# JupyterLab's default interface language for this .venv: a labconfig file on the environment's Jupyter path
# (sys.prefix/etc/jupyter), read by jupyterlab_server; the participant's own choice (Settings > Language,
# saved in their home) still comes first.
LAB_OVERRIDES = VENV / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json"
LAB_TRANSLATION = "@jupyterlab/translation-extension:plugin"
LAB_LOCALES = {"en": "en", "es": "es_ES"}  # es_ES: the pinned language pack (jupyterlab-language-pack-es-ES)

# The Pythons the course supports (pyproject.toml's requires-python says the same; a test checks).
MIN_PYTHON = (3, 10)   # 3.10 installs from the version ranges of pyproject.toml
LOCK_PYTHON = (3, 11)  # from 3.11 on, the exact lock (pandas 3 and others need 3.11)
MAX_PYTHON = (3, 14)   # every pinned package has a wheel up to 3.14; 3.15 has not
INDEX = "https://pypi.org/simple/"
# what `lab` and `test` import: a .venv where one of these is missing is installed again
MODULES = ("course_tools", "jupyterlab", "nbgrader", "ipykernel", "pandas", "plotly", "ipywidgets", "setuptools")
TEST_MODULES = ("pytest", "xdist", "playwright", "ecomplexity")


# What course.py says, in English and Spanish. It runs before .venv exists, so it cannot use the course's
# catalogue (course_tools/i18n/catalogue/) and keeps its own texts here. Spanish: usted, as in the lessons.
TEXTS = {
    "span": ("{first} to {last}", "{first} a {last}"),
    "too_old": (
        "Nichos needs Python {span} and this is Python {here}: install a newer one (Windows and macOS: "
        "Python {newest} from https://www.python.org/downloads/; Linux: the python3 of Debian 12, "
        "Ubuntu 22.04 or later, or conda with environment.yml as README.md says) and run `{rerun}` with it.",
        "Nichos necesita Python {span} y este es Python {here}: instale uno más reciente (Windows y macOS: "
        "Python {newest} desde https://www.python.org/downloads/; Linux: el python3 de Debian 12, "
        "Ubuntu 22.04 o posterior, o conda con environment.yml como indica LEEME.md) y ejecute `{rerun}` con él."),
    "too_new": (
        "Nichos supports Python {span} and this is Python {here}, for which some pinned packages have no "
        "ready-made wheels yet: install Python {newest} (https://www.python.org/downloads/) and run "
        "`python{newest} course.py {command}` (Windows: `py -{newest} course.py {command}`).",
        "Nichos funciona con Python {span} y este es Python {here}, para el que algunos paquetes fijados aún no "
        "tienen wheels listos: instale Python {newest} (https://www.python.org/downloads/) y ejecute "
        "`python{newest} course.py {command}` (Windows: `py -{newest} course.py {command}`)."),
    "no_message": ("no message", "sin mensaje"),
    "not_a_venv": (
        "{venv} exists but is not a Python environment made by course.py: move it away (or delete it), "
        "then run `{rerun}` again.",
        "{venv} existe pero no es un entorno de Python creado por course.py: muévalo a otro lugar (o bórrelo) "
        "y luego ejecute `{rerun}` de nuevo."),
    "remaking": ("{why}: making .venv again", "{why}: se crea .venv de nuevo"),
    "another_user": ("another user", "otro usuario"),
    "not_yours": (
        ".venv was made by {owner} and you cannot change it: delete it (Linux: `sudo rm -rf {venv}`) or use "
        "your own copy of the course, then run `{rerun}` again.",
        ".venv fue creado por {owner} y usted no puede modificarlo: bórrelo (Linux: `sudo rm -rf {venv}`) o use "
        "su propia copia del curso, y luego ejecute `{rerun}` de nuevo."),
    "half_made": (".venv is half-made or its Python no longer runs",
                  ".venv quedó a medio crear o su Python ya no funciona"),
    "other_python": (".venv was made with Python {found}, and this is Python {here}",
                     ".venv se creó con Python {found} y este es Python {here}"),
    "read_only": (
        "the course folder {root} is read-only, so .venv cannot be made there: copy the course to a folder "
        "of yours and run `{rerun}` there.",
        "la carpeta del curso {root} es de solo lectura, así que no se puede crear .venv en ella: copie el curso "
        "a una carpeta suya y ejecute `{rerun}` allí."),
    "creating": ("creating .venv with Python {version} ({exe})", "creando .venv con Python {version} ({exe})"),
    "no_ensurepip": ("ensurepip is missing", "falta ensurepip"),
    "no_pip": ("no pip from this Python ({problem}; Debian: package python3-venv): pip will be fetched instead",
               "este Python no trae pip ({problem}; Debian: paquete python3-venv): se descargará pip"),
    "venv_failed": (
        "Python could not create .venv ({problem}): on Debian or Ubuntu install the package python3-venv "
        "(`sudo apt install python3-venv`), then run `{rerun}` again.",
        "Python no pudo crear .venv ({problem}): en Debian o Ubuntu instale el paquete python3-venv "
        "(`sudo apt install python3-venv`) y luego ejecute `{rerun}` de nuevo."),
    "fetching_pip": ("fetching pip from {index}", "descargando pip desde {index}"),
    "no_pip_wheel": (
        "{index} has no pip wheel for Python {version}: install Debian's python3-venv "
        "(`sudo apt install python3-venv`) and run `{rerun}` again.",
        "{index} no tiene un wheel de pip para Python {version}: instale python3-venv de Debian "
        "(`sudo apt install python3-venv`) y ejecute `{rerun}` de nuevo."),
    "certificate": (
        "the secure connection to {index} could not be verified ({reason}): install the package ca-certificates "
        "(`sudo apt install ca-certificates`) or, on a network that inspects HTTPS, add its certificate to the "
        "system (ask its administrators), then run `{rerun}` again.",
        "no se pudo verificar la conexión segura con {index} ({reason}): instale el paquete ca-certificates "
        "(`sudo apt install ca-certificates`) o, en una red que inspecciona HTTPS, agregue su certificado al "
        "sistema (pídalo a quienes administran la red) y luego ejecute `{rerun}` de nuevo."),
    "pip_download": (
        "pip could not be downloaded from {index} ({reason}): check the internet connection (behind a proxy, "
        "set HTTPS_PROXY) or install Debian's python3-venv (`sudo apt install python3-venv`), then run "
        "`{rerun}` again.",
        "no se pudo descargar pip desde {index} ({reason}): revise la conexión a internet (detrás de un proxy, "
        "defina HTTPS_PROXY) o instale python3-venv de Debian (`sudo apt install python3-venv`) y luego "
        "ejecute `{rerun}` de nuevo."),
    "checksum": (
        "the pip wheel downloaded from {url} does not match its checksum (a proxy or a broken download): "
        "run `{rerun}` again.",
        "el wheel de pip descargado de {url} no coincide con su suma de verificación (un proxy o una descarga "
        "dañada): ejecute `{rerun}` de nuevo."),
    "installing_pip": (".venv has no pip yet: installing it", ".venv aún no tiene pip: se instala"),
    "pip_not_installed": (
        "pip could not be installed in .venv ({last}): delete .venv and run `{rerun}` again.",
        "no se pudo instalar pip en .venv ({last}): borre .venv y ejecute `{rerun}` de nuevo."),
    "a_package": ("a package", "un paquete"),
    "pip_disk_full": ("the disk is full: free about 3 GB, then run `{rerun}` again",
                      "el disco está lleno: libere unos 3 GB y luego ejecute `{rerun}` de nuevo"),
    "pip_offline": (
        "pip could not download the packages (no connection to the package index): connect to the internet "
        "(behind a proxy, set HTTPS_PROXY) or install from wheels prepared on another machine "
        "(docs/offline_laptop.md), then run `{rerun}` again; what was downloaded is kept",
        "pip no pudo descargar los paquetes (no hay conexión con el índice de paquetes): conéctese a internet "
        "(detrás de un proxy, defina HTTPS_PROXY) o instale desde wheels preparados en otra máquina "
        "(docs/offline_laptop.md) y luego ejecute `{rerun}` de nuevo; lo ya descargado se conserva"),
    "pip_no_file": (
        "pip found no file of {what} for Python {python}: use Python {first} to {newest} on Linux "
        "(x86_64, aarch64), macOS or Windows x64 (see \"Supported systems\" in README.md), then run "
        "`{rerun}` again",
        "pip no encontró ningún archivo de {what} para Python {python}: use Python {first} a {newest} en Linux "
        "(x86_64, aarch64), macOS o Windows x64 (véase \"Sistemas compatibles\" en LEEME.md) y luego ejecute "
        "`{rerun}` de nuevo"),
    "pip_compile": (
        "pip tried to compile {what}, which failed: nothing needs compiling on the supported systems, so "
        "use Python {first} to {newest} (see \"Supported systems\" in README.md), then run `{rerun}` again",
        "pip intentó compilar {what} y falló: en los sistemas compatibles no hace falta compilar nada, así que "
        "use Python {first} a {newest} (véase \"Sistemas compatibles\" en LEEME.md) y luego ejecute `{rerun}` "
        "de nuevo"),
    "pip_permission": (
        "pip could not write into .venv (permission denied): delete .venv, then run `{rerun}` again as "
        "the user who will use the course",
        "pip no pudo escribir en .venv (permiso denegado): borre .venv y luego ejecute `{rerun}` de nuevo con "
        "el usuario que usará el curso"),
    "pip_failed": (
        "pip failed (its messages are above; the full log is .venv/{log}): run `{rerun}` again, and if it "
        "fails the same way, delete .venv and run it once more",
        "pip falló (sus mensajes están arriba; el registro completo está en .venv/{log}): ejecute `{rerun}` de "
        "nuevo y, si falla de la misma manera, borre .venv y ejecútelo una vez más"),
    "no_pin": ("requirements/lock.txt does not pin {name}: restore the file from the course repository",
               "requirements/lock.txt no fija la versión de {name}: restaure el archivo desde el repositorio del "
               "curso"),
    "no_lock": (
        "Python {here}: the exact lock needs {lock}+; installing the newest versions the ranges in "
        "pyproject.toml allow",
        "Python {here}: las versiones exactas de requirements/lock.txt requieren {lock}+; se instalan las "
        "versiones más recientes que permiten los rangos de pyproject.toml"),
    "registering": ("registering the python3 kernel in .venv", "registrando el kernel python3 en .venv"),
    "no_kernel": (
        "the python3 kernel could not be registered in .venv ({last}): delete .venv and run `{rerun}` again.",
        "no se pudo registrar el kernel python3 en .venv ({last}): borre .venv y ejecute `{rerun}` de nuevo."),
    "enabling": ("enabling the nbgrader {kind} extension", "activando la extensión {kind} de nbgrader"),
    "no_extension": (
        "the nbgrader {kind} extension could not be enabled in .venv: delete .venv and run `{rerun}` again.",
        "no se pudo activar la extensión {kind} de nbgrader en .venv: borre .venv y ejecute `{rerun}` de "
        "nuevo."),
    "installed": ("packages already installed (delete .venv to start again)",
                  "paquetes ya instalados (borre .venv para empezar de nuevo)"),
    "reinstall": (".venv was installed, but {missing} cannot be found there: installing again",
                  ".venv ya estaba instalado, pero {missing} no se encuentra allí: se instala de nuevo"),
    "not_importable": (
        "pip finished, but {missing} cannot be imported from .venv: delete .venv and run `{rerun}` again.",
        "pip terminó, pero {missing} no se puede importar desde .venv: borre .venv y ejecute `{rerun}` de "
        "nuevo."),
    "starting_lab": ("starting JupyterLab on lessons/ (stop it with Ctrl-C twice)",
                     "iniciando JupyterLab en lessons/ (deténgalo con Ctrl-C dos veces)"),
    "as_root": ("running as root (a container or CI): adding --allow-root",
                "ejecución como root (un contenedor o CI): se agrega --allow-root"),
    "lab_language": ("JupyterLab in English (another language: menu Settings > Language)",
                     "JupyterLab en español (otro idioma: menú Configuración > Idioma)"),
    "lab_stopped": ("JupyterLab stopped", "JupyterLab se detuvo"),
    "interrupted": ("interrupted: run `{rerun}` again to finish",
                    "interrumpido: ejecute `{rerun}` de nuevo para terminar"),
    "usage": (
        __doc__,
        "Instala el curso Nichos y lo abre, o lo prueba: los dos comandos de LEEME.md.\n\n"
        "    python3 course.py lab     # instala .venv y luego abre JupyterLab en lessons/\n"
        "    python3 course.py test    # instala .venv y luego ejecuta todas las pruebas\n"
        "    python3 course.py setup   # solo instala (--tests: con las herramientas de prueba)\n\n"
        "Solo necesita Python 3.10 a 3.14 y su biblioteca estándar. Cada falla termina con una sola oración\n"
        "que dice qué falló, por qué y qué hacer, nunca con un traceback.\n\n"
        "Los mensajes salen en español con NICHOS_LANG=es, o sin NICHOS_LANG cuando el idioma del sistema\n"
        "(LC_ALL, LC_MESSAGES o LANG) es español; con NICHOS_LANG=en, en inglés.\n"),
}


def language() -> str:
    """``es`` when NICHOS_LANG says so, or, without NICHOS_LANG, when the system's language is Spanish; else ``en``."""
    chosen = os.environ.get("NICHOS_LANG", "").strip().lower()
    if not chosen:  # the POSIX order: LC_ALL, then LC_MESSAGES, then LANG
        chosen = next((os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), "")
    return "es" if chosen.strip().lower().startswith("es") else "en"


def tr(key: str, **fields: object) -> str:
    """The text ``key`` of :data:`TEXTS` in the participant's language, its ``{fields}`` filled."""
    english, spanish = TEXTS[key]
    return (spanish if language() == "es" else english).format(**fields)


class SetupError(Exception):
    """A set-up step failed; the message is one sentence for the participant."""


def say(msg: str) -> None:
    print(f"[nichos] {msg}", flush=True)


def rerun(command: str) -> str:
    """How the participant runs this command again, on this system."""
    return f"{'py' if os.name == 'nt' else 'python3'} course.py {command}"


def version_text(v: tuple) -> str:
    return ".".join(map(str, v))


def check_python(command: str, version: Optional[tuple] = None) -> None:
    """Stop with one sentence when this Python is outside the supported range."""
    version = tuple(version or sys.version_info[:3])
    here = version_text(version)
    span = tr("span", first=version_text(MIN_PYTHON), last=version_text(MAX_PYTHON))
    newest = version_text(MAX_PYTHON)
    if version[:2] < MIN_PYTHON:
        raise SetupError(tr("too_old", span=span, here=here, newest=newest, rerun=rerun(command)))
    if version[:2] > MAX_PYTHON:
        raise SetupError(tr("too_new", span=span, here=here, newest=newest, command=command))


# ------------------------------------------------------------------------------------------------
# 1. the virtual environment
# ------------------------------------------------------------------------------------------------
def venv_python_version() -> Optional[tuple]:
    """(major, minor) of .venv's Python, or None when it does not run."""
    if not PY.exists():
        return None
    try:
        out = subprocess.run([str(PY), "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    major, minor = out.stdout.split()
    return int(major), int(minor)


def has_ensurepip() -> bool:
    import importlib.util

    return importlib.util.find_spec("ensurepip") is not None


def remove_venv(why: str, command: str) -> None:
    if not (VENV / "pyvenv.cfg").exists() and any(VENV.iterdir()):
        raise SetupError(tr("not_a_venv", venv=VENV, rerun=rerun(command)))
    say(tr("remaking", why=why))
    shutil.rmtree(VENV)


def make_venv(with_pip: bool) -> str:
    """Run ``python -m venv``; return its last message line ("" when .venv works)."""
    args = [sys.executable, "-m", "venv", *([] if with_pip else ["--without-pip"]), str(VENV)]
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    if out.returncode == 0 and venv_python_version() is not None:
        return ""
    if VENV.exists():
        shutil.rmtree(VENV, ignore_errors=True)
    return ((out.stderr or out.stdout).strip().splitlines() or [tr("no_message")])[-1]


def ensure_venv(command: str) -> None:
    if VENV.exists():
        if not os.access(VENV, os.W_OK):
            owner = VENV.owner() if os.name != "nt" else tr("another_user")
            raise SetupError(tr("not_yours", owner=owner, venv=VENV, rerun=rerun(command)))
        found = venv_python_version()
        if found is None:
            remove_venv(tr("half_made"), command)
        elif found != tuple(sys.version_info[:2]):
            remove_venv(tr("other_python", found=version_text(found), here=version_text(sys.version_info[:2])),
                        command)
        else:
            return
    if not os.access(ROOT, os.W_OK):
        raise SetupError(tr("read_only", root=ROOT, rerun=rerun(command)))
    say(tr("creating", version=sys.version.split()[0], exe=sys.executable))
    problem = tr("no_ensurepip")
    if has_ensurepip():
        problem = make_venv(with_pip=True)
    if problem:
        say(tr("no_pip", problem=problem))
        problem = make_venv(with_pip=False)
    if problem:
        raise SetupError(tr("venv_failed", problem=problem, rerun=rerun(command)))


# ------------------------------------------------------------------------------------------------
# 2. pip inside .venv
# ------------------------------------------------------------------------------------------------
def pip_works() -> bool:
    out = subprocess.run([str(PY), "-m", "pip", "--version"], capture_output=True, text=True, check=False)
    return out.returncode == 0


def requires_python_ok(spec: Optional[str], version: tuple) -> bool:
    """A small reading of a Requires-Python specifier (``>=3.9``, ``!=3.0.*``, ...) for ``version``.

    course.py runs before any package is installed, so it cannot use ``packaging``; a clause it does
    not understand rejects the file (a newer pip file is then chosen, or none and it says so).
    """
    if not spec:
        return True
    have = list(version)
    for clause in spec.split(","):
        m = re.fullmatch(r"\s*(~=|==|!=|>=|<=|>|<)\s*([0-9]+(?:\.[0-9]+)*)(\.\*)?\s*", clause)
        if not m:
            return False
        op, num, star = m[1], [int(x) for x in m[2].split(".")], m[3]
        if star:
            eq = have[: len(num)] == num
            if (op == "==" and not eq) or (op == "!=" and eq) or op not in ("==", "!="):
                return False
            continue
        mine = (have + [0] * len(num))[: max(len(num), len(have))]
        want = num + [0] * (len(mine) - len(num))
        ok = {">=": mine >= want, "<=": mine <= want, ">": mine > want, "<": mine < want,
              "==": mine == want, "!=": mine != want,
              "~=": mine >= want and mine[: len(num) - 1] == num[:-1]}[op]
        if not ok:
            return False
    return True


class _Links(html.parser.HTMLParser):
    """The <a> elements of a PEP 503 simple-index page."""

    def __init__(self) -> None:
        super().__init__()
        self.files: List[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            a = dict(attrs)
            self.files.append({"url": a.get("href", ""), "requires-python": a.get("data-requires-python"),
                               "yanked": "data-yanked" in a, "filename": None})

    def handle_data(self, data: str) -> None:
        if self.files and self.files[-1]["filename"] is None:
            self.files[-1]["filename"] = data.strip()


def pip_wheel_files(index: str) -> Tuple[str, List[dict]]:
    """The files of the ``pip`` project on a simple index (PEP 691 JSON, else PEP 503 HTML)."""
    page_url = urllib.parse.urljoin(index.rstrip("/") + "/", "pip/")
    req = urllib.request.Request(page_url, headers={
        "Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1"})
    with urllib.request.urlopen(req, timeout=60) as r:
        body, ctype, page_url = r.read(), r.headers.get("Content-Type", ""), r.geturl()
    if "json" in ctype:
        return page_url, json.loads(body)["files"]
    parser = _Links()
    parser.feed(body.decode("utf-8", "replace"))
    for f in parser.files:
        url, _, frag = f["url"].partition("#")
        f["url"] = url
        if frag.startswith("sha256="):
            f["hashes"] = {"sha256": frag[len("sha256="):]}
    return page_url, parser.files


def choose_pip_wheel(files: List[dict], version: tuple) -> Optional[dict]:
    """The newest released, not yanked, pure-Python pip wheel whose Requires-Python admits ``version``."""
    best, best_key = None, None
    for f in files:
        m = re.fullmatch(r"pip-([0-9]+(?:\.[0-9]+)*)-py3-none-any\.whl", f.get("filename") or "")
        if not m or f.get("yanked") or not requires_python_ok(f.get("requires-python"), version):
            continue
        key = tuple(int(x) for x in m[1].split("."))
        if best_key is None or key > best_key:
            best, best_key = f, key
    return best


def local_pip_wheel() -> Optional[Path]:
    """A pip wheel in PIP_FIND_LINKS folders (the offline install of docs/offline_laptop.md)."""
    for folder in os.environ.get("PIP_FIND_LINKS", "").split():
        found = sorted(Path(folder).glob("pip-*-py3-none-any.whl")) if Path(folder).is_dir() else []
        if found:
            return found[-1]
    return None


def fetch_pip_wheel(tmp: Path, command: str) -> Path:
    index = os.environ.get("PIP_INDEX_URL") or INDEX
    say(tr("fetching_pip", index=index))
    try:
        page_url, files = pip_wheel_files(index)
        chosen = choose_pip_wheel(files, tuple(sys.version_info[:3]))
        if chosen is None:
            raise SetupError(tr("no_pip_wheel", index=index, version=sys.version.split()[0],
                                rerun=rerun(command)))
        url = urllib.parse.urljoin(page_url, chosen["url"])  # an index may give relative URLs
        with urllib.request.urlopen(url, timeout=300) as r:
            data = r.read()
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        if "CERTIFICATE" in str(reason).upper():
            raise SetupError(tr("certificate", index=index, reason=reason, rerun=rerun(command))) from None
        raise SetupError(tr("pip_download", index=index, reason=reason, rerun=rerun(command))) from None
    digest = (chosen.get("hashes") or {}).get("sha256")
    if digest and hashlib.sha256(data).hexdigest() != digest:
        raise SetupError(tr("checksum", url=url, rerun=rerun(command)))
    path = tmp / chosen["filename"]
    path.write_bytes(data)
    return path


def ensure_pip(command: str) -> None:
    if pip_works():
        return
    say(tr("installing_pip"))
    if has_ensurepip():
        subprocess.run([str(PY), "-m", "ensurepip", "--upgrade", "--default-pip"],
                       capture_output=True, text=True, check=False)
    if not pip_works():
        with tempfile.TemporaryDirectory() as tmp:
            wheel = local_pip_wheel() or fetch_pip_wheel(Path(tmp), command)
            out = subprocess.run([str(PY), f"{wheel}/pip", "install", "--no-index", "--no-deps",
                                  "--disable-pip-version-check", "--quiet", str(wheel)],
                                 capture_output=True, text=True, check=False)
        if out.returncode != 0 or not pip_works():
            last = (out.stderr or out.stdout).strip().splitlines()[-1:] or [tr("no_message")]
            raise SetupError(tr("pip_not_installed", last=last[0], rerun=rerun(command)))


# ------------------------------------------------------------------------------------------------
# 3. the packages, the kernel, the nbgrader extensions
# ------------------------------------------------------------------------------------------------
def install_key() -> str:
    """A fingerprint of what is pinned: a change in the lock or pyproject.toml reinstalls."""
    h = hashlib.sha256()
    for f in ("requirements/lock.txt", "requirements/test.txt", "pyproject.toml"):
        h.update((ROOT / f).read_bytes())
    h.update(f"{sys.version_info[:2]}".encode())
    return h.hexdigest()


def installed_already(key: str, with_tests: bool) -> bool:
    """True if the stamp says .venv holds these pins (an install with the test tools also serves ``lab``)."""
    if not STAMP.exists():
        return False
    try:
        stamp = json.loads(STAMP.read_text())
    except ValueError:
        return False
    return stamp.get("key") == key and bool(stamp.get("tests") or not with_tests)


def missing_modules(with_tests: bool) -> List[str]:
    """The modules ``lab`` (and ``test``) need that .venv's Python cannot find."""
    names = MODULES + (TEST_MODULES if with_tests else ())
    code = ("import importlib.util, sys; "
            "print(' '.join(n for n in sys.argv[1:] if importlib.util.find_spec(n) is None))")
    out = subprocess.run([str(PY), "-c", code, *names], capture_output=True, text=True, cwd=ROOT, check=False)
    if out.returncode != 0:
        return list(names)
    return out.stdout.split()


def kernel_ok() -> bool:
    try:
        argv0 = json.loads(KERNEL.read_text())["argv"][0]
    except (OSError, ValueError, KeyError, IndexError):
        return False
    return Path(argv0).exists()


# What pip's log says -> the sentence the participant reads (a key of TEXTS; the first match wins); {what}
# is the package the log names, if it names one.
PIP_FAILURES = [
    (r"No space left on device", "pip_disk_full"),
    ((r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution"
      r"|Name or service not known|getaddrinfo failed|Network is unreachable|No route to host"
      r"|ConnectTimeoutError|ReadTimeoutError|ProxyError|Connection refused|SSLError"
      r"|CERTIFICATE_VERIFY_FAILED|Connection reset|IncompleteRead|NameResolutionError|Failed to resolve"),
     "pip_offline"),
    (r"No matching distribution found for (\S+)|Could not find a version that satisfies the requirement (\S+)",
     "pip_no_file"),
    (r"Failed building wheel for (\S+)|Failed to build (\S+)", "pip_compile"),
    (r"subprocess-exited-with-error|Microsoft Visual C\+\+", "pip_compile"),
    (r"Permission denied|Access is denied", "pip_permission"),
]


def explain_pip_failure(log: str, command: str) -> str:
    """One sentence for a failed pip run, from the end of its log."""
    tail = log[-30000:]
    for pattern, key in PIP_FAILURES:
        m = re.search(pattern, tail)
        if m:
            what = next((g for g in m.groups() if g), None) or tr("a_package")
            here = f"{sys.version.split()[0]} ({platform.system()} {platform.machine()})"
            return tr(key, rerun=rerun(command), python=here, what=what,
                      first=version_text(MIN_PYTHON), newest=version_text(MAX_PYTHON))
    return tr("pip_failed", log=PIP_LOG.name, rerun=rerun(command))


def pip_install(command: str, *args: str) -> None:
    PIP_LOG.unlink(missing_ok=True)
    cmd = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "--log", str(PIP_LOG), *args]
    say(" ".join(cmd[2:]).replace(str(PIP_LOG), PIP_LOG.name))
    code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
    if code != 0:
        log = PIP_LOG.read_text(errors="replace") if PIP_LOG.exists() else ""
        raise SetupError(explain_pip_failure(log, command))


def lock_pin(name: str) -> str:
    """``name==version`` of one package in requirements/lock.txt."""
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        if line.lower().startswith(f"{name}=="):
            return line.split(";")[0].strip()
    raise SetupError(tr("no_pin", name=name))


def install_packages(command: str, with_tests: bool) -> None:
    binary = "--only-binary=:all:"  # wheels only: nothing to compile on any supported system
    if sys.version_info[:2] >= LOCK_PYTHON:
        pip_install(command, binary, "-r", "requirements/test.txt" if with_tests else "requirements/lock.txt")
        # course_tools, editable, built by the pinned setuptools of .venv (nothing downloaded)
        pip_install(command, "--no-deps", "--no-build-isolation", "-e", ".")
    else:
        say(tr("no_lock", here=version_text(sys.version_info[:2]), lock=version_text(LOCK_PYTHON)))
        pip_install(command, binary, lock_pin("setuptools"))  # builds course_tools, as on 3.11+
        pip_install(command, binary, "--no-build-isolation", "-e", ".[test]" if with_tests else ".")


def register_kernel(command: str) -> None:
    """The kernel every notebook names, inside .venv so that an empty HOME works."""
    say(tr("registering"))
    out = subprocess.run([str(PY), "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
                          "--display-name", "Python 3 (Nichos)"], capture_output=True, text=True, cwd=ROOT, check=False)
    if out.returncode != 0 or not kernel_ok():
        last = (out.stderr or out.stdout).strip().splitlines()[-1:] or [tr("no_message")]
        raise SetupError(tr("no_kernel", last=last[0], rerun=rerun(command)))


def ensure_nbgrader_extension(command: str) -> None:
    """nbgrader 0.9 ships its server and lab extensions enabled; enable them if something disabled them."""
    jupyter = str(BIN / ("jupyter.exe" if os.name == "nt" else "jupyter"))
    checks = [  # (what, how to list, enabled when the listing matches, how to enable)
        ("server", ["server", "extension", "list"], r"nbgrader\.server_extensions\.\w+\s+enabled",
         ["server", "extension", "enable", "--sys-prefix", "nbgrader"]),
        ("lab", ["labextension", "list"], r"@jupyter/nbgrader\s+v\S+\s+enabled",
         ["labextension", "enable", "--level=sys_prefix", "@jupyter/nbgrader"]),
    ]
    for kind, listing, enabled, enable in checks:
        out = subprocess.run([jupyter, *listing], capture_output=True, text=True, cwd=ROOT, env=course_env(),
                             check=False)
        listed = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)  # without the colours
        if re.search(enabled, listed):
            continue
        say(tr("enabling", kind=kind))
        done = subprocess.run(
            [jupyter, *enable], capture_output=True, text=True, cwd=ROOT, env=course_env(), check=False
        )
        if done.returncode != 0:
            raise SetupError(tr("no_extension", kind=kind, rerun=rerun(command)))


def install(with_tests: bool, command: str = "setup") -> None:
    key = install_key()
    if installed_already(key, with_tests):
        missing = missing_modules(with_tests)
        if not missing:
            if not kernel_ok():
                register_kernel(command)
            say(tr("installed"))
            return
        say(tr("reinstall", missing=", ".join(missing)))
    STAMP.unlink(missing_ok=True)
    install_packages(command, with_tests)
    missing = missing_modules(with_tests)
    if missing:
        raise SetupError(tr("not_importable", missing=", ".join(missing), rerun=rerun(command)))
    register_kernel(command)
    ensure_nbgrader_extension(command)
    STAMP.write_text(json.dumps({"key": key, "tests": with_tests}))


def setup(with_tests: bool = False, command: str = "setup") -> None:
    check_python(command)
    ensure_venv(command)
    ensure_pip(command)
    install(with_tests, command)


def course_env() -> Dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env.pop("PYTHONHOME", None)
    return env


def run_in_venv(cmd: list) -> int:
    """Run ``cmd`` with .venv first on PATH; Ctrl-C goes to it (JupyterLab asks to confirm, pytest stops)."""
    proc = subprocess.Popen([str(c) for c in cmd], cwd=ROOT, env=course_env())
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue


def welcome_lesson() -> str:
    """The lesson JupyterLab opens on: the Spanish edition's welcome in Spanish (see :func:`language`)."""
    spanish = "lessons/es/00_bienvenida.ipynb"
    return spanish if language() == "es" and (ROOT / spanish).is_file() else "lessons/00_welcome.ipynb"


def set_lab_language() -> str:
    """Make the participant's language (:func:`language`) JupyterLab's default one, in this .venv only.

    Writes the ``locale`` of JupyterLab's language setting into :data:`LAB_OVERRIDES`, keeping whatever
    else that file holds, and returns the locale. Nothing is written in the participant's home: a language
    chosen in JupyterLab's menu (saved there) still wins over this default.
    """
    locale = LAB_LOCALES[language()]
    try:
        overrides = json.loads(LAB_OVERRIDES.read_text(encoding="utf-8"))
        if not isinstance(overrides, dict):
            overrides = {}
    except (OSError, ValueError):
        overrides = {}
    setting = overrides.get(LAB_TRANSLATION)
    overrides[LAB_TRANSLATION] = {**(setting if isinstance(setting, dict) else {}), "locale": locale}
    LAB_OVERRIDES.parent.mkdir(parents=True, exist_ok=True)
    LAB_OVERRIDES.write_text(json.dumps(overrides, indent=2) + "\n", encoding="utf-8")
    return locale


def run_command(what: str, rest: List[str]) -> int:
    if what == "setup":
        setup(with_tests="--tests" in rest, command="setup --tests" if "--tests" in rest else "setup")
        return 0
    if what == "lab":
        setup(command="lab")
        set_lab_language()
        say(tr("lab_language"))
        say(tr("starting_lab"))
        cmd = [
            BIN / "jupyter",
            "lab",
            f"--ServerApp.root_dir={ROOT}",
            f"--LabApp.default_url=/lab/tree/{welcome_lesson()}",
            *rest,
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in rest:
            say(tr("as_root"))
            cmd.append("--allow-root")
        code = run_in_venv(cmd)
        if code == -signal.SIGINT:  # the second Ctrl-C: the way to stop it
            say(tr("lab_stopped"))
            return 0
        return code
    if what == "test":
        setup(with_tests=True, command="test")
        cmd = [PY, "-m", "pytest", "-n", os.environ.get("NICHOS_TEST_WORKERS", "2"), "--dist", "loadgroup", *rest]
        say(" ".join(map(str, cmd)))
        return run_in_venv(cmd)
    print(tr("usage"))
    return 0 if what in ("help", "-h", "--help") else 2


def main(argv: List[str]) -> int:
    what = argv[0] if argv else "help"
    try:
        return run_command(what, argv[1:])
    except SetupError as e:
        print(f"[nichos] {e}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print(f"\n[nichos] {tr('interrupted', rerun=rerun(what))}", file=sys.stderr, flush=True)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
