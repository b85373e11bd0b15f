"""Aggregate Care Quality Commission ratings with the ilacs rule engine, from data alone.

``data/cqc-asc-legacy.json`` is a framework pack in the same format as Ofsted's:
CQC's legacy ratings of adult social care, five key questions and an overall
rating, with CQC's aggregation principles as rules. CQC says the principles
"normally" apply, so they are ``likely`` rules: they narrow the *expected* overall
rating and leave every rating *permitted*. Nothing below knows about CQC.
Run it: ``python examples/cqc_aggregation.py``.
"""

from pathlib import Path

import pendulum

from ilacs import Inspection, InspectionKind, Judgement, LocalAuthority, frameworks, rules

PACK = Path(__file__).parent / "data" / "cqc-asc-legacy.json"

# Fictional services: the key questions' ratings in the pack's order, then overall.
SERVICES = {
    "Alder Court": ("Outstanding", "Good", "Outstanding", "Good", "Good", "Outstanding"),
    "Beech House": ("Good", "Good", "Good", "Good", "Good", "Good"),
    "Cedar Lodge": ("Requires improvement", "Good", "Good", "Good", "Good", "Good"),
    "Damson Grove": (
        "Requires improvement",
        "Good",
        "Good",
        "Requires improvement",
        "Good",
        "Good",
    ),
    "Elm Rise": (
        "Inadequate",
        "Inadequate",
        "Requires improvement",
        "Good",
        "Inadequate",
        "Inadequate",
    ),
}


def main() -> None:
    """Load and register the pack, then explain each service's overall rating."""
    framework = frameworks.register(frameworks.load(PACK))
    scale = framework.grade_scale
    print(f"{framework.name} ({framework.id}): {len(framework.rules)} rules")
    for number, (name, ratings) in enumerate(SERVICES.items(), start=1):
        inspection = Inspection(
            # ilacs records the inspected body as a LocalAuthority: here, a care service.
            authority=LocalAuthority(name=name),
            kind=InspectionKind.STANDARD,
            on_site_start=pendulum.date(2019, 3, number),
            framework=framework.id,
            judgements=tuple(
                Judgement(area=area, grade=scale.parse(rating))
                for area, rating in zip(framework.area_ids, ratings, strict=True)
            ),
        )
        print()
        print(name)
        for area, grade in zip(framework.area_ids, inspection.grades.values(), strict=True):
            print(f"  {framework.area(area).label + ':':<16}{scale.label(grade)}")
        for outcome in rules.evaluate(inspection):
            print(f"  {outcome.code} {outcome.status.value}: {outcome.explanation}")
        for word, allowed in (
            ("permitted", rules.permitted(inspection, "overall_rating")),
            ("expected", rules.expected(inspection, "overall_rating")),
        ):
            print(f"  {word} overall: {', '.join(scale.label(g) for g in allowed.grades)}")


if __name__ == "__main__":
    main()
