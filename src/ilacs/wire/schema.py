"""JSON Schema (draft 2020-12) generated from the attrs model, for the serialisation edge.

Types, enums and required keys come from the type hints; the regular expressions
come from the fields' ``_validators.matches`` validators, which say what pattern
they check. The schema never asks for more than loading does: what
it rejects, loading rejects too (loading also checks cross-field rules).
"""

import enum
import types
import typing
from typing import Any

import attrs
import pendulum

__all__ = ["document_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_DATETIME = {"type": "string", "format": "date-time"}
_PLAIN = {bool: "boolean", int: "integer", float: "number", str: "string"}


def _value_rules(validator: object) -> dict[str, Any]:
    """The rules a field's validators put on its strings (pattern, length) and numbers (bounds).

    ``ilacs.base.validators`` marks its validators with what they check (``pattern``,
    ``min_length``) and the validators they wrap (``inner``); attrs keeps a list of
    validators in ``_validators``.
    """
    if validator is None:
        return {}
    rules: dict[str, Any] = {}
    pattern = getattr(validator, "pattern", None)
    if pattern is not None:
        rules["pattern"] = f"^(?:{pattern})$"
    min_length = getattr(validator, "min_length", None)
    if min_length is not None:
        rules["minLength"] = min_length
    for fact, keyword in (("minimum", "minimum"), ("maximum", "maximum")):
        bound = getattr(validator, fact, None)
        if bound is not None:
            rules[keyword] = bound
    inner = (*getattr(validator, "_validators", ()), *getattr(validator, "inner", ()))
    for nested in inner:
        for key, value in _value_rules(nested).items():
            rules.setdefault(key, value)
    return rules


_NUMBER_RULES = frozenset({"minimum", "maximum"})


def _rules_for(kind: type, rules: dict[str, Any]) -> dict[str, Any]:
    # A field's rules apply to its strings or to its numbers, whichever it holds.
    if kind is str:
        return {key: value for key, value in rules.items() if key not in _NUMBER_RULES}
    if kind is int:
        return {key: value for key, value in rules.items() if key in _NUMBER_RULES}
    return {}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def for_type(self, hint: object, strings: dict[str, Any]) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in {typing.Union, types.UnionType}:
            branches = [self.for_type(arg, strings) for arg in args if arg is not type(None)]
            if type(None) in args:
                branches.append({"type": "null"})
            return branches[0] if len(branches) == 1 else {"anyOf": branches}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin is tuple:
            return {"type": "array", "items": self.for_type(args[0], strings)}
        if isinstance(hint, type):
            return self._for_class(hint, strings)
        msg = f"no JSON Schema for the type {hint!r}"
        raise TypeError(msg)

    def _for_class(self, hint: type, strings: dict[str, Any]) -> dict[str, Any]:
        if issubclass(hint, pendulum.DateTime):
            return dict(_DATETIME)
        if issubclass(hint, pendulum.Date):
            return dict(_DATE)
        if issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        if hint in _PLAIN:
            return {"type": _PLAIN[hint], **_rules_for(hint, strings)}
        if attrs.has(hint):
            name = hint.__name__.lstrip("_")
            if name not in self.defs:
                self.defs[name] = {}
                self.defs[name] = self.object_schema(hint)
            return {"$ref": f"#/$defs/{name}"}
        msg = f"no JSON Schema for the type {hint!r}"
        raise TypeError(msg)

    def properties(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        return {
            field.name: self.for_type(hints[field.name], _value_rules(field.validator))
            for field in attrs.fields(cls)
        }

    def object_schema(self, cls: type) -> dict[str, Any]:
        properties = self.properties(cls)
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }


def document_schema(document_type: str, model: type, schema_version: int) -> dict[str, Any]:
    """The schema of a document whose body is ``model``, with the envelope first."""
    builder = _Builder()
    properties = {
        "schema_version": {"const": schema_version},
        "document_type": {"const": document_type},
        **builder.properties(model),
    }
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": f"ilacs {document_type} document, schema version {schema_version}",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema
