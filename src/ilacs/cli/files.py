r"""What the commands read and write: documents from files or stdin, output written atomically.

A document is JSON or YAML: by its file's extension (``.json``; ``.yaml`` or
``.yml``), otherwise, as on standard input (``-``), by its content: text whose first
character other than blanks is ``{`` or ``[`` is JSON, anything else is YAML.
Output goes to stdout, or to a file written through
:func:`ilacs.base.files.write_atomically`, so that a failed write leaves the file
that was there whole, even when it is the input itself.

>>> is_yaml("-", "schema_version: 1\n"), is_yaml("-", '  {"schema_version": 1}')
(True, False)
"""

import contextlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ilacs.base.extras import require
from ilacs.base.files import write_atomically
from ilacs.cli.status import INPUT_ERROR, CommandError, usage
from ilacs.errors import DocumentError, FileWriteError, IlacsError, MissingExtraError
from ilacs.wire import serialisation

__all__ = [
    "STDIN",
    "input_errors",
    "is_yaml",
    "load",
    "parse",
    "read_text",
    "require_yaml",
    "stream",
    "write",
]

STDIN = "-"
"""The file name that stands for standard input (or, for output, standard output)."""

_YAML_SUFFIXES = frozenset({".yaml", ".yml"})
_JSON_STARTS = ("{", "[")


def _stdin_text() -> str:
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a text stream without bytes beneath it, as in tests
        return sys.stdin.read()
    data: bytes = raw.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        usage(f"cannot read standard input: not UTF-8 text ({error.reason} at byte {error.start})")


def read_text(path: str) -> str:
    """The text of a file, or of standard input for ``-``; a usage error if it cannot be read.

    >>> read_text("no/such/file.json")
    Traceback (most recent call last):
    ...
    ilacs.cli.status.CommandError: cannot read no/such/file.json: No such file or directory
    """
    if path == STDIN:
        return _stdin_text()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        usage(f"cannot read {path}: {error.strerror or error}")
    except UnicodeDecodeError as error:
        usage(f"cannot read {path}: not UTF-8 text ({error.reason} at byte {error.start})")


def stream(path: str) -> TextIO | str:
    """What an importer reads: the path itself, or standard input's text for ``-``.

    >>> stream("national.csv")
    'national.csv'
    """
    if path != STDIN:
        return path
    text = io.StringIO(_stdin_text(), newline="")
    text.name = "<stdin>"
    return text


def is_yaml(path: str, text: str) -> bool:
    r"""Whether a document is YAML: by the file's extension, else by the text itself.

    >>> is_yaml("plan.yaml", "{}"), is_yaml("plan.json", "kind: standard")
    (True, False)
    >>> is_yaml("plan.txt", "kind: standard"), is_yaml("-", "\n\n[]")
    (True, False)
    """
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    if suffix in _YAML_SUFFIXES:
        return True
    if suffix == ".json":
        return False
    start = text.lstrip("\ufeff").lstrip()[:1]
    return start not in {"", *_JSON_STARTS}


def require_yaml() -> None:
    """A MissingExtraError (exit 2) naming the extra to install, unless PyYAML can be imported.

    >>> require_yaml()  # PyYAML is installed with the test extra
    """
    require("yaml", extra="yaml", package="PyYAML", needed_for="reading and writing YAML")


def require_matplotlib() -> None:
    """A MissingExtraError (exit 2) naming the extra to install, unless matplotlib is there.

    >>> require_matplotlib()  # matplotlib is installed with the development extras
    """
    require("matplotlib", extra="pictures", package="matplotlib", needed_for="drawing pictures")


def parse(path: str, text: str) -> serialisation.Document:
    r"""The document in a file's text, read as JSON or YAML (see :func:`is_yaml`).

    Raises :class:`ilacs.errors.DocumentError` when it cannot be loaded.

    >>> parse(
    ...     "-", "schema_version: 1\ndocument_type: inspections\nframeworks: []\ninspections: []\n"
    ... )
    ()
    """
    if is_yaml(path, text):
        require_yaml()
        return serialisation.loads_yaml(text)
    return serialisation.loads(text)


def load(path: str) -> serialisation.Document:
    """The document in a file (``-``: stdin); an input error with one line a problem if it is wrong.

    >>> load("examples/data/haringey-2018.json").authority.name
    'Haringey'
    """
    text = read_text(path)
    try:
        return parse(path, text)
    except DocumentError as error:
        # The first 20 problems, as the error's message lists them: never thousands of lines.
        lines = [f"{path}:{line}" for line in error.listed()] or [f"{path}: {error}"]
        raise CommandError(lines, INPUT_ERROR) from error


@contextlib.contextmanager
def input_errors(path: str) -> Iterator[None]:
    """Turn an IlacsError raised while using a file's document into an input error naming it.

    >>> from ilacs.errors import CalendarError
    >>> with input_errors("plan.json"):
    ...     raise CalendarError("'day' must fall within 1990 to 2100 (got 9999-12-05)")
    Traceback (most recent call last):
    ...
    ilacs.cli.status.CommandError: plan.json: 'day' must fall within 1990 to 2100 (got 9999-12-05)
    """
    try:
        yield
    except (FileWriteError, MissingExtraError):
        raise  # not the input's fault: an output or the environment (exit 2)
    except IlacsError as error:
        message = f"{path}: {error}"
        raise CommandError(message, INPUT_ERROR) from error


def write(text: str, output: str | None) -> None:
    r"""Write to stdout (no ``-o``, or ``-o -``), or atomically to the file named.

    A failed write raises :class:`ilacs.base.files.FileWriteError` naming the file,
    and leaves what was there whole.

    >>> write("ilacs\n", None)
    ilacs
    """
    if output is None or output == STDIN:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
