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
What a command prints, its help included, is in the language of :func:`cli_language`: ``--lang`` when the
command line gives it, else ``$NICHOS_LANG``, else the system's language (``LC_ALL``, ``LC_MESSAGES``, ``LANG``
starting with ``es``), as ``course.py`` chooses it (texts ``cli.*`` of the catalogue); argparse's own headings
are set from the catalogue too, ``usage:`` aside. The commands whose output has a language (``report``,
``dashboard``, ``link``) take that language when ``--lang`` is not given.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping, Sequence

from course_tools import i18n
from course_tools.i18n import LANGS, text

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


def cli_language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of the ``course`` command: ``--lang`` of ``argv``, else ``$NICHOS_LANG``, else the system's.

    The system's language is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set (POSIX order):
    Spanish when it starts with ``es`` (``es_PY.UTF-8``), English otherwise, as ``course.py`` decides. A
    ``--lang`` that is not a language of the course (``editions --lang``'s edition codes) is not taken.
    """
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[len("--lang="):] in LANGS:
            return arg[len("--lang="):]
    chosen = environ.get(i18n.ENV_VAR, "").strip().lower()
    if not chosen:
        chosen = next((environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(v)), "")
    chosen = chosen.strip().lower()[:2]
    return chosen if chosen in LANGS else "en"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    before = i18n._chosen  # noqa: SLF001  (put back afterwards: main() also runs inside tests and notebooks)
    i18n.set_language(cli_language(argv))
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args) or 0)
    finally:
        i18n._chosen = before  # noqa: SLF001


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
