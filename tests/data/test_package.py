"""The data layer as a package: the names the course uses, and the errors' family tree."""
from __future__ import annotations

import importlib.util
import re

import pytest

from course_tools import data
from course_tools.data.baci import BaciFormatError
from course_tools.data.census import CensusFormatError
from course_tools.data.concordances import CONCORDANCE_PAIRS
from course_tools.data.io_tables import TableLayoutError
from course_tools.errors import InputError, NichosError
from course_tools.i18n import UnknownLanguageError
from course_tools.paths import ROOT

#: ``data.load_trade(``, ``course_tools.data.baci``, ``from course_tools.data import load_census as _load``
_USES = re.compile(r"\bdata\.([A-Za-z_]\w*)\(|course_tools\.data\.([A-Za-z_]\w*)"
                   r"|from course_tools\.data import ([\w, ]+)")


def _names_used() -> set[str]:
    files = [*ROOT.glob("lessons/**/*.ipynb"), *ROOT.glob("solutions/*/*.ipynb"), ROOT / "README.md",
             *ROOT.glob("docs/*.md")]
    names: set[str] = set()
    for f in files:
        for called, dotted, imported in _USES.findall(f.read_text(encoding="utf-8")):
            names |= {called, dotted} | {n.split(" as ")[0].strip() for n in imported.split(",")}
    return names - {""}


def test_every_name_the_lessons_solutions_and_docs_use_is_there():
    names = _names_used()
    assert {"load_trade", "products", "read_trade_file", "group_members"} <= names  # the scan finds them
    missing = [n for n in sorted(names)
               if not hasattr(data, n) and importlib.util.find_spec(f"course_tools.data.{n}") is None]
    assert not missing, f"course_tools.data lacks {missing}"
    assert all(hasattr(data, n) for n in data.__all__)


def test_input_errors_derive_from_the_layer_base_and_integrity_is_not_an_input_error():
    for cls in (CensusFormatError, BaciFormatError, TableLayoutError):
        assert issubclass(cls, data.DataValidationError)
    assert issubclass(data.DataValidationError, InputError) and issubclass(data.DataValidationError, ValueError)
    assert issubclass(data.DatasetIntegrityError, NichosError) and issubclass(data.DatasetIntegrityError, RuntimeError)
    assert not issubclass(data.DatasetIntegrityError, InputError)
    with pytest.raises(data.DataValidationError, match="available years"):
        data.load_trade(2000)


@pytest.mark.parametrize("call", [lambda: data.countries("fr"), lambda: data.products("hs07", 4, "pt")])
def test_an_unknown_language_is_the_course_wide_error(call):
    with pytest.raises(UnknownLanguageError):
        call()


@pytest.mark.parametrize("source,target", CONCORDANCE_PAIRS)
def test_every_concordance_file_is_found_from_its_column_prefixes(source, target):
    for s, t in ((source, target), (target, source)):
        c = data.concordance(s, t)
        assert list(c.columns) == [s, t, "weight"] and len(c) > 0
        assert c.groupby(s)["weight"].sum().round(12).eq(1.0).all()
