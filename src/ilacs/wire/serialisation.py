"""Documents on the wire: JSON and YAML, their JSON Schema, and migrations of old ones.

Every document is a JSON object with ``schema_version`` and ``document_type``
first, then the model's own fields in the model's order, with snake_case keys and
ISO 8601 dates. Four document types are known:

- ``"inspection"``: one :class:`~ilacs.Inspection`; its ``framework`` key names the
  framework version.
- ``"inspections"``: a collection (a tuple of inspections): ``frameworks`` lists the
  framework ids of its inspections in the order they first appear, then
  ``inspections`` holds each one without the envelope.
- ``"framework"``: a framework pack, as :func:`ilacs.frameworks.to_dict` writes it
  (the framework's id is its ``id`` key).
- ``"action_plan"``: one :class:`~ilacs.ActionPlan`, with the inspection it answers
  in full under ``inspection``.

Loading is strict: unknown keys are rejected and every key must be present, even
where the model has a default, so that nothing is dropped or defaulted in silence
and ``dumps(loads(text)) == text`` byte for byte. Every problem is reported at once
in one :class:`~ilacs.errors.DocumentError`, each with its path.

>>> import pendulum
>>> from ilacs import Inspection, InspectionKind, LocalAuthority
>>> from ilacs import serialisation
>>> visit = Inspection(
...     authority=LocalAuthority(name="Haringey"),
...     kind=InspectionKind.FOCUSED_VISIT,
...     on_site_start=pendulum.date(2021, 6, 8),
... )
>>> text = serialisation.dumps(visit)
>>> for line in text.splitlines()[:5]:
...     print(line)
{
  "schema_version": 2,
  "document_type": "inspection",
  "authority": {
    "name": "Haringey",
>>> serialisation.loads(text) == visit
True
"""

import contextlib
import functools
import gc
import json
import math
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, NoReturn, TypeVar, overload

import attrs

from ilacs.base import converter as _converter
from ilacs.base import envelope, json_text
from ilacs.base import validators as v
from ilacs.base.extras import require
from ilacs.base.text import describe, shown
from ilacs.errors import DocumentError, IlacsError, Problem
from ilacs.frameworks.pack import FRAMEWORK_ID, Framework
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import Inspection
from ilacs.reasoning import validation
from ilacs.wire import schema as _schema

__all__ = [
    "DOCUMENT_TYPES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Document",
    "DocumentType",
    "dumps",
    "dumps_bytes",
    "dumps_yaml",
    "from_dict",
    "iter_jsonl",
    "json_schema",
    "load_jsonl",
    "loads",
    "loads_yaml",
    "register_document_type",
    "to_dict",
    "validate",
    "write_jsonl",
]

T = TypeVar("T")

#: The schema version this library writes, and the newest it reads.
SCHEMA_VERSION = envelope.SCHEMA_VERSION

#: Migrations of older documents: ``MIGRATIONS[n]`` turns a version ``n`` document
#: into a version ``n + 1`` one. Each is a pure function of the whole document (the
#: loader then sets ``schema_version``); none is needed yet.
MIGRATIONS = envelope.MIGRATIONS

#: Whatever a document may hold.
Document = Inspection | tuple[Inspection, ...] | Framework | ActionPlan


@attrs.frozen(kw_only=True)
class _Collection:
    """The body of an ``inspections`` document."""

    frameworks: tuple[str, ...] = attrs.field(
        validator=v.tuple_of(v.matches(FRAMEWORK_ID, "a framework id such as 'ilacs-2018'"))
    )
    inspections: tuple[Inspection, ...] = attrs.field(
        validator=v.tuple_of(v.instance_of(Inspection))
    )


def _framework_ids(inspections: Sequence[Inspection]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(inspection.framework for inspection in inspections))


@attrs.frozen(kw_only=True)
class DocumentType:
    """A kind of document: its name on the wire, its model and how to read and write it.

    Attributes:
        name: the ``document_type`` value.
        model: the attrs class of the document's body, for key checks and the schema.
        accepts: true for the values this document type writes.
        to_body: the body (without the envelope) of a value.
        from_body: the value of a checked body; ``what`` names the document in errors.

    >>> DOCUMENT_TYPES["inspection"].model.__name__
    'Inspection'
    """

    name: str = attrs.field(validator=v.matches(r"[a-z][a-z_]*", "a document type name"))
    model: type = attrs.field()
    accepts: Callable[[object], bool] = attrs.field()
    to_body: Callable[[Any], dict[str, Any]] = attrs.field()
    from_body: Callable[[dict[str, Any], str], Any] = attrs.field()


def _inspection_from_body(body: dict[str, Any], what: str) -> Inspection:
    return _converter.structure(body, Inspection, what=what)


def _collection_accepts(value: object) -> bool:
    return isinstance(value, tuple | list) and all(isinstance(item, Inspection) for item in value)


def _collection_to_body(value: Sequence[Inspection]) -> dict[str, Any]:
    collection = _Collection(frameworks=_framework_ids(value), inspections=tuple(value))
    body: dict[str, Any] = _converter.unstructure(collection)
    return body


def _collection_from_body(body: dict[str, Any], what: str) -> tuple[Inspection, ...]:
    collection = _converter.structure(body, _Collection, what=what)
    expected = _framework_ids(collection.inspections)
    if collection.frameworks != expected:
        message = (
            "must list the framework ids of the inspections in the order"
            f" they first appear, {list(expected)} (got {list(collection.frameworks)})"
        )
        _fail(what, [Problem("$.frameworks", message)])
    return collection.inspections


def _framework_from_body(body: dict[str, Any], what: str) -> Framework:
    return _converter.structure(body, Framework, what=what)


#: The document types this library reads and writes, by ``document_type``.
DOCUMENT_TYPES: dict[str, DocumentType] = {}


def register_document_type(document_type: DocumentType) -> DocumentType:
    """Add a document type (action plans will be one); its name must be new.

    >>> register_document_type(DOCUMENT_TYPES["inspection"])
    Traceback (most recent call last):
    ...
    ilacs.errors.IlacsError: the document type 'inspection' is already registered
    """
    given: object = document_type  # checked at run time: callers may pass anything
    if not isinstance(given, DocumentType):
        msg = f"register_document_type needs a DocumentType, got {describe(given)}"
        raise IlacsError(msg)
    if document_type.name in DOCUMENT_TYPES:
        msg = f"the document type {document_type.name!r} is already registered"
        raise IlacsError(msg)
    DOCUMENT_TYPES[document_type.name] = document_type
    return document_type


register_document_type(
    DocumentType(
        name="inspection",
        model=Inspection,
        accepts=lambda value: isinstance(value, Inspection),
        to_body=_converter.unstructure,
        from_body=_inspection_from_body,
    )
)
register_document_type(
    DocumentType(
        name="inspections",
        model=_Collection,
        accepts=_collection_accepts,
        to_body=_collection_to_body,
        from_body=_collection_from_body,
    )
)
register_document_type(
    DocumentType(
        name="framework",
        model=Framework,
        accepts=lambda value: isinstance(value, Framework),
        to_body=_converter.unstructure,
        from_body=_framework_from_body,
    )
)
register_document_type(
    DocumentType(
        name="action_plan",
        model=ActionPlan,
        accepts=lambda value: isinstance(value, ActionPlan),
        to_body=_converter.unstructure,
        from_body=lambda body, what: _converter.structure(body, ActionPlan, what=what),
    )
)


#: The document types this module defines, which the fast path reads and writes.
_BUILT_IN = {name: DOCUMENT_TYPES[name] for name in DOCUMENT_TYPES}


@functools.cache
def _mirrors() -> Any:  # noqa: ANN401 (the module, imported when first used)
    # msgspec is imported on the first load or dump, not by `import ilacs` (and
    # found once: an import statement costs a call into importlib every time).
    from ilacs.wire import mirrors  # noqa: PLC0415

    return mirrors


def _fail(what: str, problems: Sequence[Problem], cause: BaseException | None = None) -> NoReturn:
    raise DocumentError.listing(what, list(problems)) from cause


def _type_for(value: object) -> DocumentType:
    for document_type in DOCUMENT_TYPES.values():
        if document_type.accepts(value):
            return document_type
    known = ", ".join(DOCUMENT_TYPES)
    msg = f"cannot write {type(value).__name__} as a document (known document types: {known})"
    raise IlacsError(msg)


def to_dict(obj: Document) -> dict[str, Any]:
    """The document of a value: plain JSON-shaped data, envelope first.

    >>> import pendulum
    >>> from ilacs import Inspection, InspectionKind, LocalAuthority
    >>> visit = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.MONITORING_VISIT,
    ...     on_site_start=pendulum.date(2019, 3, 5),
    ... )
    >>> list(to_dict(visit))[:4]
    ['schema_version', 'document_type', 'authority', 'kind']
    >>> to_dict((visit,))["frameworks"]
    ['ilacs-2018']
    """
    document_type = _type_for(obj)
    return envelope.wrap(document_type.name, document_type.to_body(obj))


def _attrs_class(hint: object) -> tuple[type, ...]:
    """The attrs classes a field's type can hold directly (through ``| None``)."""
    if isinstance(hint, type) and attrs.has(hint):
        return (hint,)
    return tuple(arg for arg in typing.get_args(hint) if isinstance(arg, type) and attrs.has(arg))


def _item_class(hint: object) -> type | None:
    """The attrs class of the items of a ``tuple[X, ...]`` field, if any."""
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if args and isinstance(args[0], type) and attrs.has(args[0]):
            return args[0]
    return None


@functools.cache
def _key_plan(cls: type) -> tuple[tuple[str, tuple[type, ...], type | None], ...]:
    """Each field of an attrs class with the attrs classes it nests, worked out once."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (field.name, _attrs_class(hints[field.name]), _item_class(hints[field.name]))
        for field in attrs.fields(cls)
    )


@functools.cache
def _required(cls: type) -> frozenset[str]:
    """The fields a document must give: those without a default (the rest may be omitted)."""
    return frozenset(field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING)


def _complete(data: object, cls: type) -> bool:
    """True when :func:`_missing_keys` would find nothing: the cheap check, run first."""
    if not isinstance(data, Mapping):
        return True
    for name, nested_classes, item in _key_plan(cls):
        if name not in data:
            return False
        value = data[name]
        for nested in nested_classes:
            if not _complete(value, nested):
                return False
        if item is not None and isinstance(value, list | tuple) and not _all_complete(value, item):
            return False
    return all(isinstance(key, str) for key in data)


def _all_complete(items: Sequence[object], cls: type) -> bool:
    # A loop, not all(...) over a generator: this runs for every item of a document.
    for element in items:  # noqa: SIM110
        if not _complete(element, cls):
            return False
    return True


def _missing_keys(data: object, cls: type, path: str) -> list[Problem]:
    """Every required key the data omits, each with its path.

    A key whose field has a default may be omitted, as people writing a document by
    hand do: the value takes the default (canonical output still writes every key).
    """
    if not isinstance(data, Mapping):
        return []
    problems = []
    non_strings = [key for key in data if not isinstance(key, str)]
    if non_strings:
        keys = ", ".join(map(repr, non_strings))
        problems.append(Problem(path, f"keys must be strings (got {keys})"))
    required = _required(cls)
    for name, nested_classes, item in _key_plan(cls):
        if name not in data:
            if name in required:
                problems.append(Problem(f"{path}.{name}", "required key missing"))
            continue
        value = data[name]
        for nested in nested_classes:
            problems.extend(_missing_keys(value, nested, f"{path}.{name}"))
        if item is not None and isinstance(value, list | tuple):
            for index, element in enumerate(value):
                problems.extend(_missing_keys(element, item, f"{path}.{name}[{index}]"))
    return problems


def _resolve(kind: type | str | None) -> DocumentType | None:
    if kind is None:
        return None
    if isinstance(kind, str):
        if kind not in DOCUMENT_TYPES:
            msg = f"no document type is named {kind!r} (known: {', '.join(DOCUMENT_TYPES)})"
            raise IlacsError(msg)
        return DOCUMENT_TYPES[kind]
    for document_type in DOCUMENT_TYPES.values():
        if document_type.model is kind or (kind is tuple and document_type.name == "inspections"):
            return document_type
    msg = f"no document type holds {getattr(kind, '__name__', kind)!r}"
    raise IlacsError(msg)


@overload
def from_dict(data: object, type: type[T], *, what: str | None = None) -> T: ...
@overload
def from_dict(data: object, type: str | None = None, *, what: str | None = None) -> Document: ...
def from_dict(
    data: object,
    type: type | str | None = None,  # noqa: A002 (the name users expect, as in json.loads' cls)
    *,
    what: str | None = None,
) -> Any:
    """Build a value from a document already parsed from JSON or YAML.

    ``type`` (a class such as :class:`~ilacs.Inspection`, ``tuple`` for a collection,
    or a document type name) insists on one kind of document. Older schema versions
    are migrated first. Raises :class:`~ilacs.errors.DocumentError` listing every
    problem with its path.

    >>> from_dict({"schema_version": 1, "document_type": "inspection", "kind": "short"})
    Traceback (most recent call last):
    ...
    ilacs.errors.DocumentError: inspection document cannot be loaded (2 problem(s)):
      - $.authority: required key missing
      - $.on_site_start: required key missing
    """
    expected = _resolve(type)
    label = what or f"{expected.name if expected else 'a'} document"
    wanted = DOCUMENT_TYPES if expected is None else expected.name
    document = envelope.open_document(data, wanted, what=label)
    name = document["document_type"]
    document_type = DOCUMENT_TYPES[name]
    label = what or f"{name} document"
    body = envelope.body(document)
    model = document_type.model
    missing = [] if _complete(body, model) else _missing_keys(body, model, "$")
    try:
        value = document_type.from_body(body, label)
    except DocumentError as error:
        _fail(label, [*missing, *error.problems], error)
    if missing:
        _fail(label, missing)
    return value


class _NotPlainJsonError(Exception):
    """A value the fast writer leaves to the json module."""


# The C string encoder json.dumps uses for ensure_ascii=False.
_ENCODE_STRING = json.encoder.encode_basestring


def _scalar_json(value: object) -> str:
    if isinstance(value, str):
        return _ENCODE_STRING(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    raise _NotPlainJsonError


def _write_json(value: object, indent: str, parts: list[str]) -> None:
    # json.dumps falls back to pure Python whenever indent is set; this writes the
    # same bytes for plain JSON data (dicts with string keys, lists, strings, ints,
    # finite floats, booleans, null) more than twice as fast.
    kind = type(value)
    if kind is not dict and kind is not list:
        parts.append(_scalar_json(value))
        return
    if not value:
        parts.append("{}" if kind is dict else "[]")
        return
    inner = indent + "  "
    parts.append("{" if kind is dict else "[")
    separator = "\n"
    if kind is dict:
        for key, item in value.items():  # type: ignore[attr-defined]
            if not isinstance(key, str):
                raise _NotPlainJsonError
            parts.append(f"{separator}{inner}{_ENCODE_STRING(key)}: ")
            _write_json(item, inner, parts)
            separator = ",\n"
    else:
        for item in value:  # type: ignore[attr-defined]
            parts.append(separator + inner)
            _write_json(item, inner, parts)
            separator = ",\n"
    parts.append(f"\n{indent}{'}' if kind is dict else ']'}")


def _indented_json(data: object) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, faster for plain JSON data."""
    parts: list[str] = []
    try:
        _write_json(data, "", parts)
    except _NotPlainJsonError:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(parts)


def _fast_json(obj: object, document_type: DocumentType, *, compact: bool) -> bytes | None:
    """The document written by msgspec through the mirrors, or None where they cannot."""
    if _BUILT_IN.get(document_type.name) is not document_type:
        return None
    value: object = obj
    collection = document_type.name == "inspections"
    if collection:
        inspections = tuple(typing.cast("Sequence[Inspection]", obj))
        value = _Collection(frameworks=_framework_ids(inspections), inspections=inspections)
    mirrors = _mirrors()
    write = mirrors.writer(document_type.model, document_type.name, SCHEMA_VERSION)
    try:
        # The structs written are many and freed together: the collector would walk
        # them, and every value there is, again and again.
        with _collection_paused() if collection else contextlib.nullcontext():
            written: bytes = write(value, not compact)
    except mirrors.UnfitError:
        return None
    return written if compact else written + b"\n"


def _json(obj: Document, *, compact: bool) -> bytes | str:
    document_type = _type_for(obj)
    written = _fast_json(obj, document_type, compact=compact)
    if written is not None:
        return written
    data = envelope.wrap(document_type.name, document_type.to_body(obj))
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _indented_json(data) + "\n"


def dumps(obj: Document, *, compact: bool = False) -> str:
    """The canonical JSON text of a document: two-space indents, a trailing newline.

    ``compact=True`` writes the same document on one line with no white space and no
    trailing newline, as web APIs and JSON Lines files want it. Both forms are
    stable (the same value always gives the same text) and :func:`loads` reads both
    back to an equal value.

    >>> from ilacs import frameworks
    >>> print(dumps(frameworks.get("ilacs-2026"))[:70])
    {
      "schema_version": 2,
      "document_type": "framework",
      "id": ...
    >>> dumps(frameworks.get("ilacs-2026"), compact=True)[:50]
    '{"schema_version":2,"document_type":"framework",...'
    """
    written = _json(obj, compact=compact)
    return written.decode() if isinstance(written, bytes) else written


def dumps_bytes(obj: Document, *, compact: bool = False) -> bytes:
    """:func:`dumps` as UTF-8 bytes, ready for a file or a socket (and faster).

    >>> from ilacs import frameworks
    >>> pack = frameworks.get("ilacs-2018")
    >>> dumps_bytes(pack) == dumps(pack).encode()
    True
    >>> loads(dumps_bytes(pack, compact=True)) == pack
    True
    """
    written = _json(obj, compact=compact)
    if isinstance(written, bytes):
        return written
    try:
        return written.encode()
    except UnicodeEncodeError as error:
        msg = f"the document cannot be written as UTF-8: {shown(error.object[error.start : error.end])} at character {error.start}"
        raise IlacsError(msg) from None


@overload
def loads(text: str | bytes, type: type[T]) -> T: ...
@overload
def loads(text: str | bytes, type: str | None = None) -> Document: ...
def loads(text: str | bytes, type: type | str | None = None) -> Any:  # noqa: A002 (see from_dict)
    """Read a JSON document; ``type`` as in :func:`from_dict`.

    >>> loads('{"schema_version": 3, "document_type": "inspection"}')
    Traceback (most recent call last):
    ...
    ilacs.errors.DocumentError: a document cannot be loaded (1 problem(s)):
      - $.schema_version: the document has schema version 3, newer than version 2, the newest this version of ilacs reads: upgrade ilacs
    """
    given: object = text
    if not isinstance(given, str | bytes):
        msg = f"loads needs JSON text (str or bytes), got {_type_name(text)}"
        raise DocumentError(msg, problems=(Problem("$", msg),))
    value = _fast_read(text, type)
    if value is not _NOT_TAKEN:
        return value
    data = json_text.parse(text)
    return from_dict(data, type)


_NOT_TAKEN = object()


def _fast_type(kind: type | str | None) -> DocumentType | None:
    if isinstance(kind, str):
        return _BUILT_IN.get(kind)
    for document_type in _BUILT_IN.values():
        if document_type.model is kind or (kind is tuple and document_type.name == "inspections"):
            return document_type
    return None


def _fast_read(text: str | bytes, kind: type | str | None) -> Any:  # noqa: ANN401 (a document's value)
    """The value of a document read by msgspec through the mirrors, or _NOT_TAKEN.

    It takes only a document that is exactly right (the current schema version, the
    type asked for, every key once, every check passed); every other goes the
    detailed way, which gives the same value or says what is wrong.
    """
    mirrors = _mirrors()
    if kind is None:  # any document: the type it names, if the fast path knows it
        named = mirrors.document_type_of(text)
        if not isinstance(named, str):
            return _NOT_TAKEN
        kind = named
    document_type = _fast_type(kind)
    if document_type is None or DOCUMENT_TYPES.get(document_type.name) is not document_type:
        return _NOT_TAKEN
    read = mirrors.reader(document_type.model, document_type.name, SCHEMA_VERSION)
    collection = document_type.name == "inspections"
    try:
        with _collection_paused() if collection else contextlib.nullcontext():
            value = read(text)
    except mirrors.UnfitError:
        return _NOT_TAKEN
    if collection:
        if value.frameworks != _framework_ids(value.inspections):
            return _NOT_TAKEN
        return value.inspections
    return value


def write_jsonl(values: Iterable[Document], file: IO[bytes]) -> int:
    """Write documents as JSON Lines: each in its compact form, one a line; the count written.

    One document at a time is held, so a collection of any size can be written
    from a generator. Read them back with :func:`iter_jsonl` or :func:`load_jsonl`.

    >>> import io
    >>> from ilacs import frameworks
    >>> out = io.BytesIO()
    >>> write_jsonl([frameworks.get("ilacs-2018"), frameworks.get("ilacs-2023")], out)
    2
    >>> len(out.getvalue().splitlines())
    2
    """
    count = 0
    for value in values:
        file.write(dumps_bytes(value, compact=True) + b"\n")
        count += 1
    return count


def iter_jsonl(
    lines: Iterable[str | bytes],
    type: type | str | None = None,  # noqa: A002 (see from_dict)
) -> Iterator[Any]:
    """Read JSON Lines one document at a time (an open file is an iterable of lines).

    Blank lines are skipped. ``type`` is as in :func:`loads`. A line that cannot be
    read raises :class:`~ilacs.errors.DocumentError` naming the line's number.

    >>> import io
    >>> from ilacs import frameworks
    >>> out = io.BytesIO()
    >>> _ = write_jsonl([frameworks.get("ilacs-2018")], out)
    >>> [pack.id for pack in iter_jsonl(io.BytesIO(out.getvalue()), "framework")]
    ['ilacs-2018']
    >>> next(iter_jsonl(['{"schema_version": 1}']))
    Traceback (most recent call last):
    ...
    ilacs.errors.DocumentError: line 1 cannot be loaded (1 problem(s)):
      - $.document_type: must be one of 'inspection', 'inspections', 'framework', 'action_plan' (got NoneType None)
    """
    read, unfit = _line_reader(type)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if read is not None and isinstance(line, str | bytes):
            try:
                value = read(line)
            except unfit:
                pass  # the detailed way below gives the value or says what is wrong
            else:
                yield value
                continue
        try:
            yield loads(line, type)
        except DocumentError as error:
            where = f"line {number}"
            raise DocumentError.listing(where, error.problems) from error


def _line_reader(kind: type | str | None) -> tuple[Callable[[str | bytes], Any] | None, Any]:
    """The fast reader of one document of ``kind`` and its error, found once for many lines.

    It is what :func:`_fast_read` uses for ``kind``; None where that does more (a
    collection, or any type).
    """
    mirrors = _mirrors()
    document_type = None if kind is None else _fast_type(kind)
    if (
        document_type is None
        or document_type.name == "inspections"
        or DOCUMENT_TYPES.get(document_type.name) is not document_type
    ):
        return None, mirrors.UnfitError
    read = mirrors.reader(document_type.model, document_type.name, SCHEMA_VERSION)
    return read, mirrors.UnfitError


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    # Loading builds many objects and frees none, so the cyclic collector would
    # walk them again and again and loading would grow worse than linear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_jsonl(
    lines: Iterable[str | bytes],
    type: type | str | None = None,  # noqa: A002 (see from_dict)
) -> tuple[Any, ...]:
    """Every document of JSON Lines, as :func:`iter_jsonl` reads them, in one tuple.

    The cyclic garbage collector is paused while they load, so that the time per
    document stays the same however many there are.

    >>> import io
    >>> from ilacs import frameworks
    >>> out = io.BytesIO()
    >>> _ = write_jsonl([frameworks.get("ilacs-2018")], out)
    >>> load_jsonl(out.getvalue().splitlines()) == (frameworks.get("ilacs-2018"),)
    True
    """
    with _collection_paused():
        return tuple(iter_jsonl(lines, type))


def _type_name(value: object) -> str:
    return value.__class__.__name__


def _yaml() -> Any:  # noqa: ANN401 (the yaml module, imported lazily)
    return require("yaml", extra="yaml", package="PyYAML", needed_for="reading and writing YAML")


def dumps_yaml(obj: Document) -> str:
    """The YAML text of a document: the same data as :func:`dumps`, dates quoted.

    >>> import pendulum
    >>> from ilacs import Inspection, InspectionKind, LocalAuthority
    >>> visit = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.FOCUSED_VISIT,
    ...     on_site_start=pendulum.date(2021, 6, 8),
    ... )
    >>> for line in dumps_yaml(visit).splitlines()[:9]:
    ...     print(line)
    schema_version: 2
    document_type: inspection
    authority:
      name: Haringey
      urn: null
      dfe_code: null
      ons_code: null
      region: null
    kind: focused_visit
    >>> loads_yaml(dumps_yaml(visit)) == visit
    True
    """
    yaml = _yaml()
    text: str = yaml.dump(
        to_dict(obj),
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return text


_loader_class: list[Any] = []


def _loader() -> Any:  # noqa: ANN401 (a yaml.SafeLoader subclass)
    if _loader_class:
        return _loader_class[0]
    yaml = _yaml()

    class Loader(yaml.SafeLoader):  # type: ignore[misc,name-defined]
        """The safe loader, but dates stay strings and duplicate keys are errors.

        Only true and false are booleans, as in YAML 1.2: YAML 1.1 reads the key ``on``
        of a status change, and ``yes``, ``no`` and ``off``, as booleans.
        """

    dropped = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in dropped]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"
    )

    def mapping(loader: Any, node: Any) -> dict[Any, Any]:  # noqa: ANN401
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                duplicate = key in result
            except TypeError:
                problem = Problem("$", f"a mapping key must be a string (got {_type_name(key)})")
                _fail("YAML document", [problem])
            if duplicate:
                problem = Problem("$", f"the key {shown(key)} appears twice in one mapping")
                _fail("YAML document", [problem])
            result[key] = loader.construct_object(value_node, deep=True)
        return result

    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    _loader_class.append(Loader)
    return Loader


@overload
def loads_yaml(text: str | bytes, type: type[T]) -> T: ...
@overload
def loads_yaml(text: str | bytes, type: str | None = None) -> Document: ...
def loads_yaml(text: str | bytes, type: type | str | None = None) -> Any:  # noqa: A002 (see from_dict)
    r"""Read a YAML document with PyYAML's safe loader; dates stay strings, as in JSON.

    >>> loads_yaml("schema_version: 1\ndocument_type: report\n")
    Traceback (most recent call last):
    ...
    ilacs.errors.DocumentError: a document cannot be loaded (1 problem(s)):
      - $.document_type: must be one of 'inspection', 'inspections', 'framework', 'action_plan' (got str 'report')
    """
    yaml = _yaml()
    given: object = text
    if not isinstance(given, str | bytes):
        msg = f"loads_yaml needs YAML text (str or bytes), got {_type_name(text)}"
        raise DocumentError(msg, problems=(Problem("$", msg),))
    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as error:
        _fail("YAML document", [Problem("$", f"not valid YAML: {shown(str(error))}")])
    except RecursionError:
        _fail("YAML document", [Problem("$", "nested too deeply")])
    except DocumentError:
        raise
    except (ValueError, OverflowError) as error:  # the interpreter's limits, as on numbers
        _fail("YAML document", [Problem("$", f"cannot be read: {shown(str(error))}")])
    return from_dict(data, type)


def json_schema(document_type: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document type, generated from the model.

    >>> schema = json_schema("inspection")
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["InspectionKind"]["enum"][:2]
    ['single_inspection', 'standard']
    """
    given: object = document_type  # checked at run time: callers may pass anything
    entry = _resolve(document_type) if isinstance(given, str) else None
    if entry is None:
        known = ", ".join(map(repr, DOCUMENT_TYPES))
        msg = f"json_schema needs a document type name ({known}), got {describe(given)}"
        raise IlacsError(msg)
    return _schema.document_schema(entry.name, entry.model, SCHEMA_VERSION)


def validate(obj: object) -> validation.ValidationReport:
    """Every finding for a value, or for a document given as JSON text or a dictionary.

    A document is loaded first; each problem that stops it loading becomes a finding
    (``ILACS-V001``, or the code of the rule it breaks) with its path, and a document
    that loads is validated as a value by :func:`ilacs.validation.validate`. This is
    the function behind :func:`ilacs.validate`.

    >>> report = validate('{"schema_version": 1, "document_type": "inspection"}')
    >>> report.ok, report.codes[:2], report.findings[0].path
    (False, ('ILACS-V001', 'ILACS-V001'), '$.authority')
    """
    if isinstance(obj, str | bytes | Mapping):
        try:
            obj = loads(obj) if isinstance(obj, str | bytes) else from_dict(obj)
        except DocumentError as error:
            return validation.ValidationReport.from_error(error)
    return validation.validate(obj)
