"""The pins install on every Python and system the course claims: proved offline, without installing.

requirements/pins-index.json records what the package index says about every pinned file
(Requires-Python, yanked, the wheel's tags through its file name, Requires-Dist); the maintainer
script requirements/pins_index.py writes it (with internet) and these tests read it (no network):

* the record describes exactly the pins of requirements/lock.txt and requirements/test.txt, and the
  ranges of pyproject.toml (else: run the script);
* on the OLDEST patch release of every supported minor version (3.11.0 ... with the lock; 3.10.0
  with the ranges), every pin has a file whose Requires-Python admits it and that is a wheel for
  each supported system (nothing to compile), not yanked;
* the lock is complete and consistent: following Requires-Dist (with the markers of each Python and
  system, and the extras asked for) from pyproject.toml's dependencies reaches only pinned packages,
  at versions their dependents accept, and reaches every pin.

So a pin that needs a newer Python (soupsieve 4.1.2 needs 3.11.5) fails here, as does a pin added
without refreshing the record.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest
from packaging import tags
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

from course_tools.paths import ROOT

RECORD = json.loads((ROOT / "requirements" / "pins-index.json").read_text())
REFRESH = "run `.venv/bin/python requirements/pins_index.py` (needs internet) and commit requirements/pins-index.json"


def _bootstrap():
    spec = importlib.util.spec_from_file_location("course_bootstrap_support", ROOT / "course.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BOOT = _bootstrap()
LOCK_MINORS = range(BOOT.LOCK_PYTHON[1], BOOT.MAX_PYTHON[1] + 1)  # the exact lock: 3.11 ... 3.14
RANGES_MINORS = range(BOOT.MIN_PYTHON[1], BOOT.LOCK_PYTHON[1])     # the ranges: 3.10


# ---------------------------------------------------------------------------------------------
# supported systems: name -> (platform tags, marker environment)
# ---------------------------------------------------------------------------------------------
def _manylinux(glibc_minor: int, arch: str) -> list[str]:
    legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    out = []
    for m in range(glibc_minor, 4, -1):
        out.append(f"manylinux_2_{m}_{arch}")
        if m in legacy and (arch == "x86_64" or m >= 17):
            out.append(f"{legacy[m]}_{arch}")
    return out


SYSTEMS = {
    # glibc 2.28 or newer: every Linux with a Python the course supports (Debian 12: 2.36,
    # Ubuntu 22.04: 2.35); macOS 12 Monterey or newer (pyarrow, scipy and scikit-learn need it)
    "Linux x86_64": (_manylinux(28, "x86_64"), {"sys_platform": "linux", "platform_system": "Linux",
                                                "os_name": "posix", "platform_machine": "x86_64"}),
    "Linux aarch64": (_manylinux(28, "aarch64"), {"sys_platform": "linux", "platform_system": "Linux",
                                                  "os_name": "posix", "platform_machine": "aarch64"}),
    "macOS 12 arm64": (list(tags.mac_platforms((12, 0), "arm64")),
                       {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                        "platform_machine": "arm64"}),
    "macOS 12 x86_64": (list(tags.mac_platforms((12, 0), "x86_64")),
                        {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                         "platform_machine": "x86_64"}),
    "Windows x64": (["win_amd64"], {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                                    "platform_machine": "AMD64"}),
}
# the ranges (Python 3.10) are claimed for Linux only: Ubuntu 22.04's python3
RANGES_SYSTEMS = ("Linux x86_64", "Linux aarch64")


def marker_env(minor: int, system: str) -> dict[str, str]:
    return {"python_version": f"3.{minor}", "python_full_version": f"3.{minor}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "implementation_version": f"3.{minor}.0", "platform_release": "", "platform_version": "",
            "extra": "", **SYSTEMS[system][1]}


def supported_tags(minor: int, system: str) -> set:
    platforms = SYSTEMS[system][0]
    return (set(tags.cpython_tags((3, minor), platforms=platforms))
            | set(tags.compatible_tags((3, minor), platforms=platforms)))


# ---------------------------------------------------------------------------------------------
# reading the lock and the record
# ---------------------------------------------------------------------------------------------
def lock_lines(*names: str) -> dict[str, Requirement]:
    """name -> Requirement of every pin (``name==version`` with an optional marker)."""
    out = {}
    for name in names:
        for line in (ROOT / "requirements" / name).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                req = Requirement(line)
                out[canonicalize_name(req.name)] = req
    return out


def pinned_version(req: Requirement) -> str:
    (spec,) = req.specifier
    assert spec.operator == "==", f"{req} is not pinned with =="
    return spec.version


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def top_level(with_build: bool) -> list[str]:
    project = pyproject()["project"]
    roots = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    if with_build:  # course.py builds course_tools with .venv's pinned setuptools
        roots += pyproject()["build-system"]["requires"]
    return roots


# ---------------------------------------------------------------------------------------------
# the checks, as functions of a record (so that a test can feed them a bad one)
# ---------------------------------------------------------------------------------------------
def installability_problems(described: dict, minor: int, system: str,
                            applies=lambda name: True) -> list[str]:
    """Pins with no file that a CPython 3.minor.0 on ``system`` would install without compiling."""
    wanted = supported_tags(minor, system)
    python = f"3.{minor}.0"
    problems = []
    for name, info in sorted(described.items()):
        if not applies(name):
            continue
        files = [(fn, rp) for fn, rp, yanked in info["files"] if not yanked]
        if not files:
            problems.append(f"{name}=={info['version']}: yanked")
            continue
        py_ok = [(fn, rp) for fn, rp in files if SpecifierSet(rp or "").contains(python, prereleases=True)]
        if not py_ok:
            problems.append(f"{name}=={info['version']} needs Python {sorted({rp for _, rp in files})}, "
                            f"not {python}")
            continue
        wheels = [fn for fn, _ in py_ok if fn.endswith(".whl") and wanted & set(parse_wheel_filename(fn)[3])]
        if not wheels:
            problems.append(f"{name}=={info['version']} has no wheel for CPython {python} on {system}")
    return problems


def closure_problems(described: dict, roots: list[str], minor: int, system: str,
                     pins: dict[str, Requirement] | None = None) -> tuple[list[str], set[str]]:
    """Follow Requires-Dist from ``roots``: (problems, names reached)."""
    env = marker_env(minor, system)
    extras: dict[str, set[str]] = {}
    problems: list[str] = []
    stack = [(Requirement(r), "pyproject.toml") for r in roots]
    while stack:
        req, parent = stack.pop()
        if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
            continue
        name = canonicalize_name(req.name)
        info = described.get(name)
        if info is None:
            problems.append(f"{name} (needed by {parent}: {req}) is not pinned")
            continue
        if pins is not None and pins[name].marker is not None and not pins[name].marker.evaluate(env):
            problems.append(f"{name} is needed by {parent} but its pin's marker ({pins[name].marker}) "
                            f"leaves it out")
        if not req.specifier.contains(info["version"], prereleases=True):
            problems.append(f"{parent} needs {req}, the pin is {name}=={info['version']}")
        new = set(req.extras) - extras.get(name, set())
        if name in extras and not new:
            continue
        extras.setdefault(name, set()).update(req.extras)
        for dep in info["requires_dist"]:
            d = Requirement(dep)
            if d.marker is None or any(d.marker.evaluate({**env, "extra": e}) for e in {""} | extras[name]):
                stack.append((Requirement(re.sub(r";.*", "", dep)) if d.marker else d, name))
    return sorted(set(problems)), set(extras)


# ---------------------------------------------------------------------------------------------
# tests
# ---------------------------------------------------------------------------------------------
def test_the_record_describes_the_current_pins_and_ranges():
    pins = lock_lines("lock.txt", "test.txt")
    recorded = {n: i["version"] for n, i in RECORD["lock"].items()}
    current = {n: pinned_version(r) for n, r in pins.items()}
    stale = {n: (recorded.get(n), v) for n, v in current.items() if recorded.get(n) != v}
    extra = sorted(set(recorded) - set(current))
    assert not stale and not extra, (
        f"requirements/pins-index.json is stale (recorded, pinned): {stale}; no longer pinned: {extra}: {REFRESH}")
    assert RECORD["ranges"]["requirements"] == top_level(with_build=False), (
        f"the ranges of pyproject.toml changed since they were resolved for Python 3.10: {REFRESH}")
    assert RECORD["ranges"]["python"] == f"3.{RANGES_MINORS[0]}.0"


def test_supported_pythons_are_stated_alike_in_course_py_pyproject_and_readme():
    requires = pyproject()["project"]["requires-python"]
    lo, hi = BOOT.MIN_PYTHON, BOOT.MAX_PYTHON
    assert SpecifierSet(requires) == SpecifierSet(f">={lo[0]}.{lo[1]},<{hi[0]}.{hi[1] + 1}")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {lo[0]}.{lo[1]} to {hi[0]}.{hi[1]}" in readme


@pytest.mark.parametrize("minor", LOCK_MINORS, ids=lambda m: f"py3.{m}.0")
@pytest.mark.parametrize("system", SYSTEMS)
def test_every_pin_installs_on_the_oldest_patch_release(minor: int, system: str):
    pins = lock_lines("lock.txt", "test.txt")
    env = marker_env(minor, system)

    def applies(name):
        return pins[name].marker is None or pins[name].marker.evaluate(env)

    problems = installability_problems(RECORD["lock"], minor, system, applies)
    assert not problems, f"CPython 3.{minor}.0 on {system} cannot install the lock: {problems}"


@pytest.mark.parametrize("minor", LOCK_MINORS, ids=lambda m: f"py3.{m}")
@pytest.mark.parametrize("system", SYSTEMS)
def test_the_lock_is_complete_on_every_system(minor: int, system: str):
    pins = lock_lines("lock.txt", "test.txt")
    problems, _ = closure_problems(RECORD["lock"], top_level(with_build=True), minor, system, pins)
    assert not problems, f"requirements/*.txt on CPython 3.{minor} / {system}: {problems}"


def test_every_pin_is_needed_somewhere():
    reached: set[str] = set()
    for minor in LOCK_MINORS:
        for system in SYSTEMS:
            reached |= closure_problems(RECORD["lock"], top_level(with_build=True), minor, system)[1]
    unused = sorted(set(RECORD["lock"]) - reached)
    assert not unused, f"pinned but needed by nothing on any supported Python and system: {unused}"


@pytest.mark.parametrize("minor", RANGES_MINORS, ids=lambda m: f"py3.{m}.0")
@pytest.mark.parametrize("system", RANGES_SYSTEMS)
def test_the_ranges_install_on_the_oldest_python(minor: int, system: str):
    resolved = RECORD["ranges"]["resolved"]
    problems = installability_problems(resolved, minor, system)
    problems += closure_problems(resolved, top_level(with_build=False), minor, system)[0]
    assert not problems, f"pyproject.toml's ranges on CPython 3.{minor}.0 / {system}: {problems}"


def test_a_pin_that_needs_a_newer_python_is_caught():
    """The regression of issue 12: soupsieve 4.1.2 (Requires-Python >=3.11.5) on Python 3.11.0."""
    bad = {"soupsieve": {"version": "4.1.2", "requires_python": ">=3.11.5", "requires_dist": [],
                         "files": [["soupsieve-4.1.2-py3-none-any.whl", ">=3.11.5", False],
                                   ["soupsieve-4.1.2.tar.gz", ">=3.11.5", False]]}}
    assert installability_problems(bad, 11, "Linux x86_64") == [
        "soupsieve==4.1.2 needs Python ['>=3.11.5'], not 3.11.0"]
    assert installability_problems(bad, 12, "Linux x86_64") == []
    only_sdist = {"x": {"version": "1", "requires_python": None, "requires_dist": [],
                        "files": [["x-1.tar.gz", None, False], ["x-1-cp312-cp312-win_amd64.whl", None, False]]}}
    assert installability_problems(only_sdist, 11, "Windows x64") == [
        "x==1 has no wheel for CPython 3.11.0 on Windows x64"]
    missing = closure_problems({"a": {"version": "1", "requires_dist": ["b>=2", "c; sys_platform == 'win32'"],
                                      "files": []},
                                "b": {"version": "1", "requires_dist": [], "files": []}},
                               ["a"], 11, "Windows x64")[0]
    assert missing == ["a needs b>=2, the pin is b==1", "c (needed by a: c) is not pinned"]
    assert Marker("sys_platform == 'win32'").evaluate(marker_env(11, "Windows x64"))
