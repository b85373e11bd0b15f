"""The national picture: latest inspections as of a day, and distributions, on Ofsted's own data."""

import datetime
import importlib
from collections.abc import Callable

import attrs
import pendulum
import pytest
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Grade,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    authorities,
    frameworks,
    importers,
    national,
)
from ilacs.errors import IlacsError, UnknownAuthorityError, ValidationError

MARCH_2024 = pendulum.date(2024, 3, 31)
MARCH_2025 = pendulum.date(2025, 3, 31)
HARINGEY = 80498


class TestOfstedsPublishedFigures:
    """The library reproduces Ofsted's official statistics from the inspections alone."""

    def test_sixty_per_cent_of_authorities_were_good_or_outstanding_at_31_march_2024(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Ofsted's published figure: 60% good or outstanding overall, as at 31 March 2024."""
        overall = national.distribution(official_inspections, as_of=MARCH_2024)
        assert overall.area == "overall_effectiveness"
        assert overall.group == national.ENGLAND
        assert overall.total == 151
        assert overall.good_or_better is not None
        assert round(overall.good_or_better * 100) == 60
        assert overall.counts == (
            (Grade.OUTSTANDING, 27),
            (Grade.GOOD, 64),
            (Grade.REQUIRES_IMPROVEMENT, 44),
            (Grade.INADEQUATE, 16),
        )

    def test_every_authority_has_its_latest_grade_at_31_march_2025(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """All 153 authorities had a graded inspection by then: 65% good or outstanding."""
        overall = national.distribution(official_inspections, as_of=MARCH_2025)
        assert overall.total == 153
        assert overall.not_judged == 0
        assert f"{overall.good_or_better:.0%}" == "65%"

    def test_the_latest_inspection_is_the_one_published_last_by_the_day(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Haringey's 2023 inspection was published on 11 April 2023; before that, 2018's."""
        before = national.latest(
            official_inspections, as_of=pendulum.date(2023, 4, 10), authorities={HARINGEY}
        )
        on_the_day = national.latest(
            official_inspections, as_of=pendulum.date(2023, 4, 11), authorities={HARINGEY}
        )
        assert [str(item.on_site_start) for item in before] == ["2018-10-29"]
        assert [str(item.on_site_start) for item in on_the_day] == ["2023-02-13"]

    def test_an_abolished_authority_counts_only_while_it_existed(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Cumbria (abolished 1 April 2023) is in the picture at 31 March 2023, not a day later."""
        cumbria = authorities.get("Cumbria").urn
        assert cumbria is not None
        day = pendulum.date(2023, 3, 31)
        assert national.latest(official_inspections, as_of=day, authorities={cumbria})
        assert not national.latest(
            official_inspections, as_of=day.add(days=1), authorities={cumbria}
        )

    def test_the_2018_combined_judgement_counts_as_children_in_care_and_says_so(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """As Ofsted's statistics count it; care leavers, a 2023 judgement, is not judged before."""
        care = national.distribution(
            official_inspections, as_of=MARCH_2024, area="children_in_care"
        )
        assert care.counted_as == ("children_in_care_and_care_leavers",)
        assert (care.total, care.count(Grade.GOOD)) == (151, 71)
        leavers = national.distribution(official_inspections, as_of=MARCH_2024, area="care_leavers")
        assert (leavers.total, leavers.not_judged, leavers.counted_as) == (44, 107, ())

    def test_what_counts_as_what_is_the_packs_data_not_their_labels(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """With children in care's 'counts_continued' turned off, 2018 inspections are not judged."""
        pack = frameworks.get("ilacs-2023")
        areas = tuple(
            attrs.evolve(area, counts_continued=False) if area.id == "children_in_care" else area
            for area in pack.judgement_areas
        )
        with frameworks.scoped(attrs.evolve(pack, judgement_areas=areas)):
            care = national.distribution(
                official_inspections, as_of=MARCH_2024, area="children_in_care"
            )
        assert (care.total, care.not_judged, care.counted_as) == (44, 107, ())

    def test_the_distribution_of_every_judgement_leads_with_overall_effectiveness(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """The default areas are the newest framework's, overall first, none twice."""
        found = national.distributions(official_inspections, as_of=MARCH_2024)
        assert [item.area for item in found] == [
            "overall_effectiveness",
            "leaders",
            "help_and_protection",
            "children_in_care",
            "care_leavers",
        ]

    def test_the_regions_and_the_framework_versions_add_up_to_england(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Every authority is in one region and its latest inspection under one version."""
        england = national.distribution(official_inspections, as_of=MARCH_2024)
        regions = national.by_region(official_inspections, as_of=MARCH_2024)
        versions = national.by_framework(official_inspections, as_of=MARCH_2024)
        assert [item.group for item in regions] == list(authorities.regions())
        assert [item.framework for item in versions] == ["ilacs-2018", "ilacs-2023"]
        for split in (regions, versions):
            for grade, number in england.counts:
                assert sum(item.count(grade) for item in split) == number
        london = next(item for item in regions if item.group == "London")
        assert (london.total, f"{london.good_or_better:.0%}") == (33, "85%")

    def test_an_authority_stands_beside_its_statistical_neighbours(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Haringey, good overall in 2023, among ten neighbours of whom eight are good or better."""
        comparison = national.against_neighbours(official_inspections, "309", as_of=MARCH_2024)
        assert comparison.authority.name == "Haringey"
        assert comparison.grade is Grade.GOOD
        assert comparison.inspection is not None
        assert str(comparison.inspection.published) == "2023-04-11"
        assert comparison.neighbours.group == "statistical neighbours of Haringey"
        assert comparison.neighbours.total == 10
        assert f"{comparison.neighbours.good_or_better:.0%}" == "80%"

    def test_the_picture_over_time_is_the_picture_as_of_each_day(
        self, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """over_time gives, for each day in turn, what distribution gives for that day."""
        days = [pendulum.date(2019, 3, 31), MARCH_2024]
        found = national.over_time(official_inspections, days=days)
        assert [item.as_of for item in found] == days
        assert found[1] == national.distribution(official_inspections, as_of=MARCH_2024)
        assert found[0].total == 41

    def test_the_latest_focused_visit_is_found_when_asked_for(self) -> None:
        """Asked for, the latest of other kinds: the ungraded visits of Ofsted's in-year activity."""
        visits = importers.inyear(DATA / "ofsted_mi_inyear_activity_2022_2025.csv").inspections
        found = national.latest(visits, as_of=MARCH_2025, kinds=[InspectionKind.FOCUSED_VISIT])
        assert found
        assert {item.kind for item in found} == {InspectionKind.FOCUSED_VISIT}
        assert (
            national.latest(
                visits, as_of=MARCH_2025, kinds=[InspectionKind.JOINT_TARGETED_AREA_INSPECTION]
            )
            == ()
        )


def _inspection(
    name: str, *, published: pendulum.Date | None, grade: Grade = Grade.GOOD
) -> Inspection:
    return Inspection(
        authority=LocalAuthority(name=name),
        kind=InspectionKind.STANDARD,
        on_site_start=pendulum.date(2023, 6, 5),
        published=published,
        judgements=(Judgement(area="overall_effectiveness", grade=grade),),
    )


class TestSayingOnlyWhatIsKnown:
    """What is not known is not counted, and a share of nothing is no share."""

    def test_an_inspection_without_a_publication_day_is_not_counted(self) -> None:
        """It is not known to have been published by the day."""
        found = national.latest(
            [_inspection("Haringey", published=None)], as_of=pendulum.date(2030, 1, 1)
        )
        assert found == ()

    def test_a_share_of_no_authorities_is_none_not_zero(self) -> None:
        """No graded authority: no share to give."""
        empty = national.distribution([], as_of=MARCH_2024)
        assert empty.total == 0
        assert empty.counts == tuple((grade, 0) for grade in sorted(Grade, reverse=True))
        assert empty.good_or_better is None

    def test_an_authority_the_registry_does_not_know_still_counts(self) -> None:
        """Nothing says it was abolished."""
        found = national.latest(
            [_inspection("Borsetshire", published=pendulum.date(2023, 8, 1))], as_of=MARCH_2024
        )
        assert [item.authority.name for item in found] == ["Borsetshire"]


def _datetime() -> pendulum.DateTime:
    return pendulum.datetime(2024, 3, 31)


BAD_CALLS: list[tuple[str, Callable[[], object], str]] = [
    (
        "a date-time",
        lambda: national.latest([], as_of=_datetime()),
        "'as_of' must be a pendulum.Date (the day the picture is taken) (got",
    ),
    (
        "a stdlib date",
        lambda: national.distribution([], as_of=datetime.date(2024, 3, 31)),  # type: ignore[arg-type]
        "'as_of' must be a pendulum.Date",
    ),
    (
        "one inspection, not a collection",
        lambda: national.latest(_inspection("Haringey", published=None), as_of=MARCH_2024),  # type: ignore[arg-type]
        "'inspections' must be a collection of Inspection values",
    ),
    (
        "something else among the inspections",
        lambda: national.latest(["Haringey"], as_of=MARCH_2024),  # type: ignore[list-item]
        "'inspections' must hold only Inspection values (got str 'Haringey')",
    ),
    (
        "an unknown area",
        lambda: national.distribution([], as_of=MARCH_2024, area="overall"),
        "'area' must be a judgement area of a framework version (",
    ),
    (
        "a kind given as text",
        lambda: national.latest([], as_of=MARCH_2024, kinds=["standard"]),  # type: ignore[list-item]
        "'kinds' must hold only InspectionKind members (got str 'standard')",
    ),
    (
        "no kinds",
        lambda: national.latest([], as_of=MARCH_2024, kinds=[]),
        "'kinds' must name at least one kind",
    ),
    (
        "authorities by name",
        lambda: national.latest([], as_of=MARCH_2024, authorities=["Haringey"]),  # type: ignore[list-item]
        "'authorities' must hold only Ofsted URNs (whole numbers) (got str 'Haringey')",
    ),
    (
        "areas as one text",
        lambda: national.distributions([], as_of=MARCH_2024, areas="leaders"),
        "'areas' must be a collection of judgement area ids",
    ),
    (
        "a share of no grades",
        lambda: national.distribution([], as_of=MARCH_2024).share(),
        "'grades' must name at least one grade",
    ),
    (
        "a share of a grade's label",
        lambda: national.distribution([], as_of=MARCH_2024).share("Good"),  # type: ignore[arg-type]
        "'grade' must be a Grade (got str 'Good')",
    ),
    (
        "a blank group",
        lambda: national.distribution([], as_of=MARCH_2024, group=" "),
        "'group' must name the authorities counted",
    ),
    (
        "an unknown region",
        lambda: authorities.in_region("Wessex"),
        "'region' must be an Ofsted region: 'East Midlands',",
    ),
]


class TestBadInput:
    """Bad arguments are library errors naming the argument, the rule and the value."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [pytest.param(call, message, id=what) for what, call, message in BAD_CALLS],
    )
    def test_a_bad_argument_is_refused_by_name(
        self, call: Callable[[], object], message: str
    ) -> None:
        """The message names the argument and the rule."""
        with pytest.raises(ValidationError) as raised:
            call()
        assert str(raised.value).startswith(message)

    def test_an_unknown_authority_to_compare_is_an_unknown_authority(self) -> None:
        """The registry's own error, with its suggestion."""
        with pytest.raises(UnknownAuthorityError, match="did you mean 'Haringey'"):
            national.against_neighbours([], "Haringy", as_of=MARCH_2024)

    @pytest.mark.parametrize(
        "counts",
        [
            ((Grade.GOOD, 1),),
            tuple((grade, 0) for grade in sorted(Grade)),
            tuple((grade, -1) for grade in sorted(Grade, reverse=True)),
            tuple((grade, True) for grade in sorted(Grade, reverse=True)),
            "good",
        ],
        ids=["not every grade", "worst first", "negative", "a boolean", "text"],
    )
    def test_a_distribution_pairs_every_grade_best_first_with_a_count(self, counts: object) -> None:
        """Construction refuses counts that are not the whole scale, best first."""
        with pytest.raises(ValidationError, match="'counts' must pair every grade of the scale"):
            national.Distribution(area="leaders", as_of=MARCH_2024, counts=counts)  # type: ignore[arg-type]

    def test_a_distribution_changed_through_evolve_is_checked_again(self) -> None:
        """attrs.evolve validates as construction does."""
        picture = national.distribution([], as_of=MARCH_2024)
        with pytest.raises(IlacsError, match="'not_judged'"):
            attrs.evolve(picture, not_judged=-1)


# Properties, on inspections of a few real authorities (so that several share one).

_AUTHORITIES = (
    *(
        authorities.get(name)
        for name in ("Haringey", "Cumbria", "Cumberland", "Barnsley", "Northamptonshire")
    ),
    LocalAuthority(name="Borsetshire"),
)
_KINDS = (InspectionKind.STANDARD, InspectionKind.SHORT, InspectionKind.FOCUSED_VISIT)


@st.composite
def _inspections(draw: st.DrawFn) -> Inspection:
    # A few days often, so that inspections of one authority tie on their dates.
    start = draw(
        st.sampled_from([datetime.date(2019, 5, 13), datetime.date(2023, 2, 13)])
        | st.dates(datetime.date(2018, 1, 1), datetime.date(2026, 12, 31))
    )
    on_site = pendulum.date(start.year, start.month, start.day)
    pack = frameworks.for_date(on_site)
    kind = draw(st.sampled_from(_KINDS))
    graded = kind in pack.graded_kinds()
    delay = draw(st.none() | st.sampled_from([0, 50]) | st.integers(min_value=0, max_value=120))
    return Inspection(
        authority=draw(st.sampled_from(_AUTHORITIES)),
        kind=kind,
        on_site_start=on_site,
        published=None if delay is None else on_site.add(days=delay),
        judgements=tuple(
            Judgement(area=area, grade=draw(st.sampled_from(Grade))) for area in pack.area_ids
        )
        if graded
        else (),
    )


_DAYS = st.dates(datetime.date(2018, 1, 1), datetime.date(2027, 12, 31)).map(
    lambda day: pendulum.date(day.year, day.month, day.day)
)
_HISTORIES = st.lists(_inspections(), max_size=12)
_AREAS = st.sampled_from(["overall_effectiveness", "leaders", "children_in_care", "care_leavers"])


class TestProperties:
    """What holds for any inspections and any day."""

    @given(history=_HISTORIES, day=_DAYS, area=_AREAS)
    def test_the_counts_sum_to_the_total_and_cover_every_latest_inspection(
        self, history: list[Inspection], day: pendulum.Date, area: str
    ) -> None:
        """The total is the sum of the counts; with those not judged, every authority counted."""
        picture = national.distribution(history, as_of=day, area=area)
        assert picture.total == sum(number for _, number in picture.counts)
        assert picture.inspected == len(national.latest(history, as_of=day))
        assert [grade for grade, _ in picture.counts] == sorted(Grade, reverse=True)

    @given(history=_HISTORIES, day=_DAYS)
    def test_latest_has_one_inspection_per_authority_and_none_after_the_day(
        self, history: list[Inspection], day: pendulum.Date
    ) -> None:
        """One each, published by the day, none of its own later by then, none abolished by then."""
        found = national.latest(history, as_of=day)
        names = [item.authority.name for item in found]
        assert len(names) == len(set(names))
        for item in found:
            assert item.published is not None
            assert item.published <= day
            assert item.is_graded
            if item.authority.urn is not None:  # abolished by the day: not in the picture
                replaced = authorities.record(item.authority.urn).replaced_on
                assert replaced is None or day < replaced
            later = [
                other
                for other in history
                if other.authority == item.authority
                and other.is_graded
                and other.published is not None
                and item.published < other.published <= day
            ]
            assert not later

    @given(data=st.data(), history=_HISTORIES, day=_DAYS)
    def test_the_order_of_the_inspections_given_does_not_matter(
        self, data: st.DataObject, history: list[Inspection], day: pendulum.Date
    ) -> None:
        """The same inspections in any order give the same picture, in a stable order."""
        shuffled = data.draw(st.permutations(history))
        assert national.latest(shuffled, as_of=day) == national.latest(history, as_of=day)


class TestRegistry:
    """The registry carries DfE's statistical neighbours, from the community lookup."""

    def test_every_current_authority_has_ten_current_neighbours_other_than_itself(self) -> None:
        """Each current authority: ten distinct current neighbours; abolished ones none."""
        for record in authorities.records(include_abolished=True):
            found = authorities.neighbours(record.name)
            if not record.is_current:
                assert found == ()
                continue
            assert len(set(found)) == 10, record.name
            assert record.authority not in found
            assert all(authorities.record(item.name).is_current for item in found)

    def test_the_neighbours_are_the_lookups_in_its_order(self) -> None:
        """Haringey's, as the lookup lists them (DfE codes 320, 307, 209, ...)."""
        assert [item.dfe_code for item in authorities.neighbours("Haringey")][:3] == [
            "320",
            "307",
            "209",
        ]

    def test_the_regions_hold_every_current_authority_once(self) -> None:
        """Eight Ofsted regions, 153 authorities between them."""
        regions = authorities.regions()
        assert len(regions) == 8
        members = [item for region in regions for item in authorities.in_region(region)]
        assert sorted(item.name for item in members) == sorted(
            item.name for item in authorities.all()
        )


class TestPublicModule:
    """ilacs.national is the public path of ilacs.reasoning.national."""

    def test_it_exports_the_home_modules_names_sorted_and_documented(self) -> None:
        """Same __all__, sorted as ruff sorts it, and every callable documented."""
        public = importlib.import_module("ilacs.national")
        home = importlib.import_module("ilacs.reasoning.national")
        assert public.__all__ == home.__all__
        assert public.__doc__ == home.__doc__
        constants = [name for name in public.__all__ if name.isupper()]
        classes = [name for name in public.__all__ if name[0].isupper() and not name.isupper()]
        functions = [name for name in public.__all__ if name[0].islower()]
        assert public.__all__ == [*sorted(constants), *sorted(classes), *sorted(functions)]
        for name in public.__all__:
            value = getattr(public, name)
            if callable(value):
                assert value.__doc__, name
