"""Reading a coordinator's own files (CSV or Excel, as a statistics office publishes them) into tidy tables.

:func:`read_trade_file` reads a trade table in three steps, one module each, so that each can grow
on its own (a partner column, several years, total and footer rows, national tariff codes):

- ``decoding``    bytes -> text: the encoding (UTF-8 or Latin-1/Windows-1252), the delimiter (``,`` ``;`` tab ``|``)
- ``grid``        text or an Excel sheet -> rows of cells numbered as the user sees them (line in a text
                  editor, row in Excel); the header row found among title rows; the data rows under it
- ``totals``      total rows ("TOTAL GENERAL", subtotals) and footer lines left out of the data and reported
- ``validation``  one rule per column: numbers, country codes, product codes, years, one row per key
- ``cells``       reading one cell: blank, number (decimal comma, thousands marks), code, header name
- ``messages``    :class:`~course_tools.data.own_files.messages.Place`: every problem is a
                  :class:`~course_tools.data.DataValidationError` naming the file (and sheet), the column,
                  the first offending rows and how to fix it
- ``trade_file``  :func:`read_trade_file`, the steps put together for a trade table (a partner column, several
                  years, national tariff lines cut to HS6, repeated rows added up on request)
- ``customs``     :func:`read_customs`: a national customs file as a trade panel, the world from another panel

The coordinator's file is only read, never written.
"""
from course_tools.data.own_files.trade_file import read_trade_file

__all__ = ["read_trade_file"]  # read_customs: course_tools.data.panel.read_customs (imports this package)
