r"""Pictures: an authority's grade history, grades over time, a plan's ratings over time.

Each picture is first a value that says exactly what it shows (:class:`GradeHistory`,
:class:`StackedCounts`), built from the model and the reasoning layer; :func:`figure`
draws it with matplotlib, and :func:`render` and :func:`save` make PNG or SVG of it
(files written atomically). Every picture carries its title, its axis labels, a
legend, the day its data is as of and its source; grades run in the scale's order,
best at the top, in colours people with colour-blindness can tell apart (the
Okabe and Ito palette; the plan's ratings are hatched as well).

matplotlib is an optional extra (``pip install 'ilacs[pictures]'``), imported only when a
picture is drawn. It is used without ``pyplot``: a :class:`matplotlib.figure.Figure`
of its own for each picture, so drawing is safe in threads and needs no display.

>>> import pendulum
>>> from ilacs import Grade
>>> picture = grade_distribution(
...     [(pendulum.date(2024, 3, 31), {Grade.GOOD: 3, Grade.INADEQUATE: 1})],
...     area_label="Overall effectiveness",
...     who="Four authorities",
...     source="an illustration",
... )
>>> picture.categories
('Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate')
>>> picture.heights()
((0.0, 75.0, 0.0, 25.0),)
>>> render(picture, "png", width=4, height=3, dpi=40)[:8]
b'\x89PNG\r\n\x1a\n'
"""

import io
import itertools
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.base.extras import require
from ilacs.base.files import write_bytes_atomically
from ilacs.base.text import format_date
from ilacs.frameworks.grades import Grade
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import Inspection
from ilacs.reasoning import progress
from ilacs.reasoning.calendar import WorkingDayCalendar
from ilacs.reasoning.national import Distribution
from ilacs.reasoning.progress import Rating

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "GRADE_COLOURS",
    "RATING_COLOURS",
    "Format",
    "GradeHistory",
    "GradeStep",
    "HistorySeries",
    "Period",
    "Picture",
    "StackedCounts",
    "figure",
    "format_for",
    "grade_distribution",
    "grade_history",
    "monthly",
    "national_distribution",
    "plan_status",
    "render",
    "save",
]

Format = Literal["png", "svg"]
"""The file formats a picture is made in."""

#: Each grade's colour, from the Okabe and Ito palette: blues for the better grades,
#: orange and vermilion for the worse, told apart by lightness as well as hue.
GRADE_COLOURS = {
    Grade.OUTSTANDING: "#0072B2",
    Grade.GOOD: "#56B4E9",
    Grade.REQUIRES_IMPROVEMENT: "#E69F00",
    Grade.INADEQUATE: "#D55E00",
}
#: Each rating's colour (Okabe and Ito) and hatching, so red and green differ without hue.
RATING_COLOURS = {Rating.GREEN: "#009E73", Rating.AMBER: "#E69F00", Rating.RED: "#D55E00"}
_RATING_HATCHES = {Rating.GREEN: "", Rating.AMBER: "..", Rating.RED: "xx"}
_RATINGS_BEST_FIRST = (Rating.GREEN, Rating.AMBER, Rating.RED)
#: Colours and markers for the judgement lines of a grade history (Okabe and Ito, then grey).
_LINE_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
    "#999999",
)
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _text(value: str) -> str:
    """Text from a document, on one line (the figure shows it as it is: see :func:`figure`)."""
    return _CONTROL.sub(" ", value).strip()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _check_day(field: str, day: object) -> pendulum.Date:
    if not v.is_date(day):
        v.reject(field, day, "must be a pendulum.Date")
    return day  # type: ignore[return-value]


def _check_text(field: str, text: object) -> str:
    if not isinstance(text, str) or not _text(text):
        v.reject(field, text, "must be non-empty text")
    return _text(text)


@attrs.frozen(kw_only=True)
class GradeStep:
    """A grade an inspection gave, held from its day until the next graded inspection's.

    >>> import pendulum
    >>> step = GradeStep(
    ...     grade=Grade.GOOD,
    ...     start=pendulum.date(2019, 1, 1),
    ...     end=pendulum.date(2022, 5, 1),
    ...     framework="ilacs-2018",
    ... )
    >>> step.grade.label
    'Good'
    """

    grade: Grade
    start: pendulum.Date
    end: pendulum.Date
    framework: str


@attrs.frozen(kw_only=True)
class HistorySeries:
    """One judgement area's grades over time, labelled as its framework pack labels it.

    >>> HistorySeries(area="leaders", label="The impact of leaders", steps=()).label
    'The impact of leaders'
    """

    area: str
    label: str
    steps: tuple[GradeStep, ...]


@attrs.frozen(kw_only=True)
class Period:
    """The part of the picture's time when a framework version was in force.

    >>> import pendulum
    >>> Period(
    ...     framework="ilacs-2018", start=pendulum.date(2018, 1, 1), end=pendulum.date(2022, 12, 31)
    ... ).framework
    'ilacs-2018'
    """

    framework: str
    start: pendulum.Date
    end: pendulum.Date


@attrs.frozen(kw_only=True)
class GradeHistory:
    """An authority's grades for each judgement over time: what :func:`grade_history` draws.

    Attributes:
        authority: the authority's name.
        as_of: the last day shown; nothing published after it is.
        source: where the inspections come from.
        grades: the scale's grades, best first (the y axis, best at the top).
        grade_labels: how the newest framework shown prints them, in the same order.
        series: one per judgement area, in the newest framework's order.
        periods: the framework versions in force over the time shown.

    >>> import pendulum
    >>> history = GradeHistory(
    ...     authority="Haringey", as_of=pendulum.date(2026, 3, 1), source="Ofsted's reports"
    ... )
    >>> history.title
    "Haringey: grades at each inspection of children's services"
    """

    authority: str
    as_of: pendulum.Date
    source: str
    grades: tuple[Grade, ...] = tuple(sorted(Grade, reverse=True))
    grade_labels: tuple[str, ...] = tuple(grade.label for grade in sorted(Grade, reverse=True))
    series: tuple[HistorySeries, ...] = ()
    periods: tuple[Period, ...] = ()

    @property
    def title(self) -> str:
        """The picture's title."""
        return f"{self.authority}: grades at each inspection of children's services"

    @property
    def x_label(self) -> str:
        """What the x axis shows."""
        return "Publication of the report (the last day on site where not recorded)"

    @property
    def y_label(self) -> str:
        """What the y axis shows."""
        return "Grade"

    @property
    def note(self) -> str:
        """The line under the title: as of when, and from where."""
        return f"As of {format_date(self.as_of)}. Source: {self.source}."


@attrs.frozen(kw_only=True)
class StackedCounts:
    """Counts in categories on a series of days, drawn as stacked bars, best at the top.

    What :func:`grade_distribution` and :func:`plan_status` draw. With ``percent`` the
    bars show each category's share of the day's total, else the counts themselves.

    Attributes:
        title: the picture's title.
        y_label: what the bars measure.
        as_of: the day the data is as of (the last day shown).
        source: where the data comes from.
        categories: the categories' labels, best first.
        colours: their colours, in the same order.
        hatches: their hatching ("" for none), in the same order.
        days: the days, earliest first.
        counts: for each day, the count in each category, best first.
        percent: True to show shares of each day's total.
        notes: what else a reader must know to read it right, after the source.

    >>> import pendulum
    >>> picture = StackedCounts(
    ...     title="Ratings",
    ...     y_label="Actions",
    ...     as_of=pendulum.date(2019, 3, 1),
    ...     source="a plan",
    ...     categories=("Green", "Red"),
    ...     colours=("#009E73", "#D55E00"),
    ...     hatches=("", "xx"),
    ...     days=(pendulum.date(2019, 3, 1),),
    ...     counts=((2, 1),),
    ... )
    >>> picture.heights(), picture.totals()
    (((2.0, 1.0),), (3,))
    """

    title: str
    y_label: str
    as_of: pendulum.Date
    source: str
    categories: tuple[str, ...]
    colours: tuple[str, ...]
    hatches: tuple[str, ...]
    days: tuple[pendulum.Date, ...]
    counts: tuple[tuple[int, ...], ...]
    percent: bool = False
    notes: tuple[str, ...] = ()

    @property
    def x_label(self) -> str:
        """What the x axis shows."""
        return "Day"

    @property
    def note(self) -> str:
        """The line under the title: as of when, from where, and the notes."""
        return " ".join((f"As of {format_date(self.as_of)}. Source: {self.source}.", *self.notes))

    def totals(self) -> tuple[int, ...]:
        """Each day's total count."""
        return tuple(sum(row) for row in self.counts)

    def heights(self) -> tuple[tuple[float, ...], ...]:
        """The height of each category's bar on each day, best first: counts, or percentages."""
        if not self.percent:
            return tuple(tuple(float(n) for n in row) for row in self.counts)
        return tuple(
            tuple(100.0 * n / total if total else 0.0 for n in row)
            for row, total in zip(self.counts, self.totals(), strict=True)
        )


Picture = GradeHistory | StackedCounts
"""A picture's data: what :func:`figure`, :func:`render` and :func:`save` take."""


def _dated(inspection: Inspection) -> pendulum.Date:
    return inspection.published or inspection.on_site_end or inspection.on_site_start


def _area_labels(inspections: Sequence[Inspection]) -> dict[str, str]:
    """Each judged area's label, as the newest framework that has it prints it."""
    labels: dict[str, str] = {}
    for inspection in reversed(inspections):
        pack = inspection.framework_pack()
        for area in pack.judgement_areas:
            labels.setdefault(area.id, area.label)
    return labels


def _periods(start: pendulum.Date, end: pendulum.Date, series: set[str]) -> tuple[Period, ...]:
    found = []
    for pack in frameworks.all():
        until = pack.in_force_until or end
        if pack.series in series and pack.in_force_from <= end and until >= start:
            found.append(
                Period(framework=pack.id, start=max(start, pack.in_force_from), end=min(end, until))
            )
    return tuple(sorted(found, key=lambda period: period.start))


def grade_history(
    inspections: Iterable[Inspection],
    authority: str | int,
    *,
    as_of: pendulum.Date,
    source: str,
    areas: Sequence[str] | None = None,
) -> GradeHistory:
    """An authority's grade for each judgement at each graded inspection published by ``as_of``.

    Each grade holds from the inspection's day (its publication, or its last day on
    site where that is not recorded) until the authority's next graded inspection,
    or ``as_of``. A judgement area a framework version dropped simply ends there.
    ``authority`` is the authority's name (in any letter case) or its Ofsted URN, which
    also finds its inspections under an older name. ``areas`` keeps only the
    judgement areas named (by id), in that order.

    >>> import pendulum
    >>> from ilacs import InspectionKind, Judgement, LocalAuthority
    >>> def inspected(start, published, grade):
    ...     return Inspection(
    ...         authority=LocalAuthority(name="Haringey"),
    ...         kind=InspectionKind.STANDARD,
    ...         on_site_start=start,
    ...         published=published,
    ...         judgements=(Judgement(area="overall_effectiveness", grade=grade),),
    ...     )
    >>> history = grade_history(
    ...     [
    ...         inspected(
    ...             pendulum.date(2018, 10, 29),
    ...             pendulum.date(2018, 12, 14),
    ...             Grade.REQUIRES_IMPROVEMENT,
    ...         ),
    ...         inspected(pendulum.date(2023, 1, 30), pendulum.date(2023, 4, 11), Grade.GOOD),
    ...     ],
    ...     "Haringey",
    ...     as_of=pendulum.date(2025, 3, 31),
    ...     source="Ofsted's reports",
    ... )
    >>> [(str(step.start), str(step.end), step.grade.label) for step in history.series[0].steps]
    [('2018-12-14', '2023-04-11', 'Requires improvement to be good'), ('2023-04-11', '2025-03-31', 'Good')]
    >>> [period.framework for period in history.periods]
    ['ilacs-2018', 'ilacs-2023']
    """
    as_of = _check_day("as_of", as_of)
    source = _check_text("source", source)
    if isinstance(authority, int) and not isinstance(authority, bool):
        urn: int | None = authority
        key = ""
    else:
        urn, key = None, _check_text("authority", authority).casefold()
    if areas is not None and (
        isinstance(areas, str) or not all(isinstance(area, str) for area in areas)
    ):
        v.reject("areas", areas, "must be a list of judgement area ids")
    try:
        items = list(inspections)
    except TypeError:
        v.reject("inspections", inspections, "must be inspections")
    if not all(isinstance(item, Inspection) for item in items):
        v.reject("inspections", items[:3], "must all be Inspection values")
    graded = sorted(
        (
            item
            for item in items
            if (
                item.authority.urn == urn
                if urn is not None
                else item.authority.name.casefold() == key
            )
            and item.judgements
            and _dated(item) <= as_of
        ),
        key=lambda item: (_dated(item), item.on_site_start),
    )
    if not graded:
        v.reject(
            "authority",
            authority,
            f"has no graded inspection published by {format_date(as_of)} among these inspections",
        )
    labels = _area_labels(graded)
    wanted = list(labels) if areas is None else list(areas)
    unknown = [area for area in wanted if area not in labels]
    if unknown:
        v.reject(
            "areas", unknown, f"must be judgement areas of these inspections ({', '.join(labels)})"
        )
    ends = [_dated(item) for item in graded[1:]] + [as_of]
    series = []
    for area in wanted:
        steps = tuple(
            GradeStep(grade=grade, start=_dated(item), end=end, framework=item.framework)
            for item, end in zip(graded, ends, strict=True)
            if isinstance(grade := item.grade(area), Grade)  # pictures draw the four grades
        )
        if steps:
            series.append(HistorySeries(area=area, label=_text(labels[area]), steps=steps))
    newest = graded[-1].framework_pack().grade_scale
    grades = tuple(sorted(Grade, reverse=True))
    return GradeHistory(
        authority=_text(graded[-1].authority.name),
        as_of=as_of,
        source=source,
        grades=grades,
        grade_labels=tuple(newest.wording(grade) for grade in grades),
        series=tuple(series),
        periods=_periods(
            _dated(graded[0]), as_of, {item.framework_pack().series for item in graded}
        ),
    )


def grade_distribution(
    counts: Iterable[tuple[pendulum.Date, Mapping[Grade, int]]],
    *,
    area_label: str,
    who: str,
    source: str,
    grade_labels: Mapping[Grade, str] | None = None,
) -> StackedCounts:
    """The share of each grade on each day, from counts of grades by day (plain values).

    ``counts`` pairs each day with how many authorities had each grade then (a grade
    left out counts 0): for example each day's ``Distribution.counts`` from the
    national picture. ``who`` names whose grades they are ("England", "London",
    "Haringey's statistical neighbours"); ``grade_labels`` how to print the grades
    (Ofsted's labels unless told).

    >>> import pendulum
    >>> picture = grade_distribution(
    ...     [
    ...         (pendulum.date(2023, 3, 31), {Grade.GOOD: 1, Grade.INADEQUATE: 1}),
    ...         (pendulum.date(2024, 3, 31), {Grade.GOOD: 2}),
    ...     ],
    ...     area_label="Overall effectiveness",
    ...     who="Two authorities",
    ...     source="an illustration",
    ... )
    >>> picture.title
    'Two authorities: overall effectiveness, the share of each grade'
    >>> [row[1] for row in picture.heights()]
    [50.0, 100.0]
    """
    area_label = _check_text("area_label", area_label)
    who = _check_text("who", who)
    source = _check_text("source", source)
    grades = tuple(sorted(Grade, reverse=True))
    labels = dict(grade_labels or {})
    days: list[pendulum.Date] = []
    rows: list[tuple[int, ...]] = []
    for entry in counts:
        if not isinstance(entry, tuple) or len(entry) != 2:
            v.reject("counts", entry, "must be pairs of a day and the count of each grade")
        day, tally = entry
        day = _check_day("counts", day)
        if not isinstance(tally, Mapping) or not all(
            isinstance(grade, Grade) and isinstance(n, int) and not isinstance(n, bool) and n >= 0
            for grade, n in tally.items()
        ):
            v.reject("counts", tally, "must map each Grade to a whole number, 0 or more")
        if days and day <= days[-1]:
            v.reject("counts", day, f"must be in order of day, each after {days[-1]}")
        days.append(day)
        rows.append(tuple(tally.get(grade, 0) for grade in grades))
    if not days:
        v.reject("counts", [], "must hold at least one day")
    return StackedCounts(
        title=f"{who}: {_lower_first(area_label)}, the share of each grade",
        y_label="Share of the authorities graded (%)",
        as_of=days[-1],
        source=source,
        categories=tuple(_text(labels.get(grade, grade.label)) for grade in grades),
        colours=tuple(GRADE_COLOURS[grade] for grade in grades),
        hatches=tuple("" for _ in grades),
        days=tuple(days),
        counts=tuple(rows),
        percent=True,
    )


def _area_label(area: str) -> str:
    """The area's label in the newest framework version that has it."""
    for pack in sorted(frameworks.all(), key=lambda pack: pack.in_force_from, reverse=True):
        if area in pack.area_ids:
            return pack.area(area).label
    return area


def national_distribution(distributions: Iterable[Distribution], *, source: str) -> StackedCounts:
    """The share of each grade on each day, from :func:`ilacs.national.over_time`'s distributions.

    The distributions must be of one judgement and one group of authorities (England,
    a region, an authority's statistical neighbours), in order of day. The picture
    says which judgements of older framework versions are counted as this one, and
    how many authorities had no grade for it on the last day.

    >>> import pendulum
    >>> from ilacs import national
    >>> def on(day, counts):
    ...     return national.Distribution(
    ...         area="children_in_care",
    ...         as_of=day,
    ...         counts=tuple(
    ...             zip(
    ...                 (
    ...                     Grade.OUTSTANDING,
    ...                     Grade.GOOD,
    ...                     Grade.REQUIRES_IMPROVEMENT,
    ...                     Grade.INADEQUATE,
    ...                 ),
    ...                 counts,
    ...             )
    ...         ),
    ...         counted_as=("children_in_care_and_care_leavers",),
    ...     )
    >>> picture = national_distribution(
    ...     [
    ...         on(pendulum.date(2023, 3, 31), (1, 2, 1, 0)),
    ...         on(pendulum.date(2024, 3, 31), (1, 1, 1, 1)),
    ...     ],
    ...     source="an illustration",
    ... )
    >>> picture.title
    'England: the experiences and progress of children in care, the share of each grade'
    >>> [f"{row[0] + row[1]:.0f}%" for row in picture.heights()]
    ['75%', '50%']
    >>> print(picture.notes[0])
    Counted with it: the experiences and progress of children in care and care leavers (children_in_care_and_care_leavers).
    """
    source = _check_text("source", source)
    try:
        found = list(distributions)
    except TypeError:
        v.reject("distributions", distributions, "must be distributions (ilacs.national)")
    if not found or not all(isinstance(item, Distribution) for item in found):
        v.reject("distributions", found[:3], "must be one or more ilacs.national distributions")
    first = found[0]
    mixed = [item for item in found if (item.area, item.group) != (first.area, first.group)]
    if mixed:
        v.reject(
            "distributions",
            f"{mixed[0].area} of {mixed[0].group}",
            f"must all be of one judgement and group, as the first ({first.area} of {first.group})",
        )
    counted_as = sorted({area for item in found for area in item.counted_as})
    notes = []
    if counted_as:
        named = ", ".join(f"{_lower_first(_area_label(area))} ({area})" for area in counted_as)
        notes.append(f"Counted with it: {named}.")
    if found[-1].not_judged:
        notes.append(
            f"Not shown: {found[-1].not_judged} authorities whose latest inspection"
            " gave no grade for it on the last day."
        )
    picture = grade_distribution(
        [(item.as_of, dict(item.counts)) for item in found],
        area_label=_area_label(first.area),
        who=first.group[:1].upper() + first.group[1:],
        source=source,
    )
    return attrs.evolve(picture, notes=tuple(notes))


def plan_status(
    plan: ActionPlan,
    days: Iterable[pendulum.Date],
    *,
    source: str,
    due_soon: int = progress.DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
) -> StackedCounts:
    """How many of a plan's actions were red, amber and green on each day.

    Each day's counts are :func:`ilacs.progress.summarise` of the plan on that day.

    >>> import pendulum
    >>> from ilacs import serialisation, ActionPlan
    >>> with open("examples/data/haringey-2018-action-plan.json", encoding="utf-8") as file:
    ...     plan = serialisation.loads(file.read(), ActionPlan)
    >>> picture = plan_status(
    ...     plan, monthly(pendulum.date(2019, 1, 31), pendulum.date(2019, 4, 30)), source="the plan"
    ... )
    >>> picture.categories
    ('Green', 'Amber', 'Red')
    >>> picture.counts[0], picture.counts[-1]
    ((9, 0, 0), (5, 2, 2))
    """
    if not isinstance(plan, ActionPlan):
        v.reject("plan", plan, "must be an ActionPlan")
    source = _check_text("source", source)
    try:
        wanted = [_check_day("days", day) for day in days]
    except TypeError:
        v.reject("days", days, "must be days (pendulum.Date)")
    if not wanted:
        v.reject("days", wanted, "must hold at least one day")
    if any(later <= earlier for earlier, later in itertools.pairwise(wanted)):
        v.reject("days", wanted, "must be in order, each after the one before")
    rows = []
    for day in wanted:
        tally = progress.summarise(plan, day, due_soon=due_soon, calendar=calendar).counts
        rows.append(tuple(tally[rating] for rating in _RATINGS_BEST_FIRST))
    name = _text(plan.inspection.authority.name)
    return StackedCounts(
        title=f"{name}'s action plan: actions red, amber and green on each day",
        y_label="Actions",
        as_of=wanted[-1],
        source=source,
        categories=tuple(rating.value.capitalize() for rating in _RATINGS_BEST_FIRST),
        colours=tuple(RATING_COLOURS[rating] for rating in _RATINGS_BEST_FIRST),
        hatches=tuple(_RATING_HATCHES[rating] for rating in _RATINGS_BEST_FIRST),
        days=tuple(wanted),
        counts=tuple(rows),
    )


def monthly(start: pendulum.Date, end: pendulum.Date) -> tuple[pendulum.Date, ...]:
    """The same day of each month from ``start`` (the month's last day if shorter), and ``end``.

    >>> import pendulum
    >>> [str(day) for day in monthly(pendulum.date(2019, 1, 31), pendulum.date(2019, 4, 15))]
    ['2019-01-31', '2019-02-28', '2019-03-31', '2019-04-15']
    """
    start, end = _check_day("start", start), _check_day("end", end)
    if end < start:
        v.reject("end", end, f"must not be before the start {start}")
    days = []
    months = 0
    while (day := start.add(months=months)) < end:
        days.append(day)
        months += 1
    days.append(end)
    return tuple(days)


def _matplotlib() -> Any:  # noqa: ANN401 (the module, imported lazily)
    needed = {"extra": "pictures", "package": "matplotlib", "needed_for": "drawing pictures"}
    return require("matplotlib", **needed), require("matplotlib.figure", **needed).Figure


def _new_figure(picture: Picture, width: float, height: float) -> "tuple[Figure, Axes]":
    if isinstance(width, bool) or not isinstance(width, int | float) or not 4 <= width <= 50:
        v.reject("width", width, "must be a number of inches from 4 to 50")
    if isinstance(height, bool) or not isinstance(height, int | float) or not 3 <= height <= 50:
        v.reject("height", height, "must be a number of inches from 3 to 50")
    _, figure_class = _matplotlib()
    fig: Figure = figure_class(figsize=(width, height), layout="constrained")
    # About 10 characters an inch of the bold title, 14 of the small note.
    fig.suptitle(textwrap.fill(picture.title, int(width * 10)), fontweight="bold")
    axes = fig.add_subplot()
    axes.set_title(textwrap.fill(picture.note, int(width * 14)), fontsize="small", loc="left")
    axes.set_xlabel(picture.x_label)
    axes.set_ylabel(picture.y_label)
    return fig, axes


def _draw_history(history: GradeHistory, fig: "Figure", axes: "Axes") -> None:
    from matplotlib import dates  # noqa: PLC0415 (matplotlib is an optional extra)

    def number(day: pendulum.Date) -> float:
        return float(dates.date2num(day))  # type: ignore[no-untyped-call]

    ranks = {grade: rank for rank, grade in enumerate(reversed(history.grades))}
    for index, period in enumerate(history.periods):
        shade = 0.04 + 0.04 * (index % 2)
        axes.axvspan(number(period.start), number(period.end), color="#000000", alpha=shade, lw=0)
        axes.annotate(
            period.framework,
            xy=(number(period.start), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3),
            textcoords="offset points",
            va="top",
            fontsize="x-small",
            color="#444444",
        )
    count = len(history.series)
    spread = min(0.1, 0.6 / max(count, 1))
    for index, series in enumerate(history.series):
        offset = (index - (count - 1) / 2) * spread
        colour = _LINE_COLOURS[index % len(_LINE_COLOURS)]
        ys = [ranks[step.grade] + offset for step in series.steps]
        axes.hlines(
            ys,
            [number(step.start) for step in series.steps],
            [number(step.end) for step in series.steps],
            colors=colour,
            linewidth=2,
            gid=f"steps:{series.area}",
        )
        axes.plot(
            [number(step.start) for step in series.steps],
            ys,
            linestyle="none",
            marker=_MARKERS[index % len(_MARKERS)],
            color=colour,
            markeredgecolor="#000000",
            markeredgewidth=0.5,
            label=series.label,
            gid=f"marks:{series.area}",
        )
    axes.set_yticks(
        [ranks[grade] for grade in history.grades],
        [textwrap.fill(label, 20) for label in history.grade_labels],
    )
    axes.set_ylim(-0.5, len(history.grades) - 0.5)
    axes.xaxis.set_major_locator(dates.YearLocator())  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(dates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    axes.grid(axis="y", color="#dddddd")
    if history.series:
        fig.legend(loc="outside lower center", fontsize="small", title="Judgement")


def _tick(picture: StackedCounts, index: int) -> str:
    day = picture.days[index].format("D MMM YYYY")
    # A share says nothing without what it is a share of.
    return f"{day} (n={picture.totals()[index]})" if picture.percent else day


def _draw_stacked(picture: StackedCounts, fig: "Figure", axes: "Axes") -> None:
    positions = list(range(len(picture.days)))
    heights = picture.heights()
    bottoms = [0.0 for _ in positions]
    # Drawn worst first, so that the best is on top; the legend lists the best first.
    for index in reversed(range(len(picture.categories))):
        values = [row[index] for row in heights]
        axes.bar(
            positions,
            values,
            bottom=bottoms,
            color=picture.colours[index],
            hatch=picture.hatches[index] or None,
            edgecolor="#333333",
            linewidth=0.5,
            label=picture.categories[index],
            gid=f"bars:{index}",
        )
        bottoms = [bottom + value for bottom, value in zip(bottoms, values, strict=True)]
    every = max(1, len(positions) // 12)
    axes.set_xticks(
        positions[::every],
        [_tick(picture, index) for index in positions[::every]],
        rotation=45 if len(positions) > 3 else 0,
        ha="right" if len(positions) > 3 else "center",
    )
    if picture.percent:
        axes.set_ylim(0, 100)
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)
    handles, labels = axes.get_legend_handles_labels()
    # One row if the labels fit across (about 12 characters an inch), else two columns.
    fits = sum(len(label) + 6 for label in labels) <= fig.get_figwidth() * 12
    fig.legend(
        handles[::-1],
        labels[::-1],
        loc="outside lower center",
        ncols=len(labels) if fits else 2,
        fontsize="small",
    )


def figure(picture: Picture, *, width: float = 9.0, height: float | None = None) -> "Figure":
    """The picture drawn on a new matplotlib figure (no ``pyplot``), ``width`` by ``height`` inches.

    The height is 5.5 inches unless told, and more for a history of many judgements,
    whose legend lists each.

    Text from the data is shown as it is: no ``$`` in a name starts mathematics.

    >>> import pendulum
    >>> picture = grade_distribution(
    ...     [(pendulum.date(2024, 3, 31), {Grade.GOOD: 1})],
    ...     area_label="Overall effectiveness",
    ...     who="One authority",
    ...     source="an illustration",
    ... )
    >>> figure(picture).get_suptitle()
    'One authority: overall effectiveness, the share of each grade'
    """
    if not isinstance(picture, GradeHistory | StackedCounts):
        v.reject("picture", picture, "must be a GradeHistory or StackedCounts")
    if height is None:
        lines = len(picture.series) if isinstance(picture, GradeHistory) else 0
        height = max(5.5, 4.0 + 0.25 * lines)
    fig, axes = _new_figure(picture, width, height)
    if isinstance(picture, GradeHistory):
        _draw_history(picture, fig, axes)
    else:
        _draw_stacked(picture, fig, axes)
    from matplotlib.text import Text  # noqa: PLC0415 (matplotlib is an optional extra)

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def format_for(path: str | os.PathLike[str]) -> Format:
    """The format a file's extension asks for: ``.png`` or ``.svg``, in any letter case.

    >>> format_for("history.SVG")
    'svg'
    >>> format_for("history.jpg")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'path' must end in .png or .svg (got str 'history.jpg')
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        return "png"
    if suffix == ".svg":
        return "svg"
    return v.reject("path", os.fspath(path), "must end in .png or .svg")


def render(
    picture: Picture,
    format: Format,  # noqa: A002 (the word users know)
    *,
    width: float = 9.0,
    height: float | None = None,
    dpi: int = 150,
) -> bytes:
    """The picture as PNG or SVG bytes; SVG is UTF-8 text, with no date in it.

    >>> import pendulum
    >>> picture = grade_distribution(
    ...     [(pendulum.date(2024, 3, 31), {Grade.GOOD: 1})],
    ...     area_label="Overall effectiveness",
    ...     who="One authority",
    ...     source="an illustration",
    ... )
    >>> render(picture, "svg", width=4, height=3).startswith(b"<?xml")
    True
    """
    if format not in ("png", "svg"):
        v.reject("format", format, "must be 'png' or 'svg'")
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 10 <= dpi <= 1200:
        v.reject("dpi", dpi, "must be a whole number of dots per inch from 10 to 1200")
    fig = figure(picture, width=width, height=height)
    buffer = io.BytesIO()
    metadata = {"Date": None} if format == "svg" else {"Software": "ilacs with matplotlib"}
    fig.savefig(buffer, format=format, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def save(
    picture: Picture,
    path: str | os.PathLike[str],
    *,
    width: float = 9.0,
    height: float | None = None,
    dpi: int = 150,
) -> None:
    r"""Write the picture to ``path`` atomically, as PNG or SVG by its extension.

    >>> import pathlib, pendulum, tempfile
    >>> picture = grade_distribution(
    ...     [(pendulum.date(2024, 3, 31), {Grade.GOOD: 1})],
    ...     area_label="Overall effectiveness",
    ...     who="One authority",
    ...     source="an illustration",
    ... )
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "distribution.png"
    >>> save(picture, target, width=4, height=3, dpi=40)
    >>> target.read_bytes()[:4]
    b'\x89PNG'
    """
    kind = format_for(path)
    data = render(picture, kind, width=width, height=height, dpi=dpi)
    write_bytes_atomically(path, data)
