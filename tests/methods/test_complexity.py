"""ECI/PCI, proximity, density, COI/COG on hand-checkable toys (METHODS.md §5.4, toy T9).

Expected values are worked by hand / published in METHODS.md §5.4 for both conventions; none is
produced by the functions under test.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from course_tools.indicators import (
    CONVENTIONS,
    NON_COUNTRY_CODES,
    IndicatorInputError,
    cog,
    coi,
    complexity,
    density,
    distance,
    eci_pci,
    filter_for_complexity,
    opportunity_gain,
    presence_matrix,
    proximity,
    reflections,
)

TOL = 1e-6
C = ["c1", "c2", "c3", "c4"]
P = ["p1", "p2", "p3", "p4", "p5"]
T9 = pd.DataFrame(
    [[1, 1, 1, 1, 1], [1, 1, 1, 1, 0], [1, 1, 0, 0, 0], [1, 0, 1, 0, 0]], index=C, columns=P
)

EXPECTED = {
    "stata": {
        "eci": [1.469385, 0.293877, -0.881631, -0.881631],
        "pci": [-1.665302, -0.097959, -0.097959, 3.036728, 6.171415],
        "density_c3": [0.333333, 0.310345, 0.586207, 0.5, 0.411765],
        "coi": [-1.492726, 1.241002, 0.125862, 0.125862],
        "cog_c3": [0, 0, 2.11951, 1.909474, 0.501859],
        "og_c3": [0, 0, 2.377158, 0.632759, -1.903955],
    },
    "py-ecomplexity": {
        "eci": [1.507557, 0.301511, -0.904534, -0.904534],
        "pci": [-1.708564, -0.100504, -0.100504, 3.115617, 6.331738],
        "density_c3": [0.538462, 0.512195, 0.414634, 0.35, 0.241379],
        "coi": [-1.568188, 1.216055, 0.176067, 0.176067],
        "cog_c3": [0, 0, 1.21841, 1.948295, 2.816806],
        "og_c3": [0, 0, 1.508723, 1.134623, 1.549216],
    },
}
# off-diagonal proximity of T9 (both conventions); phi_pp' = co-occurrence / max ubiquity
PHI = {
    ("p1", "p2"): 0.75, ("p1", "p3"): 0.75, ("p1", "p4"): 0.5, ("p1", "p5"): 0.25,
    ("p2", "p3"): 2 / 3, ("p2", "p4"): 2 / 3, ("p3", "p4"): 2 / 3,
    ("p2", "p5"): 1 / 3, ("p3", "p5"): 1 / 3, ("p4", "p5"): 0.5,
}


def t9(convention: str):
    return complexity(T9, presence="manual", convention=convention)


@pytest.mark.parametrize("convention", ["stata", "py-ecomplexity"])
def test_t9_values(convention):
    r, e = t9(convention), EXPECTED[convention]
    np.testing.assert_allclose(r.eci.loc[C], e["eci"], atol=TOL)
    np.testing.assert_allclose(r.pci.loc[P], e["pci"], atol=TOL)
    np.testing.assert_allclose(r.density.loc["c3", P], e["density_c3"], atol=TOL)
    np.testing.assert_allclose(r.distance.loc["c3", P], 1 - np.array(e["density_c3"]), atol=TOL)
    np.testing.assert_allclose(r.coi.loc[C], e["coi"], atol=TOL)
    np.testing.assert_allclose(r.cog.loc["c3", P], e["cog_c3"], atol=TOL)
    np.testing.assert_allclose(opportunity_gain(r).loc["c3", P], e["og_c3"], atol=TOL)
    np.testing.assert_allclose(r.eigenvalues, [1, 0.1875, 1 / 6, 1 / 15, 0], atol=TOL)
    np.testing.assert_array_equal(r.diversity.loc[C], [5, 4, 2, 2])
    np.testing.assert_array_equal(r.ubiquity.loc[P], [4, 3, 3, 2, 1])
    for (a, b), v in PHI.items():
        assert r.proximity.loc[a, b] == pytest.approx(v, abs=TOL)
        assert r.proximity.loc[b, a] == pytest.approx(v, abs=TOL)
    assert r.convention == convention


@pytest.mark.parametrize("convention", ["stata", "py-ecomplexity"])
def test_each_indicator_on_its_own(convention):
    """density, distance, COI, COG and ECI/PCI from M and the proximity alone: the T9 values worked by hand."""
    e = EXPECTED[convention]
    phi = proximity(T9, presence="manual", diagonal=CONVENTIONS[convention]["diagonal"])
    ind = eci_pci(T9, convention=convention)
    np.testing.assert_allclose(ind.eci.loc[C], e["eci"], atol=TOL)
    np.testing.assert_allclose(ind.pci.loc[P], e["pci"], atol=TOL)
    np.testing.assert_allclose(density(T9, phi).loc["c3", P], e["density_c3"], atol=TOL)
    np.testing.assert_allclose(distance(T9, phi).loc["c3", P], 1 - np.array(e["density_c3"]), atol=TOL)
    np.testing.assert_allclose(coi(T9, phi, ind.kp, convention=convention).loc[C], e["coi"], atol=TOL)
    np.testing.assert_allclose(cog(T9, phi, ind.kp, ind.scale).loc["c3", P], e["cog_c3"], atol=TOL)
    r = t9(convention)  # the same numbers as the one-call result, to the last bit
    pd.testing.assert_frame_equal(density(T9, phi), r.density, check_names=False)
    pd.testing.assert_frame_equal(cog(T9, phi, ind.kp, ind.scale), r.cog, check_names=False)


def test_each_indicator_on_its_own_needs_matching_inputs():
    phi = proximity(T9, presence="manual")
    with pytest.raises(IndicatorInputError, match="proximity has no row or column"):
        density(T9, phi.drop(index="p5", columns="p5"))
    with pytest.raises(IndicatorInputError, match="binary M"):
        density(T9 * 2, phi)
    with pytest.raises(IndicatorInputError, match="kp has no value"):
        cog(T9, phi, eci_pci(T9).kp.drop("p1"))


def test_proximity_diagonal_differs_by_convention():
    assert np.diag(t9("py-ecomplexity").proximity).tolist() == [1.0] * 5
    assert np.diag(t9("stata").proximity).tolist() == [0.0] * 5
    # a wrong diagonal changes density: py density row c3 is not Stata's
    assert not np.allclose(t9("py-ecomplexity").density.loc["c3"], EXPECTED["stata"]["density_c3"], atol=1e-3)


def test_eci_scale_ddof_by_convention():
    """py: ddof 0 over countries (sd = 1); Stata: n-1 over the Nc*Np panel -> sd = sqrt((n-1)/n)."""
    n = 4 * 5
    assert t9("py-ecomplexity").eci.std(ddof=0) == pytest.approx(1.0, abs=1e-12)
    assert t9("stata").eci.std(ddof=0) == pytest.approx(math.sqrt((n - 1) / n), abs=1e-12)
    ratio = t9("stata").eci / t9("py-ecomplexity").eci
    np.testing.assert_allclose(ratio, math.sqrt(19 / 20), atol=1e-12)


def test_eci_is_mean_pci_of_products_present():
    """PCI uses ECI's mean and sd so that ECI_c = mean of PCI_p over M_cp = 1."""
    for conv in ("stata", "py-ecomplexity"):
        r = t9(conv)
        mean_pci = (T9 * r.pci).sum(axis=1) / T9.sum(axis=1)
        np.testing.assert_allclose(r.eci, mean_pci.loc[r.eci.index], atol=1e-12)
        assert np.corrcoef(r.eci, r.diversity)[0, 1] > 0


def test_presence_threshold_ge_vs_gt():
    # c1 has exactly the world's export shares -> RCA = 1 in every product (worked by hand)
    trade = pd.DataFrame(
        {"country": ["c1"] * 3 + ["c2"] * 3 + ["c3"] * 3,
         "product": ["p1", "p2", "p3"] * 3,
         "export_value": [1, 1, 1, 2, 0, 1, 0, 2, 1]}
    )
    ge = presence_matrix(trade)
    gt = presence_matrix(trade, strict=True)
    np.testing.assert_array_equal(ge.to_numpy(), [[1, 1, 1], [1, 0, 1], [0, 1, 1]])
    np.testing.assert_array_equal(gt.to_numpy(), [[0, 0, 0], [1, 0, 0], [0, 1, 0]])
    r = complexity(trade, convention="py-ecomplexity")
    np.testing.assert_array_equal(r.diversity.to_numpy(), [3, 2, 2])
    np.testing.assert_allclose(r.rca.loc["c1"], [1, 1, 1], atol=1e-12)
    # Stata's strict '>' leaves c1 with no product and nobody with p3: both dropped, with a note
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s = complexity(trade, convention="stata")
    assert any("zero diversity" in str(w.message) for w in caught)
    assert s.dropped == {"countries": ["c1"], "products": ["p3"]}


def test_tidy_and_matrix_inputs_agree():
    tidy = T9.stack().rename("export_value").rename_axis(["country", "product"]).reset_index()
    a = complexity(tidy, presence="manual")
    b = complexity(T9, presence="manual")
    pd.testing.assert_series_equal(a.eci, b.eci, check_names=False, check_index_type=False)
    long = a.to_long()
    assert len(long) == 20 and {"country", "product", "eci", "pci", "density", "cog", "M"} <= set(long.columns)
    assert long.loc[(long["country"] == "c3") & (long["product"] == "p5"), "density"].item() == pytest.approx(
        EXPECTED["py-ecomplexity"]["density_c3"][4], abs=TOL)


def test_reflections_t9():
    ref = reflections(T9, iterations=19)
    np.testing.assert_allclose(ref.kc[1], [2.6, 3, 3.5, 3.5], atol=TOL)
    np.testing.assert_allclose(ref.kc[2], [4.016667, 3.770833, 3.458333, 3.458333], atol=TOL)
    np.testing.assert_allclose(ref.kp[1], [3.25, 3.666667, 3.666667, 4.5, 5], atol=TOL)

    def z(s):
        return (s - s.mean()) / s.std(ddof=0)

    np.testing.assert_allclose(z(ref.kc[18]), [1.507543, 0.301538, -0.904541, -0.904541], atol=TOL)
    np.testing.assert_allclose(z(ref.kp[19]), [-1.118042, -0.559016, -0.559016, 0.559035, 1.67704], atol=TOL)
    # ... which is close to, but not exactly, the eigenvector ECI (slow convergence)
    assert np.max(np.abs(z(ref.kc[18]) - t9("py-ecomplexity").eci)) > 1e-6


def test_standalone_proximity():
    phi1 = proximity(T9, presence="manual")
    phi0 = proximity(T9, presence="manual", diagonal=0)
    for (a, b), v in PHI.items():
        assert phi1.loc[a, b] == pytest.approx(v, abs=TOL) and phi0.loc[a, b] == pytest.approx(v, abs=TOL)
    assert phi1.loc["p1", "p1"] == 1 and phi0.loc["p1", "p1"] == 0


# ------------------------------------------------------------------ edge cases
def _tidy(values):
    return pd.DataFrame({"country": ["a", "a", "b", "b"], "product": ["x", "y", "x", "y"], "export_value": values})


def test_bad_inputs():
    with pytest.raises(IndicatorInputError, match="missing"):
        complexity(_tidy([1.0, np.nan, 2.0, 3.0]))
    with pytest.raises(IndicatorInputError, match="negative"):
        complexity(_tidy([1.0, -1.0, 2.0, 3.0]))
    with pytest.raises(IndicatorInputError, match="duplicated"):
        complexity(pd.concat([_tidy([1, 2, 3, 4]), _tidy([1, 2, 3, 4])]))
    with pytest.raises(IndicatorInputError, match="single country|at least 2"):
        complexity(pd.DataFrame({"country": ["a", "a"], "product": ["x", "y"], "export_value": [1, 2]}))
    with pytest.raises(IndicatorInputError, match="binary"):
        complexity(T9 * 2, presence="manual")
    with pytest.raises(IndicatorInputError, match="convention"):
        complexity(T9, presence="manual", convention="R")
    with pytest.raises(IndicatorInputError, match="country=..."):
        complexity(_tidy([1, 2, 3, 4]).rename(columns={"country": "iso"}))


def test_zero_export_product_is_dropped_with_note():
    tidy = T9.stack().rename("export_value").rename_axis(["country", "product"]).reset_index()
    extra = pd.DataFrame({"country": C, "product": "p6", "export_value": 0})
    with pytest.warns(UserWarning, match="1 product"):
        r = complexity(pd.concat([tidy, extra]), presence="manual")
    assert r.dropped["products"] == ["p6"] and "p6" not in r.pci.index
    np.testing.assert_allclose(r.eci.loc[C], EXPECTED["py-ecomplexity"]["eci"], atol=TOL)


def test_disconnected_presence_warns():
    block = pd.DataFrame([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
                         index=list("abcd"), columns=list("wxyz"))
    with pytest.warns(UserWarning, match="disconnected"):
        complexity(block, presence="manual")


# ------------------------------------------------------------------ filtering
def test_filter_for_complexity_hand_table():
    rows = []
    # five exporters of three products; 'bvt' is a non-country; 'tiny' exports < 1e9
    vals = {"aaa": [5e9, 1e9, 2e9], "bbb": [1e9, 4e9, 2e9], "ccc": [2e9, 2e9, 3e9],
            "ddd": [3e9, 1e9, 3e9], "tiny": [1e8, 1e8, 1e8], "bvt": [5e9, 5e9, 5e9]}
    for c, v in vals.items():
        for p, x in zip(["0101", "0202", "7108"], v):
            rows.append({"country": c, "product": p, "export_value": x})
    trade = pd.DataFrame(rows)
    out, report = filter_for_complexity(trade, max_ubiquity=None, max_effective_exporters=None)
    assert set(out["country"]) == {"aaa", "bbb", "ccc", "ddd"}
    assert set(out["product"]) == {"0101", "0202"}  # gold (7108) removed as noisy trade
    why = report.set_index("code")["reason"]
    assert "not a country" in why["bvt"] and "exports" in why["tiny"] and "noisy" in why["7108"]
    assert report.set_index("code").loc["tiny", "value"] == pytest.approx(3e8)
    # population rule only when population is given
    pop = {"aaa": 5e5, "bbb": 2e6, "ccc": 3e6, "ddd": 4e7, "tiny": 1e5}
    out2, rep2 = filter_for_complexity(trade, population=pop, max_ubiquity=None, max_effective_exporters=None)
    assert "aaa" not in set(out2["country"]) and "population" in rep2.set_index("code").loc["aaa", "reason"]
    with pytest.raises(IndicatorInputError, match="population is missing"):
        filter_for_complexity(trade, population={"aaa": 1e7})


def test_filter_effective_exporters_rule():
    # product 'q' exported by one country only: 1/HHI = 1 <= 2 -> dropped
    trade = pd.DataFrame({"country": ["a", "a", "b", "b", "c", "c"], "product": ["p", "q"] * 3,
                          "export_value": [2e9, 1e9, 2e9, 0.0, 2e9, 0.0]})
    out, report = filter_for_complexity(trade, max_ubiquity=None, min_cumulative_share=None)
    assert set(out["product"]) == {"p"}
    assert "effective exporters" in report.set_index("code").loc["q", "reason"]


def test_non_country_codes():
    assert {"bvt", "hmd", "atf", "sgs", "umi", "iot", "ata"} <= NON_COUNTRY_CODES
    assert "hkg" not in NON_COUNTRY_CODES and "pri" not in NON_COUNTRY_CODES


def test_filter_drops_non_countries_whatever_the_case_of_the_codes():
    import pandas as pd

    from course_tools.indicators import filter_for_complexity

    trade = pd.DataFrame({
        "country": ["BVT", "BVT", "CHL", "CHL", "PER", "PER"],
        "product": ["0101", "0102", "0101", "0102", "0101", "0102"],
        "export_value": [5e9, 5e9, 5e9, 5e9, 5e9, 5e9],
    })
    kept, report = filter_for_complexity(trade, exclude_products=(), min_cumulative_share=0,
                                         max_effective_exporters=0, max_ubiquity=0)
    assert "BVT" not in set(kept["country"])
    assert report.loc[report["code"] == "BVT", "reason"].str.contains("not a country").all()
