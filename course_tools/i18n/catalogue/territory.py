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
        "es": ("**{name} ({code}): el curso no tiene un censo económico municipal de este país.** Esta lección usa "
               "el ejemplo incluido, los municipios de Tamaulipas (México), censos económicos del INEGI 2003–2023: "
               "léala como el método que aplicará al censo o registro de empresas de {name} cuando lo tenga."),
    },
    "territory.sup_legend": {
        "en": "(red = {sup}, blue = {pub})",
        "es": "(rojo = {sup}, azul = {pub})",
    },
    "territory.sectors.11": {
        "en": "Agriculture, forestry, fishing",
        "es": "Agropecuario, forestal y pesca",
    },
    "territory.sectors.21": {
        "en": "Mining",
        "es": "Minería",
    },
    "territory.sectors.22": {
        "en": "Utilities",
        "es": "Electricidad, agua y gas",
    },
    "territory.sectors.23": {
        "en": "Construction",
        "es": "Construcción",
    },
    "territory.sectors.31-33": {
        "en": "Manufacturing",
        "es": "Industrias manufactureras",
    },
    "territory.sectors.43": {
        "en": "Wholesale trade",
        "es": "Comercio al por mayor",
    },
    "territory.sectors.46": {
        "en": "Retail trade",
        "es": "Comercio al por menor",
    },
    "territory.sectors.48-49": {
        "en": "Transportation and warehousing",
        "es": "Transportes, correos y almacenamiento",
    },
    "territory.sectors.51": {
        "en": "Information",
        "es": "Información en medios masivos",
    },
    "territory.sectors.52": {
        "en": "Finance and insurance",
        "es": "Servicios financieros y de seguros",
    },
    "territory.sectors.53": {
        "en": "Real estate and rental",
        "es": "Servicios inmobiliarios y de alquiler",
    },
    "territory.sectors.54": {
        "en": "Professional, scientific, technical services",
        "es": "Servicios profesionales, científicos y técnicos",
    },
    "territory.sectors.55": {
        "en": "Management of companies",
        "es": "Dirección de corporativos",
    },
    "territory.sectors.56": {
        "en": "Administrative support, waste management",
        "es": "Apoyo a los negocios y manejo de residuos",
    },
    "territory.sectors.61": {
        "en": "Educational services",
        "es": "Servicios educativos",
    },
    "territory.sectors.62": {
        "en": "Health care and social assistance",
        "es": "Salud y asistencia social",
    },
    "territory.sectors.71": {
        "en": "Arts, entertainment, recreation",
        "es": "Esparcimiento, cultura y deporte",
    },
    "territory.sectors.72": {
        "en": "Accommodation and food services",
        "es": "Alojamiento y preparación de alimentos y bebidas",
    },
    "territory.sectors.81": {
        "en": "Other services",
        "es": "Otros servicios",
    },
}
