"""``course data verify | manifest``: the shipped datasets against their checksums."""
from __future__ import annotations

import argparse
import sys


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
    unlisted = [f"datasets/{rel} is not listed in the manifest" for rel in sorted(on_disk - set(listed))]
    for p in mismatched + unlisted:
        print(f"✗ {p}", file=sys.stderr)
    print(f"{len(listed) - len(mismatched)} of {len(listed)} dataset files match their checksums")
    return 1 if mismatched or unlisted else 0


def _cmd_data_manifest(args: argparse.Namespace) -> int:
    from course_tools.data import manifest

    out = manifest.write_manifest()
    print(f"wrote {out} ({len(manifest.read_manifest())} files)")
    return 0


def register(subparsers) -> None:
    """Add ``course data verify`` and ``course data manifest`` to the ``course`` command."""
    data = subparsers.add_parser("data", help="check or re-checksum the shipped datasets")
    dsub = data.add_subparsers(dest="data_command", metavar="ACTION")
    dsub.required = True
    dsub.add_parser("verify", help="check every data file against datasets/MANIFEST.sha256"
                    ).set_defaults(func=_cmd_data_verify)
    dsub.add_parser("manifest", help="rewrite datasets/MANIFEST.sha256 from the files on disk"
                    ).set_defaults(func=_cmd_data_manifest)
