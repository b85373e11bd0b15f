"""Importers of Ofsted's national data and the community scrape: the public path of :mod:`ilacs.tables.importers`.

Import it as ``ilacs.importers``; the module's home in the layers is ``ilacs.tables.importers``
(see the architecture page of the documentation).
"""

from ilacs.tables import importers as _home
from ilacs.tables.importers import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
