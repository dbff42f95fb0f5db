"""Every input error of the methods layer is an IndicatorInputError (and so a course InputError and a ValueError)."""
from __future__ import annotations

import pytest

from course_tools.errors import InputError
from course_tools.methods import IndicatorInputError
from course_tools.methods.concordances import ConcordanceError
from course_tools.methods.criteria import NicheCriteriaError
from course_tools.methods.diversification import DiversificationError
from course_tools.methods.dynamics import CompetitivenessInputError
from course_tools.methods.export_potential import ExportPotentialError
from course_tools.methods.niches import NicheModelError
from course_tools.methods.quality import QualityInputError
from course_tools.methods.robustness import RobustnessError


@pytest.mark.parametrize("error", [ConcordanceError, NicheCriteriaError, DiversificationError,
                                   CompetitivenessInputError, ExportPotentialError, NicheModelError,
                                   QualityInputError, RobustnessError])
def test_input_errors_derive_from_the_layer_base(error):
    assert issubclass(error, IndicatorInputError)
    assert issubclass(error, InputError)
    assert issubclass(error, ValueError)   # code that caught ValueError keeps working
