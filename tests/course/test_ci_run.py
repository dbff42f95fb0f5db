""".ci/run installs the system packages CI needs (only the missing ones), then runs the README's test command.

Run in its dry-run mode (NICHOS_CI_DRY_RUN=1) with a PATH of stand-in commands (id, apt-get, sudo,
dpkg-query, getent, python3): nothing is installed, nothing is written and no test suite is started.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from course_tools.paths import ROOT

CI = ROOT / ".ci" / "run"
PACKAGES = ["chromium", "libatomic1", "fonts-liberation", "bubblewrap", "git"]


def _fake_bin(folder: Path, commands: dict[str, str]) -> Path:
    """A PATH folder with the real bash, dirname and env plus stand-in shell ``commands``."""
    folder.mkdir()
    for tool in ("bash", "dirname", "env"):
        real = subprocess.run(["bash", "-c", f"command -v {tool}"], capture_output=True, text=True,
                              check=True).stdout.strip()
        (folder / tool).symlink_to(real)
    for name, body in {"python3": "exit 0", "getent": "exit 0", **commands}.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


def _dpkg(installed: list[str]) -> str:
    """A dpkg-query that knows ``installed`` (called as: dpkg-query -W -f=FORMAT PACKAGE)."""
    cases = " ".join(installed) or "-none-"
    return f'for p in {cases}; do [ "$p" = "$3" ] && printf "install ok installed" && exit 0; done; exit 1'


def _ci_dry_run(path: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(path / "bash"), str(CI)], capture_output=True, text=True, check=False,
                          env={"PATH": str(path), "NICHOS_CI_DRY_RUN": "1", **env}, timeout=30)


@pytest.mark.parametrize("uid, prefix", [("0", "+ env"), ("1000", "+ sudo env")])
def test_installs_every_missing_package_on_a_fresh_debian(tmp_path: Path, uid: str, prefix: str) -> None:
    fake = _fake_bin(tmp_path / "bin", {"id": f"echo {uid}", "apt-get": "exit 0", "sudo": "exit 0",
                                        "dpkg-query": _dpkg([])})
    got = _ci_dry_run(fake)
    assert got.returncode == 0, got.stderr
    lines = got.stdout.splitlines()
    update = lines.index(f"{prefix} DEBIAN_FRONTEND=noninteractive apt-get update")
    install = lines.index(f"{prefix} DEBIAN_FRONTEND=noninteractive apt-get install -y "
                          f"--no-install-recommends {' '.join(PACKAGES)}")
    assert update < install
    assert "would now run: python3 course.py test" in lines[-1]


def test_installs_libatomic_even_when_chromium_is_there(tmp_path: Path) -> None:
    """Playwright's driver needs libatomic.so.1, which Debian's chromium does not pull in."""
    have = ["chromium", "fonts-liberation", "git"]
    fake = _fake_bin(tmp_path / "bin", {"id": "echo 0", "apt-get": "exit 0", "chromium": "exit 0",
                                        "dpkg-query": _dpkg(have)})
    got = _ci_dry_run(fake)
    assert got.returncode == 0, got.stderr
    assert ("+ env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
            "libatomic1 bubblewrap") in got.stdout.splitlines()


def test_needs_no_apt_get_when_everything_is_installed(tmp_path: Path) -> None:
    fake = _fake_bin(tmp_path / "bin", {"id": "echo 1000", "apt-get": "exit 1", "chromium": "exit 0",
                                        "dpkg-query": _dpkg(PACKAGES)})
    got = _ci_dry_run(fake)
    assert got.returncode == 0, got.stderr
    assert "apt-get" not in got.stdout and "the system packages are installed" in got.stdout


def test_a_user_without_sudo_is_told_what_to_install(tmp_path: Path) -> None:
    fake = _fake_bin(tmp_path / "bin", {"id": "echo 1000", "apt-get": "exit 0", "dpkg-query": _dpkg(["git"])})
    got = _ci_dry_run(fake)
    assert got.returncode == 1
    assert ("run 'apt-get install -y --no-install-recommends chromium libatomic1 fonts-liberation "
            "bubblewrap' as root first") in got.stderr


def test_outside_debian_a_chromium_is_enough_and_its_absence_is_explained(tmp_path: Path) -> None:
    with_browser = _fake_bin(tmp_path / "a", {"id": "echo 0", "chromium": "exit 0"})
    got = _ci_dry_run(with_browser)
    assert got.returncode == 0 and "no dpkg here: not checking" in got.stdout
    assert _ci_dry_run(with_browser.parent / "a", NICHOS_CHROMIUM="/opt/chrome/chrome").returncode == 0
    bare = _fake_bin(tmp_path / "b", {"id": "echo 0"})
    got = _ci_dry_run(bare)
    assert got.returncode == 1 and "point NICHOS_CHROMIUM at a Chromium" in got.stderr


def test_localhost_is_added_to_etc_hosts_when_it_does_not_resolve(tmp_path: Path) -> None:
    """debootstrap makes no /etc/hosts, and the offline tests connect to `localhost`."""
    fake = _fake_bin(tmp_path / "bin", {"id": "echo 0", "dpkg-query": _dpkg(PACKAGES), "getent": "exit 2"})
    got = _ci_dry_run(fake)
    assert got.returncode == 0, got.stderr
    assert any(line.startswith("+ sh -c printf") and line.endswith(">> /etc/hosts") for line in got.stdout.splitlines())
    resolves = _fake_bin(tmp_path / "ok", {"id": "echo 0", "dpkg-query": _dpkg(PACKAGES)})
    assert "/etc/hosts" not in _ci_dry_run(resolves).stdout


def test_the_script_requires_the_browser_and_ends_with_the_readme_command() -> None:
    script = CI.read_text(encoding="utf-8")
    assert "export NICHOS_REQUIRE_BROWSER=1" in script
    assert not re.search(r"^[^#]*playwright\s+install", script, re.MULTILINE)  # never download a browser
    assert script.rstrip().splitlines()[-1] == "exec python3 course.py test"
    assert os.access(CI, os.X_OK)
    assert f"PACKAGES=({' '.join(PACKAGES)})" in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for pkg in PACKAGES:
        assert f"`{pkg}`" in readme, f"README.md does not say that .ci/run installs {pkg}"
