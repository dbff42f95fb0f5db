"""Texts of :mod:`course_tools.views.complexity`."""

TEXTS: dict[str, dict[str, str]] = {
    "complexity.diversity": {
        "en": "Diversity (products with RCA ≥ 1)",
        "es": "Diversidad (productos con VCR ≥ 1)",
    },
    "complexity.avg_ubiquity": {
        "en": "Average ubiquity of its products (countries with RCA ≥ 1)",
        "es": "Ubicuidad media de sus productos (países con VCR ≥ 1)",
    },
    "complexity.du_title": {
        "en": "Diversified countries export products few others export",
        "es": "Los países diversificados exportan productos que pocos exportan",
    },
    "complexity.du_hover": {
        "en": "<b>%{hovertext}</b><br>diversity %{x}<br>average ubiquity %{y:.1f}<extra></extra>",
        "es": "<b>%{hovertext}</b><br>diversidad %{x}<br>ubicuidad media %{y:.1f}<extra></extra>",
    },
    "complexity.ps_title": {
        "en": "{name} on the product space ({n} of {total} products with RCA ≥ 1)",
        "es": "{name} en el espacio de productos ({n} de {total} productos con VCR ≥ 1)",
    },
    "complexity.present": {
        "en": "exports with RCA ≥ 1",
        "es": "exporta con VCR ≥ 1",
    },
    "complexity.absent": {
        "en": "not yet (RCA < 1)",
        "es": "todavía no (VCR < 1)",
    },
    "complexity.rca": {
        "en": "RCA",
        "es": "VCR",
    },
    "complexity.na": {
        "en": "n/a",
        "es": "n. d.",
    },
    "complexity.picker_country": {
        "en": "Country",
        "es": "País",
    },
    "complexity.picker_product": {
        "en": "Product",
        "es": "Producto",
    },
    "complexity.links": {
        "en": "proximity links",
        "es": "enlaces de proximidad",
    },
    "complexity.world": {
        "en": "world exports",
        "es": "exportaciones mundiales",
    },
    "complexity.others": {
        "en": "other countries",
        "es": "otros países",
    },
    "complexity.selected": {
        "en": "selected product",
        "es": "producto elegido",
    },
}
