"""The niche methods are pure economics: no plotting, widgets or notebook machinery, no file reading."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

MODULES = ("export_potential", "robustness", "diversification", "criteria", "niches", "sensitivity",
           "rank_statistics")
ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_methods_loads_no_presentation_library():
    code = ("import sys\n" + "".join(f"import course_tools.methods.{m}\n" for m in MODULES) +
            "print(','.join(m for m in ('plotly', 'ipywidgets', 'IPython', 'nbgrader', 'matplotlib') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("module", MODULES)
def test_no_file_reading(module):
    tree = ast.parse((ROOT / "course_tools" / "methods" / f"{module}.py").read_text(encoding="utf-8"))
    called = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
              for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert not called & {"open", "read_csv", "read_parquet", "read_excel", "read_text", "load_trade",
                         "load_gravity", "urlopen"}
