"""Where an action plan stands on a day: overdue, due soon, red/amber/green, with reasons.

Everything here is a pure function of a plan and an ``as_of`` date; nothing reads
the clock, and nothing dated after ``as_of`` (a later status change, a milestone
completed later, a later observation) changes the answer. Working days come from
:mod:`ilacs.calendar`; pass a calendar with an authority's closure days if it has any.

The ratings:

- **green**: completed (or verified) on or before the day, or on track;
- **amber**: due within ``due_soon`` working days (10 unless told), or a milestone is;
- **red**: past its due day and not completed, or a milestone is.

Completed work is never red. A day's own deadline is not yet missed: an item due
on ``as_of`` is amber, and red from the next day.

>>> import pendulum
>>> from ilacs import Action, Milestone
>>> action = Action(
...     id="qa-1",
...     title="Revise the quality assurance framework",
...     owners=("Head of Quality Assurance",),
...     due=pendulum.date(2019, 6, 28),
...     milestones=(
...         Milestone(id="live", title="Audit framework live", due=pendulum.date(2019, 2, 28)),
...     ),
... )
>>> print(assess_action(action, as_of=pendulum.date(2019, 3, 19)))
qa-1 (red, planned): milestone 'Audit framework live' was due 28 February 2019, 13 working days ago
"""

import enum
from collections import Counter
from collections.abc import Iterable

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.base.text import format_date, format_working_days
from ilacs.errors import IlacsError
from ilacs.model.action_plans import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
)
from ilacs.model.inspections import ImprovementArea, Inspection
from ilacs.reasoning import deadlines
from ilacs.reasoning.calendar import WorkingDayCalendar, default_calendar
from ilacs.reasoning.deadlines import Deadline, DeadlineStatus

__all__ = [
    "DUE_SOON",
    "ActionAssessment",
    "Assessment",
    "MeasureProgress",
    "PlanSummary",
    "Rating",
    "Submission",
    "Upcoming",
    "assess_action",
    "assess_milestone",
    "measure_progress",
    "plan_deadline",
    "plan_deadlines",
    "summarise",
]

#: Working days ahead within which an open item is "due soon" (amber), unless told.
DUE_SOON = 10


class Rating(enum.Enum):
    """Red, amber or green, ordered so that worse compares greater.

    >>> max(Rating.GREEN, Rating.RED)
    <Rating.RED: 'red'>
    """

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def severity(self) -> int:
        """0 for green, 1 for amber, 2 for red."""
        return tuple(Rating).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.severity < other.severity


def _check_as_of(as_of: object) -> pendulum.Date:
    if not v.is_date(as_of):
        v.reject("as_of", as_of, "must be a pendulum.Date (the day to assess on)")
    return as_of  # type: ignore[return-value]


def _calendar(calendar: object) -> WorkingDayCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, WorkingDayCalendar):
        v.reject("calendar", calendar, "must be an ilacs.calendar.WorkingDayCalendar")
    return calendar


def _check_due_soon(due_soon: object) -> int:
    if isinstance(due_soon, bool) or not isinstance(due_soon, int) or due_soon < 0:
        v.reject("due_soon", due_soon, "must be a whole number of working days, 0 or more")
    return due_soon


@attrs.frozen(kw_only=True)
class Assessment:
    """The rating of one milestone on a day, with its reason in words.

    Attributes:
        id: the milestone's id.
        title: its title.
        due: its due day.
        rating: red, amber or green.
        reason: why, in words, with dates and working days.
        overdue: true when it is past its due day and not completed.
        due_soon: true when it is open and due within the due-soon window.
    """

    id: str
    title: str
    due: pendulum.Date
    rating: Rating
    reason: str
    overdue: bool = False
    due_soon: bool = False

    def __str__(self) -> str:
        return f"{self.id} ({self.rating.value}): {self.reason}"


def _open_item(
    what: str, due: pendulum.Date, as_of: pendulum.Date, due_soon: int, cal: WorkingDayCalendar
) -> tuple[Rating, str, bool, bool]:
    """The rating of an item not done by ``as_of``: (rating, reason, overdue, due soon)."""
    if due < as_of:
        late = cal.working_days_between(due, as_of)
        # Due on a day off (a weekend, a bank holiday) and not done by the next
        # working day: overdue, with no working day gone by yet.
        ago = f"{format_working_days(late)} ago" if late else "a non-working day, now passed"
        return Rating.RED, f"{what} was due {format_date(due)}, {ago}", True, False
    ahead = cal.working_days_between(as_of, due)
    if ahead <= due_soon:
        if due == as_of:
            when = "today"
        elif ahead == 0:
            when = "a non-working day, before the next working day"
        else:
            when = f"in {format_working_days(ahead)}"
        return Rating.AMBER, f"{what} is due {format_date(due)}, {when}", False, True
    return Rating.GREEN, f"{what} is on track, due {format_date(due)}", False, False


def assess_milestone(
    milestone: Milestone,
    as_of: pendulum.Date,
    *,
    due_soon: int = DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
) -> Assessment:
    """Rate a milestone on ``as_of``: done, on track, due soon or overdue.

    >>> import pendulum
    >>> from ilacs import Milestone
    >>> live = Milestone(id="live", title="Audit framework live", due=pendulum.date(2019, 2, 28))
    >>> print(assess_milestone(live, pendulum.date(2019, 2, 20)))
    live (amber): milestone 'Audit framework live' is due 28 February 2019, in 6 working days
    >>> done = attrs.evolve(live, completed=pendulum.date(2019, 3, 4))
    >>> print(assess_milestone(done, pendulum.date(2019, 3, 19)))
    live (green): milestone 'Audit framework live' was completed on 4 March 2019, 2 working days late
    """
    as_of = _check_as_of(as_of)
    due_soon = _check_due_soon(due_soon)
    cal = _calendar(calendar)
    what = f"milestone {milestone.title!r}"
    if milestone.is_done(as_of):
        assert milestone.completed is not None  # noqa: S101 (is_done says so)
        late = cal.working_days_between(milestone.due, milestone.completed)
        lateness = f", {format_working_days(late)} late" if late > 0 else ""
        reason = f"{what} was completed on {format_date(milestone.completed)}{lateness}"
        return Assessment(
            id=milestone.id,
            title=milestone.title,
            due=milestone.due,
            rating=Rating.GREEN,
            reason=reason,
        )
    rating, reason, overdue, soon = _open_item(what, milestone.due, as_of, due_soon, cal)
    return Assessment(
        id=milestone.id,
        title=milestone.title,
        due=milestone.due,
        rating=rating,
        reason=reason,
        overdue=overdue,
        due_soon=soon,
    )


@attrs.frozen(kw_only=True)
class ActionAssessment:
    """The rating of one action on a day, with its reason and its milestones' ratings.

    Attributes:
        action: the action assessed.
        as_of: the day.
        status: its status on that day.
        rating: red, amber or green.
        reason: why, in words: the action's own due day or the milestone that decides.
        overdue: true when the action itself is past its due day and not completed.
        due_soon: true when it is open and due within the window.
        milestones: each milestone's assessment, in the plan's order.
    """

    action: Action
    as_of: pendulum.Date
    status: ActionStatus
    rating: Rating
    reason: str
    overdue: bool
    due_soon: bool
    milestones: tuple[Assessment, ...]

    def __str__(self) -> str:
        return f"{self.action.id} ({self.rating.value}, {self.status.label}): {self.reason}"


def assess_action(
    action: Action,
    as_of: pendulum.Date,
    *,
    due_soon: int = DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
) -> ActionAssessment:
    """Rate an action on ``as_of``.

    Completed (or verified) by then: green, whatever its milestones. Otherwise the
    worst of the action's own due day and its open milestones decides, and the
    reason names the one that did (the earliest, among equals).

    >>> import pendulum
    >>> from ilacs import Action, ActionStatus
    >>> action = Action(
    ...     id="psw",
    ...     title="Recruit a Principal Social Worker",
    ...     owners=("Director of Children's Services",),
    ...     due=pendulum.date(2019, 3, 29),
    ... ).advance(pendulum.date(2019, 1, 14), ActionStatus.IN_PROGRESS)
    >>> print(assess_action(action, pendulum.date(2019, 3, 19)))
    psw (amber, in progress): action 'Recruit a Principal Social Worker' is due 29 March 2019, in 8 working days
    >>> print(assess_action(action, pendulum.date(2019, 4, 1)))
    psw (red, in progress): action 'Recruit a Principal Social Worker' was due 29 March 2019, 1 working day ago
    """
    as_of = _check_as_of(as_of)
    due_soon = _check_due_soon(due_soon)
    cal = _calendar(calendar)
    milestones = tuple(
        assess_milestone(milestone, as_of, due_soon=due_soon, calendar=cal)
        for milestone in action.milestones
    )
    status = action.status(as_of)
    what = f"action {action.title!r}"
    if status.is_done:
        change = action.last_change(as_of)
        assert change is not None  # noqa: S101 (a done status comes from a change)
        return ActionAssessment(
            action=action,
            as_of=as_of,
            status=status,
            rating=Rating.GREEN,
            reason=f"{what} was {status.label} on {format_date(change.on)}",
            overdue=False,
            due_soon=False,
            milestones=milestones,
        )
    rating, reason, overdue, soon = _open_item(what, action.due, as_of, due_soon, cal)
    # The worst rating decides; among equals, the item due first (the action's own
    # due day wins a tie of days).
    candidates = [(rating, action.due, 0, reason)]
    candidates.extend(
        (item.rating, item.due, 1, item.reason) for item in milestones if item.rating > Rating.GREEN
    )
    rating, _, _, reason = min(candidates, key=lambda item: (-item[0].severity, item[1], item[2]))
    return ActionAssessment(
        action=action,
        as_of=as_of,
        status=status,
        rating=rating,
        reason=reason,
        overdue=overdue,
        due_soon=soon,
        milestones=milestones,
    )


@attrs.frozen(kw_only=True)
class MeasureProgress:
    """How far a measure has come from its baseline towards its target, on a day.

    Attributes:
        measure: the measure.
        latest: the last value known on the day (the baseline if none since).
        share: the share of the way from baseline to target, 0 at the baseline and 1
            at the target (below 0 when it moved the wrong way); for a target that
            holds the baseline, 1 while the value holds and 0 when it does not.
    """

    measure: Measure
    latest: Observation
    share: float

    def __str__(self) -> str:
        m = self.measure
        return (
            f"{m.description}: {_value(self.latest.value, m.unit)} on"
            f" {format_date(self.latest.on)} (baseline {_value(m.baseline.value, m.unit)} on"
            f" {format_date(m.baseline.on)}, target {_value(m.target.value, m.unit)} by"
            f" {format_date(m.target.on)}; {round(self.share * 100)}% of the way)"
        )


def _value(value: float, unit: str) -> str:
    number = f"{value:g}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def measure_progress(measure: Measure, as_of: pendulum.Date) -> MeasureProgress:
    """The last known value of a measure on ``as_of`` and its share of the way to target.

    >>> import pendulum
    >>> from ilacs import Measure, Observation
    >>> vacancies = Measure(
    ...     id="vacancy-rate",
    ...     description="Social worker vacancy rate",
    ...     unit="%",
    ...     baseline=Observation(on=pendulum.date(2018, 7, 31), value=34.3),
    ...     target=Observation(on=pendulum.date(2020, 3, 31), value=20.0),
    ...     observations=(Observation(on=pendulum.date(2018, 12, 31), value=29.5),),
    ... )
    >>> print(measure_progress(vacancies, pendulum.date(2019, 3, 19)))
    Social worker vacancy rate: 29.5% on 31 December 2018 (baseline 34.3% on 31 July 2018, target 20% by 31 March 2020; 34% of the way)
    """
    as_of = _check_as_of(as_of)
    latest = measure.latest(as_of)
    span = measure.target.value - measure.baseline.value
    if span == 0:
        # A target that holds the baseline: all the way while it holds, none when not.
        share = 1.0 if latest.value == measure.target.value else 0.0
    else:
        share = (latest.value - measure.baseline.value) / span
    return MeasureProgress(measure=measure, latest=latest, share=share)


@attrs.frozen(kw_only=True)
class Upcoming:
    """An open action or milestone that falls due on or after the day."""

    due: pendulum.Date
    action_id: str
    what: str

    def __str__(self) -> str:
        return f"{format_date(self.due)}: {self.what} ({self.action_id})"


@attrs.frozen(kw_only=True)
class Submission:
    """Whether the plan was sent by its deadline, as far as is known on the day.

    Attributes:
        deadline: the action-plan deadline the inspection set, or None when it sets
            none that can be computed.
        on_time: True or False once known; None when it cannot be told (not
            submitted and not yet due; no deadline; or submitted within a deadline
            that is only an upper bound, because the receipt day is not recorded).
        reason: the answer in words.
    """

    deadline: Deadline | None
    on_time: bool | None
    reason: str

    def __str__(self) -> str:
        return self.reason


def plan_deadlines(
    inspection: Inspection, *, calendar: WorkingDayCalendar | None = None
) -> tuple[Deadline, ...]:
    """The deadlines for sending Ofsted the action plan (``submits_action_plan`` in the pack).

    >>> import pendulum
    >>> from ilacs import Inspection, InspectionKind, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ...     report_received=pendulum.date(2018, 12, 5),
    ... )
    >>> [str(deadline.due) for deadline in plan_deadlines(inspection)]
    ['2019-03-18']
    """
    return tuple(
        deadline
        for deadline in deadlines.for_inspection(inspection, calendar=calendar)
        if deadline.rule.submits_action_plan
    )


def plan_deadline(
    inspection: Inspection, *, calendar: WorkingDayCalendar | None = None
) -> Deadline | None:
    """The earliest action-plan deadline that falls due, or None when none does."""
    due = [
        item
        for item in plan_deadlines(inspection, calendar=calendar)
        if item.status is DeadlineStatus.DUE
    ]
    return min(due, key=lambda item: item.due or pendulum.date(9999, 12, 31), default=None)


def _deadline_or_reason(plan: ActionPlan, cal: WorkingDayCalendar) -> Deadline | str:
    try:
        found = plan_deadlines(plan.inspection, calendar=cal)
    except IlacsError as error:
        # An unregistered framework, say: validate() reports it; the rest still stands.
        return f"no deadline: {error}"
    deadline = plan_deadline(plan.inspection, calendar=cal)
    if deadline is None:
        reasons = "; ".join(str(item) for item in found) or "no action-plan rule applies"
        return f"no deadline: {reasons}"
    return deadline


def _submission(plan: ActionPlan, as_of: pendulum.Date, cal: WorkingDayCalendar) -> Submission:
    deadline = _deadline_or_reason(plan, cal)
    if isinstance(deadline, str):
        return Submission(deadline=None, on_time=None, reason=deadline)
    assert deadline.due is not None  # noqa: S101 (a due deadline has its date)
    when = f"due {format_date(deadline.due)}"
    if deadline.is_upper_bound:
        when = f"due on or before {format_date(deadline.due)}"
    submitted = plan.submitted if plan.submitted and plan.submitted <= as_of else None
    if submitted is not None and submitted > deadline.due:
        return Submission(
            deadline=deadline,
            on_time=False,
            reason=f"submitted {format_date(submitted)}, late ({when})",
        )
    if submitted is not None and deadline.is_upper_bound:
        # The real deadline is on or before the bound: being within it proves nothing.
        return Submission(
            deadline=deadline,
            on_time=None,
            reason=(
                f"submitted {format_date(submitted)} ({when}): the day the report was"
                " received is not recorded, so whether that was on time cannot be told"
            ),
        )
    if submitted is not None:
        return Submission(
            deadline=deadline,
            on_time=True,
            reason=f"submitted {format_date(submitted)}, on time ({when})",
        )
    if deadline.due < as_of:
        return Submission(
            deadline=deadline,
            on_time=False,
            reason=f"no submission is recorded, and the deadline has passed ({when})",
        )
    return Submission(
        deadline=deadline, on_time=None, reason=f"no submission is recorded yet ({when})"
    )


@attrs.frozen(kw_only=True)
class PlanSummary:
    """A plan on a day: its ratings, its gaps, its submission and what falls due next.

    Attributes:
        plan: the plan.
        as_of: the day.
        actions: each action's assessment, in the plan's order (each exactly once).
        unanswered: the improvement areas (and priority actions) no action answers.
        unlinked: the actions that answer no improvement area.
        submission: whether it was sent by its deadline.
        upcoming: the open actions and milestones due next, soonest first.
        measures: each measure's progress, by action, in the plan's order.
    """

    plan: ActionPlan
    as_of: pendulum.Date
    actions: tuple[ActionAssessment, ...]
    unanswered: tuple[ImprovementArea, ...]
    unlinked: tuple[Action, ...]
    submission: Submission
    upcoming: tuple[Upcoming, ...]
    measures: tuple[tuple[str, MeasureProgress], ...]

    @property
    def counts(self) -> dict[Rating, int]:
        """How many actions are red, amber and green (every rating, zero included)."""
        tally = Counter(item.rating for item in self.actions)
        return {rating: tally[rating] for rating in (Rating.RED, Rating.AMBER, Rating.GREEN)}

    def to_text(self) -> str:
        """The summary as plain text, for a terminal or a committee paper's appendix."""
        counts = ", ".join(f"{n} {rating.value}" for rating, n in self.counts.items())
        lines = [
            f"Action plan for {self.plan.inspection.authority.name}, as of {format_date(self.as_of)}",
            f"Submission: {self.submission}",
            f"Actions: {len(self.actions)} ({counts})",
        ]
        lines.extend(f"  {item}" for item in self.actions)
        lines.append(
            "Improvement areas without an action: "
            + (", ".join(item.id for item in self.unanswered) or "none")
        )
        lines.append(
            "Actions answering no improvement area: "
            + (", ".join(item.id for item in self.unlinked) or "none")
        )
        if self.measures:
            lines.append("Measures:")
            lines.extend(f"  {action_id}: {progress}" for action_id, progress in self.measures)
        lines.append("Due next:")
        lines.extend(f"  {item}" for item in self.upcoming)
        if not self.upcoming:
            lines.append("  nothing open")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _upcoming(plan: ActionPlan, as_of: pendulum.Date) -> Iterable[Upcoming]:
    for action in plan.actions:
        if action.status(as_of).is_done:
            continue
        for milestone in action.milestones:
            if not milestone.is_done(as_of) and milestone.due >= as_of:
                yield Upcoming(
                    due=milestone.due, action_id=action.id, what=f"milestone {milestone.title!r}"
                )
        if action.due >= as_of:
            yield Upcoming(due=action.due, action_id=action.id, what=f"action {action.title!r}")


def summarise(
    plan: ActionPlan,
    as_of: pendulum.Date,
    *,
    due_soon: int = DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
    upcoming: int = 5,
) -> PlanSummary:
    """Summarise a plan on ``as_of``; ``upcoming`` caps the "due next" list.

    >>> import pendulum
    >>> from ilacs import ActionPlan, ImprovementArea, Inspection, InspectionKind, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ...     on_site_end=pendulum.date(2018, 11, 9),
    ...     report_received=pendulum.date(2018, 12, 5),
    ...     improvement_areas=(ImprovementArea(id="ia-1", text="Private fostering."),),
    ... )
    >>> summary = summarise(ActionPlan(inspection=inspection), pendulum.date(2019, 3, 19))
    >>> print(summary.submission)
    no submission is recorded, and the deadline has passed (due 18 March 2019)
    >>> [area.id for area in summary.unanswered], summary.counts[Rating.RED]
    (['ia-1'], 0)
    """
    if not isinstance(plan, ActionPlan):
        v.reject("plan", plan, "must be an ActionPlan")
    as_of = _check_as_of(as_of)
    due_soon = _check_due_soon(due_soon)
    if isinstance(upcoming, bool) or not isinstance(upcoming, int) or upcoming < 0:
        v.reject("upcoming", upcoming, "must be a whole number, 0 or more")
    cal = _calendar(calendar)
    answered = {area for action in plan.actions for area in action.answers}
    items = (*plan.inspection.improvement_areas, *plan.inspection.priority_actions)
    return PlanSummary(
        plan=plan,
        as_of=as_of,
        actions=tuple(
            assess_action(action, as_of, due_soon=due_soon, calendar=cal) for action in plan.actions
        ),
        unanswered=tuple(item for item in items if item.id not in answered),
        unlinked=tuple(action for action in plan.actions if not action.answers),
        submission=_submission(plan, as_of, cal),
        upcoming=tuple(sorted(_upcoming(plan, as_of), key=lambda item: item.due)[:upcoming]),
        measures=tuple(
            (action.id, measure_progress(measure, as_of))
            for action in plan.actions
            for measure in action.measures
        ),
    )
