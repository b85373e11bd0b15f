"""Regression tests for issue 12: the command line's promises, run in-process.

``ilacs.cli.main`` turns every IlacsError into one line on stderr and the documented
exit status (0 ok, 1 bad input, 2 usage, 3 internal error), anything else into one
line "internal error, please report" with exit status 3 (a traceback only with
``--debug``); the input file is byte-identical after any command; nothing the user
gave is silently dropped.
"""

import contextlib
import errno
import io
import os
import resource
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import run_cli

from ilacs import Inspection, ValidationReport, importers, serialisation, tabular

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "data"
DATA = Path(__file__).parent / "data"
OFSTED = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
COMMUNITY = DATA / "ofsted_csc_ilacs_history.csv"
AS_OF = "2019-03-19"
# What a file that must not change holds before the command.
PRECIOUS = "precious: this file must survive a failed write\n" * 40
# Stands for the document's path in the argument lists below.
DOC = "{document}"


ilacs = run_cli


def one_line(err: str) -> str:
    """The single line of an error message on stderr (fails if there are more or none)."""
    lines = err.strip("\n").splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def edited(source: Path, target: Path, old: str, new: str, *, count: int = -1) -> Path:
    """A copy of ``source`` at ``target`` with ``old`` replaced by ``new``."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return target


def arguments(template: tuple[str, ...], document: Path) -> list[str]:
    """The template's arguments with the document's path for ``DOC``."""
    return [str(document) if item == DOC else item for item in template]


@pytest.fixture
def inspection_file(tmp_path: Path) -> Path:
    """Haringey's 2018 inspection (examples/data) copied to a temporary folder."""
    path = tmp_path / "haringey-2018.json"
    path.write_bytes((EXAMPLES / "haringey-2018.json").read_bytes())
    return path


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """Haringey's 2018 action plan (examples/data) copied to a temporary folder."""
    path = tmp_path / "plan.json"
    path.write_bytes((EXAMPLES / "haringey-2018-action-plan.json").read_bytes())
    return path


@contextlib.contextmanager
def writes_stop_part_way(limit: int = 512) -> Iterator[None]:
    """No file may grow past ``limit`` bytes: a write fails half done, as on a full disk."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


@contextlib.contextmanager
def renames_fail(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``os.replace`` fails, as it does across devices or on a locked file."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, "simulated failure to replace")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        yield


@contextlib.contextmanager
def failing(mode: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The named way for a write to fail."""
    if mode == "part-way":
        with writes_stop_part_way():
            yield
    else:
        with renames_fail(monkeypatch):
            yield


# 1. A document whose framework ilacs does not know.

UNKNOWN_FRAMEWORK_COMMANDS = [
    ("show", DOC),
    ("show", DOC, "--format", "text"),
    ("deadlines", DOC),
    ("deadlines", DOC, "--format", "json"),
    ("report", DOC, "--as-of", AS_OF),
]
DOCUMENTS = ["haringey-2018.json", "haringey-2018-action-plan.json"]


class TestUnknownFramework:
    """A document naming a framework ilacs does not know is bad input: exit 1, one line."""

    @pytest.mark.parametrize("document", DOCUMENTS)
    @pytest.mark.parametrize("command", UNKNOWN_FRAMEWORK_COMMANDS)
    def test_an_unknown_framework_exits_1_naming_it(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        command: tuple[str, ...],
        document: str,
    ) -> None:
        """Exit 1 and one line on stderr naming 'no-such-2099', no traceback."""
        path = edited(
            EXAMPLES / document,
            tmp_path / document,
            '"framework": "ilacs-2018"',
            '"framework": "no-such-2099"',
        )
        result = ilacs(capsys, *arguments(command, path))
        assert result.status == 1, result
        assert "no-such-2099" in one_line(result.err)

    def test_validate_reports_an_unknown_framework_as_a_finding(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Already right: validate exits 1 without a traceback."""
        path = edited(
            EXAMPLES / "haringey-2018.json",
            tmp_path / "unknown.json",
            '"framework": "ilacs-2018"',
            '"framework": "no-such-2099"',
        )
        result = ilacs(capsys, "validate", str(path))
        assert result.status == 1
        assert "Traceback" not in result.err


# 2. Dates outside the calendar's years, and a negative --due-soon.

OUT_OF_RANGE_DAYS = ["1066-01-01", "9999-01-01"]
# (command before the day, the document it runs on): the day goes last.
DATE_OPTIONS = [
    (("report", DOC, "--as-of"), "haringey-2018-action-plan.json"),
    (("report", DOC, "--as-of"), "haringey-2018.json"),
    (("deadlines", DOC, "--closure"), "haringey-2018.json"),
    (("deadlines", DOC, "--format", "json", "--closure"), "haringey-2018-action-plan.json"),
]
# (document, text replaced, its replacement, command, the day the message names).
DOCUMENT_DATES = [
    (
        "haringey-2018.json",
        '"report_received": "2018-12-05"',
        '"report_received": "9999-12-05"',
        ("deadlines", DOC),
        "9999-12-05",
    ),
    (
        "haringey-2018.json",
        '"report_received": "2018-12-05"',
        '"report_received": "9999-12-05"',
        ("report", DOC, "--as-of", AS_OF),
        "9999-12-05",
    ),
    ("haringey-2018.json", '"2018-', '"1066-', ("deadlines", DOC), "1066-"),
    ("haringey-2018.json", '"2018-', '"1066-', ("report", DOC, "--as-of", AS_OF), "1066-"),
    (
        "haringey-2018-action-plan.json",
        '"due": "2019-09-30"',
        '"due": "9999-01-01"',
        ("report", DOC, "--as-of", AS_OF),
        "9999-01-01",
    ),
]


class TestDatesOutsideTheCalendar:
    """The calendar covers 1990 to 2100: a day outside it is an error message, not a traceback."""

    @pytest.mark.parametrize("day", OUT_OF_RANGE_DAYS)
    @pytest.mark.parametrize(("command", "document"), DATE_OPTIONS)
    def test_an_option_day_outside_the_calendar_is_a_usage_error(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        command: tuple[str, ...],
        document: str,
        day: str,
    ) -> None:
        """--as-of or --closure 1066-01-01 or 9999-01-01: exit 2, one line naming the day."""
        path = tmp_path / document
        path.write_bytes((EXAMPLES / document).read_bytes())
        result = ilacs(capsys, *arguments(command, path), day)
        assert result.status == 2, result
        assert day in result.err
        assert "Traceback" not in result.err

    @pytest.mark.parametrize(("document", "old", "new", "command", "named"), DOCUMENT_DATES)
    def test_a_document_day_outside_the_calendar_is_an_input_error(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        document: str,
        old: str,
        new: str,
        command: tuple[str, ...],
        named: str,
    ) -> None:
        """A report received in 9999, fieldwork in 1066, an action due in 9999: exit 1, one line."""
        path = edited(EXAMPLES / document, tmp_path / document, old, new)
        result = ilacs(capsys, *arguments(command, path))
        assert result.status == 1, result
        assert named in one_line(result.err)

    @pytest.mark.parametrize("document", DOCUMENTS)
    def test_a_negative_due_soon_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, document: str
    ) -> None:
        """--due-soon -1: exit 2 and one line naming --due-soon, for a plan or an inspection."""
        path = tmp_path / document
        path.write_bytes((EXAMPLES / document).read_bytes())
        result = ilacs(capsys, "report", str(path), "--as-of", AS_OF, "--due-soon", "-1")
        assert result.status == 2, result
        assert "--due-soon" in result.err
        assert "Traceback" not in result.err

    def test_a_day_inside_the_calendar_still_works(
        self, capsys: pytest.CaptureFixture[str], plan_file: Path
    ) -> None:
        """Already right: 19 March 2019 gives the briefing."""
        result = ilacs(capsys, "report", str(plan_file), "--as-of", AS_OF, "--due-soon", "0")
        assert result.status == 0, result
        assert "*Briefing as of 19 March 2019.*" in result.out


# 3. YAML without PyYAML.

YAML_COMMANDS = [
    ("show", "{yaml}"),
    ("validate", "{yaml}"),
    ("deadlines", "{yaml}"),
    ("report", "{yaml}", "--as-of", AS_OF),
    ("convert", "{yaml}", "--to", "json"),
    ("convert", DOC, "--to", "yaml"),
    ("import", "ofsted", str(OFSTED), "--to", "yaml"),
]


class TestYamlWithoutPyYaml:
    """Without PyYAML, YAML in or out is a clear error naming the extra to install."""

    @pytest.mark.parametrize("command", YAML_COMMANDS)
    def test_a_missing_pyyaml_names_the_extra(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        plan_file: Path,
        tmp_path: Path,
        command: tuple[str, ...],
    ) -> None:
        """Exit 2 (an extra missing, as for any problem with the environment), naming it."""
        yaml_file = tmp_path / "plan.yaml"
        plan = serialisation.loads(plan_file.read_text(encoding="utf-8"))
        yaml_file.write_text(serialisation.dumps_yaml(plan), encoding="utf-8")
        argv = [str(yaml_file) if item == "{yaml}" else item for item in command]
        monkeypatch.setitem(sys.modules, "yaml", None)
        result = ilacs(capsys, *arguments(tuple(argv), plan_file))
        assert result.status == 2, result
        assert "pip install 'ilacs[yaml]'" in result.err
        assert "Traceback" not in result.err


# 4. Writes are atomic: a failed write leaves the file as it was.

FAILURES = ["part-way", "replace"]
# Every command that writes to -o; the output goes to an existing file.
WRITERS = [
    ("convert", DOC, "--to", "json"),
    ("convert", DOC, "--to", "yaml"),
    ("report", DOC, "--as-of", AS_OF),
    ("export-csv", DOC),
    ("import", "ofsted", str(OFSTED)),
    ("import", "analyst", "{table}"),
    ("import", "ofsted", str(OFSTED), "--to", "yaml"),
]


class TestAtomicWrites:
    """Output is written to a temporary file in the same folder, then moved over the target."""

    def test_converting_a_file_onto_itself_survives_a_failed_write(
        self, capsys: pytest.CaptureFixture[str], plan_file: Path
    ) -> None:
        """Convert plan.json onto itself, the write failing half done: plan.json is intact."""
        before = plan_file.read_bytes()
        folder = sorted(plan_file.parent.iterdir())
        with writes_stop_part_way():
            result = ilacs(capsys, "convert", str(plan_file), "--to", "json", "-o", str(plan_file))
        assert plan_file.read_bytes() == before
        assert sorted(plan_file.parent.iterdir()) == folder
        assert result.status == 2, result
        assert str(plan_file) in one_line(result.err)

    @pytest.mark.parametrize("mode", FAILURES)
    @pytest.mark.parametrize("command", WRITERS)
    def test_a_failed_write_leaves_the_target_byte_identical(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        plan_file: Path,
        tmp_path: Path,
        command: tuple[str, ...],
        mode: str,
    ) -> None:
        """Each writing command, the write failing: the target as it was, no stray file, exit 2."""
        table = tmp_path / "table.csv"
        table.write_text(tabular.to_csv(importers.ofsted(OFSTED).inspections), encoding="utf-8")
        target = tmp_path / "target.out"
        target.write_text(PRECIOUS, encoding="utf-8")
        folder = sorted(tmp_path.iterdir())
        argv = [str(table) if item == "{table}" else item for item in command]
        with failing(mode, monkeypatch):
            result = ilacs(capsys, *arguments(tuple(argv), plan_file), "-o", str(target))
        assert target.read_text(encoding="utf-8") == PRECIOUS
        assert sorted(tmp_path.iterdir()) == folder
        assert result.status == 2, result
        assert "Traceback" not in result.err
        assert str(target) in result.err

    def test_a_successful_write_leaves_only_the_output(
        self, capsys: pytest.CaptureFixture[str], plan_file: Path
    ) -> None:
        """Already right: convert onto itself gives the same bytes and no other file."""
        before = plan_file.read_bytes()
        result = ilacs(capsys, "convert", str(plan_file), "--to", "json", "-o", str(plan_file))
        assert result.status == 0, result
        assert plan_file.read_bytes() == before
        assert [path.name for path in plan_file.parent.iterdir()] == ["plan.json"]


# 5. Standard input.

# (source, file, the summary the import prints).
STDIN_IMPORTS = [
    ("ofsted", OFSTED, "271 rows read, 271 imported, 0 skipped"),
    ("inyear", INYEAR, "330 rows read, 330 imported, 0 skipped"),
    ("community", COMMUNITY, "497 rows read, 316 imported, 181 skipped"),
]
# (arguments after reading "-", what stdout shows).
STDIN_YAML = [
    (("validate", "-"), "-: no findings"),
    (("show", "-"), "Haringey: standard under ilacs-2018"),
    (("deadlines", "-"), "Action plan: due 18 March 2019"),
    (("convert", "-", "--to", "json"), '"document_type": "inspection"'),
]


class TestStandardInput:
    """``-`` reads standard input for every command, and YAML is told from JSON by content."""

    @pytest.mark.parametrize(("source", "path", "summary"), STDIN_IMPORTS)
    def test_import_reads_standard_input_for_a_dash(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        source: str,
        path: Path,
        summary: str,
    ) -> None:
        """``ilacs import SOURCE -`` takes the CSV from stdin, as from the file."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(path.read_text(encoding="utf-8")))
        result = ilacs(capsys, "import", source, "-")
        assert result.status == 0, result.err
        assert summary in result.err
        assert isinstance(serialisation.loads(result.out), tuple)

    def test_import_analyst_reads_standard_input_for_a_dash(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An export-csv table on stdin reads back to the same 271 inspections."""
        official = importers.ofsted(OFSTED).inspections
        monkeypatch.setattr(sys, "stdin", io.StringIO(tabular.to_csv(official)))
        result = ilacs(capsys, "import", "analyst", "-")
        assert result.status == 0, result.err
        assert "271 rows read, 271 imported, 0 skipped" in result.err
        assert serialisation.loads(result.out) == official

    @pytest.mark.parametrize(("command", "shown"), STDIN_YAML)
    def test_yaml_on_standard_input_is_read_as_yaml(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        inspection_file: Path,
        command: tuple[str, ...],
        shown: str,
    ) -> None:
        """Haringey's inspection as YAML on stdin: exit 0, as from a .yaml file."""
        inspection = serialisation.loads(inspection_file.read_text(encoding="utf-8"))
        monkeypatch.setattr(sys, "stdin", io.StringIO(serialisation.dumps_yaml(inspection)))
        result = ilacs(capsys, *command)
        assert result.status == 0, result
        assert shown in result.out

    @pytest.mark.parametrize(("command", "shown"), STDIN_YAML)
    def test_json_on_standard_input_still_works(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        inspection_file: Path,
        command: tuple[str, ...],
        shown: str,
    ) -> None:
        """Already right: the JSON document on stdin."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(inspection_file.read_text(encoding="utf-8")))
        result = ilacs(capsys, *command)
        assert result.status == 0, result
        assert shown in result.out


# 6. Unexpected exceptions.


def _boom(*_args: object, **_kwargs: object) -> str:
    msg = "boom: an unexpected failure"
    raise RuntimeError(msg)


# (public class, its method made to fail, the command that calls it). Methods of public
# classes are patched, not module functions, so that the tests hold whatever imports what.
INTERNAL_FAILURES = [
    (Inspection, "judgement_table", ("report", DOC, "--as-of", AS_OF)),
    (Inspection, "judgement_table", ("show", DOC)),
    (Inspection, "framework_pack", ("deadlines", DOC)),
    (ValidationReport, "to_text", ("validate", DOC)),
    (importers.ImportResult, "summary", ("import", "ofsted", str(OFSTED))),
]
INTERNAL_IDS = [f"{command[0]}-{cls.__name__}.{name}" for cls, name, command in INTERNAL_FAILURES]


class TestInternalErrors:
    """A bug in ilacs is exit 3 and one line asking for a report; --debug shows the traceback."""

    @pytest.mark.parametrize(("cls", "name", "command"), INTERNAL_FAILURES, ids=INTERNAL_IDS)
    def test_an_unexpected_exception_exits_3_without_a_traceback(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        plan_file: Path,
        cls: type,
        name: str,
        command: tuple[str, ...],
    ) -> None:
        """A RuntimeError inside a command: exit 3, 'internal error, please report', no traceback."""
        monkeypatch.setattr(cls, name, _boom)
        result = ilacs(capsys, *arguments(command, plan_file))
        assert result.status == 3, result
        assert "internal error, please report" in one_line(result.err)

    @pytest.mark.parametrize(("cls", "name", "command"), INTERNAL_FAILURES, ids=INTERNAL_IDS)
    def test_debug_shows_the_traceback(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        plan_file: Path,
        cls: type,
        name: str,
        command: tuple[str, ...],
    ) -> None:
        """``ilacs --debug ...``: still exit 3, with the traceback and the exception on stderr."""
        monkeypatch.setattr(cls, name, _boom)
        result = ilacs(capsys, "--debug", *arguments(command, plan_file))
        assert result.status == 3, result
        assert "Traceback" in result.err
        assert "boom: an unexpected failure" in result.err
