"""The attacks of issue #18 against ``course grade``, at every isolation level this machine has.

Grades the class of ``tests/course/attack_class.py`` (ex00: two correct, one partial and one blank student,
and one student per attack of ``tests/course/submission_corpus.ATTACKS``) once per level and prints, per
attack, its score and what it reached: files of the course folder it changed (the course folder, the
gradebook and other students' hand-ins are hashed before and after), processes of it alive after grading,
a file written after grading ended, the number of processes the fork storm started. The README's threat
model is written from this table. Each level's details go to ``benchmarks/_output/attacks/<level>.json``.

    .venv/bin/python benchmarks/attack_table.py                       # every level that works here
    .venv/bin/python benchmarks/attack_table.py --levels bubblewrap off
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.course.attack_class
OUT = ROOT / "benchmarks" / "_output" / "attacks"


def _reached(kind: str, graded) -> str:
    """What attack ``kind`` reached beyond its score (empty: nothing)."""
    if kind == "write_everywhere":
        return f"{len(graded.changed)} file(s) of the course changed" if graded.changed else ""
    if kind == "daemon":
        late = "wrote into the course after grading; " if graded.late else ""
        return (late + f"{graded.left_by('daemon')} process(es) left") if late or graded.left_by("daemon") else ""
    if kind == "fork_storm":
        left = graded.left_by("storm")
        return graded.storm + (f", {left} left" if left else ", none left")
    if kind == "ignore_termination":
        return f"{graded.left_by('stubborn')} process(es) left" if graded.left_by("stubborn") else ""
    return ""


def main(argv: list[str] | None = None) -> int:
    from course_tools.course.instructor.sandbox import Isolation, probe
    from tests.course.attack_class import HONEST, STUDENTS, grade_class, kill

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", nargs="+", default=[str(i) for i in Isolation if probe(i) is None])
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = {}
    for level in args.levels:  # the course folder is mode 0700, as mkdtemp makes it
        base = Path(tempfile.mkdtemp(prefix=f"nichos-attacks-{level}-"))
        try:
            results[level] = graded = grade_class(level, base)
            kill(graded.token)
        finally:
            shutil.rmtree(base, ignore_errors=True)
        (OUT / f"{level}.json").write_text(json.dumps(graded.summary(), indent=1))
        print(f"{level}: graded in {graded.seconds:.0f} s; survivors {graded.summary()['survivors']}; "
              f"changed {graded.changed[:4]}", flush=True)
    header = ["attack", *args.levels]
    rows = [[kind, *(" — ".join(x for x in (f"{results[lvl].outcomes[s].score:g}", _reached(kind, results[lvl])) if x)
                     for lvl in args.levels)] for s, kind in STUDENTS.items()]
    rows += [[s, *(f"{results[lvl].outcomes[s].score:g}" for lvl in args.levels)] for s in HONEST]
    print("\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
