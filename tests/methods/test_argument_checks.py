"""The two argument checks the niche model's modules share (methods/_common.py), in the learner's language."""
from __future__ import annotations

import numpy as np
import pytest

from course_tools import i18n
from course_tools.methods._common import require_non_negative, require_positive_whole


class _Err(ValueError):
    pass


def test_positive_whole_numbers_pass_and_others_are_named():
    require_positive_whole(_Err, n=1, k=np.int64(10))
    for bad in (0, -3, 2.5, "10", None):
        with pytest.raises(_Err, match=r"^k must be a positive whole number"):
            require_positive_whole(_Err, n=5, k=bad)


def test_non_negative_numbers_pass_and_the_first_bad_one_is_named():
    require_non_negative(_Err, spread=0, horizon=2.5)
    with pytest.raises(_Err, match=r"^horizon must be a number >= 0, got -1"):
        require_non_negative(_Err, spread=0.2, horizon=-1, min_flow=-5)
    for bad in (float("nan"), float("inf"), "0.1"):
        with pytest.raises(_Err, match="spread"):
            require_non_negative(_Err, "niche_msg.methods.sensitivity.spread", spread=bad)


def test_the_checks_speak_the_current_language():
    i18n.set_language("es")
    try:
        with pytest.raises(_Err, match="debe ser un número entero positivo"):
            require_positive_whole(_Err, n=0)
    finally:
        i18n.set_language(None)
