"""The national picture from Ofsted's official statistics, as of a day.

Imports Ofsted's "Local authority inspection outcomes" history (every graded ILACS
inspection from 2018) and prints, from the reports published by the day given:

- each authority's latest grade for each judgement,
- the national distribution for each judgement, with the share of authorities good
  or outstanding, as Ofsted's statistics report it,
- whether every graded inspection satisfies the framework's grading rules.

Run it: ``python examples/national_picture.py [YYYY-MM-DD] [CSV]`` (the day defaults
to 31 March 2025, the date of the release; the file to the copy in ``tests/data``).
"""

import sys
from collections import Counter
from pathlib import Path

import pendulum

from ilacs import Grade, Inspection, authorities, importers, rules

OFFICIAL = Path(__file__).parent.parent / "tests" / "data" / "ofsted_mi_ilacs_history_2018_2025.csv"
DEFAULT_DAY = pendulum.date(2025, 3, 31)
GOOD_OR_BETTER = (Grade.OUTSTANDING, Grade.GOOD)
SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}


#: The columns of Ofsted's statistics, with the judgement areas each takes, in turn.
#: Ofsted prints the 2018 framework's combined judgement on children in care and care
#: leavers under "children in care"; so does this table, marked with an asterisk.
COLUMNS = (
    ("Overall", ("overall_effectiveness",)),
    ("Leaders", ("leaders",)),
    ("Help and protection", ("help_and_protection",)),
    ("In care", ("children_in_care", "children_in_care_and_care_leavers")),
    ("Care leavers", ("care_leavers",)),
)
COMBINED = "children_in_care_and_care_leavers"


def _existed(name: str, day: pendulum.Date) -> bool:
    record = authorities.record(name)
    return record.replaced_on is None or record.replaced_on > day


def latest_inspections(
    inspections: tuple[Inspection, ...], day: pendulum.Date
) -> dict[str, Inspection]:
    """Each authority's latest graded inspection published by ``day``, if it existed then."""
    latest: dict[str, Inspection] = {}
    for inspection in sorted(
        (
            item
            for item in inspections
            if item.judgements and item.published is not None and item.published <= day
        ),
        key=lambda item: (item.published, item.on_site_start),
    ):
        if _existed(inspection.authority.name, day):
            latest[inspection.authority.name] = inspection
    return latest


def column_grade(inspection: Inspection, areas: tuple[str, ...]) -> tuple[Grade, str] | None:
    """The grade an inspection gives for a column, and the area it came from."""
    for area in areas:
        grade = inspection.grade(area)
        if grade is not None:
            return grade, area
    return None


def main(argv: list[str]) -> None:
    """Print the picture as of the day given (31 March 2025 by default)."""
    day = pendulum.Date.fromisoformat(argv[0]) if argv else DEFAULT_DAY
    source = Path(argv[1]) if len(argv) > 1 else OFFICIAL
    result = importers.ofsted(source)
    print(f"Ofsted's official statistics: {result.summary()}")
    print(f"As of {day.format('D MMMM YYYY')}, from the reports published by then")
    print()

    latest = latest_inspections(result.inspections, day)
    print("Latest grades, from each authority's most recent graded inspection")
    print("(* the 2018 framework's combined judgement on children in care and care leavers):")
    header = "".join(f"{title:<21}" for title, _ in COLUMNS)
    print(f"  {'Authority':<36}{'Inspected':<12}{header}".rstrip())
    for name in sorted(latest):
        inspection = latest[name]
        cells = []
        for _, areas in COLUMNS:
            found = column_grade(inspection, areas)
            if found is None:
                cells.append("-")
            else:
                grade, area = found
                cells.append(SHORT[grade] + ("*" if area == COMBINED else ""))
        row = "".join(f"{cell:<21}" for cell in cells)
        print(f"  {name:<36}{inspection.on_site_start.isoformat():<12}{row}".rstrip())
    print()

    print(f"National distribution ({len(latest)} authorities with a graded inspection):")
    for title, areas in COLUMNS:
        tally = Counter(
            found[0]
            for found in (column_grade(inspection, areas) for inspection in latest.values())
            if found is not None
        )
        total = sum(tally.values())
        good = sum(tally[grade] for grade in GOOD_OR_BETTER)
        counts = ", ".join(f"{SHORT[grade]} {tally[grade]}" for grade in reversed(Grade))
        if not total:
            print(f"  {title}: no authority has this judgement yet")
            continue
        print(f"  {title}: {total} authorities: {counts}; good or outstanding {good / total:.0%}")
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
