"""The report's model for many countries in one process, as ``course report --all-lac`` and the country
matrix run it (run by hand, not a test).

    .venv/bin/python benchmarks/bench_report.py                       # six countries
    .venv/bin/python benchmarks/bench_report.py --countries PRY HTI GUY

For each country: ``report.open_sources(country)`` and ``report.country_model(country, sources)`` (the
criteria table, both niche lists with their robustness analysis, the markets and the facts), on the
shipped tables. Compared in the same run, country by country:

* **kept**: as the course runs it: the shipped trade panel's flows are checked once per process
  (``data.panel._shipped_flows``) and the complexity set of a trade table is computed once per table
  (``data.niche_inputs.complexity_of_trade``);
* **anew**: the same with both caches emptied before each country (what every country cost before
  they existed).

The first country pays for reading the files in both rows; the ratio is over the other countries.
"""
from __future__ import annotations

import argparse
import time

from course_tools.course import report
from course_tools.data import niche_inputs, panel

COUNTRIES = ["CHL", "PRY", "HTI", "GUY", "MEX", "JAM"]


def _one(country: str, anew: bool) -> float:
    if anew:
        panel._shipped_flows.cache_clear()
        niche_inputs._COMPLEXITY.clear()
    t0 = time.perf_counter()
    report.country_model(country, report.open_sources(country))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countries", nargs="+", default=COUNTRIES)
    args = ap.parse_args()
    _one(args.countries[0], anew=False)  # files read and parsed once, for both rows
    kept, anew = [], []
    for c in args.countries:
        anew.append(_one(c, anew=True))
        kept.append(_one(c, anew=False))  # after anew: the caches hold this table again
        print(f"{c}: kept {kept[-1]:.2f} s, anew {anew[-1]:.2f} s")
    k, a = sum(kept[1:]), sum(anew[1:])
    print(f"countries 2..{len(kept)}: kept {k:.1f} s, anew {a:.1f} s, ratio {a / k:.2f}x")


if __name__ == "__main__":
    main()
