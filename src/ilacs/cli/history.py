"""``ilacs history``: an authority's journey from documents and national data files, as of a day.

Each FILE is an inspections document (JSON or YAML) or a CSV of national data; a
CSV is read by the importer whose columns it has (Ofsted's official history, its
in-year activity, the community scrape, or a table ``export-csv`` wrote). The
sources are merged in the order given (give the richest first), then the
authority's events are listed in order with where each came from, what is not
known, its grades across framework versions, and what is due next: Ofsted's stated
intention beside the gaps the national record given shows.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["history", "Haringey", "a.csv", "b.json", "--as-of", "2025-03-31"])
>>> args.authority, args.files, str(args.as_of)
('Haringey', ['a.csv', 'b.json'], '2025-03-31')
"""

import argparse
import sys
from pathlib import Path

from ilacs.base.text import format_date
from ilacs.cli import files, options
from ilacs.cli.documents import inspections as inspections_in
from ilacs.cli.documents import json_text
from ilacs.cli.status import INPUT_ERROR, OK, USAGE_ERROR, CommandError
from ilacs.errors import CsvFormatError
from ilacs.model import authorities
from ilacs.model.inspections import Fact, Inspection, Known
from ilacs.reasoning import history

__all__ = ["add_commands"]

# The column that tells each national CSV apart, and its importer's name.
_MARKERS = (
    ("visit_date", "inyear"),
    ("inspection_start_date", "community"),
    ("inspection date", "ofsted"),
    ("on_site_start", "analyst"),
)


def _kind(path: str) -> str:
    suffix = "" if path == files.STDIN else Path(path).suffix.lower()
    if suffix in {".ods", ".xlsx"}:
        return "ofsted"
    if suffix != ".csv":
        return "document"
    try:
        with Path(path).open(encoding="utf-8-sig") as file:
            header = file.readline().casefold()
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise CommandError(msg, USAGE_ERROR) from error
    for marker, kind in _MARKERS:
        if marker in header:
            return kind
    msg = f"{path}: not a national file ilacs reads (no column {', '.join(m for m, _ in _MARKERS)})"
    raise CommandError(msg, INPUT_ERROR)


def _read(path: str) -> tuple[str, tuple[Inspection, ...]]:
    kind = _kind(path)
    if kind == "document":
        return path, inspections_in(files.load(path), path)
    from ilacs.tables import importers, tabular  # noqa: PLC0415 (only national data needs them)

    reader = {
        "ofsted": importers.ofsted,
        "inyear": importers.inyear,
        "community": importers.community,
        "analyst": tabular.from_csv,
    }[kind]
    try:
        result = reader(files.stream(path))
    except CsvFormatError as error:
        raise CommandError(str(error), INPUT_ERROR) from error
    sys.stderr.write(f"{path}: {result.summary()}\n")
    return path, result.inspections


def _lines(
    found: history.History,
    origin: dict[int, str],
    gaps: history.GapDistribution,
    args: argparse.Namespace,
) -> list[str]:
    lines = [f"{found.authority.name}, as of {format_date(args.as_of)}:"]
    for event in found.events:
        days = format_date(event.on_site_start)
        if event.on_site_end is not None:
            days += f" to {format_date(event.on_site_end)}"
        what = f"{event.kind.value} ({event.framework})"
        if event.topic:
            what += f", {event.topic}"
        overall = event.grade("overall_effectiveness")
        if overall is not None:
            what += f", overall {event.framework_pack().grade_scale.wording(overall)}"
        lines.append(f"  {days}: {what} [{origin[id(event)]}]")
        missing = [
            fact.label
            for fact in (Fact.PRIORITY_ACTIONS, Fact.IMPROVEMENT_AREAS)
            if event.known(fact) is Known.NOT_KNOWN
        ]
        if missing:
            lines.append(f"      not known: {', '.join(missing)}")
    lines.append(f"Due next: {found.due_next(args.as_of, observed=gaps)}")
    held = found.under_intervention(args.as_of)
    lines.append(
        "Under intervention: " + ("; ".join(map(str, held)) or "none recorded in these files")
    )
    return lines


def _json(found: history.History, origin: dict[int, str], args: argparse.Namespace) -> str:
    due = found.due_next(args.as_of)
    return json_text(
        {
            "authority": found.authority.name,
            "as_of": args.as_of.isoformat(),
            "events": [
                {
                    "on_site_start": event.on_site_start.isoformat(),
                    "on_site_end": event.on_site_end.isoformat() if event.on_site_end else None,
                    "kind": event.kind.value,
                    "framework": event.framework,
                    "topic": event.topic,
                    "source": origin[id(event)],
                    "priority_actions": event.known(Fact.PRIORITY_ACTIONS).value,
                    "improvement_areas": event.known(Fact.IMPROVEMENT_AREAS).value,
                }
                for event in found.events
            ],
            "due_next": {"pathway": due.pathway, "reason": due.reason},
        }
    )


def _history(args: argparse.Namespace) -> int:
    sources = [_read(path) for path in args.files]
    origin = {id(item): path for path, found in sources for item in found}
    every = history.merged(*(found for _, found in sources))
    with files.input_errors(args.files[0]):
        authority = authorities.record(args.authority).authority
        key: int | str = authority.urn if authority.urn is not None else authority.name
        found = history.History.of(key, every)
        if args.format == "json":
            files.write(_json(found, origin, args), args.output)
        else:
            gaps = history.observed_gaps(every)
            files.write("\n".join(_lines(found, origin, gaps, args)) + "\n", args.output)
    return OK


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add ``ilacs history`` to the ``ilacs`` parser's commands (see the module's example)."""
    sub = options.add_command(
        commands,
        "history",
        _history,
        "An authority's inspections and visits in order, what is not known, and what is"
        " due next: Ofsted's stated intention beside the gaps the national record shows.",
        "ilacs history Haringey history.csv inyear.csv --as-of 2025-03-31",
    )
    sub.add_argument("authority", metavar="AUTHORITY", help="a name, URN, DfE or ONS code")
    sub.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="inspections documents or national CSV files (official history, in-year"
        " activity, community scrape, export-csv), richest first",
    )
    sub.add_argument(
        "--as-of", type=options.day, required=True, metavar="DATE", help="the day to tell it as of"
    )
    sub.add_argument("--format", choices=("text", "json"), default="text", help="output (text)")
    options.add_output(sub)
