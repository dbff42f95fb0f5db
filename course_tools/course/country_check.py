"""``course check-countries``: the country matrix for coordinators and instructors, as a table.

:func:`check_countries` runs the notebooks of :func:`course_tools.course.matrix.matrix_plan` (the
lessons, the solution notebooks and/or the report) for the countries asked, checks each country's
recorded values (:mod:`course_tools.course.matrix_checks`) and returns a :class:`CountryCheck`;
:func:`table_message` writes it as countries × notebooks with ✓ or ✗, one column ``=`` for the consistency
between notebooks, and below it the reason of every ✗ (the cell that failed and the error, or the
value that is not sane), in the language asked.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from course_tools.course import CourseInputError
from course_tools.course.matrix import KINDS, CountryRun, MatrixItem, matrix_countries, matrix_plan, run_item
from course_tools.course.matrix_checks import consistency_problems, sanity_problems
from course_tools.i18n import text

__all__ = ["CountryCheck", "check_countries", "short_name", "table_message"]


@dataclass
class CountryCheck:
    """What :func:`check_countries` found: the runs by notebook item, and the reasons of each failure."""

    items: list[MatrixItem]
    runs: dict[str, dict[str, CountryRun]] = field(default_factory=dict)
    #: (country, item name) -> reasons; item name "=" for the consistency between notebooks
    failures: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def countries(self) -> list[str]:
        return self.items[0].countries if self.items else []

    @property
    def ok(self) -> bool:
        return not self.failures


def short_name(item: str) -> str:
    """A column label: ``L05`` for a lesson, ``ex05`` for a solution, ``report``."""
    if item.startswith("lessons/"):
        return "L" + Path(item).name[:2]
    if item.startswith("solutions/"):
        return Path(item).stem
    return item


def _check_codes(countries: Iterable[str]) -> list[str]:
    from course_tools import data

    codes = [str(c).strip().upper() for c in countries]
    known = set(data.countries()["iso3"])
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise CourseInputError(text("countries.unknown_country", codes=unknown))
    return codes


def check_countries(kinds: Iterable[str] = KINDS, countries: Iterable[str] | None = None, *,
                    lang: str | None = None, progress: Callable[[str], None] | None = None) -> CountryCheck:
    """Run the matrix for ``countries`` (default: the 33 LAC countries and USA, DEU, CHN, IND) and check it.

    ``kinds``: some of ``("lessons", "solutions", "report")``; ``lang``: run every country in
    that language (default: each country's own, see :func:`~course_tools.course.matrix.matrix_plan`);
    ``progress``: called with a line before each notebook.
    """
    codes = _check_codes(countries) if countries is not None else matrix_countries()
    result = CountryCheck(matrix_plan(kinds, codes, lang=lang))
    began = time.perf_counter()
    for item in result.items:
        if progress is not None:
            progress(text("countries.running", notebook=item.name, n=len(item.countries)))
        runs = run_item(item)
        result.runs[item.name] = runs
        for country, run in runs.items():
            reasons = [run.error] if not run.ok else sanity_problems(run.records, country)
            if reasons:
                result.failures[(country, item.name)] = reasons
    for country in result.countries:
        mine = {name: runs[country].records for name, runs in result.runs.items() if runs[country].ok}
        problems = consistency_problems(mine)
        if problems:
            result.failures[(country, "=")] = problems
    result.seconds = time.perf_counter() - began
    return result


def _language(run: CountryRun) -> str:
    return "es" if "/lessons/es/" in run.notebook or run.values.get("LANG") == "es" else "en"


def table_message(result: CountryCheck, lang: str | None = None) -> str:
    """The result as a text table (countries × notebooks, ✓/✗), the reasons of the ✗ and a summary line."""
    names = [i.name for i in result.items]
    heads = [text("countries.header_country", lang), "lang"] + [short_name(n) for n in names] + ["="]
    rows = []
    for country in result.countries:
        langs = (sorted({_language(result.runs[n][country]) for n in names if n != "report"})
                 or sorted({_language(result.runs[n][country]) for n in names}))
        marks = ["✗" if (country, n) in result.failures else "✓" for n in names + ["="]]
        rows.append([country, "/".join(langs)] + marks)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(heads)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines += ["", text("countries.legend", lang)]
    if result.failures:
        lines += ["", text("countries.failures", lang)]
        for (country, name), reasons in result.failures.items():
            for reason in reasons:
                lines.append(text("countries.failure_line", lang, country=country, notebook=short_name(name),
                                  reason=reason))
    total = sum(len(runs) for runs in result.runs.values())
    failed = sum(1 for (c, n) in result.failures if n != "=")
    lines += ["", text("countries.summary", lang, ok=total - failed, total=total, countries=len(result.countries),
                       notebooks=len(names), seconds=result.seconds)]
    return "\n".join(lines)

