"""The national picture as of a day: the public path of :mod:`ilacs.reasoning.national`.

Import it as ``ilacs.national``; the module's home in the layers is
``ilacs.reasoning.national`` (see the architecture page of the documentation).
"""

from ilacs.reasoning import national as _home
from ilacs.reasoning.national import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
