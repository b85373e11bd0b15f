"""Hypothesis strategies for every public ilacs type, for your own property tests.

Values are valid by construction: an inspection's dates fall in its framework's
period and in order, its judgements are areas of its framework, and so on.

>>> from hypothesis import given
>>> from ilacs import strategies
>>> @given(strategies.inspections(graded=True))
... def test_graded_inspections_have_judgements(inspection):
...     assert inspection.judgements
>>> test_graded_inspections_have_judgements()
"""

import datetime
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from ilacs import frameworks
from ilacs.base.codes import CODES
from ilacs.errors import IlacsError
from ilacs.frameworks.deadline_rules import DeadlineRule
from ilacs.frameworks.grades import Grade, Outcome, ScaleKind
from ilacs.frameworks.grading_rules import Condition, Limit, Rule, Shape, Strength
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import (
    AreaRole,
    Framework,
    GradeLabel,
    GradeScale,
    JudgementArea,
    KindInUse,
    Source,
)
from ilacs.model.action_plans import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
    StatusChange,
)
from ilacs.model.authorities import AuthorityRecord, records
from ilacs.model.authority import LocalAuthority
from ilacs.model.history import Intervention, InterventionKind
from ilacs.model.inspections import (
    Fact,
    Findings,
    ImprovementArea,
    Inspection,
    Judgement,
    NationalFrameworkTag,
    TagKind,
)
from ilacs.reasoning.deadlines import Deadline, for_inspection
from ilacs.reasoning.history import (
    GapDistribution,
    History,
    NextInspection,
    TrajectoryPoint,
    observed_gaps,
)
from ilacs.reasoning.national import Distribution, distribution
from ilacs.reasoning.validation import Finding, ValidationReport

__all__ = [
    "action_plans",
    "actions",
    "authority_records",
    "dates",
    "deadline_rules",
    "deadlines",
    "distributions",
    "findings",
    "framework_ids",
    "framework_packs",
    "frameworks_",
    "gap_distributions",
    "grades",
    "grading_rules",
    "histories",
    "improvement_areas",
    "inspections",
    "interventions",
    "judgement_areas",
    "judgement_findings",
    "judgements",
    "local_authorities",
    "measures",
    "milestones",
    "national_framework_tags",
    "next_inspections",
    "observations",
    "outcome_scales",
    "status_histories",
    "texts",
    "trajectory_points",
    "validation_reports",
]

#: Open-ended frameworks are drawn up to this day.
HORIZON = pendulum.date(2031, 12, 31)
#: Dates are drawn from this day unless told otherwise.
EPOCH = pendulum.date(2000, 1, 1)
_WORD = st.text(alphabet=st.characters(exclude_categories=("C", "Z")), min_size=1, max_size=12)


def texts(*, min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """Non-empty text of any script, with no white space at either end.

    ``min_words`` is at least 1, so the text is never empty.

    >>> from hypothesis import find
    >>> find(texts(), lambda t: " " in t).count(" ") >= 1
    True
    """
    if not 1 <= min_words <= max_words:
        msg = f"texts needs 1 <= min_words <= max_words (got {min_words} and {max_words})"
        raise IlacsError(msg)
    return st.lists(_WORD, min_size=min_words, max_size=max_words).map(" ".join)


def dates(
    *, min_value: pendulum.Date = EPOCH, max_value: pendulum.Date = HORIZON
) -> st.SearchStrategy[pendulum.Date]:
    """``pendulum.Date`` values in a range (never date-times).

    >>> from hypothesis import find
    >>> type(find(dates(), lambda d: True)).__name__
    'Date'
    """
    return st.dates(min_value=min_value, max_value=max_value).map(_to_pendulum)


def _to_pendulum(day: datetime.date) -> pendulum.Date:
    return pendulum.date(day.year, day.month, day.day)


def _later(day: pendulum.Date, most: int) -> st.SearchStrategy[pendulum.Date]:
    return st.integers(0, most).map(lambda days: day.add(days=days))


def grades(scale: Sequence[Outcome] = tuple(Grade)) -> st.SearchStrategy[Outcome]:
    """Grades, from the whole Ofsted scale or the given outcomes of any scale."""
    return st.sampled_from(tuple(scale))


_GRADE_VALUES = frozenset(grade.value for grade in Grade)


def outcome_scales(*, min_size: int = 2, max_size: int = 7) -> st.SearchStrategy[GradeScale]:
    """Ordered outcome scales of the pack's own ids (never a four-point grade's value).

    Each outcome has a distinct label ("Level a") and sometimes a variant; the first
    is the best.
    """
    ids = st.lists(
        st.from_regex(r"\A[a-z][a-z0-9]{0,6}(?:_[a-z0-9]{1,4})?\Z"),
        min_size=min_size,
        max_size=max_size,
        unique=True,
    ).filter(lambda found: not _GRADE_VALUES.intersection(found))

    @st.composite
    def build(draw: st.DrawFn) -> GradeScale:
        outcomes = draw(ids)
        return GradeScale(
            id="trial-scale",
            name=draw(texts(max_words=4)),
            kind=ScaleKind.ORDERED,
            grades=tuple(
                GradeLabel(
                    grade=outcome,
                    label=f"Level {outcome.replace('_', ' ')}",
                    variants=(f"Position {number}",) if draw(st.booleans()) else (),
                )
                for number, outcome in enumerate(outcomes, start=1)
            ),
        )

    return build()


def framework_packs(
    scale: GradeScale | None = None, *, max_practice: int = 4
) -> st.SearchStrategy[Framework]:
    """Framework packs of series ``trial`` on an ordered scale (drawn, or the one given).

    An overall judgement and one to ``max_practice`` practice ones; a "must" rule that
    the overall judgement lies between the best and the worst of the others, and
    sometimes a cap ("if any practice judgement is at or below G, overall is at best
    H"); one graded kind. Register the pack (``frameworks.scoped(pack)``) to use it.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Framework:
        chosen = scale if scale is not None else draw(outcome_scales())
        members = chosen.members
        count = draw(st.integers(min_value=1, max_value=max_practice))
        areas = [
            JudgementArea(id=f"area_{n}", label=f"Area {n}", role=AreaRole.PRACTICE)
            for n in range(1, count + 1)
        ]
        areas.append(JudgementArea(id="overall", label="Overall", role=AreaRole.OVERALL))
        each = Condition(at_least="all", of=("others",), grade=None)
        rules = [
            Rule(
                code="TRIAL-1",
                statement="Overall lies between the best and the worst of the others.",
                strength=Strength.MUST,
                provenance="Generated for a property test.",
                target="overall",
                limits=(
                    Limit(shape=Shape.CAP, when=(each,), bound=None),
                    Limit(shape=Shape.FLOOR, when=(each,), bound=None),
                ),
            )
        ]
        if draw(st.booleans()):
            threshold = draw(st.sampled_from(members))
            bound = draw(st.sampled_from(members))
            at = Condition(at_least=1, of=("practice",), grade=threshold)
            rules.append(
                Rule(
                    code="TRIAL-2",
                    statement="A low practice judgement caps overall.",
                    strength=draw(st.sampled_from(Strength)),
                    provenance="Generated for a property test.",
                    target="overall",
                    limits=(Limit(shape=Shape.CAP, when=(at,), bound=bound),),
                )
            )
        return Framework(
            id="trial-pack",
            series="trial",
            name=draw(texts(max_words=4)),
            summary=draw(texts(max_words=8)),
            in_force_from=pendulum.date(2030, 1, 1),
            in_force_until=None,
            grade_scale=chosen,
            judgement_areas=tuple(areas),
            inspection_kinds=(KindInUse(kind=InspectionKind.STANDARD, label="Full", graded=True),),
            rules=tuple(rules),
            sources=(Source(title="Generated for a property test"),),
        )

    return build()


def frameworks_() -> st.SearchStrategy[Framework]:
    """The registered framework versions.

    Named with a trailing underscore, since :mod:`ilacs.frameworks` is a module.
    """
    return st.sampled_from(frameworks.all())


def framework_ids() -> st.SearchStrategy[str]:
    """The ids of the registered framework versions."""
    return frameworks_().map(lambda framework: framework.id)


def local_authorities() -> st.SearchStrategy[LocalAuthority]:
    """Local authorities with any mix of known and unknown codes."""
    return st.builds(
        LocalAuthority,
        name=texts(max_words=5),
        urn=st.none() | st.integers(min_value=1, max_value=9_999_999),
        dfe_code=st.none() | st.from_regex(r"\A[0-9]{3}\Z"),
        ons_code=st.none() | st.from_regex(r"\A[ENSW][0-9]{8}\Z"),
        region=st.none() | texts(max_words=4),
    )


def judgements(framework: Framework) -> st.SearchStrategy[tuple[Judgement, ...]]:
    """A full set of judgements for a framework: every area, each with a grade of its scale."""
    scale = framework.grade_scale.members
    return st.tuples(
        *(
            st.builds(Judgement, area=st.just(area.id), grade=grades(scale))
            for area in framework.judgement_areas
        )
    )


def national_framework_tags() -> st.SearchStrategy[NationalFrameworkTag]:
    """Tags such as "(outcome 3, national framework)"."""
    return st.builds(
        NationalFrameworkTag,
        kind=st.sampled_from(TagKind),
        number=st.integers(min_value=1, max_value=12),
    )


def improvement_areas(
    framework: Framework, *, prefix: str = "ia", min_size: int = 0, max_size: int = 10
) -> st.SearchStrategy[tuple[ImprovementArea, ...]]:
    """Improvement areas with distinct ids (``ia-1``, ``ia-2``, ...) naming the framework's areas."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[ImprovementArea, ...]:
        count = draw(st.integers(min_value=min_size, max_value=max_size))
        return tuple(
            ImprovementArea(
                id=f"{prefix}-{number}",
                text=draw(texts()),
                judgement_areas=tuple(
                    draw(st.lists(st.sampled_from(framework.area_ids), unique=True, max_size=2))
                )
                if framework.area_ids
                else (),
                national_framework=draw(st.none() | national_framework_tags()),
            )
            for number in range(1, count + 1)
        )

    return build()


def judgement_findings(
    framework: Framework, *, max_size: int = 2
) -> st.SearchStrategy[tuple[Findings, ...]]:
    """Findings on distinct judgement areas of the framework, a few short items each.

    (``findings()`` draws validation findings; these are a report's or letter's.)
    """
    if not framework.area_ids:
        return st.just(())
    items = st.lists(texts(max_words=6), unique=True, max_size=1).map(tuple)
    return st.lists(
        st.builds(
            Findings,
            area=st.sampled_from(framework.area_ids),
            strengths=items,
            weaknesses=items,
            serious_weaknesses=items,
        ),
        unique_by=lambda findings: findings.area,
        max_size=max_size,
    ).map(tuple)


def inspections(
    *, framework: Framework | str | None = None, graded: bool | None = None
) -> st.SearchStrategy[Inspection]:
    """Inspections under any registered framework version (or the one given).

    Dates lie in the framework's period and in order; graded kinds carry a
    judgement for every area of the framework; ``graded`` narrows to graded (True)
    or ungraded (False) kinds.
    """
    if framework is None:
        # Packs with a kind of the wanted sort (a JTAI pack has no graded kind).
        source = st.sampled_from(
            [
                pack
                for pack in frameworks.all()
                if any(graded is None or k.graded is graded for k in pack.inspection_kinds)
            ]
        )
    else:
        source = st.just(frameworks.get(framework) if isinstance(framework, str) else framework)

    @st.composite
    def build(draw: st.DrawFn) -> Inspection:
        pack = draw(source)
        kinds = [k for k in pack.inspection_kinds if graded is None or k.graded is graded]
        kind = draw(st.sampled_from(kinds))
        until = pack.in_force_until or max(HORIZON, pack.in_force_from)
        start = draw(dates(min_value=pack.in_force_from, max_value=until))
        end = draw(st.none() | _later(start, 18))
        last = end or start
        received = draw(st.none() | _later(last, 60))
        published = draw(st.none() | _later(received or last, 20))
        areas = draw(improvement_areas(pack)) if kind.graded else ()
        priority = () if kind.graded else draw(improvement_areas(pack, prefix="apa", max_size=3))
        # A list left empty may be one the source is silent on: "not known", not "none".
        # (A date left out is not known already; listing it too would only stop a
        # test from giving it later.)
        silent = [
            fact
            for fact, given in ((Fact.IMPROVEMENT_AREAS, areas), (Fact.PRIORITY_ACTIONS, priority))
            if not given
        ]
        not_known = tuple(fact for fact in silent if draw(st.booleans()))
        return Inspection(
            framework=pack.id,
            authority=draw(local_authorities()),
            kind=kind.kind,
            off_site_start=draw(
                st.none() | st.integers(0, 7).map(lambda days: start.subtract(days=days))
            ),
            on_site_start=start,
            on_site_end=end,
            report_received=received,
            published=published,
            lead_inspector=draw(st.none() | texts(max_words=4)),
            judgements=draw(judgements(pack)) if kind.graded else (),
            improvement_areas=areas,
            priority_actions=priority,
            topic=None if kind.graded else draw(st.none() | texts(max_words=5)),
            source_url=draw(
                st.none() | st.from_regex(r"\Ahttps://files\.ofsted\.gov\.uk/v1/file/[0-9]{8}\Z")
            ),
            # Kept small: most drawn inspections have none, the rest one or two areas.
            findings=draw(st.just(()) | judgement_findings(pack)),
            not_known=not_known,
        )

    return build()


def _upto(day: pendulum.Date, span: int = 0) -> pendulum.Date:
    # Late inspections end near HORIZON: never draw from an empty range.
    return max(day, HORIZON.subtract(years=span))


_IDS = st.from_regex(r"\A[a-z0-9]{1,8}(?:-[a-z0-9]{1,4})?\Z")


def observations(
    *, min_value: pendulum.Date = EPOCH, max_value: pendulum.Date = HORIZON
) -> st.SearchStrategy[Observation]:
    """A value measured on a day: any finite number, whole or not."""
    return st.builds(
        Observation,
        on=dates(min_value=min_value, max_value=max_value),
        value=st.floats(allow_nan=False, allow_infinity=False, width=32),
    )


def measures(*, min_value: pendulum.Date = EPOCH, max_size: int = 4) -> st.SearchStrategy[Measure]:
    """Measures of success: a baseline, a target on or after it, and observations in order."""

    @st.composite
    def build(draw: st.DrawFn) -> Measure:
        baseline = draw(observations(min_value=min_value, max_value=_upto(min_value, 2)))
        target = draw(observations(min_value=baseline.on, max_value=_upto(baseline.on)))
        days = draw(
            st.lists(
                dates(min_value=baseline.on, max_value=_upto(baseline.on)),
                unique=True,
                max_size=max_size,
            )
        )
        values = draw(
            st.lists(
                st.floats(allow_nan=False, allow_infinity=False, width=32),
                min_size=len(days),
                max_size=len(days),
            )
        )
        return Measure(
            id=draw(_IDS),
            description=draw(texts(max_words=6)),
            unit=draw(st.sampled_from(("%", "days", "children", "cases"))),
            baseline=baseline,
            target=target,
            observations=tuple(
                Observation(on=day, value=value)
                for day, value in zip(sorted(days), values, strict=True)
            ),
        )

    return build()


def milestones(
    *, min_value: pendulum.Date = EPOCH, max_value: pendulum.Date = HORIZON
) -> st.SearchStrategy[Milestone]:
    """Milestones due in a range, done (on any day from their range) or not."""

    @st.composite
    def build(draw: st.DrawFn) -> Milestone:
        due = draw(dates(min_value=min_value, max_value=max_value))
        return Milestone(
            id=draw(_IDS),
            title=draw(texts(max_words=6)),
            due=due,
            completed=draw(st.none() | dates(min_value=min_value, max_value=_upto(min_value))),
        )

    return build()


def status_histories(
    *, min_value: pendulum.Date = EPOCH, max_size: int = 6
) -> st.SearchStrategy[tuple[StatusChange, ...]]:
    """Legal histories: dates in order, statuses forward, any step back a noted setback.

    >>> from hypothesis import find
    >>> history = find(status_histories(), lambda h: any(c.setback for c in h))
    >>> history[-1].setback and history[-1].status < history[-2].status
    True
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[StatusChange, ...]:
        size = draw(st.integers(min_value=0, max_value=max_size))
        day = draw(dates(min_value=min_value, max_value=_upto(min_value, 1)))
        history: list[StatusChange] = []
        for _ in range(size):
            current = history[-1].status if history else None
            forward = [s for s in ActionStatus if current is None or current < s]
            back = [s for s in ActionStatus if current is not None and s < current]
            setback = bool(back) and (not forward or draw(st.booleans()))
            status = draw(st.sampled_from(back if setback else forward))
            history.append(
                StatusChange(
                    on=day,
                    status=status,
                    by=draw(st.none() | texts(max_words=3)),
                    note=draw(texts(max_words=8)) if setback else draw(st.none() | texts()),
                    setback=setback,
                )
            )
            day = day.add(days=draw(st.integers(min_value=0, max_value=60)))
        return tuple(history)

    return build()


def actions(
    *,
    answers: Sequence[str] = (),
    min_value: pendulum.Date = EPOCH,
    max_milestones: int = 4,
    max_measures: int = 2,
) -> st.SearchStrategy[Action]:
    """Actions answering some of ``answers`` (improvement area ids), with legal histories."""

    @st.composite
    def build(draw: st.DrawFn) -> Action:
        return Action(
            id=draw(_IDS),
            title=draw(texts(max_words=8)),
            answers=tuple(draw(st.lists(st.sampled_from(answers), unique=True, max_size=3)))
            if answers
            else (),
            owners=tuple(draw(st.lists(texts(max_words=4), min_size=1, max_size=3, unique=True))),
            due=draw(dates(min_value=min_value, max_value=_upto(min_value))),
            milestones=tuple(
                draw(
                    st.lists(
                        milestones(min_value=min_value, max_value=_upto(min_value)),
                        max_size=max_milestones,
                        unique_by=lambda item: item.id,
                    )
                )
            ),
            measures=tuple(
                draw(
                    st.lists(
                        measures(min_value=min_value),
                        max_size=max_measures,
                        unique_by=lambda item: item.id,
                    )
                )
            ),
            history=draw(status_histories(min_value=min_value)),
        )

    return build()


def action_plans(
    *, inspection: Inspection | None = None, max_actions: int = 8
) -> st.SearchStrategy[ActionPlan]:
    """Action plans answering a graded inspection (drawn, or the one given).

    Actions answer the inspection's improvement areas and priority actions; their
    dates fall after fieldwork ends, and their ids are unique.
    """
    source = st.just(inspection) if inspection is not None else inspections(graded=True)

    @st.composite
    def build(draw: st.DrawFn) -> ActionPlan:
        answered = draw(source)
        start = (answered.on_site_end or answered.on_site_start).add(days=1)
        ids = [item.id for item in (*answered.improvement_areas, *answered.priority_actions)]
        return ActionPlan(
            inspection=answered,
            submitted=draw(st.none() | dates(min_value=start, max_value=_upto(start))),
            horizon=draw(st.none() | dates(min_value=start, max_value=_upto(start))),
            oversight=tuple(draw(st.lists(texts(max_words=4), max_size=3, unique=True))),
            actions=tuple(
                draw(
                    st.lists(
                        actions(answers=ids, min_value=start),
                        max_size=max_actions,
                        unique_by=lambda item: item.id,
                    )
                )
            ),
        )

    return build()


def _packs(framework: Framework | str | None) -> st.SearchStrategy[Framework]:
    """The registered framework versions, or the one given."""
    if framework is None:
        return frameworks_()
    return st.just(frameworks.get(framework) if isinstance(framework, str) else framework)


def judgement_areas(
    *, framework: Framework | str | None = None
) -> st.SearchStrategy[JudgementArea]:
    """The judgement areas of the registered framework versions (or of the one given).

    Versions that judge no area (an ungraded series such as JTAIs) give none.

    >>> from hypothesis import given
    >>> @given(judgement_areas(framework="ilacs-2023"))
    ... def test_an_area_of_the_framework(area):
    ...     assert area.id in frameworks.get("ilacs-2023").area_ids
    >>> test_an_area_of_the_framework()
    """
    return (
        _packs(framework)
        .filter(lambda pack: bool(pack.judgement_areas))
        .flatmap(lambda pack: st.sampled_from(pack.judgement_areas))
    )


def grading_rules(*, framework: Framework | str | None = None) -> st.SearchStrategy[Rule]:
    """The grading rules of the registered framework versions (or of the one given).

    Rules are drawn from the packs, each a rule its framework checks: versions
    without grading rules (``ilacs-2026``) give none.
    """
    return (
        _packs(framework)
        .filter(lambda pack: bool(pack.rules))
        .flatmap(lambda pack: st.sampled_from(pack.rules))
    )


def deadline_rules(*, framework: Framework | str | None = None) -> st.SearchStrategy[DeadlineRule]:
    """The deadline rules of the registered framework versions (or of the one given)."""
    return (
        _packs(framework)
        .filter(lambda pack: bool(pack.deadlines))
        .flatmap(lambda pack: st.sampled_from(pack.deadlines))
    )


def deadlines(*, inspection: Inspection | None = None) -> st.SearchStrategy[Deadline]:
    """A deadline that an inspection (drawn, or the one given) sets, with its rule."""
    source = st.just(inspection) if inspection is not None else inspections()
    return source.map(for_inspection).filter(bool).flatmap(st.sampled_from)


_PATHS = st.lists(
    st.from_regex(r"\A[a-z][a-z_]{0,15}\Z").map(lambda name: f".{name}")
    | st.integers(0, 50).map(lambda index: f"[{index}]"),
    max_size=4,
).map(lambda parts: "$" + "".join(parts))


def findings() -> st.SearchStrategy[Finding]:
    """Findings of the catalogue's codes, each with its code's severity and source."""

    @st.composite
    def build(draw: st.DrawFn) -> Finding:
        code = CODES[draw(st.sampled_from(sorted(CODES)))]
        return Finding(
            code=code.code,
            severity=code.severity,
            path=draw(_PATHS),
            message=draw(texts()),
            source=code.source,
        )

    return build()


def validation_reports(*, max_findings: int = 6) -> st.SearchStrategy[ValidationReport]:
    """Validation reports of up to ``max_findings`` findings, errors or not."""
    return st.lists(findings(), max_size=max_findings).map(
        lambda items: ValidationReport(findings=tuple(items))
    )


def authority_records(*, include_abolished: bool = True) -> st.SearchStrategy[AuthorityRecord]:
    """The registry's records of England's local authorities (abolished ones too unless told)."""
    return st.sampled_from(records(include_abolished=include_abolished))


def distributions(*, max_inspections: int = 6) -> st.SearchStrategy[Distribution]:
    """How the grades of some drawn inspections fall, on one area, as of a drawn day."""

    @st.composite
    def build(draw: st.DrawFn) -> Distribution:
        items = draw(st.lists(inspections(), max_size=max_inspections))
        area = draw(st.sampled_from(("overall_effectiveness", "leaders", "help_and_protection")))
        return distribution(items, as_of=draw(dates()), area=area)

    return build()


def interventions(*, authority: LocalAuthority | None = None) -> st.SearchStrategy[Intervention]:
    """The Department for Education's interventions, dated and sourced (for one authority)."""

    @st.composite
    def build(draw: st.DrawFn) -> Intervention:
        start = draw(dates())
        return Intervention(
            authority=authority if authority is not None else draw(local_authorities()),
            kind=draw(st.sampled_from(tuple(InterventionKind))),
            start=start,
            end=draw(st.none() | _later(start, 2000)),
            source=draw(texts()),
            note=draw(st.none() | texts()),
        )

    return build()


def histories(
    *, min_inspections: int = 0, max_inspections: int = 4, graded: bool | None = None
) -> st.SearchStrategy[History]:
    """One authority's history: drawn inspections (and interventions) of one authority.

    ``graded`` narrows the inspections to graded (True) or ungraded (False) kinds.
    """

    @st.composite
    def build(draw: st.DrawFn) -> History:
        authority = draw(local_authorities())
        items = draw(
            st.lists(inspections(graded=graded), min_size=min_inspections, max_size=max_inspections)
        )
        return History.of(
            authority,
            [attrs.evolve(item, authority=authority) for item in items],
            interventions=draw(st.lists(interventions(authority=authority), max_size=2)),
        )

    return build()


def next_inspections() -> st.SearchStrategy[NextInspection]:
    """When a drawn authority's next full inspection is due, as of a drawn day."""
    return st.builds(lambda story, day: story.due_next(day), histories(max_inspections=3), dates())


def trajectory_points() -> st.SearchStrategy[TrajectoryPoint]:
    """A point of a drawn authority's trajectory on one of its judgements."""

    def points(story: History) -> tuple[TrajectoryPoint, ...]:
        areas = sorted({item.area for event in story.events for item in event.judgements})
        return tuple(point for area in areas for point in story.trajectory(area))

    graded = histories(min_inspections=1, max_inspections=2, graded=True)
    return graded.map(points).filter(bool).flatmap(st.sampled_from)


def gap_distributions(*, max_inspections: int = 6) -> st.SearchStrategy[GapDistribution]:
    """The gaps between full inspections observed in drawn inspections."""
    return st.lists(inspections(), max_size=max_inspections).map(observed_gaps)
