"""Tests for the converter's fast path: the same values and the same errors as the converter."""

import copy
import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import ActionPlan, Grade, Inspection, Observation, strategies
from ilacs.base import converter as c
from ilacs.errors import DocumentError

#: JSON values put where they do not belong: each of a different JSON type or shape.
STRANGERS: list[object] = [
    None,
    True,
    0,
    12345,
    1.5,
    "",
    " padded ",
    "x",
    "2019-02-30",
    "2019-05-01T00:00:00",
    "good",
    [],
    ["x"],
    {},
]


def paths(data: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in JSON-shaped data, as a path of keys and indexes."""
    found = [at] if at else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(paths(value, (*at, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(paths(value, (*at, index)))
    return found


def _replaced(data: object, path: tuple[object, ...], value: object) -> Any:  # noqa: ANN401
    changed: Any = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _detailed(data: object, cls: type) -> object:
    """What the converter alone makes of the data: a value, or the exception it raises."""
    try:
        return c.CONVERTER.structure(data, cls)
    except Exception as error:  # noqa: BLE001 (compared, not handled)
        return type(error)


def _fast(data: object, cls: type) -> object:
    try:
        return c._fast(cls)(data)  # noqa: SLF001 (the fast path under test)
    except Exception:  # noqa: BLE001 (any failure hands the data to the converter)
        return None


class TestFastPath:
    """The generated structuring functions that loading tries first."""

    @given(strategies.action_plans())
    def test_a_valid_plan_is_built_the_same_as_by_the_converter(self, plan: ActionPlan) -> None:
        """The fast path builds an equal plan from its own data."""
        data = json.loads(json.dumps(c.unstructure(plan)))
        assert c._fast(ActionPlan)(data) == plan == c.CONVERTER.structure(data, ActionPlan)  # noqa: SLF001

    @given(strategies.action_plans(max_actions=3), st.data())
    def test_it_never_takes_what_the_converter_rejects(
        self, plan: ActionPlan, data: st.DataObject
    ) -> None:
        """With any one value replaced, the fast path fails or agrees with the converter."""
        document = json.loads(json.dumps(c.unstructure(plan)))
        path = data.draw(st.sampled_from(paths(document)))
        changed = _replaced(document, path, data.draw(st.sampled_from(STRANGERS)))
        fast = _fast(changed, ActionPlan)
        if fast is not None:
            assert fast == _detailed(changed, ActionPlan)

    @given(strategies.inspections())
    def test_a_missing_or_extra_key_goes_to_the_converter(self, inspection: Inspection) -> None:
        """Only data with exactly the model's keys is taken; the rest is the converter's."""
        data = c.unstructure(inspection)
        missing = {key: value for key, value in data.items() if key != "topic"}
        extra = {**data, "rag": "red"}
        assert _fast(missing, Inspection) is None
        assert _fast(extra, Inspection) is None
        # Without the key, the converter takes the model's default.
        loaded = c.structure(missing, Inspection, what="inspection")
        assert loaded == attrs.evolve(inspection, topic=None)
        with pytest.raises(DocumentError, match="unknown key"):
            c.structure(extra, Inspection, what="inspection")

    @given(strategies.inspections(), st.sampled_from([12345, None, True, ["Haringey"]]))
    def test_a_string_must_be_a_json_string(self, inspection: Inspection, value: object) -> None:
        """JSON 12345 or null is never read as a string, on either path."""
        data = c.unstructure(inspection)
        data["authority"] = {**data["authority"], "name": value}
        with pytest.raises(DocumentError, match=r"\$\.authority\.name: expected a string"):
            c.structure(data, Inspection, what="inspection")

    def test_a_whole_number_is_a_number_and_a_bool_is_not(self) -> None:
        """An observation's value may be written 30; true is not a number."""
        assert c._fast(float)(30) == 30.0  # noqa: SLF001
        assert type(c._fast(float)(30)) is float  # noqa: SLF001
        assert _fast(data=True, cls=float) is None
        assert _fast(float("nan"), float) is None

    def test_an_enum_is_read_by_its_value_only(self) -> None:
        """'good' is a grade; 'Good' and 'GOOD' are for the converter to reject."""
        grade = c._fast(Grade)  # noqa: SLF001
        assert grade("good") is Grade.GOOD
        with pytest.raises(KeyError):
            grade("Good")


class TestDates:
    """Reading dates, and sharing the ones read."""

    def test_equal_texts_share_one_date(self) -> None:
        """A document's repeated days are one object each."""
        first = c._structure_date("2019-03-18")  # noqa: SLF001
        assert first == pendulum.date(2019, 3, 18)
        assert type(first) is pendulum.Date
        assert c._structure_date("2019-03-18") is first  # noqa: SLF001

    @pytest.mark.parametrize(
        "text", ["2019-05-01T00:00:00", "20190501", "2019-W18-3", "2019-02-30"]
    )
    def test_only_an_iso_calendar_date_is_a_date(self, text: str) -> None:
        """Date-times, basic and week dates and impossible days are rejected, cached or not."""
        for _ in range(2):
            with pytest.raises(c._WrongTypeError):  # noqa: SLF001
                c._structure_date(text)  # noqa: SLF001

    def test_the_shared_dates_are_bounded(self) -> None:
        """The table of dates read never grows past its bound."""
        start = pendulum.date(1900, 1, 1)
        for offset in range(c._DATES_KEPT + 10):  # noqa: SLF001
            c._structure_date(start.add(days=offset).isoformat())  # noqa: SLF001
        assert len(c._DATES) <= c._DATES_KEPT  # noqa: SLF001


class TestNumbers:
    """A number field takes JSON numbers a float can hold, and names anything else."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (10**400, "$.value: expected a number no larger than about 1.8e308, got int 1000"),
            (float("inf"), "$.value: expected a finite number, got float inf"),
            (True, "$.value: expected a number, got bool True"),
            ("34.3", "$.value: expected a number, got str '34.3'"),
        ],
    )
    def test_a_number_that_is_not_one_is_named(self, value: object, message: str) -> None:
        """Too large, infinite, a bool or text: a DocumentError at the field."""
        with pytest.raises(DocumentError) as info:
            c.structure({"on": "2019-01-01", "value": value}, Observation, what="observation")
        assert info.value.problems[0].startswith(message)
