"""The command line's exit statuses, and the error that ends a command with one.

Every command ends with one of these statuses, and ``ilacs --help`` and
``docs/how-to/command-line.md`` document them:

- :data:`OK` (0): all is well;
- :data:`INPUT_ERROR` (1): the input has errors;
- :data:`USAGE_ERROR` (2): a usage error, or a file that cannot be read or written;
- :data:`INTERNAL_ERROR` (3): a bug in ilacs, to be reported;
- :data:`INTERRUPTED` (130): the user pressed Ctrl-C, as shells count it.

>>> CommandError("cannot read plan.json: No such file or directory", USAGE_ERROR).status
2
"""

from collections.abc import Sequence
from typing import NoReturn

__all__ = [
    "INPUT_ERROR",
    "INTERNAL_ERROR",
    "INTERRUPTED",
    "OK",
    "USAGE_ERROR",
    "CommandError",
    "usage",
]

OK = 0
INPUT_ERROR = 1
USAGE_ERROR = 2
INTERNAL_ERROR = 3
INTERRUPTED = 130


class CommandError(Exception):
    """Ends a command: each line goes to stderr after the command's name, then exit ``status``.

    A message is one line; a document that cannot be loaded gives one line for each
    problem, so that each names its file and path as a validator's output does.

    >>> error = CommandError(["plan.json:$.kind: required key missing"], INPUT_ERROR)
    >>> error.lines, error.status
    (('plan.json:$.kind: required key missing',), 1)
    """

    def __init__(self, message: str | Sequence[str], status: int) -> None:
        self.lines = (message,) if isinstance(message, str) else tuple(message)
        super().__init__("\n".join(self.lines))
        self.status = status


def usage(message: str) -> NoReturn:
    """End the command as misused (exit status 2) with this message.

    >>> usage("cannot read plan.json: No such file or directory")
    Traceback (most recent call last):
    ...
    ilacs.cli.status.CommandError: cannot read plan.json: No such file or directory
    """
    raise CommandError(message, USAGE_ERROR)
