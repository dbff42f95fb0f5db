"""Texts of the exercises' self-check (``check("q1")``): after ``✓ q1:`` or ``✗ q1:``, and the hint labels."""

TEXTS: dict[str, dict[str, str]] = {
    "selfcheck.passed": {"en": "all {n} visible checks passed",
                         "es": "las {n} comprobaciones visibles están bien"},
    "selfcheck.missing": {"en": "define {names} first (run the cell where you compute it)",
                          "es": "primero define {names} (ejecuta la celda donde lo calculas)"},
    "selfcheck.hint": {"en": "  hint:  {hint}",
                       "es": "  pista: {hint}"},
}
