"""Loaders of the IO / supply-use tables: layout, labels and the accounting identities of the REAL tables.

Tolerances found (see the report): IBGE TRU identities hold to < 1e-8 R$ million in all 34 table-years
(level 12: 2000-2021, level 68: 2010-2021); Brazil 2020 rows/columns balance to < 1e-9 (relative 1e-14);
world MRIO 2000 columns to 1e-8, rows to 6e-4 US$ million (relative 5e-10).
"""
from __future__ import annotations

import numpy as np
import pytest

from course_tools.data import io_tables as t
from course_tools.indicators import mrio as mr

IBGE_YEARS = [(12, y) for y in range(2000, 2022)] + [(68, y) for y in range(2010, 2022)]


@pytest.mark.parametrize("level,year", IBGE_YEARS)
def test_ibge_sut_identities(level, year):
    s = t.load_ibge_sut(level, year)
    n_prod = {12: 12, 68: 128}[level]
    assert s.supply.shape == (n_prod, level) and s.use.shape == (n_prod, level)
    comp = s.supply_components
    total_pm = comp["Oferta total a preço de consumidor"]
    total_pb = comp["Oferta total a preço básico"]
    # supply total = use total, per product (purchasers' prices)
    np.testing.assert_allclose(total_pm, s.use.sum(axis=1) + s.final_demand.sum(axis=1), atol=1e-6, rtol=0)
    # supply at basic prices = domestic output + imports
    np.testing.assert_allclose(total_pb, s.product_output + s.imports, atol=1e-6, rtol=0)
    # purchasers' = basic + trade and transport margins + net taxes
    margins_taxes = (
        comp["Margem de comércio"] + comp["Margem de transporte"] + comp["Total de impostos líquidos de subsídios"]
    )
    np.testing.assert_allclose(total_pm - total_pb, margins_taxes, atol=1e-6, rtol=0)
    # output of each activity: production matrix column sums = 'Valor da produção' = CI + value added
    np.testing.assert_allclose(s.supply.sum(axis=0), s.output, atol=1e-6, rtol=0)
    np.testing.assert_allclose(s.use.sum(axis=0) + s.value_added.iloc[0], s.output, atol=1e-6, rtol=0)
    assert (s.jobs > 0).all()


def test_ibge_labels_and_layout_changes():
    s = t.load_ibge_sut(12, 2016)  # a year where IBGE stored the codes as numbers
    assert list(s.products.index[:2]) == ["01", "02"] and s.products["01"] == "Agropecuária"
    assert s.industries["12"].startswith("Administração")
    assert s.value_added.index[0].startswith("Valor adicionado bruto")
    old = t.load_ibge_sut(12, 2005)  # before 2010: goods and services exports in two columns
    assert {"Exportação de bens", "Exportação de serviços"} <= set(old.final_demand.columns)
    assert len(set(old.final_demand.columns)) == len(old.final_demand.columns)
    s68 = t.load_ibge_sut(68, 2021)
    assert s68.products.index[0] == "01911" and s68.industries.index[0] == "0191"
    assert s68.products["01912"] == "Milho em grão"


def test_ibge_bad_arguments():
    with pytest.raises(ValueError, match="level must be 12 or 68"):
        t.load_ibge_sut(20, 2015)
    with pytest.raises(ValueError, match="2010-2021"):
        t.load_ibge_sut(68, 2005)


def test_brazil_2020_identities():
    b = t.load_io_brazil_2020()
    assert b.Z.shape == (51, 51) and b.final_demand.shape == (51, 7)
    assert b.Z.index[0] == "Agriculture, forestry, and logging" and b.x.iloc[0] == pytest.approx(574694.0)
    # rows: intermediate sales + final demand = output
    np.testing.assert_allclose(b.Z.sum(axis=1) + b.final_demand.sum(axis=1), b.x, rtol=1e-12, atol=1e-6)
    # columns: domestic inputs + imports + taxes + gross value added = output (margins row is ~1e-12)
    np.testing.assert_allclose(b.Z.sum(axis=0) + b.imports + b.taxes + b.value_added, b.x, rtol=1e-12, atol=1e-6)
    assert b.margins.abs().max() < 1e-6
    assert (b.jobs > 0).all() and (b.wages > 0).all()


def test_mrio_2000_identities_and_cache():
    t._load_mrio_2000_cached.cache_clear()
    m = t.load_mrio_2000()
    t.load_mrio_2000()
    assert t._load_mrio_2000_cached.cache_info().hits == 1  # parsed once a session (load time: benchmarks/)
    assert m.Z.shape == (598, 598) and m.final_demand.shape == (598, 104)
    assert list(m.Z.index.get_level_values("region").unique()[[3, 19, 25]]) == ["BRA", "MEX", "ROW"]
    np.testing.assert_allclose(m.Z.sum(axis=1) + m.final_demand.sum(axis=1), m.x, rtol=1e-8, atol=1e-3)
    np.testing.assert_allclose(m.Z.sum(axis=0) + m.va + m.other_inputs.sum(axis=0), m.x, rtol=1e-12, atol=1e-6)


def test_mrio_value_added_in_exports_brazil_mexico():
    m = t.load_mrio_2000()
    e = mr.mrio_gross_exports(m.Z, m.final_demand)
    # all primary inputs (value added + taxes, margins...) so that v + 1'A = 1' holds exactly
    d = mr.value_added_in_exports(m.Z, m.x, m.va + m.other_inputs.sum(axis=0), e)
    g = mr.gvc_participation(d)
    np.testing.assert_allclose(g["dva"] + g["fva"], g["gross_exports"], rtol=1e-9)
    assert g.loc["MEX", "fva_share"] > g.loc["BRA", "fva_share"] > 0  # Mexico's assembly-for-export
    mex = d[(d.exporter == "MEX") & (d.origin == "foreign")]
    assert mex.sort_values("value_added").iloc[-1]["source"] == "USA"
