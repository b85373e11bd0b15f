"""Tests for ilacs.wire.schema: the JSON Schema of each document type (ilacs.serialisation.json_schema)."""

import copy
import enum
import json
import re
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema
import pendulum
import pytest
from _haringey import HISTORY
from cli_runner import run_cli
from hypothesis import given
from hypothesis import strategies as st

from ilacs import ActionPlan, Inspection, serialisation, strategies
from ilacs.base import validators as v
from ilacs.errors import DocumentError, IlacsError
from ilacs.frameworks import Framework, grades
from ilacs.frameworks.grades import Grade
from ilacs.wire.schema import DRAFT, GRADE_AS_READ, GRADE_SPELLINGS, document_schema

sys.path.insert(0, str(Path(__file__).parent / "js"))
import regenerate

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
BUILTIN = resources.files("ilacs.frameworks") / "builtin"
DOCUMENT_TYPES = sorted(serialisation.DOCUMENT_TYPES)
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER

Document = dict[str, Any]


def _validator(document_type: str) -> jsonschema.Draft202012Validator:
    schema = serialisation.json_schema(document_type)
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


def _assert_valid(document: Document) -> None:
    _validator(document["document_type"]).validate(document)


def _written(value: serialisation.Document) -> Document:
    document: Document = json.loads(serialisation.dumps(value))
    return document


def _objects(schema: Any) -> list[Document]:  # noqa: ANN401 (any part of a schema)
    """Every object schema inside a schema, however deep."""
    if isinstance(schema, list):
        return [found for item in schema for found in _objects(item)]
    if not isinstance(schema, dict):
        return []
    # A record has a title; the objects inside conditionals (if, then) only test keys.
    own = [schema] if schema.get("type") == "object" and "title" in schema else []
    return own + [found for value in schema.values() for found in _objects(value)]


class TestTheSchemas:
    """Each document type has a draft 2020-12 schema with the envelope and closed objects."""

    @pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
    def test_the_schema_is_valid_draft_2020_12(self, document_type: str) -> None:
        """The jsonschema library accepts it against the draft's meta-schema."""
        schema = serialisation.json_schema(document_type)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"

    @pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
    def test_the_envelope_comes_first_with_its_constants(self, document_type: str) -> None:
        """schema_version and document_type are required, fixed, and the first keys."""
        schema = serialisation.json_schema(document_type)
        assert schema["required"][:2] == ["schema_version", "document_type"]
        assert schema["properties"]["schema_version"] == {"const": serialisation.SCHEMA_VERSION}
        assert schema["properties"]["document_type"] == {"const": document_type}

    @pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
    def test_every_object_is_closed_and_requires_the_keys_without_a_default(
        self, document_type: str
    ) -> None:
        """As loading: no unknown keys anywhere; a key whose field has a default may be omitted."""
        objects = _objects(serialisation.json_schema(document_type))
        assert objects
        for schema in objects:
            assert schema["additionalProperties"] is False
            assert set(schema["required"]) <= set(schema["properties"])

    def test_an_inspection_requires_only_what_has_no_default(self) -> None:
        """The envelope, the authority, the kind and the first day on site: the rest may be left out."""
        schema = serialisation.json_schema("inspection")
        assert schema["required"] == [
            "schema_version",
            "document_type",
            "authority",
            "kind",
            "on_site_start",
        ]


def _example(name: str) -> Document:
    document: Document = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return document


EXAMPLE_FILES = sorted(path.name for path in EXAMPLES.glob("*.json"))
#: Every example (cqc-asc-legacy.json omits keys that have defaults, as people may).
EXAMPLE_DOCUMENTS = EXAMPLE_FILES
PACK_FILES = sorted(entry.name for entry in BUILTIN.iterdir() if entry.name.endswith(".json"))


class TestRealDocuments:
    """Real documents validate: the examples, the built-in packs, Ofsted's national history."""

    def test_the_examples_hold_each_kind_of_single_document(self) -> None:
        """The Haringey inspection and plan and the CQC pack: three document types."""
        kinds = {_example(name)["document_type"] for name in EXAMPLE_FILES}
        assert kinds == {"inspection", "action_plan", "framework"}

    @pytest.mark.parametrize("name", EXAMPLE_DOCUMENTS)
    def test_an_example_document_validates(self, name: str) -> None:
        """Each file in examples/data is valid under the schema of its document type."""
        _assert_valid(_example(name))

    @pytest.mark.parametrize("name", PACK_FILES)
    def test_a_built_in_pack_file_validates(self, name: str) -> None:
        """The pack files shipped in ilacs/frameworks/builtin are framework documents."""
        document: Document = json.loads((BUILTIN / name).read_text(encoding="utf-8"))
        assert document["document_type"] == "framework"
        _assert_valid(document)

    def test_haringeys_history_validates_as_a_collection(self) -> None:
        """Four inspections under four framework versions, as one inspections document."""
        _assert_valid(_written(HISTORY))

    def test_ofsteds_national_history_validates_as_a_collection(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """The 271 inspections of Ofsted's official statistics, as one document."""
        document = _written(official_inspections)
        assert len(document["inspections"]) == 271
        _assert_valid(document)


class TestWrittenDocuments:
    """What serialisation.dumps writes for any generated value validates."""

    @given(strategies.inspections())
    def test_an_inspection(self, inspection: Inspection) -> None:
        """Any inspection, dates in ISO 8601 form as the date format requires."""
        _assert_valid(_written(inspection))

    @given(st.lists(strategies.inspections(), max_size=4).map(tuple))
    def test_a_collection(self, inspections: tuple[Inspection, ...]) -> None:
        """Any list of inspections, empty included."""
        _assert_valid(_written(inspections))

    @given(strategies.action_plans(max_actions=3))
    def test_an_action_plan(self, plan: ActionPlan) -> None:
        """Any action plan, with its inspection, actions, milestones, measures and history."""
        _assert_valid(_written(plan))

    @given(strategies.frameworks_())
    def test_a_framework(self, framework: Framework) -> None:
        """Every registered framework version."""
        _assert_valid(_written(framework))


def _add(path: tuple[str | int, ...], key: str, value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        _at(document, path)[key] = value

    return change


def _drop(path: tuple[str | int, ...], key: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        del _at(document, path)[key]

    return change


def _at(document: Document, path: tuple[str | int, ...]) -> Any:  # noqa: ANN401 (a part of a document)
    part: Any = document
    for step in path:
        part = part[step]
    return part


PLAN = "haringey-2018-action-plan.json"
INSPECTION = "haringey-2018.json"
PACK = "cqc-asc-legacy.json"

UNKNOWN, MISSING = "additionalProperties", "required"
AUTHORITY, ACTION = ("inspection", "authority"), ("actions", 0)
CHANGE = ("actions", 1, "history", 0)

#: (example file, a change, the JSON Schema keyword that fails, the path of the object).
KEY_PROBLEMS = [
    pytest.param(PLAN, _add((), "notes", "x"), UNKNOWN, (), id="plan-top-level"),
    pytest.param(PLAN, _add(AUTHORITY, "nickname", "x"), UNKNOWN, AUTHORITY, id="plan-authority"),
    pytest.param(PLAN, _add(ACTION, "priority", 1), UNKNOWN, ACTION, id="plan-action"),
    pytest.param(PLAN, _add(CHANGE, "by_whom", "x"), UNKNOWN, CHANGE, id="plan-status-change"),
    pytest.param(INSPECTION, _add((), "inspector", "A"), UNKNOWN, (), id="inspection-old-key"),
    pytest.param(PACK, _add((), "extends", "ilacs-2018"), UNKNOWN, (), id="pack-top-level"),
    pytest.param(PLAN, _drop(ACTION, "due"), MISSING, ACTION, id="plan-action-due"),
    pytest.param(INSPECTION, _drop((), "document_type"), MISSING, (), id="inspection-envelope"),
    pytest.param(PACK, _drop((), "judgement_areas"), MISSING, (), id="pack-areas"),
]

#: (example file, a change, the keyword of the value rule it breaks).
BAD_VALUES = [
    pytest.param(INSPECTION, _add((), "schema_version", 3), "const", id="newer-schema-version"),
    pytest.param(INSPECTION, _add((), "document_type", "action_plan"), "const", id="other-type"),
    pytest.param(INSPECTION, _add(("authority",), "urn", 0), "minimum", id="urn-zero"),
    pytest.param(INSPECTION, _add(("authority",), "urn", 2**53), "maximum", id="urn-beyond-json"),
    pytest.param(INSPECTION, _add(("authority",), "urn", "80498"), "type", id="urn-as-text"),
    pytest.param(
        INSPECTION, _add(("authority",), "ons_code", "E0900001"), "pattern", id="ons-code"
    ),
    pytest.param(INSPECTION, _add(("authority",), "name", ""), "minLength", id="empty-name"),
    pytest.param(INSPECTION, _add((), "kind", "inspection"), "enum", id="unknown-kind"),
    pytest.param(
        INSPECTION, _add(("judgements", 0), "grade", "Adequate"), "pattern", id="no-grade"
    ),
    pytest.param(INSPECTION, _add(("authority",), "dfe_code", "٣٠٩"), "pattern", id="dfe-digits"),
    pytest.param(INSPECTION, _add(("authority",), "name", "Haringey\n"), "pattern", id="text-end"),
    pytest.param(INSPECTION, _add(("authority",), "name", "Hari\x00ngey"), "pattern", id="control"),
    pytest.param(INSPECTION, _add((), "on_site_start", "0000-10-29"), "pattern", id="year-zero"),
    pytest.param(INSPECTION, _add((), "source_url", "https://x.uk/\ufeff"), "pattern", id="url"),
    pytest.param(PLAN, _add(ACTION, "owners", []), "minItems", id="no-owner"),
    pytest.param(PLAN, _add(ACTION, "owners", ["A", "A"]), "uniqueItems", id="owner-twice"),
    pytest.param(PLAN, _add(CHANGE, "setback", value=True), "type", id="setback-no-note"),
    pytest.param(INSPECTION, _add((), "on_site_start", "29/10/2018"), "pattern", id="date-form"),
    pytest.param(INSPECTION, _add((), "on_site_start", "2018-02-30"), "format", id="no-such-day"),
    pytest.param(INSPECTION, _add((), "judgements", {}), "type", id="object-for-array"),
    pytest.param(PLAN, _add(("actions", 0), "id", "QA Framework"), "pattern", id="action-id"),
]


def _failures(name: str, change: Callable[[Document], None]) -> list[jsonschema.ValidationError]:
    """What the schema finds wrong with a changed example, which loading must reject too."""
    document = copy.deepcopy(_example(name))
    change(document)
    with pytest.raises(DocumentError):
        serialisation.from_dict(document)
    return list(_validator(_example(name)["document_type"]).iter_errors(document))


class TestRejections:
    """The schema rejects what loading rejects: unknown keys, missing keys, bad values."""

    @pytest.mark.parametrize(("name", "change", "keyword", "path"), KEY_PROBLEMS)
    def test_an_unknown_or_missing_key_is_rejected_at_its_object(
        self,
        name: str,
        change: Callable[[Document], None],
        keyword: str,
        path: tuple[str | int, ...],
    ) -> None:
        """The schema fails it at the object that holds, or lost, the key; loading does too."""
        failures = _failures(name, change)
        assert (keyword, path) in {(f.validator, tuple(f.path)) for f in failures}

    @pytest.mark.parametrize(("name", "change", "keyword"), BAD_VALUES)
    def test_a_value_breaking_its_rule_is_rejected(
        self, name: str, change: Callable[[Document], None], keyword: str
    ) -> None:
        """The keyword that carries the rule fails (inside anyOf for optional fields)."""
        failures = _failures(name, change)
        keywords = {f.validator for f in failures} | {
            c.validator for f in failures for c in f.context or ()
        }
        assert keyword in keywords


class Colour(enum.Enum):
    """An enum, written by value."""

    RED = "red"
    GREEN = "green"


@attrs.frozen(kw_only=True)
class Part:
    """A nested record."""

    code: str = attrs.field(validator=v.matches(r"[a-z]{2}", "two letters"))


@attrs.frozen(kw_only=True)
class Sample:
    """A made-up record with one field of each kind the generator translates."""

    name: str = attrs.field(validator=v.text)
    count: int = attrs.field(validator=[v.instance_of(int), v.at_least(1), v.at_most(12)])
    share: float = attrs.field()
    done: bool = attrs.field()
    colour: Colour = attrs.field()
    mode: Literal["a", "b"] = attrs.field()
    day: pendulum.Date = attrs.field()
    moment: pendulum.DateTime = attrs.field()
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))
    parts: tuple[Part, ...] = attrs.field(default=())
    first: Part | None = attrs.field(default=None)


TEXT = {"type": "string", "pattern": f"^(?:{v.TEXT})(?![\\s\\S])", "minLength": 1}


class TestTheGenerator:
    """document_schema translates types and validators' facts into JSON Schema keywords."""

    def test_each_kind_of_field_has_its_keywords(self) -> None:
        """Strings, bounds, enums, literals, dates, optionals, tuples and nested records."""
        properties = document_schema("sample", Sample, 3)["properties"]
        largest = v.LARGEST_WHOLE_NUMBER
        assert properties == {
            "schema_version": {"const": 3},
            "document_type": {"const": "sample"},
            "name": TEXT,
            "count": {"type": "integer", "minimum": 1, "maximum": 12},
            "share": {"type": "number"},
            "done": {"type": "boolean"},
            "colour": {"$ref": "#/$defs/Colour"},
            "mode": {"enum": ["a", "b"]},
            "day": {"$ref": "#/$defs/IsoDate"},
            "moment": {"$ref": "#/$defs/IsoDateTime"},
            "note": {**TEXT, "type": ["string", "null"]},
            "parts": {"type": "array", "items": {"$ref": "#/$defs/Part"}},
            "first": {"anyOf": [{"$ref": "#/$defs/Part"}, {"type": "null"}]},
        }
        bare = document_schema("bare", Bare, 1)["properties"]["number"]
        assert bare == {"type": "integer", "minimum": -largest, "maximum": largest}

    def test_enums_dates_and_records_are_named_defs_with_titles_and_descriptions(self) -> None:
        """Part appears twice and is one $defs entry, its pattern anchored at both ends."""
        schema = document_schema("sample", Sample, 3)
        assert sorted(schema["$defs"]) == ["Colour", "IsoDate", "IsoDateTime", "Part"]
        assert schema["$defs"]["Colour"] == {
            "title": "Colour",
            "description": "An enum, written by value.",
            "enum": ["red", "green"],
        }
        assert schema["$defs"]["Part"] == {
            "title": "Part",
            "description": "A nested record.",
            "type": "object",
            "properties": {"code": {"type": "string", "pattern": "^(?:[a-z]{2})(?![\\s\\S])"}},
            "required": ["code"],
            "additionalProperties": False,
        }
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_a_field_is_described_from_the_attributes_of_its_docstring(self) -> None:
        """LocalAuthority's Attributes section becomes each property's description."""
        authority = serialisation.json_schema("inspection")["$defs"]["LocalAuthority"]
        assert authority["properties"]["dfe_code"]["description"] == (
            "the Department for Education's LA code: three ASCII digits."
        )
        inspection = serialisation.json_schema("action_plan")["$defs"]["Inspection"]
        assert inspection["properties"]["authority"] == {
            "description": "the local authority, as it was at the time.",
            "allOf": [{"$ref": "#/$defs/LocalAuthority"}],
        }

    def test_a_record_without_nested_records_has_only_what_it_uses(self) -> None:
        """No empty $defs."""
        assert "$defs" not in document_schema("bare", Bare, 1)

    def test_the_schema_has_an_id_and_a_title_per_document_type(self) -> None:
        """$id names the document type and schema version; the title names the document."""
        schema = serialisation.json_schema("action_plan")
        assert schema["$id"] == "urn:ilacs:schema:action_plan:2"
        assert schema["title"] == "ActionPlanDocument"


@attrs.frozen(kw_only=True)
class Bare:
    """A record with a whole number and nothing else."""

    number: int = attrs.field(validator=v.instance_of(int))


def _patterns(schema: Any) -> list[str]:  # noqa: ANN401 (any part of a schema)
    if isinstance(schema, list):
        return [found for item in schema for found in _patterns(item)]
    if not isinstance(schema, dict):
        return []
    own = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
    return own + [found for value in schema.values() for found in _patterns(value)]


SPELLINGS = st.builds(
    "".join,
    st.lists(
        st.sampled_from(
            [
                "good",
                "Good",
                "GOOD",
                "requires",
                "improvement",
                "to",
                "be",
                "ri",
                "RI",
                "out\u017ftanding",
                "out\ufb06anding",
                "inadequate",
                "adequate",
                " ",
                "_",
                "\u3000",
                "\t",
                "\ufeff",
                "\n",
                "K",
            ]
        ),
        max_size=7,
    ),
)


def _parses(text: str) -> bool:
    try:
        Grade.parse(text)
    except IlacsError:
        return False
    return True


class TestPortablePatterns:
    """Every pattern means the same in Python and JavaScript, and as much as the model."""

    @pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
    def test_no_pattern_uses_what_the_dialects_read_differently(self, document_type: str) -> None:
        """No digit, word or space classes (Unicode in Python), no $ (a final line break), no dot."""
        for pattern in _patterns(serialisation.json_schema(document_type)):
            assert pattern.startswith("^")
            assert pattern.endswith("(?![\\s\\S])")
            body = pattern.removesuffix("(?![\\s\\S])").replace("\\\\", "")
            assert not re.search(r"\\[dDwWsSbB]|(?<!\\)[.$]", body), pattern

    def test_the_grade_spellings_are_the_ones_grade_parse_reads(self) -> None:
        """GRADE_SPELLINGS lists exactly the variants Grade.parse knows."""
        assert set(GRADE_SPELLINGS) == set(grades._VARIANTS)  # noqa: SLF001 (pinned here)

    @given(SPELLINGS)
    def test_the_grade_pattern_accepts_exactly_what_grade_parse_reads(self, text: str) -> None:
        """Labels, variants, any case, stray spaces and underscores: as Grade.parse."""
        assert bool(re.fullmatch(GRADE_AS_READ, text)) == _parses(text), repr(text)

    @pytest.mark.parametrize(
        "text",
        ["Requires improvement to be good", " RI ", "requires__improvement", "out\ufb06anding"],
    )
    def test_a_grade_label_is_accepted_by_the_schema_as_by_loading(self, text: str) -> None:
        """A hand-written document may give a grade by its label: both read it."""
        document = copy.deepcopy(_example(INSPECTION))
        document["judgements"][0]["grade"] = text
        serialisation.from_dict(document)
        _assert_valid(document)


class TestConditionals:
    """What keys say together, where JSON Schema can say it, as loading does."""

    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            ({"months": 3}, "exactly one of 'working_days' and 'months'"),
            ({"working_days": None}, "exactly one of 'working_days' and 'months'"),
            ({"tolerance_months": 1}, "'tolerance_months' needs 'months'"),
        ],
    )
    def test_a_deadline_rule_counts_in_days_or_months(
        self, changes: dict[str, object], problem: str
    ) -> None:
        """Exactly one of working_days and months; a tolerance needs months."""
        document: Document = json.loads((BUILTIN / "ilacs-2018.json").read_text(encoding="utf-8"))
        document["deadlines"][0].update(changes)
        with pytest.raises(DocumentError, match=problem):
            serialisation.from_dict(document)
        assert not _validator("framework").is_valid(document)

    def test_a_limit_bound_is_null_exactly_when_a_condition_grade_is(self) -> None:
        """A bound beside conditions that each name a grade must be a grade."""
        document: Document = json.loads((BUILTIN / "ilacs-2018.json").read_text(encoding="utf-8"))
        document["rules"][0]["limits"][0]["bound"] = None
        with pytest.raises(DocumentError, match="'bound' must be null when"):
            serialisation.from_dict(document)
        assert not _validator("framework").is_valid(document)

    def test_a_framework_has_at_most_one_overall_area(self) -> None:
        """A second overall judgement area: maxContains says no, as loading does."""
        document: Document = json.loads((BUILTIN / "ilacs-2018.json").read_text(encoding="utf-8"))
        document["judgement_areas"][0]["role"] = "overall"
        with pytest.raises(DocumentError, match="at most one overall"):
            serialisation.from_dict(document)
        assert not _validator("framework").is_valid(document)


#: The files of schemas/ as the code generates them now.
FILES = regenerate.json_files()


class TestShippedFiles:
    """schemas/ holds what the code generates; ilacs schema prints the same."""

    @pytest.mark.parametrize("name", sorted(FILES))
    def test_a_schema_file_is_what_the_code_generates(self, name: str) -> None:
        """Each JSON file of schemas/ is fresh; the message says how to make it so."""
        path = regenerate.SCHEMAS / name
        fresh = FILES[name]
        written = path.read_text(encoding="utf-8") if path.exists() else None
        assert written == fresh, f"schemas/{name} is stale: run `{regenerate.COMMAND}`"

    def test_the_schema_command_prints_the_shipped_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command `ilacs schema inspection` prints the file in schemas/, byte for byte."""
        run = run_cli(capsys, "schema", "inspection")
        assert run.status == 0
        assert run.out == (regenerate.SCHEMAS / "inspection.schema.json").read_text("utf-8")

    def test_the_bundle_holds_each_named_type_once_as_ilacs_writes_it(self) -> None:
        """One $defs for all documents; a grade is its value there, for TypeScript."""
        bundle = json.loads(FILES["ilacs.schema.json"])
        jsonschema.Draft202012Validator.check_schema(bundle)
        assert bundle["$defs"]["Grade"]["enum"] == [grade.value for grade in Grade]
        assert "Good" not in json.dumps(bundle["$defs"]["Grade"])
        _assert_written_valid(bundle, _written(HISTORY))


def _assert_written_valid(schema: Document, document: Document) -> None:
    jsonschema.Draft202012Validator(schema, format_checker=FORMATS).validate(document)
