"""Tests for ilacs.calendar: England and Wales working days under SI 2007/462."""

import datetime as dt
import functools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import attrs
import holidays
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ilacs
from ilacs.calendar import (
    CLOSURE,
    NonWorkingDay,
    WorkingDayCalendar,
    add_working_days,
    default_calendar,
    holidays_between,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)
from ilacs.errors import CalendarError, IlacsError

D = pendulum.date

# The one-off bank holidays of recent years, each on a weekday.
ONE_OFF_BANK_HOLIDAYS = [
    (D(2020, 5, 8), "May Day"),  # moved from Monday 4 May for the 75th VE Day
    (D(2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
    (D(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    (D(2023, 5, 8), "Coronation of Charles III"),
]

# Good Friday, Easter Monday, Christmas Day and Boxing Day (or the weekday substitute
# for either) in every year 2018 to 2026, as published by GOV.UK. Easter Sundays:
# 1 Apr 2018, 21 Apr 2019, 12 Apr 2020, 4 Apr 2021, 17 Apr 2022, 9 Apr 2023,
# 31 Mar 2024, 20 Apr 2025, 5 Apr 2026.
CHRISTMAS_AND_EASTER_CLOSURES = [
    (D(2018, 3, 30), "Good Friday"),
    (D(2018, 4, 2), "Easter Monday"),
    (D(2018, 12, 25), "Christmas Day"),
    (D(2018, 12, 26), "Boxing Day"),
    (D(2019, 4, 19), "Good Friday"),
    (D(2019, 4, 22), "Easter Monday"),
    (D(2019, 12, 25), "Christmas Day"),
    (D(2019, 12, 26), "Boxing Day"),
    (D(2020, 4, 10), "Good Friday"),
    (D(2020, 4, 13), "Easter Monday"),
    (D(2020, 12, 25), "Christmas Day"),
    (D(2020, 12, 28), "Boxing Day (observed)"),  # Boxing Day was a Saturday
    (D(2021, 4, 2), "Good Friday"),
    (D(2021, 4, 5), "Easter Monday"),
    (D(2021, 12, 27), "Christmas Day (observed)"),  # Christmas Day was a Saturday
    (D(2021, 12, 28), "Boxing Day (observed)"),  # Boxing Day was a Sunday
    (D(2022, 4, 15), "Good Friday"),
    (D(2022, 4, 18), "Easter Monday"),
    (D(2022, 12, 26), "Boxing Day"),
    (D(2022, 12, 27), "Christmas Day (observed)"),  # Christmas Day was a Sunday
    (D(2023, 4, 7), "Good Friday"),
    (D(2023, 4, 10), "Easter Monday"),
    (D(2023, 12, 25), "Christmas Day"),
    (D(2023, 12, 26), "Boxing Day"),
    (D(2024, 3, 29), "Good Friday"),
    (D(2024, 4, 1), "Easter Monday"),
    (D(2024, 12, 25), "Christmas Day"),
    (D(2024, 12, 26), "Boxing Day"),
    (D(2025, 4, 18), "Good Friday"),
    (D(2025, 4, 21), "Easter Monday"),
    (D(2025, 12, 25), "Christmas Day"),
    (D(2025, 12, 26), "Boxing Day"),
    (D(2026, 4, 3), "Good Friday"),
    (D(2026, 4, 6), "Easter Monday"),
    (D(2026, 12, 25), "Christmas Day"),
    (D(2026, 12, 28), "Boxing Day (observed)"),  # Boxing Day is a Saturday
]

# The weekend Christmas and Boxing Days of 2018 to 2026, replaced by the substitutes above.
WEEKEND_CHRISTMASES = [D(2020, 12, 26), D(2021, 12, 25), D(2021, 12, 26), D(2022, 12, 25)]

# Hand-worked deadlines. Every start is a Wednesday, so n = 20 working days is four
# whole weeks (Wednesday + 28 days) and n = 70 is fourteen (Wednesday + 98 days)
# before closures; each weekday closure in the interval then pushes the deadline on
# by one working day.
DEADLINES = [
    # Haringey: Wed 5 Dec 2018 + 98 days = Wed 13 Mar 2019; Christmas Day, Boxing
    # Day and New Year's Day push it on three: Thu 14, Fri 15, Mon 18 Mar.
    pytest.param(D(2018, 12, 5), 70, D(2019, 3, 18), id="Haringey from receipt"),
    # Fri 14 Dec 2018 + 98 days = Fri 22 Mar 2019; the same three: Mon 25, Tue 26, Wed 27.
    pytest.param(D(2018, 12, 14), 70, D(2019, 3, 27), id="Haringey from publication"),
    # Wed 6 Apr 2022 + 98 = Wed 13 Jul; Good Friday, Easter Monday, May Day, Spring
    # Bank Holiday (2 Jun), Platinum Jubilee (3 Jun): five, to Wed 20 Jul.
    pytest.param(D(2022, 4, 6), 70, D(2022, 7, 20), id="70 across Easter and the Jubilee 2022"),
    # Easter: Wed + 28 days, then Good Friday and Easter Monday give Thu, Fri.
    pytest.param(D(2018, 3, 21), 20, D(2018, 4, 20), id="Easter 2018: Wed 18 Apr + 2"),
    # 2019 also crosses May Day (6 May): Wed 8 May + 3 = Thu 9, Fri 10, Mon 13.
    pytest.param(D(2019, 4, 10), 20, D(2019, 5, 13), id="Easter 2019: Wed 8 May + 3"),
    pytest.param(D(2020, 4, 1), 20, D(2020, 5, 1), id="Easter 2020: Wed 29 Apr + 2"),
    pytest.param(D(2021, 3, 24), 20, D(2021, 4, 23), id="Easter 2021: Wed 21 Apr + 2"),
    # 2022 also crosses May Day (2 May).
    pytest.param(D(2022, 4, 6), 20, D(2022, 5, 9), id="Easter 2022: Wed 4 May + 3"),
    pytest.param(D(2023, 3, 29), 20, D(2023, 4, 28), id="Easter 2023: Wed 26 Apr + 2"),
    pytest.param(D(2024, 3, 20), 20, D(2024, 4, 19), id="Easter 2024: Wed 17 Apr + 2"),
    # 2025 also crosses May Day (5 May).
    pytest.param(D(2025, 4, 9), 20, D(2025, 5, 12), id="Easter 2025: Wed 7 May + 3"),
    pytest.param(D(2026, 3, 25), 20, D(2026, 4, 24), id="Easter 2026: Wed 22 Apr + 2"),
    # Christmas: Wed + 28 days, then three weekday closures (Christmas, Boxing Day,
    # New Year, or their substitutes) give Thu, Fri, Mon.
    pytest.param(D(2018, 12, 12), 20, D(2019, 1, 14), id="Christmas 2018: Wed 9 Jan + 3"),
    pytest.param(D(2019, 12, 11), 20, D(2020, 1, 13), id="Christmas 2019: Wed 8 Jan + 3"),
    # Fri 25 Dec, Mon 28 Dec (Boxing Day substitute), Fri 1 Jan.
    pytest.param(D(2020, 12, 9), 20, D(2021, 1, 11), id="Christmas 2020: Wed 6 Jan + 3"),
    # Mon 27 and Tue 28 Dec (both substitutes), Mon 3 Jan (New Year substitute).
    pytest.param(D(2021, 12, 8), 20, D(2022, 1, 10), id="Christmas 2021: Wed 5 Jan + 3"),
    # Mon 26 Dec, Tue 27 Dec (Christmas substitute), Mon 2 Jan (New Year substitute).
    pytest.param(D(2022, 12, 7), 20, D(2023, 1, 9), id="Christmas 2022: Wed 4 Jan + 3"),
    pytest.param(D(2023, 12, 13), 20, D(2024, 1, 15), id="Christmas 2023: Wed 10 Jan + 3"),
    pytest.param(D(2024, 12, 11), 20, D(2025, 1, 13), id="Christmas 2024: Wed 8 Jan + 3"),
    pytest.param(D(2025, 12, 10), 20, D(2026, 1, 12), id="Christmas 2025: Wed 7 Jan + 3"),
    # Fri 25 Dec, Mon 28 Dec (Boxing Day substitute), Fri 1 Jan 2027.
    pytest.param(D(2026, 12, 9), 20, D(2027, 1, 11), id="Christmas 2026: Wed 6 Jan + 3"),
    # One-off days: Fri 8 May 2020 and Spring Bank Holiday Mon 25 May.
    pytest.param(D(2020, 4, 29), 20, D(2020, 5, 29), id="VE Day 2020: Wed 27 May + 2"),
    # Spring Bank Holiday Thu 2 Jun and Platinum Jubilee Fri 3 Jun 2022.
    pytest.param(D(2022, 5, 25), 20, D(2022, 6, 24), id="Jubilee 2022: Wed 22 Jun + 2"),
    # The Queen's funeral, Mon 19 Sep 2022.
    pytest.param(D(2022, 9, 14), 20, D(2022, 10, 13), id="Funeral 2022: Wed 12 Oct + 1"),
    # The coronation, Mon 8 May 2023, and Spring Bank Holiday Mon 29 May.
    pytest.param(D(2023, 5, 3), 20, D(2023, 6, 2), id="Coronation 2023: Wed 31 May + 2"),
]

DATETIMES = [
    (pendulum.datetime(2018, 12, 5, 9), "2018-12-05T09:00:00+00:00"),
    (dt.datetime(2018, 12, 5, 9, tzinfo=dt.UTC), "2018-12-05T09:00:00+00:00"),
    (dt.datetime(2018, 12, 5), "2018-12-05T00:00:00"),  # noqa: DTZ001 - a naive one is rejected too
]

NOT_DATES: list[tuple[object, str]] = [
    ("2018-12-05", "'2018-12-05' of type str"),
    (None, "None of type NoneType"),
    (737033, "737033 of type int"),
]

OUTSIDE_THE_YEARS = [D(1989, 12, 31), D(2101, 1, 3), D(1872, 6, 1)]

NOT_COUNTS: list[tuple[object, str]] = [
    (1.5, "1.5 of type float"),
    (True, "True of type bool"),
    ("70", "'70' of type str"),
    (None, "None of type NoneType"),
]

INVALID_CALENDARS: list[tuple[dict[str, Any], str]] = [
    (
        {"first_year": 1800},
        (
            "'first_year' must not be before 1872, the first year the holidays package covers "
            "(got 1800)"
        ),
    ),
    (
        {"last_year": 2101},
        "'last_year' must not be after 2100, the last year the holidays package covers (got 2101)",
    ),
    (
        {"first_year": 2020, "last_year": 2019},
        "'last_year' must not be before 'first_year' 2020 (got 2019)",
    ),
    ({"first_year": "1990"}, "'first_year' must be a year (got '1990' of type str)"),
    ({"last_year": 2100.0}, "'last_year' must be a year (got 2100.0 of type float)"),
    ({"name": None}, "'name' must be text (got None of type NoneType)"),
    (
        {"closures": [D(1989, 12, 27)]},
        "'closures' must fall within the years the calendar covers, 1990 to 2100 (got 1989-12-27)",
    ),
    (
        {"closures": D(2019, 12, 24)},
        "'closures' must be a collection of dates (got Date(2019, 12, 24))",
    ),
    ({"closures": "2019-12-24"}, "'closures' must be a collection of dates (got '2019-12-24')"),
    (
        {"closures": [pendulum.datetime(2019, 12, 24)]},
        "'closures' must be a date, not a date-time (got 2019-12-24T00:00:00+00:00)",
    ),
    ({"closures": ["2019-12-24"]}, "'closures' must be a date (got '2019-12-24' of type str)"),
]

MODULE_FUNCTIONS_OF_A_DATE = [is_working_day, next_working_day, previous_working_day]


@functools.cache
def reference_holidays() -> frozenset[dt.date]:
    """Return the England and Wales bank holidays straight from the holidays package."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(1990, 2101)))


def naive_is_working_day(day: dt.date, closures: frozenset[pendulum.Date]) -> bool:
    """Say whether ``day`` is a working day, the slow and obvious way."""
    return day.weekday() < 5 and day not in reference_holidays() and day not in closures


def naive_add_working_days(
    day: pendulum.Date, n: int, closures: frozenset[pendulum.Date] = frozenset()
) -> pendulum.Date:
    """Step one day at a time, counting working days, until n have been passed."""
    step = 1 if n > 0 else -1
    remaining = abs(n)
    current = dt.date(day.year, day.month, day.day)
    while remaining:
        current += dt.timedelta(days=step)
        if naive_is_working_day(current, closures):
            remaining -= 1
    return D(current.year, current.month, current.day)


def naive_working_days_between(start: pendulum.Date, end: pendulum.Date) -> int:
    """Count working days after ``start`` up to ``end``, or from ``end`` up to ``start``."""
    span = end.toordinal() - start.toordinal()
    if span >= 0:
        interval = [start.add(days=offset) for offset in range(1, span + 1)]
        return sum(naive_is_working_day(day, frozenset()) for day in interval)
    interval = [end.add(days=offset) for offset in range(-span)]
    return -sum(naive_is_working_day(day, frozenset()) for day in interval)


@pytest.fixture(scope="module", autouse=True)
def _built_tables() -> None:
    """Build the holiday tables once, so no Hypothesis example pays for them."""
    default_calendar()
    reference_holidays()


def to_pendulum(day: dt.date) -> pendulum.Date:
    """Convert a standard-library date to a pendulum one."""
    return D(day.year, day.month, day.day)


# Dates far enough inside 1990 to 2100 that 400 working days either way stay inside.
days = st.dates(min_value=dt.date(1992, 1, 1), max_value=dt.date(2098, 12, 31)).map(to_pendulum)
# Days from mid-March and early December, where the holidays cluster and bugs would hide.
festive_days = st.builds(
    lambda year, month_and_day, offset: D(year, *month_and_day).add(days=offset),
    st.integers(min_value=1992, max_value=2098),
    st.sampled_from([(3, 15), (12, 10)]),
    st.integers(min_value=0, max_value=50),
)
any_days = st.one_of(days, festive_days)
counts = st.integers(min_value=-400, max_value=400)
non_negative_counts = st.integers(min_value=0, max_value=400)
# Two of these sum to at most 400, so the total stays inside the covered years too.
half_counts = st.integers(min_value=0, max_value=200)


@st.composite
def calendars_around(draw: st.DrawFn, start: pendulum.Date) -> WorkingDayCalendar:
    """Draw a calendar with closures near ``start``, where they can change a deadline."""
    offsets = draw(st.frozensets(st.integers(min_value=-100, max_value=600), max_size=30))
    return default_calendar().with_closures(*(start.add(days=offset) for offset in offsets))


class TestBankHolidays:
    """The non-working days come from the holidays package and match the published ones."""

    @pytest.mark.parametrize(("day", "name"), ONE_OFF_BANK_HOLIDAYS + CHRISTMAS_AND_EASTER_CLOSURES)
    def test_a_bank_holiday_is_not_a_working_day(self, day: pendulum.Date, name: str) -> None:
        """Each published bank holiday, one-off or annual, is closed."""
        assert not is_working_day(day), name

    @pytest.mark.parametrize(("day", "name"), ONE_OFF_BANK_HOLIDAYS + CHRISTMAS_AND_EASTER_CLOSURES)
    def test_a_bank_holiday_is_named_as_it_is_published(
        self, day: pendulum.Date, name: str
    ) -> None:
        """The calendar names each weekday bank holiday."""
        assert holidays_between(day.subtract(days=1), day) == (NonWorkingDay(date=day, name=name),)

    @pytest.mark.parametrize("day", WEEKEND_CHRISTMASES)
    def test_a_weekend_christmas_is_replaced_by_a_weekday_substitute(
        self, day: pendulum.Date
    ) -> None:
        """Christmas or Boxing Day on a weekend is followed by an observed weekday."""
        following = holidays_between(day, day.add(days=3))
        assert any(holiday.name.endswith("(observed)") for holiday in following)

    def test_the_days_either_side_of_a_one_off_holiday_are_working_days(self) -> None:
        """The coronation bank holiday closes one day, not its neighbours."""
        assert is_working_day(D(2023, 5, 5))
        assert not is_working_day(D(2023, 5, 8))
        assert is_working_day(D(2023, 5, 9))

    def test_england_and_wales_share_their_bank_holidays(self) -> None:
        """SI 2007/462 names one jurisdiction: the package must agree for both parts."""
        years = range(1990, 2101)
        england = holidays.country_holidays("GB", subdiv="ENG", years=years)
        wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
        assert dict(england) == dict(wales)

    @pytest.mark.parametrize("year", range(1990, 2101))
    def test_christmas_day_and_good_friday_are_closed_every_year(self, year: int) -> None:
        """Christmas Day and Good Friday close every year the calendar covers."""
        assert not is_working_day(D(year, 12, 25))
        good_fridays = [
            day
            for day in holidays_between(D(year, 3, 19), D(year, 4, 23))
            if day.name == "Good Friday"
        ]
        assert len(good_fridays) == 1
        assert good_fridays[0].date.day_of_week == pendulum.WeekDay.FRIDAY

    def test_weekends_are_not_working_days(self) -> None:
        """Saturday and Sunday are closed; Monday to Friday of an ordinary week are open."""
        week = [D(2019, 3, 11).add(days=offset) for offset in range(7)]
        assert [is_working_day(day) for day in week] == [True] * 5 + [False] * 2


class TestDeadlines:
    """Deadlines counted in working days from receipt, the receipt day being day 0."""

    @pytest.mark.parametrize(("start", "n", "expected"), DEADLINES)
    def test_a_deadline_is_pushed_back_by_each_closure_it_crosses(
        self, start: pendulum.Date, n: int, expected: pendulum.Date
    ) -> None:
        """The hand-worked deadline is the one the calendar gives."""
        assert add_working_days(start, n) == expected

    @pytest.mark.parametrize(("start", "n", "expected"), DEADLINES)
    def test_counting_back_from_a_deadline_finds_its_start(
        self, start: pendulum.Date, n: int, expected: pendulum.Date
    ) -> None:
        """Counting the deadline's working days back lands on the working-day start."""
        assert working_days_between(start, expected) == n
        assert add_working_days(expected, -n) == start

    def test_haringeys_action_plan_was_due_on_18_march_2019(self) -> None:
        """70 working days from receipt of the report on 5 December 2018."""
        assert add_working_days(D(2018, 12, 5), 70) == D(2019, 3, 18)

    def test_counted_from_publication_haringeys_plan_would_be_due_on_27_march(self) -> None:
        """70 working days from publication on 14 December 2018."""
        assert add_working_days(D(2018, 12, 14), 70) == D(2019, 3, 27)

    def test_a_deadline_can_be_explained_by_the_holidays_it_crosses(self) -> None:
        """The named closures account for the days beyond whole weeks."""
        assert [day.name for day in holidays_between(D(2018, 12, 5), D(2019, 3, 18))] == [
            "Christmas Day",
            "Boxing Day",
            "New Year's Day",
        ]


class TestAddWorkingDays:
    """add_working_days counts from day 0, in either direction."""

    def test_adding_one_working_day_to_a_friday_gives_the_monday(self) -> None:
        """Weekends are stepped over."""
        assert add_working_days(D(2019, 3, 15), 1) == D(2019, 3, 18)

    def test_adding_one_working_day_to_a_saturday_gives_the_monday(self) -> None:
        """A non-working start is day 0 like any other."""
        assert add_working_days(D(2019, 3, 16), 1) == D(2019, 3, 18)

    def test_adding_no_working_days_returns_the_day_unchanged_even_when_closed(self) -> None:
        """Adding zero returns the start, so a holiday start stays a holiday."""
        assert add_working_days(D(2019, 4, 19), 0) == D(2019, 4, 19)
        assert add_working_days(D(2019, 4, 18), 0) == D(2019, 4, 18)

    def test_subtracting_one_working_day_from_a_monday_gives_the_friday(self) -> None:
        """Negative counts step backwards over weekends."""
        assert add_working_days(D(2019, 3, 18), -1) == D(2019, 3, 15)

    def test_subtracting_one_working_day_from_a_sunday_gives_the_friday(self) -> None:
        """Counting back from a closed day reaches the last working day before it."""
        assert add_working_days(D(2019, 3, 17), -1) == D(2019, 3, 15)

    def test_a_standard_library_date_is_accepted_and_a_pendulum_date_returned(self) -> None:
        """Plain dates are converted; results are always pendulum Dates."""
        plain = cast("pendulum.Date", dt.date(2018, 12, 5))
        result = add_working_days(plain, 70)
        assert type(result) is pendulum.Date
        assert result == D(2019, 3, 18)
        assert type(add_working_days(plain, 0)) is pendulum.Date

    def test_the_first_and_last_days_of_the_covered_years_can_be_reached(self) -> None:
        """The range is inclusive at both ends."""
        assert add_working_days(D(2100, 12, 30), 1) == D(2100, 12, 31)
        assert add_working_days(D(1990, 1, 3), -1) == D(1990, 1, 2)


class TestWorkingDaysBetween:
    """working_days_between leaves out the start and counts the end."""

    def test_the_end_is_counted_and_the_start_is_not(self) -> None:
        """Monday to Tuesday is one working day."""
        assert working_days_between(D(2019, 3, 11), D(2019, 3, 12)) == 1

    def test_a_day_to_itself_is_no_working_days(self) -> None:
        """The empty interval counts nothing."""
        assert working_days_between(D(2019, 3, 11), D(2019, 3, 11)) == 0

    def test_easter_thursday_to_easter_monday_is_no_working_days(self) -> None:
        """Good Friday, the weekend and Easter Monday are all closed."""
        assert working_days_between(D(2019, 4, 18), D(2019, 4, 22)) == 0

    def test_counting_backwards_gives_a_negative_count(self) -> None:
        """Backwards, the end (the earlier day) is counted and the start is not."""
        assert working_days_between(D(2019, 3, 12), D(2019, 3, 11)) == -1
        assert working_days_between(D(2019, 3, 16), D(2019, 3, 15)) == -1

    def test_swapping_the_ends_need_not_negate_the_count(self) -> None:
        """Friday to Saturday counts nothing, but Saturday back to Friday counts Friday."""
        assert working_days_between(D(2019, 3, 15), D(2019, 3, 16)) == 0
        assert working_days_between(D(2019, 3, 16), D(2019, 3, 15)) == -1


class TestNextAndPreviousWorkingDay:
    """next_working_day and previous_working_day look strictly beyond the day."""

    def test_the_next_working_day_after_a_working_day_is_the_following_one(self) -> None:
        """A working day is never its own next working day."""
        assert next_working_day(D(2019, 3, 11)) == D(2019, 3, 12)

    def test_the_next_working_day_after_christmas_eve_2020_is_29_december(self) -> None:
        """Christmas Day, the weekend and the Boxing Day substitute are skipped."""
        assert next_working_day(D(2020, 12, 24)) == D(2020, 12, 29)

    def test_the_previous_working_day_before_easter_tuesday_is_maundy_thursday(self) -> None:
        """Easter Monday, the weekend and Good Friday are skipped."""
        assert previous_working_day(D(2019, 4, 23)) == D(2019, 4, 18)


class TestHolidaysBetween:
    """holidays_between names the weekdays that cost a working day."""

    def test_closures_are_named_closure_and_bank_holidays_keep_their_names(self) -> None:
        """A council closure is reported with the generic name, in date order."""
        calendar = default_calendar().with_closures(D(2019, 12, 24), D(2019, 12, 25))
        assert calendar.holidays_between(D(2019, 12, 20), D(2019, 12, 31)) == (
            NonWorkingDay(date=D(2019, 12, 24), name=CLOSURE),
            NonWorkingDay(date=D(2019, 12, 25), name="Christmas Day"),
            NonWorkingDay(date=D(2019, 12, 26), name="Boxing Day"),
        )

    def test_weekend_holidays_are_left_out(self) -> None:
        """Christmas Day 2021 fell on a Saturday and cost no working day itself."""
        assert [day.date for day in holidays_between(D(2021, 12, 24), D(2021, 12, 31))] == [
            D(2021, 12, 27),
            D(2021, 12, 28),
        ]

    def test_backwards_the_earlier_end_is_included_and_the_later_left_out(self) -> None:
        """The interval mirrors the one working_days_between counts."""
        assert [day.date for day in holidays_between(D(2019, 4, 22), D(2019, 4, 19))] == [
            D(2019, 4, 19)
        ]


class TestWorkingDayCalendar:
    """A calendar is an immutable value holding its closures and years."""

    def test_a_closure_day_is_not_a_working_day(self) -> None:
        """Closures close the calendar that has them, not the default one."""
        calendar = WorkingDayCalendar(
            name="Haringey Council", closures=frozenset({D(2019, 12, 24)})
        )
        assert not calendar.is_working_day(D(2019, 12, 24))
        assert is_working_day(D(2019, 12, 24))

    def test_with_closures_returns_a_new_calendar_and_leaves_the_old_one_alone(self) -> None:
        """Calendars are values: adding closures makes another."""
        calendar = WorkingDayCalendar()
        closed = calendar.with_closures(
            D(2019, 12, 24), cast("pendulum.Date", dt.date(2019, 12, 27))
        )
        assert calendar.closures == frozenset()
        assert closed.closures == frozenset({D(2019, 12, 24), D(2019, 12, 27)})
        assert all(type(day) is pendulum.Date for day in closed.closures)
        assert closed.name == calendar.name

    def test_a_weekend_closure_changes_no_deadline(self) -> None:
        """Weekends are already closed."""
        calendar = default_calendar().with_closures(D(2019, 3, 16))
        assert calendar.add_working_days(D(2018, 12, 5), 70) == D(2019, 3, 18)
        assert calendar.holidays_between(D(2019, 3, 11), D(2019, 3, 18)) == ()

    def test_calendars_with_the_same_fields_are_equal(self) -> None:
        """Equality and hashing follow the fields, not the cached tables."""
        first = WorkingDayCalendar(closures=[D(2019, 12, 24)])
        second = WorkingDayCalendar().with_closures(D(2019, 12, 24))
        first.is_working_day(D(2019, 12, 24))
        assert first == second
        assert hash(first) == hash(second)

    def test_a_calendar_is_frozen(self) -> None:
        """Fields cannot be reassigned."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            default_calendar().name = "Wales"  # type: ignore[misc]

    def test_a_narrower_calendar_covers_only_its_years(self) -> None:
        """first_year and last_year bound the dates a calendar accepts."""
        calendar = WorkingDayCalendar(first_year=2018, last_year=2019)
        assert calendar.add_working_days(D(2018, 12, 5), 70) == D(2019, 3, 18)
        with pytest.raises(CalendarError) as raised:
            calendar.is_working_day(D(2020, 1, 2))
        assert str(raised.value) == (
            "'day' must fall within the years the calendar covers, 2018 to 2019 (got 2020-01-02)"
        )

    def test_the_default_calendar_is_england_and_wales_1990_to_2100(self) -> None:
        """The module-level functions share one lazily built calendar."""
        calendar = default_calendar()
        assert calendar == WorkingDayCalendar(
            name="England and Wales", first_year=1990, last_year=2100
        )
        assert calendar is default_calendar()

    def test_non_working_day_rejects_a_date_time(self) -> None:
        """The explanation record holds a date, never a date-time."""
        with pytest.raises(CalendarError) as raised:
            NonWorkingDay(date=pendulum.datetime(2019, 4, 19), name="Good Friday")
        assert (
            str(raised.value)
            == "'date' must be a date, not a date-time (got 2019-04-19T00:00:00+00:00)"
        )

    @pytest.mark.parametrize(("fields", "message"), INVALID_CALENDARS)
    def test_an_invalid_calendar_is_rejected(self, fields: dict[str, Any], message: str) -> None:
        """Construction rejects bad years, names and closures with a CalendarError."""
        with pytest.raises(CalendarError) as raised:
            WorkingDayCalendar(**fields)
        assert str(raised.value) == message

    def test_a_holidays_package_that_parts_england_from_wales_is_refused(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the package ever gave Wales a day England lacks, the calendar would not guess."""
        real = holidays.country_holidays

        def parted(
            country: str, *, subdiv: str, years: range, language: str
        ) -> holidays.HolidayBase:
            days = real(country, subdiv=subdiv, years=years, language=language)
            if subdiv == "WLS":
                days[dt.date(1960, 3, 1)] = "St David's Day"
            return days

        monkeypatch.setattr(holidays, "country_holidays", parted)
        with pytest.raises(CalendarError) as raised:
            WorkingDayCalendar(first_year=1960, last_year=1960)
        assert str(raised.value) == (
            "England and Wales bank holidays disagree in the holidays package: "
            '[(datetime.date(1960, 3, 1), "St David\'s Day")]'
        )

    def test_a_holidays_package_without_good_friday_is_refused(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Good Friday and Christmas Day are non-working by the SI, whatever the package says."""
        real = holidays.country_holidays

        def without_good_friday(
            country: str, *, subdiv: str, years: range, language: str
        ) -> holidays.HolidayBase:
            days = real(country, subdiv=subdiv, years=years, language=language)
            days.pop(dt.date(1961, 3, 31))
            return days

        monkeypatch.setattr(holidays, "country_holidays", without_good_friday)
        with pytest.raises(CalendarError) as raised:
            WorkingDayCalendar(first_year=1961, last_year=1961)
        assert (
            str(raised.value) == "the holidays package lacks Christmas Day or Good Friday in 1961"
        )

    def test_importing_the_calendar_does_not_load_the_holidays_package(self) -> None:
        """The holiday tables, and the package behind them, are built on first use."""
        source = Path(ilacs.__file__).resolve().parent.parent
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), *sys.path])}
        script = "import sys, ilacs.calendar; print('holidays' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        )
        assert result.stdout.strip() == "False"


class TestErrors:
    """Bad input ends in a CalendarError naming the field, the rule and the value."""

    def test_a_calendar_error_is_an_ilacs_error_and_a_value_error(self) -> None:
        """One except clause catches every library error."""
        assert issubclass(CalendarError, IlacsError)
        assert issubclass(CalendarError, ValueError)

    @pytest.mark.parametrize(("value", "shown"), DATETIMES)
    def test_a_date_time_is_rejected(self, value: pendulum.Date, shown: str) -> None:
        """pendulum.DateTime is a Date subclass, but a deadline is a day, not an instant."""
        with pytest.raises(CalendarError) as raised:
            add_working_days(value, 70)
        assert str(raised.value) == f"'day' must be a date, not a date-time (got {shown})"

    @pytest.mark.parametrize(("value", "shown"), NOT_DATES)
    def test_something_that_is_not_a_date_is_rejected(self, value: object, shown: str) -> None:
        """Strings and numbers are not parsed."""
        with pytest.raises(CalendarError) as raised:
            working_days_between(D(2018, 12, 5), cast("pendulum.Date", value))
        assert str(raised.value) == f"'end' must be a date (got {shown})"

    @pytest.mark.parametrize("function", MODULE_FUNCTIONS_OF_A_DATE)
    @pytest.mark.parametrize(("value", "shown"), NOT_DATES)
    def test_every_function_of_a_date_rejects_a_non_date(
        self, function: Callable[[pendulum.Date], object], value: object, shown: str
    ) -> None:
        """The same message whichever function is called."""
        with pytest.raises(CalendarError) as raised:
            function(cast("pendulum.Date", value))
        assert str(raised.value) == f"'day' must be a date (got {shown})"

    @pytest.mark.parametrize("day", OUTSIDE_THE_YEARS)
    def test_a_date_outside_the_covered_years_is_rejected(self, day: pendulum.Date) -> None:
        """The message names the date and the covered years."""
        with pytest.raises(CalendarError) as raised:
            is_working_day(day)
        assert str(raised.value) == (
            f"'day' must fall within the years the calendar covers, 1990 to 2100 (got {day})"
        )

    def test_a_start_outside_the_covered_years_is_rejected_by_holidays_between(self) -> None:
        """Both ends of an interval are checked."""
        with pytest.raises(CalendarError) as raised:
            holidays_between(D(1989, 12, 1), D(1990, 1, 5))
        assert str(raised.value) == (
            "'start' must fall within the years the calendar covers, 1990 to 2100 (got 1989-12-01)"
        )

    @pytest.mark.parametrize(("start", "n"), [(D(2100, 12, 1), 70), (D(1990, 3, 1), -70)])
    def test_a_result_outside_the_covered_years_is_rejected(
        self, start: pendulum.Date, n: int
    ) -> None:
        """A deadline the holiday tables cannot vouch for is refused, not guessed."""
        with pytest.raises(CalendarError) as raised:
            add_working_days(start, n)
        assert str(raised.value) == (
            "'n' must keep the result within the years the calendar covers, 1990 to 2100 "
            f"(got {n} working days from {start})"
        )

    @pytest.mark.parametrize(("value", "shown"), NOT_COUNTS)
    def test_a_count_that_is_not_a_whole_number_is_rejected(
        self, value: object, shown: str
    ) -> None:
        """Fractions, booleans and strings are not counts of working days."""
        with pytest.raises(CalendarError) as raised:
            add_working_days(D(2018, 12, 5), cast("int", value))
        assert str(raised.value) == f"'n' must be a whole number of working days (got {shown})"


class TestProperties:
    """Properties that hold for every date and count, checked against a naive reference."""

    @given(day=any_days, n=counts)
    def test_the_fast_count_agrees_with_counting_day_by_day(
        self, day: pendulum.Date, n: int
    ) -> None:
        """Week arithmetic and bisection give what a day-by-day loop gives."""
        assert add_working_days(day, n) == naive_add_working_days(day, n)

    @given(data=st.data(), day=days, n=counts)
    def test_the_fast_count_agrees_with_the_reference_when_there_are_closures(
        self, data: st.DataObject, day: pendulum.Date, n: int
    ) -> None:
        """Closures are honoured exactly as the day-by-day loop honours them."""
        calendar = data.draw(calendars_around(day))
        assert calendar.add_working_days(day, n) == naive_add_working_days(
            day, n, calendar.closures
        )

    @given(start=any_days, span=st.integers(min_value=-600, max_value=600))
    def test_counting_between_agrees_with_counting_day_by_day(
        self, start: pendulum.Date, span: int
    ) -> None:
        """working_days_between leaves out the start and counts the end, in both directions."""
        end = start.add(days=span)
        assert working_days_between(start, end) == naive_working_days_between(start, end)

    @given(day=days, n=counts)
    def test_a_non_zero_count_lands_on_a_working_day(self, day: pendulum.Date, n: int) -> None:
        """Deadlines never fall on a weekend, bank holiday or closure."""
        assume(n != 0)
        assert is_working_day(add_working_days(day, n))

    @given(day=days, n=counts)
    def test_the_count_between_a_day_and_its_deadline_is_the_count_added(
        self, day: pendulum.Date, n: int
    ) -> None:
        """working_days_between inverts add_working_days, forwards and backwards."""
        assert working_days_between(day, add_working_days(day, n)) == n

    @given(day=days, m=half_counts, n=half_counts)
    def test_adding_in_two_steps_is_adding_the_total(
        self, day: pendulum.Date, m: int, n: int
    ) -> None:
        """Adding m then n working days is adding m + n."""
        assert add_working_days(add_working_days(day, m), n) == add_working_days(day, m + n)

    @given(day=days, gap=st.integers(min_value=0, max_value=30), n=counts)
    def test_a_later_start_never_gives_an_earlier_result(
        self, day: pendulum.Date, gap: int, n: int
    ) -> None:
        """add_working_days is non-decreasing in its start date."""
        assert add_working_days(day, n) <= add_working_days(day.add(days=gap), n)

    @given(day=days, n=st.integers(min_value=1, max_value=400))
    def test_counting_back_mirrors_counting_forward(self, day: pendulum.Date, n: int) -> None:
        """Back n then forward n returns to the start, or its next working day if closed."""
        back = add_working_days(day, -n)
        expected = day if is_working_day(day) else next_working_day(day)
        assert add_working_days(back, n) == expected
        assert working_days_between(day, back) == -n

    @given(data=st.data(), day=days, n=non_negative_counts)
    def test_closures_never_bring_a_deadline_forward(
        self, data: st.DataObject, day: pendulum.Date, n: int
    ) -> None:
        """A calendar with closures gives the same or a later deadline."""
        calendar = data.draw(calendars_around(day))
        assert calendar.add_working_days(day, n) >= add_working_days(day, n)

    @given(start=days, span=st.integers(min_value=-600, max_value=600))
    def test_the_named_holidays_account_for_the_missing_working_days(
        self, start: pendulum.Date, span: int
    ) -> None:
        """Weekdays in the interval, less the named holidays, are the working days."""
        end = start.add(days=span)
        low, length = (start.add(days=1), span) if span >= 0 else (end, -span)
        weekdays = sum(low.add(days=offset).isoweekday() < 6 for offset in range(length))
        assert weekdays - len(holidays_between(start, end)) == abs(working_days_between(start, end))
