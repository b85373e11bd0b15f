"""Tests for the action-plan findings of ilacs.validate: ILACS-V030 to ILACS-V038."""

import json
from typing import Any

import attrs
import pendulum
import pytest
from _haringey import INSPECTION_2018
from hypothesis import given
from plan_fixtures import LIVE, PLANS, D

from ilacs import (
    Action,
    ActionPlan,
    ActionStatus,
    ImprovementArea,
    StatusChange,
    strategies,
)
from ilacs.progress import summarise
from ilacs.serialisation import dumps, to_dict
from ilacs.validation import CODES, Severity, validate

PLAN_CODES = tuple(f"ILACS-V0{number}" for number in range(30, 39))

#: A fully graded, consistent ILACS 2018 standard inspection with two areas: no findings.
INSPECTION = attrs.evolve(
    INSPECTION_2018,
    report_received=D(2018, 12, 5),
    improvement_areas=(
        ImprovementArea(id="ia-1", text="Assessment of children's needs."),
        ImprovementArea(id="ia-6", text="The quality of audits."),
    ),
)


QA = Action(
    id="qa-1",
    title="Revise the quality assurance framework",
    answers=("ia-6",),
    owners=("Head of Quality Assurance",),
    due=D(2019, 6, 28),
    milestones=(LIVE,),
    history=(StatusChange(on=D(2018, 12, 17), status=ActionStatus.IN_PROGRESS),),
)
ASSESS = Action(
    id="assess-1",
    title="Work with an expert on the quality of assessments",
    answers=("ia-1",),
    owners=("Head of Service, Assessment",),
    due=D(2019, 7, 31),
)

#: A plan with nothing to report: every area answered, in its dates, sent on the deadline.
CLEAN = ActionPlan(
    inspection=INSPECTION,
    submitted=D(2019, 3, 18),
    horizon=D(2020, 3, 31),
    oversight=("Children's Improvement Board",),
    actions=(QA, ASSESS),
)


def _plan(**changes: Any) -> ActionPlan:  # noqa: ANN401 (any field's value)
    return attrs.evolve(CLEAN, **changes)


def _qa(**changes: Any) -> Action:  # noqa: ANN401 (any field's value)
    return attrs.evolve(QA, **changes)


LOOSE = Action(
    id="comms-1",
    title="A communications plan",
    owners=("Head of Communications",),
    due=D(2019, 6, 28),
)

#: (a plan, code, severity, path, message): the finding at that path, the only code it gives.
FINDINGS = [
    (
        _plan(actions=(_qa(answers=("ia-6", "ia-9")), ASSESS)),
        "ILACS-V030",
        Severity.ERROR,
        "$.actions[0].answers[1]",
        "action 'qa-1' answers 'ia-9', which the inspection does not have (it has ia-1, ia-6)",
    ),
    (
        _plan(
            inspection=attrs.evolve(INSPECTION, improvement_areas=()),
            actions=(_qa(answers=("ia-6",)),),
        ),
        "ILACS-V030",
        Severity.ERROR,
        "$.actions[0].answers[0]",
        "action 'qa-1' answers 'ia-6', which the inspection does not have (it has no improvement areas)",
    ),
    (
        _plan(actions=(QA,)),
        "ILACS-V031",
        Severity.WARNING,
        "$.inspection.improvement_areas[0]",
        "no action answers 'ia-1'",
    ),
    (
        _plan(
            inspection=attrs.evolve(
                INSPECTION,
                priority_actions=(ImprovementArea(id="apa-1", text="Children missing from care."),),
            )
        ),
        "ILACS-V031",
        Severity.WARNING,
        "$.inspection.priority_actions[0]",
        "no action answers 'apa-1'",
    ),
    (
        _plan(actions=(QA, ASSESS, LOOSE)),
        "ILACS-V032",
        Severity.INFO,
        "$.actions[2].answers",
        "action 'comms-1' answers no improvement area",
    ),
    (
        _plan(horizon=D(2019, 7, 30)),
        "ILACS-V033",
        Severity.WARNING,
        "$.actions[1].due",
        "action 'assess-1' is due 2019-07-31, after the plan's horizon 2019-07-30",
    ),
    (
        # A milestone after the horizon: its action is then after it too (or V038 applies).
        _plan(
            horizon=D(2019, 6, 27),
            actions=(
                _qa(answers=("ia-1", "ia-6"), milestones=(attrs.evolve(LIVE, due=D(2019, 6, 28)),)),
            ),
        ),
        "ILACS-V033",
        Severity.WARNING,
        "$.actions[0].milestones[0].due",
        "milestone 'qaf-live' of 'qa-1' is due 2019-06-28, after the plan's horizon 2019-06-27",
    ),
    (
        _plan(actions=(QA, attrs.evolve(ASSESS, due=D(2018, 11, 8)))),
        "ILACS-V034",
        Severity.ERROR,
        "$.actions[1].due",
        "action 'assess-1' is due 2018-11-08, before the inspection's fieldwork ends on 2018-11-09",
    ),
    (
        _plan(actions=(_qa(milestones=(attrs.evolve(LIVE, due=D(2018, 11, 1)),)), ASSESS)),
        "ILACS-V034",
        Severity.ERROR,
        "$.actions[0].milestones[0].due",
        (
            "milestone 'qaf-live' of 'qa-1' is due 2018-11-01, before the inspection's fieldwork"
            " ends on 2018-11-09"
        ),
    ),
    (
        _plan(submitted=D(2019, 3, 19)),
        "ILACS-V037",
        Severity.WARNING,
        "$.submitted",
        (
            "the plan was submitted on 19 March 2019, after its deadline: Action plan: due"
            " 18 March 2019, 70 working days after receipt of the report on 5 December 2018"
        ),
    ),
    (
        _plan(inspection=attrs.evolve(INSPECTION, report_received=None), submitted=D(2019, 3, 28)),
        "ILACS-V037",
        Severity.WARNING,
        "$.submitted",
        "the plan was submitted on 28 March 2019, after its deadline: Action plan: due on or before 27 March 2019",
    ),
    (
        _plan(actions=(_qa(milestones=(attrs.evolve(LIVE, due=D(2019, 7, 1)),)), ASSESS)),
        "ILACS-V038",
        Severity.WARNING,
        "$.actions[0].milestones[0].due",
        "milestone 'qaf-live' is due 2019-07-01, after its action 'qa-1' is due on 2019-06-28",
    ),
]


def _bad(*changes: tuple[tuple[str | int, ...], object]) -> dict[str, Any]:
    """The clean plan's document with each (path, value) set."""
    document = to_dict(CLEAN)
    for path, value in changes:
        *parents, last = path
        target: Any = document
        for key in parents:
            target = target[key]
        target[last] = value
    return document


def _entry(on: str, status: str, *, setback: bool = False) -> dict[str, object]:
    note = "Found wanting." if setback else None
    return {"on": on, "status": status, "by": None, "note": note, "setback": setback}


#: (a document, code, path, message's start): lifecycle findings from documents.
LIFECYCLE_FINDINGS = [
    (
        _bad(
            (
                ("actions", 0, "history"),
                [_entry("2018-12-17", "in_progress"), _entry("2018-12-14", "completed")],
            )
        ),
        "ILACS-V035",
        "$.actions[0].history[1]",
        "'history[1]' is dated 2018-12-14, before the change before it on 2018-12-17",
    ),
    (
        _bad(
            (
                ("actions", 1, "history"),
                [
                    _entry("2019-01-07", "in_progress"),
                    _entry("2019-05-01", "verified"),
                    _entry("2019-05-02", "completed"),
                ],
            )
        ),
        "ILACS-V036",
        "$.actions[1].history[2]",
        "'history[2]' cannot move from 'verified' to 'completed': statuses move forward only",
    ),
    (
        _bad(
            (
                ("actions", 1, "history"),
                [
                    _entry("2019-01-07", "in_progress"),
                    _entry("2019-02-01", "verified", setback=True),
                ],
            )
        ),
        "ILACS-V036",
        "$.actions[1].history[1]",
        "'history[1]' is a setback from 'in_progress' to 'verified'",
    ),
    (
        _bad((("actions", 0, "history"), [_entry("2018-12-17", "planned", setback=True)])),
        "ILACS-V036",
        "$.actions[0].history[0]",
        "'history[0]' cannot be a setback",
    ),
]


class TestCodes:
    """The plan codes are registered with their severities."""

    def test_each_plan_code_has_its_severity(self) -> None:
        """Errors for what is wrong, warnings for what needs a look, info for a choice."""
        assert {code: CODES[code].severity for code in PLAN_CODES} == {
            "ILACS-V030": Severity.ERROR,
            "ILACS-V031": Severity.WARNING,
            "ILACS-V032": Severity.INFO,
            "ILACS-V033": Severity.WARNING,
            "ILACS-V034": Severity.ERROR,
            "ILACS-V035": Severity.ERROR,
            "ILACS-V036": Severity.ERROR,
            "ILACS-V037": Severity.WARNING,
            "ILACS-V038": Severity.WARNING,
        }


class TestPlanFindings:
    """Each plan code is found by a minimal plan, at its exact path."""

    def test_a_clean_plan_has_no_findings(self) -> None:
        """Every area answered, every date in range, sent on the day it was due."""
        report = validate(CLEAN)
        assert report.findings == ()
        assert report.ok
        assert validate(dumps(CLEAN)).findings == ()

    @pytest.mark.parametrize(("plan", "code", "severity", "path", "message"), FINDINGS)
    def test_the_finding_has_its_code_path_and_severity(
        self, plan: ActionPlan, code: str, severity: Severity, path: str, message: str
    ) -> None:
        """One finding where the problem is, and no other kind of finding."""
        report = validate(plan)
        assert set(report.codes) == {code}
        findings = [finding for finding in report if finding.path == path]
        assert len(findings) == 1, findings
        finding = findings[0]
        assert (finding.code, finding.severity, finding.path) == (code, severity, path)
        assert finding.message.startswith(message)
        assert finding.source == CODES[code].source

    @pytest.mark.parametrize("plan", [case[0] for case in FINDINGS])
    def test_the_document_gives_the_same_findings(self, plan: ActionPlan) -> None:
        """Validating the JSON text finds what validating the value finds."""
        assert validate(dumps(plan)) == validate(plan)
        assert validate(to_dict(plan)) == validate(plan)

    def test_a_plan_can_break_several_rules_at_once(self) -> None:
        """Every finding is reported, in document order: inspection, actions, submission."""
        plan = _plan(
            submitted=D(2019, 3, 19),
            actions=(_qa(answers=("ia-9",), due=D(2018, 11, 1)), LOOSE),
        )
        assert [(finding.code, finding.path) for finding in validate(plan)] == [
            ("ILACS-V030", "$.actions[0].answers[0]"),
            ("ILACS-V031", "$.inspection.improvement_areas[0]"),
            ("ILACS-V031", "$.inspection.improvement_areas[1]"),
            ("ILACS-V032", "$.actions[1].answers"),
            ("ILACS-V034", "$.actions[0].due"),
            ("ILACS-V038", "$.actions[0].milestones[0].due"),
            ("ILACS-V037", "$.submitted"),
        ]

    def test_no_deadline_means_no_late_submission(self) -> None:
        """Without a receipt or publication date nothing can be said to be late."""
        inspection = attrs.evolve(INSPECTION, report_received=None, published=None)
        plan = _plan(inspection=inspection, submitted=D(2025, 1, 1))
        assert "ILACS-V037" not in validate(plan).codes

    def test_a_milestone_due_on_its_actions_day_or_the_horizon_is_fine(self) -> None:
        """The limits are inclusive."""
        plan = _plan(
            horizon=D(2019, 7, 31),
            actions=(_qa(milestones=(attrs.evolve(LIVE, due=D(2019, 6, 28)),)), ASSESS),
        )
        assert validate(plan).findings == ()

    def test_a_milestone_due_on_the_last_day_of_fieldwork_is_fine(self) -> None:
        """Only before fieldwork ends is too early."""
        plan = _plan(actions=(_qa(milestones=(attrs.evolve(LIVE, due=D(2018, 11, 9)),)), ASSESS))
        assert validate(plan).findings == ()


class TestLifecycleFindings:
    """A document whose history breaks the lifecycle is reported under V035 or V036."""

    @pytest.mark.parametrize(("document", "code", "path", "message"), LIFECYCLE_FINDINGS)
    def test_the_finding_names_the_history_entry(
        self, document: dict[str, Any], code: str, path: str, message: str
    ) -> None:
        """From text or from a dictionary; an error at the entry at fault."""
        for given_as in (json.dumps(document), document):
            report = validate(given_as)
            assert [(f.code, f.severity, f.path) for f in report] == [(code, Severity.ERROR, path)]
            assert report.findings[0].message.startswith(message)
            assert report.findings[0].source == CODES[code].source


class TestInspectionFindings:
    """The inspection's own findings appear under $.inspection."""

    def test_dates_out_of_order_are_found_in_the_inspection(self) -> None:
        """Publication before fieldwork ends: V008 at $.inspection.published."""
        inspection = attrs.evolve(INSPECTION, published=D(2018, 11, 8), report_received=None)
        report = validate(_plan(inspection=inspection, submitted=D(2019, 1, 31)))
        assert [(f.code, f.path) for f in report] == [("ILACS-V008", "$.inspection.published")]
        assert report.findings[0].message.startswith(
            "the report is published on 2018-11-08, before fieldwork ends on 2018-11-09"
        )

    def test_an_unknown_framework_is_found_and_stops_the_deadline_check(self) -> None:
        """V002 at $.inspection.framework; no deadline, so no V037 and no crash."""
        inspection = attrs.evolve(INSPECTION, framework="ilacs-2099")
        report = validate(_plan(inspection=inspection, submitted=D(2025, 1, 1)))
        assert [(f.code, f.path) for f in report] == [("ILACS-V002", "$.inspection.framework")]

    def test_missing_judgements_are_found_in_the_inspection(self) -> None:
        """A standard inspection judges every area: V005 at $.inspection.judgements."""
        inspection = attrs.evolve(INSPECTION, judgements=INSPECTION.judgements[1:])
        report = validate(_plan(inspection=inspection))
        assert [(f.code, f.path) for f in report] == [("ILACS-V005", "$.inspection.judgements")]

    def test_an_improvement_area_naming_an_unknown_judgement_area(self) -> None:
        """V012 at the area inside the inspection."""
        areas = (
            ImprovementArea(id="ia-1", text="Assessment.", judgement_areas=("care_leavers",)),
            INSPECTION.improvement_areas[1],
        )
        inspection = attrs.evolve(INSPECTION, improvement_areas=areas)
        report = validate(_plan(inspection=inspection))
        assert [(f.code, f.path) for f in report] == [
            ("ILACS-V012", "$.inspection.improvement_areas[0].judgement_areas[0]")
        ]


class TestGeneratedPlans:
    """What validate says of generated plans agrees with the summary and the strategies."""

    @PLANS
    @given(strategies.action_plans())
    def test_generated_plans_keep_to_their_dates_and_lifecycle(self, plan: ActionPlan) -> None:
        """Nothing is due before fieldwork ends; no history breaks it; every path is in the plan."""
        report = validate(plan)
        assert not {"ILACS-V030", "ILACS-V034", "ILACS-V035", "ILACS-V036"} & set(report.codes)
        for finding in report:
            assert finding.path.startswith(("$.actions[", "$.inspection", "$.submitted"))

    @PLANS
    @given(strategies.action_plans())
    def test_validate_and_summarise_agree_on_the_gaps(self, plan: ActionPlan) -> None:
        """V031 for each unanswered area, V032 for each unlinked action."""
        report = validate(plan)
        summary = summarise(plan, plan.submitted or pendulum.date(2032, 12, 31))
        assert report.codes.count("ILACS-V031") == len(summary.unanswered)
        assert report.codes.count("ILACS-V032") == len(summary.unlinked)

    @PLANS
    @given(strategies.action_plans())
    def test_a_late_submission_is_what_the_summary_calls_late(self, plan: ActionPlan) -> None:
        """V037 exactly when the summary on the day of submission says late."""
        late = "ILACS-V037" in validate(plan).codes
        if plan.submitted is None:
            assert not late
        else:
            assert late is (summarise(plan, plan.submitted).submission.on_time is False)
