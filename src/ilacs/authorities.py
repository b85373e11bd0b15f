"""The registry of England's local authorities: the public path of :mod:`ilacs.model.authorities`.

Import it as ``ilacs.authorities``; the module's home in the layers is ``ilacs.model.authorities``
(see the architecture page of the documentation).
"""

from ilacs.model import authorities as _home
from ilacs.model.authorities import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
