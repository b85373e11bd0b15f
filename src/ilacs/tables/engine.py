r"""The table engine: reading a table into rows, building or skipping each row, writing one back.

Every table ilacs reads or writes goes through here: the importers of national data
(:mod:`ilacs.importers`) and the analyst's CSV export and its reader
(:mod:`ilacs.tabular`).

- :func:`read_table` reads a CSV file (a path or a text stream) whole into a
  :class:`Table`: its header, its columns matched by :func:`column_key`, and its
  rows, each with the line of the file it starts on.
- :func:`run` builds an inspection from each :class:`Row`, or records why not (a
  :class:`SkipRowError` raised while building, or the model's own
  :class:`~ilacs.errors.ValidationError`), and returns the
  :class:`~ilacs.tables.results.ImportResult`.
- :func:`csv_text` and :func:`write_text` write a table that :func:`read_table`
  reads back cell for cell, or refuse it, and write files atomically.
- :func:`escape_formula` and :func:`unescape_formula` keep a spreadsheet from
  running a cell as a formula, and undo it exactly.

>>> import io
>>> table = read_table(io.StringIO("name,kind\nHaringey,standard\n\nHarrow,short\n"), what="a list")
>>> table.header, table.rows
(('name', 'kind'), ((2, ('Haringey', 'standard')), (4, ('Harrow', 'short'))))
>>> csv_text(table.header, [("row 1", ("Hull\rWest", "=1+1"))], spreadsheet_safe=True)
'name,kind\n"Hull\rWest",\'=1+1\n'
"""

import csv
import io
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import BinaryIO, Protocol, TextIO

import attrs

from ilacs.base.files import stream_name, write_to
from ilacs.errors import CsvFormatError, ValidationError
from ilacs.model.inspections import Inspection
from ilacs.tables.results import ImportResult, Reason, SkippedRow
from ilacs.tables.workbooks import WORKBOOK_SUFFIXES, Sheet, is_workbook, read_workbook

__all__ = [
    "CELL_LIMIT",
    "FORMULA_STARTS",
    "HEADER_SEARCH",
    "Build",
    "DataSource",
    "DataTarget",
    "ProgressCallback",
    "Row",
    "SkipRowError",
    "Table",
    "column_key",
    "csv_text",
    "escape_formula",
    "read_table",
    "run",
    "unescape_formula",
    "write_text",
]

#: A table to read: a path (of a CSV file or a workbook), a text stream (opened
#: with ``newline=""``), or a binary stream holding a workbook.
DataSource = str | os.PathLike[str] | TextIO | BinaryIO
#: Where to write a table: a path (written atomically), or a text stream.
DataTarget = str | os.PathLike[str] | TextIO
#: The longest cell the export writes: the longest Python's CSV reader reads by
#: default (``csv.field_size_limit()``), so that any reader of the file can read it.
CELL_LIMIT = 131_072
#: The first characters that make a spreadsheet read a cell as a formula (or, for
#: the apostrophe, drop it), as OWASP's advice on CSV injection lists them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

_SPACES = re.compile(r"\s+")
_QUOTED = re.compile(r'[",\r\n]')


class ProgressCallback(Protocol):
    """A callback told how far an import has gone, for a progress bar.

    It is called with ``(0, total)`` before the first row and ``(done, total)``
    after each row, where ``total`` is the number of rows below the header.

    >>> from ilacs import importers
    >>> calls = []
    >>> result = importers.ofsted(
    ...     "tests/data/ofsted_mi_ilacs_history_2018_2025.csv",
    ...     progress=lambda done, total: calls.append((done, total)),
    ... )
    >>> calls[0], calls[-1], len(calls)
    ((0, 271), (271, 271), 272)
    """

    def __call__(self, done: int, total: int, /) -> None:
        """Told that ``done`` rows of ``total`` have been read."""


def column_key(column: str) -> str:
    """A column name as columns are matched: trimmed, single-spaced and case-folded.

    >>> column_key("  Inspection   Date ")
    'inspection date'
    """
    return _SPACES.sub(" ", column.strip()).casefold()


# Reading.


@attrs.frozen
class Table:
    r"""A table read whole: its header, its columns by key, and its rows with their lines.

    Attributes:
        source: the file's path or the stream's name, for messages; for a sheet of
            a workbook, the file's with the sheet's name in brackets
            (``outcomes.ods[ILACS_inspection_history]``).
        header: the column names as the file spells them.
        columns: each column's :func:`column_key` (or the key an alias gives it),
            with its position in the header.
        rows: each row below the header with the line it starts on (the first line
            of the file, or row of the sheet, is 1; blank lines are not rows).
        sheet: the workbook's sheet the table was read from; None for CSV.
        header_line: the line (or row of the sheet) the header was found on.
        titles: the lines above the header, each with its line (a title, a note):
            not rows of the table, and kept so that nothing read is hidden.

    >>> import io
    >>> table = read_table(io.StringIO(" La_Name ,type\n"), what="a list")
    >>> table.columns, table.columns_other_than({"type"})
    ({'la_name': 0, 'type': 1}, ('La_Name',))
    """

    source: str
    header: tuple[str, ...]
    columns: dict[str, int]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    sheet: str | None = None
    header_line: int = 1
    titles: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def columns_other_than(self, keys: Collection[str]) -> tuple[str, ...]:
        """The header's columns whose keys are not among ``keys``, as spelt (trimmed)."""
        return tuple(
            column.strip()
            for column, key in zip(self.header, self._keys(), strict=True)
            if key not in keys
        )

    def _keys(self) -> list[str]:
        keys = [column_key(column) for column in self.header]
        for key, position in self.columns.items():
            keys[position] = key
        return keys


#: Records of a file: each row with the line (or sheet row) it starts on.
_Records = list[tuple[int, tuple[str, ...]]]


def _open(source: DataSource) -> tuple[str | bytes, str]:
    """The text (or, for a workbook, the bytes) of a path or stream, and its name for messages."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            with open(name, "rb") as file:  # noqa: PTH123 (str paths welcome)
                data = file.read()
        except OSError as error:
            msg = f"cannot read {name!r}: {error.strerror or error}"
            raise CsvFormatError(msg, source=name) from error
        if is_workbook(data):
            return data, name
        if name.lower().endswith(WORKBOOK_SUFFIXES):
            msg = (
                f"{name!r} is named as a workbook but is not one: an XLSX or ODS file is a"
                " zip archive, and an XLS file a compound document"
            )
            raise CsvFormatError(msg, source=name)
        return _decoded(data, name), name
    name = stream_name(source)
    try:
        read: object = source.read()
    except (OSError, UnicodeDecodeError, ValueError) as error:
        msg = f"cannot read {name!r}: {error}"
        raise CsvFormatError(msg, source=name) from error
    except AttributeError:
        msg = f"expected a path or a text stream, got {type(source).__name__}"
        raise CsvFormatError(msg, source=name) from None
    if isinstance(read, bytes) and is_workbook(read):
        return read, name
    if not isinstance(read, str):
        msg = f"{name!r} must be opened as text, not {type(read).__name__}"
        raise CsvFormatError(msg, source=name)
    return read.removeprefix("\ufeff"), name


def _decoded(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"{name!r} is not UTF-8 text (byte {error.start} cannot be decoded)"
        raise CsvFormatError(msg, source=name) from error


def _records(text: str, name: str) -> _Records:
    """Every record of a CSV text with the line it starts on; blank lines are not records."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: _Records = []
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return records
            if cells:
                records.append((line, tuple(cells)))
    except csv.Error as error:
        msg = f"{name!r} is not a readable CSV file: line {reader.line_num}: {error}"
        raise CsvFormatError(msg, source=name, line=reader.line_num) from error


#: How far down a file the header is looked for, below its title rows.
HEADER_SEARCH = 30


class _Wanted:
    """The table wanted: its name in messages, its columns, and how they are matched."""

    def __init__(
        self,
        what: str,
        required: Sequence[str],
        known: Callable[[str], bool] | None,
        aliases: Mapping[str, str] | None,
    ) -> None:
        self.what = what
        self.required = tuple(required)
        self.known = known
        self.aliases = {column_key(name): column_key(key) for name, key in (aliases or {}).items()}

    def key(self, column: str) -> str:
        key = column_key(column)
        return self.aliases.get(key, key)

    def header_at(self, records: Sequence[tuple[int, tuple[str, ...]]]) -> int | None:
        """The index of the first record (of the first few) that has every required column."""
        wanted = [column_key(column) for column in self.required]
        for index, (_, cells) in enumerate(records[:HEADER_SEARCH]):
            keys = {self.key(cell) for cell in cells}
            if all(key in keys for key in wanted):
                return index
        return None

    def all_known(self, sheet: Sheet) -> bool:
        index = self.header_at(sheet.records) or 0
        return self.known is None or all(
            self.known(self.key(cell)) for cell in sheet.records[index][1]
        )


def _filled(cells: tuple[str, ...]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _expected_header(records: _Records) -> int:
    """Where a header is expected: the first record with two cells filled (a title has one)."""
    for index, (_, cells) in enumerate(records[:HEADER_SEARCH]):
        if _filled(cells) > 1:
            return index
    return 0


def _lacking(
    records: _Records, wanted: _Wanted, where: str, name: str, sheet: str | None
) -> CsvFormatError:
    """The error for a table whose header has not every required column, naming the row."""
    index = _expected_header(records)
    line, cells = records[index]
    present = {wanted.key(cell) for cell in cells}
    missing = tuple(column for column in wanted.required if column_key(column) not in present)
    listing = ", ".join(map(repr, missing))
    word = "line" if sheet is None else "row"
    start = f"{where} is not {wanted.what}:"
    if index == 0:
        msg = f"{start} it lacks the column(s) {listing}"
    else:
        above = f"{records[0][0]}" if index == 1 else f"{records[0][0]}-{records[index - 1][0]}"
        msg = (
            f"{start} the header was expected on {word} {line}, below the title"
            f" {word}{'' if index == 1 else 's'} {above}, but it lacks the column(s) {listing}"
        )
    return CsvFormatError(msg, source=name, line=line, missing=missing)


def _choose_sheet(
    sheets: tuple[Sheet, ...], sheet: str | None, name: str, wanted: _Wanted
) -> Sheet:
    """The sheet asked for, or else the one sheet that holds the table."""
    names = ", ".join(repr(each.name) for each in sheets)
    if sheet is not None:
        # The name as given, or else in any letter case.
        for each in sorted(sheets, key=lambda each: each.name != sheet):
            if each.name.casefold() == sheet.casefold():
                return each
        msg = f"{name!r} has no sheet {sheet!r}; its sheets are {names}"
        raise CsvFormatError(msg, source=name)
    filled = [each for each in sheets if each.records]
    if not filled:
        msg = f"{name!r} is empty: none of its sheets ({names}) has a cell filled"
        raise CsvFormatError(msg, source=name)
    if not wanted.required:
        return filled[0]
    holding = [each for each in filled if wanted.header_at(each.records) is not None]
    if len(holding) > 1:
        holding = [each for each in holding if wanted.all_known(each)] or holding
    if len(holding) == 1:
        return holding[0]
    if not holding:
        listing = ", ".join(map(repr, wanted.required))
        msg = (
            f"{name!r} has no sheet that is {wanted.what}: no sheet has the column(s) {listing}"
            f" in its first {HEADER_SEARCH} rows (its sheets are {names})"
        )
        raise CsvFormatError(msg, source=name, missing=wanted.required)
    found = ", ".join(repr(each.name) for each in holding)
    msg = f"{name!r} has several sheets that could be {wanted.what} ({found}): name one"
    raise CsvFormatError(msg, source=name)


def _loaded(
    source: DataSource, sheet: str | None, wanted: _Wanted
) -> tuple[_Records, str, str | None]:
    """The records of a CSV file, or of a workbook's sheet, with the name and sheet to give."""
    data, name = _open(source)
    if isinstance(data, str):
        if sheet is not None:
            msg = f"{name!r} is a CSV file, not a workbook: it has no sheet {sheet!r}"
            raise CsvFormatError(msg, source=name)
        return _records(data, name), name, None
    chosen = _choose_sheet(read_workbook(data, name=name), sheet, name, wanted)
    return list(chosen.records), name, chosen.name


def read_table(  # noqa: PLR0913 (each option is keyword-only and documented)
    source: DataSource,
    *,
    what: str,
    required: Sequence[str] = (),
    known: Callable[[str], bool] | None = None,
    spreadsheet_safe: bool = False,
    sheet: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Table:
    r"""Read a table whole, from a CSV file or a workbook's sheet: its header and its rows.

    A path or a binary stream that holds a workbook (ODS, XLSX or XLS: see
    :mod:`ilacs.tables.workbooks`) is read from its sheet ``sheet``, or else from
    the one sheet whose header has the ``required`` columns; its cells are read as
    text (dates in ISO 8601), and each row is numbered as the spreadsheet numbers
    it. Anything else is read as UTF-8 CSV text.

    ``what`` names the table in messages ("Ofsted's ILACS inspection history").
    ``required`` names the columns the table must have (matched by
    :func:`column_key`); the header is the first row that has them all, so title
    rows above it (as Ofsted's workbooks have) are passed over and kept in
    :attr:`Table.titles`. ``aliases`` maps other names of a column to the key it is
    read by. With ``known``, a column whose key it rejects is an error, so that a
    misspelt column is never ignored. With ``spreadsheet_safe``, each cell below
    the header loses the apostrophe :func:`escape_formula` gave it. Raises
    :class:`~ilacs.errors.CsvFormatError` when the file cannot be read as such a
    table, naming the line where a header was expected.

    >>> import io
    >>> read_table(io.StringIO("la_name\n"), what="the in-year sheet", required=["type"])
    Traceback (most recent call last):
    ...
    ilacs.errors.CsvFormatError: '<stream>' is not the in-year sheet: it lacks the column(s) 'type'
    >>> titled = io.StringIO("Visits in 2024-25\n\nla_name,type\nHarrow,ILACS Focused Visit\n")
    >>> table = read_table(titled, what="the in-year sheet", required=["type"])
    >>> table.header_line, table.titles, table.rows
    (3, ((1, ('Visits in 2024-25',)),), ((4, ('Harrow', 'ILACS Focused Visit')),))
    """
    wanted = _Wanted(what, required, known, aliases)
    records, name, chosen = _loaded(source, sheet, wanted)
    where = f"{name!r}" if chosen is None else f"sheet {chosen!r} of {name!r}"
    if chosen is not None:
        name = f"{name}[{chosen}]"
    if not records:
        msg = f"{where} is empty: {what} starts with a header row"
        raise CsvFormatError(msg, source=name)
    index = wanted.header_at(records)
    if index is None:
        raise _lacking(records, wanted, where, name, chosen)
    titles, (first, header), rows = tuple(records[:index]), records[index], records[index + 1 :]
    if chosen is not None:
        # A spreadsheet row ends at its last filled cell: the empty cells after it
        # are still the table's.
        rows = [(line, cells + ("",) * (len(header) - len(cells))) for line, cells in rows]
    if spreadsheet_safe:
        rows = [(line, tuple(map(unescape_formula, cells))) for line, cells in rows]
    columns: dict[str, int] = {}
    for position, column in enumerate(header):
        key = wanted.key(column)
        if key in columns:
            msg = f"{where} has the column {column.strip()!r} twice"
            raise CsvFormatError(msg, source=name, line=first)
        columns[key] = position
    unknown = [column.strip() for column in header if known and not known(wanted.key(column))]
    if unknown:
        listing = ", ".join(map(repr, unknown))
        msg = f"{where} has column(s) that {what} does not have: {listing}"
        raise CsvFormatError(msg, source=name, line=first)
    return Table(
        source=name,
        header=header,
        columns=columns,
        rows=tuple(rows),
        sheet=chosen,
        header_line=first,
        titles=titles,
    )


# Building an inspection from each row.


class SkipRowError(Exception):
    """Raised while building a row's inspection: :func:`run` skips the row, for this reason.

    It never leaves :func:`run`, which records it as a
    :class:`~ilacs.tables.results.SkippedRow`.

    Attributes:
        reason: why, short and stable.
        detail: the particulars in words, naming the column and the value.
        column: the column at fault, as the header names it, where there is one.
        value: the cell at fault, where there is one.
    """

    def __init__(
        self, reason: Reason, detail: str, *, column: str | None = None, value: str | None = None
    ) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.column = column
        self.value = value


@attrs.frozen
class Row:
    r"""One row of a :class:`Table`, its cells found by column key.

    >>> import io
    >>> table = read_table(io.StringIO("Name,Kind\n Haringey ,\n"), what="a list")
    >>> ((line, cells),) = table.rows
    >>> row = Row(table, line, cells)
    >>> row.column("name"), row.raw("name"), row.text("name"), row.raw("region")
    ('Name', ' Haringey ', 'Haringey', '')
    >>> print(row.skip(Reason.MISSING_VALUE, "kind", "is empty"))
    'Kind' is empty
    """

    table: Table
    line: int
    cells: tuple[str, ...]

    def has(self, key: str) -> bool:
        """True when the table has the column."""
        return key in self.table.columns

    def column(self, key: str) -> str:
        """The column as the header names it (the key itself when the file lacks it)."""
        position = self.table.columns.get(key)
        return key if position is None else self.table.header[position].strip()

    def raw(self, key: str) -> str:
        """The cell exactly as read; empty when the file has no such column."""
        position = self.table.columns.get(key)
        return "" if position is None else self.cells[position]

    def text(self, key: str) -> str:
        """The cell with white space trimmed."""
        return self.raw(key).strip()

    def skip(self, reason: Reason, key: str, rule: str) -> SkipRowError:
        """The error that skips this row, naming the column and its value."""
        column, value = self.column(key), self.raw(key)
        got = f" (got {value!r})" if value else ""
        return SkipRowError(reason, f"{column!r} {rule}{got}", column=column, value=value)


#: Builds a row's inspection, or raises :class:`SkipRowError` (or the model's
#: ``ValidationError``) to skip it.
Build = Callable[[Row], Inspection]


def _built(row: Row, build: Build, fields: Mapping[str, str]) -> Inspection:
    table = row.table
    if len(row.cells) != len(table.header):
        detail = f"expected {len(table.header)} cells, as the header has, got {len(row.cells)}"
        raise SkipRowError(Reason.WRONG_CELL_COUNT, detail)
    try:
        return build(row)
    except ValidationError as error:
        field = (error.field or "").split("[")[0].split(".")[0]
        key = fields.get(field)
        column = row.column(key) if key is not None else None
        value = row.raw(key) if key is not None else None
        # The model's message names its field; name the file's column too.
        where = f"{column!r}: " if column and column != error.field else ""
        raise SkipRowError(
            Reason.INVALID_INSPECTION, f"{where}{error}", column=column, value=value
        ) from error


def run(
    table: Table,
    build: Build,
    *,
    progress: ProgressCallback | None,
    fields: Mapping[str, str],
    duplicates: bool,
) -> ImportResult:
    r"""Build an inspection from each row of ``table``, or record why not.

    ``fields`` maps the model's fields to the columns they are read from, so that
    the model's complaint about a field names the column. With ``duplicates``, a
    row with the same authority, kind and first day on site as an earlier one is
    skipped as a duplicate naming it.

    >>> import io
    >>> import pendulum
    >>> from ilacs import Inspection, InspectionKind, LocalAuthority
    >>> table = read_table(io.StringIO("name,start\nHaringey,2018-10-29\nHarrow,\n"), what="a list")
    >>> def build(row):
    ...     if not row.text("start"):
    ...         raise row.skip(Reason.NO_FIELDWORK_DATES, "start", "is empty")
    ...     return Inspection(
    ...         authority=LocalAuthority(name=row.text("name")),
    ...         kind=InspectionKind.STANDARD,
    ...         on_site_start=pendulum.Date.fromisoformat(row.text("start")),
    ...     )
    >>> result = run(table, build, progress=None, fields={}, duplicates=False)
    >>> print(result.summary())
    2 rows read, 1 imported, 1 skipped: 1 no fieldwork dates
    """
    inspections: list[Inspection] = []
    lines: list[int] = []
    skipped: list[SkippedRow] = []
    first: dict[tuple[object, ...], tuple[int, Inspection]] = {}
    total = len(table.rows)
    if progress is not None:
        progress(0, total)
    for done, (line, cells) in enumerate(table.rows, start=1):
        try:
            inspection = _built(Row(table, line, cells), build, fields)
            if duplicates:
                identity = (inspection.authority, inspection.kind, inspection.on_site_start)
                if identity in first:
                    earlier, kept = first[identity]
                    same = "identical" if kept == inspection else "not identical; the first is kept"
                    detail = (
                        f"duplicate of line {earlier}: the same authority, kind and first day"
                        f" on site ({same})"
                    )
                    raise SkipRowError(Reason.DUPLICATE, detail, value=str(earlier))  # noqa: TRY301 (one path for every skip)
                first[identity] = (line, inspection)
        except SkipRowError as skip:
            skipped.append(
                SkippedRow(
                    line=line,
                    reason=skip.reason,
                    detail=skip.detail,
                    column=skip.column,
                    value=skip.value,
                    raw=cells,
                )
            )
        else:
            inspections.append(inspection)
            lines.append(line)
        if progress is not None:
            progress(done, total)
    return ImportResult(
        source=table.source,
        header=table.header,
        rows_read=total,
        inspections=tuple(inspections),
        lines=tuple(lines),
        skipped=tuple(skipped),
    )


# Writing.


def escape_formula(cell: str) -> str:
    """The cell with an apostrophe in front if a spreadsheet would run it as a formula.

    A cell starting with any of :data:`FORMULA_STARTS` (``=``, ``+``, ``-``, ``@``,
    a tab, a carriage return, or an apostrophe itself, so that the escape can be
    undone exactly) gets a leading ``'``, which spreadsheets show as text.

    >>> escape_formula("=HYPERLINK(...)"), escape_formula("'tis"), escape_formula("Good")
    ("'=HYPERLINK(...)", "''tis", 'Good')
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def unescape_formula(cell: str) -> str:
    """The cell as it was before :func:`escape_formula`.

    >>> unescape_formula("'=1+1"), unescape_formula("''tis"), unescape_formula("Good")
    ('=1+1', "'tis", 'Good')
    """
    return cell.removeprefix("'")


def _quoted(cell: str) -> str:
    # The csv module leaves a lone carriage return unquoted when lines end in "\n",
    # and its reader then splits the row there: quote every cell that holds one.
    if _QUOTED.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _csv_line(cells: Iterable[str]) -> str:
    return ",".join(map(_quoted, cells)) + "\n"


def csv_text(
    header: Sequence[str],
    rows: Iterable[tuple[str, Sequence[str]]],
    *,
    spreadsheet_safe: bool = False,
) -> str:
    r"""A table as CSV text that :func:`read_table` reads back cell for cell.

    ``rows`` gives each row's cells with words naming the row for messages. Lines
    end in ``\n``; a cell holding a comma, a quote or a line break is quoted. A
    cell longer than :data:`CELL_LIMIT` is refused with a
    :class:`~ilacs.errors.ValidationError` naming the row and the column, since
    no reader with the usual limit could read the file. With
    ``spreadsheet_safe``, every cell below the header goes through
    :func:`escape_formula`.

    >>> print(csv_text(["name", "urn"], [("row 1", ["Hull, East", "80440"])]), end="")
    name,urn
    "Hull, East",80440
    """
    lines = [_csv_line(header)]
    for what, cells in rows:
        for column, cell in zip(header, cells, strict=True):
            if len(cell) > CELL_LIMIT:
                msg = (
                    f"{column!r} of {what} has {len(cell):,} characters, more than a CSV"
                    f" reader takes in one cell ({CELL_LIMIT:,})"
                )
                raise ValidationError(msg, field=column, value=len(cell))
        lines.append(_csv_line(map(escape_formula, cells) if spreadsheet_safe else cells))
    return "".join(lines)


def write_text(text: str, target: DataTarget) -> None:
    r"""Write ``text`` to a path, atomically, or to a text stream.

    A path is written as UTF-8 through a temporary file in the same folder, so a
    failure leaves the file that was there whole. Any failure is a
    :class:`~ilacs.errors.FileWriteError` naming the target.

    >>> import io
    >>> stream = io.StringIO()
    >>> write_text("name\n", stream)
    >>> write_text("name\n", io.BytesIO())
    Traceback (most recent call last):
    ...
    ilacs.errors.FileWriteError: cannot write to '<stream>': it is not a text stream (open it in text mode)
    """
    write_to(target, text)
