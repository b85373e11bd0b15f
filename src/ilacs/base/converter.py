"""The one cattrs converter ilacs uses, beneath every layer.

It knows cattrs and pendulum and nothing of the model, so that framework packs,
documents and any later edge share the same strict rules for dates, strings and
numbers. It is the only module that imports cattrs.

Loading takes a fast path first: a structuring function generated for each attrs
class, which takes only data of exactly the shape and types the rules allow (every
key present, no other key) and still builds every value through its constructor, so
every validator runs. Anything else, right or wrong, goes through the cattrs
converter: it reads what people write by hand (a key with a default left out, a
grade written by its label) and reports everything that is wrong with an object at
once, its cross-field checks included.
"""

import contextlib
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.cols
import pendulum
from cattrs.preconf.json import make_converter

from ilacs.base.text import describe, shown
from ilacs.errors import DocumentError, IlacsError, Problem, ValidationError

__all__ = ["CONVERTER", "DATES_READ", "date_from_text", "problems", "structure", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date-time always carries a time and an offset; Z or ±hh:mm.
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})"
)


class _WrongTypeError(IlacsError, TypeError):
    """A JSON value of the wrong type, reported with the type expected."""


# Dates read, by their text: documents repeat the same few thousand days, and a
# date is an immutable value, so equal texts share one object (time and memory).
_DATES: dict[str, pendulum.Date] = {}
_DATES_KEPT = 8192

#: The dates read so far, by their text (at most 8,192 of them): a date found here is
#: the one :func:`date_from_text` returns for that text. Only this module writes it.
DATES_READ: Mapping[str, pendulum.Date] = types.MappingProxyType(_DATES)


def _structure_date(value: object, _: type = pendulum.Date) -> pendulum.Date:
    if value.__class__ is str and value in _DATES:
        return _DATES[value]
    # Only the extended calendar form: Python 3.11 also reads "20181214" and week
    # dates, which would not dump back to the same bytes.
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        msg = f"expected an ISO 8601 date such as 2018-12-14, got {describe(value)}"
        raise _WrongTypeError(msg)
    try:
        date = pendulum.Date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a date on the calendar"
        raise _WrongTypeError(msg) from None
    if value.__class__ is str:
        if len(_DATES) >= _DATES_KEPT:
            _DATES.clear()
        _DATES[value] = date
    return date


def date_from_text(text: object) -> pendulum.Date:
    """The date of an ISO 8601 calendar date text such as 2018-12-14, as documents read it.

    Equal texts give one shared object. Anything else raises an error naming what
    was expected.

    >>> date_from_text("2018-12-14")
    Date(2018, 12, 14)
    """
    return _structure_date(text)


def _structure_datetime(value: object, _: type) -> pendulum.DateTime:
    if not isinstance(value, str) or not _ISO_DATETIME.fullmatch(value):
        msg = (
            "expected an ISO 8601 date-time with a UTC offset such as "
            f"2018-12-14T09:30:00+00:00, got {describe(value)}"
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
            msg = f"expected {name}, got {describe(value)}"
            raise _WrongTypeError(msg)
        return value

    return hook


def _structure_number(value: object, _: type) -> float:
    # A JSON number, whole or not; never a bool, a string or a non-finite value.
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"expected a number, got {describe(value)}"
        raise _WrongTypeError(msg)
    try:
        number = float(value)
    except OverflowError:
        msg = f"expected a number no larger than about 1.8e308, got int {value}"
        raise _WrongTypeError(msg) from None
    if not math.isfinite(number):
        msg = f"expected a finite number, got {describe(value)}"
        raise _WrongTypeError(msg)
    return number


def _is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        pass
    # An enum that reads its labels (Grade.parse) takes them from hand-written documents.
    parse = getattr(kind, "parse", None)
    if parse is not None and isinstance(value, str):
        with contextlib.suppress(IlacsError):
            member: enum.Enum = parse(value)
            return member
    values = ", ".join(repr(member.value) for member in kind)
    if parse is not None and all(hasattr(member, "label") for member in kind):
        labels = (repr(getattr(member, "label", "")) for member in kind)
        values += ", or their labels " + ", ".join(labels)
    msg = f"must be one of {values} (got {describe(value)})"
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
            msg = f"expected a list, got {describe(value)}"
            raise _WrongTypeError(msg)
        return base(value, expected)

    return hook


def _value_or_none(
    converter: cattrs.Converter,
    data: Mapping[str, Any],
    field: "attrs.Attribute[Any]",
    hint: Any,  # noqa: ANN401 (a class or a typing form)
) -> object:
    if field.name in data:
        with contextlib.suppress(Exception):
            return converter.structure(data[field.name], hint)
        return None
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return None if default.takes_self else default.factory()
    return None if default is attrs.NOTHING else default


def _cross_field_problems(
    converter: cattrs.Converter, cls: type, data: Mapping[str, Any]
) -> list[Exception]:
    """The object's own cross-field check, run on the fields that could be read.

    When a field cannot be read, cattrs never calls the constructor, so a second
    mistake between fields (an on-site end before its start) would be reported only
    once the first is mended. This runs ``__attrs_post_init__`` on an object holding
    what could be read (None where nothing could): a check it raises is reported
    beside the fields' problems; a check that cannot run on what is missing is not.
    """
    check = getattr(cls, "__attrs_post_init__", None)
    if check is None or not isinstance(data, Mapping):
        return []
    partial: object = object.__new__(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        value = _value_or_none(converter, data, field, hints[field.name])
        object.__setattr__(partial, field.name, value)
    try:
        check(partial)
    except ValidationError as error:
        return [error]
    except Exception:  # noqa: BLE001 (the check needs a field that could not be read)
        return []
    return []


def _attrs_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    base: Callable[[Any, type], Any] = converter.gen_structure_attrs_fromdict(cls)

    def hook(data: Any, kind: type) -> Any:  # noqa: ANN401 (any JSON value, the class)
        try:
            return base(data, kind)
        except cattrs.ClassValidationError as error:
            more = _cross_field_problems(converter, cls, data)
            if not more:
                raise
            raise cattrs.ClassValidationError(
                error.message, [*error.exceptions, *more], cls
            ) from None

    return hook


def _make() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True, prefer_attrib_converters=False)
    converter.register_structure_hook_factory(attrs.has, lambda cls: _attrs_factory(cls, converter))
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


class _UnfitError(Exception):
    """The data is not of the one shape the fast path takes: the converter decides."""


def _unfit() -> typing.NoReturn:
    raise _UnfitError


# Only these exact classes: a subclass (bool for int) is for the converter to judge.
_EXACT = {str: "str", int: "int", bool: "bool"}


def _exactly(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:  # noqa: ANN401 (any JSON value)
        return value if value.__class__ is kind else _unfit()

    return check


def _number(value: Any) -> float:  # noqa: ANN401 (any JSON value)
    if value.__class__ is float and math.isfinite(value):
        return value
    return float(value) if value.__class__ is int else _unfit()


def _member(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    # kind(value) looks the value up in this same table before anything else.
    members = {member.value: member for member in kind}
    return members.__getitem__


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else inner(value)


def _tuple_of(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def build(value: Any) -> tuple[Any, ...]:  # noqa: ANN401 (any JSON value)
        if value.__class__ is not list:
            _unfit()
        return tuple([inner(item) for item in value])

    return build


_FAST: dict[object, Callable[[Any], Any]] = {}


def _fast(kind: Any) -> Callable[[Any], Any]:  # noqa: ANN401 (a class or a typing form)
    """A function that builds ``kind`` from data of the one shape the rules allow.

    It raises for anything else; whatever it returns, CONVERTER returns too. Types
    it does not know go to CONVERTER itself.
    """
    if kind in _FAST:
        return _FAST[kind]
    args = typing.get_args(kind)
    fast: Callable[[Any], Any]
    if kind in _EXACT:
        fast = _exactly(kind)
    elif kind is float:
        fast = _number
    elif kind is pendulum.Date:
        fast = _structure_date
    elif _is_enum(kind):
        fast = _member(kind)
    elif isinstance(kind, type) and attrs.has(kind):
        fast = _fast_class(kind)
    elif (
        typing.get_origin(kind) in {typing.Union, types.UnionType}
        and len(args) == 2
        and type(None) in args
    ):
        fast = _optional(_fast(next(arg for arg in args if arg is not type(None))))
    elif typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        fast = _tuple_of(_fast(args[0]))
    else:
        fast = functools.partial(_converter_structure, kind=kind)
    _FAST[kind] = fast
    return fast


def _converter_structure(value: Any, kind: Any) -> Any:  # noqa: ANN401 (any JSON value, any type)
    return CONVERTER.structure(value, kind)


def _fast_class(cls: type) -> Callable[[Any], Any]:
    built: list[Callable[[Any], Any]] = []

    def later(value: Any) -> Any:  # noqa: ANN401 (any JSON value)
        return built[0](value)

    _FAST[cls] = later  # for a class that holds itself, until it is built
    try:
        built.append(_fast_attrs(cls))
    except Exception:  # noqa: BLE001 (a class it cannot read is the converter's)
        built.append(functools.partial(_converter_structure, kind=cls))
    return built[0]


def _fast_attrs(cls: type) -> Callable[[Any], Any]:
    fields = attrs.fields(cls)
    if not all(field.init for field in fields):
        return functools.partial(_converter_structure, kind=cls)
    hints = typing.get_type_hints(cls)
    # Generated, like cattrs' own hooks: one function per class, each field's value
    # checked by its type's function, then the constructor (and so its validators).
    names: dict[str, Any] = {"cls": cls, "dict": dict, "unfit": _unfit}
    lines = [
        "def structure(data):",
        f"    if data.__class__ is not dict or len(data) != {len(fields)}:",
        "        unfit()",
    ]
    arguments = []
    for index, field in enumerate(fields):
        kind = hints[field.name]
        if kind in _EXACT:
            lines.append(f"    v{index} = data[{field.name!r}]")
            lines.append(f"    if v{index}.__class__ is not {_EXACT[kind]}:")
            lines.append("        unfit()")
            names[_EXACT[kind]] = kind
        else:
            names[f"f{index}"] = _fast(kind)
            lines.append(f"    v{index} = f{index}(data[{field.name!r}])")
        arguments.append(f"{field.alias}=v{index}")
    lines.append(f"    return cls({', '.join(arguments)})")
    exec(compile("\n".join(lines), f"<ilacs fast structure {cls.__qualname__}>", "exec"), names)  # noqa: S102 (code generated from the class's own fields)
    structure: Callable[[Any], Any] = names["structure"]
    return structure


def _key(key: object) -> str:
    # A plain key reads as itself; a long one or one of another type (YAML's 1: or
    # yes:) is shown cut short and quoted.
    return key if isinstance(key, str) and len(key) <= 80 and key.isprintable() else shown(key)


def _message(error: BaseException, expected: type | None) -> str:
    if isinstance(error, IlacsError):
        return str(error)
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(map(_key, error.extra_fields)))
        return f"unknown key(s) {keys}: this version of ilacs does not read them"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, AttributeError | TypeError) and expected is not None:
        return f"expected {getattr(expected, '__name__', expected)}"
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    return cattrs.v.format_exception(error, expected)


def _problem(error: BaseException, expected: type | None, path: str) -> Problem:
    if isinstance(error, ValidationError) and error.field is not None:
        # An attrs validator or a cross-field check runs in the constructor, which
        # cattrs reports at the object: the error's field completes the path.
        joint = "" if error.field.startswith("[") else "."
        return Problem(f"{path}{joint}{error.field}", str(error), error.code)
    return Problem(path, _message(error, expected))


def problems(error: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in a (possibly nested) structuring error, each at its own path.

    This walks cattrs' exception groups as :func:`cattrs.transform_error` does, but
    keeps each problem as a value rather than a line of text.
    """
    found: list[Problem] = []
    if isinstance(error, cattrs.IterableValidationError | cattrs.ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, cattrs.AttributeValidationNote):
                where = f"{path}.{note.name}"
            else:
                where = f"{path}[{note.index!r}]"
            if isinstance(inner, cattrs.IterableValidationError | cattrs.ClassValidationError):
                found.extend(problems(inner, where))
            else:
                found.append(_problem(inner, note.type, where))
        found.extend(_problem(inner, None, path) for inner in without)
    else:
        found.append(_problem(error, None, path))
    return found


def structure(data: object, cls: type[T], *, what: str) -> T:
    """Build ``cls`` from plain data, or raise one DocumentError listing every problem.

    ``what`` names the document in the message ("framework pack 'ilacs-2018'").
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        msg = f"expected a mapping (a JSON object), got {describe(data)}"
        raise DocumentError.listing(what, [Problem("$", msg)])
    try:
        built: T = _fast(cls)(data)
    except Exception:  # noqa: BLE001, S110 (the converter below reports what is wrong)
        pass
    else:
        return built
    try:
        return CONVERTER.structure(data, cls)
    except (
        cattrs.BaseValidationError,
        IlacsError,
        KeyError,
        TypeError,
        ValueError,
        RecursionError,
    ) as error:
        try:
            found = problems(error)
        except RecursionError:
            found = [Problem("$", "nested too deeply to read")]
        raise DocumentError.listing(what, found) from error


def unstructure(value: object) -> Any:  # noqa: ANN401 (JSON-shaped data of any shape)
    """Turn a model value into plain JSON-shaped data."""
    return CONVERTER.unstructure(value)
