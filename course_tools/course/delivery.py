"""Deliver the course on a JupyterHub: the participants' copy and the nbgitpuller link.

The course repository is public and holds ``solutions/`` (answers and hidden tests), so the
participants must not be sent to it. The workflow is:

1. ``course participant-copy OUT_DIR`` (:func:`participant_copy`) writes a copy of the course without ``solutions/``,
   ``tests/`` (their expectations are the answers), gradebook and nbgrader working folders.
   Push that folder to a participants' repository (or branch).
2. ``course link --hub URL --repo URL_OF_THAT_COPY`` prints the nbgitpuller link that clones
   (or updates) the participants' copy in each account and opens the welcome lesson.

The link format is nbgitpuller's (https://jupyterhub.github.io/nbgitpuller/topic/url-options.html)::

    {hub}/hub/user-redirect/git-pull?repo={repo}&urlpath=lab/tree/{clone dir}/{path}&branch={branch}

with the query string URL-encoded as the nbgitpuller link generator does (``/`` → ``%2F``,
``:`` → ``%3A``). nbgitpuller clones into the folder named after the last part of the repository
URL (``repo.split('/')[-1]``, a trailing ``.git`` included), so ``urlpath`` must start with it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote_plus, urlencode, urlsplit

from course_tools.course import CourseInputError
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = [
    "DeliveryError",
    "nbgitpuller_link",
    "clone_dir_name",
    "participant_copy",
    "PARTICIPANT_MARKER",
    "EXCLUDED_FROM_PARTICIPANTS",
]

#: File written at the top of a participants' copy: it says what the folder is, and lets
#: ``course participant-copy`` refresh it safely and ``course link`` recognise it.
PARTICIPANT_MARKER = "PARTICIPANT_COPY.md"

#: Top-level folders and files left out of the participants' copy, and why.
EXCLUDED_FROM_PARTICIPANTS: dict[str, str] = {
    "solutions": "answers and hidden tests of the graded exercises",
    "tests": "the course's tests: their expectations are the answers",
    "benchmarks": "maintainers' speed measurements",
    ".ci": "continuous integration of the instructors' repository",
    ".git": "the instructors' history (it contains the solutions)",
    ".venv": "a local environment (each machine makes its own)",
    "gradebook.db": "the nbgrader gradebook (grades of real people)",
    "submitted": "nbgrader working folder (participants' submissions)",
    "autograded": "nbgrader working folder",
    "feedback": "nbgrader working folder",
    "nbgrader_work": "nbgrader working folder",
    "release": "nbgrader working folder",
    "source": "nbgrader working folder",
    "downloaded": "files downloaded by instructors",
    "reports": "reports made by instructors",
    "build": "generated files",
    "output": "generated files",
    ".nbgrader.log": "nbgrader log",
    ".pytest_cache": "test cache",
}
# Names skipped at any depth.
_SKIP_ANYWHERE = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".DS_Store"}
_SKIP_SUFFIXES = (".pyc", ".egg-info")

_MARKER_TEXT = """# Nichos — participants' copy / copia para participantes

This folder is the participants' copy of the Nichos course, written by
`course participant-copy`. It has the lessons, the exercises, the data and `course_tools`, but not
the solutions, the hidden tests, the course's tests or any gradebook. Do not edit it by hand: the
instructors regenerate it from the course repository and push it again.

Esta carpeta es la copia para participantes del curso Nichos, escrita por `course participant-copy`.
Contiene las lecciones, los ejercicios, los datos y `course_tools`, pero no las soluciones, las
pruebas ocultas, las pruebas del curso ni ningún libro de calificaciones.

Start here: `lessons/00_welcome.ipynb`. Guide: `docs/participant_guide.md`.
Empiece aquí: `lessons/es/00_bienvenida.ipynb`. Guía: `docs/guia_participante.md`.
"""


class DeliveryError(CourseInputError):
    """A delivery command got an input it cannot use; the message says how to fix it."""


# --------------------------------------------------------------------------------------------
# the nbgitpuller link

def clone_dir_name(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: the last part of the URL (``.git`` kept).

    nbgitpuller's handler uses ``targetpath`` if given, else ``repo.split('/')[-1]``.
    """
    name = repo.rstrip("/").split("/")[-1]
    if not name:
        raise DeliveryError(text("course_msg.delivery.clone_dir", repo=repo))
    return name


def _check_http_url(url: str, what: str, example: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DeliveryError(text("course_msg.delivery.not_http", what=what, example=example, url=url))


def nbgitpuller_link(
    hub: str,
    repo: str,
    branch: str | None = "main",
    open_path: str = "lessons/00_welcome.ipynb",
    app: str = "lab",
    targetpath: str | None = None,
) -> str:
    """The nbgitpuller link that clones ``repo`` into each hub account and opens ``open_path``.

    ``{hub}/hub/user-redirect/git-pull?repo=..&urlpath=..&branch=..`` (nbgitpuller's URL
    options; the order and encoding are those of its link generator, ``URLSearchParams``).
    ``urlpath`` is ``lab/tree/<clone dir>/<open_path>`` (``app="lab"``) or
    ``tree/<clone dir>/<open_path>`` (``app="classic"``); the clone folder is
    :func:`clone_dir_name` of ``repo`` unless ``targetpath`` names another one.
    ``branch=None`` leaves the branch out (nbgitpuller then uses its default).
    """
    _check_http_url(hub, text("course_msg.delivery.hub"), "https://hub.example.org")
    if not repo or not isinstance(repo, str):
        raise DeliveryError(text("course_msg.delivery.no_repo"))
    parts = urlsplit(repo)
    if (parts.scheme not in ("http", "https", "git", "ssh", "file") and not repo.startswith("git@")
            and not repo.startswith("/")):
        raise DeliveryError(text("course_msg.delivery.bad_repo", repo=repo))
    if app not in ("lab", "classic"):
        raise DeliveryError(text("course_msg.delivery.bad_app", app=app))
    repo = repo.rstrip("/")
    folder = targetpath.strip("/") if targetpath else clone_dir_name(repo)
    path = open_path.strip("/")
    if ".." in Path(path).parts or ".." in Path(folder).parts:
        raise DeliveryError(text("course_msg.delivery.dotdot", path=open_path))
    target = f"{folder}/{path}" if path else folder
    urlpath = ("lab/tree/" if app == "lab" else "tree/") + target
    query: list[tuple[str, str]] = [("repo", repo), ("urlpath", urlpath)]
    if branch:
        query.append(("branch", branch))
    if targetpath:
        query.append(("targetpath", folder))
    base = hub.rstrip("/")
    return f"{base}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote_plus)}"


def _local_repo_path(repo: str) -> Path | None:
    """The folder of ``repo`` when it is on this machine (a path or a ``file://`` URL)."""
    parts = urlsplit(repo)
    if parts.scheme == "file":
        return Path(parts.path)
    if parts.scheme == "" and not repo.startswith("git@"):
        return Path(repo)
    return None


def _origin_urls(root: Path) -> set[str]:
    """The remote URLs of the course repository at ``root`` (empty if git is not available)."""
    try:
        out = subprocess.run(["git", "-C", str(root), "remote", "-v"], capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return set()
    urls = set()
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            urls.add(_normal_repo(fields[1]))
    return urls


def _normal_repo(url: str) -> str:
    url = url.strip().rstrip("/")
    if url.endswith(".git"):
        url = url[:-4]
    if url.startswith("git@") and ":" in url:  # git@github.com:org/repo -> github.com/org/repo
        host, path = url[4:].split(":", 1)
        return f"{host}/{path}".lower()
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}".lower() if parts.netloc else url


def check_participant_repo(repo: str, course_root: Path = ROOT) -> None:
    """Refuse a repository that would hand participants the solutions, when that can be told.

    * a folder on this machine (path or ``file://``) that contains ``solutions/``;
    * the course repository itself (one of the ``git remote`` URLs of ``course_root``).

    A remote repository cannot be inspected offline; make it with ``course participant-copy``.
    """
    local = _local_repo_path(repo)
    if local is not None and (local / "solutions").exists():
        raise DeliveryError(text("course_msg.delivery.has_solutions", repo=repo))
    if _normal_repo(repo) in _origin_urls(course_root):
        raise DeliveryError(text("course_msg.delivery.is_course_repo", repo=repo))


# --------------------------------------------------------------------------------------------
# the participants' copy

def _skipped(rel: Path) -> bool:
    if rel.parts and rel.parts[0] in EXCLUDED_FROM_PARTICIPANTS:
        return True
    return any(p in _SKIP_ANYWHERE or p.endswith(_SKIP_SUFFIXES) for p in rel.parts)


def participant_copy(out_dir: str | Path, course_root: str | Path = ROOT) -> list[Path]:
    """Write the participants' copy of the course to ``out_dir``; return the files written.

    Everything of ``course_root`` except :data:`EXCLUDED_FROM_PARTICIPANTS` (``solutions/``,
    ``tests/``, gradebook, nbgrader working folders, ``.git``, ``.venv``) and caches, plus the
    marker file :data:`PARTICIPANT_MARKER`. ``out_dir`` must be new, empty (a ``.git`` folder is
    allowed: a clone of the participants' repository) or an earlier participants' copy, which is
    replaced (its ``.git`` is kept, so ``git add -A && git commit`` records the update).
    """
    root = Path(course_root).resolve()
    out = Path(out_dir).resolve()
    if not (root / "lessons").is_dir() or not (root / "course_tools").is_dir():
        raise DeliveryError(text("course_msg.delivery.not_course", root=root))
    if out == root or root in out.parents:
        raise DeliveryError(text("course_msg.delivery.out_inside", out=out))
    if out in root.parents:
        raise DeliveryError(text("course_msg.delivery.out_contains", out=out))
    if out.exists():
        if not out.is_dir():
            raise DeliveryError(text("course_msg.delivery.out_file", out=out))
        content = [p for p in out.iterdir() if p.name != ".git"]
        if content and not (out / PARTICIPANT_MARKER).is_file():
            raise DeliveryError(text("course_msg.delivery.out_not_empty", out=out, marker=PARTICIPANT_MARKER))
        for p in content:  # an earlier copy: replace it, keep its .git
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
    out.mkdir(parents=True, exist_ok=True)

    written: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        rel_dir = here.relative_to(root)
        dirnames[:] = sorted(d for d in dirnames if not _skipped(rel_dir / d))
        for name in sorted(filenames):
            rel = rel_dir / name
            if _skipped(rel):
                continue
            dest = out / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(here / name, dest)
            written.append(dest)
    marker = out / PARTICIPANT_MARKER
    marker.write_text(_MARKER_TEXT, encoding="utf-8")
    written.append(marker)
    return written
