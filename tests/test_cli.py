"""The ilacs command line on real files, run in-process through ``ilacs.cli.main``.

Two smoke tests run it as a user does, as ``python -m ilacs`` and as the ``ilacs``
script; every other test calls :func:`ilacs.cli.main`, so that coverage sees the
command line.
"""

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import attrs
import jsonschema
import pendulum
import pytest
from _haringey import INSPECTION_2018
from cli_runner import Run, run_cli

from ilacs import (
    Action,
    ActionPlan,
    ImprovementArea,
    Inspection,
    Milestone,
    cli,
    frameworks,
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


class Ilacs(Protocol):
    """Runs the command line with these arguments, and standard input if given."""

    def __call__(self, *args: str, stdin: str | None = None) -> Run:
        """Run ``ilacs ARGS...``."""


@pytest.fixture
def ilacs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Ilacs:
    """Run ``ilacs.cli.main`` in-process, as a user runs ``ilacs``."""

    def run(*args: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return run_cli(capsys, *args)

    return run


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
    def test_every_command_has_help_with_an_example(
        self, ilacs: Ilacs, command: tuple[str, ...]
    ) -> None:
        """Each --help exits 0 and shows an example line."""
        result = ilacs(*command, "--help")
        assert result.status == 0, result.err
        assert "example" in result.out
        assert "ilacs " in result.out.split("example", 1)[1]

    def test_no_command_is_a_usage_error(self, ilacs: Ilacs) -> None:
        """Exit 2 and a usage line, as argparse does."""
        result = ilacs()
        assert result.status == 2
        assert "usage: ilacs" in result.err

    @pytest.mark.parametrize(
        "command",
        [[sys.executable, "-m", "ilacs"], [str(Path(sys.executable).with_name("ilacs"))]],
        ids=["python -m ilacs", "console script"],
    )
    def test_the_command_runs_as_a_user_runs_it(self, command: list[str]) -> None:
        """``python -m ilacs --version`` and the ``ilacs`` script beside the interpreter run."""
        result = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, check=False, timeout=60
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("ilacs ")


class TestValidate:
    """The validate command: 0 when all is well, 1 on an error finding, 2 when a file cannot be read."""

    def test_the_haringey_documents_are_valid(
        self, ilacs: Ilacs, plan_file: Path, inspection_file: Path
    ) -> None:
        """Exit 0, and each file reports its own result."""
        result = ilacs("validate", str(plan_file), str(inspection_file))
        assert result.status == 0, result.out + result.err
        assert f"{inspection_file}: no findings" in result.out
        assert f"{plan_file}: no findings" in result.out

    def test_a_document_with_an_error_exits_1_and_names_the_path(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
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
        assert result.status == 1
        assert f"{path}:error ILACS-V035 $.actions[0].history[1]:" in result.out

    def test_a_context_error_exits_1(self, ilacs: Ilacs, tmp_path: Path) -> None:
        """An action answering an area the inspection lacks: ILACS-V030."""
        plan = attrs.evolve(
            PLAN,
            actions=(attrs.evolve(PLAN.actions[0], answers=("ia-6", "ia-99")), PLAN.actions[1]),
        )
        path = tmp_path / "plan.json"
        path.write_text(serialisation.dumps(plan), encoding="utf-8")
        result = ilacs("validate", str(path), "--format", "json")
        assert result.status == 1
        [row] = json.loads(result.out)
        assert row["file"] == str(path)
        assert row["ok"] is False
        assert [(f["code"], f["path"]) for f in row["findings"]] == [
            ("ILACS-V030", "$.actions[0].answers[1]")
        ]

    def test_yaml_documents_are_validated_too(
        self, ilacs: Ilacs, plan_file: Path, tmp_path: Path
    ) -> None:
        """Convert to YAML, then validate the YAML: exit 0."""
        yaml_file = tmp_path / "plan.yaml"
        converted = ilacs("convert", str(plan_file), "--to", "yaml", "-o", str(yaml_file))
        assert converted.status == 0, converted.err
        result = ilacs("validate", str(yaml_file))
        assert result.status == 0, result.out

    def test_standard_input_is_read_for_a_dash(self, ilacs: Ilacs) -> None:
        """``-`` reads the document from stdin."""
        result = ilacs("validate", "-", stdin=serialisation.dumps(HARINGEY_2018))
        assert result.status == 0
        assert "-: no findings" in result.out

    def test_an_unreadable_file_exits_2_naming_it(self, ilacs: Ilacs, tmp_path: Path) -> None:
        """A missing file is a usage problem, not a finding."""
        missing = tmp_path / "missing.json"
        result = ilacs("validate", str(missing))
        assert result.status == 2
        assert f"cannot read {missing}" in result.err

    def test_a_file_that_is_not_json_exits_1_with_a_finding(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """Text that is not JSON is an input error with a path."""
        path = tmp_path / "notes.json"
        path.write_text("Haringey: RI", encoding="utf-8")
        result = ilacs("validate", str(path))
        assert result.status == 1
        assert f"{path}:error ILACS-V001 $: not valid JSON" in result.out


class TestDocuments:
    """The show, deadlines, report, convert and schema commands on real documents."""

    def test_report_renders_the_haringey_briefing_as_of_19_march_2019(
        self, ilacs: Ilacs, plan_file: Path, tmp_path: Path
    ) -> None:
        """The judgement table, the areas, the deadlines and the plan's ratings."""
        output = tmp_path / "briefing.md"
        result = ilacs("report", str(plan_file), "--as-of", "2019-03-19", "-o", str(output))
        assert result.status == 0, result.err
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

    def test_report_needs_a_date(self, ilacs: Ilacs, plan_file: Path) -> None:
        """--as-of is required and must be a date."""
        assert ilacs("report", str(plan_file)).status == 2
        result = ilacs("report", str(plan_file), "--as-of", "19/03/2019")
        assert result.status == 2
        assert "expected a date such as 2019-03-19, got '19/03/2019'" in result.err

    def test_deadlines_prints_each_with_its_rule_and_takes_closures(
        self, ilacs: Ilacs, inspection_file: Path
    ) -> None:
        """A closure day moves the action plan's deadline by one working day."""
        plain = ilacs("deadlines", str(inspection_file), "--format", "json")
        closed = ilacs(
            "deadlines", str(inspection_file), "--closure", "2018-12-27", "--format", "json"
        )
        assert plain.status == closed.status == 0
        [row] = json.loads(plain.out)
        [shut] = json.loads(closed.out)
        due = {item["rule"]: item["due"] for item in row["deadlines"]}
        assert due["action_plan"] == "2019-03-18"
        assert {item["rule"]: item["due"] for item in shut["deadlines"]}["action_plan"] == (
            "2019-03-19"
        )
        text = ilacs("deadlines", str(inspection_file)).out
        assert "  - Action plan: due 18 March 2019, 70 working days after receipt" in text

    def test_show_prints_the_judgements(self, ilacs: Ilacs, inspection_file: Path) -> None:
        """The table in the framework's words."""
        result = ilacs("show", str(inspection_file))
        assert result.status == 0
        assert "Overall effectiveness: Requires improvement to be good" in result.out

    def test_show_lists_a_plans_actions(self, ilacs: Ilacs, plan_file: Path) -> None:
        """The inspection, then each action with its due date."""
        result = ilacs("show", str(plan_file))
        assert result.status == 0, result.err
        assert result.out.endswith(
            "Action plan: 2 actions\n"
            "  qa-framework: Revised quality assurance framework (due 2019-09-30)\n"
            "  fostering: Pathways to private fostering (due 2019-07-31)\n"
        )

    def test_show_json_is_the_canonical_document(self, ilacs: Ilacs, plan_file: Path) -> None:
        """Byte for byte what the library writes."""
        result = ilacs("show", str(plan_file), "--format", "json")
        assert result.out == plan_file.read_text(encoding="utf-8")

    def test_convert_round_trips_through_yaml(
        self, ilacs: Ilacs, plan_file: Path, tmp_path: Path
    ) -> None:
        """JSON to YAML and back gives the same bytes."""
        yaml_file = tmp_path / "plan.yaml"
        back = tmp_path / "back.json"
        assert ilacs("convert", str(plan_file), "--to", "yaml", "-o", str(yaml_file)).status == 0
        assert ilacs("convert", str(yaml_file), "--to", "json", "-o", str(back)).status == 0
        assert back.read_text(encoding="utf-8") == plan_file.read_text(encoding="utf-8")

    def test_a_document_that_cannot_be_loaded_names_file_and_path(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """The show command on a broken document: exit 1, the file and the path."""
        path = tmp_path / "broken.json"
        document = serialisation.to_dict(HARINGEY_2018)
        document["published"] = "14/12/2018"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = ilacs("show", str(path))
        assert result.status == 1
        assert f"{path}:$.published: expected an ISO 8601 date" in result.err

    @pytest.mark.parametrize("document_type", sorted(serialisation.DOCUMENT_TYPES))
    def test_schema_prints_a_json_schema(self, ilacs: Ilacs, document_type: str) -> None:
        """A valid draft 2020-12 schema for each document type."""
        result = ilacs("schema", document_type)
        assert result.status == 0
        schema = json.loads(result.out)
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_the_plan_document_satisfies_the_printed_schema(
        self, ilacs: Ilacs, plan_file: Path
    ) -> None:
        """What schema prints accepts what the library writes."""
        schema = json.loads(ilacs("schema", "action_plan").out)
        jsonschema.validate(json.loads(plan_file.read_text(encoding="utf-8")), schema)

    def test_an_unknown_schema_type_is_a_usage_error(self, ilacs: Ilacs) -> None:
        """Exit 2, with the choices."""
        result = ilacs("schema", "report")
        assert result.status == 2
        assert "invalid choice" in result.err

    def test_show_reads_a_framework_pack_and_a_collection(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """A pack shows its judgement areas; a collection one line an inspection."""
        pack = tmp_path / "ilacs-2018.json"
        pack.write_text(serialisation.dumps(frameworks.get("ilacs-2018")), encoding="utf-8")
        collection = tmp_path / "inspections.json"
        collection.write_text(serialisation.dumps((HARINGEY_2018,)), encoding="utf-8")
        shown = ilacs("show", str(pack))
        assert shown.status == 0, shown.err
        assert "Judgement areas:\n  leaders: The impact of leaders" in shown.out
        listed = ilacs("show", str(collection))
        assert listed.status == 0, listed.err
        assert listed.out.startswith("1 inspections\n  2018-10-29  Haringey: standard (ilacs-2018)")

    @pytest.mark.parametrize(
        "command", [("report", "--as-of", "2019-03-19"), ("deadlines",), ("export-csv",)]
    )
    def test_a_framework_pack_has_no_inspection_to_use(
        self, ilacs: Ilacs, tmp_path: Path, command: tuple[str, ...]
    ) -> None:
        """report, deadlines and export-csv on a pack: exit 1, one line naming the file."""
        pack = tmp_path / "ilacs-2018.json"
        pack.write_text(serialisation.dumps(frameworks.get("ilacs-2018")), encoding="utf-8")
        result = ilacs(command[0], str(pack), *command[1:])
        assert result.status == 1
        assert result.err.startswith(f"ilacs {command[0]}: {pack}: ")
        assert result.err.count("\n") == 1

    def test_a_document_is_told_json_or_yaml_by_its_content(
        self, ilacs: Ilacs, plan_file: Path, tmp_path: Path
    ) -> None:
        """A file without .json or .yaml: YAML text read as YAML, JSON text as JSON."""
        as_yaml = tmp_path / "plan.txt"
        as_yaml.write_text(serialisation.dumps_yaml(PLAN), encoding="utf-8")
        as_json = tmp_path / "plan"
        as_json.write_bytes(plan_file.read_bytes())
        for path in (as_yaml, as_json):
            result = ilacs("show", str(path), "--format", "json")
            assert result.status == 0, result.err
            assert result.out == plan_file.read_text(encoding="utf-8")


class TestRegistries:
    """The frameworks and authorities commands."""

    def test_frameworks_lists_every_version(self, ilacs: Ilacs) -> None:
        """Every built-in pack of every series, by the day it came into force, as text and JSON."""
        result = ilacs("frameworks", "--format", "json")
        assert [row["id"] for row in json.loads(result.out)] == [
            "sif-2013",
            "jtai-2016",
            "area-send-2016",
            "ilacs-2018",
            "area-send-2023",
            "ilacs-2023",
            "ilacs-2026",
        ]
        assert "ilacs-2018   2018-01-01 to 2022-12-31" in ilacs("frameworks").out

    def test_an_authority_is_found_by_name_or_code(self, ilacs: Ilacs) -> None:
        """Haringey by its DfE code, as JSON."""
        result = ilacs("authorities", "309", "--format", "json")
        assert result.status == 0, result.err
        [row] = json.loads(result.out)
        assert row["name"] == "Haringey"
        assert row["ons_code"] == "E09000014"

    def test_authorities_lists_the_current_ones_or_all(self, ilacs: Ilacs) -> None:
        """153 current authorities, and 157 with the 4 abolished."""
        current = ilacs("authorities")
        assert current.status == 0, current.err
        assert len(current.out.splitlines()) == 153
        assert "Haringey (URN 80498, DfE 309, ONS E09000014; London)" in current.out
        assert len(json.loads(ilacs("authorities", "--all", "--format", "json").out)) == 157

    def test_an_unknown_authority_exits_1_with_a_suggestion(self, ilacs: Ilacs) -> None:
        """A misspelt name suggests the closest."""
        result = ilacs("authorities", "Haringy")
        assert result.status == 1
        assert "Haringey" in result.err


class TestImport:
    """Import the national data, export it for analysts, and read it back."""

    def test_ofsteds_official_file_imports_every_row(self, ilacs: Ilacs, tmp_path: Path) -> None:
        """271 rows read, 271 imported, none skipped; the document loads back."""
        output = tmp_path / "national.json"
        result = ilacs(
            "import",
            "ofsted",
            str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv"),
            "-o",
            str(output),
        )
        assert result.status == 0, result.err
        assert result.err.endswith(": 271 rows read, 271 imported, 0 skipped\n")
        inspections = serialisation.loads(output.read_text(encoding="utf-8"), "inspections")
        assert isinstance(inspections, tuple)
        assert len(inspections) == 271

    def test_the_community_file_accounts_for_every_row(self, ilacs: Ilacs) -> None:
        """497 rows: each imported or listed on stderr with its line and reason."""
        result = ilacs("import", "community", str(DATA / "ofsted_csc_ilacs_history.csv"))
        assert result.status == 0, result.err
        *skipped, summary = result.err.splitlines()
        read, imported, dropped = map(
            int, re.findall(r"(\d+) rows read, (\d+) imported, (\d+) skipped", summary)[0]
        )
        assert read == 497
        assert imported + dropped == 497
        assert len(skipped) == dropped
        assert all(re.search(r"\.csv:line \d+: ", line) for line in skipped)
        inspections = serialisation.loads(result.out, "inspections")
        assert isinstance(inspections, tuple)
        assert len(inspections) == imported

    def test_strict_import_fails_when_a_row_is_skipped(self, ilacs: Ilacs) -> None:
        """--strict: exit 1 if any row could not be taken."""
        result = ilacs(
            "import", "community", str(DATA / "ofsted_csc_ilacs_history.csv"), "--strict"
        )
        assert result.status == 1

    def test_export_then_import_gives_the_same_inspections(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """export-csv, then import analyst: the same document, byte for byte."""
        national = tmp_path / "national.json"
        table = tmp_path / "national.csv"
        back = tmp_path / "back.json"
        source = str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
        assert ilacs("import", "ofsted", source, "-o", str(national)).status == 0
        assert ilacs("export-csv", str(national), "-o", str(table)).status == 0
        assert ilacs("import", "analyst", str(table), "-o", str(back)).status == 0
        assert back.read_text(encoding="utf-8") == national.read_text(encoding="utf-8")

    def test_a_file_of_the_wrong_shape_exits_1_naming_the_missing_columns(
        self, ilacs: Ilacs, plan_file: Path
    ) -> None:
        """A JSON document is not Ofsted's CSV."""
        result = ilacs("import", "ofsted", str(plan_file))
        assert result.status == 1
        assert "lacks the column(s)" in result.err

    def test_a_missing_file_exits_2(self, ilacs: Ilacs, tmp_path: Path) -> None:
        """Unreadable input is a usage error."""
        result = ilacs("import", "ofsted", str(tmp_path / "missing.csv"))
        assert result.status == 2
        assert "cannot read" in result.err

    def test_a_misspelt_grade_column_is_reported_before_the_summary(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """'Overal effectiveness': the column missing and the one not read, then the summary."""
        official = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
        damaged = tmp_path / "damaged.csv"
        damaged.write_text(
            official.read_text(encoding="utf-8").replace(
                "Overall effectiveness", "Overal effectiveness", 1
            ),
            encoding="utf-8",
        )
        result = ilacs("import", "ofsted", str(damaged), "-o", str(tmp_path / "national.json"))
        assert result.status == 0, result.err
        missing, ignored, summary = result.err.splitlines()
        assert missing == (
            "ilacs import: the file lacks the column(s) 'Overall effectiveness';"
            " judgements for it are not imported"
        )
        assert ignored == "ilacs import: column(s) not read: 'Overal effectiveness'"
        assert summary.startswith(f"{damaged}: 271 rows read, 271 imported, 0 skipped")
        strict = ilacs("import", "ofsted", str(damaged), "--strict", "-o", str(tmp_path / "n.json"))
        assert strict.status == 1

    def test_a_spreadsheet_safe_table_reads_back_exactly(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """export-csv --spreadsheet-safe escapes a formula; import analyst --spreadsheet-safe undoes it."""
        formula = attrs.evolve(
            HARINGEY_2018, authority=attrs.evolve(HARINGEY_2018.authority, name="=HYPERLINK(1)")
        )
        document = tmp_path / "formula.json"
        document.write_text(serialisation.dumps((formula,)), encoding="utf-8")
        table = tmp_path / "safe.csv"
        back = tmp_path / "back.json"
        assert (
            ilacs("export-csv", str(document), "--spreadsheet-safe", "-o", str(table)).status == 0
        )
        assert "'=HYPERLINK(1)" in table.read_text(encoding="utf-8")
        result = ilacs("import", "analyst", str(table), "--spreadsheet-safe", "-o", str(back))
        assert result.status == 0, result.err
        assert back.read_text(encoding="utf-8") == document.read_text(encoding="utf-8")

    def test_spreadsheet_safe_is_only_for_the_analyst_table(self, ilacs: Ilacs) -> None:
        """Ofsted's own files are not escaped: --spreadsheet-safe with ofsted is a usage error."""
        source = str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
        result = ilacs("import", "ofsted", source, "--spreadsheet-safe")
        assert result.status == 2
        assert result.err == (
            "ilacs import: --spreadsheet-safe is for 'import analyst', a table that export-csv wrote\n"
        )


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

    def test_validate_passes_the_haringey_documents(self, ilacs: Ilacs) -> None:
        """Exit 0: no errors (the plan has one info finding: an action answering no area)."""
        result = ilacs(
            "validate",
            str(EXAMPLE_DATA / "haringey-2018.json"),
            str(EXAMPLE_DATA / "haringey-2018-action-plan.json"),
        )
        assert result.status == 0, result.out
        assert "haringey-2018.json: no findings" in result.out
        assert "haringey-2018-action-plan.json: 0 error(s), 0 warning(s), 1 info" in result.out

    def test_report_renders_the_haringey_2018_briefing_as_of_the_panel(self, ilacs: Ilacs) -> None:
        """As of 19 March 2019: judgements, nine areas, deadlines, nine actions by rating."""
        result = ilacs(
            "report", str(EXAMPLE_DATA / "haringey-2018-action-plan.json"), "--as-of", "2019-03-19"
        )
        assert result.status == 0, result.err
        text = result.out
        assert "*Briefing as of 19 March 2019.*" in text
        assert "9. Pathways to private fostering. (`ia-9`)" in text
        assert "| Red | 0 |\n| Amber | 2 |\n| Green | 7 |" in text
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

    def test_a_terminal_sees_the_bar_and_a_pipe_does_not(
        self, ilacs: Ilacs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """497 community rows: the bar ends at 497/497 on a terminal, and is absent in a pipe."""
        source = str(DATA / "ofsted_csc_ilacs_history.csv")
        output = str(tmp_path / "community.json")
        with monkeypatch.context() as terminal:
            terminal.setattr(sys.stderr, "isatty", lambda: True)
            seen = ilacs("import", "community", source, "-o", output)
            small = ilacs("import", "ofsted", str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv"))
        assert seen.status == 0, seen.err
        assert "497/497 rows" in seen.err
        piped = ilacs("import", "community", source, "-o", output)
        assert "rows]" not in piped.err
        assert "/497 rows" not in piped.err
        assert "rows]" not in small.err  # 271 rows: too few for a bar, even on a terminal


def _raise(error: BaseException) -> object:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise error

    return fail


class TestFailures:
    """However a command fails, the user sees one line and a documented exit status."""

    def test_a_file_that_is_not_utf8_exits_2_naming_it(self, ilacs: Ilacs, tmp_path: Path) -> None:
        """Latin-1 bytes: a usage error, not a traceback."""
        path = tmp_path / "latin.json"
        path.write_bytes(b'{"name": "Hull \xe9"}')
        result = ilacs("show", str(path))
        assert result.status == 2
        assert result.err == (
            f"ilacs show: cannot read {path}: not UTF-8 text (invalid continuation byte at byte 15)\n"
        )

    def test_standard_input_is_read_as_utf8_bytes(
        self, ilacs: Ilacs, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Bytes on stdin are UTF-8 whatever the locale, a byte-order mark allowed; others exit 2."""
        yaml_bytes = b"\xef\xbb\xbf" + serialisation.dumps_yaml(HARINGEY_2018).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(yaml_bytes), "latin-1"))
        result = ilacs("show", "-")
        assert result.status == 0, result.err
        assert result.out.startswith("Haringey: standard under ilacs-2018")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff{}")))
        result = ilacs("validate", "-")
        assert result.status == 2
        assert "cannot read standard input: not UTF-8 text" in result.err

    def test_a_due_soon_that_is_not_a_number_is_a_usage_error(
        self, ilacs: Ilacs, plan_file: Path
    ) -> None:
        """--due-soon many: exit 2 naming the option and the value."""
        result = ilacs("report", str(plan_file), "--as-of", "2019-03-19", "--due-soon", "many")
        assert result.status == 2
        assert "argument --due-soon: expected a whole number of working days" in result.err
        assert "got 'many'" in result.err

    def test_an_internal_error_stays_one_short_line(
        self, ilacs: Ilacs, monkeypatch: pytest.MonkeyPatch, inspection_file: Path
    ) -> None:
        """A bug with a long, many-line message: exit 3, one line of at most a few hundred characters."""
        monkeypatch.setattr(Inspection, "judgement_table", _raise(ValueError("no\n" * 5000)))
        result = ilacs("show", str(inspection_file))
        assert result.status == 3
        [line] = result.err.splitlines()
        assert line.startswith("ilacs show: internal error, please report: ValueError: no; no; ")
        assert len(line) < 400

    def test_debug_shows_the_traceback_of_an_input_error_too(
        self, ilacs: Ilacs, tmp_path: Path
    ) -> None:
        """--debug: the traceback, then the same one line and exit status."""
        missing = tmp_path / "missing.json"
        result = ilacs("--debug", "show", str(missing))
        assert result.status == 2
        assert result.err.startswith("Traceback")
        assert result.err.endswith(
            f"ilacs show: cannot read {missing}: No such file or directory\n"
        )

    def test_an_interrupt_exits_130_in_one_line(
        self, ilacs: Ilacs, monkeypatch: pytest.MonkeyPatch, inspection_file: Path
    ) -> None:
        """Ctrl-C during a command: exit 130, as shells count it, and no traceback."""
        monkeypatch.setattr(Inspection, "judgement_table", _raise(KeyboardInterrupt()))
        result = ilacs("show", str(inspection_file))
        assert result.status == 130
        assert result.err == "ilacs show: interrupted\n"

    def test_a_reader_that_goes_away_is_not_an_error(
        self, ilacs: Ilacs, monkeypatch: pytest.MonkeyPatch, inspection_file: Path
    ) -> None:
        """``ilacs show ... | head`` closing the pipe early: exit 0, nothing on stderr."""
        closed = io.StringIO()
        monkeypatch.setattr(closed, "write", _raise(BrokenPipeError()))
        monkeypatch.setattr(sys, "stdout", closed)
        result = ilacs("show", str(inspection_file))
        assert result == Run(0, "", "")

    def test_messages_go_to_the_stream_given(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """main(argv, stderr=stream): the message goes there, not to sys.stderr."""
        stream = io.StringIO()
        missing = tmp_path / "missing.json"
        assert cli.main(["show", str(missing)], stderr=stream) == 2
        assert (
            stream.getvalue() == f"ilacs show: cannot read {missing}: No such file or directory\n"
        )
        assert capsys.readouterr().err == ""

    def test_the_console_script_exits_with_the_status(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """main_exit, behind the ``ilacs`` script: sys.exit with what main returned."""
        monkeypatch.setattr(sys, "argv", ["ilacs", "authorities", "Haringy"])
        with pytest.raises(SystemExit) as exit_:
            cli.main_exit()
        assert exit_.value.code == 1
        assert "did you mean 'Haringey'?" in capsys.readouterr().err
