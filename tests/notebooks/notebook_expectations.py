"""Expected recorded values of every lesson and solution notebook, per parameter set.

Every notebook in ``lessons/`` and ``solutions/`` MUST have an entry here (the harness fails
otherwise), with at least two parameter sets. For each set, ``expected`` lists EVERY value the
notebook records with ``record(name, value)``:

* strings, integers, booleans, lists and dicts are compared exactly;
* floats with ``approx(value, rel=..., abs=...)`` (``pytest.approx``); ``approx`` also works on
  lists and dicts of floats.

Expected values are worked out independently of ``course_tools``: by hand or from the raw files
with plain tools (awk, the ``csv`` module). Say how in a comment. ``test_notebooks.py`` also
re-derives the trade numbers below from the raw CSV with the ``csv`` module
(``test_expectations_match_the_raw_files``), so a typo here is caught without running a notebook.

How the numbers below were obtained (raw file
``datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv``; columns
``reporter_iso,product_code,export_value_usd``, NA written as an empty field)::

    awk -F, '$1=="chl"' FILE | wc -l                                   # rows listed: 1216
    awk -F, '$1=="chl" && $3!="" {n++; s+=$3} END {print n, s}' FILE  # 1154 reported, sum
    awk -F, '$1=="chl" && $3!=""' FILE | sort -t, -k3,3 -g -r | head -5

All reported values are positive (no zeros in the file), so "products exported" = reported rows.
Product names: ``datasets/concordances_kim/hs3_desc.csv`` (HS 2007 descriptions); country names:
``UNTERM English Short`` in ``datasets/country_codes_datahub/country-codes.csv``.
"""
from __future__ import annotations

from pytest import approx

# Raw facts per country (2017, HS 2007 4-digit), from the awk commands above.
CHL = {
    "rows": 1216, "reported": 1154, "total": 75_915_749_884.0,
    "top5": ["2603", "7403", "0304", "4703", "7402"],
    "top_value": 17_476_916_089.0,
    "name": "Chile", "top_name": "Copper ores and concentrates",
}
JAM = {
    "rows": 1155, "reported": 853, "total": 1_699_596_755.0,
    "top5": ["2818", "2710", "2606", "2208", "0714"],
    "top_value": 694_153_762.0,
    "name": "Jamaica", "top_name": "Aluminium oxide (including artificial corundum); aluminium hydroxide",
}
FACTS = {"CHL": CHL, "JAM": JAM}


def _welcome(f: dict) -> dict:
    return {
        "country_name": f["name"],
        "total_exports_usd": approx(f["total"], rel=1e-9),
        "n_products_exported": f["reported"],
        "top5_products": f["top5"],
        "top_product": f["top5"][0],
        "top_product_share": approx(f["top_value"] / f["total"], rel=1e-9),
    }


def _ex00(f: dict) -> dict:
    return {
        "n_rows": f["rows"],
        "total_exports": approx(f["total"], rel=1e-9),
        "top_product": f["top5"][0],
        "top_share": approx(f["top_value"] / f["total"], rel=1e-9),
        "top_name": f["top_name"],
    }


#: notebook path (relative to the repository, "/" separators) -> case id -> parameters, expected
EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/00_welcome.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _welcome(f)} for code, f in FACTS.items()
    },
    "solutions/ex00/ex00.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _ex00(f)} for code, f in FACTS.items()
    },
}


# Lessons other than L00 keep their expectations in tests/notebooks/expectations/<lesson>.py, one file per
# lesson (so lessons can be written side by side); each defines EXPECTATIONS in the format above.
def _load_lesson_files() -> None:
    import importlib.util
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "expectations").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"expectations_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        twice = set(module.EXPECTATIONS) & set(EXPECTATIONS)
        if twice:
            raise ValueError(f"{path.name}: expectations for {sorted(twice)} are defined twice")
        EXPECTATIONS.update(module.EXPECTATIONS)


_load_lesson_files()
