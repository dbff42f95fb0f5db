"""The economics of the course as pure functions of tables and matrices (the bottom layer).

Every function here takes its tables as arguments and returns labelled pandas objects; nothing
reads a file, draws a figure or knows about notebooks (numpy, pandas, scipy and networkx only;
``import-linter`` keeps plotly, ipywidgets, IPython and nbgrader out). Docstrings give the
formula and the reference, and the tests check each one against values worked by hand or
published. ``from course_tools import indicators`` gathers the indicator functions in one name.

- ``specialisation``   RCA, RSCA, Lafay, trade balance index, HHI, diversification (L05)
- ``interdependence``  trade intensity, complementarity, similarity, Grubel-Lloyd, blocs (L06)
- ``dynamics``         ECLAC competitiveness matrix, constant market share, demand growth (L07)
- ``complexity/``      one module per part: ``presence`` (M from RCA), ``proximities``, ``eci`` (ECI/PCI,
                       reflections), ``opportunities`` (density, distance, COI, COG, opportunity gain),
                       ``filtering`` (which reporters and products enter), ``result`` (``complexity()``) (L08)
- ``product_space``    the product-space graph and a country on it (L08)
- ``input_output``     coefficients, Leontief/Ghosh inverses, multipliers, linkages, key sectors (L09)
- ``supply_use``       supply and use tables to a symmetric input-output table (L09)
- ``mrio``             multi-regional tables: value added in exports, GVC participation (L09)
- ``territory``        location quotient, shift-share, specialisation, clusters (L10)
- ``criteria``         the niche criteria table as a function of the tables it needs (L11; the shipped
                       tables are loaded by ``course_tools.data.niche_inputs``)
- ``niches``           the niche model: normalise, screen, score, explain (L11)
- ``sensitivity``      how stable the ranking is when weights and thresholds move (L11)
- ``robustness``       the ranking over every modelling choice (normalisation, aggregation, criteria...)
- ``rank_statistics``  ranks, rank quantiles and variance shares of many rankings at once
- ``diversification``  Growth Lab strategy weights, diversify and consolidate lists
- ``export_potential`` ITC-style export potential by exporter, market and product
- ``concordances``     converting between classifications with weights that keep totals (L03)
- ``quality``          data-quality checks of tidy tables (L02)
- ``_common``          tidy <-> matrix, input checks, reference totals, the error base

Input errors derive from :class:`IndicatorInputError` (itself a :class:`course_tools.errors.InputError`).
"""
from course_tools.methods._common import IndicatorInputError

__all__ = ["IndicatorInputError"]
