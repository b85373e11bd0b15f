"""The deadlines an inspection sets, each with the rule in the framework pack that set it.

The rules are data in each framework pack (:attr:`Framework.deadlines
<ilacs.Framework.deadlines>`): the action plan within 70 working days of receiving the
report, a draft plan within 20 working days after areas for priority action, the
authority's own publication of the report within 30 working days, and the window for
the next full inspection, which is Ofsted's stated intention, not what the national
record shows (:func:`ilacs.history.observed_gaps` computes that) and not given at all
after an inadequate judgement, whose path is monitoring and then re-inspection.
Where the record does not say whether a letter set out areas for priority action
(imported visits), the plan rules say "not known", never "does not apply". :func:`for_inspection` applies them to an inspection;
:func:`infer_receipt` works back from a known deadline to the day the report arrived.

Working days follow SI 2007/462 (see :mod:`ilacs.calendar`); pass a calendar with
closures to plan around an authority's own closure days.

>>> import pendulum
>>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
>>> haringey = Inspection(
...     authority=LocalAuthority(name="Haringey", urn=80498),
...     kind=InspectionKind.STANDARD,
...     on_site_start=pendulum.date(2018, 10, 29),
...     on_site_end=pendulum.date(2018, 11, 9),
...     report_received=pendulum.date(2018, 12, 5),
...     published=pendulum.date(2018, 12, 14),
...     judgements=(Judgement(area="overall_effectiveness", grade=Grade.REQUIRES_IMPROVEMENT),),
... )
>>> for deadline in for_inspection(haringey):
...     print(deadline)
Action plan: due 18 March 2019, 70 working days after receipt of the report on 5 December 2018
The authority's publication of the report: due 21 January 2019, 30 working days after receipt of the report on 5 December 2018
Next full inspection (standard): between 9 May 2021 and 9 May 2022, 3 years ± 6 months after the last on-site day on 9 November 2018 (Ofsted's stated intention, not law; the national record shows longer gaps: see ilacs.history.observed_gaps)
Next full inspection (short): does not apply: it applies when the overall effectiveness judgement is Good or better, and it was Requires improvement to be good
"""

import enum

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.base.text import format_date
from ilacs.base.validators import is_date, reject
from ilacs.errors import CalendarError, ValidationError
from ilacs.frameworks.deadline_rules import Basis, DeadlineRule, Event
from ilacs.frameworks.grades import Grade, Outcome
from ilacs.frameworks.pack import Framework
from ilacs.model.inspections import Fact, Inspection, Known
from ilacs.reasoning.calendar import WorkingDayCalendar, default_calendar

__all__ = [
    "INADEQUATE_PATHWAY",
    "Basis",
    "Deadline",
    "DeadlineRule",
    "DeadlineStatus",
    "Event",
    "Status",
    "basis_label",
    "dates_from",
    "for_inspection",
    "get_rule",
    "infer_receipt",
]


class DeadlineStatus(enum.Enum):
    """Whether a rule gave a date: due, does not apply, or not known.

    >>> DeadlineStatus("not_known")
    <DeadlineStatus.NOT_KNOWN: 'not_known'>
    """

    #: The rule applies and its dates are computed.
    DUE = "due"
    #: The rule follows this kind of inspection, but its condition is not met
    #: (no areas for priority action, another grade, fieldwork before it applied).
    DOES_NOT_APPLY = "does_not_apply"
    #: The rule may apply, but a date or judgement it needs is not recorded.
    NOT_KNOWN = "not_known"


Status = DeadlineStatus
"""The earlier name of :class:`DeadlineStatus`, kept for code that uses it."""


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
    ...     status=DeadlineStatus.DUE,
    ...     due=pendulum.date(2019, 3, 18),
    ...     counted_from=pendulum.date(2018, 12, 5),
    ...     counted_from_event=Event.REPORT_RECEIVED,
    ... )
    >>> print(deadline)
    Action plan: due 18 March 2019, 70 working days after receipt of the report on 5 December 2018
    """

    rule: DeadlineRule = attrs.field(validator=v.instance_of(DeadlineRule))
    status: DeadlineStatus = attrs.field(validator=v.instance_of(DeadlineStatus))
    due: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    earliest: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counted_from: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counted_from_event: Event | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Event))
    )
    is_upper_bound: bool = attrs.field(default=False, validator=v.instance_of(bool))
    reason: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.status is DeadlineStatus.DUE:
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
        """What is due, by the rule's name."""
        return self.rule.name

    def __str__(self) -> str:
        if self.status is DeadlineStatus.DOES_NOT_APPLY:
            return f"{self.name}: does not apply: {self.reason}"
        if self.status is DeadlineStatus.NOT_KNOWN:
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
            text += f" ({basis_label(self.rule)})"
        return text

    def explain(self) -> str:
        """The deadline in words, with its reason, its basis and its source.

        >>> import pendulum
        >>> from ilacs.deadlines import get_rule
        >>> rule = get_rule("ilacs-2018", "authority_publication")
        >>> deadline = Deadline(
        ...     rule=rule,
        ...     status=DeadlineStatus.DUE,
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
        if self.status is DeadlineStatus.DUE and self.reason is not None:
            lines.append(f"Chosen because {self.reason}.")
        lines.append(f"Basis: {basis_label(self.rule)}.")
        lines.append(f"Source: {self.rule.source}")
        return "\n".join(lines)


#: Why no next-inspection window is given after an inadequate judgement: the path
#: Ofsted's sources describe, which sets no date.
INADEQUATE_PATHWAY = (
    "after an inadequate judgement the authority is monitored, not given a window:"
    " an action-planning visit, then monitoring visits about quarterly (Ofsted,"
    " 'Monitoring local authority children's services judged inadequate', May 2016),"
    " then re-inspection when Ofsted judges it ready; the sources give no date for it"
)


def basis_label(rule: DeadlineRule) -> str:
    """What binds a rule, in words; a next-inspection window is Ofsted's stated intention.

    The window for the next full inspection is what Ofsted says it intends, not
    law and not what the record shows: in Ofsted's official history only 23 of 115
    re-inspections fell within it (see :func:`ilacs.history.observed_gaps`).

    >>> basis_label(get_rule("ilacs-2018", "next_standard_inspection"))
    "Ofsted's stated intention, not law; the national record shows longer gaps: see ilacs.history.observed_gaps"
    >>> basis_label(get_rule("ilacs-2018", "action_plan"))
    'law'
    """
    if rule.basis is Basis.USUAL_PRACTICE and rule.is_window:
        return (
            "Ofsted's stated intention, not law; the national record shows longer gaps:"
            " see ilacs.history.observed_gaps"
        )
    return rule.basis.label


# The report is received on or before its publication date, so when the receipt date
# is not recorded, counting from publication gives a deadline on or after the real one.
_FALLBACK = {Event.REPORT_RECEIVED: Event.PUBLISHED}


def get_rule(framework: Framework | str, rule_id: str) -> DeadlineRule:
    """The deadline rule with this id in a framework (given as a value or by id).

    >>> get_rule("ilacs-2023", "draft_action_plan").working_days
    20
    >>> get_rule("sif-2013", "draft_action_plan")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: framework 'sif-2013' has no deadline rule 'draft_action_plan' (it has action_plan, authority_publication)
    """
    pack = frameworks.get(framework) if isinstance(framework, str) else framework
    for rule in pack.deadlines:
        if rule.id == rule_id:
            return rule
    known = ", ".join(rule.id for rule in pack.deadlines) or "none"
    msg = f"framework {pack.id!r} has no deadline rule {rule_id!r} (it has {known})"
    raise ValidationError(msg, field="rule_id", value=rule_id)


def for_inspection(
    inspection: Inspection, *, calendar: WorkingDayCalendar | None = None
) -> tuple[Deadline, ...]:
    """The deadlines an inspection sets, one for each rule that follows its kind.

    Every rule of the inspection's framework that follows its kind gives one
    :class:`Deadline`, in the pack's order, so nothing is dropped silently:

    - ``DeadlineStatus.DUE``: the dates are computed. A rule that counts from receipt of the
      report counts from publication when the receipt date is not recorded, and the
      deadline is flagged ``is_upper_bound``: the real one is on or before it.
    - ``DeadlineStatus.DOES_NOT_APPLY``: the rule's condition is not met, and ``reason`` says
      which (no areas for priority action; another grade; fieldwork before the rule
      applied, compared by the first day on site).
    - ``DeadlineStatus.NOT_KNOWN``: a date or judgement the rule needs is not recorded, and
      ``reason`` says which.

    A rule chosen by grade (the next full inspection) uses the overall effectiveness
    judgement; where the framework has no overall judgement (``ilacs-2026``) it uses
    the worst judgement given, which is ilacs's assumption, not Ofsted's rule.

    ``calendar`` counts the working days; the default is England and Wales with no
    closures.

    >>> import pendulum
    >>> from ilacs import ImprovementArea, Inspection, InspectionKind, LocalAuthority
    >>> visit = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.FOCUSED_VISIT,
    ...     on_site_start=pendulum.date(2019, 3, 5),
    ...     on_site_end=pendulum.date(2019, 3, 6),
    ...     published=pendulum.date(2019, 4, 3),
    ... )
    >>> for deadline in for_inspection(visit):
    ...     print(deadline)
    Draft action plan: does not apply: the letter sets out no areas for priority action, so no plan is required
    Action plan: does not apply: the letter sets out no areas for priority action, so no plan is required
    >>> import attrs
    >>> urgent = ImprovementArea(id="apa-1", text="Risk is not recognised.")
    >>> draft, final = for_inspection(attrs.evolve(visit, priority_actions=(urgent,)))
    >>> draft.due, draft.is_upper_bound
    (Date(2019, 5, 3), True)
    >>> print(final)
    Action plan: due on or before 16 July 2019, 70 working days after publication on 3 April 2019; the report was received on or before publication, so the real deadline is on or before this date
    """
    if not isinstance(inspection, Inspection):
        reject("inspection", inspection, "must be an Inspection")
    if calendar is None:
        calendar = default_calendar()
    framework = inspection.framework_pack()
    return tuple(
        _apply(rule, inspection, framework, calendar)
        for rule in framework.deadlines
        if inspection.kind in rule.kinds
    )


def _apply(  # noqa: PLR0911 (one return for each reason a rule gives no date)
    rule: DeadlineRule,
    inspection: Inspection,
    framework: Framework,
    calendar: WorkingDayCalendar,
) -> Deadline:
    if rule.applies_from is not None and inspection.on_site_start < rule.applies_from:
        return _without(
            rule,
            DeadlineStatus.DOES_NOT_APPLY,
            f"it applies to fieldwork from {format_date(rule.applies_from)},"
            f" and this began on {format_date(inspection.on_site_start)}",
        )
    if rule.requires_priority_actions:
        known = inspection.known(Fact.PRIORITY_ACTIONS)
        if known is Known.NOT_KNOWN:
            return _without(
                rule,
                DeadlineStatus.NOT_KNOWN,
                "whether the letter sets out areas for priority action is not known"
                " (the record does not say), so whether a plan is required is not known",
            )
        if known is Known.NONE:
            return _without(
                rule,
                DeadlineStatus.DOES_NOT_APPLY,
                "the letter sets out no areas for priority action, so no plan is required",
            )
    reason = None
    if rule.grade_at_least is not None or rule.grade_at_most is not None:
        found = _deciding_grade(inspection, framework)
        if isinstance(found, str):
            return _without(rule, DeadlineStatus.NOT_KNOWN, found)
        grade, subject = found
        label = framework.grade_scale.wording(grade)
        if not _in_range(rule, grade, framework):
            return _without(
                rule,
                DeadlineStatus.DOES_NOT_APPLY,
                f"it applies when {subject} is {_range(rule, framework)}, and it was {label}",
            )
        if rule.is_window and rule.basis is Basis.USUAL_PRACTICE and grade is Grade.INADEQUATE:
            return _without(rule, DeadlineStatus.DOES_NOT_APPLY, INADEQUATE_PATHWAY)
        reason = f"{subject} was {label}"
    day, event, is_upper_bound = _counted_from(rule.counts_from, inspection)
    if day is None:
        return _without(rule, DeadlineStatus.NOT_KNOWN, _missing(rule.counts_from))
    earliest, due = dates_from(rule, day, calendar)
    return Deadline(
        rule=rule,
        status=DeadlineStatus.DUE,
        due=due,
        earliest=earliest,
        counted_from=day,
        counted_from_event=event,
        is_upper_bound=is_upper_bound,
        reason=reason,
    )


def _without(rule: DeadlineRule, status: DeadlineStatus, reason: str) -> Deadline:
    return Deadline(rule=rule, status=status, reason=reason)


def _date_of(inspection: Inspection, event: Event) -> pendulum.Date | None:
    if event is Event.REPORT_RECEIVED:
        return inspection.report_received
    if event is Event.PUBLISHED:
        return inspection.published
    return inspection.on_site_end


def _counted_from(event: Event, inspection: Inspection) -> tuple[pendulum.Date | None, Event, bool]:
    day = _date_of(inspection, event)
    fallback = _FALLBACK.get(event)
    if day is None and fallback is not None:
        later = _date_of(inspection, fallback)
        if later is not None:
            return later, fallback, True
    return day, event, False


def _missing(event: Event) -> str:
    if event is Event.REPORT_RECEIVED:
        return "neither the date the report was received nor its publication date is recorded"
    return f"the date of {event.label} is not recorded"


def _deciding_grade(inspection: Inspection, framework: Framework) -> tuple[Outcome, str] | str:
    """The grade that chooses between rules, and what it is; or why it is not known."""
    overall = framework.overall_area
    if overall is not None:
        subject = f"the {overall.label[:1].lower()}{overall.label[1:]} judgement"
        grade = inspection.grade(overall.id)
        if grade is None:
            return f"{subject} is not recorded"
        return grade, subject
    scale = framework.grade_scale
    graded = [j.grade for j in inspection.judgements if j.grade in scale.members]
    if not graded:
        return "no judgements are recorded"
    worst = min(graded, key=scale.rank)
    return worst, "the worst judgement (the framework has no overall judgement)"


def _in_range(rule: DeadlineRule, grade: Outcome, framework: Framework) -> bool:
    low, high = rule.grade_at_least, rule.grade_at_most
    scale = framework.grade_scale
    if grade not in scale.members:  # recorded in error (validate says so): no rule fits
        return False
    if not scale.kind.is_ordered:  # an unordered scale: a rule names one outcome
        return grade in {low, high}
    rank = scale.rank
    return (low is None or rank(grade) >= rank(low)) and (high is None or rank(grade) <= rank(high))


def _range(rule: DeadlineRule, framework: Framework) -> str:
    low, high = rule.grade_at_least, rule.grade_at_most
    say = framework.grade_scale.wording
    if low is not None and high is not None:
        return say(low) if low == high else f"from {say(low)} to {say(high)}"
    if low is not None:
        return f"{say(low)} or better"
    if high is not None:
        return f"{say(high)} or worse"
    return "any grade"


def infer_receipt(
    deadline: pendulum.Date,
    published: pendulum.Date,
    working_days: int = 70,
    *,
    calendar: WorkingDayCalendar | None = None,
) -> pendulum.Date:
    """The day the report was received, worked back from a known deadline.

    Returns the working day ``working_days`` before ``deadline``: the only working
    day whose deadline it is. A report received on a weekend or holiday counts from
    the next working day just as one received on the working day before does, so
    those non-working days give the same deadline too; the working day, the earliest
    of them, is returned. (Receipt on Thursday 18 April 2019 and on any day up to
    Easter Monday gives the same deadline, and the Thursday is returned.)

    Raises :class:`~ilacs.errors.CalendarError` when ``deadline`` is not a working
    day (no count of working days ends on it), and
    :class:`~ilacs.errors.ValidationError` when the receipt it implies is after
    ``published``, or an argument is of the wrong kind.

    >>> import pendulum
    >>> infer_receipt(pendulum.date(2019, 3, 18), pendulum.date(2018, 12, 14))
    Date(2018, 12, 5)
    >>> infer_receipt(pendulum.date(2019, 3, 16), pendulum.date(2018, 12, 14))
    Traceback (most recent call last):
    ...
    ilacs.errors.CalendarError: 'deadline' 2019-03-16 is not a working day, so no count of working days ends on it
    >>> infer_receipt(pendulum.date(2019, 3, 29), pendulum.date(2018, 12, 14))
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'deadline' 2019-03-29 implies the report was received on 2018-12-18, after its publication on 2018-12-14
    """
    for name, value in (("deadline", deadline), ("published", published)):
        if not is_date(value):
            reject(name, value, "must be a pendulum.Date (a date without a time)")
    if isinstance(working_days, bool) or not isinstance(working_days, int) or working_days < 1:
        reject("working_days", working_days, "must be a whole number of working days, 1 or more")
    if calendar is None:
        calendar = default_calendar()
    if not calendar.is_working_day(deadline):
        msg = f"'deadline' {deadline} is not a working day, so no count of working days ends on it"
        raise CalendarError(msg)
    received = calendar.add_working_days(deadline, -working_days)
    if received > published:
        msg = (
            f"'deadline' {deadline} implies the report was received on {received},"
            f" after its publication on {published}"
        )
        raise ValidationError(msg, field="deadline", value=deadline)
    return received


def dates_from(
    rule: DeadlineRule, day: pendulum.Date, calendar: WorkingDayCalendar | None = None
) -> tuple[pendulum.Date | None, pendulum.Date]:
    """The earliest day (windows only, else None) and the due day of a rule, counted from ``day``.

    A working day follows ``calendar`` (England and Wales by default). A month is a
    calendar month; a day past the end of the month falls back to its last day (31
    August plus 6 months is 28 or 29 February).

    >>> dates_from(get_rule("ilacs-2018", "action_plan"), pendulum.date(2018, 12, 5))
    (None, Date(2019, 3, 18))
    >>> dates_from(get_rule("ilacs-2018", "next_standard_inspection"), pendulum.date(2018, 11, 9))
    (Date(2021, 5, 9), Date(2022, 5, 9))
    """
    if rule.working_days is not None:
        calendar = calendar or default_calendar()
        return None, calendar.add_working_days(day, rule.working_days)
    months = rule.months or 0
    tolerance = rule.tolerance_months or 0
    try:
        earliest = day.add(months=months - tolerance) if rule.is_window else None
        return earliest, day.add(months=months + tolerance)
    except (ValueError, OverflowError):
        msg = (
            f"{rule.name}: {rule.period} after {day} falls after 31 December 9999,"
            " the last day a date can hold"
        )
        raise CalendarError(msg) from None
