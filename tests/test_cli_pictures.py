"""Tests for ``ilacs picture``: the three pictures from the command line, and its errors."""

import sys
from pathlib import Path

import pytest
from _haringey import HISTORY
from cli_runner import run_cli

from ilacs import serialisation

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
OFFICIAL = str(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
PLAN = str(EXAMPLES / "haringey-2018-action-plan.json")
SMALL = ("--width", "6", "--height", "4", "--dpi", "30")


class TestPictures:
    """Each picture is written to the file named, in the format its extension names."""

    def test_a_history_from_ofsteds_data_is_a_png(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An authority found by its DfE code; the importer's summary goes to stderr."""
        target = tmp_path / "haringey.png"
        args = ("history", OFFICIAL, "--authority", "309")
        run = run_cli(capsys, "picture", *args, "--as-of", "2026-06-30", "-o", str(target), *SMALL)
        assert run.status == 0, run.err
        assert run.out == ""
        assert "271 rows read, 271 imported" in run.err
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    def test_a_regions_distribution_is_an_svg(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """London's care leavers every year back from 31 March 2025, as SVG."""
        target = tmp_path / "london.SVG"
        run = run_cli(
            capsys,
            "picture",
            "distribution",
            OFFICIAL,
            "--as-of",
            "2025-03-31",
            "--since",
            "2023-01-01",
            "--region",
            "london",
            "--area",
            "care_leavers",
            "-o",
            str(target),
            *SMALL,
        )
        assert run.status == 0, run.err
        assert target.read_text(encoding="utf-8").startswith("<?xml")

    def test_a_plans_ratings_are_a_png(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Haringey's plan every quarter from the report to 31 March 2020."""
        target = tmp_path / "plan.png"
        args = ("--as-of", "2020-03-31", "--every", "quarter", "-o", str(target), *SMALL)
        run = run_cli(capsys, "picture", "plan", PLAN, *args)
        assert run.status == 0, run.err
        assert target.read_bytes().startswith(b"\x89PNG")


#: Misuse: the command line, its exit status, and what stderr says.
MISUSE = [
    (
        ("plan", PLAN, "--as-of", "2020-03-31", "-o", "p.png", "--width", "1"),
        2,
        "expected a width in inches from 4 to 50, got '1'",
    ),
    (
        ("plan", PLAN, "--as-of", "2020-03-31", "-o", "p.png", "--dpi", "1.5"),
        2,
        "expected a whole number of dots per inch from 10 to 1200, got '1.5'",
    ),
    (
        ("plan", PLAN, "--as-of", "2020-03-31", "-o", "plan.pdf"),
        2,
        "name a file ending in .png or .svg, got '",
    ),
    (
        ("plan", str(EXAMPLES / "haringey-2018.json"), "--as-of", "2020-03-31", "-o", "p.png"),
        1,
        "a plan's picture needs an action plan document",
    ),
    (
        ("plan", PLAN, "--as-of", "2018-01-01", "-o", "p.png"),
        2,
        "is after --as-of 2018-01-01: give --since",
    ),
    (
        ("history", OFFICIAL, "--authority", "Nowhere", "--as-of", "2025-03-31", "-o", "h.png"),
        1,
        "'authority' has no graded inspection published by 31 March 2025",
    ),
    (
        (
            "history",
            OFFICIAL,
            "--authority",
            "Haringey",
            "--as-of",
            "2025-03-31",
            "--area",
            "x",
            "-o",
            "h.png",
        ),
        1,
        "'areas' must be judgement areas of these inspections",
    ),
    (
        (
            "distribution",
            OFFICIAL,
            "--as-of",
            "2025-03-31",
            "--neighbours",
            "Haringey",
            "--region",
            "London",
            "-o",
            "d.png",
        ),
        2,
        "--neighbours counts an authority's statistical neighbours: give it alone",
    ),
    (
        ("distribution", OFFICIAL, "--as-of", "2025-03-31", "--since", "2026-01-01", "-o", "d.png"),
        2,
        "--since 2026-01-01 is after --as-of 2025-03-31",
    ),
    (
        (
            "distribution",
            OFFICIAL,
            "--as-of",
            "2025-03-31",
            "--since",
            "2010-01-01",
            "--every",
            "week",
            "-o",
            "d.png",
        ),
        2,
        "more than 120 days",
    ),
]


class TestMisuse:
    """Misuse is a usage error (2) or an input error (1), with one line saying what is wrong."""

    @pytest.mark.parametrize(("args", "status", "message"), MISUSE)
    def test_misuse_is_reported_and_nothing_is_written(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        *,
        args: tuple[str, ...],
        status: int,
        message: str,
    ) -> None:
        """The status and the message; no file is left behind."""
        args = tuple(str(tmp_path / arg) if arg.endswith((".png", ".pdf")) else arg for arg in args)
        run = run_cli(capsys, "picture", *args)
        assert run.status == status, run.err
        assert message in run.err
        assert "Traceback" not in run.err
        assert list(tmp_path.iterdir()) == []

    def test_without_matplotlib_the_command_names_the_extra(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """With the extra missing, a usage error says what to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        target = tmp_path / "plan.png"
        run = run_cli(capsys, "picture", "plan", PLAN, "--as-of", "2020-03-31", "-o", str(target))
        assert run.status == 2
        assert run.err == (
            "ilacs picture: drawing pictures needs matplotlib, which is not installed:"
            " pip install 'ilacs[pictures]'\n"
        )
        assert not target.exists()


class TestFailedWrites:
    """A picture or a briefing that cannot be written is exit 2, as any failed write is."""

    @pytest.mark.parametrize(
        "command",
        [
            ("picture", "plan", PLAN, "--as-of", "2020-03-31", *SMALL, "-o", "{missing}/plan.png"),
            ("report", PLAN, "--as-of", "2019-03-19", "--format", "html", "-o", "{missing}/b.html"),
        ],
    )
    def test_a_missing_folder_is_a_usage_error_naming_the_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: tuple[str, ...]
    ) -> None:
        """Exit 2 and the folder named; nothing is written."""
        missing = tmp_path / "no-such-folder"
        run = run_cli(capsys, *(arg.format(missing=missing) for arg in command))
        assert run.status == 2, run.err
        assert "does not exist" in run.err
        assert not missing.exists()


class TestReportWithPictures:
    """``ilacs report --format html|markdown --pictures``: a briefing that shows its pictures."""

    def test_a_markdown_briefing_writes_its_pictures_beside_it(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The plan's ratings and, with --history, the authority's grades, as PNG files."""
        history = tmp_path / "haringey.json"
        history.write_text(serialisation.dumps(HISTORY), encoding="utf-8")
        target = tmp_path / "brief.md"
        args = ("--pictures", "--history", str(history), "-o", str(target))
        run = run_cli(capsys, "report", PLAN, "--as-of", "2019-09-30", *args)
        assert run.status == 0, run.err
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "brief-1.png",
            "brief-2.png",
            "brief.md",
            "haringey.json",
        ]
        lines = target.read_text(encoding="utf-8").splitlines()
        assert lines[-3:] == [
            "![Haringey: grades at each inspection of children's services](<brief-1.png>)",
            "",
            "![Haringey's action plan: actions red, amber and green on each day](<brief-2.png>)",
        ]

    def test_an_html_briefing_goes_to_stdout_with_its_pictures_inline(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One page, the plan's picture an SVG data URI."""
        args = ("--as-of", "2019-03-19", "--format", "html", "--pictures")
        run = run_cli(capsys, "report", PLAN, *args)
        assert run.status == 0, run.err
        assert run.out.startswith("<!DOCTYPE html>\n")
        assert run.out.count('src="data:image/svg+xml;base64,') == 1

    def test_an_html_briefing_without_pictures_has_none(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --pictures, the page is the briefing alone."""
        run = run_cli(capsys, "report", PLAN, "--as-of", "2019-03-19", "--format", "html")
        assert run.status == 0, run.err
        assert "<img" not in run.out
        assert "<h1>Ofsted standard inspection of Haringey's children's services</h1>" in run.out

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("--pictures",), "a Markdown briefing's pictures are written beside it"),
            (("--history", PLAN), "--history is drawn as the authority's grade history"),
            (("--format", "pdf"), "invalid choice: 'pdf'"),
        ],
    )
    def test_misuse_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
    ) -> None:
        """Exit status 2, and what to do instead."""
        run = run_cli(capsys, "report", PLAN, "--as-of", "2019-03-19", *args)
        assert run.status == 2
        assert message in run.err
