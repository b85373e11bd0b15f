"""Running the command line in-process, as the CLI test modules do."""

from typing import NamedTuple

import pytest

from ilacs import cli


class Run(NamedTuple):
    """What one run of the command line gave: its exit status, stdout and stderr."""

    status: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """Run ``ilacs.cli.main`` in-process with these arguments, as a user runs ``ilacs``."""
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)
