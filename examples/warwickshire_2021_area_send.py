"""Warwickshire's local area SEND inspection of July 2021: a written statement of action.

Under the 2016 framework (``area-send-2016``) there was no grade: inspectors found
significant weaknesses, and the area had to write a written statement of action, or
they did not. Sources (public pages of Warwickshire County Council and Warwickshire
Parent Carer Voice): the inspection took place from 12 to 16 July 2021; the outcome
letter, published in September 2021 (its day is not given there), required a written
statement of action on five areas of significant weakness, quoted below; the council
set 24 December 2021 for submitting it. The pack sets no deadline for the statement,
because the framework's period could not be found: the date printed is the council's.
Run it: ``python examples/warwickshire_2021_area_send.py``.
"""

import pendulum

from ilacs import (
    Fact,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    deadlines,
    validate,
)

WARWICKSHIRE = LocalAuthority(name="Warwickshire")

#: The areas of significant weakness, as the outcome letter words them.
WEAKNESSES = (
    (
        "the waiting times for ASD assessments, and weaknesses in the support for children and"
        " young people awaiting assessment and following diagnosis of ASD"
    ),
    (
        "the fractured relationships with parents and carers and lack of clear communication and"
        " co-production at a strategic level"
    ),
    (
        "the incorrect placement of some children and young people with EHC plans in specialist"
        " settings, and mainstream school leaders' understanding of why this needs to be addressed"
    ),
    (
        "the lack of uptake of staff training for mainstream primary and secondary school staff to"
        " help them understand and meet the needs of children and young people with SEND"
    ),
    "the quality of the online local offer",
)

INSPECTION = Inspection(
    authority=WARWICKSHIRE,
    kind=InspectionKind.AREA_SEND_INSPECTION,
    on_site_start=pendulum.date(2021, 7, 12),
    on_site_end=pendulum.date(2021, 7, 16),
    judgements=(Judgement(area="outcome", grade="written_statement_required"),),
    priority_actions=tuple(
        ImprovementArea(id=f"sw-{number}", text=text)
        for number, text in enumerate(WEAKNESSES, start=1)
    ),
    not_known=(Fact.IMPROVEMENT_AREAS, Fact.REPORT_RECEIVED),
)
#: The day the council set for submitting the statement (its news of 7 December 2021).
COUNCIL_SUBMISSION_DATE = pendulum.date(2021, 12, 24)


def main() -> None:
    """Print the outcome, the weaknesses and what the pack says about the deadline."""
    framework = INSPECTION.framework_pack()
    print(f"{INSPECTION.authority.name}: local area SEND inspection, 12 to 16 July 2021")
    print(f"Framework: {framework.id} ({framework.grade_scale.kind.value} scale)")
    for label, outcome in INSPECTION.judgement_table():
        print(f"{label}: {outcome}")
    print("Areas of significant weakness:")
    for item in INSPECTION.priority_actions:
        print(f"  {item.id}: {item.text}")
    print()
    rules = deadlines.for_inspection(INSPECTION)
    print(f"Deadline rules in the pack for this kind: {len(rules)}")
    for note in framework.notes:
        if "written statement" in note:
            print(f"  {note}")
    print(f"Submission date the council set: {COUNCIL_SUBMISSION_DATE.format('D MMMM YYYY')}")
    print(f"Validation errors: {len(validate(INSPECTION).errors)}")


if __name__ == "__main__":
    main()
