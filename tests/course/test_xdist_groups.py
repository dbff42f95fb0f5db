"""The test runner keeps each ``xdist_group`` on one worker, as ``course.py test`` relies on.

``course.py test`` runs pytest with two workers and ``--dist loadgroup``: the modules whose tests share an
expensive module fixture (a graded course, a rehearsal, the browser) mark themselves with one group, so the
fixture is built once. This runs a tiny test module the same way and asks each test which worker ran it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MODULE = '''
import os
import pytest

pytestmark = pytest.mark.xdist_group("together")

@pytest.mark.parametrize("n", range(6))
def test_worker(n, tmp_path_factory):
    out = tmp_path_factory.getbasetemp().parent.parent / "workers"
    out.mkdir(exist_ok=True)
    (out / f"{n}.txt").write_text(os.environ["PYTEST_XDIST_WORKER"])

@pytest.mark.parametrize("n", range(6))
def test_free(n):
    pass
'''


@pytest.mark.slow
def test_a_group_runs_on_one_worker(tmp_path: Path):
    (tmp_path / "test_grouped.py").write_text(MODULE)
    (tmp_path / "conftest.py").write_text((Path(__file__).parents[1] / "conftest.py").read_text())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICHOS_"))}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
                          "--dist", "loadgroup", "--basetemp", str(tmp_path / "base"), str(tmp_path)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    workers = {p.read_text() for p in (tmp_path / "workers").glob("*.txt")}
    assert len(list((tmp_path / "workers").glob("*.txt"))) == 6 and len(workers) == 1, workers
