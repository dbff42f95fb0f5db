"""What a country report is built from: the trade panel, a national input-output table, extra criteria and weights.

:func:`open_sources` opens what ``course report`` was given (``--trade``, ``--io``, ``--criteria``,
``--weights``), or the shipped tables when it was given nothing; :func:`first_screen` states every
source, release, year and proxy in the report's language, for the terminal and the top of the report.

``--trade PATH`` is read as a **CEPII BACI release** (a zip, the folder it unzips to, or one year's CSV:
recognised by BACI's file names or its ``t,i,j,k,v`` header) or else as a **national customs file**
(:func:`~course_tools.data.read_customs`, with the world from the shipped tables or ``world=`` a BACI
release; ``trade_options`` are its keyword arguments: ``product_col``, ``value_col``, ``partner_col``,
``year``, ``decimal``, ``thousands``, ``classification``...).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError
from course_tools.i18n import text

__all__ = ["ReportSources", "is_baci", "open_panel", "open_sources", "parse_window", "first_screen"]

_BACI_NAME = re.compile(r"BACI_HS\d\d", re.I)


@dataclass
class ReportSources:
    """The opened inputs of one report: ``panel`` (TradePanel), ``io`` (NationalIO or None), ``extra``
    (ExtraCriteria or None), ``weights`` (the result of ``read_list_weights`` or None) and the paths given."""

    panel: Any
    io: Any = None
    extra: Any = None
    weights: dict | None = None
    paths: dict[str, str | None] = field(default_factory=dict)


def is_baci(path: str | Path) -> bool:
    """Whether ``path`` looks like a BACI release: a zip or folder holding ``BACI_HS..`` files, or a CSV that
    is named like one or starts with BACI's header ``t,i,j,k,v``."""
    p = Path(path)
    if p.is_dir():
        return any(_BACI_NAME.search(c.name) for c in p.iterdir())
    if p.suffix.lower() == ".zip":
        with zipfile.ZipFile(p) as z:
            return any(_BACI_NAME.search(n) for n in z.namelist())
    if _BACI_NAME.search(p.name):
        return True
    if p.suffix.lower() == ".csv":
        with open(p, "rb") as fh:
            head = fh.readline(200).decode("latin-1").strip().replace('"', "").lower()
        return head.split(",")[:5] == ["t", "i", "j", "k", "v"]
    return False


def open_panel(country: str, trade: str | Path | None = None, *, world: str | Path | None = None,
               trade_options: dict | None = None) -> Any:
    """The trade panel of a report: the shipped tables (``trade`` None), a BACI release, or a customs file."""
    from course_tools.data.panel import read_baci, read_customs, shipped_panel

    if trade is None:
        return shipped_panel()
    path = Path(trade)
    if not path.exists():
        raise CourseInputError(text("report.no_such_file", None, option="--trade", path=str(path)))
    if is_baci(path):
        return read_baci(path)
    base = shipped_panel() if world is None else read_baci(world)
    return read_customs(path, country, world=base, **dict(trade_options or {}))


def parse_window(window: str | tuple | None) -> tuple[int, int] | None:
    """``"2013:2023"`` (or a pair) as ``(2013, 2023)``; None stays None; else :class:`CourseInputError`."""
    if window is None or window == "":
        return None
    if isinstance(window, (tuple, list)) and len(window) == 2:
        return int(window[0]), int(window[1])
    m = re.fullmatch(r"\s*(\d{4})\s*[:\-–]\s*(\d{4})\s*", str(window))
    if not m:
        raise CourseInputError(text("report.bad_window", None, window=str(window)))
    return int(m.group(1)), int(m.group(2))


def open_sources(country: str, *, trade: str | None = None, world: str | None = None,
                 trade_options: dict | None = None, io: str | None = None, io_mapping: str | None = None,
                 criteria: str | None = None, weights: str | None = None) -> ReportSources:
    """Open every input of a report (paths as given on the command line; None: the course's default).

    ``io`` is a national input-output table in the layout of ``datasets/templates/io_table_template.csv``
    with its sector -> ISIC mapping ``io_mapping`` (default: a file named ``*mapping*.csv`` next to it);
    ``criteria`` extra criteria (``read_criteria``); ``weights`` the weights of the two lists
    (``read_list_weights``). Every file is only read.
    """
    from course_tools.data import read_criteria, read_io_table, read_list_weights

    panel = open_panel(country, trade, world=world, trade_options=trade_options)
    national = None
    if io:
        mapping = io_mapping or _mapping_next_to(Path(io))
        national = read_io_table(io, mapping)
    extra = read_criteria(criteria) if criteria else None
    names = list(extra.catalogue["criterion"]) if extra is not None else None
    w = read_list_weights(weights, criteria=names) if weights else None
    return ReportSources(panel, national, extra, w, {"trade": trade, "world": world, "io": io,
                                                    "io_mapping": io_mapping, "criteria": criteria,
                                                    "weights": weights})


def _mapping_next_to(table: Path) -> str:
    found = sorted(p for p in table.parent.glob("*mapping*.csv") if p != table)
    if len(found) != 1:
        raise CourseInputError(text("report.no_io_mapping", None, path=str(table)))
    return str(found[0])


def first_screen(sources: ReportSources, year: int, window: tuple[int, int] | None, lang: str = "en") -> list[str]:
    """The lines that state every source, release, year and proxy of the report, in ``lang``."""
    panel = sources.panel
    lines = [panel.provenance.describe(lang),
             text("report.fs_year", lang, year=year,
                  window=text("report.fs_no_window", lang) if window is None else f"{window[0]}–{window[1]}")]
    if panel.has_importers:
        lines.append(text("report.fs_bilateral", lang))
    else:
        lines.append(text("report.fs_proxy", lang))
    if sources.io is not None:
        lines.append(text("report.fs_io_national", lang, source=str(sources.io.source)))
    else:
        lines.append(text("report.fs_io_world", lang))
    lines.append(text("report.fs_extra", lang, source=str(sources.extra.source),
                      names=", ".join(sources.extra.catalogue["criterion"])) if sources.extra is not None
                 else text("report.fs_no_extra", lang))
    if sources.weights is None:
        lines.append(text("report.fs_weights_default", lang))
    else:
        lists = [text(f"niche_lists.name_{n}", lang) for n in ("consolidate", "diversify") if sources.weights[n]]
        lines.append(text("report.fs_weights_file", lang, path=sources.weights["path"], lists=", ".join(lists)))
    lines += [f"• {n}" for n in panel.provenance.note_texts(lang)]
    return lines
