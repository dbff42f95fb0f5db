"""What the command modules share: printing an error the way every ``course`` command does.

Every line a command prints comes from the text catalogue (``cli.*``, ``course_tools/i18n/catalogue/cli.yaml``), in
the language of ``$NICHOS_LANG`` (English when it is not set), like the errors of the course it reports.
"""
from __future__ import annotations

import sys

from course_tools.i18n import text


def fail(command: str, err: object, status: int = 2) -> int:
    """Print ``course <command>: <err>`` on stderr and return ``status`` (2: the input cannot be used)."""
    print(text("cli.fail", command=command, err=err), file=sys.stderr)
    return status
