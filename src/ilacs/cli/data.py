"""The commands on national data and the registries: import, export-csv, export-xlsx, frameworks, authorities.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> parser.parse_args(["export-csv", "all.json", "--spreadsheet-safe"]).spreadsheet_safe
True
>>> parser.parse_args(
...     ["import", "ofsted", "outcomes.ods", "--sheet", "ILACS_inspection_history"]
... ).sheet
'ILACS_inspection_history'
"""

import argparse
import io
import sys
from collections.abc import Callable
from typing import BinaryIO, TextIO

import attrs

from ilacs import frameworks
from ilacs.cli import files, options
from ilacs.cli.documents import inspections, json_text
from ilacs.cli.status import INPUT_ERROR, OK, USAGE_ERROR, CommandError, usage
from ilacs.errors import CsvFormatError
from ilacs.model.action_plans import ActionPlan
from ilacs.tables.workbooks import is_workbook
from ilacs.wire import serialisation

__all__ = ["add_commands", "progress_bar"]

_SPREADSHEET_SAFE = (
    "put a ' before each cell that starts with = + - @, a tab, a carriage return or ',"
    " so that a spreadsheet shows it as text and never runs it as a formula;"
    " 'ilacs import analyst --spreadsheet-safe' reads such a table back exactly"
)

# Fewer rows than this import too quickly to need a progress bar.
_ROWS_WORTH_A_BAR = 300


def progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on stderr for an import, or None when stderr is not a terminal.

    >>> progress_bar() is None  # doctest output is not a terminal
    True
    """
    if not sys.stderr.isatty():
        return None

    def draw(done: int, total: int) -> None:
        if total < _ROWS_WORTH_A_BAR:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return draw


def _listing(columns: tuple[str, ...]) -> str:
    return ", ".join(map(repr, columns))


def _source(path: str) -> str | TextIO | BinaryIO:
    """What an importer reads: the path, or standard input as a workbook's bytes or as text."""
    raw = getattr(sys.stdin, "buffer", None)
    if path != files.STDIN or raw is None:
        return files.stream(path)
    data: bytes = raw.read()
    stream: io.BytesIO | io.StringIO
    if is_workbook(data):
        stream = io.BytesIO(data)
    else:
        try:
            stream = io.StringIO(data.decode("utf-8-sig"), newline="")
        except UnicodeDecodeError as error:
            usage(
                f"cannot read standard input: not UTF-8 text ({error.reason} at byte {error.start})"
            )
    stream.name = "<stdin>"  # named for messages, as files.stream names it
    return stream


def _import(args: argparse.Namespace) -> int:
    from ilacs.tables import importers, tabular  # noqa: PLC0415 (only this command needs them)

    if args.spreadsheet_safe and args.source != "analyst":
        usage("--spreadsheet-safe is for 'import analyst', a table that export-csv wrote")
    readers = {
        "ofsted": importers.ofsted,
        "community": importers.community,
        "inyear": importers.inyear,
        "area-send": importers.area_send,
    }
    source, bar = _source(args.csv), progress_bar()
    try:
        if args.source == "analyst":
            result = tabular.from_csv(
                source, progress=bar, spreadsheet_safe=args.spreadsheet_safe, sheet=args.sheet
            )
        else:
            result = readers[args.source](source, progress=bar, sheet=args.sheet)
    except CsvFormatError as error:
        unreadable = isinstance(error.__cause__, OSError | UnicodeDecodeError)
        raise CommandError(str(error), USAGE_ERROR if unreadable else INPUT_ERROR) from error
    if args.to == "yaml":
        files.require_yaml()
        text = serialisation.dumps_yaml(result.inspections)
    else:
        text = serialisation.dumps(result.inspections)
    files.write(text, args.output)
    if result.columns_missing:
        sys.stderr.write(
            f"ilacs import: the file lacks the column(s) {_listing(result.columns_missing)};"
            " judgements for it are not imported\n"
        )
    if result.columns_ignored:
        sys.stderr.write(f"ilacs import: column(s) not read: {_listing(result.columns_ignored)}\n")
    # A workbook's rows are named by the file and its sheet: outcomes.ods[History].
    read_as = "<stdin>" if args.csv == files.STDIN else args.csv
    where = args.csv + result.source.removeprefix(read_as)
    for skipped in result.skipped:
        sys.stderr.write(f"{where}:{skipped}\n")
    sys.stderr.write(f"{where}: {result.summary()}\n")
    lost = result.skipped or result.columns_missing or result.columns_ignored
    return INPUT_ERROR if args.strict and lost else OK


def _export_csv(args: argparse.Namespace) -> int:
    from ilacs.tables import tabular  # noqa: PLC0415 (only this command needs it)

    document = files.load(args.file)
    with files.input_errors(args.file):
        text = tabular.to_csv(
            inspections(document, args.file), spreadsheet_safe=args.spreadsheet_safe
        )
    files.write(f"{tabular.BOM}{text}" if args.bom else text, args.output)
    return OK


def _export_xlsx(args: argparse.Namespace) -> int:
    from ilacs.tables import tabular  # noqa: PLC0415 (only this command needs it)

    if args.output == files.STDIN:
        usage("an XLSX workbook is not text: give -o FILE.xlsx, not standard output")
    document = files.load(args.file)
    plans = (document,) if isinstance(document, ActionPlan) else ()
    with files.input_errors(args.file):
        tabular.write_xlsx(
            inspections(document, args.file), args.output, plans=plans, as_of=args.as_of
        )
    return OK


def _frameworks(args: argparse.Namespace) -> int:
    packs = frameworks.all()
    if args.format == "json":
        rows = [
            {
                "id": pack.id,
                "name": pack.name,
                "in_force_from": pack.in_force_from.isoformat(),
                "in_force_until": pack.in_force_until.isoformat() if pack.in_force_until else None,
                "judgement_areas": [area.id for area in pack.judgement_areas],
            }
            for pack in packs
        ]
        sys.stdout.write(json_text(rows))
        return OK
    for pack in packs:
        until = pack.in_force_until.isoformat() if pack.in_force_until else "now"
        sys.stdout.write(f"{pack.id:<12} {pack.in_force_from} to {until:<10}  {pack.name}\n")
    return OK


def _authorities(args: argparse.Namespace) -> int:
    from ilacs.model import authorities  # noqa: PLC0415 (only this command needs it)

    if args.key is None:
        found = authorities.all(include_abolished=args.all)
    else:
        found = (authorities.get(args.key),)  # an unknown one is an input error (exit 1)
    if args.format == "json":
        sys.stdout.write(json_text([attrs.asdict(item) for item in found]))
        return OK
    for item in found:
        codes = f"URN {item.urn}, DfE {item.dfe_code}, ONS {item.ons_code}"
        sys.stdout.write(f"{item.name} ({codes}; {item.region})\n")
    return OK


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add the data and registry commands to the ``ilacs`` parser (see the module's example)."""
    sub = options.add_command(
        commands,
        "import",
        _import,
        "Import national data (CSV) as an inspections document; the summary goes to stderr.",
        "ilacs import community ofsted_csc_ilacs_history.csv -o community.json",
    )
    sub.add_argument(
        "source",
        choices=("ofsted", "community", "inyear", "area-send", "analyst"),
        help="Ofsted's official history, the community scrape, Ofsted's in-year activity,"
        " the community overview of area SEND outcomes, or a CSV that export-csv wrote",
    )
    sub.add_argument(
        "csv",
        metavar="FILE",
        help="the CSV file, or a workbook (ODS, XLSX, XLS) such as Ofsted's as published;"
        " - reads stdin",
    )
    sub.add_argument(
        "--sheet",
        metavar="NAME",
        help="the workbook's sheet to read (by default, the one sheet with the columns needed;"
        " title rows above its header are passed over)",
    )
    sub.add_argument("--to", choices=("json", "yaml"), default="json", help="output format")
    sub.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any row is skipped, or a column is missing or not read",
    )
    sub.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="analyst only: the table was written by 'export-csv --spreadsheet-safe';"
        " take off the ' it put before text cells",
    )
    options.add_output(sub)

    sub = options.add_command(
        commands,
        "export-csv",
        _export_csv,
        "One CSV row per inspection, one column per judgement area, for analysts.",
        "ilacs export-csv all.json -o all.csv --spreadsheet-safe",
    )
    options.add_document(sub)
    sub.add_argument("--spreadsheet-safe", action="store_true", help=_SPREADSHEET_SAFE)
    sub.add_argument(
        "--bom",
        action="store_true",
        help="start with a byte-order mark, so that Excel reads the file as UTF-8"
        " (without it, Excel may show 'Máire' as 'MÃ¡ire')",
    )
    options.add_output(sub)

    sub = options.add_command(
        commands,
        "export-xlsx",
        _export_xlsx,
        "An XLSX workbook with typed cells: inspections, judgements, improvement areas,"
        " action plans, deadlines (needs pip install 'ilacs[spreadsheets]').",
        "ilacs export-xlsx plan.json -o plan.xlsx --as-of 2019-06-01",
    )
    options.add_document(sub)
    sub.add_argument(
        "--as-of",
        type=options.day,
        metavar="DATE",
        help="rate each action of a plan red, amber or green as of this day",
    )
    sub.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the workbook to write (atomically)"
    )

    sub = options.add_command(
        commands,
        "frameworks",
        _frameworks,
        "The framework versions ilacs knows.",
        "ilacs frameworks",
    )
    options.add_format(sub)

    sub = options.add_command(
        commands,
        "authorities",
        _authorities,
        "List the local authorities, or look one up by name or any code.",
        "ilacs authorities 'Kingston upon Hull'",
    )
    sub.add_argument("key", nargs="?", metavar="NAME_OR_CODE")
    sub.add_argument("--all", action="store_true", help="include abolished authorities")
    options.add_format(sub)
