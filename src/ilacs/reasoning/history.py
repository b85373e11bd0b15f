"""An authority's journey: its inspections and visits in order, its grades over time, what is due next.

A :class:`History` holds one authority's inspections of every kind and framework
series (full inspections, focused visits, monitoring visits, JTAIs, and any other
series' inspections, such as area SEND), in the order of their first day on site,
with the Department for Education's interventions beside them. Build it from the
importers (Ofsted's official history and its in-year activity, see :func:`merged`)
or by hand. Everything is a pure function of records and an explicit ``as_of``.

What is due next is said twice, never as one number: **Ofsted's stated intention**
(the next full inspection about three years, give or take six months, after the
last: a window from the framework pack, not law), and **what the national record
shows**: the months between an authority's full inspections, by the previous
grade, computed by :func:`observed_gaps` from whatever inspections it is given, so
it is refreshed with the data. An authority whose latest full inspection was
inadequate follows another path (monitoring visits, then re-inspection when Ofsted
judges it ready), for which the sources give no window, and none is given.

>>> import pendulum
>>> from ilacs import importers
>>> from ilacs.history import History, merged, observed_gaps
>>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
>>> inyear = importers.inyear("tests/data/ofsted_mi_inyear_activity_2022_2025.csv").inspections
>>> haringey = History.of(80498, merged(official, inyear))
>>> for event in haringey.events:
...     print(event.on_site_start, event.kind.value, event.topic or "-")
2018-10-29 standard -
2023-02-13 standard -
2025-02-11 focused_visit Achieving permanence
>>> gaps = observed_gaps(official)
>>> gaps.count(), gaps.within(36 - 6, 36 + 6)
(115, 23)
"""

import itertools
import statistics
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.base.text import format_date
from ilacs.errors import UnknownFrameworkError
from ilacs.frameworks.grades import Grade, Outcome
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import traced_areas
from ilacs.model.authority import LocalAuthority
from ilacs.model.history import Intervention, InterventionKind
from ilacs.model.inspections import Inspection
from ilacs.reasoning import deadlines

__all__ = [
    "FULL_KINDS",
    "GapDistribution",
    "History",
    "Intervention",
    "InterventionKind",
    "NextInspection",
    "TrajectoryPoint",
    "histories",
    "merged",
    "months_between",
    "observed_gaps",
]

#: The kinds that are full inspections: graded, and the start of a new inspection cycle.
FULL_KINDS = frozenset(
    {InspectionKind.SINGLE_INSPECTION, InspectionKind.STANDARD, InspectionKind.SHORT}
)

_Key = int | str


def _key(authority: LocalAuthority) -> _Key:
    return authority.urn if authority.urn is not None else authority.name.casefold()


def _wanted(authority: object) -> _Key:  # noqa: RET503 (reject raises)
    if isinstance(authority, LocalAuthority):
        return _key(authority)
    if isinstance(authority, int) and not isinstance(authority, bool):
        return authority
    if isinstance(authority, str) and authority.strip():
        return authority.strip().casefold()
    v.reject("authority", authority, "must be a LocalAuthority, an Ofsted URN or a name")


def _matches(authority: LocalAuthority, key: _Key) -> bool:
    if isinstance(key, int):
        return authority.urn == key
    return authority.name.casefold() == key


def _order(inspection: Inspection) -> tuple[pendulum.Date, pendulum.Date, str]:
    return (
        inspection.on_site_start,
        inspection.published or inspection.on_site_start,
        inspection.kind.value,
    )


def _inspections(inspections: object) -> tuple[Inspection, ...]:
    return v.items_of("inspections", inspections, Inspection, "Inspection values")


def months_between(start: pendulum.Date, end: pendulum.Date) -> int:
    """Whole calendar months from ``start`` to ``end`` (negative when ``end`` is earlier).

    >>> months_between(pendulum.date(2018, 10, 29), pendulum.date(2023, 2, 13))
    51
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def merged(*sources: Iterable[Inspection]) -> tuple[Inspection, ...]:
    """The inspections of several sources, each once: the first given of the same authority, kind and day.

    Ofsted's official history and its in-year activity both list the full
    inspections of recent years; give the richer source first (the official
    history carries the grades).

    >>> from ilacs import importers
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> inyear = importers.inyear("tests/data/ofsted_mi_inyear_activity_2022_2025.csv")
    >>> (
    ...     len(official.inspections),
    ...     len(inyear.inspections),
    ...     len(merged(official.inspections, inyear.inspections)),
    ... )
    (271, 330, 459)
    """
    seen: set[tuple[_Key, str, pendulum.Date]] = set()
    kept: list[Inspection] = []
    for source in sources:
        for inspection in _inspections(source):
            key = (_key(inspection.authority), inspection.kind.value, inspection.on_site_start)
            if key not in seen:
                seen.add(key)
                kept.append(inspection)
    return tuple(kept)


def _deciding_grade(inspection: Inspection) -> Grade | None:
    """Overall effectiveness where the framework has it, else the worst judgement (ilacs's assumption)."""
    try:
        overall = inspection.framework_pack().overall_area
    except UnknownFrameworkError:
        overall = None
    if overall is not None:
        grade = inspection.grade(overall.id)
        return grade if isinstance(grade, Grade) else None
    grades = [item.grade for item in inspection.judgements if isinstance(item.grade, Grade)]
    return min(grades) if grades else None


def _is_full(inspection: Inspection) -> bool:
    return inspection.kind in FULL_KINDS


@attrs.frozen(kw_only=True)
class TrajectoryPoint:
    """One grade in a judgement's trajectory: the inspection, the grade, and the area it was given under.

    ``area`` differs from the area asked for when an earlier framework version
    judged it under another area that the area asked for carries on, as the packs'
    ``continues`` say (the 2018 framework's children in care and care leavers, for
    children in care and for care leavers); ``combined`` is true when that area was
    a combined judgement, later split in two.

    >>> TrajectoryPoint(
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ...     framework="ilacs-2018",
    ...     area="children_in_care_and_care_leavers",
    ...     grade=Grade.REQUIRES_IMPROVEMENT,
    ... ).grade.label
    'Requires improvement to be good'
    """

    on_site_start: pendulum.Date = attrs.field(validator=v.date)
    framework: str = attrs.field(validator=v.text)
    area: str = attrs.field(validator=v.text)
    grade: Outcome = attrs.field(validator=v.instance_of((Grade, str)))
    combined: bool = attrs.field(default=False, validator=v.instance_of(bool))


@attrs.frozen(kw_only=True)
class GapDistribution:
    """The months between an authority's consecutive full inspections, by the earlier one's grade.

    Computed by :func:`observed_gaps` from the inspections it is given; ``gaps``
    holds, for each grade, the gaps in months in ascending order.

    >>> gaps = GapDistribution(gaps=((Grade.GOOD, (40, 50, 60)),))
    >>> gaps.median(Grade.GOOD), gaps.count(Grade.GOOD), gaps.within(30, 42)
    (50, 3, 1)
    """

    gaps: tuple[tuple[Grade, tuple[int, ...]], ...] = attrs.field(
        validator=v.tuple_of(v.instance_of(tuple))
    )

    def of(self, grade: Grade | None = None) -> tuple[int, ...]:
        """The gaps after ``grade`` (all of them when None), ascending."""
        found = [months for held, gaps in self.gaps if grade in {None, held} for months in gaps]
        return tuple(sorted(found))

    def count(self, grade: Grade | None = None) -> int:
        """How many re-inspections there are (after ``grade``)."""
        return len(self.of(grade))

    def median(self, grade: Grade | None = None) -> float | int | None:
        """The median gap in months (after ``grade``), None when there is none."""
        found = self.of(grade)
        return statistics.median(found) if found else None

    def quartiles(self, grade: Grade | None = None) -> tuple[float, float, float] | None:
        """The lower quartile, the median and the upper quartile (after ``grade``), or None."""
        found = self.of(grade)
        if len(found) < 2:
            return None
        low, middle, high = statistics.quantiles(found, n=4, method="inclusive")
        return low, middle, high

    def within(self, low: int, high: int, grade: Grade | None = None) -> int:
        """How many gaps (after ``grade``) fall from ``low`` to ``high`` months, both included."""
        return sum(1 for months in self.of(grade) if low <= months <= high)

    def table(self) -> str:
        """A Markdown table: for each previous grade, the count, quartiles and range in months.

        >>> print(GapDistribution(gaps=((Grade.GOOD, (40, 50, 60)),)).table())
        | previous grade | re-inspections | lower quartile | median | upper quartile | shortest | longest |
        |---|---|---|---|---|---|---|
        | Good | 3 | 45 | 50 | 55 | 40 | 60 |
        | all | 3 | 45 | 50 | 55 | 40 | 60 |
        """
        lines = [
            (
                "| previous grade | re-inspections | lower quartile | median | upper quartile"
                " | shortest | longest |"
            ),
            "|---|---|---|---|---|---|---|",
        ]
        rows: list[tuple[str, Grade | None]] = [
            (grade.label, grade) for grade, _ in sorted(self.gaps, key=lambda item: item[0])
        ]
        rows.reverse()
        rows.append(("all", None))
        for label, grade in rows:
            found = self.of(grade)
            quartiles = self.quartiles(grade)
            low, middle, high = (
                (f"{number:g}" for number in quartiles) if quartiles else ("", "", "")
            )
            lines.append(
                f"| {label} | {len(found)} | {low} | {middle} | {high}"
                f" | {min(found, default='')} | {max(found, default='')} |"
            )
        return "\n".join(lines)


def observed_gaps(inspections: Iterable[Inspection]) -> GapDistribution:
    """What the national record shows: months between each authority's consecutive full inspections.

    For each authority, its full inspections (standard, short, single) by first day
    on site; for each one after the first, the months since the one before, filed
    under the earlier one's deciding grade (overall effectiveness, or the worst
    judgement where the framework has none). A full inspection without a deciding
    grade starts the next gap but files none. Computed from the data, not typed in:
    give it the latest import to refresh it.

    >>> from ilacs import importers
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> gaps = observed_gaps(official)
    >>> gaps.count(Grade.REQUIRES_IMPROVEMENT), gaps.median(Grade.REQUIRES_IMPROVEMENT)
    (41, 50)
    """
    found: dict[Grade, list[int]] = {}
    for history in histories(inspections):
        full = history.full_inspections
        for earlier, later in itertools.pairwise(full):
            grade = _deciding_grade(earlier)
            if grade is not None:
                found.setdefault(grade, []).append(
                    months_between(earlier.on_site_start, later.on_site_start)
                )
    return GapDistribution(
        gaps=tuple((grade, tuple(sorted(found[grade]))) for grade in sorted(found, reverse=True))
    )


@attrs.frozen(kw_only=True)
class NextInspection:
    """What is due next and why: Ofsted's stated intention beside what the record shows.

    Attributes:
        as_of: the day asked about.
        last: the latest full inspection begun on or before ``as_of`` (None: none).
        grade: its deciding grade (None where not known).
        pathway: "inadequate" (monitoring, then re-inspection), "window" (the
            stated intention applies), or "not_known".
        stated: the framework's next-inspection deadline (the stated intention),
            where a window applies.
        observed: the months between full inspections after the same grade in the
            record given, as (lower quartile, median, upper quartile), or None.
        observed_count: how many re-inspections that is drawn from.
        months_since: whole months from the last full inspection's first day to ``as_of``.
        reason: the answer in words.

    >>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
    >>> sefton = LocalAuthority(name="Sefton")
    >>> inadequate = Inspection(
    ...     authority=sefton,
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2022, 2, 7),
    ...     judgements=(Judgement(area="overall_effectiveness", grade=Grade.INADEQUATE),),
    ... )
    >>> due = History.of(sefton, [inadequate]).due_next(pendulum.date(2022, 9, 1))
    >>> due.pathway, due.stated, due.months_since
    ('inadequate', None, 6)
    """

    as_of: pendulum.Date = attrs.field(validator=v.date)
    last: Inspection | None = attrs.field(validator=v.optional(v.instance_of(Inspection)))
    grade: Grade | None = attrs.field(validator=v.optional(v.instance_of(Grade)))
    pathway: str = attrs.field(
        validator=v.matches("inadequate|window|not_known", "inadequate, window or not_known")
    )
    stated: deadlines.Deadline | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(deadlines.Deadline))
    )
    observed: tuple[float, float, float] | None = attrs.field(default=None)
    observed_count: int = attrs.field(default=0, validator=v.instance_of(int))
    months_since: int | None = attrs.field(default=None)
    reason: str = attrs.field(validator=v.text)

    def __str__(self) -> str:
        return self.reason


_INADEQUATE_PATHWAY = (
    "an authority judged inadequate is monitored (an action-planning visit, then"
    " monitoring visits about quarterly, per Ofsted's handbook 'Monitoring local authority"
    " children's services judged inadequate', May 2016) and re-inspected when Ofsted"
    " judges it ready; the sources give no window for the re-inspection"
)


def _observed_text(observed: GapDistribution, grade: Grade) -> tuple[Any, int, str]:
    quartiles = observed.quartiles(grade)
    count = observed.count(grade)
    if quartiles is None:
        return None, count, f"the record given holds {count} re-inspections after {grade.label}"
    low, middle, high = quartiles
    return (
        quartiles,
        count,
        (
            f"the national record given shows {count} re-inspections after {grade.label}:"
            f" half came {low:g} to {high:g} months after the inspection before"
            f" (median {middle:g})"
        ),
    )


@attrs.frozen(kw_only=True)
class History:
    """One authority's inspections and visits of every kind and series, in order, with its interventions.

    Attributes:
        authority: the authority (as its latest record names it).
        events: its inspections, by first day on site (then publication, then kind).
        interventions: the Department for Education's interventions, by start.

    >>> import pendulum
    >>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
    >>> haringey = LocalAuthority(name="Haringey", urn=80498)
    >>> def full(start, grade):
    ...     return Inspection(
    ...         authority=haringey,
    ...         kind=InspectionKind.STANDARD,
    ...         on_site_start=start,
    ...         judgements=(Judgement(area="overall_effectiveness", grade=grade),),
    ...     )
    >>> history = History.of(
    ...     haringey,
    ...     [
    ...         full(pendulum.date(2023, 2, 13), Grade.GOOD),
    ...         full(pendulum.date(2018, 10, 29), Grade.REQUIRES_IMPROVEMENT),
    ...     ],
    ... )
    >>> [str(point.grade.label) for point in history.trajectory("overall_effectiveness")]
    ['Requires improvement to be good', 'Good']
    >>> history.months_since_last_full(pendulum.date(2025, 2, 13))
    24
    """

    authority: LocalAuthority = attrs.field(validator=v.instance_of(LocalAuthority))
    events: tuple[Inspection, ...] = attrs.field(validator=v.tuple_of(v.instance_of(Inspection)))
    interventions: tuple[Intervention, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Intervention))
    )

    @classmethod
    def of(
        cls,
        authority: LocalAuthority | int | str,
        inspections: Iterable[Inspection],
        *,
        interventions: Iterable[Intervention] = (),
    ) -> "History":
        """The history of ``authority`` (a value, an Ofsted URN or a name) among ``inspections``.

        Every inspection of that authority is kept, none merged or dropped: pass
        the sources through :func:`merged` first when they overlap.
        """
        key = _wanted(authority)
        events: list[Inspection] = sorted(
            (item for item in _inspections(inspections) if _matches(item.authority, key)),
            key=_order,
        )
        found = tuple(item for item in interventions if _matches(_checked(item).authority, key))
        if isinstance(authority, LocalAuthority):
            held = authority
        elif events:
            held = events[-1].authority
        elif found:
            held = found[-1].authority
        else:
            v.reject("authority", authority, "has no inspection among those given")
        return cls(
            authority=held,
            events=tuple(events),
            interventions=tuple(sorted(found, key=lambda item: item.start)),
        )

    @property
    def full_inspections(self) -> tuple[Inspection, ...]:
        """The full inspections (standard, short, single), in order."""
        return tuple(item for item in self.events if _is_full(item))

    def _index(self, event: Inspection) -> int:  # noqa: RET503 (reject raises)
        for index, held in enumerate(self.events):
            if held is event or held == event:
                return index
        v.reject("event", event, f"is not in {self.authority.name}'s history")

    def previous(self, event: Inspection) -> Inspection | None:
        """The event before ``event`` in this history, or None for the first."""
        index = self._index(event)
        return self.events[index - 1] if index else None

    def next(self, event: Inspection) -> Inspection | None:
        """The event after ``event`` in this history, or None for the last."""
        index = self._index(event)
        return self.events[index + 1] if index + 1 < len(self.events) else None

    def trajectory(self, area: str) -> tuple[TrajectoryPoint, ...]:
        """The grades given for ``area`` across framework versions, in order.

        An inspection whose framework has no such area counts by the area of its
        version that ``area`` carries on (the packs' ``continues``, followed back
        version by version), and the point says which area that was and whether it
        was a combined judgement: care leavers reaches back to the 2018 judgement
        on children in care and care leavers.
        """
        points = []
        for event in self.events:
            found = _graded(event, area)
            if found is not None:
                grade, source, combined = found
                points.append(
                    TrajectoryPoint(
                        on_site_start=event.on_site_start,
                        framework=event.framework,
                        area=source,
                        grade=grade,
                        combined=combined,
                    )
                )
        return tuple(points)

    def last_full(self, as_of: pendulum.Date) -> Inspection | None:
        """The latest full inspection begun on or before ``as_of``."""
        _check_day(as_of)
        found = [item for item in self.full_inspections if item.on_site_start <= as_of]
        return found[-1] if found else None

    def months_since_last_full(self, as_of: pendulum.Date) -> int | None:
        """Whole months from the last full inspection's first day on site to ``as_of``."""
        last = self.last_full(as_of)
        return None if last is None else months_between(last.on_site_start, as_of)

    def under_intervention(self, day: pendulum.Date) -> tuple[Intervention, ...]:
        """The interventions in force on ``day`` (empty: none recorded as in force).

        An empty answer means none is *recorded*: a history holds only the
        interventions it was given.
        """
        _check_day(day)
        return tuple(item for item in self.interventions if item.in_force(day))

    def due_next(
        self, as_of: pendulum.Date, *, observed: GapDistribution | None = None
    ) -> NextInspection:
        """What is due next as of ``as_of``, and why (see the module's text).

        ``observed`` is the national record's gaps (from :func:`observed_gaps`); give
        it to have the answer say what the record shows beside the stated intention.
        """
        last = self.last_full(as_of)
        since = self.months_since_last_full(as_of)
        if last is None:
            return NextInspection(
                as_of=as_of,
                last=None,
                grade=None,
                pathway="not_known",
                reason=f"no full inspection of {self.authority.name} is recorded"
                f" on or before {format_date(as_of)}, so what is due next is not known",
            )
        grade = _deciding_grade(last)
        when = f"the last full inspection began on {format_date(last.on_site_start)}"
        if grade is None:
            return NextInspection(
                as_of=as_of,
                last=last,
                grade=None,
                pathway="not_known",
                months_since=since,
                reason=f"{when}, but its grade is not recorded, so which path follows is not known",
            )
        if grade is Grade.INADEQUATE:
            return NextInspection(
                as_of=as_of,
                last=last,
                grade=grade,
                pathway="inadequate",
                months_since=since,
                reason=f"{when} and was judged {grade.label}: {_INADEQUATE_PATHWAY}",
            )
        window = next(
            (
                item
                for item in deadlines.for_inspection(last)
                if item.rule.is_window
                and item.status is not deadlines.DeadlineStatus.DOES_NOT_APPLY
            ),
            None,
        )
        stated = window if window and window.status is deadlines.DeadlineStatus.DUE else None
        parts = [f"{when} ({grade.label}, {since} months before {format_date(as_of)})"]
        if window is not None:
            parts.append(f"Ofsted's stated intention: {window}")
        quartiles, count = None, 0
        if observed is not None:
            quartiles, count, text = _observed_text(observed, grade)
            parts.append(text)
        return NextInspection(
            as_of=as_of,
            last=last,
            grade=grade,
            pathway="window",
            stated=stated,
            observed=quartiles,
            observed_count=count,
            months_since=since,
            reason="; ".join(parts),
        )


def _checked(item: object) -> Intervention:
    if not isinstance(item, Intervention):
        v.reject("interventions", item, "must hold only Intervention values")
    return item


def _check_day(day: object) -> None:
    if not v.is_date(day):
        v.reject("as_of", day, "must be a pendulum.Date (a date without a time)")


def _graded(inspection: Inspection, area: str) -> tuple[Outcome, str, bool] | None:
    grade = inspection.grade(area)
    if grade is not None:
        return grade, area, False
    from ilacs import frameworks  # noqa: PLC0415 (the registry, only when areas are traced)

    for other, combined in traced_areas(area, frameworks.all(), inspection.framework):
        grade = inspection.grade(other)
        if grade is not None and other != area:
            return grade, other, combined
    return None


def histories(
    inspections: Iterable[Inspection], *, interventions: Iterable[Intervention] = ()
) -> tuple[History, ...]:
    """One :class:`History` for each authority among ``inspections``, by authority name.

    An authority is known by its Ofsted URN (by its name where it has none).

    >>> from ilacs import importers
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> found = histories(official)
    >>> len(found), sum(len(history.events) for history in found)
    (156, 271)
    """
    found = _inspections(inspections)
    given = tuple(_checked(item) for item in interventions)
    groups: dict[_Key, list[Inspection]] = {}
    for inspection in found:
        groups.setdefault(_key(inspection.authority), []).append(inspection)
    result = []
    for group in groups.values():
        events = tuple(sorted(group, key=_order))
        key = _key(events[-1].authority)
        result.append(
            History(
                authority=events[-1].authority,
                events=events,
                interventions=tuple(
                    sorted(
                        (item for item in given if _key(item.authority) == key),
                        key=lambda item: item.start,
                    )
                ),
            )
        )
    return tuple(sorted(result, key=lambda history: history.authority.name.casefold()))
