"""``course data verify | manifest``: the shipped datasets against their checksums."""
from __future__ import annotations

import argparse
import sys

from course_tools.i18n import text


def _cmd_data_verify(args: argparse.Namespace) -> int:
    from course_tools.data import manifest
    from course_tools.paths import datasets_dir

    root = datasets_dir()
    listed = manifest.read_manifest(root)
    on_disk = set(manifest.data_files(root))
    mismatched = []
    for rel in sorted(listed):
        try:
            manifest.verify(rel, root)
        except manifest.DatasetIntegrityError as err:
            mismatched.append(str(err))
    unlisted = [text("cli.data.unlisted", path=rel) for rel in sorted(on_disk - set(listed))]
    for p in mismatched + unlisted:
        print(text("cli.problem", problem=p), file=sys.stderr)
    print(text("cli.data.verified", ok=len(listed) - len(mismatched), n=len(listed)))
    return 1 if mismatched or unlisted else 0


def _cmd_data_manifest(args: argparse.Namespace) -> int:
    from course_tools.data import manifest

    out = manifest.write_manifest()
    print(text("cli.data.manifest", path=out, n=len(manifest.read_manifest())))
    return 0


def register(subparsers) -> None:
    """Add ``course data verify`` and ``course data manifest`` to the ``course`` command."""
    data = subparsers.add_parser("data", help=text("cli.help.data"))
    dsub = data.add_subparsers(dest="data_command", metavar="ACTION")
    dsub.required = True
    dsub.add_parser("verify", help=text("cli.help.data_verify")).set_defaults(func=_cmd_data_verify)
    dsub.add_parser("manifest", help=text("cli.help.data_manifest")).set_defaults(func=_cmd_data_manifest)
