"""The ilacs command line, run as a user runs it: a subprocess on real files."""

import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import jsonschema
import pendulum
import pytest
from _haringey import INSPECTION_2018

from ilacs import (
    Action,
    ActionPlan,
    ImprovementArea,
    Milestone,
    serialisation,
)

DATA = Path(__file__).parent / "data"

HARINGEY_2018 = attrs.evolve(
    INSPECTION_2018,
    report_received=pendulum.date(2018, 12, 5),
    improvement_areas=(
        ImprovementArea(id="ia-6", text="The quality of audits to inform practice."),
        ImprovementArea(id="ia-9", text="Pathways to private fostering."),
    ),
)

PLAN = ActionPlan(
    inspection=HARINGEY_2018,
    oversight=("Children's Improvement Board", "Corporate Board"),
    actions=(
        Action(
            id="qa-framework",
            title="Revised quality assurance framework",
            answers=("ia-6",),
            owners=("Director of Children and Young People's Services",),
            due=pendulum.date(2019, 9, 30),
            milestones=(
                Milestone(id="live", title="Audit framework live", due=pendulum.date(2019, 2, 28)),
            ),
        ),
        Action(
            id="fostering",
            title="Pathways to private fostering",
            answers=("ia-9",),
            owners=("Head of Service for Safeguarding and Assessment",),
            due=pendulum.date(2019, 7, 31),
        ),
    ),
)


def ilacs(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ilacs`` with the arguments, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "ilacs", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
        timeout=300,
    )


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """Haringey's plan as a JSON document on disk."""
    path = tmp_path / "plan.json"
    path.write_text(serialisation.dumps(PLAN), encoding="utf-8")
    return path


@pytest.fixture
def inspection_file(tmp_path: Path) -> Path:
    """Haringey's 2018 inspection as a JSON document on disk."""
    path = tmp_path / "haringey-2018.json"
    path.write_text(serialisation.dumps(HARINGEY_2018), encoding="utf-8")
    return path


class TestHelp:
    """--help works everywhere and shows examples."""

    @pytest.mark.parametrize(
        "command",
        [
            (),
            ("validate",),
            ("show",),
            ("deadlines",),
            ("report",),
            ("import",),
            ("export-csv",),
            ("convert",),
            ("schema",),
            ("frameworks",),
            ("authorities",),
        ],
    )
    def test_every_command_has_help_with_an_example(self, command: tuple[str, ...]) -> None:
        """Each --help exits 0 and shows an example line."""
        result = ilacs(*command, "--help")
        assert result.returncode == 0, result.stderr
        assert "example" in result.stdout
        assert "ilacs " in result.stdout.split("example", 1)[1]

    def test_no_command_is_a_usage_error(self) -> None:
        """Exit 2 and a usage line, as argparse does."""
        result = ilacs()
        assert result.returncode == 2
        assert "usage: ilacs" in result.stderr

    def test_the_console_script_is_installed(self) -> None:
        """The ``ilacs`` script beside the interpreter runs too."""
        script = Path(sys.executable).with_name("ilacs")
        result = subprocess.run(
            [str(script), "--version"], capture_output=True, text=True, check=False, timeout=60
        )
        assert result.returncode == 0
        assert result.stdout.startswith("ilacs ")


class TestValidate:
    """The validate command: 0 when all is well, 1 on an error finding, 2 when a file cannot be read."""

    def test_the_haringey_documents_are_valid(self, plan_file: Path, inspection_file: Path) -> None:
        """Exit 0, and each file reports its own result."""
        result = ilacs("validate", str(plan_file), str(inspection_file))
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"{inspection_file}: no findings" in result.stdout
        assert f"{plan_file}: no findings" in result.stdout

    def test_a_document_with_an_error_exits_1_and_names_the_path(self, tmp_path: Path) -> None:
        """A backwards date in a plan's history: ILACS-V035 at its path."""
        document = serialisation.to_dict(PLAN)
        document["actions"][0]["history"] = [
            {
                "on": "2019-01-07",
                "status": "in_progress",
                "by": None,
                "note": None,
                "setback": False,
            },
            {"on": "2019-01-01", "status": "completed", "by": None, "note": None, "setback": False},
        ]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = ilacs("validate", str(path))
        assert result.returncode == 1
        assert f"{path}:error ILACS-V035 $.actions[0].history[1]:" in result.stdout

    def test_a_context_error_exits_1(self, tmp_path: Path) -> None:
        """An action answering an area the inspection lacks: ILACS-V030."""
        plan = attrs.evolve(
            PLAN,
            actions=(attrs.evolve(PLAN.actions[0], answers=("ia-6", "ia-99")), PLAN.actions[1]),
        )
        path = tmp_path / "plan.json"
        path.write_text(serialisation.dumps(plan), encoding="utf-8")
        result = ilacs("validate", str(path), "--format", "json")
        assert result.returncode == 1
        [row] = json.loads(result.stdout)
        assert row["file"] == str(path)
        assert row["ok"] is False
        assert [(f["code"], f["path"]) for f in row["findings"]] == [
            ("ILACS-V030", "$.actions[0].answers[1]")
        ]

    def test_yaml_documents_are_validated_too(self, plan_file: Path, tmp_path: Path) -> None:
        """Convert to YAML, then validate the YAML: exit 0."""
        yaml_file = tmp_path / "plan.yaml"
        converted = ilacs("convert", str(plan_file), "--to", "yaml", "-o", str(yaml_file))
        assert converted.returncode == 0, converted.stderr
        result = ilacs("validate", str(yaml_file))
        assert result.returncode == 0, result.stdout

    def test_standard_input_is_read_for_a_dash(self) -> None:
        """``-`` reads the document from stdin."""
        result = ilacs("validate", "-", stdin=serialisation.dumps(HARINGEY_2018))
        assert result.returncode == 0
        assert "-: no findings" in result.stdout

    def test_an_unreadable_file_exits_2_naming_it(self, tmp_path: Path) -> None:
        """A missing file is a usage problem, not a finding."""
        missing = tmp_path / "missing.json"
        result = ilacs("validate", str(missing))
        assert result.returncode == 2
        assert f"cannot read {missing}" in result.stderr

    def test_a_file_that_is_not_json_exits_1_with_a_finding(self, tmp_path: Path) -> None:
        """Text that is not JSON is an input error with a path."""
        path = tmp_path / "notes.json"
        path.write_text("Haringey: RI", encoding="utf-8")
        result = ilacs("validate", str(path))
        assert result.returncode == 1
        assert f"{path}:error ILACS-V001 $: not valid JSON" in result.stdout


class TestDocuments:
    """The show, deadlines, report, convert and schema commands on real documents."""

    def test_report_renders_the_haringey_briefing_as_of_19_march_2019(
        self, plan_file: Path, tmp_path: Path
    ) -> None:
        """The judgement table, the areas, the deadlines and the plan's ratings."""
        output = tmp_path / "briefing.md"
        result = ilacs("report", str(plan_file), "--as-of", "2019-03-19", "-o", str(output))
        assert result.returncode == 0, result.stderr
        text = output.read_text(encoding="utf-8")
        assert text.startswith("# Ofsted standard inspection of Haringey's children's services\n")
        assert "*Briefing as of 19 March 2019.*" in text
        assert "| Overall effectiveness | Requires improvement to be good |" in text
        assert "1. The quality of audits to inform practice. (`ia-6`)" in text
        assert (
            "| Action plan | due 18 March 2019, 70 working days after receipt of the report on"
            " 5 December 2018 | law | passed 1 working day ago |"
        ) in text
        assert "| Red | 1 |" in text
        assert (
            "milestone 'Audit framework live' was due 28 February 2019, 13 working days ago" in text
        )

    def test_report_needs_a_date(self, plan_file: Path) -> None:
        """--as-of is required and must be a date."""
        assert ilacs("report", str(plan_file)).returncode == 2
        result = ilacs("report", str(plan_file), "--as-of", "19/03/2019")
        assert result.returncode == 2
        assert "expected a date such as 2019-03-19, got '19/03/2019'" in result.stderr

    def test_deadlines_prints_each_with_its_rule_and_takes_closures(
        self, inspection_file: Path
    ) -> None:
        """A closure day moves the action plan's deadline by one working day."""
        plain = ilacs("deadlines", str(inspection_file), "--format", "json")
        closed = ilacs(
            "deadlines", str(inspection_file), "--closure", "2018-12-27", "--format", "json"
        )
        assert plain.returncode == closed.returncode == 0
        [row] = json.loads(plain.stdout)
        [shut] = json.loads(closed.stdout)
        due = {item["rule"]: item["due"] for item in row["deadlines"]}
        assert due["action_plan"] == "2019-03-18"
        assert {item["rule"]: item["due"] for item in shut["deadlines"]}["action_plan"] == (
            "2019-03-19"
        )
        text = ilacs("deadlines", str(inspection_file)).stdout
        assert "  - Action plan: due 18 March 2019, 70 working days after receipt" in text

    def test_show_prints_the_judgements(self, inspection_file: Path) -> None:
        """The table in the framework's words."""
        result = ilacs("show", str(inspection_file))
        assert result.returncode == 0
        assert "Overall effectiveness: Requires improvement to be good" in result.stdout

    def test_show_json_is_the_canonical_document(self, plan_file: Path) -> None:
        """Byte for byte what the library writes."""
        result = ilacs("show", str(plan_file), "--format", "json")
        assert result.stdout == plan_file.read_text(encoding="utf-8")

    def test_convert_round_trips_through_yaml(self, plan_file: Path, tmp_path: Path) -> None:
        """JSON to YAML and back gives the same bytes."""
        yaml_file = tmp_path / "plan.yaml"
        back = tmp_path / "back.json"
        assert (
            ilacs("convert", str(plan_file), "--to", "yaml", "-o", str(yaml_file)).returncode == 0
        )
        assert ilacs("convert", str(yaml_file), "--to", "json", "-o", str(back)).returncode == 0
        assert back.read_text(encoding="utf-8") == plan_file.read_text(encoding="utf-8")

    def test_a_document_that_cannot_be_loaded_names_file_and_path(self, tmp_path: Path) -> None:
        """The show command on a broken document: exit 1, the file and the path."""
        path = tmp_path / "broken.json"
        document = serialisation.to_dict(HARINGEY_2018)
        document["published"] = "14/12/2018"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = ilacs("show", str(path))
        assert result.returncode == 1
        assert f"{path}:$.published: expected an ISO 8601 date" in result.stderr

    @pytest.mark.parametrize("document_type", sorted(serialisation.DOCUMENT_TYPES))
    def test_schema_prints_a_json_schema(self, document_type: str) -> None:
        """A valid draft 2020-12 schema for each document type."""
        result = ilacs("schema", document_type)
        assert result.returncode == 0
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_the_plan_document_satisfies_the_printed_schema(self, plan_file: Path) -> None:
        """What schema prints accepts what the library writes."""
        schema = json.loads(ilacs("schema", "action_plan").stdout)
        jsonschema.validate(json.loads(plan_file.read_text(encoding="utf-8")), schema)

    def test_an_unknown_schema_type_is_a_usage_error(self) -> None:
        """Exit 2, with the choices."""
        result = ilacs("schema", "report")
        assert result.returncode == 2
        assert "invalid choice" in result.stderr


class TestRegistries:
    """The frameworks and authorities commands."""

    def test_frameworks_lists_every_version(self) -> None:
        """The four packs, in order, as text and as JSON."""
        result = ilacs("frameworks", "--format", "json")
        assert [row["id"] for row in json.loads(result.stdout)] == [
            "sif-2013",
            "ilacs-2018",
            "ilacs-2023",
            "ilacs-2026",
        ]
        assert "ilacs-2018   2018-01-01 to 2022-12-31" in ilacs("frameworks").stdout

    def test_an_authority_is_found_by_name_or_code(self) -> None:
        """Haringey by its DfE code, as JSON."""
        result = ilacs("authorities", "309", "--format", "json")
        assert result.returncode == 0, result.stderr
        [row] = json.loads(result.stdout)
        assert row["name"] == "Haringey"
        assert row["ons_code"] == "E09000014"

    def test_an_unknown_authority_exits_1_with_a_suggestion(self) -> None:
        """A misspelt name suggests the closest."""
        result = ilacs("authorities", "Haringy")
        assert result.returncode == 1
        assert "Haringey" in result.stderr


class TestImport:
    """Import the national data, export it for analysts, and read it back."""

    def test_ofsteds_official_file_imports_every_row(self, tmp_path: Path) -> None:
        """271 rows read, 271 imported, none skipped; the document loads back."""
        output = tmp_path / "national.json"
        result = ilacs(
            "import",
            "ofsted",
            str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv"),
            "-o",
            str(output),
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr.endswith(": 271 rows read, 271 imported, 0 skipped\n")
        inspections = serialisation.loads(output.read_text(encoding="utf-8"), "inspections")
        assert isinstance(inspections, tuple)
        assert len(inspections) == 271

    def test_the_community_file_accounts_for_every_row(self) -> None:
        """497 rows: each imported or listed on stderr with its line and reason."""
        result = ilacs("import", "community", str(DATA / "ofsted_csc_ilacs_history.csv"))
        assert result.returncode == 0, result.stderr
        *skipped, summary = result.stderr.splitlines()
        read, imported, dropped = map(
            int, re.findall(r"(\d+) rows read, (\d+) imported, (\d+) skipped", summary)[0]
        )
        assert read == 497
        assert imported + dropped == 497
        assert len(skipped) == dropped
        assert all(re.search(r"\.csv:line \d+: ", line) for line in skipped)
        inspections = serialisation.loads(result.stdout, "inspections")
        assert isinstance(inspections, tuple)
        assert len(inspections) == imported

    def test_strict_import_fails_when_a_row_is_skipped(self) -> None:
        """--strict: exit 1 if any row could not be taken."""
        result = ilacs(
            "import", "community", str(DATA / "ofsted_csc_ilacs_history.csv"), "--strict"
        )
        assert result.returncode == 1

    def test_export_then_import_gives_the_same_inspections(self, tmp_path: Path) -> None:
        """export-csv, then import analyst: the same document, byte for byte."""
        national = tmp_path / "national.json"
        table = tmp_path / "national.csv"
        back = tmp_path / "back.json"
        source = str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
        assert ilacs("import", "ofsted", source, "-o", str(national)).returncode == 0
        assert ilacs("export-csv", str(national), "-o", str(table)).returncode == 0
        assert ilacs("import", "analyst", str(table), "-o", str(back)).returncode == 0
        assert back.read_text(encoding="utf-8") == national.read_text(encoding="utf-8")

    def test_a_file_of_the_wrong_shape_exits_1_naming_the_missing_columns(
        self, plan_file: Path
    ) -> None:
        """A JSON document is not Ofsted's CSV."""
        result = ilacs("import", "ofsted", str(plan_file))
        assert result.returncode == 1
        assert "lacks the column(s)" in result.stderr

    def test_a_missing_file_exits_2(self, tmp_path: Path) -> None:
        """Unreadable input is a usage error."""
        result = ilacs("import", "ofsted", str(tmp_path / "missing.csv"))
        assert result.returncode == 2
        assert "cannot read" in result.stderr


EXAMPLE_DATA = Path(__file__).parent.parent / "examples" / "data"


class TestTheHaringeyDocuments:
    """The Haringey example's documents in examples/data, as a council officer uses them."""

    def test_the_committed_documents_are_what_the_example_builds(self) -> None:
        """Regenerate them with the example's haringey_plan() if this fails."""
        from haringey_2018_action_plan import haringey_plan  # noqa: PLC0415 (an example)

        plan = haringey_plan()
        assert (EXAMPLE_DATA / "haringey-2018-action-plan.json").read_text(
            encoding="utf-8"
        ) == serialisation.dumps(plan)
        assert (EXAMPLE_DATA / "haringey-2018.json").read_text(
            encoding="utf-8"
        ) == serialisation.dumps(plan.inspection)

    def test_validate_passes_the_haringey_documents(self) -> None:
        """Exit 0: no errors (the plan has one info finding: an action answering no area)."""
        result = ilacs(
            "validate",
            str(EXAMPLE_DATA / "haringey-2018.json"),
            str(EXAMPLE_DATA / "haringey-2018-action-plan.json"),
        )
        assert result.returncode == 0, result.stdout
        assert "haringey-2018.json: no findings" in result.stdout
        assert "haringey-2018-action-plan.json: 0 error(s), 0 warning(s), 1 info" in result.stdout

    def test_report_renders_the_haringey_2018_briefing_as_of_the_panel(self) -> None:
        """As of 19 March 2019: judgements, nine areas, deadlines, nine actions by rating."""
        result = ilacs(
            "report", str(EXAMPLE_DATA / "haringey-2018-action-plan.json"), "--as-of", "2019-03-19"
        )
        assert result.returncode == 0, result.stderr
        text = result.stdout
        assert "*Briefing as of 19 March 2019.*" in text
        assert "9. Pathways to private fostering. (`ia-9`)" in text
        assert "| Red | 0 |\n| Amber | 3 |\n| Green | 6 |" in text
        assert "- **Improvement areas without an action**: none" in text
        assert "Overseen by the Children's Improvement Board" in text
        assert (
            text.count("| in progress | ")
            + text.count("| planned | ")
            + text.count("| completed | ")
            == 9
        )


class TestProgressBar:
    """Imports of more than a few hundred rows draw a bar on stderr when it is a terminal."""

    def test_a_terminal_sees_the_bar_and_a_pipe_does_not(self, tmp_path: Path) -> None:
        """497 community rows: the bar ends at 497/497 on a terminal, and is absent in a pipe."""
        import os  # noqa: PLC0415 (only this test needs a terminal)
        import pty  # noqa: PLC0415
        import threading  # noqa: PLC0415

        source = str(DATA / "ofsted_csc_ilacs_history.csv")
        output = str(tmp_path / "community.json")
        leader, follower = pty.openpty()
        chunks: list[bytes] = []

        def drain() -> None:
            # A terminal holds only a few kB: read while the import writes.
            while True:
                try:
                    chunk = os.read(leader, 1 << 16)
                except OSError:
                    return
                if not chunk:
                    return
                chunks.append(chunk)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        try:
            subprocess.run(
                [sys.executable, "-m", "ilacs", "import", "community", source, "-o", output],
                stderr=follower,
                check=True,
                timeout=300,
            )
        finally:
            os.close(follower)
            reader.join(timeout=10)
            os.close(leader)
        seen = b"".join(chunks).decode("utf-8", errors="replace")
        assert "497/497 rows" in seen
        piped = ilacs("import", "community", source, "-o", output)
        assert "rows]" not in piped.stderr
        assert "/497 rows" not in piped.stderr
