"""attrs validators that fail with an ilacs error naming the field, the value and the rule.

attrs' own validators raise a bare ``TypeError``; ours raise
:class:`~ilacs.errors.ValidationError`, so bad input always ends in a library error.
"""

import datetime
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn

import pendulum

from ilacs.base.text import describe
from ilacs.errors import IlacsError, ValidationError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "CONTROL",
    "LARGEST_WHOLE_NUMBER",
    "TEXT",
    "WHITE_SPACE",
    "at_least",
    "at_most",
    "date",
    "datetime_",
    "instance_of",
    "is_date",
    "items_of",
    "matches",
    "not_empty",
    "optional",
    "reject",
    "text",
    "tuple_of",
    "unique",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _describing(check: Validator, **facts: object) -> Validator:
    # The JSON Schema edge reads these facts (pattern, min_length, inner) instead of
    # guessing from a function's closure.
    for name, value in facts.items():
        setattr(check, name, value)
    return check


def _type_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def items_of(field: str, value: object, kind: type, what: str) -> tuple[Any, ...]:
    """The items of an argument that must be a collection of ``kind``, or a ValidationError.

    A single ``kind`` value, a string or anything that is not iterable is refused as
    not a collection; an item of another type is refused by name. ``what`` names
    the items in the message ("Inspection values").

    >>> items_of("days", [pendulum.date(2019, 3, 19)], pendulum.Date, "dates")
    (Date(2019, 3, 19),)
    >>> items_of("days", pendulum.date(2019, 3, 19), pendulum.Date, "dates")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'days' must be a collection of dates (got Date Date(2019, 3, 19))
    """
    if isinstance(value, kind | str | bytes) or not isinstance(value, Iterable):
        reject(field, value, f"must be a collection of {what}")
    found = tuple(value)
    for item in found:
        if not isinstance(item, kind):
            reject(field, item, f"must hold only {what}")
    return found


def reject(field: str, value: object, rule: str) -> NoReturn:
    """Raise the error for ``field``: ``'field' <rule> (got <type> <value>)``."""
    msg = f"{field!r} {rule} (got {describe(value)})"
    raise ValidationError(msg, field=field, value=value)


def _reject(attribute: "attrs.Attribute[Any]", value: object, rule: str) -> NoReturn:
    reject(attribute.name, value, rule)


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    """The value is an instance of ``kind`` (and a bool is never taken for an int)."""

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, kind):
            _reject(attribute, value, f"must be {_type_name(kind)}")

    def check_int(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            _reject(attribute, value, "must be int")

    return check_int if kind is int else check


def is_date(value: object) -> bool:
    """True for a ``pendulum.Date`` that is not a date-time (DateTime subclasses Date)."""
    return isinstance(value, pendulum.Date) and not isinstance(value, datetime.datetime)


def date(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """The value is a ``pendulum.Date`` and not a date-time."""
    if value.__class__ is not pendulum.Date and not is_date(value):
        _reject(attribute, value, "must be a pendulum.Date (a date without a time)")


def datetime_(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """The value is a timezone-aware ``pendulum.DateTime``."""
    if not isinstance(value, pendulum.DateTime) or value.tzinfo is None:
        _reject(attribute, value, "must be a timezone-aware pendulum.DateTime")


#: The characters the text rule counts as white space, as a regular expression's
#: class body: what Python (``str.isspace``) or JavaScript (``\s``) counts, and the
#: byte order mark.
WHITE_SPACE = (
    r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
#: The control characters text may not hold: every one but tab and the line breaks.
CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
#: The text rule as a regular expression that means the same in Python and in
#: JavaScript: neither white space nor a control character first and last, and no
#: control character between.
TEXT = f"[^{WHITE_SPACE}{CONTROL}](?:[^{CONTROL}]*[^{WHITE_SPACE}{CONTROL}])?"
_BLANK = re.compile(f"[{WHITE_SPACE}{CONTROL}]*")
_EDGE = re.compile(f"[{WHITE_SPACE}]")
_CONTROLS = re.compile(f"[{CONTROL}]")


def text(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    r"""The value is text: not blank, not padded with white space, no control characters.

    White space is what Python or JavaScript counts as such (:data:`WHITE_SPACE`);
    tabs and line breaks may come inside the text, other control characters nowhere.

    >>> import attrs
    >>> @attrs.frozen
    ... class Note:
    ...     words: str = attrs.field(validator=text)
    >>> Note("two\nlines").words
    'two\nlines'
    >>> Note("padded\ufeff")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'words' must not start or end with white space (got str 'padded\ufeff')
    """
    if not isinstance(value, str):
        _reject(attribute, value, "must be a string")
    if _BLANK.fullmatch(value):
        _reject(attribute, value, "must not be empty")
    if _CONTROLS.search(value):
        _reject(attribute, value, "must not hold control characters (but tabs and line breaks)")
    if _EDGE.match(value) or _EDGE.match(value[-1]):
        _reject(attribute, value, "must not start or end with white space")


_describing(text, pattern=TEXT, min_length=1)


#: What a pattern may not use, as it means one thing in Python and another in
#: JavaScript: ``\s``, ``\S``, ``\b``, ``\B`` and ``.`` (white space, word
#: boundaries and line ends differ), ``$`` (Python lets a final line break through)
#: and inline flags.
_DIALECT_DEPENDENT = re.compile(r"\\[sSbBZAz]|(?<!\\)[.$]|\(\?[aiLmsux]")


def matches(pattern: str, rule: str) -> Validator:
    r"""The value is a string matching ``pattern`` in full; ``rule`` says what that means.

    The pattern is read with ASCII semantics (``\d`` is ``[0-9]``, as in JavaScript),
    so that the JSON Schema's copy of it means the same in both languages; a pattern
    using what the two read differently is refused.

    >>> import attrs
    >>> @attrs.frozen
    ... class Code:
    ...     dfe: str = attrs.field(validator=matches(r"\d{3}", "three digits"))
    >>> Code("\u0660\u0660\u0668")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'dfe' must be three digits (got str '٠٠٨')
    >>> matches(r"\S+", "a word")
    Traceback (most recent call last):
    ...
    ilacs.errors.IlacsError: the pattern '\\S+' uses what Python and JavaScript read differently (\s, \S, \b, \B, ., $ or a flag)
    """
    if _DIALECT_DEPENDENT.search(pattern.replace("\\\\", "")):
        msg = (
            f"the pattern {pattern!r} uses what Python and JavaScript read differently"
            " (\\s, \\S, \\b, \\B, ., $ or a flag)"
        )
        raise IlacsError(msg)
    compiled = re.compile(pattern, re.ASCII)

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            _reject(attribute, value, f"must be {rule}")

    return _describing(check, pattern=pattern)


def not_empty(rule: str = "must not be empty") -> Validator:
    """The value (a tuple) has at least one item; ``rule`` says what that means."""

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value == ():
            _reject(attribute, value, rule)

    return _describing(check, min_items=1)


def at_least(minimum: int, rule: str | None = None) -> Validator:
    """None, or a number no smaller than ``minimum`` (the type is checked elsewhere)."""
    words = rule or f"must be {minimum} or more"

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if isinstance(value, int) and value < minimum:
            _reject(attribute, value, words)

    return _describing(check, minimum=minimum)


#: The largest whole number every JSON reader holds exactly (JavaScript's safe integers).
LARGEST_WHOLE_NUMBER = 2**53 - 1


def at_most(maximum: int, rule: str | None = None) -> Validator:
    """None, or a number no larger than ``maximum`` (the type is checked elsewhere).

    >>> import attrs
    >>> @attrs.frozen
    ... class Count:
    ...     n: int = attrs.field(validator=at_most(12))
    >>> Count(13)
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'n' must be 12 or less (got int 13)
    """
    words = rule or f"must be {maximum} or less"

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if isinstance(value, int) and value > maximum:
            _reject(attribute, value, words)

    return _describing(check, maximum=maximum)


def optional(validator: Validator | list[Validator]) -> Validator:
    """None, or a value the validator (or every validator of a list) accepts."""
    validators = validator if isinstance(validator, list) else [validator]

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is not None:
            for each in validators:
                each(instance, attribute, value)

    return _describing(check, inner=tuple(validators))


def tuple_of(validator: Validator) -> Validator:
    """A tuple whose every item the validator accepts; the message names the index."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, tuple):
            _reject(attribute, value, "must be a tuple")
        for item in value:
            try:
                validator(instance, attribute, item)
            except Exception:  # noqa: BLE001 (checked again below, where it is raised)
                break
        else:
            return
        # Naming each item costs a copy of the attribute: only an item that failed
        # is checked again under its own name, so the message names its index.
        for index, item in enumerate(value):
            validator(instance, attribute.evolve(name=f"{attribute.name}[{index}]"), item)

    return _describing(check, inner=(validator,), items=validator)


def unique(key: Callable[[Any], object], what: str) -> Validator:
    """No two items of a tuple share ``key``; ``what`` names the key in the message."""

    def check(_: object, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
        if value.__class__ is tuple and len(value) < 2:  # nothing to repeat
            return
        seen: set[object] = set()
        for item in value:
            k = key(item)
            if k in seen:
                msg = f"{attribute.name!r} must not repeat {what} {k!r}"
                raise ValidationError(msg, field=attribute.name, value=k)
            seen.add(k)

    # The schema says uniqueItems: exact for strings and enums, weaker than a key.
    return _describing(check, unique_by=what)
