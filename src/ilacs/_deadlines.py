"""Deadline rules as framework data, and the deadlines they give an inspection.

A :class:`DeadlineRule` is one entry in a framework pack's ``deadlines``: which
inspection kinds it follows, what it needs (areas for priority action, a grade, a
first day of fieldwork), the event it counts from, the period (working days, or months
with a tolerance for a window), the basis (law, Ofsted's framework or observed usual
practice) and its source. A :class:`Deadline` is what one rule gives one inspection;
:func:`ilacs.deadlines.for_inspection` computes them.

This module knows nothing of frameworks or inspections, so that both may import it.
"""

import enum

import attrs
import pendulum

from ilacs import _validators as v
from ilacs._grades import Grade
from ilacs._kinds import InspectionKind
from ilacs.calendar import WorkingDayCalendar, default_calendar
from ilacs.errors import ValidationError

__all__ = ["Basis", "Deadline", "DeadlineRule", "Event", "Status"]

_RULE_ID = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
_MONTHS_IN_YEAR = 12


def format_date(day: pendulum.Date) -> str:
    """The date as people write it: ``5 December 2018``."""
    return day.format("D MMMM YYYY", locale="en")


def format_working_days(count: int) -> str:
    """A count of working days in words: "1 working day", "13 working days"."""
    return f"{count} working day{'' if abs(count) == 1 else 's'}"


class Event(enum.Enum):
    """The event a deadline counts from; each value names the inspection's date field.

    >>> Event.REPORT_RECEIVED.label
    'receipt of the report'
    """

    #: The day the authority received the report (or the letter of a visit).
    REPORT_RECEIVED = "report_received"
    #: The day Ofsted published the report or letter.
    PUBLISHED = "published"
    #: The last day on site.
    ON_SITE_END = "on_site_end"

    @property
    def label(self) -> str:
        """The event in words, as explanations print it."""
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    Event.REPORT_RECEIVED: "receipt of the report",
    Event.PUBLISHED: "publication",
    Event.ON_SITE_END: "the last on-site day",
}


class Basis(enum.Enum):
    """What makes a deadline binding: the law, Ofsted's framework, or only usual practice.

    >>> Basis.USUAL_PRACTICE.label
    'observed usual practice, not law'
    """

    #: An Act or regulations: binding.
    LAW = "law"
    #: Ofsted's published framework: binding on the authority in practice.
    FRAMEWORK = "framework"
    #: Observed from what Ofsted usually does: a guide, not a duty.
    USUAL_PRACTICE = "usual_practice"

    @property
    def label(self) -> str:
        """The basis in words."""
        return _BASIS_LABELS[self]


_BASIS_LABELS = {
    Basis.LAW: "law",
    Basis.FRAMEWORK: "Ofsted's framework",
    Basis.USUAL_PRACTICE: "observed usual practice, not law",
}


class Status(enum.Enum):
    """Whether a rule gave a date: due, does not apply, or not known.

    >>> Status("not_known")
    <Status.NOT_KNOWN: 'not_known'>
    """

    #: The rule applies and its dates are computed.
    DUE = "due"
    #: The rule follows this kind of inspection, but its condition is not met
    #: (no areas for priority action, another grade, fieldwork before it applied).
    DOES_NOT_APPLY = "does_not_apply"
    #: The rule may apply, but a date or judgement it needs is not recorded.
    NOT_KNOWN = "not_known"


def _kind_value(kind: InspectionKind) -> str:
    return kind.value


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """One deadline a framework sets, as data: what it follows, what it counts, its source.

    Attributes:
        id: a snake_case id, unique within the framework.
        name: what is due, as people say it ("Action plan").
        kinds: the inspection kinds the rule follows.
        requires_priority_actions: true when it applies only if the report or letter
            sets out areas for priority action.
        submits_action_plan: true for a deadline by which the authority sends Ofsted
            its action plan (not a draft); :mod:`ilacs.progress` and
            :func:`ilacs.validate` judge a plan's submission against it.
        grade_at_least: it applies only when the deciding grade is this or better.
        grade_at_most: it applies only when the deciding grade is this or worse. The
            deciding grade is the overall effectiveness judgement, or the worst
            judgement where the framework has no overall one.
        applies_from: the first day of fieldwork from which the rule applies, when it
            started part-way through a framework's life.
        counts_from: the event the period counts from.
        working_days: the period in working days (day 0 is the day of the event).
        months: the period in calendar months, for rules of usual practice.
        tolerance_months: with ``months``, the half-width of a window: due between
            ``months - tolerance_months`` and ``months + tolerance_months`` months.
        basis: law, Ofsted's framework, or observed usual practice.
        source: where the rule comes from, in words.

    Exactly one of ``working_days`` and ``months`` is given.

    >>> rule = DeadlineRule(
    ...     id="action_plan",
    ...     name="Action plan",
    ...     kinds=(InspectionKind.STANDARD, InspectionKind.SHORT),
    ...     counts_from=Event.REPORT_RECEIVED,
    ...     working_days=70,
    ...     basis=Basis.LAW,
    ...     source="Education and Inspections Act 2006 s.137",
    ... )
    >>> rule.period
    '70 working days'
    >>> rule.dates_from(pendulum.date(2018, 12, 5))
    (None, Date(2019, 3, 18))
    """

    id: str = attrs.field(validator=v.matches(_RULE_ID, "a snake_case id such as 'action_plan'"))
    name: str = attrs.field(validator=v.text)
    kinds: tuple[InspectionKind, ...] = attrs.field(
        validator=[
            v.tuple_of(v.instance_of(InspectionKind)),
            v.unique(_kind_value, "inspection kind"),
            v.not_empty("must name at least one inspection kind"),
        ]
    )
    requires_priority_actions: bool = attrs.field(default=False, validator=v.instance_of(bool))
    submits_action_plan: bool = attrs.field(default=False, validator=v.instance_of(bool))
    grade_at_least: Grade | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Grade))
    )
    grade_at_most: Grade | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Grade))
    )
    applies_from: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counts_from: Event = attrs.field(validator=v.instance_of(Event))
    working_days: int | None = attrs.field(
        default=None, validator=v.optional([v.instance_of(int), v.at_least(1)])
    )
    months: int | None = attrs.field(
        default=None, validator=v.optional([v.instance_of(int), v.at_least(1)])
    )
    tolerance_months: int | None = attrs.field(
        default=None, validator=v.optional([v.instance_of(int), v.at_least(1)])
    )
    basis: Basis = attrs.field(validator=v.instance_of(Basis))
    source: str = attrs.field(validator=v.text)

    def __attrs_post_init__(self) -> None:
        if (self.working_days is None) == (self.months is None):
            msg = (
                f"deadline rule {self.id!r} must give exactly one of 'working_days' and"
                f" 'months' (got {self.working_days!r} and {self.months!r})"
            )
            raise ValidationError(msg, field="working_days", value=self.working_days)
        if self.tolerance_months is not None and (
            self.months is None or self.tolerance_months >= self.months
        ):
            msg = (
                f"deadline rule {self.id!r}: 'tolerance_months' needs 'months' greater than it"
                f" (got {self.tolerance_months!r} with {self.months!r})"
            )
            raise ValidationError(msg, field="tolerance_months", value=self.tolerance_months)
        low, high = self.grade_at_least, self.grade_at_most
        if low is not None and high is not None and low > high:
            msg = (
                f"deadline rule {self.id!r}: 'grade_at_least' {low.label!r} must not be better"
                f" than 'grade_at_most' {high.label!r}"
            )
            raise ValidationError(msg, field="grade_at_least", value=low)

    @property
    def is_window(self) -> bool:
        """True when the rule gives a window (earliest and latest days), not one day."""
        return self.tolerance_months is not None

    @property
    def period(self) -> str:
        """The period in words: ``70 working days``, ``3 years ± 6 months``."""
        if self.working_days is not None:
            return format_working_days(self.working_days)
        text = _months(self.months or 0)
        if self.tolerance_months is not None:
            text += f" ± {_months(self.tolerance_months)}"
        return text

    def dates_from(
        self, day: pendulum.Date, calendar: WorkingDayCalendar | None = None
    ) -> tuple[pendulum.Date | None, pendulum.Date]:
        """The earliest day (windows only, else None) and the due day, counted from ``day``.

        A month is a calendar month; a day past the end of the month falls back to
        its last day (31 August plus 6 months is 28 or 29 February).

        >>> import pendulum
        >>> window = DeadlineRule(
        ...     id="next_inspection",
        ...     name="Next full inspection",
        ...     kinds=(InspectionKind.STANDARD,),
        ...     counts_from=Event.ON_SITE_END,
        ...     months=36,
        ...     tolerance_months=6,
        ...     basis=Basis.USUAL_PRACTICE,
        ...     source="Observed",
        ... )
        >>> window.dates_from(pendulum.date(2018, 11, 9))
        (Date(2021, 5, 9), Date(2022, 5, 9))
        """
        if self.working_days is not None:
            calendar = calendar or default_calendar()
            return None, calendar.add_working_days(day, self.working_days)
        months = self.months or 0
        tolerance = self.tolerance_months or 0
        earliest = day.add(months=months - tolerance) if self.is_window else None
        return earliest, day.add(months=months + tolerance)


def _months(count: int) -> str:
    if count % _MONTHS_IN_YEAR == 0:
        years = count // _MONTHS_IN_YEAR
        return f"{years} year{'s' * (years != 1)}"
    return f"{count} month{'s' * (count != 1)}"


@attrs.frozen(kw_only=True)
class Deadline:
    """What one deadline rule gives one inspection: a date, a window, or why there is none.

    Attributes:
        rule: the rule that produced it.
        status: due, does not apply, or not known.
        due: the last day: the deadline itself, or the end of a window.
        earliest: the first day of a window; None for a deadline.
        counted_from: the date counted from.
        counted_from_event: what that date was (the report received, publication, the
            last on-site day).
        is_upper_bound: true when the rule counts from receipt of the report but the
            receipt date is not recorded, so publication was counted from instead:
            the report is received on or before publication, so the real deadline is
            on or before ``due``.
        reason: why no date is given; for a rule chosen by grade, the grade that chose
            it.

    >>> import pendulum
    >>> from ilacs.deadlines import get_rule
    >>> rule = get_rule("ilacs-2018", "action_plan")
    >>> deadline = Deadline(
    ...     rule=rule,
    ...     status=Status.DUE,
    ...     due=pendulum.date(2019, 3, 18),
    ...     counted_from=pendulum.date(2018, 12, 5),
    ...     counted_from_event=Event.REPORT_RECEIVED,
    ... )
    >>> print(deadline)
    Action plan: due 18 March 2019, 70 working days after receipt of the report on 5 December 2018
    """

    rule: DeadlineRule = attrs.field(validator=v.instance_of(DeadlineRule))
    status: Status = attrs.field(validator=v.instance_of(Status))
    due: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    earliest: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counted_from: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counted_from_event: Event | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Event))
    )
    is_upper_bound: bool = attrs.field(default=False, validator=v.instance_of(bool))
    reason: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.status is Status.DUE:
            missing = [
                name
                for name in ("due", "counted_from", "counted_from_event")
                if getattr(self, name) is None
            ]
            if self.rule.is_window and self.earliest is None:
                missing.append("earliest")
            if missing:
                msg = f"a due deadline needs {', '.join(map(repr, missing))}"
                raise ValidationError(msg, field=missing[0], value=None)
            if not self.rule.is_window and self.earliest is not None:
                v.reject("earliest", self.earliest, f"is only for windows ({self.rule.id!r})")
        else:
            given = [
                name
                for name in ("due", "earliest", "counted_from", "counted_from_event")
                if getattr(self, name) is not None
            ]
            if given or self.is_upper_bound or self.reason is None:
                msg = (
                    f"a deadline that is {self.status.value!r} has no dates and needs a reason"
                    f" (got {', '.join(given) or 'no reason'})"
                )
                raise ValidationError(msg, field="status", value=self.status)

    @property
    def name(self) -> str:
        """What is due: the rule's name."""
        return self.rule.name

    def __str__(self) -> str:
        if self.status is Status.DOES_NOT_APPLY:
            return f"{self.name}: does not apply: {self.reason}"
        if self.status is Status.NOT_KNOWN:
            return f"{self.name}: not known: {self.reason}"
        # A due deadline has all three (checked at construction).
        assert self.due is not None  # noqa: S101
        assert self.counted_from is not None  # noqa: S101
        assert self.counted_from_event is not None  # noqa: S101
        if self.earliest is not None:
            when = f"between {format_date(self.earliest)} and {format_date(self.due)}"
        elif self.is_upper_bound:
            when = f"due on or before {format_date(self.due)}"
        else:
            when = f"due {format_date(self.due)}"
        text = (
            f"{self.name}: {when}, {self.rule.period} after"
            f" {self.counted_from_event.label} on {format_date(self.counted_from)}"
        )
        if self.is_upper_bound:
            text += (
                "; the report was received on or before publication,"
                " so the real deadline is on or before this date"
            )
        if self.rule.basis is Basis.USUAL_PRACTICE:
            text += f" ({self.rule.basis.label})"
        return text

    def explain(self) -> str:
        """The deadline in words, with its reason, its basis and its source.

        >>> import pendulum
        >>> from ilacs.deadlines import get_rule
        >>> rule = get_rule("ilacs-2018", "authority_publication")
        >>> deadline = Deadline(
        ...     rule=rule,
        ...     status=Status.DUE,
        ...     due=pendulum.date(2019, 1, 21),
        ...     counted_from=pendulum.date(2018, 12, 5),
        ...     counted_from_event=Event.REPORT_RECEIVED,
        ... )
        >>> print(deadline.explain())
        The authority's publication of the report: due 21 January 2019, 30 working days after receipt of the report on 5 December 2018.
        Basis: law.
        Source: The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007, SI 2007/462, regulation 2: the authority publishes the report within 30 working days of receiving it.
        """
        lines = [f"{self}."]
        if self.status is Status.DUE and self.reason is not None:
            lines.append(f"Chosen because {self.reason}.")
        lines.append(f"Basis: {self.rule.basis.label}.")
        lines.append(f"Source: {self.rule.source}")
        return "\n".join(lines)
