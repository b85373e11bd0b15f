"""Haringey's inspections of 2014, 2018, 2023 and 2026 side by side, each under its own framework.

The framework version of each is chosen by its first day of fieldwork, so the same
authority's judgements are read against different sets of judgement areas: the
table has a row for every area any of them judged, and a dash where an inspection's
framework has no such judgement.
Run it: ``python examples/haringey_history.py``.
"""

from _haringey import HISTORY, long_date

from ilacs import Grade

SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}


def main() -> None:
    """Print each inspection's header, then one table of judgements by area."""
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
            cells.append("-" if grade is None else SHORT[grade])
        print(label.ljust(width) + "".join(f"{cell:>13}" for cell in cells))
    print()
    print("RI: requires improvement (to be good). A dash: no such judgement in that framework.")


if __name__ == "__main__":
    main()
