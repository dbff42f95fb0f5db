"""After grading: feedback for each participant, the grades table, and a dashboard of what to re-teach.

* :func:`generate_feedback` runs ``nbgrader generate_feedback`` (with
  :class:`course_tools.course.grading.HideHiddenTests`, set in ``nbgrader_config.py``) into
  ``feedback/<student>/<exNN>/``, writes each student's grading message (what the grading engine recorded:
  a time-out, an invalid notebook...) beside it in ``GRADING.txt``, puts it at the top of the HTML
  feedback too, and refuses to leave a feedback file that shows a hidden-test line.
* :func:`grades_table` is one row per student x question (grade id): student, assignment, question,
  score, max_score, status, message; participants without a submission get status ``"missing"``.
* :func:`question_summary` and :func:`dashboard_figure` turn it into success rates per question and a
  student x question heatmap (plotly), written as a standalone offline HTML by :func:`write_dashboard`.
"""
from __future__ import annotations

import html
import json
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path

import pandas as pd

from course_tools.course import CourseInputError
from course_tools.course.build import ORACLE_FILE, SOURCE_DIR, list_assignments
from course_tools.course.instructor.assignments import check_assignment, leaked_lines, run_nbgrader, secret_lines
from course_tools.course.instructor.roster import gradebook_students, open_gradebook, read_roster
from course_tools.i18n import check_lang, text, texts
from course_tools.paths import ROOT

GRADES_COLUMNS = ["student", "assignment", "question", "score", "max_score", "status", "message"]
MISSING = "missing"
MISSING_MESSAGE = ("No submission was collected for this exercise. / "
                   "No se recogió ninguna entrega para este ejercicio.")


# --------------------------------------------------------------------------------------------
# what the grading engine recorded

def questions(assignment: str, course_dir: Path = ROOT) -> list[tuple[str, float]]:
    """``[(grade_id, points), ...]`` of the graded cells of ``solutions/<assignment>/``, in notebook order."""
    out = []
    for nb in sorted((Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8")).get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade"):
                out.append((meta["grade_id"], float(meta.get("points", 0))))
    return out


def submitted_students(assignment: str, course_dir: Path = ROOT) -> list[str]:
    """Students with a folder ``submitted/<student>/<assignment>/`` (``_unmatched`` excluded)."""
    root = Path(course_dir) / "submitted"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")) and (p / assignment).is_dir())


def grading_log(assignment: str, course_dir: Path = ROOT) -> dict[str, dict]:
    """``{student: {"status", "message", "score", "max_score", ...}}`` recorded by the grading engine.

    Reads ``grading_log/<assignment>.json`` (a list of outcomes, or ``{"outcomes": [...]}``, or
    ``{student: outcome}``) and, for students not in it, ``autograded/<student>/<assignment>/GRADING.txt``.
    """
    course_dir = Path(course_dir)
    found: dict[str, dict] = {}
    log = course_dir / "grading_log" / f"{assignment}.json"
    if log.is_file():
        data = json.loads(log.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("outcomes"), (list, dict)):
            data = data["outcomes"]
        if isinstance(data, dict):
            data = [dict(v, student=k) if isinstance(v, dict) else {"student": k} for k, v in data.items()]
        for item in data:
            if isinstance(item, dict) and item.get("student"):
                if item.get("assignment", assignment) == assignment:
                    found[str(item["student"])] = item
    auto = course_dir / "autograded"
    if auto.is_dir():
        for txt in sorted(auto.glob(f"*/{assignment}/GRADING.txt")):
            student = txt.parent.parent.name
            if student not in found:
                found[student] = {"student": student, "message": txt.read_text(encoding="utf-8").strip()}
    return found


# --------------------------------------------------------------------------------------------
# grades

def grades_table(
    assignments: Sequence[str] | None = None,
    *,
    course_dir: Path = ROOT,
    roster: Path | None = None,
) -> pd.DataFrame:
    """One row per student x assignment x question: ``GRADES_COLUMNS``.

    Scores come from ``gradebook.db`` (nbgrader's, including any manual grade the instructor gave in
    formgrader), status and message from the grading engine's log (``"graded"`` when it has none).
    Students = the roster, the gradebook's students and every ``submitted/<student>/`` folder; a student
    without a submission has score 0 and status ``"missing"`` (as ``nbgrader export`` scores them).
    """
    course_dir = Path(course_dir)
    assignments = list(assignments) if assignments else list_assignments(course_dir)
    for a in assignments:
        check_assignment(a, course_dir)
    students = set(gradebook_students(course_dir))
    if roster:
        students |= {s.id for s in read_roster(roster)}
    for a in assignments:
        students |= set(submitted_students(a, course_dir))
    rows: list[dict] = []
    with ExitStack() as stack:
        gb = stack.enter_context(open_gradebook(course_dir)) if (course_dir / "gradebook.db").is_file() else None
        for a in assignments:
            qs = questions(a, course_dir)
            log = grading_log(a, course_dir)
            handed_in = set(submitted_students(a, course_dir))
            for student in sorted(students):
                scores: dict[str, float] | None = None
                if gb is not None:
                    try:
                        sub = gb.find_submission(a, student)
                        scores = {g.name: float(g.score) for nb in sub.notebooks for g in nb.grades}
                    except Exception:  # nbgrader.api.MissingEntry: not graded
                        scores = None
                info = log.get(student)
                if scores is None and info is None and student not in handed_in:
                    status, message = MISSING, MISSING_MESSAGE
                else:
                    status = str((info or {}).get("status") or ("graded" if scores is not None else "not graded"))
                    message = str((info or {}).get("message") or "")
                for q, points in qs:
                    rows.append({"student": student, "assignment": a, "question": q,
                                 "score": float((scores or {}).get(q, 0.0)), "max_score": points,
                                 "status": status, "message": message})
    return pd.DataFrame(rows, columns=GRADES_COLUMNS).astype(
        {"score": "float64", "max_score": "float64"})


# --------------------------------------------------------------------------------------------
# dashboard

def _check_table(table: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(text("grading.results.columns", missing=missing, columns=GRADES_COLUMNS))


def question_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per question: ``n`` submissions, ``share_full`` = share with score = max, ``mean_ratio`` = mean(score/max).

    ``table``: :func:`grades_table` output (columns ``student``, ``question``, ``score``, ``max_score``,
    ``status``). Students with status ``"missing"`` are left out (they tell nothing about a question).
    Questions keep the order of their first appearance in ``table``.
    """
    _check_table(table, ["student", "question", "score", "max_score", "status"])
    t = table[table["status"] != MISSING]
    t = t[t["max_score"] > 0]
    order = list(dict.fromkeys(table["question"]))
    out = pd.DataFrame({
        "question": t["question"].to_numpy(),
        "full": (t["score"] >= t["max_score"]).to_numpy(dtype=float),
        "ratio": (t["score"] / t["max_score"]).to_numpy(dtype=float),
    }).groupby("question", sort=False).agg(n=("full", "size"), share_full=("full", "mean"),
                                            mean_ratio=("ratio", "mean"))
    return out.reindex([q for q in order if q in out.index]).reset_index()


def dashboard_figure(table: pd.DataFrame, *, lang: str = "en"):
    """A plotly figure: bars of success per question (top) and a student x question heatmap (bottom).

    ``table``: :func:`grades_table` output (one assignment or several: questions are labelled
    ``<assignment>:<grade id>`` when there are several). ``lang``: ``"en"`` or ``"es"`` titles (the
    ``instructor.dashboard.*`` texts of the catalogue).
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    T = texts("instructor.dashboard", check_lang(lang))
    _check_table(table, GRADES_COLUMNS[:6])
    if table.empty:
        raise ValueError(text("grading.results.empty"))
    t = table.copy()
    if t["assignment"].nunique() > 1:
        t["question"] = t["assignment"].astype(str) + ":" + t["question"].astype(str)
    summary = question_summary(t)
    qs = list(dict.fromkeys(t["question"]))
    students = sorted(dict.fromkeys(t["student"]))
    ratio = (t["score"] / t["max_score"].where(t["max_score"] > 0)).where(t["status"] != MISSING)
    heat = (t.assign(ratio=ratio).pivot_table(index="student", columns="question", values="ratio",
                                              aggfunc="mean", dropna=False)
            .reindex(index=students, columns=qs))
    fig = make_subplots(rows=2, cols=1, row_heights=[0.3, 0.7], vertical_spacing=0.12,
                        subplot_titles=(T["rate"], T["heat"]))
    fig.add_trace(go.Bar(x=summary["question"], y=summary["share_full"], name=T["full"]), row=1, col=1)
    fig.add_trace(go.Bar(x=summary["question"], y=summary["mean_ratio"], name=T["mean"]), row=1, col=1)
    fig.add_trace(go.Heatmap(z=heat.to_numpy(dtype=float), x=qs, y=students, zmin=0, zmax=1,
                             colorscale="RdYlGn", colorbar=dict(title=T["heat"], len=0.65, y=0.33),
                             hovertemplate=f"{T['student']}: %{{y}}<br>{T['question']}: %{{x}}"
                                           f"<br>{T['heat']}: %{{z:.2f}}<extra></extra>"),
                  row=2, col=1)
    fig.update_yaxes(range=[0, 1], tickformat=".0%", row=1, col=1)
    fig.update_yaxes(autorange="reversed", row=2, col=1)
    fig.update_layout(title=T["title"], barmode="group", height=420 + 18 * len(students),
                      legend=dict(orientation="h", y=1.08))
    return fig


def write_dashboard(fig, path: Path) -> Path:
    """Write ``fig`` as a standalone HTML page with plotly.js embedded (opens offline, no CDN)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.write_html(path, include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    return path


# --------------------------------------------------------------------------------------------
# feedback

def _message_text(student: str, assignment: str, info: dict | None, score: tuple | None) -> str:
    lines = [f"{assignment} — {student}"]
    if score is not None:
        lines.append(f"Score / Puntaje: {score[0]:g} / {score[1]:g}")
    if info:
        if info.get("status"):
            lines.append(f"Status / Estado: {info['status']}")
        if info.get("message"):
            lines.append("")
            lines.append(str(info["message"]))
    return "\n".join(lines) + "\n"


def _inject(page: str, text: str) -> str:
    box = ('<div id="nichos-grading-message" style="border:2px solid #888;padding:0.6em 1em;margin:1em;'
           'font-family:sans-serif;white-space:pre-wrap">' + html.escape(text) + "</div>")
    if 'id="nichos-grading-message"' in page:
        return page
    i = page.find("<body")
    if i < 0:
        return box + page
    j = page.find(">", i) + 1
    return page[:j] + box + page[j:]


def generate_feedback(
    assignment: str,
    *,
    course_dir: Path = ROOT,
    progress: bool = True,
) -> dict[str, list[Path]]:
    """Feedback files ``{student: [paths]}`` in ``feedback/<student>/<assignment>/``.

    ``nbgrader generate_feedback <assignment> --force`` makes the HTML of every autograded notebook;
    then every student with a submission gets ``GRADING.txt`` (score, status and the grading engine's
    message, en/es), also shown at the top of the HTML. Raises :class:`CourseInputError` when nothing was
    graded, and ``RuntimeError`` if a feedback file shows a hidden-test line (that file is deleted).
    """
    course_dir = Path(course_dir)
    check_assignment(assignment, course_dir)
    log = grading_log(assignment, course_dir)
    auto = course_dir / "autograded"
    graded = sorted({p.parent.parent.name for p in auto.glob(f"*/{assignment}/*.ipynb")}) if auto.is_dir() else []
    students = sorted(set(graded) | set(log) | set(submitted_students(assignment, course_dir)))
    if not students:
        raise CourseInputError(text("grading.results.none_graded", assignment=assignment,
                                    course_dir=course_dir))
    if graded:
        _generate_feedback_html(assignment, course_dir, graded, progress)
    table = grades_table([assignment], course_dir=course_dir)
    totals = table.groupby("student")[["score", "max_score"]].sum()
    secret = secret_lines(assignment, course_dir, kinds=("HIDDEN TESTS",))
    out: dict[str, list[Path]] = {}
    leaks: list[str] = []
    oracles: list[str] = []
    for student in students:
        folder = course_dir / "feedback" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        score = tuple(totals.loc[student]) if student in totals.index else None
        said = _message_text(student, assignment, log.get(student), score)
        (folder / "GRADING.txt").write_text(said, encoding="utf-8")
        for page in sorted(folder.glob("*.html")):
            page.write_text(_inject(page.read_text(encoding="utf-8"), said), encoding="utf-8")
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        for f in files:
            if f.name == ORACLE_FILE:  # nbgrader copies what it does not ignore: never the answer key
                oracles.append(str(f.relative_to(course_dir)))
                f.unlink()
                continue
            found = leaked_lines(f.read_text(encoding="utf-8", errors="replace"), secret)
            if found:
                leaks.append(f"{f.relative_to(course_dir)}: {found[:2]}")
                f.unlink()
        out[student] = [f for f in files if f.exists()]
    if oracles:
        raise RuntimeError(text("instructor.feedback.oracle", name=ORACLE_FILE, paths=", ".join(oracles[:3])))
    if leaks:
        raise RuntimeError(text("grading.results.leaks", leaks=leaks[:3]))
    return out


def _generate_feedback_html(assignment: str, course_dir: Path, students: list[str], progress: bool) -> None:
    """``nbgrader generate_feedback`` for all students in one run, a progress bar fed from its log.

    If nbgrader fails on some notebook, each student is run alone so the others still get feedback.
    """
    import os
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "nbgrader", "generate_feedback", assignment, "--force",
           f"--CourseDirectory.root={course_dir}"]
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(students), desc=f"feedback {assignment}", unit="notebook")
    log = []
    with subprocess.Popen(cmd, cwd=course_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace") as proc:
        for line in proc.stdout:
            log.append(line)
            if bar is not None and "Converting notebook" in line:
                bar.update()
    if bar is not None:
        bar.close()
    if proc.returncode == 0:
        return
    for student in students:  # one failing notebook must not cost the others their feedback
        try:
            run_nbgrader(["generate_feedback", assignment, "--force", f"--student={student}"], course_dir)
        except CourseInputError:
            pass  # that student's GRADING.txt still says what happened


def release_feedback(assignment: str, *, course_dir: Path = ROOT, exchange: Path | None = None) -> list[str]:
    """``nbgrader release_feedback <assignment>``: participants fetch it from JupyterLab's Assignments tab.

    Only submissions that came through the exchange can get feedback there (nbgrader matches it with
    the ``submission_secret.txt`` written by ``nbgrader submit``); the others are left out and returned
    (send theirs with ``feedback_zip``).
    """
    course_dir = Path(course_dir)
    folders = sorted((course_dir / "feedback").glob(f"*/{assignment}"))
    if not any(f.glob("*.html") for f in folders):
        raise CourseInputError(text("grading.results.no_html", assignment=assignment))
    outside = [f.parent.name for f in folders
               if not ((f / "submission_secret.txt").is_file() and (f / "timestamp.txt").is_file())]
    if len(outside) == len(folders):
        return outside
    args = ["release_feedback", assignment]
    if outside:
        args.append(f"--CourseDirectory.student_id_exclude={','.join(outside)}")
    if exchange is not None:
        Path(exchange).mkdir(parents=True, exist_ok=True)
        args.append(f"--Exchange.root={Path(exchange).resolve()}")
    run_nbgrader(args, course_dir)
    return outside


def feedback_zip(assignment: str, out: Path, *, course_dir: Path = ROOT) -> Path:
    """A zip of ``<student>/<assignment>/<files>`` from ``feedback/`` to send by LMS or e-mail."""
    course_dir, out = Path(course_dir), Path(out)
    base = course_dir / "feedback"
    files = sorted(p for p in base.glob(f"*/{assignment}/**/*") if p.is_file()
                   and not p.parts[len(base.parts)].startswith(("_", ".")))
    if not files:
        raise CourseInputError(text("grading.results.no_feedback", assignment=assignment, base=base))
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            if f.name in ("timestamp.txt", "submission_secret.txt"):
                continue
            zf.write(f, f.relative_to(base).as_posix())
    return out


__all__ = ["GRADES_COLUMNS", "MISSING", "questions", "submitted_students", "grading_log", "grades_table",
           "question_summary", "dashboard_figure", "write_dashboard", "generate_feedback",
           "release_feedback", "feedback_zip"]
