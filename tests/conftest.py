"""Shared pytest set-up for the course's tests.

Notebook regression runs are marked ``slow`` and are one test item per notebook x parameter
set, so ``pytest -n 2 tests/notebooks/test_notebooks.py`` spreads them over two cores (pytest-xdist).
Executed notebooks are written under ``tests/_output/`` (git-ignored) for inspection.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = ROOT / "tests" / "_output"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``--dist loadgroup`` (what ``course.py test`` runs), refuse to run when the tests marked
    ``xdist_group`` lost their group: pytest-xdist sends a test to a worker by the ``@group`` suffix it
    adds to the node id, and a pytest that keeps the id out of its reach (9.2 with xdist 3.8) would
    spread each group over both workers, building every expensive module fixture twice."""
    if not getattr(config.option, "loadgroup", False):
        return
    lost = [item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        raise pytest.UsageError(
            f"pytest {pytest.__version__} and pytest-xdist no longer keep an xdist_group on one worker "
            f"({len(lost)} tests, e.g. {lost[0]}): install the versions of requirements/test.txt")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (the folder with lessons/, solutions/, datasets/)."""
    return ROOT


@pytest.fixture(scope="session")
def notebook_output_dir() -> Path:
    """``tests/_output/``: where executed notebooks are kept for inspection (git-ignored)."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR


@pytest.fixture
def spanish(monkeypatch):
    """The learner chose Spanish for the session (``NICHOS_LANG=es``, as a hub or the ``course`` command sets it)."""
    from course_tools import i18n

    monkeypatch.setenv(i18n.ENV_VAR, "es")
    i18n.set_language(None)
    yield
    i18n.set_language(None)
