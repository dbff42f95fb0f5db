"""Texts of :mod:`course_tools.views.niches`."""

TEXTS: dict[str, dict[str, str]] = {
    "niches.rank_title": {
        "en": "The {n} best-ranked niches and the criteria that put them there",
        "es": "Los {n} nichos mejor clasificados y los criterios que los sitúan ahí",
    },
    "niches.score": {
        "en": "Score (sum of weighted contributions, 0 to 1)",
        "es": "Puntaje (suma de contribuciones ponderadas, de 0 a 1)",
    },
    "niches.contribution": {
        "en": "contribution",
        "es": "contribución",
    },
    "niches.value": {
        "en": "value",
        "es": "valor",
    },
    "niches.sens_title": {
        "en": "Which niches are robust? {n} draws of weights (spread {spread:g}) and thresholds (±{tspread:.0%})",
        "es": "¿Qué nichos son robustos? {n} sorteos de pesos (dispersión {spread:g}) y umbrales (±{tspread:.0%})",
    },
    "niches.share": {
        "en": "Share of draws in the top {k}",
        "es": "Proporción de sorteos en los {k} primeros",
    },
    "niches.stability": {
        "en": "Stability of the top {k}",
        "es": "Estabilidad de los {k} primeros",
    },
    "niches.overlap": {
        "en": "top-{k} overlap",
        "es": "coincidencia top {k}",
    },
    "niches.spearman": {
        "en": "Spearman ρ",
        "es": "ρ de Spearman",
    },
    "niches.robust": {
        "en": "robust (≥ {r:.0%} of draws)",
        "es": "robusto (≥ {r:.0%} de sorteos)",
    },
    "niches.not_robust": {
        "en": "less robust",
        "es": "menos robusto",
    },
    "niches.weights": {
        "en": "Weights",
        "es": "Pesos",
    },
    "niches.thresholds": {
        "en": "Thresholds",
        "es": "Umbrales",
    },
    "niches.name": {
        "en": "name",
        "es": "nombre",
    },
    "niches.none_pass": {
        "en": "No product passes the thresholds: relax them.",
        "es": "Ningún producto supera los umbrales: relájelos.",
    },
}
