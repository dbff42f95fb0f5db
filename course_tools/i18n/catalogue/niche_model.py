"""Texts of the niche model (course_tools.methods.niches): why a product fails the screen, why it ranks where
it does."""

TEXTS: dict[str, dict[str, str]] = {
    "niche_model.needs": {"en": "{c} = {v}, needs {op} {t}", "es": "{c} = {v}, se exige {op} {t}"},
    "niche_model.nodata_thr": {"en": "{c}: no data, needs {op} {t}", "es": "{c}: sin dato, se exige {op} {t}"},
    "niche_model.nodata": {"en": "no data for {c}", "es": "sin dato de {c}"},
    "niche_model.top": {"en": "top {p}%", "es": "{p}% mejor"},
}
