"""Where the course folder is: $NICHOS_ROOT, the folder above course_tools, or the working folder and above."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course_tools import paths
from course_tools.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def _course(folder: Path) -> Path:
    for m in paths.MARKERS:
        (folder / m).mkdir(parents=True)
    return folder


def test_the_repository_is_the_course_folder():
    assert paths.ROOT == ROOT
    assert paths.LESSONS == ROOT / "lessons" and paths.SOLUTIONS == ROOT / "solutions"
    assert paths.EXERCISES == ROOT / "exercises"
    assert paths.find_course_root(env="") == ROOT  # an editable install: the folder above the package


def test_nichos_root_comes_first_and_must_be_a_course_folder(tmp_path):
    course = _course(tmp_path / "course")
    assert paths.find_course_root(env=str(course)) == course
    with pytest.raises(paths.CourseFolderNotFoundError, match="NICHOS_ROOT") as err:
        paths.find_course_root(env=str(tmp_path))
    assert isinstance(err.value, InputError)


def test_without_an_editable_install_the_working_folder_or_one_above_it(tmp_path):
    site = tmp_path / "site-packages"  # course_tools installed from a wheel: no lessons/ beside it
    site.mkdir()
    course = _course(tmp_path / "my course")
    deep = course / "lessons" / "notes"
    deep.mkdir()
    for start in (course, course / "lessons", deep):
        assert paths.find_course_root(env="", package_parent=site, start=start) == course
    with pytest.raises(paths.CourseFolderNotFoundError, match="lessons/ and datasets/") as err:
        paths.find_course_root(env="", package_parent=site, start=site)
    assert "NICHOS_ROOT" in str(err.value)


def test_importing_paths_never_fails_and_datasets_follow_the_course(tmp_path):
    site = tmp_path / "site"  # a copy of the package, as pip puts it in site-packages: no course beside it
    shutil.copytree(ROOT / "course_tools", site / "course_tools", ignore=shutil.ignore_patterns("__pycache__"))
    course = _course(tmp_path / "course")
    env = {k: v for k, v in os.environ.items() if k not in ("NICHOS_ROOT", "NICHOS_DATASETS")}
    env["PYTHONPATH"] = str(site)
    code = "from course_tools import paths; print(paths.ROOT); print(paths.datasets_dir())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=course / "lessons",
                         env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(course), str(course / "datasets")]
    out = subprocess.run([sys.executable, "-c", "import course_tools.paths; print('imported')"],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0 and out.stdout.strip() == "imported", out.stderr
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode != 0 and "CourseFolderNotFoundError" in out.stderr and "NICHOS_ROOT" in out.stderr
