"""Loaders of the shipped datasets: shape, columns, dtypes and facts checked against SOURCE.md."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from course_tools import data as D
from course_tools.data.manifest import DatasetIntegrityError
from course_tools.paths import datasets_dir

ECLAC_33 = ["ARG", "ATG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU",
            "GRD", "GTM", "GUY", "HND", "HTI", "JAM", "KNA", "LCA", "MEX", "NIC", "PAN", "PER", "PRY", "SLV",
            "SUR", "TTO", "URY", "VCT", "VEN"]


def is_text(s: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(s) and s.dropna().map(type).eq(str).all()


@pytest.mark.parametrize("year,rows,non_na,reporters,products", [
    (2017, 233_432, 176_971, 224, 1_222),
    (1980, 165_977, 91_820, 193, 1_106),  # SOURCE.md says 192 reporters; the file has 193
    (1962, 44_435, 44_435, 158, 991),
])
def test_load_trade_shape(year, rows, non_na, reporters, products):
    t = D.load_trade(year)
    assert list(t.columns) == ["year", "country", "product", "export_value"]
    assert t.shape[0] == rows and t["export_value"].notna().sum() == non_na
    assert t["country"].nunique() == reporters and t["product"].nunique() == products
    assert t["year"].dtype == "int64" and (t["year"] == year).all()
    assert t["export_value"].dtype == "float64"
    assert is_text(t["country"]) and is_text(t["product"])
    assert t["country"].str.fullmatch("[A-Z]{3}").all() and t["product"].str.fullmatch(r"\d{4}").all()


def test_trade_2017_facts():
    t = D.load_trade(2017)
    tot = t.groupby("country")["export_value"].sum()
    assert tot["CHL"] == pytest.approx(7.6e10, rel=0.01)   # SOURCE.md
    assert tot["USA"] == pytest.approx(1.84e12, rel=0.01)  # SOURCE.md
    assert set(ECLAC_33) <= set(t["country"])
    # NaN (not reported) and 0 stay distinct: the file has NA cells and no zeros
    assert t["export_value"].isna().sum() == 233_432 - 176_971
    chl = t[(t["country"] == "CHL") & (t["product"] == "0303")]
    assert chl["export_value"].item() == 1_564_421_026.0  # row of the CSV: chl,0303,1564421026.0


def test_trade_1962_facts():
    t = D.load_trade(1962)
    lac = set(ECLAC_33) & set(t["country"])
    assert len(lac) == 28 and set(ECLAC_33) - lac == {"ATG", "GRD", "KNA", "LCA", "VCT"}
    assert "ROU" in set(t["country"]) and "ROM" not in set(t["country"])


def test_unknown_year_lists_available():
    with pytest.raises(ValueError, match=r"\[1962, 1980, 2017\]"):
        D.load_trade(2000)


def test_cache_returns_copies():
    a = D.load_trade(1962)
    a.loc[0, "export_value"] = -1.0
    assert D.load_trade(1962).loc[0, "export_value"] == 621.0  # first row: afg,0106,621.0


def test_country_year():
    d = D.load_country_year()
    assert d.shape == (6665, 14) and d["country"].nunique() == 242
    assert {"country", "year", "region", "export_value", "import_value", "eci", "is_lac"} <= set(d.columns)
    v = d.set_index(["country", "year"])["export_value"]
    assert v["BRA", 2022] == pytest.approx(324.3e9, rel=0.001)  # SOURCE.md sanity checks
    assert v["MEX", 2022] == pytest.approx(582.2e9, rel=0.001)
    assert v["CHL", 2002] == pytest.approx(16.7e9, rel=0.003)
    flagged = d[d["country"].isin(["ATG", "DMA", "GRD", "KNA", "LCA", "VCT"])]
    assert (flagged["region"] == "Rest of world").all() and flagged["is_lac"].all()
    assert d.loc[d["is_lac"], "country"].nunique() == 33
    assert d["year"].min() == 1995 and d["year"].max() == 2023


def test_product_year():
    d = D.load_product_year()
    assert d.shape == (35_897, 8) and d["product"].nunique() == 1_243
    assert list(d.columns) == ["product", "year", "section", "chapter", "world_export_value", "ubiquity",
                               "pci_atlas", "pci_recomputed"]
    row = d[(d["product"] == "0101") & (d["year"] == 1995)].iloc[0]
    assert row["pci_atlas"] == 0.044 and row["ubiquity"] == 21 and row["world_export_value"] == 1018155630
    assert d["section"].isna().sum() == 29 and is_text(d["chapter"])


def test_trade_sample():
    d = D.load_trade_sample()
    assert d.shape[0] == 5000 and set(d["country"]) == {"BOL", "BRA"}
    assert set(d["year"]) == {1995, 2009, 2023}
    first = d.iloc[0]
    assert (first["country"], first["product"], first["export_value"]) == ("BOL", "0101", 24007.0)


def test_bilateral_hs6():
    for year, rows, exp, imp in ((2002, 2823, 0.233e9, 3.036e9), (2004, 3070, 0.453e9, 4.163e9)):
        d = D.load_bilateral_hs6(year)
        assert list(d.columns) == ["year", "reporter", "partner", "product", "export_value", "import_value"]
        assert len(d) == rows and set(d["reporter"]) == {"CHL"} and set(d["partner"]) == {"ARG"}
        assert d["export_value"].sum() == pytest.approx(exp, rel=0.005)
        assert d["import_value"].sum() == pytest.approx(imp, rel=0.001)
        assert d["product"].str.fullmatch(r"\d{6}").all()
    with pytest.raises(ValueError, match=r"\[2002, 2004\]"):
        D.load_bilateral_hs6(2003)


def test_hs6_totals():
    chl = D.load_hs6_totals("CHL")
    assert len(chl) == 4440 and chl["export_value"].sum() == pytest.approx(17.4e9, rel=0.005)
    assert chl["import_value"].sum() == pytest.approx(15.4e9, rel=0.005)
    world = D.load_hs6_totals("WORLD")
    assert len(world) == 4781 and set(world["reporter"]) == {"WLD"}
    assert world.loc[world["product"] == "010121", "export_value"].item() == 918102708.0


def test_gravity():
    g = D.load_gravity()
    assert g.shape == (22_588, 11) and g["exporter"].nunique() == 166
    assert (g["flow"] == 0).mean() == pytest.approx(0.24, abs=0.005)
    assert set(ECLAC_33) - set(g["exporter"]) == {"BHS", "BRB", "CUB"}
    assert g["gdp_exporter"][g["exporter"] == "USA"].iloc[0] == pytest.approx(13.2e6, rel=0.01)



def test_gravity_with_current_codes():
    """The 2006 table writes Romania, Zaire and Serbia and Montenegro as ROM, ZAR, YUG (raw file, 742 rows with
    one of them); current_codes=True writes ROU, COD, SRB as the trade tables do, and changes nothing else."""
    raw = pd.read_csv(datasets_dir() / "trade_bilateral_gravity_hmr2006" / "gravity_zeros_2006.csv")
    old = raw["iso_o"].isin(["ROM", "ZAR", "YUG"]) | raw["iso_d"].isin(["ROM", "ZAR", "YUG"])
    assert old.sum() == 742 and not raw[["iso_o", "iso_d"]].isin(["ROU", "COD", "SRB"]).any().any()
    assert D.gravity.OLD_CODES == {"ROM": "ROU", "ZAR": "COD", "YUG": "SRB"}
    g, new = D.load_gravity(), D.load_gravity(current_codes=True)
    assert {"ROM", "ZAR", "YUG"} <= set(g["exporter"]) and not {"ROU", "COD", "SRB"} & set(g["exporter"])
    assert not {"ROM", "ZAR", "YUG"} & (set(new["exporter"]) | set(new["importer"]))
    assert {"ROU", "COD", "SRB"} <= set(new["exporter"]) & set(new["importer"])
    assert new["exporter"].nunique() == 166 and new.shape == g.shape
    pd.testing.assert_frame_equal(new.drop(columns=["exporter", "importer"]), g.drop(columns=["exporter", "importer"]))
    assert (new.loc[g["exporter"] == "ROM", "exporter"] == "ROU").all()
    assert "ROM" in set(D.load_gravity()["exporter"])               # the cached table is not changed

def test_census_clean_and_raw_identical():
    clean, raw = D.load_census(), D.load_census(raw=True)
    pd.testing.assert_frame_equal(clean, raw)
    assert clean.shape == (2979, 15)
    assert clean["suppressed"].sum() == 939
    assert clean.loc[clean["suppressed"], "employment"].isna().all()
    assert sorted(clean["census_year"].unique()) == [2003, 2008, 2013, 2018, 2023]
    assert clean["sector_code"].nunique() == 19 and "31-33" in set(clean["sector_code"])
    nat = clean[(clean["state_code"] == "00") & (clean["census_year"] == 2023) & (clean["sector_code"] == "21")]
    assert nat["employment"].item() == 166978.0  # raw line: 2023,"00 Total Nacional","","Sector 21 Minería",166978
    assert nat["municipality_code"].isna().all()
    x = clean[(clean["municipality"] == "Xicoténcatl") & (clean["census_year"] == 2003)
              & (clean["sector_code"] == "72")]
    assert x["municipality_code"].item() == "043" and x["gross_output"].item() == 8.576


def test_saic_parser_finds_header_anywhere(tmp_path):
    src = datasets_dir() / "subnational_mexico_inegi_ce_tamaulipas" / "SAIC_Exporta_2025922_13941551_original.csv"
    data = src.read_bytes()
    moved = tmp_path / "mine.csv"
    moved.write_bytes(b"\xef\xbb\xbfOtra linea de titulo,,,,,,,,,,,\r\n" + data.replace(b"\xef\xbb\xbf", b"", 1))
    pd.testing.assert_frame_equal(D.read_saic_export(moved), D.load_census())


def test_countries():
    c = D.countries()
    assert c["iso3"].is_unique and {
        "iso3",
        "iso2",
        "m49",
        "name",
        "region",
        "subregion",
        "is_lac",
        "is_country",
        "sids",
    } <= set(c.columns)
    for year in D.TRADE_YEARS:
        assert set(D.load_trade(year)["country"]) <= set(c["iso3"])
    assert sorted(c.loc[c["is_lac"], "iso3"]) == ECLAC_33
    row = c.set_index("iso3").loc["ARG"]
    assert (row["m49"], row["iso2"], row["name"]) == ("032", "AR", "Argentina")
    assert D.country_name("arg", "es") == "Argentina" and D.country_name("BRA", "es") == "Brasil"
    assert D.country_name("SUN") == "Former Soviet Union"
    flags = c.set_index("iso3")["is_country"]
    assert flags["CHL"] and flags["SUN"] and flags["HKG"] and not flags["BVT"] and not flags["PRI"]
    assert c.set_index("iso3")["sids"]["JAM"] and not c.set_index("iso3")["sids"]["CHL"]
    with pytest.raises(ValueError, match="ISO 3166"):
        D.country_name("XXX")


def test_products():
    hs = D.products("hs07", 4)
    assert len(hs) == 1222 and list(hs.columns) == ["code", "name", "parent", "section", "section_name"]
    row = hs.set_index("code").loc["0101"]
    assert row["name"] == "Horses, asses, mules and hinnies; live" and row["parent"] == "01" and row["section"] == "I"
    es = D.products("hs07", 4, "es")
    assert es.set_index("code").loc["0101", "name"] == "Caballos, asnos, mulos y burdéganos, vivos."
    assert es.attrs["english_fallback"] == 16
    assert len(D.products("hs92", 4)) == 1248 and len(D.products("hs22", 6)) == 5613
    assert len(D.products("isic4", 4)) == 419 and D.products("isic4", 2).set_index("code").loc["01", "parent"] == "A"
    assert set(D.products("hs07", 4)["code"]) >= set(D.load_trade(2017)["product"])
    with pytest.raises(ValueError, match=r"available levels: \[2, 4, 6\]"):
        D.products("hs07", 3)
    with pytest.raises(ValueError, match="available"):
        D.products("naics")


def test_concordance_weights_preserve_totals():
    c = D.concordance("hs07", "isic4")
    assert list(c.columns) == ["hs07", "isic4", "weight"]
    assert np.allclose(c.groupby("hs07")["weight"].sum(), 1.0)
    # equal split: every target of a heading gets the same weight 1/n
    horses = c[c["hs07"] == "0101"]
    assert horses["weight"].tolist() == [1 / len(horses)] * len(horses)
    t = D.load_trade(2017)
    chl = t[t["country"] == "CHL"].merge(c, left_on="product", right_on="hs07")
    by_isic = (chl["export_value"] * chl["weight"]).groupby(chl["isic4"]).sum()
    mapped = t[(t["country"] == "CHL") & t["product"].isin(c["hs07"])]["export_value"].sum()
    assert by_isic.sum() == pytest.approx(mapped)
    back = D.concordance("hs92", "hs07")
    assert np.allclose(back.groupby("hs92")["weight"].sum(), 1.0)
    with pytest.raises(ValueError, match="available pairs"):
        D.concordance("hs07", "naics")


def test_country_groups():
    assert D.group_members("lac") == ECLAC_33
    assert D.group_members("mercosur") == ["ARG", "BOL", "BRA", "PRY", "URY", "VEN"]
    assert D.group_members("pacific_alliance") == ["CHL", "COL", "MEX", "PER"]
    assert D.group_members("can") == ["BOL", "COL", "ECU", "PER"]
    long = D.country_groups()
    assert list(long.columns) == ["group", "iso3"] and (long["group"] == "lac").sum() == 33
    with pytest.raises(ValueError, match="available groups"):
        D.group_members("nafta")


def test_product_space_layout():
    nodes, edges = D.product_space_layout("hs")
    assert len(nodes) == 866 and len(edges) == 2532
    assert {"product", "x", "y", "name", "color"} <= set(nodes.columns)
    first = nodes.iloc[0]
    assert (first["product"], first["x"], first["y"]) == ("0910", 2713.0, 2416.0)
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["product"])
    n2, e2 = D.product_space_layout("sitc")
    assert len(n2) == 774 and len(e2) == 1779


def test_tampered_file_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "datasets"
    shutil.copytree(datasets_dir(), copy, ignore=shutil.ignore_patterns("io_*"))
    monkeypatch.setenv("NICHOS_DATASETS", str(copy))
    assert D.load_gravity().shape == (22_588, 11)  # the copy is fine
    target = copy / "trade_bilateral_gravity_hmr2006" / "gravity_zeros_2006.csv"
    raw = bytearray(target.read_bytes())
    raw[200] = ord("9") if raw[200] != ord("9") else ord("8")
    target.write_bytes(bytes(raw))
    with pytest.raises(DatasetIntegrityError, match="trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv"):
        D.load_gravity()


def test_hs_chapters_fall_into_the_21_sections_and_chapter_99_into_none():
    chapters = D.products("hs07", level=2)
    assert chapters["section"].dropna().nunique() == 21
    assert chapters.loc[chapters["code"] == "99", "section"].isna().all()
