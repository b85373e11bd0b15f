"""Tests for ilacs.tables.results: what reading a table gives, every row and column accounted for."""

import pytest

from ilacs.errors import ValidationError
from ilacs.tables.results import ImportResult, Reason, SkippedRow

SKIPPED = (
    SkippedRow(line=2, reason=Reason.BAD_DATE, detail="'published' is not a date"),
    SkippedRow(line=3, reason=Reason.DUPLICATE, detail="duplicate of line 2"),
    SkippedRow(line=4, reason=Reason.BAD_DATE, detail="'published' is not a date"),
)

# (columns missing, columns ignored, what the summary adds).
COLUMN_SUMMARIES = [
    ((), (), ""),
    (("overall",), (), "; missing grade column: 'overall'"),
    (("overall", "care_leavers"), (), "; missing grade columns: 'overall', 'care_leavers'"),
    ((), ("overal",), "; column not read: 'overal'"),
    ((), ("overal", "Notes"), "; columns not read: 'overal', 'Notes'"),
    (("overall",), ("overal",), "; missing grade column: 'overall'; column not read: 'overal'"),
]


class TestImportResult:
    """The result accounts for every row and every column, and sums itself up."""

    def test_a_result_that_loses_a_row_cannot_be_made(self) -> None:
        """rows_read must be the inspections plus the skipped rows."""
        with pytest.raises(ValidationError, match="'rows_read' must equal the inspections"):
            ImportResult(source="x.csv", rows_read=1)
        with pytest.raises(ValidationError, match="'lines' must give one line for each"):
            ImportResult(source="x.csv", rows_read=0, lines=(2,))

    def test_the_skipped_rows_are_counted_by_reason_commonest_first(self) -> None:
        """counts, and the summary, put the commonest reason first."""
        result = ImportResult(source="x.csv", rows_read=3, skipped=SKIPPED)
        assert result.counts == {Reason.BAD_DATE: 2, Reason.DUPLICATE: 1}
        assert (
            result.summary() == "3 rows read, 0 imported, 3 skipped: 2 unreadable date, 1 duplicate"
        )

    @pytest.mark.parametrize(("missing", "ignored", "added"), COLUMN_SUMMARIES)
    def test_the_summary_names_the_columns_missing_and_not_read(
        self, missing: tuple[str, ...], ignored: tuple[str, ...], added: str
    ) -> None:
        """After the rows: the grade columns the file lacks, then the columns not read."""
        result = ImportResult(
            source="x.csv",
            rows_read=1,
            skipped=SKIPPED[:1],
            columns_missing=missing,
            columns_ignored=ignored,
        )
        assert result.summary() == f"1 row read, 0 imported, 1 skipped: 1 unreadable date{added}"
        assert repr(result) == f"ImportResult('x.csv', {result.summary()!r})"

    @pytest.mark.parametrize("field", ["columns_missing", "columns_ignored"])
    def test_columns_are_a_tuple_of_names(self, field: str) -> None:
        """A list, or a name that is not a string, is refused."""
        with pytest.raises(ValidationError, match=f"'{field}'"):
            ImportResult(source="x.csv", rows_read=0, **{field: ["overall"]})  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=f"'{field}"):
            ImportResult(source="x.csv", rows_read=0, **{field: (1,)})  # type: ignore[arg-type]


class TestReason:
    """Reasons are stable values with words for summaries."""

    def test_every_reason_has_words(self) -> None:
        """Labels are lower-case words, values snake_case, both unique."""
        assert len({reason.label for reason in Reason}) == len(Reason)
        for reason in Reason:
            assert reason.label == reason.label.lower()
            assert reason.value == reason.name.lower()


class TestSkippedRow:
    """A skipped row says where, why and what."""

    def test_a_skipped_row_reads_as_a_sentence(self) -> None:
        """line, reason, detail."""
        row = SkippedRow(line=3, reason=Reason.DUPLICATE, detail="duplicate of line 2")
        assert str(row) == "line 3: duplicate: duplicate of line 2"
        with pytest.raises(ValidationError, match="'line' must be 1 or more"):
            SkippedRow(line=0, reason=Reason.DUPLICATE, detail="")
