"""``course link`` and ``course participant-copy``: deliver the course on a JupyterHub.

The work is done by :mod:`course_tools.course.delivery` (standard library only: the hub set-up runs
it before any package is installed).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from course_tools.cli._common import fail

def _cmd_link(args: argparse.Namespace) -> int:
    from course_tools.course.delivery import DeliveryError, check_participant_repo, nbgitpuller_link

    try:
        if not args.allow_solutions:
            check_participant_repo(args.repo)
        link = nbgitpuller_link(args.hub, args.repo, branch=args.branch, open_path=args.open,
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
    print(f"wrote {len(written)} files to {out} (without solutions/, tests/, the gradebook or "
          f"nbgrader working folders)")
    print("next: cd there, commit and push to the participants' repository, then run "
          "`course link --hub HUB_URL --repo THAT_REPOSITORY_URL`")
    return 0


_LINK_EPILOG = """\
Example (one link for the whole workshop; send it by e-mail or put it on a slide):

  course participant-copy ../nichos-participants     # then push it to its own repository
  course link --hub https://hub.example.org --repo https://github.com/ORG/nichos-participants

Clicking the link logs the participant in, clones the repository into their home folder
(or updates it without overwriting their changes) and opens the welcome lesson.
The hub needs nbgitpuller (TLJH ships it; the z2jh image of deploy/z2jh installs it).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``course link`` and ``course participant-copy`` to the ``course`` command."""
    p = subparsers.add_parser(
        "link",
        help="print the nbgitpuller link that gives each hub participant the course",
        description="Print the nbgitpuller link that clones the participants' copy of the course "
                    "into each JupyterHub account and opens a lesson in JupyterLab.",
        epilog=_LINK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--hub", required=True, metavar="URL",
                   help="address of the JupyterHub, e.g. https://hub.example.org")
    p.add_argument("--repo", required=True, metavar="URL",
                   help="git address of the participants' copy (made with `course participant-copy`), "
                        "not of the course repository, which holds the solutions")
    p.add_argument("--branch", default="main", metavar="B",
                   help="branch of that repository (default: main)")
    p.add_argument("--open", default="lessons/00_welcome.ipynb", metavar="PATH",
                   help="file or folder to open, inside the repository (default: lessons/00_welcome.ipynb)")
    p.add_argument("--app", choices=("lab", "classic"), default="lab",
                   help="open it in JupyterLab (default) or in the classic Notebook interface")
    p.add_argument("--targetpath", default=None, metavar="DIR",
                   help="folder to clone into, in each home folder (default: the repository's name)")
    p.add_argument("--allow-solutions", action="store_true",
                   help="skip the check that --repo is not the course repository (only for links "
                        "that instructors use on their own accounts)")
    p.set_defaults(func=_cmd_link)

    c = subparsers.add_parser(
        "participant-copy",
        help="write a copy of the course without solutions, hidden tests or grades",
        description="Write the participants' copy of the course into OUT_DIR: lessons, exercises, "
                    "datasets, course_tools and docs, without solutions/, tests/, the gradebook or "
                    "nbgrader working folders. Push OUT_DIR to the participants' repository.",
    )
    c.add_argument("out_dir", metavar="OUT_DIR",
                   help="new or empty folder, a clone of the participants' repository, or an earlier "
                        "copy to refresh (its .git is kept)")
    c.set_defaults(func=_cmd_participant_copy)
