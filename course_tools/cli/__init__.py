"""The ``course`` command: what instructors and maintainers run from a terminal (argparse only).

One module per command group; each defines ``register(subparsers)``, adding its sub-command(s) with a
one-line ``help``, and the ``_cmd_*`` functions that read the command line and call the course
machinery (:mod:`course_tools.course`), imported only when the command runs:

- ``build``       ``course build``: regenerate exercises/ from solutions/ (nbgrader), idempotent
- ``data``        ``course data verify | manifest``: the shipped datasets against their checksums
- ``instructor``  ``course release | collect | grade | feedback | grades | dashboard``: a workshop
- ``delivery``    ``course link | participant-copy``: the course on a JupyterHub
- ``export``      ``course export``: a lesson as one standalone offline HTML page
- ``report``      ``course report``: the country report (L12), one page per country
- ``editions``    ``course editions sync | check``: the Spanish lessons in step with the English ones

A new command goes in the module of its group (or a new module listed in :data:`COMMAND_MODULES`);
``course --help`` lists every command with its one-line help (``tests/course/test_cli.py`` checks it).
What a command prints, its help included, is in the language of ``$NICHOS_LANG`` (texts ``cli.*`` of the
catalogue); argparse's own headings are set from the catalogue too, ``usage:`` aside.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from course_tools.i18n import text

#: The command modules, in the order ``course --help`` lists their commands.
COMMAND_MODULES: tuple[str, ...] = (
    "course_tools.cli.build",
    "course_tools.cli.data",
    "course_tools.cli.instructor",
    "course_tools.cli.delivery",
    "course_tools.cli.export",
    "course_tools.cli.report",
    "course_tools.cli.editions",
    "course_tools.cli.countries",
)

def _formatter(prog: str) -> argparse.HelpFormatter:
    # wide enough for each command's help to stay on one line, after the longest name (participant-copy)
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=28, width=112)


def build_parser() -> argparse.ArgumentParser:
    """The ``course`` parser with the sub-commands of every module of :data:`COMMAND_MODULES`."""
    parser = argparse.ArgumentParser(
        prog="course",
        description=text("cli.help.description"),
        formatter_class=_formatter,
        epilog=text("cli.help.epilog"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=text("cli.help.commands"))
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    _name_headings(parser)
    return parser


def _name_headings(parser: argparse.ArgumentParser) -> None:
    """argparse's headings and ``-h`` help, in the catalogue's language, in ``parser`` and every sub-command."""
    parser._positionals.title = text("cli.help.positionals")
    parser._optionals.title = text("cli.help.options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = text("cli.help.help")
        elif isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # a parser once, even under several names
                _name_headings(child)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
