"""The national picture from Ofsted's official statistics, as of a day.

Imports Ofsted's "Local authority inspection outcomes" history (every graded ILACS
inspection from 2018) and prints, from the reports published by the day given:

- each authority's latest grade for each judgement,
- the national distribution for each judgement, with the share of authorities good
  or outstanding, as Ofsted's statistics report it, and overall by region
  (all from :mod:`ilacs.national`),
- whether every graded inspection satisfies the framework's grading rules.

Run it: ``python examples/national_picture.py [YYYY-MM-DD] [CSV]`` (the day defaults
to 31 March 2025, the date of the release; the file to the copy in ``tests/data``).
"""

import sys
from pathlib import Path

import pendulum

from ilacs import Grade, Inspection, importers, national, rules

OFFICIAL = Path(__file__).parent.parent / "tests" / "data" / "ofsted_mi_ilacs_history_2018_2025.csv"
DEFAULT_DAY = pendulum.date(2025, 3, 31)
SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}

#: The columns of Ofsted's statistics, by the judgement area each counts. Ofsted prints
#: the 2018 framework's combined judgement on children in care and care leavers under
#: "children in care"; so does ilacs.national (its distribution says so in
#: ``counted_as``), and this table marks such a grade with an asterisk.
COLUMNS = (
    ("Overall", "overall_effectiveness"),
    ("Leaders", "leaders"),
    ("Help and protection", "help_and_protection"),
    ("In care", "children_in_care"),
    ("Care leavers", "care_leavers"),
)


def cell(inspection: Inspection, picture: national.Distribution) -> str:
    """The grade an inspection gives for a column, marked * if counted from another area."""
    grade = inspection.grade(picture.area)
    if isinstance(grade, Grade):  # the national picture counts Ofsted's four grades
        return SHORT[grade]
    for other in picture.counted_as:
        grade = inspection.grade(other)
        if isinstance(grade, Grade):
            return SHORT[grade] + "*"
    return "-"


def main(argv: list[str]) -> None:
    """Print the picture as of the day given (31 March 2025 by default)."""
    day = pendulum.Date.fromisoformat(argv[0]) if argv else DEFAULT_DAY
    source = Path(argv[1]) if len(argv) > 1 else OFFICIAL
    result = importers.ofsted(source)
    print(f"Ofsted's official statistics: {result.summary()}")
    print(f"As of {day.format('D MMMM YYYY')}, from the reports published by then")
    print()

    latest = national.latest(result.inspections, as_of=day)
    pictures = national.distributions(
        result.inspections, as_of=day, areas=[area for _, area in COLUMNS]
    )
    print("Latest grades, from each authority's most recent graded inspection")
    print("(* the 2018 framework's combined judgement on children in care and care leavers):")
    header = "".join(f"{title:<21}" for title, _ in COLUMNS)
    print(f"  {'Authority':<36}{'Inspected':<12}{header}".rstrip())
    for inspection in latest:
        row = "".join(f"{cell(inspection, picture):<21}" for picture in pictures)
        name = inspection.authority.name
        print(f"  {name:<36}{inspection.on_site_start.isoformat():<12}{row}".rstrip())
    print()

    print(f"National distribution ({len(latest)} authorities with a graded inspection):")
    for (title, _), picture in zip(COLUMNS, pictures, strict=True):
        if not picture.total:
            print(f"  {title}: no authority has this judgement yet")
            continue
        counts = ", ".join(f"{SHORT[grade]} {number}" for grade, number in picture.counts)
        share = f"good or outstanding {picture.good_or_better:.0%}"
        print(f"  {title}: {picture.total} authorities: {counts}; {share}")
    print()

    print("Overall effectiveness by region:")
    for picture in national.by_region(result.inspections, as_of=day):
        share = "-" if picture.good_or_better is None else f"{picture.good_or_better:.0%}"
        print(f"  {picture.group:<40}{picture.total:>4} graded, good or outstanding {share}")
    print()

    graded = [item for item in result.inspections if item.judgements]
    breaches = [
        (inspection, outcome)
        for inspection in graded
        for outcome in rules.evaluate(inspection)
        if outcome.breached and outcome.strength is rules.Strength.MUST
    ]
    departures = [
        (inspection, outcome)
        for inspection in graded
        for outcome in rules.evaluate(inspection)
        if outcome.breached and outcome.strength is rules.Strength.LIKELY
    ]
    verdict = "all satisfy" if not breaches else f"{len(breaches)} breach"
    print(f"Grading rules: of {len(graded)} graded inspections, {verdict} the 'must' rules.")
    for inspection, outcome in breaches:
        print(f"  BREACH {inspection.authority.name} {inspection.on_site_start}: {outcome.code}")
    print(f"Departures from a 'likely' rule (allowed, for a human to weigh): {len(departures)}")
    for inspection, outcome in departures:
        print(f"  {inspection.authority.name} {inspection.on_site_start}: {outcome.explanation}")


if __name__ == "__main__":
    main(sys.argv[1:])
