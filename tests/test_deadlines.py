"""Tests for ilacs.deadlines: the deadline rules in the packs and the deadlines they set."""

import copy
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    strategies,
)
from ilacs.base.converter import structure, unstructure
from ilacs.calendar import (
    WorkingDayCalendar,
    add_working_days,
    holidays_between,
    is_working_day,
    previous_working_day,
)
from ilacs.deadlines import (
    Basis,
    Deadline,
    DeadlineRule,
    Event,
    Status,
    dates_from,
    for_inspection,
    get_rule,
    infer_receipt,
)
from ilacs.errors import CalendarError, DocumentError, IlacsError, ValidationError

D = pendulum.date

HARINGEY = LocalAuthority(name="Haringey", urn=80498, dfe_code="309")
RI = Grade.REQUIRES_IMPROVEMENT
URGENT = ImprovementArea(id="apa-1", text="Children at risk of exploitation are not seen.")
ILACS = ("ilacs-2018", "ilacs-2023", "ilacs-2026")


def _haringey_2018(**changes: Any) -> Inspection:  # noqa: ANN401 (any field's value)
    """Haringey's 2018 standard inspection: every judgement requires improvement."""
    fields: dict[str, Any] = {
        "authority": HARINGEY,
        "kind": InspectionKind.STANDARD,
        "off_site_start": D(2018, 10, 22),
        "on_site_start": D(2018, 10, 29),
        "on_site_end": D(2018, 11, 9),
        "report_received": D(2018, 12, 5),
        "published": D(2018, 12, 14),
        "judgements": tuple(
            Judgement(area=area, grade=RI) for area in frameworks.get("ilacs-2018").area_ids
        ),
    }
    fields.update(changes)
    return Inspection(**fields)


def _visit(**changes: Any) -> Inspection:  # noqa: ANN401 (any field's value)
    """A focused visit with one area for priority action, received on a Wednesday."""
    fields: dict[str, Any] = {
        "authority": HARINGEY,
        "kind": InspectionKind.FOCUSED_VISIT,
        "on_site_start": D(2019, 3, 5),
        "on_site_end": D(2019, 3, 6),
        "report_received": D(2019, 3, 27),
        "published": D(2019, 4, 3),
        "priority_actions": (URGENT,),
    }
    fields.update(changes)
    return Inspection(**fields)


def _by_id(deadlines: tuple[Deadline, ...]) -> dict[str, Deadline]:
    return {deadline.rule.id: deadline for deadline in deadlines}


#: (changes to the ilacs-2018 action plan rule, the message): construction rejects each.
BAD_RULE_CHANGES = [
    ({"id": "Action plan"}, "'id' must be a snake_case id such as 'action_plan'"),
    ({"name": ""}, "'name' must not be empty (got str '')"),
    ({"kinds": ()}, "'kinds' must name at least one inspection kind (got tuple ())"),
    ({"kinds": ("standard",)}, "'kinds[0]' must be InspectionKind (got str 'standard')"),
    (
        {"kinds": (InspectionKind.SHORT, InspectionKind.SHORT)},
        "'kinds' must not repeat inspection kind 'short'",
    ),
    ({"requires_priority_actions": 1}, "'requires_priority_actions' must be bool (got int 1)"),
    (
        {"grade_at_least": "Good!"},
        "'grade_at_least' must be a grade (its value or label) or the snake_case id of an outcome on the framework's scale (got str 'Good!')",
    ),
    ({"applies_from": "2018-09-01"}, "'applies_from' must be a pendulum.Date"),
    ({"counts_from": "report_received"}, "'counts_from' must be Event"),
    ({"working_days": 0}, "'working_days' must be 1 or more (got int 0)"),
    ({"working_days": True}, "'working_days' must be int (got bool True)"),
    (
        {"months": 36},
        (
            "deadline rule 'action_plan' must give exactly one of 'working_days' and 'months'"
            " (got 70 and 36)"
        ),
    ),
    (
        {"working_days": None},
        (
            "deadline rule 'action_plan' must give exactly one of 'working_days' and 'months'"
            " (got None and None)"
        ),
    ),
    (
        {"tolerance_months": 6},
        (
            "deadline rule 'action_plan': 'tolerance_months' needs 'months' greater than it"
            " (got 6 with None)"
        ),
    ),
    (
        {"working_days": None, "months": 6, "tolerance_months": 6},
        (
            "deadline rule 'action_plan': 'tolerance_months' needs 'months' greater than it"
            " (got 6 with 6)"
        ),
    ),
    (
        {"grade_at_least": Grade.GOOD, "grade_at_most": RI},
        (
            "deadline rule 'action_plan': 'grade_at_least' 'Good' must not be better than"
            " 'grade_at_most' 'Requires improvement to be good'"
        ),
    ),
    ({"basis": "law"}, "'basis' must be Basis (got str 'law')"),
    ({"source": " s.137"}, "'source' must not start or end with white space"),
]

#: (changes to a pack's first deadline rule, the problem reported): loading rejects each.
BAD_PACK_RULES = [
    ({"working_days": "70"}, "$.deadlines[0].working_days: expected a whole number, got str '70'"),
    (
        {"working_days": 0},
        "$.deadlines[0].working_days: 'working_days' must be 1 or more (got int 0)",
    ),
    (
        {"counts_from": "receipt"},
        (
            "$.deadlines[0].counts_from: must be one of 'report_received', 'published',"
            " 'on_site_end' (got str 'receipt')"
        ),
    ),
    ({"basis": "custom"}, "$.deadlines[0].basis: must be one of 'law', 'framework'"),
    (
        {"colour": "blue"},
        "$.deadlines[0]: unknown key(s) colour: this version of ilacs does not read them",
    ),
]

#: (fields of a Deadline besides the action plan rule, the message): construction rejects each.
BAD_DEADLINES = [
    ({"status": Status.DUE}, "a due deadline needs 'due', 'counted_from', 'counted_from_event'"),
    (
        {
            "status": Status.DUE,
            "due": D(2019, 3, 18),
            "earliest": D(2019, 3, 1),
            "counted_from": D(2018, 12, 5),
            "counted_from_event": Event.REPORT_RECEIVED,
        },
        "'earliest' is only for windows ('action_plan')",
    ),
    (
        {"status": Status.NOT_KNOWN},
        "a deadline that is 'not_known' has no dates and needs a reason (got no reason)",
    ),
    (
        {"status": Status.DOES_NOT_APPLY, "due": D(2019, 3, 18), "reason": "No."},
        "a deadline that is 'does_not_apply' has no dates and needs a reason (got due)",
    ),
    ({"status": "due"}, "'status' must be DeadlineStatus (got str 'due')"),
    ({"status": Status.NOT_KNOWN, "reason": ""}, "'reason' must not be empty"),
]

#: (deadline, published, working days, the error, its message): infer_receipt refuses each.
BAD_INFERENCES = [
    (
        D(2019, 3, 16),
        D(2018, 12, 14),
        70,
        CalendarError,
        "'deadline' 2019-03-16 is not a working day, so no count of working days ends on it",
    ),
    (
        D(2019, 4, 19),
        D(2019, 1, 14),
        70,
        CalendarError,
        "'deadline' 2019-04-19 is not a working day, so no count of working days ends on it",
    ),
    (
        D(2019, 3, 29),
        D(2018, 12, 14),
        70,
        ValidationError,
        (
            "'deadline' 2019-03-29 implies the report was received on 2018-12-18,"
            " after its publication on 2018-12-14"
        ),
    ),
    (
        D(2019, 3, 18),
        D(2018, 12, 14),
        0,
        ValidationError,
        "'working_days' must be a whole number of working days, 1 or more (got int 0)",
    ),
    (
        D(2019, 3, 18),
        D(2018, 12, 14),
        True,
        ValidationError,
        "'working_days' must be a whole number of working days, 1 or more (got bool True)",
    ),
    (
        "2019-03-18",
        D(2018, 12, 14),
        70,
        ValidationError,
        "'deadline' must be a pendulum.Date (a date without a time) (got str '2019-03-18')",
    ),
    (
        D(2019, 3, 18),
        pendulum.datetime(2018, 12, 14),
        70,
        ValidationError,
        "'published' must be a pendulum.Date (a date without a time)",
    ),
]


class TestDeadlineRule:
    """Deadline rules are data in the framework packs, each with its source."""

    @pytest.mark.parametrize("framework_id", ILACS)
    def test_every_ilacs_pack_sets_the_plan_the_draft_the_publication_and_the_window(
        self, framework_id: str
    ) -> None:
        """The ILACS packs hold all six rules, in order."""
        assert [rule.id for rule in frameworks.get(framework_id).deadlines] == [
            "action_plan",
            "draft_action_plan",
            "priority_action_plan",
            "authority_publication",
            "next_standard_inspection",
            "next_short_inspection",
        ]

    def test_sif_has_the_statutory_plan_and_publication_only(self) -> None:
        """s.137 and SI 2007/462 applied under SIF; priority actions and the window did not."""
        rules = frameworks.get("sif-2013").deadlines
        assert [rule.id for rule in rules] == ["action_plan", "authority_publication"]
        assert all(rule.kinds == (InspectionKind.SINGLE_INSPECTION,) for rule in rules)

    @pytest.mark.parametrize(
        ("rule_id", "working_days", "basis"),
        [
            ("action_plan", 70, Basis.LAW),
            ("draft_action_plan", 20, Basis.FRAMEWORK),
            ("priority_action_plan", 70, Basis.FRAMEWORK),
            ("authority_publication", 30, Basis.LAW),
        ],
    )
    def test_the_periods_count_working_days_from_receipt_of_the_report(
        self, rule_id: str, working_days: int, basis: Basis
    ) -> None:
        """70, 20, 70 and 30 working days, each counted from receipt."""
        for framework_id in ILACS:
            rule = get_rule(framework_id, rule_id)
            assert rule.working_days == working_days
            assert rule.counts_from is Event.REPORT_RECEIVED
            assert rule.basis is basis

    def test_every_rule_cites_a_source(self) -> None:
        """The statutory rules name the Act or the regulations."""
        for framework in frameworks.all():
            for rule in framework.deadlines:
                assert rule.source.endswith(".")
        assert "section 137" in get_rule("ilacs-2018", "action_plan").source
        assert "SI 2007/462, regulation 2" in get_rule("sif-2013", "authority_publication").source

    def test_the_window_is_usual_practice_not_law(self) -> None:
        """Three years, give or take six months, from the last on-site day."""
        for rule_id in ("next_standard_inspection", "next_short_inspection"):
            rule = get_rule("ilacs-2023", rule_id)
            assert rule.basis is Basis.USUAL_PRACTICE
            assert rule.counts_from is Event.ON_SITE_END
            assert (rule.months, rule.tolerance_months) == (36, 6)
            assert rule.is_window
            assert rule.period == "3 years ± 6 months"
            assert "not law" in rule.source

    def test_the_window_is_chosen_by_grade(self) -> None:
        """Standard after requires improvement or worse, short after good or better."""
        standard = get_rule("ilacs-2026", "next_standard_inspection")
        short = get_rule("ilacs-2026", "next_short_inspection")
        assert (standard.grade_at_least, standard.grade_at_most) == (None, RI)
        assert (short.grade_at_least, short.grade_at_most) == (Grade.GOOD, None)

    def test_the_draft_plan_rule_starts_in_august_2018_as_data(self) -> None:
        """Ofsted applied the draft plan with immediate effect in August 2018 (CYP Now, 16 August 2018).

        The final plan within 70 working days was in the framework from January 2018.
        """
        assert get_rule("ilacs-2018", "draft_action_plan").applies_from == D(2018, 8, 1)
        assert "16 August 2018" in get_rule("ilacs-2018", "draft_action_plan").source
        assert get_rule("ilacs-2018", "priority_action_plan").applies_from is None
        for rule_id in ("draft_action_plan", "priority_action_plan"):
            assert get_rule("ilacs-2023", rule_id).applies_from is None
            assert get_rule("ilacs-2018", rule_id).requires_priority_actions
        assert get_rule("ilacs-2018", "action_plan").applies_from is None

    def test_an_unknown_rule_id_is_an_error_naming_the_known_ones(self) -> None:
        """get_rule lists what the framework has."""
        with pytest.raises(
            ValidationError,
            match=r"framework 'sif-2013' has no deadline rule 'next_short_inspection'"
            r" \(it has action_plan, authority_publication\)",
        ):
            get_rule(frameworks.get("sif-2013"), "next_short_inspection")

    @pytest.mark.parametrize(("changes", "message"), BAD_RULE_CHANGES)
    def test_an_invalid_change_is_rejected(self, changes: dict[str, Any], message: str) -> None:
        """attrs.evolve validates again and the message names the field and rule."""
        rule = get_rule("ilacs-2018", "action_plan")
        with pytest.raises(ValidationError) as info:
            attrs.evolve(rule, **changes)
        assert str(info.value).startswith(message)

    def test_a_framework_must_not_repeat_a_rule_id(self) -> None:
        """Rule ids are unique within a framework."""
        framework = frameworks.get("ilacs-2023")
        with pytest.raises(
            ValidationError, match="'deadlines' must not repeat deadline rule id 'action_plan'"
        ):
            attrs.evolve(framework, deadlines=framework.deadlines[:1] * 2)

    @pytest.mark.parametrize(("changes", "problem"), BAD_PACK_RULES)
    def test_a_bad_rule_in_a_pack_is_reported_with_its_path(
        self, changes: dict[str, object], problem: str
    ) -> None:
        """Loading a pack names the rule's path in the document."""
        document = copy.deepcopy(frameworks.to_dict(frameworks.get("ilacs-2018")))
        deadlines = document["deadlines"]
        assert isinstance(deadlines, list)
        deadlines[0].update(changes)
        with pytest.raises(DocumentError) as info:
            frameworks.from_dict(document)
        assert any(p.startswith(problem) for p in info.value.problems), info.value.problems

    def test_every_rule_round_trips_through_json_exactly(self) -> None:
        """A rule is plain data for the converter."""
        for framework in frameworks.all():
            for rule in framework.deadlines:
                assert structure(unstructure(rule), DeadlineRule, what="rule") == rule

    def test_the_json_shape_of_a_rule(self) -> None:
        """Snake_case keys, enum values, ISO dates, nulls kept."""
        assert unstructure(get_rule("ilacs-2018", "draft_action_plan")) == {
            "id": "draft_action_plan",
            "name": "Draft action plan",
            "kinds": ["focused_visit"],
            "requires_priority_actions": True,
            "submits_action_plan": False,
            "grade_at_least": None,
            "grade_at_most": None,
            "applies_from": "2018-08-01",
            "counts_from": "report_received",
            "working_days": 20,
            "months": None,
            "tolerance_months": None,
            "basis": "framework",
            "source": get_rule("ilacs-2018", "draft_action_plan").source,
        }

    def test_a_month_past_the_end_of_a_month_falls_back_to_its_last_day(self) -> None:
        """31 August 2020 plus 30 months is 28 February 2023."""
        window = get_rule("ilacs-2023", "next_short_inspection")
        assert dates_from(window, D(2020, 8, 31)) == (D(2023, 2, 28), D(2024, 2, 29))


class TestHaringey:
    """Haringey's 2018 standard inspection, the reference case."""

    def test_the_action_plan_is_due_on_18_march_2019(self) -> None:
        """70 working days from receipt on 5 December 2018."""
        plan = _by_id(for_inspection(_haringey_2018()))["action_plan"]
        assert plan.status is Status.DUE
        assert plan.due == D(2019, 3, 18)
        assert plan.counted_from == D(2018, 12, 5)
        assert plan.counted_from_event is Event.REPORT_RECEIVED
        assert not plan.is_upper_bound
        assert plan.earliest is None
        assert plan.name == "Action plan"
        assert str(plan) == (
            "Action plan: due 18 March 2019, 70 working days after receipt of the report"
            " on 5 December 2018"
        )

    def test_without_the_receipt_date_the_deadline_is_27_march_at_the_latest(self) -> None:
        """Counted from publication on 14 December, flagged as an upper bound."""
        plan = _by_id(for_inspection(_haringey_2018(report_received=None)))["action_plan"]
        assert plan.due == D(2019, 3, 27)
        assert plan.is_upper_bound
        assert plan.counted_from == D(2018, 12, 14)
        assert plan.counted_from_event is Event.PUBLISHED
        assert str(plan) == (
            "Action plan: due on or before 27 March 2019, 70 working days after publication"
            " on 14 December 2018; the report was received on or before publication, so the"
            " real deadline is on or before this date"
        )

    def test_the_council_publishes_the_report_by_21_january_2019(self) -> None:
        """30 working days from 5 December 2018, past Christmas, Boxing Day and New Year."""
        publication = _by_id(for_inspection(_haringey_2018()))["authority_publication"]
        assert publication.due == D(2019, 1, 21)
        assert [day.name for day in holidays_between(D(2018, 12, 5), D(2019, 1, 21))] == [
            "Christmas Day",
            "Boxing Day",
            "New Year's Day",
        ]

    def test_the_receipt_date_is_inferred_from_the_deadline(self) -> None:
        """18 March 2019 and publication on 14 December 2018 give 5 December 2018."""
        assert infer_receipt(D(2019, 3, 18), D(2018, 12, 14)) == D(2018, 12, 5)
        assert infer_receipt(D(2019, 1, 21), D(2018, 12, 14), 30) == D(2018, 12, 5)

    def test_the_next_inspection_is_standard_within_three_years_give_or_take_six_months(
        self,
    ) -> None:
        """After requires improvement: 9 May 2021 to 9 May 2022; the short window does not apply."""
        found = _by_id(for_inspection(_haringey_2018()))
        standard = found["next_standard_inspection"]
        assert (standard.earliest, standard.due) == (D(2021, 5, 9), D(2022, 5, 9))
        assert standard.counted_from_event is Event.ON_SITE_END
        assert standard.reason == (
            "the overall effectiveness judgement was Requires improvement to be good"
        )
        short = found["next_short_inspection"]
        assert short.status is Status.DOES_NOT_APPLY
        assert short.due is None
        assert str(short) == (
            "Next full inspection (short): does not apply: it applies when the overall"
            " effectiveness judgement is Good or better, and it was Requires improvement to be good"
        )

    def test_the_2026_short_inspection_fell_in_the_window_the_2023_one_set(self) -> None:
        """On site until 24 February 2023 and judged good: short, August 2025 to August 2026."""
        haringey_2023 = _haringey_2018(
            on_site_start=D(2023, 2, 13),
            on_site_end=D(2023, 2, 24),
            off_site_start=None,
            report_received=None,
            published=D(2023, 4, 11),
            judgements=(Judgement(area="overall_effectiveness", grade=Grade.GOOD),),
        )
        short = _by_id(for_inspection(haringey_2023))["next_short_inspection"]
        assert (short.earliest, short.due) == (D(2025, 8, 24), D(2026, 8, 24))
        assert D(2025, 8, 24) <= D(2026, 1, 12) <= D(2026, 8, 24)  # fieldwork began 12 January

    def test_explain_gives_the_reason_the_basis_and_the_source(self) -> None:
        """The window says why it was chosen and that it is not law."""
        standard = _by_id(for_inspection(_haringey_2018()))["next_standard_inspection"]
        lines = standard.explain().splitlines()
        assert lines[0] == (
            "Next full inspection (standard): between 9 May 2021 and 9 May 2022, 3 years ± 6"
            " months after the last on-site day on 9 November 2018 (Ofsted's stated intention,"
            " not law; the national record shows longer gaps: see ilacs.history.observed_gaps)."
        )
        assert lines[1] == (
            "Chosen because the overall effectiveness judgement was Requires improvement to be good."
        )
        assert lines[2] == (
            "Basis: Ofsted's stated intention, not law; the national record shows longer gaps:"
            " see ilacs.history.observed_gaps."
        )
        assert lines[3].startswith("Source: Ofsted's stated intention, not law")

    def test_a_council_closure_moves_the_plan_but_not_the_law(self) -> None:
        """Closed 27 and 28 December 2018, the council plans for 20 March 2019."""
        council = WorkingDayCalendar(name="Haringey").with_closures(
            D(2018, 12, 27), D(2018, 12, 28)
        )
        plan = _by_id(for_inspection(_haringey_2018(), calendar=council))["action_plan"]
        assert plan.due == D(2019, 3, 20)
        assert _by_id(for_inspection(_haringey_2018()))["action_plan"].due == D(2019, 3, 18)


class TestForInspection:
    """Every rule that follows an inspection's kind gives a deadline, or says why not."""

    def test_a_focused_visit_with_priority_actions_sets_a_draft_and_a_final_plan(self) -> None:
        """20 and 70 working days from receipt of the letter."""
        draft, final = for_inspection(_visit())
        assert (draft.rule.id, draft.due) == ("draft_action_plan", D(2019, 4, 26))
        assert (final.rule.id, final.due) == ("priority_action_plan", D(2019, 7, 9))
        assert draft.counted_from == final.counted_from == D(2019, 3, 27)

    def test_a_focused_visit_without_priority_actions_sets_no_plan_and_says_so(self) -> None:
        """Both rules come back with no date and the reason."""
        found = for_inspection(_visit(priority_actions=()))
        assert [d.status for d in found] == [Status.DOES_NOT_APPLY] * 2
        assert all(d.due is None for d in found)
        assert str(found[0]) == (
            "Draft action plan: does not apply: the letter sets out no areas for priority"
            " action, so no plan is required"
        )

    def test_a_jtai_sets_its_own_written_statement_of_action(self) -> None:
        """A JTAI is its own framework series: 70 working days from publication, not ILACS's plans."""
        found = for_inspection(
            _visit(kind=InspectionKind.JOINT_TARGETED_AREA_INSPECTION, framework="jtai-2016")
        )
        assert [(d.rule.id, d.counted_from_event) for d in found] == [
            ("written_statement_of_action", Event.PUBLISHED)
        ]

    def test_a_visit_before_august_2018_sets_no_draft_plan(self) -> None:
        """The draft plan applied from August 2018; the final plan from the framework's start."""
        found = for_inspection(
            _visit(
                on_site_start=D(2018, 6, 5),
                on_site_end=D(2018, 6, 6),
                report_received=D(2018, 7, 2),
                published=D(2018, 7, 9),
            )
        )
        assert [d.status for d in found] == [Status.DOES_NOT_APPLY, Status.DUE]
        assert found[0].reason == (
            "it applies to fieldwork from 1 August 2018, and this began on 5 June 2018"
        )

    def test_a_monitoring_visit_sets_no_deadline(self) -> None:
        """No rule follows a monitoring visit."""
        assert for_inspection(_visit(kind=InspectionKind.MONITORING_VISIT)) == ()

    def test_with_neither_receipt_nor_publication_no_date_is_given_and_the_reason_is(
        self,
    ) -> None:
        """The rule is not dropped: it is not known, and says why."""
        plan = _by_id(for_inspection(_haringey_2018(report_received=None, published=None)))[
            "action_plan"
        ]
        assert plan.status is Status.NOT_KNOWN
        assert (plan.due, plan.counted_from, plan.counted_from_event) == (None, None, None)
        assert str(plan) == (
            "Action plan: not known: neither the date the report was received nor its"
            " publication date is recorded"
        )

    def test_without_the_last_on_site_day_the_window_is_not_known(self) -> None:
        """The window counts from the last on-site day only."""
        standard = _by_id(for_inspection(_haringey_2018(on_site_end=None)))[
            "next_standard_inspection"
        ]
        assert standard.status is Status.NOT_KNOWN
        assert standard.reason == "the date of the last on-site day is not recorded"

    def test_without_the_overall_judgement_the_kind_of_window_is_not_known(self) -> None:
        """ilacs-2018 has an overall judgement: without it neither window is chosen."""
        leaders_only = (Judgement(area="leaders", grade=Grade.GOOD),)
        found = _by_id(for_inspection(_haringey_2018(judgements=leaders_only)))
        for rule_id in ("next_standard_inspection", "next_short_inspection"):
            assert found[rule_id].status is Status.NOT_KNOWN
            assert found[rule_id].reason == "the overall effectiveness judgement is not recorded"

    @pytest.mark.parametrize(
        ("grades", "window"),
        [
            ((Grade.OUTSTANDING, Grade.GOOD, Grade.GOOD, Grade.OUTSTANDING), "short"),
            ((Grade.OUTSTANDING, Grade.GOOD, RI, Grade.OUTSTANDING), "standard"),
            ((Grade.GOOD, RI, Grade.GOOD, Grade.GOOD), "standard"),
        ],
    )
    def test_without_an_overall_judgement_the_worst_judgement_chooses_the_window(
        self, grades: tuple[Grade, ...], window: str
    ) -> None:
        """ilacs-2026 has no overall judgement: ilacs takes the worst one."""
        areas = frameworks.get("ilacs-2026").area_ids
        inspection = _haringey_2018(
            kind=InspectionKind.SHORT,
            off_site_start=None,
            on_site_start=D(2026, 5, 11),
            on_site_end=D(2026, 5, 15),
            report_received=D(2026, 6, 17),
            published=D(2026, 6, 24),
            judgements=tuple(
                Judgement(area=area, grade=grade) for area, grade in zip(areas, grades, strict=True)
            ),
        )
        assert inspection.framework == "ilacs-2026"
        found = _by_id(for_inspection(inspection))
        chosen = found[f"next_{window}_inspection"]
        assert chosen.status is Status.DUE
        assert chosen.reason is not None
        assert chosen.reason.startswith("the worst judgement (the framework has no overall")
        assert (chosen.earliest, chosen.due) == (D(2028, 11, 15), D(2029, 11, 15))

    def test_a_sif_inspection_sets_the_statutory_deadlines(self) -> None:
        """Haringey 2014, published 18 July 2014, receipt unknown: upper bounds."""
        sif = Inspection(
            authority=HARINGEY,
            kind=InspectionKind.SINGLE_INSPECTION,
            on_site_start=D(2014, 5, 20),
            on_site_end=D(2014, 6, 11),
            published=D(2014, 7, 18),
        )
        found = for_inspection(sif)
        assert [(d.rule.id, d.due, d.is_upper_bound) for d in found] == [
            ("action_plan", D(2014, 10, 27), True),
            ("authority_publication", D(2014, 9, 1), True),
        ]

    def test_a_draft_plan_crosses_christmas(self) -> None:
        """Received Friday 18 December 2020: Christmas, Boxing Day (observed) and New Year."""
        visit = _visit(
            on_site_start=D(2020, 11, 24),
            on_site_end=D(2020, 11, 25),
            report_received=D(2020, 12, 18),
            published=D(2021, 1, 6),
        )
        draft, final = for_inspection(visit)
        assert (draft.due, final.due) == (D(2021, 1, 20), D(2021, 3, 31))
        assert [day.name for day in holidays_between(D(2020, 12, 18), D(2021, 1, 20))] == [
            "Christmas Day",
            "Boxing Day (observed)",
            "New Year's Day",
        ]

    def test_a_draft_plan_crosses_easter(self) -> None:
        """Received Wednesday 17 April 2019: Good Friday, Easter Monday and May Day."""
        visit = _visit(report_received=D(2019, 4, 17), published=D(2019, 4, 24))
        draft, final = for_inspection(visit)
        assert (draft.due, final.due) == (D(2019, 5, 20), D(2019, 7, 30))
        assert [day.name for day in holidays_between(D(2019, 4, 17), D(2019, 5, 20))] == [
            "Good Friday",
            "Easter Monday",
            "May Day",
        ]

    def test_something_that_is_not_an_inspection_is_rejected(self) -> None:
        """The error names the argument."""
        with pytest.raises(ValidationError, match="'inspection' must be an Inspection"):
            for_inspection("Haringey 2018")  # type: ignore[arg-type]

    @pytest.mark.parametrize(("fields", "message"), BAD_DEADLINES)
    def test_an_inconsistent_deadline_is_rejected(
        self, fields: dict[str, Any], message: str
    ) -> None:
        """A due deadline has its dates; one without has a reason and no dates."""
        with pytest.raises(ValidationError) as info:
            Deadline(rule=get_rule("ilacs-2018", "action_plan"), **fields)
        assert str(info.value).startswith(message)

    @given(strategies.inspections())
    def test_each_rule_that_follows_the_kind_gives_exactly_one_deadline(
        self, inspection: Inspection
    ) -> None:
        """Nothing is dropped silently, and a missing date is never a due one."""
        found = for_inspection(inspection)
        rules = [r for r in inspection.framework_pack().deadlines if inspection.kind in r.kinds]
        assert [d.rule for d in found] == rules
        for deadline in found:
            assert (deadline.due is None) == (deadline.status is not Status.DUE)
            assert (deadline.reason is None) <= (deadline.status is Status.DUE)

    @given(strategies.inspections())
    def test_deadlines_never_precede_the_date_they_count_from(self, inspection: Inspection) -> None:
        """Due dates and window starts come after the event, and on a working day if counted so."""
        for deadline in for_inspection(inspection):
            if deadline.status is Status.DUE:
                assert deadline.counted_from is not None
                assert deadline.due is not None
                assert deadline.due > deadline.counted_from
                if deadline.earliest is not None:
                    assert deadline.counted_from < deadline.earliest <= deadline.due
                if deadline.rule.working_days is not None:
                    assert is_working_day(deadline.due)

    @given(strategies.inspections(), st.integers(min_value=0, max_value=40))
    def test_a_deadline_from_publication_is_never_earlier_than_from_an_earlier_receipt(
        self, inspection: Inspection, lag: int
    ) -> None:
        """Counting from publication gives an upper bound of the real deadline."""
        published = inspection.published or inspection.on_site_start.add(days=40)
        received = max(published.subtract(days=lag), inspection.on_site_end or published)
        known = attrs.evolve(inspection, report_received=received, published=published)
        bounds = for_inspection(attrs.evolve(known, report_received=None))
        for exact, bound in zip(for_inspection(known), bounds, strict=True):
            assert exact.rule == bound.rule
            if exact.status is Status.DUE and exact.counted_from_event is Event.REPORT_RECEIVED:
                assert bound.is_upper_bound
                assert bound.counted_from == published
                assert exact.due is not None
                assert bound.due is not None
                assert bound.due >= exact.due

    @given(strategies.inspections())
    def test_a_deadline_round_trips_through_json_exactly(self, inspection: Inspection) -> None:
        """A Deadline is plain data for the converter."""
        for deadline in for_inspection(inspection):
            data = unstructure(deadline)
            assert structure(data, Deadline, what="deadline") == deadline
            assert unstructure(structure(data, Deadline, what="deadline")) == data


class TestInferReceipt:
    """Working back from a known deadline to the day the report arrived."""

    def test_a_weekend_receipt_gives_the_same_deadline_and_the_friday_is_returned(
        self,
    ) -> None:
        """Friday, Saturday and Sunday all count from Monday: the working day is returned."""
        friday, saturday, sunday = D(2018, 11, 30), D(2018, 12, 1), D(2018, 12, 2)
        deadline = add_working_days(friday, 70)
        assert add_working_days(saturday, 70) == add_working_days(sunday, 70) == deadline
        assert infer_receipt(deadline, D(2018, 12, 14)) == friday

    def test_over_easter_five_receipt_days_share_a_deadline_and_the_thursday_is_returned(
        self,
    ) -> None:
        """Thursday 18 April to Easter Monday 22 April 2019 give the same 20-day deadline."""
        days = [D(2019, 4, 18).add(days=n) for n in range(5)]
        deadlines = {add_working_days(day, 20) for day in days}
        assert deadlines == {D(2019, 5, 21)}
        assert infer_receipt(D(2019, 5, 21), D(2019, 4, 30), 20) == D(2019, 4, 18)

    def test_a_calendar_with_closures_is_used_when_given(self) -> None:
        """A council closed on 27 and 28 December 2018 counts its 20 March deadline back."""
        council = WorkingDayCalendar().with_closures(D(2018, 12, 27), D(2018, 12, 28))
        received = infer_receipt(D(2019, 3, 20), D(2018, 12, 14), calendar=council)
        assert received == D(2018, 12, 5)

    def test_receipt_on_the_day_of_publication_is_allowed(self) -> None:
        """The report is received on or before publication."""
        assert infer_receipt(D(2019, 3, 27), D(2018, 12, 14)) == D(2018, 12, 14)

    @pytest.mark.parametrize(
        ("deadline", "published", "working_days", "error", "message"), BAD_INFERENCES
    )
    def test_an_impossible_inference_is_refused(
        self,
        deadline: pendulum.Date,
        published: pendulum.Date,
        working_days: int,
        error: type[IlacsError],
        message: str,
    ) -> None:
        """A deadline no count reaches, or a receipt after publication, is an ilacs error."""
        with pytest.raises(error) as info:
            infer_receipt(deadline, published, working_days)
        assert str(info.value).startswith(message)

    @given(
        strategies.dates(),
        st.integers(min_value=1, max_value=400),
        st.integers(min_value=0, max_value=30),
    )
    def test_infer_receipt_inverts_add_working_days(
        self, received: pendulum.Date, working_days: int, lag: int
    ) -> None:
        """The inferred day gives the same deadline, and is the receipt day when that works."""
        deadline = add_working_days(received, working_days)
        inferred = infer_receipt(deadline, received.add(days=lag), working_days)
        assert add_working_days(inferred, working_days) == deadline
        if is_working_day(received):
            assert inferred == received
        else:
            assert inferred == previous_working_day(received)


class TestPlanSubmissionRules:
    """The packs say which deadlines are for sending Ofsted the action plan."""

    def test_the_action_plan_rules_are_marked_and_no_others(self) -> None:
        """The final plan, after a full inspection or after priority actions; never the draft."""
        for framework in frameworks.all():
            marked = {rule.id for rule in framework.deadlines if rule.submits_action_plan}
            assert marked == {
                "action_plan",
                "priority_action_plan",
                "written_statement_of_action",
            } & {rule.id for rule in framework.deadlines}, framework.id
