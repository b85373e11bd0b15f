"""The envelope every ilacs document carries: its schema version and its document type.

Every document, of every type (an inspection, a collection, an action plan, a
framework pack), opens with ``schema_version`` and ``document_type``. This module is
the one place that writes them, checks them and migrates an older document to the
current version; :mod:`ilacs.serialisation` and the framework registry both use it,
and :mod:`ilacs.serialisation` exports :data:`SCHEMA_VERSION` and :data:`MIGRATIONS`.

>>> wrap("inspection", {"kind": "short"})
{'schema_version': 2, 'document_type': 'inspection', 'kind': 'short'}
>>> body(open_document(wrap("framework", {"id": "x"}), "framework", what="a pack"))
{'id': 'x'}
"""

from collections.abc import Callable, Mapping
from typing import Any

from ilacs.base.text import describe
from ilacs.errors import DocumentError, Problem

__all__ = ["KEYS", "MIGRATIONS", "SCHEMA_VERSION", "body", "open_document", "wrap"]

#: The version of the document format this library reads and writes.
#: Version 2 added an inspection's ``not_known``: the facts its source is silent on.
SCHEMA_VERSION = 2


def _with_not_known(inspection: object) -> object:
    if isinstance(inspection, Mapping) and "not_known" not in inspection:
        return {**inspection, "not_known": []}
    return inspection


def _from_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: every inspection gains ``not_known``, empty.

    Version 1 could not say "not known", so an empty list in it was read as "none";
    the migration keeps that reading. Documents made from Ofsted's statistics under
    version 1 said "none" where the source was silent: import them again to have
    their areas for improvement and priority actions marked not known.
    """
    kind = document.get("document_type")
    if kind == "inspection":
        return document if "not_known" in document else {**document, "not_known": []}
    if kind == "inspections" and isinstance(document.get("inspections"), list):
        return {**document, "inspections": [_with_not_known(i) for i in document["inspections"]]}
    if kind == "action_plan" and "inspection" in document:
        return {**document, "inspection": _with_not_known(document["inspection"])}
    return document


#: Migrations of older documents, by the schema version they upgrade *from*: each
#: takes a document of that version and returns one of the next (the loader then
#: sets ``schema_version``).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_1}

#: The envelope's keys, in the order documents write them.
KEYS = ("schema_version", "document_type")


def wrap(document_type: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """The document of a body: the envelope first, then the body's keys in order."""
    return {"schema_version": SCHEMA_VERSION, "document_type": document_type, **content}


def body(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document without its envelope."""
    return {key: value for key, value in document.items() if key not in KEYS}


def _fail(what: str, path: str, message: str) -> DocumentError:
    return DocumentError.listing(what, [Problem(path, message)])


def _migrated(document: dict[str, Any], what: str) -> dict[str, Any]:
    version = document.get("schema_version")
    if type(version) is not int:
        message = (
            "required, a whole number such as 1"
            if "schema_version" not in document
            else f"expected a whole number such as 1, got {describe(version)}"
        )
        raise _fail(what, "$.schema_version", message)
    if version > SCHEMA_VERSION:
        message = (
            f"the document has schema version {version}, newer than version"
            f" {SCHEMA_VERSION}, the newest this version of ilacs reads: upgrade ilacs"
        )
        raise _fail(what, "$.schema_version", message)
    while version < SCHEMA_VERSION:
        migration = MIGRATIONS.get(version)
        if migration is None:
            message = f"no migration from schema version {version} to version {SCHEMA_VERSION}"
            raise _fail(what, "$.schema_version", message)
        document = dict(migration(dict(document)))
        version += 1
        document["schema_version"] = version
    return document


def open_document(
    data: object, document_type: str | Mapping[str, object] | None, *, what: str
) -> dict[str, Any]:
    """The document at the current schema version, once its envelope is checked.

    ``document_type`` is the one type wanted, the known types (a mapping by name), or
    None for any. Raises :class:`~ilacs.errors.DocumentError` naming what is wrong.
    """
    if not isinstance(data, Mapping):
        raise _fail(what, "$", f"expected a mapping (a JSON object), got {describe(data)}")
    document = _migrated(dict(data), what)
    name = document.get("document_type")
    if isinstance(document_type, str):
        if name != document_type:
            raise _fail(
                what, "$.document_type", f"must be {document_type!r} (got {describe(name)})"
            )
    elif document_type is not None and (not isinstance(name, str) or name not in document_type):
        known = ", ".join(map(repr, document_type))
        raise _fail(what, "$.document_type", f"must be one of {known} (got {describe(name)})")
    return document
