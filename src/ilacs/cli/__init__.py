"""The ``ilacs`` command line: the application on top of every layer and edge.

Run ``ilacs --help`` (or ``python -m ilacs --help``) for the commands and examples.
Exit status: 0 when all is well, 1 when the input has errors, 2 for a usage error or
a file that cannot be read or written, 3 for an internal error (a bug, reported in
one line; ``ilacs --debug`` shows its traceback). It is the one package that may
import every edge.

- :mod:`ilacs.cli.main`: the parser, and :func:`main`, where errors become statuses;
- :mod:`ilacs.cli.documents`: validate, show, deadlines, report, convert, schema;
- :mod:`ilacs.cli.data`: import, export-csv, frameworks, authorities;
- :mod:`ilacs.cli.files`: reading documents (files or stdin) and writing output atomically;
- :mod:`ilacs.cli.options`: option types and the parser pieces commands share;
- :mod:`ilacs.cli.status`: the exit statuses and the error that ends a command.

>>> from ilacs.cli import main
>>> callable(main)
True
"""

from ilacs.cli.main import main, main_exit

__all__ = ["main", "main_exit"]
