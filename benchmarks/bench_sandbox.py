"""What the grading sandbox costs: a Jupyter kernel started in it against one started without it.

For each variant, in the same run and interleaved (one start of each in turn, so the load of a
shared machine falls on all of them alike), ``--n`` times (default 10):

* ``plain``: jupyter_client's ``KernelManager`` as grading starts kernels today (TCP, no sandbox);
* ``bubblewrap``, ``pid-namespace``, ``process-group``: the sandboxed kernel manager of
  course_tools.course.instructor.sandbox at that level (the levels this machine has);

one start = start the ``python3`` kernel, wait until it answers, run ``1 + 1``, shut it down
(``now=True``, as the grader's ``Execute.shutdown_kernel = "immediate"``) and sweep. Also the
wrapper alone: ``Sandbox.run(["true"])`` against ``subprocess.run(["true"])``. Prints the median
and mean seconds and the ratio of medians to ``plain``.

With ``--grading N``, also grades N submissions of ex05 (correct / partial / blank in turn, from
tests/course/submission_corpus.py, in benchmarks/_output/sandbox/) with ``grade_submissions``
(2 workers) four times in the same run (plain, sandbox, sandbox, plain), each in a fresh process:
as grade.py starts kernels today, and with its ``LimitedKernelManager`` wrapped by the bubblewrap
sandbox (the seam of phase 2, put in
place without editing grade.py). Prints both times, the cost per submission, and checks that every
grade is identical.

    .venv/bin/python benchmarks/bench_sandbox.py [--n 10] [--grading 20]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def kernel_cycle(manager_class, cwd: Path, **traits) -> tuple[float, float]:
    """Seconds until the kernel answers, and for the whole start-run-stop cycle."""
    t0 = time.perf_counter()
    km = manager_class(kernel_name="python3", **traits)
    km.start_kernel(cwd=str(cwd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        ready = time.perf_counter() - t0
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return ready, time.perf_counter() - t0


GRADE = """
import sys, time
from pathlib import Path
from course_tools.course.instructor import grade
from course_tools.course.instructor.sandbox import kernel_manager_class
course = Path(sys.argv[1])
if sys.argv[2] == "sandbox":
    from course_tools.course.instructor.sandbox import detect
    detect("bubblewrap")  # probed once in the parent, before the workers are forked

    class Sandboxed(kernel_manager_class(base=grade.LimitedKernelManager)):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self.sandbox_course_dir, self.sandbox_level = str(course), "bubblewrap"
    grade.LimitedKernelManager = Sandboxed
t0 = time.perf_counter()
out = grade.grade_submissions("ex05", course_dir=course, workers=2, progress=False)
print(time.perf_counter() - t0)
assert all(o.status == "graded" for o in out), [str(o) for o in out]
"""


def grading(n: int) -> None:
    """grade_submissions on ``n`` ex05 submissions, without and with the sandbox."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_grading import _env, grades, make_course

    out = ROOT / "benchmarks" / "_output" / "sandbox"
    plain, boxed = out / "plain", out / "sandbox"
    students = make_course(plain, "ex05", n)
    if boxed.exists():
        subprocess.run(["rm", "-rf", str(boxed)], check=True)
    subprocess.run(["cp", "-a", str(plain), str(boxed)], check=True)
    print(f"grading {n} submissions of ex05, 2 workers (load average {os.getloadavg()[0]:.1f})")
    runs: dict[str, list[float]] = {"plain": [], "sandbox": []}
    for name in ("plain", "sandbox", "sandbox", "plain"):  # ABBA: drift of the load cancels
        course = plain if name == "plain" else boxed
        done = subprocess.run([sys.executable, "-c", GRADE, str(course), name], cwd=ROOT,
                              env=_env(), capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr[-3000:])
        runs[name].append(float(done.stdout.split()[-1]))
        print(f"  {name:<8} {runs[name][-1]:7.1f} s")
    seconds = {name: statistics.mean(times) for name, times in runs.items()}
    print(f"  mean: plain {seconds['plain']:.1f} s, sandbox {seconds['sandbox']:.1f} s")
    extra = (seconds["sandbox"] - seconds["plain"]) / n * 2  # 2 workers: per submission per worker
    print(f"  ratio {seconds['sandbox'] / seconds['plain']:.3f}; about {extra:+.2f} s per "
          f"submission of one worker")
    g_plain, g_boxed = grades(plain, "ex05", students), grades(boxed, "ex05", students)
    diff = {s: (g_plain[s], g_boxed[s]) for s in students if g_plain[s] != g_boxed[s]}
    assert not diff, f"grades differ: {diff}"
    print(f"  identical grades for all {n} students")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10, help="starts of each variant (default 10)")
    parser.add_argument("--grading", type=int, default=0, metavar="N",
                        help="also grade N ex05 submissions with and without the sandbox")
    args = parser.parse_args()
    if args.grading:
        grading(args.grading)

    from jupyter_client.manager import KernelManager

    from course_tools.course.instructor.sandbox import Isolation, Sandbox, kernel_manager_class, probe

    levels = [lvl for lvl in (Isolation.BUBBLEWRAP, Isolation.PID_NAMESPACE,
                              Isolation.PROCESS_GROUP) if probe(lvl) is None]
    sandboxed = kernel_manager_class(base=KernelManager)
    work = Path(tempfile.mkdtemp(prefix="nichos-bench-sandbox-"))
    work.chmod(0o755)
    variants = {"plain": (KernelManager, {})}
    for lvl in levels:
        variants[str(lvl)] = (sandboxed, {"sandbox_level": str(lvl)})
    print(f"{args.n} kernel starts per variant, interleaved; euid {os.geteuid()}; "
          f"levels here: {', '.join(map(str, levels))}")
    for cls, traits in variants.values():  # one warm-up each (page cache, imports)
        kernel_cycle(cls, work, **traits)
    ready = {name: [] for name in variants}
    cycle = {name: [] for name in variants}
    for _ in range(args.n):
        for name, (cls, traits) in variants.items():
            r, c = kernel_cycle(cls, work, **traits)
            ready[name].append(r)
            cycle[name].append(c)

    base_r, base_c = statistics.median(ready["plain"]), statistics.median(cycle["plain"])
    print(f"\n{'variant':<15}{'ready median':>14}{'mean':>8}{'ratio':>8}"
          f"{'cycle median':>15}{'mean':>8}{'ratio':>8}{'+s/kernel':>11}")
    for name in variants:
        mr, mc = statistics.median(ready[name]), statistics.median(cycle[name])
        print(f"{name:<15}{mr:>13.3f}s{statistics.mean(ready[name]):>7.3f}s{mr / base_r:>7.2f}x"
              f"{mc:>14.3f}s{statistics.mean(cycle[name]):>7.3f}s{mc / base_c:>7.2f}x"
              f"{mc - base_c:>+10.3f}s")

    n = max(args.n, 20)
    plain, boxed = [], {str(lvl): [] for lvl in levels}
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(["true"], check=True)
        plain.append(time.perf_counter() - t0)
        for lvl in levels:
            t0 = time.perf_counter()
            result = Sandbox([work], level=lvl).run(["true"])
            assert result.returncode == 0, result
            boxed[str(lvl)].append(time.perf_counter() - t0)
    print(f"\n`true`, {n} runs each: subprocess.run {statistics.median(plain) * 1000:.1f} ms (median)")
    for name, times in boxed.items():
        print(f"  Sandbox.run at {name:<14} {statistics.median(times) * 1000:7.1f} ms "
              f"(+{(statistics.median(times) - statistics.median(plain)) * 1000:.1f} ms)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
