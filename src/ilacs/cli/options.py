"""The commands' options: their value types, and the pieces every command's parser shares.

A value argparse cannot take is a usage error (exit status 2) naming the option:
a date outside the years the working-day calendar covers, or a negative count.

>>> day("2019-03-19")
Date(2019, 3, 19)
>>> working_days("10")
10
"""

import argparse
from collections.abc import Callable

import pendulum

from ilacs.reasoning.calendar import default_calendar

__all__ = [
    "Commands",
    "add_command",
    "add_document",
    "add_format",
    "add_output",
    "day",
    "working_days",
]

Commands = argparse._SubParsersAction  # noqa: SLF001 (argparse names no public type for it)
"""The type of what :meth:`argparse.ArgumentParser.add_subparsers` returns."""


def day(text: str) -> pendulum.Date:
    """A date option's value: an ISO 8601 date within the working-day calendar's years.

    >>> day("19/03/2019")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a date such as 2019-03-19, got '19/03/2019'
    >>> day("1066-10-14")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 1066-10-14 is outside the years the working-day calendar covers, 1990 to 2100
    """
    try:
        value = pendulum.Date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date such as 2019-03-19, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    calendar = default_calendar()
    if not calendar.first_year <= value.year <= calendar.last_year:
        msg = (
            f"{value} is outside the years the working-day calendar covers,"
            f" {calendar.first_year} to {calendar.last_year}"
        )
        raise argparse.ArgumentTypeError(msg)
    return value


def working_days(text: str) -> int:
    """A count of working days: a whole number, 0 or more.

    >>> working_days("-1")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a whole number of working days, 0 or more, got '-1'
    """
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        msg = f"expected a whole number of working days, 0 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def add_command(
    commands: "Commands[argparse.ArgumentParser]",
    name: str,
    run: Callable[[argparse.Namespace], int],
    help_: str,
    example: str,
) -> argparse.ArgumentParser:
    r"""Add a command that ``run`` carries out, with its help and an example after its options.

    >>> parser = argparse.ArgumentParser(prog="ilacs")
    >>> commands = parser.add_subparsers()
    >>> sub = add_command(commands, "frameworks", print, "List.", "ilacs frameworks")
    >>> sub.epilog
    'example:\n  ilacs frameworks'
    """
    sub = commands.add_parser(
        name,
        help=help_,
        description=help_,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.set_defaults(run=run)
    return sub


def add_document(sub: argparse.ArgumentParser) -> None:
    """Add the ``FILE`` a command reads: a document, or ``-`` for stdin.

    >>> sub = argparse.ArgumentParser()
    >>> add_document(sub)
    >>> sub.parse_args(["-"]).file
    '-'
    """
    sub.add_argument("file", metavar="FILE", help="a document (JSON or YAML); - reads stdin")


def add_format(sub: argparse.ArgumentParser) -> None:
    """Add ``--format text|json`` (text by default).

    >>> sub = argparse.ArgumentParser()
    >>> add_format(sub)
    >>> sub.parse_args(["--format", "json"]).format
    'json'
    """
    sub.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )


def add_output(sub: argparse.ArgumentParser) -> None:
    """Add ``-o FILE``: write there (atomically), not to stdout.

    >>> sub = argparse.ArgumentParser()
    >>> add_output(sub)
    >>> sub.parse_args([]).output is None
    True
    """
    sub.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here, not to stdout; a failed write leaves the file as it was",
    )
