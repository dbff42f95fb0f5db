"""The code keeps its shape: layers (import-linter), lint (ruff), and small functions and modules.

These run with the README's test command, so CI fails when a layer is crossed (e.g. a method that
imports plotly or loads a file), when ruff finds a problem, or when a function or module grows past
the limits the maintainers chose (README, "How the code is organised").
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "course_tools"
MAX_FUNCTION_LINES = 100
MAX_MODULE_LINES = 600


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(
            f"{name} is not installed: it is pinned in requirements/test.txt (run python3 course.py setup --tests)"
        )
    return found


def test_layers_hold():
    out = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_ruff_is_clean():
    out = subprocess.run(
        [
            _tool("ruff"),
            "check",
            "--no-cache",
            "course_tools",
            "tests",
            "benchmarks",
            "course.py",
            "nbgrader_config.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_function_longer_than_the_limit():
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}() has {n} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split them into named steps):\n" + "\n".join(long)


def test_no_module_longer_than_the_limit():
    big = [
        f"{p.relative_to(ROOT)} has {n} lines"
        for p in _sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not big, f"modules over {MAX_MODULE_LINES} lines (one job per module):\n" + "\n".join(big)
