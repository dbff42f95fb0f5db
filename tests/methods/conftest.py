"""Fixtures shared by the tests of course_tools.methods.

- ``raw_trade_2017``: the shipped 2017 world trade table (HS 2007 4-digit) read straight from its CSV
  with pandas, not through ``course_tools.data`` (checksum verified; reporter and product codes as
  text, lower-case reporters as in the file; not-reported cells, NaN, dropped): the independent
  input of the real-data checks of RCA and complexity. Shared by the whole session: do not change it
  in place (``.assign``, ``.copy()``).
- ``criteria_table_of``: ``niche_criteria(country)`` from the shipped tables, built once per test
  process, a fresh copy at each call (:func:`tests.methods.niche_toys.criteria_of`).

Toy tables worked by hand (the METHODS-niches examples) are in :mod:`tests.methods.niche_toys`.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from course_tools.data import manifest
from tests.methods.niche_toys import criteria_of

TRADE_2017 = "trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv"


@pytest.fixture(scope="session")
def raw_trade_2017() -> pd.DataFrame:
    d = pd.read_csv(manifest.verify(TRADE_2017), dtype={"reporter_iso": str, "product_code": str})
    return d.dropna(subset=["export_value_usd"]).reset_index(drop=True)  # NA = no flow reported


@pytest.fixture(scope="session")
def criteria_table_of() -> Callable[[str], pd.DataFrame]:
    return criteria_of
