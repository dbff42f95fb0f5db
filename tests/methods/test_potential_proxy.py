"""The export potential from exports by product and bilateral shares (course_tools.methods.potential_proxy).

Checked two ways: the shares and one potential worked by hand on a toy, and the whole table against
:func:`export_potential` run on the proxy flows X_ik s_ij written out row by row (the proxy must be exactly
the published-form potential of those flows).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course_tools.methods.export_potential import ExportPotentialError, export_potential, top_markets
from course_tools.methods.potential_proxy import allocation_shares, proxy_potential

# exports by product (USD m) of three exporters; bilateral totals of the 2006 kind; E exports but has no totals
EXPORTS = pd.DataFrame({"country": ["A", "A", "A", "B", "B", "B", "C", "C", "E"],
                        "product": ["p1", "p2", "p3", "p1", "p2", "p3", "p1", "p3", "p2"],
                        "export_value": [50.0, 31.0, 10.0, 80.0, 50.0, 20.0, 5.0, 7.0, 4.0]})
TOTALS = pd.DataFrame({"exporter": ["A", "A", "A", "B", "B", "B", "C", "C", "C"],
                       "importer": ["B", "C", "D", "A", "C", "D", "A", "D", "C"],
                       "flow": [10.0, 30.0, 60.0, 20.0, 20.0, 60.0, 1.0, 3.0, 50.0]})   # C -> C: left out
DIST = pd.DataFrame({"exporter": ["A", "A", "A", "B", "B", "C", "E", "E", "E", "E"],
                     "importer": ["B", "C", "D", "C", "D", "D", "A", "B", "C", "D"],
                     "dist": [1000.0, 3000.0, 8000.0, 6000.0, 2000.0, 1500.0, 900.0, 2500.0, 700.0, 4000.0]})


def test_allocation_shares_by_hand():
    s = allocation_shares(TOTALS, ["A", "B", "C", "E"]).set_index(["exporter", "importer"])
    assert s.loc[("A", "D"), "share"] == pytest.approx(0.6)             # 60 / (10 + 30 + 60)
    assert s.loc[("C", "A"), "share"] == pytest.approx(0.25)            # 1 / (1 + 3): C -> C left out
    assert ("C", "C") not in s.index
    # E has no totals: the world import structure of the table (imports of A 21, B 10, C 50, D 123; E none)
    assert s.loc[("E", "D"), "share"] == pytest.approx(123 / 204)
    assert bool(s.loc[("E", "D"), "fallback"]) and not bool(s.loc[("A", "D"), "fallback"])
    assert s.groupby(level="exporter")["share"].sum().tolist() == pytest.approx([1.0] * 4)


def _written_out(shares: pd.DataFrame) -> pd.DataFrame:
    f = EXPORTS.merge(shares, left_on="country", right_on="exporter")
    f = f.assign(value=f["export_value"] * f["share"], year=2017)
    return f[["year", "exporter", "importer", "product", "value"]]


@pytest.mark.parametrize("variant", ["F2", "F1"])
@pytest.mark.parametrize("with_distances", [True, False])
def test_equals_export_potential_on_the_proxy_flows(variant, with_distances):
    shares = allocation_shares(TOTALS, ["A", "B", "C", "E"])
    dist = DIST if with_distances else None
    for e in ("A", "B", "E"):
        got = proxy_potential(EXPORTS, shares, exporters=[e], distances=dist, variant=variant)
        want = export_potential(_written_out(shares), distances=dist, exporters=[e], variant=variant)
        key = ["exporter", "importer", "product"]
        m = got.merge(want, on=key, suffixes=("", "_want"), how="outer", indicator=True)
        assert (m["_merge"] == "both").all()
        for c in ("actual", "rca", "market_share", "supply", "demand", "distance_factor", "ease_of_trade",
                  "potential", "untapped", "realised"):
            np.testing.assert_allclose(m[c].to_numpy(float), m[f"{c}_want"].to_numpy(float), rtol=1e-12,
                                       atol=1e-12, err_msg=c)
        assert got["demand_growth"].isna().all()
        assert got.attrs["proxy"] is True


def test_one_potential_by_hand():
    """A's potential of p1 in D, no distances, F1: s = 50 / 135 x min(1, 50 / m_A,p1); m_A,p1 = B's 80 x 0.2 + C's 5 x
    0.25 = 17.25 < 50, so supply = 50 / 135; demand v_D,p1 = 50 x 0.6 + 80 x 0.6 + 5 x 0.75 = 81.75; ease of trade
    e_AD = v_AD / sum_k (v_Ak / v_k) v_Dk with v_AD = 91 x 0.6 = 54.6."""
    shares = allocation_shares(TOTALS, ["A", "B", "C", "E"])
    got = proxy_potential(EXPORTS, shares, exporters=["A"], variant="F1").set_index(["importer", "product"])
    v_k = {"p1": 135.0, "p2": 85.0, "p3": 37.0}
    e_share = shares[shares.exporter == "E"].set_index("importer")["share"]
    v_D = {"p1": 50 * 0.6 + 80 * 0.6 + 5 * 0.75, "p2": 31 * 0.6 + 50 * 0.6 + 4 * e_share["D"],
           "p3": 10 * 0.6 + 20 * 0.6 + 7 * 0.75}
    x_A = {"p1": 50.0, "p2": 31.0, "p3": 10.0}
    e_AD = 91 * 0.6 / sum(x_A[k] / v_k[k] * v_D[k] for k in v_k)
    ep = 50 / 135 * v_D["p1"] * e_AD
    assert got.loc[("D", "p1"), "demand"] == pytest.approx(81.75)
    assert got.loc[("D", "p1"), "potential"] == pytest.approx(ep)
    assert got.loc[("D", "p1"), "untapped"] == pytest.approx(max(ep - 50 * 0.6, 0.0))
    assert math.isclose(got.loc[("D", "p1"), "actual"], 30.0)


def test_markets_are_importers_and_errors():
    shares = allocation_shares(TOTALS, ["A", "B", "C", "E"])
    pot = proxy_potential(EXPORTS, shares, exporters=["A"], distances=DIST)
    top = top_markets(pot, "A", ["p1"], n=5)
    assert set(top["importer"]) <= {"B", "C", "D"} and "A" not in set(top["importer"])
    assert (top["demand"] > 0).all()
    with pytest.raises(ExportPotentialError, match=r"exporters \['Z'\]"):
        proxy_potential(EXPORTS, shares, exporters=["Z"])
    with pytest.raises(ExportPotentialError, match="no column"):
        proxy_potential(EXPORTS.rename(columns={"export_value": "v"}), shares, exporters=["A"])
