"""Tests for ilacs.Grade, the Ofsted four-point scale."""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Grade
from ilacs.errors import GradeError, IlacsError
from ilacs.frameworks.grades import ScaleKind, as_outcome, outcome_value, to_outcome

DATA = Path(__file__).parent / "data"

#: Cells in the real data that are not grades, by design of each file.
COMMUNITY_SENTINELS = {
    "",
    "inspection_pre_dates_judgement",
    "not_reported_post_reform",
    "data_unreadable",
}
#: Cells the community scraper misread from the PDF: they are rejected, never guessed.
COMMUNITY_MISPARSES = {"to requires improvement"}
COMMUNITY_GRADE_COLUMNS = (
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)
OFFICIAL_GRADE_COLUMNS_FROM = "Overall effectiveness"
INYEAR_GRADE_COLUMNS = (
    "overall",
    "leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
)

VARIANTS = [
    ("Outstanding", Grade.OUTSTANDING),
    ("good", Grade.GOOD),
    ("Requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
    ("Requires Improvement to be good", Grade.REQUIRES_IMPROVEMENT),
    ("requires improvement", Grade.REQUIRES_IMPROVEMENT),
    ("RI", Grade.REQUIRES_IMPROVEMENT),
    ("ri", Grade.REQUIRES_IMPROVEMENT),
    ("  Requires   improvement  ", Grade.REQUIRES_IMPROVEMENT),
    ("requires_improvement", Grade.REQUIRES_IMPROVEMENT),
    ("INADEQUATE", Grade.INADEQUATE),
]

NOT_GRADES = ["Adequate", "", "   ", "Good.", "requires improvement to be", "Satisfactory", "4"]


def _cells(path: Path, columns: tuple[str, ...]) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return {row[column] for row in csv.DictReader(file) for column in columns}


def _official_columns() -> tuple[str, ...]:
    with (DATA / "ofsted_mi_ilacs_history_2018_2025.csv").open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    return tuple(header[header.index(OFFICIAL_GRADE_COLUMNS_FROM) :])


class TestOrder:
    """A better grade compares greater."""

    def test_the_scale_runs_from_outstanding_down_to_inadequate(self) -> None:
        """Sorting best first gives Ofsted's order."""
        assert sorted(Grade, reverse=True) == [
            Grade.OUTSTANDING,
            Grade.GOOD,
            Grade.REQUIRES_IMPROVEMENT,
            Grade.INADEQUATE,
        ]

    @given(st.sampled_from(Grade), st.sampled_from(Grade))
    def test_comparison_agrees_with_rank(self, a: Grade, b: Grade) -> None:
        """Grades compare as their positions on the scale do, and every operator agrees."""
        assert (a < b) == (a.rank < b.rank)
        assert (a <= b) == (a.rank <= b.rank)
        assert (a > b) == (a.rank > b.rank)
        assert (a >= b) == (a.rank >= b.rank)

    def test_a_grade_does_not_compare_with_text(self) -> None:
        """Ordering a grade against a string is a TypeError, as for any unrelated types."""
        with pytest.raises(TypeError):
            _ = Grade.GOOD < "good"


class TestLabels:
    """Labels are Ofsted's exact wording."""

    @pytest.mark.parametrize(
        ("grade", "label"),
        [
            (Grade.OUTSTANDING, "Outstanding"),
            (Grade.GOOD, "Good"),
            (Grade.REQUIRES_IMPROVEMENT, "Requires improvement to be good"),
            (Grade.INADEQUATE, "Inadequate"),
        ],
    )
    def test_each_grade_has_the_label_reports_print(self, grade: Grade, label: str) -> None:
        """The label and str() are the report's words."""
        assert grade.label == label
        assert str(grade) == label

    @given(st.sampled_from(Grade))
    def test_every_label_and_value_parses_back_to_its_grade(self, grade: Grade) -> None:
        """Parsing the label or the value gives the grade back."""
        assert Grade.parse(grade.label) is grade
        assert Grade.parse(grade.value) is grade


class TestParse:
    """Grade.parse reads the variants real data uses and rejects anything else."""

    @pytest.mark.parametrize(("text", "grade"), VARIANTS)
    def test_variants_parse(self, text: str, grade: Grade) -> None:
        """Every accepted spelling gives its grade."""
        assert Grade.parse(text) is grade

    @given(
        st.sampled_from(Grade),
        st.sampled_from([str.upper, str.lower, str.title]),
        st.text(" \t", max_size=3),
    )
    def test_case_and_stray_spaces_do_not_matter(
        self, grade: Grade, case: Callable[[str], str], pad: str
    ) -> None:
        """Any letter case and surrounding white space parse to the same grade."""
        assert Grade.parse(pad + case(grade.label) + pad) is grade

    @pytest.mark.parametrize("text", NOT_GRADES)
    def test_unknown_text_is_rejected_naming_the_text(self, text: str) -> None:
        """Anything that is not a grade raises a GradeError that quotes it."""
        with pytest.raises(
            GradeError, match=r"is not a grade on the Ofsted four-point scale"
        ) as info:
            Grade.parse(text)
        assert repr(text) in str(info.value)
        assert info.value.value == text
        assert info.value.field == "grade"

    def test_adequate_is_rejected_with_a_message_that_names_it(self) -> None:
        """'Adequate' (a pre-2013 grade) is not on the scale."""
        with pytest.raises(IlacsError) as info:
            Grade.parse("Adequate")
        assert str(info.value) == (
            "'Adequate' is not a grade on the Ofsted four-point scale"
            " (Outstanding, Good, Requires improvement to be good, Inadequate)"
        )

    @pytest.mark.parametrize("value", [None, 3, b"good", Grade.GOOD])
    def test_a_value_that_is_not_text_is_rejected(self, value: object) -> None:
        """Parse takes text only, and says so."""
        with pytest.raises(GradeError, match="a grade must be given as text"):
            Grade.parse(value)

    @given(st.text())
    def test_parse_raises_nothing_but_a_grade_error(self, text: str) -> None:
        """Arbitrary text either parses or raises GradeError."""
        try:
            Grade.parse(text)
        except GradeError as error:
            message = str(error)
        else:
            return
        assert repr(text) in message


class TestRealData:
    """Every grade string in the national data parses."""

    def test_every_grade_in_ofsteds_official_statistics_parses(self) -> None:
        """Ofsted's official file has only grades and empty cells."""
        cells = _cells(DATA / "ofsted_mi_ilacs_history_2018_2025.csv", _official_columns())
        grades = {Grade.parse(cell) for cell in cells - {""}}
        assert grades == set(Grade)

    def test_every_grade_in_ofsteds_in_year_activity_parses(self) -> None:
        """The in-year activity sheets have only grades and empty cells."""
        cells = _cells(DATA / "ofsted_mi_inyear_activity_2022_2025.csv", INYEAR_GRADE_COLUMNS)
        assert {Grade.parse(cell) for cell in cells - {""}} == set(Grade)

    def test_every_grade_in_the_community_file_parses_and_misreadings_are_rejected(self) -> None:
        """Besides its documented sentinels, the scrape holds grades and two misread cells."""
        cells = _cells(DATA / "ofsted_csc_ilacs_history.csv", COMMUNITY_GRADE_COLUMNS)
        grade_cells = cells - COMMUNITY_SENTINELS - COMMUNITY_MISPARSES
        assert {Grade.parse(cell) for cell in grade_cells} == set(Grade)
        for cell in COMMUNITY_MISPARSES & cells:
            with pytest.raises(GradeError):
                Grade.parse(cell)


class TestOutcomes:
    """An outcome is a Grade on the four-point scale, or the id of another scale's outcome."""

    @pytest.mark.parametrize("grade", list(Grade))
    def test_a_grade_s_value_and_label_read_as_the_grade(self, grade: Grade) -> None:
        """So four-point documents read exactly as before."""
        assert to_outcome(grade.value) is grade
        assert to_outcome(grade.label) is grade
        assert outcome_value(grade) == grade.value

    def test_another_scale_s_id_reads_as_itself(self) -> None:
        """A snake_case id is kept as written."""
        assert to_outcome("significant_concerns") == "significant_concerns"
        assert outcome_value("positive") == "positive"

    @pytest.mark.parametrize("value", ["Good!", "", None, 3, "Positive outcomes"])
    def test_anything_else_is_no_outcome(self, value: object) -> None:
        """A GradeError naming the value; as_outcome leaves it for the field's validator."""
        with pytest.raises(GradeError):
            to_outcome(value)
        assert as_outcome(value) == value

    def test_finding_scales_are_ordered_unordered_ones_are_not(self) -> None:
        """Only ordered scales and findings compare outcomes."""
        assert {kind.value for kind in ScaleKind if kind.is_ordered} == {"ordered", "finding"}
