"""The economics of the course as pure functions of tables and matrices (the bottom layer).

Every function here takes its tables as arguments and returns labelled pandas objects; nothing
reads a file, draws a figure or knows about notebooks (numpy, pandas, scipy and networkx only;
``import-linter`` keeps plotly, ipywidgets, IPython and nbgrader out). Docstrings give the
formula and the reference, and the tests check each one against values worked by hand or
published. ``from course_tools import indicators`` gathers the indicator functions in one name.

- ``specialisation``   RCA, RSCA, Lafay, trade balance index, HHI, diversification (L05)
- ``interdependence``  trade intensity, complementarity, similarity, Grubel-Lloyd, blocs (L06)
- ``dynamics``         ECLAC competitiveness matrix, constant market share, demand growth (L07)
- ``complexity``       presence, proximity, ECI/PCI, density/distance/COI/COG, filtering (L08)
- ``product_space``    the product-space graph and a country on it (L08)
- ``input_output``     coefficients, Leontief/Ghosh inverses, multipliers, linkages, MRIO (L09)
- ``territory``        location quotient, shift-share, specialisation, clusters (L10)
- ``niches``, ``sensitivity``, ``criteria``   the niche model (L11)
- ``concordances``     converting between classifications with weights that keep totals (L03)
- ``quality``          data-quality checks of tidy tables (L02)

Input errors derive from :class:`IndicatorInputError` (itself a :class:`course_tools.errors.InputError`).
"""
from course_tools.methods._common import IndicatorInputError

__all__ = ["IndicatorInputError"]
