"""Haringey's joint targeted area inspection of December 2017, and its statement of action.

A JTAI is an inspection in its own right, under its own framework series
(``jtai-2016``), not a kind of ILACS visit. Ofsted's letter, published on 30 January
2018, asked the partnership for a written statement of action by 11 May 2018: 70
working days after publication. Run it: ``python examples/haringey_2017_jtai.py``.
"""

from _haringey import JTAI_2017, long_date

from ilacs import deadlines, frameworks


def main() -> None:
    """Print the inspection, its framework and the deadline it sets."""
    inspection = JTAI_2017
    framework = inspection.framework_pack()
    print(f"{inspection.authority.name}: {framework.kind(inspection.kind).label.lower()}")
    print(f"Theme: {inspection.topic}")
    print(f"Framework: {framework.id} (series {framework.series!r}), chosen by its kind")
    ilacs_then = frameworks.for_date(inspection.on_site_start)
    print(f"  (children's services were inspected under {ilacs_then.id} at the time)")
    print(
        f"On site: {long_date(inspection.on_site_start)} to {long_date(inspection.on_site_end)};"
        f" published {long_date(inspection.published)}"
    )
    print(f"Outcome: none, the letter is ungraded ({framework.grade_scale.name})")
    print()
    for deadline in deadlines.for_inspection(inspection):
        print(deadline.explain())


if __name__ == "__main__":
    main()
