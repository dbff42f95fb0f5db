"""Texts of the two niche lists and the proxy export potential (course_tools.methods.niche_lists, potential_proxy)."""

TEXTS: dict[str, dict[str, str]] = {
    "niche_lists.name_consolidate": {"en": "consolidate", "es": "consolidar"},
    "niche_lists.name_diversify": {"en": "diversify", "es": "diversificar"},
    "niche_lists.bad_spec": {
        "en": "a list is ListSpec('consolidate' or 'diversify', weights, ...), got {spec}",
        "es": "una lista es ListSpec('consolidate' o 'diversify', ponderaciones, ...), se recibió {spec}"},
    "niche_lists.bad_method": {
        "en": "normalisation {method!r} of the {name} list is unknown; use one of {methods}",
        "es": "la normalización {method!r} de la lista {name} es desconocida; use una de {methods}"},
    "niche_lists.no_rca": {
        "en": "the criteria table has no 'rca' column: the two lists are split by RCA",
        "es": "la tabla de criterios no tiene la columna 'rca': las dos listas se separan por la VCR"},
    "niche_lists.same_rca": {
        "en": "the two lists must split products at the same RCA ({a} vs {b}), else a product could fall in both "
              "or in neither",
        "es": "las dos listas deben separar los productos con la misma VCR ({a} frente a {b}); si no, un producto "
              "podría quedar en ambas o en ninguna"},
    "niche_lists.no_shares": {
        "en": "exporters {bad} have no exports with allocation shares; check the codes (e.g. {examples})",
        "es": "los exportadores {bad} no tienen exportaciones con proporciones de asignación; revise los códigos "
              "(p. ej., {examples})"},
}
