"""The optional extras: importing one, or a clear error naming what to install.

Every module that uses an extra (PyYAML, python-calamine and XlsxWriter, matplotlib,
the web app's framework) imports it through :func:`require` when first used, so
``import ilacs`` never needs them, and their absence is one
:class:`~ilacs.errors.MissingExtraError` that names the extra.

>>> require("yaml", extra="yaml", package="PyYAML", needed_for="reading YAML").__name__
'yaml'
>>> require("no_such_module", extra="pictures", package="matplotlib", needed_for="drawing pictures")
Traceback (most recent call last):
...
ilacs.errors.MissingExtraError: drawing pictures needs matplotlib, which is not installed: pip install 'ilacs[pictures]'
"""

import importlib
from types import ModuleType

from ilacs.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, *, extra: str, package: str, needed_for: str) -> ModuleType:
    """Import ``module`` from the extra ``extra``, or raise MissingExtraError naming it.

    ``needed_for`` says what needs it, as the start of the message ("reading YAML");
    ``package`` is the distribution to install ("PyYAML").
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f"{needed_for} needs {package}, which is not installed: pip install 'ilacs[{extra}]'"
        raise MissingExtraError(msg, extra=extra, package=package) from None
