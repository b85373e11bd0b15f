"""Reproduce the outcome of Haringey's 2018 ILACS inspection, as the council reported it.

The Children and Young People's Scrutiny Panel report of 19 March 2019 (sections
3.1 to 3.6) gives the judgements, the nine areas for improvement and the dates.
Run it: ``python examples/haringey_2018.py``.
"""

from _haringey import INSPECTION_2018, long_date

from ilacs import frameworks


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


if __name__ == "__main__":
    main()
