"""Area SEND inspections from real data: the community overview and the reports' own text.

Every row of the overview is imported or reported; every imported outcome loads,
validates and round-trips; and where a report's text and the overview disagree,
the test below names the disagreement. Nothing is made up: the outcomes come from
``tests/data/area_send`` (see its README for provenance and licences).
"""

import collections
import functools
import json
from pathlib import Path

import pendulum
import pytest
from cli_runner import run_cli

from ilacs import Inspection, InspectionKind, deadlines, frameworks, serialisation, validate
from ilacs.deadlines import DeadlineStatus
from ilacs.importers import Reason
from ilacs.tables import area_send
from ilacs.tables.engine import read_table
from ilacs.tables.results import ImportResult

DATA = Path(__file__).parent / "data" / "area_send"
OVERVIEW = DATA / "ofsted_csc_send_overview.xlsx"
REPORTS = sorted((DATA / "reports").glob("*.txt"))
D = pendulum.date


@functools.cache
def imported() -> ImportResult:
    """The overview, imported once."""
    return area_send.overview(OVERVIEW)


def by_urn() -> dict[int | None, Inspection]:
    """The imported inspections by the authority's URN."""
    return {inspection.authority.urn: inspection for inspection in imported().inspections}


@functools.cache
def report(path: Path) -> area_send.ReportFacts:
    """A report's facts, read once."""
    return area_send.read_report(path.read_text(encoding="utf-8"), name=path.stem)


def _urn(path: Path) -> int:
    return int(path.stem.split("_")[0])


class TestOverview:
    """The 72 rows: 68 imported, 4 reported with their reasons."""

    def test_every_row_is_imported_or_reported(self) -> None:
        """Nothing is dropped in silence."""
        result = imported()
        assert result.rows_read == 72
        assert len(result.inspections) + len(result.skipped) == 72
        assert len(result.inspections) == 68

    def test_the_reported_rows_say_why(self) -> None:
        """Three rows without inspection dates, and Slough's unreadable outcome."""
        found = [(row.line, row.reason, row.raw[5]) for row in imported().skipped]
        assert found == [
            (9, Reason.NO_FIELDWORK_DATES, "cambridgeshire"),
            (14, Reason.NO_FIELDWORK_DATES, "derbyshire"),
            (47, Reason.NO_FIELDWORK_DATES, "north yorkshire"),
            (56, Reason.UNREADABLE_GRADE, "slough"),
        ]

    def test_the_columns_not_read_are_listed(self) -> None:
        """The formula cells and the tool's other columns are named, not lost."""
        assert "local_link_to_all_inspections" in imported().columns_ignored
        assert "next_inspection_by_date" in imported().columns_ignored

    def test_the_outcomes_are_those_of_the_file(self) -> None:
        """The tool's counts (15, 36, 20, 1 unreadable) less the three rows without dates."""
        counts = collections.Counter(i.grade("outcome") for i in imported().inspections)
        assert counts == {"positive": 15, "inconsistent": 34, "significant_concerns": 19}

    def test_every_imported_outcome_is_on_the_2023_scale(self) -> None:
        """All fieldwork is from 2023, so every inspection is under area-send-2023."""
        scale = frameworks.get("area-send-2023").grade_scale
        for inspection in imported().inspections:
            assert inspection.framework == "area-send-2023"
            assert inspection.kind is InspectionKind.AREA_SEND_INSPECTION
            assert inspection.grade("outcome") in scale.members

    def test_every_imported_inspection_validates_without_errors(self) -> None:
        """The framework's scale, areas and kinds all accept them."""
        for inspection in imported().inspections:
            assert validate(inspection).errors == (), inspection

    def test_the_collection_round_trips_byte_for_byte(self) -> None:
        """As an inspections document and back."""
        inspections = imported().inspections
        text = serialisation.dumps(inspections)
        assert serialisation.loads(text) == inspections
        assert serialisation.dumps(serialisation.loads(text)) == text
        assert '"grade": "significant_concerns"' in text

    def test_a_code_the_text_contradicts_is_skipped_naming_both(self, tmp_path: Path) -> None:
        """An outcome is never taken from a code its own sentence denies."""
        sheet = tmp_path / "overview.csv"
        sheet.write_text(
            "urn,local_authority,inspection_link,outcome_grade,inspection_start_date,"
            "inspection_end_date,publication_date,inspection_outcome_text\n"
            "80498,haringey,,3.0,29/01/24,02/02/24,03/04/24,The arrangements typically lead to"
            " positive experiences and outcomes for children and young people with SEND.\n",
            encoding="utf-8",
        )
        (row,) = area_send.overview(sheet).skipped
        assert row.reason is Reason.BAD_VALUE
        assert "codes 'significant_concerns'" in row.detail
        assert "states 'positive'" in row.detail


class TestReports:
    """The 55 reports' own words against the overview's rows."""

    def test_every_report_gives_its_dates_and_one_outcome(self) -> None:
        """Each first page states the dates and exactly one outcome of the scale."""
        assert len(REPORTS) == 55
        for path in REPORTS:
            facts = report(path)
            assert facts.outcome is not None, path.name
            assert facts.on_site_start <= facts.on_site_end

    def test_the_worst_outcome_and_the_priority_action_plan_go_together(self) -> None:
        """HMCI requires a priority action plan (area SEND) after the worst outcome, only then."""
        for path in REPORTS:
            facts = report(path)
            assert facts.priority_action_plan is (facts.outcome == "significant_concerns")

    def test_reports_and_imported_rows_agree_where_both_give_a_value(self) -> None:
        """Dates, publication and outcome: no disagreement for any imported area."""
        rows = by_urn()
        for path in REPORTS:
            if _urn(path) in rows:
                assert area_send.disagreements(rows[_urn(path)], report(path)) == (), path.name

    def test_the_reports_of_two_rows_without_dates_give_them(self) -> None:
        """Disagreement: the overview gives Derbyshire and North Yorkshire no inspection dates."""
        rows = by_urn()
        missing = {p.stem.split("__")[0]: report(p) for p in REPORTS if _urn(p) not in rows}
        assert {
            name: (f.on_site_start, f.on_site_end, f.outcome) for name, f in missing.items()
        } == {
            "80460_derbyshire": (D(2024, 9, 23), D(2024, 9, 27), "significant_concerns"),
            "80530_north_yorkshire": (D(2024, 4, 29), D(2024, 5, 3), "inconsistent"),
        }

    def test_the_overviews_outcome_text_omits_seven_priority_action_plans(self) -> None:
        """Disagreement: for seven areas the overview's outcome sentence stops before the plan.

        The reports (and the outcome code, 3.0) say HMCI requires a priority action
        plan; the overview's ``inspection_outcome_text`` does not say so.
        """
        table = read_table(OVERVIEW, what="the overview", required=("urn",))
        urn, text = table.header.index("urn"), table.header.index("inspection_outcome_text")
        said = {
            int(cells[urn]): "priority action plan" in cells[text].lower()
            for _, cells in table.rows
        }
        omitted = sorted(
            p.stem.split("__")[0]
            for p in REPORTS
            if report(p).priority_action_plan and not said[_urn(p)]
        )
        assert omitted == [
            "2637539_north_northamptonshire",
            "2637548_west_northamptonshire",
            "80475_hertfordshire",
            "80488_bexley",
            "80536_oxfordshire",
            "80538_plymouth",
            "80584_worcestershire",
        ]


class TestWhatFollows:
    """The pack's deadlines for each outcome, from the reports' first pages."""

    @pytest.mark.parametrize(
        ("urn", "expected"),
        [
            (80498, {"next_full_inspection_positive": D(2029, 2, 2)}),  # Haringey, positive
            (
                2637539,  # North Northamptonshire, significant concerns
                {"monitoring_inspection": D(2025, 7, 26), "full_reinspection": D(2027, 1, 26)},
            ),
        ],
    )
    def test_the_due_dates_follow_the_outcome(self, urn: int, expected: dict[str, object]) -> None:
        """Five years after the best outcome; 18 months and three years after the worst."""
        due = {
            d.rule.id: d.due
            for d in deadlines.for_inspection(by_urn()[urn])
            if d.status is DeadlineStatus.DUE
        }
        assert due == expected


class TestCommandLine:
    """``ilacs import area-send`` and the national commands read the overview too."""

    def test_import_area_send_writes_the_imported_outcomes_and_reports_the_rest(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """68 inspections written; the four skipped rows and the summary on stderr."""
        target = tmp_path / "send.json"
        result = run_cli(capsys, "import", "area-send", str(OVERVIEW), "-o", str(target))
        assert result.status == 0, result.err
        imported = serialisation.loads(target.read_text(encoding="utf-8"), tuple)
        assert len(imported) == 68
        assert {item.kind for item in imported} == {InspectionKind.AREA_SEND_INSPECTION}
        assert "72 rows read, 68 imported, 4 skipped" in result.err

    def test_latest_reads_the_overview_with_from_area_send(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--from area-send gives each area's latest area SEND inspection."""
        result = run_cli(
            capsys,
            "latest",
            str(OVERVIEW),
            "--from",
            "area-send",
            "--as-of",
            "2026-06-30",
            "--kind",
            "area_send_inspection",
            "--format",
            "json",
        )
        assert result.status == 0, result.err
        assert "72 rows read" in result.err
        answer = json.loads(result.out)
        assert answer["authorities"] == len(answer["inspections"]) == 68
        haringey = next(item for item in answer["inspections"] if item["authority"] == "Haringey")
        assert haringey["grades"] == {"outcome": "positive"}
        assert haringey["on_site_start"] == "2024-01-29"
