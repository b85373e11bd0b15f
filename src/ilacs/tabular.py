"""The analyst CSV export and its reader: the public path of :mod:`ilacs.tables.tabular`.

Import it as ``ilacs.tabular``; the module's home in the layers is ``ilacs.tables.tabular``
(see the architecture page of the documentation).
"""

from ilacs.tables import tabular as _home
from ilacs.tables.tabular import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
