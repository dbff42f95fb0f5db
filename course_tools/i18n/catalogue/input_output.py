"""Texts of :mod:`course_tools.views.input_output`."""

TEXTS: dict[str, dict[str, str]] = {
    "input_output.key_title": {
        "en": "Key sectors of {name}: backward vs forward linkages ({fwd} forward linkage)",
        "es": "Sectores clave de {name}: encadenamientos hacia atrás y hacia adelante ({fwd})",
    },
    "input_output.bl": {
        "en": "backward linkage (Rasmussen, mean = 1)",
        "es": "encadenamiento hacia atrás (Rasmussen, media = 1)",
    },
    "input_output.fl": {
        "en": "forward linkage ({fwd}, mean = 1)",
        "es": "encadenamiento hacia adelante ({fwd}, media = 1)",
    },
    "input_output.key_hover": {
        "en": "backward %{x:.2f} · forward %{y:.2f}<extra></extra>",
        "es": "hacia atrás %{x:.2f} · hacia adelante %{y:.2f}<extra></extra>",
    },
    "input_output.fva_title": {
        "en": "Foreign value added in the exports of {name}, {year}, by source region",
        "es": "Valor agregado extranjero en las exportaciones de {name}, {year}, por región de origen",
    },
    "input_output.fva_x": {
        "en": "share of {name}'s gross exports (%)",
        "es": "porcentaje de las exportaciones brutas de {name}",
    },
    "input_output.source": {
        "en": "source region",
        "es": "región de origen",
    },
    "input_output.type.key": {
        "en": "key",
        "es": "clave",
    },
    "input_output.type.backward-oriented": {
        "en": "backward-oriented",
        "es": "impulsor",
    },
    "input_output.type.forward-oriented": {
        "en": "forward-oriented",
        "es": "estratégico (base)",
    },
    "input_output.type.independent": {
        "en": "independent",
        "es": "independiente",
    },
}
