"""The grading rules applied to an inspection: the public path of :mod:`ilacs.reasoning.rules`.

Import it as ``ilacs.rules``; the module's home in the layers is ``ilacs.reasoning.rules``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import rules as _home
from ilacs.reasoning.rules import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
