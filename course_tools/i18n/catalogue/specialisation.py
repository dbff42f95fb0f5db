"""Texts of :mod:`course_tools.views.specialisation`."""

TEXTS: dict[str, dict[str, str]] = {
    "specialisation.bar_title": {
        "en": "{name}: the {n} products with the highest revealed comparative advantage{ref}{year}",
        "es": "{name}: los {n} productos con mayor ventaja comparativa revelada{ref}{year}",
    },
    "specialisation.vs": {
        "en": " against {ref}",
        "es": " frente a {ref}",
    },
    "specialisation.world": {
        "en": "the world",
        "es": "el mundo",
    },
    "specialisation.rca_log": {
        "en": "RCA (log scale; 1 = world average)",
        "es": "VCR (escala log; 1 = promedio mundial)",
    },
    "specialisation.product": {
        "en": "product",
        "es": "producto",
    },
    "specialisation.share": {
        "en": "share of the country's exports",
        "es": "participación en las exportaciones del país",
    },
    "specialisation.value": {
        "en": "exports",
        "es": "exportaciones",
    },
    "specialisation.rca": {
        "en": "RCA",
        "es": "VCR",
    },
    "specialisation.rca_world_short": {
        "en": "RCA (world)",
        "es": "VCR (mundo)",
    },
    "specialisation.rca_region_short": {
        "en": "RCA ({region})",
        "es": "VCR ({region})",
    },
    "specialisation.lac": {
        "en": "LAC",
        "es": "ALC",
    },
    "specialisation.rsca": {
        "en": "RSCA",
        "es": "VCRS",
    },
    "specialisation.scatter_title": {
        "en": "{name}: RCA against the world and against {region}{year}",
        "es": "{name}: VCR frente al mundo y frente a {region}{year}",
    },
    "specialisation.rca_world": {
        "en": "RCA against the world (log scale)",
        "es": "VCR frente al mundo (escala log)",
    },
    "specialisation.rca_region": {
        "en": "RCA against {region} (log scale)",
        "es": "VCR frente a {region} (escala log)",
    },
    "specialisation.both": {
        "en": "advantage in both",
        "es": "ventaja en ambos",
    },
    "specialisation.world only": {
        "en": "advantage against the world only",
        "es": "ventaja solo frente al mundo",
    },
    "specialisation.region only": {
        "en": "advantage against the region only",
        "es": "ventaja solo frente a la región",
    },
    "specialisation.neither": {
        "en": "no advantage",
        "es": "sin ventaja",
    },
    "specialisation.div_title": {
        "en": "Diversification and concentration of exports{year}",
        "es": "Diversificación y concentración de las exportaciones{year}",
    },
    "specialisation.n_rca": {
        "en": "diversification: number of products with RCA ≥ 1",
        "es": "diversificación: número de productos con VCR ≥ 1",
    },
    "specialisation.hhi_unctad": {
        "en": "concentration: UNCTAD-normalised Herfindahl index",
        "es": "concentración: índice de Herfindahl normalizado (UNCTAD)",
    },
    "specialisation.lafay_title": {
        "en": "{name}: contribution to the trade balance (Lafay index){year}",
        "es": "{name}: contribución al saldo comercial (índice de Lafay){year}",
    },
    "specialisation.lafay": {
        "en": "Lafay index (points; all groups add up to 0)",
        "es": "índice de Lafay (puntos; todos los grupos suman 0)",
    },
    "specialisation.group": {
        "en": "product group",
        "es": "grupo de productos",
    },
    "specialisation.tbi": {
        "en": "trade balance index",
        "es": "índice de balanza comercial",
    },
    "specialisation.imports": {
        "en": "imports",
        "es": "importaciones",
    },
}
