"""Tests for ilacs.tables.columns: which column holds which judgement, read from the packs.

The acceptance test of issue 13 is here (TestAFrameworkOfItsOwn): a framework whose
areas and grades have labels of their own is exported, read back and imported with
no code in the importers or the export, only its pack.
"""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import attrs
import pendulum
import pytest

from ilacs import (
    Grade,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    importers,
    tabular,
)
from ilacs.frameworks import AreaRole, Framework, GradeLabel, GradeScale, JudgementArea
from ilacs.tables.columns import (
    GradeColumns,
    Naming,
    column_name,
    corresponding,
    explicit_column,
    name_key,
    names_area,
    short_name,
)

DATA = Path(__file__).parent / "data"
OFFICIAL = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
COMMUNITY = DATA / "ofsted_csc_ilacs_history.csv"
BUILT_IN = ("sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026")

# Each area of the built-in packs: (framework, area, short name, analyst column, explicit).
AREA_NAMES = [
    ("sif-2013", "help_and_protection", "help_and_protection", "help_and_protection_grade", False),
    (
        "sif-2013",
        "looked_after_and_permanence",
        "looked_after_and_permanence",
        "looked_after_and_permanence_grade",
        False,
    ),
    (
        "sif-2013",
        "adoption_performance",
        "adoption_performance",
        "adoption_performance_grade",
        False,
    ),
    ("sif-2013", "leadership", "leadership", "leadership_grade", False),
    ("sif-2013", "overall_effectiveness", "overall", "overall_effectiveness_grade", False),
    ("ilacs-2018", "leaders", "leaders", "impact_of_leaders_grade", True),
    (
        "ilacs-2018",
        "children_in_care_and_care_leavers",
        "children_in_care_and_care_leavers",
        "in_care_and_care_leavers_grade",
        True,
    ),
    ("ilacs-2018", "overall_effectiveness", "overall", "overall_effectiveness_grade", True),
    ("ilacs-2023", "children_in_care", "children_in_care", "in_care_grade", True),
    ("ilacs-2023", "care_leavers", "care_leavers", "care_leavers_grade", True),
    ("ilacs-2026", "help_and_protection", "help_and_protection", "help_and_protection_grade", True),
]

# Headers and whether they name the area: (framework, area, header, names it).
HEADERS = [
    ("ilacs-2023", "leaders", "leaders", True),
    ("ilacs-2023", "leaders", "LEADERS", True),
    ("ilacs-2023", "leaders", "impact_of_leaders_grade", True),
    ("ilacs-2023", "leaders", "leaders_grade", True),
    ("ilacs-2023", "leaders", "The impact of leaders on practice with children and families", True),
    (
        "ilacs-2023",
        "leaders",
        "the_impact_of_leaders_on_social_work_practice_with_children_and_families",
        True,
    ),
    ("ilacs-2023", "leaders", "impact of leaders", False),
    ("ilacs-2023", "overall_effectiveness", "Overall", True),
    ("ilacs-2023", "overall_effectiveness", "overal", False),
    ("ilacs-2023", "children_in_care", "children_in_care", True),
    ("ilacs-2023", "children_in_care", "in_care_grade", True),
    ("ilacs-2023", "children_in_care", "in_care", False),
    (
        "ilacs-2018",
        "children_in_care_and_care_leavers",
        "The experiences and progress of children in care",
        True,
    ),
    ("ilacs-2018", "children_in_care_and_care_leavers", "children_in_care", False),
    (
        "sif-2013",
        "looked_after_and_permanence",
        "The experiences and progress of children in care",
        True,
    ),
]

# (framework, area, other framework, the corresponding area there or None).
CORRESPONDING = [
    ("ilacs-2018", "children_in_care_and_care_leavers", "ilacs-2026", "children_in_care"),
    ("ilacs-2026", "children_in_care", "ilacs-2018", "children_in_care_and_care_leavers"),
    ("ilacs-2018", "overall_effectiveness", "ilacs-2026", None),
    ("ilacs-2023", "care_leavers", "ilacs-2018", None),
    ("sif-2013", "leadership", "ilacs-2023", "leaders"),
    ("ilacs-2023", "leaders", "sif-2013", "leadership"),
    ("sif-2013", "looked_after_and_permanence", "ilacs-2023", "children_in_care"),
    ("sif-2013", "adoption_performance", "ilacs-2026", None),
    ("sif-2013", "help_and_protection", "ilacs-2018", "help_and_protection"),
]


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return next(csv.reader(file))


# The area each grade column of the real files holds, framework by framework, as the
# importers hard-coded it before the packs said so: (file, naming, framework, areas).
REAL_FILES = [
    (OFFICIAL, Naming.LABEL),
    (INYEAR, Naming.SHORT),
    (COMMUNITY, Naming.COLUMN),
]
HELD = {
    "sif-2013": (
        "overall_effectiveness",
        "leadership",
        "help_and_protection",
        "looked_after_and_permanence",
        "care_leavers",
    ),
    "ilacs-2018": (
        "overall_effectiveness",
        "leaders",
        "help_and_protection",
        "children_in_care_and_care_leavers",
        None,
    ),
    "ilacs-2023": (
        "overall_effectiveness",
        "leaders",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
    ),
    "ilacs-2026": (None, "leaders", "help_and_protection", "children_in_care", "care_leavers"),
}


class TestNames:
    """An area is known by its pack's names, in any case, with spaces or underscores."""

    def test_names_are_compared_without_case_spaces_or_underscores(self) -> None:
        """'Children_in_Care' and ' children  in care ' are one name."""
        assert name_key("Children_in_Care") == name_key(" children  in care ") == "children in care"

    @pytest.mark.parametrize(("framework_id", "area_id", "header", "expected"), HEADERS)
    def test_a_header_names_an_area_by_its_packs_names(
        self, framework_id: str, area_id: str, header: str, expected: bool
    ) -> None:
        """Its id, label, variants or analyst column; nothing else."""
        area = frameworks.get(framework_id).area(area_id)
        assert names_area(header, area) is expected

    @pytest.mark.parametrize(("framework_id", "area_id", "short", "column", "explicit"), AREA_NAMES)
    def test_each_built_in_area_has_its_short_name_and_column(
        self, framework_id: str, area_id: str, short: str, column: str, explicit: bool
    ) -> None:
        """The in-year sheets' name and the analyst column, from the pack's variants."""
        area = frameworks.get(framework_id).area(area_id)
        assert (short_name(area), column_name(area)) == (short, column)
        assert (explicit_column(area) == column) is explicit

    def test_each_naming_picks_one_of_the_names(self) -> None:
        """Ofsted's statistics use labels, the in-year sheets short names, the scrape columns."""
        overall = frameworks.get("ilacs-2023").area("overall_effectiveness")
        assert [naming.of(overall) for naming in Naming] == [
            "Overall effectiveness",
            "overall",
            "overall_effectiveness_grade",
        ]


class TestCorresponding:
    """A column named after one version's judgement holds the corresponding one of another."""

    @pytest.mark.parametrize(("framework_id", "area_id", "other_id", "expected"), CORRESPONDING)
    def test_the_same_id_a_shared_name_or_the_one_area_of_a_role(
        self, framework_id: str, area_id: str, other_id: str, expected: str | None
    ) -> None:
        """Practice judgements correspond by name only; overall and leadership by role too."""
        framework, other = frameworks.get(framework_id), frameworks.get(other_id)
        match = corresponding(framework.area(area_id), framework, other)
        assert (match.id if match else None) == expected

    def test_a_role_held_by_two_areas_is_not_matched_by_role(self) -> None:
        """With two leadership judgements, neither corresponds by role alone."""
        sif = frameworks.get("sif-2013")
        second = JudgementArea(id="governance", label="Governance", role=AreaRole.LEADERSHIP)
        doubled = attrs.evolve(sif, judgement_areas=(*sif.judgement_areas, second))
        leadership = doubled.area("leadership")
        assert corresponding(leadership, doubled, frameworks.get("ilacs-2023")) is None


class TestGradeColumns:
    """The grade columns of a header, and what each holds under each framework."""

    @pytest.mark.parametrize(("path", "naming"), REAL_FILES)
    @pytest.mark.parametrize("framework_id", BUILT_IN)
    def test_the_real_files_columns_hold_what_the_importers_used_to_hard_code(
        self, path: Path, naming: Naming, framework_id: str
    ) -> None:
        """Ofsted's 'children in care' column is the 2018 combined judgement, SIF's looked after."""
        columns = GradeColumns.of(_header(path), naming=naming)
        assert tuple(columns.holding(frameworks.get(framework_id)).values()) == HELD[framework_id]
        assert len(columns.headers) == 5

    @pytest.mark.parametrize(("path", "naming"), REAL_FILES)
    def test_only_sifs_adoption_judgement_has_no_column(self, path: Path, naming: Naming) -> None:
        """No national file has a column for SIF's adoption performance."""
        columns = GradeColumns.of(_header(path), naming=naming)
        assert {f: columns.unheld(frameworks.get(f)) for f in BUILT_IN} == {
            "sif-2013": ("adoption_performance",),
            "ilacs-2018": (),
            "ilacs-2023": (),
            "ilacs-2026": (),
        }

    def test_a_header_that_names_no_area_is_not_a_grade_column(self) -> None:
        """Dates, names and misspellings are left to the importer."""
        columns = GradeColumns.of(["la_name", "Overal", " OVERALL "], naming=Naming.SHORT)
        assert columns.headers == {"overall": "OVERALL"}

    def test_one_column_holds_one_judgement_of_a_framework(self) -> None:
        """A column naming an area directly is not also taken by a corresponding one."""
        header = ["The experiences and progress of children in care and care leavers"]
        columns = GradeColumns.of(header, naming=Naming.LABEL)
        assert columns.holding(frameworks.get("ilacs-2018")) == {
            "the experiences and progress of children in care and care leavers": (
                "children_in_care_and_care_leavers"
            )
        }

    def test_a_missing_column_is_worded_once_as_the_newest_framework_names_it(self) -> None:
        """2018 and 2023 inspections both lack the children in care column: one name."""
        inspections = [
            Inspection(
                authority=LocalAuthority(name="Haringey"),
                kind=InspectionKind.STANDARD,
                on_site_start=start,
            )
            for start in (pendulum.date(2018, 10, 29), pendulum.date(2023, 2, 13))
        ]
        columns = GradeColumns.of(["leaders", "help_and_protection"], naming=Naming.SHORT)
        assert columns.missing(inspections) == ("children_in_care", "overall", "care_leavers")


# A framework of its own: a 2031 version of the series, with judgements and grade
# labels no built-in pack has, and one column named by its pack.
FAMILY_HELP_SCALE = GradeScale(
    id="family-help-4",
    name="Family help four-word scale",
    grades=(
        GradeLabel(grade=Grade.OUTSTANDING, label="Exceptional"),
        GradeLabel(grade=Grade.GOOD, label="Strong"),
        GradeLabel(grade=Grade.REQUIRES_IMPROVEMENT, label="Needs attention"),
        GradeLabel(grade=Grade.INADEQUATE, label="Urgent improvement", variants=("Urgent",)),
    ),
)
FAMILY_HELP_AREAS = (
    JudgementArea(
        id="safety",
        label="How well children are kept safe",
        variants=("kept_safe_grade",),
        role=AreaRole.PRACTICE,
    ),
    JudgementArea(
        id="family_help", label="The difference family help makes", role=AreaRole.PRACTICE
    ),
    JudgementArea(id="culture", label="Leadership and culture", role=AreaRole.LEADERSHIP),
)
GRADES = {
    "safety": Grade.GOOD,
    "family_help": Grade.REQUIRES_IMPROVEMENT,
    "culture": Grade.OUTSTANDING,
}
START = pendulum.date(2031, 3, 3)


@pytest.fixture
def family_help() -> Iterator[Framework]:
    """The made-up pack, registered for the test only."""
    pack = attrs.evolve(
        frameworks.get("ilacs-2026"),
        id="family-help-2031",
        name="Family help inspections, 2031 (made up for a test)",
        in_force_from=pendulum.date(2031, 1, 6),
        grade_scale=FAMILY_HELP_SCALE,
        judgement_areas=FAMILY_HELP_AREAS,
        rules=(),
    )
    with frameworks.scoped(pack):
        yield pack


def _inspection() -> Inspection:
    return Inspection(
        authority=LocalAuthority(name="Haringey", urn=80498),
        kind=InspectionKind.STANDARD,
        on_site_start=START,
        framework="family-help-2031",
        judgements=tuple(Judgement(area=area, grade=grade) for area, grade in GRADES.items()),
    )


class TestAFrameworkOfItsOwn:
    """A framework whose columns use its own labels needs no code: its pack is enough."""

    @pytest.mark.usefixtures("family_help")
    def test_the_export_writes_its_columns_and_grade_labels(self) -> None:
        """kept_safe_grade as its pack names it, <id>_grade for the others, its own grade words."""
        (row,) = csv.DictReader(io.StringIO(tabular.to_csv([_inspection()])))
        assert (row["kept_safe_grade"], row["family_help_grade"], row["culture_grade"]) == (
            "Strong",
            "Needs attention",
            "Exceptional",
        )
        assert tabular.area_of_column("kept_safe_grade") == "safety"
        assert tabular.column_of_area("safety") == "kept_safe_grade"
        assert tabular.GRADE_COLUMNS["safety"] == "kept_safe_grade"

    @pytest.mark.usefixtures("family_help")
    def test_the_export_reads_back_exactly(self) -> None:
        """from_csv(to_csv(xs)) == xs, its labels read by its own scale."""
        result = tabular.from_csv(io.StringIO(tabular.to_csv([_inspection()])))
        assert (result.inspections, result.skipped) == ((_inspection(),), ())

    @pytest.mark.usefixtures("family_help")
    def test_the_official_statistics_importer_maps_its_labels(self) -> None:
        """Columns headed with its judgements' labels, cells with its grade words."""
        fixed = "Local authority name,Inspection date,Inspection type"
        labels = ",".join(area.label for area in FAMILY_HELP_AREAS)
        text = f"{fixed},{labels}\nHaringey,{START},ILACS Standard Inspection,Strong,Needs attention,Exceptional\n"
        result = importers.ofsted(io.StringIO(text))
        (inspection,) = result.inspections
        assert inspection.framework == "family-help-2031"
        assert inspection.grades == GRADES
        assert (result.columns_missing, result.columns_ignored) == ((), ())

    @pytest.mark.usefixtures("family_help")
    def test_the_in_year_importer_maps_its_ids(self) -> None:
        """Columns headed with its judgements' ids."""
        text = (
            "la_name,type,visit_date,safety,family_help,culture\n"
            f"Haringey,ILACS Standard Inspection,{START},STRONG,needs attention,Exceptional\n"
        )
        (inspection,) = importers.inyear(io.StringIO(text)).inspections
        assert inspection.grades == GRADES

    @pytest.mark.usefixtures("family_help")
    def test_a_column_it_lacks_is_named_in_its_own_words(self) -> None:
        """Without its family help column, the summary names that column by its label."""
        fixed = "Local authority name,Inspection date,Inspection type"
        text = (
            f"{fixed},How well children are kept safe,Leadership and culture,Family hlep\n"
            f"Haringey,{START},ILACS Standard Inspection,Strong,Exceptional,Urgent\n"
        )
        result = importers.ofsted(io.StringIO(text))
        assert result.columns_missing == ("The difference family help makes",)
        assert result.columns_ignored == ("Family hlep",)
        assert result.inspections[0].grades == {"safety": Grade.GOOD, "culture": Grade.OUTSTANDING}

    def test_without_its_pack_its_columns_are_nobody_elses(self, family_help: Framework) -> None:
        """Registered, kept_safe_grade is its safety judgement; unregistered, an area of that name."""
        assert tabular.area_of_column("kept_safe_grade") == "safety"
        with frameworks.scoped():
            frameworks.unregister(family_help.id)
            assert tabular.area_of_column("kept_safe_grade") == "kept_safe"
            assert "safety" not in tabular.GRADE_COLUMNS
