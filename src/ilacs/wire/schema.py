r"""JSON Schema (draft 2020-12) generated from the attrs model, for the serialisation edge.

The schema is the contract with programs not written in Python: it is as strict as
the model wherever JSON Schema can say a rule, and means the same to Python's
``jsonschema`` and to JavaScript's ajv. What it cannot say (the order of dates, ids
that refer to one another, uniqueness by a key) its ``description`` lists, so that
a front end knows to call ``ilacs validate`` as well.

Types, enums and required keys come from the type hints; the value rules come from
the facts ``ilacs.base.validators`` puts on its validators (``pattern``,
``min_length``, ``minimum``, ``maximum``, ``min_items``, ``unique_by``, ``items``);
the titles and descriptions come from the docstrings. Every pattern is written so
that both regular expression dialects read it alike: ``[0-9]`` rather than ``\d``,
and an end that a final line break cannot slip past. Enums, dates and records are
named ``$defs``, so that generated TypeScript names them once.
"""

import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pendulum

from ilacs.base.validators import LARGEST_WHOLE_NUMBER
from ilacs.frameworks.grades import OUTCOME_ID, Grade

__all__ = [
    "DRAFT",
    "GENERAL_RULES",
    "READ_MORE",
    "UNEXPRESSED",
    "bundle",
    "document_schema",
    "schema_id",
    "schema_text",
]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The end of a pattern: ``$`` lets a final line break through in Python, this
#: means the end of the text in both dialects.
_END = r"(?![\s\S])"
_DATE = {
    "title": "IsoDate",
    "description": (
        "A calendar date in ISO 8601 form, YYYY-MM-DD, from 0001-01-01: a day the"
        " calendar has (format date), so not 2023-02-29."
    ),
    "type": "string",
    "format": "date",
    "pattern": f"^(?!0000)[0-9]{{4}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]){_END}",
}
_DATETIME = {
    "title": "IsoDateTime",
    "description": "A date and time in ISO 8601 form with its offset from UTC.",
    "type": "string",
    "format": "date-time",
}
_PLAIN = {bool: "boolean", int: "integer", float: "number", str: "string"}
_STRING_FACTS = {"pattern", "minLength"}
_NUMBER_FACTS = {"minimum", "maximum"}
_ARRAY_FACTS = {"minItems", "uniqueItems"}

#: How ilacs reads a grade besides its value (``Grade.parse``): these spellings, in
#: any letter case, with white space around them, and any run of white space or
#: underscores between their words.
GRADE_SPELLINGS = (
    "outstanding",
    "good",
    "requires improvement to be good",
    "requires improvement",
    "ri",
    "inadequate",
)
#: What Python's ``str.strip`` and ``\s`` take for white space (not the byte order mark).
_PYTHON_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: The letters other than the ASCII pair that ``str.casefold`` turns into these.
_FOLDED = {"s": r"\u017f", "st": r"\ufb05\ufb06"}


def _any_case(word: str) -> str:
    """A pattern for a lower-case word as ``casefold`` reads it, in both dialects."""
    parts = []
    rest = word
    while rest:
        if rest.startswith("st"):
            parts.append(f"(?:[sS{_FOLDED['s']}][tT]|[{_FOLDED['st']}])")
            rest = rest[2:]
            continue
        letter, rest = rest[0], rest[1:]
        parts.append(f"[{letter}{letter.upper()}{_FOLDED.get(letter, '')}]")
    return "".join(parts)


def _grade_as_read() -> str:
    spellings = "|".join(
        f"[{_PYTHON_SPACE}_]+".join(_any_case(word) for word in spelling.split())
        for spelling in GRADE_SPELLINGS
    )
    return f"[{_PYTHON_SPACE}]*(?:{spellings})[{_PYTHON_SPACE}]*"


#: A grade as ilacs reads it: a pattern that both dialects read as ``Grade.parse`` does.
GRADE_AS_READ = _grade_as_read()

#: Rules of every document that no JSON Schema can say.
GENERAL_RULES = (
    "no key appears twice in one object (a JSON parser keeps one of them in silence)",
    "a whole number is written as one: 3, not 3.0 or 3e0 (JavaScript cannot tell them apart)",
)

#: What ilacs reads that a schema of documents as written does not take, by named type.
READ_MORE: dict[str, tuple[str, ...]] = {
    "Grade": (
        (
            "ilacs also reads a grade written as its label, such as 'Good' or 'RI', in"
            " any letter case and with stray spaces (as the schema of each document type"
            " does); this one takes only the values ilacs writes, such as 'good'"
        ),
    ),
}

#: The rules of each record (by class name) that JSON Schema cannot say; loading checks them.
UNEXPRESSED: dict[str, tuple[str, ...]] = {
    "Inspection": (
        "Inspection: on_site_end is not before on_site_start",
        "Inspection: off_site_start is not after on_site_start",
        "Inspection: no judgement area is judged twice (judgements unique by area)",
        "Inspection: improvement area and priority action ids are unique, across both lists",
        (
            "Inspection: not_known lists no fact that is given (a non-empty list, a date),"
            " and no fact twice"
        ),
    ),
    "Collection": (
        (
            "inspections document: frameworks lists the framework ids of the inspections,"
            " in the order they first appear"
        ),
    ),
    "Measure": (
        "Measure: the target is not dated before the baseline",
        "Measure: observations are in date order, one a day",
    ),
    "Action": (
        "Action: milestone ids and measure ids are unique within the action",
        "Action: the history is in date order",
        (
            "Action: statuses move forward only (planned, in_progress, completed, verified);"
            " a setback moves to an earlier status, and the first change is not a setback"
        ),
    ),
    "ActionPlan": ("ActionPlan: action ids are unique within the plan",),
    "Framework": (
        "Framework: in_force_until is not before in_force_from",
        (
            "Framework: judgement area ids, inspection kinds, rule codes and deadline rule"
            " ids are unique"
        ),
        "Framework: a judgement area's parent is a judgement area of the framework",
        (
            "Framework: each grading rule's target and conditions name the framework's"
            " judgement areas or roles (a target one area, never itself; a condition at"
            " least as many areas as it counts)"
        ),
    ),
    "GradeScale": (
        (
            "GradeScale: an ordered scale lists Ofsted's grades best first; a finding lists"
            " two outcomes, an ungraded scale none, any other at least one; rules and"
            " deadlines name only outcomes of the scale"
        ),
    ),
    "DeadlineRule": (
        "DeadlineRule: tolerance_months is less than months",
        "DeadlineRule: grade_at_least is not better than grade_at_most",
    ),
}


def _object(**keywords: Any) -> dict[str, Any]:  # noqa: ANN401 (any keyword's value)
    # ajv's strict mode wants the type beside the keywords of a type, even in an if.
    return {"type": "object", **keywords}


def _given(name: str, kind: str) -> dict[str, Any]:
    return _object(required=[name], properties={name: {"type": kind}})


def _when_grades(grade: dict[str, Any], keyword: str) -> dict[str, Any]:
    conditions = {"type": "array", keyword: _object(properties={"grade": grade})}
    return _object(properties={"when": conditions})


#: What a record's keys say together that JSON Schema can say (conditionals), by class name.
_TOGETHER: dict[str, dict[str, Any]] = {
    "StatusChange": {
        # A setback needs a note.
        "if": _object(required=["setback"], properties={"setback": {"const": True}}),
        "then": _given("note", "string"),
    },
    "DeadlineRule": {
        # Exactly one of working_days and months (an if rather than a oneOf, which
        # generated TypeScript would read as a union); a tolerance needs months.
        "if": _given("working_days", "integer"),
        "then": {"not": _given("months", "integer")},
        "else": _given("months", "integer"),
        "dependentSchemas": {
            "tolerance_months": {
                "if": _given("tolerance_months", "integer"),
                "then": _given("months", "integer"),
            }
        },
    },
    "Limit": {
        # The bound is null exactly when a condition's grade is null (each grade).
        "if": _object(properties={"bound": {"type": "null"}}),
        "then": _when_grades({"type": "null"}, "contains"),
        "else": _when_grades({"not": {"type": "null"}}, "items"),
    },
}

#: Value rules of fields whose validators are not ``ilacs.base.validators`` ones.
_FIELD_FACTS: dict[tuple[str, str], dict[str, Any]] = {
    ("Condition", "at_least"): {"minimum": 1},
    ("Framework", "judgement_areas"): {
        # At most one overall judgement area.
        "contains": _object(properties={"role": {"const": "overall"}}),
        "minContains": 0,
        "maxContains": 1,
    },
}


def schema_id(document_type: str, schema_version: int) -> str:
    """The ``$id`` of a document type's schema: a name, not an address to fetch.

    >>> schema_id("inspection", 1)
    'urn:ilacs:schema:inspection:1'
    """
    return f"urn:ilacs:schema:{document_type}:{schema_version}"


_ROLE = re.compile(r":[a-z:]+:`~?(?:[^`<]*<)?([^`>]+)>?`")


def _plain(text: str) -> str:
    """Docstring text as plain words: roles and literals without their markup."""
    text = _ROLE.sub(lambda match: match.group(1).rsplit(".", 1)[-1], text)
    return " ".join(text.replace("``", "`").split())


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring."""
    doc = inspect.getdoc(cls) or ""
    return _plain(doc.split("\n\n", 1)[0])


def _attribute_docs(cls: type) -> dict[str, str]:
    """The words of the ``Attributes:`` section of a class's docstring, by field name."""
    doc = inspect.getdoc(cls) or ""
    found: dict[str, list[str]] = {}
    inside, current = False, ""
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            inside = True
            continue
        if not inside:
            continue
        match = re.fullmatch(r" {4}(\w+): (.*)", line)
        if match:
            current = match.group(1)
            found[current] = [match.group(2)]
        elif line.startswith("        ") and current:
            found[current].append(line)
        else:
            break
    return {name: _plain(" ".join(words)) for name, words in found.items()}


def _validators(validator: object) -> Iterator[object]:
    """A validator and every validator it combines (attrs' lists, ``optional``)."""
    if validator is None:
        return
    yield validator
    if getattr(validator, "items", None) is not None:  # a tuple's: its items' rules
        return
    for nested in (*getattr(validator, "_validators", ()), *getattr(validator, "inner", ())):
        yield from _validators(nested)


def _facts(validator: object) -> tuple[dict[str, Any], object]:
    """The rules a field's validators state, as JSON Schema keywords, and its items' validator."""
    facts: dict[str, Any] = {}
    items: object = None
    for each in _validators(validator):
        pattern = getattr(each, "pattern", None)
        if pattern is not None:
            facts["pattern"] = f"^(?:{pattern}){_END}"
        for fact, keyword in (
            ("min_length", "minLength"),
            ("minimum", "minimum"),
            ("maximum", "maximum"),
            ("min_items", "minItems"),
        ):
            value = getattr(each, fact, None)
            if value is not None:
                facts[keyword] = value
        if getattr(each, "unique_by", None) is not None:
            facts["uniqueItems"] = True
        items = getattr(each, "items", None) or items
    return facts, items


def _only(facts: dict[str, Any], keywords: set[str]) -> dict[str, Any]:
    return {key: value for key, value in facts.items() if key in keywords}


class _Builder:
    def __init__(self, *, as_written: bool) -> None:
        self.as_written = as_written
        self.defs: dict[str, Any] = {}
        self.records: list[str] = []

    def define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self.defs.setdefault(name, schema)
        return {"$ref": f"#/$defs/{name}"}

    def outcome(self) -> dict[str, Any]:
        """An outcome on a framework's scale: a Grade, or the id of another scale's outcome."""
        grade = self.for_type(Grade, None, {})
        other = {"type": "string", "pattern": f"^{OUTCOME_ID}{_END}"}
        return self.define(
            "Outcome",
            {
                "title": "Outcome",
                "description": (
                    "An outcome on the framework's scale: a Grade on Ofsted's four-point"
                    " scale, or the snake_case id of an outcome that the framework pack's"
                    " scale defines (such as 'positive'); loading the document checks that"
                    " it is on the scale of the framework the document names."
                ),
                "anyOf": [grade, other],
            },
        )

    def for_type(self, hint: object, validator: object, extra: dict[str, Any]) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in {typing.Union, types.UnionType}:
            given = [arg for arg in args if arg is not type(None)]
            branches = [self.for_type(arg, validator, extra) for arg in given]
            if set(given) == {Grade, str}:
                branches = [self.outcome()]
            if type(None) in args:
                if len(branches) == 1 and "type" in branches[0]:
                    return {**branches[0], "type": [branches[0]["type"], "null"]}
                branches.append({"type": "null"})
            return branches[0] if len(branches) == 1 else {"anyOf": branches}
        if origin is typing.Literal:
            return {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
        if origin is tuple:
            facts, items = _facts(validator)
            return {
                "type": "array",
                "items": self.for_type(args[0], items, {}),
                **_only(facts, _ARRAY_FACTS),
                **extra,
            }
        if isinstance(hint, type):
            return self._for_class(hint, validator, extra)
        msg = f"no JSON Schema for the type {hint!r}"
        raise TypeError(msg)

    def _for_class(self, hint: type, validator: object, extra: dict[str, Any]) -> dict[str, Any]:
        if issubclass(hint, pendulum.DateTime):
            return self.define("IsoDateTime", dict(_DATETIME))
        if issubclass(hint, pendulum.Date):
            return self.define("IsoDate", dict(_DATE))
        if issubclass(hint, enum.Enum):
            values: dict[str, Any] = {"enum": [member.value for member in hint]}
            description = _summary(hint)
            if hint is Grade and not self.as_written:
                spelled = {"type": "string", "pattern": f"^(?:{GRADE_AS_READ}){_END}"}
                values = {"anyOf": [values, spelled]}
                description += (
                    " ilacs writes its value; it also reads its label or a variant ('Good',"
                    " 'Requires improvement', 'RI'), in any letter case."
                )
            return self.define(
                hint.__name__, {"title": hint.__name__, "description": description, **values}
            )
        if hint in _PLAIN:
            facts = _facts(validator)[0]
            kept = {str: _STRING_FACTS, int: _NUMBER_FACTS}.get(hint, set())
            schema = {"type": _PLAIN[hint], **_only(facts, kept), **extra}
            if hint is int:
                # A whole number beyond 2**53 - 1 is not held exactly in JavaScript.
                schema.setdefault("minimum", -LARGEST_WHOLE_NUMBER)
                schema.setdefault("maximum", LARGEST_WHOLE_NUMBER)
            return schema
        if attrs.has(hint):
            name = hint.__name__.lstrip("_")
            if name not in self.defs:
                self.defs[name] = {}
                self.defs[name] = self.object_schema(hint, name)
            return {"$ref": f"#/$defs/{name}"}
        msg = f"no JSON Schema for the type {hint!r}"
        raise TypeError(msg)

    def properties(self, cls: type, name: str) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties = {}
        for field in attrs.fields(cls):
            extra = _FIELD_FACTS.get((name, field.name), {})
            schema = self.for_type(hints[field.name], field.validator, extra)
            if field.name in docs:
                # Beside a $ref the words would make generated TypeScript copy the
                # type under a new name: an allOf of one keeps the name.
                shape = {"allOf": [schema]} if "$ref" in schema else schema
                schema = {"description": docs[field.name], **shape}
            properties[field.name] = schema
        return properties

    def object_schema(self, cls: type, name: str) -> dict[str, Any]:
        self.records.append(name)
        properties = self.properties(cls, name)
        description = _summary(cls)
        rules = UNEXPRESSED.get(name, ())
        if rules:
            description += " Rules no JSON Schema can say: " + "; ".join(rules) + "."
        return {
            "title": name,
            "description": description,
            "type": "object",
            "properties": properties,
            "required": _required(cls),
            "additionalProperties": False,
            **_TOGETHER.get(name, {}),
        }


def _required(cls: type) -> list[str]:
    # A key whose field has a default may be omitted: reading gives it the default.
    return [field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING]


def _title(document_type: str) -> str:
    return "".join(word.title() for word in document_type.split("_")) + "Document"


def document_schema(
    document_type: str, model: type, schema_version: int, *, as_written: bool = False
) -> dict[str, Any]:
    r"""The schema of a document whose body is ``model``, with the envelope first.

    It takes what :func:`ilacs.serialisation.loads` reads (a grade written as its
    label too), or with ``as_written`` only what ``dumps`` writes (a grade is its
    value), for the TypeScript types. Its ``description`` ends with the rules the
    schema cannot say, which loading (and so ``ilacs validate``) checks.

    >>> from ilacs.model.authority import LocalAuthority
    >>> schema = document_schema("authority", LocalAuthority, 1)
    >>> schema["$id"], schema["title"], schema["required"]
    ('urn:ilacs:schema:authority:1', 'AuthorityDocument', ['schema_version', 'document_type', 'name'])
    >>> schema["properties"]["dfe_code"]["pattern"]
    '^(?:[0-9]{3})(?![\\s\\S])'
    """
    builder = _Builder(as_written=as_written)
    name = model.__name__.lstrip("_")
    body = builder.properties(model, name)
    builder.records.append(name)
    properties = {
        "schema_version": {"const": schema_version},
        "document_type": {"const": document_type},
        **body,
    }
    rules = [
        *GENERAL_RULES,
        *(rule for record in builder.records for rule in UNEXPRESSED.get(record, ())),
    ]
    description = (
        f"An ilacs {document_type} document, schema version {schema_version}: "
        f"{_summary(model)} This schema says every rule JSON Schema can; call ilacs"
        " validate (serialisation.validate in Python) for the rules it cannot say: "
        + "; ".join(rules)
        + "."
    )
    more = [rule for name in builder.defs for rule in READ_MORE.get(name, ())]
    if more and as_written:
        description += " Beyond this schema, " + "; ".join(more) + "."
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id(document_type, schema_version),
        "title": _title(document_type),
        "description": description,
        "type": "object",
        "properties": properties,
        "required": ["schema_version", "document_type", *_required(model)],
        "additionalProperties": False,
        **_TOGETHER.get(name, {}),
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def bundle(schemas: Mapping[str, dict[str, Any]], schema_version: int) -> dict[str, Any]:
    """One schema with every document type's schema and every named type once, in ``$defs``.

    It accepts any of the documents; the TypeScript types are generated from it,
    so that ``Grade`` or ``LocalAuthority`` is declared once for all documents.

    >>> from ilacs.model.authority import LocalAuthority
    >>> one = bundle({"authority": document_schema("authority", LocalAuthority, 1)}, 1)
    >>> one["anyOf"], sorted(one["$defs"])
    ([{'$ref': '#/$defs/AuthorityDocument'}], ['AuthorityDocument'])
    """
    defs: dict[str, Any] = {}
    documents: list[str] = []
    for schema in schemas.values():
        body = {k: v for k, v in schema.items() if k not in {"$schema", "$id", "$defs"}}
        for name, definition in schema.get("$defs", {}).items():
            if defs.setdefault(name, definition) != definition:
                msg = f"two document types define {name!r} differently"
                raise TypeError(msg)
        defs[body["title"]] = body
        documents.append(body["title"])
    return {
        "$schema": DRAFT,
        "$id": schema_id("document", schema_version),
        "title": "IlacsDocument",
        "description": "Any ilacs document: "
        + ", ".join(documents)
        + ". Each document's description lists the rules no JSON Schema can say.",
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in documents],
        "$defs": dict(sorted(defs.items())),
    }


def schema_text(schema: Mapping[str, Any]) -> str:
    """A schema as the files in ``schemas/`` and ``ilacs schema`` write it: indented JSON.

    >>> print(schema_text({"const": 1}), end="")
    {
      "const": 1
    }
    """
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
