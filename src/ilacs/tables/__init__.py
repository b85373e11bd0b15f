"""Tables, an edge: importers of national files (CSV and workbooks) and the analyst export, on one engine.

- :mod:`ilacs.tables.engine`: the table engine every table goes through: reading a
  CSV file or a workbook's sheet into rows with their lines (finding the header
  below any title rows), building or skipping each row with its reason, and
  writing a table back that reads back exactly (atomically, spreadsheet-safe on
  request).
- :mod:`ilacs.tables.workbooks`: ODS, XLSX and XLS workbooks read as rows of text
  (python-calamine), and XLSX sheets of typed cells written (XlsxWriter), both from
  the ``spreadsheets`` extra.
- :mod:`ilacs.tables.results`: what reading gives, :class:`~ilacs.tables.results.ImportResult`.
- :mod:`ilacs.tables.columns`: which column holds which judgement, from the
  framework packs' ids, labels and variants (no framework's words are written here).
- :mod:`ilacs.tables.importers`: Ofsted's official statistics, its in-year activity
  and the community scrape; users import it as :mod:`ilacs.importers`.
- :mod:`ilacs.tables.tabular`: the analyst export (CSV, with a byte-order mark on
  request, and an XLSX workbook with a sheet per table) and its reader; users
  import it as :mod:`ilacs.tabular`.

It may import the base, frameworks, model and reasoning layers, never another edge.
"""
