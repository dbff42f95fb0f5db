"""Texts of :mod:`course_tools.views.interdependence`."""

TEXTS: dict[str, dict[str, str]] = {
    "interdependence.heatmap_title": {
        "en": "Trade intensity between Latin American and Caribbean countries, {year}",
        "es": "Intensidad comercial entre países de América Latina y el Caribe, {year}",
    },
    "interdependence.exporter": {
        "en": "exporter (row)",
        "es": "exportador (fila)",
    },
    "interdependence.importer": {
        "en": "importer (column)",
        "es": "importador (columna)",
    },
    "interdependence.colorbar": {
        "en": "trade intensity<br>(log scale, 1 = neutral)",
        "es": "intensidad comercial<br>(escala log., 1 = neutral)",
    },
    "interdependence.hover": {
        "en": "%{y} → %{x}<br>intensity %{customdata:.2f}<extra></extra>",
        "es": "%{y} → %{x}<br>intensidad %{customdata:.2f}<extra></extra>",
    },
    "interdependence.partner_hover": {
        "en": "%{y}: %{x:.2f} (USD %{customdata:,.1f} million)<extra></extra>",
        "es": "%{y}: %{x:.2f} (USD %{customdata:,.1f} millones)<extra></extra>",
    },
    "interdependence.other": {
        "en": "other",
        "es": "otros",
    },
    "interdependence.partner_title": {
        "en": "{name}: trade intensity with Latin American and Caribbean partners, {year}",
        "es": "{name}: intensidad comercial con socios de América Latina y el Caribe, {year}",
    },
    "interdependence.partner_x": {
        "en": "trade intensity index (log scale; 1 = as expected from the partner's size)",
        "es": "índice de intensidad comercial (escala log.; 1 = lo esperado por el tamaño del socio)",
    },
    "interdependence.partner_y": {
        "en": "partner",
        "es": "socio",
    },
    "interdependence.neutral": {
        "en": "neutral (1)",
        "es": "neutral (1)",
    },
    "interdependence.bloc_title": {
        "en": "Regional blocs: {measure}, {year}",
        "es": "Bloques regionales: {measure}, {year}",
    },
    "interdependence.bloc_y": {
        "en": "bloc",
        "es": "bloque",
    },
    "interdependence.measures.intra_share": {
        "en": "share of intra-bloc exports",
        "es": "participación de las exportaciones intrabloque",
    },
    "interdependence.measures.intensity": {
        "en": "intra-bloc trade intensity",
        "es": "intensidad del comercio intrabloque",
    },
    "interdependence.measures.introversion": {
        "en": "introversion index (−1 to 1)",
        "es": "índice de introversión (−1 a 1)",
    },
    "interdependence.zero": {
        "en": "no recorded flow",
        "es": "sin flujo registrado",
    },
    "interdependence.not_in_flows": {
        "en": "**{name} ({code}) is not in the bilateral trade table of {year}** (CEPII gravity data, "
              "{n} countries): its exports by partner and its trade intensities cannot be computed from "
              "it. The other sections still run.",
        "es": "**{name} ({code}) no está en la tabla de comercio bilateral de {year}** (datos de gravedad "
              "del CEPII, {n} países): sus exportaciones por socio y sus intensidades comerciales no se "
              "pueden calcular con ella. Las demás secciones sí se ejecutan.",
    },
    "interdependence.stand_in": {
        "en": "{code} is not in the bilateral table of {year}: the questions on that table use {stand_in} instead.",
        "es": "{code} no está en la tabla bilateral de {year}: las preguntas sobre esa tabla usan "
              "{stand_in} en su lugar.",
    },
    "interdependence.no_stand_in": {
        "en": "flows_country: neither {code!r} nor the stand-in {stand_in!r} is in the table",
        "es": "flows_country: ni {code!r} ni el país de reemplazo {stand_in!r} están en la tabla",
    },
}
