"""Working days in England and Wales, as SI 2007/462 defines them.

A working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday
or a bank holiday in England and Wales (the Education and Inspections Act 2006
(Inspection of Local Authorities) Regulations 2007, SI 2007/462). Bank holidays,
including one-off ones such as the Platinum Jubilee, come from the maintained
``holidays`` package; a :class:`WorkingDayCalendar` can add closure days of its own.

Counting follows the statutory deadlines: the day something is received is day 0 and
the next working day is day 1. Counting never includes the start day and always
includes the end day, in either direction.

Dates are :class:`pendulum.Date`; a plain :class:`datetime.date` is accepted too and
every date returned is a :class:`pendulum.Date`. A date-time is rejected.

>>> import pendulum
>>> from ilacs.calendar import add_working_days
>>> add_working_days(pendulum.date(2018, 12, 5), 70)  # Haringey's action plan
Date(2019, 3, 18)
"""

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs
import pendulum

from ilacs.errors import CalendarError

__all__ = [
    "CLOSURE",
    "NonWorkingDay",
    "WorkingDayCalendar",
    "add_working_days",
    "default_calendar",
    "holidays_between",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "working_days_between",
]

CLOSURE = "closure"
"""The name :meth:`WorkingDayCalendar.holidays_between` gives a user's closure day."""

_FIRST_YEAR = 1990
_LAST_YEAR = 2100
# Ordinal 1 (1 January 0001) is a Monday, so (ordinal - 1) % 7 is the weekday, Monday 0.
_DAYS_IN_WEEK = 7
_WEEKDAYS_IN_WEEK = 5


def _as_date(value: object, field: str) -> pendulum.Date:
    """Return ``value`` as a pendulum Date, rejecting date-times and non-dates."""
    if isinstance(value, dt.datetime):
        msg = f"{field!r} must be a date, not a date-time (got {value.isoformat()})"
        raise CalendarError(msg)
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    msg = f"{field!r} must be a date (got {value!r} of type {type(value).__name__})"
    raise CalendarError(msg)


def _as_count(value: object) -> int:
    # bool is an int subclass, but True working days is a mistake, not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        msg = (
            f"'n' must be a whole number of working days "
            f"(got {value!r} of type {type(value).__name__})"
        )
        raise CalendarError(msg)
    return value


def _is_weekday(ordinal: int) -> bool:
    return (ordinal - 1) % _DAYS_IN_WEEK < _WEEKDAYS_IN_WEEK


def _weekdays_before(ordinal: int) -> int:
    """Count the weekdays among ordinals 1 to ``ordinal - 1``."""
    weeks, days = divmod(ordinal - 1, _DAYS_IN_WEEK)
    return _WEEKDAYS_IN_WEEK * weeks + min(days, _WEEKDAYS_IN_WEEK)


def _weekday_after(count: int) -> int:
    """Return the weekday ordinal with exactly ``count`` weekdays before it."""
    weeks, days = divmod(count, _WEEKDAYS_IN_WEEK)
    return 1 + _DAYS_IN_WEEK * weeks + days


@functools.cache
def _bank_holidays(first_year: int, last_year: int) -> Mapping[int, str]:
    """Return the England and Wales non-working days of these years, by ordinal."""
    # Imported here because it takes tens of milliseconds and only arithmetic needs it.
    import holidays  # noqa: PLC0415

    years = range(first_year, last_year + 1)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years, language="en_GB")
    if first_year < england.start_year:
        msg = (
            f"'first_year' must not be before {england.start_year}, the first year the "
            f"holidays package covers (got {first_year})"
        )
        raise CalendarError(msg)
    if last_year > england.end_year:
        msg = (
            f"'last_year' must not be after {england.end_year}, the last year the "
            f"holidays package covers (got {last_year})"
        )
        raise CalendarError(msg)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years, language="en_GB")
    # SI 2007/462 names one jurisdiction; if the package ever splits it, say so, never guess.
    if dict(england) != dict(wales):
        differing = sorted(set(england.items()) ^ set(wales.items()))
        msg = f"England and Wales bank holidays disagree in the holidays package: {differing}"
        raise CalendarError(msg)
    # Christmas Day and Good Friday are common-law holidays, not bank holidays: the SI
    # names them separately, so a package that dropped them would be silently wrong.
    good_friday_years = {
        day.year for day, name in england.items() if "Good Friday" in name.split("; ")
    }
    for year in years:
        christmas = england.get(dt.date(year, 12, 25), "")
        if "Christmas Day" not in christmas.split("; ") or year not in good_friday_years:
            msg = f"the holidays package lacks Christmas Day or Good Friday in {year}"
            raise CalendarError(msg)
    return {day.toordinal(): name for day, name in england.items()}


class _Tables(NamedTuple):
    first: int
    last: int
    closed: tuple[int, ...]
    closed_set: frozenset[int]
    names: Mapping[int, str]


def _to_date(value: object) -> pendulum.Date:
    return _as_date(value, "date")


def _to_closures(days: Iterable[object]) -> frozenset[pendulum.Date]:
    if isinstance(days, dt.date | str) or not isinstance(days, Iterable):
        msg = f"'closures' must be a collection of dates (got {days!r})"
        raise CalendarError(msg)
    return frozenset(_as_date(day, "closures") for day in days)


def _check_text(instance: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    del instance
    if not isinstance(value, str):
        msg = f"{attribute.name!r} must be text (got {value!r} of type {type(value).__name__})"
        raise CalendarError(msg)


def _check_year(instance: object, attribute: "attrs.Attribute[int]", value: object) -> None:
    del instance
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{attribute.name!r} must be a year (got {value!r} of type {type(value).__name__})"
        raise CalendarError(msg)


@attrs.frozen(kw_only=True)
class NonWorkingDay:
    """A weekday that is not a working day, and why: a bank holiday's name or ``"closure"``.

    >>> import pendulum
    >>> NonWorkingDay(date=pendulum.date(2019, 4, 19), name="Good Friday")
    NonWorkingDay(date=Date(2019, 4, 19), name='Good Friday')
    """

    date: pendulum.Date = attrs.field(converter=_to_date)
    name: str = attrs.field(validator=[_check_text])


@attrs.frozen(kw_only=True)
class WorkingDayCalendar:
    """Working days in England and Wales over a span of years, with optional closures.

    Attributes:
        name: what the calendar describes, for people reading it.
        closures: extra days on which the user is closed, such as a council's own
            closure days; weekends among them change nothing.
        first_year: the first year the calendar covers.
        last_year: the last year the calendar covers; both bounds must lie within the
            years the ``holidays`` package can compute.

    Every method raises :class:`~ilacs.errors.CalendarError` for a date outside the
    covered years, a date-time, or something that is not a date.

    >>> import pendulum
    >>> calendar = WorkingDayCalendar(name="Haringey Council")
    >>> calendar.add_working_days(pendulum.date(2018, 12, 5), 70)
    Date(2019, 3, 18)
    >>> closed = calendar.with_closures(pendulum.date(2019, 3, 18))
    >>> closed.add_working_days(pendulum.date(2018, 12, 5), 70)
    Date(2019, 3, 19)
    """

    name: str = attrs.field(default="England and Wales", validator=[_check_text])
    closures: frozenset[pendulum.Date] = attrs.field(factory=frozenset, converter=_to_closures)
    first_year: int = attrs.field(default=_FIRST_YEAR, validator=[_check_year])
    last_year: int = attrs.field(default=_LAST_YEAR, validator=[_check_year])

    @last_year.validator
    def _check_years(self, attribute: "attrs.Attribute[int]", value: int) -> None:
        del attribute
        if value < self.first_year:
            msg = f"'last_year' must not be before 'first_year' {self.first_year} (got {value})"
            raise CalendarError(msg)
        _bank_holidays(self.first_year, value)

    @closures.validator
    def _check_closures(
        self,
        attribute: "attrs.Attribute[frozenset[pendulum.Date]]",
        value: frozenset[pendulum.Date],
    ) -> None:
        del attribute
        for day in sorted(value):
            if not self.first_year <= day.year <= self.last_year:
                msg = (
                    f"'closures' must fall within the years the calendar covers, "
                    f"{self.first_year} to {self.last_year} (got {day})"
                )
                raise CalendarError(msg)

    @functools.cached_property
    def _tables(self) -> _Tables:
        first = dt.date(self.first_year, 1, 1).toordinal()
        last = dt.date(self.last_year, 12, 31).toordinal()
        # Only weekday closures cost a working day; weekend ones are already counted.
        names = {
            ordinal: name
            for ordinal, name in _bank_holidays(self.first_year, self.last_year).items()
            if _is_weekday(ordinal)
        }
        for day in self.closures:
            if _is_weekday(day.toordinal()):
                names.setdefault(day.toordinal(), CLOSURE)
        closed = tuple(sorted(names))
        return _Tables(first, last, closed, frozenset(closed), names)

    def _ordinal(self, value: object, field: str) -> int:
        ordinal = _as_date(value, field).toordinal()
        tables = self._tables
        if not tables.first <= ordinal <= tables.last:
            msg = (
                f"{field!r} must fall within the years the calendar covers, "
                f"{self.first_year} to {self.last_year} (got {value})"
            )
            raise CalendarError(msg)
        return ordinal

    def _working_days_before(self, ordinal: int) -> int:
        return _weekdays_before(ordinal) - bisect.bisect_left(self._tables.closed, ordinal)

    def with_closures(self, *days: pendulum.Date) -> "WorkingDayCalendar":
        """Return a calendar that is also closed on ``days``.

        >>> import pendulum
        >>> calendar = default_calendar().with_closures(pendulum.date(2019, 12, 24))
        >>> calendar.is_working_day(pendulum.date(2019, 12, 24))
        False
        >>> default_calendar().is_working_day(pendulum.date(2019, 12, 24))
        True
        """
        return attrs.evolve(self, closures=self.closures | _to_closures(days))

    def is_working_day(self, day: pendulum.Date) -> bool:
        """Say whether ``day`` is a working day.

        >>> import pendulum
        >>> calendar = default_calendar()
        >>> calendar.is_working_day(pendulum.date(2022, 9, 19))  # the Queen's funeral
        False
        >>> calendar.is_working_day(pendulum.date(2022, 9, 20))
        True
        """
        ordinal = self._ordinal(day, "day")
        return _is_weekday(ordinal) and ordinal not in self._tables.closed_set

    def add_working_days(self, day: pendulum.Date, n: int) -> pendulum.Date:
        """Return the ``n``-th working day after ``day``, or before it when ``n`` is negative.

        ``day`` itself is day 0 and never counted, so the result is always a working day
        strictly after (or before) ``day``, except that ``n == 0`` returns ``day``
        unchanged, even when it is not a working day: use :meth:`next_working_day` to
        move off a closed day.

        The cost does not depend on ``n`` or on the date: it grows only with the number
        of holidays the interval crosses, and each step skips many of them at once.

        >>> import pendulum
        >>> calendar = default_calendar()
        >>> calendar.add_working_days(pendulum.date(2018, 12, 14), 70)
        Date(2019, 3, 27)
        >>> calendar.add_working_days(pendulum.date(2019, 3, 27), -70)
        Date(2018, 12, 14)
        >>> calendar.add_working_days(pendulum.date(2019, 4, 19), 0)  # Good Friday
        Date(2019, 4, 19)
        """
        start = self._ordinal(day, "day")
        count = _as_count(n)
        if count == 0:
            return _as_date(day, "day")
        closed = self._tables.closed
        # closed_before guesses how many closed weekdays precede the answer: forwards it
        # starts too low and rises, backwards too high and falls, each pass taking in
        # every closed day the last guess crossed. It stops at the exact count, after
        # at most as many passes as there are closed days in the interval, whatever n is.
        if count > 0:
            target = self._working_days_before(start + 1) + count - 1
            closed_before = bisect.bisect_right(closed, start)
            while True:
                candidate = _weekday_after(target + closed_before)
                found = bisect.bisect_right(closed, candidate)
                if found == closed_before:
                    break
                closed_before = found
        else:
            target = self._working_days_before(start) + count
            closed_before = bisect.bisect_left(closed, start)
            while True:
                candidate = _weekday_after(target + closed_before)
                found = bisect.bisect_left(closed, candidate)
                if found == closed_before:
                    break
                closed_before = found
        tables = self._tables
        if not tables.first <= candidate <= tables.last:
            msg = (
                f"'n' must keep the result within the years the calendar covers, "
                f"{self.first_year} to {self.last_year} (got {count} working days from {day})"
            )
            raise CalendarError(msg)
        return pendulum.Date.fromordinal(candidate)

    def working_days_between(self, start: pendulum.Date, end: pendulum.Date) -> int:
        """Count the working days from ``start`` to ``end``, not counting ``start``.

        ``end`` is counted when it is a working day; ``start`` never is. When ``end`` is
        before ``start`` the count is negative. So for every day ``d`` and count ``n``,
        ``working_days_between(d, add_working_days(d, n)) == n``. Swapping the ends
        negates the count only when both ends are working days, or neither is.

        >>> import pendulum
        >>> calendar = default_calendar()
        >>> calendar.working_days_between(pendulum.date(2018, 12, 5), pendulum.date(2019, 3, 18))
        70
        >>> calendar.working_days_between(pendulum.date(2019, 3, 18), pendulum.date(2018, 12, 5))
        -70
        >>> calendar.working_days_between(pendulum.date(2019, 4, 18), pendulum.date(2019, 4, 22))
        0
        """
        first = self._ordinal(start, "start")
        last = self._ordinal(end, "end")
        if last >= first:
            return self._working_days_before(last + 1) - self._working_days_before(first + 1)
        return self._working_days_before(last) - self._working_days_before(first)

    def next_working_day(self, day: pendulum.Date) -> pendulum.Date:
        """Return the first working day strictly after ``day``.

        This is ``add_working_days(day, 1)``: a working day is never its own next one.

        >>> import pendulum
        >>> default_calendar().next_working_day(pendulum.date(2022, 6, 1))  # Wednesday
        Date(2022, 6, 6)
        """
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: pendulum.Date) -> pendulum.Date:
        """Return the last working day strictly before ``day``.

        This is ``add_working_days(day, -1)``.

        >>> import pendulum
        >>> default_calendar().previous_working_day(pendulum.date(2019, 4, 23))  # Tuesday
        Date(2019, 4, 18)
        """
        return self.add_working_days(day, -1)

    def holidays_between(
        self, start: pendulum.Date, end: pendulum.Date
    ) -> tuple[NonWorkingDay, ...]:
        """Return the weekdays that are not working days, oldest first, with their names.

        The interval is the one :meth:`working_days_between` counts: ``start`` is left
        out and ``end`` included (or, when ``end`` is before ``start``, ``end`` is
        included and ``start`` left out). Weekends are left out, so these are exactly
        the days a deadline is pushed back by. Closures are named ``"closure"``; a
        closure on a bank holiday keeps the holiday's name.

        >>> import pendulum
        >>> for day in default_calendar().holidays_between(
        ...     pendulum.date(2022, 5, 25), pendulum.date(2022, 6, 24)
        ... ):
        ...     print(day.date, day.name)
        2022-06-02 Spring Bank Holiday
        2022-06-03 Platinum Jubilee of Elizabeth II
        """
        first = self._ordinal(start, "start")
        last = self._ordinal(end, "end")
        tables = self._tables
        if last >= first:
            low = bisect.bisect_right(tables.closed, first)
            high = bisect.bisect_right(tables.closed, last)
        else:
            low = bisect.bisect_left(tables.closed, last)
            high = bisect.bisect_left(tables.closed, first)
        return tuple(
            NonWorkingDay(date=pendulum.Date.fromordinal(ordinal), name=tables.names[ordinal])
            for ordinal in tables.closed[low:high]
        )


@functools.cache
def default_calendar() -> WorkingDayCalendar:
    """Return the England and Wales calendar, 1990 to 2100, with no closures.

    It is built on first use and shared afterwards.

    >>> default_calendar().name
    'England and Wales'
    >>> default_calendar() is default_calendar()
    True
    """
    return WorkingDayCalendar()


def is_working_day(day: pendulum.Date) -> bool:
    """Say whether ``day`` is a working day in England and Wales.

    >>> import pendulum
    >>> is_working_day(pendulum.date(2023, 5, 8))  # the coronation bank holiday
    False
    """
    return default_calendar().is_working_day(day)


def add_working_days(day: pendulum.Date, n: int) -> pendulum.Date:
    """Return the ``n``-th England and Wales working day after ``day`` (before, if negative).

    ``day`` is day 0; ``n == 0`` returns ``day`` unchanged. See
    :meth:`WorkingDayCalendar.add_working_days`.

    >>> import pendulum
    >>> add_working_days(pendulum.date(2018, 12, 5), 70)
    Date(2019, 3, 18)
    """
    return default_calendar().add_working_days(day, n)


def working_days_between(start: pendulum.Date, end: pendulum.Date) -> int:
    """Count England and Wales working days after ``start`` up to and including ``end``.

    See :meth:`WorkingDayCalendar.working_days_between`.

    >>> import pendulum
    >>> working_days_between(pendulum.date(2018, 12, 14), pendulum.date(2019, 3, 27))
    70
    """
    return default_calendar().working_days_between(start, end)


def holidays_between(start: pendulum.Date, end: pendulum.Date) -> tuple[NonWorkingDay, ...]:
    """Return the England and Wales bank holidays on weekdays after ``start`` up to ``end``.

    See :meth:`WorkingDayCalendar.holidays_between`.

    >>> import pendulum
    >>> [
    ...     day.name
    ...     for day in holidays_between(pendulum.date(2018, 12, 5), pendulum.date(2019, 3, 18))
    ... ]
    ['Christmas Day', 'Boxing Day', "New Year's Day"]
    """
    return default_calendar().holidays_between(start, end)


def next_working_day(day: pendulum.Date) -> pendulum.Date:
    """Return the first England and Wales working day strictly after ``day``.

    >>> import pendulum
    >>> next_working_day(pendulum.date(2020, 12, 24))  # Christmas Eve
    Date(2020, 12, 29)
    """
    return default_calendar().next_working_day(day)


def previous_working_day(day: pendulum.Date) -> pendulum.Date:
    """Return the last England and Wales working day strictly before ``day``.

    >>> import pendulum
    >>> previous_working_day(pendulum.date(2021, 12, 29))
    Date(2021, 12, 24)
    """
    return default_calendar().previous_working_day(day)
