"""The trade panel (course_tools.data.panel): the shipped tables as a panel, the checks of its flows, provenance.

Fixtures are the shipped real tables themselves: ``shipped_panel().exports(Y)`` must be ``load_trade(Y)``
row for row, and the small panels below are real rows of ``load_trade(2017)`` (Chile and Peru, HS 0801-0810).
"""
from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from pytest import approx

from course_tools.data import DataValidationError, load_trade
from course_tools.data.panel import WORLD, Note, Provenance, TradePanel, check_flows, shipped_panel, year_span


@pytest.fixture(scope="module")
def shipped() -> TradePanel:
    return shipped_panel()


def _prov(**kw) -> Provenance:
    base = dict(source="shipped tables", release=None, classification="hs07", original_classification="HS07",
                years=(2017,), path=None)
    return Provenance(**{**base, **kw})


def _real_rows() -> pd.DataFrame:
    """Real 2017 rows: Chile and Peru, HS 0801-0810 (fruit), as panel flows to the world."""
    t = load_trade(2017)
    t = t[t["country"].isin(["CHL", "PER"]) & t["product"].str.startswith("08")
          & (t["product"] <= "0810")].dropna(subset=["export_value"])
    return t.rename(columns={"country": "exporter", "export_value": "value"}).assign(importer=WORLD)


def test_shipped_panel_exports_are_the_shipped_tables(shipped):
    assert shipped.years == [1980, 2017]
    assert not shipped.has_importers
    for y in (2017, 1980):
        pd.testing.assert_frame_equal(shipped.exports(y), load_trade(y))
    assert shipped.exports(2017)["export_value"].isna().sum() == 233_432 - 176_971  # NaN stays NaN
    assert shipped.provenance.classification == "hs07" and shipped.provenance.years == (1980, 2017)


def test_provenance_is_printed_in_both_languages(shipped):
    en, es = shipped.provenance.describe("en"), shipped.provenance.describe("es")
    assert en.startswith("Trade: shipped tables") and "1980, 2017" in en and "HS 2007 at 4 digits" in en
    assert es.startswith("Comercio: tablas incluidas en el curso") and "SA 2007" in es
    notes = shipped.provenance.note_texts("es")
    assert len(notes) == 2 and "CUCI" in notes[1]
    assert "10-30 %" in shipped.provenance.notes[0]  # a Note is the English text
    assert "TradePanel(" in repr(shipped) and "importers=no" in repr(shipped)


def test_converted_sources_say_so_and_notes_pickle():
    p = _prov(source="CEPII BACI", release="V202401", original_classification="HS92", years=(2013, 2014, 2015),
              path="/data/BACI_HS92_V202401.zip", notes=(Note("own_data.note_shipped_sitc"), "a plain note"))
    d = p.describe("en")
    assert "CEPII BACI, 2013–2015" in d and "release V202401" in d and "HS92 converted to HS 2007" in d
    assert "read from /data/BACI_HS92_V202401.zip" in d
    back = pickle.loads(pickle.dumps(p))
    assert back == p and back.notes[0].in_lang("es").startswith("Los años")
    assert year_span([2017, 1980]) == "1980, 2017" and year_span([2013, 2014]) == "2013, 2014"


def test_exports_sum_importers_and_keep_not_reported_apart():
    rows = _real_rows()
    chl = rows[rows["exporter"] == "CHL"]
    # Chile's 2017 fruit exports, split over two importers by halves: exports() adds them back
    half = chl.assign(value=chl["value"] / 2)
    flows = pd.concat([half.assign(importer="USA"), half.assign(importer="CHN")], ignore_index=True)
    nan_row = pd.DataFrame({"year": [2017, 2017], "exporter": ["PER", "PER"], "importer": ["USA", "CHN"],
                            "product": ["0801", "0801"], "value": [np.nan, np.nan]})
    p = TradePanel(pd.concat([flows, nan_row], ignore_index=True), _prov())
    assert p.has_importers
    e = p.exports(2017).set_index(["country", "product"])["export_value"]
    assert e.loc[("CHL", "0806")] == approx(chl.set_index("product").loc["0806", "value"])
    assert np.isnan(e.loc[("PER", "0801")])  # both flows not reported: NaN, not 0
    b = p.bilateral(2017)
    assert set(b["importer"]) == {"USA", "CHN"}
    assert b["value"].sum() == approx(chl["value"].sum())


def test_bilateral_of_one_exporter_and_refusals():
    rows = _real_rows()
    chl = rows[rows["exporter"] == "CHL"].assign(importer="USA")
    p = TradePanel(pd.concat([chl, rows[rows["exporter"] == "PER"]], ignore_index=True), _prov())
    assert not p.has_importers  # Peru's rows go to the world
    assert p.bilateral(2017, "chl")["value"].sum() == approx(chl["value"].sum())
    with pytest.raises(DataValidationError, match="flows by importer"):
        p.bilateral(2017)
    with pytest.raises(DataValidationError, match="no year 2023.*2017"):
        p.exports(2023)
    with pytest.raises(DataValidationError, match="first year must come before"):
        p.window(2017, 2017)


@pytest.mark.parametrize("change, match", [
    (lambda d: d.assign(value=-d["value"]), "negative"),
    (lambda d: d.assign(product="101"), "4-digit"),
    (lambda d: d.assign(exporter="chile"), "ISO3"),
    (lambda d: pd.concat([d, d.head(1)]), "repeated rows"),
    (lambda d: d.drop(columns="importer"), r"no column\(s\) \['importer'\]"),
    (lambda d: pd.concat([d, d.head(1).assign(importer="USA")]), "both 'WLD' rows and rows by partner"),
])
def test_bad_flows_are_refused(change, match):
    with pytest.raises(DataValidationError, match=match):
        check_flows(change(_real_rows()), "test")


def test_categorical_codes_are_checked_too():
    d = _real_rows()
    ok = check_flows(d.astype({"exporter": "category", "product": "category"}), "test")
    assert isinstance(ok["exporter"].dtype, pd.CategoricalDtype)
    p = TradePanel(ok, _prov())
    pd.testing.assert_frame_equal(p.exports(2017).drop(columns="year"),
                                  TradePanel(d, _prov()).exports(2017).drop(columns="year"), check_dtype=False)
    with pytest.raises(DataValidationError, match="ISO3"):
        check_flows(d.assign(importer="wld").astype({"importer": "category"}), "test")


def test_shipped_panel_years():
    assert shipped_panel([2017]).years == [2017]
    with pytest.raises(DataValidationError, match="read_baci"):
        shipped_panel([2023])


def test_a_changed_panel_or_exports_table_never_changes_the_next_one():
    # the shipped flows are checked once per session: what a lesson does to its panel or to a table it got
    # must not reach the next panel, and exports() always follow the panel's flows as they are now
    first = shipped_panel()
    mine = first.exports(2017)
    mine["export_value"] = 0.0
    first.flows.loc[first.flows["exporter"] == "CHL", "value"] = 1.0
    chile = first.exports(2017).query("country == 'CHL'")
    assert (chile["export_value"] == 1.0).all() and len(chile) == (load_trade(2017)["country"] == "CHL").sum()
    pd.testing.assert_frame_equal(shipped_panel().exports(2017), load_trade(2017))
