r"""Importers for the national record of inspections: Ofsted's statistics and the community scrape.

Each importer reads a CSV file (a path or a text stream) and returns an
:class:`ImportResult`: the :class:`~ilacs.Inspection` built from each row it could
take, and a :class:`SkippedRow` for each one it could not, with a short, stable
:class:`Reason` and the detail (the column and the value). No row is ever dropped
in silence: ``imported + skipped == rows_read``.

- :func:`ofsted`: Ofsted's official statistics, the ILACS inspection history sheet
  ("Local authority inspection outcomes").
- :func:`inyear`: the in-year activity sheets of the same statistics (focused visits
  with their themes, monitoring visits, short and standard inspections).
- :func:`community`: the community "ofsted-ilacs-scrape-tool" output, one row per
  published report since 2012.

Every inspection is recorded under the framework version in force on its first
day on site, with its authority resolved through :mod:`ilacs.authorities`. A
graded inspection needs a grade for each judgement of its framework that the file
has a column for; a row with a grade that is unreadable, unrecognised or missing
is skipped, never guessed.

>>> import io
>>> from ilacs import importers
>>> sheet = io.StringIO(
...     "Local authority area code,Local authority name,Inspection date,Publication date,"
...     "Inspection type,Overall effectiveness,"
...     "The impact of leaders on social work practice with children and families,"
...     "The experiences and progress of children who need help and protection,"
...     "The experiences and progress of children in care,"
...     "The experiences and progress of care leavers\n"
...     "E09000014,Haringey,2018-10-29,2018-12-14,ILACS Standard Inspection,"
...     "Requires improvement to be good,Requires improvement to be good,"
...     "Requires improvement to be good,Requires improvement to be good,\n"
... )
>>> result = importers.ofsted(sheet)
>>> print(result.summary())
1 row read, 1 imported, 0 skipped
>>> (haringey,) = result.inspections
>>> haringey.framework, haringey.grade("children_in_care_and_care_leavers").label
('ilacs-2018', 'Requires improvement to be good')
"""

import csv
import enum
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TextIO

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.errors import CsvFormatError, IlacsError, ValidationError
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import Framework
from ilacs.model import authorities
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import Inspection, Judgement

__all__ = [
    "CsvFormatError",
    "ImportResult",
    "Progress",
    "Reason",
    "SkippedRow",
    "Source",
    "community",
    "inyear",
    "ofsted",
]

#: A CSV file to read: a path, or a text stream (opened with ``newline=""``).
Source = str | os.PathLike[str] | TextIO

_SPACES = re.compile(r"\s+")


class Progress(Protocol):
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


class Reason(enum.Enum):
    """Why a row was skipped: short and stable, so that rows can be counted by reason.

    >>> Reason.NO_FIELDWORK_DATES.label
    'no fieldwork dates'
    """

    #: The row has more or fewer cells than the header.
    WRONG_CELL_COUNT = "wrong_cell_count"
    #: A cell the row cannot do without is empty.
    MISSING_VALUE = "missing_value"
    #: No first day on site: an inspection cannot be placed without it.
    NO_FIELDWORK_DATES = "no_fieldwork_dates"
    #: A date cell is not a date, or not a day on the calendar.
    BAD_DATE = "bad_date"
    #: Another cell cannot be read (a number, a kind, a JSON list).
    BAD_VALUE = "bad_value"
    #: No framework version was in force on the first day on site.
    NO_FRAMEWORK = "no_framework"
    #: The inspection type is not one the importer knows.
    UNKNOWN_KIND = "unknown_kind"
    #: The framework in force did not make inspections of that type.
    KIND_NOT_IN_FRAMEWORK = "kind_not_in_framework"
    #: The authority's code and name are not in the registry.
    UNKNOWN_AUTHORITY = "unknown_authority"
    #: The authority's code and name name two different authorities.
    AUTHORITY_MISMATCH = "authority_mismatch"
    #: A grade cell is marked unreadable by the file's own parser.
    UNREADABLE_GRADE = "unreadable_grade"
    #: A grade cell holds text that is not a grade.
    UNRECOGNISED_GRADE = "unrecognised_grade"
    #: A graded inspection lacks a grade for a judgement of its framework.
    MISSING_GRADE = "missing_grade"
    #: A grade for a judgement the framework does not make, or on an ungraded visit.
    UNEXPECTED_GRADE = "unexpected_grade"
    #: The same authority, kind and first day on site as an earlier row.
    DUPLICATE = "duplicate"
    #: The model rejected the inspection (an on-site end before its start, say).
    INVALID_INSPECTION = "invalid_inspection"

    @property
    def label(self) -> str:
        """The reason in words, as summaries print it."""
        return _REASON_LABELS[self]


_REASON_LABELS = {
    Reason.WRONG_CELL_COUNT: "wrong number of cells",
    Reason.MISSING_VALUE: "missing value",
    Reason.NO_FIELDWORK_DATES: "no fieldwork dates",
    Reason.BAD_DATE: "unreadable date",
    Reason.BAD_VALUE: "unreadable value",
    Reason.NO_FRAMEWORK: "no framework in force",
    Reason.UNKNOWN_KIND: "unknown inspection type",
    Reason.KIND_NOT_IN_FRAMEWORK: "inspection type not in its framework",
    Reason.UNKNOWN_AUTHORITY: "unknown authority",
    Reason.AUTHORITY_MISMATCH: "authority code and name disagree",
    Reason.UNREADABLE_GRADE: "unreadable grade",
    Reason.UNRECOGNISED_GRADE: "unrecognised grade",
    Reason.MISSING_GRADE: "missing grade",
    Reason.UNEXPECTED_GRADE: "unexpected grade",
    Reason.DUPLICATE: "duplicate",
    Reason.INVALID_INSPECTION: "invalid inspection",
}


@attrs.frozen(kw_only=True)
class SkippedRow:
    """A row an importer could not take, and why.

    Attributes:
        line: the line of the file where the row starts (the header is line 1).
        reason: why, short and stable.
        detail: the particulars in words, naming the column and the value.
        column: the column at fault, where there is one, as the header names it.
        value: the cell at fault, where there is one.
        raw: the row's cells as read.

    >>> row = SkippedRow(
    ...     line=14,
    ...     reason=Reason.NO_FIELDWORK_DATES,
    ...     detail="'inspection_start_date' is empty",
    ...     column="inspection_start_date",
    ...     value="",
    ... )
    >>> print(row)
    line 14: no fieldwork dates: 'inspection_start_date' is empty
    """

    line: int = attrs.field(validator=[v.instance_of(int), v.at_least(1)])
    reason: Reason = attrs.field(validator=v.instance_of(Reason))
    detail: str = attrs.field(validator=v.instance_of(str))
    column: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    value: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    raw: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.instance_of(str)))

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason.label}: {self.detail}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import took and what it could not: every row is one or the other.

    Attributes:
        source: the file's path or the stream's name.
        header: the file's column names, as read.
        rows_read: the rows below the header (blank lines are not rows).
        inspections: the inspections built, in the file's order.
        lines: the line each inspection came from, in the same order.
        skipped: each row not taken, with its reason, in the file's order.

    >>> result = ImportResult(source="empty.csv", rows_read=0)
    >>> print(result.summary())
    0 rows read, 0 imported, 0 skipped
    """

    source: str = attrs.field(validator=v.instance_of(str))
    header: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.instance_of(str)))
    rows_read: int = attrs.field(validator=[v.instance_of(int), v.at_least(0)])
    inspections: tuple[Inspection, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Inspection))
    )
    lines: tuple[int, ...] = attrs.field(default=(), validator=v.tuple_of(v.instance_of(int)))
    skipped: tuple[SkippedRow, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(SkippedRow))
    )

    def __attrs_post_init__(self) -> None:
        if len(self.lines) != len(self.inspections):
            v.reject("lines", self.lines, "must give one line for each inspection")
        if self.rows_read != len(self.inspections) + len(self.skipped):
            v.reject(
                "rows_read",
                self.rows_read,
                "must equal the inspections imported plus the rows skipped",
            )

    def __repr__(self) -> str:
        return f"ImportResult({self.source!r}, {self.summary()!r})"

    @property
    def imported(self) -> int:
        """How many rows became inspections."""
        return len(self.inspections)

    @property
    def counts(self) -> dict[Reason, int]:
        """How many rows were skipped for each reason, the commonest first."""
        tally = Counter(row.reason for row in self.skipped)
        return dict(sorted(tally.items(), key=lambda item: (-item[1], item[0].label)))

    def summary(self) -> str:
        """Rows read, imported and skipped, with the skipped rows counted by reason.

        >>> from ilacs import importers
        >>> result = importers.community("tests/data/ofsted_csc_ilacs_history.csv")
        >>> print(result.summary())
        497 rows read, 316 imported, 181 skipped: 178 no fieldwork dates, 2 unrecognised grade, 1 unreadable grade
        """
        text = (
            f"{_plural(self.rows_read, 'row')} read, {self.imported} imported,"
            f" {len(self.skipped)} skipped"
        )
        if not self.skipped:
            return text
        reasons = ", ".join(f"{count} {reason.label}" for reason, count in self.counts.items())
        return f"{text}: {reasons}"


# Reading a table.


def _key(column: str) -> str:
    """A column name as matched: trimmed, single-spaced and case-folded."""
    return _SPACES.sub(" ", column.strip()).casefold()


@attrs.frozen
class _Table:
    source: str
    header: tuple[str, ...]
    columns: dict[str, int]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def _open(source: Source) -> tuple[str, str]:
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
    given = getattr(source, "name", None)
    name = given if isinstance(given, str) else "<stream>"
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


def _read_table(
    source: Source,
    *,
    what: str,
    required: Sequence[str],
    known: Callable[[str], bool] | None = None,
) -> _Table:
    """Read a CSV file whole: its header and its rows, each with the line it starts on.

    ``required`` names the columns the table must have (matched by :func:`_key`).
    With ``known``, a column whose key it rejects is an error, so that a misspelt
    column is never ignored.
    """
    text, name = _open(source)
    records = _records(text, name)
    if not records:
        msg = f"{name!r} is empty: {what} starts with a header row"
        raise CsvFormatError(msg, source=name)
    (first, header), rows = records[0], tuple(records[1:])
    columns: dict[str, int] = {}
    for position, column in enumerate(header):
        key = _key(column)
        if key in columns:
            msg = f"{name!r} has the column {column.strip()!r} twice"
            raise CsvFormatError(msg, source=name, line=first)
        columns[key] = position
    missing = tuple(column for column in required if _key(column) not in columns)
    if missing:
        listing = ", ".join(map(repr, missing))
        msg = f"{name!r} is not {what}: it lacks the column(s) {listing}"
        raise CsvFormatError(msg, source=name, line=first, missing=missing)
    unknown = [column.strip() for column in header if known and not known(_key(column))]
    if unknown:
        listing = ", ".join(map(repr, unknown))
        msg = f"{name!r} has column(s) that {what} does not have: {listing}"
        raise CsvFormatError(msg, source=name, line=first)
    return _Table(source=name, header=header, columns=columns, rows=rows)


class _SkipRowError(Exception):
    """Raised while building a row's inspection: the row is skipped, for this reason."""

    def __init__(
        self, reason: Reason, detail: str, *, column: str | None = None, value: str | None = None
    ) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.column = column
        self.value = value


@attrs.frozen
class _Row:
    table: _Table
    line: int
    cells: tuple[str, ...]

    def has(self, key: str) -> bool:
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

    def skip(self, reason: Reason, key: str, rule: str) -> _SkipRowError:
        """The error that skips this row, naming the column and its value."""
        column, value = self.column(key), self.raw(key)
        got = f" (got {value!r})" if value else ""
        return _SkipRowError(reason, f"{column!r} {rule}{got}", column=column, value=value)


Build = Callable[[_Row], Inspection]


def _run(
    table: _Table,
    build: Build,
    *,
    progress: Progress | None,
    fields: Mapping[str, str],
    duplicates: bool,
) -> ImportResult:
    """Build an inspection from each row, or record why not; ``fields`` maps model fields to columns."""
    inspections: list[Inspection] = []
    lines: list[int] = []
    skipped: list[SkippedRow] = []
    first: dict[tuple[object, ...], tuple[int, Inspection]] = {}
    total = len(table.rows)
    if progress is not None:
        progress(0, total)
    for done, (line, cells) in enumerate(table.rows, start=1):
        row = _Row(table, line, cells)
        try:
            if len(cells) != len(table.header):
                detail = f"expected {len(table.header)} cells, as the header has, got {len(cells)}"
                raise _SkipRowError(Reason.WRONG_CELL_COUNT, detail)  # noqa: TRY301 (one path for every skip)
            try:
                inspection = build(row)
            except ValidationError as error:
                field = (error.field or "").split("[")[0].split(".")[0]
                key = fields.get(field)
                column = row.column(key) if key is not None else None
                value = row.raw(key) if key is not None else None
                # The model's message names its field; name the file's column too.
                where = f"{column!r}: " if column and column != error.field else ""
                raise _SkipRowError(
                    Reason.INVALID_INSPECTION, f"{where}{error}", column=column, value=value
                ) from error
            if duplicates:
                identity = (inspection.authority, inspection.kind, inspection.on_site_start)
                if identity in first:
                    earlier, kept = first[identity]
                    same = "identical" if kept == inspection else "not identical; the first is kept"
                    detail = (
                        f"duplicate of line {earlier}: the same authority, kind and first day"
                        f" on site ({same})"
                    )
                    raise _SkipRowError(Reason.DUPLICATE, detail, value=str(earlier))  # noqa: TRY301
                first[identity] = (line, inspection)
        except _SkipRowError as skip:
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


# Cells of the national files.

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")


def _date(row: _Row, key: str) -> pendulum.Date | None:
    """A date as the national files write it: yyyy-mm-dd, dd/mm/yyyy or dd/mm/yy (20yy)."""
    text = row.text(key)
    if not text:
        return None
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
    else:
        raise row.skip(Reason.BAD_DATE, key, "must be a date such as 2018-10-29 or 29/10/2018")
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        raise row.skip(Reason.BAD_DATE, key, "is not a day on the calendar") from None


def _start(row: _Row, key: str) -> tuple[pendulum.Date, Framework]:
    """The first day on site, required, and the framework in force that day."""
    start = _date(row, key)
    if start is None:
        raise row.skip(Reason.NO_FIELDWORK_DATES, key, "is empty: no first day on site")
    try:
        return start, frameworks.for_date(start)
    except IlacsError as error:
        column = row.column(key)
        raise _SkipRowError(
            Reason.NO_FRAMEWORK, f"{column!r}: {error}", column=column, value=row.raw(key)
        ) from error


def _optional_text(row: _Row, key: str) -> str | None:
    return _SPACES.sub(" ", row.text(key)) or None


def _authority(row: _Row, *keys: str) -> LocalAuthority:
    """The registry's authority for a row's codes and name, tried in the order given.

    The first key that resolves decides; a later one that names another authority
    is a mismatch. A key that does not resolve is passed over when another does.
    """
    found: list[tuple[str, authorities.AuthorityRecord]] = []
    unknown: list[tuple[str, authorities.UnknownAuthorityError]] = []
    for key in keys:
        text = row.text(key)
        if not text:
            continue
        try:
            found.append((key, authorities.record(text)))
        except authorities.UnknownAuthorityError as error:
            unknown.append((key, error))
    if not found:
        if not unknown:
            listing = " or ".join(repr(row.column(key)) for key in keys if row.has(key))
            detail = f"no authority: {listing} {'is' if len(keys) == 1 else 'are'} empty"
            raise _SkipRowError(Reason.MISSING_VALUE, detail, column=row.column(keys[-1]), value="")
        key = unknown[-1][0]
        detail = "; ".join(f"{row.column(k)!r}: {error}" for k, error in unknown)
        raise _SkipRowError(
            Reason.UNKNOWN_AUTHORITY, detail, column=row.column(key), value=row.raw(key)
        )
    key, chosen = found[0]
    for other_key, other in found[1:]:
        if other is not chosen:
            detail = (
                f"{row.column(key)!r} {row.raw(key)!r} is {chosen.name!r} but"
                f" {row.column(other_key)!r} {row.raw(other_key)!r} is {other.name!r}"
            )
            raise _SkipRowError(
                Reason.AUTHORITY_MISMATCH,
                detail,
                column=row.column(other_key),
                value=row.raw(other_key),
            )
    return chosen.authority


# Which judgement area a national file's grade column stands for depends on the
# framework version: Ofsted's "children in care" column carries the 2018 combined
# judgement for inspections under ilacs-2018, and SIF's looked-after judgement
# before that. Each slot names the area ids it may be, in the built-in packs.
_SLOT_AREAS: dict[str, tuple[str, ...]] = {
    "overall": ("overall_effectiveness",),
    "leaders": ("leaders", "leadership"),
    "help_and_protection": ("help_and_protection",),
    "in_care": (
        "children_in_care",
        "children_in_care_and_care_leavers",
        "looked_after_and_permanence",
    ),
    "care_leavers": ("care_leavers",),
}
# The community scrape's own words for "no such judgement" and "could not read it".
_NO_JUDGEMENT = frozenset({"inspection_pre_dates_judgement", "not_reported_post_reform"})
_UNREADABLE = frozenset({"data_unreadable"})
# When a row has several faulty grade cells, the reason is the most telling.
_PRIORITY = (
    Reason.UNRECOGNISED_GRADE,
    Reason.UNREADABLE_GRADE,
    Reason.UNEXPECTED_GRADE,
    Reason.MISSING_GRADE,
)


def _area(framework: Framework, slot: str) -> str | None:
    return next((area for area in _SLOT_AREAS[slot] if area in framework.area_ids), None)


def _judge(
    row: _Row, key: str, area: str | None, framework: Framework, kind: InspectionKind
) -> Judgement | tuple[Reason, str] | None:
    """One grade cell: a judgement, a problem (reason, words), or None for no judgement."""
    graded = kind in framework.graded_kinds()
    column, value, cell = row.column(key), row.raw(key), row.text(key)
    said = f"{column!r} is {value!r}" if cell else f"{column!r} is empty"
    folded = cell.casefold()
    if not cell or folded in _NO_JUDGEMENT or folded in _UNREADABLE:
        if area is None or not graded:
            return None
        if folded in _UNREADABLE:
            return Reason.UNREADABLE_GRADE, f"{said}: the grade could not be read"
        return Reason.MISSING_GRADE, f"{said}, but {framework.id} judges {area!r}"
    try:
        grade = framework.grade_scale.parse(cell)
    except IlacsError:
        return Reason.UNRECOGNISED_GRADE, f"{said}, which is not a grade"
    if area is not None and graded:
        return Judgement(area=area, grade=grade)
    kind_words = kind.value.replace("_", " ")
    why = (
        f"{framework.id} makes no such judgement"
        if area is None
        else f"a {kind_words} is not graded"
    )
    return Reason.UNEXPECTED_GRADE, f"{said}, but {why}"


def _judgements(
    row: _Row, framework: Framework, kind: InspectionKind, slots: Mapping[str, str]
) -> tuple[Judgement, ...]:
    """The judgements of a row's grade columns (slot -> column key), by the framework's areas."""
    found: dict[str, Judgement] = {}
    problems: list[tuple[Reason, str, str]] = []  # reason, words, column key
    for slot, key in slots.items():
        if row.has(key):
            outcome = _judge(row, key, _area(framework, slot), framework, kind)
            if isinstance(outcome, Judgement):
                found[outcome.area] = outcome
            elif outcome is not None:
                problems.append((*outcome, key))
    if problems:
        problems.sort(key=lambda problem: _PRIORITY.index(problem[0]))
        reason, _, key = problems[0]
        detail = "; ".join(words for _, words, _ in problems)
        raise _SkipRowError(reason, detail, column=row.column(key), value=row.raw(key))
    return tuple(found[area] for area in framework.area_ids if area in found)


def _kind_in(row: _Row, key: str, kind: InspectionKind, framework: Framework) -> InspectionKind:
    if kind not in {entry.kind for entry in framework.inspection_kinds}:
        rule = f"names a {kind.value!r} inspection, which {framework.id} does not make"
        raise row.skip(Reason.KIND_NOT_IN_FRAMEWORK, key, rule)
    return kind


# Ofsted's official statistics.

_OFSTED_KINDS = {
    "ilacs standard inspection": InspectionKind.STANDARD,
    "standard inspection": InspectionKind.STANDARD,
    "ilacs short inspection": InspectionKind.SHORT,
    "short inspection": InspectionKind.SHORT,
    "ilacs focused visit": InspectionKind.FOCUSED_VISIT,
    "focused visit": InspectionKind.FOCUSED_VISIT,
    "la monitoring visit": InspectionKind.MONITORING_VISIT,
    "ilacs monitoring visit": InspectionKind.MONITORING_VISIT,
    "monitoring visit": InspectionKind.MONITORING_VISIT,
    "joint targeted area inspection": InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
    "jtai": InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
}
_OFSTED_TYPES = (
    "ILACS Standard Inspection",
    "ILACS Short Inspection",
    "ILACS Focused Visit",
    "LA Monitoring visit",
)


def _ofsted_kind(row: _Row, key: str, framework: Framework) -> InspectionKind:
    kind = _OFSTED_KINDS.get(_key(row.text(key)))
    if kind is None:
        known = ", ".join(map(repr, _OFSTED_TYPES))
        raise row.skip(Reason.UNKNOWN_KIND, key, f"must be an inspection type such as {known}")
    return _kind_in(row, key, kind, framework)


_OFSTED_CODE = _key("Local authority area code")
_OFSTED_NAME = _key("Local authority name")
_OFSTED_START = _key("Inspection date")
_OFSTED_PUBLISHED = _key("Publication date")
_OFSTED_TYPE = _key("Inspection type")
# Each grade column, with the wordings of older releases.
_OFSTED_GRADES = {
    "overall": ("Overall effectiveness",),
    "leaders": (
        "The impact of leaders on social work practice with children and families",
        "The impact of leaders on practice with children and families",
    ),
    "help_and_protection": (
        "The experiences and progress of children who need help and protection",
    ),
    "in_care": (
        "The experiences and progress of children in care",
        "The experiences and progress of children in care and care leavers",
    ),
    "care_leavers": ("The experiences and progress of care leavers",),
}


def _slots(table: _Table, wordings: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Each slot's column key in this file (the first wording it has)."""
    found = {}
    for slot, options in wordings.items():
        keys = [_key(option) for option in options]
        found[slot] = next((key for key in keys if key in table.columns), keys[0])
    return found


def ofsted(source: Source, *, progress: Progress | None = None) -> ImportResult:
    """Import Ofsted's official ILACS inspection history ("Local authority inspection outcomes").

    Columns are matched by Ofsted's names, in any letter case:

    - "Inspection date" is the **first day on site** (the report's first date), so
      it is the inspection's ``on_site_start`` and chooses the framework version;
      the file gives no last day and no off-site week.
    - "Publication date" is the day Ofsted published the report (``published``).
    - "Local authority area code" (an ONS code) and then "Local authority name" find
      the authority in :mod:`ilacs.authorities`; the status and region columns, and
      any column the importer does not know, are not read.
    - The grade columns map to judgement areas by framework version: the "children
      in care" column is ``children_in_care_and_care_leavers`` under ilacs-2018 and
      ``children_in_care`` from ilacs-2023; an empty cell is no judgement where the
      framework makes none (care leavers before 2023, overall from April 2026).

    >>> from ilacs import importers
    >>> result = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> print(result.summary())
    271 rows read, 271 imported, 0 skipped
    """
    table = _read_table(
        source,
        what="Ofsted's ILACS inspection history",
        required=("Local authority name", "Inspection date", "Inspection type"),
    )
    slots = _slots(table, _OFSTED_GRADES)

    def build(row: _Row) -> Inspection:
        start, framework = _start(row, _OFSTED_START)
        kind = _ofsted_kind(row, _OFSTED_TYPE, framework)
        return Inspection(
            authority=_authority(row, _OFSTED_CODE, _OFSTED_NAME),
            kind=kind,
            on_site_start=start,
            published=_date(row, _OFSTED_PUBLISHED),
            framework=framework.id,
            judgements=_judgements(row, framework, kind, slots),
        )

    fields = {"on_site_start": _OFSTED_START, "published": _OFSTED_PUBLISHED}
    return _run(table, build, progress=progress, fields=fields, duplicates=True)


# Ofsted's in-year activity sheets.

_INYEAR_GRADES = {
    "overall": ("overall",),
    "leaders": ("leaders",),
    "help_and_protection": ("help_and_protection",),
    "in_care": ("children_in_care",),
    "care_leavers": ("care_leavers",),
}


def inyear(source: Source, *, progress: Progress | None = None) -> ImportResult:
    """Import Ofsted's in-year activity: focused and monitoring visits, short and standard inspections.

    The columns are those of the merged in-year sheets (``la_name``, ``la_code``,
    ``type``, ``visit_date``, ``published``, ``visit_theme`` and the grade columns):

    - ``visit_date`` is the first day on site (for inspections it is the same day as
      the history sheet's "Inspection date"); ``published`` is Ofsted's publication
      day, where the release gives it.
    - ``visit_theme`` is the visit's ``topic``.
    - ``la_code`` (an ONS code, where given) and then ``la_name`` find the authority.
    - The grade columns map to judgement areas by framework version, as in
      :func:`ofsted`; a visit carries no grades.

    The sheets of several releases overlap, so a row with the same authority, kind
    and first day on site as an earlier one is skipped as a duplicate naming it.

    >>> from ilacs import importers
    >>> result = importers.inyear("tests/data/ofsted_mi_inyear_activity_2022_2025.csv")
    >>> print(result.summary())
    330 rows read, 330 imported, 0 skipped
    """
    table = _read_table(
        source, what="Ofsted's in-year activity", required=("la_name", "type", "visit_date")
    )
    slots = _slots(table, _INYEAR_GRADES)

    def build(row: _Row) -> Inspection:
        start, framework = _start(row, "visit_date")
        kind = _ofsted_kind(row, "type", framework)
        return Inspection(
            authority=_authority(row, "la_code", "la_name"),
            kind=kind,
            on_site_start=start,
            published=_date(row, "published"),
            framework=framework.id,
            judgements=_judgements(row, framework, kind, slots),
            topic=_optional_text(row, "visit_theme"),
        )

    fields = {"on_site_start": "visit_date", "published": "published", "topic": "visit_theme"}
    return _run(table, build, progress=progress, fields=fields, duplicates=True)


# The community scrape.

_COMMUNITY_COLUMNS = (
    "urn",
    "local_authority",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "inspection_link",
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)
_COMMUNITY_GRADES = {
    "overall": "overall_effectiveness_grade",
    "leaders": "impact_of_leaders_grade",
    "help_and_protection": "help_and_protection_grade",
    "in_care": "in_care_grade",
    "care_leavers": "care_leavers_grade",
}


def _community_kind(row: _Row, framework: Framework) -> InspectionKind:
    """The scrape's ``inspection_framework``, which it infers from the length of fieldwork."""
    kinds = {entry.kind for entry in framework.inspection_kinds}
    if InspectionKind.SINGLE_INSPECTION in kinds and InspectionKind.STANDARD not in kinds:
        return InspectionKind.SINGLE_INSPECTION  # SIF had one kind of full inspection
    text = _key(row.text("inspection_framework"))
    if text == "short":
        kind = InspectionKind.SHORT
    elif text == "standard" or text.startswith("inspection duration longer than standard"):
        kind = InspectionKind.STANDARD  # longer than standard is not short
    else:
        raise row.skip(Reason.UNKNOWN_KIND, "inspection_framework", "must be 'short' or 'standard'")
    return _kind_in(row, "inspection_framework", kind, framework)


def community(source: Source, *, progress: Progress | None = None) -> ImportResult:
    """Import the community "ofsted-ilacs-scrape-tool" record of every published report.

    - ``inspection_start_date`` and ``inspection_end_date`` (dd/mm/yyyy) are the
      report's first and last days on site; a row without them is skipped ("no
      fieldwork dates"): the SIF-era rows, and three reports whose dates the scrape
      could not read.
    - ``publication_date`` (dd/mm/yy, read as 20yy) is ``published``;
      ``inspector_name`` the lead inspector; ``inspection_link`` the source URL.
    - ``urn`` and then ``local_authority`` find the authority in the registry.
    - ``inspection_framework`` ("short" or "standard", inferred by the scrape from
      the length of fieldwork; "longer than standard" is taken as standard) is the
      kind; under SIF every inspection is a single inspection.
    - Grades are read by framework version as in :func:`ofsted`. The sentinels
      ``inspection_pre_dates_judgement`` and ``not_reported_post_reform`` mean no
      judgement; ``data_unreadable`` where the framework makes the judgement, text
      that is not a grade ("to requires improvement") and an empty cell for a
      judgement the framework makes each skip the row, naming the column and value.

    >>> from ilacs import importers
    >>> result = importers.community("tests/data/ofsted_csc_ilacs_history.csv")
    >>> bad = [row for row in result.skipped if row.reason is importers.Reason.UNRECOGNISED_GRADE]
    >>> [(row.line, row.column, row.value) for row in bad]
    [(329, 'help_and_protection_grade', 'to requires improvement'), (415, 'help_and_protection_grade', 'to requires improvement')]
    """
    table = _read_table(source, what="the community ILACS history", required=_COMMUNITY_COLUMNS)

    def build(row: _Row) -> Inspection:
        start, framework = _start(row, "inspection_start_date")
        kind = _community_kind(row, framework)
        return Inspection(
            authority=_authority(row, "urn", "local_authority"),
            kind=kind,
            on_site_start=start,
            on_site_end=_date(row, "inspection_end_date"),
            published=_date(row, "publication_date"),
            framework=framework.id,
            lead_inspector=_optional_text(row, "inspector_name"),
            judgements=_judgements(row, framework, kind, _COMMUNITY_GRADES),
            source_url=row.text("inspection_link") or None,
        )

    fields = {
        "on_site_start": "inspection_start_date",
        "on_site_end": "inspection_end_date",
        "published": "publication_date",
        "lead_inspector": "inspector_name",
        "source_url": "inspection_link",
    }
    return _run(table, build, progress=progress, fields=fields, duplicates=True)
