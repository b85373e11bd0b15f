"""The one cattrs converter ilacs uses, beneath every layer.

It knows cattrs and pendulum and nothing of the model, so that framework packs,
documents and any later edge share the same strict rules for dates, strings and
numbers. It is the only module that imports cattrs.
"""

import enum
import math
import re
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.cols
import pendulum
from cattrs.preconf.json import make_converter

from ilacs.errors import DocumentError, IlacsError, ValidationError

__all__ = ["CONVERTER", "structure", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date-time always carries a time and an offset; Z or ±hh:mm.
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})"
)


class _WrongTypeError(IlacsError, TypeError):
    """A JSON value of the wrong type, reported with the type expected."""


def _describe(value: object) -> str:
    return f"{type(value).__name__} {value!r}"


def _structure_date(value: object, _: type) -> pendulum.Date:
    # Only the extended calendar form: Python 3.11 also reads "20181214" and week
    # dates, which would not dump back to the same bytes.
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        msg = f"expected an ISO 8601 date such as 2018-12-14, got {_describe(value)}"
        raise _WrongTypeError(msg)
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a date on the calendar"
        raise _WrongTypeError(msg) from None


def _structure_datetime(value: object, _: type) -> pendulum.DateTime:
    if not isinstance(value, str) or not _ISO_DATETIME.fullmatch(value):
        msg = (
            "expected an ISO 8601 date-time with a UTC offset such as "
            f"2018-12-14T09:30:00+00:00, got {_describe(value)}"
        )
        raise _WrongTypeError(msg)
    try:
        parsed = pendulum.DateTime.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a time on the calendar"
        raise _WrongTypeError(msg) from None
    return pendulum.instance(parsed)


def _unstructure_date(value: pendulum.Date) -> str:
    return value.isoformat()


def _strict(kind: type, name: str) -> Callable[[object, type], object]:
    def hook(value: object, _: type) -> object:
        # bool is an int to Python, never to a document.
        if type(value) is not kind:
            msg = f"expected {name}, got {_describe(value)}"
            raise _WrongTypeError(msg)
        return value

    return hook


def _structure_number(value: object, _: type) -> float:
    # A JSON number, whole or not; never a bool, a string or a non-finite value.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        msg = f"expected a number, got {_describe(value)}"
        raise _WrongTypeError(msg)
    return float(value)


def _is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        values = ", ".join(repr(member.value) for member in kind)
        msg = f"must be one of {values} (got {_describe(value)})"
        raise _WrongTypeError(msg) from None


def _is_sequence(kind: object) -> bool:
    return cattrs.cols.is_sequence(kind) and not cattrs.cols.is_namedtuple(kind)


def _sequence_factory(
    kind: Any,  # noqa: ANN401 (a typing form such as tuple[str, ...])
    converter: cattrs.BaseConverter,
) -> Callable[[object, type], object]:
    # cattrs iterates whatever it is given, so "practice" would become ('p', 'r', ...):
    # only a JSON array is a sequence.
    if typing.get_origin(kind) is tuple:
        base = cattrs.cols.homogenous_tuple_structure_factory(kind, converter)
    else:
        base = cattrs.cols.list_structure_factory(kind, converter)

    def hook(value: object, expected: type) -> object:
        if not isinstance(value, list | tuple):
            msg = f"expected a list, got {_describe(value)}"
            raise _WrongTypeError(msg)
        return base(value, expected)

    return hook


def _make() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True, prefer_attrib_converters=False)
    converter.register_structure_hook(pendulum.DateTime, _structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, _unstructure_date)
    converter.register_structure_hook(pendulum.Date, _structure_date)
    converter.register_unstructure_hook(pendulum.Date, _unstructure_date)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_structure_hook_factory(_is_sequence, _sequence_factory)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(float, _structure_number)
    return converter


CONVERTER = _make()


# Joins a message to the field and code of the error behind it, through cattrs'
# "message @ path" lines; repr never writes this character unescaped.
_SEPARATOR = "\x1f"


def _format(error: BaseException, expected: type | None) -> str:
    if isinstance(error, ValidationError) and error.field is not None:
        # An attrs validator or a cross-field check runs in the constructor, which
        # cattrs reports at the object: carry the field so the path can name it.
        return _SEPARATOR.join((str(error), error.field, error.code or ""))
    if isinstance(error, IlacsError):
        return str(error)
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(error.extra_fields))
        return f"unknown key(s) {keys}: this version of ilacs does not read them"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, AttributeError | TypeError) and expected is not None:
        return f"expected {getattr(expected, '__name__', expected)}"
    return cattrs.v.format_exception(error, expected)


def _problem(line: str) -> tuple[str, str | None]:
    message, _, path = line.rpartition(" @ ")
    if not message:
        return line, None
    message, _, rest = message.partition(_SEPARATOR)
    field, _, code = rest.partition(_SEPARATOR)
    if field:
        path = f"{path}{'' if field.startswith('[') else '.'}{field}"
    return f"{path}: {message}", code or None


def structure(data: object, cls: type[T], *, what: str) -> T:
    """Build ``cls`` from plain data, or raise one DocumentError listing every problem.

    ``what`` names the document in the message ("framework pack 'ilacs-2018'").
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        msg = f"{what}: expected a mapping (a JSON object), got {_describe(data)}"
        raise DocumentError(msg, problems=(f"$: {msg}",))
    try:
        return CONVERTER.structure(data, cls)
    except (cattrs.BaseValidationError, IlacsError, KeyError, TypeError, ValueError) as error:
        found = [
            _problem(line)
            for line in cattrs.transform_error(error, path="$", format_exception=_format)
        ]
        problems = tuple(problem for problem, _ in found)
        listing = "\n".join(f"  - {problem}" for problem in problems)
        msg = f"{what} cannot be loaded ({len(problems)} problem(s)):\n{listing}"
        raise DocumentError(
            msg, problems=problems, codes=tuple(code for _, code in found)
        ) from error


def unstructure(value: object) -> Any:  # noqa: ANN401 (JSON-shaped data of any shape)
    """Turn a model value into plain JSON-shaped data."""
    return CONVERTER.unstructure(value)
