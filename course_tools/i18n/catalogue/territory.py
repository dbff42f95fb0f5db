"""Texts of :mod:`course_tools.views.territory`."""

TEXTS: dict[str, dict[str, str]] = {
    "territory.lq_title": {
        "en": "Location quotients of the {n} largest municipalities, {year} (vs {ref})",
        "es": "Cocientes de localización de los {n} municipios más grandes, {year} (vs {ref})",
    },
    "territory.state": {
        "en": "Tamaulipas",
        "es": "Tamaulipas",
    },
    "territory.nation": {
        "en": "Mexico",
        "es": "México",
    },
    "territory.lq": {
        "en": "LQ",
        "es": "CL",
    },
    "territory.mun": {
        "en": "Municipality",
        "es": "Municipio",
    },
    "territory.sector": {
        "en": "Sector",
        "es": "Sector",
    },
    "territory.ss_title": {
        "en": "{mun}: employment change {a}-{b} by sector, shift-share vs Tamaulipas",
        "es": "{mun}: cambio del empleo {a}-{b} por sector, shift-share vs Tamaulipas",
    },
    "territory.persons": {
        "en": "Persons employed",
        "es": "Personal ocupado",
    },
    "territory.national_share": {
        "en": "State growth",
        "es": "Crecimiento estatal",
    },
    "territory.industrial_mix": {
        "en": "Industry mix",
        "es": "Mezcla sectorial",
    },
    "territory.regional_shift": {
        "en": "Regional (competitive) shift",
        "es": "Efecto regional (competitivo)",
    },
    "territory.sup_title": {
        "en": "Suppressed census cells (confidentiality), {year}: {k} of {n}",
        "es": "Celdas censales reservadas (confidencialidad), {year}: {k} de {n}",
    },
    "territory.sup": {
        "en": "suppressed",
        "es": "reservada",
    },
    "territory.pub": {
        "en": "published",
        "es": "publicada",
    },
    "territory.none": {
        "en": "no row",
        "es": "sin fila",
    },
    "territory.census_note": {
        "en": "**{name} ({code}): the course has no municipal economic census for it.** This lesson runs on the "
              "shipped example, the municipalities of Tamaulipas (Mexico), INEGI economic census 2003–2023: read it "
              "as the method to apply to the census or business register of {name} when you have one.",
        "es": "**{name} ({code}): el curso no tiene un censo económico municipal de este país.** Esta lección usa "
              "el ejemplo incluido, los municipios de Tamaulipas (México), censos económicos del INEGI 2003–2023: "
              "léela como el método que aplicarás al censo o registro de empresas de {name} cuando lo tengas.",
    },
}
