"""ilacs latest and ilacs distribution, on Ofsted's official history, run in-process."""

import csv
import io
import json
import sys
from pathlib import Path

import attrs
import pytest
from cli_runner import Run, run_cli
from conftest import DATA

from ilacs import Inspection, serialisation

OFFICIAL = str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
AS_OF = ("--as-of", "2024-03-31")

#: Ofsted's published figure, as ilacs prints it.
SIXTY_PER_CENT = (
    "Overall effectiveness (England): 151 of 151 authorities graded: Outstanding 27,"
    " Good 64, RI 44, Inadequate 16; good or outstanding 60%"
)


@pytest.fixture
def document(tmp_path: Path, official_inspections: tuple[Inspection, ...]) -> Path:
    """The official history as an inspections document."""
    path = tmp_path / "national.json"
    path.write_text(serialisation.dumps(official_inspections), encoding="utf-8")
    return path


def _ilacs(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return run_cli(capsys, *args)


class TestLatest:
    """ilacs latest: each authority's latest inspection, and the distributions beneath."""

    def test_it_reproduces_ofsteds_sixty_per_cent_at_31_march_2024(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The acceptance figure, from Ofsted's CSV as published; the import summary on stderr."""
        run = _ilacs(capsys, "latest", OFFICIAL, *AS_OF)
        assert run.status == 0, run.err
        lines = run.out.splitlines()
        assert lines[0] == "Latest inspections published by 31 March 2024: 151 authorities"
        assert SIXTY_PER_CENT in lines
        assert "Children in care counts children_in_care_and_care_leavers (marked *)" in lines
        haringey = next(line for line in lines if line.strip().startswith("Haringey "))
        assert haringey.split() == [
            "Haringey",
            "2023-04-11",
            "ilacs-2023",
            *["Good"] * 3,
            "RI",
            "Good",
        ]
        assert run.err == f"{OFFICIAL}: 271 rows read, 271 imported, 0 skipped\n"

    def test_a_document_gives_what_the_csv_gives(
        self, capsys: pytest.CaptureFixture[str], document: Path
    ) -> None:
        """An inspections document of the same inspections prints the same picture."""
        from_csv = _ilacs(capsys, "latest", OFFICIAL, *AS_OF)
        from_document = _ilacs(capsys, "latest", str(document), *AS_OF)
        assert from_document.status == 0, from_document.err
        assert from_document.out == from_csv.out
        assert from_document.err == ""

    def test_json_carries_the_inspections_and_the_distributions(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """For programs: grades by value, counts by grade, the share as a number."""
        run = _ilacs(capsys, "latest", OFFICIAL, *AS_OF, "--format", "json")
        data = json.loads(run.out)
        assert (data["as_of"], data["authorities"], len(data["inspections"])) == (
            "2024-03-31",
            151,
            151,
        )
        overall = data["distributions"][0]
        assert overall["area"] == "overall_effectiveness"
        assert overall["counts"] == {
            "outstanding": 27,
            "good": 64,
            "requires_improvement": 44,
            "inadequate": 16,
        }
        assert round(overall["good_or_better"], 2) == 0.60
        haringey = next(item for item in data["inspections"] if item["urn"] == 80498)
        assert haringey["published"] == "2023-04-11"
        assert haringey["grades"]["overall_effectiveness"] == "good"

    def test_csv_is_one_row_per_authority_with_ofsteds_labels(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A table for a spreadsheet: the facts, then a column per judgement area."""
        run = _ilacs(capsys, "latest", OFFICIAL, *AS_OF, "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(run.out)))
        assert len(rows) == 151
        barnet = next(row for row in rows if row["authority"] == "Barnet")
        assert barnet["framework"] == "ilacs-2018"
        assert barnet["children_in_care"] == "Good*"
        assert barnet["care_leavers"] == ""
        assert sum(row["overall_effectiveness"] in {"Good", "Outstanding"} for row in rows) == 91

    def test_markdown_is_a_table_and_the_distributions_as_a_list(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """For a committee paper."""
        run = _ilacs(capsys, "latest", OFFICIAL, *AS_OF, "--format", "markdown")
        lines = run.out.splitlines()
        assert lines[0] == "# Latest inspections published by 31 March 2024: 151 authorities"
        assert "| Haringey | 2023-04-11 | ilacs-2023 | Good | Good | Good | RI | Good |" in lines
        assert f"- {SIXTY_PER_CENT}" in lines

    def test_the_filters_keep_a_region_and_named_authorities(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--region names the group; --authority takes any code; both: named and in the region."""
        london = _ilacs(capsys, "latest", OFFICIAL, *AS_OF, "--region", "london")
        assert "Overall effectiveness (London): 33 of 33 authorities graded" in london.out
        named = _ilacs(
            capsys, "latest", OFFICIAL, *AS_OF, "--authority", "309", "--authority", "Barnsley"
        )
        assert named.out.splitlines()[0].endswith(": 2 authorities")
        assert "(Haringey, Barnsley)" in named.out
        both = _ilacs(
            capsys, "latest", OFFICIAL, *AS_OF, "--authority", "Haringey", "--authority",
            "Barnsley", "--region", "London",
        )  # fmt: skip
        assert both.out.splitlines()[0].endswith(": 1 authority")

    def test_a_kind_chooses_the_latest_visits(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--kind with the in-year sheets: the latest focused visit of each authority."""
        inyear = str(DATA / "ofsted_mi_inyear_activity_2022_2025.csv")
        run = _ilacs(
            capsys, "latest", inyear, "--from", "inyear", "--as-of", "2025-03-31",
            "--kind", "focused_visit", "--format", "json",
        )  # fmt: skip
        assert run.status == 0, run.err
        kinds = {item["kind"] for item in json.loads(run.out)["inspections"]}
        assert kinds == {"focused_visit"}

    def test_inspections_without_a_publication_day_are_named_as_left_out(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        official_inspections: tuple[Inspection, ...],
    ) -> None:
        """Not counted, and said so on stderr."""
        path = tmp_path / "unpublished.json"
        first = attrs.evolve(official_inspections[0], published=None)
        path.write_text(serialisation.dumps((first, *official_inspections[1:3])), encoding="utf-8")
        run = _ilacs(capsys, "latest", str(path), *AS_OF)
        assert run.status == 0
        assert run.err == (
            "ilacs latest: 1 inspection(s) have no publication date; they are not counted,"
            " since they are not known to be published by then\n"
        )

    def test_a_csv_on_standard_input_is_read_with_from(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """- reads stdin; --from says it is Ofsted's history."""
        data = Path(OFFICIAL).read_bytes()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        run = _ilacs(capsys, "latest", "-", "--from", "ofsted", *AS_OF)
        assert run.status == 0, run.err
        assert SIXTY_PER_CENT in run.out.splitlines()


class TestDistribution:
    """ilacs distribution: for England, by region, by framework, among neighbours."""

    def test_by_region_is_one_row_per_region(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Eight regions whose totals add up to England's 151."""
        run = _ilacs(capsys, "distribution", OFFICIAL, *AS_OF, "--by", "region", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(run.out)))
        assert len(rows) == 8
        assert sum(int(row["total"]) for row in rows) == 151
        london = next(row for row in rows if row["group"] == "London")
        assert (london["total"], london["good_or_better"]) == ("33", "0.8485")

    def test_by_framework_splits_england_by_version(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two versions at 31 March 2024, 107 and 44 authorities."""
        run = _ilacs(
            capsys, "distribution", OFFICIAL, *AS_OF, "--by", "framework", "--format", "json"
        )
        found = [(item["framework"], item["total"]) for item in json.loads(run.out)]
        assert found == [("ilacs-2018", 107), ("ilacs-2023", 44)]

    def test_neighbours_show_the_authority_beside_them(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Haringey, good, and its ten statistical neighbours."""
        run = _ilacs(capsys, "distribution", OFFICIAL, *AS_OF, "--neighbours", "Haringey")
        assert run.status == 0, run.err
        assert run.out.splitlines() == [
            "Haringey: Overall effectiveness Good",
            (
                "Overall effectiveness (statistical neighbours of Haringey): 10 of 10 authorities"
                " graded: Outstanding 1, Good 7, RI 2, Inadequate 0; good or outstanding 80%"
            ),
        ]

    def test_neighbours_in_json_carry_the_authoritys_grade_and_theirs(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One object a judgement: its grade, its inspection, the neighbours' distribution."""
        run = _ilacs(
            capsys, "distribution", OFFICIAL, *AS_OF, "--neighbours", "80498",
            "--area", "care_leavers", "--format", "json",
        )  # fmt: skip
        (found,) = json.loads(run.out)
        assert (found["authority"], found["grade"], found["published"]) == (
            "Haringey",
            "good",
            "2023-04-11",
        )
        assert (found["neighbours"]["total"], found["neighbours"]["not_judged"]) == (3, 7)

    def test_every_judgement_by_default_and_those_named_with_area(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The Markdown table has a row per judgement; --area narrows it."""
        every = _ilacs(capsys, "distribution", OFFICIAL, *AS_OF, "--format", "markdown")
        assert len(every.out.splitlines()) == 2 + 5
        leavers = _ilacs(capsys, "distribution", OFFICIAL, *AS_OF, "--area", "care_leavers")
        assert leavers.out == (
            "Care leavers (England): 44 of 151 authorities graded: Outstanding 7, Good 20,"
            " RI 15, Inadequate 2; good or outstanding 61%\n"
        )


BAD = [
    pytest.param(
        ("latest", OFFICIAL, *AS_OF, "--authority", "Haringy"),
        1,
        "ilacs latest: no local authority is known by the name 'Haringy' (did you mean 'Haringey'?)",
        id="unknown authority",
    ),
    pytest.param(
        ("latest", OFFICIAL, *AS_OF, "--region", "Wessex"),
        1,
        "ilacs latest: 'region' must be an Ofsted region:",
        id="unknown region",
    ),
    pytest.param(
        ("distribution", OFFICIAL, *AS_OF, "--area", "overall"),
        1,
        "ilacs distribution: 'area' must be a judgement area of a framework version",
        id="unknown area",
    ),
    pytest.param(
        ("latest", "no/such/national.csv", *AS_OF),
        2,
        "ilacs latest: cannot read",
        id="missing file",
    ),
    pytest.param(
        ("distribution", OFFICIAL, *AS_OF, "--neighbours", "Haringey", "--by", "region"),
        2,
        "ilacs distribution: --neighbours takes no --by, --authority or --region",
        id="neighbours and by",
    ),
    pytest.param(
        ("distribution", OFFICIAL, *AS_OF, "--by", "region", "--region", "London"),
        2,
        "ilacs distribution: --by region takes no --authority or --region",
        id="by region and region",
    ),
    pytest.param(
        ("latest", OFFICIAL, "--as-of", "31/03/2024"),
        2,
        "expected a date such as 2019-03-19, got '31/03/2024'",
        id="bad date",
    ),
]


class TestErrors:
    """Bad input is one line and exit 1; misuse, exit 2; never a traceback."""

    @pytest.mark.parametrize(("args", "status", "message"), BAD)
    def test_a_mistake_is_one_line_with_its_status(
        self, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], status: int, message: str
    ) -> None:
        """The status, and a message naming what was wrong."""
        run = _ilacs(capsys, *args)
        assert run.status == status
        assert message in run.err
        assert "Traceback" not in run.err
