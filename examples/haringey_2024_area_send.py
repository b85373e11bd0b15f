"""Haringey's area SEND inspection of 29 January to 2 February 2024, from its report.

The report (Ofsted and CQC, published 3 April 2024; Open Government Licence v3.0)
is read from its text extraction in ``examples/data``: the dates, the outcome in the
words of the ``area-send-2023`` pack's scale, and whether a priority action plan is
required. The seed's section 9 expected this inspection. Run it:
``python examples/haringey_2024_area_send.py``.
"""

from pathlib import Path

from _haringey import HARINGEY, long_date

from ilacs import Fact, Inspection, InspectionKind, Judgement, deadlines
from ilacs.tables import area_send

REPORT = (
    Path(__file__).parent
    / "data"
    / ("80498_haringey__area_send_full_inspection_-_03_april_2024.txt")
)


def main() -> None:
    """Read the report, record the inspection, and print what follows from its outcome."""
    facts = area_send.read_report(REPORT.read_text(encoding="utf-8"), name=REPORT.stem)
    if facts.outcome is None:
        msg = "the report's words name no one outcome of the scale"
        raise SystemExit(msg)
    inspection = Inspection(
        authority=HARINGEY,
        kind=InspectionKind.AREA_SEND_INSPECTION,
        on_site_start=facts.on_site_start,
        on_site_end=facts.on_site_end,
        published=facts.published,
        judgements=(Judgement(area="outcome", grade=facts.outcome),),
        # The first page does not list the areas for improvement: not known here.
        not_known=(Fact.IMPROVEMENT_AREAS, Fact.PRIORITY_ACTIONS),
    )
    framework = inspection.framework_pack()
    print(f"{inspection.authority.name} local area partnership: area SEND inspection")
    print(f"Framework: {framework.id} ({framework.name})")
    print(
        f"On site: {long_date(inspection.on_site_start)} to {long_date(inspection.on_site_end)};"
        f" published {long_date(inspection.published)}"
    )
    for label, outcome in inspection.judgement_table():
        print(f"{label}: {outcome}")
    required = "required" if facts.priority_action_plan else "not required"
    print(f"Priority action plan (area SEND): {required}")
    print()
    for deadline in deadlines.for_inspection(inspection):
        print(deadline)


if __name__ == "__main__":
    main()
