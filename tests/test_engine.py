"""Tests for ilacs.tables.engine: tables read into rows, rows built or skipped, tables written back."""

import csv
import datetime
import io
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Inspection, InspectionKind, LocalAuthority
from ilacs.errors import CsvFormatError, FileWriteError, IlacsError, ValidationError
from ilacs.tables import workbooks
from ilacs.tables.engine import (
    CELL_LIMIT,
    FORMULA_STARTS,
    HEADER_SEARCH,
    Row,
    SkipRowError,
    column_key,
    csv_text,
    escape_formula,
    read_table,
    run,
    unescape_formula,
    write_text,
)
from ilacs.tables.results import Reason

# Cells as the export writes them, and as a CSV reader gives them back.
AWKWARD_CELLS = [
    "Hull\rWest",
    "Hull\r\nWest",
    "Hull\nWest",
    'Say "Haringey"',
    "Hull, East",
    "",
    " spaced ",
    "\r",
    "x" * CELL_LIMIT,
]


def _table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _build(row: Row) -> Inspection:
    """Builds from 'name' and 'start'; an empty start skips the row."""
    if not row.text("start"):
        raise row.skip(Reason.NO_FIELDWORK_DATES, "start", "is empty")
    return Inspection(
        authority=LocalAuthority(name=row.raw("name")),
        kind=InspectionKind.STANDARD,
        on_site_start=pendulum.Date.fromisoformat(row.text("start")),
    )


class TestReadTable:
    """A CSV file is read whole, its columns matched by key, its rows with their lines."""

    def test_columns_are_matched_trimmed_single_spaced_and_case_folded(self) -> None:
        """' Inspection  DATE ' is the column 'inspection date'."""
        assert column_key(" Inspection  DATE ") == "inspection date"
        table = read_table(io.StringIO(" Inspection  DATE ,type\n"), what="a list")
        assert table.columns == {"inspection date": 0, "type": 1}

    def test_rows_keep_the_line_they_start_on(self) -> None:
        """Blank lines are not rows; a quoted line break is part of its row."""
        table = read_table(io.StringIO('a,b\n\n"x\ny",z\n1,2\n'), what="a list")
        assert table.rows == ((3, ("x\ny", "z")), (5, ("1", "2")))

    def test_spreadsheet_safe_takes_the_apostrophe_off_every_cell_below_the_header(self) -> None:
        """The header is read as it is."""
        table = read_table(io.StringIO("'a,b\n'=1,''x\n"), what="a list", spreadsheet_safe=True)
        assert (table.header, table.rows) == (("'a", "b"), ((2, ("=1", "'x")),))

    def test_a_column_the_table_must_not_have_is_an_error(self) -> None:
        """With known, an unknown column is refused, never ignored."""
        with pytest.raises(
            CsvFormatError, match="has column\\(s\\) that a list does not have: 'c'"
        ):
            read_table(io.StringIO("a,c\n"), what="a list", known=lambda key: key == "a")

    def test_the_columns_other_than_those_read_are_named_as_spelt(self) -> None:
        """columns_other_than gives the header's own spelling, trimmed."""
        table = read_table(io.StringIO(" Notes ,type,Region\n"), what="a list")
        assert table.columns_other_than({"type", "region"}) == ("Notes",)


class TestRun:
    """Every row is built or skipped with its reason; nothing is dropped."""

    def test_each_row_is_an_inspection_or_a_skipped_row(self) -> None:
        """A wrong cell count, a skip raised while building, and the model's refusal."""
        text = "name,start\nHaringey,2018-10-29\nHarrow,\nHull\n Bad ,2018-10-29\n"
        result = run(
            read_table(io.StringIO(text), what="a list"),
            _build,
            progress=None,
            fields={"name": "name"},
            duplicates=False,
        )
        assert result.imported == 1
        assert [(row.line, row.reason, row.column) for row in result.skipped] == [
            (3, Reason.NO_FIELDWORK_DATES, "start"),
            (4, Reason.WRONG_CELL_COUNT, None),
            (5, Reason.INVALID_INSPECTION, "name"),
        ]

    def test_a_duplicate_names_the_row_it_repeats(self) -> None:
        """The same authority, kind and first day on site: the first is kept."""
        text = "name,start\nHaringey,2018-10-29\nHaringey,2018-10-29\n"
        table = read_table(io.StringIO(text), what="a list")
        result = run(table, _build, progress=None, fields={}, duplicates=True)
        (skipped,) = result.skipped
        assert (skipped.line, skipped.reason, skipped.value) == (3, Reason.DUPLICATE, "2")

    def test_progress_is_told_before_the_first_row_and_after_each(self) -> None:
        """(0, 2), (1, 2), (2, 2)."""
        calls: list[tuple[int, int]] = []
        table = read_table(io.StringIO("name,start\nA,\nB,\n"), what="a list")
        run(table, _build, progress=lambda *call: calls.append(call), fields={}, duplicates=False)
        assert calls == [(0, 2), (1, 2), (2, 2)]

    def test_a_skip_error_carries_its_particulars(self) -> None:
        """reason, detail, column and value, for the SkippedRow."""
        error = SkipRowError(Reason.BAD_VALUE, "'urn' is bad", column="urn", value="x")
        assert (error.reason, error.detail, error.column, error.value, str(error)) == (
            Reason.BAD_VALUE,
            "'urn' is bad",
            "urn",
            "x",
            "'urn' is bad",
        )


class TestCsvText:
    """What csv_text writes, a CSV reader reads back cell for cell, or it is refused."""

    @pytest.mark.parametrize("cell", AWKWARD_CELLS)
    def test_awkward_cells_read_back_exactly(self, cell: str) -> None:
        """A lone carriage return is quoted, so the row is not split there."""
        text = csv_text(["a", "b"], [("row 1", [cell, "after"])])
        assert _table(text) == [["a", "b"], [cell, "after"]]
        table = read_table(io.StringIO(text), what="a list")
        assert table.rows == ((2, (cell, "after")),)

    @given(st.lists(st.text(max_size=20), min_size=2, max_size=2))
    def test_any_text_reads_back_exactly(self, cells: list[str]) -> None:
        """Whatever the characters, the cells come back as written."""
        text = csv_text(["a", "b"], [("row 1", cells)])
        assert read_table(io.StringIO(text), what="a list").rows[0][1] == tuple(cells)

    def test_a_cell_longer_than_a_reader_takes_is_refused(self) -> None:
        """The error names the row and the column."""
        with pytest.raises(ValidationError) as raised:
            csv_text(["a", "topic"], [("inspections[3]", ["", "x" * (CELL_LIMIT + 1)])])
        assert str(raised.value) == (
            "'topic' of inspections[3] has 131,073 characters, more than a CSV reader takes"
            " in one cell (131,072)"
        )

    def test_lines_end_in_a_line_feed(self) -> None:
        """The same bytes on every platform."""
        assert csv_text(["a"], [("row 1", ["1"])]) == "a\n1\n"


class TestSpreadsheetEscapes:
    """A cell a spreadsheet would run as a formula gets an apostrophe; reading takes it off."""

    @pytest.mark.parametrize("start", FORMULA_STARTS)
    def test_a_formula_start_gets_an_apostrophe(self, start: str) -> None:
        """=, +, -, @, tab, carriage return and the apostrophe itself."""
        assert escape_formula(f"{start}x") == f"'{start}x"

    @given(st.text())
    def test_the_escape_is_undone_exactly(self, cell: str) -> None:
        """unescape_formula(escape_formula(x)) == x, and no escaped cell starts a formula."""
        escaped = escape_formula(cell)
        assert unescape_formula(escaped) == cell
        assert not escaped.startswith(FORMULA_STARTS[:-1])

    def test_the_header_is_not_escaped(self) -> None:
        """Only the cells below it."""
        text = csv_text(["-a"], [("row 1", ["-1"])], spreadsheet_safe=True)
        assert text == "-a\n'-1\n"


class TestWriteText:
    """A path is written atomically; a stream must take text; failures name the target."""

    def test_a_path_is_written_whole(self, tmp_path: Path) -> None:
        """The text, and no temporary file left beside it."""
        path = tmp_path / "table.csv"
        write_text("a\r\nb\n", path)
        assert path.read_bytes() == b"a\r\nb\n"
        assert [item.name for item in tmp_path.iterdir()] == ["table.csv"]

    @pytest.mark.parametrize("where", ["", "missing/table.csv"])
    def test_a_folder_or_a_missing_folder_is_an_error_naming_it(
        self, tmp_path: Path, where: str
    ) -> None:
        """FileWriteError, an IlacsError, with the path in the message."""
        path = tmp_path / where
        with pytest.raises(FileWriteError) as raised:
            write_text("a\n", path)
        assert str(path) in str(raised.value)

    @pytest.mark.parametrize(
        ("target", "message"),
        [
            (io.BytesIO(), "cannot write to '<stream>': it is not a text stream"),
            (42, "cannot write to int: expected a path or a text stream"),
        ],
    )
    def test_a_stream_that_takes_no_text_is_an_error(self, target: object, message: str) -> None:
        """Not a TypeError or an AttributeError from inside."""
        with pytest.raises(IlacsError, match=message):
            write_text("a\n", target)  # type: ignore[arg-type]

    def test_a_closed_stream_is_an_error(self) -> None:
        """The stream's own complaint, as a library error."""
        stream = io.StringIO()
        stream.close()
        with pytest.raises(FileWriteError, match="cannot write to '<stream>': I/O operation"):
            write_text("a\n", stream)


def _xlsx(rows: list[list[workbooks.Cell]], name: str = "Data") -> io.BytesIO:
    """A one-sheet workbook, as the engine's writer makes one."""
    stream = io.BytesIO()
    header, *body = rows
    workbooks.write_xlsx([(name, [str(cell) for cell in header], body)], stream)
    stream.seek(0)
    return stream


class TestHeaderSearch:
    """The header is the first row with the required columns; the rows above are titles."""

    def test_title_rows_above_the_header_are_kept_apart(self) -> None:
        """Titles keep their lines; the rows below the header are the table."""
        text = "Outcomes\nA note, about the table\nname,kind\nHull,standard\n"
        table = read_table(io.StringIO(text), what="a list", required=["kind"])
        assert table.header == ("name", "kind")
        assert table.header_line == 3
        assert table.titles == ((1, ("Outcomes",)), (2, ("A note", " about the table")))
        assert table.rows == ((4, ("Hull", "standard")),)

    def test_without_required_columns_the_first_row_is_the_header(self) -> None:
        """Nothing to look for: the header is line 1, as before."""
        table = read_table(io.StringIO("Outcomes\nname,kind\n"), what="a list")
        assert (table.header, table.header_line, table.titles) == (("Outcomes",), 1, ())

    def test_the_error_names_the_line_where_a_header_was_expected(self) -> None:
        """Below one title line, a header without the column is named by its line."""
        text = "Outcomes\nname,type\nHull,standard\n"
        with pytest.raises(CsvFormatError) as raised:
            read_table(io.StringIO(text), what="a list", required=["kind"])
        assert str(raised.value) == (
            "'<stream>' is not a list: the header was expected on line 2, below the title"
            " line 1, but it lacks the column(s) 'kind'"
        )
        assert raised.value.line == 2

    def test_a_header_past_the_search_is_not_found(self) -> None:
        """Only the first rows are searched, so a data row is never taken for a header."""
        text = "title\n" * HEADER_SEARCH + "name,kind\n"
        with pytest.raises(CsvFormatError, match="lacks the column"):
            read_table(io.StringIO(text), what="a list", required=["kind"])

    def test_aliases_match_other_names_of_a_column(self) -> None:
        """An alias reads 'Inspection/Visit type' as 'type'; the header keeps its spelling."""
        text = "Inspection/Visit type,name\nshort,Hull\n"
        table = read_table(
            io.StringIO(text),
            what="a list",
            required=["type"],
            aliases={"Inspection/Visit type": "type"},
        )
        assert table.columns == {"type": 0, "name": 1}
        (line, cells) = table.rows[0]
        assert Row(table, line, cells).column("type") == "Inspection/Visit type"
        assert table.columns_other_than({"type"}) == ("name",)

    def test_a_sheet_asked_of_a_csv_file_is_an_error(self) -> None:
        """A CSV file has no sheets."""
        with pytest.raises(CsvFormatError, match="is a CSV file, not a workbook"):
            read_table(io.StringIO("name\n"), what="a list", sheet="Data")


class TestWorkbookTables:
    """A workbook's sheet reads as a CSV file does, its rows numbered as the sheet numbers them."""

    def test_cells_are_text_and_short_rows_are_filled_out(self) -> None:
        """Dates as ISO 8601, whole numbers without a point, trailing empty cells kept."""
        stream = _xlsx(
            [["name", "start", "urn", "note"], ["Hull", pendulum.date(2019, 1, 7), 80440, None]]
        )
        table = read_table(stream, what="a list", required=["urn"])
        assert table.source == "<stream>[Data]"
        assert table.sheet == "Data"
        assert table.rows == ((2, ("Hull", "2019-01-07", "80440", "")),)

    def test_the_sheet_with_the_columns_is_chosen(self) -> None:
        """Of a cover and a data sheet, the one with the required columns."""
        stream = io.BytesIO()
        workbooks.write_xlsx(
            [("Cover", ["Outcomes"], [["published 2025"]]), ("Data", ["name", "kind"], [])],
            stream,
        )
        stream.seek(0)
        assert read_table(stream, what="a list", required=["kind"]).sheet == "Data"

    def test_several_sheets_that_could_be_the_table_are_an_error(self) -> None:
        """Two sheets with the columns: name one."""
        stream = io.BytesIO()
        workbooks.write_xlsx([("A", ["kind"], []), ("B", ["kind"], [])], stream)
        stream.seek(0)
        with pytest.raises(
            CsvFormatError, match=r"several sheets that could be a list \('A', 'B'\)"
        ):
            read_table(stream, what="a list", required=["kind"])


class TestCellText:
    """Workbook cells become the text a CSV file would hold."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (None, ""),
            (True, "TRUE"),
            (80440.0, "80440"),
            (0.1, "0.1"),
            (2.0**60, "1.152921504606847e+18"),
            (float("nan"), "nan"),
            (7, "7"),
            (datetime.datetime(2019, 1, 7), "2019-01-07"),  # noqa: DTZ001 (cells are naive)
            (datetime.datetime(2019, 1, 7, 9, 30), "2019-01-07 09:30:00"),  # noqa: DTZ001
            (datetime.date(2019, 1, 7), "2019-01-07"),
            (datetime.time(9, 30), "09:30:00"),
            ("=1+1", "=1+1"),
        ],
    )
    def test_each_kind_of_cell(self, value: object, text: str) -> None:
        """As a spreadsheet's CSV export would write it."""
        assert workbooks.cell_text(value) == text
