"""The data layer's errors come from the text catalogue: Spanish when the learner chose Spanish, English otherwise.

The language is the ``lang`` argument of a loader that has one (``products``, ``country_name``), else the
one chosen with ``i18n.set_language`` (a notebook's ``LANG``) or ``$NICHOS_LANG``, else English.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from course_tools import data, i18n
from course_tools.data import DatasetIntegrityError, DataValidationError
from course_tools.data._common import DataFileNotFoundError
from course_tools.data.census import CensusFormatError, read_saic_export
from course_tools.data.manifest import verify
from course_tools.i18n.catalogue import CATALOGUE
from tests.course.test_messages import literal_keys

ROOT = Path(__file__).resolve().parents[2]


def test_a_loader_error_reads_in_spanish(spanish):
    with pytest.raises(DataValidationError) as err:
        data.load_trade(1999)
    assert str(err.value) == ("no hay tabla de comercio mundial para el año 1999; años disponibles: "
                              "[1962, 1980, 2017]. Para otros años, lea su propio archivo con read_trade_file().")
    with pytest.raises(DataValidationError, match="no hay tabla Chile-Argentina para el año 2003"):
        data.load_bilateral_hs6(2003)
    with pytest.raises(DataValidationError, match="grupo desconocido: 'nafta'; grupos disponibles"):
        data.group_members("nafta")
    with pytest.raises(DataValidationError, match=r"pares disponibles: \["):
        data.concordance("hs07", "cpc2")


def test_the_same_error_reads_in_english_by_default(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.set_language(None)
    with pytest.raises(DataValidationError) as err:
        data.load_trade(1999)
    assert str(err.value) == ("no world trade table for year 1999; available years: [1962, 1980, 2017]. "
                              "For other years read your own file with read_trade_file().")


def test_the_lang_argument_chooses_the_language_of_its_error():
    i18n.set_language("en")
    try:
        with pytest.raises(DataValidationError, match="código de país desconocido: 'ZZZ'; use un código ISO 3166"):
            data.country_name("ZZZ", lang="es")
        with pytest.raises(DataValidationError, match=r"hs07 no tiene el nivel 5; niveles disponibles: \[2, 4, 6\]"):
            data.products("hs07", level=5, lang="es")
        with pytest.raises(DataValidationError, match="clasificación desconocida: 'cpc'"):
            data.products("cpc", lang="es")
    finally:
        i18n.set_language(None)


def test_a_missing_census_file_is_a_data_error_and_a_file_not_found_error(spanish, tmp_path):
    with pytest.raises(DataFileNotFoundError) as err:
        read_saic_export(tmp_path / "saic.csv")
    assert isinstance(err.value, FileNotFoundError) and isinstance(err.value, DataValidationError)
    assert "saic.csv: no se encontró el archivo (revise la carpeta y el nombre, con su extensión)" in str(err.value)


def test_a_file_that_is_not_a_saic_export_says_so_in_spanish(spanish, tmp_path):
    path = tmp_path / "otro.csv"
    path.write_text("country,product,export_value\nCHL,0101,1\n", encoding="utf-8")
    with pytest.raises(CensusFormatError, match="ninguna de las primeras 100 líneas es un encabezado que empiece "
                                                "con 'Año Censal'; ¿es una exportación de SAIC"):
        read_saic_export(path)


def test_a_missing_shipped_file_says_how_to_restore_it_in_spanish(spanish, tmp_path):
    with pytest.raises(DatasetIntegrityError, match=r"Falta el archivo de datos datasets/x\.csv\. Restáurelo con "
                                                    r"`git checkout -- datasets/x\.csv`"):
        verify(tmp_path / "x.csv", tmp_path)


def test_an_input_output_argument_error_reads_in_spanish(spanish):
    with pytest.raises(DataValidationError, match="level debe ser 12 o 68 \\(actividades\\); se recibió 20"):
        data.load_ibge_sut(level=20, year=2015)
    with pytest.raises(DataValidationError, match="vienen con el curso para 2010-2021; se recibió year=2005"):
        data.load_ibge_sut(level=68, year=2005)


def test_every_message_key_the_code_uses_is_in_the_catalogue_and_every_entry_is_used():
    prefix = "data_msg."
    used = literal_keys(prefix)
    defined = {k for k in CATALOGUE if k.startswith(prefix)}
    assert used, f"no {prefix}* key is used"
    assert not used - defined, f"keys used but not in the catalogue: {sorted(used - defined)}"
    assert not defined - used, f"catalogue entries no code uses: {sorted(defined - used)}"
