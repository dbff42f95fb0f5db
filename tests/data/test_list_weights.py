"""The weights file of the two niche lists (data.own_files.list_weights): L11 writes it, the report reads it.

Round trips (tomllib and the small reader of Python 3.10), the one-list layout of read_weights (the shipped
example), and one bad file per rule, each error naming the file, the section and the key, in English and
Spanish. The file is only read (its hash is the same before and after).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from course_tools import i18n
from course_tools.data import DataValidationError, read_list_weights, write_list_weights
from course_tools.data.own_files import list_weights as lw
from course_tools.data.own_files.weights import _small_toml

EXAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "templates" / "weights_example.toml"
LISTS = {"consolidate": ({"untapped_potential": 2.0, "demand_growth": 1.0, "rsca": 0.5},
                         {"export_value": (">=", 1e6)}),
         "diversify": ({"density": 0.5, "pci": 0.15, "cog": 0.35}, {})}


def test_round_trip(tmp_path):
    path = write_list_weights(tmp_path / "PRY.toml", LISTS, about={"country": "PRY", "note": "sesión 3"})
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    got = read_list_weights(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert got["consolidate"] == {"weights": {"untapped_potential": 2.0, "demand_growth": 1.0, "rsca": 0.5},
                                  "thresholds": {"export_value": (">=", 1e6)}}
    assert got["diversify"] == {"weights": {"density": 0.5, "pci": 0.15, "cog": 0.35}, "thresholds": {}}
    assert got["about"] == {"country": "PRY", "note": "sesión 3"} and got["path"] == str(path)
    # the small reader of Python 3.10 reads the same file to the same values
    small = lw._nested(_small_toml(path.read_text(encoding="utf-8"), path.name))
    assert small["consolidate"]["weights"] == got["consolidate"]["weights"]
    assert small["consolidate"]["thresholds"]["export_value"] == {"op": ">=", "value": 1e6}


def test_one_list_only_and_the_one_list_layout(tmp_path):
    only = read_list_weights(write_list_weights(tmp_path / "d.toml", {"diversify": LISTS["diversify"]}))
    assert only["consolidate"] is None and only["diversify"]["weights"]["cog"] == 0.35
    # read_weights' layout ([weights], [thresholds]) is the consolidate list unless [about] list says otherwise
    ex = read_list_weights(EXAMPLE)
    assert ex["diversify"] is None and ex["consolidate"]["thresholds"] == {"density": (">=", 0.05)}
    assert ex["consolidate"]["weights"]["rca"] == 1.0
    text = EXAMPLE.read_text(encoding="utf-8").replace('[about]\n', '[about]\nlist = "diversify"\n')
    (tmp_path / "one.toml").write_text(text, encoding="utf-8")
    assert read_list_weights(tmp_path / "one.toml")["consolidate"] is None


@pytest.mark.parametrize("body, fragment", [
    ('[consolidate.weights]\nsme_jobs = 1.0\n', r"\[consolidate.weights\] sme_jobs: unknown criterion"),
    ('[diversify.weights]\npci = -1.0\n', r"\[diversify.weights\] pci: negative weight -1.0"),
    ('[diversify.weights]\npci = "high"\n', r"\[diversify.weights\] pci: 'high' is not a number"),
    ('[consolidate.weights]\npci = 0.0\n', r"\[consolidate.weights\] -: every weight is 0"),
    ('[consolidate.weights]\npci = 1.0\n[consolidate.thresholds]\npci = { op = "=>", value = 1 }\n',
     r"\[consolidate.thresholds\] pci: .* is not \{ op"),
    ('[about]\nlist = "favourites"\n[weights]\npci = 1.0\n', r"\[about\] list: unknown list 'favourites'"),
    ('[about]\ncountry = "PRY"\n', "no list of the niche model"),
])
def test_bad_files_name_the_file_section_and_key(tmp_path, body, fragment):
    path = tmp_path / "mine.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataValidationError, match=fragment) as err:
        read_list_weights(path)
    assert str(err.value).startswith("mine.toml, [") and "How to fix:" in str(err.value)
    i18n.set_language("es")
    try:
        with pytest.raises(DataValidationError, match="Cómo corregirlo:"):
            read_list_weights(path)
    finally:
        i18n.set_language(None)


def test_extra_criteria_are_known_when_named(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[consolidate.weights]\nsme_jobs = 1.0\n', encoding="utf-8")
    assert read_list_weights(path, criteria=["sme_jobs"])["consolidate"]["weights"] == {"sme_jobs": 1.0}
    with pytest.raises(FileNotFoundError, match="write_list_weights"):
        read_list_weights(tmp_path / "none.toml")


def test_nothing_unreadable_is_written(tmp_path):
    with pytest.raises(DataValidationError, match="negative weight"):
        write_list_weights(tmp_path / "bad.toml", {"diversify": ({"pci": -1.0}, {})})
    assert not (tmp_path / "bad.toml").exists()
