"""Small notebooks written by the tests: a parameters cell, code cells, markdown where given.

``write_notebook(path, "x = 1", new_markdown_cell("# A title"), parameters='COUNTRY = "PER"')`` writes a
notebook for the ``python3`` kernel whose first cell, tagged ``parameters``, is ``parameters`` (as
papermill expects it), followed by one code cell per string and the given cells as they are.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path: Path, *cells: str | NotebookNode, parameters: str | None = None) -> Path:
    """Write the notebook to ``path`` and return ``path``: strings become code cells."""
    body = [new_code_cell(c) if isinstance(c, str) else c for c in cells]
    if parameters is not None:
        body.insert(0, new_code_cell(parameters, metadata={"tags": ["parameters"]}))
    nb = new_notebook(cells=body)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nbformat.write(nb, path)
    return path
