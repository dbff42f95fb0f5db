"""Run the country report for one country or many: one offline HTML page each, an error page for a failure,
and an index page of all of them."""
from __future__ import annotations

import html
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_tools.course.report.coverage import country_code
from course_tools.i18n import check_lang, texts
from course_tools.views.format import fmt_number
from course_tools.views.report import text

__all__ = ["ReportResult", "report_name", "report_paths", "run_report", "run_reports", "index_page", "error_page"]


@dataclass
class ReportResult:
    """What :func:`run_report` produced for one country.

    ``status`` is ``"ok"`` (full report), ``"thin"`` (short report: thin data) or ``"failed"``
    (an error page was written instead; ``error`` says why). ``html`` is the page written,
    ``notebook`` the executed notebook, ``records`` the values the notebook recorded.
    """

    country: str
    status: str
    html: Path | None
    seconds: float
    records: dict[str, Any] = field(default_factory=dict)
    notebook: Path | None = None
    error: str = ""
    size: int = 0


#: how each language is named on the index page's links, in its own language
_LANG_NAMES = {"en": "English", "es": "español"}


def report_name(country: str, lang: str) -> str:
    """File name of a country's report page: ``PRY.en.html``, ``PRY.es.html`` (one per language,
    so a run in one language never overwrites the other)."""
    return f"{str(country).strip().upper()}.{lang}.html"


def _report_notebook() -> Path:
    """``course_tools.course.report.REPORT_NOTEBOOK``, read when a report runs (so it can be pointed elsewhere)."""
    from course_tools.course import report

    return report.REPORT_NOTEBOOK


def _country_label(code: str, lang: str) -> str:
    from course_tools import data

    try:
        return data.country_name(code, lang)
    except ValueError:
        return code


def error_page(country: str, error: str, output: str | Path, *, lang: str = "en",
               notebook: str | Path | None = None) -> Path:
    """Write a small offline HTML page saying that the report of ``country`` failed, and why."""
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    name = _country_label(country, lang)
    where = f"<p><code>{html.escape(str(notebook))}</code></p>" if notebook else ""
    body = (f"<h1>{html.escape(text('error_title', lang, name=name))}</h1>"
            f"<p>{html.escape(text('error_body', lang))}</p>{where}"
            f"<pre>{html.escape(error)}</pre>")
    out.write_text(_page(text("error_title", lang, name=name), body, lang), encoding="utf-8")
    return out


_CSS = """body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:72rem;
color:#222;padding:0 1rem}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid #ddd;
padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right}
tr.failed td{background:#fde8e8}tr.thin td{background:#fff7e0}pre{background:#f6f6f6;padding:1rem;overflow:auto;
white-space:pre-wrap}footer{margin-top:2rem;color:#666;font-size:.85rem}"""


def _page(title: str, body: str, lang: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>{body}"
            f"<footer>{html.escape(text('generated', lang))}</footer></body></html>\n")


def report_paths(code: str, lang: str, output_dir: str | Path) -> dict[str, Path]:
    """Where a report's files go: ``<ISO3>.<lang>.html`` (``.xlsx``, ``.<table>.dta``); the notebook: ``notebooks/``."""
    out = Path(output_dir)
    return {"html": out / report_name(code, lang), "notebook": out / "notebooks" / f"{code}.{lang}.ipynb",
            "xlsx": out / f"{code}.{lang}.xlsx", "dta": out}


def run_report(
    country: str,
    *,
    lang: str = "en",
    output_dir: str | Path = "reports",
    notebook: str | Path | None = None,
    timeout: float = 600,
    hide_code: bool = True,
    parameters: dict[str, Any] | None = None,
    xlsx: bool = False,
    dta: bool = False,
    progress: bool = False,
) -> ReportResult:
    """Run the report notebook for ``country`` and write ``<output_dir>/<ISO3>.<lang>.html``.

    The notebook runs offline with papermill (:func:`course_tools.course.runner.run_notebook`, parameters
    ``COUNTRY``, ``LANG`` and ``parameters``: ``TRADE``, ``TRADE_OPTIONS``, ``WORLD``, ``YEAR``, ``WINDOW``,
    ``IO``, ``IO_MAPPING``, ``CRITERIA``, ``WEIGHTS``); the executed notebook is kept in ``<output_dir>/notebooks/``
    and exported with :func:`course_tools.course.export.export_html` to one standalone HTML file (plotly
    embedded, code hidden). ``xlsx``: the report's tables also go to ``<ISO3>.<lang>.xlsx``; ``dta``: to
    ``<ISO3>.<lang>.<table>.dta``. ``progress``: a progress bar over the notebook's cells. A failure does not
    raise: an error page is written and the result has ``status="failed"`` and the error. An unknown
    country code raises :class:`course_tools.course.CourseInputError` (a ``ValueError``).
    """
    from course_tools.course.runner import NotebookRunError, run_notebook

    check_lang(lang)
    code = country_code(country)
    paths = report_paths(code, lang, output_dir)
    paths["html"].parent.mkdir(parents=True, exist_ok=True)
    html_path, nb_path = paths["html"], paths["notebook"]
    source = Path(notebook) if notebook is not None else _report_notebook()
    # a parameter left at its default (None, {}) is not passed: the notebook's own default holds, and a report
    # notebook that does not take it (an older or a custom one) still runs
    params = {"COUNTRY": code, "LANG": lang, **{k: v for k, v in dict(parameters or {}).items() if v not in (None, {})}}
    if xlsx:
        params["XLSX"] = str(paths["xlsx"].resolve())
    if dta:
        params["DTA"] = str(paths["dta"].resolve())
    start = time.perf_counter()
    try:
        nb, records = run_notebook(source, params, output_path=nb_path, timeout=timeout, progress=progress)
        from course_tools.course.export import export_html

        export_html(nb, html_path, hide_code=hide_code, title=text("title", lang, name=_country_label(code, lang)),
                    language=lang)
    except NotebookRunError as err:
        error_page(code, str(err), html_path, lang=lang, notebook=nb_path)
        return ReportResult(code, "failed", html_path, time.perf_counter() - start, dict(err.records),
                            nb_path if nb_path.exists() else None, error=str(err), size=html_path.stat().st_size)
    except Exception as err:  # an export problem: still one page per country, and the run goes on
        msg = f"{type(err).__name__}: {err}"
        error_page(code, msg, html_path, lang=lang, notebook=nb_path if nb_path.exists() else None)
        return ReportResult(code, "failed", html_path, time.perf_counter() - start, {},
                            nb_path if nb_path.exists() else None, error=msg, size=html_path.stat().st_size)
    status = "thin" if records.get("thin") else "ok"
    return ReportResult(code, status, html_path, time.perf_counter() - start, records, nb_path,
                        size=html_path.stat().st_size)


def run_reports(
    countries: Sequence[str],
    *,
    lang: str = "en",
    output_dir: str | Path = "reports",
    notebook: str | Path | None = None,
    timeout: float = 600,
    progress: bool = True,
    stream: Any = None,
    parameters: dict[str, Any] | None = None,
    xlsx: bool = False,
    dta: bool = False,
) -> list[ReportResult]:
    """Run :func:`run_report` for each country (a tqdm progress bar on ``stream``, default stderr),
    going on after failures, then write ``<output_dir>/index.html`` (:func:`index_page`). ``parameters``,
    ``xlsx`` and ``dta`` go to every report."""
    from tqdm import tqdm

    results = []
    bar = tqdm(list(countries), desc="country reports", unit="country", file=stream or sys.stderr,
               disable=not progress, ascii=True, dynamic_ncols=False)
    for code in bar:
        bar.set_postfix_str(str(code))
        results.append(run_report(code, lang=lang, output_dir=output_dir, notebook=notebook, timeout=timeout,
                                  parameters=parameters, xlsx=xlsx, dta=dta))
    bar.close()
    index_page(results, Path(output_dir) / "index.html", lang=lang)
    return results


def _language_pages(r: ReportResult, folder: Path, lang: str) -> list[tuple[str, Path]]:
    """(language, page) of ``r``'s country: this run's page, then those of the other languages in ``folder``."""
    from course_tools.i18n import LANGS

    pages = [(lang, r.html)] if r.html else []
    for other in LANGS:
        page = folder / report_name(r.country, other)
        if other != lang and page.is_file():
            pages.append((other, page))
    return pages


def index_page(results: Sequence[ReportResult], output: str | Path, *, lang: str = "en") -> Path:
    """Write an offline HTML index: one row per country with its status, headline numbers and links.

    The report column links the page of this run and the country's page in the other language
    when it is in the same folder (``PRY.en.html`` · ``PRY.es.html``), current language first.
    """
    t = texts("report", lang)
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    head = [t["country"], t["status"], t["export_value"], t["n_products"], t["n_rca"], t["eci_rank_lac"],
            t["top_partner"], t["report"], t["seconds"]]
    rows = []
    for r in results:
        rec = r.records
        total = rec.get("total_exports_usd")
        partners = rec.get("top5_lac_partners") or []
        rank = rec.get("eci_rank_lac")
        n_lac = rec.get("n_lac_ranked")
        link = " · ".join(
            f"<a href=\"{html.escape(p.name)}\" hreflang=\"{code}\">{html.escape(_LANG_NAMES[code])}</a>"
            for code, p in _language_pages(r, out.parent, lang))
        cells = [
            f"{html.escape(_country_label(r.country, lang))} ({r.country})",
            html.escape(t.get(r.status, r.status)) + (f"<br><small>{html.escape(r.error.splitlines()[0][:200])}"
                                                      f"</small>" if r.error else ""),
            f"<td class=\"num\">{'' if total is None else fmt_number(total, 0, lang)}</td>",
            f"<td class=\"num\">{rec.get('n_products_exported', '')}</td>",
            f"<td class=\"num\">{'' if rec.get('n_rca') is None else rec.get('n_rca')}</td>",
            f"<td class=\"num\">{'' if rank is None else f'{rank} / {n_lac}'}</td>",
            html.escape(_country_label(partners[0], lang)) if partners else "",
            link,
            f"<td class=\"num\">{fmt_number(r.seconds, 1, lang)}</td>",
        ]
        tds = "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells)
        rows.append(f"<tr class=\"{r.status}\" data-country=\"{r.country}\">{tds}</tr>")
    counts = {s: sum(r.status == s for r in results) for s in ("ok", "thin", "failed")}
    summary = " · ".join(f"{t[s]}: {n}" for s, n in counts.items())
    body = (f"<h1>{html.escape(t['index_title'])}</h1><p>{html.escape(summary)}</p>"
            f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    out.write_text(_page(t["index_title"], body, lang), encoding="utf-8")
    return out
