"""The exceptions ilacs raises.

Every exception the library raises on bad input derives from :class:`IlacsError`,
so one ``except IlacsError`` catches them all. Messages name the field, the value
and the rule; the same facts are kept as attributes for programs.

>>> from ilacs import Grade
>>> from ilacs.errors import IlacsError
>>> try:
...     Grade.parse("Adequate")
... except IlacsError as error:
...     print(error)
'Adequate' is not a grade on the Ofsted four-point scale (Outstanding, Good, Requires improvement to be good, Inadequate)
"""

# This module imports nothing from the package: every other module may import it.

from typing import Self

__all__ = [
    "CalendarError",
    "CsvFormatError",
    "DocumentError",
    "FileWriteError",
    "FrameworkError",
    "GradeError",
    "IlacsError",
    "MissingExtraError",
    "Problem",
    "TransitionError",
    "UnknownAuthorityError",
    "UnknownFrameworkError",
    "ValidationError",
]


#: The longest an error message may be: messages name values, and values can be huge.
MESSAGE_LIMIT = 4000


class IlacsError(Exception):
    """The root of every error ilacs raises on purpose.

    Its message is never longer than :data:`MESSAGE_LIMIT` characters, whatever
    the input it names: a longer one keeps its beginning and its end.

    >>> len(str(IlacsError("x" * 100_000))) <= MESSAGE_LIMIT
    True
    """

    def __init__(self, *args: object) -> None:
        if len(args) == 1 and isinstance(args[0], str) and len(args[0]) > MESSAGE_LIMIT:
            text = args[0]
            gap = f" ... ({len(text) - MESSAGE_LIMIT + 100:,} characters left out) ... "
            head = MESSAGE_LIMIT - 600 - len(gap)
            args = (f"{text[:head]}{gap}{text[-500:]}",)
        super().__init__(*args)


class ValidationError(IlacsError, ValueError):
    """Raised when a value can never be right: a wrong type, an impossible date order.

    Attributes:
        field: the name of the field at fault, when there is one; an item of a
            tuple field is named with its index, such as ``history[2]``.
        value: the value that was rejected.
        code: the stable ``ILACS-V...`` code of the rule, where one names it, so
            that :func:`ilacs.validate` reports a document that breaks it under
            that code.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.code = code


class TransitionError(ValidationError):
    """Raised when an action's history goes back in time or its status moves backwards.

    A status moves forward only; a step back is recorded as a setback, with a note.

    Attributes:
        before: the change before the one at fault (None for the first).
        after: the change at fault.
    """

    def __init__(  # noqa: PLR0913 (the facts of a transition, all keyword-only)
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        code: str | None = None,
        before: object = None,
        after: object = None,
    ) -> None:
        super().__init__(message, field=field, value=value, code=code)
        self.before = before
        self.after = after


class GradeError(ValidationError):
    """Raised when text or a value is not a grade on the scale in use."""


class FrameworkError(IlacsError, ValueError):
    """Raised when a framework pack is malformed or conflicts with one already registered."""


class UnknownFrameworkError(IlacsError, LookupError):
    """Raised when no framework has the id asked for, or none was in force on a date.

    Attributes:
        key: the id or date that was looked up.
    """

    def __init__(self, message: str, *, key: object) -> None:
        super().__init__(message)
        self.key = key


class CalendarError(IlacsError, ValueError):
    """Raised when working-day arithmetic is asked something it cannot answer.

    For example a date outside the years the holiday calendar covers.
    """


class Problem(str):
    """One thing wrong with a document: where it is, what is wrong, and the rule's code.

    A problem reads as ``"path: message"``, so it prints and compares as text, and
    keeps its parts for programs: ``path`` (a JSON path such as ``$.judgements[0].grade``),
    ``message`` and ``code`` (the ``ILACS-V...`` code of the rule it breaks, where the
    rule has its own, else None).

    >>> problem = Problem("$.urn", "must be a positive number (got int 0)")
    >>> problem
    Problem('$.urn', 'must be a positive number (got int 0)', code=None)
    >>> print(problem)
    $.urn: must be a positive number (got int 0)
    >>> problem.path, problem.code
    ('$.urn', None)
    """

    __slots__ = ("code", "message", "path")

    path: str
    message: str
    code: str | None

    def __new__(cls, path: str, message: str, code: str | None = None) -> Self:
        """A problem at ``path``, with its ``message`` and the rule's ``code``."""
        problem = super().__new__(cls, f"{path}: {message}")
        problem.path, problem.message, problem.code = path, message, code
        return problem

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r}, code={self.code!r})"

    def __reduce__(self) -> tuple[type["Problem"], tuple[str, str, str | None]]:
        return (Problem, (self.path, self.message, self.code))


#: How many problems a DocumentError's message lists (its ``problems`` keep them all),
#: and how long each may be there: the message stays under 4 KB whatever the input.
_LISTED = 20
#: How long one listed problem may be in the message.
_PROBLEM_LENGTH = 160


def _listed(problems: "tuple[Problem, ...]") -> list[str]:
    lines = [
        str(problem) if len(problem) <= _PROBLEM_LENGTH else f"{problem[:_PROBLEM_LENGTH]}..."
        for problem in problems[:_LISTED]
    ]
    if len(problems) > _LISTED:
        lines.append(f"... and {len(problems) - _LISTED} more")
    return lines


class DocumentError(IlacsError, ValueError):
    """Raised when a document (JSON, YAML, a dictionary or a data pack) cannot be loaded.

    Attributes:
        problems: every :class:`Problem` found, each with its path, message and code
            (:attr:`codes` lists the codes alone).

    >>> error = DocumentError.listing(
    ...     "inspection document", [Problem("$.kind", "required key missing")]
    ... )
    >>> print(error)
    inspection document cannot be loaded (1 problem(s)):
      - $.kind: required key missing
    >>> error.problems[0].path
    '$.kind'
    """

    def __init__(
        self, message: str, *, problems: "tuple[Problem, ...] | list[Problem]" = ()
    ) -> None:
        super().__init__(message)
        self.problems = tuple(problems)

    def listed(self) -> list[str]:
        """The problems as the message lists them: the first 20, each cut to 160 characters.

        >>> error = DocumentError.listing(
        ...     "a document", [Problem(f"$[{i}]", "bad") for i in range(25)]
        ... )
        >>> error.listed()[-2:]
        ['$[19]: bad', '... and 5 more']
        """
        return _listed(self.problems)

    @property
    def codes(self) -> tuple[str | None, ...]:
        """The code of each problem, in order (None where the rule has no code of its own)."""
        return tuple(problem.code for problem in self.problems)

    @classmethod
    def listing(cls, what: str, problems: "tuple[Problem, ...] | list[Problem]") -> "DocumentError":
        """The error for ``what`` with its problems listed, one a line, in a message of bounded size.

        The message lists the first 20 problems, each cut to 160 characters; the
        ``problems`` attribute keeps every one in full.
        """
        found = tuple(dict.fromkeys(problems))
        listing = "\n".join(f"  - {line}" for line in _listed(found))
        return cls(f"{what} cannot be loaded ({len(found)} problem(s)):\n{listing}", problems=found)


class UnknownAuthorityError(IlacsError, LookupError):
    """Raised when no authority in the registry has the code or name looked up.

    The message suggests the closest names, where there are any.

    Attributes:
        key: the code or name looked up.
        suggestions: the names of the closest authorities, best first (may be empty).

    >>> from ilacs import authorities
    >>> try:
    ...     authorities.get("Northumbria")
    ... except UnknownAuthorityError as error:
    ...     print(error.suggestions)
    ('Northumberland',)
    """

    def __init__(self, message: str, *, key: object, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.key = key
        self.suggestions = suggestions


class CsvFormatError(IlacsError, ValueError):
    """Raised when a file cannot be read as the table an importer expects.

    For example: it cannot be opened, it is not UTF-8 text, it is not CSV, it is
    empty, or it lacks a column the importer needs. A row that cannot be taken is
    not an error: it is reported as a :class:`SkippedRow`.

    Attributes:
        source: the file's path or the stream's name.
        line: the line at fault, where there is one (the header is line 1).
        missing: the columns the file lacks, where that is the problem.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str,
        line: int | None = None,
        missing: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.missing = missing


class FileWriteError(IlacsError, OSError):
    """Raised when a file cannot be written; the file that was there is left whole.

    Attributes:
        target: the path that was to be written.
    """

    def __init__(self, message: str, *, target: str) -> None:
        super().__init__(message)
        self.target = target


class MissingExtraError(IlacsError, ImportError):
    """Raised when a feature needs an optional extra that is not installed.

    The message names what needs it and the command that installs it; the command
    line exits 2 on it, as for any other problem with the environment.

    Attributes:
        extra: the extra to install, such as ``"yaml"`` (``pip install 'ilacs[yaml]'``).
        package: the missing distribution, such as ``"PyYAML"``.
    """

    def __init__(self, message: str, *, extra: str, package: str) -> None:
        super().__init__(message)
        self.extra = extra
        self.package = package
