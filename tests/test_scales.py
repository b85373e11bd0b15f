"""Outcome scales as data: a five-point framework written as a pack file, with no code.

The pack below is made up for this test: its five labels are those of Ofsted's
school report cards (from November 2025), and nothing else in it (its areas, its
rules, its deadline) is Ofsted's. The property tests draw random ordered scales and
packs and check the round trip and the rules engine on them.
"""

import io
import json
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    deadlines,
    frameworks,
    reports,
    rules,
    serialisation,
    strategies,
    tabular,
    validate,
)
from ilacs.deadlines import DeadlineStatus
from ilacs.errors import ValidationError
from ilacs.frameworks import Framework, GradeLabel, GradeScale, ScaleKind
from ilacs.frameworks.grades import Grade

D = pendulum.date
OUTCOMES = ("exceptional", "strong", "expected", "needs_attention", "urgent_improvement")
LABELS = (
    "Exceptional",
    "Strong standard",
    "Expected standard",
    "Needs attention",
    "Urgent improvement",
)

#: A pack as a user writes it by hand: keys with defaults left out.
PACK = {
    "schema_version": 1,
    "document_type": "framework",
    "id": "report-card-trial",
    "series": "report-card-trial",
    "name": "A made-up five-point framework (test only)",
    "summary": "Two practice judgements and an overall one on a five-point scale.",
    "in_force_from": "2025-11-10",
    "in_force_until": None,
    "grade_scale": {
        "id": "five-point",
        "name": "Five-point scale",
        "kind": "ordered",
        "grades": [
            {"grade": outcome, "label": label}
            for outcome, label in zip(OUTCOMES, LABELS, strict=True)
        ],
    },
    "judgement_areas": [
        {"id": "teaching", "label": "Curriculum and teaching", "role": "practice"},
        {"id": "inclusion", "label": "Inclusion", "role": "practice"},
        {"id": "overall", "label": "Overall", "role": "overall"},
    ],
    "inspection_kinds": [{"kind": "standard", "label": "Inspection", "graded": True}],
    "rules": [
        {
            "code": "TRIAL-1",
            "statement": "If any practice judgement needs attention or worse, overall is at best expected.",
            "strength": "must",
            "provenance": "Made up for this test.",
            "target": "overall",
            "limits": [
                {
                    "shape": "cap",
                    "when": [{"at_least": 1, "of": ["practice"], "grade": "needs_attention"}],
                    "bound": "expected",
                }
            ],
        }
    ],
    "sources": [{"title": "Made up for this test"}],
    "deadlines": [
        {
            "id": "revisit",
            "name": "Revisit",
            "kinds": ["standard"],
            "grade_at_most": "needs_attention",
            "counts_from": "on_site_end",
            "months": 12,
            "basis": "framework",
            "source": "Made up for this test.",
        }
    ],
}


@pytest.fixture
def pack(tmp_path: Path) -> Framework:
    """The pack, written to a file and loaded from it."""
    path = tmp_path / "report-card-trial.json"
    path.write_text(json.dumps(PACK), encoding="utf-8")
    return frameworks.load(path)


def _school(**grades: str) -> Inspection:
    return Inspection(
        authority=LocalAuthority(name="Haringey", urn=80498),
        kind=InspectionKind.STANDARD,
        on_site_start=D(2026, 1, 12),
        on_site_end=D(2026, 1, 14),
        framework="report-card-trial",
        judgements=tuple(Judgement(area=area, grade=grade) for area, grade in grades.items()),
    )


class TestAFivePointPack:
    """Loaded, validated, evaluated, serialised, exported and reported with no code change."""

    def test_the_scale_reads_its_labels_and_orders_its_outcomes(self, pack: Framework) -> None:
        """Best first; labels and ids both read; ranks 4 down to 0."""
        scale = pack.grade_scale
        assert scale.members == OUTCOMES
        assert scale.parse("needs ATTENTION") == "needs_attention"
        assert scale.parse("Strong standard") == "strong"
        assert [scale.rank(o) for o in OUTCOMES] == [4, 3, 2, 1, 0]
        assert json.dumps(frameworks.to_dict(pack)).count('"grade": "exceptional"') == 1

    def test_a_consistent_inspection_validates(self, pack: Framework) -> None:
        """No error for outcomes on the scale that satisfy the rule."""
        with frameworks.scoped(pack):
            school = _school(teaching="strong", inclusion="expected", overall="strong")
            assert validate(school).errors == ()
            assert [o.status.value for o in rules.evaluate(school)] == ["held"]

    def test_the_rule_caps_overall(self, pack: Framework) -> None:
        """Inclusion needs attention, so overall is at best expected: strong breaches it."""
        with frameworks.scoped(pack):
            school = _school(teaching="strong", inclusion="needs_attention", overall="strong")
            (outcome,) = rules.evaluate(school)
            assert outcome.breached
            assert "at best Expected standard" in outcome.explanation
            assert rules.permitted(school, "overall").grades == (
                "expected",
                "needs_attention",
                "urgent_improvement",
            )
            assert "ILACS-V020" in {finding.code for finding in validate(school).errors}

    def test_an_outcome_off_the_scale_is_a_finding(self, pack: Framework) -> None:
        """A four-point grade is not on this scale: validate says so, the rules skip it."""
        with frameworks.scoped(pack):
            school = _school(teaching=Grade.GOOD.value, inclusion="expected", overall="strong")
            assert "ILACS-V004" in {finding.code for finding in validate(school).errors}
            assert rules.evaluate(school)[0].status.value == "not_applicable"

    def test_it_round_trips_through_the_wire_format(self, pack: Framework) -> None:
        """The same document, byte for byte, with the outcome ids as written."""
        with frameworks.scoped(pack):
            school = _school(teaching="exceptional", inclusion="strong", overall="strong")
            text = serialisation.dumps(school)
            assert '"grade": "exceptional"' in text
            assert serialisation.loads(text) == school
            assert serialisation.dumps(serialisation.loads(text)) == text

    def test_it_exports_and_imports_as_a_table(self, pack: Framework) -> None:
        """The CSV prints the pack's labels and reads them back."""
        with frameworks.scoped(pack):
            school = _school(teaching="exceptional", inclusion="strong", overall="strong")
            text = tabular.to_csv([school])
            assert "Strong standard" in text
            assert "Exceptional" in text
            (back,) = tabular.from_csv(io.StringIO(text)).inspections
            assert back.grades == school.grades

    def test_it_is_reported_in_the_pack_s_words(self, pack: Framework) -> None:
        """The briefing's judgement table prints the outcomes' labels under 'Outcome'."""
        with frameworks.scoped(pack):
            school = _school(teaching="exceptional", inclusion="strong", overall="strong")
            text = reports.briefing(school, D(2026, 2, 1))
            assert "| Judgement | Outcome |" in text
            assert "| Curriculum and teaching | Exceptional |" in text

    def test_its_deadline_follows_the_outcome(self, pack: Framework) -> None:
        """A revisit within 12 months after needs attention or worse; none after strong."""
        with frameworks.scoped(pack):
            low = _school(
                teaching="expected", inclusion="needs_attention", overall="needs_attention"
            )
            (revisit,) = deadlines.for_inspection(low)
            assert (revisit.status, revisit.due) == (DeadlineStatus.DUE, D(2027, 1, 14))
            high = _school(teaching="strong", inclusion="strong", overall="strong")
            (none,) = deadlines.for_inspection(high)
            assert none.status is DeadlineStatus.DOES_NOT_APPLY
            assert "Needs attention or worse" in str(none)

    def test_a_rule_naming_an_outcome_off_the_scale_is_refused(self) -> None:
        """The pack is checked as it loads: 'good' is not on the five-point scale."""
        broken = json.loads(json.dumps(PACK))
        broken["rules"][0]["limits"][0]["bound"] = "good"
        with pytest.raises(Exception, match="which is not on its scale 'five-point'"):
            frameworks.from_dict(broken)


class TestScaleKinds:
    """The shapes a scale may take, and what each refuses."""

    def test_a_finding_has_two_outcomes(self) -> None:
        """A yes/no finding: the better outcome first, then the finding made."""
        scale = frameworks.get("area-send-2016").grade_scale
        assert scale.kind is ScaleKind.FINDING
        assert scale.is_better("no_written_statement", "written_statement_required")
        with pytest.raises(ValidationError, match="a 'finding' scale lists two outcomes"):
            attrs.evolve(scale, grades=scale.grades[:1])

    def test_an_unordered_scale_has_no_ranks_and_takes_no_rules(self) -> None:
        """Its outcomes are a set: ranking one is an error, and so is a rule comparing them."""
        scale = GradeScale(
            id="colours",
            name="Colours",
            kind=ScaleKind.UNORDERED,
            grades=(GradeLabel(grade="red", label="Red"), GradeLabel(grade="blue", label="Blue")),
        )
        with pytest.raises(ValidationError, match="have no order"):
            scale.rank("red")
        with pytest.raises(ValidationError, match="but its scale 'colours' is unordered"):
            attrs.evolve(frameworks.get("ilacs-2023"), grade_scale=scale)

    def test_the_four_point_packs_keep_grade(self) -> None:
        """Ofsted's packs list Grade members, so judgements are Grade as before."""
        for framework_id in ("sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026"):
            scale = frameworks.get(framework_id).grade_scale
            assert all(isinstance(grade, Grade) for grade in scale.members)
            assert scale.kind is ScaleKind.ORDERED


class TestRandomScales:
    """Random ordered scales and packs: the round trip and the rules engine."""

    @given(strategies.framework_packs())
    def test_a_pack_round_trips(self, pack: Framework) -> None:
        """As a pack document and as JSON text."""
        document = frameworks.to_dict(pack)
        assert frameworks.from_dict(json.loads(json.dumps(document))) == pack

    @given(strategies.framework_packs(), st.data())
    def test_inspections_round_trip_and_the_rules_agree_with_the_ranks(
        self, pack: Framework, data: st.DataObject
    ) -> None:
        """The between-rule allows exactly the outcomes ranked between the others' extremes."""
        with frameworks.scoped(pack):
            judged = data.draw(strategies.judgements(pack))
            inspection = Inspection(
                authority=LocalAuthority(name="Haringey", urn=80498),
                kind=InspectionKind.STANDARD,
                on_site_start=D(2030, 6, 3),
                framework=pack.id,
                judgements=judged,
            )
            text = serialisation.dumps(inspection)
            assert serialisation.loads(text) == inspection
            assert serialisation.dumps(serialisation.loads(text)) == text
            scale = pack.grade_scale
            others = [scale.rank(j.grade) for j in judged if j.area != "overall"]
            between = tuple(o for o in scale.members if min(others) <= scale.rank(o) <= max(others))
            allowed = rules.permitted(inspection, "overall").grades
            if len(pack.rules) == 1 or pack.rules[1].strength.value == "likely":
                assert allowed == between
            else:
                assert set(allowed) <= set(between)
            for outcome in scale.members:
                trial = attrs.evolve(
                    inspection,
                    judgements=(
                        *(j for j in judged if j.area != "overall"),
                        Judgement(area="overall", grade=outcome),
                    ),
                )
                must = [
                    o for o in rules.evaluate(trial) if o.breached and o.strength.value == "must"
                ]
                assert (outcome in allowed) is (not must)
