"""Strict JSON text: the one reader of JSON for documents and framework packs alike.

Beyond :func:`json.loads` it refuses what would be misread later: a key given twice
in one object (JSON allows it and keeps the last), ``NaN`` and ``Infinity`` (not
JSON numbers), whole numbers too long to read, text that is not UTF-8, and nesting
deeper than Python can follow. Each ends in one :class:`~ilacs.errors.DocumentError`
at path ``$``.

>>> parse('{"id": 1, "id": 2}', what="framework pack")
Traceback (most recent call last):
...
ilacs.errors.DocumentError: framework pack cannot be loaded (1 problem(s)):
  - $: the key 'id' appears twice in one object
"""

import json
from typing import Any

from ilacs.base.text import shown
from ilacs.errors import DocumentError, Problem

__all__ = ["MAX_DIGITS", "parse"]

#: The longest whole number read, in digits (Python's own limit for converting text).
MAX_DIGITS = 4300


class _RefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"the key {shown(key)} appears twice in one object"
                raise _RefusedError(msg)
            seen.add(key)
    return result


def _no_constant(name: str) -> object:
    msg = f"{name} is not a JSON number"
    raise _RefusedError(msg)


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        msg = f"a whole number of {len(text.lstrip('-')):,} digits is too long to read"
        raise _RefusedError(msg)
    return int(text)


def parse(text: str | bytes, *, what: str = "JSON document") -> object:
    """The data of JSON text, or a DocumentError saying why it cannot be read.

    >>> parse('{"urn": 80498}')
    {'urn': 80498}
    >>> parse("[NaN]")
    Traceback (most recent call last):
    ...
    ilacs.errors.DocumentError: JSON document cannot be loaded (1 problem(s)):
      - $: NaN is not a JSON number
    """
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=_whole_number,
        )
    except _RefusedError as error:
        message = error.message
    except json.JSONDecodeError as error:
        message = f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}"
    except UnicodeDecodeError as error:
        message = f"not valid UTF-8 text: {error.reason}"
    except RecursionError:
        message = "nested too deeply to read"
    except ValueError as error:  # the interpreter's own limits on numbers
        message = f"cannot be read: {shown(str(error))}"
    raise DocumentError.listing(what, [Problem("$", message)])
