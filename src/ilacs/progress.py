"""An action plan's progress as of a date: the public path of :mod:`ilacs.reasoning.progress`.

Import it as ``ilacs.progress``; the module's home in the layers is ``ilacs.reasoning.progress``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import progress as _home
from ilacs.reasoning.progress import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
