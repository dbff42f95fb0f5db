"""What the command modules share: printing an error the way every ``course`` command does."""
from __future__ import annotations

import sys


def fail(command: str, err: object, status: int = 2) -> int:
    """Print ``course <command>: <err>`` on stderr and return ``status`` (2: the input cannot be used)."""
    print(f"course {command}: {err}", file=sys.stderr)
    return status
