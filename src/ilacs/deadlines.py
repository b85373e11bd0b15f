"""The deadlines an inspection sets: the public path of :mod:`ilacs.reasoning.deadlines`.

Import it as ``ilacs.deadlines``; the module's home in the layers is ``ilacs.reasoning.deadlines``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import deadlines as _home
from ilacs.reasoning.deadlines import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
