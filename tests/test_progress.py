"""Tests for ilacs.progress: red/amber/green as of a day, with reasons, and plan summaries."""

import datetime
from typing import Any

import attrs
import pendulum
import pytest
from _haringey import INSPECTION_2018
from hypothesis import given
from hypothesis import strategies as st
from plan_fixtures import AUDITORS, LIVE, PLANS, RECEIVED, D
from plan_fixtures import VACANCIES as SHARED_VACANCIES

from ilacs import (
    Action,
    ActionPlan,
    ActionStatus,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Measure,
    Milestone,
    Observation,
    StatusChange,
    strategies,
)
from ilacs.calendar import default_calendar
from ilacs.errors import ValidationError
from ilacs.progress import (
    DUE_SOON,
    PlanSummary,
    Rating,
    assess_action,
    assess_milestone,
    measure_progress,
    plan_deadline,
    plan_deadlines,
    summarise,
)

PLANNED, IN_PROGRESS, COMPLETED, VERIFIED = ActionStatus
RED, AMBER, GREEN = Rating.RED, Rating.AMBER, Rating.GREEN

#: Haringey's 2018 standard inspection, as the examples record it (no receipt date).
HARINGEY_2018 = INSPECTION_2018
SCRUTINY = D(2019, 3, 19)

#: The vacancy rate with a second observation, after the panel's meeting.
VACANCIES = attrs.evolve(
    SHARED_VACANCIES,
    observations=(*SHARED_VACANCIES.observations, Observation(on=D(2019, 6, 30), value=24.3)),
)

QA = Action(
    id="qa-1",
    title="Revise the quality assurance framework",
    answers=("ia-6",),
    owners=("Head of Quality Assurance",),
    due=D(2019, 6, 28),
    milestones=(LIVE, AUDITORS),
    history=(StatusChange(on=D(2018, 12, 17), status=IN_PROGRESS),),
)
ASSESSMENTS = Action(
    id="assess-1",
    title="Work with an expert on the quality of assessments",
    answers=("ia-1", "ia-2"),
    owners=("Head of Service, Assessment",),
    due=D(2019, 7, 31),
    milestones=(
        Milestone(
            id="review",
            title="Expert review of 50 assessments",
            due=D(2019, 3, 29),
            completed=D(2019, 3, 15),
        ),
    ),
)
PRACTICE = Action(
    id="practice-1",
    title="Practice expectations, with supervision and training",
    answers=("ia-3", "ia-5"),
    owners=("Principal Social Worker",),
    due=D(2019, 3, 29),
)
PSW = Action(
    id="psw-1",
    title="Appoint a Principal Social Worker",
    answers=("ia-7", "ia-8"),
    owners=("Director of Children's Services",),
    due=D(2019, 1, 31),
    history=(
        StatusChange(on=D(2019, 1, 2), status=IN_PROGRESS),
        StatusChange(on=D(2019, 1, 28), status=COMPLETED),
    ),
)
WORKFORCE = Action(
    id="workforce-1",
    title="Recruit and retain social workers",
    answers=("ia-4", "ia-9"),
    owners=("Assistant Director, Workforce",),
    due=D(2020, 3, 31),
    measures=(VACANCIES,),
)

PLAN = ActionPlan(
    inspection=RECEIVED,
    submitted=D(2019, 3, 18),
    oversight=("Children's Improvement Board",),
    actions=(QA, ASSESSMENTS, PRACTICE, PSW, WORKFORCE),
)

SUMMARY_2019_03_19 = """\
Action plan for Haringey, as of 19 March 2019
Submission: submitted 18 March 2019, on time (due 18 March 2019)
Actions: 5 (1 red, 1 amber, 3 green)
  qa-1 (red, in progress): milestone 'Audit framework live' was due 28 February 2019, 13 working days ago
  assess-1 (green, planned): action 'Work with an expert on the quality of assessments' is on track, due 31 July 2019
  practice-1 (amber, planned): action 'Practice expectations, with supervision and training' is due 29 March 2019, in 8 working days
  psw-1 (green, completed): action 'Appoint a Principal Social Worker' was completed on 28 January 2019
  workforce-1 (green, planned): action 'Recruit and retain social workers' is on track, due 31 March 2020
Improvement areas without an action: none
Actions answering no improvement area: none
Measures:
  workforce-1: Social worker vacancy rate: 29.5% on 31 December 2018 (baseline 34.3% on 31 July 2018, target 20% by 31 March 2020; 34% of the way)
Due next:
  29 March 2019: milestone 'Two auditors in post' (qa-1)
  29 March 2019: action 'Practice expectations, with supervision and training' (practice-1)
  28 June 2019: action 'Revise the quality assurance framework' (qa-1)
  31 July 2019: action 'Work with an expert on the quality of assessments' (assess-1)
  31 March 2020: action 'Recruit and retain social workers' (workforce-1)"""


def _milestone(due: pendulum.Date, completed: pendulum.Date | None = None) -> Milestone:
    return Milestone(id="live", title="Audit framework live", due=due, completed=completed)


AUDIT = "milestone 'Audit framework live'"

#: (due, completed, as of, due soon, rating, reason): a milestone's rating in words.
MILESTONE_REASONS = [
    # The example: 28 February to 19 March 2019 is 13 working days.
    (
        _milestone(D(2019, 2, 28)),
        SCRUTINY,
        10,
        RED,
        f"{AUDIT} was due 28 February 2019, 13 working days ago",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 28),
        10,
        AMBER,
        f"{AUDIT} is due 28 February 2019, today",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 3, 1),
        10,
        RED,
        f"{AUDIT} was due 28 February 2019, 1 working day ago",
    ),
    # A weekend is no working day: due Thursday, red on Saturday and still one day late on Monday.
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 3, 2),
        10,
        RED,
        f"{AUDIT} was due 28 February 2019, 1 working day ago",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 3, 4),
        10,
        RED,
        f"{AUDIT} was due 28 February 2019, 2 working days ago",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 27),
        10,
        AMBER,
        f"{AUDIT} is due 28 February 2019, in 1 working day",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 26),
        10,
        AMBER,
        f"{AUDIT} is due 28 February 2019, in 2 working days",
    ),
    # Exactly due_soon working days ahead is amber; one more is green.
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 14),
        10,
        AMBER,
        f"{AUDIT} is due 28 February 2019, in 10 working days",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 13),
        10,
        GREEN,
        f"{AUDIT} is on track, due 28 February 2019",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 27),
        0,
        GREEN,
        f"{AUDIT} is on track, due 28 February 2019",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 28),
        0,
        AMBER,
        f"{AUDIT} is due 28 February 2019, today",
    ),
    (
        _milestone(D(2019, 2, 28)),
        D(2019, 2, 27),
        1,
        AMBER,
        f"{AUDIT} is due 28 February 2019, in 1 working day",
    ),
    # Easter 2019: Good Friday 19 April and Easter Monday 22 April are not working days.
    (
        _milestone(D(2019, 4, 23)),
        D(2019, 4, 18),
        10,
        AMBER,
        f"{AUDIT} is due 23 April 2019, in 1 working day",
    ),
    (
        _milestone(D(2019, 4, 23)),
        D(2019, 4, 5),
        10,
        AMBER,
        f"{AUDIT} is due 23 April 2019, in 10 working days",
    ),
    (
        _milestone(D(2019, 4, 23)),
        D(2019, 4, 4),
        10,
        GREEN,
        f"{AUDIT} is on track, due 23 April 2019",
    ),
    (
        _milestone(D(2019, 4, 18)),
        D(2019, 4, 23),
        10,
        RED,
        f"{AUDIT} was due 18 April 2019, 1 working day ago",
    ),
    (
        _milestone(D(2019, 4, 18)),
        D(2019, 4, 24),
        10,
        RED,
        f"{AUDIT} was due 18 April 2019, 2 working days ago",
    ),
    # Christmas 2018: Christmas Day, Boxing Day and New Year's Day are not working days.
    (
        _milestone(D(2018, 12, 21)),
        D(2018, 12, 27),
        10,
        RED,
        f"{AUDIT} was due 21 December 2018, 2 working days ago",
    ),
    (
        _milestone(D(2018, 12, 21)),
        D(2019, 1, 2),
        10,
        RED,
        f"{AUDIT} was due 21 December 2018, 5 working days ago",
    ),
    (
        _milestone(D(2019, 1, 2)),
        D(2018, 12, 24),
        10,
        AMBER,
        f"{AUDIT} is due 2 January 2019, in 4 working days",
    ),
    (
        _milestone(D(2019, 1, 2)),
        D(2018, 12, 24),
        3,
        GREEN,
        f"{AUDIT} is on track, due 2 January 2019",
    ),
    # Completed work is green, late or not, and says how late in working days.
    (
        _milestone(D(2018, 12, 21), D(2019, 1, 2)),
        SCRUTINY,
        10,
        GREEN,
        f"{AUDIT} was completed on 2 January 2019, 5 working days late",
    ),
    (
        _milestone(D(2018, 12, 21), D(2018, 12, 24)),
        SCRUTINY,
        10,
        GREEN,
        f"{AUDIT} was completed on 24 December 2018, 1 working day late",
    ),
    (
        _milestone(D(2018, 12, 21), D(2018, 12, 21)),
        SCRUTINY,
        10,
        GREEN,
        f"{AUDIT} was completed on 21 December 2018",
    ),
    (
        _milestone(D(2018, 12, 21), D(2018, 12, 3)),
        SCRUTINY,
        10,
        GREEN,
        f"{AUDIT} was completed on 3 December 2018",
    ),
    (
        _milestone(D(2018, 12, 21), D(2018, 12, 22)),
        SCRUTINY,
        10,
        GREEN,
        f"{AUDIT} was completed on 22 December 2018",
    ),
    # Completed after the day: on the day it was still open.
    (
        _milestone(D(2019, 2, 28), D(2019, 3, 20)),
        SCRUTINY,
        10,
        RED,
        f"{AUDIT} was due 28 February 2019, 13 working days ago",
    ),
    (
        _milestone(D(2019, 2, 28), D(2019, 3, 20)),
        D(2019, 3, 20),
        10,
        GREEN,
        f"{AUDIT} was completed on 20 March 2019, 14 working days late",
    ),
]


def _action(**changes: Any) -> Action:  # noqa: ANN401 (any field's value)
    fields: dict[str, Any] = {
        "id": "qa-1",
        "title": "Revise the quality assurance framework",
        "answers": ("ia-6",),
        "owners": ("Head of Quality Assurance",),
        "due": D(2019, 6, 28),
    }
    fields.update(changes)
    return Action(**fields)


QAF = "action 'Revise the quality assurance framework'"

#: (an action, as of, what str() of its assessment says).
ACTION_REASONS = [
    (
        _action(milestones=(LIVE,)),
        SCRUTINY,
        f"qa-1 (red, planned): {AUDIT} was due 28 February 2019, 13 working days ago",
    ),
    (_action(), SCRUTINY, f"qa-1 (green, planned): {QAF} is on track, due 28 June 2019"),
    (
        _action(due=D(2019, 3, 29)),
        SCRUTINY,
        f"qa-1 (amber, planned): {QAF} is due 29 March 2019, in 8 working days",
    ),
    (
        _action(due=D(2019, 3, 29)),
        D(2019, 4, 1),
        f"qa-1 (red, planned): {QAF} was due 29 March 2019, 1 working day ago",
    ),
    # An amber milestone outranks a green action; a red one outranks an amber action.
    (
        _action(milestones=(AUDITORS,)),
        SCRUTINY,
        "qa-1 (amber, planned): milestone 'Two auditors in post' is due 29 March 2019, in 8 working days",
    ),
    (
        _action(due=D(2019, 3, 29), milestones=(LIVE, AUDITORS)),
        SCRUTINY,
        f"qa-1 (red, planned): {AUDIT} was due 28 February 2019, 13 working days ago",
    ),
    # Among red milestones the earliest decides, whatever their order in the plan.
    (
        _action(
            milestones=(
                Milestone(id="auditors", title="Two auditors in post", due=D(2019, 3, 1)),
                LIVE,
            )
        ),
        SCRUTINY,
        f"qa-1 (red, planned): {AUDIT} was due 28 February 2019, 13 working days ago",
    ),
    # Completed work is never red, whatever its milestones and its due day.
    (
        _action(
            milestones=(LIVE,),
            history=(
                StatusChange(on=D(2018, 12, 17), status=IN_PROGRESS),
                StatusChange(on=D(2019, 5, 1), status=COMPLETED),
            ),
        ),
        D(2020, 1, 6),
        f"qa-1 (green, completed): {QAF} was completed on 1 May 2019",
    ),
    (
        _action(
            history=(
                StatusChange(on=D(2019, 5, 1), status=COMPLETED),
                StatusChange(on=D(2019, 5, 20), status=VERIFIED),
            ),
        ),
        D(2020, 1, 6),
        f"qa-1 (green, verified): {QAF} was verified on 20 May 2019",
    ),
    # A setback reopens the work: past its due day, it is red again.
    (
        _action(
            history=(
                StatusChange(on=D(2019, 5, 1), status=COMPLETED),
                StatusChange(
                    on=D(2019, 7, 1), status=IN_PROGRESS, note="The audit found gaps.", setback=True
                ),
            ),
        ),
        D(2019, 7, 1),
        f"qa-1 (red, in progress): {QAF} was due 28 June 2019, 1 working day ago",
    ),
    (
        _action(
            history=(
                StatusChange(on=D(2019, 5, 1), status=COMPLETED),
                StatusChange(
                    on=D(2019, 7, 1), status=IN_PROGRESS, note="The audit found gaps.", setback=True
                ),
            ),
        ),
        D(2019, 6, 28),
        f"qa-1 (green, completed): {QAF} was completed on 1 May 2019",
    ),
]


def _summary_of(plan: ActionPlan) -> PlanSummary:
    return summarise(plan, SCRUTINY)


def _call(function: str, as_of: Any, **options: Any) -> object:  # noqa: ANN401 (bad arguments on purpose)
    if function == "assess_milestone":
        return assess_milestone(LIVE, as_of, **options)
    if function == "assess_action":
        return assess_action(QA, as_of, **options)
    if function == "measure_progress":
        return measure_progress(VACANCIES, as_of, **options)
    return summarise(PLAN, as_of, **options)


#: (function, as of, options, the argument named, the message's start).
BAD_ARGUMENTS = [
    (
        "assess_milestone",
        "2019-03-19",
        {},
        "as_of",
        "'as_of' must be a pendulum.Date (the day to assess on) (got str '2019-03-19')",
    ),
    (
        "assess_action",
        pendulum.datetime(2019, 3, 19),
        {},
        "as_of",
        "'as_of' must be a pendulum.Date (the day to assess on) (got DateTime",
    ),
    (
        "assess_action",
        datetime.date(2019, 3, 19),
        {},
        "as_of",
        "'as_of' must be a pendulum.Date (the day to assess on) (got date",
    ),
    (
        "measure_progress",
        None,
        {},
        "as_of",
        "'as_of' must be a pendulum.Date (the day to assess on) (got NoneType None)",
    ),
    (
        "summarise",
        "today",
        {},
        "as_of",
        "'as_of' must be a pendulum.Date (the day to assess on) (got str 'today')",
    ),
    (
        "assess_milestone",
        SCRUTINY,
        {"due_soon": -1},
        "due_soon",
        "'due_soon' must be a whole number of working days, 0 or more (got int -1)",
    ),
    (
        "assess_milestone",
        SCRUTINY,
        {"due_soon": 2.5},
        "due_soon",
        "'due_soon' must be a whole number of working days, 0 or more (got float 2.5)",
    ),
    (
        "assess_action",
        SCRUTINY,
        {"due_soon": True},
        "due_soon",
        "'due_soon' must be a whole number of working days, 0 or more (got bool True)",
    ),
    (
        "summarise",
        SCRUTINY,
        {"due_soon": "10"},
        "due_soon",
        "'due_soon' must be a whole number of working days, 0 or more (got str '10')",
    ),
    (
        "summarise",
        SCRUTINY,
        {"upcoming": -1},
        "upcoming",
        "'upcoming' must be a whole number, 0 or more (got int -1)",
    ),
    (
        "summarise",
        SCRUTINY,
        {"upcoming": False},
        "upcoming",
        "'upcoming' must be a whole number, 0 or more (got bool False)",
    ),
]


def _days_of(action: Action) -> list[pendulum.Date]:
    days = [action.due, *(change.on for change in action.history)]
    for milestone in action.milestones:
        days.append(milestone.due)
        if milestone.completed is not None:
            days.append(milestone.completed)
    for measure in action.measures:
        days.extend(item.on for item in measure.observations)
    return days


@st.composite
def actions_and_days(draw: st.DrawFn) -> tuple[Action, pendulum.Date]:
    """An action and a day near one of its own dates, where ratings change."""
    action = draw(strategies.actions())
    near = draw(st.sampled_from(_days_of(action)))
    return action, near.add(days=draw(st.integers(min_value=-20, max_value=20)))


@st.composite
def milestones_and_days(draw: st.DrawFn) -> tuple[Milestone, pendulum.Date]:
    """A milestone and a day near its due day or its completion."""
    milestone = draw(strategies.milestones())
    near = draw(st.sampled_from([milestone.due, milestone.completed or milestone.due]))
    return milestone, near.add(days=draw(st.integers(min_value=-20, max_value=20)))


@st.composite
def completed_milestones_and_days(draw: st.DrawFn) -> tuple[Milestone, pendulum.Date]:
    """A milestone completed near its due day, and a day on or after the completion."""
    milestone = draw(strategies.milestones())
    completed = milestone.due.add(days=draw(st.integers(min_value=-30, max_value=30)))
    as_of = completed.add(days=draw(st.integers(min_value=0, max_value=30)))
    return attrs.evolve(milestone, completed=completed), as_of


@st.composite
def plans_and_days(draw: st.DrawFn) -> tuple[ActionPlan, pendulum.Date]:
    """A plan and a day near one of its dates."""
    plan = draw(strategies.action_plans(max_actions=5))
    inspection = plan.inspection
    days = [inspection.on_site_end or inspection.on_site_start]
    days.extend(day for day in (plan.submitted, inspection.report_received) if day is not None)
    for action in plan.actions:
        days.extend(_days_of(action))
    near = draw(st.sampled_from(days))
    return plan, near.add(days=draw(st.integers(min_value=-20, max_value=20)))


def _after(draw: st.DrawFn, day: pendulum.Date) -> pendulum.Date:
    return day.add(days=draw(st.integers(min_value=1, max_value=120)))


def _later_history(
    draw: st.DrawFn, history: tuple[StatusChange, ...], as_of: pendulum.Date
) -> tuple[StatusChange, ...]:
    """More legal changes, every one dated after ``as_of``."""
    changes = list(history)
    day = max(as_of, changes[-1].on) if changes else as_of
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        day = _after(draw, day)
        current = changes[-1].status if changes else None
        forward = [status for status in ActionStatus if current is None or current < status]
        back = [status for status in ActionStatus if current is not None and status < current]
        setback = bool(back) and (not forward or draw(st.booleans()))
        changes.append(
            StatusChange(
                on=day,
                status=draw(st.sampled_from(back if setback else forward)),
                note="Found wanting later." if setback else None,
                setback=setback,
            )
        )
    return tuple(changes)


def _later_milestone(draw: st.DrawFn, milestone: Milestone, as_of: pendulum.Date) -> Milestone:
    """The milestone, completed after ``as_of`` if it was not done by then."""
    if milestone.is_done(as_of) or not draw(st.booleans()):
        return milestone
    return attrs.evolve(milestone, completed=_after(draw, as_of))


def _later_measure(draw: st.DrawFn, measure: Measure, as_of: pendulum.Date) -> Measure:
    """The measure with more observations, each dated after ``as_of``."""
    observations = list(measure.observations)
    day = max(as_of, observations[-1].on) if observations else as_of
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        day = _after(draw, day)
        value = draw(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
        observations.append(Observation(on=day, value=value))
    return attrs.evolve(measure, observations=tuple(observations))


@st.composite
def plans_with_later_events(draw: st.DrawFn) -> tuple[ActionPlan, pendulum.Date, ActionPlan]:
    """A plan, a day, and the same plan with more happening after that day only.

    Later status changes (forward or setbacks), milestones completed later, later
    observations, and a submission after the day.
    """
    plan, as_of = draw(plans_and_days())
    actions = tuple(
        attrs.evolve(
            action,
            history=_later_history(draw, action.history, as_of),
            milestones=tuple(_later_milestone(draw, item, as_of) for item in action.milestones),
            measures=tuple(_later_measure(draw, item, as_of) for item in action.measures),
        )
        for action in plan.actions
    )
    submitted = plan.submitted
    if (submitted is None or submitted > as_of) and draw(st.booleans()):
        submitted = _after(draw, as_of)
    return plan, as_of, attrs.evolve(plan, actions=actions, submitted=submitted)


def _as_known_on(plan: ActionPlan, as_of: pendulum.Date) -> ActionPlan:
    """The plan with everything dated after ``as_of`` taken out."""

    def milestone(item: Milestone) -> Milestone:
        late = item.completed is not None and item.completed > as_of
        return attrs.evolve(item, completed=None) if late else item

    def measure(item: Measure) -> Measure:
        known = tuple(each for each in item.observations if each.on <= as_of)
        return attrs.evolve(item, observations=known)

    actions = tuple(
        attrs.evolve(
            action,
            history=tuple(change for change in action.history if change.on <= as_of),
            milestones=tuple(map(milestone, action.milestones)),
            measures=tuple(map(measure, action.measures)),
        )
        for action in plan.actions
    )
    submitted = plan.submitted if plan.submitted and plan.submitted <= as_of else None
    return attrs.evolve(plan, actions=actions, submitted=submitted)


def _facts(summary: PlanSummary) -> tuple[object, ...]:
    """Everything a summary says, without the plan it was made from."""
    return (
        summary.counts,
        tuple(
            (
                item.action.id,
                item.status,
                item.rating,
                item.reason,
                item.overdue,
                item.due_soon,
                item.milestones,
            )
            for item in summary.actions
        ),
        summary.unanswered,
        tuple(action.id for action in summary.unlinked),
        summary.submission,
        summary.upcoming,
        tuple((action_id, item.latest, item.share) for action_id, item in summary.measures),
        summary.to_text(),
    )


class TestRating:
    """Red, amber and green, worse comparing greater."""

    def test_ratings_order_by_severity(self) -> None:
        """Green < amber < red; max gives the worst."""
        assert sorted([RED, GREEN, AMBER]) == [GREEN, AMBER, RED]
        assert max(GREEN, RED, AMBER) is RED
        assert [rating.severity for rating in (GREEN, AMBER, RED)] == [0, 1, 2]
        assert [rating.value for rating in (GREEN, AMBER, RED)] == ["green", "amber", "red"]

    def test_a_rating_does_not_compare_with_anything_else(self) -> None:
        """Ordering against a number is a TypeError, not a silent answer."""
        with pytest.raises(TypeError):
            assert RED < 2

    def test_the_default_window_is_ten_working_days(self) -> None:
        """DUE_SOON, unless told."""
        assert DUE_SOON == 10


class TestAssessMilestone:
    """A milestone's rating on a day, with its reason in words and working days."""

    @pytest.mark.parametrize(
        ("milestone", "as_of", "due_soon", "rating", "reason"), MILESTONE_REASONS
    )
    def test_the_rating_and_its_reason(
        self, milestone: Milestone, as_of: pendulum.Date, due_soon: int, rating: Rating, reason: str
    ) -> None:
        """Working days count bank holidays out; the day itself is not yet late."""
        assessment = assess_milestone(milestone, as_of, due_soon=due_soon)
        assert (assessment.rating, assessment.reason) == (rating, reason)
        assert assessment.overdue is (rating is RED)
        assert assessment.due_soon is (rating is AMBER)
        assert str(assessment) == f"live ({rating.value}): {reason}"
        assert (assessment.id, assessment.title, assessment.due) == (
            "live",
            "Audit framework live",
            milestone.due,
        )

    def test_a_calendar_with_closures_counts_them_out(self) -> None:
        """A council closure day is not a working day for that council."""
        council = default_calendar().with_closures(D(2019, 3, 1))
        assessment = assess_milestone(LIVE, SCRUTINY, calendar=council)
        assert assessment.reason == f"{AUDIT} was due 28 February 2019, 12 working days ago"

    @given(milestones_and_days(), st.integers(min_value=0, max_value=30))
    def test_the_rating_follows_the_due_day_and_the_window(
        self, case: tuple[Milestone, pendulum.Date], due_soon: int
    ) -> None:
        """Done: green. Open: red once past due, amber within the window, else green."""
        milestone, as_of = case
        assessment = assess_milestone(milestone, as_of, due_soon=due_soon)
        ahead = default_calendar().working_days_between(as_of, milestone.due)
        if milestone.is_done(as_of):
            expected = GREEN
        elif milestone.due < as_of:
            expected = RED
        elif ahead <= due_soon:
            expected = AMBER
        else:
            expected = GREEN
        assert assessment.rating is expected
        assert assessment.overdue is (expected is RED)

    @given(completed_milestones_and_days())
    def test_a_completed_milestone_is_green_and_says_how_late(
        self, case: tuple[Milestone, pendulum.Date]
    ) -> None:
        """Late or not, done is green; lateness is in working days."""
        milestone, as_of = case
        assert milestone.completed is not None
        assessment = assess_milestone(milestone, as_of)
        late = default_calendar().working_days_between(milestone.due, milestone.completed)
        assert assessment.rating is GREEN
        assert not assessment.overdue
        assert assessment.reason.endswith(
            f", {late} working day{'' if late == 1 else 's'} late" if late > 0 else "",
        )
        assert ("late" in assessment.reason) is (late > 0)


class TestAssessAction:
    """An action's rating: its own due day, its milestones, its status."""

    @pytest.mark.parametrize(("action", "as_of", "expected"), ACTION_REASONS)
    def test_the_rating_and_its_reason(
        self, action: Action, as_of: pendulum.Date, expected: str
    ) -> None:
        """The reason names what decided: the action, or its worst and earliest milestone."""
        assert str(assess_action(action, as_of)) == expected

    def test_the_assessment_keeps_the_milestones_and_the_status(self) -> None:
        """Each milestone rated in plan order; overdue is about the action itself."""
        assessment = assess_action(QA, SCRUTINY)
        assert assessment.status is IN_PROGRESS
        assert assessment.as_of == SCRUTINY
        assert assessment.action is QA
        assert [item.rating for item in assessment.milestones] == [RED, AMBER]
        assert assessment.rating is RED
        assert not assessment.overdue
        assert not assessment.due_soon

    @given(actions_and_days(), st.integers(min_value=0, max_value=30))
    def test_a_completed_action_is_never_red(
        self, case: tuple[Action, pendulum.Date], due_soon: int
    ) -> None:
        """Completed or verified by the day: green, whatever its milestones or due day."""
        action, as_of = case
        assessment = assess_action(action, as_of, due_soon=due_soon)
        if action.status(as_of).is_done:
            assert assessment.rating is GREEN
            assert not assessment.overdue
            assert not assessment.due_soon

    @given(actions_and_days(), st.integers(min_value=0, max_value=30))
    def test_an_action_past_its_due_day_and_not_completed_is_red(
        self, case: tuple[Action, pendulum.Date], due_soon: int
    ) -> None:
        """And its reason then says when it was due."""
        action, as_of = case
        assessment = assess_action(action, as_of, due_soon=due_soon)
        if action.due < as_of and not action.status(as_of).is_done:
            assert assessment.rating is RED
            assert assessment.overdue
            assert " was due " in assessment.reason

    @given(actions_and_days(), st.integers(min_value=0, max_value=30))
    def test_an_open_action_is_as_bad_as_its_worst_milestone(
        self, case: tuple[Action, pendulum.Date], due_soon: int
    ) -> None:
        """Open: the worst of its own rating and its milestones'; a reason from one of them."""
        action, as_of = case
        assessment = assess_action(action, as_of, due_soon=due_soon)
        if action.status(as_of).is_done:
            return
        own = assess_milestone(
            Milestone(id="own", title=action.title, due=action.due), as_of, due_soon=due_soon
        )
        worst = max([own.rating, *(item.rating for item in assessment.milestones)])
        assert assessment.rating is worst
        reasons = [item.reason for item in assessment.milestones if item.rating is worst]
        if own.rating is worst:
            reasons.append(own.reason.replace("milestone ", "action ", 1))
        assert assessment.reason in reasons


class TestArguments:
    """The day and the window are checked, and a bad one is named."""

    @pytest.mark.parametrize(("function", "as_of", "options", "field", "message"), BAD_ARGUMENTS)
    def test_a_bad_argument_is_a_validation_error_naming_it(
        self,
        function: str,
        as_of: object,
        options: dict[str, object],
        field: str,
        message: str,
    ) -> None:
        """A date-time or text is no day; a negative or fractional window is no window."""
        with pytest.raises(ValidationError) as info:
            _call(function, as_of, **options)
        assert str(info.value).startswith(message)
        assert info.value.field == field

    def test_summarise_needs_a_plan(self) -> None:
        """Not an action, not an inspection."""
        with pytest.raises(ValidationError, match=r"^'plan' must be an ActionPlan"):
            summarise(QA, SCRUTINY)  # type: ignore[arg-type]

    def test_the_window_is_checked_even_for_a_plan_without_actions(self) -> None:
        """The argument is wrong whatever the plan holds."""
        with pytest.raises(ValidationError, match=r"^'due_soon' must be a whole number"):
            summarise(ActionPlan(inspection=RECEIVED), SCRUTINY, due_soon="10")  # type: ignore[arg-type]


class TestMeasureProgress:
    """A measure's latest value on a day, and its share of the way to target."""

    def test_the_vacancy_rate_in_words(self) -> None:
        """The seed's 34.3% falling to 29.5% is a third of the way to 20%."""
        progress = measure_progress(VACANCIES, SCRUTINY)
        assert progress.latest == Observation(on=D(2018, 12, 31), value=29.5)
        assert progress.share == pytest.approx((34.3 - 29.5) / (34.3 - 20.0))
        assert str(progress) == (
            "Social worker vacancy rate: 29.5% on 31 December 2018 (baseline 34.3% on"
            " 31 July 2018, target 20% by 31 March 2020; 34% of the way)"
        )

    @pytest.mark.parametrize(
        ("as_of", "latest"),
        [
            (D(2018, 7, 31), VACANCIES.baseline),
            (D(2018, 12, 30), VACANCIES.baseline),
            (D(2018, 12, 31), VACANCIES.observations[0]),
            (D(2019, 6, 29), VACANCIES.observations[0]),
            (D(2019, 6, 30), VACANCIES.observations[1]),
            (D(2025, 1, 1), VACANCIES.observations[1]),
        ],
    )
    def test_only_observations_on_or_before_the_day_count(
        self, as_of: pendulum.Date, latest: Observation
    ) -> None:
        """The baseline until the first observation; never a later one."""
        assert measure_progress(VACANCIES, as_of).latest == latest

    def test_at_the_baseline_no_way_is_made(self) -> None:
        """0% of the way."""
        progress = measure_progress(VACANCIES, D(2018, 8, 1))
        assert progress.share == 0
        assert str(progress).endswith("; 0% of the way)")

    @pytest.mark.parametrize(
        ("value", "share"),
        [(20.0, 1.0), (27.15, 0.5), (15.0, (34.3 - 15.0) / 14.3), (40.0, (34.3 - 40.0) / 14.3)],
    )
    def test_lower_is_better_counts_a_fall_as_progress(self, value: float, share: float) -> None:
        """Falling is progress, reaching the target is 1, rising is below 0."""
        measure = attrs.evolve(
            VACANCIES, observations=(Observation(on=D(2019, 1, 31), value=value),)
        )
        assert measure.lower_is_better
        assert measure_progress(measure, SCRUTINY).share == pytest.approx(share)

    def test_higher_is_better_counts_a_rise_as_progress(self) -> None:
        """10 to 30 cases, at 15: a quarter of the way."""
        measure = Measure(
            id="audits",
            description="Case audits completed each month",
            unit="cases",
            baseline=Observation(on=D(2018, 11, 30), value=10),
            target=Observation(on=D(2019, 11, 30), value=30),
            observations=(Observation(on=D(2019, 2, 28), value=15),),
        )
        progress = measure_progress(measure, SCRUTINY)
        assert not measure.lower_is_better
        assert progress.share == 0.25
        assert str(progress) == (
            "Case audits completed each month: 15 cases on 28 February 2019 (baseline 10 cases"
            " on 30 November 2018, target 30 cases by 30 November 2019; 25% of the way)"
        )

    @given(strategies.measures(), strategies.dates())
    def test_the_share_is_measured_from_the_latest_known_value(
        self, measure: Measure, as_of: pendulum.Date
    ) -> None:
        """The last observation on or before the day, over the span from baseline to target."""
        progress = measure_progress(measure, as_of)
        known = [item for item in measure.observations if item.on <= as_of]
        assert progress.latest == (known[-1] if known else measure.baseline)
        span = measure.target.value - measure.baseline.value
        if span != 0:
            assert progress.share == pytest.approx(
                (progress.latest.value - measure.baseline.value) / span
            )


class TestIndependenceFromLaterEvents:
    """The rating as of a day never depends on anything dated after that day."""

    @PLANS
    @given(plans_with_later_events())
    def test_later_events_change_nothing(
        self, case: tuple[ActionPlan, pendulum.Date, ActionPlan]
    ) -> None:
        """Later status changes, completions, observations and submission: the same summary."""
        plan, as_of, later = case
        assert _facts(summarise(later, as_of)) == _facts(summarise(plan, as_of))

    @PLANS
    @given(plans_and_days())
    def test_taking_out_what_came_later_changes_nothing(
        self, case: tuple[ActionPlan, pendulum.Date]
    ) -> None:
        """The plan as it was known on the day gives the same summary as the whole plan."""
        plan, as_of = case
        assert _facts(summarise(_as_known_on(plan, as_of), as_of)) == _facts(summarise(plan, as_of))

    def test_a_later_completion_does_not_turn_an_overdue_action_green(self) -> None:
        """Completed on 20 March, it was still red on the 19th."""
        action = _action(due=D(2019, 3, 1)).advance(D(2019, 3, 20), COMPLETED)
        assert assess_action(action, SCRUTINY).rating is RED
        assert assess_action(action, D(2019, 3, 20)).rating is GREEN


class TestSummary:
    """A plan on a day: counts, gaps, submission and what falls due next."""

    def test_haringey_on_the_day_of_the_scrutiny_panel(self) -> None:
        """Every area answered, each action's rating with its reason, in words."""
        summary = summarise(PLAN, SCRUTINY)
        assert summary.to_text() == SUMMARY_2019_03_19
        assert str(summary) == SUMMARY_2019_03_19
        assert summary.counts == {RED: 1, AMBER: 1, GREEN: 3}
        assert summary.unanswered == ()
        assert summary.unlinked == ()

    @PLANS
    @given(plans_and_days())
    def test_every_action_is_counted_exactly_once(
        self, case: tuple[ActionPlan, pendulum.Date]
    ) -> None:
        """The counts add up to the actions; each id appears once, in plan order."""
        plan, as_of = case
        summary = summarise(plan, as_of)
        assert sum(summary.counts.values()) == len(plan.actions)
        assert list(summary.counts) == [RED, AMBER, GREEN]
        assert [item.action.id for item in summary.actions] == [
            action.id for action in plan.actions
        ]
        for rating, count in summary.counts.items():
            assert count == sum(item.rating is rating for item in summary.actions)

    def test_unanswered_areas_and_unlinked_actions(self) -> None:
        """Areas with no action, in report order; actions answering none, in plan order."""
        loose = Action(
            id="comms-1",
            title="A communications plan",
            owners=("Head of Communications",),
            due=D(2019, 6, 28),
        )
        plan = attrs.evolve(PLAN, actions=(QA, PRACTICE, loose))
        summary = summarise(plan, SCRUTINY)
        assert [area.id for area in summary.unanswered] == [
            "ia-1",
            "ia-2",
            "ia-4",
            "ia-7",
            "ia-8",
            "ia-9",
        ]
        assert summary.unlinked == (loose,)
        text = summary.to_text()
        assert "Improvement areas without an action: ia-1, ia-2, ia-4, ia-7, ia-8, ia-9" in text
        assert "Actions answering no improvement area: comms-1" in text

    def test_priority_actions_need_an_answer_too(self) -> None:
        """An area for priority action with no action is unanswered, after the areas."""
        inspection = attrs.evolve(
            RECEIVED,
            priority_actions=(ImprovementArea(id="apa-1", text="Children missing from care."),),
        )
        summary = summarise(attrs.evolve(PLAN, inspection=inspection), SCRUTINY)
        assert [area.id for area in summary.unanswered] == ["apa-1"]

    def test_an_empty_plan_answers_nothing_and_has_nothing_open(self) -> None:
        """All nine areas unanswered; no counts; nothing due."""
        summary = summarise(ActionPlan(inspection=RECEIVED), SCRUTINY)
        assert len(summary.unanswered) == 9
        assert summary.counts == {RED: 0, AMBER: 0, GREEN: 0}
        assert summary.to_text().endswith("Due next:\n  nothing open")

    def test_what_falls_due_next_is_sorted_capped_and_open(self) -> None:
        """Done actions, completed and overdue milestones are left out; the soonest first."""
        summary = summarise(PLAN, SCRUTINY, upcoming=3)
        assert [(item.due, item.action_id, item.what) for item in summary.upcoming] == [
            (D(2019, 3, 29), "qa-1", "milestone 'Two auditors in post'"),
            (
                D(2019, 3, 29),
                "practice-1",
                "action 'Practice expectations, with supervision and training'",
            ),
            (D(2019, 6, 28), "qa-1", "action 'Revise the quality assurance framework'"),
        ]
        assert summarise(PLAN, SCRUTINY, upcoming=0).upcoming == ()

    def test_an_item_due_on_the_day_is_still_upcoming(self) -> None:
        """Due today is not yet missed."""
        summary = summarise(PLAN, D(2019, 3, 29))
        assert [str(item) for item in summary.upcoming[:2]] == [
            "29 March 2019: milestone 'Two auditors in post' (qa-1)",
            "29 March 2019: action 'Practice expectations, with supervision and training' (practice-1)",
        ]

    @PLANS
    @given(plans_and_days(), st.integers(min_value=0, max_value=8))
    def test_upcoming_items_are_open_sorted_and_within_the_cap(
        self, case: tuple[ActionPlan, pendulum.Date], cap: int
    ) -> None:
        """Soonest first, none before the day, none from work already done."""
        plan, as_of = case
        upcoming = summarise(plan, as_of, upcoming=cap).upcoming
        assert len(upcoming) <= cap
        assert [item.due for item in upcoming] == sorted(item.due for item in upcoming)
        for item in upcoming:
            action = plan.action(item.action_id)
            assert item.due >= as_of
            assert not action.status(as_of).is_done
            if item.what.startswith("milestone "):
                assert any(
                    item.what == f"milestone {m.title!r}" and m.due == item.due
                    for m in action.milestones
                    if not m.is_done(as_of)
                )
            else:
                assert (item.what, item.due) == (f"action {action.title!r}", action.due)

    def test_measures_are_reported_by_action(self) -> None:
        """Each measure's progress, with the id of its action."""
        summary = summarise(PLAN, SCRUTINY)
        assert [(action_id, item.measure.id) for action_id, item in summary.measures] == [
            ("workforce-1", "vacancy-rate")
        ]


#: (the inspection, submitted, as of, on time, what the summary says).
SUBMISSIONS = [
    (RECEIVED, None, D(2019, 3, 1), None, "no submission is recorded yet (due 18 March 2019)"),
    (RECEIVED, None, D(2019, 3, 18), None, "no submission is recorded yet (due 18 March 2019)"),
    (
        RECEIVED,
        None,
        D(2019, 3, 19),
        False,
        "no submission is recorded, and the deadline has passed (due 18 March 2019)",
    ),
    (
        RECEIVED,
        D(2019, 3, 18),
        SCRUTINY,
        True,
        "submitted 18 March 2019, on time (due 18 March 2019)",
    ),
    (
        RECEIVED,
        D(2019, 2, 1),
        D(2019, 2, 1),
        True,
        "submitted 1 February 2019, on time (due 18 March 2019)",
    ),
    (
        RECEIVED,
        D(2019, 3, 19),
        SCRUTINY,
        False,
        "submitted 19 March 2019, late (due 18 March 2019)",
    ),
    # Submitted after the day: not known on the day.
    (
        RECEIVED,
        D(2019, 3, 19),
        D(2019, 3, 18),
        None,
        "no submission is recorded yet (due 18 March 2019)",
    ),
    # Without the receipt date, publication gives an upper bound.
    (
        HARINGEY_2018,
        None,
        D(2019, 3, 28),
        False,
        "no submission is recorded, and the deadline has passed (due on or before 27 March 2019)",
    ),
    (
        HARINGEY_2018,
        D(2019, 3, 28),
        D(2019, 4, 1),
        False,
        "submitted 28 March 2019, late (due on or before 27 March 2019)",
    ),
    (
        attrs.evolve(HARINGEY_2018, published=None),
        D(2019, 3, 18),
        SCRUTINY,
        None,
        (
            "no deadline: Action plan: not known: neither the date the report was received nor"
            " its publication date is recorded"
        ),
    ),
]


class TestSubmission:
    """Whether the plan was sent by its deadline, as far as is known on the day."""

    @pytest.mark.parametrize(("inspection", "submitted", "as_of", "on_time", "reason"), SUBMISSIONS)
    def test_the_submission_on_the_day(
        self,
        inspection: Inspection,
        submitted: pendulum.Date | None,
        as_of: pendulum.Date,
        on_time: bool | None,
        reason: str,
    ) -> None:
        """On time, late, not yet submitted, or past the deadline; in words."""
        plan = ActionPlan(inspection=inspection, submitted=submitted)
        submission = summarise(plan, as_of).submission
        assert (submission.on_time, submission.reason) == (on_time, reason)
        assert str(submission) == reason

    def test_haringeys_plan_was_due_on_18_march_2019(self) -> None:
        """70 working days after the report was received on 5 December 2018."""
        deadline = plan_deadline(RECEIVED)
        assert deadline is not None
        assert deadline.due == D(2019, 3, 18)
        assert not deadline.is_upper_bound
        assert summarise(PLAN, SCRUTINY).submission.deadline == deadline
        assert [item.rule.id for item in plan_deadlines(RECEIVED)] == ["action_plan"]

    def test_counted_from_publication_the_deadline_is_an_upper_bound(self) -> None:
        """27 March 2019, on or before."""
        deadline = plan_deadline(HARINGEY_2018)
        assert deadline is not None
        assert (deadline.due, deadline.is_upper_bound) == (D(2019, 3, 27), True)

    def test_a_focused_visit_without_priority_actions_sets_no_deadline(self) -> None:
        """No plan is required, and the summary says why."""
        visit = Inspection(
            authority=HARINGEY_2018.authority,
            kind=InspectionKind.FOCUSED_VISIT,
            on_site_start=D(2019, 6, 4),
            on_site_end=D(2019, 6, 5),
            published=D(2019, 7, 1),
        )
        assert plan_deadline(visit) is None
        submission = summarise(ActionPlan(inspection=visit), D(2019, 8, 19)).submission
        assert submission.deadline is None
        assert submission.on_time is None
        assert submission.reason.startswith("no deadline: Action plan: does not apply:")

    def test_before_an_upper_bound_it_cannot_be_told_whether_the_plan_was_on_time(self) -> None:
        """Haringey sent on 19 March: on time by the bound of 27 March, late by the real 18 March."""
        plan = ActionPlan(inspection=HARINGEY_2018, submitted=D(2019, 3, 19))
        submission = summarise(plan, SCRUTINY).submission
        assert submission.on_time is None
        assert submission.reason == (
            "submitted 19 March 2019 (due on or before 27 March 2019): the day the report was"
            " received is not recorded, so whether that was on time cannot be told"
        )
        received = summarise(attrs.evolve(plan, inspection=RECEIVED), SCRUTINY).submission
        assert received.on_time is False


class TestEdgesOfTheCalendar:
    """Due days off work, ties, level targets, the calendar argument, unknown frameworks."""

    def test_an_item_due_on_good_friday_is_overdue_on_easter_monday(self) -> None:
        """No working day has passed, yet the day has: red, said plainly."""
        due = Milestone(id="m", title="Report", due=D(2019, 4, 19))
        assessment = assess_milestone(due, D(2019, 4, 22))
        assert assessment.rating is RED
        assert assessment.reason == (
            "milestone 'Report' was due 19 April 2019, a non-working day, now passed"
        )

    def test_an_item_due_on_a_saturday_is_amber_on_the_friday(self) -> None:
        """Due before the next working day comes."""
        due = Milestone(id="m", title="Report", due=D(2019, 3, 23))
        assessment = assess_milestone(due, D(2019, 3, 22))
        assert assessment.rating is AMBER
        assert assessment.reason.endswith(
            "is due 23 March 2019, a non-working day, before the next working day"
        )

    def test_among_equally_bad_items_the_one_due_first_gives_the_reason(self) -> None:
        """An action due 1 March and its milestone due 28 February, both red: the milestone."""
        action = Action(
            id="a",
            title="T",
            owners=("Director",),
            due=D(2019, 3, 1),
            milestones=(Milestone(id="m", title="M", due=D(2019, 2, 28)),),
        )
        assert assess_action(action, SCRUTINY).reason == (
            "milestone 'M' was due 28 February 2019, 13 working days ago"
        )

    def test_a_target_that_holds_the_baseline_is_met_only_while_it_holds(self) -> None:
        """Baseline and target 10: 10 is all the way, 15 is none of it."""
        level = Measure(
            id="caseload",
            description="Average caseload",
            unit="children",
            baseline=Observation(on=D(2018, 7, 31), value=10),
            target=Observation(on=D(2020, 3, 31), value=10),
            observations=(
                Observation(on=D(2018, 12, 31), value=10),
                Observation(on=D(2019, 2, 28), value=15),
            ),
        )
        assert measure_progress(level, D(2019, 1, 1)).share == 1.0
        assert measure_progress(level, SCRUTINY).share == 0.0

    def test_a_calendar_that_is_not_one_is_named(self) -> None:
        """Not an AttributeError from deep inside."""
        with pytest.raises(ValidationError, match=r"^'calendar' must be an ilacs\.calendar"):
            summarise(ActionPlan(inspection=RECEIVED), SCRUTINY, calendar="x")  # type: ignore[arg-type]

    def test_a_plan_on_an_unregistered_framework_is_still_summarised(self) -> None:
        """The submission says why there is no deadline; the ratings stand."""
        unknown = attrs.evolve(RECEIVED, framework="ilacs-2099")
        summary = summarise(ActionPlan(inspection=unknown, actions=(QA,)), SCRUTINY)
        assert summary.submission.deadline is None
        assert "ilacs-2099" in summary.submission.reason
        assert summary.counts[RED] == 1
