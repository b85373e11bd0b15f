"""The ``ilacs`` command line: the application on top of every layer and edge.

Run ``ilacs --help`` (or ``python -m ilacs --help``) for the commands and examples.
Exit status: 0 when all is well, 1 when the input has errors, 2 for a usage error or
a file that cannot be read. It is the one package that may import every edge.

>>> from ilacs.cli import main
>>> callable(main)
True
"""

from ilacs.cli.main import main, main_exit

__all__ = ["main", "main_exit"]
