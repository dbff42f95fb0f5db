"""``course link`` and ``course participant-copy``: deliver the course on a JupyterHub.

The work is done by :mod:`course_tools.course.delivery` (standard library only: the hub set-up runs
it before any package is installed).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from course_tools.cli._common import fail
from course_tools.i18n import LANGS, current_language, text

#: The lesson a link opens when ``--open`` is not given: the welcome lesson of the participants' language.
WELCOME = {"en": "lessons/00_welcome.ipynb", "es": "lessons/es/00_bienvenida.ipynb"}


def _cmd_link(args: argparse.Namespace) -> int:
    from course_tools.course.delivery import DeliveryError, check_participant_repo, nbgitpuller_link

    try:
        if not args.allow_solutions:
            check_participant_repo(args.repo)
        lang = args.lang or current_language()  # no --lang: the command's language (course_tools.cli)
        link = nbgitpuller_link(args.hub, args.repo, branch=args.branch, open_path=args.open or WELCOME[lang],
                                app=args.app, targetpath=args.targetpath)
    except DeliveryError as err:
        return fail("link", err)
    print(link)
    return 0


def _cmd_participant_copy(args: argparse.Namespace) -> int:
    from course_tools.course.delivery import DeliveryError, participant_copy

    try:
        written = participant_copy(args.out_dir)
    except DeliveryError as err:
        return fail("participant-copy", err)
    out = Path(args.out_dir).resolve()
    print(text("cli.delivery.copied", n=len(written), out=out))
    print(text("cli.delivery.next"))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``course link`` and ``course participant-copy`` to the ``course`` command."""
    p = subparsers.add_parser(
        "link",
        help=text("cli.help.link"),
        description=text("cli.help.link_description"),
        epilog=text("cli.help.link_epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--hub", required=True, metavar="URL", help=text("cli.help.link_hub"))
    p.add_argument("--repo", required=True, metavar="URL", help=text("cli.help.link_repo"))
    p.add_argument("--branch", default="main", metavar="B", help=text("cli.help.link_branch"))
    p.add_argument("--lang", choices=LANGS, default=None, help=text("language.link_lang"))
    p.add_argument("--open", default=None, metavar="PATH", help=text("language.link_open"))
    p.add_argument("--app", choices=("lab", "classic"), default="lab", help=text("cli.help.link_app"))
    p.add_argument("--targetpath", default=None, metavar="DIR", help=text("cli.help.link_targetpath"))
    p.add_argument("--allow-solutions", action="store_true", help=text("cli.help.link_allow_solutions"))
    p.set_defaults(func=_cmd_link)

    c = subparsers.add_parser(
        "participant-copy",
        help=text("cli.help.participant_copy"),
        description=text("cli.help.participant_copy_description"),
    )
    c.add_argument("out_dir", metavar="OUT_DIR", help=text("cli.help.participant_copy_out"))
    c.set_defaults(func=_cmd_participant_copy)
