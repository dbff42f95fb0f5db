"""``course editions sync | check``: the Spanish edition of every lesson in step with the English one."""
from __future__ import annotations

import argparse

from course_tools.cli._common import fail


def _cmd_sync(args: argparse.Namespace) -> int:
    from course_tools.course import editions

    try:
        pairs = editions.pairs(args.lang)
        changed = [p.edition for p in pairs if editions.sync_code(p)]
    except editions.EditionError as err:
        return fail("editions sync", err)
    for path in changed:
        print(f"copied the code cells into {path}")
    print(f"{len(pairs)} lesson(s): the {args.lang} edition has the English code cells ({len(changed)} updated)")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from course_tools.course import editions

    try:
        problems = [msg for p in editions.pairs(args.lang) for msg in editions.check_pair(p)]
    except editions.EditionError as err:
        return fail("editions check", err)
    for msg in problems:
        print(f"✗ {msg}")
    print(f"{len(problems)} problem(s) in the {args.lang} edition" if problems else
          f"the {args.lang} edition is in step with the English lessons")
    return 1 if problems else 0


def register(subparsers) -> None:
    """Add ``course editions`` to the ``course`` command."""
    p = subparsers.add_parser("editions", help="keep the Spanish edition of the lessons in step (code cells)")
    sub = p.add_subparsers(dest="editions_command", metavar="ACTION")
    sub.required = True
    for name, func, help_ in (("sync", _cmd_sync, "copy the English code cells into the edition"),
                              ("check", _cmd_check, "list cells that differ or read as English")):
        q = sub.add_parser(name, help=help_)
        q.add_argument("--lang", default="es", help="the edition (default: es)")
        q.set_defaults(func=func)
