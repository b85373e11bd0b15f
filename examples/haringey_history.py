"""Haringey's journey from the 2014 single inspection to the 2026 short inspection, told from the data.

The history is built from Ofsted's official statistics (the 2018 and 2023
inspections), its in-year activity (the February 2025 focused visit on permanence)
and the community scrape of the published reports (the January 2026 inspection, with
its last day on site), by hand for what those files do not hold (the 2014 single
inspection and the December 2017 JTAI on neglect, which the seed, section 3.3, reads
the 2018 result against), and from its report for the area SEND inspection of
January 2024, which the seed's section 9 expected: an inspection of another
framework series joins the history as any other. Each event says where it came from. None of the
files gives areas for improvement or for priority action, so the imported events say
"not known" of them, never "none".

Then: each judgement's grades across the framework versions, the time since the last
full inspection, and what is due next as Ofsted states it beside what the national
record shows. Run it: ``python examples/haringey_history.py [YYYY-MM-DD]``.
"""

import sys
from pathlib import Path

import pendulum
from _haringey import HARINGEY, HISTORY, INSPECTION_2014, JTAI_2017, area_send_2024, long_date

from ilacs import Fact, Grade, Inspection, Known, importers
from ilacs.history import History, merged, observed_gaps

DATA = Path(__file__).parent.parent / "tests" / "data"
SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}


def short(grade: Grade | str) -> str:
    """A grade in a few letters; another scale's outcome as it is."""
    return SHORT[grade] if isinstance(grade, Grade) else grade


#: The day the example is told as of, unless another is given.
AS_OF = pendulum.date(2026, 3, 31)


def sources() -> tuple[tuple[str, tuple[Inspection, ...]], ...]:
    """Each source's name and its inspections, the richest first."""
    official = importers.ofsted(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
    inyear = importers.inyear(DATA / "ofsted_mi_inyear_activity_2022_2025.csv")
    community = importers.community(DATA / "ofsted_csc_ilacs_history.csv")
    return (
        ("Ofsted's official statistics", official.inspections),
        ("Ofsted's in-year activity", inyear.inspections),
        ("the community scrape of the reports", community.inspections),
        ("by hand, from the report or letter", (INSPECTION_2014, JTAI_2017)),
        ("the area SEND report (Ofsted and CQC, 3 April 2024)", (area_send_2024(),)),
    )


def describe(event: Inspection) -> str:
    """An event in one line: its days, kind, framework, topic and grade."""
    days = long_date(event.on_site_start)
    if event.on_site_end is not None:
        days += f" to {long_date(event.on_site_end)}"
    overall = event.grade("overall_effectiveness")
    kind = event.framework_pack().kind(event.kind).label
    text = f"{days}: {kind[0].lower()}{kind[1:]} under {event.framework}"
    if event.topic:
        text += f", on {event.topic.lower()}"
    if isinstance(overall, Grade):
        text += f", overall {overall.label}"
    elif event.judgements:
        text += "; " + "; ".join(f"{label}: {value}" for label, value in event.judgement_table())
    return text


def main(argv: list[str]) -> None:
    """Print Haringey's journey as of the day given (31 March 2026 by default)."""
    as_of = pendulum.Date.fromisoformat(argv[0]) if argv else AS_OF
    named = sources()
    origin = {id(inspection): name for name, inspections in named for inspection in inspections}
    everything = merged(*(inspections for _, inspections in named))
    history = History.of(HARINGEY.urn or HARINGEY.name, everything)

    print(f"{history.authority.name}'s journey, as of {long_date(as_of)}")
    print()
    for event in history.events:
        print(f"  {describe(event)}")
        print(f"      source: {origin[id(event)]}")
        if event.known(Fact.PRIORITY_ACTIONS) is Known.NOT_KNOWN and not event.is_graded:
            print("      areas for priority action: not known (the source does not say)")
        if event.known(Fact.IMPROVEMENT_AREAS) is Known.NOT_KNOWN and event.is_graded:
            print("      areas for improvement: not known (the source does not give them)")
    print()

    print_table()
    print()
    print("Trajectories across framework versions:")
    for area in ("overall_effectiveness", "leaders", "help_and_protection", "children_in_care"):
        points = history.trajectory(area)
        path = " -> ".join(
            f"{point.on_site_start.year} {short(point.grade)}"
            + (f" (as {point.area})" if point.area != area else "")
            for point in points
        )
        print(f"  {area}: {path}")
    print()

    last = history.last_full(as_of)
    months = history.months_since_last_full(as_of)
    if last is not None:
        print(
            f"Last full inspection: {long_date(last.on_site_start)}, {months} months before"
            f" {long_date(as_of)}"
        )
    gaps = observed_gaps(named[0][1])
    print()
    print("What is due next:")
    print(f"  {history.due_next(as_of, observed=gaps)}")
    print()
    print(
        "The national record (Ofsted's official statistics), months between an authority's"
        " full inspections by the grade before:"
    )
    print(gaps.table())
    within = gaps.within(30, 42)
    print(
        f"{within} of {gaps.count()} re-inspections fell within 3 years ± 6 months,"
        " Ofsted's stated intention."
    )
    print()
    interventions = history.under_intervention(as_of)
    print(
        "Under intervention on that day: "
        + (", ".join(map(str, interventions)) or "none recorded in this history")
    )


def print_table() -> None:
    """The four full inspections' judgements side by side, each under its own framework."""
    for inspection in HISTORY:
        framework = inspection.framework_pack()
        print(
            f"{long_date(inspection.on_site_start)} to {long_date(inspection.on_site_end)}:"
            f" {framework.kind(inspection.kind).label.lower()} under {framework.id},"
            f" published {long_date(inspection.published)}"
        )
    print()
    # Rows in the newest framework's order and words, then areas only older ones had.
    labels: dict[str, str] = {}
    for inspection in reversed(HISTORY):
        for area in inspection.framework_pack().judgement_areas:
            labels.setdefault(area.id, area.label)
    years = [str(inspection.on_site_start.year) for inspection in HISTORY]
    width = max(map(len, labels.values()))
    print("Judgement".ljust(width) + "".join(f"{year:>13}" for year in years))
    for area_id, label in labels.items():
        cells = []
        for inspection in HISTORY:
            grade = inspection.grade(area_id)
            cells.append("-" if grade is None else short(grade))
        print(label.ljust(width) + "".join(f"{cell:>13}" for cell in cells))
    print()
    print("RI: requires improvement (to be good). A dash: no such judgement in that framework.")


if __name__ == "__main__":
    main(sys.argv[1:])
