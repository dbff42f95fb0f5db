"""Texts of :mod:`course_tools.views.figures`."""

TEXTS: dict[str, dict[str, str]] = {
    "figures.treemap_title": {
        "en": "Export basket of {name}{year}: HS chapter → heading",
        "es": "Canasta exportadora de {name}{year}: capítulo SA → partida",
    },
    "figures.partners_title": {
        "en": "Top {n} destinations of the exports of {name}{year}",
        "es": "Principales {n} destinos de las exportaciones de {name}{year}",
    },
    "figures.share": {
        "en": "share of exports (%)",
        "es": "participación en las exportaciones (%)",
    },
    "figures.partner": {
        "en": "destination",
        "es": "destino",
    },
    "figures.value": {
        "en": "value",
        "es": "valor",
    },
    "figures.million_usd": {
        "en": "million USD",
        "es": "millones de USD",
    },
    "figures.hs_chapter": {
        "en": "HS chapter",
        "es": "capítulo SA",
    },
    "figures.hs_heading": {
        "en": "HS heading",
        "es": "partida SA",
    },
    "figures.total": {
        "en": "total",
        "es": "total",
    },
}
