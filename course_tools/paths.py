"""Where the course's folders are. One place, so notebooks never hard-code machine paths.

The course folder (the one holding ``lessons/`` and ``datasets/``) is found by :func:`course_root`:

1. ``$NICHOS_ROOT`` when it is set (it must be such a folder);
2. else the folder above the installed ``course_tools`` package (an editable install, or running
   from a copy of the repository);
3. else the working folder or the nearest folder above it that is a course folder (``course_tools``
   installed from a wheel, used from a notebook in ``lessons/`` or a terminal in the course).

``ROOT``, ``LESSONS``, ``SOLUTIONS`` and ``EXERCISES`` are found on first use (importing this module
never fails); when no course folder can be found they raise :class:`CourseFolderNotFoundError`, which
says what to do.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from course_tools.errors import InputError
from course_tools.i18n import text

# ROOT, LESSONS, SOLUTIONS and EXERCISES are given by the module's __getattr__ (found on first use)
__all__ = ["ROOT", "LESSONS", "SOLUTIONS", "EXERCISES",  # noqa: F822
           "ENV_VAR", "MARKERS", "CourseFolderNotFoundError", "course_root", "find_course_root", "is_course_folder",
           "datasets_dir"]

#: Environment variable naming the course folder.
ENV_VAR = "NICHOS_ROOT"
#: The folders that make a folder the course folder.
MARKERS: tuple[str, ...] = ("lessons", "datasets")
#: The folder above the package: the repository root when ``course_tools`` is installed editable.
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class CourseFolderNotFoundError(InputError):
    """No course folder (one holding ``lessons/`` and ``datasets/``) could be found."""


def is_course_folder(folder: Path) -> bool:
    """True when ``folder`` holds every one of :data:`MARKERS` (``lessons/`` and ``datasets/``)."""
    return all((Path(folder) / m).is_dir() for m in MARKERS)


def find_course_root(*, env: str | None = None, package_parent: Path | None = None,
                     start: Path | None = None) -> Path:
    """The course folder: ``env`` (default ``$NICHOS_ROOT``), else ``package_parent`` (default: the folder
    above ``course_tools``), else ``start`` (default: the working folder) or the nearest folder above it
    that holds ``lessons/`` and ``datasets/``. Raises :class:`CourseFolderNotFoundError` when none does."""
    env = os.environ.get(ENV_VAR, "") if env is None else env
    need = text("course_msg.paths.and").join(f"{m}/" for m in MARKERS)
    if env.strip():
        folder = Path(env).expanduser().resolve()
        if not is_course_folder(folder):
            raise CourseFolderNotFoundError(text("course_msg.paths.env_not_course", var=ENV_VAR, env=env, need=need))
        return folder
    parent = _PACKAGE_PARENT if package_parent is None else Path(package_parent).resolve()
    if is_course_folder(parent):
        return parent
    here = (Path.cwd() if start is None else Path(start)).resolve()
    for folder in (here, *here.parents):
        if is_course_folder(folder):
            return folder
    raise CourseFolderNotFoundError(text("course_msg.paths.not_found", need=need, here=here, var=ENV_VAR))


@lru_cache(maxsize=1)
def course_root() -> Path:
    """The course folder, found once per process by :func:`find_course_root`."""
    return find_course_root()


def datasets_dir() -> Path:
    """The folder of shipped datasets: ``$NICHOS_DATASETS`` if set, else ``<course folder>/datasets``."""
    env = os.environ.get("NICHOS_DATASETS")
    return Path(env).resolve() if env else (course_root() / "datasets").resolve()


_FOLDERS = {"ROOT": "", "LESSONS": "lessons", "SOLUTIONS": "solutions", "EXERCISES": "exercises"}


def __getattr__(name: str) -> Path:
    """``ROOT`` (the course folder), ``LESSONS``, ``SOLUTIONS``, ``EXERCISES``, found on first use."""
    if name not in _FOLDERS:
        raise AttributeError(text("course_msg.paths.no_attribute", module=__name__, name=name))
    root = course_root()
    return root / _FOLDERS[name] if _FOLDERS[name] else root
