"""Reproduce the outcome of Haringey's 2018 ILACS inspection, as the council reported it.

The Children and Young People's Scrutiny Panel report of 19 March 2019 (sections
3.1 to 3.6) gives the judgements, the nine areas for improvement and the dates.
Run it: ``python examples/haringey_2018.py``.
"""

import attrs
from _haringey import INFERRED, INSPECTION_2018, SEED_ACTION_PLAN_DEADLINE, long_date

from ilacs import Inspection, deadlines, frameworks, rules


def main() -> None:
    """Print the inspection as the council's report shows it."""
    inspection = INSPECTION_2018
    framework = inspection.framework_pack()
    kind = framework.kind(inspection.kind)

    print(f"{inspection.authority.name}: {kind.label.lower()} of children's services")
    print()
    print(f"Framework: {framework.id} ({framework.name})")
    chosen = frameworks.for_date(inspection.on_site_start)
    print(
        f"  chosen by the first day of fieldwork, {long_date(inspection.on_site_start)}:"
        f" {chosen.id}"
    )
    print(f"Off-site week from: {long_date(inspection.off_site_start)}")
    print(
        f"On-site fieldwork:  {long_date(inspection.on_site_start)} to"
        f" {long_date(inspection.on_site_end)}"
    )
    print(f"Published:          {long_date(inspection.published)}")
    print(f"Lead inspector:     {inspection.lead_inspector}")
    print()
    print("Judgement".ljust(76) + "Grade")
    for label, grade in inspection.judgement_table():
        print(f"{label:<76}{grade}")
    print()
    print(f"What needs to improve ({len(inspection.improvement_areas)} areas):")
    for number, area in enumerate(inspection.improvement_areas, start=1):
        print(f"  {number}. {area.text}")
    print()
    print_findings(inspection)
    print()
    print_rules(inspection)
    print()
    print_deadlines(inspection)


def print_findings(inspection: Inspection) -> None:
    """The report's strengths and weaknesses per judgement, as the seed summarises them."""
    print(
        "Strengths (+) and weaknesses (-) per judgement (the seed's sections 4 to 6, in its words):"
    )
    framework = inspection.framework_pack()
    for findings in sorted(
        inspection.findings, key=lambda found: framework.area_ids.index(found.area)
    ):
        print(f"  {framework.area(findings.area).label}")
        for text in findings.strengths:
            print(f"    + {text}")
        for text in findings.weaknesses:
            print(f"    - {text}")


def print_rules(inspection: Inspection) -> None:
    """The grading rules' verdict, and the overall grades the other judgements permit."""
    print("Grading rules:")
    for outcome in rules.evaluate(inspection):
        print(f"  {outcome.code} ({outcome.strength.value}): {outcome.status.value}")
        print(f"      {outcome.explanation}")
    allowed = rules.permitted(inspection, "overall_effectiveness")
    scale = inspection.framework_pack().grade_scale
    labels = ", ".join(scale.wording(grade) for grade in allowed.grades)
    print(f"Overall effectiveness the other judgements permit: {labels}")


def print_deadlines(inspection: Inspection) -> None:
    """Infer the day the report was received from the seed's deadline, then count from it."""
    rule = deadlines.get_rule(inspection.framework, "action_plan")
    # Both are given: the publication date by the seed, the count by the framework pack.
    assert inspection.published is not None  # noqa: S101
    assert rule.working_days is not None  # noqa: S101
    received = deadlines.infer_receipt(
        SEED_ACTION_PLAN_DEADLINE, inspection.published, rule.working_days
    )
    print(
        f"The seed gives the action plan deadline, {long_date(SEED_ACTION_PLAN_DEADLINE)}:"
        f" {rule.working_days} working days after receipt, so the report was received on"
        f" {long_date(received)} {INFERRED}, before publication on"
        f" {long_date(inspection.published)}."
    )
    print(
        f"  {INFERRED} {long_date(received)} is inferred from the seed's deadline (section 3.6)"
        " by counting working days back; neither the seed nor the report states it."
    )
    print()
    print(f"Deadlines (those counted from receipt rest on the {INFERRED} receipt day):")
    for deadline in deadlines.for_inspection(attrs.evolve(inspection, report_received=received)):
        print(f"  - {deadline}")
    print()
    print("Notes on the seed:")
    print(
        "  - Section 3.1 dates the fieldwork '22 October to 9 November 2019', after the report"
        " it precedes was published (14 December 2018): section 1.1 and the report give 2018."
    )


if __name__ == "__main__":
    main()
