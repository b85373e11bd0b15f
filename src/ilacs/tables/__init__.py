"""Tables, an edge: importers of national CSV files and the analyst CSV export.

:mod:`ilacs.tables.importers` reads Ofsted's official statistics, its in-year activity
and the community scrape; :mod:`ilacs.tables.tabular` writes the analyst CSV and reads
it back. Users import them as :mod:`ilacs.importers` and :mod:`ilacs.tabular`. It may
import the base, frameworks, model and reasoning layers, never another edge.
"""
