#!/usr/bin/env python3
"""Record what the package index says about every pinned distribution: requirements/pins-index.json.

tests/test_python_support.py reads that record, offline, and proves without installing anything
that the exact lock installs on the oldest patch release of every Python the course supports
(Requires-Python of every pinned file), that every pin has a wheel for every supported system
(Linux, macOS, Windows: nothing to compile), and that the lock is complete (every dependency of
every pin, on every system, is pinned at a version it accepts). It does the same for the
version ranges of pyproject.toml on Python 3.10, from the versions pip's resolver chose for 3.10.0.

Run it (with internet) after changing requirements/lock.txt, requirements/test.txt or the ranges
in pyproject.toml, and commit the record with the change:

    .venv/bin/python requirements/pins_index.py                 # lock + ranges (needs python3.10)
    .venv/bin/python requirements/pins_index.py --lock-only     # keep the recorded ranges

It reads the index's JSON simple API (PEP 691; https://pypi.org/simple/ unless --index) and, for
each pinned version, the METADATA of one wheel (by HTTP range requests: only a few kilobytes of
each wheel are downloaded). The ranges are resolved by pip itself, run by a Python 3.10 so that
environment markers are those of 3.10, with ``--python-version 3.10.0``: pip then rejects every
file whose Requires-Python excludes 3.10.0.

Needs `packaging` (in .venv) and the standard library.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import email.parser
import io
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import tomllib
from packaging.requirements import Requirement
from packaging.utils import (
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "requirements" / "pins-index.json"
LOCKS = ("requirements/lock.txt", "requirements/test.txt")
RANGES_PYTHON = "3.10.0"
ACCEPT = "application/vnd.pypi.simple.v1+json"
# Files kept in the record: the sdist, and the wheels that CPython 3.10-3.14 could install on
# Linux (x86_64, aarch64), macOS or Windows x64; musllinux, 32-bit, PyPy, free-threaded and other
# wheels are left out so that the record stays small.
SUPPORTED_MINORS = range(10, 15)
KEEP_PLATFORMS = ("any", "macosx_", "win_amd64")


def read_pins(*files: str) -> dict[str, str]:
    """name -> version of every ``name==version`` line (markers allowed) of the lock files."""
    pins: dict[str, str] = {}
    for name in files:
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            req = Requirement(line)
            (spec,) = req.specifier
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def ranges_requirements() -> list[str]:
    """The top-level requirements of the ranges path: dependencies plus the test extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return list(project["dependencies"]) + list(project["optional-dependencies"]["test"])


def get(url: str, headers: dict | None = None) -> bytes:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read()


class RemoteFile(io.RawIOBase):
    """A read-only, seekable file over HTTP range requests (enough for zipfile)."""

    def __init__(self, url: str, size: int):
        self.url, self.size, self.pos = url, size, 0

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = {0: offset, 1: self.pos + offset, 2: self.size + offset}[whence]
        return self.pos

    def readinto(self, buf) -> int:
        end = min(self.size, self.pos + len(buf))
        if end <= self.pos:
            return 0
        req = urllib.request.Request(self.url, headers={"Range": f"bytes={self.pos}-{end - 1}"})
        with urllib.request.urlopen(req, timeout=120) as r:
            data = r.read()
            if r.status == 200:  # no range support: the whole file came
                data = data[self.pos:end]
        buf[:len(data)] = data
        self.pos += len(data)
        return len(data)


def wheel_metadata(url: str, size: int) -> str:
    with zipfile.ZipFile(io.BufferedReader(RemoteFile(url, size), buffer_size=65536)) as zf:
        name = next(n for n in zf.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        return zf.read(name).decode("utf-8")


def keep(filename: str) -> bool:
    if not filename.endswith(".whl"):
        return True  # the sdist: recorded so that a missing wheel shows as "would compile"
    for tag in parse_wheel_filename(filename)[3]:
        interp, abi, plat = tag.interpreter, tag.abi, tag.platform
        if interp.startswith("py"):
            usable = interp in ("py3", *(f"py3{m}" for m in SUPPORTED_MINORS))
        elif interp.startswith("cp3") and interp[3:].isdigit():
            usable = abi == "abi3" or (abi == interp and int(interp[3:]) in SUPPORTED_MINORS)
        else:
            usable = False
        linux = plat.startswith("manylinux") and plat.endswith(("_x86_64", "_aarch64"))
        if usable and (linux or plat.startswith(KEEP_PLATFORMS)):
            return True
    return False


def describe(index: str, name: str, version: str) -> dict:
    """Requires-Python, Requires-Dist and the files of one pinned version, from the index."""
    page_url = urllib.parse.urljoin(index, f"{name}/")
    page = json.loads(get(page_url, {"Accept": ACCEPT}))
    files = []
    for f in page["files"]:
        fn = f["filename"]
        try:
            v = parse_wheel_filename(fn)[1] if fn.endswith(".whl") else parse_sdist_filename(fn)[1]
        except ValueError:
            continue
        if v == Version(version):
            files.append(f)
    if not files:
        raise SystemExit(f"{name}=={version}: the index has no file of this version")
    wheels = sorted((f for f in files if f["filename"].endswith(".whl")),
                    key=lambda f: (not f["filename"].endswith("-none-any.whl"), f.get("size") or 0))
    meta_text = ""
    if wheels:
        w = wheels[0]
        meta_text = wheel_metadata(urllib.parse.urljoin(page_url, w["url"]), w["size"])
    meta = email.parser.Parser().parsestr(meta_text)
    return {
        "version": version,
        "requires_python": meta.get("Requires-Python"),
        "requires_dist": sorted(meta.get_all("Requires-Dist") or []),
        "files": sorted([f["filename"], f.get("requires-python"), bool(f.get("yanked"))]
                        for f in files if keep(f["filename"])),
    }


def describe_all(index: str, pins: dict[str, str]) -> dict[str, dict]:
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        futures = {n: pool.submit(describe, index, n, v) for n, v in sorted(pins.items())}
        out = {}
        for n, fut in futures.items():
            out[n] = fut.result()
            print(f"  {n}=={pins[n]}", flush=True)
        return out


def resolve_ranges(index: str, python310: str) -> dict[str, str]:
    """What pip installs from the ranges on Python 3.10.0 (a dry run: nothing is installed)."""
    with tempfile.TemporaryDirectory() as tmp:
        reqs = Path(tmp) / "ranges.txt"
        reqs.write_text("\n".join(ranges_requirements()) + "\n")
        report = Path(tmp) / "report.json"
        cmd = [python310, "-m", "pip", "--isolated", "--disable-pip-version-check", "install", "--dry-run", "--ignore-installed",
               "--only-binary=:all:", "--python-version", RANGES_PYTHON, "--index-url", index,
               "--target", str(Path(tmp) / "target"), "--quiet", "--report", str(report), "-r", str(reqs)]
        print("+ " + " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
        installed = json.loads(report.read_text())["install"]
    return {canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"] for i in installed}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", default="https://pypi.org/simple/", help="PEP 691 simple index URL")
    ap.add_argument("--python310", default=shutil.which("python3.10"),
                    help="a Python 3.10 with pip, to resolve the ranges (default: python3.10 on PATH)")
    ap.add_argument("--lock-only", action="store_true", help="keep the recorded ranges resolution")
    args = ap.parse_args(argv)
    index = args.index.rstrip("/") + "/"
    old = json.loads(RECORD.read_text()) if RECORD.exists() else {}

    print(f"reading {', '.join(LOCKS)} pins from {index}", flush=True)
    lock = describe_all(index, read_pins(*LOCKS))
    if args.lock_only:
        ranges = old.get("ranges")
        if not ranges:
            raise SystemExit("no ranges recorded yet: run without --lock-only")
    else:
        if not args.python310:
            raise SystemExit("no python3.10 found: give --python310 PATH (or --lock-only)")
        resolved = resolve_ranges(index, args.python310)
        print(f"reading the {len(resolved)} distributions pip chose for Python {RANGES_PYTHON}", flush=True)
        ranges = {"python": RANGES_PYTHON, "requirements": ranges_requirements(),
                  "resolved": describe_all(index, resolved)}
    record = {
        "about": ("What the package index said about each pinned file (Requires-Python, yanked, "
                  "Requires-Dist). Written by requirements/pins_index.py; read by "
                  "tests/test_python_support.py. Do not edit by hand."),
        "index": index,
        "lock": lock,
        "ranges": ranges,
    }
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    print(f"wrote {RECORD.relative_to(ROOT)}: {len(lock)} pins, "
          f"{len(ranges['resolved'])} distributions for the ranges on Python {ranges['python']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
