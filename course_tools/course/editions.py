"""Two editions of every lesson, one truth for the code: ``lessons/`` (English) and ``lessons/es/`` (Spanish).

The Spanish edition of ``lessons/05_revealed_comparative_advantage.ipynb`` is
``lessons/es/05_ventaja_comparativa_revelada.ipynb``: lessons are paired by their two-digit number.
The two notebooks have the same cells in the same order (same types, ids and tags); the markdown is
written in each language; the **code cells are identical**, except that the parameters cell of the
Spanish edition says ``LANG = "es"``, so tables, figures and messages follow the reader's language.

* :func:`sync_code` copies the code cells of the English edition into the Spanish one (run it after
  changing a lesson's code: ``course editions sync``); it refuses when the cell structure differs,
  because a translator must then mirror the new or removed cells first.
* :func:`check_pair` lists what breaks the rule (the tests fail on any item), including a markdown cell
  that still reads as English (:func:`english_ratio`, a stop-word ratio).

Adding an edition (Portuguese for Brazil, French for Haiti): add the language to
:data:`course_tools.i18n.LANGS` and its texts to the catalogue, a folder ``lessons/<lang>/`` whose
notebooks are copies of the English ones with translated markdown, and the language to :data:`FOLDERS`.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from course_tools.course import CourseInputError
from course_tools.i18n import text
from course_tools.paths import LESSONS

__all__ = ["FOLDERS", "EditionError", "EditionPair", "pairs", "english_ratio", "check_pair", "sync_code",
           "edition_parameters"]

#: Folder of each edition other than English, relative to ``lessons/``.
FOLDERS: dict[str, str] = {"es": "es"}

_LANG_LINE = re.compile(r'^(LANG\s*=\s*)"(\w+)"', re.M)
# English function words that are not Spanish words: their share tells English prose from Spanish.
_ENGLISH = frozenset("""
the and of to is are was were be been being that this these those with for from which what when where
who how why it its they their them we our you your he she his her not or an have has had can could will
would should shall may might must into onto over under than then there here also only each every other
such more most some any all both either neither about after before between through during without within
while because if so do does did done just very much many one two three first second new per by at on as
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_NOT_PROSE = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|https?://\S+|<[^>]+>|\[([^\]]*)\]\([^)]*\)", re.S)


class EditionError(CourseInputError):
    """The two editions of a lesson cannot be kept in step as they are (the message says what differs)."""


@dataclass(frozen=True)
class EditionPair:
    """An English lesson and its edition in ``lang``."""

    number: str
    english: Path
    edition: Path
    lang: str


def pairs(lang: str = "es", lessons: Path = LESSONS) -> list[EditionPair]:
    """Every English lesson with its edition in ``lang`` (paired by the two-digit number of the file name)."""
    folder = lessons / FOLDERS[lang]
    editions = {p.name[:2]: p for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))}
    out = []
    for en in sorted(lessons.glob("[0-9][0-9]_*.ipynb")):
        number = en.name[:2]
        if number not in editions:
            raise EditionError(text("course_msg.editions.no_edition", english=en.relative_to(lessons.parent),
                                    lang=lang, folder=folder.relative_to(lessons.parent), number=number))
        out.append(EditionPair(number, en, editions.pop(number), lang))
    if editions:
        raise EditionError(text("course_msg.editions.orphans", files=sorted(str(p) for p in editions.values())))
    return out


def english_ratio(markdown: str) -> float:
    """Share of the words of ``markdown`` that are English function words (code, formulas, links left out).

    Spanish prose scores below 0.05, English prose above 0.2; a quoted English title in a Spanish
    cell adds little. Returns 0.0 for a cell with fewer than 8 words.
    """
    prose = _NOT_PROSE.sub(lambda m: m.group(1) or " ", markdown)
    words = [w.lower() for w in _WORD.findall(prose)]
    if len(words) < 8:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


def edition_parameters(source: str, lang: str) -> str:
    """The parameters cell of an edition: the English one with ``LANG = "<lang>"``."""
    if not _LANG_LINE.search(source):
        raise EditionError(text("course_msg.editions.no_lang_line"))
    return _LANG_LINE.sub(lambda m: f'{m.group(1)}"{lang}"', source, count=1)


def _is_parameters(cell) -> bool:
    return cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", [])


def _structure(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.get("id", ""), tuple(c.get("metadata", {}).get("tags", []))) for c in nb.cells]


def _structure_problems(en, ed, pair: EditionPair) -> list[str]:
    a, b = _structure(en), _structure(ed)
    if a == b:
        return []
    if len(a) != len(b):
        return [text("course_msg.editions.n_cells", name=pair.edition.name, n=len(b), n_en=len(a))]
    return [text("course_msg.editions.cell_differs", where=_cell(pair.edition, i), got=f"{y[0]} {y[1]!r} {list(y[2])}",
                 want=f"{x[0]} {x[1]!r} {list(x[2])}") for i, (x, y) in enumerate(zip(a, b)) if x != y]


def _cell(notebook: Path, i: int) -> str:
    """``"<notebook file> cell <i>"``, where a problem is."""
    return text("course_msg.editions.cell", name=notebook.name, i=i)


def check_pair(pair: EditionPair, *, max_english: float = 0.15) -> list[str]:
    """Everything that breaks the two-editions rule for one lesson (an empty list when all is well)."""
    en, ed = nbformat.read(pair.english, as_version=4), nbformat.read(pair.edition, as_version=4)
    problems = _structure_problems(en, ed, pair)
    if problems:
        return problems
    if en.metadata != ed.metadata:
        problems.append(text("course_msg.editions.metadata", name=pair.edition.name))
    for i, (x, y) in enumerate(zip(en.cells, ed.cells)):
        where = _cell(pair.edition, i)
        if x.cell_type == "code":
            try:
                want = edition_parameters(x.source, pair.lang) if _is_parameters(x) else x.source
            except EditionError as err:
                problems.append(text("course_msg.editions.problem", where=_cell(pair.english, i), problem=err))
                continue
            if y.source != want:
                problems.append(text("course_msg.editions.code_differs", where=where))
            if y.get("outputs"):
                problems.append(text("course_msg.editions.outputs", where=where))
        elif x.cell_type == "markdown":
            if y.source.strip() == x.source.strip() and english_ratio(x.source) > 0:
                problems.append(text("course_msg.editions.not_translated", where=where))
            elif (r := english_ratio(y.source)) > max_english:
                problems.append(text("course_msg.editions.reads_english", where=where, ratio=r))
    return problems


def sync_code(pair: EditionPair, *, write: bool = True) -> bool:
    """Copy the English code cells into the edition (parameters with its LANG); True if something changed."""
    en, ed = nbformat.read(pair.english, as_version=4), nbformat.read(pair.edition, as_version=4)
    problems = _structure_problems(en, ed, pair)
    if problems:
        raise EditionError(text("course_msg.editions.cannot_sync", problems="\n  ".join(problems[:10])))
    changed = False
    for x, y in zip(en.cells, ed.cells):
        if x.cell_type != "code":
            continue
        want = edition_parameters(x.source, pair.lang) if _is_parameters(x) else x.source
        if y.source != want or y.get("outputs") or y.get("execution_count") is not None:
            y.source, y.outputs, y.execution_count = want, [], None
            y.metadata = copy.deepcopy(x.metadata)
            changed = True
    if ed.metadata != en.metadata:
        ed.metadata = copy.deepcopy(en.metadata)
        changed = True
    if changed and write:
        pair.edition.write_text(json.dumps(ed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed
