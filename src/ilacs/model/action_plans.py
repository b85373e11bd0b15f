"""Action plans: a council's response to an inspection, action by action.

After a graded inspection the authority writes an action plan against the report's
improvement areas and reports progress on it for years. An :class:`ActionPlan`
answers one :class:`~ilacs.Inspection`; each :class:`Action` names the improvement
areas it answers, its owners (roles, not people), its milestones, its measures of
success and the dated history of its status.

Construction rejects what can never be right: a history that goes back in time, a
status that moves backwards without being recorded as a setback, an id used twice.
:func:`ilacs.validate` reports what is wrong in context (an action for an improvement
area the inspection does not have, an area with no action); :mod:`ilacs.progress`
derives red/amber/green as of a date.
"""

import enum
import math

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.errors import TransitionError, ValidationError
from ilacs.model.inspections import ITEM_ID, Inspection

__all__ = [
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Measure",
    "Milestone",
    "Observation",
    "StatusChange",
]

_ID_RULE = "a short id such as 'qa-1' (lower-case letters, digits, '-' or '_')"


class ActionStatus(enum.Enum):
    """Where an action stands. Statuses move forward only, in this order.

    ``VERIFIED`` means the completed work has been checked (by audit or by the board
    overseeing the plan). A step back is recorded as a setback (see
    :class:`StatusChange`), so the history stays honest.

    >>> ActionStatus.PLANNED < ActionStatus.COMPLETED
    True
    >>> ActionStatus.COMPLETED.label
    'completed'
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    VERIFIED = "verified"

    @property
    def rank(self) -> int:
        """The position in the lifecycle, 0 for planned and 3 for verified."""
        return _ORDER.index(self)

    @property
    def label(self) -> str:
        """The status in words, such as 'in progress'."""
        return self.value.replace("_", " ")

    @property
    def is_done(self) -> bool:
        """True for completed and verified work."""
        return self.rank >= ActionStatus.COMPLETED.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ActionStatus):
            return NotImplemented
        return self.rank < other.rank


_ORDER = tuple(ActionStatus)


def _finite(_: object, attribute: "attrs.Attribute[float]", value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        v.reject(attribute.name, value, "must be a number")
    if not math.isfinite(value):
        v.reject(attribute.name, value, "must be a finite number")


def _to_float(value: object) -> object:
    # A whole number is a number too (JSON writes 30, not 30.0); anything else is
    # left for the validator to reject, so a bool or a string is never taken.
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@attrs.frozen(kw_only=True)
class Observation:
    """A value measured on a day.

    >>> Observation(on=pendulum.date(2018, 7, 31), value=34.3)
    Observation(on=Date(2018, 7, 31), value=34.3)
    >>> Observation(on=pendulum.date(2018, 7, 31), value="34.3%")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'value' must be a number (got str '34.3%')
    """

    on: pendulum.Date = attrs.field(validator=v.date)
    value: float = attrs.field(converter=_to_float, validator=_finite)


def _by_day(observation: Observation) -> str:
    return observation.on.isoformat()


@attrs.frozen(kw_only=True)
class Measure:
    """A measure of success: what is measured, from a baseline towards a target.

    Attributes:
        id: short and stable within the action.
        description: what is measured, in the plan's words.
        unit: the unit of the values, such as ``"%"`` or ``"days"``.
        baseline: the value and the day it was measured before the work.
        target: the value aimed for, and the day by which.
        observations: values measured since, in date order.

    A target below the baseline means lower is better (a vacancy rate).

    >>> vacancies = Measure(
    ...     id="vacancy-rate",
    ...     description="Social worker vacancy rate",
    ...     unit="%",
    ...     baseline=Observation(on=pendulum.date(2018, 7, 31), value=34.3),
    ...     target=Observation(on=pendulum.date(2020, 3, 31), value=20.0),
    ...     observations=(Observation(on=pendulum.date(2018, 12, 31), value=29.5),),
    ... )
    >>> vacancies.lower_is_better
    True
    """

    id: str = attrs.field(validator=v.matches(ITEM_ID, _ID_RULE))
    description: str = attrs.field(validator=v.text)
    unit: str = attrs.field(validator=v.text)
    baseline: Observation = attrs.field(validator=v.instance_of(Observation))
    target: Observation = attrs.field(validator=v.instance_of(Observation))
    observations: tuple[Observation, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Observation)), v.unique(_by_day, "the day")],
    )

    def __attrs_post_init__(self) -> None:
        if self.target.on < self.baseline.on:
            msg = (
                f"'target' must not be dated before the baseline {self.baseline.on}"
                f" (got {self.target.on})"
            )
            raise ValidationError(msg, field="target", value=self.target.on)
        for index, (earlier, later) in enumerate(
            zip(self.observations, self.observations[1:], strict=False), start=1
        ):
            if later.on < earlier.on:
                msg = (
                    f"'observations[{index}]' must not be dated before the observation"
                    f" before it, {earlier.on} (got {later.on})"
                )
                raise ValidationError(msg, field=f"observations[{index}]", value=later.on)

    @property
    def lower_is_better(self) -> bool:
        """True when the target is below the baseline."""
        return self.target.value < self.baseline.value

    def latest(self, as_of: pendulum.Date) -> Observation:
        """The last value known on ``as_of``: the latest observation, else the baseline."""
        known = [item for item in self.observations if item.on <= as_of]
        return known[-1] if known else self.baseline


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated step of an action.

    Attributes:
        id: short and stable within the action.
        title: what is done by then, in the plan's words.
        due: the day it is due.
        completed: the day it was done, or None while it is not.

    >>> Milestone(id="qaf-live", title="Audit framework live", due=pendulum.date(2019, 2, 28))
    Milestone(id='qaf-live', title='Audit framework live', due=Date(2019, 2, 28), completed=None)
    """

    id: str = attrs.field(validator=v.matches(ITEM_ID, _ID_RULE))
    title: str = attrs.field(validator=v.text)
    due: pendulum.Date = attrs.field(validator=v.date)
    completed: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))

    def is_done(self, as_of: pendulum.Date) -> bool:
        """True when the milestone was completed on or before ``as_of``."""
        return self.completed is not None and self.completed <= as_of


@attrs.frozen(kw_only=True)
class StatusChange:
    """One dated entry in an action's history: the status it moved to, and why.

    Attributes:
        on: the day of the change.
        status: the status from that day.
        by: who recorded it (a role or a name), where known.
        note: what happened; required for a setback.
        setback: true for an honest step back (completed work found wanting, say),
            which must move to an earlier status and say why in ``note``.

    >>> StatusChange(on=pendulum.date(2019, 1, 7), status=ActionStatus.IN_PROGRESS)
    StatusChange(on=Date(2019, 1, 7), status=<ActionStatus.IN_PROGRESS: 'in_progress'>, by=None, note=None, setback=False)
    >>> StatusChange(on=pendulum.date(2019, 6, 3), status=ActionStatus.IN_PROGRESS, setback=True)
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'note' must say why for a setback (got NoneType None)
    """

    on: pendulum.Date = attrs.field(validator=v.date)
    status: ActionStatus = attrs.field(validator=v.instance_of(ActionStatus))
    by: str | None = attrs.field(default=None, validator=v.optional(v.text))
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))
    setback: bool = attrs.field(default=False, validator=v.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.setback and self.note is None:
            v.reject("note", self.note, "must say why for a setback")


def _problem(
    before: StatusChange | None, change: StatusChange, field: str
) -> tuple[str, str] | None:
    """What is wrong with one change after another, as (code, message), or None."""
    from ilacs.base import codes  # noqa: PLC0415 (the catalogue, needed only on failure)

    if before is None:
        if change.setback:
            return codes.STATUS_MOVES_BACKWARDS, (
                f"{field!r} cannot be a setback: there is nothing before it to step back from"
            )
        return None
    if change.on < before.on:
        return codes.HISTORY_NOT_IN_DATE_ORDER, (
            f"{field!r} is dated {change.on}, before the change before it on {before.on}:"
            " a history is in date order"
        )
    moves = f"from {before.status.value!r} to {change.status.value!r}"
    if change.setback and not change.status < before.status:
        return codes.STATUS_MOVES_BACKWARDS, (
            f"{field!r} is a setback {moves}: a setback moves to an earlier status"
        )
    if not change.setback and not before.status < change.status:
        return codes.STATUS_MOVES_BACKWARDS, (
            f"{field!r} cannot move {moves}: statuses move forward only"
            " (record a step back with setback=True and a note)"
        )
    return None


#: Each status's rank, by its value: looked up without the enum's hash, which is Python.
_RANKS = {status.value: rank for rank, status in enumerate(_ORDER)}


def _check_history(history: tuple[StatusChange, ...]) -> None:
    # The cheap check first (ranks from a table, no message): it runs for every
    # action read, and finds nothing wrong where _problem would find nothing.
    if not history:
        return
    ranks = _RANKS
    try:
        first = history[0]
        before_on = first.on
        before_rank = ranks[first.status._value_]
        in_order = not first.setback
        for change in history[1:] if in_order else ():
            rank = ranks[change.status._value_]
            # A setback moves to an earlier status, any other change to a later one.
            moves = rank < before_rank if change.setback else before_rank < rank
            if change.on < before_on or not moves:
                in_order = False
                break
            before_on = change.on
            before_rank = rank
    except (AttributeError, KeyError, TypeError):  # not statuses: the full check says why
        in_order = False
    if not in_order:
        _explain_history(history)


def _explain_history(history: tuple[StatusChange, ...]) -> None:
    from ilacs.base import codes  # noqa: PLC0415 (the catalogue, needed only on failure)

    for index, change in enumerate(history):
        before = history[index - 1] if index else None
        field = f"history[{index}]"
        problem = _problem(before, change, field)
        if problem is not None:
            code, msg = problem
            value = change.on if code == codes.HISTORY_NOT_IN_DATE_ORDER else change.status
            raise TransitionError(
                msg, field=field, value=value, code=code, before=before, after=change
            )


def _by_id(item: "Milestone | Measure | Action") -> str:
    return item.id


@attrs.frozen(kw_only=True)
class Action:
    """One action of a plan: what will be done, by whom, by when, and how it is going.

    Attributes:
        id: short and stable within the plan, such as ``"qa-1"``.
        title: the action in the plan's words.
        answers: the ids of the improvement areas (or priority actions) it answers.
        owners: the roles that own it, such as ``"Head of Quality Assurance"``.
        due: the day it is due to be complete.
        milestones: its dated steps.
        measures: how success is measured.
        history: the dated changes of its status, oldest first. Before the first
            change an action is planned.

    >>> action = Action(
    ...     id="qa-1",
    ...     title="Revise the quality assurance framework",
    ...     answers=("ia-6",),
    ...     owners=("Head of Quality Assurance",),
    ...     due=pendulum.date(2019, 6, 28),
    ...     history=(
    ...         StatusChange(on=pendulum.date(2018, 12, 17), status=ActionStatus.IN_PROGRESS),
    ...     ),
    ... )
    >>> action.status(pendulum.date(2018, 12, 1)), action.status(pendulum.date(2019, 1, 1))
    (<ActionStatus.PLANNED: 'planned'>, <ActionStatus.IN_PROGRESS: 'in_progress'>)
    >>> done = StatusChange(on=pendulum.date(2019, 5, 1), status=ActionStatus.COMPLETED)
    >>> back = StatusChange(on=pendulum.date(2019, 5, 2), status=ActionStatus.PLANNED)
    >>> attrs.evolve(action, history=(*action.history, done, back))
    Traceback (most recent call last):
    ...
    ilacs.errors.TransitionError: 'history[2]' cannot move from 'completed' to 'planned': statuses move forward only (record a step back with setback=True and a note)
    """

    id: str = attrs.field(validator=v.matches(ITEM_ID, _ID_RULE))
    title: str = attrs.field(validator=v.text)
    answers: tuple[str, ...] = attrs.field(
        default=(),
        validator=[
            v.tuple_of(v.matches(ITEM_ID, "an improvement area id such as 'ia-1'")),
            v.unique(str, "improvement area"),
        ],
    )
    owners: tuple[str, ...] = attrs.field(
        validator=[
            v.tuple_of(v.text),
            v.not_empty("must name at least one owner (a role)"),
            v.unique(str, "owner"),
        ]
    )
    due: pendulum.Date = attrs.field(validator=v.date)
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Milestone)), v.unique(_by_id, "milestone id")],
    )
    measures: tuple[Measure, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Measure)), v.unique(_by_id, "measure id")],
    )
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(StatusChange))
    )

    def __attrs_post_init__(self) -> None:
        _check_history(self.history)

    def status(self, as_of: pendulum.Date) -> ActionStatus:
        """The status on ``as_of``: the last change on or before it, else planned."""
        last = self.last_change(as_of)
        return ActionStatus.PLANNED if last is None else last.status

    def last_change(self, as_of: pendulum.Date) -> StatusChange | None:
        """The last change of status on or before ``as_of``, or None before the first."""
        last = None
        for change in self.history:
            if change.on > as_of:
                break
            last = change
        return last

    def advance(
        self,
        on: pendulum.Date,
        status: ActionStatus,
        *,
        by: str | None = None,
        note: str | None = None,
        setback: bool = False,
    ) -> "Action":
        """A copy with one more change of status; an illegal one is rejected.

        >>> action = Action(
        ...     id="psw",
        ...     title="Recruit a Principal Social Worker",
        ...     owners=("Director of Children's Services",),
        ...     due=pendulum.date(2019, 9, 30),
        ... )
        >>> action = action.advance(pendulum.date(2019, 1, 14), ActionStatus.IN_PROGRESS)
        >>> action.advance(pendulum.date(2019, 1, 10), ActionStatus.COMPLETED)
        Traceback (most recent call last):
        ...
        ilacs.errors.TransitionError: 'history[1]' is dated 2019-01-10, before the change before it on 2019-01-14: a history is in date order
        """
        change = StatusChange(on=on, status=status, by=by, note=note, setback=setback)
        return attrs.evolve(self, history=(*self.history, change))


@attrs.frozen(kw_only=True)
class ActionPlan:
    """An authority's action plan in response to an inspection.

    Attributes:
        inspection: the inspection it answers, with its improvement areas.
        submitted: the day it was sent to Ofsted, or None while it is not.
        horizon: the last day the plan runs to, where it says.
        oversight: the bodies it reports to, first the one that oversees it.
        actions: its actions, each with an id unique in the plan.

    >>> from ilacs import InspectionKind, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ... )
    >>> plan = ActionPlan(inspection=inspection, oversight=("Children's Improvement Board",))
    >>> plan
    ActionPlan('Haringey', inspection=2018-10-29, submitted=None, actions=0)
    """

    inspection: Inspection = attrs.field(validator=v.instance_of(Inspection))
    submitted: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    horizon: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    oversight: tuple[str, ...] = attrs.field(
        default=(), validator=[v.tuple_of(v.text), v.unique(str, "body")]
    )
    actions: tuple[Action, ...] = attrs.field(
        default=(), validator=[v.tuple_of(v.instance_of(Action)), v.unique(_by_id, "action id")]
    )

    def __repr__(self) -> str:
        return (
            f"ActionPlan({self.inspection.authority.name!r},"
            f" inspection={self.inspection.on_site_start}, submitted={self.submitted},"
            f" actions={len(self.actions)})"
        )

    def action(self, action_id: str) -> Action:
        """The action with this id; an unknown id is an error naming the ids there are."""
        for action in self.actions:
            if action.id == action_id:
                return action
        known = ", ".join(action.id for action in self.actions) or "none"
        msg = f"the plan has no action {action_id!r} (it has {known})"
        raise ValidationError(msg, field="action_id", value=action_id)

    def actions_for(self, area_id: str) -> tuple[Action, ...]:
        """The actions that answer an improvement area (or priority action), by its id."""
        return tuple(action for action in self.actions if area_id in action.answers)
