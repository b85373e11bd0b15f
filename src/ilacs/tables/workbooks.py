r"""Spreadsheet workbooks: reading their sheets as rows of text, and writing typed XLSX sheets.

Ofsted publishes its official statistics as ODS and XLSX workbooks (a cover, notes,
and data sheets with title rows above each table's header), and the community
scrape tool's main output is an XLSX workbook. The table engine
(:mod:`ilacs.tables.engine`) reads a workbook through :func:`read_workbook`, so
every importer reads one as it reads a CSV file; :func:`write_xlsx` writes the
analyst's workbook (:func:`ilacs.tabular.write_xlsx`).

Reading uses python-calamine and writing XlsxWriter: both come with the
``spreadsheets`` extra (``pip install 'ilacs[spreadsheets]'``), and without it
reading or writing a workbook is a :class:`~ilacs.errors.MissingExtraError` saying so.

- :func:`is_workbook` tells a workbook from text by its first bytes (an XLSX or
  ODS file is a zip archive; an old XLS file a compound document).
- :func:`read_workbook` gives each :class:`Sheet` with its rows as text
  (:func:`cell_text`), numbered as the spreadsheet numbers them.
- :func:`write_xlsx` writes sheets of typed cells: dates as dates, numbers as
  numbers, and text always as text (never as a formula).

>>> import io
>>> import pendulum
>>> target = io.BytesIO()
>>> rows = [["Haringey", pendulum.date(2018, 10, 29), 80498]]
>>> write_xlsx([("grades", ["name", "start", "urn"], rows)], target)
>>> (sheet,) = read_workbook(target.getvalue(), name="grades.xlsx")
>>> sheet.name, sheet.records
('grades', ((1, ('name', 'start', 'urn')), (2, ('Haringey', '2018-10-29', '80498'))))
"""

import datetime
import io
import math
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

import attrs

from ilacs.base.extras import require
from ilacs.base.files import write_to
from ilacs.errors import CsvFormatError, ValidationError

__all__ = [
    "CELL_LIMIT",
    "WORKBOOK_SUFFIXES",
    "Cell",
    "Sheet",
    "SheetData",
    "WorkbookTarget",
    "cell_text",
    "is_workbook",
    "read_workbook",
    "write_xlsx",
]

#: The file name endings of the workbooks calamine reads.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
#: The longest text an XLSX cell holds (Excel's limit): longer text is refused,
#: never cut short.
CELL_LIMIT = 32_767
#: A cell :func:`write_xlsx` writes: text, a number, a truth value, a date, or
#: nothing (an empty cell).
Cell = str | int | float | bool | datetime.date | None
#: One sheet to write: its name, its header, and its rows of cells.
SheetData = tuple[str, Sequence[str], Iterable[Sequence[Cell]]]
#: Where to write a workbook: a path (written atomically), or a binary stream.
WorkbookTarget = str | os.PathLike[str] | BinaryIO

_ZIP = b"PK\x03\x04"  # XLSX, XLSM, XLSB and ODS are zip archives
_COMPOUND = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # XLS is an OLE compound document
# What XML, and so XLSX, cannot hold: a lone surrogate, U+FFFE and U+FFFF (other
# control characters are written escaped, and read back as they were).
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
# Integral numbers up to this size are written without a decimal point.
_EXACT = 2**53


@attrs.frozen
class Sheet:
    """One sheet of a workbook, its cells as text.

    Attributes:
        name: the sheet's name, as its tab shows it.
        records: each row that has a cell filled, with its row number as the
            spreadsheet shows it (the first row is 1), and its cells as text up to
            the last one filled (:func:`cell_text`); empty rows are left out.

    >>> Sheet(name="Notes", records=((1, ("Notes",)),)).records[0]
    (1, ('Notes',))
    """

    name: str
    records: tuple[tuple[int, tuple[str, ...]], ...]


def is_workbook(data: bytes) -> bool:
    r"""True when ``data`` starts as a workbook does (a zip archive, or an XLS file).

    >>> is_workbook(b"PK\x03\x04..."), is_workbook(b"name,kind\n")
    (True, False)
    """
    return data.startswith((_ZIP, _COMPOUND))


def cell_text(value: object) -> str:  # noqa: PLR0911 (one return for each kind of cell)
    """A cell as text, as a CSV file would hold it.

    Dates are ISO 8601 (a date-time at midnight is its date), whole numbers have
    no decimal point, truth values are ``TRUE`` and ``FALSE`` as a spreadsheet
    shows them, and an empty cell is empty text.

    >>> import datetime
    >>> (
    ...     cell_text(datetime.datetime(2018, 10, 29)),
    ...     cell_text(80498.0),
    ...     cell_text(1.5),
    ...     cell_text(None),
    ... )
    ('2018-10-29', '80498', '1.5', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT:
            return str(int(value))
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time() and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _calamine() -> Any:  # noqa: ANN401 (the python_calamine module, imported lazily)
    return require(
        "python_calamine",
        extra="spreadsheets",
        package="python-calamine",
        needed_for="reading a spreadsheet workbook",
    )


def _xlsxwriter() -> Any:  # noqa: ANN401 (the xlsxwriter module, imported lazily)
    return require(
        "xlsxwriter",
        extra="spreadsheets",
        package="XlsxWriter",
        needed_for="writing an XLSX workbook",
    )


def _records(rows: Iterable[Sequence[object]]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    records: list[tuple[int, tuple[str, ...]]] = []
    for number, row in enumerate(rows, start=1):
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            records.append((number, tuple(cells)))
    return tuple(records)


def read_workbook(data: bytes, *, name: str) -> tuple[Sheet, ...]:
    r"""Every sheet of a workbook (XLSX, XLSM, XLSB, XLS or ODS), in its order, as text.

    ``name`` names the file in messages. A file calamine cannot read (not a
    workbook, cut short, protected by a password) is a
    :class:`~ilacs.errors.CsvFormatError` naming it.

    >>> read_workbook(b"PK\x03\x04 cut short", name="outcomes.ods")
    Traceback (most recent call last):
    ...
    ilacs.errors.CsvFormatError: 'outcomes.ods' is not a readable workbook (ODS, XLSX or XLS): Cannot detect file format
    """
    calamine = _calamine()
    sheets: list[Sheet] = []
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for sheet_name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(sheet_name)
            # From A1, so that row numbers are those the spreadsheet shows.
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(Sheet(name=str(sheet_name), records=_records(rows)))
    except (calamine.CalamineError, OSError, ValueError, TypeError) as error:
        msg = f"{name!r} is not a readable workbook (ODS, XLSX or XLS): {error}"
        raise CsvFormatError(msg, source=name) from error
    return tuple(sheets)


# Writing.


def _check(sheet: str, header: Sequence[str], row: int, cells: Sequence[Cell]) -> None:
    if len(cells) != len(header):
        msg = (
            f"row {row} of sheet {sheet!r} has {len(cells)} cells, but the header has {len(header)}"
        )
        raise ValidationError(msg, field=sheet, value=len(cells))
    for column, cell in zip(header, cells, strict=True):
        if not isinstance(cell, str):
            continue
        if len(cell) > CELL_LIMIT:
            msg = (
                f"{column!r} in row {row} of sheet {sheet!r} has {len(cell):,} characters,"
                f" more than an XLSX cell holds ({CELL_LIMIT:,})"
            )
            raise ValidationError(msg, field=column, value=len(cell))
        if found := _UNWRITABLE.search(cell):
            msg = (
                f"{column!r} in row {row} of sheet {sheet!r} holds {found.group()!r}, which an"
                f" XLSX file cannot hold (got {cell!r})"
            )
            raise ValidationError(msg, field=column, value=cell)


def _write_sheet(workbook: Any, formats: dict[str, Any], data: SheetData) -> None:  # noqa: ANN401
    name, header, rows = data
    worksheet = workbook.add_worksheet(name)
    for column, title in enumerate(header):
        worksheet.write_string(0, column, title, formats["header"])
    number = 0
    for number, cells in enumerate(rows, start=1):
        _check(name, header, number + 1, cells)
        for column, cell in enumerate(cells):
            if cell is None or cell == "":
                continue
            if isinstance(cell, str):
                worksheet.write_string(number, column, cell)  # text, never a formula
            elif isinstance(cell, bool):
                worksheet.write_boolean(number, column, cell)
            elif isinstance(cell, int | float):
                worksheet.write_number(number, column, cell)
            elif isinstance(cell, datetime.date) and not isinstance(cell, datetime.datetime):
                worksheet.write_datetime(number, column, cell, formats["date"])
            else:
                msg = f"cannot write {type(cell).__name__} {cell!r} to a cell of sheet {name!r}"
                raise ValidationError(msg, field=header[column], value=cell)
    worksheet.freeze_panes(1, 0)
    if header:
        worksheet.autofilter(0, 0, number, len(header) - 1)


def _xlsx_bytes(sheets: Iterable[SheetData]) -> bytes:
    xlsxwriter = _xlsxwriter()
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    # Metadata fixed, so the same data gives the same bytes.
    workbook.set_properties({"created": datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)})
    formats = {
        "header": workbook.add_format({"bold": True}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
    }
    try:
        for data in sheets:
            _write_sheet(workbook, formats, data)
    finally:
        workbook.close()
    return buffer.getvalue()


def write_xlsx(sheets: Iterable[SheetData], target: WorkbookTarget) -> None:
    """Write sheets of typed cells as an XLSX workbook, to a path (atomically) or a binary stream.

    Each sheet is ``(name, header, rows)``. Text is written as text (never read as
    a formula, however it starts), ``int`` and ``float`` as numbers, ``bool`` as
    a truth value, a date as a date shown ``yyyy-mm-dd``, and ``None`` or empty
    text as an empty cell. The header row is bold, frozen and filtered. Text
    longer than an XLSX cell holds (:data:`CELL_LIMIT`) or a row with more or
    fewer cells than its header is a :class:`~ilacs.errors.ValidationError`,
    and a target that cannot be written a
    :class:`~ilacs.errors.FileWriteError`; a path then keeps the file it had.

    >>> import io
    >>> write_xlsx([("notes", ["note"], [["x" * 40_000]])], io.BytesIO())
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'note' in row 2 of sheet 'notes' has 40,000 characters, more than an XLSX cell holds (32,767)
    """
    write_to(target, _xlsx_bytes(sheets))
