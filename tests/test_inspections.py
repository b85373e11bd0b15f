"""Tests for the records: LocalAuthority, Inspection, Judgement, ImprovementArea."""

import datetime
import json
import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Fact,
    Findings,
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    NationalFrameworkTag,
    TagKind,
    frameworks,
    strategies,
)
from ilacs.base.converter import structure, unstructure
from ilacs.errors import IlacsError, UnknownFrameworkError, ValidationError

HARINGEY = LocalAuthority(
    name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
)


def _inspection(**changes: Any) -> Inspection:  # noqa: ANN401 (any field's value)
    fields: dict[str, Any] = {
        "authority": HARINGEY,
        "kind": InspectionKind.STANDARD,
        "off_site_start": pendulum.date(2018, 10, 22),
        "on_site_start": pendulum.date(2018, 10, 29),
        "on_site_end": pendulum.date(2018, 11, 9),
        "published": pendulum.date(2018, 12, 14),
        "judgements": (Judgement(area="leaders", grade=Grade.REQUIRES_IMPROVEMENT),),
        "improvement_areas": (ImprovementArea(id="ia-1", text="Pathways to private fostering."),),
    }
    fields.update(changes)
    return Inspection(**fields)


#: (field, bad value, the message's start): construction rejects each.
BAD_INSPECTION_FIELDS = [
    (
        "on_site_start",
        "2018-10-29",
        "'on_site_start' must be a pendulum.Date (a date without a time) (got str '2018-10-29')",
    ),
    ("on_site_start", datetime.date(2018, 10, 29), "'on_site_start' must be a pendulum.Date"),
    ("on_site_start", pendulum.datetime(2018, 10, 29), "'on_site_start' must be a pendulum.Date"),
    (
        "on_site_end",
        pendulum.date(2018, 10, 28),
        "'on_site_end' must not be before the on-site start 2018-10-29 (got 2018-10-28)",
    ),
    (
        "off_site_start",
        pendulum.date(2018, 10, 30),
        "'off_site_start' must not be after the on-site start 2018-10-29 (got 2018-10-30)",
    ),
    (
        "published",
        datetime.datetime(2018, 12, 14, tzinfo=datetime.UTC),
        "'published' must be a pendulum.Date",
    ),
    ("kind", "standard", "'kind' must be InspectionKind (got str 'standard')"),
    ("authority", "Haringey", "'authority' must be LocalAuthority (got str 'Haringey')"),
    (
        "framework",
        "ILACS 2018",
        "'framework' must be a framework id such as 'ilacs-2018' (got str 'ILACS 2018')",
    ),
    ("lead_inspector", "", "'lead_inspector' must not be empty (got str '')"),
    ("lead_inspector", " Anne Waterman", "'lead_inspector' must not start or end with white space"),
    (
        "judgements",
        [Judgement(area="leaders", grade=Grade.GOOD)],
        "'judgements' must be a tuple (got list",
    ),
    ("judgements", ("leaders",), "'judgements[0]' must be Judgement (got str 'leaders')"),
    (
        "judgements",
        (
            Judgement(area="leaders", grade=Grade.GOOD),
            Judgement(area="leaders", grade=Grade.INADEQUATE),
        ),
        "'judgements' must not repeat judgement area 'leaders'",
    ),
    (
        "improvement_areas",
        (ImprovementArea(id="ia-2", text="One."), ImprovementArea(id="ia-2", text="Two.")),
        "'improvement_areas' must not repeat id 'ia-2'",
    ),
    (
        "priority_actions",
        (ImprovementArea(id="ia-1", text="Two."),),
        "an id names either an improvement area or a priority action, not both (got 'ia-1')",
    ),
    ("source_url", "files.ofsted.gov.uk/v1/file/50044253", "'source_url' must be an http(s) URL"),
    (
        "findings",
        (Findings(area="leaders"), Findings(area="leaders", strengths=("Pace.",))),
        "'findings' must not repeat area 'leaders'",
    ),
    ("findings", ("leaders",), "'findings[0]' must be Findings (got str 'leaders')"),
]

#: (fields, the message's start): a judgement's findings reject each.
BAD_FINDINGS = [
    ({"area": "Leaders"}, "'area' must be a judgement area id such as 'leaders'"),
    ({"area": "leaders", "weaknesses": ["Drift."]}, "'weaknesses' must be a tuple"),
    ({"area": "leaders", "strengths": ("Pace.", "Pace.")}, "'strengths' must not repeat item"),
    (
        {"area": "leaders", "serious_weaknesses": (" Drift.",)},
        "'serious_weaknesses[0]' must not start or end with white space",
    ),
]

BAD_AUTHORITIES = [
    ({"name": ""}, "'name' must not be empty"),
    ({"urn": "80498"}, "'urn' must be int (got str '80498')"),
    ({"urn": True}, "'urn' must be int (got bool True)"),
    ({"urn": 0}, "'urn' must be a positive number (got int 0)"),
    ({"dfe_code": 309}, "'dfe_code' must be a three-digit DfE code (got int 309)"),
    ({"dfe_code": "3090"}, "'dfe_code' must be a three-digit DfE code"),
    ({"ons_code": "E0900014"}, "'ons_code' must be an ONS code"),
]

BAD_JUDGEMENTS = [
    (
        {"area": "leaders", "grade": "Good!"},
        "'grade' must be a grade (its value or label) or the snake_case id of an outcome on the framework's scale (got str 'Good!')",
    ),
    ({"area": "Leaders", "grade": Grade.GOOD}, "'area' must be a judgement area id"),
    (
        {"area": "leaders", "grade": None},
        "'grade' must be a grade (its value or label) or the snake_case id of an outcome on the framework's scale (got NoneType None)",
    ),
]

BAD_TAGS = ["outcome 3", "(outcome three, national framework)", "(aim 3, national framework)", ""]


class TestConstruction:
    """Construction rejects what can never be right, naming the field and the value."""

    @pytest.mark.parametrize(("field", "value", "message"), BAD_INSPECTION_FIELDS)
    def test_an_impossible_inspection_is_rejected(
        self, field: str, value: object, message: str
    ) -> None:
        """Each bad field gives a ValidationError (an IlacsError and a ValueError)."""
        with pytest.raises(ValidationError) as info:
            _inspection(**{field: value})
        assert str(info.value).startswith(message)
        assert isinstance(info.value, IlacsError)

    @pytest.mark.parametrize(("field", "value", "message"), BAD_INSPECTION_FIELDS)
    def test_evolve_validates_again(self, field: str, value: Any, message: str) -> None:  # noqa: ANN401
        """Changing a valid inspection through attrs.evolve applies the same checks."""
        with pytest.raises(ValidationError, match=re.escape(message[:40])):
            attrs.evolve(_inspection(), **{field: value})

    @pytest.mark.parametrize(("changes", "message"), BAD_AUTHORITIES)
    def test_an_impossible_authority_is_rejected(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Codes have their shapes; the URN is a positive number."""
        fields: dict[str, Any] = {"name": "Haringey", **changes}
        with pytest.raises(ValidationError) as info:
            LocalAuthority(**fields)
        assert str(info.value).startswith(message)

    @pytest.mark.parametrize(("fields", "message"), BAD_JUDGEMENTS)
    def test_an_impossible_judgement_is_rejected(
        self, fields: dict[str, Any], message: str
    ) -> None:
        """A judgement needs an area id and a Grade."""
        with pytest.raises(ValidationError) as info:
            Judgement(**fields)
        assert str(info.value).startswith(message)

    @pytest.mark.parametrize(("fields", "message"), BAD_FINDINGS)
    def test_impossible_findings_are_rejected(self, fields: dict[str, Any], message: str) -> None:
        """An area id, and tuples of distinct non-blank text."""
        with pytest.raises(ValidationError) as info:
            Findings(**fields)
        assert str(info.value).startswith(message)

    def test_findings_default_to_none_and_are_kept_in_order(self) -> None:
        """No findings unless given; given, they are kept as given, one entry per area."""
        assert _inspection().findings == ()
        found = (
            Findings(area="leaders", weaknesses=("Changes had not been sustained.",)),
            Findings(area="help_and_protection", strengths=("Homeless young people are helped.",)),
        )
        inspection = _inspection(findings=found)
        assert inspection.findings == found
        assert inspection.findings[0].serious_weaknesses == ()

    def test_the_framework_is_chosen_by_the_first_day_of_fieldwork(self) -> None:
        """Without a framework id, the version in force on the on-site start is recorded."""
        assert _inspection().framework == "ilacs-2018"
        assert (
            _inspection(on_site_start=pendulum.date(2026, 1, 12), on_site_end=None).framework
            == "ilacs-2023"
        )

    def test_fieldwork_before_any_framework_needs_an_explicit_one(self) -> None:
        """The error says no framework was in force."""
        with pytest.raises(UnknownFrameworkError, match="was in force on 2012-05-01"):
            _inspection(
                on_site_start=pendulum.date(2012, 5, 1), on_site_end=None, off_site_start=None
            )

    def test_dates_out_of_order_across_the_document_are_left_to_validate(self) -> None:
        """The seed's fieldwork of 2019 with publication in 2018 can be recorded, then reported."""
        inspection = _inspection(
            off_site_start=pendulum.date(2019, 10, 22),
            on_site_start=pendulum.date(2019, 10, 29),
            on_site_end=pendulum.date(2019, 11, 9),
            published=pendulum.date(2018, 12, 14),
        )
        assert inspection.published is not None
        assert inspection.on_site_end is not None
        assert inspection.published < inspection.on_site_end


class TestQueries:
    """What an inspection tells about itself."""

    def test_grade_finds_a_judgement_or_none(self) -> None:
        """grade() by area id."""
        inspection = _inspection()
        assert inspection.grade("leaders") is Grade.REQUIRES_IMPROVEMENT
        assert inspection.grade("overall_effectiveness") is None
        assert inspection.grades == {"leaders": Grade.REQUIRES_IMPROVEMENT}
        assert inspection.is_graded

    def test_the_judgement_table_follows_the_framework_order_and_wording(self) -> None:
        """Rows come in report order with the framework's labels; unknown areas are kept."""
        inspection = _inspection(
            judgements=(
                Judgement(area="overall_effectiveness", grade=Grade.GOOD),
                Judgement(area="care_leavers", grade=Grade.GOOD),
                Judgement(area="leaders", grade=Grade.REQUIRES_IMPROVEMENT),
            )
        )
        assert inspection.judgement_table() == (
            (
                "The impact of leaders on social work practice with children and families",
                "Requires improvement to be good",
            ),
            ("Overall effectiveness", "Good"),
            ("care_leavers", "Good"),
        )

    def test_the_repr_says_what_the_inspection_is(self) -> None:
        """The repr names the authority, kind, dates and framework."""
        assert repr(_inspection()) == (
            "Inspection('Haringey', standard, 2018-10-29..2018-11-09, framework='ilacs-2018',"
            " judgements=1, improvement_areas=1)"
        )


class TestNationalFrameworkTag:
    """Tags such as "(outcome 3, national framework)"."""

    @given(strategies.national_framework_tags())
    def test_a_tag_prints_as_reports_do_and_parses_back(self, tag: NationalFrameworkTag) -> None:
        """str() and parse() are inverses."""
        assert NationalFrameworkTag.parse(str(tag)) == tag

    def test_parse_is_lenient_about_case_and_brackets(self) -> None:
        """Reports vary in capitals and brackets."""
        assert NationalFrameworkTag.parse("Enabler 2, National Framework") == NationalFrameworkTag(
            kind=TagKind.ENABLER, number=2
        )

    @pytest.mark.parametrize("text", BAD_TAGS)
    def test_anything_else_is_rejected_naming_the_text(self, text: str) -> None:
        """The error quotes the text and the expected shape."""
        with pytest.raises(
            ValidationError, match="must read like '\\(outcome 3, national framework\\)'"
        ):
            NationalFrameworkTag.parse(text)

    def test_the_number_is_one_or_more(self) -> None:
        """There is no outcome 0."""
        with pytest.raises(ValidationError, match="'number' must be 1 or more"):
            NationalFrameworkTag(kind=TagKind.OUTCOME, number=0)


class TestGeneratedInspections:
    """Every inspection the strategies build is valid, under every framework version."""

    @given(strategies.inspections())
    def test_generated_inspections_satisfy_their_invariants(self, inspection: Inspection) -> None:
        """Dates in order and in the framework's period; judgements from the framework's areas."""
        framework = frameworks.get(inspection.framework)
        assert framework.is_in_force(inspection.on_site_start)
        assert inspection.on_site_end is None or inspection.on_site_start <= inspection.on_site_end
        assert set(inspection.grades) <= set(framework.area_ids)
        kind = framework.kind(inspection.kind)
        assert bool(inspection.judgements) == kind.graded
        if kind.graded:
            assert set(inspection.grades) == set(framework.area_ids)

    @given(strategies.inspections())
    def test_the_json_round_trip_is_exact(self, inspection: Inspection) -> None:
        """Dumping to JSON and loading back gives an equal inspection, with pendulum dates."""
        text = json.dumps(unstructure(inspection), ensure_ascii=False)
        loaded = structure(json.loads(text), Inspection, what="inspection")
        assert loaded == inspection
        assert type(loaded.on_site_start) is pendulum.Date

    @given(strategies.inspections(), st.sampled_from(["on_site_end", "off_site_start"]))
    def test_evolving_dates_out_of_order_is_rejected(
        self, inspection: Inspection, field: str
    ) -> None:
        """Moving the on-site end before the start, or the off-site start after it, fails."""
        wrong: Any = (
            inspection.on_site_start.subtract(days=1)
            if field == "on_site_end"
            else inspection.on_site_start.add(days=1)
        )
        with pytest.raises(ValidationError, match=f"'{field}' must not be"):
            attrs.evolve(inspection, **{field: wrong})

    @given(strategies.inspections(framework="ilacs-2026", graded=True))
    def test_a_framework_can_be_chosen(self, inspection: Inspection) -> None:
        """inspections(framework=...) keeps to that version."""
        assert inspection.framework == "ilacs-2026"
        assert inspection.grade("overall_effectiveness") is None


#: (not_known, the facts' answers as (priority actions, improvement areas, receipt, last day)).
KNOWN_CASES = [
    ((), ("none", "these", "not_known", "these")),
    ((Fact.PRIORITY_ACTIONS,), ("not_known", "these", "not_known", "these")),
    ((Fact.REPORT_RECEIVED,), ("none", "these", "not_known", "these")),
]


class TestTriStateFacts:
    """A record tells "none" from "not known" where a source may be silent."""

    @pytest.mark.parametrize(("not_known", "answers"), KNOWN_CASES)
    def test_each_fact_is_none_these_or_not_known(
        self, not_known: tuple[Fact, ...], answers: tuple[str, ...]
    ) -> None:
        """An empty list is none unless listed as not known; a missing date is not known."""
        inspection = _inspection(not_known=not_known)
        facts = (Fact.PRIORITY_ACTIONS, "improvement_areas", Fact.REPORT_RECEIVED, "on_site_end")
        assert tuple(inspection.known(fact).value for fact in facts) == answers

    def test_a_fact_given_cannot_be_listed_as_not_known(self) -> None:
        """Construction rejects a list that is both given and not known."""
        with pytest.raises(
            ValidationError, match="'not_known' must not list 'improvement_areas', which is given"
        ):
            _inspection(not_known=(Fact.IMPROVEMENT_AREAS,))

    @pytest.mark.parametrize("bad", [("priority_actions",), (Fact.ON_SITE_END, Fact.ON_SITE_END)])
    def test_not_known_holds_facts_once_each(self, bad: tuple[object, ...]) -> None:
        """Strings are not facts, and no fact twice."""
        with pytest.raises(ValidationError, match="not_known"):
            _inspection(on_site_end=None, not_known=bad)

    def test_asking_for_an_unknown_fact_names_the_known_ones(self) -> None:
        """An IlacsError, not a KeyError."""
        with pytest.raises(ValidationError, match="'fact' must be one of 'priority_actions'"):
            _inspection().known("lead_inspector")

    def test_not_known_round_trips_through_json(self) -> None:
        """The wire keeps the facts not known."""
        inspection = _inspection(improvement_areas=(), not_known=(Fact.IMPROVEMENT_AREAS,))
        assert structure(unstructure(inspection), Inspection, what="an inspection") == inspection
