"""Validation: every finding on a value or a document: the public path of :mod:`ilacs.reasoning.validation`.

Import it as ``ilacs.validation``; the module's home in the layers is ``ilacs.reasoning.validation``
(see the architecture page of the documentation).
"""

from ilacs.reasoning import validation as _home
from ilacs.reasoning.validation import *  # noqa: F403 (this module is that one at its public path)

# The front door also takes a document (JSON text or a dictionary): the wire format
# loads it before the reasoning layer validates the value.
from ilacs.wire.serialisation import validate  # noqa: F401 (exported through __all__)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
