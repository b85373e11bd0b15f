"""Tests for ilacs.strategies: each public strategy draws valid values and honours its bounds."""

import math
import re
from typing import Any

import attrs
import pendulum
import pytest
from _haringey import INSPECTION_2018
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ilacs import (
    Action,
    ActionPlan,
    Grade,
    Inspection,
    LocalAuthority,
    NationalFrameworkTag,
    authorities,
    frameworks,
    serialisation,
    strategies,
)
from ilacs.authorities import AuthorityRecord
from ilacs.base import validators as v
from ilacs.base.codes import CODES
from ilacs.deadlines import Deadline, DeadlineRule
from ilacs.frameworks import Framework, JudgementArea
from ilacs.frameworks.pack import FRAMEWORK_ID
from ilacs.history import GapDistribution, History, Intervention, NextInspection, TrajectoryPoint
from ilacs.national import Distribution
from ilacs.rules import Rule
from ilacs.validation import Finding, ValidationReport, validate

D = pendulum.date
ILACS_2018 = frameworks.get("ilacs-2018")
FRAMEWORKS = frameworks.all()
#: Whole plans are costly to draw: a quarter of the profile's examples, and no fewer than 10.
PLANS = settings(max_examples=max(10, settings().max_examples // 4))
#: Grades are drawn freely, so a drawn inspection may break a 'must' grading rule
#: (ILACS-V020): the rules' own tests need such inspections. Nothing else is an error.
GRADES_BREACH_RULES = "ILACS-V020"

#: Ranges of days for the bounds (first and last day, inclusive), up to about a year long.
RANGES = st.builds(
    lambda low, span: (low, low.add(days=span)), strategies.dates(), st.integers(0, 400)
)

#: Every public strategy with its default bounds (a framework where one is needed).
STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "action_plans": strategies.action_plans(max_actions=2),
    "actions": strategies.actions(answers=("ia-1", "ia-2")),
    "dates": strategies.dates(),
    "framework_ids": strategies.framework_ids(),
    "frameworks_": strategies.frameworks_(),
    "grades": strategies.grades(),
    "improvement_areas": strategies.improvement_areas(ILACS_2018),
    "inspections": strategies.inspections(),
    "judgements": strategies.judgements(ILACS_2018),
    "judgement_findings": strategies.judgement_findings(ILACS_2018),
    "local_authorities": strategies.local_authorities(),
    "measures": strategies.measures(),
    "milestones": strategies.milestones(),
    "national_framework_tags": strategies.national_framework_tags(),
    "observations": strategies.observations(),
    "status_histories": strategies.status_histories(),
    "texts": strategies.texts(),
    "judgement_areas": strategies.judgement_areas(),
    "grading_rules": strategies.grading_rules(),
    "deadline_rules": strategies.deadline_rules(),
    "deadlines": strategies.deadlines(inspection=INSPECTION_2018),
    "findings": strategies.findings(),
    "validation_reports": strategies.validation_reports(),
    "authority_records": strategies.authority_records(),
    "distributions": strategies.distributions(max_inspections=3),
    "interventions": strategies.interventions(),
    "histories": strategies.histories(max_inspections=2),
    "next_inspections": strategies.next_inspections(),
    "trajectory_points": strategies.trajectory_points(),
    "gap_distributions": strategies.gap_distributions(max_inspections=3),
    "outcome_scales": strategies.outcome_scales(),
    "framework_packs": strategies.framework_packs(),
}


TEXT = attrs.fields(LocalAuthority).name
DAY = attrs.fields(Action).due


def _revalidate(value: Any) -> None:  # noqa: ANN401 (whatever a strategy draws)
    """Build every record inside the value again; every text and day in it is one too."""
    if attrs.has(type(value)):
        attrs.evolve(value)
        for field in attrs.fields(type(value)):
            _revalidate(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            _revalidate(item)
    elif isinstance(value, str):
        v.text(None, TEXT, value)
    elif isinstance(value, pendulum.Date):
        v.date(None, DAY, value)


def _round_trips(value: serialisation.Document) -> None:
    text = serialisation.dumps(value)
    assert serialisation.loads(text) == value
    assert serialisation.dumps(serialisation.loads(text)) == text


def _errors(value: Inspection | ActionPlan) -> set[str]:
    return {finding.code for finding in validate(value).errors} - {GRADES_BREACH_RULES}


def _in_order(*days: pendulum.Date | None) -> bool:
    known = [day for day in days if day is not None]
    return known == sorted(known)


class TestEveryStrategy:
    """Whatever a public strategy draws is a value its type accepts again."""

    def test_every_public_strategy_is_tested_here(self) -> None:
        """A new strategy in __all__ must join STRATEGIES."""
        assert sorted(STRATEGIES) == sorted(strategies.__all__)

    @pytest.mark.parametrize("name", sorted(STRATEGIES))
    @PLANS
    @given(data=st.data())
    def test_a_drawn_value_survives_revalidation_and_a_round_trip(
        self, name: str, data: st.DataObject
    ) -> None:
        """attrs.evolve rebuilds every record inside it; a document comes back from JSON exactly."""
        value = data.draw(STRATEGIES[name], label=name)
        _revalidate(value)
        if isinstance(value, Inspection | ActionPlan | Framework):
            _round_trips(value)


class TestScalars:
    """Texts, dates, grades and framework ids."""

    @given(st.data(), st.integers(0, 5), st.integers(1, 5))
    def test_texts_are_valid_text_of_the_words_asked_for(
        self, data: st.DataObject, least: int, extra: int
    ) -> None:
        """Trimmed, non-empty, between min_words and max_words words of any script."""
        most = max(least, 1) + extra
        text = data.draw(strategies.texts(min_words=max(least, 1), max_words=most))
        v.text(None, TEXT, text)
        assert max(least, 1) <= len(text.split(" ")) <= most

    @given(st.data(), RANGES)
    def test_dates_are_pendulum_dates_in_the_range(
        self, data: st.DataObject, bounds: tuple[pendulum.Date, pendulum.Date]
    ) -> None:
        """Never a date-time or a stdlib date; min_value and max_value are inclusive."""
        low, high = bounds
        day = data.draw(strategies.dates(min_value=low, max_value=high))
        assert type(day) is pendulum.Date
        assert low <= day <= high

    @given(st.data(), st.sets(st.sampled_from(Grade), min_size=1))
    def test_grades_come_from_the_scale_given(self, data: st.DataObject, scale: set[Grade]) -> None:
        """Only members of the scale, which may be a framework's own."""
        ordered: list[Grade] = sorted(scale, key=list(Grade).index)
        assert data.draw(strategies.grades(ordered)) in set(scale)

    @given(strategies.framework_ids())
    def test_framework_ids_name_registered_frameworks(self, framework_id: str) -> None:
        """Each id has the id's form and frameworks.get finds it."""
        assert re.fullmatch(FRAMEWORK_ID, framework_id)
        assert frameworks.get(framework_id).id == framework_id

    @given(strategies.frameworks_())
    def test_frameworks_are_the_registered_ones(self, framework: Framework) -> None:
        """The registry's own values, by identity."""
        assert any(framework is registered for registered in FRAMEWORKS)


class TestInspectionParts:
    """Authorities, judgements, tags and improvement areas."""

    @given(strategies.local_authorities())
    def test_local_authorities_mix_known_and_unknown_codes(self, authority: LocalAuthority) -> None:
        """A URN that JSON holds exactly, where there is one."""
        assert authority.urn is None or 1 <= authority.urn <= v.LARGEST_WHOLE_NUMBER

    @given(st.data(), strategies.frameworks_())
    def test_judgements_grade_every_area_once_on_the_frameworks_scale(
        self, data: st.DataObject, framework: Framework
    ) -> None:
        """One judgement per area, in the framework's order, each a grade of its scale."""
        judgements = data.draw(strategies.judgements(framework))
        assert tuple(judgement.area for judgement in judgements) == framework.area_ids
        assert all(j.grade in framework.grade_scale.members for j in judgements)

    @given(strategies.national_framework_tags())
    def test_national_framework_tags_are_numbered_from_1(self, tag: NationalFrameworkTag) -> None:
        """As the reports print them: outcome 1 to 12."""
        assert 1 <= tag.number <= 12

    @given(st.data(), st.integers(0, 4), st.integers(0, 4), st.sampled_from(("ia", "apa")))
    def test_improvement_areas_honour_size_and_prefix(
        self, data: st.DataObject, least: int, extra: int, prefix: str
    ) -> None:
        """Between min_size and max_size areas, ids prefix-1, prefix-2, ..., naming real areas."""
        areas = data.draw(
            strategies.improvement_areas(
                ILACS_2018, prefix=prefix, min_size=least, max_size=least + extra
            )
        )
        assert least <= len(areas) <= least + extra
        assert [area.id for area in areas] == [f"{prefix}-{n}" for n in range(1, len(areas) + 1)]
        assert {a for area in areas for a in area.judgement_areas} <= set(ILACS_2018.area_ids)

    @given(st.data())
    def test_judgement_findings_name_distinct_areas_of_the_framework(
        self, data: st.DataObject
    ) -> None:
        """At most max_size entries, each on an area of the framework, no area twice."""
        found = data.draw(strategies.judgement_findings(ILACS_2018, max_size=3))
        areas = [findings.area for findings in found]
        assert len(areas) <= 3
        assert len(set(areas)) == len(areas)
        assert set(areas) <= set(ILACS_2018.area_ids)


class TestInspections:
    """Inspections: in their framework's period, dates in order, graded as asked."""

    @given(strategies.inspections())
    def test_an_inspection_is_valid_and_in_its_frameworks_period(
        self, inspection: Inspection
    ) -> None:
        """No finding but the grading rules'; fieldwork starts while the framework is in force."""
        assert _errors(inspection) == set()
        assert inspection.framework_pack().is_in_force(inspection.on_site_start)
        assert _in_order(
            inspection.off_site_start,
            inspection.on_site_start,
            inspection.on_site_end,
            inspection.report_received,
            inspection.published,
        )

    @given(st.data(), strategies.frameworks_(), st.booleans())
    def test_the_framework_and_graded_bounds_are_honoured(
        self, data: st.DataObject, framework: Framework, graded: bool
    ) -> None:
        """The framework given, by value or id; a kind graded or not as asked, judged so."""
        assume(any(kind.graded is graded for kind in framework.inspection_kinds))  # JTAI: none
        either: tuple[Framework | str, ...] = (framework, framework.id)
        given_as = data.draw(st.sampled_from(either))
        inspection = data.draw(strategies.inspections(framework=given_as, graded=graded))
        assert inspection.framework == framework.id
        assert framework.kind(inspection.kind).graded is graded
        assert bool(inspection.judgements) is graded

    @given(st.lists(strategies.inspections(), max_size=2).map(tuple))
    def test_a_collection_round_trips_exactly(self, inspections: tuple[Inspection, ...]) -> None:
        """As an inspections document and back, equal and byte for byte."""
        _round_trips(inspections)


class TestPlanParts:
    """Observations, measures, milestones, status histories and actions."""

    @given(st.data(), RANGES)
    def test_observations_fall_in_the_range_with_finite_values(
        self, data: st.DataObject, bounds: tuple[pendulum.Date, pendulum.Date]
    ) -> None:
        """On a day of the range; never NaN or infinite."""
        low, high = bounds
        observation = data.draw(strategies.observations(min_value=low, max_value=high))
        assert low <= observation.on <= high
        assert math.isfinite(observation.value)

    @given(st.data(), strategies.dates(), st.integers(0, 6))
    def test_measures_start_after_min_value_with_at_most_max_size_observations(
        self, data: st.DataObject, low: pendulum.Date, most: int
    ) -> None:
        """Baseline on or after min_value; target and observations after the baseline."""
        measure = data.draw(strategies.measures(min_value=low, max_size=most))
        assert low <= measure.baseline.on <= measure.target.on
        assert len(measure.observations) <= most
        days = [observation.on for observation in measure.observations]
        assert days == sorted(set(days))
        assert all(measure.baseline.on <= day for day in days)

    @given(st.data(), RANGES)
    def test_milestones_are_due_in_the_range(
        self, data: st.DataObject, bounds: tuple[pendulum.Date, pendulum.Date]
    ) -> None:
        """Due between min_value and max_value; completed, if at all, not before min_value."""
        low, high = bounds
        milestone = data.draw(strategies.milestones(min_value=low, max_value=high))
        assert low <= milestone.due <= high
        assert milestone.completed is None or low <= milestone.completed

    @given(st.data(), strategies.dates(), st.integers(0, 8))
    def test_status_histories_are_legal_for_an_action(
        self, data: st.DataObject, low: pendulum.Date, most: int
    ) -> None:
        """At most max_size changes from min_value on, in order, that an Action accepts."""
        history = data.draw(strategies.status_histories(min_value=low, max_size=most))
        assert len(history) <= most
        assert _in_order(low, *(change.on for change in history))
        Action(id="a", title="An action", owners=("Chief Executive",), due=low, history=history)

    @given(
        st.data(),
        st.lists(st.from_regex(r"\Aia-[1-9]\Z"), unique=True, max_size=4),
        strategies.dates(),
        st.integers(0, 3),
        st.integers(0, 2),
    )
    def test_actions_honour_their_bounds(
        self,
        data: st.DataObject,
        answers: list[str],
        low: pendulum.Date,
        most_milestones: int,
        most_measures: int,
    ) -> None:
        """Answers among those given, due from min_value, no more milestones or measures than asked."""
        action = data.draw(
            strategies.actions(
                answers=answers,
                min_value=low,
                max_milestones=most_milestones,
                max_measures=most_measures,
            )
        )
        assert set(action.answers) <= set(answers)
        assert action.owners
        assert low <= action.due
        assert len(action.milestones) <= most_milestones
        assert len(action.measures) <= most_measures
        assert all(low <= milestone.due for milestone in action.milestones)


class TestActionPlans:
    """Action plans: valid, answering their inspection, round-tripping exactly."""

    @PLANS
    @given(strategies.action_plans(max_actions=3))
    def test_a_plan_is_valid_and_answers_its_inspection(self, plan: ActionPlan) -> None:
        """No finding but the grading rules'; every answer is an area of the inspection."""
        assert _errors(plan) == set()
        inspection = plan.inspection
        areas = {item.id for item in (*inspection.improvement_areas, *inspection.priority_actions)}
        assert {answer for action in plan.actions for answer in action.answers} <= areas
        fieldwork_end = inspection.on_site_end or inspection.on_site_start
        assert all(fieldwork_end < action.due for action in plan.actions)

    @PLANS
    @given(st.data(), st.integers(0, 4))
    def test_the_inspection_and_max_actions_are_honoured(
        self, data: st.DataObject, most: int
    ) -> None:
        """The plan answers the inspection given, with at most max_actions actions."""
        plan = data.draw(strategies.action_plans(inspection=INSPECTION_2018, max_actions=most))
        assert plan.inspection is INSPECTION_2018
        assert len(plan.actions) <= most
        assert _errors(plan) == set()


def _pack_of(value: JudgementArea | Rule | DeadlineRule) -> Framework:
    """The registered pack that holds the value."""
    for pack in FRAMEWORKS:
        if value in (*pack.judgement_areas, *pack.rules, *pack.deadlines):
            return pack
    raise AssertionError(value)


class TestValueStrategies:
    """The framework parts, deadlines, findings, reports, records and distributions drawn."""

    @given(strategies.judgement_areas(framework="ilacs-2023"))
    def test_a_judgement_area_is_one_of_its_frameworks_and_round_trips_in_its_pack(
        self, area: JudgementArea
    ) -> None:
        """The area is the framework's own, and comes back from the pack's document."""
        pack = frameworks.get("ilacs-2023")
        assert pack.area(area.id) == area
        assert frameworks.from_dict(frameworks.to_dict(pack)).area(area.id) == area

    @given(strategies.grading_rules())
    def test_a_grading_rule_is_a_packs_and_round_trips_in_it(self, rule: Rule) -> None:
        """A rule names its target and limits, and comes back from its pack's document."""
        pack = _pack_of(rule)
        assert rule.code
        assert rule.limits
        assert rule in frameworks.from_dict(frameworks.to_dict(pack)).rules

    @given(strategies.deadline_rules(framework="ilacs-2018"))
    def test_a_deadline_rule_counts_a_period_and_round_trips_in_its_pack(
        self, rule: DeadlineRule
    ) -> None:
        """Working days or months, never both; the pack's document gives the rule back."""
        assert (rule.working_days is None) != (rule.months is None)
        assert rule in frameworks.from_dict(frameworks.to_dict(ILACS_2018)).deadlines

    @given(strategies.deadlines(inspection=INSPECTION_2018))
    def test_a_deadline_follows_its_rule_from_the_inspection(self, deadline: Deadline) -> None:
        """Its rule is the inspection's framework's; a window opens before it closes."""
        assert deadline.rule in ILACS_2018.deadlines
        if deadline.earliest is not None and deadline.due is not None:
            assert deadline.earliest <= deadline.due

    @given(strategies.findings())
    def test_a_finding_has_its_codes_severity_and_source(self, finding: Finding) -> None:
        """The catalogue's code, with the severity and source the catalogue gives it."""
        code = CODES[finding.code]
        assert (finding.severity, finding.source) == (code.severity, code.source)
        assert finding.path.startswith("$")

    @given(strategies.validation_reports())
    def test_a_report_is_ok_exactly_when_it_has_no_error(self, report: ValidationReport) -> None:
        """Ok means no finding of severity error; every finding is counted once."""
        assert report.ok == (not report.errors)
        assert len(report) == len(report.findings)

    @given(strategies.authority_records(include_abolished=False))
    def test_an_authority_record_is_found_again_by_its_urn(self, item: AuthorityRecord) -> None:
        """The registry gives the same record back for the authority's URN."""
        assert item.authority.urn is not None
        assert authorities.record(item.authority.urn) == item

    @PLANS
    @given(strategies.distributions(max_inspections=3))
    def test_a_distribution_counts_what_it_was_given(self, picture: Distribution) -> None:
        """The counts sum to the total, and the inspected are the total and the not judged."""
        assert picture.total == sum(number for _, number in picture.counts)
        assert picture.inspected == picture.total + picture.not_judged
        assert picture.inspected <= 3


#: Histories draw several inspections each: a quarter of the plans' examples, no fewer than 5.
HISTORIES = settings(max_examples=max(5, settings().max_examples // 16))


class TestHistoryStrategies:
    """An authority's history, its interventions, trajectory, next inspection and gaps."""

    @given(strategies.interventions())
    def test_an_intervention_ends_after_it_starts(self, item: Intervention) -> None:
        """A dated, sourced record whose end, when known, is not before its start."""
        assert item.end is None or item.start <= item.end
        assert item.source

    @HISTORIES
    @given(strategies.histories(max_inspections=3))
    def test_a_history_is_one_authoritys_events_in_order(self, story: History) -> None:
        """Every event and intervention is the authority's; events run in date order."""
        assert all(event.authority == story.authority for event in story.events)
        assert all(item.authority == story.authority for item in story.interventions)
        starts = [event.on_site_start for event in story.events]
        assert starts == sorted(starts)

    @HISTORIES
    @given(strategies.next_inspections())
    def test_a_next_inspection_gives_a_reason(self, due: NextInspection) -> None:
        """Whatever is due, or not known, the reason says why in words."""
        assert due.reason

    @HISTORIES
    @given(strategies.trajectory_points())
    def test_a_trajectory_point_is_graded_on_its_area(self, point: TrajectoryPoint) -> None:
        """A point is a judgement's grade on a day under a framework version."""
        assert point.area
        assert point.framework in {pack.id for pack in frameworks.all()}

    @HISTORIES
    @given(strategies.gap_distributions(max_inspections=3))
    def test_gaps_are_never_negative(self, gaps: GapDistribution) -> None:
        """A gap between two full inspections is counted forwards, in months."""
        assert all(months >= 0 for _, counted in gaps.gaps for months in counted)
