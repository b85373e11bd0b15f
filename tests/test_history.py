"""An authority's history: its inspections in order, none lost, and what is due next."""

import csv
import functools
from collections import Counter, defaultdict
from pathlib import Path

import attrs
import pendulum
import pytest
from cli_runner import run_cli

from ilacs import (
    Fact,
    Grade,
    Inspection,
    InspectionKind,
    Judgement,
    Known,
    LocalAuthority,
    deadlines,
    importers,
    reports,
    serialisation,
    validate,
)
from ilacs.errors import ValidationError
from ilacs.history import (
    GapDistribution,
    History,
    Intervention,
    InterventionKind,
    histories,
    merged,
    months_between,
    observed_gaps,
)

D = pendulum.date
DATA = Path(__file__).parent / "data"
OFFICIAL = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
HARINGEY = LocalAuthority(name="Haringey", urn=80498)


@functools.cache
def _official() -> tuple[Inspection, ...]:
    return importers.ofsted(OFFICIAL).inspections


@functools.cache
def _inyear() -> tuple[Inspection, ...]:
    return importers.inyear(INYEAR).inspections


def _rows() -> list[dict[str, str]]:
    with OFFICIAL.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _full(start: pendulum.Date, grade: Grade, authority: LocalAuthority = HARINGEY) -> Inspection:
    return Inspection(
        authority=authority,
        kind=InspectionKind.STANDARD,
        on_site_start=start,
        judgements=(Judgement(area="overall_effectiveness", grade=grade),),
    )


class TestFromTheOfficialHistory:
    """Built from Ofsted's official history, every authority's inspections are there, in order."""

    def test_every_authority_has_every_row_in_date_order(self) -> None:
        """Per authority, the history's first days are its source rows' dates, in order.

        Authorities are matched by name: the registry gives Barnsley and Sheffield
        their 2025 codes, so the file's codes are not the same key.
        """
        by_name: defaultdict[str, list[str]] = defaultdict(list)
        for row in _rows():
            by_name[row["Local authority name"].casefold()].append(row["Inspection date"])
        found = histories(_official())
        assert sum(len(history.events) for history in found) == len(_rows()) == 271
        assert len(found) == len(by_name)
        for history in found:
            starts = [event.on_site_start.isoformat() for event in history.events]
            assert starts == sorted(by_name[history.authority.name.casefold()])

    def test_an_authority_is_asked_for_by_urn_name_or_value(self) -> None:
        """Haringey by URN, by name in any case, or as a value: the same events."""
        by_urn = History.of(80498, _official())
        assert [event.on_site_start for event in by_urn.events] == [D(2018, 10, 29), D(2023, 2, 13)]
        assert History.of("haringey", _official()).events == by_urn.events
        assert History.of(HARINGEY, _official()).events == by_urn.events

    def test_previous_and_next_walk_the_events(self) -> None:
        """The first has no previous, the last no next."""
        history = History.of(80498, merged(_official(), _inyear()))
        first, second, third = history.events
        assert history.previous(first) is None
        assert history.next(first) == second
        assert history.previous(third) == second
        assert history.next(third) is None
        assert third.kind is InspectionKind.FOCUSED_VISIT

    def test_care_leavers_reaches_back_to_the_2018_combined_judgement(self) -> None:
        """Haringey's care leavers: the 2018 combined judgement, marked combined, then 2023's."""
        history = History.of(80498, _official())
        points = [
            (point.on_site_start, point.framework, point.area, point.grade, point.combined)
            for point in history.trajectory("care_leavers")
        ]
        assert points == [
            (
                D(2018, 10, 29),
                "ilacs-2018",
                "children_in_care_and_care_leavers",
                Grade.REQUIRES_IMPROVEMENT,
                True,
            ),
            (D(2023, 2, 13), "ilacs-2023", "care_leavers", Grade.GOOD, False),
        ]
        in_care = history.trajectory("children_in_care")
        assert [(point.area, point.combined) for point in in_care] == [
            ("children_in_care_and_care_leavers", True),
            ("children_in_care", False),
        ]
        overall = history.trajectory("overall_effectiveness")
        assert not any(point.combined for point in overall)

    def test_merged_sources_keep_each_inspection_once(self) -> None:
        """The in-year sheet repeats recent full inspections: kept once, from the first source."""
        both = merged(_official(), _inyear())
        keys = Counter((i.authority.name, i.kind, i.on_site_start) for i in both)
        assert max(keys.values()) == 1
        assert set(_official()) <= set(both)

    def test_an_imported_focused_visit_says_not_known_of_priority_actions(self) -> None:
        """Ofsted's files do not give them: not known, never none."""
        visit = History.of(80498, _inyear()).events[-1]
        assert visit.kind is InspectionKind.FOCUSED_VISIT
        assert visit.known(Fact.PRIORITY_ACTIONS) is Known.NOT_KNOWN
        assert visit.known(Fact.IMPROVEMENT_AREAS) is Known.NOT_KNOWN


class TestObservedGaps:
    """The months between full inspections, computed from the record given."""

    def test_the_official_record_gives_115_re_inspections_23_within_the_stated_window(
        self,
    ) -> None:
        """The figures the issue quotes come out of the data, not a table typed in."""
        gaps = observed_gaps(_official())
        assert gaps.count() == 115
        assert gaps.within(30, 42) == 23
        medians = {grade: gaps.median(grade) for grade in Grade}
        assert medians == {
            Grade.OUTSTANDING: 56,
            Grade.GOOD: 59,
            Grade.REQUIRES_IMPROVEMENT: 50,
            Grade.INADEQUATE: 44,
        }

    def test_the_gaps_follow_the_data(self) -> None:
        """Two inspections 40 months apart after Good: one gap of 40 after Good."""
        gaps = observed_gaps([_full(D(2018, 1, 8), Grade.GOOD), _full(D(2021, 5, 10), Grade.GOOD)])
        assert gaps.of(Grade.GOOD) == (40,)
        assert gaps.of(Grade.INADEQUATE) == ()
        assert gaps.quartiles(Grade.GOOD) is None

    def test_the_table_has_a_row_for_each_grade_and_all(self) -> None:
        """A Markdown table, best grade first, then all."""
        rows = observed_gaps(_official()).table().splitlines()
        assert [row.split(" | ")[0] for row in rows[2:]] == [
            "| Outstanding",
            "| Good",
            "| Requires improvement to be good",
            "| Inadequate",
            "| all",
        ]

    @pytest.mark.parametrize(
        ("start", "end", "months"),
        [
            (D(2018, 10, 29), D(2023, 2, 13), 51),
            (D(2020, 1, 31), D(2020, 2, 29), 0),
            (D(2020, 1, 31), D(2020, 3, 31), 2),
            (D(2023, 2, 13), D(2018, 10, 29), -51),
        ],
    )
    def test_months_are_whole_calendar_months(
        self, start: pendulum.Date, end: pendulum.Date, months: int
    ) -> None:
        """A month is counted when its day is reached."""
        assert months_between(start, end) == months


class TestDueNext:
    """What is due next: the stated intention beside the record, or the inadequate pathway."""

    def test_after_requires_improvement_the_window_and_the_record(self) -> None:
        """Haringey after 2018: Ofsted's stated window, and the record after RI."""
        history = History.of(80498, _official())
        due = history.due_next(D(2020, 3, 31), observed=observed_gaps(_official()))
        assert due.pathway == "window"
        assert due.grade is Grade.REQUIRES_IMPROVEMENT
        assert due.stated is None  # the official file gives no last day on site
        assert list(due.observed or ()) == [42, 50, 54]
        assert due.months_since == 17
        assert "median 50" in due.reason

    def test_after_inadequate_no_window_is_given(self) -> None:
        """Monitoring, then re-inspection when ready: the sources give no date."""
        history = History.of(HARINGEY, [_full(D(2019, 1, 7), Grade.INADEQUATE)])
        due = history.due_next(D(2019, 6, 1))
        assert due.pathway == "inadequate"
        assert due.stated is None
        assert "monitoring visits" in due.reason
        assert "the sources give no window" in due.reason

    def test_without_a_full_inspection_nothing_is_due_that_is_known(self) -> None:
        """Before the first full inspection: not known."""
        history = History.of(HARINGEY, [_full(D(2019, 1, 7), Grade.GOOD)])
        assert history.due_next(D(2018, 1, 1)).pathway == "not_known"


class TestInterventions:
    """The DfE's interventions, dated and sourced: was the authority under one on a day?"""

    SEFTON = LocalAuthority(name="Sefton")
    DIRECTION = Intervention(
        authority=SEFTON,
        kind=InterventionKind.STATUTORY_DIRECTION,
        start=D(2022, 5, 24),
        source="Community Care, 25 May 2022",
    )

    def test_under_intervention_from_its_start_until_its_end(self) -> None:
        """In force from the start; not before it, not from the end."""
        ended = Intervention(
            authority=self.SEFTON,
            kind=InterventionKind.IMPROVEMENT_NOTICE,
            start=D(2021, 6, 1),
            end=D(2022, 5, 24),
            source="Community Care, 25 May 2022: under a notice since 2021",
        )
        history = History.of(
            self.SEFTON,
            [_full(D(2022, 2, 7), Grade.INADEQUATE, self.SEFTON)],
            interventions=[self.DIRECTION, ended],
        )
        assert history.under_intervention(D(2021, 1, 1)) == ()
        assert history.under_intervention(D(2022, 1, 1)) == (ended,)
        assert history.under_intervention(D(2022, 5, 24)) == (self.DIRECTION,)

    def test_an_end_before_the_start_is_rejected(self) -> None:
        """Construction rejects what can never be right."""
        with pytest.raises(ValidationError, match="'end' must not be before the start"):
            Intervention(
                authority=self.SEFTON,
                kind=InterventionKind.COMMISSIONER,
                start=D(2022, 5, 24),
                end=D(2022, 5, 1),
                source="x",
            )

    @pytest.mark.parametrize("bad", [None, 3.5, "", [1]])
    def test_a_bad_authority_is_an_ilacs_error(self, bad: object) -> None:
        """Never a bare Python exception."""
        with pytest.raises(ValidationError):
            History.of(bad, _official())  # type: ignore[arg-type]


def test_a_gap_distribution_is_a_value() -> None:
    """Equal inputs, equal values."""
    assert GapDistribution(gaps=((Grade.GOOD, (1, 2)),)) == GapDistribution(
        gaps=((Grade.GOOD, (1, 2)),)
    )


class TestNotKnownEverywhere:
    """An imported focused visit says "not known" of its priority actions in every output."""

    def _visit(self) -> Inspection:
        visit = History.of(80498, _inyear()).events[-1]
        assert (visit.kind, visit.on_site_start) == (InspectionKind.FOCUSED_VISIT, D(2025, 2, 11))
        return visit

    def test_model_validate_deadlines_and_briefing_say_not_known(self) -> None:
        """Never 'the letter sets out no areas for priority action'."""
        visit = self._visit()
        assert visit.known(Fact.PRIORITY_ACTIONS) is Known.NOT_KNOWN
        findings = [f for f in validate(visit) if f.code == "ILACS-V013"]
        assert [f.path for f in findings] == [
            "$.priority_actions",
            "$.improvement_areas",
        ]
        assert "whether the letter sets out areas for priority action is not known" in (
            findings[0].message
        )
        found = deadlines.for_inspection(visit)
        assert [d.status for d in found] == [deadlines.DeadlineStatus.NOT_KNOWN] * 2
        assert all("not known" in str(d) and "no plan is required" not in str(d) for d in found)
        text = reports.briefing(visit, D(2025, 4, 1))
        assert "Not known: the record does not say whether the letter sets out any" in text
        assert "no areas for priority action" not in text

    def test_the_command_line_says_not_known(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ilacs show and ilacs deadlines."""
        path = tmp_path / "visit.json"
        path.write_text(serialisation.dumps(self._visit()), encoding="utf-8")
        shown = run_cli(capsys, "show", str(path))
        assert shown.status == 0, shown.err
        assert "Areas for priority action: not known (the record does not say)" in shown.out
        due = run_cli(capsys, "deadlines", str(path))
        assert due.status == 0, due.err
        assert "Draft action plan: not known: whether the letter sets out" in due.out
        assert "does not apply" not in due.out

    def test_a_visit_recorded_with_none_says_none(self) -> None:
        """Given as known and empty: no plan is required."""
        visit = attrs.evolve(self._visit(), not_known=())
        assert visit.known(Fact.PRIORITY_ACTIONS) is Known.NONE
        statuses = {d.status for d in deadlines.for_inspection(visit)}
        assert statuses == {deadlines.DeadlineStatus.DOES_NOT_APPLY}


class TestTheHistoryCommand:
    """ilacs history AUTHORITY FILE...: the journey from national files, as of a day."""

    def test_it_merges_the_files_and_says_what_is_not_known(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each event names its file; the focused visit's priority actions are not known."""
        result = run_cli(
            capsys, "history", "Haringey", str(OFFICIAL), str(INYEAR), "--as-of", "2025-03-31"
        )
        assert result.status == 0, result.err
        lines = result.out.splitlines()
        assert lines[0] == "Haringey, as of 31 March 2025:"
        assert lines[5].startswith("  11 February 2025: focused_visit (ilacs-2023), Achieving")
        assert lines[5].endswith(f"[{INYEAR}]")
        assert lines[6] == "      not known: areas for priority action, areas for improvement"
        assert "Ofsted's stated intention: Next full inspection (short): not known" in result.out
        assert "40 re-inspections after Good" in result.out

    def test_an_unknown_authority_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A clear message, no traceback."""
        result = run_cli(capsys, "history", "Nowhere", str(OFFICIAL), "--as-of", "2025-03-31")
        assert result.status == 1
        assert "no local authority is known by the name 'Nowhere'" in result.err
