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
from typing import Protocol, TextIO

import attrs

from ilacs.base.files import open_atomically
from ilacs.errors import CsvFormatError, FileWriteError, ValidationError
from ilacs.model.inspections import Inspection
from ilacs.tables.results import ImportResult, Reason, SkippedRow

__all__ = [
    "CELL_LIMIT",
    "FORMULA_STARTS",
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

#: A table to read: a path, or a text stream (opened with ``newline=""``).
DataSource = str | os.PathLike[str] | TextIO
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
    r"""A CSV file read whole: its header, its columns by key, and its rows with their lines.

    Attributes:
        source: the file's path or the stream's name, for messages.
        header: the column names as the file spells them.
        columns: each column's :func:`column_key`, with its position in the header.
        rows: each row below the header with the line it starts on (the header is
            line 1; blank lines are not rows).

    >>> import io
    >>> table = read_table(io.StringIO(" La_Name ,type\n"), what="a list")
    >>> table.columns, table.columns_other_than({"type"})
    ({'la_name': 0, 'type': 1}, ('La_Name',))
    """

    source: str
    header: tuple[str, ...]
    columns: dict[str, int]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def columns_other_than(self, keys: Collection[str]) -> tuple[str, ...]:
        """The header's columns whose keys are not among ``keys``, as spelt (trimmed)."""
        return tuple(column.strip() for column in self.header if column_key(column) not in keys)


def _open(source: DataSource) -> tuple[str, str]:
    """The text of a path or stream, and a name to give it in messages."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            with open(name, encoding="utf-8-sig", newline="") as file:  # noqa: PTH123 (str paths welcome)
                return file.read(), name
        except OSError as error:
            msg = f"cannot read {name!r}: {error.strerror or error}"
            raise CsvFormatError(msg, source=name) from error
        except UnicodeDecodeError as error:
            msg = f"{name!r} is not UTF-8 text (byte {error.start} cannot be decoded)"
            raise CsvFormatError(msg, source=name) from error
    name = _stream_name(source)
    try:
        text: object = source.read()
    except (OSError, UnicodeDecodeError, ValueError) as error:
        msg = f"cannot read {name!r}: {error}"
        raise CsvFormatError(msg, source=name) from error
    except AttributeError:
        msg = f"expected a path or a text stream, got {type(source).__name__}"
        raise CsvFormatError(msg, source=name) from None
    if not isinstance(text, str):
        msg = f"{name!r} must be opened as text, not {type(text).__name__}"
        raise CsvFormatError(msg, source=name)
    return text.removeprefix("\ufeff"), name


def _stream_name(stream: object) -> str:
    given = getattr(stream, "name", None)
    return given if isinstance(given, str) else "<stream>"


def _records(text: str, name: str) -> list[tuple[int, tuple[str, ...]]]:
    """Every record of a CSV text with the line it starts on; blank lines are not records."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, tuple[str, ...]]] = []
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


def read_table(
    source: DataSource,
    *,
    what: str,
    required: Sequence[str] = (),
    known: Callable[[str], bool] | None = None,
    spreadsheet_safe: bool = False,
) -> Table:
    r"""Read a CSV file whole: its header and its rows, each with the line it starts on.

    ``what`` names the table in messages ("Ofsted's ILACS inspection history").
    ``required`` names the columns the table must have (matched by
    :func:`column_key`). With ``known``, a column whose key it rejects is an error,
    so that a misspelt column is never ignored. With ``spreadsheet_safe``, each
    cell below the header loses the apostrophe :func:`escape_formula` gave it.
    Raises :class:`~ilacs.errors.CsvFormatError` when the file cannot be read as
    such a table.

    >>> import io
    >>> read_table(io.StringIO("la_name\n"), what="the in-year sheet", required=["type"])
    Traceback (most recent call last):
    ...
    ilacs.errors.CsvFormatError: '<stream>' is not the in-year sheet: it lacks the column(s) 'type'
    """
    text, name = _open(source)
    records = _records(text, name)
    if not records:
        msg = f"{name!r} is empty: {what} starts with a header row"
        raise CsvFormatError(msg, source=name)
    (first, header), rows = records[0], tuple(records[1:])
    if spreadsheet_safe:
        rows = tuple((line, tuple(map(unescape_formula, cells))) for line, cells in rows)
    columns: dict[str, int] = {}
    for position, column in enumerate(header):
        key = column_key(column)
        if key in columns:
            msg = f"{name!r} has the column {column.strip()!r} twice"
            raise CsvFormatError(msg, source=name, line=first)
        columns[key] = position
    missing = tuple(column for column in required if column_key(column) not in columns)
    if missing:
        listing = ", ".join(map(repr, missing))
        msg = f"{name!r} is not {what}: it lacks the column(s) {listing}"
        raise CsvFormatError(msg, source=name, line=first, missing=missing)
    unknown = [column.strip() for column in header if known and not known(column_key(column))]
    if unknown:
        listing = ", ".join(map(repr, unknown))
        msg = f"{name!r} has column(s) that {what} does not have: {listing}"
        raise CsvFormatError(msg, source=name, line=first)
    return Table(source=name, header=header, columns=columns, rows=rows)


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
    if isinstance(target, str | os.PathLike):
        with open_atomically(target, newline="") as file:
            file.write(text)
        return
    name = _stream_name(target)
    try:
        target.write(text)
    except TypeError as error:
        msg = f"cannot write to {name!r}: it is not a text stream (open it in text mode)"
        raise FileWriteError(msg, target=name) from error
    except AttributeError:
        msg = f"cannot write to {type(target).__name__}: expected a path or a text stream"
        raise FileWriteError(msg, target=name) from None
    except (OSError, ValueError) as error:
        msg = f"cannot write to {name!r}: {error}"
        raise FileWriteError(msg, target=name) from error
