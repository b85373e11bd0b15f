"""Tests for the wire's fast path (msgspec and the mirrors): the same values, errors and bytes."""

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_converter import paths

from ilacs import ActionPlan, Inspection, LocalAuthority, Observation, serialisation, strategies
from ilacs.base import json_text
from ilacs.errors import DocumentError, IlacsError
from ilacs.wire import serialisation as wire

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"

#: JSON values put where they do not belong (each of a different JSON type or shape), and
#: strings the text rule refuses or takes (a control character, white space at an edge or inside).
STRANGERS: list[object] = [
    *(None, True, 0, 12345, 1.5, "", " padded ", "x", "2019-02-30", [], {}),
    *("bell\x07", "\u2028edge", "tab\tinside", "no-break\xa0"),
]

#: Text mutations no mirror may take: each must end as the detailed reader says.
TEXT_EDITS: list[tuple[str, str]] = [
    ('"schema_version": 2', '"schema_version" : 2, "schema_version": 2'),
    ('"schema_version": 2', '"schema_version"\n:2, "schema_version" : 2'),
    ('"schema_version": 2', '"schema_version": 2.0'),
    ('"schema_version": 2', '"schema_version": 3'),
    ('"schema_version": 2', '"schema_version": NaN'),
    ('"schema_version": 2', '"schema_version": Infinity'),
    ('"schema_version": 2', '"schema_version": ' + "9" * 4301),
    ('"schema_version": 2', '"schema_version": 2, "schema_version": 2'),
    ('"document_type": "action_plan"', '"document_type": "inspection"'),
]


def _detailed(text: str | bytes, kind: Any) -> object:  # noqa: ANN401 (a document type)
    """What the detailed reader alone makes of a text: a value, or its error message."""
    try:
        return serialisation.from_dict(json_text.parse(text), kind)
    except DocumentError as error:
        return str(error)


def _loaded(text: str | bytes, kind: Any) -> object:  # noqa: ANN401 (a document type)
    """What loads makes of a text (fast path first): a value, or its error message."""
    try:
        return serialisation.loads(text, kind)
    except DocumentError as error:
        return str(error)


def _strings(value: ActionPlan | Inspection) -> list[str]:
    """Every string of a value's document."""
    found: list[str] = []

    def walk(data: object) -> None:
        if isinstance(data, str):
            found.append(data)
        elif isinstance(data, dict):
            for item in data.values():
                walk(item)
        elif isinstance(data, list):
            for item in data:
                walk(item)

    walk(serialisation.to_dict(value))
    return found


def _objects(data: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The path of every JSON object in the data, the document itself first."""
    return [path for path in [at, *paths(data, at)] if isinstance(_at(data, path), dict)]


def _at(data: Any, path: tuple[object, ...]) -> Any:  # noqa: ANN401 (JSON-shaped data)
    for step in path:
        data = data[step]
    return data


#: Ways of spacing JSON text: keys with white space before the colon, or none after.
SEPARATORS: list[tuple[str, str]] = [(",", ": "), (",", " : "), (", ", ":"), (",", "\n:")]


def _mutated(document: dict[str, Any], data: st.DataObject) -> str:
    """The document's text with one drawn change: a key dropped, added or doubled, a value swapped.

    The text is spaced in one of the ways of SEPARATORS, and may hold a quote in a string.
    """
    changed = copy.deepcopy(document)
    separators = data.draw(st.sampled_from(SEPARATORS))
    if data.draw(st.booleans()):
        named = [_at(changed, path) for path in _objects(changed)]
        next(each for each in named if "name" in each)["name"] = 'The "A" team'

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2, separators=separators)

    how = data.draw(st.sampled_from(["drop", "swap", "add", "double"]))
    if how == "swap":
        path = data.draw(st.sampled_from(paths(changed)))
        _at(changed, path[:-1])[path[-1]] = data.draw(st.sampled_from(STRANGERS))
        return dumps(changed)
    target = _at(changed, data.draw(st.sampled_from(_objects(changed))))
    if how == "drop" and target:
        del target[data.draw(st.sampled_from(sorted(target)))]
    elif how == "add":
        target[data.draw(st.sampled_from(["rag", "id", "notes"]))] = "x"
    marker = "__double__"
    if how == "double" and target:
        key = data.draw(st.sampled_from(sorted(target)))
        target[marker] = target[key] if data.draw(st.booleans()) else None
        text = dumps(changed)
        return text.replace(f'"{marker}"', json.dumps(key), 1)
    return dumps(changed)


class TestReading:
    """loads reads through msgspec first, and gives what the detailed reader gives."""

    @given(strategies.action_plans(max_actions=3), st.data())
    def test_a_mutated_document_gives_the_same_value_or_message_either_way(
        self, plan: ActionPlan, data: st.DataObject
    ) -> None:
        """A dropped, added or doubled key or a swapped value: the same value or the same error."""
        text = _mutated(serialisation.to_dict(plan), data)
        as_bytes = data.draw(st.booleans())
        given_text: str | bytes = text.encode() if as_bytes else text
        assert _loaded(given_text, ActionPlan) == _detailed(given_text, ActionPlan)

    @given(strategies.inspections(), st.data())
    def test_a_mutated_inspection_gives_the_same_value_or_message_either_way(
        self, inspection: Inspection, data: st.DataObject
    ) -> None:
        """The same for a single inspection and for a collection of one."""
        kind = data.draw(st.sampled_from([Inspection, tuple]))
        document = serialisation.to_dict(inspection if kind is Inspection else (inspection,))
        text = _mutated(document, data)
        assert _loaded(text, kind) == _detailed(text, kind)

    # About half the plans drawn hold such a string: the filter is expected to discard many.
    @settings(suppress_health_check=[HealthCheck.filter_too_much])
    @given(strategies.action_plans(max_actions=3))
    def test_a_valid_document_is_read_by_the_fast_path(self, plan: ActionPlan) -> None:
        """A canonical document, indented or compact, is taken by the fast path, equal.

        A string that starts with a colon or holds a quote looks like one key too many
        to the count of keys, so such a document is read the detailed way: not here.
        """
        assume(not any(text.startswith(":") or '"' in text for text in _strings(plan)))
        for text in (serialisation.dumps(plan), serialisation.dumps_bytes(plan, compact=True)):
            assert wire._fast_read(text, ActionPlan) == plan  # noqa: SLF001 (the path under test)

    @given(strategies.inspections(), st.data())
    def test_a_document_of_any_type_is_read_the_same_way(
        self, inspection: Inspection, data: st.DataObject
    ) -> None:
        """Without a type asked for, loads reads the type the document names: the same."""
        text = _mutated(serialisation.to_dict(inspection), data)
        assert _loaded(text, None) == _detailed(text, None)
        assume(not any(text.startswith(":") or '"' in text for text in _strings(inspection)))
        assert wire._fast_read(serialisation.dumps(inspection), None) == inspection  # noqa: SLF001

    @pytest.mark.parametrize(("old", "new"), TEXT_EDITS)
    def test_what_the_strict_reader_refuses_is_refused_with_the_same_message(
        self, old: str, new: str
    ) -> None:
        """Keys given twice, NaN, huge numbers, spaced keys: the detailed reader's answer."""
        text = (EXAMPLES / "haringey-2018-action-plan.json").read_text().replace(old, new, 1)
        assert wire._fast_read(text, ActionPlan) is wire._NOT_TAKEN  # noqa: SLF001
        assert _loaded(text, ActionPlan) == _detailed(text, ActionPlan)

    def test_a_key_given_twice_with_the_same_value_is_refused(self) -> None:
        """Of a key given twice msgspec keeps the last; loads still refuses the document."""
        text = (EXAMPLES / "haringey-2018.json").read_text()
        doubled = text.replace('"kind": ', '"topic": null, "kind": ', 1)
        with pytest.raises(DocumentError, match="the key 'topic' appears twice in one object"):
            serialisation.loads(doubled, Inspection)

    @pytest.mark.parametrize(
        ("separators", "name"),
        [*((each, "Haringey") for each in SEPARATORS), ((",", ": "), 'The "A" team')],
    )
    def test_a_spaced_document_or_one_with_quotes_in_its_text_is_read_by_the_fast_path(
        self, separators: tuple[str, str], name: str
    ) -> None:
        """Spaced keys or escaped quotes do not hide a key given twice, nor send a right text away."""
        document = json.loads((EXAMPLES / "haringey-2018-action-plan.json").read_text())
        document["inspection"]["authority"]["name"] = name
        text = json.dumps(document, ensure_ascii=False, indent=2, separators=separators)
        expected = serialisation.from_dict(document, ActionPlan)
        assert wire._fast_read(text, ActionPlan) == expected  # noqa: SLF001
        assert wire._fast_read(text.encode(), ActionPlan) == expected  # noqa: SLF001
        doubled = text.replace('"horizon"', '"horizon"' + separators[1] + "null, " + '"horizon"')
        assert wire._fast_read(doubled, ActionPlan) is wire._NOT_TAKEN  # noqa: SLF001

    def test_invalid_utf8_is_refused_with_the_same_message(self) -> None:
        """Bytes that are not UTF-8 inside a string: the detailed reader's error."""
        text = (EXAMPLES / "haringey-2018.json").read_bytes().replace(b"Haringey", b"Har\xffngey")
        assert _loaded(text, Inspection) == _detailed(text, Inspection)
        assert isinstance(_loaded(text, Inspection), str)


def _plan_with(plan: ActionPlan, value: float, name: str) -> ActionPlan:
    """The plan with an awkward number in an observation and an awkward authority name."""
    authority = LocalAuthority(name=name)
    inspection = attrs.evolve(plan.inspection, authority=authority)
    observation = Observation(on=pendulum.date(2020, 1, 1), value=value)
    if not plan.actions or not plan.actions[0].measures:
        return attrs.evolve(plan, inspection=inspection)
    action = plan.actions[0]
    measure = attrs.evolve(action.measures[0], baseline=observation, target=observation)
    action = attrs.evolve(action, measures=(measure, *action.measures[1:]))
    return attrs.evolve(plan, inspection=inspection, actions=(action, *plan.actions[1:]))


AWKWARD_FLOATS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1e-4, 9.99e-5, 1e16, 9999999999999998.0, 1e-7, 5e-324, 1.7e308]),
)
#: Other scripts, and the control characters text may hold (tabs and line breaks); no lone
#: surrogates, which UTF-8 cannot hold (see the test of a lone surrogate below).
AWKWARD_NAMES = st.text(
    st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\t\n\r"), min_size=1
).map(lambda text: f"x{text}x")


class TestWriting:
    """dumps writes through msgspec, the same bytes as the standard library's indented JSON."""

    @pytest.mark.parametrize("name", ["haringey-2018.json", "haringey-2018-action-plan.json"])
    def test_a_real_document_is_written_back_byte_for_byte(self, name: str) -> None:
        """The example documents, read and written back, are the same bytes."""
        text = (EXAMPLES / name).read_bytes()
        value = serialisation.loads(text)
        assert serialisation.dumps_bytes(value) == text
        assert serialisation.dumps(value) == text.decode()

    @given(strategies.action_plans(max_actions=3), AWKWARD_FLOATS, AWKWARD_NAMES)
    def test_awkward_numbers_and_strings_are_written_as_json_dumps_writes_them(
        self, plan: ActionPlan, value: float, name: str
    ) -> None:
        """Exponents, tiny numbers, control characters, other scripts: json.dumps's bytes."""
        plan = _plan_with(plan, value, name)
        data = serialisation.to_dict(plan)
        assert serialisation.dumps(plan) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        compact = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        assert serialisation.dumps(plan, compact=True) == compact
        assert serialisation.dumps_bytes(plan, compact=True) == compact.encode()
        assert serialisation.loads(serialisation.dumps_bytes(plan), ActionPlan) == plan
        assert serialisation.loads(compact, ActionPlan) == plan

    def test_a_lone_surrogate_is_written_as_text_but_refused_as_utf8(self) -> None:
        """A str may hold one, as json.dumps writes it; UTF-8 bytes cannot, and say where."""
        visit = serialisation.loads((EXAMPLES / "haringey-2018.json").read_text(), Inspection)
        odd = attrs.evolve(visit, authority=LocalAuthority(name="Har\ud800ingey"))
        data = serialisation.to_dict(odd)
        assert serialisation.dumps(odd) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        with pytest.raises(IlacsError, match=r"cannot be written as UTF-8: .* at character \d+"):
            serialisation.dumps_bytes(odd)

    @given(st.lists(strategies.inspections(), max_size=3))
    def test_a_collection_is_written_as_before_in_both_forms(
        self, inspections: list[Inspection]
    ) -> None:
        """A collection: the same bytes as the standard library, and read back equal."""
        data = serialisation.to_dict(tuple(inspections))
        text = serialisation.dumps(tuple(inspections))
        assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        compact = serialisation.dumps_bytes(tuple(inspections), compact=True)
        assert serialisation.loads(compact, tuple) == tuple(inspections)
