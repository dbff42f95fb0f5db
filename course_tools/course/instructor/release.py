"""Release an exercise to participants (``course release``): as a zip for an LMS or e-mail, or to the exchange.

:func:`release_zip` writes ``<exNN>.zip`` (``exNN/*.ipynb`` + a bilingual ``HOW-TO-SUBMIT.txt``) for a
workshop that hands out work by LMS or e-mail; :func:`release_to_exchange` runs
``nbgrader release_assignment`` into the nbgrader exchange of a JupyterHub. Both first rebuild
``exercises/`` when ``solutions/`` is newer (:func:`course_tools.course.build.build_exercises`) and refuse to
release a file that shows a solution or hidden-test line (:func:`check_release`).
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from course_tools import i18n
from course_tools.course import CourseInputError
from course_tools.course.build import ORACLE_FILE, RELEASE_DIR, SOURCE_DIR, build_exercises
from course_tools.course.instructor.assignments import check_assignment, leaked_lines, run_nbgrader, secret_lines
from course_tools.paths import ROOT

__all__ = ["HOW_TO_SUBMIT", "check_release", "release_zip", "release_to_exchange"]

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


def check_release(assignment: str, course_dir: Path = ROOT, build: bool = True) -> list[Path]:
    """The released notebooks ``exercises/<assignment>/*``, rebuilt first if ``solutions/`` is newer.

    Raises :class:`CourseInputError` if a released file shows a solution or hidden-test line.
    """
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
    oracles = [p for p in files if p.name == ORACLE_FILE]
    if oracles:
        raise CourseInputError(i18n.text("instructor.release.oracle", path=oracles[0], assignment=assignment))
    secret = secret_lines(assignment, course_dir, oracle=True)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".ipynb":
            cells = json.loads(text).get("cells", [])
            text = "\n".join("".join(c.get("source", "")) if isinstance(c.get("source"), list)
                             else c.get("source", "") for c in cells) + "\n" + text
        leaks = leaked_lines(text, secret)
        if leaks:
            raise CourseInputError(i18n.text("grading.release.leak", path=path, leaks=leaks[:2],
                                             assignment=assignment, src=src))
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
    run_nbgrader(args, course_dir)
    root = Path(exchange).resolve() if exchange is not None else Path("/srv/nbgrader/exchange")
    return root / "nichos" / "outbound" / assignment
