"""Tests for the framework packs and the ilacs.frameworks registry."""

import itertools
import json
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given

from ilacs import AreaRole, Grade, InspectionKind, frameworks, strategies
from ilacs.errors import (
    DocumentError,
    FrameworkError,
    IlacsError,
    UnknownFrameworkError,
    ValidationError,
)
from ilacs.frameworks.pack import traced_areas

BUILT_IN = (
    "sif-2013",
    "jtai-2016",
    "area-send-2016",
    "ilacs-2018",
    "area-send-2023",
    "ilacs-2023",
    "ilacs-2026",
)
ILACS_SERIES = ("sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026")

BY_FIRST_DAY_OF_FIELDWORK = [
    (pendulum.date(2014, 5, 20), "sif-2013"),
    (pendulum.date(2013, 11, 1), "sif-2013"),
    (pendulum.date(2017, 12, 31), "sif-2013"),
    (pendulum.date(2018, 1, 1), "ilacs-2018"),
    (pendulum.date(2018, 10, 29), "ilacs-2018"),
    (pendulum.date(2022, 12, 5), "ilacs-2018"),
    (pendulum.date(2023, 1, 16), "ilacs-2023"),
    (pendulum.date(2026, 1, 12), "ilacs-2023"),
    (pendulum.date(2026, 3, 16), "ilacs-2023"),
    (pendulum.date(2026, 4, 27), "ilacs-2026"),
    (pendulum.date(2031, 6, 2), "ilacs-2026"),
]

AREAS = {
    "sif-2013": [
        "help_and_protection",
        "looked_after_and_permanence",
        "adoption_performance",
        "care_leavers",
        "leadership",
        "overall_effectiveness",
    ],
    "ilacs-2018": [
        "leaders",
        "help_and_protection",
        "children_in_care_and_care_leavers",
        "overall_effectiveness",
    ],
    "ilacs-2023": [
        "leaders",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
        "overall_effectiveness",
    ],
    "ilacs-2026": ["leaders", "help_and_protection", "children_in_care", "care_leavers"],
}

REPORT_LABELS = [
    (
        "ilacs-2018",
        "The impact of leaders on social work practice with children and families",
        "leaders",
    ),
    (
        "ilacs-2018",
        "The experiences and progress of children who need help and protection",
        "help_and_protection",
    ),
    (
        "ilacs-2018",
        "The experiences and progress of children in care and care leavers",
        "children_in_care_and_care_leavers",
    ),
    ("ilacs-2018", "Overall effectiveness", "overall_effectiveness"),
    ("ilacs-2023", "The experiences and progress of children in care", "children_in_care"),
    ("ilacs-2023", "The experiences and progress of care leavers", "care_leavers"),
    ("ilacs-2026", "The impact of leaders on practice with children and families", "leaders"),
    ("sif-2013", "Children who need help and protection", "help_and_protection"),
]

BAD_PACKS = [
    (
        {"schema_version": 3},
        r"\$\.schema_version: the document has schema version 3, newer than version 2",
    ),
    (
        {"document_type": "inspection"},
        r"\$\.document_type: must be 'framework' \(got str 'inspection'\)",
    ),
    ({"colour": "blue"}, r"\$: unknown key\(s\) colour"),
    ({"in_force_from": "01/01/2018"}, r"\$\.in_force_from: expected an ISO 8601 date"),
    (
        {"in_force_from": "2018-02-30"},
        r"\$\.in_force_from: '2018-02-30' is not a date on the calendar",
    ),
    (
        {"in_force_until": "2017-01-01"},
        r"'in_force_until' must not be before 'in_force_from' 2018-01-01",
    ),
    ({"name": 2018}, r"\$\.name: expected a string, got int 2018"),
    ({"name": None}, r"\$\.name: expected a string, got NoneType None"),
    ({"notes": "one note"}, r"\$\.notes: expected a list, got str 'one note'"),
    ({"judgement_areas": {"leaders": {}}}, r"\$\.judgement_areas: expected a list, got dict"),
    ({"id": "ILACS 2018"}, r"'id' must be a lower-case id"),
    (
        {
            "inspection_kinds": [
                {"kind": "inspection", "label": "x", "graded": True, "description": None}
            ]
        },
        r"\$\.inspection_kinds\[0\]\.kind: must be one of",
    ),
    (
        {
            "inspection_kinds": [
                {"kind": "short", "label": "x", "graded": "yes", "description": None}
            ]
        },
        r"\$\.inspection_kinds\[0\]\.graded: expected true or false, got str 'yes'",
    ),
]


def _pack(**changes: object) -> dict[str, object]:
    document = frameworks.to_dict(frameworks.get("ilacs-2018"))
    document.update(changes)
    return document


class TestBuiltInPacks:
    """The four built-in framework versions, as the domain specification gives them."""

    def test_all_lists_the_built_in_versions_oldest_first(self) -> None:
        """all() gives every built-in pack of every series, by the day it came into force."""
        assert tuple(f.id for f in frameworks.all()) == BUILT_IN

    @pytest.mark.parametrize(("framework_id", "areas"), AREAS.items())
    def test_each_version_has_its_judgement_areas_in_report_order(
        self, framework_id: str, areas: list[str]
    ) -> None:
        """Judgement areas, by stable id, in the order reports print them."""
        assert list(frameworks.get(framework_id).area_ids) == areas

    @pytest.mark.parametrize(("framework_id", "label", "area"), REPORT_LABELS)
    def test_report_labels_and_variants_name_their_area(
        self, framework_id: str, label: str, area: str
    ) -> None:
        """Exact labels and accepted variants find the area, in any case."""
        framework = frameworks.get(framework_id)
        assert framework.area_for_label(label).id == area
        assert framework.area_for_label(label.upper()).id == area

    def test_only_ilacs_2026_has_no_overall_judgement(self) -> None:
        """Overall effectiveness was removed from April 2026."""
        without = [f.id for f in frameworks.all() if f.overall_area is None and f.judgement_areas]
        assert without == ["ilacs-2026"]

    def test_practice_judgements_are_all_but_leaders_and_overall(self) -> None:
        """ilacs-2023 has three practice judgements."""
        practice = frameworks.get("ilacs-2023").practice_areas
        assert [a.id for a in practice] == [
            "help_and_protection",
            "children_in_care",
            "care_leavers",
        ]
        assert frameworks.get("ilacs-2023").area("leaders").role is AreaRole.LEADERSHIP

    def test_ilacs_grades_standard_and_short_inspections_only(self) -> None:
        """Focused visits, monitoring visits and JTAIs are ungraded."""
        for framework_id in ("ilacs-2018", "ilacs-2023", "ilacs-2026"):
            graded = frameworks.get(framework_id).graded_kinds()
            assert graded == (InspectionKind.STANDARD, InspectionKind.SHORT)

    def test_sif_prints_requires_improvement_without_to_be_good(self) -> None:
        """Each framework declares how it prints the grades."""
        assert (
            frameworks.get("sif-2013").grade_scale.label(Grade.REQUIRES_IMPROVEMENT)
            == "Requires improvement"
        )
        assert (
            frameworks.get("ilacs-2018").grade_scale.label(Grade.REQUIRES_IMPROVEMENT)
            == "Requires improvement to be good"
        )

    def test_every_pack_cites_its_sources(self) -> None:
        """A pack's facts come with their provenance."""
        assert all(f.sources for f in frameworks.all())

    @pytest.mark.parametrize("framework_id", BUILT_IN)
    def test_a_pack_round_trips_through_its_document(self, framework_id: str) -> None:
        """to_dict then from_dict gives the same framework, and the file holds that document."""
        framework = frameworks.get(framework_id)
        assert frameworks.from_dict(frameworks.to_dict(framework)) == framework
        path = Path(frameworks.__file__).parent / "builtin" / f"{framework_id}.json"
        assert json.loads(path.read_text(encoding="utf-8")) == frameworks.to_dict(framework)

    def test_an_unknown_area_is_an_error_listing_the_known_ones(self) -> None:
        """Asking for an area the framework lacks names the ones it has."""
        with pytest.raises(
            ValidationError,
            match=r"framework 'ilacs-2026' has no judgement area 'overall_effectiveness' \(it has leaders, ",
        ):
            frameworks.get("ilacs-2026").area("overall_effectiveness")

    def test_an_unknown_label_is_an_error_naming_it(self) -> None:
        """A label the framework does not print is rejected."""
        with pytest.raises(
            ValidationError, match="has no judgement area labelled 'Adoption performance'"
        ):
            frameworks.get("ilacs-2018").area_for_label("Adoption performance")

    def test_an_unused_kind_is_an_error(self) -> None:
        """SIF had no short inspections."""
        with pytest.raises(
            ValidationError, match="framework 'sif-2013' has no 'short' inspections"
        ):
            frameworks.get("sif-2013").kind(InspectionKind.SHORT)


class TestForDate:
    """The version in force on the first day of fieldwork applies."""

    @pytest.mark.parametrize(("first_day", "framework_id"), BY_FIRST_DAY_OF_FIELDWORK)
    def test_the_version_is_chosen_by_first_day_of_fieldwork(
        self, first_day: pendulum.Date, framework_id: str
    ) -> None:
        """The acceptance dates and the boundaries of each period."""
        assert frameworks.for_date(first_day).id == framework_id

    @given(strategies.dates(min_value=pendulum.date(2013, 11, 1)))
    def test_exactly_one_built_in_version_is_in_force_on_any_day(self, day: pendulum.Date) -> None:
        """The built-in periods neither overlap nor leave a gap from November 2013."""
        in_force = [f.id for f in frameworks.all() if f.is_in_force(day) and f.id in ILACS_SERIES]
        assert in_force == [frameworks.for_date(day).id]

    @given(strategies.dates(), strategies.dates())
    def test_later_fieldwork_never_gets_an_earlier_version(
        self, a: pendulum.Date, b: pendulum.Date
    ) -> None:
        """Selection is monotonic in the date."""
        first, second = sorted((a, b))
        if first >= pendulum.date(2013, 11, 1):
            assert (
                frameworks.for_date(first).in_force_from
                <= frameworks.for_date(second).in_force_from
            )

    def test_a_day_before_any_framework_is_an_error_naming_it(self) -> None:
        """Before SIF there is no version to apply."""
        with pytest.raises(UnknownFrameworkError, match="in force on 2013-10-31") as info:
            frameworks.for_date(pendulum.date(2013, 10, 31))
        assert info.value.key == pendulum.date(2013, 10, 31)

    @pytest.mark.parametrize("value", ["2018-10-29", None, pendulum.datetime(2018, 10, 29)])
    def test_a_value_that_is_not_a_date_is_rejected(self, value: object) -> None:
        """for_date takes a date, never text or a date-time."""
        with pytest.raises(UnknownFrameworkError, match=r"for_date needs a pendulum\.Date"):
            frameworks.for_date(value)  # type: ignore[arg-type]

    def test_an_unknown_series_is_an_error(self) -> None:
        """A series with no registered framework is named in the error."""
        with pytest.raises(
            UnknownFrameworkError, match="no framework is registered in the series 'cqc'"
        ):
            frameworks.for_date(pendulum.date(2020, 1, 1), series="cqc")


class TestRegistry:
    """Users register their own packs, from a file or a value."""

    def test_get_names_the_unknown_id_and_the_known_ones(self) -> None:
        """An unknown id is an UnknownFrameworkError (a LookupError too)."""
        with pytest.raises(
            LookupError, match=r"no framework has the id 'ilacs-2027' \(known: sif-2013, "
        ):
            frameworks.get("ilacs-2027")

    def test_a_pack_registered_from_a_file_is_used_by_for_date(self, tmp_path: Path) -> None:
        """Ofsted's next framework can be added as data alone, and supersedes the open-ended one."""
        pack = _pack(
            id="ilacs-2027",
            name="A future framework",
            in_force_from="2027-09-01",
            in_force_until=None,
            judgement_areas=frameworks.to_dict(frameworks.get("ilacs-2026"))["judgement_areas"],
            rules=[],
        )
        path = tmp_path / "ilacs-2027.json"
        path.write_text(json.dumps(pack), encoding="utf-8")
        try:
            registered = frameworks.register(path)
            assert frameworks.get("ilacs-2027") is registered
            assert frameworks.for_date(pendulum.date(2027, 9, 6)).id == "ilacs-2027"
            assert frameworks.for_date(pendulum.date(2027, 8, 31)).id == "ilacs-2026"
        finally:
            frameworks.unregister("ilacs-2027")
        assert frameworks.for_date(pendulum.date(2027, 9, 6)).id == "ilacs-2026"

    def test_registering_a_taken_id_needs_replace(self) -> None:
        """A different framework under a taken id is refused unless replace=True."""
        changed = attrs.evolve(frameworks.get("ilacs-2023"), name="Changed")
        with pytest.raises(FrameworkError, match="already registered; pass replace=True"):
            frameworks.register(changed)

    def test_built_in_packs_cannot_be_unregistered(self) -> None:
        """The built-in versions are always there."""
        with pytest.raises(FrameworkError, match="cannot be unregistered"):
            frameworks.unregister("ilacs-2018")

    def test_unregistering_an_unknown_id_is_an_error(self) -> None:
        """Nothing is silently ignored."""
        with pytest.raises(UnknownFrameworkError):
            frameworks.unregister("nothing-here")

    @pytest.mark.parametrize(("changes", "message"), BAD_PACKS)
    def test_a_bad_pack_is_rejected_naming_path_and_rule(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Every problem names its path in the document."""
        with pytest.raises(DocumentError, match=message):
            frameworks.from_dict(_pack(**changes))

    def test_every_problem_is_reported_at_once(self) -> None:
        """Three wrong fields give three problems."""
        with pytest.raises(DocumentError) as info:
            frameworks.from_dict(_pack(name=1, summary=2, series=3))
        assert [p.split(":")[0] for p in info.value.problems] == ["$.series", "$.name", "$.summary"]

    def test_a_missing_file_is_a_document_error(self, tmp_path: Path) -> None:
        """The message names the file."""
        with pytest.raises(DocumentError, match=r"cannot read framework pack '.*missing\.json'"):
            frameworks.load(tmp_path / "missing.json")

    def test_a_file_that_is_not_json_is_a_document_error(self, tmp_path: Path) -> None:
        """The message names the file and the line."""
        path = tmp_path / "broken.json"
        path.write_text("{\n  'id': 1\n}", encoding="utf-8")
        with pytest.raises(DocumentError, match=r"broken.json") as info:
            frameworks.load(path)
        assert info.value.problems[0].startswith("$: not valid JSON: line 2 column 3")

    @pytest.mark.parametrize("document", [[], "ilacs-2018", None, 3])
    def test_a_document_that_is_not_an_object_is_rejected(self, document: object) -> None:
        """Only a JSON object can be a pack."""
        with pytest.raises(IlacsError, match=r"expected a mapping \(a JSON object\)"):
            frameworks.from_dict(document)

    def test_a_sub_judgement_must_name_an_existing_parent(self) -> None:
        """A parent that is not an area of the framework is rejected."""
        sif = frameworks.get("sif-2013")
        areas = list(sif.judgement_areas)
        areas[2] = attrs.evolve(areas[2], parent="looked_after")
        with pytest.raises(ValidationError, match="names parent 'looked_after'"):
            attrs.evolve(sif, judgement_areas=tuple(areas))

    def test_a_framework_has_at_most_one_overall_area(self) -> None:
        """Two overall judgements would make the rules ambiguous."""
        ilacs = frameworks.get("ilacs-2023")
        areas = list(ilacs.judgement_areas)
        areas[0] = attrs.evolve(areas[0], role=AreaRole.OVERALL)
        with pytest.raises(ValidationError, match="at most one overall judgement area"):
            attrs.evolve(ilacs, judgement_areas=tuple(areas))

    def test_the_grade_scale_must_list_grades_best_first(self) -> None:
        """A scale out of order is rejected."""
        scale = frameworks.get("ilacs-2018").grade_scale
        with pytest.raises(ValidationError, match="best first"):
            attrs.evolve(scale, grades=tuple(reversed(scale.grades)))


class TestContinues:
    """Judgement areas that carry on areas of the previous version, split or merged, as data."""

    def test_the_split_and_the_merge_are_in_the_packs(self) -> None:
        """Care leavers and children in care both continue the 2018 combined judgement."""
        later = frameworks.get("ilacs-2023")
        assert later.area("care_leavers").continues == ("children_in_care_and_care_leavers",)
        assert later.area("children_in_care").continues == ("children_in_care_and_care_leavers",)
        # Ofsted's statistics count the combined judgement under children in care only.
        assert later.area("children_in_care").counts_continued
        assert not later.area("care_leavers").counts_continued
        combined = frameworks.get("ilacs-2018").area("children_in_care_and_care_leavers")
        assert combined.continues == ("looked_after_and_permanence", "care_leavers")

    def test_every_area_continues_areas_of_its_predecessor(self) -> None:
        """In the ILACS series each version's areas name only areas of the version before."""
        packs = [frameworks.get(framework_id) for framework_id in ILACS_SERIES]
        assert all(not area.continues for area in packs[0].judgement_areas)
        for previous, framework in itertools.pairwise(packs):
            framework.check_continues(previous)
            assert all(area.continues for area in framework.judgement_areas)

    def test_traced_areas_follow_the_data_back(self) -> None:
        """Care leavers reaches the combined judgement, which is marked combined."""
        every = frameworks.all()
        assert traced_areas("care_leavers", every, "ilacs-2018") == (
            ("children_in_care_and_care_leavers", True),
        )
        assert traced_areas("care_leavers", every, "ilacs-2018", counted=True) == ()
        assert traced_areas("children_in_care", every, "sif-2013", counted=True) == (
            ("looked_after_and_permanence", False),
        )
        assert traced_areas("leaders", every, "sif-2013") == (("leadership", False),)

    def test_a_pack_continuing_an_area_its_predecessor_lacks_is_refused(self) -> None:
        """Registering names the area, the id and the predecessor's areas; nothing is registered."""
        document = frameworks.to_dict(frameworks.get("ilacs-2026"))
        areas = document["judgement_areas"]
        assert isinstance(areas, list)
        areas[3] = {**areas[3], "continues": ["care_leavers_and_friends"]}
        pack = frameworks.from_dict(
            {**document, "id": "ilacs-2027", "in_force_from": "2027-09-01", "rules": []}
        )
        with pytest.raises(
            ValidationError,
            match=(
                r"judgement area 'care_leavers' of framework 'ilacs-2027' continues"
                r" 'care_leavers_and_friends', which is not a judgement area of the previous"
                r" version 'ilacs-2026' \(it has leaders, help_and_protection, children_in_care,"
                r" care_leavers\)"
            ),
        ):
            frameworks.register(pack)
        with pytest.raises(UnknownFrameworkError):
            frameworks.get("ilacs-2027")

    @pytest.mark.parametrize(
        ("continues", "message"),
        [
            (["Care leavers"], r"continues\[0\].*snake_case"),
            (["leaders", "leaders"], r"'continues' must not repeat continued area id 'leaders'"),
        ],
    )
    def test_a_bad_continues_is_refused_when_read(self, continues: list[str], message: str) -> None:
        """Ids must be snake_case and not repeated, whatever the predecessor."""
        document = _pack()
        areas = document["judgement_areas"]
        assert isinstance(areas, list)
        areas[0] = {**areas[0], "continues": continues}
        with pytest.raises(IlacsError, match=message):
            frameworks.from_dict(document)

    def test_a_pack_without_the_keys_is_read_as_continuing_nothing(self) -> None:
        """Older packs omit 'continues' and 'counts_continued': the same id carries on."""
        document = frameworks.to_dict(frameworks.get("sif-2013"))
        areas = document["judgement_areas"]
        assert isinstance(areas, list)
        for area in areas:
            del area["continues"], area["counts_continued"]
        assert frameworks.from_dict(document) == frameworks.get("sif-2013")
