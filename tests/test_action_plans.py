"""Tests for the action-plan model: ActionPlan, Action, its history, milestones and measures."""

import datetime
import itertools
import json
import math
import re
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from _haringey import INSPECTION_2018
from hypothesis import find, given
from hypothesis import strategies as st
from plan_fixtures import AUDITORS, LIVE, PLANS, VACANCIES, D

from ilacs import (
    Action,
    ActionPlan,
    ActionStatus,
    ImprovementArea,
    Measure,
    Milestone,
    Observation,
    StatusChange,
    serialisation,
    strategies,
)
from ilacs.errors import DocumentError, IlacsError, TransitionError, ValidationError
from ilacs.serialisation import dumps, from_dict, loads, to_dict
from ilacs.validation import validate

PLANNED, IN_PROGRESS, COMPLETED, VERIFIED = ActionStatus

INSPECTION = attrs.evolve(
    INSPECTION_2018,
    report_received=D(2018, 12, 5),
    improvement_areas=(
        ImprovementArea(id="ia-5", text="The quality and timeliness of case recording."),
        ImprovementArea(id="ia-6", text="The quality of audits to inform practice."),
    ),
)


STARTED = StatusChange(on=D(2018, 12, 17), status=IN_PROGRESS, by="Head of Quality Assurance")
DONE = StatusChange(on=D(2019, 5, 1), status=COMPLETED)
CHECKED = StatusChange(on=D(2019, 5, 20), status=VERIFIED, by="Children's Improvement Board")
REOPENED = StatusChange(
    on=D(2019, 6, 3), status=IN_PROGRESS, note="The audit found gaps.", setback=True
)

QA = Action(
    id="qa-1",
    title="Revise the quality assurance framework",
    answers=("ia-6",),
    owners=("Head of Quality Assurance",),
    due=D(2019, 6, 28),
    milestones=(LIVE, AUDITORS),
    measures=(VACANCIES,),
    history=(STARTED, DONE, CHECKED, REOPENED),
)

RECORDING = Action(
    id="rec-1",
    title="Practice expectations for case recording",
    answers=("ia-5", "ia-6"),
    owners=("Principal Social Worker", "Heads of Service"),
    due=D(2019, 9, 30),
)

PLAN = ActionPlan(
    inspection=INSPECTION,
    submitted=D(2019, 3, 18),
    horizon=D(2020, 12, 31),
    oversight=("Children's Improvement Board",),
    actions=(QA, RECORDING),
)


def _change(
    on: pendulum.Date, status: ActionStatus, note: str | None = None, *, setback: bool = False
) -> StatusChange:
    return StatusChange(on=on, status=status, note=note, setback=setback)


#: (changes to an Observation, the message's start).
BAD_OBSERVATIONS = [
    ({"value": True}, "'value' must be a number (got bool True)"),
    ({"value": "34.3"}, "'value' must be a number (got str '34.3')"),
    ({"value": None}, "'value' must be a number (got NoneType None)"),
    ({"value": math.nan}, "'value' must be a finite number (got float nan)"),
    ({"value": math.inf}, "'value' must be a finite number (got float inf)"),
    ({"value": -math.inf}, "'value' must be a finite number (got float -inf)"),
    (
        {"on": pendulum.datetime(2018, 7, 31)},
        "'on' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    ({"on": datetime.date(2018, 7, 31)}, "'on' must be a pendulum.Date (a date without a time)"),
    ({"on": "2018-07-31"}, "'on' must be a pendulum.Date (a date without a time) (got str"),
]

#: (changes to VACANCIES, the message's start).
BAD_MEASURES = [
    (
        {"target": Observation(on=D(2018, 7, 30), value=20.0)},
        "'target' must not be dated before the baseline 2018-07-31 (got 2018-07-30)",
    ),
    (
        {
            "observations": (
                Observation(on=D(2018, 12, 31), value=29.5),
                Observation(on=D(2018, 10, 31), value=31.0),
            )
        },
        (
            "'observations[1]' must not be dated before the observation before it,"
            " 2018-12-31 (got 2018-10-31)"
        ),
    ),
    (
        {
            "observations": (
                Observation(on=D(2018, 10, 31), value=31.0),
                Observation(on=D(2018, 12, 31), value=29.5),
                Observation(on=D(2018, 11, 30), value=30.5),
            )
        },
        "'observations[2]' must not be dated before the observation before it, 2018-12-31",
    ),
    (
        {
            "observations": (
                Observation(on=D(2018, 12, 31), value=29.5),
                Observation(on=D(2018, 12, 31), value=29.0),
            )
        },
        "'observations' must not repeat the day",
    ),
    ({"observations": [VACANCIES.baseline]}, "'observations' must be a tuple (got list"),
    ({"observations": (34.3,)}, "'observations[0]' must be Observation (got float 34.3)"),
    ({"baseline": 34.3}, "'baseline' must be Observation (got float 34.3)"),
    ({"id": "Vacancy rate"}, "'id' must be a short id such as 'qa-1'"),
    ({"description": ""}, "'description' must not be empty (got str '')"),
    ({"unit": " %"}, "'unit' must not start or end with white space (got str ' %')"),
]

#: (changes to LIVE, the message's start).
BAD_MILESTONES = [
    (
        {"due": pendulum.datetime(2019, 2, 28, tz="Europe/London")},
        "'due' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    (
        {"completed": pendulum.datetime(2019, 3, 4)},
        "'completed' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    ({"completed": "2019-03-04"}, "'completed' must be a pendulum.Date"),
    ({"title": "  "}, "'title' must not be empty (got str '  ')"),
    ({"id": ""}, "'id' must be a short id such as 'qa-1'"),
]

#: (fields of a StatusChange, the message's start).
BAD_STATUS_CHANGES = [
    (
        {"on": D(2019, 6, 3), "status": IN_PROGRESS, "setback": True},
        "'note' must say why for a setback (got NoneType None)",
    ),
    (
        {"on": pendulum.datetime(2019, 6, 3), "status": IN_PROGRESS},
        "'on' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    (
        {"on": D(2019, 6, 3), "status": "in_progress"},
        "'status' must be ActionStatus (got str 'in_progress')",
    ),
    (
        {"on": D(2019, 6, 3), "status": IN_PROGRESS, "setback": 1},
        "'setback' must be bool (got int 1)",
    ),
    ({"on": D(2019, 6, 3), "status": IN_PROGRESS, "note": ""}, "'note' must not be empty"),
    ({"on": D(2019, 6, 3), "status": IN_PROGRESS, "by": 7}, "'by' must be a string (got int 7)"),
]

#: (changes to QA, the message's start).
BAD_ACTIONS = [
    ({"owners": ()}, "'owners' must name at least one owner (a role) (got tuple ())"),
    (
        {"owners": ("Head of Quality Assurance", "Head of Quality Assurance")},
        "'owners' must not repeat owner 'Head of Quality Assurance'",
    ),
    ({"owners": ("",)}, "'owners[0]' must not be empty (got str '')"),
    ({"owners": "Head of Quality Assurance"}, "'owners' must be a tuple (got str"),
    (
        {"id": "QA 1"},
        "'id' must be a short id such as 'qa-1' (lower-case letters, digits, '-' or '_') (got str 'QA 1')",
    ),
    ({"title": ""}, "'title' must not be empty (got str '')"),
    ({"answers": ("ia-6", "ia-6")}, "'answers' must not repeat improvement area 'ia-6'"),
    (
        {"answers": ("Area 6",)},
        "'answers[0]' must be an improvement area id such as 'ia-1' (got str 'Area 6')",
    ),
    (
        {"due": pendulum.datetime(2019, 6, 28)},
        "'due' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    (
        {"due": datetime.date(2019, 6, 28)},
        "'due' must be a pendulum.Date (a date without a time) (got date",
    ),
    (
        {"milestones": (LIVE, attrs.evolve(AUDITORS, id="qaf-live"))},
        "'milestones' must not repeat milestone id 'qaf-live'",
    ),
    (
        {"measures": (VACANCIES, attrs.evolve(VACANCIES, description="Agency staff"))},
        "'measures' must not repeat measure id 'vacancy-rate'",
    ),
    ({"milestones": ("qaf-live",)}, "'milestones[0]' must be Milestone (got str 'qaf-live')"),
    ({"history": [STARTED]}, "'history' must be a tuple (got list"),
]

#: (a history, the field at fault, its code, the message): TransitionError, naming both ends.
BAD_HISTORIES = [
    (
        (
            _change(D(2019, 1, 14), IN_PROGRESS),
            _change(D(2019, 1, 10), COMPLETED),
        ),
        "history[1]",
        "ILACS-V035",
        (
            "'history[1]' is dated 2019-01-10, before the change before it on 2019-01-14:"
            " a history is in date order"
        ),
    ),
    (
        (
            _change(D(2019, 1, 14), IN_PROGRESS),
            _change(D(2019, 5, 1), COMPLETED),
            _change(D(2019, 4, 30), VERIFIED),
        ),
        "history[2]",
        "ILACS-V035",
        "'history[2]' is dated 2019-04-30, before the change before it on 2019-05-01",
    ),
    (
        (
            _change(D(2019, 1, 14), IN_PROGRESS),
            _change(D(2019, 5, 1), COMPLETED),
            _change(D(2019, 5, 2), PLANNED),
        ),
        "history[2]",
        "ILACS-V036",
        (
            "'history[2]' cannot move from 'completed' to 'planned': statuses move forward only"
            " (record a step back with setback=True and a note)"
        ),
    ),
    (
        (
            _change(D(2019, 1, 14), IN_PROGRESS),
            _change(D(2019, 1, 15), IN_PROGRESS),
        ),
        "history[1]",
        "ILACS-V036",
        "'history[1]' cannot move from 'in_progress' to 'in_progress': statuses move forward only",
    ),
    (
        (
            _change(D(2019, 1, 14), IN_PROGRESS),
            _change(D(2019, 5, 1), COMPLETED, "Done early.", setback=True),
        ),
        "history[1]",
        "ILACS-V036",
        (
            "'history[1]' is a setback from 'in_progress' to 'completed':"
            " a setback moves to an earlier status"
        ),
    ),
    (
        (
            _change(D(2019, 5, 1), COMPLETED),
            _change(D(2019, 5, 2), COMPLETED, "Checked again.", setback=True),
        ),
        "history[1]",
        "ILACS-V036",
        "'history[1]' is a setback from 'completed' to 'completed'",
    ),
    (
        (_change(D(2019, 1, 14), IN_PROGRESS, "Started late.", setback=True),),
        "history[0]",
        "ILACS-V036",
        "'history[0]' cannot be a setback: there is nothing before it to step back from",
    ),
]

#: (changes to PLAN, the message's start).
BAD_PLANS = [
    (
        {"actions": (QA, attrs.evolve(RECORDING, id="qa-1"))},
        "'actions' must not repeat action id 'qa-1'",
    ),
    ({"actions": [QA]}, "'actions' must be a tuple (got list"),
    ({"actions": ("qa-1",)}, "'actions[0]' must be Action (got str 'qa-1')"),
    (
        {"oversight": ("Children's Improvement Board", "Children's Improvement Board")},
        "'oversight' must not repeat body \"Children's Improvement Board\"",
    ),
    (
        {"submitted": pendulum.datetime(2019, 3, 18)},
        "'submitted' must be a pendulum.Date (a date without a time) (got DateTime",
    ),
    ({"horizon": "2020-12-31"}, "'horizon' must be a pendulum.Date (a date without a time)"),
    ({"inspection": "Haringey 2018"}, "'inspection' must be Inspection (got str 'Haringey 2018')"),
]


def _is_forward(history: tuple[StatusChange, ...]) -> bool:
    """Every step moves forward, or is a noted setback to an earlier status; no date goes back."""
    if history and history[0].setback:
        return False
    for before, after in itertools.pairwise(history):
        if after.on < before.on:
            return False
        if after.setback:
            if not (after.status < before.status and after.note):
                return False
        elif not before.status < after.status:
            return False
    return True


class TestActionStatus:
    """Statuses in lifecycle order: planned, in progress, completed, verified."""

    def test_statuses_are_ordered_by_the_lifecycle(self) -> None:
        """Sorting gives the lifecycle; rank counts from 0."""
        assert sorted([VERIFIED, PLANNED, COMPLETED, IN_PROGRESS]) == [
            PLANNED,
            IN_PROGRESS,
            COMPLETED,
            VERIFIED,
        ]
        assert [status.rank for status in ActionStatus] == [0, 1, 2, 3]

    def test_labels_are_words_and_values_are_the_wire_form(self) -> None:
        """'in progress' to read, 'in_progress' to serialise."""
        assert [status.label for status in ActionStatus] == [
            "planned",
            "in progress",
            "completed",
            "verified",
        ]
        assert [status.value for status in ActionStatus] == [
            "planned",
            "in_progress",
            "completed",
            "verified",
        ]

    def test_completed_and_verified_work_is_done(self) -> None:
        """is_done is true from completed on."""
        assert [status.is_done for status in ActionStatus] == [False, False, True, True]

    def test_a_status_does_not_compare_with_anything_else(self) -> None:
        """Ordering against a number is a TypeError, not a silent answer."""
        with pytest.raises(TypeError):
            assert PLANNED < 1


class TestObservation:
    """A value measured on a day."""

    @given(strategies.observations())
    def test_generated_observations_satisfy_their_invariants(
        self, observation: Observation
    ) -> None:
        """A pendulum date and a finite float."""
        assert type(observation.on) is pendulum.Date
        assert type(observation.value) is float
        assert math.isfinite(observation.value)

    @pytest.mark.parametrize(("changes", "message"), BAD_OBSERVATIONS)
    def test_an_impossible_observation_is_rejected(
        self, changes: dict[str, Any], message: str
    ) -> None:
        """A bool, a string, NaN, infinity or a date-time never passes for a measurement."""
        with pytest.raises(ValidationError) as info:
            attrs.evolve(VACANCIES.baseline, **changes)
        assert str(info.value).startswith(message)
        assert info.value.field == next(iter(changes))

    def test_a_whole_number_is_kept_as_a_float(self) -> None:
        """30 and 30.0 are the same observation, so documents round-trip."""
        observation = Observation(on=D(2019, 3, 31), value=30)
        assert observation == Observation(on=D(2019, 3, 31), value=30.0)
        assert type(observation.value) is float


class TestMeasure:
    """A measure of success, from a baseline towards a target."""

    @given(strategies.measures())
    def test_generated_measures_satisfy_their_invariants(self, measure: Measure) -> None:
        """The target is not before the baseline; observations are on distinct days, in order."""
        assert measure.baseline.on <= measure.target.on
        days = [item.on for item in measure.observations]
        assert days == sorted(days)
        assert len(set(days)) == len(days)
        assert all(day >= measure.baseline.on for day in days)

    @pytest.mark.parametrize(("changes", "message"), BAD_MEASURES)
    def test_an_impossible_measure_is_rejected(self, changes: dict[str, Any], message: str) -> None:
        """A target before its baseline, observations out of order or on the same day."""
        with pytest.raises(ValidationError) as info:
            attrs.evolve(VACANCIES, **changes)
        assert str(info.value).startswith(message)

    def test_a_target_below_the_baseline_means_lower_is_better(self) -> None:
        """The vacancy rate falls towards its target; a caseload count may rise."""
        assert VACANCIES.lower_is_better
        rising = attrs.evolve(VACANCIES, target=Observation(on=D(2020, 3, 31), value=40.0))
        assert not rising.lower_is_better

    def test_the_latest_value_is_the_last_one_known_on_the_day(self) -> None:
        """The baseline before any observation; never an observation from a later day."""
        assert VACANCIES.latest(D(2018, 12, 30)) == VACANCIES.baseline
        assert VACANCIES.latest(D(2018, 12, 31)) == Observation(on=D(2018, 12, 31), value=29.5)
        assert VACANCIES.latest(D(2025, 1, 1)).value == 29.5

    @given(strategies.measures(), strategies.dates())
    def test_latest_is_never_dated_after_the_day_unless_it_is_the_baseline(
        self, measure: Measure, day: pendulum.Date
    ) -> None:
        """An observation from after the day is never reported as known on it."""
        latest = measure.latest(day)
        assert latest == measure.baseline or latest.on <= day
        later = [item for item in measure.observations if item.on <= day]
        assert latest == (later[-1] if later else measure.baseline)


class TestMilestone:
    """A dated step of an action."""

    @given(strategies.milestones())
    def test_generated_milestones_satisfy_their_invariants(self, milestone: Milestone) -> None:
        """Dates are pendulum dates; the id is a short id."""
        assert type(milestone.due) is pendulum.Date
        assert milestone.completed is None or type(milestone.completed) is pendulum.Date
        assert re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", milestone.id)

    @pytest.mark.parametrize(("changes", "message"), BAD_MILESTONES)
    def test_an_impossible_milestone_is_rejected(
        self, changes: dict[str, Any], message: str
    ) -> None:
        """A date-time is not a due day."""
        with pytest.raises(ValidationError) as info:
            attrs.evolve(LIVE, **changes)
        assert str(info.value).startswith(message)

    def test_a_milestone_is_done_from_the_day_it_was_completed(self) -> None:
        """Not the day before."""
        done = attrs.evolve(LIVE, completed=D(2019, 3, 4))
        assert not done.is_done(D(2019, 3, 3))
        assert done.is_done(D(2019, 3, 4))
        assert not LIVE.is_done(D(2030, 1, 1))

    def test_the_repr_shows_every_field(self) -> None:
        """The repr is attrs' own, with pendulum dates."""
        assert repr(LIVE) == (
            "Milestone(id='qaf-live', title='Audit framework live', due=Date(2019, 2, 28),"
            " completed=None)"
        )


class TestStatusChange:
    """One dated entry in an action's history."""

    @pytest.mark.parametrize(("fields", "message"), BAD_STATUS_CHANGES)
    def test_an_impossible_change_is_rejected(self, fields: dict[str, Any], message: str) -> None:
        """A setback must say why; statuses are ActionStatus members; setback is a bool."""
        with pytest.raises(ValidationError) as info:
            StatusChange(**fields)
        assert str(info.value).startswith(message)

    def test_a_setback_with_a_note_is_a_change_like_any_other(self) -> None:
        """The note is kept, and the repr shows it."""
        assert REOPENED.setback
        assert repr(REOPENED) == (
            "StatusChange(on=Date(2019, 6, 3), status=<ActionStatus.IN_PROGRESS: 'in_progress'>,"
            " by=None, note='The audit found gaps.', setback=True)"
        )


class TestStatusHistories:
    """The shared strategy builds legal histories only."""

    @given(strategies.status_histories())
    def test_generated_histories_are_always_forward(
        self, history: tuple[StatusChange, ...]
    ) -> None:
        """Each step rises, or is a noted setback to an earlier status; dates never decrease."""
        assert _is_forward(history)

    @given(strategies.status_histories(), st.sampled_from(ActionStatus))
    def test_every_generated_history_makes_an_action(
        self, history: tuple[StatusChange, ...], status: ActionStatus
    ) -> None:
        """Construction accepts it; one more forward step after the last is accepted too."""
        action = attrs.evolve(RECORDING, history=history)
        last = history[-1] if history else None
        day = last.on if last else D(2019, 1, 1)
        if last is None or last.status < status:
            advanced = action.advance(day, status)
            assert advanced.status(day) is status
            assert _is_forward(advanced.history)

    def test_the_strategy_draws_setbacks(self) -> None:
        """The forward-only check is not vacuous: setbacks are generated."""
        history = find(strategies.status_histories(), lambda h: any(c.setback for c in h))
        assert _is_forward(history)


class TestAction:
    """An action: owners, due day, milestones, measures and a forward-only history."""

    @given(strategies.actions(answers=("ia-1", "ia-2", "apa-1")))
    def test_generated_actions_satisfy_their_invariants(self, action: Action) -> None:
        """Owners and ids unique, answers from those given, and a forward history."""
        assert action.owners
        assert len(set(action.owners)) == len(action.owners)
        assert set(action.answers) <= {"ia-1", "ia-2", "apa-1"}
        assert len(set(action.answers)) == len(action.answers)
        assert len({item.id for item in action.milestones}) == len(action.milestones)
        assert len({item.id for item in action.measures}) == len(action.measures)
        assert _is_forward(action.history)

    @pytest.mark.parametrize(("changes", "message"), BAD_ACTIONS)
    def test_an_impossible_action_is_rejected(self, changes: dict[str, Any], message: str) -> None:
        """Empty owners, repeated ids, a date-time for a date: each named."""
        with pytest.raises(ValidationError) as info:
            attrs.evolve(QA, **changes)
        assert str(info.value).startswith(message)
        assert not isinstance(info.value, TransitionError)

    @pytest.mark.parametrize(("history", "field", "code", "message"), BAD_HISTORIES)
    def test_an_illegal_history_is_a_transition_error(
        self, history: tuple[StatusChange, ...], field: str, code: str, message: str
    ) -> None:
        """Going back in time is V035; moving backwards without a setback is V036."""
        with pytest.raises(TransitionError) as info:
            attrs.evolve(QA, history=history)
        error = info.value
        assert str(error).startswith(message)
        assert (error.field, error.code) == (field, code)
        index = int(field[len("history[") : -1])
        assert error.after is history[index]
        assert error.before is (history[index - 1] if index else None)
        assert isinstance(error, ValidationError)
        assert isinstance(error, IlacsError)

    def test_the_status_on_a_day_is_the_last_change_by_then(self) -> None:
        """Planned before the first change; each change holds from its own day."""
        assert QA.status(D(2018, 12, 16)) is PLANNED
        assert QA.last_change(D(2018, 12, 16)) is None
        assert QA.status(D(2018, 12, 17)) is IN_PROGRESS
        assert QA.status(D(2019, 5, 1)) is COMPLETED
        assert QA.status(D(2019, 5, 31)) is VERIFIED
        assert QA.last_change(D(2019, 5, 31)) is CHECKED
        assert QA.status(D(2019, 6, 3)) is IN_PROGRESS
        assert QA.last_change(D(2030, 1, 1)) is REOPENED

    def test_a_history_may_begin_with_the_day_the_action_was_planned(self) -> None:
        """Recording 'planned' first is not a move: it dates the plan."""
        action = RECORDING.advance(D(2019, 1, 7), PLANNED).advance(D(2019, 2, 1), IN_PROGRESS)
        assert action.status(D(2019, 1, 31)) is PLANNED
        assert action.last_change(D(2019, 1, 31)) == StatusChange(on=D(2019, 1, 7), status=PLANNED)

    def test_changes_on_the_same_day_take_the_last(self) -> None:
        """Started and finished on one day: completed that day."""
        action = RECORDING.advance(D(2019, 2, 1), IN_PROGRESS).advance(D(2019, 2, 1), COMPLETED)
        assert action.status(D(2019, 2, 1)) is COMPLETED
        assert action.status(D(2019, 1, 31)) is PLANNED

    def test_advance_appends_a_change_and_keeps_the_original(self) -> None:
        """A new value; the recorder and the note are kept."""
        advanced = RECORDING.advance(
            D(2019, 1, 7), IN_PROGRESS, by="Principal Social Worker", note="Drafting."
        )
        assert RECORDING.history == ()
        assert advanced.history == (
            StatusChange(
                on=D(2019, 1, 7), status=IN_PROGRESS, by="Principal Social Worker", note="Drafting."
            ),
        )
        assert attrs.evolve(advanced, history=()) == RECORDING

    def test_advance_records_an_honest_setback(self) -> None:
        """Verified work found wanting goes back to in progress, with a reason."""
        setback = QA.history[:3]
        action = attrs.evolve(QA, history=setback).advance(
            D(2019, 6, 3), IN_PROGRESS, note="The audit found gaps.", setback=True
        )
        assert action == QA

    @pytest.mark.parametrize(
        ("on", "status", "setback", "code", "message"),
        [
            (
                D(2019, 6, 2),
                COMPLETED,
                False,
                "ILACS-V035",
                "'history[4]' is dated 2019-06-02, before the change before it on 2019-06-03",
            ),
            (
                D(2019, 6, 4),
                PLANNED,
                False,
                "ILACS-V036",
                "'history[4]' cannot move from 'in_progress' to 'planned'",
            ),
            (
                D(2019, 6, 4),
                VERIFIED,
                True,
                "ILACS-V036",
                "'history[4]' is a setback from 'in_progress' to 'verified'",
            ),
        ],
    )
    def test_advance_rejects_an_illegal_change(
        self, on: pendulum.Date, status: ActionStatus, setback: bool, code: str, message: str
    ) -> None:
        """The error names both dates or both states."""
        with pytest.raises(TransitionError, match=re.escape(message)) as info:
            QA.advance(on, status, note="A reason.", setback=setback)
        assert info.value.code == code
        assert info.value.before is REOPENED

    def test_advance_checks_the_change_itself(self) -> None:
        """A status given as a string is refused, naming the field."""
        with pytest.raises(ValidationError, match="'status' must be ActionStatus"):
            RECORDING.advance(D(2019, 1, 7), "in_progress")  # type: ignore[arg-type]

    @given(strategies.actions(), strategies.dates())
    def test_the_status_is_planned_or_a_status_from_the_history(
        self, action: Action, day: pendulum.Date
    ) -> None:
        """status() agrees with last_change(), the last of the changes made by the day."""
        known = [change for change in action.history if change.on <= day]
        last = action.last_change(day)
        assert last is (known[-1] if known else None)
        assert action.status(day) is (PLANNED if last is None else last.status)

    def test_the_repr_shows_every_field(self) -> None:
        """The repr is attrs' own."""
        assert repr(RECORDING) == (
            "Action(id='rec-1', title='Practice expectations for case recording',"
            " answers=('ia-5', 'ia-6'), owners=('Principal Social Worker', 'Heads of Service'),"
            " due=Date(2019, 9, 30), milestones=(), measures=(), history=())"
        )


class TestActionPlan:
    """A plan: the inspection it answers and its actions."""

    @PLANS
    @given(strategies.action_plans())
    def test_generated_plans_satisfy_their_invariants(self, plan: ActionPlan) -> None:
        """Unique ids, answers from the inspection, dates after fieldwork; actions_for agrees."""
        inspection = plan.inspection
        end = inspection.on_site_end or inspection.on_site_start
        ids = {item.id for item in (*inspection.improvement_areas, *inspection.priority_actions)}
        assert inspection.is_graded
        assert len({action.id for action in plan.actions}) == len(plan.actions)
        assert len(set(plan.oversight)) == len(plan.oversight)
        assert plan.submitted is None or plan.submitted > end
        assert plan.horizon is None or plan.horizon > end
        for action in plan.actions:
            assert set(action.answers) <= ids
            assert action.due > end
            assert all(milestone.due > end for milestone in action.milestones)
            assert all(change.on > end for change in action.history)
            assert all(measure.baseline.on > end for measure in action.measures)
            assert _is_forward(action.history)
        for item in (*inspection.improvement_areas, *inspection.priority_actions):
            found = plan.actions_for(item.id)
            assert found == tuple(action for action in plan.actions if item.id in action.answers)

    @pytest.mark.parametrize(("changes", "message"), BAD_PLANS)
    def test_an_impossible_plan_is_rejected(self, changes: dict[str, Any], message: str) -> None:
        """Repeated action ids, a date-time for a date, a wrong type: each named."""
        with pytest.raises(ValidationError) as info:
            attrs.evolve(PLAN, **changes)
        assert str(info.value).startswith(message)

    def test_an_action_is_found_by_its_id(self) -> None:
        """action() returns the very action."""
        assert PLAN.action("rec-1") is RECORDING

    def test_an_unknown_action_id_lists_the_ids_there_are(self) -> None:
        """The error names the id asked for and every id in the plan."""
        with pytest.raises(ValidationError) as info:
            PLAN.action("qa-2")
        assert str(info.value) == "the plan has no action 'qa-2' (it has qa-1, rec-1)"
        assert (info.value.field, info.value.value) == ("action_id", "qa-2")

    def test_an_empty_plan_says_it_has_no_actions(self) -> None:
        """'none', not an empty list."""
        with pytest.raises(
            ValidationError, match=r"^the plan has no action 'qa-1' \(it has none\)$"
        ):
            ActionPlan(inspection=INSPECTION).action("qa-1")

    def test_actions_for_an_area_are_those_that_answer_it_in_plan_order(self) -> None:
        """An area answered twice gives both; an unanswered or unknown one gives none."""
        assert PLAN.actions_for("ia-6") == (QA, RECORDING)
        assert PLAN.actions_for("ia-5") == (RECORDING,)
        assert PLAN.actions_for("ia-9") == ()

    def test_the_repr_says_whose_plan_it_is(self) -> None:
        """Authority, inspection start, submission and the number of actions."""
        assert repr(PLAN) == (
            "ActionPlan('Haringey', inspection=2018-10-29, submitted=2019-03-18, actions=2)"
        )
        assert repr(ActionPlan(inspection=INSPECTION)) == (
            "ActionPlan('Haringey', inspection=2018-10-29, submitted=None, actions=0)"
        )


class TestJsonRoundTrip:
    """Action plans round-trip exactly through their document type."""

    @PLANS
    @given(strategies.action_plans())
    def test_a_plan_survives_dumps_and_loads(self, plan: ActionPlan) -> None:
        """The value is equal, and dumping what was loaded gives the same bytes."""
        text = dumps(plan)
        loaded = loads(text)
        assert loaded == plan
        assert dumps(loaded) == text
        assert loads(text, ActionPlan) == plan
        assert loads(text, "action_plan") == plan

    def test_the_document_names_its_type_and_writes_whole_numbers_as_floats(self) -> None:
        """action_plan, then the model's fields in order; a target of 20 is written 20.0."""
        document = json.loads(dumps(PLAN))
        assert list(document) == [
            "schema_version",
            "document_type",
            "inspection",
            "submitted",
            "horizon",
            "oversight",
            "actions",
        ]
        assert document["document_type"] == "action_plan"
        action = document["actions"][0]
        assert action["history"][3] == {
            "on": "2019-06-03",
            "status": "in_progress",
            "by": None,
            "note": "The audit found gaps.",
            "setback": True,
        }
        assert action["measures"][0]["target"] == {"on": "2020-03-31", "value": 20.0}
        assert '"value": 20.0' in dumps(PLAN)

    def test_a_whole_number_in_a_document_loads_as_a_float(self) -> None:
        """JSON's 20 is the number 20.0."""
        document = to_dict(PLAN)
        document["actions"][0]["measures"][0]["target"]["value"] = 20
        loaded = from_dict(document)
        assert loaded == PLAN
        assert type(loaded.actions[0].measures[0].target.value) is float


def _bad(*changes: tuple[tuple[str | int, ...], object]) -> dict[str, Any]:
    """PLAN's document with each (path, value) set."""
    document = to_dict(PLAN)
    for path, value in changes:
        *parents, last = path
        target: Any = document
        for key in parents:
            target = target[key]
        target[last] = value
    return document


H = ("actions", 0, "history")

#: (a document, the problem loading must list, the code validate reports it under).
BAD_DOCUMENTS = [
    (
        _bad(((*H, 1, "on"), "2018-12-01")),
        (
            "$.actions[0].history[1]: 'history[1]' is dated 2018-12-01, before the change before"
            " it on 2018-12-17: a history is in date order"
        ),
        "ILACS-V035",
    ),
    (
        _bad(((*H, 2, "status"), "in_progress")),
        (
            "$.actions[0].history[2]: 'history[2]' cannot move from 'completed' to 'in_progress':"
            " statuses move forward only (record a step back with setback=True and a note)"
        ),
        "ILACS-V036",
    ),
    (
        _bad(((*H, 3, "setback"), False)),
        "$.actions[0].history[3]: 'history[3]' cannot move from 'verified' to 'in_progress'",
        "ILACS-V036",
    ),
    (
        _bad(((*H, 0, "setback"), True), ((*H, 0, "note"), "Not started after all.")),
        "$.actions[0].history[0]: 'history[0]' cannot be a setback",
        "ILACS-V036",
    ),
    (
        _bad(((*H, 1, "on"), "2019-06-04")),
        (
            "$.actions[0].history[2]: 'history[2]' is dated 2019-05-20, before the change before"
            " it on 2019-06-04: a history is in date order"
        ),
        "ILACS-V035",
    ),
    (
        _bad(
            (
                ("actions", 1, "history"),
                [
                    {
                        "on": "2019-02-01",
                        "status": "in_progress",
                        "by": None,
                        "note": None,
                        "setback": False,
                    },
                    {
                        "on": "2019-01-31",
                        "status": "completed",
                        "by": None,
                        "note": None,
                        "setback": False,
                    },
                ],
            )
        ),
        "$.actions[1].history[1]: 'history[1]' is dated 2019-01-31, before the change before it on 2019-02-01",
        "ILACS-V035",
    ),
    (
        _bad(((*H, 3, "note"), None)),
        "$.actions[0].history[3].note: 'note' must say why for a setback (got NoneType None)",
        "ILACS-V001",
    ),
    (
        _bad((("actions", 0, "owners"), [])),
        "$.actions[0].owners: 'owners' must name at least one owner (a role) (got tuple ())",
        "ILACS-V001",
    ),
    (
        _bad((("actions", 1, "id"), "qa-1")),
        "$.actions: 'actions' must not repeat action id 'qa-1'",
        "ILACS-V001",
    ),
    (
        _bad((("actions", 0, "measures", 0, "baseline", "value"), True)),
        "$.actions[0].measures[0].baseline.value: expected a number, got bool True",
        "ILACS-V001",
    ),
    (
        _bad((("actions", 0, "measures", 0, "baseline", "value"), "34.3")),
        "$.actions[0].measures[0].baseline.value: expected a number, got str '34.3'",
        "ILACS-V001",
    ),
    (
        _bad((("actions", 0, "measures", 0, "target", "on"), "2018-01-31")),
        (
            "$.actions[0].measures[0].target: 'target' must not be dated before the baseline"
            " 2018-07-31 (got 2018-01-31)"
        ),
        "ILACS-V001",
    ),
    (
        _bad((("actions", 0, "milestones", 0, "due"), "2019-02-28T00:00:00+00:00")),
        "$.actions[0].milestones[0].due: expected an ISO 8601 date such as 2018-12-14",
        "ILACS-V001",
    ),
    (
        _bad(((*H, 1, "status"), "done")),
        "$.actions[0].history[1].status: must be one of 'planned', 'in_progress', 'completed', 'verified'",
        "ILACS-V001",
    ),
]


class TestLoadedHistories:
    """A document with a bad history reports its exact path, under the rule's own code."""

    @pytest.mark.parametrize(("document", "problem", "code"), BAD_DOCUMENTS)
    def test_loading_names_the_path(
        self, document: dict[str, Any], problem: str, code: str
    ) -> None:
        """The DocumentError lists the problem with its JSON path, and the rule's code."""
        with pytest.raises(DocumentError) as info:
            loads(json.dumps(document))
        assert len(info.value.problems) == 1
        assert info.value.problems[0].startswith(problem)
        assert info.value.codes == (None if code == "ILACS-V001" else code,)

    @pytest.mark.parametrize(("document", "problem", "code"), BAD_DOCUMENTS)
    def test_validate_reports_the_code_at_the_path(
        self, document: dict[str, Any], problem: str, code: str
    ) -> None:
        """A broken lifecycle is V035 or V036 at the history entry, not V001."""
        path, _, message = problem.partition(": ")
        for given_as in (json.dumps(document), document):
            report = validate(given_as)
            assert [(finding.code, finding.path) for finding in report] == [(code, path)]
            assert report.findings[0].message.startswith(message)
            assert not report.ok


class TestJsonSchema:
    """The generated JSON Schema describes action-plan documents."""

    def test_the_schema_is_a_valid_draft_2020_12_schema(self) -> None:
        """The jsonschema library accepts it, and it pins the document type."""
        schema = serialisation.json_schema("action_plan")
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["document_type"] == {"const": "action_plan"}
        assert schema["additionalProperties"] is False

    @PLANS
    @given(strategies.action_plans())
    def test_generated_plans_match_the_schema(self, plan: ActionPlan) -> None:
        """Every document dumps writes validates against the schema."""
        schema = serialisation.json_schema("action_plan")
        jsonschema.Draft202012Validator(schema).validate(json.loads(dumps(plan)))

    @pytest.mark.parametrize(
        "document",
        [
            _bad((("actions", 0, "measures", 0, "baseline", "value"), "34.3")),
            _bad((("actions", 0, "measures", 0, "baseline", "value"), True)),
            _bad(((*H, 1, "status"), "done")),
            _bad((("actions", 0, "id"), "QA 1")),
            _bad((("actions", 0, "due"), "28/06/2019")),
            _bad((("actions", 0, "owners"), "Head of Quality Assurance")),
        ],
    )
    def test_what_the_schema_rejects_loading_rejects(self, document: dict[str, Any]) -> None:
        """The schema never accepts less than loading does."""
        validator = jsonschema.Draft202012Validator(serialisation.json_schema("action_plan"))
        assert not validator.is_valid(document)
        with pytest.raises(DocumentError):
            from_dict(document)
