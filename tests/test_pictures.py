"""Tests for ilacs.reports.pictures: each picture's data, what is drawn from it, and its files."""

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pendulum
import pytest
from _haringey import HISTORY, INSPECTION_2026
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib import dates
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

from ilacs import (
    ActionPlan,
    Grade,
    Inspection,
    LocalAuthority,
    authorities,
    national,
    progress,
    serialisation,
)
from ilacs.errors import FileWriteError, IlacsError, ValidationError
from ilacs.reports import pictures
from ilacs.reports.pictures import GradeHistory, StackedCounts

D = pendulum.date
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
PLAN = serialisation.loads(
    (EXAMPLES / "haringey-2018-action-plan.json").read_text(encoding="utf-8"), ActionPlan
)
BEST_FIRST = (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE)
OFFICIAL = "Ofsted, Local authority inspection outcomes as at 31 March 2025"


def _history() -> GradeHistory:
    return pictures.grade_history(
        HISTORY, "Haringey", as_of=D(2026, 6, 30), source="Ofsted's reports on Haringey"
    )


def _national(inspections: tuple[Inspection, ...], years: range) -> StackedCounts:
    days = [D(year, 3, 31) for year in years]
    return pictures.national_distribution(
        national.over_time(inspections, days=days), source=OFFICIAL
    )


def _tiny() -> StackedCounts:
    """A plan's picture of two days, quick to render."""
    return pictures.plan_status(PLAN, [D(2019, 3, 31), D(2019, 9, 30)], source="a plan")


def _plan() -> StackedCounts:
    days = pictures.monthly(D(2019, 1, 31), D(2020, 4, 30))
    return pictures.plan_status(PLAN, days, source="Haringey's action plan")


@pytest.fixture(scope="module")
def england(official_inspections: tuple[Inspection, ...]) -> StackedCounts:
    """England's overall effectiveness grades on 31 March of 2019 to 2025, from Ofsted's data."""
    return _national(official_inspections, range(2019, 2026))


@pytest.fixture(scope="module")
def drawn(england: StackedCounts) -> dict[str, tuple[Figure, Axes]]:
    """Each picture drawn once, small, for the tests to read back."""
    found = {}
    for name, picture in (("history", _history()), ("national", england), ("plan", _plan())):
        fig = pictures.figure(picture, width=6.0, height=4.0)
        found[name] = (fig, fig.axes[0])
    return found


def _numbers(days: Iterable[pendulum.Date]) -> list[float]:
    return [float(dates.date2num(day)) for day in days]  # type: ignore[no-untyped-call]


def _bars(axes: Axes) -> dict[str, list[tuple[float, float, float]]]:
    """Each category's bars as (centre, bottom, height), by legend label."""
    found = {}
    for container in axes.containers:
        assert isinstance(container, BarContainer)
        found[str(container.get_label())] = [
            (bar.get_x() + bar.get_width() / 2, bar.get_y(), bar.get_height())
            for bar in container.patches
        ]
    return found


def _legend(fig: Figure) -> list[str]:
    return [text.get_text() for text in fig.legends[0].get_texts()]


class TestGradeHistory:
    """An authority's grade for each judgement, held from one graded inspection to the next."""

    def test_each_grade_holds_until_the_next_graded_inspection(self) -> None:
        """Overall effectiveness: RI from 2014 and 2018, good from 2023, until the day shown."""
        history = _history()
        overall = next(item for item in history.series if item.area == "overall_effectiveness")
        assert [(step.start, step.end, step.grade) for step in overall.steps] == [
            (D(2014, 7, 18), D(2018, 12, 14), Grade.REQUIRES_IMPROVEMENT),
            (D(2018, 12, 14), D(2023, 4, 11), Grade.REQUIRES_IMPROVEMENT),
            (D(2023, 4, 11), INSPECTION_2026.published, Grade.GOOD),
            (INSPECTION_2026.published, D(2026, 6, 30), Grade.OUTSTANDING),
        ]
        assert [step.framework for step in overall.steps] == [
            "sif-2013",
            "ilacs-2018",
            "ilacs-2023",
            "ilacs-2023",
        ]

    def test_a_report_published_after_the_day_is_left_out(self) -> None:
        """As of the day before the 2023 report, the 2018 grades hold to that day."""
        history = pictures.grade_history(HISTORY, "haringey", as_of=D(2023, 4, 10), source="x")
        ends = {step.end for series in history.series for step in series.steps}
        assert max(ends) == D(2023, 4, 10)
        assert history.authority == "Haringey"

    def test_areas_are_labelled_as_the_newest_pack_that_has_them_labels_them(self) -> None:
        """Every judgement area judged has one line, with its framework pack's label."""
        labels = {item.area: item.label for item in _history().series}
        assert labels["leaders"] == (
            "The impact of leaders on social work practice with children and families"
        )
        assert labels["leadership"] == "Leadership, management and governance"
        assert labels["children_in_care_and_care_leavers"] == (
            "The experiences and progress of children in care and care leavers"
        )
        judged = {judgement.area for item in HISTORY for judgement in item.judgements}
        assert set(labels) == judged

    def test_the_periods_are_the_framework_versions_in_force(self) -> None:
        """The time shown is split among the framework versions, each in force over its part."""
        periods = _history().periods
        assert [period.framework for period in periods] == [
            "sif-2013",
            "ilacs-2018",
            "ilacs-2023",
            "ilacs-2026",
        ]
        assert periods[0].start == D(2014, 7, 18)
        assert periods[-1].end == D(2026, 6, 30)

    def test_areas_keeps_only_the_areas_named(self) -> None:
        """``areas`` picks the judgements to show, in the order given."""
        history = pictures.grade_history(
            HISTORY,
            "Haringey",
            as_of=D(2026, 6, 30),
            source="x",
            areas=["overall_effectiveness", "leaders"],
        )
        assert [series.area for series in history.series] == ["overall_effectiveness", "leaders"]

    def test_the_lines_drawn_are_the_steps_and_the_marks_the_inspections(
        self, drawn: dict[str, tuple[Figure, Axes]]
    ) -> None:
        """Each series' marks stand at its inspections' days, at its grades' heights."""
        history = _history()
        _, axes = drawn["history"]
        ranks = {grade: 3 - index for index, grade in enumerate(BEST_FIRST)}
        lines = {line.get_gid(): line for line in axes.get_lines()}
        steps = {
            collection.get_gid(): collection
            for collection in axes.collections
            if isinstance(collection, LineCollection)
        }
        assert len(lines) == len(steps) == len(history.series)
        for series in history.series:
            line = lines[f"marks:{series.area}"]
            assert line.get_label() == series.label
            assert list(line.get_xdata()) == _numbers(step.start for step in series.steps)  # type: ignore[arg-type]
            heights = [float(y) for y in line.get_ydata()]  # type: ignore[union-attr, arg-type]
            assert [round(y) for y in heights] == [ranks[step.grade] for step in series.steps]
            segments = steps[f"steps:{series.area}"].get_segments()
            assert [(s[0][0], s[1][0]) for s in segments] == list(
                zip(
                    _numbers(step.start for step in series.steps),
                    _numbers(step.end for step in series.steps),
                    strict=True,
                )
            )
            assert [s[0][1] for s in segments] == heights

    def test_the_grades_run_best_at_the_top_and_the_picture_says_what_it_is(
        self, drawn: dict[str, tuple[Figure, Axes]]
    ) -> None:
        """The y axis reads Outstanding at the top; title, note, axes and legend are there."""
        fig, axes = drawn["history"]
        ticks = sorted(zip(axes.get_yticks(), axes.get_yticklabels(), strict=True), reverse=True)
        assert [label.get_text().replace("\n", " ") for _, label in ticks] == [
            "Outstanding",
            "Good",
            "Requires improvement to be good",
            "Inadequate",
        ]
        assert fig.get_suptitle() == ("Haringey: grades at each inspection of children's services")
        assert axes.get_title(loc="left") == (
            "As of 30 June 2026. Source: Ofsted's reports on Haringey."
        )
        assert axes.get_xlabel().startswith("Publication of the report")
        assert axes.get_ylabel() == "Grade"
        assert _legend(fig) == [series.label for series in _history().series]

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"authority": "Hackney"}, "authority"),
            ({"authority": ""}, "authority"),
            ({"as_of": D(2014, 1, 1)}, "authority"),
            ({"as_of": "2026-06-30"}, "as_of"),
            ({"source": " "}, "source"),
            ({"areas": ["leaders", "no_such_area"]}, "areas"),
            ({"areas": "leaders"}, "areas"),
            ({"inspections": [HISTORY[0], "an inspection"]}, "inspections"),
            ({"inspections": 42}, "inspections"),
        ],
    )
    def test_wrong_arguments_are_rejected_by_name(
        self, arguments: dict[str, object], field: str
    ) -> None:
        """Each wrong argument is a ValidationError naming it."""
        given_ = {
            "inspections": HISTORY,
            "authority": "Haringey",
            "as_of": D(2026, 6, 30),
            "source": "x",
            **arguments,
        }
        with pytest.raises(ValidationError) as raised:
            pictures.grade_history(
                given_.pop("inspections"),  # type: ignore[arg-type]
                given_.pop("authority"),  # type: ignore[arg-type]
                **given_,  # type: ignore[arg-type]
            )
        assert raised.value.field == field


class TestGradeDistribution:
    """The share of each grade on each day, as stacked bars best at the top."""

    def test_ofsteds_published_share_good_or_better_is_reproduced(
        self, england: StackedCounts
    ) -> None:
        """60% of authorities were good or outstanding overall at 31 March 2024, as Ofsted says."""
        index = england.days.index(D(2024, 3, 31))
        outstanding, good, *_ = england.heights()[index]
        assert round(outstanding + good) == 60
        assert england.totals()[index] == 151

    def test_a_region_says_what_it_counts_and_what_it_leaves_out(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """London's children in care: the 2018 combined judgement counts, and it says so."""
        london = list(
            national.over_time(
                official_inspections,
                days=[D(2022, 3, 31), D(2025, 3, 31)],
                area="care_leavers",
                authorities=[
                    record.urn
                    for record in authorities.in_region("London", include_abolished=True)
                    if record.urn is not None
                ],
                group="London",
            )
        )
        picture = pictures.national_distribution(london, source=OFFICIAL)
        assert (
            picture.title
            == "London: the experiences and progress of care leavers, the share of each grade"
        )
        assert picture.counts == tuple(
            tuple(number for _, number in item.counts) for item in london
        )
        assert any(note.startswith("Not shown:") for note in picture.notes)

    def test_distributions_of_different_things_are_not_drawn_together(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Two judgements, or two groups, in one picture are a ValidationError."""
        day = D(2024, 3, 31)
        mixed = [
            national.distribution(official_inspections, as_of=day),
            national.distribution(official_inspections, as_of=day.add(days=1), area="leaders"),
        ]
        with pytest.raises(ValidationError, match="must all be of one judgement and group"):
            pictures.national_distribution(mixed, source="x")
        with pytest.raises(ValidationError, match="'distributions'"):
            pictures.national_distribution([], source="x")

    def test_the_bars_drawn_are_the_shares(
        self, england: StackedCounts, drawn: dict[str, tuple[Figure, Axes]]
    ) -> None:
        """Each grade's bars have its shares as heights, stacked worst at the bottom."""
        _, axes = drawn["national"]
        bars = _bars(axes)
        assert list(bars) == list(reversed(england.categories))
        heights = england.heights()
        for index, category in enumerate(england.categories):
            drawn_heights = [height for _, _, height in bars[category]]
            assert drawn_heights == pytest.approx([row[index] for row in heights])
            bottoms = [sum(row[index + 1 :]) for row in heights]
            assert [bottom for _, bottom, _ in bars[category]] == pytest.approx(bottoms)
        assert axes.get_ylim() == (0, 100)

    def test_the_legend_lists_the_grades_best_first(
        self, drawn: dict[str, tuple[Figure, Axes]]
    ) -> None:
        """The legend reads Outstanding to Inadequate; the days and how many they count label the bars."""
        fig, axes = drawn["national"]
        assert _legend(fig) == [
            "Outstanding",
            "Good",
            "Requires improvement to be good",
            "Inadequate",
        ]
        assert [label.get_text() for label in axes.get_xticklabels()] == [
            f"31 Mar {year} (n={total})"
            for year, total in zip(
                range(2019, 2026), (41, 96, 102, 120, 151, 151, 153), strict=True
            )
        ]
        assert fig.get_suptitle() == "England: overall effectiveness, the share of each grade"
        note = axes.get_title(loc="left").replace("\n", " ")
        assert note == f"As of 31 March 2025. Source: {OFFICIAL}."

    @given(
        st.lists(
            st.dictionaries(st.sampled_from(BEST_FIRST), st.integers(0, 200), max_size=4),
            min_size=1,
            max_size=6,
        )
    )
    @settings(max_examples=max(3, settings().max_examples // 5))
    def test_any_counts_are_drawn_as_they_are(self, tallies: list[dict[Grade, int]]) -> None:
        """Whatever the counts, each day's bars are its shares, and they fill 100% or nothing."""
        start = D(2019, 3, 31)
        picture = pictures.grade_distribution(
            [(start.add(years=n), tally) for n, tally in enumerate(tallies)],
            area_label="Overall effectiveness",
            who="Somewhere",
            source="generated",
        )
        fig = pictures.figure(picture, width=6.0, height=4.0)
        bars = _bars(fig.axes[0])
        for day, (tally, row) in enumerate(zip(tallies, picture.heights(), strict=True)):
            assert sum(row) == pytest.approx(100 if sum(tally.values()) else 0)
            for index, category in enumerate(picture.categories):
                assert bars[category][day][2] == pytest.approx(row[index])

    @pytest.mark.parametrize(
        ("counts", "field"),
        [
            ([], "counts"),
            ([(D(2020, 1, 1), {Grade.GOOD: -1})], "counts"),
            ([(D(2020, 1, 1), {"good": 1})], "counts"),
            ([(D(2020, 1, 1), {Grade.GOOD: True})], "counts"),
            ([(D(2020, 1, 1), {}), (D(2020, 1, 1), {})], "counts"),
            ([("2020-01-01", {})], "counts"),
            ([(D(2020, 1, 1),)], "counts"),
        ],
    )
    def test_wrong_counts_are_rejected(self, counts: list[object], field: str) -> None:
        """Counts out of order, negative, or not by grade are a ValidationError naming them."""
        with pytest.raises(ValidationError) as raised:
            pictures.grade_distribution(
                counts,  # type: ignore[arg-type]
                area_label="Overall effectiveness",
                who="England",
                source="x",
            )
        assert raised.value.field == field


class TestPlanStatus:
    """An action plan's red, amber and green counts on each day, green at the top."""

    def test_each_days_counts_are_the_plans_summary_on_that_day(self) -> None:
        """The counts are progress.summarise's on each day, green, amber, red."""
        picture = _plan()
        assert picture.categories == ("Green", "Amber", "Red")
        for day, row in zip(picture.days, picture.counts, strict=True):
            tally = progress.summarise(PLAN, day).counts
            assert row == (
                tally[progress.Rating.GREEN],
                tally[progress.Rating.AMBER],
                tally[progress.Rating.RED],
            )
        assert picture.counts[0] == (9, 0, 0)
        assert picture.counts[-1] == (1, 0, 8)

    def test_the_bars_drawn_are_the_counts_hatched_by_rating(
        self, drawn: dict[str, tuple[Figure, Axes]]
    ) -> None:
        """Red is cross-hatched and amber dotted, so they differ without colour."""
        picture = _plan()
        fig, axes = drawn["plan"]
        bars = _bars(axes)
        for index, category in enumerate(picture.categories):
            assert [height for _, _, height in bars[category]] == [
                row[index] for row in picture.counts
            ]
        hatches = {
            str(container.get_label()): container.patches[0].get_hatch()
            for container in axes.containers
            if isinstance(container, BarContainer)
        }
        assert hatches == {"Green": None, "Amber": "..", "Red": "xx"}
        assert _legend(fig) == ["Green", "Amber", "Red"]
        assert axes.get_ylabel() == "Actions"

    @pytest.mark.parametrize(
        ("days", "field"),
        [
            ([], "days"),
            ([D(2019, 2, 1), D(2019, 1, 1)], "days"),
            (["2019-01-01"], "days"),
            (42, "days"),
        ],
    )
    def test_wrong_days_are_rejected(self, days: object, field: str) -> None:
        """Days out of order, or not days, are a ValidationError naming them."""
        with pytest.raises(ValidationError) as raised:
            pictures.plan_status(PLAN, days, source="x")  # type: ignore[arg-type]
        assert raised.value.field == field

    def test_monthly_days_end_on_the_last_day(self) -> None:
        """The same day each month, the month's last when it is shorter, then the end."""
        assert pictures.monthly(D(2019, 1, 31), D(2019, 3, 31)) == (
            D(2019, 1, 31),
            D(2019, 2, 28),
            D(2019, 3, 31),
        )
        with pytest.raises(ValidationError, match="'end' must not be before"):
            pictures.monthly(D(2019, 3, 1), D(2019, 1, 1))


class TestFiles:
    """PNG and SVG files, written atomically, with text shown as it is."""

    def test_png_and_svg_files_are_written(self, tmp_path: Path) -> None:
        """The extension chooses the format; the SVG is XML with no date in it."""
        picture = _tiny()
        pictures.save(picture, tmp_path / "plan.PNG", width=6.0, height=4.0, dpi=30)
        pictures.save(picture, tmp_path / "plan.svg", width=6.0, height=4.0)
        assert (tmp_path / "plan.PNG").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        svg = (tmp_path / "plan.svg").read_text(encoding="utf-8")
        assert ET.fromstring(svg.encode()).tag  # noqa: S314 (our own file) == "{http://www.w3.org/2000/svg}svg"
        assert "<dc:date>" not in svg
        assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.PNG", "plan.svg"]

    def test_pictures_drawn_in_threads_are_the_same_as_one_at_a_time(self) -> None:
        """No pyplot, no shared figure: three threads draw the same PNG as one does."""
        picture = _tiny()
        alone = pictures.render(picture, "png", width=6.0, height=4.0, dpi=20)
        with ThreadPoolExecutor(3) as pool:
            together = list(
                pool.map(
                    lambda _: pictures.render(picture, "png", width=6.0, height=4.0, dpi=20),
                    range(3),
                )
            )
        assert together == [alone] * 3

    def test_a_failed_write_leaves_the_file_as_it_was(self, tmp_path: Path) -> None:
        """An unknown extension or a missing folder writes nothing."""
        target = tmp_path / "plan.png"
        target.write_bytes(b"before")
        with pytest.raises(ValidationError, match=r"'dpi' must be a whole number"):
            pictures.save(_tiny(), target, dpi=0)
        with pytest.raises(ValidationError, match=r"'path' must end in \.png or \.svg"):
            pictures.save(_tiny(), tmp_path / "plan.jpg")
        with pytest.raises(FileWriteError, match="does not exist"):
            pictures.save(_tiny(), tmp_path / "no" / "plan.png", width=6.0, height=4.0, dpi=20)
        assert target.read_bytes() == b"before"
        assert [path.name for path in tmp_path.iterdir()] == ["plan.png"]

    def test_a_dollar_in_a_name_is_not_mathematics(self) -> None:
        """Every text of a figure is shown as it is: "$x$" stays "$x$"."""
        authority = LocalAuthority(name="$Money$ \\frac Borough")
        inspection = attrs.evolve(HISTORY[1], authority=authority)
        picture = pictures.grade_history(
            [inspection], authority.name, as_of=D(2020, 1, 1), source="$x$"
        )
        fig = pictures.figure(picture, width=6.0, height=4.0)
        assert all(not text.get_parse_math() for text in fig.findobj(Text))
        assert pictures.render(picture, "png", width=6.0, height=4.0, dpi=20).startswith(b"\x89PNG")

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [({"width": 2}, "width"), ({"height": True}, "height"), ({"width": "9"}, "width")],
    )
    def test_wrong_sizes_are_rejected(self, arguments: dict[str, object], field: str) -> None:
        """A size outside what can be drawn is a ValidationError naming it."""
        with pytest.raises(ValidationError) as raised:
            pictures.figure(_tiny(), **arguments)  # type: ignore[arg-type]
        assert raised.value.field == field

    def test_without_matplotlib_the_error_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With the extra missing, drawing says what to install; making the data still works."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        picture = _tiny()
        with pytest.raises(IlacsError, match=r"pip install 'ilacs\[pictures\]'"):
            pictures.render(picture, "svg")
