"""Working days in England and Wales: the public path of :mod:`ilacs.reasoning.calendar`.

Import it as ``ilacs.calendar``; the module's home in the layers is ``ilacs.reasoning.calendar``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import calendar as _home
from ilacs.reasoning.calendar import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
