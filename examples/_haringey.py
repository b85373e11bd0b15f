"""Haringey's children's services inspections, as the seed and the published reports give them.

Sources: the Haringey Children and Young People's Scrutiny Panel report of
19 March 2019 (the seed), and Ofsted's reports of 18 July 2014, 14 December 2018,
11 April 2023 and 24 February 2026, and its JTAI letter of 30 January 2018. Shared by
the Haringey examples. Nothing here is invented; a value worked out from another
(the day the 2018 report was received) is printed with :data:`INFERRED` and what it
was inferred from, and a value an example makes up with :data:`ILLUSTRATIVE`.
"""

from pathlib import Path

import pendulum

from ilacs import (
    Fact,
    Findings,
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
)

HARINGEY = LocalAuthority(
    name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
)
RI = Grade.REQUIRES_IMPROVEMENT

# The seed, section 3.5: "Under a heading, 'what needs to improve', inspectors noted
# the following nine areas." The report does not tie them to judgements.
NINE_AREAS = (
    "Assessment of children's needs when their circumstances change, in order to inform plans.",
    (
        "Child-focused plans, particularly in the disabled children's team, where the"
        " understanding of thresholds when risks escalate also needs to improve."
    ),
    (
        "Timely and effective permanence planning for all children in care, including effective"
        " challenge brought by independent reviewing officers."
    ),
    "Placement sufficiency for vulnerable adolescents.",
    (
        "The quality and timeliness of case recording, including the recording of management"
        " decision-making."
    ),
    "The quality of audits to inform practice and drive practice improvements.",
    "The strategic partnership response to criminally exploited children.",
    (
        "The offer and take-up of return home interviews and the subsequent use of intelligence"
        " to inform individual children's plans and wider partnership activity."
    ),
    "Pathways to private fostering.",
)


def judgements(**grades: Grade) -> tuple[Judgement, ...]:
    """Judgements from keyword arguments: ``judgements(leaders=Grade.GOOD, ...)``."""
    return tuple(Judgement(area=area, grade=grade) for area, grade in grades.items())


# The 2018 report's strengths and weaknesses per judgement, in the seed's words
# (sections 4 to 6 summarise the report; the council's own comments are left out).
FINDINGS_2018 = (
    Findings(
        area="help_and_protection",  # seed 4.2
        strengths=(
            (
                "For example, the strengthening of safeguarding through the 'front door' arrangements"
                " with the Multi Agency Safeguarding Hub (MASH) since the JTAI and the significant"
                " improvements in services for young people leaving care since the 2014 full"
                " inspection."
            ),
            (
                "It was found that young people who present as homeless are responded to"
                " appropriately, that assessments are jointly undertaken with housing and that young"
                " people who need accommodation are provided with it."
            ),
            (
                "Inspectors found that children and young people subject to, or at risk of, criminal"
                " exploitation, child sexual exploitation and gang affiliation are supported such that"
                " the lives of some young people become more stable and less risky."
            ),
            (
                "It should be noted that the youth centre at Bruce Grove was singled out for"
                " particular praise as offering excellent provision for young people in the Borough."
            ),
        ),
        weaknesses=(
            "The inspectors found that the coordination of early help services is underdeveloped.",
            (
                "The report states that thresholds in the children with disability service are not"
                " well understood or applied when risk escalates."
            ),
        ),
    ),
    Findings(
        area="children_in_care_and_care_leavers",  # seed 5
        strengths=(
            (
                "Inspectors found that the threshold decisions for children coming into care are"
                " appropriate and that those with a plan to return home are supported appropriately"
                " to ensure that they are returned safely and then thrive."
            ),
            (
                "Inspected were impressed with the efforts of social workers to develop relationships"
                " with children and young people who have had difficult experiences and they stated"
                " that children in care are visited regularly and often beyond statutory"
                " expectations."
            ),
            (
                "The report states that children in care have access to a wide range of leisure"
                " activities and the local authority supports funding to access local sports centres."
            ),
        ),
        weaknesses=(
            (
                "The service recognised that further work was required to improve permanence planning"
                " for children and this too was noted by inspectors."
            ),
            (
                "The service was also aware of the variability in the quality of personal education"
                " plans (PEP)."
            ),
        ),
    ),
    Findings(
        area="leaders",  # seed 6
        strengths=(
            (
                "However, it is positive that inspectors reported a significant increase in pace has"
                " been noticed since the Dec 2017 JTAI and the arrival of the new director."
            ),
            (
                "the well informed, confident and aspirational lead member is fully involved across a"
                " range of committees and boards"
            ),
            (
                "Inspectors found that Members appropriately challenge performance in areas of concern"
                " and request further information to improve their understanding of issues such as"
                " knife crime."
            ),
            (
                "It was noted that Members of the Corporate Parenting Committee undertake regular"
                " visits to a wide range of services so that they are able to tackle issues for"
                " children and young people."
            ),
            (
                "It was noted that the staff in children's social care reflect the diversity of the"
                " local population and have a sophisticated awareness of diversity and how cultural,"
                " religious factors underpin children sense of identity."
            ),
        ),
        weaknesses=(
            (
                "Some of the areas for improvement had been reported in the full inspection that took"
                " place in 2014."
            ),
            (
                "Inspectors reported that although actions had been taken to address the"
                " recommendations from that inspection, that the changes had not been sustained due to"
                " a succession of changes in the senior leadership team."
            ),
        ),
    ),
    Findings(
        area="overall_effectiveness",  # seed 4.1
        strengths=(
            (
                "Staff and managers are ambitious for children and young people and are tenacious in"
                " their efforts to help and support them"
            ),
        ),
    ),
)

# The framework version is not given: it is chosen by the first day of fieldwork.
INSPECTION_2018 = Inspection(
    authority=HARINGEY,
    kind=InspectionKind.STANDARD,
    off_site_start=pendulum.date(2018, 10, 22),
    on_site_start=pendulum.date(2018, 10, 29),
    on_site_end=pendulum.date(2018, 11, 9),
    published=pendulum.date(2018, 12, 14),
    lead_inspector="Anne Waterman HMI",
    judgements=judgements(
        leaders=RI,
        help_and_protection=RI,
        children_in_care_and_care_leavers=RI,
        overall_effectiveness=RI,
    ),
    improvement_areas=tuple(
        ImprovementArea(id=f"ia-{number}", text=text)
        for number, text in enumerate(NINE_AREAS, start=1)
    ),
    source_url="https://files.ofsted.gov.uk/v1/file/50044253",
    findings=FINDINGS_2018,
)

INSPECTION_2014 = Inspection(
    authority=HARINGEY,
    kind=InspectionKind.SINGLE_INSPECTION,
    on_site_start=pendulum.date(2014, 5, 20),
    on_site_end=pendulum.date(2014, 6, 11),
    published=pendulum.date(2014, 7, 18),
    judgements=judgements(
        help_and_protection=RI,
        looked_after_and_permanence=RI,
        adoption_performance=RI,
        care_leavers=RI,
        leadership=RI,
        overall_effectiveness=RI,
    ),
    source_url="https://files.ofsted.gov.uk/v1/file/50004274",
)

INSPECTION_2023 = Inspection(
    authority=HARINGEY,
    kind=InspectionKind.STANDARD,
    on_site_start=pendulum.date(2023, 2, 13),
    on_site_end=pendulum.date(2023, 2, 24),
    published=pendulum.date(2023, 4, 11),
    lead_inspector="Claire Beckingham",
    judgements=judgements(
        leaders=Grade.GOOD,
        help_and_protection=Grade.GOOD,
        children_in_care=RI,
        care_leavers=Grade.GOOD,
        overall_effectiveness=Grade.GOOD,
    ),
    source_url="https://files.ofsted.gov.uk/v1/file/50213624",
)

# Fieldwork began in January 2026, before the revised framework: it still has an
# overall effectiveness grade although it was published in February 2026.
INSPECTION_2026 = Inspection(
    authority=HARINGEY,
    kind=InspectionKind.SHORT,
    on_site_start=pendulum.date(2026, 1, 12),
    on_site_end=pendulum.date(2026, 1, 16),
    published=pendulum.date(2026, 2, 24),
    lead_inspector="Christine Kennet",
    judgements=judgements(
        leaders=Grade.OUTSTANDING,
        help_and_protection=Grade.GOOD,
        children_in_care=Grade.GOOD,
        care_leavers=Grade.OUTSTANDING,
        overall_effectiveness=Grade.OUTSTANDING,
    ),
    source_url="https://files.ofsted.gov.uk/v1/file/50295650",
)

HISTORY = (INSPECTION_2014, INSPECTION_2018, INSPECTION_2023, INSPECTION_2026)

# The seed, section 3.3: "a Joint Targeted Area Inspection (JTAI) on neglect took
# place in December 2017". Ofsted's letter gives the days (4 to 8 December 2017) and
# its publication (30 January 2018). Ungraded; its kind chooses its framework series
# (jtai-2016).
JTAI_2017 = Inspection(
    authority=HARINGEY,
    kind=InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
    on_site_start=pendulum.date(2017, 12, 4),
    on_site_end=pendulum.date(2017, 12, 8),
    published=pendulum.date(2018, 1, 30),
    topic="Neglect",
    not_known=(Fact.PRIORITY_ACTIONS,),
)

#: Haringey's area SEND inspection report (Ofsted and CQC, published 3 April 2024), as text.
AREA_SEND_REPORT = (
    Path(__file__).parent / "data" / "80498_haringey__area_send_full_inspection_-_03_april_2024.txt"
)


def area_send_2024() -> Inspection:
    """The area SEND inspection of 29 January to 2 February 2024, read from its report.

    The seed's section 9 expected it. The report's first page gives the dates and the
    outcome; the areas for improvement are not read, so they are not known here.
    """
    from ilacs.tables import area_send  # noqa: PLC0415 (only the history example needs it)

    facts = area_send.read_report(
        AREA_SEND_REPORT.read_text(encoding="utf-8"), name=AREA_SEND_REPORT.stem
    )
    if facts.outcome is None:
        msg = "the report's words name no one outcome of the scale"
        raise SystemExit(msg)
    return Inspection(
        authority=HARINGEY,
        kind=InspectionKind.AREA_SEND_INSPECTION,
        on_site_start=facts.on_site_start,
        on_site_end=facts.on_site_end,
        published=facts.published,
        judgements=(Judgement(area="outcome", grade=facts.outcome),),
        not_known=(Fact.IMPROVEMENT_AREAS, Fact.PRIORITY_ACTIONS),
    )


#: The seed, section 3.6: the action plan "will be sent to Ofsted in advance of their
#: deadline of 18th March 2019".
SEED_ACTION_PLAN_DEADLINE = pendulum.date(2019, 3, 18)
SEED_DEADLINE = SEED_ACTION_PLAN_DEADLINE

#: How the examples label a value the seed does not state.
INFERRED = "[inferred]"
ILLUSTRATIVE = "[illustrative]"


def long_date(day: pendulum.Date | None) -> str:
    """A date as a committee paper writes it: 9 November 2018."""
    return "unknown" if day is None else day.format("D MMMM YYYY")
