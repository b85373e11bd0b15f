"""Framework versions as values: grade scales, judgement areas and inspection kinds.

The framework packs in ``ilacs/frameworks/builtin/`` are documents of these classes; see
:mod:`ilacs.frameworks` for the registry that loads them.
"""

import enum
import re

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.errors import ValidationError
from ilacs.frameworks.deadline_rules import DeadlineRule
from ilacs.frameworks.grades import Grade
from ilacs.frameworks.grading_rules import Rule, check_rules
from ilacs.frameworks.kinds import InspectionKind

__all__ = [
    "AreaRole",
    "Framework",
    "GradeLabel",
    "GradeScale",
    "JudgementArea",
    "KindInUse",
    "Source",
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
    """How a framework prints one grade, and the other spellings it accepts.

    >>> GradeLabel(grade=Grade.GOOD, label="Good").label
    'Good'
    """

    grade: Grade = attrs.field(validator=v.instance_of(Grade))
    label: str = attrs.field(validator=v.text)
    variants: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))


@attrs.frozen(kw_only=True)
class GradeScale:
    """A framework's grade scale: its grades best first, each with its printed label.

    >>> from ilacs import frameworks
    >>> scale = frameworks.get("sif-2013").grade_scale
    >>> scale.label(Grade.REQUIRES_IMPROVEMENT)
    'Requires improvement'
    >>> scale.parse("requires improvement")
    <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
    """

    id: str = attrs.field(validator=v.matches(FRAMEWORK_ID, "a lower-case id such as 'ofsted-4'"))
    name: str = attrs.field(validator=v.text)
    grades: tuple[GradeLabel, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(GradeLabel)), v.unique(lambda g: g.grade, "grade")]
    )

    @grades.validator
    def _best_first(self, _: "attrs.Attribute[object]", grades: tuple[GradeLabel, ...]) -> None:
        order = [label.grade for label in grades]
        if not order or order != sorted(order, reverse=True):
            msg = f"'grades' must list the scale's grades best first (got {order})"
            raise ValidationError(msg, field="grades", value=order)

    def label(self, grade: Grade) -> str:
        """The label this scale prints for ``grade``."""
        for entry in self.grades:
            if entry.grade is grade:
                return entry.label
        msg = f"{grade.label!r} is not on the grade scale {self.id!r}"
        raise ValidationError(msg, field="grade", value=grade)

    def wording(self, grade: Grade) -> str:
        """The label this scale prints for ``grade``, or Ofsted's label if the scale lacks it.

        For explanations, which must not fail on a grade recorded in error.

        >>> from ilacs import frameworks
        >>> frameworks.get("sif-2013").grade_scale.wording(Grade.REQUIRES_IMPROVEMENT)
        'Requires improvement'
        """
        for entry in self.grades:
            if entry.grade is grade:
                return entry.label
        return grade.label

    @property
    def members(self) -> tuple[Grade, ...]:
        """The grades of this scale, best first."""
        return tuple(entry.grade for entry in self.grades)

    def parse(self, text: str) -> Grade:
        """Read a grade by this scale's labels and variants, then Ofsted's usual spellings."""
        key = _label_key(text)
        for entry in self.grades:
            if key in {_label_key(entry.label), *map(_label_key, entry.variants)}:
                return entry.grade
        grade = Grade.parse(text)
        if grade not in self.members:
            self.label(grade)
        return grade


@attrs.frozen(kw_only=True)
class JudgementArea:
    """One judgement a framework makes, with the exact label its reports print.

    >>> from ilacs import frameworks
    >>> area = frameworks.get("ilacs-2023").area("care_leavers")
    >>> area.label
    'The experiences and progress of care leavers'
    >>> area.is_practice
    True
    """

    id: str = attrs.field(validator=v.matches(IDENTIFIER, "a snake_case id such as 'leaders'"))
    label: str = attrs.field(validator=v.text)
    variants: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    role: AreaRole = attrs.field(validator=v.instance_of(AreaRole))
    parent: str | None = attrs.field(
        default=None, validator=v.optional(v.matches(IDENTIFIER, "a snake_case id"))
    )
    description: str | None = attrs.field(default=None, validator=v.optional(v.text))

    @property
    def is_practice(self) -> bool:
        """True for a practice judgement: every judgement except leaders and overall."""
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
        """The practice judgements: every judgement except leaders and overall."""
        return tuple(area for area in self.judgement_areas if area.is_practice)

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
