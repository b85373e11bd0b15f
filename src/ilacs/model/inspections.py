"""Inspections and what they find: judgements, improvement areas, priority actions."""

import enum
import re
from typing import Self

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.errors import ValidationError
from ilacs.frameworks.grades import (  # noqa: F401 (Grade: the doctests use it)
    Grade,
    Outcome,
    as_outcome,
    check_outcome,
)
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import IDENTIFIER, Framework
from ilacs.model.authority import LocalAuthority

__all__ = [
    "Fact",
    "Findings",
    "ImprovementArea",
    "Inspection",
    "Judgement",
    "Known",
    "NationalFrameworkTag",
    "TagKind",
]

ITEM_ID = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"
#: An http(s) URL: the scheme, then no white space and no control character.
URL = f"https?://[^{v.WHITE_SPACE}{v.CONTROL}]+"
_TAG = re.compile(
    r"\(?\s*(outcome|enabler|principle)\s+(\d+)\s*,\s*national framework\s*\)?", re.IGNORECASE
)


@attrs.frozen(kw_only=True)
class Judgement:
    """One judgement: a judgement area of the framework and its outcome on the framework's scale.

    The outcome is a :class:`Grade` on Ofsted's four-point scale, or the id of an
    outcome on the framework's own scale (``"positive"`` for an area SEND
    inspection); a grade's value is read as the grade. Whether the outcome is on the
    framework's scale is for :func:`ilacs.validate` to say.

    >>> Judgement(area="leaders", grade=Grade.GOOD)
    Judgement(area='leaders', grade=<Grade.GOOD: 'good'>)
    >>> Judgement(area="leaders", grade="good").grade
    <Grade.GOOD: 'good'>
    >>> Judgement(area="overall", grade="inconsistent").grade
    'inconsistent'
    >>> Judgement(area="leaders", grade="not a grade")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'grade' must be a grade (its value or label) or the snake_case id of an outcome on the framework's scale (got str 'not a grade')
    """

    area: str = attrs.field(
        validator=v.matches(IDENTIFIER, "a judgement area id such as 'leaders'")
    )
    grade: Outcome = attrs.field(converter=as_outcome, validator=check_outcome)


class TagKind(enum.Enum):
    """The kinds of item in the Children's Social Care National Framework."""

    OUTCOME = "outcome"
    ENABLER = "enabler"
    PRINCIPLE = "principle"


@attrs.frozen(kw_only=True)
class NationalFrameworkTag:
    """The tag reports since early 2025 give each improvement item, e.g. "(outcome 3, national framework)".

    >>> tag = NationalFrameworkTag.parse("(outcome 3, national framework)")
    >>> tag
    NationalFrameworkTag(kind=<TagKind.OUTCOME: 'outcome'>, number=3)
    >>> str(tag)
    '(outcome 3, national framework)'
    """

    kind: TagKind = attrs.field(validator=v.instance_of(TagKind))
    number: int = attrs.field(
        validator=[v.instance_of(int), v.at_least(1), v.at_most(v.LARGEST_WHOLE_NUMBER)]
    )

    def __str__(self) -> str:
        return f"({self.kind.value} {self.number}, national framework)"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a tag as reports print it; an error names the text."""
        match = _TAG.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            v.reject(
                "national_framework",
                text,
                "must read like '(outcome 3, national framework)' (outcome, enabler or principle)",
            )
        return cls(kind=TagKind(match.group(1).lower()), number=int(match.group(2)))


@attrs.frozen(kw_only=True)
class ImprovementArea:
    """An item under a report's "What needs to improve", or an area for priority action.

    Attributes:
        id: short and stable within the inspection, so action plans can refer to it.
        text: the report's words.
        judgement_areas: the judgements it bears on, by area id (may be empty).
        national_framework: the report's national framework tag, since early 2025.

    >>> ImprovementArea(id="ia-6", text="The quality of audits to inform practice.").id
    'ia-6'
    """

    id: str = attrs.field(validator=v.matches(ITEM_ID, "a short id such as 'ia-1'"))
    text: str = attrs.field(validator=v.text)
    judgement_areas: tuple[str, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.matches(IDENTIFIER, "a judgement area id")), v.unique(str, "area")],
    )
    national_framework: NationalFrameworkTag | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(NationalFrameworkTag))
    )


_ITEMS = [v.tuple_of(v.text), v.unique(str, "item")]


@attrs.frozen(kw_only=True)
class Findings:
    """What a report or letter found on one judgement area, in its words.

    One type serves reports and letters: a full inspection's report gives
    ``strengths`` and ``weaknesses`` under each judgement; a focused visit's or
    monitoring visit's letter gives its findings the same way (what is working
    well, what is not) and may call some weaknesses "serious weaknesses", which go
    in ``serious_weaknesses``. The formal areas for improvement and areas for
    priority action stay in :attr:`Inspection.improvement_areas` and
    :attr:`Inspection.priority_actions`.

    Attributes:
        area: the judgement area, by id (for a visit, the area it looked at).
        strengths: what the report or letter finds working well.
        weaknesses: what it finds needing to improve.
        serious_weaknesses: what a letter calls a serious weakness.

    >>> findings = Findings(
    ...     area="help_and_protection",
    ...     strengths=("Young people who present as homeless are responded to appropriately.",),
    ...     weaknesses=("The coordination of early help services is underdeveloped.",),
    ... )
    >>> findings.weaknesses
    ('The coordination of early help services is underdeveloped.',)
    >>> Findings(area="leaders", strengths=("",))
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'strengths[0]' must not be empty (got str '')
    """

    area: str = attrs.field(
        validator=v.matches(IDENTIFIER, "a judgement area id such as 'leaders'")
    )
    strengths: tuple[str, ...] = attrs.field(default=(), validator=_ITEMS)
    weaknesses: tuple[str, ...] = attrs.field(default=(), validator=_ITEMS)
    serious_weaknesses: tuple[str, ...] = attrs.field(default=(), validator=_ITEMS)


class Fact(enum.Enum):
    """A fact about an inspection that a source may be silent on.

    Ofsted's statistics give no areas for priority action and no improvement
    areas, and often no last day on site or day of receipt: an
    :class:`Inspection` lists such facts in ``not_known``, so "none" is never
    read where the source said nothing.

    >>> Fact("priority_actions").label
    'areas for priority action'
    """

    PRIORITY_ACTIONS = "priority_actions"
    IMPROVEMENT_AREAS = "improvement_areas"
    REPORT_RECEIVED = "report_received"
    ON_SITE_END = "on_site_end"

    @property
    def label(self) -> str:
        """The fact in words."""
        return _FACT_LABELS[self]


_FACT_LABELS = {
    Fact.PRIORITY_ACTIONS: "areas for priority action",
    Fact.IMPROVEMENT_AREAS: "areas for improvement",
    Fact.REPORT_RECEIVED: "the day the report was received",
    Fact.ON_SITE_END: "the last day on site",
}


_FACTS = {fact.value: fact for fact in Fact}


class Known(enum.Enum):
    """What a record says of a fact: none, these, or not known.

    >>> Known.NOT_KNOWN.value
    'not_known'
    """

    #: The source says there are none (an empty list given as known).
    NONE = "none"
    #: The source gives them (or gives the date).
    THESE = "these"
    #: The source is silent: nothing may be concluded as if there were none.
    NOT_KNOWN = "not_known"


def _by_area(judgement: Judgement) -> str:
    return judgement.area


def _by_findings_area(findings: Findings) -> str:
    return findings.area


def _by_id(item: ImprovementArea) -> str:
    return item.id


def _by_value(fact: Fact) -> str:
    return fact.value


def _framework_in_force(inspection: "Inspection") -> str:
    # Defaults are computed before validators run: check the date first so a bad
    # one is reported as itself, not as a failed framework look-up.
    v.date(inspection, attrs.fields(Inspection).on_site_start, inspection.on_site_start)
    # Each kind belongs to a series (a JTAI to 'jtai', area SEND to 'area-send').
    series = getattr(inspection.kind, "series", frameworks.DEFAULT_SERIES)
    return frameworks.for_date(inspection.on_site_start, series=series).id


@attrs.frozen(kw_only=True)
class Inspection:
    """An inspection or visit of a local authority's children's services.

    The framework version is chosen by the first day of fieldwork when it is not
    given. Dates are ``pendulum.Date``; only the on-site start is required, since
    real data does not always give the rest. Construction rejects what can never
    be right (an on-site end before its start, a judgement given twice);
    :func:`ilacs.validate` reports what is wrong in context.

    Attributes:
        authority: the local authority, as it was at the time.
        kind: standard, short, focused visit, monitoring visit or JTAI.
        on_site_start: the first day on site (the report's first date).
        on_site_end: the last day on site (the report's last date).
        off_site_start: the first day of the off-site week, where known.
        report_received: the day the authority received the report.
        published: the day Ofsted published the report or letter.
        framework: the id of the framework version in force at fieldwork.
        lead_inspector: the lead inspector's name, as the report prints it.
        judgements: the graded judgements, in any order.
        improvement_areas: the report's "What needs to improve".
        priority_actions: areas for priority action (focused visits, JTAIs).
        topic: the theme of a focused visit or JTAI.
        source_url: where the report is published.
        findings: the strengths and weaknesses per judgement area (see
            :class:`Findings`), at most one entry per area.
        not_known: the facts the source is silent on (see :class:`Fact`): an
            empty ``priority_actions`` with :attr:`Fact.PRIORITY_ACTIONS` listed here
            is "not known", not "none". A date that is None is not known whether or
            not it is listed. Ask :meth:`known` rather than reading the list.

    >>> import pendulum
    >>> from ilacs import LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Haringey", urn=80498),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ...     on_site_end=pendulum.date(2018, 11, 9),
    ...     judgements=(Judgement(area="leaders", grade=Grade.REQUIRES_IMPROVEMENT),),
    ... )
    >>> inspection.framework
    'ilacs-2018'
    >>> inspection.grade("leaders")
    <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
    """

    authority: LocalAuthority = attrs.field(validator=v.instance_of(LocalAuthority))
    kind: InspectionKind = attrs.field(validator=v.instance_of(InspectionKind))
    on_site_start: pendulum.Date = attrs.field(validator=v.date)
    on_site_end: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    off_site_start: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    report_received: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    published: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    framework: str = attrs.field(
        default=attrs.Factory(_framework_in_force, takes_self=True),
        validator=v.matches(
            r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", "a framework id such as 'ilacs-2018'"
        ),
    )
    lead_inspector: str | None = attrs.field(default=None, validator=v.optional(v.text))
    judgements: tuple[Judgement, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Judgement)), v.unique(_by_area, "judgement area")],
    )
    improvement_areas: tuple[ImprovementArea, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(ImprovementArea)), v.unique(_by_id, "id")],
    )
    priority_actions: tuple[ImprovementArea, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(ImprovementArea)), v.unique(_by_id, "id")],
    )
    topic: str | None = attrs.field(default=None, validator=v.optional(v.text))
    source_url: str | None = attrs.field(
        default=None, validator=v.optional(v.matches(URL, "an http(s) URL"))
    )
    findings: tuple[Findings, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Findings)), v.unique(_by_findings_area, "area")],
    )
    not_known: tuple[Fact, ...] = attrs.field(
        default=(),
        validator=[v.tuple_of(v.instance_of(Fact)), v.unique(_by_value, "fact")],
    )

    def __attrs_post_init__(self) -> None:
        if self.on_site_end is not None and self.on_site_end < self.on_site_start:
            msg = (
                f"'on_site_end' must not be before the on-site start {self.on_site_start}"
                f" (got {self.on_site_end})"
            )
            raise ValidationError(msg, field="on_site_end", value=self.on_site_end)
        if self.off_site_start is not None and self.off_site_start > self.on_site_start:
            msg = (
                f"'off_site_start' must not be after the on-site start {self.on_site_start}"
                f" (got {self.off_site_start})"
            )
            raise ValidationError(msg, field="off_site_start", value=self.off_site_start)
        ids = {item.id for item in self.improvement_areas}
        shared = sorted(ids.intersection(item.id for item in self.priority_actions))
        if shared:
            msg = (
                "an id names either an improvement area or a priority action, not both"
                f" (got {', '.join(map(repr, shared))})"
            )
            raise ValidationError(msg, field="priority_actions", value=shared)
        for fact in self.not_known:
            given = getattr(self, fact.value)
            if given is not None and given != ():
                msg = (
                    f"'not_known' must not list {fact.value!r}, which is given"
                    f" ({fact.label} cannot be both given and not known)"
                )
                raise ValidationError(msg, field="not_known", value=fact)

    def __repr__(self) -> str:
        return (
            f"Inspection({self.authority.name!r}, {self.kind.value},"
            f" {self.on_site_start}..{self.on_site_end or ''}, framework={self.framework!r},"
            f" judgements={len(self.judgements)}, improvement_areas={len(self.improvement_areas)})"
        )

    def known(self, fact: Fact | str) -> Known:
        """What this record says of ``fact``: none, these, or not known.

        A list is "none" when empty and not listed in ``not_known``; a date is
        "these" when given and "not known" otherwise (a report is always received,
        an inspection always has a last day).

        >>> import pendulum
        >>> from ilacs import LocalAuthority
        >>> visit = Inspection(
        ...     authority=LocalAuthority(name="Haringey"),
        ...     kind=InspectionKind.FOCUSED_VISIT,
        ...     on_site_start=pendulum.date(2025, 2, 4),
        ...     not_known=(Fact.PRIORITY_ACTIONS,),
        ... )
        >>> visit.known("priority_actions")
        <Known.NOT_KNOWN: 'not_known'>
        >>> attrs.evolve(visit, not_known=()).known(Fact.PRIORITY_ACTIONS)
        <Known.NONE: 'none'>
        """
        found = (
            fact if isinstance(fact, Fact) else _FACTS.get(fact) if isinstance(fact, str) else None
        )
        if found is None:
            known = ", ".join(repr(item.value) for item in Fact)
            v.reject("fact", fact, f"must be one of {known}")
        fact = found
        value = getattr(self, fact.value)
        if value is None or (fact in self.not_known and value == ()):
            return Known.NOT_KNOWN
        return Known.THESE if value != () else Known.NONE

    def framework_pack(self) -> Framework:
        """The framework version this inspection names, from :mod:`ilacs.frameworks`."""
        return frameworks.get(self.framework)

    def grade(self, area: str) -> Outcome | None:
        """The grade (outcome) given for a judgement area, or None where there is none."""
        for judgement in self.judgements:
            if judgement.area == area:
                return judgement.grade
        return None

    @property
    def grades(self) -> dict[str, Outcome]:
        """The judgements as a mapping from area id to grade."""
        return {judgement.area: judgement.grade for judgement in self.judgements}

    @property
    def is_graded(self) -> bool:
        """True when the inspection gave judgements."""
        return bool(self.judgements)

    def judgement_table(self) -> tuple[tuple[str, str], ...]:
        """The judgement table as the report prints it: (label, grade label) rows.

        Rows follow the framework's order and wording; an area the framework does not
        have is shown by its id, so nothing given is hidden.
        """
        framework = self.framework_pack()
        grades = self.grades
        rows = [
            (area.label, framework.grade_scale.label(grades.pop(area.id)))
            for area in framework.judgement_areas
            if area.id in grades
        ]
        rows.extend((area, framework.grade_scale.wording(grade)) for area, grade in grades.items())
        return tuple(rows)
