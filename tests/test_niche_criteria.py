"""Tests of course_tools.niche_criteria (lesson L11): the criteria table of the niche model.

Cells of the real tables are checked against values worked independently from the raw files in
datasets/ (read here with pandas/csv/python-calamine, not through course_tools loaders), for
Mexico (large, diversified, in the world input-output table) and Jamaica (small, concentrated,
input-output structure by proxy). The small helpers are checked on toy cases worked by hand.
"""
from __future__ import annotations

import csv
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_tools import niche_criteria as nc
from course_tools.indicators import filter_for_complexity

DATA = Path(__file__).resolve().parent.parent / "datasets"


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
    return {c: nc.niche_criteria(c) for c in ("MEX", "JAM")}


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
    assert (jam["io_region"], jam["io_proxy"]) == (nc.IO_PROXY_REGION, True)
    assert any("PROXY of its structure" in n for n in jam["notes"])
    assert not any("PROXY of its structure" in n for n in mex["notes"])
    assert any("territory" in n for n in mex["notes"])
    assert mex["nan_counts"] == {c: int(tables["MEX"][c].isna().sum()) for c in nc.CRITERIA}


@pytest.mark.parametrize("country, fragment", [
    ("XYZ", "not an ISO3 code"),
    ("mexico", "not an ISO3 code"),
    ("", "ISO3 code such as 'MEX'"),
])
def test_unknown_country_is_a_clear_error(country, fragment):
    with pytest.raises(nc.NicheCriteriaError, match=fragment):
        nc.niche_criteria(country)


def test_small_exporter_outside_the_complexity_set_is_a_clear_error(raw17):
    # Montserrat (MSR) reports 2017 exports far below USD 1 billion: dropped by the cleaning
    total = raw17.loc[raw17.reporter_iso == "MSR", "export_value_usd"].sum()
    assert 0 < total < 1e9
    with pytest.raises(nc.NicheCriteriaError, match="not in the cleaned complexity set"):
        nc.niche_criteria("MSR")


def test_complexity_focus_stands_in_jamaica_outside_the_set_and_says_why(raw17):
    # Belize reports 2017 exports below USD 1 billion (raw file): the country-level steps show Jamaica
    total = raw17.loc[raw17.reporter_iso == "BLZ", "export_value_usd"].sum()
    assert 0 < total < 1e9
    kept, dropped = filter_for_complexity(raw17.dropna(subset=["export_value_usd"]).rename(
        columns={"reporter_iso": "country", "product_code": "product", "export_value_usd": "export_value"}))
    assert nc.complexity_focus("MEX", kept, dropped) == ("MEX", "")
    assert nc.complexity_focus(" mex ", kept, dropped) == ("MEX", "")
    focus, note = nc.complexity_focus("BLZ", kept, dropped)
    assert focus == "JAM" == nc.STAND_IN
    assert note.startswith(f"**Belize (BLZ) is outside the 2017 complexity set** (its exports in the table, USD "
                           f"{total / 1e6:,.0f} million, are below the USD 1 billion minimum)")
    assert "show Jamaica (JAM)" in note
    _, es = nc.complexity_focus("BLZ", kept, dropped, lang="es")
    assert es.startswith("**Belice (BLZ) está fuera de la muestra de complejidad de 2017**")
    _, both = nc.complexity_focus("BLZ", kept, dropped, lang=None)
    assert both == note + " / " + es
    with pytest.raises(nc.NicheCriteriaError, match="unknown country code"):
        nc.complexity_focus("XYZ", kept, dropped)
    with pytest.raises(nc.NicheCriteriaError, match="lang"):
        nc.complexity_focus("BLZ", kept, dropped, lang="pt")


@pytest.mark.parametrize("year", [2016, 1980, "2017"])
def test_unknown_year_is_a_clear_error(year):
    with pytest.raises(nc.NicheCriteriaError, match=r"built for year\(s\) \[2017\] only"):
        nc.niche_criteria("MEX", year=year)


def test_bad_io_region_is_a_clear_error():
    with pytest.raises(nc.NicheCriteriaError, match="io_region must be one of"):
        nc.niche_criteria("JAM", io_region="JAM")


def test_lower_case_code_is_accepted(tables):
    pd.testing.assert_frame_equal(nc.niche_criteria("jam"), tables["JAM"])


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
def test_demand_growth_from_the_raw_atlas_panel(tables, product):
    d = pd.read_csv(DATA / "trade_atlas_derived_panels_monicact/product_year_indicators.csv",
                    dtype={"product_code": str}, usecols=["product_code", "year", "world_export_value"])
    d["product_code"] = d["product_code"].str.zfill(4)
    w = {y: d[d.year == y].set_index("product_code")["world_export_value"] for y in (1995, 2023)}
    expected = 100 * (w[2023].get(product, 0) / w[2023].sum() - w[1995].get(product, 0) / w[1995].sum())
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
@pytest.mark.parametrize("country, region", [("MEX", "MEX"), ("JAM", nc.IO_PROXY_REGION)])
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
    # demand_growth: NaN exactly for the headings without a HS 1992 heading of the same code
    hs92 = set(pd.read_csv(DATA / "trade_atlas_derived_panels_monicact/product_year_indicators.csv",
                           dtype={"product_code": str}, usecols=["product_code"])["product_code"].str.zfill(4))
    assert set(mex.index[mex["demand_growth"].isna()]) == set(mex.index) - hs92
    assert "8486" in set(mex.index[mex["demand_growth"].isna()])   # new in HS 2007 (semiconductor machines)
    # share_change: NaN exactly where the world had no trade in 1980 (market share 0/0)
    w80 = raw80.dropna(subset=["export_value_usd"]).groupby("product_code").export_value_usd.sum()
    no_1980 = set(mex.index) - set(w80.index[w80 > 0])
    for df in tables.values():
        assert set(df.index[df["share_change"].isna()]) == no_1980
    # capacity, feasibility, value and the regional proxy are defined for every product
    for df in tables.values():
        assert df[["rca", "rsca", "export_value", "density", "distance", "pci", "cog", "lac_demand_share"]].notna().all().all()


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


# --------------------------------------------------------------------------------------------
# helpers on toy cases worked by hand
# --------------------------------------------------------------------------------------------
def test_regional_demand_share_by_hand():
    # flows: A sends 30 of its 100 to the group member G; B sends 10 of 40 to G; G sends 50 to A
    flows = pd.DataFrame({"exporter": ["A", "A", "B", "B", "G", "G"],
                          "importer": ["G", "B", "G", "A", "A", "G"],   # G -> G (self) is ignored
                          "flow": [30.0, 70.0, 10.0, 30.0, 50.0, 99.0]})
    # shares to the group: s_A = 0.3, s_B = 0.25, s_G = 0 (no flow to another member)
    trade = pd.DataFrame({"country": ["A", "B", "G", "A", "Z"], "product": ["p", "p", "p", "q", "q"],
                          "export_value": [10.0, 20.0, 30.0, 5.0, 1000.0]})   # Z is not in the flows: left out
    out = nc.regional_demand_share(trade, flows, ["G"])
    assert out["p"] == pytest.approx((0.3 * 10 + 0.25 * 20 + 0 * 30) / 60)   # 8/60
    assert out["q"] == pytest.approx(0.3)
    assert out.index.name == "product"


def test_regional_demand_share_errors():
    with pytest.raises(nc.NicheCriteriaError, match=r"no column\(s\) \['flow'\]"):
        nc.regional_demand_share(pd.DataFrame({"country": [], "product": [], "export_value": []}),
                                 pd.DataFrame({"exporter": [], "importer": [], "value": []}), ["G"])


def test_sector_to_product_by_hand():
    conc = pd.DataFrame({"hs07": ["a", "a", "b", "c", "d", "d"],
                         "isic3": ["0113", "1549", "3410", "9214", "2710", "9999"],
                         "weight": [0.5, 0.5, 1.0, 1.0, 0.5, 0.5]})
    sectors = pd.Series({"AtB": 1.2, "D15t16": 0.8, "D34t35": 1.5, "D27t28": 0.9})
    out = nc.sector_to_product(sectors, conc, nc.MRIO_SECTOR_OF_ISIC3)
    assert out["a"] == pytest.approx(1.0)           # (0.5 * 1.2 + 0.5 * 0.8) / 1
    assert out["b"] == pytest.approx(1.5)
    assert "c" not in out.index                     # division 92 (services) has no sector: not available
    assert out["d"] == pytest.approx(0.9)           # 9999 unmatched: the weight of 2710 renormalised to 1


def test_competitiveness_quadrant_by_hand():
    crit = pd.DataFrame({"demand_growth": [0.1, -0.1, 0.1, -0.1, 0.0, np.nan],
                         "share_change": [0.2, 0.2, -0.2, -0.2, 0.3, 0.1]},
                        index=pd.Index(list("abcdef"), name="product"))
    q = nc.competitiveness_quadrant(crit)
    assert q.tolist() == ["rising star", "declining star", "missed opportunity", "retreat",
                          "declining star",   # Δw exactly 0 goes with the negative side
                          "no data"]
    assert nc.competitiveness_quadrant(crit, lang="es").tolist()[:2] == ["estrella naciente", "estrella menguante"]
    with pytest.raises(nc.NicheCriteriaError, match="no column"):
        nc.competitiveness_quadrant(crit.drop(columns="share_change"))


def test_quadrant_of_mexican_cars(tables):
    # 8703: Mexico's world market share of cars rose 1980-2017 (+5.80 pp, checked from the raw files
    # above) while their weight in world trade fell 1995-2023 (-0.43 pp, idem): a declining star
    mex = tables["MEX"]
    assert mex.loc["8703", "share_change"] == pytest.approx(5.8025, abs=1e-4)
    assert mex.loc["8703", "demand_growth"] == pytest.approx(-0.4291, abs=1e-4)
    assert nc.competitiveness_quadrant(mex)["8703"] == "declining star"
