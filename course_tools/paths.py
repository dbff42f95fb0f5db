"""Where the course's folders are. One place, so notebooks never hard-code machine paths."""
from __future__ import annotations

import os
from pathlib import Path

#: The repository root (course_tools is installed editable from it).
ROOT: Path = Path(__file__).resolve().parent.parent


def datasets_dir() -> Path:
    """The folder of shipped datasets: ``$NICHOS_DATASETS`` if set, else ``<repo>/datasets``."""
    return Path(os.environ.get("NICHOS_DATASETS", ROOT / "datasets")).resolve()


LESSONS: Path = ROOT / "lessons"
SOLUTIONS: Path = ROOT / "solutions"
EXERCISES: Path = ROOT / "exercises"
