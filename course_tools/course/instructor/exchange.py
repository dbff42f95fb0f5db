"""Release exercises to participants and collect their submissions (``course release | collect``).

* :func:`release_zip` writes ``<exNN>.zip`` (``exNN/*.ipynb`` + a bilingual ``HOW-TO-SUBMIT.txt``) for a
  workshop that hands out work by LMS or e-mail; :func:`release_to_exchange` runs
  ``nbgrader release_assignment`` into the nbgrader exchange of a JupyterHub. Both first rebuild
  ``exercises/`` when ``solutions/`` is newer (:func:`course_tools.course.grading.build_exercises`) and refuse to
  release a file that shows a solution or hidden-test line (:func:`check_release`).
* :func:`collect_from_path` copies submissions downloaded from an LMS (a folder or a ``.zip``) into
  ``submitted/<student>/<exNN>/``, nbgrader's layout, following nbgrader ``zip_collect`` conventions
  (:func:`parse_source_name`); :func:`collect_from_exchange` runs ``nbgrader collect`` and files the result
  the same way. Misnamed notebooks (``ex03 (1).ipynb``, ``Copy of ex03.ipynb``, ``ex03-maria.ipynb``) are
  matched to the assignment's notebook (:func:`match_notebook_name`); files whose student cannot be told
  are kept in ``submitted/_unmatched/<exNN>/`` and reported. No file is ever dropped, and the downloaded
  originals are only read.
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Sequence

from course_tools.course.grading import RELEASE_DIR, SOURCE_DIR, build_exercises, list_assignments, notebook_hidden_text
from course_tools.paths import ROOT

UNMATCHED = "_unmatched"
#: Student ids: what nbgrader and the exchange accept as a folder / file-name part.
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")
#: nbgrader's documented LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``.
LMS_REGEXP = r"(?P<prefix>.*)_attempt_(?P<timestamp>[0-9][0-9\-_:T. ]*?)_(?P<file_id>[^/]+)$"
_SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_COPY_WORDS = re.compile(r"^(copy of|copia de|copia di|copie de)\s+|\s*-\s*(copy|copia)\s*$|\s*\(\d+\)\s*$"
                         r"|-checkpoint$", re.I)
_ASSIGNMENT_TOKEN = re.compile(r"(?<![a-z0-9])ex\d\d(?![0-9])", re.I)

HOW_TO_SUBMIT = """\
Nichos — {a}

EN  How to do and hand in this exercise
 1. Unzip this file. Open {a}/{nb} in Jupyter (JupyterLab, Notebook or VS Code).
 2. Write your answers where the notebook says "YOUR CODE HERE"; run check("q1") etc. to test them.
 3. Save (Ctrl+S). Keep the file name {nb} and do not change the grey locked cells.
 4. Hand in {nb} only (not this zip) by the LMS or e-mail, as your instructor asked.

ES  Cómo hacer y entregar este ejercicio
 1. Descomprima este archivo. Abra {a}/{nb} en Jupyter (JupyterLab, Notebook o VS Code).
 2. Escriba sus respuestas donde el cuaderno dice "YOUR CODE HERE"; ejecute check("q1"), etc. para probarlas.
 3. Guarde (Ctrl+S). Mantenga el nombre {nb} y no cambie las celdas grises bloqueadas.
 4. Entregue solo {nb} (no este zip) por la plataforma o por correo, como indicó su instructor/a.
"""


class CourseInputError(ValueError):
    """The instructor's input is wrong (unknown assignment, missing file, bad roster...)."""


# --------------------------------------------------------------------------------------------
# assignments and release

def check_assignment(assignment: str, course_dir: Path = ROOT) -> list[str]:
    """The notebook file names of ``solutions/<assignment>/``; raise :class:`CourseInputError` if none."""
    available = list_assignments(Path(course_dir))
    if assignment not in available:
        raise CourseInputError(
            f"no assignment {assignment!r} in {Path(course_dir) / SOURCE_DIR}: the assignments are "
            f"{available or 'none'} (check the name, or pass --course-dir with the course folder)")
    return sorted(p.name for p in (Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb"))


_GENERIC = re.compile(r"(try:|else:|finally:|except\b.*:|pass|return|import \S+( as \S+)?|"
                      r"from \S+ import .+|[)\]}]+,?|#.*|.{0,7})")


def secret_lines(assignment: str, course_dir: Path = ROOT,
                 kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> set[str]:
    """Solution / hidden-test lines of ``solutions/<assignment>/`` that would give something away.

    The lines between nbgrader's ``### BEGIN``/``### END`` markers (:func:`grading.notebook_hidden_text`), without
    the ones that say nothing of an answer (imports, comments, bare syntax, lines under 8 characters).
    """
    lines: set[str] = set()
    for nb in sorted((Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb")):
        lines.update(x for x in notebook_hidden_text(nb, kinds=kinds) if not _GENERIC.fullmatch(x))
    return lines


def leaked_lines(text: str, secret: Iterable[str]) -> list[str]:
    """Secret lines that stand as a whole line in ``text`` (after stripping), plus nbgrader markers."""
    shown = {line.strip() for line in text.splitlines()}
    found = sorted(set(secret) & shown)
    found += [m for m in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS") if m in text]
    return found


def check_release(assignment: str, course_dir: Path = ROOT, build: bool = True) -> list[Path]:
    """The released notebooks ``exercises/<assignment>/*``, rebuilt first if ``solutions/`` is newer.

    Raises :class:`CourseInputError` if a released file shows a solution or hidden-test line.
    """
    import json

    course_dir = Path(course_dir)
    names = check_assignment(assignment, course_dir)
    out = course_dir / RELEASE_DIR / assignment
    src = course_dir / SOURCE_DIR / assignment
    stale = not all((out / n).is_file() for n in names) or (
        max(p.stat().st_mtime for p in src.rglob("*") if p.is_file())
        > min((out / n).stat().st_mtime for n in names))
    if stale and build:
        build_exercises([assignment], course_root=course_dir)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    secret = secret_lines(assignment, course_dir)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".ipynb":
            cells = json.loads(text).get("cells", [])
            text = "\n".join("".join(c.get("source", "")) if isinstance(c.get("source"), list)
                             else c.get("source", "") for c in cells) + "\n" + text
        leaks = leaked_lines(text, secret)
        if leaks:
            raise CourseInputError(
                f"{path} shows solution or hidden-test lines ({leaks[:2]}): not released. Run "
                f"`course build {assignment}` and check the ### BEGIN/END markers in {src}")
    return files


def _deterministic_write(zf: zipfile.ZipFile, arcname: str, data: bytes) -> None:
    info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def release_zip(assignment: str, *, course_dir: Path = ROOT, out: Path | None = None) -> Path:
    """Write ``<out>`` (default ``output/release/<assignment>.zip``) for an LMS or e-mail workshop.

    Content: ``<assignment>/<notebook>.ipynb`` (the checked release) and ``HOW-TO-SUBMIT.txt`` (en/es).
    The same inputs always give the same bytes.
    """
    course_dir = Path(course_dir)
    files = check_release(assignment, course_dir)
    out = Path(out) if out is not None else course_dir / "output" / "release" / f"{assignment}.zip"
    out.parent.mkdir(parents=True, exist_ok=True)
    base = course_dir / RELEASE_DIR / assignment
    nbs = [p.name for p in files if p.suffix == ".ipynb"]
    with zipfile.ZipFile(out, "w") as zf:
        for path in files:
            _deterministic_write(zf, f"{assignment}/{path.relative_to(base).as_posix()}", path.read_bytes())
        _deterministic_write(zf, "HOW-TO-SUBMIT.txt",
                             HOW_TO_SUBMIT.format(a=assignment, nb=" / ".join(nbs)).encode("utf-8"))
    return out


def _run_nbgrader(args: list[str], course_dir: Path) -> str:
    from course_tools.course.grading import GradingError, _run_nbgrader as run

    try:
        return run(args, Path(course_dir))
    except GradingError as err:
        raise CourseInputError(str(err)) from err


def release_to_exchange(assignment: str, *, course_dir: Path = ROOT, exchange: Path | None = None) -> Path:
    """``nbgrader release_assignment <assignment> --force`` into the exchange; return its outbound folder.

    ``exchange``: the nbgrader exchange root (default: nbgrader's ``c.Exchange.root``,
    ``/srv/nbgrader/exchange``). Participants then see the assignment in JupyterLab's Assignments tab.
    """
    course_dir = Path(course_dir)
    check_release(assignment, course_dir)
    args = ["release_assignment", assignment, "--force"]
    if exchange is not None:
        Path(exchange).mkdir(parents=True, exist_ok=True)
        args.append(f"--Exchange.root={Path(exchange).resolve()}")
    _run_nbgrader(args, course_dir)
    root = Path(exchange).resolve() if exchange is not None else Path("/srv/nbgrader/exchange")
    return root / "nichos" / "outbound" / assignment


# --------------------------------------------------------------------------------------------
# roster

@dataclass(frozen=True)
class Student:
    """A participant of the roster (``students.csv``: id[,first_name,last_name,email])."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


def read_roster(path: Path) -> list[Student]:
    """Read ``students.csv`` (UTF-8 or Latin-1; comma or semicolon): a column ``id``, optional names/e-mail."""
    path = Path(path)
    if not path.is_file():
        raise CourseInputError(f"roster {path} not found: give a CSV with a column 'id' "
                               f"(and optionally first_name,last_name,email)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=header.count) if any(d in header for d in ",;\t") else ","
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    if not rows or "id" not in {(k or "").strip().lower() for k in rows[0]}:
        raise CourseInputError(f"roster {path}: the first line must name the columns, one of them 'id' "
                               f"(e.g. id,first_name,last_name,email)")
    students, bad = [], []
    for n, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("id"):
            continue
        if not STUDENT_ID.fullmatch(row["id"]) or row["id"].startswith("_"):
            bad.append(f"line {n}: {row['id']!r}")
        students.append(Student(row["id"], row.get("first_name", ""), row.get("last_name", ""),
                                row.get("email", "")))
    if bad:
        raise CourseInputError(f"roster {path}: ids must be letters, digits, '.', '-', '_' or '@' "
                               f"(no spaces, not starting with '_'): {bad[:5]}")
    dupes = sorted({s.id for s in students if [t.id for t in students].count(s.id) > 1})
    if dupes:
        raise CourseInputError(f"roster {path}: ids listed twice: {dupes}")
    return students


@contextmanager
def open_gradebook(course_dir: Path = ROOT):
    """nbgrader's ``Gradebook`` of ``<course_dir>/gradebook.db`` (created if missing).

    A new gradebook asks the ``alembic`` command for its schema version: the Python environment's
    ``bin/`` is put first on ``PATH`` while it is open (as :func:`course_tools.course.grading._run_nbgrader` does).
    """
    import os
    import sys

    from nbgrader.api import Gradebook

    old = os.environ.get("PATH")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), old or ""])
    try:
        with Gradebook(f"sqlite:///{Path(course_dir) / 'gradebook.db'}", course_id="nichos") as gb:
            yield gb
    finally:
        if old is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = old


def gradebook_students(course_dir: Path = ROOT) -> list[str]:
    """Student ids in ``gradebook.db`` (empty if there is no gradebook yet)."""
    db = Path(course_dir) / "gradebook.db"
    if not db.is_file():
        return []
    with open_gradebook(course_dir) as gb:
        return sorted(s.id for s in gb.students)


def add_to_gradebook(students: Sequence[Student], course_dir: Path = ROOT) -> None:
    """Add or update the roster's students in ``gradebook.db`` (as ``nbgrader db student add``)."""
    with open_gradebook(course_dir) as gb:
        for s in students:
            gb.update_or_create_student(s.id, first_name=s.first_name or None,
                                        last_name=s.last_name or None, email=s.email or None)


# --------------------------------------------------------------------------------------------
# matching file names

def _token_re(word: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", re.I)


def match_notebook_name(filename: str, notebooks: Sequence[str], assignment: str) -> str | None:
    """The assignment notebook a submitted file stands for, or None.

    Exact names win. Otherwise a ``.ipynb`` file matches when its name, without copy marks
    (``Copy of``, ``Copia de``, `` (1)``, ``- copy``, ``-checkpoint``), equals a notebook's name or contains
    it as a separate word (``ex03-maria.ipynb``, ``maria_ex03_final.ipynb``), and names no other
    assignment (``ex01.ipynb`` is never taken for ex03). Ambiguous names give None.
    """
    if filename in notebooks:
        return filename
    path = PurePosixPath(filename)
    if path.suffix.lower() != ".ipynb":
        return None
    stem = path.stem.strip()
    for _ in range(3):
        stem = _COPY_WORDS.sub("", stem).strip()
    others = {t.lower() for t in _ASSIGNMENT_TOKEN.findall(stem)} - {assignment.lower()}
    if others:
        return None
    exact = [nb for nb in notebooks if PurePosixPath(nb).stem.lower() == stem.lower()]
    if len(exact) == 1:
        return exact[0]
    found = [nb for nb in notebooks if _token_re(PurePosixPath(nb).stem).search(stem)]
    if len(found) == 1:
        return found[0]
    if not found and len(notebooks) == 1 and _token_re(assignment).search(stem):
        return notebooks[0]
    return None


def _student_in_text(text: str, students: Iterable[str]) -> list[str]:
    hits = [s for s in students if _token_re(s).search(text)]
    # "maria" inside "maria_lopez": keep the longer id
    return [s for s in hits if not any(s != t and _token_re(s).search(t) for t in hits)]


@dataclass(frozen=True)
class SourceMatch:
    """How one downloaded file was read: its student (or None), the file name inside the submission."""

    student: str | None
    file: str
    timestamp: str | None = None
    rule: str = ""


def parse_source_name(
    relpath: str,
    *,
    assignment: str,
    notebooks: Sequence[str],
    students: Sequence[str] = (),
    regexp: str | None = None,
    strip: int = 0,
) -> SourceMatch:
    """Tell the student and the file of a downloaded submission file from its path.

    Rules, in order (``students`` = the roster / gradebook ids; when given, only those ids match):

    1. ``regexp``: the instructor's own nbgrader ``FileNameCollectorPlugin.named_regexp`` with groups
       ``student_id`` and ``file_id`` (optional ``timestamp``), applied to the file name;
    2. nbgrader's LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``;
    3. a folder tree ``<student>/<file>`` or ``<student>/<exNN>/<file>`` (after ``strip`` leading
       folders common to the whole upload);
    4. a flat ``<student>_<file>``, or a known student's id as a separate word of the name
       (``ex03-maria.ipynb``).
    """
    parts = PurePosixPath(relpath).parts[strip:]
    name = parts[-1]
    known = list(students)

    def ok(sid: str | None) -> str | None:
        if not sid or not STUDENT_ID.fullmatch(sid) or sid.startswith("_"):
            return None
        if known:
            low = {s.lower(): s for s in known}
            return low.get(sid.lower())
        return sid if sid.lower() != assignment.lower() else None

    if regexp:
        m = re.match(regexp, name)
        if m and "student_id" in m.groupdict():
            gd = m.groupdict()
            return SourceMatch(ok(gd.get("student_id")), gd.get("file_id") or name,
                               gd.get("timestamp"), "regexp")
    m = re.match(LMS_REGEXP, name)
    if m:
        prefix = m["prefix"]
        sid = None
        if known:
            cands = [s for s in known if prefix.lower() == s.lower() or prefix.lower().endswith("_" + s.lower())]
            sid = max(cands, key=len) if cands else None
        else:
            sid = ok(prefix.rsplit("_", 1)[-1])
        return SourceMatch(sid, m["file_id"], m["timestamp"], "lms")
    folders = list(parts[:-1])
    # the first folder that is a known student (any depth), else the first (or the one after <exNN>/)
    candidates = range(len(folders)) if known else range(min(2, len(folders)))
    for i in candidates:
        if i == 1 and not known and folders[0].lower() != assignment.lower():
            break
        sid = ok(folders[i])
        if sid:
            rest = folders[i + 1:]
            if rest and rest[0].lower() == assignment.lower():
                rest = rest[1:]
            return SourceMatch(sid, "/".join([*rest, name]), None, "folder")
    stem = PurePosixPath(name).stem
    if known:
        cands = [s for s in known if name.lower().startswith(s.lower() + "_")]
        if cands:
            sid = max(cands, key=len)
            return SourceMatch(sid, name[len(sid) + 1:], None, "prefix")
        hits = _student_in_text(stem, known)
        if len(hits) == 1:
            return SourceMatch(hits[0], name, None, "name")
        return SourceMatch(None, name, None, "ambiguous" if hits else "")
    if "_" in name:
        sid, rest = name.split("_", 1)
        if ok(sid) and match_notebook_name(rest, notebooks, assignment):
            return SourceMatch(sid, rest, None, "prefix")
    return SourceMatch(None, name, None, "")


# --------------------------------------------------------------------------------------------
# collect

@dataclass
class CollectRow:
    """One file of the upload: where it went and why."""

    source: str          # path inside the folder / zip given to collect
    student: str         # "" when unknown
    matched_as: str      # path under the course folder, e.g. submitted/maria/ex03/ex03.ipynb
    status: str          # collected | renamed | kept (not a notebook) | kept (other notebook) | ...


def _safe_extract(archive: Path, dest: Path) -> None:
    """Unzip without letting a member escape ``dest``; zips inside are unzipped into a folder of their name."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            parts = [p for p in PurePosixPath(info.filename.replace("\\", "/")).parts
                     if p not in ("", ".", "..", "/")]
            if not parts:
                continue
            target = dest.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
    for inner in sorted(dest.rglob("*.zip")):
        folder = inner.with_suffix("")
        if not folder.exists() and zipfile.is_zipfile(inner):
            folder.mkdir(parents=True)
            _safe_extract(inner, folder)
            inner.unlink()


def _write_timestamp(folder: Path, stamp: str | None) -> None:
    if not stamp:
        return
    from dateutil.parser import parse

    try:
        value = parse(stamp.replace("_", " "), fuzzy=True)
    except (ValueError, OverflowError):
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)", stamp)
        if not m:
            return
        from datetime import datetime

        value = datetime(*map(int, m.groups()))
    (folder / "timestamp.txt").write_text(value.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))


def _common_strip(paths: list[str], students: Sequence[str]) -> int:
    """How many leading folders all paths share that are not a student (an LMS's wrapping folder)."""
    split = [PurePosixPath(p).parts[:-1] for p in paths]
    if len(paths) < 2 or not split:
        return 0
    n = 0
    low = {s.lower() for s in students}
    while all(len(s) > n for s in split) and len({s[n] for s in split}) == 1 and split[0][n].lower() not in low:
        n += 1
    return n


def collect_from_path(
    assignment: str,
    source: Path,
    *,
    course_dir: Path = ROOT,
    roster: Path | None = None,
    regexp: str | None = None,
) -> list[CollectRow]:
    """Copy the submissions in ``source`` (a folder or ``.zip``) to ``submitted/<student>/<assignment>/``.

    Every file of ``source`` gets one :class:`CollectRow`. A student's earlier submission of the same
    assignment is replaced (the upload is the newest state; its files remain in ``source``); of several
    LMS attempts, the latest is filed and the older ones are kept in ``submitted/_unmatched/``. With
    ``roster`` (or students already in the gradebook) only those ids are accepted, and the roster's
    students are added to the gradebook.
    """
    course_dir = Path(course_dir)
    notebooks = check_assignment(assignment, course_dir)
    source = Path(source)
    if not source.exists():
        raise CourseInputError(f"{source} not found: give the folder or .zip of downloaded submissions")
    people = read_roster(roster) if roster else []
    if people:
        add_to_gradebook(people, course_dir)
    known = [s.id for s in people] or gradebook_students(course_dir)
    with tempfile.TemporaryDirectory(prefix="nichos-collect-") as tmp:
        if source.is_file():
            if not zipfile.is_zipfile(source):
                raise CourseInputError(f"{source} is not a folder or a .zip file")
            root = Path(tmp) / "upload"
            _safe_extract(source, root)
        else:
            root = source
        files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                       if p.is_file() and p.name not in _SYSTEM_FILES and "__MACOSX" not in p.parts)
        # an empty student folder is a submission too (the grader records it as empty)
        empty = sorted(p.relative_to(root).as_posix() + "/" for p in root.rglob("*")
                       if p.is_dir() and not any(p.iterdir()))
        return _file_submissions(assignment, notebooks, root, files + empty, course_dir, known, regexp)


def _file_submissions(assignment: str, notebooks: list[str], root: Path, files: list[str],
                      course_dir: Path, known: Sequence[str], regexp: str | None,
                      timestamps: dict[str, str] | None = None) -> list[CollectRow]:
    strip = _common_strip(files, known)
    matches = {f: parse_source_name(f + "(empty)" if f.endswith("/") else f, assignment=assignment, notebooks=notebooks, students=known,
                                    regexp=regexp, strip=strip) for f in files}
    # of several LMS attempts by one student, the latest is the submission
    latest: dict[str, str] = {}
    for f, m in matches.items():
        if m.student and m.timestamp and m.timestamp > latest.get(m.student, ""):
            latest[m.student] = m.timestamp
    rows: list[CollectRow] = []
    submitted = course_dir / "submitted"
    by_student: dict[str, list[tuple[str, SourceMatch]]] = {}
    for f, m in matches.items():
        if m.student and (not m.timestamp or m.timestamp == latest.get(m.student)):
            by_student.setdefault(m.student, []).append((f, m))
            continue
        if f.endswith("/"):  # an empty folder of no known student: nothing to keep
            continue
        reason = ("older attempt" if m.student else
                  "student not found (ambiguous name)" if m.rule == "ambiguous" else "student not found")
        dest = submitted / UNMATCHED / assignment / (m.student or "") / PurePosixPath(*PurePosixPath(f).parts[strip:])
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / f, dest)
        rows.append(CollectRow(f, m.student or "", dest.relative_to(course_dir).as_posix(),
                               f"kept aside: {reason}"))
    for student, items in sorted(by_student.items()):
        folder = submitted / student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        # exact names first, so a misnamed copy never replaces the real notebook
        items.sort(key=lambda fm: (fm[1].file not in notebooks, fm[1].file))
        taken: set[str] = set()
        for f, m in items:
            if f.endswith("/"):
                rows.append(CollectRow(f, student, folder.relative_to(course_dir).as_posix() + "/",
                                       "empty submission"))
                continue
            target = match_notebook_name(PurePosixPath(m.file).name, notebooks, assignment) \
                if "/" not in m.file else (m.file if m.file in notebooks else None)
            if target and target not in taken:
                rel, status = target, "collected" if m.file == target else "renamed"
                taken.add(target)
            else:
                rel = m.file
                status = ("kept (another copy of " + target + ")" if target else
                          "kept (other notebook)" if m.file.lower().endswith(".ipynb") else
                          "kept (not a notebook)")
            dest = folder / rel
            if dest.exists():  # two files with one name: keep both
                dest = dest.with_name(f"{dest.stem}.{len(rows)}{dest.suffix}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / f, dest)
            rows.append(CollectRow(f, student, dest.relative_to(course_dir).as_posix(), status))
        stamp = (timestamps or {}).get(student) or latest.get(student)
        if timestamps and student in timestamps:
            (folder / "timestamp.txt").write_text(timestamps[student])
        else:
            _write_timestamp(folder, stamp)
    return sorted(rows, key=lambda r: (r.student == "", r.student, r.source))


def collect_from_exchange(
    assignment: str,
    *,
    course_dir: Path = ROOT,
    exchange: Path | None = None,
    roster: Path | None = None,
) -> list[CollectRow]:
    """Collect the latest exchange submission of each student, filed like :func:`collect_from_path`.

    Reads ``<exchange>/nichos/inbound/<student>+<assignment>+<timestamp>+<random>/`` as
    ``nbgrader collect`` does (the latest timestamp of each student wins) but copies every file:
    with this course's ``include = ["*.ipynb"]`` nbgrader's collect would leave other files behind.
    ``exchange``: the exchange root (default: nbgrader's ``/srv/nbgrader/exchange``).
    """
    from nbgrader.utils import parse_utc

    course_dir = Path(course_dir)
    notebooks = check_assignment(assignment, course_dir)
    inbound = Path(exchange or "/srv/nbgrader/exchange") / "nichos" / "inbound"
    if not inbound.is_dir():
        raise CourseInputError(f"{inbound} not found: give the nbgrader exchange root with --exchange "
                               f"(the folder holding nichos/inbound), or collect --from a folder or zip")
    people = read_roster(roster) if roster else []
    if people:
        add_to_gradebook(people, course_dir)
    latest: dict[str, tuple] = {}
    for folder in inbound.iterdir():
        parts = folder.name.rsplit("+", 3)
        if not folder.is_dir() or len(parts) < 3 or parts[1] != assignment:
            continue
        try:
            when = parse_utc(parts[2])
        except (ValueError, OverflowError):
            continue
        if parts[0] not in latest or when > latest[parts[0]][0]:
            latest[parts[0]] = (when, parts[2], folder)
    with tempfile.TemporaryDirectory(prefix="nichos-exchange-") as tmp:
        root = Path(tmp)
        stamps, files = {}, []
        for student, (_, stamp, folder) in sorted(latest.items()):
            stamps[student] = stamp
            for f in sorted(folder.rglob("*")):
                if f.is_file() and f.name != "timestamp.txt":
                    rel = PurePosixPath(student, assignment, *f.relative_to(folder).parts)
                    (root / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(f, root / rel)
                    files.append(rel.as_posix())
            if not any(p.startswith(f"{student}/") for p in files):  # an empty submission stays visible
                (root / student / assignment).mkdir(parents=True, exist_ok=True)
        rows = _file_submissions(assignment, notebooks, root, files, course_dir, sorted(latest), None, stamps)
        for student in sorted(set(latest) - {r.student for r in rows}):
            folder = course_dir / "submitted" / student / assignment
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            (folder / "timestamp.txt").write_text(stamps[student])
            rows.append(CollectRow(f"{student}+{assignment}+{stamps[student]}", student,
                                   folder.relative_to(course_dir).as_posix(), "empty submission"))
        return rows
