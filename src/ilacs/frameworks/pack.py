"""Framework versions as values: grade scales, judgement areas and inspection kinds.

The framework packs in ``ilacs/frameworks/builtin/`` are documents of these classes; see
:mod:`ilacs.frameworks` for the registry that loads them.
"""

import enum
import re
from collections.abc import Iterable

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.errors import ValidationError
from ilacs.frameworks.deadline_rules import DeadlineRule
from ilacs.frameworks.grades import (
    Grade,
    Outcome,
    ScaleKind,
    as_outcome,
    check_outcome,
    outcome_value,
    to_outcome,
)
from ilacs.frameworks.grading_rules import Rule, check_rules
from ilacs.frameworks.kinds import InspectionKind

__all__ = [
    "AreaRole",
    "Framework",
    "GradeLabel",
    "GradeScale",
    "JudgementArea",
    "KindInUse",
    "ScaleKind",
    "Source",
    "to_outcome",
    "traced_areas",
]

IDENTIFIER = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
FRAMEWORK_ID = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_SPACES = re.compile(r"\s+")


def _label_key(label: str) -> str:
    return _SPACES.sub(" ", label.strip()).casefold()


class AreaRole(enum.Enum):
    """What a judgement area stands for in the grading rules.

    >>> AreaRole.PRACTICE.value
    'practice'
    """

    #: Overall effectiveness: aggregated from the others.
    OVERALL = "overall"
    #: The impact of leaders (SIF: leadership, management and governance).
    LEADERSHIP = "leadership"
    #: A judgement on the experiences and progress of a group of children.
    PRACTICE = "practice"


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact in a framework pack comes from.

    >>> Source(title="Inspecting local authority children's services", published=None).title
    "Inspecting local authority children's services"
    """

    title: str = attrs.field(validator=v.text)
    url: str | None = attrs.field(default=None, validator=v.optional(v.text))
    published: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))


@attrs.frozen(kw_only=True)
class GradeLabel:
    """How a framework prints one outcome of its scale, and the other spellings it accepts.

    ``grade`` is a :class:`Grade` on Ofsted's four-point scale, or the snake_case id
    of an outcome of the framework's own scale.

    >>> GradeLabel(grade=Grade.GOOD, label="Good").label
    'Good'
    >>> GradeLabel(grade="positive", label="Positive experiences and outcomes").grade
    'positive'
    """

    grade: Outcome = attrs.field(converter=as_outcome, validator=check_outcome)
    label: str = attrs.field(validator=v.text)
    variants: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    description: str | None = attrs.field(default=None, validator=v.optional(v.text))


@attrs.frozen(kw_only=True)
class GradeScale:
    """A framework's outcome scale: its outcomes (best first when ordered), each with its label.

    ``kind`` says what the outcomes are: ``ordered`` (best first, as Ofsted's four
    grades), ``unordered`` (a set that rules may not compare), ``finding`` (a yes/no
    finding, the better outcome first) or ``ungraded`` (no outcome at all). Ofsted's
    four-point packs list :class:`Grade` members; any other scale lists its own ids.

    >>> from ilacs import frameworks
    >>> scale = frameworks.get("sif-2013").grade_scale
    >>> scale.label(Grade.REQUIRES_IMPROVEMENT)
    'Requires improvement'
    >>> scale.parse("requires improvement")
    <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
    >>> send = frameworks.get("area-send-2023").grade_scale
    >>> send.parse("Inconsistent experiences and outcomes")
    'inconsistent'
    >>> send.is_better("positive", "inconsistent")
    True
    """

    id: str = attrs.field(validator=v.matches(FRAMEWORK_ID, "a lower-case id such as 'ofsted-4'"))
    name: str = attrs.field(validator=v.text)
    kind: ScaleKind = attrs.field(default=ScaleKind.ORDERED, validator=v.instance_of(ScaleKind))
    grades: tuple[GradeLabel, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(GradeLabel)), v.unique(lambda g: g.grade, "grade")]
    )

    def __attrs_post_init__(self) -> None:
        order = [label.grade for label in self.grades]
        if self.kind is ScaleKind.UNGRADED:
            if order:
                msg = f"an 'ungraded' scale lists no outcomes (got {order})"
                raise ValidationError(msg, field="grades", value=order)
            return
        if not order:
            msg = f"a {self.kind.value!r} scale lists at least one outcome"
            raise ValidationError(msg, field="grades", value=order)
        if self.kind is ScaleKind.FINDING and len(order) != 2:
            msg = f"a 'finding' scale lists two outcomes, not found then found (got {order})"
            raise ValidationError(msg, field="grades", value=order)
        grades = [grade for grade in order if isinstance(grade, Grade)]
        if self.kind is ScaleKind.ORDERED and grades != sorted(grades, reverse=True):
            msg = f"'grades' must list the scale's grades best first (got {order})"
            raise ValidationError(msg, field="grades", value=order)

    def label(self, grade: Outcome) -> str:
        """The label this scale prints for an outcome; an error if it is not on the scale."""
        for entry in self.grades:
            if entry.grade == grade:
                return entry.label
        msg = f"{outcome_value(grade)!r} is not on the grade scale {self.id!r}"
        raise ValidationError(msg, field="grade", value=grade)

    def wording(self, grade: Outcome) -> str:
        """The label this scale prints for an outcome, or its own wording if the scale lacks it.

        For explanations, which must not fail on a grade recorded in error.

        >>> from ilacs import frameworks
        >>> frameworks.get("sif-2013").grade_scale.wording(Grade.REQUIRES_IMPROVEMENT)
        'Requires improvement'
        """
        for entry in self.grades:
            if entry.grade == grade:
                return entry.label
        return grade.label if isinstance(grade, Grade) else grade

    @property
    def members(self) -> tuple[Outcome, ...]:
        """The outcomes of this scale, best first where the scale is ordered."""
        return tuple(entry.grade for entry in self.grades)

    def rank(self, grade: Outcome) -> int:
        """The outcome's position, 0 for the worst: only for ordered scales and findings.

        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2018").grade_scale.rank(Grade.OUTSTANDING)
        3
        """
        if not self.kind.is_ordered:
            msg = f"the outcomes of the {self.kind.value} scale {self.id!r} have no order"
            raise ValidationError(msg, field="grade", value=grade)
        members = self.members
        if grade not in members:
            self.label(grade)
        return len(members) - 1 - members.index(grade)

    def is_better(self, grade: Outcome, other: Outcome) -> bool:
        """Whether ``grade`` is better than ``other`` on this (ordered) scale."""
        return self.rank(grade) > self.rank(other)

    def parse(self, text: str) -> Outcome:
        """Read an outcome by this scale's labels, variants and ids, then Ofsted's usual spellings."""
        key = _label_key(text)
        for entry in self.grades:
            names = {_label_key(entry.label), *map(_label_key, entry.variants)}
            if key in names or key == _label_key(outcome_value(entry.grade)):
                return entry.grade
        grade = Grade.parse(text)
        if grade not in self.members:
            self.label(grade)
        return grade


@attrs.frozen(kw_only=True)
class JudgementArea:
    """One judgement a framework makes, with the exact label its reports print.

    ``continues`` names the areas of the previous version of the framework (in its
    series) that this area carries on, so that a judgement can be followed across
    versions by data rather than by labels: an area split in two names the area it
    came from in each of the two; an area made of two names both (the first named is
    the one the national picture counts). An empty ``continues`` means the area of
    the same id, if the previous version has one. ``counts_continued`` says whether
    the national picture counts the continued areas' grades as grades of this one,
    as Ofsted's statistics do for children in care but not for care leavers (whose
    2018 judgement was combined with children in care).

    Attributes:
        id: a snake_case id, unique within the framework.
        label: the label reports print.
        variants: other spellings of the label that importers read.
        role: what the area stands for in the grading rules.
        parent: the area this one is a sub-judgement of, if any.
        description: what the area covers, in the framework's words.
        continues: the ids of the areas of the previous version in the series that
            this area carries on (both, for a merge; the one it came from, for each
            area of a split); empty means the area of the same id, if any.
        counts_continued: whether the national picture counts the grades of the
            areas it continues as grades of this one (true unless given).

    >>> from ilacs import frameworks
    >>> area = frameworks.get("ilacs-2023").area("care_leavers")
    >>> area.label
    'The experiences and progress of care leavers'
    >>> area.is_practice
    True
    >>> area.continues, area.counts_continued
    (('children_in_care_and_care_leavers',), False)
    """

    id: str = attrs.field(validator=v.matches(IDENTIFIER, "a snake_case id such as 'leaders'"))
    label: str = attrs.field(validator=v.text)
    variants: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    role: AreaRole = attrs.field(validator=v.instance_of(AreaRole))
    parent: str | None = attrs.field(
        default=None, validator=v.optional(v.matches(IDENTIFIER, "a snake_case id"))
    )
    description: str | None = attrs.field(default=None, validator=v.optional(v.text))
    continues: tuple[str, ...] = attrs.field(
        default=(),
        validator=[
            v.tuple_of(v.matches(IDENTIFIER, "a snake_case id")),
            v.unique(lambda area_id: area_id, "continued area id"),
        ],
    )
    counts_continued: bool = attrs.field(default=True, validator=v.instance_of(bool))

    @property
    def is_practice(self) -> bool:
        """Whether it is a practice judgement (every judgement except leaders and overall)."""
        return self.role is AreaRole.PRACTICE

    def matches(self, label: str) -> bool:
        """True when ``label`` is this area's label or a variant, ignoring case and spacing.

        >>> from ilacs import frameworks
        >>> leaders = frameworks.get("ilacs-2026").area("leaders")
        >>> leaders.matches("The impact of leaders on practice with children and families")
        True
        """
        key = _label_key(label)
        return key == _label_key(self.label) or key in map(_label_key, self.variants)


@attrs.frozen(kw_only=True)
class KindInUse:
    """An inspection kind as one framework uses it.

    >>> KindInUse(kind=InspectionKind.SHORT, label="Short inspection", graded=True).graded
    True
    """

    kind: InspectionKind = attrs.field(validator=v.instance_of(InspectionKind))
    label: str = attrs.field(validator=v.text)
    graded: bool = attrs.field(validator=v.instance_of(bool))
    description: str | None = attrs.field(default=None, validator=v.optional(v.text))


def _by_id(area: JudgementArea) -> str:
    return area.id


def _by_kind(kind: KindInUse) -> InspectionKind:
    return kind.kind


@attrs.frozen(kw_only=True)
class Framework:
    """A version of an inspection framework, as data.

    Built-in versions live in :mod:`ilacs.frameworks`; a user may register more.

    >>> from ilacs import frameworks
    >>> framework = frameworks.get("ilacs-2018")
    >>> framework
    Framework(id='ilacs-2018', in_force=2018-01-01..2022-12-31, areas=4)
    >>> [area.id for area in framework.judgement_areas]
    ['leaders', 'help_and_protection', 'children_in_care_and_care_leavers', 'overall_effectiveness']
    """

    id: str = attrs.field(validator=v.matches(FRAMEWORK_ID, "a lower-case id such as 'ilacs-2018'"))
    series: str = attrs.field(
        validator=v.matches(FRAMEWORK_ID, "a lower-case id such as 'ofsted-childrens-services'")
    )
    name: str = attrs.field(validator=v.text)
    summary: str = attrs.field(validator=v.text)
    in_force_from: pendulum.Date = attrs.field(validator=v.date)
    in_force_until: pendulum.Date | None = attrs.field(validator=v.optional(v.date))
    grade_scale: GradeScale = attrs.field(validator=v.instance_of(GradeScale))
    judgement_areas: tuple[JudgementArea, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(JudgementArea)), v.unique(_by_id, "area id")]
    )
    inspection_kinds: tuple[KindInUse, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(KindInUse)), v.unique(_by_kind, "inspection kind")]
    )
    rules: tuple[Rule, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Rule)), v.unique(lambda rule: rule.code, "rule code")],
    )
    sources: tuple[Source, ...] = attrs.field(validator=v.tuple_of(v.instance_of(Source)))
    notes: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    deadlines: tuple[DeadlineRule, ...] = attrs.field(
        default=(),
        validator=[
            v.tuple_of(v.instance_of(DeadlineRule)),
            v.unique(lambda rule: rule.id, "deadline rule id"),
        ],
    )

    def __attrs_post_init__(self) -> None:
        if self.in_force_until is not None and self.in_force_until < self.in_force_from:
            msg = (
                f"'in_force_until' must not be before 'in_force_from' {self.in_force_from}"
                f" (got {self.in_force_until})"
            )
            raise ValidationError(msg, field="in_force_until", value=self.in_force_until)
        ids = {area.id for area in self.judgement_areas}
        for area in self.judgement_areas:
            if area.parent is not None and area.parent not in ids:
                msg = (
                    f"judgement area {area.id!r} names parent {area.parent!r},"
                    " which is not a judgement area of this framework"
                )
                raise ValidationError(msg, field="judgement_areas", value=area.parent)
        if sum(area.role is AreaRole.OVERALL for area in self.judgement_areas) > 1:
            msg = "a framework has at most one overall judgement area"
            raise ValidationError(msg, field="judgement_areas", value=self.judgement_areas)
        check_rules(self.rules, {area.id: area.role.value for area in self.judgement_areas})
        self._check_outcomes()

    def _check_outcomes(self) -> None:
        """Rules and deadlines name only outcomes of the scale, and rules need an order."""
        scale = self.grade_scale
        if self.rules and not scale.kind.is_ordered:
            msg = (
                f"framework {self.id!r} has grading rules, which compare outcomes, but its"
                f" scale {scale.id!r} is {scale.kind.value}"
            )
            raise ValidationError(msg, field="rules", value=scale.kind.value)
        named: list[tuple[str, str, Outcome | None]] = []
        for rule in self.rules:
            for limit in rule.limits:
                named.append(("rules", f"rule {rule.code!r}", limit.bound))
                named.extend(("rules", f"rule {rule.code!r}", c.grade) for c in limit.when)
        for deadline in self.deadlines:
            where = f"deadline rule {deadline.id!r}"
            named.append(("deadlines", where, deadline.grade_at_least))
            named.append(("deadlines", where, deadline.grade_at_most))
        members = scale.members
        for field, where, outcome in named:
            if outcome is not None and outcome not in members:
                msg = (
                    f"{where} of framework {self.id!r} names {outcome_value(outcome)!r},"
                    f" which is not on its scale {scale.id!r}"
                    f" ({', '.join(map(outcome_value, members)) or 'no outcomes'})"
                )
                raise ValidationError(msg, field=field, value=outcome)

    def __repr__(self) -> str:
        until = self.in_force_until or ""
        return (
            f"Framework(id={self.id!r}, in_force={self.in_force_from}..{until},"
            f" areas={len(self.judgement_areas)})"
        )

    def is_in_force(self, day: pendulum.Date) -> bool:
        """True when ``day`` falls within the period this version was in force.

        >>> import pendulum
        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2018").is_in_force(pendulum.date(2022, 12, 5))
        True
        """
        return self.in_force_from <= day and (
            self.in_force_until is None or day <= self.in_force_until
        )

    @property
    def area_ids(self) -> tuple[str, ...]:
        """The ids of the judgement areas, in the order reports print them."""
        return tuple(area.id for area in self.judgement_areas)

    @property
    def area_roles(self) -> dict[str, str]:
        """Each area id with its role's value, in report order: what grading rules name.

        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2026").area_roles["leaders"]
        'leadership'
        """
        return {area.id: area.role.value for area in self.judgement_areas}

    def area(self, area_id: str) -> JudgementArea:
        """The judgement area with this id; an error lists the ones the framework has."""
        for area in self.judgement_areas:
            if area.id == area_id:
                return area
        msg = (
            f"framework {self.id!r} has no judgement area {area_id!r}"
            f" (it has {', '.join(self.area_ids)})"
        )
        raise ValidationError(msg, field="area", value=area_id)

    def area_for_label(self, label: str) -> JudgementArea:
        """The judgement area a report's label (or an accepted variant) names.

        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2018").area_for_label("OVERALL EFFECTIVENESS").id
        'overall_effectiveness'
        """
        for area in self.judgement_areas:
            if area.matches(label):
                return area
        msg = f"framework {self.id!r} has no judgement area labelled {label!r}"
        raise ValidationError(msg, field="area", value=label)

    @property
    def overall_area(self) -> JudgementArea | None:
        """The overall effectiveness judgement, or None where the framework has none."""
        return next((a for a in self.judgement_areas if a.role is AreaRole.OVERALL), None)

    @property
    def practice_areas(self) -> tuple[JudgementArea, ...]:
        """The practice judgements (every judgement except leaders and overall)."""
        return tuple(area for area in self.judgement_areas if area.is_practice)

    def check_continues(self, previous: "Framework") -> None:
        """Check that the areas this version continues are areas of ``previous``.

        ``previous`` is the version before this one in its series. Each id an area
        names in ``continues`` must be the id of one of ``previous``'s judgement
        areas; an error names the area, the id and the areas ``previous`` has.

        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2023").check_continues(frameworks.get("ilacs-2018"))
        >>> frameworks.get("ilacs-2023").check_continues(frameworks.get("sif-2013"))
        Traceback (most recent call last):
        ...
        ilacs.errors.ValidationError: judgement area 'leaders' of framework 'ilacs-2023' continues 'leaders', which is not a judgement area of the previous version 'sif-2013' (it has help_and_protection, looked_after_and_permanence, adoption_performance, care_leavers, leadership, overall_effectiveness)
        """
        ids = previous.area_ids
        for area in self.judgement_areas:
            for continued in area.continues:
                if continued not in ids:
                    msg = (
                        f"judgement area {area.id!r} of framework {self.id!r} continues"
                        f" {continued!r}, which is not a judgement area of the previous"
                        f" version {previous.id!r} (it has {', '.join(ids)})"
                    )
                    raise ValidationError(msg, field="continues", value=continued)

    def continued(self, area_id: str, previous: "Framework") -> tuple[str, ...]:
        """The areas of ``previous`` that this version's area ``area_id`` carries on.

        Those the area names in ``continues``, or else the area of the same id if
        ``previous`` has one; an area this version does not have continues nothing.

        >>> from ilacs import frameworks
        >>> frameworks.get("ilacs-2023").continued("care_leavers", frameworks.get("ilacs-2018"))
        ('children_in_care_and_care_leavers',)
        """
        if area_id not in self.area_ids:
            return ()
        area = self.area(area_id)
        if area.continues:
            return area.continues
        return (area_id,) if area_id in previous.area_ids else ()

    def kind(self, kind: InspectionKind) -> KindInUse:
        """How this framework uses an inspection kind; an error if it does not."""
        for entry in self.inspection_kinds:
            if entry.kind is kind:
                return entry
        used = ", ".join(entry.kind.value for entry in self.inspection_kinds)
        msg = f"framework {self.id!r} has no {kind.value!r} inspections (it has {used})"
        raise ValidationError(msg, field="kind", value=kind)

    def graded_kinds(self) -> tuple[InspectionKind, ...]:
        """The inspection kinds that give judgements under this framework."""
        return tuple(entry.kind for entry in self.inspection_kinds if entry.graded)


def traced_areas(
    area_id: str, versions: Iterable[Framework], framework_id: str, *, counted: bool = False
) -> tuple[tuple[str, bool], ...]:
    """The areas of version ``framework_id`` that ``area_id`` carries on, by the packs' data.

    ``versions`` are the versions of one series. The trace starts at the newest
    version that has ``area_id`` and follows each area's ``continues`` back, one
    version at a time, to ``framework_id``. Each area found comes with whether it was
    combined: whether more than one area of the version after it carries it on (the
    2018 judgement on children in care and care leavers, split in two from 2023).
    With ``counted``, the trace is the national picture's: it stops at an area that
    does not count the areas it continues, and follows only the first of a merge.
    Empty when ``framework_id`` is not among ``versions`` or is newer than the start.

    >>> from ilacs import frameworks
    >>> traced_areas("care_leavers", frameworks.all(), "ilacs-2018")
    (('children_in_care_and_care_leavers', True),)
    >>> traced_areas("care_leavers", frameworks.all(), "ilacs-2018", counted=True)
    ()
    """
    ordered = sorted(versions, key=lambda version: (version.in_force_from, version.id))
    target = next((i for i, version in enumerate(ordered) if version.id == framework_id), None)
    if target is None:
        return ()
    series = ordered[target].series
    ordered = [version for version in ordered if version.series == series]
    target = next(i for i, version in enumerate(ordered) if version.id == framework_id)
    start = max((i for i, version in enumerate(ordered) if area_id in version.area_ids), default=-1)
    if start < target:
        return ()
    current: tuple[str, ...] = (area_id,)
    for index in range(start, target, -1):
        newer, older = ordered[index], ordered[index - 1]
        found: dict[str, None] = {}
        for area in current:
            if counted and not newer.area(area).counts_continued:
                continue
            continued = newer.continued(area, older)
            found.update(dict.fromkeys(continued[:1] if counted else continued))
        current = tuple(found)
    if target + 1 == len(ordered):
        return tuple((area, False) for area in current)
    after = ordered[target + 1]
    return tuple(
        (area, sum(area in after.continued(other, ordered[target]) for other in after.area_ids) > 1)
        for area in current
    )
