"""Haringey's action plan after the 2018 inspection, tracked as of the scrutiny panel's day.

The plan answers the nine areas of the report with what the Children and Young
People's Scrutiny Panel report of 19 March 2019 (the seed) commits to in section 8:
the revised quality assurance framework and two auditors, work with Professor David
Shemmings on the quality of assessments, practice expectations with supervision and
training, a Principal Social Worker, and recruitment and retention measured by the
social worker vacancy rate. Section 8 ends by saying the detailed plan "will respond
to all concerns raised within the report", so the areas section 8 does not cover get an
action of their own, owned by the roles the seed names.

The seed gives no due dates, milestones, start dates or targets, so every one of
them here is invented for illustration, and the ratings that follow from them are
illustrative too; the output labels them ``[illustrative]`` and lists, action by
action, what the seed says and what the example adds. The statuses follow the
seed's tenses ("is now in place", "has been put in place", "will be recruiting"):
the Principal Social Worker is still to be recruited on the panel's day.
Run it: ``python examples/haringey_2018_action_plan.py [YYYY-MM-DD]``.
"""

import sys

import attrs
import pendulum
from _haringey import ILLUSTRATIVE, INFERRED, INSPECTION_2018, SEED_DEADLINE, long_date

from ilacs import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
    StatusChange,
    deadlines,
    progress,
    validate,
)

#: The scrutiny panel's meeting, the day the seed reports on.
PANEL = pendulum.date(2019, 3, 19)

DIRECTOR = "Director of Children and Young People's Services"
HEAD_OF_SAFEGUARDING = "Head of Service for Safeguarding and Assessment"
PSW = "Principal Social Worker"
CHIEF_EXECUTIVE = "Chief Executive"

#: The seed, section 8.3: "The vacancy rate for social workers has reduced from 34.3%
#: in July 2019 to 29.5% in December 2019." A paper of 19 March 2019 cannot report
#: December 2019, so the months are read as July and December 2018 (inferred); the
#: last day of each month is illustrative, and so is the 20% target: the seed sets none.
VACANCY_RATE = Measure(
    id="sw-vacancy-rate",
    description="Social worker vacancy rate",
    unit="%",
    baseline=Observation(on=pendulum.date(2018, 7, 31), value=34.3),
    target=Observation(on=pendulum.date(2020, 3, 31), value=20.0),
    observations=(Observation(on=pendulum.date(2018, 12, 31), value=29.5),),
)


def _started(day: pendulum.Date, note: str | None = None) -> StatusChange:
    return StatusChange(on=day, status=ActionStatus.IN_PROGRESS, by=DIRECTOR, note=note)


def _completed(day: pendulum.Date, note: str) -> StatusChange:
    return StatusChange(on=day, status=ActionStatus.COMPLETED, by=DIRECTOR, note=note)


ACTIONS = (
    Action(
        id="qa-framework",
        title="Revised quality assurance framework, with two auditors",
        answers=("ia-6", "ia-5"),
        owners=(DIRECTOR,),
        due=pendulum.date(2019, 9, 30),
        milestones=(
            Milestone(
                id="framework-live",
                title="Revised quality assurance framework in place",
                due=pendulum.date(2019, 2, 28),
                completed=pendulum.date(2019, 2, 28),
            ),
            Milestone(
                id="auditors",
                title="Two auditors in post",
                due=pendulum.date(2019, 3, 29),
                completed=pendulum.date(2019, 3, 1),
            ),
            Milestone(
                id="first-report",
                title="First quarterly report on the quality of practice to the Board",
                due=pendulum.date(2019, 4, 30),
            ),
        ),
        history=(_started(pendulum.date(2018, 12, 17)),),
    ),
    Action(
        id="assessment-quality",
        title="Improve the quality of assessments with Professor David Shemmings",
        answers=("ia-1", "ia-2"),
        owners=(HEAD_OF_SAFEGUARDING,),
        due=pendulum.date(2019, 12, 20),
        milestones=(
            Milestone(
                id="programme-agreed",
                title="Relationship-based practice programme agreed",
                due=pendulum.date(2019, 3, 29),
            ),
            Milestone(
                id="thresholds-dct",
                title="Thresholds re-launched in the disabled children's team",
                due=pendulum.date(2019, 4, 30),
            ),
        ),
        history=(_started(pendulum.date(2019, 1, 7)),),
    ),
    Action(
        id="practice-expectations",
        title="Practice expectations, with regular supervision and training",
        answers=("ia-5", "ia-2", "ia-3"),
        owners=(HEAD_OF_SAFEGUARDING,),
        due=pendulum.date(2019, 3, 1),
        milestones=(
            Milestone(
                id="expectations-issued",
                title="Practice expectations issued to staff",
                due=pendulum.date(2019, 1, 31),
                completed=pendulum.date(2019, 1, 31),
            ),
        ),
        history=(
            _started(pendulum.date(2018, 12, 18), "Staff roadshows on the report"),
            _completed(
                pendulum.date(2019, 3, 1), "Expectations in place; supervision and training running"
            ),
        ),
    ),
    # The seed, section 8.3: "The service will be recruiting a Principal Social
    # Worker": not begun on the panel's day, so no history; the dates are illustrative.
    Action(
        id="principal-social-worker",
        title="Recruit a Principal Social Worker to lead on the quality of practice",
        answers=("ia-1", "ia-5"),
        owners=(DIRECTOR,),
        due=pendulum.date(2019, 9, 30),
        milestones=(
            Milestone(
                id="psw-advertised",
                title="Principal Social Worker post advertised",
                due=pendulum.date(2019, 4, 30),
            ),
            Milestone(
                id="psw-appointed",
                title="Principal Social Worker appointed",
                due=pendulum.date(2019, 7, 31),
            ),
        ),
    ),
    Action(
        id="recruitment-retention",
        title="Recruit permanent managers and social workers, and keep workloads manageable",
        answers=(),
        owners=(DIRECTOR,),
        due=pendulum.date(2020, 3, 31),
        milestones=(
            Milestone(
                id="remuneration-report",
                title="Report on recruitment and retention to the Staffing and Remuneration"
                " Committee",
                due=pendulum.date(2018, 12, 17),
                completed=pendulum.date(2018, 12, 17),
            ),
        ),
        measures=(VACANCY_RATE,),
        history=(_started(pendulum.date(2018, 11, 12)),),
    ),
    Action(
        id="permanence",
        title="Timely permanence planning for every child in care, with challenge from IROs",
        answers=("ia-3",),
        owners=(HEAD_OF_SAFEGUARDING,),
        due=pendulum.date(2019, 10, 31),
        history=(_started(pendulum.date(2018, 11, 19)),),
    ),
    Action(
        id="adolescent-placements",
        title="Placement sufficiency for vulnerable adolescents",
        answers=("ia-4",),
        owners=(DIRECTOR,),
        due=pendulum.date(2019, 12, 20),
    ),
    Action(
        id="exploitation-partnership",
        title="A partnership response to criminally exploited children, in the youth strategy",
        answers=("ia-7", "ia-8"),
        owners=(CHIEF_EXECUTIVE, DIRECTOR),
        due=pendulum.date(2019, 9, 30),
        milestones=(
            Milestone(
                id="rhi-offer",
                title="Return home interview offer agreed with partners",
                due=pendulum.date(2019, 4, 1),
            ),
        ),
        history=(_started(pendulum.date(2019, 1, 10), "Cabinet briefed"),),
    ),
    Action(
        id="private-fostering",
        title="Clear pathways to private fostering",
        answers=("ia-9",),
        owners=(HEAD_OF_SAFEGUARDING,),
        due=pendulum.date(2019, 7, 31),
    ),
)


#: For each action: what the seed says (with its section), and what the example adds.
PROVENANCE = {
    "qa-framework": (
        "8.3: a revised quality assurance framework 'is also now in place'; two auditors",
        "the due dates, the milestones' dates and the start on 17 December 2018",
    ),
    "assessment-quality": (
        (
            "8.3: working with Professor David Shemmings on the quality of assessments;"
            " 4.2.5: thresholds in the disabled children's service"
        ),
        "the due dates, the milestones and the start on 7 January 2019",
    ),
    "practice-expectations": (
        (
            "8.3: a set of expectations 'has been put in place', with supervision and training;"
            " 7.1: staff roadshows on 18 December"
        ),
        "the due dates, the completion on 1 March 2019, and the roadshows as its start",
    ),
    "principal-social-worker": (
        "8.3: the service 'will be recruiting' a Principal Social Worker (not yet begun)",
        "the due dates and the milestones",
    ),
    "recruitment-retention": (
        (
            "8.3: recruitment and retention; the vacancy rates 34.3% and 29.5%; the report to the"
            " Staffing and Remuneration Committee on 17 December 2018"
        ),
        (
            "the due date, the start on 12 November 2018, the 20% target by 31 March 2020 and the"
            " last day of each month for the rates"
        ),
    ),
    "permanence": (
        "3.5 and 5.4: permanence planning, work under way",
        "the due date and the start on 19 November 2018",
    ),
    "adolescent-placements": (
        "3.5: placement sufficiency for vulnerable adolescents",
        "the due date",
    ),
    "exploitation-partnership": (
        "3.5 and 6.2: criminally exploited children, return home interviews, the youth strategy",
        "the due dates, the milestone, and the Cabinet briefing of 10 January (7.2) as its start",
    ),
    "private-fostering": ("3.5: pathways to private fostering", "the due date"),
}


def haringey_plan() -> ActionPlan:
    """The plan, answering the inspection with the receipt day the seed's deadline implies."""
    rule = deadlines.get_rule(INSPECTION_2018.framework, "action_plan")
    assert INSPECTION_2018.published is not None  # noqa: S101 (the seed gives it)
    assert rule.working_days is not None  # noqa: S101 (the pack gives it)
    received = deadlines.infer_receipt(SEED_DEADLINE, INSPECTION_2018.published, rule.working_days)
    return ActionPlan(
        inspection=attrs.evolve(INSPECTION_2018, report_received=received),
        # The seed says the plan "will be sent to Ofsted in advance of their deadline"
        # but not the day it was sent, so none is recorded.
        submitted=None,
        horizon=pendulum.date(2020, 3, 31),
        oversight=(
            "Children's Improvement Board",
            "Corporate Board",
            "Children and Young People's Scrutiny Panel",
        ),
        actions=ACTIONS,
    )


def main(argv: list[str]) -> None:
    """Print the plan's summary as of the panel's day, or the day given."""
    as_of = pendulum.Date.fromisoformat(argv[0]) if argv else PANEL
    plan = haringey_plan()
    summary = progress.summarise(plan, as_of)

    print(
        f"Haringey's action plan for the inspection of {long_date(plan.inspection.on_site_start)}"
    )
    print(
        f"Overseen by the {plan.oversight[0]}; progress reported to {', '.join(plan.oversight[1:])}"
    )
    print(f"As of {long_date(as_of)}")
    print(
        f"{ILLUSTRATIVE} The seed gives no due dates, milestones, start dates or targets:"
        " those below are invented, and the ratings that follow from them are illustrative."
    )
    print(
        f"{INFERRED} The report's receipt on {long_date(plan.inspection.report_received)} is"
        " inferred from the seed's deadline of 18 March 2019 (section 3.6)."
    )
    print()
    print("Every area answered:")
    for number, area in enumerate(plan.inspection.improvement_areas, start=1):
        answering = ", ".join(action.id for action in plan.actions_for(area.id)) or "NONE"
        print(f"  {number}. {area.text}")
        print(f"     answered by: {answering}")
    print()
    print(summary.to_text())
    print()
    print("What the seed says, and what this example invents:")
    for action in plan.actions:
        says, invents = PROVENANCE[action.id]
        print(f"  {action.id}: the seed, {says}")
        print(f"      {ILLUSTRATIVE} {invents}")
    print()
    print("Notes on the seed:")
    print(
        "  - It says the plan 'will be sent to Ofsted in advance of their deadline of"
        " 18th March 2019' but not the day it was sent, so no submission is recorded."
    )
    print(
        "  - It dates the vacancy rates July and December 2019; a paper of 19 March 2019"
        " can only mean 2018."
    )
    print()
    print("Milestones:")
    for assessment in summary.actions:
        for milestone in assessment.milestones:
            print(f"  {assessment.action.id}/{milestone}")
    print()
    print(f"Findings ({validate(plan).to_text().splitlines()[-1]}):")
    for finding in validate(plan):
        print(f"  {finding.severity.value} {finding.code} {finding.path}: {finding.message}")


if __name__ == "__main__":
    main(sys.argv[1:])
