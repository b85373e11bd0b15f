"""Tests for ilacs.tabular: the analyst's CSV export, and reading it back exactly."""

import csv
import functools
import io
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
    NationalFrameworkTag,
    frameworks,
    importers,
    strategies,
    tabular,
)
from ilacs.errors import IlacsError, ValidationError
from ilacs.importers import CsvFormatError, ImportResult, Reason

DATA = Path(__file__).parent / "data"
NATIONAL = {
    "ofsted": (importers.ofsted, DATA / "ofsted_mi_ilacs_history_2018_2025.csv"),
    "inyear": (importers.inyear, DATA / "ofsted_mi_inyear_activity_2022_2025.csv"),
    "community": (importers.community, DATA / "ofsted_csc_ilacs_history.csv"),
}
HEADER = (
    "local_authority,urn,dfe_code,ons_code,region,kind,framework,off_site_start,"
    "on_site_start,on_site_end,report_received,published,lead_inspector,topic,"
    "overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,"
    "in_care_grade,care_leavers_grade,in_care_and_care_leavers_grade,improvement_areas,"
    "priority_actions,findings,not_known,judgement_order,source_url"
)
RI = Grade.REQUIRES_IMPROVEMENT
HARINGEY_2018 = Inspection(
    authority=LocalAuthority(
        name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
    ),
    kind=InspectionKind.STANDARD,
    off_site_start=pendulum.date(2018, 10, 22),
    on_site_start=pendulum.date(2018, 10, 29),
    on_site_end=pendulum.date(2018, 11, 9),
    report_received=pendulum.date(2018, 12, 5),
    published=pendulum.date(2018, 12, 14),
    lead_inspector="Anne Waterman HMI",
    judgements=(
        Judgement(area="leaders", grade=RI),
        Judgement(area="help_and_protection", grade=RI),
        Judgement(area="children_in_care_and_care_leavers", grade=RI),
        Judgement(area="overall_effectiveness", grade=RI),
    ),
    improvement_areas=(
        ImprovementArea(
            id="ia-1",
            text='Private fostering, "including" the awareness of it, across the partnership.',
            judgement_areas=("help_and_protection",),
        ),
        ImprovementArea(
            id="ia-2",
            text="Supervision,\nwith line breaks.",
            national_framework=NationalFrameworkTag.parse("(outcome 3, national framework)"),
        ),
    ),
    source_url="https://files.ofsted.gov.uk/v1/file/50041744",
    findings=(
        Findings(
            area="help_and_protection",
            strengths=("Young people who present as homeless are responded to appropriately.",),
            weaknesses=('The coordination of "early help" services is underdeveloped,\nfor now.',),
        ),
    ),
)
FOCUSED_VISIT = Inspection(
    authority=LocalAuthority(name="Haringey"),
    kind=InspectionKind.FOCUSED_VISIT,
    on_site_start=pendulum.date(2021, 6, 8),
    topic="Front door",
    priority_actions=(ImprovementArea(id="apa-1", text="Management oversight."),),
)
FRAME = "local_authority,kind,on_site_start"

# A cell the reader cannot take: (extra columns, their values, reason, column, detail).
BAD_CELLS = [
    ("urn", "80,498", Reason.BAD_VALUE, "urn", "'urn' must be a whole number (got '80,498')"),
    (
        "urn",
        "0",
        Reason.INVALID_INSPECTION,
        "urn",
        "'urn' must be a positive number (got int 0)",
    ),
    (
        "dfe_code",
        "3090",
        Reason.INVALID_INSPECTION,
        "dfe_code",
        "'dfe_code' must be a three-digit DfE code (got str '3090')",
    ),
    (
        "published",
        "14/12/2018",
        Reason.BAD_DATE,
        "published",
        "'published' must be an ISO 8601 date such as 2018-10-29 (got '14/12/2018')",
    ),
    (
        "on_site_end",
        "2018-10-01",
        Reason.INVALID_INSPECTION,
        "on_site_end",
        "'on_site_end' must not be before the on-site start 2018-10-29 (got 2018-10-01)",
    ),
    (
        "impact_of_leaders_grade",
        "Adequate",
        Reason.UNRECOGNISED_GRADE,
        "impact_of_leaders_grade",
        "'impact_of_leaders_grade' is not a grade (got 'Adequate')",
    ),
    (
        "framework",
        "ILACS 2018",
        Reason.INVALID_INSPECTION,
        "framework",
        "'framework' must be a framework id such as 'ilacs-2018' (got str 'ILACS 2018')",
    ),
    (
        "improvement_areas",
        "[{",
        Reason.BAD_VALUE,
        "improvement_areas",
        "'improvement_areas' must be a JSON list (got '[{')",
    ),
    (
        "improvement_areas",
        '[{"id": "ia-1"}]',
        Reason.BAD_VALUE,
        "improvement_areas",
        "'improvement_areas' cannot be read: $[0].text: required key missing",
    ),
    (
        "priority_actions",
        "{}",
        Reason.BAD_VALUE,
        "priority_actions",
        "'priority_actions' cannot be read: $: expected a list, got dict {}",
    ),
    (
        "findings",
        '[{"area": "leaders", "strengths": [""]}]',
        Reason.BAD_VALUE,
        "findings",
        "'findings' cannot be read: $[0].strengths[0]: 'strengths[0]' must not be empty (got str '')",
    ),
    (
        "not_known",
        "priority_actions; nothing",
        Reason.BAD_VALUE,
        "not_known",
        (
            "'not_known' must list facts separated by ';' (priority_actions,"
            " improvement_areas, report_received, on_site_end) (got 'priority_actions; nothing')"
        ),
    ),
    (
        "judgement_order",
        "leaders leaders",
        Reason.BAD_VALUE,
        "judgement_order",
        (
            "'judgement_order' must list the areas graded in this row (), once each"
            " (got 'leaders leaders')"
        ),
    ),
]

BAD_ROWS = [
    ("Haringey,inspection,2018-10-29", Reason.UNKNOWN_KIND, "kind"),
    (",standard,2018-10-29", Reason.MISSING_VALUE, "local_authority"),
    ("Haringey,,2018-10-29", Reason.MISSING_VALUE, "kind"),
    ("Haringey,standard,", Reason.NO_FIELDWORK_DATES, "on_site_start"),
    ("Haringey,standard,2018-02-30", Reason.BAD_DATE, "on_site_start"),
    ("Haringey,standard,2010-01-04", Reason.NO_FRAMEWORK, "framework"),
    (" Haringey,standard,2018-10-29", Reason.INVALID_INSPECTION, "local_authority"),
    ("Haringey,standard", Reason.WRONG_CELL_COUNT, None),
]

BAD_TABLES = [
    ("", "'<stream>' is empty: an ilacs analyst table starts with a header row"),
    (
        "local_authority,kind\n",
        "'<stream>' is not an ilacs analyst table: it lacks the column(s) 'on_site_start'",
    ),
    (
        f"{FRAME},colour,leader_grade2\n",
        (
            "'<stream>' has column(s) that an ilacs analyst table does not have: 'colour',"
            " 'leader_grade2'"
        ),
    ),
    (f"{FRAME},Kind\n", "'<stream>' has the column 'Kind' twice"),
]

COLUMNS = [
    ("overall_effectiveness", "overall_effectiveness_grade"),
    ("leaders", "impact_of_leaders_grade"),
    ("help_and_protection", "help_and_protection_grade"),
    ("children_in_care", "in_care_grade"),
    ("care_leavers", "care_leavers_grade"),
    ("children_in_care_and_care_leavers", "in_care_and_care_leavers_grade"),
    ("leadership", "leadership_grade"),
    ("looked_after_and_permanence", "looked_after_and_permanence_grade"),
    ("adoption_performance", "adoption_performance_grade"),
]


@functools.cache
def _national(name: str) -> ImportResult:
    importer, path = NATIONAL[name]
    return importer(path)


def _round_trip(inspections: tuple[Inspection, ...]) -> ImportResult:
    return tabular.from_csv(io.StringIO(tabular.to_csv(inspections)))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestRoundTrip:
    """What is written is read back to equal inspections."""

    @pytest.mark.parametrize("name", sorted(NATIONAL))
    def test_the_national_record_survives_the_round_trip(self, name: str) -> None:
        """Ofsted's statistics, the in-year activity and the community scrape, exactly."""
        inspections = _national(name).inspections
        result = _round_trip(inspections)
        assert result.skipped == ()
        assert result.inspections == inspections

    @given(st.lists(strategies.inspections(), max_size=4).map(tuple))
    def test_generated_inspections_survive_the_round_trip(
        self, inspections: tuple[Inspection, ...]
    ) -> None:
        """Any inspection of any framework, text of any script, dates in any order allowed."""
        result = _round_trip(inspections)
        assert result.skipped == ()
        assert result.inspections == inspections

    def test_improvement_areas_and_priority_actions_are_carried_as_json(self) -> None:
        """Quotes, commas and line breaks in their text survive too."""
        text = tabular.to_csv([HARINGEY_2018, FOCUSED_VISIT])
        rows = _rows(text)
        assert rows[0]["improvement_areas"].startswith('[{"id":"ia-1","text":"Private fostering')
        assert rows[0]["priority_actions"] == ""
        assert rows[1]["priority_actions"] == (
            '[{"id":"apa-1","text":"Management oversight.","judgement_areas":[],'
            '"national_framework":null}]'
        )
        assert _round_trip((HARINGEY_2018, FOCUSED_VISIT)).inspections == (
            HARINGEY_2018,
            FOCUSED_VISIT,
        )

    def test_judgements_out_of_the_frameworks_order_keep_their_order(self) -> None:
        """judgement_order is written only when the order is not the framework's."""
        shuffled = attrs.evolve(HARINGEY_2018, judgements=HARINGEY_2018.judgements[::-1])
        rows = _rows(tabular.to_csv([HARINGEY_2018, shuffled]))
        assert rows[0]["judgement_order"] == ""
        assert rows[1]["judgement_order"] == (
            "overall_effectiveness children_in_care_and_care_leavers help_and_protection leaders"
        )
        assert _round_trip((HARINGEY_2018, shuffled)).inspections == (HARINGEY_2018, shuffled)

    def test_an_unregistered_framework_survives_the_round_trip(self) -> None:
        """Its areas get columns of their own, and their order is written out."""
        inspection = Inspection(
            authority=LocalAuthority(name="Anywhere"),
            kind=InspectionKind.STANDARD,
            on_site_start=pendulum.date(2030, 1, 7),
            framework="children-and-families-2027",
            judgements=(
                Judgement(area="safety", grade=Grade.GOOD),
                Judgement(area="leaders", grade=Grade.OUTSTANDING),
            ),
        )
        (row,) = _rows(tabular.to_csv([inspection]))
        assert (row["safety_grade"], row["impact_of_leaders_grade"]) == ("Good", "Outstanding")
        assert row["judgement_order"] == "safety leaders"
        assert _round_trip((inspection,)).inspections == (inspection,)

    def test_a_file_written_to_a_path_is_read_back(self, tmp_path: Path) -> None:
        """write_csv to a path, from_csv from it; a byte-order mark does no harm."""
        path = tmp_path / "haringey.csv"
        assert tabular.write_csv([HARINGEY_2018], path) == 1
        assert tabular.from_csv(path).inspections == (HARINGEY_2018,)
        path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8-sig")
        assert tabular.from_csv(str(path)).inspections == (HARINGEY_2018,)

    def test_an_empty_collection_writes_just_the_header(self) -> None:
        """And reads back to no inspections."""
        text = tabular.to_csv([])
        assert text == HEADER + "\n"
        assert _round_trip(()).summary() == "0 rows read, 0 imported, 0 skipped"


class TestColumns:
    """One row per inspection, one column per judgement area, named as analysts name them."""

    def test_the_header_is_fixed_for_ilacs_inspections(self) -> None:
        """Authority, kind, framework, dates, then the grades, the lists and the source."""
        text = tabular.to_csv(_national("ofsted").inspections)
        assert text.splitlines()[0] == HEADER

    def test_grades_are_written_as_ofsteds_labels(self) -> None:
        """'Requires improvement to be good', in the column of the framework's area."""
        (row,) = _rows(tabular.to_csv([HARINGEY_2018]))
        assert row["in_care_and_care_leavers_grade"] == "Requires improvement to be good"
        assert row["in_care_grade"] == row["care_leavers_grade"] == ""
        assert row["published"] == "2018-12-14"
        assert row["kind"] == "standard"
        assert row["framework"] == "ilacs-2018"

    def test_sif_inspections_add_their_own_columns(self) -> None:
        """Leadership, looked after and adoption get columns when an inspection has them."""
        sif = frameworks.get("sif-2013")
        inspection = Inspection(
            authority=LocalAuthority(name="Haringey"),
            kind=InspectionKind.SINGLE_INSPECTION,
            on_site_start=pendulum.date(2014, 5, 20),
            judgements=tuple(Judgement(area=area, grade=RI) for area in sif.area_ids),
        )
        header = tabular.to_csv([inspection]).splitlines()[0].split(",")
        assert header[20:23] == [
            "looked_after_and_permanence_grade",
            "adoption_performance_grade",
            "leadership_grade",
        ]
        assert _round_trip((inspection,)).inspections == (inspection,)

    @pytest.mark.parametrize(("area", "column"), COLUMNS)
    def test_each_area_has_one_column_and_back(self, area: str, column: str) -> None:
        """column_of_area and area_of_column are inverses."""
        assert tabular.column_of_area(area) == column
        assert tabular.area_of_column(column) == area

    @pytest.mark.parametrize("column", ["published", "grade", "_grade", "Leaders_grade"])
    def test_other_columns_are_not_grade_columns(self, column: str) -> None:
        """Only snake_case area ids ending in _grade."""
        assert tabular.area_of_column(column) is None

    def test_an_area_whose_column_another_area_owns_is_refused(self) -> None:
        """An area 'in_care' would write to children in care's column: an error, not a mix-up."""
        inspection = attrs.evolve(
            HARINGEY_2018, judgements=(Judgement(area="in_care", grade=Grade.GOOD),)
        )
        with pytest.raises(
            ValidationError, match="'in_care_grade', which belongs to 'children_in_care'"
        ):
            tabular.to_csv([inspection])

    def test_the_reader_takes_labels_or_values_in_any_case(self) -> None:
        """'requires_improvement', 'GOOD' and 'Requires improvement' are all grades."""
        text = (
            f"{FRAME},impact_of_leaders_grade,help_and_protection_grade,"
            "In_Care_And_Care_Leavers_Grade,overall_effectiveness_grade\n"
            "Haringey,standard,2018-10-29,requires_improvement,GOOD,Requires improvement,RI\n"
        )
        (inspection,) = tabular.from_csv(io.StringIO(text)).inspections
        assert inspection.grades == {
            "leaders": RI,
            "help_and_protection": Grade.GOOD,
            "children_in_care_and_care_leavers": RI,
            "overall_effectiveness": RI,
        }

    def test_an_empty_framework_cell_is_the_one_in_force(self) -> None:
        """A hand-made table may leave the framework to the first day on site."""
        text = f"{FRAME},framework\nHaringey,short,2023-02-13,\n"
        (inspection,) = tabular.from_csv(io.StringIO(text)).inspections
        assert inspection.framework == "ilacs-2023"


class TestPacks:
    """The grade columns and the grade words come from the framework packs."""

    def test_the_columns_every_export_has_are_those_the_packs_name(self) -> None:
        """GRADE_COLUMNS: overall first, then leadership, then practice, the newest pack's first."""
        assert dict(tabular.GRADE_COLUMNS) == {
            "overall_effectiveness": "overall_effectiveness_grade",
            "leaders": "impact_of_leaders_grade",
            "help_and_protection": "help_and_protection_grade",
            "children_in_care": "in_care_grade",
            "care_leavers": "care_leavers_grade",
            "children_in_care_and_care_leavers": "in_care_and_care_leavers_grade",
        }
        assert HEADER.split(",")[14:20] == list(tabular.GRADE_COLUMNS.values())

    def test_grades_are_written_as_the_frameworks_scale_prints_them(self) -> None:
        """SIF printed 'Requires improvement'; its inspections are written so, and read back."""
        inspection = Inspection(
            authority=LocalAuthority(name="Haringey"),
            kind=InspectionKind.SINGLE_INSPECTION,
            on_site_start=pendulum.date(2014, 5, 20),
            judgements=(Judgement(area="overall_effectiveness", grade=RI),),
        )
        (row,) = _rows(tabular.to_csv([inspection]))
        assert row["overall_effectiveness_grade"] == "Requires improvement"
        assert _round_trip((inspection,)).inspections == (inspection,)

    def test_the_largest_urn_reads_back(self) -> None:
        """URNs up to 2**53 - 1, as the model takes them."""
        authority = attrs.evolve(HARINGEY_2018.authority, urn=2**53 - 1)
        inspection = attrs.evolve(HARINGEY_2018, authority=authority)
        assert _round_trip((inspection,)).inspections == (inspection,)

    def test_a_spreadsheet_safe_table_read_plainly_keeps_its_apostrophes(self) -> None:
        """Read it back with spreadsheet_safe=True, as it was written."""
        inspection = attrs.evolve(HARINGEY_2018, lead_inspector="=Anne")
        text = tabular.to_csv([inspection], spreadsheet_safe=True)
        (read,) = tabular.from_csv(io.StringIO(text)).inspections
        assert read.lead_inspector == "'=Anne"
        (read,) = tabular.from_csv(io.StringIO(text), spreadsheet_safe=True).inspections
        assert read == inspection


class TestBadInput:
    """Malformed tables are refused; malformed rows are reported by line and column."""

    @pytest.mark.parametrize(("column", "value", "reason", "where", "detail"), BAD_CELLS)
    def test_a_bad_cell_skips_its_row_naming_the_column(
        self, column: str, value: str, reason: Reason, where: str, detail: str
    ) -> None:
        """The reason is stable; the detail names the column and the value."""
        text = f"{FRAME},{column}\nHaringey,standard,2018-10-29,{_quoted(value)}\n"
        result = tabular.from_csv(io.StringIO(text))
        (skipped,) = result.skipped
        assert (skipped.line, skipped.reason, skipped.column) == (2, reason, where)
        assert skipped.detail == detail

    @pytest.mark.parametrize(("row", "reason", "column"), BAD_ROWS)
    def test_a_bad_row_is_skipped_with_its_reason(
        self, row: str, reason: Reason, column: str | None
    ) -> None:
        """Each row is imported or reported."""
        result = tabular.from_csv(io.StringIO(f"{FRAME}\n{row}\n"))
        (skipped,) = result.skipped
        assert (skipped.reason, skipped.column) == (reason, column)

    @pytest.mark.parametrize(("text", "message"), BAD_TABLES)
    def test_a_table_that_is_not_an_export_is_an_error(self, text: str, message: str) -> None:
        """An unknown column is refused: a misspelt one is never ignored."""
        with pytest.raises(CsvFormatError) as raised:
            tabular.from_csv(io.StringIO(text))
        assert str(raised.value) == message

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (HARINGEY_2018, "'inspections' must be an iterable of Inspection (got Inspection"),
            ("Haringey", "'inspections' must be an iterable of Inspection (got str 'Haringey')"),
            ([HARINGEY_2018, 5], "'inspections[1]' must be an Inspection (got int 5)"),
        ],
    )
    def test_the_writer_takes_only_inspections(self, value: Any, message: str) -> None:  # noqa: ANN401
        """A ValidationError, not a TypeError from inside."""
        with pytest.raises(ValidationError) as raised:
            tabular.to_csv(value)
        assert str(raised.value).startswith(message)

    @given(st.text())
    def test_arbitrary_text_never_crashes_the_reader(self, text: str) -> None:
        """Any text is read, or refused with an ilacs error."""
        try:
            result = tabular.from_csv(io.StringIO(text))
        except IlacsError:
            return
        assert result.rows_read == result.imported + len(result.skipped)

    @given(
        st.lists(
            st.lists(
                st.text(max_size=8)
                | st.sampled_from(
                    [
                        "",
                        "2018-10-29",
                        "standard",
                        "focused_visit",
                        "Good",
                        "ilacs-2023",
                        "[]",
                        "[[[",
                        "[" * 5000,
                        "1" * 5000,
                        "leaders",
                    ]
                ),
                min_size=24,
                max_size=24,
            ),
            max_size=3,
        )
    )
    def test_every_row_of_any_table_is_imported_or_skipped(self, rows: list[list[str]]) -> None:
        """Below the real header, every row is accounted for, whatever its cells."""
        buffer = io.StringIO()
        buffer.write(HEADER + "\n")
        csv.writer(buffer).writerows(rows)
        result = tabular.from_csv(io.StringIO(buffer.getvalue()))
        assert result.rows_read == len(rows) == result.imported + len(result.skipped)


def _quoted(value: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([value])
    return buffer.getvalue()


def _xlsx_round_trip(inspections: tuple[Inspection, ...]) -> ImportResult:
    stream = io.BytesIO()
    assert tabular.write_xlsx(inspections, stream) == len(inspections)
    stream.seek(0)
    return tabular.from_csv(stream)


class TestWorkbook:
    """The XLSX export holds what the CSV export holds, typed, and reads back the same."""

    def test_the_haringey_inspection_survives_the_workbook(self) -> None:
        """Improvement areas, dates, codes and grades, through XLSX and back."""
        result = _xlsx_round_trip((HARINGEY_2018, FOCUSED_VISIT))
        assert result.skipped == ()
        assert result.inspections == (HARINGEY_2018, FOCUSED_VISIT)

    @given(st.lists(strategies.inspections(), max_size=3).map(tuple))
    def test_generated_inspections_survive_the_workbook_or_are_refused(
        self, inspections: tuple[Inspection, ...]
    ) -> None:
        """Any inspection reads back exactly, or the writer refuses it with a ValidationError."""
        try:
            result = _xlsx_round_trip(inspections)
        except ValidationError as error:
            refused = str(error)
        else:
            refused = ""
            assert result.skipped == ()
            assert result.inspections == inspections
        # Only text a workbook cannot hold is refused, and the error says so.
        assert not refused or "XLSX" in refused

    def test_the_sheets_are_those_promised(self) -> None:
        """One sheet per table, each with a header."""
        sheets = tabular.workbook_sheets([HARINGEY_2018])
        assert tuple(name for name, _, _ in sheets) == tabular.SHEETS
        assert all(header for _, header, _ in sheets)

    def test_the_writer_takes_only_inspections_and_plans(self) -> None:
        """A plan that is not an ActionPlan names its place."""
        with pytest.raises(ValidationError, match=r"'plans\[0\]' must be an ActionPlan"):
            tabular.workbook_sheets([HARINGEY_2018], plans=[HARINGEY_2018])  # type: ignore[list-item]


class TestBom:
    """write_csv(bom=True) starts the file with a byte-order mark for Excel."""

    def test_the_mark_comes_first_and_nothing_else_changes(self) -> None:
        """The text is to_csv's, with U+FEFF before it."""
        stream = io.StringIO()
        tabular.write_csv([HARINGEY_2018], stream, bom=True)
        assert stream.getvalue() == "\ufeff" + tabular.to_csv([HARINGEY_2018])

    def test_a_file_with_the_mark_reads_back(self, tmp_path: Path) -> None:
        """Excel's names, such as Máire, survive: the file says it is UTF-8."""
        inspection = attrs.evolve(HARINGEY_2018, lead_inspector="Máire Atherton HMI")
        path = tmp_path / "excel.csv"
        tabular.write_csv([inspection], path, bom=True)
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
        assert tabular.from_csv(path).inspections == (inspection,)
