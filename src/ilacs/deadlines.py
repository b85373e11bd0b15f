"""The deadlines an inspection sets, each with the rule in the framework pack that set it.

The rules are data in each framework pack (:attr:`Framework.deadlines
<ilacs.Framework.deadlines>`): the action plan within 70 working days of receiving the
report, a draft plan within 20 working days after areas for priority action, the
authority's own publication of the report within 30 working days, and the window for
the next full inspection. :func:`for_inspection` applies them to an inspection;
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
Next full inspection (standard): between 9 May 2021 and 9 May 2022, 3 years ± 6 months after the last on-site day on 9 November 2018 (observed usual practice, not law)
Next full inspection (short): does not apply: it applies when the overall effectiveness judgement is Good or better, and it was Requires improvement to be good
"""

import pendulum

from ilacs import frameworks
from ilacs._deadlines import Basis, Deadline, DeadlineRule, Event, Status, format_date
from ilacs._frameworks import Framework
from ilacs._grades import Grade
from ilacs._inspections import Inspection
from ilacs._validators import is_date, reject
from ilacs.calendar import WorkingDayCalendar, default_calendar
from ilacs.errors import CalendarError, ValidationError

__all__ = [
    "Basis",
    "Deadline",
    "DeadlineRule",
    "Event",
    "Status",
    "for_inspection",
    "get_rule",
    "infer_receipt",
]

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

    - ``Status.DUE``: the dates are computed. A rule that counts from receipt of the
      report counts from publication when the receipt date is not recorded, and the
      deadline is flagged ``is_upper_bound``: the real one is on or before it.
    - ``Status.DOES_NOT_APPLY``: the rule's condition is not met, and ``reason`` says
      which (no areas for priority action; another grade; fieldwork before the rule
      applied, compared by the first day on site).
    - ``Status.NOT_KNOWN``: a date or judgement the rule needs is not recorded, and
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


def _apply(
    rule: DeadlineRule,
    inspection: Inspection,
    framework: Framework,
    calendar: WorkingDayCalendar,
) -> Deadline:
    if rule.applies_from is not None and inspection.on_site_start < rule.applies_from:
        return _without(
            rule,
            Status.DOES_NOT_APPLY,
            f"it applies to fieldwork from {format_date(rule.applies_from)},"
            f" and this began on {format_date(inspection.on_site_start)}",
        )
    if rule.requires_priority_actions and not inspection.priority_actions:
        return _without(
            rule,
            Status.DOES_NOT_APPLY,
            "the letter sets out no areas for priority action, so no plan is required",
        )
    reason = None
    if rule.grade_at_least is not None or rule.grade_at_most is not None:
        found = _deciding_grade(inspection, framework)
        if isinstance(found, str):
            return _without(rule, Status.NOT_KNOWN, found)
        grade, subject = found
        label = framework.grade_scale.wording(grade)
        if not _in_range(rule, grade):
            return _without(
                rule,
                Status.DOES_NOT_APPLY,
                f"it applies when {subject} is {_range(rule, framework)}, and it was {label}",
            )
        reason = f"{subject} was {label}"
    day, event, is_upper_bound = _counted_from(rule.counts_from, inspection)
    if day is None:
        return _without(rule, Status.NOT_KNOWN, _missing(rule.counts_from))
    earliest, due = rule.dates_from(day, calendar)
    return Deadline(
        rule=rule,
        status=Status.DUE,
        due=due,
        earliest=earliest,
        counted_from=day,
        counted_from_event=event,
        is_upper_bound=is_upper_bound,
        reason=reason,
    )


def _without(rule: DeadlineRule, status: Status, reason: str) -> Deadline:
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


def _deciding_grade(inspection: Inspection, framework: Framework) -> tuple[Grade, str] | str:
    """The grade that chooses between rules, and what it is; or why it is not known."""
    overall = framework.overall_area
    if overall is not None:
        subject = f"the {overall.label[:1].lower()}{overall.label[1:]} judgement"
        grade = inspection.grade(overall.id)
        if grade is None:
            return f"{subject} is not recorded"
        return grade, subject
    if not inspection.judgements:
        return "no judgements are recorded"
    worst = min(judgement.grade for judgement in inspection.judgements)
    return worst, "the worst judgement (the framework has no overall judgement)"


def _in_range(rule: DeadlineRule, grade: Grade) -> bool:
    low, high = rule.grade_at_least, rule.grade_at_most
    return (low is None or grade >= low) and (high is None or grade <= high)


def _range(rule: DeadlineRule, framework: Framework) -> str:
    low, high = rule.grade_at_least, rule.grade_at_most
    say = framework.grade_scale.wording
    if low is not None and high is not None:
        return say(low) if low is high else f"from {say(low)} to {say(high)}"
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
