"""The coordinator's own tables beyond trade: a national input-output table, extra criteria, weights.

Fixtures: the filled examples of datasets/templates/ (rebuilt by tests/data/template_examples.py from
shipped tables: Brazil's 2020 input-output table, the INEGI census of Tamaulipas) and files derived from
them in each test. Worked by hand from the census (2023 state totals, the 17 sectors published for both):
Tamaulipas employs 874,865 persons, Mexico 27,673,860; agriculture (SCIAN 11) 6,702 and 242,812, so its
location quotient is (6,702 / 874,865) / (242,812 / 27,673,860) = 0.87310; manufacturing (31-33) 343,428 and
7,190,294: (343,428 / 874,865) / (7,190,294 / 27,673,860) = 1.51084.
"""
from __future__ import annotations

import hashlib
import sys

import pandas as pd
import pytest
from pytest import approx

from course_tools import data
from course_tools.data import DataValidationError, read_criteria, read_io_table, read_weights, write_weights
from course_tools.data.own_files import weights as weights_module
from course_tools.methods.criteria import criteria_table, io_linkages
from tests.data.template_examples import TEMPLATES, write_all

IO = TEMPLATES / "io_table_example_brazil_2020.csv"
MAP = TEMPLATES / "io_mapping_example_brazil_2020.csv"
CRIT = TEMPLATES / "criteria_example_inegi_tamaulipas.csv"
WEIGHTS = TEMPLATES / "weights_example.toml"


def _sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_shipped_examples_are_made_from_shipped_tables(tmp_path):
    for p in write_all(tmp_path):
        assert p.read_bytes() == (TEMPLATES / p.name).read_bytes(), p.name


def test_national_io_table_is_the_shipped_one_and_gives_linkages():
    before = {p: _sha(p) for p in (IO, MAP)}
    t = read_io_table(IO, MAP)
    assert {p: _sha(p) for p in (IO, MAP)} == before
    br = data.load_io_brazil_2020()
    pd.testing.assert_frame_equal(t.Z, br.Z, check_names=False, rtol=1e-12)
    assert t.x.to_numpy() == approx(br.x.to_numpy()) and t.employment.sum() == approx(br.jobs.sum())
    assert t.value_added.sum() == approx(br.value_added.sum())
    link = t.linkages()
    pd.testing.assert_frame_equal(link, io_linkages(br.Z, br.x), check_names=False)
    assert t.sector_of_class["1010"] == "Food and beverages" and t.sector_of_class["2011"] == "Alcohol"
    assert t.sector_of_class["2012"] == "Chemicals" and t.sector_of_class["2013"] == "Resin and elastomer manufacturing"
    assert "given to the first one listed" in t.notes[0]


def test_national_linkages_reach_the_criteria_table():
    t = read_io_table(IO, MAP)
    trade = data.shipped_panel([2017]).exports(2017)
    crit = criteria_table("BRA", trade, year=2017, **t.criteria_inputs())
    link = t.linkages()
    # HS 0201 (beef) -> ISIC Rev.4 1010 only -> Food and beverages
    assert crit.loc["0201", "backward_linkage"] == approx(link.loc["Food and beverages", "backward"])
    assert crit.loc["0201", "forward_linkage"] == approx(link.loc["Food and beverages", "forward"])
    assert crit.attrs["io_region"] == IO.name and crit["backward_linkage"].notna().mean() > 0.95


def _edit(tmp_path, name, change):
    lines = IO.read_text().splitlines()
    f = tmp_path / name
    f.write_text("\n".join(change(lines)) + "\n")
    return f


def test_bad_io_tables_name_the_file_column_and_rows(tmp_path):
    with pytest.raises(DataValidationError, match=r"(?s)not_square.csv, column 'sector'.*not square.*Iron ore"):
        read_io_table(_edit(tmp_path, "not_square.csv", lambda ls: [ls[0]] + [x for x in ls[1:] if
                                                                            not x.startswith("Iron ore")]), MAP)
    def nd(ls):  # Livestock and fishing (line 3): its first cell written n.d.
        name, _, rest = ls[2].split(",", 2)
        return ls[:2] + [f"{name},n.d.,{rest}"] + ls[3:]
    with pytest.raises(DataValidationError, match=r"(?s)cell.csv.*not numbers.*line 3: .*'n.d.'"):
        read_io_table(_edit(tmp_path, "cell.csv", nd), MAP)
    mapping = tmp_path / "map.csv"
    mapping.write_text("\n".join(x for x in MAP.read_text().splitlines() if not x.startswith("Iron ore")) + "\n")
    with pytest.raises(DataValidationError, match=r"map.csv, column 'sector': the mapping misses 1 sector.*Iron ore"):
        read_io_table(IO, mapping)
    mapping.write_text(MAP.read_text().replace("Iron ore,071", "Iron ore,0711"))
    with pytest.raises(DataValidationError, match=r"(?s)column 'isic'.*not isic4 codes.*'0711'"):
        read_io_table(IO, mapping)


def test_unbalanced_table_is_refused(tmp_path):
    def halve_output(ls):
        row = ls[4].rsplit(",", 1)  # Iron ore: output halved
        return ls[:4] + [f"{row[0]},{float(row[1]) / 2}"] + ls[5:]
    with pytest.raises(DataValidationError, match=r"(?s)column 'output'.*differ from output.*line 5: 'Iron ore: \+100"):
        read_io_table(_edit(tmp_path, "unbalanced.csv", halve_output), MAP)


def test_census_criteria_by_product_worked_by_hand():
    before = _sha(CRIT)
    c = read_criteria(CRIT)
    assert _sha(CRIT) == before
    lq_agri = (6_702 / 874_865) / (242_812 / 27_673_860)
    lq_manuf = (343_428 / 874_865) / (7_190_294 / 27_673_860)
    assert c.table.loc["0101", "emp_lq_tamaulipas"] == approx(lq_agri) == approx(0.87310, abs=1e-5)
    assert c.table.loc["8703", "emp_lq_tamaulipas"] == approx(lq_manuf) == approx(1.51084, abs=1e-5)
    assert pd.isna(c.table.loc["2709", "emp_lq_tamaulipas"])  # crude oil: mining, not published (NaN)
    assert c.higher_is_better == {"emp_lq_tamaulipas": True, "va_per_worker_tamaulipas": True}
    trade = data.shipped_panel([2017]).exports(2017)
    crit = criteria_table("MEX", trade, year=2017, **c.criteria_inputs())
    assert crit.loc["8703", "emp_lq_tamaulipas"] == approx(lq_manuf)
    assert crit.attrs["higher_is_better"]["va_per_worker_tamaulipas"] is True


@pytest.mark.parametrize("change, match", [
    (lambda s: s.replace(",yes,isic4,01,", ",,isic4,01,", 1), r"(?s)'higher_is_better'.*without a direction.*line 2"),
    (lambda s: s.replace(",isic4,01,", ",isic4,0X,", 1), r"(?s)column 'code'.*unknown code.*'0X'"),
    (lambda s: s.replace("emp_lq_tamaulipas,", "rca,", 1), r"(?s)column 'criterion'.*built-in.*'rca'"),
    (lambda s: s.replace(",isic4,01,", ",sitc2,01,", 1), r"(?s)'classification'.*unknown classification.*'sitc2'"),
    (lambda s: s.replace("ratio (1 = national share)", "ratio", 1), r"(?s)column 'unit'.*different unit"),
])
def test_bad_criteria_files_are_explained(tmp_path, change, match):
    f = tmp_path / "crit.csv"
    f.write_text(change(CRIT.read_text()))
    with pytest.raises(DataValidationError, match=match):
        read_criteria(f)


def test_weights_round_trip_and_checks(tmp_path):
    w = read_weights(WEIGHTS)
    assert w["weights"]["rca"] == 1.0 and w["thresholds"] == {"density": (">=", 0.05)}
    assert w["about"]["country"] == "PRY"
    out = write_weights(tmp_path / "mine.toml", {"rca": 2, "emp_lq_tamaulipas": 1}, {"rca": (">=", 1)},
                        about={"country": "MEX"}, criteria=["emp_lq_tamaulipas"])
    back = read_weights(out, criteria=["emp_lq_tamaulipas"])
    assert back["weights"] == {"rca": 2.0, "emp_lq_tamaulipas": 1.0} and back["thresholds"] == {"rca": (">=", 1.0)}
    with pytest.raises(DataValidationError, match=r"mine.toml, \[weights\] emp_lq_tamaulipas: unknown criterion"):
        read_weights(out)
    bad = tmp_path / "neg.toml"
    bad.write_text(WEIGHTS.read_text().replace("pci = 1.0", "pci = -1.0"))
    with pytest.raises(DataValidationError, match=r"neg.toml, \[weights\] pci: negative weight"):
        read_weights(bad)
    bad.write_text(WEIGHTS.read_text().replace('op = ">="', 'op = "=>"'))
    with pytest.raises(DataValidationError, match=r"\[thresholds\] density"):
        read_weights(bad)
    with pytest.raises(DataValidationError, match="negative"):
        write_weights(tmp_path / "x.toml", {"rca": -1})
    assert not (tmp_path / "x.toml").exists()


def test_the_python_310_reader_reads_the_same(tmp_path):
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is the reference")
    import tomllib

    for p in (WEIGHTS, TEMPLATES / "weights_template.toml"):
        assert weights_module._small_toml(p.read_text(), p.name) == tomllib.loads(p.read_text())
