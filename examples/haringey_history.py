"""Haringey's inspections of 2014, 2018, 2023 and 2026 side by side, each under its own framework.

The framework version of each is chosen by its first day of fieldwork, so the same
authority's judgements are read against four different sets of judgement areas.
Run it: ``python examples/haringey_history.py``.
"""

from _haringey import HISTORY, long_date


def main() -> None:
    """Print one block per inspection, oldest first."""
    for inspection in HISTORY:
        framework = inspection.framework_pack()
        print(
            f"{long_date(inspection.on_site_start)} to {long_date(inspection.on_site_end)}:"
            f" {framework.kind(inspection.kind).label.lower()} under {framework.id},"
            f" published {long_date(inspection.published)}"
        )
        table = inspection.judgement_table()
        for label, grade in table:
            print(f"  {label:<90}{grade}")
        if framework.overall_area is None:
            print("  (no overall effectiveness judgement under this framework)")
        print()
    print("Framework versions with no overall judgement since April 2026 change how a series")
    print("of results can be compared: compare judgement by judgement, by area id.")


if __name__ == "__main__":
    main()
