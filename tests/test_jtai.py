"""Joint targeted area inspections: a framework series of their own, with their own deadline."""

import pendulum

from ilacs import Inspection, InspectionKind, LocalAuthority, deadlines, frameworks, validate
from ilacs.deadlines import DeadlineStatus, Event

D = pendulum.date

HARINGEY_JTAI = Inspection(
    authority=LocalAuthority(name="Haringey", urn=80498),
    kind=InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
    on_site_start=D(2017, 12, 4),
    on_site_end=D(2017, 12, 8),
    published=D(2018, 1, 30),
    topic="The multi-agency response to abuse and neglect",
)


class TestTheSeries:
    """A JTAI is recorded under the jtai series, not under ILACS or SIF."""

    def test_the_kind_chooses_the_series(self) -> None:
        """Fieldwork in December 2017 was under SIF for ILACS, but a JTAI is jtai-2016."""
        assert HARINGEY_JTAI.framework == "jtai-2016"
        assert frameworks.for_date(D(2017, 12, 4)).id == "sif-2013"
        assert frameworks.for_date(D(2017, 12, 4), series="jtai").id == "jtai-2016"

    def test_the_pack_is_ungraded_and_cites_its_sources(self) -> None:
        """No judgements, an ungraded scale, and the framework, announcement and letter cited."""
        pack = frameworks.get("jtai-2016")
        assert pack.judgement_areas == ()
        assert pack.grade_scale.kind.value == "ungraded"
        assert pack.graded_kinds() == ()
        assert len(pack.sources) == 3
        assert any("not known" in note for note in pack.notes)

    def test_the_ilacs_packs_no_longer_set_jtai_deadlines(self) -> None:
        """The focused-visit plans follow focused visits only."""
        for framework_id in ("ilacs-2018", "ilacs-2023", "ilacs-2026"):
            for rule in frameworks.get(framework_id).deadlines:
                assert InspectionKind.JOINT_TARGETED_AREA_INSPECTION not in rule.kinds

    def test_haringeys_jtai_validates_without_errors(self) -> None:
        """An ungraded letter with no judgements is what the pack expects."""
        assert validate(HARINGEY_JTAI).errors == ()


class TestTheStatementOfAction:
    """Haringey's letter asked for the written statement of action by 11 May 2018."""

    def test_haringey_2017_gives_11_may_2018(self) -> None:
        """70 working days after publication on 30 January 2018 (Easter and May Day passed)."""
        (statement,) = deadlines.for_inspection(HARINGEY_JTAI)
        assert statement.rule.id == "written_statement_of_action"
        assert statement.status is DeadlineStatus.DUE
        assert statement.due == D(2018, 5, 11)
        assert statement.counted_from_event is Event.PUBLISHED
        assert statement.counted_from == D(2018, 1, 30)

    def test_without_a_publication_date_it_is_not_known(self) -> None:
        """Nothing is guessed from the fieldwork dates."""
        (statement,) = deadlines.for_inspection(
            Inspection(
                authority=LocalAuthority(name="Haringey", urn=80498),
                kind=InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
                on_site_start=D(2017, 12, 4),
            )
        )
        assert statement.status is DeadlineStatus.NOT_KNOWN
        assert statement.due is None
