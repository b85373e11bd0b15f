"""Tests for ilacs.validation: findings in context, their codes and the report's forms."""

import csv
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Findings,
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    serialisation,
    strategies,
)
from ilacs.errors import IlacsError, ValidationError
from ilacs.validation import (
    CODES,
    Finding,
    Severity,
    ValidationReport,
    codes_markdown,
    validate,
)

DATA = Path(__file__).parent / "data"
CODES_PAGE = Path(__file__).parent.parent / "docs" / "reference" / "validation-codes.md"

GOOD_2018 = tuple(
    Judgement(area=area, grade=Grade.GOOD) for area in frameworks.get("ilacs-2018").area_ids
)

#: A fully graded, consistent ILACS 2018 standard inspection: no findings.
BASE = Inspection(
    authority=LocalAuthority(name="Haringey", urn=80498, ons_code="E09000014"),
    kind=InspectionKind.STANDARD,
    off_site_start=pendulum.date(2018, 10, 22),
    on_site_start=pendulum.date(2018, 10, 29),
    on_site_end=pendulum.date(2018, 11, 9),
    report_received=pendulum.date(2018, 12, 10),
    published=pendulum.date(2018, 12, 14),
    judgements=GOOD_2018,
    improvement_areas=(
        ImprovementArea(id="ia-1", text="Private fostering.", judgement_areas=("leaders",)),
    ),
)


def _grades(**grades: Grade) -> tuple[Judgement, ...]:
    return tuple(Judgement(area=area, grade=grade) for area, grade in grades.items())


#: (changes to BASE, code, path, words the message must contain): one finding each.
FINDINGS = [
    (
        {"framework": "ilacs-2099"},
        "ILACS-V002",
        "$.framework",
        "no framework has the id 'ilacs-2099'",
    ),
    (
        {"judgements": (*GOOD_2018, Judgement(area="care_leavers", grade=Grade.GOOD))},
        "ILACS-V003",
        "$.judgements[4].area",
        "framework 'ilacs-2018' has no judgement area 'care_leavers'",
    ),
    (
        {"judgements": GOOD_2018[:2] + GOOD_2018[3:]},
        "ILACS-V005",
        "$.judgements",
        "missing: 'children_in_care_and_care_leavers'",
    ),
    (
        {"kind": InspectionKind.SINGLE_INSPECTION},
        "ILACS-V006",
        "$.kind",
        "framework 'ilacs-2018' has no 'single_inspection' inspections",
    ),
    (
        {"kind": InspectionKind.FOCUSED_VISIT, "judgements": GOOD_2018[:1]},
        "ILACS-V007",
        "$.judgements[0]",
        "'focused_visit' is not graded under 'ilacs-2018', but 'leaders' is judged 'good'",
    ),
    (
        {"published": pendulum.date(2018, 11, 8), "report_received": None},
        "ILACS-V008",
        "$.published",
        "the report is published on 2018-11-08, before fieldwork ends on 2018-11-09",
    ),
    (
        {"report_received": pendulum.date(2018, 12, 17)},
        "ILACS-V009",
        "$.report_received",
        "the report is received on 2018-12-17, after its publication on 2018-12-14",
    ),
    (
        {"report_received": pendulum.date(2018, 11, 8)},
        "ILACS-V010",
        "$.report_received",
        "the report is received on 2018-11-08, before fieldwork ends on 2018-11-09",
    ),
    (
        {
            "framework": "ilacs-2023",
            "kind": InspectionKind.FOCUSED_VISIT,
            "judgements": (),
            "improvement_areas": (),
        },
        "ILACS-V011",
        "$.on_site_start",
        (
            "the on-site start 2018-10-29 is outside the period of framework 'ilacs-2023',"
            " in force 2023-01-01 to 2026-03-31"
        ),
    ),
    (
        {
            "improvement_areas": (
                ImprovementArea(
                    id="ia-1", text="One.", judgement_areas=("leaders", "care_leavers")
                ),
            )
        },
        "ILACS-V012",
        "$.improvement_areas[0].judgement_areas[1]",
        "'ia-1' names judgement area 'care_leavers', which framework 'ilacs-2018' does not have",
    ),
    (
        {
            "findings": (
                Findings(
                    area="leaders", strengths=("Members appropriately challenge performance.",)
                ),
                Findings(area="care_leavers", weaknesses=("Pathway plans are not up to date.",)),
            )
        },
        "ILACS-V014",
        "$.findings[1].area",
        "judgement area 'care_leavers', which framework 'ilacs-2018' does not have",
    ),
    (
        {
            "judgements": _grades(
                leaders=Grade.GOOD,
                help_and_protection=Grade.GOOD,
                children_in_care_and_care_leavers=Grade.GOOD,
                overall_effectiveness=Grade.INADEQUATE,
            )
        },
        "ILACS-V020",
        "$.judgements[3].grade",
        "ILACS-OE-2 (must) is breached",
    ),
    (
        {
            "judgements": _grades(
                leaders=Grade.INADEQUATE,
                help_and_protection=Grade.REQUIRES_IMPROVEMENT,
                children_in_care_and_care_leavers=Grade.REQUIRES_IMPROVEMENT,
                overall_effectiveness=Grade.REQUIRES_IMPROVEMENT,
            )
        },
        "ILACS-V021",
        "$.judgements[3].grade",
        "ILACS-OE-6 (likely) is breached",
    ),
]

#: (a document that cannot be loaded, a path its V001 findings must include).
UNLOADABLE = [
    ('{"schema_version": 1, "document_type": "inspection"}', "$.authority"),
    ("not json", "$"),
    ({"schema_version": 9, "document_type": "inspection"}, "$.schema_version"),
    ({**serialisation.to_dict(BASE), "kind": "inspection"}, "$.kind"),
    ({**serialisation.to_dict(BASE), "extra": 1}, "$"),
]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=15,
)


class TestFindings:
    """Each check finds what is wrong in context, with its code, path and values."""

    def test_a_consistent_inspection_has_no_findings(self) -> None:
        """The base case is clean."""
        report = validate(BASE)
        assert report.findings == ()
        assert report.ok

    @pytest.mark.parametrize(("changes", "code", "path", "words"), FINDINGS)
    def test_each_problem_gives_its_finding(
        self, changes: dict[str, Any], code: str, path: str, words: str
    ) -> None:
        """Exactly one finding, with the stable code, the path and a message naming the values."""
        report = validate(attrs.evolve(BASE, **changes))
        assert [(f.code, f.path) for f in report] == [(code, path)], report.to_text()
        (finding,) = report.findings
        assert words in finding.message
        assert finding.severity is CODES[code].severity
        assert finding.source

    def test_a_grade_off_the_frameworks_scale_is_an_error(self) -> None:
        """A framework with a three-point scale refuses Outstanding."""
        pack = frameworks.get("ilacs-2026")
        scale = attrs.evolve(
            pack.grade_scale,
            id="three-point",
            grades=tuple(
                label for label in pack.grade_scale.grades if label.grade is not Grade.OUTSTANDING
            ),
        )
        trial = attrs.evolve(pack, id="trial-three", series="trial", grade_scale=scale, rules=())
        frameworks.register(trial)
        try:
            inspection = Inspection(
                authority=BASE.authority,
                kind=InspectionKind.SHORT,
                on_site_start=pendulum.date(2026, 5, 4),
                framework="trial-three",
                judgements=tuple(
                    Judgement(area=area, grade=Grade.OUTSTANDING) for area in trial.area_ids
                ),
            )
            report = validate(inspection)
        finally:
            frameworks.unregister("trial-three")
        assert report.codes == ("ILACS-V004",) * len(trial.area_ids)
        assert report.findings[0].path == "$.judgements[0].grade"
        assert "'outstanding' is not on the grade scale 'three-point'" in report.findings[0].message

    def test_every_finding_is_collected_not_just_the_first(self) -> None:
        """Several problems give several findings at once: dates, then the framework's checks."""
        inspection = attrs.evolve(
            BASE,
            report_received=pendulum.date(2018, 11, 1),
            published=pendulum.date(2018, 10, 31),
            judgements=(*GOOD_2018, Judgement(area="care_leavers", grade=Grade.GOOD)),
        )
        assert validate(inspection).codes == (
            "ILACS-V008",
            "ILACS-V009",
            "ILACS-V010",
            "ILACS-V003",
        )

    def test_the_seeds_haringey_mistake_is_an_error_naming_both_dates(self) -> None:
        """Fieldwork "22 October to 9 November 2019" with publication 2018-12-14 cannot be."""
        haringey = Inspection(
            authority=LocalAuthority(name="Haringey", urn=80498),
            kind=InspectionKind.STANDARD,
            off_site_start=pendulum.date(2019, 10, 22),
            on_site_start=pendulum.date(2019, 10, 29),
            on_site_end=pendulum.date(2019, 11, 9),
            published=pendulum.date(2018, 12, 14),
            judgements=GOOD_2018,
        )
        report = validate(haringey)
        assert not report.ok
        (finding,) = report.errors
        assert finding.code == "ILACS-V008"
        assert finding.path == "$.published"
        assert "2019-11-09" in finding.message
        assert "2018-12-14" in finding.message

    def test_paths_in_a_collection_name_the_item(self) -> None:
        """A collection's findings point into $.inspections[i]."""
        late = attrs.evolve(BASE, report_received=pendulum.date(2018, 12, 17))
        report = validate((BASE, late))
        assert [(f.code, f.path) for f in report] == [
            ("ILACS-V009", "$.inspections[1].report_received")
        ]
        assert validate(serialisation.dumps((BASE, late))) == report

    def test_a_document_is_validated_like_its_value(self) -> None:
        """JSON text and dictionaries are loaded, then checked."""
        late = attrs.evolve(BASE, report_received=pendulum.date(2018, 12, 17))
        assert validate(serialisation.dumps(late)) == validate(late)
        assert validate(serialisation.to_dict(late)) == validate(late)

    def test_a_framework_pack_document_has_no_findings(self) -> None:
        """Framework packs are checked when they are loaded."""
        assert validate(serialisation.dumps(frameworks.get("ilacs-2023"))).ok

    @pytest.mark.parametrize(("document", "path"), UNLOADABLE)
    def test_every_loading_problem_becomes_a_finding(self, document: object, path: str) -> None:
        """A document that cannot be loaded gives ILACS-V001 findings, one per problem."""
        report = validate(document)
        assert not report.ok
        assert set(report.codes) == {"ILACS-V001"}
        assert path in [finding.path for finding in report]

    def test_missing_keys_are_each_a_finding(self) -> None:
        """Three required keys missing, three findings; keys with a default may be left out."""
        report = validate('{"schema_version": 1, "document_type": "inspection"}')
        assert [finding.path for finding in report] == ["$.authority", "$.kind", "$.on_site_start"]
        assert {finding.message for finding in report} == {"required key missing"}

    def test_something_that_is_no_record_is_an_error(self) -> None:
        """A value that is no record is refused, naming its type."""
        with pytest.raises(IlacsError, match="validate needs an Inspection"):
            validate(3)

    @given(strategies.inspections())
    def test_generated_inspections_break_no_framework_or_date_check(
        self, inspection: Inspection
    ) -> None:
        """Strategies build valid records; only grading rules may object to random grades.

        ILACS-V013 is information: a list drawn as not known says so.
        """
        report = validate(inspection)
        assert set(report.codes) <= {"ILACS-V013", "ILACS-V020", "ILACS-V021"}, report.to_text()

    @given(JSON_VALUES)
    def test_any_json_value_gives_a_report_not_an_exception(self, value: object) -> None:
        """Arbitrary JSON gives ILACS-V001 findings whose paths start with $."""
        report = validate(json.dumps(value))
        assert not report.ok
        assert all(finding.path.startswith("$") for finding in report)


class TestReport:
    """The report counts, filters and renders its findings."""

    REPORT = validate(
        attrs.evolve(
            BASE,
            report_received=pendulum.date(2018, 12, 17),
            judgements=_grades(
                leaders=Grade.INADEQUATE,
                help_and_protection=Grade.REQUIRES_IMPROVEMENT,
                children_in_care_and_care_leavers=Grade.REQUIRES_IMPROVEMENT,
                overall_effectiveness=Grade.REQUIRES_IMPROVEMENT,
            ),
        )
    )

    def test_errors_and_infos_are_separated(self) -> None:
        """The report is not ok with an error; info alone leaves it ok."""
        assert self.REPORT.codes == ("ILACS-V009", "ILACS-V021")
        assert [f.code for f in self.REPORT.errors] == ["ILACS-V009"]
        assert [f.code for f in self.REPORT.infos] == ["ILACS-V021"]
        assert self.REPORT.warnings == ()
        assert not self.REPORT.ok
        assert ValidationReport(findings=self.REPORT.infos).ok

    def test_text_has_a_line_per_finding_and_a_count(self) -> None:
        """Severity, code, path, message and source, then the totals."""
        lines = self.REPORT.to_text().splitlines()
        assert lines[0] == (
            "error ILACS-V009 $.report_received: the report is received on 2018-12-17,"
            " after its publication on 2018-12-14 [ilacs: fieldwork comes before the report]"
        )
        assert lines[-1] == "1 error(s), 0 warning(s), 1 info"

    def test_json_holds_every_field(self) -> None:
        """The JSON form round-trips to the findings."""
        data = json.loads(self.REPORT.to_json())
        assert data["ok"] is False
        rebuilt = tuple(
            Finding(**{**item, "severity": Severity(item["severity"])}) for item in data["findings"]
        )
        assert rebuilt == self.REPORT.findings

    def test_csv_has_a_header_and_a_row_per_finding(self) -> None:
        """The CSV form reads back with the csv module."""
        rows = list(csv.DictReader(io.StringIO(self.REPORT.to_csv())))
        assert [row["code"] for row in rows] == ["ILACS-V009", "ILACS-V021"]
        assert rows[1]["severity"] == "info"
        assert rows[0]["path"] == "$.report_received"


class TestCodes:
    """Codes are stable, documented and generated into the docs."""

    def test_codes_are_unique_and_well_formed(self) -> None:
        """Each key is its code's own code."""
        assert all(key == code.code for key, code in CODES.items())
        assert list(CODES) == sorted(CODES)

    def test_the_committed_reference_page_is_up_to_date(self) -> None:
        """docs/reference/validation-codes.md is codes_markdown(); regenerate it if this fails."""
        assert CODES_PAGE.read_text(encoding="utf-8") == codes_markdown()

    def test_every_code_is_on_the_page(self) -> None:
        """The page lists every code."""
        page = codes_markdown()
        assert all(f"`{code}`" in page for code in CODES)

    @pytest.mark.parametrize(
        "fields",
        [
            {"code": "V001"},
            {"path": ""},
            {"severity": "error"},
        ],
    )
    def test_a_malformed_finding_is_rejected(self, fields: dict[str, Any]) -> None:
        """Findings check their own fields."""
        base: dict[str, Any] = {
            "code": "ILACS-V001",
            "severity": Severity.ERROR,
            "path": "$",
            "message": "m",
            "source": "s",
        }
        with pytest.raises(ValidationError):
            Finding(**{**base, **fields})


class TestRealData:
    """Ofsted's official statistics validate without errors."""

    def test_the_official_history_has_no_errors(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """271 inspections, 2018 to 2025: no date, framework or must-rule error."""
        report = validate(official_inspections)
        assert report.errors == (), report.to_text()
        assert validate(serialisation.dumps(official_inspections)).errors == ()
