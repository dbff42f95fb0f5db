"""A customs file broken the ways coordinators' files break, read as a coordinator would (``read_customs``).

Each broken file is the practice customs file of Paraguay, 2017 (:func:`course_tools.data.practice.
write_practice_customs`: the shipped 2017 exports spread over the three largest 2006 partners, Latin-1, ``;``,
four title rows, so the header is line 4 and the first data line is 5) changed in one way:

- saved again with ``,`` as separator: the decimal comma of every value and the commas of descriptions such as
  "Caballos, asnos, mulos..." split the rows, so the columns would shift (the value of line 5 read as 760 instead
  of 760,69 without the check);
- a text cell in the value column (``confidencial`` on line 7, ``reservado`` on line 10);
- no partner column, though the coordinator names one;
- the Latin-1 file read with ``encoding="utf-8"`` (its first line has "Dirección": byte 0xF3).

Each gives one :class:`DataValidationError` in the learner's language naming the file, the column when there is
one, the first offending lines and how to fix it; the file is byte for byte the same afterwards.
"""
from __future__ import annotations

import hashlib

import pytest

from course_tools.data import DataValidationError, practice
from course_tools.data.panel import read_customs, shipped_panel
from course_tools.i18n import set_language

FIX = {"en": "How to fix:", "es": "Cómo corregirlo:"}
LINE = {"en": "line", "es": "línea"}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aduana")
    good = practice.write_practice_customs(folder, "PRY", 2017)
    lines = good.read_bytes().decode("latin-1").split("\r\n")
    assert lines[3] == "NCM;Descripción;País de destino;Valor FOB (US$)"

    def write(name: str, rows: list[str]):
        path = folder / name
        path.write_bytes("\r\n".join(rows).encode("latin-1"))
        return path

    text_rows = list(lines)
    text_rows[6] = text_rows[6].rsplit(";", 1)[0] + ";confidencial"
    text_rows[9] = text_rows[9].rsplit(";", 1)[0] + ";reservado"
    no_partner = [";".join(r.split(";")[:2] + r.split(";")[3:]) if r.count(";") == 3 else r for r in lines]
    return {"good": good, "lines": lines,
            "comma": write("exportaciones_coma.csv", [r.replace(";", ",") for r in lines]),
            "text": write("exportaciones_texto.csv", text_rows),
            "no_partner": write("exportaciones_sin_socio.csv", no_partner)}


@pytest.fixture(scope="module")
def world():
    return shipped_panel((2017,))


@pytest.fixture(params=["en", "es"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language(None)


def _error(path, world, **options) -> str:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DataValidationError) as err:
        read_customs(path, "PRY", world=world, year=2017, **{**practice.CUSTOMS_OPTIONS, **options})
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before     # only read
    return str(err.value)


def test_the_unbroken_file_reads(broken, world):
    panel = read_customs(broken["good"], "PRY", world=world, year=2017, **practice.CUSTOMS_OPTIONS)
    assert set(panel.flows.query("exporter == 'PRY'")["importer"]) == {"ARG", "URY", "BRA"}


def test_comma_separator_inside_values(broken, world, lang):
    msg = _error(broken["comma"], world)
    lines = msg.splitlines()
    assert lines[0].startswith("exportaciones_coma.csv: ")
    assert {"en": "lines have more cells than the header (4 columns)",
            "es": "líneas tienen más celdas que el encabezado (4 columnas)"}[lang] in lines[0]
    # line 5: 'Caballos, asnos, mulos...' and '760,69' both split
    assert lines[1] == (f"  {LINE[lang]} 5: '0101.10.10 | Caballos |  asnos |  mulos y burdéganos |  viv | "
                        "Argentina | 760 | 69'")
    assert lines[-1].startswith(FIX[lang]) and "';'" in lines[-1] and "delimiter=" in lines[-1]


def test_comma_file_reads_once_quoted_as_excel_writes_it(broken, world, tmp_path):
    """The fix the message gives works: the same file with quotes around texts and numbers reads."""
    def quoted(cell: str) -> str:   # as Excel writes a CSV cell: in quotes, a quote inside doubled
        return '"' + cell.replace('"', '""') + '"'

    rows = [",".join(quoted(c) for c in r.split(";")) if r.count(";") == 3 else r for r in broken["lines"]]
    path = tmp_path / "exportaciones_comillas.csv"
    path.write_bytes("\r\n".join(rows).encode("latin-1"))
    got = read_customs(path, "PRY", world=world, year=2017, **practice.CUSTOMS_OPTIONS)
    ref = read_customs(broken["good"], "PRY", world=world, year=2017, **practice.CUSTOMS_OPTIONS)
    assert got.flows.equals(ref.flows)


def test_text_in_the_value_column(broken, world, lang):
    msg = _error(broken["text"], world)
    lines = msg.splitlines()
    assert lines[0] == {"en": "exportaciones_texto.csv, column 'Valor FOB (US$)': 2 value(s) are not numbers",
                        "es": "exportaciones_texto.csv, columna 'Valor FOB (US$)': 2 valor(es) no son números"}[lang]
    assert lines[1:3] == [f"  {LINE[lang]} 7: 'confidencial'", f"  {LINE[lang]} 10: 'reservado'"]
    assert lines[3].startswith(FIX[lang]) and "na_values=" in lines[3]


def test_missing_partner_column(broken, world, lang):
    msg = _error(broken["no_partner"], world)
    first, fix = msg.splitlines()
    assert first.startswith("exportaciones_sin_socio.csv: ")
    assert "['País de destino']" in first and "'NCM', 'Descripción', 'Valor FOB (US$)'" in first   # the header
    assert {"en": "(line 4)", "es": "(línea 4)"}[lang] in first
    assert fix.startswith(FIX[lang]) and {"en": "leave that option out", "es": "omita esa opción"}[lang] in fix


def test_latin1_read_as_utf8(broken, world, lang):
    msg = _error(broken["good"], world, encoding="utf-8")
    lines = msg.splitlines()
    assert lines[0].startswith("exportaciones_PRY_2017_PRACTICE.csv: ") and "'utf-8'" in lines[0]
    assert lines[1] == f"  {LINE[lang]} 1: 'Dirección Nacional de Aduanas - archivo de práctica del curso Nichos " \
                       "(PRACTICE)'"
    assert lines[2].startswith(FIX[lang]) and "encoding=None" in lines[2]


def test_the_command_says_it_in_the_reports_language(broken, tmp_path, capsys):
    """``course report --lang es`` on the broken file: status 2, the Spanish message, nothing written."""
    from course_tools import cli

    args = ["report", "--country", "PRY", "--lang", "es", "--trade", str(broken["text"]), "-o", str(tmp_path)]
    for key, value in {**practice.CUSTOMS_OPTIONS, "year": 2017}.items():
        args += ["--trade-option", f"{key}={value}"]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "columna 'Valor FOB (US$)': 2 valor(es) no son números" in err and "línea 7: 'confidencial'" in err
    assert not list(tmp_path.iterdir())


def test_footer_words_in_the_year_column_but_not_a_partner_beside_a_blank_product():
    """The rule of own_files.totals: a footer's words stand in the product cell, or in the year column when the
    product cell is blank ("Fuente: ..." under "Año;NCM;..."); a partner name beside a blank product and value is
    a data row with a missing code (refused later), not a footer to leave out silently."""
    from course_tools.data.own_files.grid import DataRows
    from course_tools.data.own_files.messages import Place
    from course_tools.data.own_files.totals import split_totals

    rows = DataRows(Place("f.csv"), 4, [5, 6, 7, 8], {
        "Año": ["2017", "TOTAL GENERAL", "Fuente: Aduanas", ""],
        "NCM": ["1201.90.10", "", "", ""],
        "País": ["Brasil", "", "", "Argentina"],
        "Valor": ["1,5", "1,5", "", ""]})
    kept, skipped = split_totals(rows, ["NCM", "País", "Año"], "NCM", "Valor", "Año")
    assert [(s.number, s.kind, s.label) for s in skipped] == [(6, "total", "TOTAL GENERAL"),
                                                              (7, "footer", "Fuente: Aduanas")]
    assert kept.numbers == [5, 8]
