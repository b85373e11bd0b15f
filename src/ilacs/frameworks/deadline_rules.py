"""Deadline rules as framework data: what each deadline follows, counts and rests on.

A :class:`DeadlineRule` is one entry in a framework pack's ``deadlines``: which
inspection kinds it follows, what it needs (areas for priority action, a grade, a
first day of fieldwork), the event it counts from, the period (working days, or months
with a tolerance for a window), the basis (law, Ofsted's framework or observed usual
practice) and its source. It is data: :func:`ilacs.deadlines.for_inspection` turns a
rule and an inspection into a dated :class:`ilacs.deadlines.Deadline`.

This module knows nothing of packs, inspections or calendars, so that all may import it.
"""

import enum

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.base.text import format_months, format_working_days
from ilacs.errors import ValidationError
from ilacs.frameworks.grades import Grade, Outcome, as_outcome, check_outcome
from ilacs.frameworks.kinds import InspectionKind

__all__ = ["Basis", "DeadlineRule", "Event"]

_RULE_ID = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
# No deadline runs for more than a century: a longer period is a mistake in a pack,
# not a rule (the longest real one is the next-inspection window, 42 months at most).
_LONGEST_MONTHS = 1200
_LONGEST_WORKING_DAYS = 26_000


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

    #: An Act or regulations, binding.
    LAW = "law"
    #: Ofsted's published framework, binding on the authority in practice.
    FRAMEWORK = "framework"
    #: Observed from what Ofsted usually does, a guide and not a duty.
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
    grade_at_least: Outcome | None = attrs.field(
        default=None, converter=as_outcome, validator=v.optional(check_outcome)
    )
    grade_at_most: Outcome | None = attrs.field(
        default=None, converter=as_outcome, validator=v.optional(check_outcome)
    )
    applies_from: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    counts_from: Event = attrs.field(validator=v.instance_of(Event))
    working_days: int | None = attrs.field(
        default=None,
        validator=v.optional([v.instance_of(int), v.at_least(1), v.at_most(_LONGEST_WORKING_DAYS)]),
    )
    months: int | None = attrs.field(
        default=None,
        validator=v.optional([v.instance_of(int), v.at_least(1), v.at_most(_LONGEST_MONTHS)]),
    )
    tolerance_months: int | None = attrs.field(
        default=None,
        validator=v.optional([v.instance_of(int), v.at_least(1), v.at_most(_LONGEST_MONTHS)]),
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
        # Grades compare here; another scale's outcomes compare on the framework's scale.
        if isinstance(low, Grade) and isinstance(high, Grade) and low > high:
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
        """The period in words, such as ``70 working days`` or ``3 years ± 6 months``."""
        if self.working_days is not None:
            return format_working_days(self.working_days)
        text = format_months(self.months or 0)
        if self.tolerance_months is not None:
            text += f" ± {format_months(self.tolerance_months)}"
        return text
