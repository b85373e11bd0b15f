"""Regression tests for issue 12: tables and briefings keep what the user gave, exactly and safely.

Nothing the user gave is silently dropped: a grade column the importer expects and
does not find, or a column it does not recognise, is reported. What the analyst's
export writes, :func:`ilacs.tabular.from_csv` reads back exactly, or the export
refuses it with an IlacsError; a failed write leaves the file as it was. A briefing
shows text from a document as text, never as Markdown structure or HTML.
"""

import contextlib
import csv
import errno
import io
import os
import resource
import signal
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pendulum
import pytest
import xlsxwriter
from cli_runner import run_cli
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    ActionPlan,
    ImprovementArea,
    Inspection,
    importers,
    reports,
    serialisation,
    tabular,
)
from ilacs.errors import CsvFormatError, IlacsError

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
OFSTED = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
COMMUNITY = DATA / "ofsted_csc_ilacs_history.csv"
IMPORTERS: dict[str, Callable[[importers.DataSource], importers.ImportResult]] = {
    "ofsted": importers.ofsted,
    "inyear": importers.inyear,
    "community": importers.community,
}
PRECIOUS = "precious: this file must survive a failed write\n" * 40
FORMULA_STARTS = ("=", "+", "-", "@")


ilacs = run_cli


def haringey_plan() -> ActionPlan:
    """Haringey's 2018 action plan, from examples/data."""
    text = (EXAMPLES / "haringey-2018-action-plan.json").read_text(encoding="utf-8")
    return serialisation.loads(text, ActionPlan)


def haringey() -> Inspection:
    """Haringey's 2018 inspection, from examples/data."""
    text = (EXAMPLES / "haringey-2018.json").read_text(encoding="utf-8")
    return serialisation.loads(text, Inspection)


@contextlib.contextmanager
def writes_stop_part_way(limit: int = 512) -> Iterator[None]:
    """No file may grow past ``limit`` bytes: a write fails half done, as on a full disk."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


@contextlib.contextmanager
def failing(mode: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A write that stops part-way ("part-way"), or an ``os.replace`` that fails ("replace")."""
    if mode == "part-way":
        with writes_stop_part_way():
            yield
        return

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, "simulated failure to replace")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        yield


# 7. Grade columns that are misspelt or missing.


def rewritten(path: Path, old: str, new: str | None) -> str:
    """The CSV file with the column ``old`` renamed to ``new``, or dropped when ``new`` is None."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    position = rows[0].index(old)
    for row in rows:
        if new is None:
            del row[position]
        elif row is rows[0]:
            row[position] = new
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def folded(columns: object) -> set[str]:
    """Column names as compared: case-folded (fails unless a tuple of names)."""
    assert isinstance(columns, tuple), columns
    return {str(column).casefold() for column in columns}


# (importer, file, the grade column damaged, its new name or None when dropped).
DAMAGED_COLUMNS = [
    ("ofsted", OFSTED, "Overall effectiveness", "Overal effectiveness"),
    (
        "ofsted",
        OFSTED,
        "The impact of leaders on social work practice with children and families",
        "The impact of leaders on social work practise with children and families",
    ),
    ("ofsted", OFSTED, "The experiences and progress of care leavers", None),
    ("ofsted", OFSTED, "The experiences and progress of children in care", None),
    ("inyear", INYEAR, "overall", "overal"),
    ("inyear", INYEAR, "children_in_care", "in_care"),
    ("inyear", INYEAR, "care_leavers", None),
    ("community", COMMUNITY, "in_care_grade", "in_care"),
    ("community", COMMUNITY, "impact_of_leaders_grade", None),
]
MISSPELT = [case for case in DAMAGED_COLUMNS if case[3] is not None]
# (importer, file, summary).
CLEAN_FILES = [
    ("ofsted", OFSTED, "271 rows read, 271 imported, 0 skipped"),
    ("inyear", INYEAR, "330 rows read, 330 imported, 0 skipped"),
]


class TestGradeColumns:
    """A grade column that is absent, or a column not recognised, is reported, never dropped."""

    @pytest.mark.parametrize(("importer", "path", "old", "new"), DAMAGED_COLUMNS)
    def test_an_absent_grade_column_is_listed_as_missing(
        self, importer: str, path: Path, old: str, new: str | None
    ) -> None:
        """result.columns_missing names the expected grade column the file lacks."""
        result = IMPORTERS[importer](io.StringIO(rewritten(path, old, new)))
        assert old.casefold() in folded(result.columns_missing)

    @pytest.mark.parametrize(("importer", "path", "old", "new"), MISSPELT)
    def test_a_column_not_recognised_is_listed_as_ignored(
        self, importer: str, path: Path, old: str, new: str
    ) -> None:
        """result.columns_ignored names the misspelt column, as the header spells it."""
        result = IMPORTERS[importer](io.StringIO(rewritten(path, old, new)))
        ignored = folded(result.columns_ignored)
        assert new.casefold() in ignored
        assert old.casefold() not in ignored

    @pytest.mark.parametrize(("importer", "path", "old", "new"), DAMAGED_COLUMNS)
    def test_only_the_damaged_column_is_reported_and_every_row_is_still_read(
        self, importer: str, path: Path, old: str, new: str | None
    ) -> None:
        """One missing column (even where two framework versions needed it), nothing else."""
        clean = IMPORTERS[importer](path)
        result = IMPORTERS[importer](io.StringIO(rewritten(path, old, new)))
        assert result.columns_missing == (old,)
        assert result.columns_ignored == (() if new is None else (new,))
        assert (result.rows_read, result.imported) == (clean.rows_read, clean.imported)

    @pytest.mark.parametrize(("importer", "path", "summary"), CLEAN_FILES)
    def test_the_real_files_miss_no_grade_column(
        self, importer: str, path: Path, summary: str
    ) -> None:
        """Ofsted's own files have every grade column: columns_missing is empty."""
        result = IMPORTERS[importer](path)
        assert result.summary() == summary
        assert result.columns_missing == ()

    @pytest.mark.parametrize(("importer", "path", "old", "new"), DAMAGED_COLUMNS)
    def test_the_import_command_prints_the_damaged_columns(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        importer: str,
        path: Path,
        old: str,
        new: str | None,
    ) -> None:
        """``ilacs import SOURCE FILE`` names the missing column and the one it ignored."""
        damaged = tmp_path / "damaged.csv"
        damaged.write_text(rewritten(path, old, new), encoding="utf-8")
        result = ilacs(capsys, "import", importer, str(damaged))
        assert result.status in {0, 1}, result.err
        assert old in result.err
        if new is not None:
            assert new in result.err

    @pytest.mark.parametrize(("importer", "path", "summary"), CLEAN_FILES)
    def test_the_real_files_still_import_every_row(
        self, capsys: pytest.CaptureFixture[str], importer: str, path: Path, summary: str
    ) -> None:
        """Already right: the untouched files import every row, exit 0."""
        result = ilacs(capsys, "import", importer, str(path))
        assert result.status == 0, result.err
        assert summary in result.err


# 8. What the export writes, it reads back.


def _named(name: str) -> Inspection:
    inspection = haringey()
    return attrs.evolve(inspection, authority=attrs.evolve(inspection.authority, name=name))


def _urn(urn: int) -> Inspection:
    inspection = haringey()
    return attrs.evolve(inspection, authority=attrs.evolve(inspection.authority, urn=urn))


def _long_area(length: int) -> Inspection:
    area = ImprovementArea(id="ia-long", text="x" * length)
    return attrs.evolve(haringey(), improvement_areas=(area,))


AWKWARD_INSPECTIONS = [
    pytest.param(_named("Hull\rinside"), id="bare carriage return in the name"),
    pytest.param(
        attrs.evolve(haringey(), lead_inspector="Anne\rWaterman HMI"),
        id="bare carriage return in the lead inspector",
    ),
    pytest.param(attrs.evolve(haringey(), topic="Front\rdoor"), id="bare carriage return in topic"),
    pytest.param(_urn(10**12), id="URN of 10**12"),
    pytest.param(_urn(2**53 - 1), id="the largest URN"),
    pytest.param(
        attrs.evolve(haringey(), lead_inspector="x" * 131_073),
        id="lead inspector over 131,072 characters",
    ),
    pytest.param(_long_area(200_000), id="improvement area over 131,072 characters"),
]
FAITHFUL_INSPECTIONS = [
    pytest.param(_named("Hull\r\nWest"), id="carriage return and line feed"),
    pytest.param(_named("Hull\nWest"), id="line feed"),
    pytest.param(_urn(10**12 - 1), id="URN of twelve digits"),
    pytest.param(_long_area(100_000), id="improvement area of 100,000 characters"),
]


def _round_trips_or_is_refused(inspections: list[Inspection]) -> None:
    """The export reads back to the same inspections, or refuses them with an IlacsError."""
    try:
        text = tabular.to_csv(inspections)
    except IlacsError:
        return
    result = tabular.from_csv(io.StringIO(text))
    assert result.skipped == ()
    assert result.inspections == tuple(inspections)


class TestRoundTrip:
    """from_csv(to_csv(xs)) gives xs back, or to_csv refuses xs: never a quietly different table."""

    @pytest.mark.parametrize("inspection", AWKWARD_INSPECTIONS)
    def test_awkward_values_read_back_exactly_or_are_refused(self, inspection: Inspection) -> None:
        """A bare CR, a 13-digit URN, a cell over csv's field limit: exact, or an IlacsError."""
        _round_trips_or_is_refused([inspection])

    @pytest.mark.parametrize("inspection", AWKWARD_INSPECTIONS)
    def test_an_awkward_row_does_not_spoil_the_others(
        self, official_inspections: tuple[Inspection, ...], inspection: Inspection
    ) -> None:
        """Among the 271 official inspections: all read back, or the export refuses."""
        _round_trips_or_is_refused([*official_inspections[:10], inspection])

    @pytest.mark.parametrize("inspection", FAITHFUL_INSPECTIONS)
    def test_values_the_format_holds_read_back_exactly(self, inspection: Inspection) -> None:
        """Already right: CRLF, LF, twelve digits, 100,000 characters."""
        text = tabular.to_csv([inspection])
        assert tabular.from_csv(io.StringIO(text)).inspections == (inspection,)


def _directory(tmp_path: Path) -> Path:
    return tmp_path


def _missing_folder(tmp_path: Path) -> Path:
    return tmp_path / "missing" / "national.csv"


BAD_PATHS = [
    pytest.param(_directory, id="a directory"),
    pytest.param(_missing_folder, id="a missing folder"),
]
FAILURES = ["part-way", "replace"]


class TestWriteCsv:
    """write_csv fails with an IlacsError naming the target, and never half-writes a file."""

    @pytest.mark.parametrize("target", BAD_PATHS)
    def test_an_unwritable_path_is_an_ilacs_error_naming_it(
        self, tmp_path: Path, target: Callable[[Path], Path]
    ) -> None:
        """A directory or a missing folder: IlacsError, with the path in the message."""
        path = target(tmp_path)
        with pytest.raises(IlacsError) as raised:
            tabular.write_csv([haringey()], path)
        assert str(path) in str(raised.value)

    def test_a_binary_stream_is_an_ilacs_error(self) -> None:
        """io.BytesIO is not a text stream: IlacsError, not TypeError."""
        with pytest.raises(IlacsError):
            tabular.write_csv([haringey()], io.BytesIO())  # type: ignore[arg-type]

    @pytest.mark.parametrize("mode", FAILURES)
    def test_a_failed_write_leaves_the_file_byte_identical(
        self,
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        official_inspections: tuple[Inspection, ...],
        mode: str,
    ) -> None:
        """Writing 271 rows over a file, the write failing: IlacsError, the file as it was."""
        path = tmp_path / "national.csv"
        path.write_text(PRECIOUS, encoding="utf-8")
        with failing(mode, monkeypatch), pytest.raises(IlacsError) as raised:
            tabular.write_csv(official_inspections, path)
        assert path.read_text(encoding="utf-8") == PRECIOUS
        assert [item.name for item in tmp_path.iterdir()] == ["national.csv"]
        assert str(path) in str(raised.value)

    def test_a_refused_row_leaves_the_file_byte_identical(
        self, tmp_path: Path, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """An export with a bare CR: it reads back exactly, or the file is untouched."""
        path = tmp_path / "national.csv"
        path.write_text(PRECIOUS, encoding="utf-8")
        written = [*official_inspections, _named("Hull\rinside")]
        try:
            tabular.write_csv(written, path)
        except IlacsError:
            assert path.read_text(encoding="utf-8") == PRECIOUS
        else:
            assert tabular.from_csv(path).inspections == tuple(written)

    def test_a_path_is_written_whole(
        self, tmp_path: Path, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Already right: 271 rows to a path, and only that file in the folder."""
        path = tmp_path / "national.csv"
        assert tabular.write_csv(official_inspections, path) == 271
        assert tabular.from_csv(path).inspections == official_inspections
        assert [item.name for item in tmp_path.iterdir()] == ["national.csv"]


# 9. Cells a spreadsheet would run as formulas.

SPREADSHEET_VALUES = [
    '=HYPERLINK("https://example.org","click")',
    "+44 20 7946 0000",
    "-1+1",
    "@SUM(A1:A9)",
    "'=already quoted",
    "'tis a name",
]


def _formulas(value: str) -> Inspection:
    """Haringey's inspection with the value in every free-text column of the export."""
    inspection = haringey()
    return attrs.evolve(
        inspection,
        authority=attrs.evolve(inspection.authority, name=value, region=value),
        lead_inspector=value,
        topic=value,
    )


def _cells(text: str) -> list[str]:
    """Every cell below the header of CSV text."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows[1:] for cell in row]


def _safe_csv(inspections: list[Inspection]) -> str:
    buffer = io.StringIO()
    tabular.write_csv(inspections, buffer, spreadsheet_safe=True)
    return buffer.getvalue()


class TestSpreadsheetSafe:
    """write_csv(..., spreadsheet_safe=True) escapes formula cells; from_csv(..., True) undoes it."""

    @pytest.mark.parametrize("value", SPREADSHEET_VALUES)
    def test_no_cell_starts_a_formula(self, value: str) -> None:
        """No cell of the safe export starts with =, +, - or @."""
        cells = _cells(_safe_csv([_formulas(value)]))
        assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []

    @pytest.mark.parametrize("value", SPREADSHEET_VALUES)
    def test_escaped_cells_read_back_to_the_original_text(self, value: str) -> None:
        """from_csv(..., spreadsheet_safe=True) gives the inspection back exactly."""
        inspection = _formulas(value)
        result = tabular.from_csv(io.StringIO(_safe_csv([inspection])), spreadsheet_safe=True)
        assert result.inspections == (inspection,)

    def test_the_official_record_survives_the_safe_round_trip(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """271 official inspections: escaped and read back, the same."""
        text = _safe_csv(list(official_inspections))
        assert (
            tabular.from_csv(io.StringIO(text), spreadsheet_safe=True).inspections
            == official_inspections
        )

    @pytest.mark.parametrize("value", SPREADSHEET_VALUES)
    def test_export_csv_spreadsheet_safe(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
    ) -> None:
        """``ilacs export-csv FILE --spreadsheet-safe``: exit 0, no cell starts a formula."""
        document = tmp_path / "formulas.json"
        document.write_text(serialisation.dumps(_formulas(value)), encoding="utf-8")
        result = ilacs(capsys, "export-csv", str(document), "--spreadsheet-safe")
        assert result.status == 0, result.err
        assert [cell for cell in _cells(result.out) if cell.startswith(FORMULA_STARTS)] == []

    @pytest.mark.parametrize("value", SPREADSHEET_VALUES)
    def test_the_default_export_keeps_text_as_it_is(self, value: str) -> None:
        """Already right: without the option, cells are written verbatim and read back exactly."""
        inspection = _formulas(value)
        text = tabular.to_csv([inspection])
        assert value in _cells(text)
        assert tabular.from_csv(io.StringIO(text)).inspections == (inspection,)


# 10. Text in a briefing is text.

INJECTION = "\n# Injected<script>alert(1)</script>"
AS_OF = pendulum.date(2019, 3, 19)


def _in_name(plan: ActionPlan) -> ActionPlan:
    authority = attrs.evolve(plan.inspection.authority, name=f"Hull{INJECTION}")
    return attrs.evolve(plan, inspection=attrs.evolve(plan.inspection, authority=authority))


def _in_lead_inspector(plan: ActionPlan) -> ActionPlan:
    return attrs.evolve(
        plan, inspection=attrs.evolve(plan.inspection, lead_inspector=f"Anne{INJECTION}")
    )


def _in_topic(plan: ActionPlan) -> ActionPlan:
    return attrs.evolve(plan, inspection=attrs.evolve(plan.inspection, topic=f"Topic{INJECTION}"))


def _in_improvement_area(plan: ActionPlan) -> ActionPlan:
    first, *rest = plan.inspection.improvement_areas
    area = attrs.evolve(first, text=f"Audits.{INJECTION}")
    return attrs.evolve(
        plan, inspection=attrs.evolve(plan.inspection, improvement_areas=(area, *rest))
    )


def _in_action_title(plan: ActionPlan) -> ActionPlan:
    first, *rest = plan.actions
    return attrs.evolve(plan, actions=(attrs.evolve(first, title=f"QA{INJECTION}"), *rest))


def _in_oversight(plan: ActionPlan) -> ActionPlan:
    return attrs.evolve(plan, oversight=(f"Board{INJECTION}", *plan.oversight[1:]))


INJECTED = [
    pytest.param(_in_name, id="authority name"),
    pytest.param(_in_lead_inspector, id="lead inspector"),
    pytest.param(_in_topic, id="topic"),
    pytest.param(_in_improvement_area, id="improvement area"),
    pytest.param(_in_action_title, id="action title"),
    pytest.param(_in_oversight, id="oversight"),
]


def _headings(text: str) -> int:
    return sum(line.startswith("#") for line in text.splitlines())


class TestBriefingEscapes:
    """A briefing shows a document's text as text: no headings or HTML from the data."""

    @pytest.mark.parametrize("inject", INJECTED)
    def test_text_cannot_inject_a_heading_or_html(
        self, inject: Callable[[ActionPlan], ActionPlan]
    ) -> None:
        """No line starts '# Injected', the headings are the usual ones, no raw <script>."""
        plan = haringey_plan()
        clean = reports.briefing(plan, AS_OF)
        text = reports.briefing(inject(plan), AS_OF)
        assert not [line for line in text.splitlines() if line.startswith("# Injected")]
        assert _headings(text) == _headings(clean)
        assert "<script>" not in text

    @pytest.mark.parametrize("inject", INJECTED)
    def test_the_report_command_escapes_too(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        inject: Callable[[ActionPlan], ActionPlan],
    ) -> None:
        """``ilacs report`` on such a plan: exit 0, no injected heading, no raw <script>."""
        document = tmp_path / "plan.json"
        document.write_text(serialisation.dumps(inject(haringey_plan())), encoding="utf-8")
        result = ilacs(capsys, "report", str(document), "--as-of", AS_OF.isoformat())
        assert result.status == 0, result.err
        assert not [line for line in result.out.splitlines() if line.startswith("# Injected")]
        assert "<script>" not in result.out

    def test_the_clean_briefing_is_unchanged(self) -> None:
        """Already right: the Haringey plan's briefing has its usual first heading."""
        text = reports.briefing(haringey_plan(), AS_OF)
        assert text.startswith("# Ofsted standard inspection of Haringey's children's services\n")


# Broken workbooks (issue 17): a clear error naming the file, never a traceback.

WORKBOOKS = {
    "ods": (DATA / "ofsted_la_inspection_outcomes_as_at_31_march_2025.ods").read_bytes(),
    "xlsx": (DATA / "ofsted_csc_ilacs_overview.xlsx").read_bytes(),
}


def _workbook(*sheets: tuple[str, list[list[str]]]) -> bytes:
    """An XLSX workbook of text sheets, cell for cell as given, written with XlsxWriter."""
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        for number, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                sheet.write_string(number, column, cell)
    book.close()
    return stream.getvalue()


def _imports_or_is_refused(data: bytes) -> None:
    """Each importer gives a result, or an IlacsError; nothing else escapes."""
    for name, importer in IMPORTERS.items():
        try:
            result = importer(io.BytesIO(data))
        except IlacsError:
            continue  # refused with the library's error, as it should be
        assert result.rows_read == result.imported + len(result.skipped), name


class TestBrokenWorkbooks:
    """A workbook cut short, damaged, empty or not a workbook at all is a clear IlacsError."""

    @given(kind=st.sampled_from(sorted(WORKBOOKS)), fraction=st.floats(0, 1, exclude_max=True))
    def test_a_workbook_cut_short_is_refused(self, kind: str, fraction: float) -> None:
        """Cut anywhere, the file is 'not a readable workbook', naming it."""
        data = WORKBOOKS[kind]
        cut = data[: max(4, int(len(data) * fraction))]
        with pytest.raises(CsvFormatError, match=r"^'<stream>' is not a readable workbook"):
            importers.ofsted(io.BytesIO(cut))

    @given(
        kind=st.sampled_from(sorted(WORKBOOKS)),
        damage=st.lists(
            st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
            min_size=1,
            max_size=8,
        ),
    )
    def test_a_damaged_workbook_imports_or_is_refused(
        self, kind: str, damage: list[tuple[float, int]]
    ) -> None:
        """Bytes changed anywhere after the signature: a result, or an IlacsError."""
        data = bytearray(WORKBOOKS[kind])
        for fraction, byte in damage:
            data[4 + int((len(data) - 4) * fraction)] = byte
        _imports_or_is_refused(bytes(data))

    def test_a_file_named_as_a_workbook_that_is_not_one_says_so(self, tmp_path: Path) -> None:
        """Text saved as .xlsx is not read as CSV: the error says what a workbook is."""
        path = tmp_path / "outcomes.xlsx"
        path.write_text(OFSTED.read_text(encoding="utf-8"), encoding="utf-8")
        with pytest.raises(CsvFormatError, match="is named as a workbook but is not one"):
            importers.ofsted(path)

    def test_a_zip_that_is_not_a_workbook_is_refused(self) -> None:
        """A zip archive of something else is not a readable workbook."""
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w") as archive:
            archive.writestr("notes.txt", "not a spreadsheet")
        with pytest.raises(CsvFormatError, match="is not a readable workbook"):
            importers.ofsted(io.BytesIO(stream.getvalue()))

    def test_a_workbook_with_only_empty_sheets_is_empty(self) -> None:
        """No cell filled: the error names its sheets."""
        data = _workbook(("Sheet1", []), ("Sheet2", []))
        with pytest.raises(
            CsvFormatError, match=r"is empty: none of its sheets \('Sheet1', 'Sheet2'\)"
        ):
            importers.community(io.BytesIO(data))

    def test_an_empty_sheet_named_is_empty(self) -> None:
        """The sheet asked for is empty: the error names the sheet."""
        data = _workbook(("Cover", [["Outcomes"]]), ("Data", []))
        with pytest.raises(CsvFormatError, match=r"^sheet 'Data' of '<stream>' is empty"):
            importers.ofsted(io.BytesIO(data), sheet="Data")

    def test_a_sheet_of_titles_only_names_the_columns_it_lacks(self) -> None:
        """Titles and no header: no sheet is the table, and the columns are named."""
        data = _workbook(("Data", [["Local authority inspection outcomes"], ["A note."]]))
        with pytest.raises(CsvFormatError, match="no sheet has the column"):
            importers.inyear(io.BytesIO(data))

    def test_a_row_longer_than_its_header_is_reported_not_dropped(self) -> None:
        """A cell beyond the header's last column: the row is skipped, saying so."""
        header = OFSTED.read_text(encoding="utf-8").splitlines()[0].split(",")
        row = next(csv.reader([OFSTED.read_text(encoding="utf-8").splitlines()[1]]))
        data = _workbook(("History", [header, [*row, "stray"]]))
        result = importers.ofsted(io.BytesIO(data))
        assert [skipped.reason.value for skipped in result.skipped] == ["wrong_cell_count"]

    def test_a_binary_stream_that_is_not_a_workbook_is_refused(self) -> None:
        """Bytes of CSV in a binary stream: open it as text, the error says."""
        with pytest.raises(CsvFormatError, match="must be opened as text, not bytes"):
            importers.ofsted(io.BytesIO(OFSTED.read_bytes()))
