"""Spreadsheets in and out (issue 17): Ofsted's workbook as published, the community XLSX, the XLSX export.

The official ODS workbook, and an XLSX saved from it, import row for row as the CSV
extracted from it does; the community tool's XLSX overview imports as its CSV
history does; a CSV with title rows above its header is read, or told where the
header was expected; the XLSX export opens with a reader (calamine) and holds the
data, typed.
"""

import io
import sys
import zipfile
from pathlib import Path

import attrs
import pendulum
import pytest
import python_calamine
from cli_runner import run_cli

from ilacs import ActionPlan, Inspection, importers, serialisation, tabular
from ilacs.errors import CsvFormatError, MissingExtraError, ValidationError
from ilacs.reasoning import deadlines
from ilacs.tables import engine, workbooks

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
ODS = DATA / "ofsted_la_inspection_outcomes_as_at_31_march_2025.ods"
XLSX = DATA / "ofsted_la_inspection_outcomes_as_at_31_march_2025.xlsx"
OVERVIEW = DATA / "ofsted_csc_ilacs_overview.xlsx"
HISTORY_CSV = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR_CSV = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
COMMUNITY_CSV = DATA / "ofsted_csc_ilacs_history.csv"
#: The rows of the merged in-year CSV that came from the 2025 release, the ODS's.
RELEASE_2025 = "published 2025-09-25"


@pytest.fixture(scope="module")
def from_csv() -> importers.ImportResult:
    """The history sheet as the CSV extracted from the workbook, imported."""
    return importers.ofsted(HISTORY_CSV)


@pytest.fixture(scope="module", params=[ODS, XLSX], ids=["ods", "xlsx"])
def from_workbook(request: pytest.FixtureRequest) -> importers.ImportResult:
    """Ofsted's workbook as published (ODS), and as XLSX, imported whole."""
    path: Path = request.param
    return importers.ofsted(path)


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    """Haringey's 2018 action plan, from examples/data."""
    text = (EXAMPLES / "haringey-2018-action-plan.json").read_text(encoding="utf-8")
    return serialisation.loads(text, ActionPlan)


class TestOfstedWorkbook:
    """Ofsted's workbook, as published, imports as the CSV extracted from it."""

    def test_the_history_sheet_imports_row_for_row_as_the_csv_does(
        self, from_workbook: importers.ImportResult, from_csv: importers.ImportResult
    ) -> None:
        """Every one of the 271 rows gives the same inspection; nothing skipped, missing or unread."""
        assert from_workbook.rows_read == from_csv.rows_read == 271
        for (line, ours), (csv_line, theirs) in zip(
            zip(from_workbook.lines, from_workbook.inspections, strict=True),
            zip(from_csv.lines, from_csv.inspections, strict=True),
            strict=True,
        ):
            assert ours == theirs, f"row {line} of the sheet, line {csv_line} of the CSV"
            # Two title rows above the header in the sheet, none in the CSV.
            assert line == csv_line + 2
        assert from_workbook.skipped == from_csv.skipped == ()
        assert from_workbook.columns_missing == from_csv.columns_missing == ()
        assert from_workbook.columns_ignored == from_csv.columns_ignored == ()

    def test_the_result_names_the_file_and_the_sheet_it_was_read_from(
        self, from_workbook: importers.ImportResult
    ) -> None:
        """The one sheet with the history's columns is chosen, and named."""
        assert from_workbook.source.endswith("_2025.ods[ILACS_inspection_history]") or (
            from_workbook.source.endswith("_2025.xlsx[ILACS_inspection_history]")
        )

    def test_the_title_rows_are_passed_over_and_kept(self) -> None:
        """The header is on row 3; the title and the note above it are kept, not read as rows."""
        table = engine.read_table(
            ODS, what="the history", required=["Inspection type"], sheet="ILACS_inspection_history"
        )
        assert table.header_line == 3
        assert [line for line, _ in table.titles] == [1, 2]
        assert table.titles[0][1] == ("ILACS inspection history from 2018-2025",)
        assert table.rows[0][0] == 4
        assert len(table.rows) == 271

    @pytest.mark.parametrize("path", [ODS, XLSX], ids=["ods", "xlsx"])
    def test_the_in_year_sheet_imports_as_the_release_s_rows_of_the_merged_csv(
        self, path: Path
    ) -> None:
        """Ofsted's worded in-year columns are read as the merged sheet's: the same 112 visits."""
        lines = INYEAR_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
        release = [lines[0], *(line for line in lines[1:] if RELEASE_2025 in line)]
        expected = importers.inyear(io.StringIO("".join(release)))
        result = importers.inyear(path)
        assert result.source.endswith("[In-year_inspections]")
        assert (result.rows_read, result.imported) == (112, 112)
        assert result.inspections == expected.inspections
        assert result.columns_ignored == ()

    def test_a_sheet_named_is_read_and_a_wrong_name_lists_the_sheets(self) -> None:
        """--sheet picks the sheet; a name the workbook lacks is an error naming its sheets."""
        assert importers.ofsted(ODS, sheet="ilacs_inspection_history").imported == 271
        with pytest.raises(CsvFormatError, match="has no sheet 'History'; its sheets are 'Cover'"):
            importers.ofsted(ODS, sheet="History")

    def test_a_sheet_without_the_columns_names_the_sheet_and_the_columns(self) -> None:
        """The latest-judgements sheet has no inspection type: the error says so."""
        with pytest.raises(CsvFormatError) as caught:
            importers.ofsted(ODS, sheet="Inspections_as_at_31_March")
        message = str(caught.value)
        assert "sheet 'Inspections_as_at_31_March' of" in message
        assert "it lacks the column(s) 'Inspection type'" in message

    def test_a_workbook_without_the_table_lists_its_sheets(self) -> None:
        """Reading the community history from Ofsted's workbook names what is missing."""
        with pytest.raises(
            CsvFormatError, match="has no sheet that is the community ILACS history"
        ):
            importers.community(ODS)


@pytest.fixture(scope="module")
def overview() -> importers.ImportResult:
    """The community overview workbook, imported."""
    return importers.community(OVERVIEW)


class TestCommunityOverview:
    """The community tool's XLSX overview imports as its CSV history does."""

    def test_every_row_is_imported_or_reported(self, overview: importers.ImportResult) -> None:
        """153 authorities: 151 imported, two without fieldwork dates, every column known."""
        assert overview.source.endswith("[ofsted_cs_inspections_overview]")
        assert (overview.rows_read, overview.imported) == (153, 151)
        assert [(row.line, row.reason.value) for row in overview.skipped] == [
            (11, "no_fieldwork_dates"),
            (101, "no_fieldwork_dates"),
        ]
        assert overview.columns_ignored == ()
        assert overview.columns_missing == ()

    def test_each_inspection_is_the_one_the_csv_history_has(
        self, overview: importers.ImportResult
    ) -> None:
        """Same dates, kind, grades and link; only the inspector's name is lower-cased."""
        history = importers.community(COMMUNITY_CSV).inspections
        by_day = {(i.authority, i.on_site_start): i for i in history}
        for inspection in overview.inspections:
            same = by_day[inspection.authority, inspection.on_site_start]
            assert attrs.evolve(inspection, lead_inspector=None) == attrs.evolve(
                same, lead_inspector=None
            )
            assert (inspection.lead_inspector or "").casefold() == (
                same.lead_inspector or ""
            ).casefold()

    def test_nan_is_no_judgement_where_the_framework_makes_none(
        self, overview: importers.ImportResult
    ) -> None:
        """The overview writes pandas' 'nan' for the overall grade ilacs-2026 does not give."""
        (brent,) = (i for i in overview.inspections if i.authority.name == "Brent")
        assert brent.framework == "ilacs-2026"
        assert [j.area for j in brent.judgements] == [
            "leaders",
            "help_and_protection",
            "children_in_care",
            "care_leavers",
        ]


def _titled_csv(missing: str | None = None) -> str:
    """The history sheet as a spreadsheet saves it to CSV: its title rows above the header."""
    lines = HISTORY_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0] if missing is None else lines[0].replace(missing, "Type")
    return "ILACS inspection history from 2018-2025,,\nThis worksheet contains one table.,,\n" + (
        "".join([header, *lines[1:]])
    )


class TestCsvWithTitleRows:
    """A CSV with title rows above its header is read, or told where the header was expected."""

    def test_the_header_below_title_rows_is_found(self, from_csv: importers.ImportResult) -> None:
        """The same 271 inspections, each numbered by its line in the file."""
        result = importers.ofsted(io.StringIO(_titled_csv()))
        assert result.inspections == from_csv.inspections
        assert result.lines == tuple(line + 2 for line in from_csv.lines)

    def test_a_header_that_lacks_a_column_is_named_by_its_line(self) -> None:
        """No row has the columns: the error names line 3, below the titles, and what it lacks."""
        with pytest.raises(CsvFormatError) as caught:
            importers.ofsted(io.StringIO(_titled_csv(missing="Inspection type")))
        assert str(caught.value) == (
            "'<stream>' is not Ofsted's ILACS inspection history: the header was expected on"
            " line 3, below the title lines 1-2, but it lacks the column(s) 'Inspection type'"
        )
        assert caught.value.line == 3
        assert caught.value.missing == ("Inspection type",)

    def test_a_header_on_line_one_keeps_its_message(self) -> None:
        """Without title rows the message is as before."""
        with pytest.raises(CsvFormatError, match=r"^'<stream>' is not .*: it lacks the column"):
            importers.ofsted(io.StringIO("Local authority name,Inspection date\nHull,2019-01-01\n"))


@pytest.fixture(scope="module")
def exported(
    tmp_path_factory: pytest.TempPathFactory, from_csv: importers.ImportResult, plan: ActionPlan
) -> tuple[Path, tuple[Inspection, ...]]:
    """Haringey's plan and the national history written as one XLSX workbook, with what was written."""
    written = (plan.inspection, *from_csv.inspections)
    path = tmp_path_factory.mktemp("xlsx") / "national.xlsx"
    count = tabular.write_xlsx(written, path, plans=[plan], as_of=pendulum.date(2019, 6, 1))
    assert count == len(written)
    return path, written


def _sheet(path: Path, name: str) -> list[list[object]]:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    return [list(row) for row in workbook.get_sheet_by_name(name).to_python()]


class TestXlsxExport:
    """The XLSX export opens with a reader and equals the data, typed."""

    def test_it_has_one_sheet_per_table(
        self, exported: tuple[Path, tuple[Inspection, ...]]
    ) -> None:
        """inspections, judgements, improvement areas, action plans, deadlines."""
        workbook = python_calamine.CalamineWorkbook.from_path(str(exported[0]))
        assert tuple(workbook.sheet_names) == tabular.SHEETS

    def test_the_inspections_sheet_reads_back_to_the_same_inspections(
        self, exported: tuple[Path, tuple[Inspection, ...]]
    ) -> None:
        """from_csv reads the workbook's inspections sheet back exactly."""
        path, written = exported
        result = tabular.from_csv(path)
        assert result.source.endswith("[inspections]")
        assert result.inspections == written
        assert result.skipped == ()

    def test_cells_are_typed(self, exported: tuple[Path, tuple[Inspection, ...]]) -> None:
        """Dates are dates, the URN is a number, grades and names are text."""
        header, haringey, *_ = _sheet(exported[0], "inspections")
        cell = dict(zip(header, haringey, strict=True))
        assert cell["on_site_start"] == pendulum.date(2018, 10, 29)
        assert cell["published"] == pendulum.date(2018, 12, 14)
        assert cell["urn"] == 80498
        assert isinstance(cell["urn"], float)  # a number cell, as calamine reads one
        assert cell["local_authority"] == "Haringey"
        assert cell["overall_effectiveness_grade"] == "Requires improvement to be good"

    def test_each_judgement_has_its_row(
        self, exported: tuple[Path, tuple[Inspection, ...]]
    ) -> None:
        """One row per judgement, with the area's label and the grade as the framework words it."""
        path, written = exported
        header, *rows = _sheet(path, "judgements")
        assert len(rows) == sum(len(inspection.judgements) for inspection in written)
        first = dict(zip(header, rows[0], strict=True))
        haringey = written[0]
        assert first["local_authority"] == "Haringey"
        assert first["area"] == haringey.judgements[0].area
        assert first["grade"] == "Requires improvement to be good"

    def test_improvement_areas_and_actions_have_their_rows(
        self, exported: tuple[Path, tuple[Inspection, ...]], plan: ActionPlan
    ) -> None:
        """Each improvement area, and each action with its rating as of the day given."""
        path, _ = exported
        header, *items = _sheet(path, "improvement areas")
        assert [row[header.index("id")] for row in items] == [
            item.id for item in plan.inspection.improvement_areas
        ]
        header, *actions = _sheet(path, "action plans")
        assert [row[header.index("action")] for row in actions] == [a.id for a in plan.actions]
        assert {row[header.index("rating")] for row in actions} <= {"red", "amber", "green"}
        due = [row[header.index("due")] for row in actions]
        assert due == [action.due for action in plan.actions]

    def test_the_deadlines_are_those_the_library_computes(
        self, exported: tuple[Path, tuple[Inspection, ...]], plan: ActionPlan
    ) -> None:
        """Haringey's deadlines, rule for rule, with their dates."""
        header, *rows = _sheet(exported[0], "deadlines")
        haringey = [dict(zip(header, row, strict=True)) for row in rows if row[0] == "Haringey"]
        expected = deadlines.for_inspection(plan.inspection)
        assert [row["rule"] for row in haringey[: len(expected)]] == [d.rule.id for d in expected]
        assert haringey[0]["due"] == expected[0].due
        assert haringey[0]["upper_bound"] is False

    def test_text_is_never_a_formula(self, tmp_path: Path) -> None:
        """A name starting with = is written as text: the file holds no formula, and reads back as it was."""
        inspection = attrs.evolve(
            importers.ofsted(HISTORY_CSV).inspections[0],
            lead_inspector='=HYPERLINK("http://example.invalid","x")',
        )
        path = tmp_path / "attack.xlsx"
        tabular.write_xlsx([inspection], path)
        with zipfile.ZipFile(path) as archive:
            sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
            assert not any(b"<f>" in archive.read(name) for name in sheets)
        assert tabular.from_csv(path).inspections == (inspection,)

    def test_text_too_long_for_a_cell_is_refused_and_the_file_kept(self, tmp_path: Path) -> None:
        """Excel's cell holds 32,767 characters: longer is refused, never cut short."""
        path = tmp_path / "kept.xlsx"
        path.write_bytes(b"precious")
        inspection = attrs.evolve(importers.ofsted(HISTORY_CSV).inspections[0], topic="x" * 40_000)
        with pytest.raises(ValidationError, match="'topic' in row 2 of sheet 'inspections'"):
            tabular.write_xlsx([inspection], path)
        assert path.read_bytes() == b"precious"

    def test_text_xml_cannot_hold_is_refused(self) -> None:
        """U+FFFE cannot be written to XLSX: an error names it, rather than a changed value."""
        inspection = attrs.evolve(importers.ofsted(HISTORY_CSV).inspections[0], topic="a\ufffeb")
        with pytest.raises(ValidationError, match="which an XLSX file cannot hold"):
            tabular.write_xlsx([inspection], io.BytesIO())


class TestBom:
    """CSV for Excel: a byte-order mark on request."""

    def test_write_csv_puts_a_bom_first_and_reads_back(
        self, tmp_path: Path, from_csv: importers.ImportResult
    ) -> None:
        """The file starts EF BB BF; the reader takes it and gives the same inspections."""
        path = tmp_path / "excel.csv"
        tabular.write_csv(from_csv.inspections[:5], path, bom=True)
        assert path.read_bytes().startswith(b"\xef\xbb\xbflocal_authority,")
        assert tabular.from_csv(path).inspections == from_csv.inspections[:5]

    def test_the_export_command_takes_bom(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """export-csv --bom writes the mark; without it, none."""
        source = str(EXAMPLES / "haringey-2018.json")
        with_bom, without = tmp_path / "with.csv", tmp_path / "without.csv"
        assert run_cli(capsys, "export-csv", source, "--bom", "-o", str(with_bom)).status == 0
        assert run_cli(capsys, "export-csv", source, "-o", str(without)).status == 0
        assert with_bom.read_bytes() == b"\xef\xbb\xbf" + without.read_bytes()


class TestCommands:
    """The import command reads workbooks; export-xlsx writes one."""

    def test_import_reads_the_ods_and_names_the_sheet(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Exit 0, the summary names the sheet, and the document holds 271 inspections."""
        output = tmp_path / "all.json"
        run = run_cli(capsys, "import", "ofsted", str(ODS), "-o", str(output), "--strict")
        assert run.status == 0, run.err
        assert "[ILACS_inspection_history]: 271 rows read, 271 imported" in run.err
        document = serialisation.loads(output.read_text(encoding="utf-8"))
        assert isinstance(document, tuple)
        assert len(document) == 271

    def test_import_reads_a_workbook_from_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """'-' takes a workbook's bytes as well as CSV text; the sheet is named after '-'."""
        stdin = io.TextIOWrapper(io.BytesIO(XLSX.read_bytes()), "utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        run = run_cli(capsys, "import", "inyear", "-")
        assert run.status == 0, run.err
        assert run.err.endswith("-[In-year_inspections]: 112 rows read, 112 imported, 0 skipped\n")

    def test_import_with_a_wrong_sheet_is_an_input_error(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exit 1, naming the workbook's sheets."""
        run = run_cli(capsys, "import", "ofsted", str(ODS), "--sheet", "Data")
        assert run.status == 1
        assert "has no sheet 'Data'; its sheets are 'Cover', 'Contents', 'Notes'" in run.err

    def test_export_xlsx_writes_a_workbook_the_import_reads_back(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A plan's workbook: its inspection reads back through 'import analyst'."""
        path = tmp_path / "plan.xlsx"
        source = str(EXAMPLES / "haringey-2018-action-plan.json")
        run = run_cli(capsys, "export-xlsx", source, "-o", str(path), "--as-of", "2019-06-01")
        assert run.status == 0, run.err
        back = run_cli(capsys, "import", "analyst", str(path))
        assert back.status == 0, back.err
        plan = serialisation.loads(Path(source).read_text("utf-8"), ActionPlan)
        assert serialisation.loads(back.out) == (plan.inspection,)

    def test_export_xlsx_refuses_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A workbook is not text: -o - is a usage error."""
        run = run_cli(capsys, "export-xlsx", str(EXAMPLES / "haringey-2018.json"), "-o", "-")
        assert run.status == 2
        assert "give -o FILE.xlsx" in run.err


class TestExtra:
    """Without the spreadsheets extra, reading or writing a workbook says what to install."""

    def test_reading_without_calamine_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A MissingExtraError naming pip install 'ilacs[spreadsheets]'."""
        monkeypatch.setitem(sys.modules, "python_calamine", None)
        with pytest.raises(MissingExtraError) as info:
            importers.ofsted(ODS)
        assert str(info.value) == (
            "reading a spreadsheet workbook needs python-calamine, which is not installed:"
            " pip install 'ilacs[spreadsheets]'"
        )
        assert info.value.extra == "spreadsheets"

    def test_writing_without_xlsxwriter_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A MissingExtraError naming pip install 'ilacs[spreadsheets]'."""
        monkeypatch.setitem(sys.modules, "xlsxwriter", None)
        with pytest.raises(MissingExtraError, match=r"XlsxWriter, which is not installed"):
            workbooks.write_xlsx([("s", ["a"], [["b"]])], io.BytesIO())
