"""Load the course's datasets, and your own files, into tidy tables (the layer above ``methods``).

``from course_tools import data`` gives every loader below by name (``data.load_trade(2017)``,
``data.read_trade_file(path)``); each lives in the module of its source:

- ``trade``            world trade by country x product (1962, 1980, 2017), Atlas panels 1995-2023,
                       HS 6-digit extracts (Chile, Argentina, world)
- ``gravity``          bilateral flows with gravity covariates, 2006
- ``country_codes``    countries (codes, names in English/Spanish), country groups of the region
- ``classifications``  product and industry classifications (HS, SITC, ISIC, BEC): codes and names
- ``concordances``     correspondence tables between classifications, equal-split weights
- ``product_space``    the Atlas product-space layout
- ``census``           INEGI economic census (SAIC exports), shipped or your own
- ``io_tables``        input-output and supply-use tables (IBGE, Brazil 2020, world MRIO 2000)
- ``baci``             CEPII BACI releases: read, download, convert to Parquet
- ``panel``            the trade panel (:class:`TradePanel` with its :class:`Provenance`) from the shipped
                       tables (:func:`shipped_panel`, the default), a BACI release or a customs file
- ``own_files``        your own files (CSV or Excel): a trade or customs file (decoding, header grid, totals,
                       validation; :func:`read_customs`), a national input-output table
                       (:func:`read_io_table`), extra criteria (:func:`read_criteria`), weights
                       (:func:`read_weights`, :func:`write_weights`; both niche lists: :func:`read_list_weights`,
                       :func:`write_list_weights`); layouts in ``datasets/templates/``
- ``practice``         practice files in the layouts of a BACI release and of a customs file, written from the
                       shipped tables (lesson L13): practice files, not new data
- ``manifest``         SHA-256 checksums of the shipped files; ``_cache`` parses each file once

Every loader checks the file against ``datasets/MANIFEST.sha256`` first
(:func:`course_tools.data.manifest.verify`), parses it once per session (cached) and returns a fresh
copy, so changing the table you got never changes what the next call returns.

Conventions of every table returned here:

- column names are English ``snake_case``; country codes are ISO 3166 alpha-3 in UPPER case
  (``"CHL"``); product and industry codes are zero-padded strings (``"0101"``, never ``101``);
- money is ``float``; **NaN means "not reported / not published" and 0.0 means "reported as
  zero"**: the two are never mixed;
- each docstring gives the source, the units, the coverage and the caveats. The full citation and
  licence of each dataset are in ``datasets/<folder>/SOURCE.md``.

Your own national file: :func:`read_trade_file` reads CSV (UTF-8 or Latin-1) or Excel into the
same shape as :func:`load_trade`, and explains any problem it finds (row numbers as you see them).
Input errors derive from :class:`DataValidationError` (a :class:`course_tools.errors.InputError`);
a shipped file that fails its checksum raises :class:`DatasetIntegrityError`.
"""
from course_tools.data._common import DataValidationError
from course_tools.data.census import load_census, read_saic_export
from course_tools.data.classifications import products, short_names
from course_tools.data.concordances import concordance
from course_tools.data.country_codes import countries, country_groups, country_name, group_members, main_language
from course_tools.data.gravity import load_gravity
from course_tools.data.io_tables import load_ibge_sut, load_io_brazil_2020, load_mrio_2000
from course_tools.data.manifest import DatasetIntegrityError
from course_tools.data.own_files import read_trade_file
from course_tools.data.own_files.criteria_file import read_criteria
from course_tools.data.own_files.io_table import read_io_table
from course_tools.data.own_files.list_weights import read_list_weights, write_list_weights
from course_tools.data.own_files.weights import read_weights, write_weights
from course_tools.data.panel import Provenance, TradePanel, read_baci, read_customs, shipped_panel
from course_tools.data.product_space import product_space_layout
from course_tools.data.trade import (
    TRADE_YEARS,
    load_bilateral_hs6,
    load_country_year,
    load_hs6_totals,
    load_product_year,
    load_trade,
    load_trade_sample,
)

__all__ = [
    "load_trade", "load_country_year", "load_product_year", "load_trade_sample",
    "load_bilateral_hs6", "load_hs6_totals", "load_gravity", "load_census", "read_saic_export",
    "countries", "country_name", "products", "short_names", "concordance", "country_groups", "group_members",
    "main_language",
    "product_space_layout", "read_trade_file", "DataValidationError", "DatasetIntegrityError", "TRADE_YEARS",
    "load_ibge_sut", "load_io_brazil_2020", "load_mrio_2000", "TradePanel", "Provenance", "shipped_panel",
    "read_baci", "read_customs", "read_io_table", "read_criteria", "read_weights", "write_weights",
    "read_list_weights", "write_list_weights",
]
