"""Tests of course_tools.views.territory (lesson L10).

Toy values are worked by hand in the comments; real values come from a plain csv script over
datasets/subnational_mexico_inegi_ce_tamaulipas/SAIC_Exporta_clean.csv (see
tests/notebooks/expectations/10_territory.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from pytest import approx

from course_tools import data
from course_tools.i18n import UnknownLanguageError
from course_tools.views import territory as tv


def _row(year, state, mun, sector, emp, va=None):
    return {
        "census_year": year,
        "state_code": state,
        "state": "x",
        "municipality_code": None,
        "municipality": mun,
        "sector_code": sector,
        "sector": "Sector " + sector,
        "employment": emp,
        "value_added": va,
        "suppressed": emp is None or (isinstance(emp, float) and np.isnan(emp)),
    }


@pytest.fixture
def toy() -> pd.DataFrame:
    # Tamaulipas ('28') totals: A 60, B 40 (2003: A 50, B 50); nation ('00'): A 100, B 300.
    # Municipality X 2023: A 30, B 10; Y: A 20, B suppressed. 2003: X: A 20, B 10; Y: A 10, B 10.
    rows = [
        _row(2023, "28", None, "A", 60.0, 6.0),
        _row(2023, "28", None, "B", 40.0, 2.0),
        _row(2023, "00", None, "A", 100.0, 10.0),
        _row(2023, "00", None, "B", 300.0, 30.0),
        _row(2023, "28", "X", "A", 30.0, 4.5),
        _row(2023, "28", "X", "B", 10.0, 0.4),
        _row(2023, "28", "Y", "A", 20.0, 1.0),
        _row(2023, "28", "Y", "B", None),
        _row(2003, "28", None, "A", 50.0),
        _row(2003, "28", None, "B", 50.0),
        _row(2003, "00", None, "A", 100.0),
        _row(2003, "00", None, "B", 100.0),
        _row(2003, "28", "X", "A", 20.0),
        _row(2003, "28", "X", "B", 10.0),
        _row(2003, "28", "Y", "A", 10.0),
        _row(2003, "28", "Y", "B", 10.0),
    ]
    t = pd.DataFrame(rows)
    t["employment"] = t["employment"].astype(float)
    t["value_added"] = t["value_added"].astype(float)
    return t


def test_suppressed_cells_are_missing_not_zero(toy):
    t = tv.municipal_table(toy, year=2023)
    assert len(t) == 3 and not ((t["region"] == "Y") & (t["industry"] == "B")).any()
    s = tv.suppression_table(toy, year=2023).set_index("municipality")
    assert s.loc["Y", "suppressed"] == 1 and s.loc["Y", "share_suppressed"] == approx(0.5)
    assert s.loc["Y", "employment_published"] == approx(20.0)


def test_lq_against_state_and_nation_by_hand(toy):
    lq = tv.lq_table(toy, year=2023, against="state").set_index(["region", "industry"])["lq"]
    # X, A: (30/40) / (60/100) = 1.25; X, B: (10/40)/(40/100) = 0.625; Y, A: (20/20)/(0.6) = 1.6667
    assert lq[("X", "A")] == approx(1.25) and lq[("X", "B")] == approx(0.625)
    assert lq[("Y", "A")] == approx(1 / 0.6)
    lqn = tv.lq_table(toy, year=2023, against="nation").set_index(["region", "industry"])["lq"]
    # X, A vs nation: 0.75 / (100/400) = 3
    assert lqn[("X", "A")] == approx(3.0)


def test_shift_share_is_like_for_like(toy):
    ss = tv.shift_share_table(toy, start=2003, end=2023, by_industry=False).set_index("region")
    # Y, B is suppressed in 2023 so it is left out of both years: Y has only A (10 -> 20).
    # g_A = 60/50 = 1.2; Y regional shift = 20 - 10 * 1.2 = 8
    assert ss.loc["Y", "value_t0"] == approx(10.0) and ss.loc["Y", "regional_shift"] == approx(8.0)
    # X: A 20 -> 30: 30 - 24 = 6; B 10 -> 10, g_B = 0.8: 10 - 8 = 2; total 8
    assert ss.loc["X", "regional_shift"] == approx(8.0)
    assert ss.loc["X", "change"] == approx(10.0)


def test_productivity_table_by_hand(toy):
    p = tv.productivity_table(toy, year=2023, municipality="X").set_index("sector_code")
    # X, A: 4.5 million MXN / 30 persons = 150 thousand MXN per person; state A: 6/60 -> 100
    assert p.loc["A", "municipality"] == approx(150.0) and p.loc["A", "state"] == approx(100.0)
    assert p.loc["A", "ratio_to_state"] == approx(1.5)
    with pytest.raises(tv.TerritoryInputError, match="not found"):
        tv.productivity_table(toy, year=2023, municipality="Nowhere")


def test_specialisation_and_clusters_by_hand(toy):
    k = tv.specialisation_table(toy, year=2023).set_index("municipality")["krugman"]
    # X: |0.75 - 0.6| + |0.25 - 0.4| = 0.3
    assert k["X"] == approx(0.3)
    c = tv.cluster_table(toy, lq_min=1.25, min_size=0, positive_shift=True)
    # X, A: LQ 1.25, shift +6 -> candidate; Y, A: LQ 1.67, shift +8 -> candidate
    assert sorted(zip(c["region"], c["industry"])) == [("X", "A"), ("Y", "A")]
    assert tv.cluster_table(toy, lq_min=1.3, min_size=0).shape[0] == 1


def test_bad_input_messages(toy):
    with pytest.raises(tv.TerritoryInputError, match="census year"):
        tv.municipal_table(toy, year=1999)
    with pytest.raises(tv.TerritoryInputError, match="level="):
        tv.reference_totals(toy, year=2023, level="county")
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        tv.sector_names(toy, lang="fr")


def test_real_census_values():
    c = data.load_census()
    s = tv.suppression_table(c, year=2023).set_index("municipality")
    assert int(s["suppressed"].sum()) == 170 and int(s["cells"].sum()) == 554
    assert s.loc["Reynosa", "suppressed"] == 3 and s.loc["Jaumave", "suppressed"] == 4
    lq = tv.lq_table(c, year=2023).set_index(["region", "industry"])["lq"]
    assert lq[("Reynosa", "31-33")] == approx(1.5429064851962513, rel=1e-9)
    assert lq[("Jaumave", "72")] == approx(2.1349178576466015, rel=1e-9)
    ss = tv.shift_share_table(c, by_industry=False).set_index("region")
    assert ss.loc["Reynosa", "regional_shift"] == approx(44157.988366797894, rel=1e-9)
    cand = tv.cluster_table(c, lq_min=1.25, min_size=100)
    assert len(cand) == 80
    assert sorted(cand.loc[cand["region"] == "Jaumave", "industry"]) == ["46", "72"]


def test_figures_structure_and_values(toy):
    lq = tv.lq_table(toy, year=2023)
    f = tv.lq_heatmap(lq, year=2023, lang="es")
    assert isinstance(f, go.Figure) and "Cocientes" in f.layout.title.text
    hm = f.data[0]
    assert list(hm.y) == ["X", "Y"]  # X is larger (40 persons) than Y (20)
    assert hm.customdata[0][0] == approx(1.25) and hm.z[0][0] == approx(np.log10(1.25))
    ss = tv.shift_share_table(toy)
    g = tv.shift_share_figure(ss, municipality="X")
    assert [b.name for b in g.data] == ["State growth", "Industry mix", "Regional (competitive) shift"]
    assert g.layout.barmode == "relative" and g.layout.xaxis.title.text == "Persons employed"
    # regional shift bars of X: A +6, B +2
    rs = dict(zip(g.data[2].y, g.data[2].x))
    assert rs["A"] == approx(6.0) and rs["B"] == approx(2.0)
    m = tv.suppression_map(toy, year=2023)
    assert "1 of 4" in m.layout.title.text
    assert m.data[0].z[1][1] == 2 and m.data[0].z[0][1] == 1  # Y, B suppressed; X, B published
    with pytest.raises(tv.TerritoryInputError, match="not in the shift-share"):
        tv.shift_share_figure(ss, municipality="Z")


def test_census_note_for_countries_without_a_census():
    assert tv.census_note("MEX") == "" and tv.census_note(" mex ") == ""
    note = tv.census_note("GUY")
    assert note.startswith("**Guyana (GUY): the course has no municipal economic census for it.**")
    assert "municipalities of Tamaulipas (Mexico)" in note
    assert tv.census_note("BOL", lang="es").startswith(
        "**Bolivia (Estado Plurinacional de) (BOL): el curso no tiene un censo económico municipal"
    )
    with pytest.raises(tv.TerritoryInputError, match="unknown country code"):
        tv.census_note("ZZZ")
