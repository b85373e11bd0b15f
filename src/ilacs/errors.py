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

__all__ = [
    "CalendarError",
    "CsvFormatError",
    "DocumentError",
    "FrameworkError",
    "GradeError",
    "IlacsError",
    "TransitionError",
    "UnknownAuthorityError",
    "UnknownFrameworkError",
    "ValidationError",
]


class IlacsError(Exception):
    """The root of every error ilacs raises on purpose."""


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


class DocumentError(IlacsError, ValueError):
    """Raised when a document (JSON, YAML, a dictionary or a data pack) cannot be loaded.

    Attributes:
        problems: every problem found, each a message that starts with its path.
        codes: for each problem, the ``ILACS-V...`` code of the rule it breaks
            where the rule has one, else None.
    """

    def __init__(
        self,
        message: str,
        *,
        problems: tuple[str, ...] = (),
        codes: tuple[str | None, ...] | None = None,
    ) -> None:
        super().__init__(message)
        self.problems = problems
        self.codes = codes if codes is not None else (None,) * len(problems)


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
