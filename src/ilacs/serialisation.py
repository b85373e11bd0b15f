"""Documents on the wire: JSON, YAML, JSON Schema, migrations: the public path of :mod:`ilacs.wire.serialisation`.

Import it as ``ilacs.serialisation``; the module's home in the layers is ``ilacs.wire.serialisation``
(see the architecture page of the documentation).
"""

from ilacs.wire import serialisation as _home
from ilacs.wire.serialisation import *  # noqa: F403 (this module is that one at its public path)

__all__ = _home.__all__
__doc__ = _home.__doc__  # help() and the docs show the home module's text
