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
    "input_output.note.no_national": {
        "en": "**{name} ({code}): the course has no national input-output table for it.** Sections 1–4 "
              "run on the shipped example, Brazil (IBGE supply and use tables {year}; symmetric table "
              "2020, 51 sectors): read them as the method to apply to a table of {name} when you have one.",
        "es": ("**{name} ({code}): el curso no tiene una matriz insumo-producto nacional de este país.** Las "
               "secciones 1–4 usan el ejemplo incluido, Brasil (tablas de recursos y usos del IBGE {year}; matriz "
               "simétrica 2020, 51 sectores): léalas como el método que aplicará a una matriz de {name} cuando la "
               "tenga."),
    },
    "input_output.note.own_region": {
        "en": "Section 5 shows the region of {name} in the world table for 2000.",
        "es": "La sección 5 muestra la región de {name} en la tabla mundial de 2000.",
    },
    "input_output.note.chosen_region": {
        "en": "Section 5 shows the region you chose, {region}.",
        "es": "La sección 5 muestra la región elegida, {region}.",
    },
    "input_output.note.in_row": {
        "en": "In the world table for 2000 {name} is inside \"rest of the world\", so section 5 shows "
              "{region} instead.",
        "es": "En la tabla mundial de 2000 {name} forma parte del \"resto del mundo\": la sección 5 muestra "
              "{region} en su lugar.",
    },
    "input_output.note.bad_region": {
        "en": "REGION must be a region of the world table 2000 ({regions}) or None (the country's own region, "
              "else Brazil), got {region!r}",
        "es": "REGION debe ser una región de la tabla mundial de 2000 ({regions}) o None (la región del propio "
              "país, si no Brasil); se recibió {region!r}",
    },
}
