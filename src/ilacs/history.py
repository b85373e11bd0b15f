"""An authority's journey: the public path of :mod:`ilacs.reasoning.history`.

Import it as ``ilacs.history``; the module's home in the layers is ``ilacs.reasoning.history``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import history as _home
from ilacs.reasoning.history import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
