"""Two editions, one truth: every lesson has a Spanish edition with the same cells and the same code."""
from __future__ import annotations

import json
import shutil
import statistics

import nbformat
import pytest

from course_tools.course import editions
from course_tools.paths import LESSONS

PAIRS = editions.pairs("es")


def test_every_lesson_has_a_spanish_edition():
    assert len(PAIRS) == len(list(LESSONS.glob("[0-9][0-9]_*.ipynb"))) >= 13
    assert all(p.edition.parent == LESSONS / "es" for p in PAIRS)


@pytest.mark.parametrize("pair", PAIRS, ids=[p.edition.name for p in PAIRS])
def test_the_spanish_edition_is_in_step_with_the_english_one(pair):
    problems = editions.check_pair(pair)
    assert not problems, "\n".join(problems)


def test_the_english_prose_check_tells_the_languages_apart():
    en, es = [], []
    for pair in PAIRS:
        a, b = nbformat.read(pair.english, 4), nbformat.read(pair.edition, 4)
        for x, y in zip(a.cells, b.cells):
            if x.cell_type == "markdown" and len(x.source.split()) >= 30:
                en.append(editions.english_ratio(x.source))
                es.append(editions.english_ratio(y.source))
    assert len(en) > 100
    assert statistics.median(en) > 0.2 and min(en) > 0.1, "English cells should score high"
    assert statistics.median(es) < 0.05 and max(es) <= 0.15, "Spanish cells should score low"


def _copy_pair(tmp_path, pair):
    (tmp_path / "es").mkdir()
    en = shutil.copy(pair.english, tmp_path / pair.english.name)
    ed = shutil.copy(pair.edition, tmp_path / "es" / pair.edition.name)
    return editions.EditionPair(pair.number, en, ed, "es")


def test_a_code_change_in_one_edition_only_fails_and_sync_repairs_it(tmp_path):
    pair = _copy_pair(tmp_path, PAIRS[5])
    nb = nbformat.read(pair.english, 4)
    code = next(c for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", []))
    code.source += "\nprint('changed in English only')"
    pair.english.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert any("code differs" in p for p in editions.check_pair(pair))
    assert editions.sync_code(pair) is True
    assert editions.check_pair(pair) == []
    assert editions.sync_code(pair) is False  # idempotent


def test_an_untranslated_or_english_cell_fails(tmp_path):
    pair = _copy_pair(tmp_path, PAIRS[8])
    en, ed = nbformat.read(pair.english, 4), nbformat.read(pair.edition, 4)
    i = next(i for i, c in enumerate(en.cells) if c.cell_type == "markdown" and len(c.source.split()) > 40)
    ed.cells[i].source = en.cells[i].source
    pair.edition.write_text(json.dumps(ed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert any(f"cell {i}: not translated" in p for p in editions.check_pair(pair))
    ed.cells[i].source = en.cells[i].source + "\n\nUna frase en español al final."
    pair.edition.write_text(json.dumps(ed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert any(f"cell {i}: reads as English" in p for p in editions.check_pair(pair))


def test_a_cell_added_to_one_edition_stops_the_sync_with_a_clear_message(tmp_path):
    pair = _copy_pair(tmp_path, PAIRS[3])
    nb = nbformat.read(pair.english, 4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("x = 1"))
    pair.english.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(editions.EditionError, match="mirror the English cells"):
        editions.sync_code(pair)


def test_the_spanish_parameters_cell_differs_only_by_lang():
    for pair in PAIRS:
        a, b = (next(c for c in nbformat.read(p, 4).cells if "parameters" in c.metadata.get("tags", []))
                for p in (pair.english, pair.edition))
        assert 'LANG = "en"' in a.source and b.source == a.source.replace('LANG = "en"', 'LANG = "es"', 1)


def test_the_command_checks_and_syncs(tmp_path, capsys):
    from course_tools.cli import main

    assert main(["editions", "check"]) == 0
    assert "in step" in capsys.readouterr().out
    assert main(["editions", "sync"]) == 0
    assert "0 updated" in capsys.readouterr().out
