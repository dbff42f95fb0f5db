"""Texts of the language choice (issue 17): the ``--lang`` options that follow the command's language, and
the progress bar's label when a lesson or a report runs from the command line."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "h17docs.report_lang": {
        "en": "language of the report: en or es (default: $NICHOS_LANG, else the system's language, else en)",
        "es": "idioma del informe: en o es (por defecto: $NICHOS_LANG, si no, el idioma del sistema, si no, en)"},
    "h17docs.dashboard_lang": {
        "en": "language of the titles (default: $NICHOS_LANG, else the system's language, else en)",
        "es": "idioma de los títulos (por defecto: $NICHOS_LANG, si no, el idioma del sistema, si no, en)"},
    "h17docs.link_lang": {
        "en": ("the participants' language: the link opens the welcome lesson of that edition (default: "
               "$NICHOS_LANG, else the system's language, else en)"),
        "es": ("el idioma de los participantes: el enlace abre la lección de bienvenida de esa edición (por "
               "defecto: $NICHOS_LANG, si no, el idioma del sistema, si no, en)")},
    "h17docs.link_open": {
        "en": ("file or folder to open, inside the repository (default: lessons/00_welcome.ipynb, with --lang es "
               "lessons/es/00_bienvenida.ipynb)"),
        "es": ("archivo o carpeta que se abre, dentro del repositorio (por defecto: lessons/00_welcome.ipynb; con "
               "--lang es, lessons/es/00_bienvenida.ipynb)")},
    "h17docs.progress": {"en": "Executing", "es": "Ejecutando"},
    "h17docs.progress_unit": {"en": "cell", "es": "celda"},
    "h17docs.grading_progress": {"en": "grading {assignment}", "es": "calificando {assignment}"},
    "h17docs.grading_unit": {"en": "submission", "es": "entrega"},
}
