"""Tests of course_tools.data.niche_inputs (lesson L11): the criteria table of the niche model from the shipped tables.

Cells of the real tables are checked against values worked independently from the raw files in
datasets/ (read here with pandas/csv/python-calamine, not through course_tools loaders), for
Mexico (large, diversified, in the world input-output table) and Jamaica (small, concentrated,
input-output structure by proxy). The formulas are those of course_tools.methods.criteria
(tests/methods/test_criteria.py checks its small pieces on toy cases worked by hand).
"""
from __future__ import annotations

import csv
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_tools.data import DataValidationError
from course_tools.data import niche_inputs as ni
from course_tools.indicators import filter_for_complexity
from course_tools.methods import criteria as nc

DATA = Path(__file__).resolve().parents[2] / "datasets"


# --------------------------------------------------------------------------------------------
# raw files, read without course_tools
# --------------------------------------------------------------------------------------------
def _raw_trade(year: int) -> pd.DataFrame:
    """reporter_iso (upper case), product_code (4-digit text), export_value_usd (NaN = blank)."""
    d = pd.read_csv(DATA / f"trade_ots_economiccomplexity/world_trade_{year}_hs07_4d.csv",
                    dtype={"reporter_iso": str, "product_code": str})
    d["reporter_iso"] = d["reporter_iso"].str.upper()
    return d


@pytest.fixture(scope="module")
def raw17() -> pd.DataFrame:
    return _raw_trade(2017)


@pytest.fixture(scope="module")
def raw80() -> pd.DataFrame:
    return _raw_trade(1980)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    """One run per country, reused by every test of the module (about 1 s each)."""
    return {c: ni.niche_criteria(c) for c in ("MEX", "JAM")}


def _rca_by_hand(raw: pd.DataFrame, country: str, product: str) -> float:
    v = raw.dropna(subset=["export_value_usd"])
    xcp = v[(v.reporter_iso == country) & (v.product_code == product)].export_value_usd.sum()
    xc = v[v.reporter_iso == country].export_value_usd.sum()
    xp = v[v.product_code == product].export_value_usd.sum()
    return (xcp / xc) / (xp / v.export_value_usd.sum())


# --------------------------------------------------------------------------------------------
# shape, catalogue, errors
# --------------------------------------------------------------------------------------------
def test_rows_are_the_cleaned_complexity_products(tables, raw17):
    kept, _ = filter_for_complexity(
        raw17.dropna(subset=["export_value_usd"]).rename(
            columns={"reporter_iso": "country", "product_code": "product", "export_value_usd": "export_value"}))
    expected = sorted(kept["product"].unique())
    for df in tables.values():
        assert df.index.name == "product"
        assert df.index.tolist() == expected
        assert len(df) == 1137
        assert list(df.columns) == list(nc.CRITERIA)
        assert all(t == np.float64 for t in df.dtypes)


def test_catalogue_covers_every_column(tables):
    cat = nc.criteria_catalogue()
    assert list(cat.columns) == ["criterion", "group", "label_en", "label_es", "higher_is_better", "unit", "source"]
    assert cat["criterion"].tolist() == list(tables["MEX"].columns)
    assert set(cat["group"]) <= set(nc.GROUPS)
    assert cat["higher_is_better"].dtype == bool
    assert not cat.set_index("criterion").loc["distance", "higher_is_better"]
    assert int((~cat["higher_is_better"]).sum()) == 1  # only distance: lower is better
    assert cat[["label_en", "label_es", "unit", "source"]].map(lambda s: len(str(s)) > 3).all().all()
    assert "PROXY" in cat.set_index("criterion").loc["lac_demand_share", "source"]


def test_attrs_give_provenance(tables):
    mex, jam = tables["MEX"].attrs, tables["JAM"].attrs
    assert (mex["country"], mex["year"], mex["io_region"], mex["io_proxy"]) == ("MEX", 2017, "MEX", False)
    assert mex["window"] == (1980, 2017)
    assert (jam["io_region"], jam["io_proxy"]) == (ni.IO_PROXY_REGION, True)
    assert any("Linkages are a PROXY" in n for n in jam["notes"])
    assert not any("Linkages are a PROXY" in n for n in mex["notes"])
    assert any("Territory/SMEs" in n for n in mex["notes"])
    # the shipped tables have no flows by product and market: both market criteria are labelled proxies
    assert mex["sources"] == {"lac_demand": "proxy", "potential": "proxy", "linkages": "mrio", "dynamics": "window"}
    assert jam["sources"]["linkages"] == "mrio_proxy"
    assert any("LAC demand share is a PROXY" in n for n in mex["notes"])
    assert any("Untapped export potential is a PROXY" in n for n in mex["notes"])
    # every note exists in Spanish too
    assert any(n.in_lang("es").startswith("Dinámica en una sola ventana, 1980-2017") for n in mex["notes"])
    assert mex["nan_counts"] == {c: int(tables["MEX"][c].isna().sum()) for c in nc.CRITERIA}


@pytest.mark.parametrize("country, fragment", [
    ("XYZ", "not an ISO3 code"),
    ("mexico", "not an ISO3 code"),
    ("", "ISO3 code such as 'MEX'"),
])
def test_unknown_country_is_a_clear_error(country, fragment):
    with pytest.raises(nc.NicheCriteriaError, match=fragment):
        ni.niche_criteria(country)


def test_small_exporter_outside_the_complexity_set_is_a_clear_error(raw17):
    # Montserrat (MSR) reports 2017 exports far below USD 1 billion: dropped by the cleaning
    total = raw17.loc[raw17.reporter_iso == "MSR", "export_value_usd"].sum()
    assert 0 < total < 1e9
    with pytest.raises(nc.NicheCriteriaError, match="not in the cleaned complexity set"):
        ni.niche_criteria("MSR")


@pytest.mark.parametrize("year", [2016, 1995, "2017"])
def test_a_year_outside_the_panel_is_a_clear_error(year):
    with pytest.raises(DataValidationError, match=r"year .* is not in the trade panel \(1980, 2017\)"):
        ni.niche_criteria("MEX", year=year)


@pytest.mark.parametrize("window, fragment", [((1962, 2017), "no year 1962"), ((2017, 1980), "must come before"),
                                              ((1980, 2023), "no year 2023")])
def test_a_window_outside_the_panel_is_a_clear_error(window, fragment):
    with pytest.raises(DataValidationError, match=fragment):
        ni.niche_criteria("MEX", window=window)


def test_bad_io_region_is_a_clear_error():
    with pytest.raises(nc.NicheCriteriaError, match="io_region must be one of"):
        ni.niche_criteria("JAM", io_region="JAM")


def test_lower_case_code_is_accepted(tables):
    pd.testing.assert_frame_equal(ni.niche_criteria("jam"), tables["JAM"])


# --------------------------------------------------------------------------------------------
# cells against the raw files
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("country, product", [("MEX", "8703"), ("MEX", "0901"), ("JAM", "2818"), ("JAM", "2208")])
def test_rca_and_rsca_from_the_raw_file(tables, raw17, country, product):
    r = _rca_by_hand(raw17, country, product)
    assert tables[country].loc[product, "rca"] == pytest.approx(r, rel=1e-9)
    assert tables[country].loc[product, "rsca"] == pytest.approx((r - 1) / (r + 1), rel=1e-9)
    v = raw17.dropna(subset=["export_value_usd"])
    x = v.loc[(v.reporter_iso == country) & (v.product_code == product), "export_value_usd"].sum()
    assert tables[country].loc[product, "export_value"] == pytest.approx(x, rel=1e-12)


def test_jamaica_alumina_is_its_strongest_advantage(tables):
    # 2818 aluminium oxide (alumina): Jamaica's bauxite-alumina industry
    assert tables["JAM"]["rca"].idxmax() == "2818"
    assert tables["JAM"].loc["2818", "rca"] > 100


@pytest.mark.parametrize("product", ["8703", "0901", "2818"])
def test_demand_growth_is_the_world_cagr_over_the_window_from_the_raw_files(tables, raw17, raw80, product):
    w = {}
    for year, raw in ((1980, raw80), (2017, raw17)):
        v = raw.dropna(subset=["export_value_usd"])
        w[year] = v.loc[v.product_code == product, "export_value_usd"].sum()
    expected = 100 * ((w[2017] / w[1980]) ** (1 / 37) - 1)
    for df in tables.values():  # a world property: the same for every country
        assert df.loc[product, "demand_growth"] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("country, product", [("MEX", "8703"), ("MEX", "0901"), ("JAM", "2818"), ("JAM", "0901")])
def test_share_change_from_the_raw_files(tables, raw17, raw80, country, product):
    def ms(raw):
        v = raw.dropna(subset=["export_value_usd"])
        v = v[v.product_code == product]
        return v.loc[v.reporter_iso == country, "export_value_usd"].sum() / v.export_value_usd.sum()
    assert tables[country].loc[product, "share_change"] == pytest.approx(100 * (ms(raw17) - ms(raw80)), rel=1e-9)


def test_lac_demand_share_from_the_raw_files(tables, raw17):
    with open(DATA / "lac_country_groups/lac_country_groups.csv", newline="", encoding="utf-8") as fh:
        lac = {r["iso3"] for r in csv.DictReader(fh) if r["eclac_member_state"] == "1"}
    assert len(lac) == 33
    g = pd.read_csv(DATA / "trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv")
    old = {"ROM": "ROU", "ZAR": "COD", "YUG": "SRB"}   # the 2006 table's old codes, as the trade tables write them
    g = g.assign(iso_o=g.iso_o.replace(old), iso_d=g.iso_d.replace(old))
    g = g[(g.iso_o != g.iso_d) & g.flow.notna()]
    total = g.groupby("iso_o").flow.sum()
    to_lac = g[g.iso_d.isin(lac)].groupby("iso_o").flow.sum().reindex(total.index, fill_value=0)
    s = (to_lac / total)[total > 0]
    for product in ("8703", "2304"):
        v = raw17[(raw17.product_code == product) & raw17.reporter_iso.isin(s.index)].fillna({"export_value_usd": 0})
        expected = (v.export_value_usd * v.reporter_iso.map(s)).sum() / v.export_value_usd.sum()
        assert tables["MEX"].loc[product, "lac_demand_share"] == pytest.approx(expected, rel=1e-9)
        assert tables["JAM"].loc[product, "lac_demand_share"] == pytest.approx(expected, rel=1e-9)


@pytest.fixture(scope="module")
def mrio_raw():
    """Z (598 x 598), region and sector labels and gross output, read from the Excel file directly."""
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(DATA / "io_world_mrio_2000_26r23s/miom_world_2000.xlsx")) \
        .get_sheet_by_name("2000").to_python()
    block = rows[6:604]                                  # Excel rows 7-604
    sectors = [str(r[0]).strip() for r in block]
    regions, cur = [], None
    for r in block:                                      # the region code is in the first row of each block
        cur = str(r[2]).strip() or cur
        regions.append(cur)
    Z = np.array([[float(v or 0) for v in r[4:602]] for r in block])   # columns E..WD
    x = np.array([float(v or 0) for v in rows[611][4:602]])            # row 612 gross production
    return Z, np.array(regions), np.array(sectors), x


def _linkages_by_hand(mrio_raw, region):
    Z, regions, sectors, x = mrio_raw
    k = regions == region
    Zr, xr = Z[np.ix_(k, k)], x[k]
    n = len(xr)
    L = np.linalg.inv(np.eye(n) - Zr / xr[None, :])          # Leontief: a_ij = z_ij / x_j
    G = np.linalg.inv(np.eye(n) - Zr / xr[:, None])          # Ghosh: b_ij = z_ij / x_i
    bl = L.sum(axis=0) / n / (L.sum() / n**2)
    fl = G.sum(axis=1) / n / (G.sum() / n**2)
    return dict(zip(sectors[k], bl)), dict(zip(sectors[k], fl))


@pytest.mark.slow
@pytest.mark.parametrize("country, region", [("MEX", "MEX"), ("JAM", ni.IO_PROXY_REGION)])
def test_linkages_from_the_raw_io_table(tables, mrio_raw, country, region):
    bl, fl = _linkages_by_hand(mrio_raw, region)
    df = tables[country]
    # 8703 cars -> ISIC3 3410 only -> sector D34t35 (transport equipment)
    assert df.loc["8703", "backward_linkage"] == pytest.approx(bl["D34t35"], rel=1e-9)
    assert df.loc["8703", "forward_linkage"] == pytest.approx(fl["D34t35"], rel=1e-9)
    # 0901 coffee -> ISIC3 0113 (growing, AtB) and 1549 (processing, D15t16), weight 1/2 each
    assert df.loc["0901", "backward_linkage"] == pytest.approx((bl["AtB"] + bl["D15t16"]) / 2, rel=1e-9)
    assert df.loc["0901", "forward_linkage"] == pytest.approx((fl["AtB"] + fl["D15t16"]) / 2, rel=1e-9)


@pytest.mark.slow
def test_density_and_cog_match_py_ecomplexity(tables, raw17):
    ec = pytest.importorskip("ecomplexity")
    kept, _ = filter_for_complexity(
        raw17.dropna(subset=["export_value_usd"]).rename(
            columns={"reporter_iso": "country", "product_code": "product", "export_value_usd": "export_value"}))
    cols = {"time": "year", "loc": "country", "prod": "product", "val": "export_value"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = ec.ecomplexity(kept.assign(year=2017), cols, verbose=False, check_logsupermodularity=False)
    ref = ref.set_index(["country", "product"])
    for country, df in tables.items():
        r = ref.loc[country].reindex(df.index)
        for col in ("density", "pci", "cog"):
            np.testing.assert_allclose(df[col].to_numpy(), r[col].to_numpy(dtype=float), rtol=0, atol=1e-8)
        np.testing.assert_allclose(df["distance"].to_numpy(), 1 - r["density"].to_numpy(dtype=float), atol=1e-8)


# --------------------------------------------------------------------------------------------
# NaN semantics: NaN = not available, 0 = a true zero
# --------------------------------------------------------------------------------------------
def test_nan_means_not_available(tables, raw17, raw80):
    mex = tables["MEX"]
    # share_change: NaN exactly where the world had no trade in 1980 (market share 0/0)
    w80 = raw80.dropna(subset=["export_value_usd"]).groupby("product_code").export_value_usd.sum()
    no_1980 = set(mex.index) - set(w80.index[w80 > 0])
    for df in tables.values():
        assert set(df.index[df["share_change"].isna()]) == no_1980
        # demand growth over the same window: NaN exactly there too (growth from nothing is undefined)
        assert set(df.index[df["demand_growth"].isna()]) == no_1980
    assert "8486" in no_1980   # semiconductor machines: new in HS 2007, no 1980 trade
    # capacity, feasibility, value and the regional proxy are defined for every product
    for df in tables.values():
        assert df[["rca", "rsca", "export_value", "density", "distance", "pci", "cog", "lac_demand_share",
                   "untapped_potential"]].notna().all().all()


def test_true_zeros_stay_zero(tables, raw17, raw80):
    jam = tables["JAM"]
    # a product Jamaica exported in neither 1980 nor 2017 but the world did: share change is exactly 0
    def exported(raw, c):
        v = raw.dropna(subset=["export_value_usd"])
        return set(v.loc[(v.reporter_iso == c) & (v.export_value_usd > 0), "product_code"])
    never = sorted(set(jam.index[jam["share_change"].notna()]) - exported(raw17, "JAM") - exported(raw80, "JAM"))
    assert len(never) > 100
    assert (jam.loc[never, "share_change"] == 0.0).all()
    assert (jam.loc[never, "rca"] == 0.0).all()
    # COG is 0 where the country already has the product (RCA >= 1 in the cleaned set)
    assert jam.loc["2818", "cog"] == 0.0


def test_quadrant_of_mexican_cars(tables, raw17, raw80):
    # 8703: Mexico's world market share of cars rose 1980-2017 (+5.80 pp) while world demand for cars grew
    # 6.3819 % a year, a little slower than world trade as a whole (6.4041 % a year, totals of the raw
    # files): the weight of cars in world trade fell, so TradeCAN calls them a declining star
    mex = tables["MEX"]
    total = {y: r["export_value_usd"].sum() for y, r in ((1980, raw80), (2017, raw17))}
    world = 100 * ((total[2017] / total[1980]) ** (1 / 37) - 1)
    assert world == pytest.approx(6.4041, abs=1e-4)
    assert mex.attrs["world_demand_cagr"] == pytest.approx(world, rel=1e-12)
    assert mex.loc["8703", "share_change"] == pytest.approx(5.8025, abs=1e-4)
    assert mex.loc["8703", "demand_growth"] == pytest.approx(6.3819, abs=1e-4)
    assert nc.competitiveness_quadrant(mex)["8703"] == "declining star"


def test_the_complexity_set_is_computed_once_per_table_and_anew_for_a_changed_one():
    # the report asks for many countries of one table: the second asks nothing new of complexity(); a table
    # whose values changed (here Chile's copper doubled) is a new table, with its own ECI
    from course_tools.data import load_trade

    trade = load_trade(2017)
    first = ni.complexity_of_trade(trade)
    assert ni.complexity_of_trade(trade.copy()) is first
    changed = trade.copy()
    copper = (changed["country"] == "CHL") & (changed["product"] == "7403")
    changed.loc[copper, "export_value"] *= 2
    other = ni.complexity_of_trade(changed)
    assert other is not first and other.eci["CHL"] != first.eci["CHL"]
    # Paraguay's criteria from the kept set are those computed from scratch, cell for cell
    given = nc.criteria_table("PRY", trade, complexity_result=first)
    fresh = nc.criteria_table("PRY", trade)
    pd.testing.assert_frame_equal(given, fresh)
    with pytest.raises(nc.NicheCriteriaError, match="BLZ"):
        nc.criteria_table("BLZ", trade, complexity_result=first)  # Belize is outside the complexity set
