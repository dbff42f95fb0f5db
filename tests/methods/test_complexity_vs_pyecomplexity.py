"""Our complexity() against py-ecomplexity 0.5.3 on the real 2017 HS4 table (224 x 1,222).

py-ecomplexity is a test-only dependency. Under its convention every output must agree to 1e-8;
under the Stata convention ECI differs by the documented factor sqrt((NcNp-1)/(NcNp)).
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from course_tools.indicators import complexity, proximity

ec = pytest.importorskip("ecomplexity")

pytestmark = pytest.mark.slow
COLS = {"time": "year", "loc": "reporter_iso", "prod": "product_code", "val": "export_value_usd"}
KW = dict(country="reporter_iso", product="product_code", value="export_value_usd")


@pytest.fixture(scope="module")
def trade(raw_trade_2017) -> pd.DataFrame:
    return raw_trade_2017  # conftest: the 2017 CSV read with pandas, NA (no flow reported) dropped


@pytest.fixture(scope="module")
def reference(trade):
    d = trade.assign(year=2017)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ec.ecomplexity(d, COLS, verbose=False, check_logsupermodularity=False)
        prox = ec.proximity(d, COLS)
    return out.set_index(["reporter_iso", "product_code"]), prox


@pytest.fixture(scope="module")
def ours(trade):
    return complexity(trade, **KW)


def test_shape(ours):
    assert ours.M.shape == (224, 1222)


@pytest.mark.parametrize("col", ["rca", "mcp", "eci", "pci", "density", "coi", "cog", "diversity", "ubiquity"])
def test_same_as_pyecomplexity(ours, reference, col):
    ref = reference[0]
    long = ours.to_long().set_index(["reporter_iso", "product_code"])
    mine = long["M" if col == "mcp" else col]
    np.testing.assert_allclose(mine.to_numpy(), ref[col].loc[mine.index].to_numpy(dtype=float), rtol=0, atol=1e-8)


def test_proximity_same_as_pyecomplexity(ours, reference):
    prox = reference[1].set_index(["product_code_1", "product_code_2"])["proximity"]
    mat = prox.unstack().loc[ours.proximity.index, ours.proximity.columns]
    np.testing.assert_allclose(ours.proximity.to_numpy(), mat.to_numpy(), rtol=0, atol=1e-8)
    standalone = proximity(ours.M, presence="manual")
    np.testing.assert_allclose(standalone.to_numpy(), mat.to_numpy(), rtol=0, atol=1e-8)


def test_stata_convention_documented_factor(trade, ours):
    stata = complexity(trade, convention="stata", **KW)
    # on this table no RCA is exactly 1, so '>' and '>=' give the same M ...
    assert (stata.M.to_numpy() == ours.M.to_numpy()).all()
    n = ours.M.size
    factor = math.sqrt((n - 1) / n)
    np.testing.assert_allclose(stata.eci.to_numpy(), ours.eci.to_numpy() * factor, rtol=0, atol=1e-8)
    np.testing.assert_allclose(stata.pci.to_numpy(), ours.pci.to_numpy() * factor, rtol=0, atol=1e-8)
    # ... and density differs only through the proximity diagonal (0 vs 1)
    assert not np.allclose(stata.density.to_numpy(), ours.density.to_numpy(), atol=1e-3)
    assert (np.diag(stata.proximity) == 0).all() and (np.diag(ours.proximity) == 1).all()
