"""environment.yml (conda, Binder, hub images) and the pip lock must install the same course."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]
# conda-forge names that differ from the PyPI names
CONDA_TO_PIP = {"python-duckdb": "duckdb"}


def read_lock(name: str) -> dict[str, str]:
    """name -> version of every pin of requirements/<name> (``name==version``, optionally ``; marker``)."""
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        req = Requirement(line)
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", f"requirements/{name}: {line!r} is not pinned with =="
        pins[canonicalize_name(req.name)] = specs[0].version
    return pins


def conda_pins() -> dict[str, str]:
    """name -> version of environment.yml: conda-forge pins (name=version) and pip pins (name==version)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                if not line.startswith("-"):
                    req = Requirement(line)
                    (spec,) = req.specifier
                    assert spec.operator == "==", f"environment.yml pip: {line!r} must be pinned with =="
                    pins[canonicalize_name(req.name)] = spec.version
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*=\s*([0-9][^=\s]*)", dep)
        if dep == "pip":
            continue
        assert m, f"environment.yml: {dep!r} must be pinned as name=version"
        pins[canonicalize_name(CONDA_TO_PIP.get(m[1], m[1]))] = m[2]
    return pins


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_conda_pin_equals_the_pip_lock():
    lock = read_lock("lock.txt")
    pins = conda_pins()
    pins.pop("python")
    assert pins, "environment.yml pins nothing"
    mismatched = {n: (v, lock.get(n)) for n, v in pins.items() if lock.get(n) != v}
    assert not mismatched, f"environment.yml vs requirements/lock.txt (conda, pip): {mismatched}"


def test_every_direct_dependency_is_in_environment_yml_and_the_lock():
    lock = read_lock("lock.txt")
    pins = conda_pins()
    for dep in pyproject()["project"]["dependencies"]:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} is a dependency in pyproject.toml but not in environment.yml"
        assert name in lock, f"{name} is a dependency in pyproject.toml but not in requirements/lock.txt"
        assert Version(lock[name]) in req.specifier, f"lock pins {name}=={lock[name]} outside {req.specifier}"


def test_python_versions_agree():
    requires = pyproject()["project"]["requires-python"]
    conda_python = conda_pins()["python"]
    assert Version(conda_python) in Requirement(f"python{requires}").specifier
    # the lock's oldest Python (3.11) is conda's; course.py, pyproject.toml and the README state the
    # same range (tests/test_python_support.py)
    assert Version(conda_python) == Version("3.11")


def test_environment_yml_installs_course_tools_and_test_lock_extends_runtime_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    test_txt = (ROOT / "requirements" / "test.txt").read_text()
    assert "-r lock.txt" in test_txt
    test_pins = read_lock("test.txt")
    lock = read_lock("lock.txt")
    assert not set(test_pins) & set(lock), "a package is pinned in both lock.txt and test.txt"
    for dep in pyproject()["project"]["optional-dependencies"]["test"]:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in test_pins, f"test extra {name} is not pinned in requirements/test.txt"
        assert Version(test_pins[name]) in req.specifier


def test_ci_ends_with_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.rstrip().splitlines()[-1] == "exec python3 course.py test"
    readme = (ROOT / "README.md").read_text()
    assert "python3 course.py test" in readme and "python3 course.py lab" in readme
    assert "exactly `python3 course.py test`" not in readme  # .ci/run also installs system packages
