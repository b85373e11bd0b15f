"""The ``ilacs`` command: its parser, and the one place where errors become exit statuses.

Run ``ilacs --help`` (or ``python -m ilacs --help``) for the commands and examples.
:func:`main` never lets an exception out: an :class:`~ilacs.errors.IlacsError`
becomes one line on stderr and its exit status (see :mod:`ilacs.cli.status`), and
anything else, a bug in ilacs, one line asking for a report with exit status 3 (the
traceback too with ``ilacs --debug``).
"""

import argparse
import contextlib
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn, TextIO

from ilacs import __version__
from ilacs.cli import data, documents, history, national, new, pictures
from ilacs.cli.status import (
    INPUT_ERROR,
    INTERNAL_ERROR,
    INTERRUPTED,
    OK,
    USAGE_ERROR,
    CommandError,
)
from ilacs.errors import FileWriteError, IlacsError, MissingExtraError

__all__ = ["main", "main_exit"]

_EXAMPLES = """\
examples:
  ilacs validate haringey-2018.json          check a document; exit 1 on errors
  ilacs show haringey-2018.yaml              the inspection, as a person reads it
  ilacs deadlines haringey-2018.json         the deadlines the inspection sets
  ilacs report plan.json --as-of 2019-03-19  a Markdown briefing for a committee
  ilacs import ofsted national.csv -o all.json
  ilacs export-csv all.json -o all.csv       one row per inspection, for analysts
  ilacs import ofsted outcomes.ods -o all.json  Ofsted's workbook as published
  ilacs export-xlsx all.json -o all.xlsx     a workbook: one typed sheet per table
  ilacs convert plan.json --to yaml          the same document as YAML
  ilacs schema action_plan                   the JSON Schema of a document type
  ilacs new action-plan -o plan.yaml         a commented template to fill in by hand
  ilacs frameworks                           the framework versions ilacs knows
  ilacs authorities haringey                 look up an authority's codes
  ilacs latest national.csv --as-of 2024-03-31  each authority's latest grades
  ilacs picture plan plan.json --as-of 2020-03-31 -o plan.png  a plan's RAG over time

A file named - is standard input (or, for -o, standard output). Documents are JSON
or YAML, told apart by the file's extension, or else by their content.

exit status:
  0  all is well
  1  the input has errors (a finding of severity error, a document that cannot be
     loaded or used, an unknown authority; with import --strict, a skipped row or
     a column missing or not read)
  2  a usage error, or a file that cannot be read or written
  3  an internal error in ilacs: please report it, with the output of --debug
"""

# An unexpected error's message is cut here, to keep its line a line.
_MESSAGE_LIMIT = 300


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ilacs",
        description="Check, show, report on, import, export and convert ILACS documents.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ilacs {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on an error, print its traceback too (for a bug report)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    documents.add_commands(commands)
    new.add_commands(commands)
    data.add_commands(commands)
    national.add_commands(commands)
    pictures.add_commands(commands)
    history.add_commands(commands)
    return parser


def _one_line(text: str) -> str:
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


def _failure(error: BaseException) -> tuple[int, Sequence[str]]:
    """The exit status of an error that ended a command, and its lines for stderr."""
    if isinstance(error, CommandError):
        return error.status, error.lines
    if isinstance(error, FileWriteError | MissingExtraError):
        return USAGE_ERROR, [str(error)]
    if isinstance(error, IlacsError):
        return INPUT_ERROR, [str(error)]
    if isinstance(error, KeyboardInterrupt):
        return INTERRUPTED, ["interrupted"]
    message = f"{type(error).__name__}: {_one_line(str(error))}"
    if len(message) > _MESSAGE_LIMIT:
        message = message[: _MESSAGE_LIMIT - 3] + "..."
    return INTERNAL_ERROR, [f"internal error, please report: {message} (ilacs {__version__})"]


def _run(args: argparse.Namespace) -> tuple[int, Sequence[str]]:
    """Run the command: its exit status, and the lines to write to stderr after its name."""
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # the reader has gone (``ilacs ... | head``): nothing is wrong
        return OK, []
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 (each becomes a status)
        if args.debug:
            traceback.print_exc(file=sys.stderr)
        return _failure(error)
    return status, []


def main(argv: Sequence[str] | None = None, *, stderr: TextIO | None = None) -> int:
    """Run the command line on ``argv`` (by default ``sys.argv[1:]``); return the exit status.

    Messages go to ``stderr`` (by default ``sys.stderr``). Nothing is raised:
    argparse's own exits (``--help``, a usage error) give their status too.

    >>> main(["frameworks"])
    sif-2013     2013-11-01 to 2017-12-31  Single inspection framework (SIF)
    ...
    0
    >>> import io
    >>> messages = io.StringIO()
    >>> main(["show", "no/such/plan.json"], stderr=messages)
    2
    >>> print(messages.getvalue(), end="")
    ilacs show: cannot read no/such/plan.json: No such file or directory
    """
    with contextlib.redirect_stderr(stderr or sys.stderr):
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exit_:
            # argparse has already printed the help, the version or the usage error.
            return exit_.code if isinstance(exit_.code, int) else USAGE_ERROR
        status, lines = _run(args)
        for line in lines:
            sys.stderr.write(f"ilacs {args.command}: {_one_line(line)}\n")
    return status


def main_exit() -> NoReturn:
    """The ``ilacs`` console script: run :func:`main` and exit with its status."""
    status = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``ilacs ... | head``): say nothing more at exit.
        sys.stdout = None
    sys.exit(status)
