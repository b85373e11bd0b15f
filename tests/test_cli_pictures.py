"""Tests for ``ilacs picture``: the three pictures from the command line, and its errors."""

import sys
from pathlib import Path

import pytest
from cli_runner import run_cli

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
            "ilacs picture: pictures need matplotlib, which is not installed:"
            " pip install 'ilacs[pictures]'\n"
        )
        assert not target.exists()
