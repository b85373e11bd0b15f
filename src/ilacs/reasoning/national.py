"""The national picture: each authority's latest inspection as of a day, and how its grades fall.

Everything here is a pure function of inspections and an ``as_of`` date; nothing
reads the clock. The values it returns (tuples of :class:`~ilacs.Inspection`,
:class:`Distribution`, :class:`Comparison`) are for other tools to use: the command
line prints them, pictures draw them.

**Latest as of a day** means what Ofsted's "as at" statistics count: of the
inspections **published on or before** ``as_of``, each authority's most recent (by
publication day, then first day on site). An inspection whose publication day is
not recorded is not counted, since it is not known to have been published by then;
an authority abolished by ``as_of`` (Cumbria from 1 April 2023, say) is not counted
either, so its successors are not shadowed by its past. An authority is known by
its Ofsted URN (by its name where it has none).

**Which inspections**: by default the graded ones, those that carry judgements
(standard and short inspections under ILACS, single inspections under SIF); give
``kinds`` for the latest of those kinds instead (the latest focused visit, say),
graded or not. An authority whose latest graded inspection gives no grade for a
judgement (overall effectiveness under the 2026 framework, care leavers under the
2018 one) is counted as *not judged* on it, never by an older grade.

**Judgements across framework versions**: an inspection under a version without
the judgement asked for counts by the judgement of its version that the one asked
for carries on, as the framework packs say (each area's ``continues`` and
``counts_continued``), and as Ofsted's statistics count it: the 2018 framework's
combined judgement on children in care and care leavers is counted as
``children_in_care``, not as ``care_leavers``. The
distribution lists such judgements in ``counted_as``, so that it says what it is
made of.

>>> import pendulum
>>> from ilacs import Grade, importers, national
>>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
>>> picture = national.distribution(history, as_of=pendulum.date(2024, 3, 31))
>>> picture.total, picture.count(Grade.GOOD), f"{picture.good_or_better:.0%}"
(151, 64, '60%')
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.errors import UnknownAuthorityError, UnknownFrameworkError
from ilacs.frameworks.grades import Grade, outcome_value
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import FRAMEWORK_ID, IDENTIFIER, traced_areas
from ilacs.model import authorities as registry
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import Inspection

__all__ = [
    "ENGLAND",
    "OVERALL",
    "Comparison",
    "Distribution",
    "against_neighbours",
    "by_framework",
    "by_region",
    "distribution",
    "distributions",
    "latest",
    "over_time",
]

#: The group a distribution counts when no authorities are singled out.
ENGLAND = "England"
#: The judgement a distribution counts by default.
OVERALL = "overall_effectiveness"

_SCALE = tuple(sorted(Grade, reverse=True))
_GOOD_OR_BETTER = tuple(grade for grade in _SCALE if grade >= Grade.GOOD)
_SELECTED = "selected authorities"


def _is_count(number: object) -> bool:
    return isinstance(number, int) and not isinstance(number, bool) and number >= 0


def _counts_valid(_: object, attribute: "attrs.Attribute[Any]", counts: object) -> None:
    pairs = counts if isinstance(counts, tuple) else ()
    well_formed = len(pairs) == len(_SCALE) and all(
        isinstance(pair, tuple) and len(pair) == 2 and pair[0] is grade and _is_count(pair[1])
        for pair, grade in zip(pairs, _SCALE, strict=False)
    )
    if not well_formed:
        scale = ", ".join(grade.value for grade in _SCALE)
        v.reject(
            attribute.name,
            counts,
            f"must pair every grade of the scale, best first ({scale}), with a count, 0 or more",
        )


@attrs.frozen(kw_only=True)
class Distribution:
    """How one judgement's grades fall across authorities' latest inspections as of a day.

    Attributes:
        area: the judgement area counted, by id.
        as_of: the day: only inspections published by then count.
        group: the authorities counted: ``"England"`` (every authority in the
            inspections given), a region's name, ``"statistical neighbours of X"``
            or ``"selected authorities"``.
        framework: when the distribution counts only latest inspections under one
            framework version, its id; otherwise None.
        counts: every grade of the scale, best first, with how many authorities'
            latest inspections gave it (zeros included).
        not_judged: authorities whose latest inspection gives no grade for the area.
        counted_as: judgement areas of other framework versions counted as this one.

    >>> import pendulum
    >>> picture = Distribution(
    ...     area="overall_effectiveness",
    ...     as_of=pendulum.date(2024, 3, 31),
    ...     counts=(
    ...         (Grade.OUTSTANDING, 27),
    ...         (Grade.GOOD, 64),
    ...         (Grade.REQUIRES_IMPROVEMENT, 44),
    ...         (Grade.INADEQUATE, 16),
    ...     ),
    ... )
    >>> picture.total, f"{picture.good_or_better:.1%}", f"{picture.share(Grade.INADEQUATE):.1%}"
    (151, '60.3%', '10.6%')
    """

    area: str = attrs.field(validator=v.matches(IDENTIFIER, "a judgement area id"))
    as_of: pendulum.Date = attrs.field(validator=v.date)
    group: str = attrs.field(default=ENGLAND, validator=v.text)
    framework: str | None = attrs.field(
        default=None, validator=v.optional(v.matches(FRAMEWORK_ID, "a framework id"))
    )
    counts: tuple[tuple[Grade, int], ...] = attrs.field(validator=_counts_valid)
    not_judged: int = attrs.field(default=0, validator=[v.instance_of(int), v.at_least(0)])
    counted_as: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.matches(IDENTIFIER, "a judgement area id"))
    )

    @property
    def total(self) -> int:
        """How many authorities have a grade for the area: the sum of the counts."""
        return sum(number for _, number in self.counts)

    @property
    def inspected(self) -> int:
        """How many authorities have a latest inspection: graded on the area or not."""
        return self.total + self.not_judged

    def count(self, grade: Grade) -> int:
        """How many authorities' latest inspections gave ``grade``."""
        if not isinstance(grade, Grade):
            v.reject("grade", grade, "must be a Grade")
        return dict(self.counts)[grade]

    def share(self, *grades: Grade) -> float | None:
        """The share (0 to 1) of the graded authorities given one of ``grades``.

        None when no authority has a grade for the area: there is nothing to share.
        """
        if not grades:
            v.reject("grades", grades, "must name at least one grade")
        found = sum(self.count(grade) for grade in set(grades))
        return found / self.total if self.total else None

    @property
    def good_or_better(self) -> float | None:
        """The share of the graded authorities judged good or outstanding, as Ofsted reports it."""
        return self.share(*_GOOD_OR_BETTER)


@attrs.frozen(kw_only=True)
class Comparison:
    """An authority's latest grade on a judgement beside its statistical neighbours' distribution.

    Attributes:
        authority: the authority, as the registry knows it.
        inspection: its latest inspection as of the day, or None if it has none.
        grade: that inspection's grade for the area, or None if it gives none.
        neighbours: the distribution among its statistical neighbours.

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> haringey = national.against_neighbours(
    ...     history, "Haringey", as_of=pendulum.date(2024, 3, 31)
    ... )
    >>> haringey.grade.label, haringey.neighbours.group, haringey.neighbours.total
    ('Good', 'statistical neighbours of Haringey', 10)
    """

    authority: LocalAuthority = attrs.field(validator=v.instance_of(LocalAuthority))
    inspection: Inspection | None = attrs.field(validator=v.optional(v.instance_of(Inspection)))
    grade: Grade | None = attrs.field(validator=v.optional(v.instance_of(Grade)))
    neighbours: Distribution = attrs.field(validator=v.instance_of(Distribution))


# Checking the arguments: bad input is a ValidationError naming the argument.


def _check_as_of(as_of: object) -> pendulum.Date:
    if not v.is_date(as_of):
        v.reject("as_of", as_of, "must be a pendulum.Date (the day the picture is taken)")
    return as_of  # type: ignore[return-value]


def _check_inspections(inspections: object) -> tuple[Inspection, ...]:
    return v.items_of("inspections", inspections, Inspection, "Inspection values")


def _check_kinds(kinds: object) -> frozenset[InspectionKind] | None:
    if kinds is None:
        return None
    if isinstance(kinds, InspectionKind):
        return frozenset({kinds})
    if isinstance(kinds, str | bytes) or not isinstance(kinds, Iterable):
        v.reject("kinds", kinds, "must be inspection kinds, such as (InspectionKind.STANDARD,)")
    found = tuple(kinds)
    for kind in found:
        if not isinstance(kind, InspectionKind):
            v.reject("kinds", kind, "must hold only InspectionKind members")
    if not found:
        v.reject("kinds", kinds, "must name at least one kind (None means the graded ones)")
    return frozenset(found)


def _check_urns(urns: object) -> frozenset[int] | None:
    if urns is None:
        return None
    if isinstance(urns, str | bytes) or not isinstance(urns, Iterable):
        v.reject("authorities", urns, "must be a collection of Ofsted URNs (whole numbers)")
    found = tuple(urns)
    for urn in found:
        if isinstance(urn, bool) or not isinstance(urn, int):
            v.reject("authorities", urn, "must hold only Ofsted URNs (whole numbers)")
    return frozenset(found)


def _check_area(area: object) -> str:
    if not isinstance(area, str) or not any(area in pack.area_ids for pack in frameworks.all()):
        known = sorted({area_id for pack in frameworks.all() for area_id in pack.area_ids})
        v.reject(
            "area", area, f"must be a judgement area of a framework version ({', '.join(known)})"
        )
    return area


# Latest inspections.

_Key = int | str


def _key(authority: LocalAuthority) -> _Key:
    return authority.urn if authority.urn is not None else authority.name


def _existed(authority: LocalAuthority, as_of: pendulum.Date) -> bool:
    """False for an authority the registry knows was abolished by ``as_of``."""
    try:
        found = registry.record(authority.urn if authority.urn is not None else authority.name)
    except UnknownAuthorityError:
        return True  # not in the registry: nothing says it was abolished
    return found.replaced_on is None or found.replaced_on > as_of


def _recency(
    inspection: Inspection,
) -> tuple[pendulum.Date, pendulum.Date, pendulum.Date, str, str, tuple[tuple[str, str], ...]]:
    # Publication day first, as Ofsted counts; the rest only so that ties fall the same
    # way whatever order the inspections come in (between inspections alike in all of
    # these, the first given is kept).
    return (
        inspection.published or inspection.on_site_start,
        inspection.on_site_start,
        inspection.on_site_end or inspection.on_site_start,
        inspection.kind.value,
        inspection.framework,
        tuple(sorted((item.area, outcome_value(item.grade)) for item in inspection.judgements)),
    )


def _order(inspection: Inspection) -> tuple[str, int, str]:
    name = inspection.authority.name
    return (name.casefold(), inspection.authority.urn or 0, name)


def _latest(
    inspections: tuple[Inspection, ...],
    as_of: pendulum.Date,
    kinds: frozenset[InspectionKind] | None,
    urns: frozenset[int] | None,
) -> tuple[Inspection, ...]:
    chosen: dict[_Key, Inspection] = {}
    existed: dict[_Key, bool] = {}
    for inspection in inspections:
        if inspection.published is None or inspection.published > as_of:
            continue
        if not (inspection.is_graded if kinds is None else inspection.kind in kinds):
            continue
        if urns is not None and inspection.authority.urn not in urns:
            continue
        key = _key(inspection.authority)
        if key not in existed:
            existed[key] = _existed(inspection.authority, as_of)
        if not existed[key]:
            continue
        held = chosen.get(key)
        if held is None or _recency(inspection) > _recency(held):
            chosen[key] = inspection
    return tuple(sorted(chosen.values(), key=_order))


def latest(
    inspections: Iterable[Inspection],
    *,
    as_of: pendulum.Date,
    kinds: Collection[InspectionKind] | None = None,
    authorities: Collection[int] | None = None,
) -> tuple[Inspection, ...]:
    """Each authority's latest inspection as of a day, one per authority, by authority name.

    Latest as of ``as_of`` means published on or before it (see the module's text);
    by default only graded inspections count, ``kinds`` chooses others, and
    ``authorities`` (a collection of Ofsted URNs: a region, statistical neighbours)
    keeps only those authorities.

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> found = national.latest(history, as_of=pendulum.date(2024, 3, 31))
    >>> len(found), found[0].authority.name, str(found[0].published)
    (151, 'Barking and Dagenham', '2023-09-04')
    >>> haringey = national.latest(history, as_of=pendulum.date(2024, 3, 31), authorities={80498})
    >>> [(item.authority.name, str(item.on_site_start)) for item in haringey]
    [('Haringey', '2023-02-13')]
    """
    return _latest(
        _check_inspections(inspections),
        _check_as_of(as_of),
        _check_kinds(kinds),
        _check_urns(authorities),
    )


# Distributions.


def _grade(inspection: Inspection, area: str) -> tuple[Grade, str] | None:
    """The inspection's grade for ``area`` (or the area it carries on), and the area it came from."""
    # The national picture counts Ofsted's four grades; another scale's outcome is not one.
    grade = inspection.grade(area)
    if isinstance(grade, Grade):
        return grade, area
    for other, _ in traced_areas(area, frameworks.all(), inspection.framework, counted=True):
        grade = inspection.grade(other)
        if other != area and isinstance(grade, Grade):
            return grade, other
    return None


def _tally(
    found: tuple[Inspection, ...],
    *,
    area: str,
    as_of: pendulum.Date,
    group: str,
    framework: str | None = None,
) -> Distribution:
    counts = dict.fromkeys(_SCALE, 0)
    not_judged = 0
    others: dict[str, None] = {}
    for inspection in found:
        graded = _grade(inspection, area)
        if graded is None:
            not_judged += 1
            continue
        grade, source = graded
        counts[grade] += 1
        if source != area:
            others[source] = None
    return Distribution(
        area=area,
        as_of=as_of,
        group=group,
        framework=framework,
        counts=tuple(counts.items()),
        not_judged=not_judged,
        counted_as=tuple(sorted(others)),
    )


def distribution(  # noqa: PLR0913 (keyword-only: the picture's filters)
    inspections: Iterable[Inspection],
    *,
    as_of: pendulum.Date,
    area: str = OVERALL,
    kinds: Collection[InspectionKind] | None = None,
    authorities: Collection[int] | None = None,
    group: str | None = None,
) -> Distribution:
    """How the grades for one judgement fall across authorities' latest inspections as of a day.

    ``authorities`` (Ofsted URNs) restricts it to a group: a region, statistical
    neighbours; ``group`` names them in the result (by default ``"England"``, or
    ``"selected authorities"`` when ``authorities`` is given).

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> care = national.distribution(
    ...     history, as_of=pendulum.date(2024, 3, 31), area="children_in_care"
    ... )
    >>> care.counts[0], care.total, care.counted_as
    ((<Grade.OUTSTANDING: 'outstanding'>, 25), 151, ('children_in_care_and_care_leavers',))
    >>> leavers = national.distribution(
    ...     history, as_of=pendulum.date(2024, 3, 31), area="care_leavers"
    ... )
    >>> leavers.total, leavers.not_judged
    (44, 107)
    """
    urns = _check_urns(authorities)
    day = _check_as_of(as_of)
    found = _latest(_check_inspections(inspections), day, _check_kinds(kinds), urns)
    group = _group(group, urns)
    return _tally(found, area=_check_area(area), as_of=day, group=group)


def _group(group: object, urns: frozenset[int] | None) -> str:
    if group is None:
        return ENGLAND if urns is None else _SELECTED
    if not isinstance(group, str) or not group.strip():
        v.reject("group", group, "must name the authorities counted, such as 'London'")
    return group


def _default_areas(found: tuple[Inspection, ...]) -> tuple[str, ...]:
    """Every judgement the latest inspections' framework versions make, newest version first.

    An area counted as another (the 2018 combined judgement on children in care and
    care leavers, as children in care) is not listed again.
    """
    packs = {}
    for inspection in found:
        if inspection.framework not in packs:
            try:
                packs[inspection.framework] = inspection.framework_pack()
            except UnknownFrameworkError:
                continue
    ordered = sorted(packs.values(), key=lambda pack: pack.in_force_from, reverse=True)
    areas: dict[str, None] = {}
    for pack in ordered:
        # The overall judgement first, as Ofsted's statistics print it.
        overall = [item for item in pack.judgement_areas if item is pack.overall_area]
        rest = [item for item in pack.judgement_areas if item is not pack.overall_area]
        for item in (*overall, *rest):
            if item.id in areas:
                continue
            covered = any(
                found == item.id
                for other in areas
                if other != item.id
                for found, _ in traced_areas(other, frameworks.all(), pack.id, counted=True)
            )
            if not covered:
                areas[item.id] = None
    return tuple(areas)


def distributions(  # noqa: PLR0913 (keyword-only: the picture's filters)
    inspections: Iterable[Inspection],
    *,
    as_of: pendulum.Date,
    areas: Iterable[str] | None = None,
    kinds: Collection[InspectionKind] | None = None,
    authorities: Collection[int] | None = None,
    group: str | None = None,
) -> tuple[Distribution, ...]:
    """One distribution for each judgement: those given, or every one the latest inspections make.

    By default the areas are those of the framework versions of the latest
    inspections, newest version first, each with its overall judgement first and
    the rest in the order its reports print them; an area counted as another is not
    listed twice.

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> for item in national.distributions(history, as_of=pendulum.date(2024, 3, 31)):
    ...     print(f"{item.area}: {item.total} graded, {item.good_or_better:.0%} good or better")
    overall_effectiveness: 151 graded, 60% good or better
    leaders: 151 graded, 63% good or better
    help_and_protection: 151 graded, 52% good or better
    children_in_care: 151 graded, 64% good or better
    care_leavers: 44 graded, 61% good or better
    """
    urns = _check_urns(authorities)
    day = _check_as_of(as_of)
    found = _latest(_check_inspections(inspections), day, _check_kinds(kinds), urns)
    if areas is None:
        chosen = _default_areas(found)
    elif isinstance(areas, str) or not isinstance(areas, Iterable):
        v.reject("areas", areas, "must be a collection of judgement area ids")
    else:
        chosen = tuple(dict.fromkeys(_check_area(area) for area in areas))
    group = _group(group, urns)
    return tuple(_tally(found, area=area, as_of=day, group=group) for area in chosen)


def by_region(
    inspections: Iterable[Inspection],
    *,
    as_of: pendulum.Date,
    area: str = OVERALL,
    kinds: Collection[InspectionKind] | None = None,
) -> tuple[Distribution, ...]:
    """One distribution for each Ofsted region, in the registry's order of regions.

    A region's authorities are those the registry places in it, abolished ones
    included (they count only while they existed).

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> london = national.by_region(history, as_of=pendulum.date(2024, 3, 31))[2]
    >>> london.group, london.total, f"{london.good_or_better:.0%}"
    ('London', 33, '85%')
    """
    day = _check_as_of(as_of)
    every = _check_inspections(inspections)
    chosen_kinds = _check_kinds(kinds)
    chosen_area = _check_area(area)
    result = []
    for region in registry.regions():
        members = registry.in_region(region, include_abolished=True)
        urns = frozenset(item.urn for item in members if item.urn is not None)
        found = _latest(every, day, chosen_kinds, urns)
        result.append(_tally(found, area=chosen_area, as_of=day, group=region))
    return tuple(result)


def by_framework(  # noqa: PLR0913 (keyword-only: the picture's filters)
    inspections: Iterable[Inspection],
    *,
    as_of: pendulum.Date,
    area: str = OVERALL,
    kinds: Collection[InspectionKind] | None = None,
    authorities: Collection[int] | None = None,
    group: str | None = None,
) -> tuple[Distribution, ...]:
    """The distribution split by the framework version of each authority's latest inspection.

    One distribution for each version under which some authority's latest
    inspection was made, oldest version first; each counts only those authorities.

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> for item in national.by_framework(history, as_of=pendulum.date(2024, 3, 31)):
    ...     print(item.framework, item.total, f"{item.good_or_better:.0%}")
    ilacs-2018 107 61%
    ilacs-2023 44 59%
    """
    urns = _check_urns(authorities)
    day = _check_as_of(as_of)
    found = _latest(_check_inspections(inspections), day, _check_kinds(kinds), urns)
    chosen_area = _check_area(area)
    split: defaultdict[str, list[Inspection]] = defaultdict(list)
    for inspection in found:
        split[inspection.framework].append(inspection)

    def first_day(framework: str) -> tuple[pendulum.Date, str]:
        return (min(item.on_site_start for item in split[framework]), framework)

    group = _group(group, urns)
    return tuple(
        _tally(
            tuple(split[framework]), area=chosen_area, as_of=day, group=group, framework=framework
        )
        for framework in sorted(split, key=first_day)
    )


def against_neighbours(
    inspections: Iterable[Inspection],
    authority: str | int,
    *,
    as_of: pendulum.Date,
    area: str = OVERALL,
    kinds: Collection[InspectionKind] | None = None,
) -> Comparison:
    """An authority's latest grade beside the distribution among its statistical neighbours.

    ``authority`` is anything :func:`ilacs.authorities.get` takes: a name, an Ofsted
    URN, a DfE or ONS code. The neighbours are the registry's (see
    :func:`ilacs.authorities.neighbours`). See :class:`Comparison` for an example.
    """
    day = _check_as_of(as_of)
    every = _check_inspections(inspections)
    chosen_kinds = _check_kinds(kinds)
    chosen_area = _check_area(area)
    found = registry.record(authority)
    members = registry.neighbours(authority)
    urns = frozenset(item.urn for item in members if item.urn is not None)
    peers = _latest(every, day, chosen_kinds, urns)
    group = f"statistical neighbours of {found.name}"
    own = _latest(every, day, chosen_kinds, None)
    mine = next((item for item in own if _key(item.authority) == _key(found.authority)), None)
    graded = None if mine is None else _grade(mine, chosen_area)
    return Comparison(
        authority=found.authority,
        inspection=mine,
        grade=None if graded is None else graded[0],
        neighbours=_tally(peers, area=chosen_area, as_of=day, group=group),
    )


def over_time(  # noqa: PLR0913 (keyword-only: the picture's filters)
    inspections: Iterable[Inspection],
    *,
    days: Iterable[pendulum.Date],
    area: str = OVERALL,
    kinds: Collection[InspectionKind] | None = None,
    authorities: Collection[int] | None = None,
    group: str | None = None,
) -> tuple[Distribution, ...]:
    """The distribution as of each of ``days``, in the order given: the picture over time.

    >>> import pendulum
    >>> from ilacs import importers, national
    >>> history = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv").inspections
    >>> days = [pendulum.date(year, 3, 31) for year in range(2019, 2026)]
    >>> for item in national.over_time(history, days=days):
    ...     print(item.as_of, item.total, f"{item.good_or_better:.0%}")
    2019-03-31 41 56%
    2020-03-31 96 52%
    2021-03-31 102 52%
    2022-03-31 120 54%
    2023-03-31 151 58%
    2024-03-31 151 60%
    2025-03-31 153 65%
    """
    given: object = days
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        v.reject("days", given, "must be a collection of pendulum.Date values")
    every = _check_inspections(inspections)
    urns = _check_urns(authorities)
    chosen_kinds = _check_kinds(kinds)
    chosen_area = _check_area(area)
    group = _group(group, urns)
    return tuple(
        _tally(
            _latest(every, _check_as_of(day), chosen_kinds, urns),
            area=chosen_area,
            as_of=day,
            group=group,
        )
        for day in days
    )
