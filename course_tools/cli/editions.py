"""``course editions sync | check``: the Spanish edition of every lesson in step with the English one."""
from __future__ import annotations

import argparse

from course_tools.cli._common import fail
from course_tools.i18n import text


def _cmd_sync(args: argparse.Namespace) -> int:
    from course_tools.course import editions

    try:
        pairs = editions.pairs(args.lang)
        changed = [p.edition for p in pairs if editions.sync_code(p)]
    except editions.EditionError as err:
        return fail("editions sync", err)
    for path in changed:
        print(text("cli.editions.copied", path=path))
    print(text("cli.editions.synced", n=len(pairs), lang=args.lang, changed=len(changed)))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from course_tools.course import editions

    try:
        problems = [msg for p in editions.pairs(args.lang) for msg in editions.check_pair(p)]
    except editions.EditionError as err:
        return fail("editions check", err)
    for msg in problems:
        print(text("cli.problem", problem=msg))
    print(text("cli.editions.problems", n=len(problems), lang=args.lang) if problems else
          text("cli.editions.in_step", lang=args.lang))
    return 1 if problems else 0


def register(subparsers) -> None:
    """Add ``course editions`` to the ``course`` command."""
    p = subparsers.add_parser("editions", help=text("cli.help.editions"))
    sub = p.add_subparsers(dest="editions_command", metavar="ACTION")
    sub.required = True
    for name, func in (("sync", _cmd_sync), ("check", _cmd_check)):
        q = sub.add_parser(name, help=text(f"cli.help.editions_{name}"))
        q.add_argument("--lang", default="es", help=text("cli.help.editions_lang"))
        q.set_defaults(func=func)
