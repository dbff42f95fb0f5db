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
