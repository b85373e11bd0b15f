"""attrs validators that fail with an ilacs error naming the field, the value and the rule.

attrs' own validators raise a bare ``TypeError``; ours raise
:class:`~ilacs.errors.ValidationError`, so bad input always ends in a library error.
"""

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import pendulum

from ilacs.base.text import describe
from ilacs.errors import ValidationError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "LARGEST_WHOLE_NUMBER",
    "at_least",
    "at_most",
    "date",
    "datetime_",
    "instance_of",
    "is_date",
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


def text(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """The value is a string with something in it besides white space."""
    if not isinstance(value, str):
        _reject(attribute, value, "must be a string")
    stripped = value.strip()
    if not stripped:
        _reject(attribute, value, "must not be empty")
    if stripped != value:
        _reject(attribute, value, "must not start or end with white space")


text.min_length = 1  # type: ignore[attr-defined]


def matches(pattern: str, rule: str) -> Validator:
    """The value is a string matching ``pattern`` in full; ``rule`` says what that means."""
    compiled = re.compile(pattern)

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            _reject(attribute, value, f"must be {rule}")

    return _describing(check, pattern=pattern)


def not_empty(rule: str = "must not be empty") -> Validator:
    """The value (a tuple) has at least one item; ``rule`` says what that means."""

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value == ():
            _reject(attribute, value, rule)

    return check


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

    return _describing(check, inner=(validator,))


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

    return check
