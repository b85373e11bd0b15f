"""What reading a table gives: the inspections taken, and every row and column not taken.

Every reader of a table (:mod:`ilacs.importers`, :func:`ilacs.tabular.from_csv`)
returns an :class:`ImportResult`: the :class:`~ilacs.Inspection` built from each row
it could take, a :class:`SkippedRow` for each one it could not, with a short, stable
:class:`Reason`, and the columns it expected and did not find or found and did not
read. No row is ever dropped in silence: ``imported + skipped == rows_read``.

>>> result = ImportResult(source="visits.csv", rows_read=0, columns_ignored=("notes",))
>>> print(result.summary())
0 rows read, 0 imported, 0 skipped; column not read: 'notes'
"""

import enum
from collections import Counter

import attrs

from ilacs.base import validators as v
from ilacs.model.inspections import Inspection

__all__ = ["ImportResult", "Reason", "SkippedRow"]


class Reason(enum.Enum):
    """Why a row was skipped: short and stable, so that rows can be counted by reason.

    >>> Reason.NO_FIELDWORK_DATES.label
    'no fieldwork dates'
    """

    #: The row has more or fewer cells than the header.
    WRONG_CELL_COUNT = "wrong_cell_count"
    #: A cell the row cannot do without is empty.
    MISSING_VALUE = "missing_value"
    #: No first day on site, and an inspection cannot be placed without it.
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


def _names(columns: tuple[str, ...], one: str, many: str) -> str:
    return f"{one if len(columns) == 1 else many}: {', '.join(map(repr, columns))}"


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
        columns_missing: the grade columns an imported inspection's framework judges
            and the file lacks, in the file's own wording (so that those judgements
            are known to be absent, not lost).
        columns_ignored: the header's columns that the reader did not read and does
            not know, as the header spells them (a misspelt column shows up here).

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
    columns_missing: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(str))
    )
    columns_ignored: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(str))
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
        """Rows read, imported and skipped (counted by reason), then the columns missing and not read.

        >>> from ilacs import importers
        >>> result = importers.community("tests/data/ofsted_csc_ilacs_history.csv")
        >>> print(result.summary())
        497 rows read, 316 imported, 181 skipped: 178 no fieldwork dates, 2 unrecognised grade, 1 unreadable grade
        """
        text = (
            f"{_plural(self.rows_read, 'row')} read, {self.imported} imported,"
            f" {len(self.skipped)} skipped"
        )
        if self.skipped:
            reasons = ", ".join(f"{count} {reason.label}" for reason, count in self.counts.items())
            text = f"{text}: {reasons}"
        if self.columns_missing:
            missing = _names(self.columns_missing, "grade column", "grade columns")
            text = f"{text}; missing {missing}"
        if self.columns_ignored:
            ignored = _names(self.columns_ignored, "column not read", "columns not read")
            text = f"{text}; {ignored}"
        return text
