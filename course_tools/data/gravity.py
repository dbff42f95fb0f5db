"""Bilateral trade flows with gravity covariates (CEPII, Head, Mayer & Ries 2010), 2006."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from course_tools.data._cache import shipped_table

__all__ = ["load_gravity", "OLD_CODES"]

#: Codes of the 2006 gravity table that are no longer ISO 3166 codes, and the code the trade tables use:
#: Romania (ROM -> ROU), Zaire / Democratic Republic of the Congo (ZAR -> COD) and Serbia and Montenegro
#: (YUG -> SRB, its larger successor: an approximation for Montenegro's small share).
OLD_CODES: dict[str, str] = {"ROM": "ROU", "ZAR": "COD", "YUG": "SRB"}


def _parse_gravity(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"iso_o": str, "iso_d": str})
    d = d.rename(columns={
        "iso_o": "exporter", "iso_d": "importer", "distw": "distance_km", "gdp_o": "gdp_exporter",
        "gdp_d": "gdp_importer", "contig": "contiguous", "comlang_off": "common_language",
        "comcur": "common_currency",
    })
    d["year"] = d["year"].astype("int64")
    for c in ("rta", "contiguous", "common_language", "common_currency"):
        d[c] = d[c].astype("int64")
    for c in ("flow", "distance_km", "gdp_exporter", "gdp_importer"):
        d[c] = d[c].astype("float64")
    return d[["exporter", "importer", "year", "flow", "distance_km", "gdp_exporter", "gdp_importer",
              "rta", "contiguous", "common_language", "common_currency"]]


def load_gravity(current_codes: bool = False) -> pd.DataFrame:
    """Bilateral trade flows with gravity covariates, 2006, 'square' (zeros included): 22,588 pairs.

    Source: Head, Mayer & Ries (2010) CEPII gravity data, edited in the R package gravity
    (``gravity_zeros``); the year 2006 was inferred from the GDP values.
    Columns: exporter, importer (ISO3), year, flow (million current USD), distance_km
    (population-weighted distance), gdp_exporter, gdp_importer (million current USD), rta
    (1 = regional trade agreement in force), contiguous, common_language (official), common_currency
    (0/1 dummies). 166 countries.
    Caveats: 24 % of flows are exactly 0 (true zeros of a square dataset, important for PPML);
    30 of the 33 ECLAC countries are present: the Bahamas (BHS), Barbados (BRB) and Cuba (CUB) are missing.
    Three codes are old (:data:`OLD_CODES`: ROM, ZAR, YUG); ``current_codes=True`` writes the codes of the
    trade tables instead (ROU, COD, SRB), so the two can be joined.
    """
    d = shipped_table("trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv", _parse_gravity)
    if current_codes:
        for c in ("exporter", "importer"):
            d[c] = d[c].replace(OLD_CODES)
    return d
