"""What lessons and the report show: tables with names, plotly figures, widgets, number formats.

One module per topic, named like the method it shows (``views.specialisation`` shows
``methods.specialisation``). Views compute nothing new: they call :mod:`course_tools.methods`
on tables from :mod:`course_tools.data` and arrange the result for a reader, with titles, axes
and hovers in the reader's language (:mod:`course_tools.i18n`).

- ``notebook``        ``setup_notebook(LANG, COUNTRY)``: plotly offline, number formats, the language of a lesson
- ``tables``, ``figures``      export basket, top partners (L01)
- ``specialisation``, ``rca_explorer``   RCA profiles and the RCA explorer widget (L05)
- ``interdependence`` partners, blocs, intensity heatmaps (L06)
- ``dynamics``        competitiveness matrix and CMS figures (L07)
- ``complexity``      ECI ranking, diversity-ubiquity, the product space (L08)
- ``input_output``    symmetric tables, key sectors, foreign value added (L09)
- ``territory``       location quotients, shift-share, clusters (L10)
- ``niches``          ranking, sensitivity, the weights app (L11)
- ``widgets``         widgets that keep a static figure in exported HTML
- ``report``, ``format``   the country report's texts, headings and tables (L12); money in a sentence

Every function with a ``lang`` argument follows the notebook's language when it is left out
(``lang=None``: :func:`course_tools.i18n.current_language`, set by ``setup_notebook(LANG, COUNTRY)``);
numbers follow the reader's convention (:mod:`course_tools.views.format`).

Input errors derive from :class:`ViewInputError`.
"""
from course_tools.errors import InputError
from course_tools.i18n import check_lang, current_language


class ViewInputError(InputError):
    """A table or argument given to a view cannot be shown (the message says why and how to fix it)."""


def reader_lang(lang: str | None) -> str:
    """``lang`` checked, or the notebook's language when it is ``None`` (the default of every view)."""
    return check_lang(current_language() if lang is None else lang)


__all__ = ["ViewInputError", "reader_lang"]
