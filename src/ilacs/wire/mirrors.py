"""The wire's fast path: msgspec structs that mirror the attrs classes of a document.

For a document type whose model holds only plain JSON types (strings, whole
numbers, numbers, booleans, dates, enums, tuples of them, optional ones and nested
attrs classes of the same kind), a msgspec ``Struct`` is generated for each class,
with the same fields in the same order. Reading, msgspec parses the JSON straight
into the mirrors, demanding every key and refusing any other, and the generated
builders make the attrs values through their constructors, so every validator and
cross-field check runs. Writing, the builders run the other way and msgspec writes
the mirrors.

Nothing here decides what a document means or how a failure reads. Any document
the fast path does not take (a missing or unknown key, a wrong type, a key given
twice, NaN, a number too long, a failed check, a model it cannot mirror) raises
:class:`UnfitError`, and :mod:`ilacs.wire.serialisation` reads it again on the
detailed path, whose values and messages are the reference.
"""

import enum
import functools
import re
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import msgspec
import pendulum

from ilacs.base import converter, validators

__all__ = ["UnfitError", "document_type_of", "reader", "writer"]


class UnfitError(Exception):
    """The fast path does not take this document or value: the detailed path decides."""


class _UnsupportedError(Exception):
    """A type the mirrors do not cover."""


def _optional_arg(kind: object) -> Any:  # noqa: ANN401 (a typing form)
    args = typing.get_args(kind)
    if (
        typing.get_origin(kind) in {typing.Union, types.UnionType}
        and len(args) == 2
        and type(None) in args
    ):
        return next(arg for arg in args if arg is not type(None))
    return None


def _item_arg(kind: object) -> Any:  # noqa: ANN401 (a typing form)
    args = typing.get_args(kind)
    if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _is_plain_enum(kind: object) -> bool:
    # msgspec reads an enum by value when every value is a string, or every one an int.
    if not (isinstance(kind, type) and issubclass(kind, enum.Enum)):
        return False
    values = [member.value for member in kind]
    return all(type(value) is str for value in values) or all(
        type(value) is int for value in values
    )


def _is_text_union(kind: object) -> bool:
    """True for a union of str and enums of strings: always a JSON string on the wire."""
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) in {typing.Union, types.UnionType}
        and str in args
        and all(
            arg is str or (_is_plain_enum(arg) and all(type(m.value) is str for m in arg))
            for arg in args
        )
    )


def _fields(cls: type) -> "list[tuple[attrs.Attribute[Any], Any]]":
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise _UnsupportedError
    fields = attrs.fields(cls)
    if not all(field.init for field in fields):
        raise _UnsupportedError
    hints = typing.get_type_hints(cls)
    return [(field, hints[field.name]) for field in fields]


class _Mirrors:
    """The structs, readers and writers generated for the classes of one model."""

    def __init__(self) -> None:
        self.structs: dict[type, type[msgspec.Struct]] = {}
        self.readers: dict[type, Callable[..., Any]] = {}
        self.writers: dict[type, Callable[[Any], Any]] = {}
        self.building: set[type] = set()

    def struct(self, cls: type, *, envelope: bool = False) -> type[msgspec.Struct]:
        if not envelope and cls in self.structs:
            return self.structs[cls]
        if cls in self.building:  # a class that holds itself: not mirrored
            raise _UnsupportedError
        self.building.add(cls)
        fields: list[tuple[str, Any]] = (
            [("schema_version", int), ("document_type", str)] if envelope else []
        )
        fields += [(field.name, self.wire_type(kind)) for field, kind in _fields(cls)]
        self.building.discard(cls)
        name = f"{cls.__name__}{'Document' if envelope else ''}Mirror"
        struct = msgspec.defstruct(name, fields, forbid_unknown_fields=True, gc=False)
        if not envelope:
            self.structs[cls] = struct
        return struct

    def wire_type(self, kind: Any) -> Any:  # noqa: ANN401 (a typing form)
        if kind in {str, int, bool} or _is_plain_enum(kind):
            return kind
        if kind is float:
            return int | float  # a whole number is read as an int, then made a float
        if kind is pendulum.Date or _is_text_union(kind):
            # A date is read by the converter's date hook, which shares equal dates; a
            # text union by the field's converter (a reader refuses one without).
            return str
        inner = _optional_arg(kind)
        if inner is not None:
            return self.wire_type(inner) | None
        item = _item_arg(kind)
        if item is not None:
            return tuple[self.wire_type(item), ...]  # type: ignore[misc]
        return self.struct(kind)

    def read_expression(self, kind: Any, value: str, names: dict[str, Any], depth: int) -> str:  # noqa: ANN401 (a typing form)
        """Python that turns the mirror value ``value`` into the model's value."""
        if kind in {str, int, bool} or _is_plain_enum(kind):
            return value
        if kind is float:
            return f"float({value})"
        if kind is pendulum.Date:
            # A date read before is looked up in C; a new one is read and kept.
            names["date"] = _date_read
            names["known_date"] = _DATES_READ.get
            return f"(known_date({value}) or date({value}))"
        through = _through(
            kind,
            value,
            depth,
            lambda inner, each, deeper: self.read_expression(inner, each, names, deeper),
            "(tuple([{made} for {each} in {value}]) if {value} else ())",
        )
        if through is not None:
            return through
        names[f"read_{kind.__name__}"] = self.reader(kind)
        return f"read_{kind.__name__}({value}, n)"

    def reader(self, cls: type) -> Callable[..., Any]:
        if cls in self.readers:
            return self.readers[cls]
        self.struct(cls)  # a class it cannot mirror raises here
        fields = _fields(cls)
        names: dict[str, Any] = {"cls": cls}
        values = [
            # A text union is the field converter's to read, as the constructor does.
            f"data.{field.name}"
            if _is_text_union(kind) and field.converter is not None
            else self.read_expression(kind, f"data.{field.name}", names, 0)
            for field, kind in fields
        ]
        strings = [_strings_expression(kind, f"data.{field.name}") for field, kind in fields]
        fixed = sum(each for each in strings if isinstance(each, int))
        varying = [each for each in strings if isinstance(each, str)]
        counted = f"{len(fields)} * KEY + {fixed}" + "".join(f" + {each}" for each in varying)
        names["KEY"] = _KEY
        setters = _slot_setters(cls, [field.name for field, _ in fields])
        if setters is None:
            arguments = ", ".join(
                f"{field.alias}={value}" for (field, _), value in zip(fields, values, strict=True)
            )
            lines = [f"    return cls({arguments})"]
        else:
            lines = _read_into_slots(cls, fields, values, setters, names)
        source = f"def read(data, n):\n    n[0] += {counted}\n" + "\n".join(lines) + "\n"
        made = _compiled(source, "read", names, f"<ilacs mirror reader {cls.__qualname__}>")
        self.readers[cls] = made
        return made

    def write_expression(self, kind: Any, value: str, names: dict[str, Any], depth: int) -> str:  # noqa: ANN401 (a typing form)
        """Python that turns the model value ``value`` into what msgspec writes."""
        if kind in {str, int, bool} or _is_plain_enum(kind) or _is_text_union(kind):
            return value  # msgspec writes an enum by its value
        if kind is pendulum.Date:
            # A date's text is kept: documents repeat the same days (and a hook
            # called by the encoder for each date costs more).
            names["known_text"] = _DATE_TEXTS.get
            names["text"] = _date_text
            return f"(known_text({value}) or text({value}))"
        if kind is float:
            names["plain"] = _plain_float
            return f"plain({value})"
        through = _through(
            kind,
            value,
            depth,
            lambda inner, each, deeper: self.write_expression(inner, each, names, deeper),
            "([{made} for {each} in {value}] if {value} else ())",
        )
        if through is not None:
            return through
        names[f"write_{kind.__name__}"] = self.writer(kind)
        if value.isidentifier():
            # An item of a tuple is written in line, in the loop that holds it:
            # one call fewer for each of the many items of a document.
            names[f"struct_{kind.__name__}"] = self.struct(kind)
            made = [
                self.write_expression(inner, f"{value}.{field.name}", names, depth)
                for field, inner in _fields(kind)
            ]
            return f"struct_{kind.__name__}({', '.join(made)})"
        return f"write_{kind.__name__}({value})"

    def writer(self, cls: type, *, envelope: tuple[int, str] | None = None) -> Callable[[Any], Any]:
        if envelope is None and cls in self.writers:
            return self.writers[cls]
        struct = self.struct(cls, envelope=envelope is not None)
        names: dict[str, Any] = {"struct": struct}
        values = [repr(item) for item in envelope or ()]
        values += [
            self.write_expression(kind, f"value.{field.name}", names, 0)
            for field, kind in _fields(cls)
        ]
        source = f"def write(value):\n    return struct({', '.join(values)})\n"
        made = _compiled(source, "write", names, f"<ilacs mirror writer {cls.__qualname__}>")
        if envelope is None:
            self.writers[cls] = made
        return made


def _through(
    kind: Any,  # noqa: ANN401 (a typing form)
    value: str,
    depth: int,
    inside: Callable[[Any, str, int], str],
    sequence: str,
) -> str | None:
    """For an optional or a tuple type, the expression that converts what it holds.

    An empty tuple, the most common, is not looped over.

    ``inside`` gives the expression for the type held, ``sequence`` the format of a
    loop over items; None for any other type.
    """
    inner = _optional_arg(kind)
    if inner is not None:
        made = inside(inner, value, depth)
        return value if made == value else f"(None if {value} is None else {made})"
    item = _item_arg(kind)
    if item is not None:
        each = f"x{depth}"
        made = inside(item, each, depth + 1)
        return value if made == each else sequence.format(made=made, each=each, value=value)
    return None


def _strings_expression(kind: Any, value: str) -> int | str:  # noqa: ANN401 (a typing form)
    """The number of JSON strings the mirror value ``value`` holds itself, or Python for it.

    A nested class's strings are counted by its own reader, so it counts none here.
    """
    if kind is str or kind is pendulum.Date or _is_text_union(kind):
        return 1
    if _is_plain_enum(kind):
        return int(all(type(member.value) is str for member in kind))
    inner = _optional_arg(kind)
    if inner is not None:
        held = _strings_expression(inner, value)
        return held if held == 0 else f"(0 if {value} is None else {held})"
    item = _item_arg(kind)
    if item is not None:
        each = _strings_expression(item, "x")
        if isinstance(each, int):
            return 0 if each == 0 else f"{each} * len({value})" if each > 1 else f"len({value})"
        return f"sum([{each} for x in {value}])"
    return 0


def _slot_setters(cls: type, names: list[str]) -> list[Callable[[object, object], None]] | None:
    """The slots' own setters, where the class's slots are exactly its fields."""
    slots = {slot for klass in cls.__mro__ for slot in getattr(klass, "__slots__", ())}
    if slots - {"__weakref__"} != set(names) or attrs.validators.get_disabled():
        return None
    setters = []
    for name in names:
        descriptor = getattr(cls, name, None)
        if type(descriptor).__name__ != "member_descriptor":
            return None
        setters.append(descriptor.__set__)  # type: ignore[union-attr]
    return setters


def _read_into_slots(
    cls: type,
    fields: "list[tuple[attrs.Attribute[Any], Any]]",
    values: list[str],
    setters: list[Callable[[object, object], None]],
    names: dict[str, Any],
) -> list[str]:
    """Lines that build an instance as its ``__init__`` does, without repeating type checks.

    The slots are set, then each validator runs that the mirror's types do not
    already guarantee, then ``__attrs_post_init__``: any failure sends the document
    to the detailed path, which builds it through the constructor and says why.
    """
    names["new"] = object.__new__
    lines = ["    o = new(cls)"]
    for index, ((field, _), value) in enumerate(zip(fields, values, strict=True)):
        names[f"set{index}"] = setters[index]
        made = value
        if field.converter is not None:
            names[f"convert{index}"] = field.converter
            made = f"convert{index}({value})"
        lines.append(f"    v{index} = {made}")
        lines.append(f"    set{index}(o, v{index})")
    for index, (field, kind) in enumerate(fields):
        names[f"a{index}"] = field
        for number, check in enumerate(_needed(field.validator, kind)):
            name = f"check{index}_{number}"
            names[name] = check
            lines.extend(
                _indented(_check_lines(check, kind, name, (f"v{index}", f"a{index}"), names))
            )
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    o.__attrs_post_init__()")
    lines.append("    return o")
    return lines


def _check_lines(  # noqa: PLR0911 (a return for each kind of check)
    check: Callable[..., Any],
    kind: Any,  # noqa: ANN401 (a typing form)
    name: str,
    where: tuple[str, str],
    names: dict[str, Any],
) -> list[str]:
    """Lines that run one validator on ``where`` (the value's and the attribute's names).

    A tuple's or an optional value's validator is unrolled, so that the checks of
    its items are skipped or remembered too. The verdicts of a pattern or the text
    rule on a string are remembered: ids, codes and owners repeat.
    """
    value, attribute = where
    made = _qualname(check)
    inner: tuple[Callable[..., Any], ...] = getattr(check, "inner", ())
    item = _item_arg(kind)
    held = _optional_arg(kind)
    if made == "tuple_of" and item is not None and len(inner) == 1:
        names[name] = inner[0]
        each = f"{name}_item"
        lines = _check_lines(inner[0], item, name, (each, attribute), names)
        return [f"for {each} in {value}:", *_indented(lines)]
    if made == "optional" and held is not None and inner:
        lines = []
        for number, part in enumerate(inner):
            if not _guaranteed(part, held):
                names[f"{name}_{number}"] = part
                lines += _check_lines(part, held, f"{name}_{number}", where, names)
        return [f"if {value} is not None:", *_indented(lines)] if lines else []
    if (made == "matches" or check is validators.text) and kind is str:
        # The pattern the validator is described by, matched in C: the validator
        # itself runs only on a string that does not match, to say why.
        names[f"{name}_passed"] = set()
        pattern = _TEXT if check is validators.text else _closure(check, "compiled")
        names[f"{name}_fits"] = getattr(pattern, "fullmatch", lambda _: None)
        return [
            f"if {value} not in {name}_passed:",
            f"    if not {name}_fits({value}):",
            f"        {name}(o, {attribute}, {value})",
            f"    if len({value}) <= {_REMEMBERED_LENGTH}:",  # ids, codes and roles repeat
            f"        if len({name}_passed) >= {_REMEMBERED}:",
            f"            {name}_passed.clear()",
            f"        {name}_passed.add({value})",
        ]
    if made == "not_empty" and item is not None:
        # A tuple from the mirror is empty exactly when it equals ().
        return [f"if not {value}:", f"    {name}(o, {attribute}, {value})"]
    if made == "unique" and item is not None:
        # Fewer than two items cannot repeat one, and a set of their keys as long as
        # they are shows that none repeats: the check runs only to say which does.
        key = _closure(check, "key")
        if not callable(key):
            return [f"if len({value}) > 1:", f"    {name}(o, {attribute}, {value})"]
        if key is str and item is str:
            keys = f"set({value})"  # str() of a str read from JSON is itself
        else:
            names[f"{name}_key"] = key
            keys = f"set(map({name}_key, {value}))"
        return [
            f"if len({value}) > 1 and len({keys}) < len({value}):",
            f"    {name}(o, {attribute}, {value})",
        ]
    return [f"{name}(o, {attribute}, {value})"]


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


# The verdicts kept for each check: bounded, and of short strings only.
_REMEMBERED = 4096
_REMEMBERED_LENGTH = 100
# What validators.text accepts, as its description says: not blank, not padded, no
# control characters.
_TEXT = re.compile(validators.TEXT)


def _qualname(check: object) -> str:
    # The ilacs validators are closures named after the function that made them.
    return getattr(check, "__qualname__", "").partition(".<locals>.")[0]


def _closure(check: Callable[..., Any], name: str) -> object:
    """A variable of a validator's closure, or None where it has none of that name."""
    code = getattr(check, "__code__", None)
    if code is None or name not in code.co_freevars:
        return None
    return check.__closure__[code.co_freevars.index(name)].cell_contents  # type: ignore[index]


def _guaranteed(check: Callable[..., Any], kind: Any) -> bool:  # noqa: ANN401 (a typing form)
    """True when the value the mirror gives for ``kind`` always passes ``check``."""
    made = _qualname(check)
    inner = _optional_arg(kind)
    item = _item_arg(kind)
    if check is validators.date:
        return bool(kind is pendulum.Date)
    if made == "instance_of" and isinstance(kind, type) and inner is None:
        if check.__name__ == "check_int":
            return kind is int
        expected = _closure(check, "kind")
        return isinstance(expected, type | tuple) and issubclass(kind, expected)
    checks: tuple[Callable[..., Any], ...] = getattr(check, "inner", ())
    if made == "optional" and inner is not None and checks:
        return all(_guaranteed(each, inner) for each in checks)
    if made == "tuple_of" and item is not None and checks:
        return all(_guaranteed(each, item) for each in checks)
    return False


def _needed(validator: object, kind: Any) -> list[Callable[..., Any]]:  # noqa: ANN401 (a typing form)
    """The field's validators, less those the mirror's types already guarantee."""
    if validator is None:
        return []
    checks = getattr(validator, "_validators", None)  # attrs' and_ of a list
    if not isinstance(checks, tuple):
        checks = (validator,)
    return [check for check in checks if not (callable(check) and _guaranteed(check, kind))]


def _compiled(source: str, name: str, names: dict[str, Any], filename: str) -> Callable[..., Any]:
    exec(compile(source, filename, "exec"), names)  # noqa: S102 (code generated from the class's own fields)
    made: Callable[..., Any] = names[name]
    return made


def _plain_float(value: float) -> float:
    # msgspec and repr (and so json.dumps) write the same digits, but differ in
    # where they switch to exponents: outside this range the detailed writer writes.
    if value == 0 or 1e-4 <= abs(value) < 1e16:
        return value
    raise UnfitError


_MIRRORS = _Mirrors()
# One thread generates at a time: a class half-built by one must not look to
# another like a class that holds itself (which would never be mirrored).
_GENERATING = threading.Lock()

# The readers count what they read in one number: the keys times _KEY, plus the
# JSON strings among the values (texts, dates, enums' values).
_KEY = 1 << 32

# Every key and every string value of JSON text is two quotes, and a quote inside a
# string is escaped with one more. So the quotes of a text are twice the keys and
# string values read exactly when no key is given twice (msgspec keeps the last
# silently) and no string holds a quote; any text with more is counted again below.
#
# A key ends with a quote then a colon. Without white space between them, the count
# of '":' is at least the number of keys, and equal to the number of fields the
# mirrors read only when no key is given twice (msgspec keeps the last silently).
_SPACED_KEY_END = re.compile(r'"[ \t\r\n]+:')
_SPACED_KEY_END_BYTES = re.compile(rb'"[ \t\r\n]+:')


class _Envelope(msgspec.Struct):
    """Only the document type of a document; msgspec skips every other key unread."""

    document_type: object = None


_PEEK = msgspec.json.Decoder(_Envelope).decode


def document_type_of(text: str | bytes) -> object:
    """The ``document_type`` of a JSON document, or None where it cannot tell."""
    try:
        return _PEEK(text).document_type
    except Exception:  # noqa: BLE001 (the detailed reader says what is wrong)
        return None


def _keys_given(text: str | bytes) -> int:
    """The number of keys in JSON text, or more (never fewer)."""
    if isinstance(text, str):
        spaced = _SPACED_KEY_END.search(text) is not None
        keys = text.count('":')
    else:
        spaced = _SPACED_KEY_END_BYTES.search(text) is not None
        keys = text.count(b'":')
    return -1 if spaced else keys


@functools.cache
def reader(model: type, document_type: str, schema_version: int) -> Callable[[str | bytes], Any]:
    """A function reading a whole document of ``model``, or raising :class:`UnfitError`."""
    try:
        with _GENERATING:
            struct = _MIRRORS.struct(model, envelope=True)
            build = _MIRRORS.reader(model)
    except _UnsupportedError:

        def unfit(_: str | bytes) -> Any:  # noqa: ANN401 (never returns)
            raise UnfitError

        return unfit
    decode = msgspec.json.Decoder(struct).decode

    def read(text: str | bytes) -> Any:  # noqa: ANN401 (a value of the model)
        count = [2 * _KEY + 1]  # the envelope's keys and its document type, then each object's
        try:
            document: Any = decode(text)
            value = (
                build(document, count)
                if document.schema_version == schema_version
                and document.document_type == document_type
                else None
            )
        except Exception as error:
            raise UnfitError from error
        if value is None:
            raise UnfitError
        keys, strings = divmod(count[0], _KEY)
        quotes = text.count('"') if isinstance(text, str) else text.count(b'"')
        if quotes != 2 * (keys + strings) and _keys_given(text) != keys:
            raise UnfitError
        return value

    return read


_DATES_READ: dict[str, pendulum.Date] = {}


def _date_read(text: str) -> pendulum.Date:
    # The converter's date: equal texts share one object, whichever path read them.
    date = converter.date_from_text(text)
    if len(_DATES_READ) >= 8192:
        _DATES_READ.clear()
    _DATES_READ[text] = date
    return date


_DATE_TEXTS: dict[object, str] = {}


def _date_text(value: object) -> str:
    if not isinstance(value, pendulum.Date):  # never a date-time: the validators see to it
        raise UnfitError
    text = value.isoformat()
    if len(_DATE_TEXTS) >= 8192:
        _DATE_TEXTS.clear()
    _DATE_TEXTS[value] = text
    return text


_ENCODER = msgspec.json.Encoder()


@functools.cache
def writer(model: type, document_type: str, schema_version: int) -> Callable[[Any, bool], bytes]:
    """A function writing a value of ``model`` as a document, or raising :class:`UnfitError`.

    The second argument asks for the canonical indented form (two-space indents); the
    compact form has no white space. Neither ends with a newline.
    """
    try:
        with _GENERATING:
            build = _MIRRORS.writer(model, envelope=(schema_version, document_type))
    except _UnsupportedError:

        def unfit(_: object, __: bool) -> bytes:  # noqa: FBT001
            raise UnfitError

        return unfit
    encode = _ENCODER.encode
    format_json = msgspec.json.format

    def write(value: object, indented: bool) -> bytes:  # noqa: FBT001 (private, positional)
        try:
            written = encode(build(value))
        except Exception as error:
            raise UnfitError from error
        return format_json(written, indent=2) if indented else written

    return write
