"""Fixtures of the data-layer tests: the folders of small files built from the shipped real tables.

- ``byod``: a coordinator's own files (CSV in UTF-8 and Latin-1, Excel, files with one problem
  each), real rows of the shipped 2017 table (Chile, HS 0302-0307 and 0804-0806), rebuilt by
  ``tests/data/fixtures/byod/make_fixtures.py``;
- ``baci_csv``, ``baci_zip``: one year of BACI's published layout and the release zip holding it,
  rebuilt by ``tests/data/fixtures/baci/make_fixture.py`` from the shipped Chile-Argentina HS6 table;
- ``chl_2017``: the nine rows of ``load_trade(2017)`` that the ``byod`` files hold.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from course_tools.data import load_trade

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The HS 2007 headings of the ``byod`` files.
BYOD_PRODUCTS = ["0302", "0303", "0304", "0305", "0306", "0307", "0804", "0805", "0806"]


@pytest.fixture(scope="session")
def byod() -> Path:
    """``tests/data/fixtures/byod/``: own-file fixtures (never written to; a test checks it)."""
    return FIXTURES / "byod"


@pytest.fixture(scope="session")
def baci_csv() -> Path:
    """One BACI year file, ``BACI_HS02_Y2002_V000000.csv`` (41 positive flows CHL <-> ARG)."""
    return FIXTURES / "baci" / "BACI_HS02_Y2002_V000000.csv"


@pytest.fixture(scope="session")
def baci_zip() -> Path:
    """The release zip ``BACI_HS02_V000000.zip`` holding that year file."""
    return FIXTURES / "baci" / "BACI_HS02_V000000.zip"


@pytest.fixture(scope="session")
def chl_2017() -> pd.DataFrame:
    """Chile's 2017 exports of :data:`BYOD_PRODUCTS` in the shipped table, sorted by product."""
    t = load_trade(2017)
    t = t[(t["country"] == "CHL") & t["product"].isin(BYOD_PRODUCTS)].sort_values("product")
    return t.reset_index(drop=True)
