"""Tests for ilacs.base.validators and the bounded reprs of ilacs.base.text (shown, describe)."""

import datetime
import math
import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import strategies
from ilacs.base import validators as v
from ilacs.base.text import describe, shown
from ilacs.errors import IlacsError, ValidationError

D = pendulum.date
DAY = D(2018, 11, 9)
AWARE = pendulum.datetime(2018, 11, 9, 17, 30, tz="Europe/London")
NAIVE = pendulum.naive(2018, 11, 9, 17, 30)


@attrs.frozen
class _Probe:
    """Lends its field to the validators, as an attrs class does when it is built."""

    field: object = None


FIELD = attrs.fields(_Probe).field


def _check(validator: v.Validator, value: object) -> None:
    validator(None, FIELD, value)


def _rejection(validator: v.Validator, value: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        _check(validator, value)
    return caught.value


POSITIVE_INT = [v.instance_of(int), v.at_least(1, "must be a positive number")]
DFE_CODE = v.matches(r"\d{3}", "a three-digit DfE code such as '309'")

#: (validator, a value it accepts).
ACCEPTED = [
    pytest.param(v.instance_of(int), 0, id="int-zero"),
    pytest.param(v.instance_of(int), -(2**80), id="int-huge"),
    pytest.param(v.instance_of(str), "Haringey", id="str"),
    pytest.param(v.instance_of(bool), False, id="bool"),
    pytest.param(v.instance_of((int, float)), 34.3, id="int-or-float"),
    pytest.param(v.date, DAY, id="date"),
    pytest.param(v.date, D(1, 1, 1), id="date-first-day"),
    pytest.param(v.datetime_, AWARE, id="datetime-aware"),
    pytest.param(v.datetime_, pendulum.datetime(2018, 11, 9), id="datetime-utc"),
    pytest.param(v.text, "Haringey", id="text"),
    pytest.param(v.text, "Hammersmith & Fulham", id="text-spaces-inside"),
    pytest.param(v.text, "Hull\ninside", id="text-line-break-inside"),
    pytest.param(v.text, "é", id="text-one-letter"),
    pytest.param(DFE_CODE, "309", id="matches"),
    pytest.param(v.not_empty(), ("Chief Executive",), id="not-empty"),
    pytest.param(v.at_least(1), 1, id="at-least-the-minimum"),
    pytest.param(v.at_least(1), None, id="at-least-none"),
    pytest.param(v.at_most(12), 12, id="at-most-the-maximum"),
    pytest.param(v.at_most(12), -(2**80), id="at-most-far-below"),
    pytest.param(v.at_most(12), None, id="at-most-none"),
    pytest.param(v.optional(v.text), None, id="optional-none"),
    pytest.param(v.optional(v.text), "Anne Waterman HMI", id="optional-value"),
    pytest.param(v.optional(POSITIVE_INT), 80498, id="optional-list"),
    pytest.param(v.tuple_of(v.text), (), id="tuple-of-empty"),
    pytest.param(v.tuple_of(v.text), ("a", "b"), id="tuple-of"),
    pytest.param(v.unique(str, "owner"), ("Chief Executive", "Director"), id="unique"),
    pytest.param(v.unique(str, "owner"), (), id="unique-empty"),
]

#: (validator, a value it rejects, the whole message).
REJECTED = [
    pytest.param(
        v.instance_of(int), True, "'field' must be int (got bool True)", id="int-not-bool-true"
    ),
    pytest.param(
        v.instance_of(int), False, "'field' must be int (got bool False)", id="int-not-bool-false"
    ),
    pytest.param(v.instance_of(int), 1.0, "'field' must be int (got float 1.0)", id="int-float"),
    pytest.param(v.instance_of(int), "1", "'field' must be int (got str '1')", id="int-str"),
    pytest.param(
        v.instance_of(int), None, "'field' must be int (got NoneType None)", id="int-none"
    ),
    pytest.param(v.instance_of(str), b"x", "'field' must be str (got bytes b'x')", id="str-bytes"),
    pytest.param(
        v.instance_of((int, float)),
        "34.3",
        "'field' must be int or float (got str '34.3')",
        id="int-or-float",
    ),
    pytest.param(
        v.date,
        pendulum.datetime(2018, 11, 9),
        "'field' must be a pendulum.Date (a date without a time)"
        " (got DateTime DateTime(2018, 11, 9, 0, 0, 0, tzinfo=Timezone('UTC')))",
        id="date-not-datetime",
    ),
    pytest.param(
        v.date,
        NAIVE,
        "'field' must be a pendulum.Date (a date without a time)"
        " (got DateTime DateTime(2018, 11, 9, 17, 30, 0))",
        id="date-not-naive-datetime",
    ),
    pytest.param(
        v.date,
        datetime.date(2018, 11, 9),
        "'field' must be a pendulum.Date (a date without a time)"
        " (got date datetime.date(2018, 11, 9))",
        id="date-not-stdlib-date",
    ),
    pytest.param(
        v.date,
        datetime.datetime(2018, 11, 9, tzinfo=datetime.UTC),
        "'field' must be a pendulum.Date (a date without a time)"
        " (got datetime datetime.datetime(2018, 11, 9, 0, 0, tzinfo=datetime.timezone.utc))",
        id="date-not-stdlib-datetime",
    ),
    pytest.param(
        v.date,
        "2018-11-09",
        "'field' must be a pendulum.Date (a date without a time) (got str '2018-11-09')",
        id="date-not-str",
    ),
    pytest.param(
        v.datetime_,
        NAIVE,
        "'field' must be a timezone-aware pendulum.DateTime"
        " (got DateTime DateTime(2018, 11, 9, 17, 30, 0))",
        id="datetime-naive",
    ),
    pytest.param(
        v.datetime_,
        DAY,
        "'field' must be a timezone-aware pendulum.DateTime (got Date Date(2018, 11, 9))",
        id="datetime-date",
    ),
    pytest.param(
        v.datetime_,
        datetime.datetime(2018, 11, 9, tzinfo=datetime.UTC),
        "'field' must be a timezone-aware pendulum.DateTime"
        " (got datetime datetime.datetime(2018, 11, 9, 0, 0, tzinfo=datetime.timezone.utc))",
        id="datetime-stdlib",
    ),
    pytest.param(v.text, "", "'field' must not be empty (got str '')", id="text-empty"),
    pytest.param(v.text, " \t\n", "'field' must not be empty (got str ' \\t\\n')", id="text-blank"),
    pytest.param(
        v.text,
        " Haringey",
        "'field' must not start or end with white space (got str ' Haringey')",
        id="text-leading-space",
    ),
    pytest.param(
        v.text,
        "Haringey\n",
        "'field' must not start or end with white space (got str 'Haringey\\n')",
        id="text-trailing-newline",
    ),
    pytest.param(
        v.text,
        "Haringey\ufeff",
        "'field' must not start or end with white space (got str 'Haringey\\ufeff')",
        id="text-trailing-byte-order-mark",
    ),
    pytest.param(
        v.text,
        "Hari\x00ngey",
        "'field' must not hold control characters (but tabs and line breaks)"
        " (got str 'Hari\\x00ngey')",
        id="text-control-character",
    ),
    pytest.param(v.text, 12345, "'field' must be a string (got int 12345)", id="text-int-not-str"),
    pytest.param(
        v.text, None, "'field' must be a string (got NoneType None)", id="text-none-not-str"
    ),
    pytest.param(
        DFE_CODE,
        "3090",
        "'field' must be a three-digit DfE code such as '309' (got str '3090')",
        id="matches-in-full",
    ),
    pytest.param(
        DFE_CODE,
        "309\n",
        "'field' must be a three-digit DfE code such as '309' (got str '309\\n')",
        id="matches-no-newline",
    ),
    pytest.param(
        DFE_CODE,
        "\u0660\u0660\u0668",
        "'field' must be a three-digit DfE code such as '309' (got str '\u0660\u0660\u0668')",
        id="matches-ascii-digits-only",
    ),
    pytest.param(
        DFE_CODE,
        309,
        "'field' must be a three-digit DfE code such as '309' (got int 309)",
        id="matches-str-only",
    ),
    pytest.param(v.not_empty(), (), "'field' must not be empty (got tuple ())", id="not-empty"),
    pytest.param(
        v.not_empty("must name at least one owner (a role)"),
        (),
        "'field' must name at least one owner (a role) (got tuple ())",
        id="not-empty-rule",
    ),
    pytest.param(v.at_least(1), 0, "'field' must be 1 or more (got int 0)", id="at-least"),
    pytest.param(
        v.at_least(1, "must be a positive number"),
        -5,
        "'field' must be a positive number (got int -5)",
        id="at-least-rule",
    ),
    pytest.param(v.at_most(12), 13, "'field' must be 12 or less (got int 13)", id="at-most"),
    pytest.param(
        v.at_most(v.LARGEST_WHOLE_NUMBER),
        2**53,
        "'field' must be 9007199254740991 or less (got int 9007199254740992)",
        id="at-most-json",
    ),
    pytest.param(
        v.optional(v.text), "", "'field' must not be empty (got str '')", id="optional-inner"
    ),
    pytest.param(
        v.optional(POSITIVE_INT),
        0,
        "'field' must be a positive number (got int 0)",
        id="optional-list-second",
    ),
    pytest.param(
        v.optional(POSITIVE_INT), True, "'field' must be int (got bool True)", id="optional-list"
    ),
    pytest.param(
        v.tuple_of(v.text),
        ["a"],
        "'field' must be a tuple (got list ['a'])",
        id="tuple-of-list",
    ),
    pytest.param(
        v.tuple_of(v.text),
        ("a", "b", ""),
        "'field[2]' must not be empty (got str '')",
        id="tuple-of-names-the-index",
    ),
    pytest.param(
        v.unique(str, "owner"),
        ("Chief Executive", "Director", "Chief Executive"),
        "'field' must not repeat owner 'Chief Executive'",
        id="unique",
    ),
]


class TestValidators:
    """Each validator accepts what its rule allows and names field, value and rule otherwise."""

    @pytest.mark.parametrize(("validator", "value"), ACCEPTED)
    def test_an_allowed_value_passes(self, validator: v.Validator, value: object) -> None:
        """The validator returns without a word."""
        _check(validator, value)

    @pytest.mark.parametrize(("validator", "value", "message"), REJECTED)
    def test_a_value_breaking_the_rule_is_rejected_with_a_pinned_message(
        self, validator: v.Validator, value: object, message: str
    ) -> None:
        """A ValidationError (an IlacsError and a ValueError) with the whole message."""
        error = _rejection(validator, value)
        assert str(error) == message
        assert isinstance(error, IlacsError)
        assert isinstance(error, ValueError)

    @pytest.mark.parametrize(("validator", "value", "message"), REJECTED)
    def test_the_error_keeps_the_field_and_the_value(
        self, validator: v.Validator, value: object, message: str
    ) -> None:
        """error.field is the name the message quotes; error.value is the value or its item."""
        error = _rejection(validator, value)
        assert message.startswith(f"{error.field!r} ")
        assert error.value is value or (isinstance(value, tuple) and error.value in value)

    def test_a_tuple_item_is_named_by_its_index(self) -> None:
        """The error of v.tuple_of is for 'field[1]', and holds the item."""
        error = _rejection(v.tuple_of(v.instance_of(int)), (1, "2", 3))
        assert (error.field, error.value) == ("field[1]", "2")

    def test_a_repeat_names_the_repeated_key(self) -> None:
        """The error of v.unique holds the repeated key as its value."""
        error = _rejection(v.unique(len, "length"), ("ab", "cd"))
        assert (str(error), error.value) == ("'field' must not repeat length 2", 2)

    def test_reject_raises_for_any_field(self) -> None:
        """reject() is the same error for checks outside attrs, such as a function's argument."""
        with pytest.raises(ValidationError, match=r"^'as_of' must be a day \(got int 3\)$") as e:
            v.reject("as_of", 3, "must be a day")
        assert (e.value.field, e.value.value) == ("as_of", 3)

    def test_the_validators_work_inside_an_attrs_class(self) -> None:
        """As the model uses them: building or evolving with a bad value raises."""

        @attrs.frozen(kw_only=True)
        class Count:
            n: int = attrs.field(validator=[v.instance_of(int), v.at_most(12)])

        assert Count(n=12).n == 12
        with pytest.raises(ValidationError, match=r"^'n' must be 12 or less \(got int 13\)$"):
            attrs.evolve(Count(n=1), n=13)

    @given(st.integers())
    def test_every_int_is_an_int(self, number: int) -> None:
        """instance_of(int) takes every whole number."""
        _check(v.instance_of(int), number)

    @given(st.booleans())
    def test_a_bool_is_never_an_int(self, flag: bool) -> None:
        """True and False are ints to Python but not to a count."""
        with pytest.raises(ValidationError, match=r"must be int \(got bool "):
            _check(v.instance_of(int), flag)

    @given(st.text())
    def test_text_accepts_exactly_the_strings_its_pattern_matches(self, value: str) -> None:
        """v.text agrees with v.TEXT, the JSON Schema's pattern; what it takes is trimmed."""
        if re.fullmatch(v.TEXT, value):
            _check(v.text, value)
            assert value.strip() == value != ""
        else:
            with pytest.raises(ValidationError):
                _check(v.text, value)

    @given(strategies.dates())
    def test_a_date_passes_and_the_same_day_as_a_date_time_does_not(
        self, day: pendulum.Date
    ) -> None:
        """pendulum.DateTime subclasses pendulum.Date, and is still refused where a day is asked."""
        _check(v.date, day)
        assert v.is_date(day)
        moment = pendulum.datetime(day.year, day.month, day.day)
        assert isinstance(moment, pendulum.Date)
        assert not v.is_date(moment)
        with pytest.raises(ValidationError):
            _check(v.date, moment)

    @pytest.mark.parametrize(
        "value", [datetime.date(2018, 11, 9), AWARE, NAIVE, "2018-11-09", None, 20181109]
    )
    def test_is_date_is_false_for_anything_but_a_pendulum_date(self, value: object) -> None:
        """is_date answers the question without raising."""
        assert v.is_date(value) is False


def _deep(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


def _aliased(levels: int) -> object:
    # What a YAML file with nested aliases loads as: 10**levels leaves, little memory.
    value: object = "lol"
    for _ in range(levels):
        value = [value] * 10
    return value


class _FailingRepr:
    def __repr__(self) -> str:
        raise RuntimeError


class _HugeRepr:
    def __repr__(self) -> str:
        return "h" * 1_000_000


def _cyclic() -> list[object]:
    value: list[object] = []
    value.append(value)
    return value


#: Values whose plain repr is enormous, endless or broken.
UNRULY = [
    pytest.param("x" * 1_000_000, id="long-str"),
    pytest.param(b"x" * 1_000_000, id="long-bytes"),
    pytest.param(10**5000, id="huge-int"),
    pytest.param(-(10**5000), id="huge-negative-int"),
    pytest.param(_deep(10_000), id="deep"),
    pytest.param(_aliased(9), id="aliased-billion"),
    pytest.param(_cyclic(), id="cyclic"),
    pytest.param({str(n): n for n in range(100_000)}, id="wide-dict"),
    pytest.param(("x" * 1000,) * 1000, id="wide-tuple"),
    pytest.param(_HugeRepr(), id="huge-repr"),
    pytest.param(_FailingRepr(), id="failing-repr"),
]

#: The longest a message's "got ..." part may be: a few hundred characters.
SHORT = 400


class TestShown:
    """Error messages show values as their repr, short whatever the value."""

    @pytest.mark.parametrize(
        "value", ["Haringey", 80498, None, ("ia-1", "ia-2"), math.inf, D(2018, 11, 9)]
    )
    def test_an_ordinary_value_is_its_repr(self, value: object) -> None:
        """Nothing is cut from a short value."""
        assert shown(value) == repr(value)

    @pytest.mark.parametrize("value", UNRULY)
    def test_an_unruly_value_is_shown_short(self, value: object) -> None:
        """Huge, deep, cyclic, aliased or broken: a few hundred characters, without raising."""
        assert len(shown(value)) <= SHORT
        assert len(describe(value)) <= SHORT + len(type(value).__name__) + 1

    def test_a_long_string_says_how_long_it_was(self) -> None:
        """The start of the text, then its length."""
        text = shown("x" * 1_000_000)
        assert text.startswith("'xxxxxxxx")
        assert text.endswith("... (1,000,000 characters)")

    def test_a_huge_number_says_about_how_many_digits(self) -> None:
        """repr() itself refuses ints of over 4,300 digits."""
        assert shown(10**5000) == "<a whole number of about 5001 digits>"

    def test_describe_names_the_type_then_the_value(self) -> None:
        """As the messages read: 'got bool True', 'got str ...'."""
        assert describe(True) == "bool True"  # noqa: FBT003 (the value shown is a bool)
        assert describe("Haringey") == "str 'Haringey'"
        assert describe(D(2018, 11, 9)) == "Date Date(2018, 11, 9)"

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
            lambda inner: (
                st.lists(inner, max_size=50) | st.dictionaries(st.text(), inner, max_size=50)
            ),
            max_leaves=500,
        )
    )
    def test_any_json_like_value_is_shown_short(self, value: object) -> None:
        """Whatever a document holds, its shown form stays short."""
        assert len(shown(value)) <= SHORT
