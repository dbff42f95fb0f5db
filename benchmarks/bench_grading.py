"""Workshop grading speed: `course grade` (2 workers, sandboxed) against sequential `nbgrader autograde`.

Creates 40 submissions of one assignment (default ex05, five questions; a mix of correct, partial and
blank notebooks generated from solutions/ by tests/course/submission_corpus.py) in a course folder in
benchmarks/_output/grading/ (the assignment is recorded in its gradebook first, untimed, as
`nbgrader generate_assignment` does for a release). Each timed run grades a fresh copy of that folder,
in a fresh Python process (so every run pays its imports):

* ``nbgrader``: ``python -m nbgrader autograde <exNN> --force`` (one student after another, the tests in
  the learners' kernels; the exercise's oracle is put on the kernels' PYTHONPATH, as the helpers it holds
  used to be pasted in the hidden cells);
* ``sandbox``: ``grade_submissions(<exNN>, workers=2)`` as ``course grade`` runs it (bubblewrap where it
  works, the tests scored outside the kernels);
* ``off``: the same with ``isolation="off"`` (no sandbox; the tests still scored outside the kernels).

The three run in turn, ``--rounds`` times, in alternating orders (ABC, CBA, ...) because the machine is
shared: the load of other jobs drifts during a run. The script prints every time, the medians, the ratio
nbgrader / sandbox (goal >= 1.8x on 2 cores) and the sandbox's cost per submission ((sandbox - off) x
workers / submissions), and fails if a student's grade of any cell differs between nbgrader and ours.

    .venv/bin/python benchmarks/bench_grading.py [--assignment ex05] [--n 40] [--workers 2] [--rounds 2]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "_output" / "grading"
sys.path.append(str(ROOT))  # tests.course.submission_corpus (appended: must not shadow packages)
VARIANTS = ("nbgrader", "sandbox", "off")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.update(extra)
    return env


def make_course(dest: Path, assignment: str, n: int) -> list[str]:
    """A course folder with ``n`` submissions (correct / partial / blank in turn)."""
    from tests.course.submission_corpus import make_submission

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "nbgrader_config.py", dest / "nbgrader_config.py")
    shutil.copytree(ROOT / "solutions" / assignment, dest / "solutions" / assignment)
    kinds = ("correct", "partial", "blank")
    students = [f"s{i:02d}" for i in range(1, n + 1)]
    for i, s in enumerate(students):
        make_submission(kinds[i % 3], assignment, dest / "submitted" / s / assignment)
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force",
                    f"--CourseDirectory.root={dest}"], cwd=dest, env=_env(), check=True,
                   capture_output=True)
    return students


def grades(course: Path, assignment: str, students: list[str]) -> dict[str, dict[str, float | None]]:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="nichos") as gb:
        for s in students:
            sub = gb.find_submission(assignment, s)
            out[s] = {f"{nb.name}/{g.name}": g.score for nb in sub.notebooks for g in nb.grades}
    return out


def _cpu() -> float:
    """CPU seconds used so far by finished child processes (and the kernels they waited for)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _command(variant: str, course: Path, assignment: str, workers: int) -> tuple[list[str], dict[str, str]]:
    if variant == "nbgrader":
        return ([sys.executable, "-m", "nbgrader", "autograde", assignment, "--force",
                 f"--CourseDirectory.root={course}"],
                _env(PYTHONPATH=str(course / "solutions" / assignment)))
    isolation = "None" if variant == "sandbox" else "'off'"
    code = ("from pathlib import Path\n"
            "from course_tools.course.instructor.grade import grade_submissions\n"
            f"out = grade_submissions({assignment!r}, course_dir=Path({str(course)!r}), "
            f"workers={workers}, progress=False, isolation={isolation})\n"
            "bad = [str(o) for o in out if o.status != 'graded']\n"
            "assert not bad, bad\n"
            "print('isolation', sorted({o.isolation for o in out}))\n")
    return [sys.executable, "-c", code], _env()


def run(variant: str, source: Path, assignment: str, workers: int) -> tuple[float, float, Path, str]:
    """Grade a fresh copy of ``source`` with ``variant``: (seconds, CPU seconds, the copy, its output)."""
    course = OUT / variant
    if course.exists():
        shutil.rmtree(course)
    shutil.copytree(source, course, symlinks=True)
    cmd, env = _command(variant, course, assignment, workers)
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(cmd, cwd=course if variant == "nbgrader" else ROOT, env=env,
                          capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-3000:])
        raise SystemExit(f"{variant} failed")
    return seconds, cpu, course, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assignment", default="ex05")
    ap.add_argument("--n", type=int, default=40, help="number of submissions (default 40)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2, help="times each variant runs (default 2)")
    args = ap.parse_args(argv)

    source = OUT / "source"
    students = make_course(source, args.assignment, args.n)
    print(f"{args.n} submissions of {args.assignment} ({os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}), {args.rounds} round(s), orders alternate")
    times: dict[str, list[float]] = {v: [] for v in VARIANTS}
    seen: dict[str, dict] = {}
    for r in range(args.rounds):
        for variant in (VARIANTS if r % 2 == 0 else VARIANTS[::-1]):
            seconds, cpu, course, said = run(variant, source, args.assignment, args.workers)
            times[variant].append(seconds)
            seen[variant] = grades(course, args.assignment, students)
            print(f"  round {r + 1} {variant:<9} {seconds:7.1f} s  (CPU {cpu:6.1f} s, load "
                  f"{os.getloadavg()[0]:.1f}) {said}", flush=True)
    med = {v: statistics.median(t) for v, t in times.items()}
    print(f"medians: nbgrader {med['nbgrader']:.1f} s, sandbox {med['sandbox']:.1f} s, off {med['off']:.1f} s")
    print(f"ratio nbgrader / sandbox       : {med['nbgrader'] / med['sandbox']:6.2f}x faster (goal >= 1.8x on 2 cores)")
    cost = (med["sandbox"] - med["off"]) * args.workers / args.n
    print(f"sandbox cost per submission    : {cost:+.2f} s of one worker ((sandbox - off) x {args.workers} / {args.n})")
    for variant in ("sandbox", "off"):
        diff = {s: (seen["nbgrader"][s], seen[variant][s]) for s in students
                if seen["nbgrader"][s] != seen[variant][s]}
        assert not diff, f"{variant}: grades differ from nbgrader's: {diff}"
    totals = sorted({sum(v or 0 for v in g.values()) for g in seen["nbgrader"].values()})
    print(f"identical grades for all {len(students)} students and "
          f"{len(next(iter(seen['nbgrader'].values())))} cells each (totals seen: {totals})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
