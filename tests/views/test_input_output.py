"""Tests of course_tools.views.input_output (lesson L09): values worked by hand or read from the published files."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from course_tools import data
from course_tools.i18n import UnknownLanguageError
from course_tools.indicators import key_sectors
from course_tools.views import input_output as vc


def test_ibge_balancing_column_is_minus_imports_taxes_and_margins_as_published():
    # 12_tab1_2021.xls: product 01 (Agropecuária) total output 1 075 584 (sheet producao) and total supply
    # at purchasers' prices 1 263 550 (sheet oferta, column "Oferta total a preço de consumidor").
    # Model B leaves final demand as given, so the added column shows the balancing value itself.
    sut = data.load_ibge_sut(12, 2021)
    st = vc.ibge_symmetric_table(sut, assumption="industry-technology")
    assert st.final_demand.loc["01", vc.BALANCING_COLUMN] == pytest.approx(1_075_584 - 1_263_550)
    # Comércio (06): 1 566 153 produced, 169 298 at purchasers' prices (margins are inside the goods)
    assert st.final_demand.loc["06", vc.BALANCING_COLUMN] == pytest.approx(1_566_153 - 169_298)


def test_ibge_symmetric_table_model_d_keeps_industry_output_and_balances_rows():
    sut = data.load_ibge_sut(12, 2021)
    st = vc.ibge_symmetric_table(sut)
    assert st.Z.shape == (12, 12)
    # total output is kept: 16 581 873 = sum of the 12 'Total do produto' cells of sheet producao (2021)
    assert float(st.x.sum()) == pytest.approx(16_581_873)
    rows = st.Z.sum(axis=1) + st.final_demand.sum(axis=1)
    assert (rows - st.x).abs().max() < 1e-6 * float(st.x.max())


def test_ibge_symmetric_table_rejects_other_objects():
    with pytest.raises(vc.ValueChainInputError, match="load_ibge_sut"):
        vc.ibge_symmetric_table(pd.DataFrame())


def test_mrio_closed_value_added_adds_the_closing_rows():
    idx = pd.MultiIndex.from_tuples([("A", "s1"), ("B", "s1")])
    m = SimpleNamespace(va=pd.Series([10.0, 20.0], index=idx),
                        other_inputs=pd.DataFrame([[1.0, 2.0], [0.5, 0.0]], index=["tax", "margin"], columns=idx))
    assert vc.mrio_closed_value_added(m).tolist() == [11.5, 22.0]
    with pytest.raises(vc.ValueChainInputError):
        vc.mrio_closed_value_added(object())


def test_classification_changes_on_the_methods_toy():
    # METHODS.md §6.2 2-sector toy: BL [1.022222, 0.977778], FL(G) [1.208333, 0.791667] -> key, independent;
    # with a made-up second table where sector 2 becomes forward-oriented only sector 2 changes.
    a = key_sectors(
        pd.DataFrame({"backward": [1.022222, 0.977778], "forward": [1.208333, 0.791667]}, index=["s1", "s2"])
    )
    b = key_sectors(pd.DataFrame({"backward": [1.022222, 0.977778], "forward": [1.066667, 1.2]}, index=["s1", "s2"]))
    assert a["type"].tolist() == ["key", "independent"]
    ch = vc.classification_changes(a, b)
    assert ch.index.tolist() == ["s2"]
    assert ch.loc["s2"].tolist() == ["independent", "forward-oriented"]
    assert vc.classification_changes(a, a).empty
    with pytest.raises(vc.ValueChainInputError, match="same sectors"):
        vc.classification_changes(a, b.rename(index={"s2": "x"}))


def _toy_va() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "exporter": ["BRA"] * 3 + ["USA"] * 3,
            "source": ["BRA", "USA", "ROW"] * 2,
            "value_added": [80.0, 5.0, 15.0, 40.0, 9.0, 1.0],
            "share": [0.8, 0.05, 0.15, 0.8, 0.18, 0.02],
        }
    )


def test_fva_by_source_sorts_foreign_sources_and_names_them():
    t = vc.fva_by_source(_toy_va(), "BRA", lang="es")
    assert t["source"].tolist() == ["ROW", "USA"]
    assert t["source_name"].tolist() == ["resto del mundo", "Estados Unidos"]
    assert t["share"].tolist() == [0.15, 0.05]
    with pytest.raises(vc.ValueChainInputError, match="not in the table"):
        vc.fva_by_source(_toy_va(), "MEX")


def test_fva_figure_bars_are_percent_shares_largest_on_top():
    fig = vc.fva_figure(vc.fva_by_source(_toy_va(), "BRA"), name="Brazil", year=2000)
    bar = fig.data[0]
    assert list(bar.y) == ["United States", "rest of the world"]  # reversed: largest at the top
    assert list(bar.x) == pytest.approx([5.0, 15.0])
    assert "Brazil" in fig.layout.title.text and "2000" in fig.layout.title.text
    assert fig.layout.xaxis.title.text


def test_key_sector_figure_has_one_trace_per_class_with_sector_names():
    ks = key_sectors(
        pd.DataFrame(
            {"backward": [1.2, 0.8, 1.1, 0.9], "forward": [1.3, 1.1, 0.7, 0.9]},
            index=["Food", "Mining", "Cars", "Retail"],
        )
    )
    fig = vc.key_sector_figure(ks, name="Brazil", forward="Ghosh")
    assert [tr.name for tr in fig.data] == [
        "key (1)",
        "backward-oriented (1)",
        "forward-oriented (1)",
        "independent (1)",
    ]
    assert list(fig.data[0].text) == ["Food"] and list(fig.data[0].x) == [1.2]
    assert fig.layout.xaxis.title.text.startswith("backward linkage")
    es = vc.key_sector_figure(ks, lang="es")
    assert es.data[0].name == "clave (1)"
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        vc.key_sector_figure(ks, lang="pt")


def test_brazil_2020_negative_cell_is_the_one_published():
    # iom_br_2020.xlsx: the only negative intermediate cell is Accommodation and food services -> Livestock
    t = data.load_io_brazil_2020()
    neg = t.Z.stack()
    neg = neg[neg < 0]
    assert len(neg) == 1
    assert neg.index[0] == ("Accommodation and food services", "Livestock and fishing")
    assert float(neg.iloc[0]) == pytest.approx(-0.151564, abs=1e-6)


# --- which data lesson L09 shows for a country ----------------------------------------------


def test_lesson_data_brazil_uses_its_own_tables_and_says_nothing():
    use = vc.lesson_data("BRA")
    assert (use.national, use.region, use.note) == ("BRA", "BRA", "")
    assert vc.lesson_data("bra", "MEX").region == "MEX" and vc.lesson_data("BRA", "MEX").note == ""


def test_lesson_data_other_countries_run_on_brazil_and_say_so():
    # Paraguay: no national table, inside "rest of the world" in 2000: Brazil in both parts, said at the top
    pry = vc.lesson_data("PRY", year=2021)
    assert (pry.national, pry.region) == ("BRA", "BRA")
    assert pry.note.startswith("**Paraguay (PRY): the course has no national input-output table for it.**")
    assert "IBGE supply and use tables 2021" in pry.note and '"rest of the world"' in pry.note
    # Mexico and the United States have their own region in the world table
    mex = vc.lesson_data("MEX", lang="es")
    assert (mex.national, mex.region) == ("BRA", "MEX")
    assert mex.note.startswith("**México (MEX): el curso no tiene una matriz insumo-producto nacional")
    assert "La sección 5 muestra la región de México en la tabla mundial de 2000." in mex.note
    assert vc.lesson_data("USA").region == "USA"
    assert vc.lesson_data("NLD").region == "NDL"  # the world table's own code for the Netherlands
    assert "the region you chose, Mexico" in vc.lesson_data("HTI", "MEX").note


def test_lesson_data_bad_codes_are_clear_errors():
    with pytest.raises(vc.ValueChainInputError, match="unknown country code 'XYZ'"):
        vc.lesson_data("XYZ")
    with pytest.raises(vc.ValueChainInputError, match="REGION must be a region of the world table"):
        vc.lesson_data("BRA", "PRY")
    with pytest.raises(UnknownLanguageError, match="lang"):
        vc.lesson_data("BRA", lang="pt")
