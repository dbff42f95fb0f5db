"""The ``course`` command: what instructors and maintainers run from a terminal.

    course build [ex00 ...]     regenerate exercises/ from solutions/ (nbgrader), idempotent
    course data verify          check every shipped dataset against datasets/MANIFEST.sha256
    course data manifest        rewrite the manifest after adding a dataset (maintainers)

Each subcommand has ``--help``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Commands that live with their topic module: each module named here defines
# ``register(subparsers)`` adding its sub-command(s) (e.g. ``course report`` in course_tools.course.report).
COMMAND_MODULES: tuple[str, ...] = (
    "course_tools.cli.instructor",
    "course_tools.course.delivery",
    "course_tools.course.export",
    "course_tools.course.report",
)


def _cmd_build(args: argparse.Namespace) -> int:
    from course_tools.course.grading import GradingError, build_exercises

    try:
        written = build_exercises(args.assignments or None)
    except (ValueError, GradingError) as err:
        print(f"course build: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"generated {path}")
    print(f"{len(written)} exercise notebook(s) in exercises/ are in step with solutions/")
    return 0


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course",
        description="Nichos course tools: build exercises, check data.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("build", help="regenerate exercises/ from solutions/ with nbgrader")
    p.add_argument("assignments", nargs="*", metavar="exNN",
                   help="assignments to build (default: every folder in solutions/)")
    p.set_defaults(func=_cmd_build)

    data = sub.add_parser("data", help="check or re-checksum the shipped datasets")
    dsub = data.add_subparsers(dest="data_command", metavar="ACTION")
    dsub.required = True
    dsub.add_parser("verify", help="check every data file against datasets/MANIFEST.sha256"
                    ).set_defaults(func=_cmd_data_verify)
    dsub.add_parser("manifest", help="rewrite datasets/MANIFEST.sha256 from the files on disk"
                    ).set_defaults(func=_cmd_data_manifest)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
