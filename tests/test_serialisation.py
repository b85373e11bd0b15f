"""Tests for ilacs.serialisation: JSON and YAML documents, the schema and migrations."""

import copy
import gc
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    serialisation,
    strategies,
)
from ilacs.errors import DocumentError, IlacsError
from ilacs.serialisation import dumps, dumps_yaml, from_dict, loads, loads_yaml, to_dict
from ilacs.wire import serialisation as wire_serialisation

DATA = Path(__file__).parent / "data"

HARINGEY = Inspection(
    authority=LocalAuthority(
        name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
    ),
    kind=InspectionKind.STANDARD,
    off_site_start=pendulum.date(2018, 10, 22),
    on_site_start=pendulum.date(2018, 10, 29),
    on_site_end=pendulum.date(2018, 11, 9),
    published=pendulum.date(2018, 12, 14),
    judgements=(Judgement(area="leaders", grade=Grade.REQUIRES_IMPROVEMENT),),
    improvement_areas=(
        ImprovementArea(
            id="ia-1", text="Pathways to private fostering.", judgement_areas=("leaders",)
        ),
    ),
)

HARINGEY_DOCUMENT = """\
{
  "schema_version": 2,
  "document_type": "inspection",
  "authority": {
    "name": "Haringey",
    "urn": 80498,
    "dfe_code": "309",
    "ons_code": "E09000014",
    "region": "London"
  },
  "kind": "standard",
  "on_site_start": "2018-10-29",
  "on_site_end": "2018-11-09",
  "off_site_start": "2018-10-22",
  "report_received": null,
  "published": "2018-12-14",
  "framework": "ilacs-2018",
  "lead_inspector": null,
  "judgements": [
    {
      "area": "leaders",
      "grade": "requires_improvement"
    }
  ],
  "improvement_areas": [
    {
      "id": "ia-1",
      "text": "Pathways to private fostering.",
      "judgement_areas": [
        "leaders"
      ],
      "national_framework": null
    }
  ],
  "priority_actions": [],
  "topic": null,
  "source_url": null,
  "findings": [],
  "not_known": []
}
"""

DOCUMENT_TYPES = ["inspection", "inspections", "framework", "action_plan"]

COLLECTIONS = st.lists(strategies.inspections(), max_size=4).map(tuple)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


def _document(**changes: Any) -> dict[str, Any]:  # noqa: ANN401 (any key's value)
    document = to_dict(HARINGEY)
    document.update(changes)
    return document


def _without(path: tuple[str | int, ...]) -> dict[str, Any]:
    document = to_dict(HARINGEY)
    *parents, last = path
    target: Any = document
    for key in parents:
        target = target[key]
    del target[last]
    return document


#: (document, a problem the error must list): each is rejected.
BAD_DOCUMENTS = [
    (_document(zzz=1), "$: unknown key(s) zzz: this version of ilacs does not read them"),
    (_without(("kind",)), "$.kind: required key missing"),
    (_without(("authority", "name")), "$.authority.name: required key missing"),
    (
        _without(("improvement_areas", 0, "text")),
        "$.improvement_areas[0].text: required key missing",
    ),
    (_without(("on_site_start",)), "$.on_site_start: required key missing"),
    (
        _document(published="14/12/2018"),
        "$.published: expected an ISO 8601 date such as 2018-12-14, got str '14/12/2018'",
    ),
    (_document(published="2018-02-30"), "$.published: '2018-02-30' is not a date on the calendar"),
    (_document(kind="Standard"), "$.kind: must be one of"),
    (_document(lead_inspector=12345), "$.lead_inspector: expected a string, got int 12345"),
    (
        _document(judgements=[{"area": "leaders", "grade": "Adequate"}]),
        "$.judgements[0].grade: must be one of",
    ),
    (_document(authority="Haringey"), "$.authority"),
    (
        _document(schema_version=None),
        "$.schema_version: expected a whole number such as 1, got NoneType None",
    ),
    (_document(schema_version="1"), "$.schema_version: expected a whole number"),
    (_document(schema_version=True), "$.schema_version: expected a whole number"),
    (_document(document_type="report"), "$.document_type: must be one of 'inspection'"),
    (
        _document(on_site_end="2018-10-01"),
        (
            "$.on_site_end: 'on_site_end' must not be before the on-site start 2018-10-29"
            " (got 2018-10-01)"
        ),
    ),
    (
        _document(lead_inspector=" Jo "),
        "$.lead_inspector: 'lead_inspector' must not start or end with white space",
    ),
    ({"document_type": "inspection"}, "$.schema_version: required"),
    ([], "$: expected a mapping (a JSON object), got list []"),
]

#: (JSON text, a problem the error must list): each is rejected before the model sees it.
BAD_TEXTS = [
    ("", "$: not valid JSON: line 1 column 1: Expecting value"),
    ('{"schema_version": 1,', "$: not valid JSON"),
    ('{"a": 1, "a": 2}', "$: the key 'a' appears twice in one object"),
    ('{"a": NaN}', "$: NaN is not a JSON number"),
    (b"\xff", "$: not valid UTF-8 text"),
]


class TestJsonRoundTrip:
    """Documents round-trip exactly: the value, and the text byte for byte."""

    @given(strategies.inspections())
    def test_an_inspection_survives_dumps_and_loads(self, inspection: Inspection) -> None:
        """loads(dumps(x)) == x and dumps(loads(s)) == s."""
        text = dumps(inspection)
        assert loads(text) == inspection
        assert dumps(loads(text)) == text

    @given(COLLECTIONS)
    def test_a_collection_survives_dumps_and_loads(
        self, inspections: tuple[Inspection, ...]
    ) -> None:
        """A collection comes back as the same tuple, and the same text."""
        text = dumps(inspections)
        assert loads(text) == inspections
        assert dumps(loads(text, tuple)) == text

    @pytest.mark.parametrize("framework", frameworks.all(), ids=lambda f: f.id)
    def test_a_framework_pack_survives_dumps_and_loads(
        self, framework: frameworks.Framework
    ) -> None:
        """Framework packs use the frameworks module's own document."""
        text = dumps(framework)
        assert loads(text, frameworks.Framework) == framework
        assert json.loads(text) == frameworks.to_dict(framework)
        assert dumps(loads(text)) == text

    def test_the_document_is_canonical_json_pinned(self) -> None:
        """Two-space indents, the model's field order, envelope first, a trailing newline."""
        assert dumps(HARINGEY) == HARINGEY_DOCUMENT
        assert loads(HARINGEY_DOCUMENT, Inspection) == HARINGEY

    def test_bytes_are_read_as_utf_8(self) -> None:
        """Bytes are read as UTF-8 text."""
        assert loads(HARINGEY_DOCUMENT.encode()) == HARINGEY

    def test_a_collection_lists_its_frameworks_in_order_of_appearance(self) -> None:
        """The collection's frameworks key is derived, never free."""
        later = attrs.evolve(
            HARINGEY,
            on_site_start=pendulum.date(2023, 10, 2),
            on_site_end=pendulum.date(2023, 10, 13),
            off_site_start=None,
            published=None,
            framework="ilacs-2023",
        )
        document = to_dict((later, HARINGEY, later))
        assert list(document)[:4] == [
            "schema_version",
            "document_type",
            "frameworks",
            "inspections",
        ]
        assert document["frameworks"] == ["ilacs-2023", "ilacs-2018"]
        document["frameworks"] = ["ilacs-2018", "ilacs-2023"]
        with pytest.raises(DocumentError, match=r"\$\.frameworks: must list the framework ids"):
            from_dict(document)

    def test_an_empty_collection_has_no_frameworks(self) -> None:
        """An empty collection is a document too."""
        assert to_dict(())["frameworks"] == []
        assert loads(dumps(())) == ()


class TestYaml:
    """YAML carries exactly the JSON document; dates stay strings."""

    @given(strategies.inspections())
    def test_an_inspection_survives_yaml(self, inspection: Inspection) -> None:
        """loads_yaml(dumps_yaml(x)) == x and dumps_yaml(loads_yaml(s)) == s."""
        text = dumps_yaml(inspection)
        assert loads_yaml(text) == inspection
        assert dumps_yaml(loads_yaml(text)) == text

    @given(COLLECTIONS)
    def test_a_collection_survives_yaml(self, inspections: tuple[Inspection, ...]) -> None:
        """Collections too."""
        text = dumps_yaml(inspections)
        assert loads_yaml(text) == inspections
        assert dumps_yaml(loads_yaml(text)) == text

    def test_dates_stay_strings_in_the_document_model(self) -> None:
        """The YAML loader does not turn dates into datetime.date: same dict as JSON."""
        loaded = yaml.load(dumps_yaml(HARINGEY), Loader=wire_serialisation._loader())  # noqa: S506, SLF001 (the safe loader under test)
        assert loaded == json.loads(dumps(HARINGEY))
        unquoted = dumps_yaml(HARINGEY).replace("'2018-12-14'", "2018-12-14")
        assert loads_yaml(unquoted) == HARINGEY

    def test_a_framework_pack_survives_yaml(self) -> None:
        """Framework packs are documents too."""
        framework = frameworks.get("ilacs-2023")
        assert loads_yaml(dumps_yaml(framework)) == framework

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("a: [", "$: not valid YAML"),
            ("a: 1\na: 2\n", "$: the key 'a' appears twice in one mapping"),
            ("? [1, 2]\n: x\n", "$: a mapping key must be a string (got list)"),
            ("- 1\n", "$: expected a mapping (a JSON object), got list [1]"),
        ],
    )
    def test_bad_yaml_is_a_document_error(self, text: str, problem: str) -> None:
        """YAML errors become one DocumentError with a path."""
        with pytest.raises(DocumentError) as info:
            loads_yaml(text)
        assert any(p.startswith(problem) for p in info.value.problems), info.value.problems

    def test_missing_pyyaml_says_how_to_install_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without PyYAML the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "yaml", None)
        with pytest.raises(IlacsError, match=r"pip install 'ilacs\[yaml\]'"):
            dumps_yaml(HARINGEY)


class TestStrictLoading:
    """Nothing is dropped or defaulted in silence; every problem is listed with its path."""

    @pytest.mark.parametrize(("document", "problem"), BAD_DOCUMENTS)
    def test_a_bad_document_is_rejected_naming_the_path(
        self, document: object, problem: str
    ) -> None:
        """Each bad document gives one DocumentError listing the problem."""
        with pytest.raises(DocumentError) as info:
            from_dict(document)
        assert any(p.startswith(problem) or problem in p for p in info.value.problems), (
            info.value.problems
        )
        assert problem.split(":", maxsplit=1)[0] in str(info.value)

    @pytest.mark.parametrize(("text", "problem"), BAD_TEXTS)
    def test_bad_json_text_is_rejected(self, text: str | bytes, problem: str) -> None:
        """Syntax, duplicate keys and non-numbers are DocumentErrors too."""
        with pytest.raises(DocumentError) as info:
            loads(text)
        assert any(p.startswith(problem) for p in info.value.problems), info.value.problems

    def test_every_problem_is_listed_at_once(self) -> None:
        """Missing keys and bad values are reported together."""
        document = _without(("improvement_areas", 0, "text"))
        document["kind"] = "bad"
        del document["authority"]["name"]
        with pytest.raises(DocumentError) as info:
            from_dict(document)
        assert info.value.problems == (
            "$.authority.name: required key missing",
            "$.improvement_areas[0].text: required key missing",
            (
                "$.kind: must be one of 'single_inspection', 'standard', 'short', 'focused_visit',"
                " 'monitoring_visit', 'joint_targeted_area_inspection', 'area_send_inspection', 'area_send_revisit',"
                " 'area_send_monitoring' (got str 'bad')"
            ),
        )
        assert str(info.value).startswith("inspection document cannot be loaded (3 problem(s)):")

    def test_a_type_insists_on_its_document_type(self) -> None:
        """loads(text, Inspection) refuses a collection."""
        with pytest.raises(DocumentError, match=r"\$\.document_type: must be 'inspection'"):
            loads(dumps((HARINGEY,)), Inspection)

    def test_an_unknown_type_name_is_an_error(self) -> None:
        """Asking for a document type that does not exist names the known ones."""
        with pytest.raises(IlacsError, match="no document type is named 'plan'"):
            loads(HARINGEY_DOCUMENT, "plan")

    def test_a_value_that_is_no_document_cannot_be_written(self) -> None:
        """A value that is no document is refused, naming its type."""
        with pytest.raises(IlacsError, match="cannot write int as a document"):
            dumps(3)  # type: ignore[arg-type]

    def test_text_must_be_text(self) -> None:
        """Something that is not text is a DocumentError."""
        with pytest.raises(DocumentError, match="loads needs JSON text"):
            loads(3)  # type: ignore[call-overload]

    @given(JSON_VALUES)
    def test_arbitrary_json_never_raises_anything_but_an_ilacs_error(self, value: object) -> None:
        """Any JSON value is loaded or refused with an IlacsError naming a path."""
        with pytest.raises(IlacsError) as info:
            loads(json.dumps(value))
        assert "$" in str(info.value)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _json_path(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _mangle(value: object) -> object:
    if isinstance(value, str):
        return value + "\u00a0x"
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return str(value)
    if value is None:
        return []
    return None


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """A valid document with one key dropped, one value retyped, or one value mangled."""
    document = to_dict(draw(strategies.inspections()))
    candidates = [p for p in _paths(document) if p[0] != "schema_version"]
    path = draw(st.sampled_from(candidates))
    *parents, last = path
    target: Any = document
    for key in parents:
        target = target[key]
    how = draw(st.sampled_from(["drop", "retype", "mangle"]))
    if how == "drop" and isinstance(last, str):
        del target[last]
    elif how == "retype":
        target[last] = draw(JSON_VALUES)
    else:
        how = "mangle"
        target[last] = _mangle(target[last])
    return document, how, _json_path(path)


def _related(problem: str, path: str) -> bool:
    """True when the problem is at the path, above it (a parent) or below it (a child)."""
    where = problem.split(": ", 1)[0]
    above = path.startswith((f"{where}.", f"{where}["))
    below = where.startswith((f"{path}.", f"{path}["))
    return where == path or above or below


class TestMangledDocuments:
    """Valid documents with a key dropped, retyped or mangled fail only with an IlacsError."""

    @given(mutated())
    def test_a_mangled_document_fails_only_with_an_ilacs_error_naming_the_path(
        self, case: tuple[dict[str, Any], str, str]
    ) -> None:
        """Dropped keys are named exactly; other failures name the path, a parent or a child."""
        document, how, path = case
        problems: tuple[str, ...] = ()
        try:
            value = from_dict(copy.deepcopy(document))
        except DocumentError as error:
            problems = error.problems
        if not problems:
            # Only a key with a default may be left out, and canonical output writes it again.
            assert how != "drop" or path in {_json_path(p) for p in _paths(to_dict(value))}
            return
        assert all(problem.startswith("$") for problem in problems)
        if how == "drop" and not path.startswith("$.document_type"):
            assert f"{path}: required key missing" in problems
        else:
            assert any(_related(problem, path) for problem in problems), (path, problems)

    @given(mutated())
    def test_what_the_schema_rejects_loads_rejects(
        self, case: tuple[dict[str, Any], str, str]
    ) -> None:
        """The schema never accepts less than loading does."""
        document, _, _ = case
        validator = jsonschema.Draft202012Validator(serialisation.json_schema("inspection"))
        if not validator.is_valid(document):
            with pytest.raises(DocumentError):
                from_dict(document)


class TestJsonSchema:
    """A draft 2020-12 schema for each document type, generated from the model."""

    @pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
    def test_the_schema_is_a_valid_draft_2020_12_schema(self, document_type: str) -> None:
        """The jsonschema library accepts it as a schema."""
        schema = serialisation.json_schema(document_type)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["document_type"] == {"const": document_type}
        assert schema["additionalProperties"] is False

    @given(strategies.inspections())
    def test_generated_inspections_match_the_schema(self, inspection: Inspection) -> None:
        """Every document dumps writes validates against its schema."""
        schema = serialisation.json_schema("inspection")
        jsonschema.Draft202012Validator(schema).validate(to_dict(inspection))

    @given(COLLECTIONS)
    def test_generated_collections_match_the_schema(
        self, inspections: tuple[Inspection, ...]
    ) -> None:
        """Collections too."""
        schema = serialisation.json_schema("inspections")
        jsonschema.Draft202012Validator(schema).validate(to_dict(inspections))

    @pytest.mark.parametrize("framework", frameworks.all(), ids=lambda f: f.id)
    def test_framework_packs_match_the_schema(self, framework: frameworks.Framework) -> None:
        """The built-in packs validate against the framework schema."""
        schema = serialisation.json_schema("framework")
        jsonschema.Draft202012Validator(schema).validate(to_dict(framework))

    def test_the_schema_carries_the_validators_patterns(self) -> None:
        """Regular expressions come from the fields' validators."""
        schema = serialisation.json_schema("inspection")
        authority = schema["$defs"]["LocalAuthority"]["properties"]
        assert authority["ons_code"]["pattern"] == "^(?:[ENSW][0-9]{8})(?![\\s\\S])"
        assert schema["properties"]["on_site_start"]["allOf"] == [{"$ref": "#/$defs/IsoDate"}]
        assert schema["$defs"]["IsoDate"]["format"] == "date"
        assert schema["$defs"]["Judgement"]["properties"]["grade"] == {"$ref": "#/$defs/Outcome"}
        assert schema["$defs"]["Outcome"]["anyOf"][0] == {"$ref": "#/$defs/Grade"}
        assert schema["$defs"]["Grade"]["anyOf"][0]["enum"] == [
            "inadequate",
            "requires_improvement",
            "good",
            "outstanding",
        ]
        assert schema["required"][:3] == ["schema_version", "document_type", "authority"]

    @pytest.mark.parametrize("document", [document for document, _ in BAD_DOCUMENTS[:-1]])
    def test_documents_the_schema_rejects_are_rejected_by_loads(
        self, document: dict[str, Any]
    ) -> None:
        """Where the schema says no, loading says no too (loading also checks more)."""
        validator = jsonschema.Draft202012Validator(serialisation.json_schema("inspection"))
        if not validator.is_valid(document):
            with pytest.raises(DocumentError):
                from_dict(document)

    @pytest.mark.parametrize("document", [document for document, _ in BAD_DOCUMENTS[:5]])
    def test_the_schema_rejects_unknown_and_missing_keys(self, document: dict[str, Any]) -> None:
        """Every key is required and no other is allowed, as in loading."""
        validator = jsonschema.Draft202012Validator(serialisation.json_schema("inspection"))
        assert not validator.is_valid(document)


def _rename_lead(document: dict[str, Any]) -> dict[str, Any]:
    """Version 0 called the lead inspector 'inspector'."""
    changed = {key: value for key, value in document.items() if key != "inspector"}
    changed["lead_inspector"] = document["inspector"]
    order = [*document]
    order[order.index("inspector")] = "lead_inspector"
    return {key: changed[key] for key in order}


class TestMigrations:
    """Older documents are migrated on load; newer ones are refused by name."""

    def test_a_registered_migration_is_applied_on_load(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A version 0 document comes in through MIGRATIONS[0]."""
        monkeypatch.setitem(serialisation.MIGRATIONS, 0, _rename_lead)
        old = json.loads(HARINGEY_DOCUMENT)
        old["schema_version"] = 0
        old = {
            ("inspector" if key == "lead_inspector" else key): value for key, value in old.items()
        }
        assert from_dict(old) == HARINGEY
        assert dumps(from_dict(old)) == HARINGEY_DOCUMENT

    def test_a_migration_does_not_change_its_input(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The caller's dictionary is left alone."""
        monkeypatch.setitem(serialisation.MIGRATIONS, 0, _rename_lead)
        old = _document(schema_version=0)
        old["inspector"] = old.pop("lead_inspector")
        before = copy.deepcopy(old)
        from_dict(old)
        assert old == before

    def test_a_newer_document_names_both_versions(self) -> None:
        """A document from a later ilacs is refused, naming its version and ours."""
        with pytest.raises(DocumentError) as info:
            from_dict(_document(schema_version=7))
        assert info.value.problems == (
            (
                "$.schema_version: the document has schema version 7, newer than version 2,"
                " the newest this version of ilacs reads: upgrade ilacs"
            ),
        )

    def test_an_older_version_without_a_migration_is_refused(self) -> None:
        """No migration, no load."""
        with pytest.raises(DocumentError, match="no migration from schema version 0 to version 2"):
            from_dict(_document(schema_version=0))

    def test_the_current_version_is_2_with_a_migration_from_1(self) -> None:
        """Version 2 added an inspection's not_known; version 1 documents are migrated."""
        assert serialisation.SCHEMA_VERSION == 2
        assert set(serialisation.MIGRATIONS) == {1}

    def test_a_version_1_canonical_document_loads_and_is_written_as_version_2(self) -> None:
        """Version 1 had no not_known: it loads with none listed, as it was read then."""
        version_1 = HARINGEY_DOCUMENT.replace('"schema_version": 2', '"schema_version": 1')
        version_1 = version_1.replace(',\n  "findings": [],\n  "not_known": []\n}', "\n}")
        assert '"not_known"' not in version_1
        assert '"findings"' not in version_1
        assert loads(version_1) == HARINGEY
        assert dumps(loads(version_1)) == HARINGEY_DOCUMENT
        assert dumps(loads(HARINGEY_DOCUMENT)) == HARINGEY_DOCUMENT

    def test_a_version_2_document_without_findings_loads_with_none(self) -> None:
        """Findings came within version 2: a document written before them still loads."""
        before = HARINGEY_DOCUMENT.replace('  "findings": [],\n', "")
        assert '"findings"' not in before
        assert loads(before) == HARINGEY
        assert loads(before, Inspection).findings == ()
        assert dumps(loads(before)) == HARINGEY_DOCUMENT

    def test_the_migration_reaches_every_inspection_of_every_document_type(self) -> None:
        """An inspection, each of a collection's, and an action plan's."""
        migrate = serialisation.MIGRATIONS[1]
        body = {"kind": "short"}
        assert migrate({"document_type": "inspection", **body})["not_known"] == []
        many = migrate({"document_type": "inspections", "inspections": [body, body]})
        assert [item["not_known"] for item in many["inspections"]] == [[], []]
        plan = migrate({"document_type": "action_plan", "inspection": body})
        assert plan["inspection"]["not_known"] == []
        assert body == {"kind": "short"}
        pack = {"document_type": "framework", "id": "x"}
        assert migrate(pack) == pack


class TestDocumentTypes:
    """Document types are a registry that users can extend."""

    def test_the_known_document_types(self) -> None:
        """Inspection, collection, framework pack and action plan."""
        assert list(serialisation.DOCUMENT_TYPES) == DOCUMENT_TYPES

    def test_a_new_document_type_can_be_registered(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A registered type is written and read like the built-in ones."""
        monkeypatch.setattr(
            wire_serialisation, "DOCUMENT_TYPES", dict(serialisation.DOCUMENT_TYPES)
        )
        serialisation.register_document_type(
            serialisation.DocumentType(
                name="authority",
                model=LocalAuthority,
                accepts=lambda value: isinstance(value, LocalAuthority),
                to_body=lambda value: {
                    "name": value.name,
                    "urn": value.urn,
                    "dfe_code": None,
                    "ons_code": None,
                    "region": None,
                },
                from_body=lambda body, _: LocalAuthority(**body),
            )
        )
        text = dumps(LocalAuthority(name="Haringey"))  # type: ignore[arg-type]
        assert json.loads(text)["document_type"] == "authority"
        assert loads(text, LocalAuthority) == LocalAuthority(name="Haringey")


class TestRealData:
    """Ofsted's official statistics, 2018 to 2025, as one collection."""

    def test_the_official_history_round_trips_byte_for_byte(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Every row is kept, and the text comes back the same in JSON and YAML."""
        inspections = official_inspections
        assert len(inspections) == 271
        text = dumps(inspections)
        assert loads(text) == inspections
        assert dumps(loads(text)) == text
        assert loads_yaml(dumps_yaml(inspections)) == inspections
        assert to_dict(inspections)["frameworks"] == ["ilacs-2018", "ilacs-2023"]
        jsonschema.Draft202012Validator(serialisation.json_schema("inspections")).validate(
            json.loads(text)
        )


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


class TestJsonWriter:
    """The canonical writer is json.dumps(indent=2, ensure_ascii=False), only faster."""

    @given(_JSON)
    def test_it_writes_what_the_json_module_writes(self, data: object) -> None:
        """Any JSON data, NaN and infinities included (they fall back to the json module)."""
        from ilacs.wire.serialisation import _indented_json  # noqa: PLC0415 (the private writer)

        assert _indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)

    def test_keys_that_are_not_strings_fall_back_to_the_json_module(self) -> None:
        """json.dumps turns 1 into "1"; so does the writer."""
        from ilacs.wire.serialisation import _indented_json  # noqa: PLC0415 (the private writer)

        assert _indented_json({1: [True, None]}) == json.dumps({1: [True, None]}, indent=2)


class TestJsonLines:
    """Collections of any size as JSON Lines: one compact document a line."""

    @given(st.lists(strategies.inspections(), max_size=4))
    def test_inspections_written_as_json_lines_read_back_equal(
        self, inspections: list[Inspection]
    ) -> None:
        """write_jsonl, then iter_jsonl or load_jsonl, gives the same inspections."""
        out = io.BytesIO()
        assert wire_serialisation.write_jsonl(iter(inspections), out) == len(inspections)
        lines = out.getvalue().splitlines(keepends=True)
        assert len(lines) == len(inspections)
        assert list(wire_serialisation.iter_jsonl(lines, Inspection)) == inspections
        assert wire_serialisation.load_jsonl(io.BytesIO(out.getvalue()), Inspection) == tuple(
            inspections
        )

    def test_a_line_that_cannot_be_read_is_named_by_its_number(self) -> None:
        """The error names the line; blank lines are skipped but counted."""
        text = (DATA.parent.parent / "examples" / "data" / "haringey-2018.json").read_text()
        line = dumps(loads(text), compact=True)
        lines = [line, "\n", line.replace('"standard"', '"weekly"')]
        with pytest.raises(DocumentError, match=r"^line 3 cannot be loaded") as caught:
            wire_serialisation.load_jsonl(lines, Inspection)
        assert caught.value.problems[0].path == "$.kind"

    def test_a_bulk_load_leaves_the_garbage_collector_as_it_found_it(self) -> None:
        """Paused while loading, enabled again afterwards, even after an error."""
        assert gc.isenabled()
        with pytest.raises(DocumentError):
            wire_serialisation.load_jsonl(["{}"])
        assert gc.isenabled()
