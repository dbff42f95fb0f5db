"""Texts of branch h16: the ex11 self-check (Q2) and the messages of the niche model's modules.

Keys are ``h16.<module>.<name>`` (``tests/course/test_i18n.py`` wants every key to start with its catalogue
module); ``<module>`` is the package module the text serves (``niches``, ``criteria``, ``robustness``...).
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- course/checks/ex11.py ---------------------------------------------------------------------------------
    "h16.selfcheck.ex11.above_zero": {
        "en": ("{n} is the number of products with RCA >= 1 and demand_growth > 0: compare with WORLD_GROWTH "
               "({world} % a year), the growth of world trade as a whole, not with 0"),
        "es": ("{n} es el número de productos con VCR >= 1 y demand_growth > 0: hay que comparar con WORLD_GROWTH "
               "({world} % anual), el crecimiento del comercio mundial en su conjunto, no con 0")},
    # --- views/niches.py: the two lists of lesson L11 ----------------------------------------------------------
    "h16.niches.div_title": {
        "en": "Diversify: feasibility against attractiveness ({n} candidates with RCA < 1)",
        "es": "Diversificar: factibilidad frente a atractivo ({n} candidatos con VCR < 1)"},
    "h16.niches.density_axis": {
        "en": "Feasibility: density (share of related capabilities already present)",
        "es": "Factibilidad: densidad (proporción de capacidades afines ya presentes)"},
    "h16.niches.pci_axis": {"en": "Attractiveness: product complexity (PCI)",
                            "es": "Atractivo: complejidad del producto (PCI)"},
    "h16.niches.density": {"en": "density", "es": "densidad"},
    "h16.niches.cog": {"en": "opportunity gain (COG)", "es": "ganancia de oportunidad (COG)"},
    "h16.niches.others": {"en": "other candidates ({n})", "es": "otros candidatos ({n})"},
    "h16.niches.top": {"en": "the {k} best of the list (number = rank)",
                       "es": "los {k} mejores de la lista (número = puesto)"},
    "h16.niches.no_density_pci": {
        "en": "the ranking has no density and pci columns: pass rank_list(criteria, niche_lists.DIVERSIFY)",
        "es": "la clasificación no tiene las columnas density y pci: use rank_list(criteria, niche_lists.DIVERSIFY)"},
    "h16.niches.bad_top": {"en": "top must be a positive whole number, got {top!r}",
                           "es": "top debe ser un número entero positivo; se recibió {top!r}"},
    "h16.niches.not_markets": {
        "en": "markets must be the table of export_potential.top_markets(...), with the columns {need}",
        "es": "markets debe ser la tabla de export_potential.top_markets(...), con las columnas {need}"},
    "h16.niches.col_product": {"en": "product", "es": "producto"},
    "h16.niches.col_name": {"en": "name", "es": "nombre"},
    "h16.niches.col_rank": {"en": "market rank", "es": "puesto del mercado"},
    "h16.niches.col_market": {"en": "market", "es": "mercado"},
    "h16.niches.col_untapped": {"en": "untapped potential (USD)", "es": "potencial no aprovechado (USD)"},
    "h16.niches.col_potential": {"en": "potential (USD)", "es": "potencial (USD)"},
    "h16.niches.col_actual": {"en": "exports now (USD)", "es": "exportaciones actuales (USD)"},
    "h16.niches.col_realised": {"en": "realised", "es": "realizado"},
}
