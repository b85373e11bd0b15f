"""The ``ilacs`` command line: check, show, report, import, export and convert documents.

Run ``ilacs --help`` (or ``python -m ilacs --help``) for the commands and examples.
Exit status: 0 when all is well, 1 when the input has errors (a document with an
error finding, an unknown authority, a file that cannot be loaded), 2 for a usage
error or a file that cannot be read. ``--format json`` gives machine-readable output.

Every command is a thin layer over the library: what it prints, a program can get
from the same functions.
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import attrs
import pendulum

from ilacs import __version__, frameworks, reports
from ilacs.base.text import format_date
from ilacs.errors import DocumentError, IlacsError
from ilacs.frameworks.pack import Framework
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import Inspection
from ilacs.reasoning import deadlines, validation
from ilacs.reasoning.calendar import default_calendar
from ilacs.wire import serialisation

__all__ = ["main"]

OK, INPUT_ERROR, USAGE_ERROR = 0, 1, 2

_EXAMPLES = """\
examples:
  ilacs validate haringey-2018.json          check a document; exit 1 on errors
  ilacs show haringey-2018.yaml              the inspection, as a person reads it
  ilacs deadlines haringey-2018.json         the deadlines the inspection sets
  ilacs report plan.json --as-of 2019-03-19  a Markdown briefing for a committee
  ilacs import ofsted national.csv -o all.json
  ilacs export-csv all.json -o all.csv       one row per inspection, for analysts
  ilacs convert plan.json --to yaml          the same document as YAML
  ilacs schema action_plan                   the JSON Schema of a document type
  ilacs frameworks                           the framework versions ilacs knows
  ilacs authorities haringey                 look up an authority's codes
"""


class _CommandError(Exception):
    """Ends a command with a message on stderr and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _usage(message: str) -> NoReturn:
    raise _CommandError(message, USAGE_ERROR)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        _usage(f"cannot read {path}: {error.strerror or error}")
    except UnicodeDecodeError as error:
        _usage(f"cannot read {path}: not UTF-8 text ({error.reason} at byte {error.start})")


def _is_yaml(path: str) -> bool:
    return Path(path).suffix.lower() in {".yaml", ".yml"}


def _load(path: str) -> serialisation.Document:
    text = _read(path)
    try:
        return serialisation.loads_yaml(text) if _is_yaml(path) else serialisation.loads(text)
    except DocumentError as error:
        problems = "\n".join(f"{path}:{problem}" for problem in error.problems) or str(error)
        raise _CommandError(problems, INPUT_ERROR) from error


def _write(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        _usage(f"cannot write {output}: {error.strerror or error}")


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _date(text: str) -> pendulum.Date:
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date such as 2019-03-19, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _inspections(document: object, path: str) -> tuple[Inspection, ...]:
    if isinstance(document, Inspection):
        return (document,)
    if isinstance(document, ActionPlan):
        return (document.inspection,)
    if isinstance(document, tuple):
        return document
    msg = f"{path}: a framework pack has no inspection; give an inspection or action plan"
    raise _CommandError(msg, INPUT_ERROR)


# --- commands ---------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    results = []
    failed = False
    for path in args.files:
        text = _read(path)
        if _is_yaml(path):
            try:
                report = validation.validate(serialisation.loads_yaml(text))
            except DocumentError as error:
                report = validation.ValidationReport.from_error(error)
        else:
            report = serialisation.validate(text)
        failed = failed or not report.ok
        results.append((path, report))
    if args.format == "json":
        rows = [{"file": path, **json.loads(report.to_json())} for path, report in results]
        sys.stdout.write(_json(rows))
    else:
        for path, report in results:
            for finding in report:
                sys.stdout.write(f"{path}:{finding}\n")
            sys.stdout.write(f"{path}: {report.to_text().splitlines()[-1]}\n")
    return INPUT_ERROR if failed else OK


def _overall(inspection: Inspection) -> str:
    grade = inspection.grade("overall_effectiveness")
    return "" if grade is None else f", overall effectiveness {grade.label}"


def _show(args: argparse.Namespace) -> int:
    document = _load(args.file)
    if args.format == "json":
        sys.stdout.write(serialisation.dumps(document))
        return OK
    if isinstance(document, Framework):
        lines = [f"{document.id}: {document.name}", "Judgement areas:"]
        lines.extend(f"  {area.id}: {area.label}" for area in document.judgement_areas)
    elif isinstance(document, tuple):
        lines = [f"{len(document)} inspections"]
        lines.extend(
            f"  {item.on_site_start}  {item.authority.name}: {item.kind.value} ({item.framework})"
            f"{_overall(item)}"
            for item in document
        )
    else:
        inspection = document.inspection if isinstance(document, ActionPlan) else document
        lines = [
            f"{inspection.authority.name}: {inspection.kind.value} under {inspection.framework}"
        ]
        lines.append(
            f"On site {inspection.on_site_start} to {inspection.on_site_end or '?'};"
            f" published {inspection.published or 'not recorded'}"
        )
        lines.extend(f"  {label}: {grade}" for label, grade in inspection.judgement_table())
        lines.extend(f"  - {item.id}: {item.text}" for item in inspection.improvement_areas)
        if isinstance(document, ActionPlan):
            lines.append(f"Action plan: {len(document.actions)} actions")
            lines.extend(
                f"  {action.id}: {action.title} (due {action.due})" for action in document.actions
            )
    sys.stdout.write("\n".join(lines) + "\n")
    return OK


def _deadlines(args: argparse.Namespace) -> int:
    document = _load(args.file)
    calendar = default_calendar().with_closures(*args.closure)
    found = [
        (inspection, deadlines.for_inspection(inspection, calendar=calendar))
        for inspection in _inspections(document, args.file)
    ]
    if args.format == "json":
        rows = [
            {
                "authority": inspection.authority.name,
                "on_site_start": inspection.on_site_start.isoformat(),
                "deadlines": [
                    {
                        "rule": deadline.rule.id,
                        "name": deadline.name,
                        "status": deadline.status.value,
                        "earliest": deadline.earliest.isoformat() if deadline.earliest else None,
                        "due": deadline.due.isoformat() if deadline.due else None,
                        "is_upper_bound": deadline.is_upper_bound,
                        "basis": deadline.rule.basis.value,
                        "text": str(deadline),
                    }
                    for deadline in items
                ],
            }
            for inspection, items in found
        ]
        sys.stdout.write(_json(rows))
        return OK
    for inspection, items in found:
        sys.stdout.write(
            f"{inspection.authority.name}, {inspection.kind.value} from"
            f" {format_date(inspection.on_site_start)}:\n"
        )
        for deadline in items:
            sys.stdout.write(f"  - {deadline}\n")
    return OK


def _report(args: argparse.Namespace) -> int:
    document = _load(args.file)
    if not isinstance(document, Inspection | ActionPlan):
        msg = f"{args.file}: a report needs an inspection or action plan document"
        raise _CommandError(msg, INPUT_ERROR)
    _write(reports.briefing(document, args.as_of, due_soon=args.due_soon), args.output)
    return OK


def _progress_bar(total_hint: int | None = None) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def draw(done: int, total: int) -> None:
        total = total or total_hint or 1
        if total < 300:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return draw


def _import(args: argparse.Namespace) -> int:
    from ilacs.tables import importers, tabular  # noqa: PLC0415 (only this command needs them)

    readers = {
        "ofsted": importers.ofsted,
        "community": importers.community,
        "inyear": importers.inyear,
        "analyst": tabular.from_csv,
    }
    try:
        result = readers[args.source](args.csv, progress=_progress_bar())
    except importers.CsvFormatError as error:
        unreadable = isinstance(error.__cause__, OSError | UnicodeDecodeError)
        raise _CommandError(str(error), USAGE_ERROR if unreadable else INPUT_ERROR) from error
    text = (
        serialisation.dumps_yaml(result.inspections)
        if args.to == "yaml"
        else serialisation.dumps(result.inspections)
    )
    _write(text, args.output)
    for skipped in result.skipped:
        sys.stderr.write(f"{args.csv}:{skipped}\n")
    sys.stderr.write(f"{args.csv}: {result.summary()}\n")
    return INPUT_ERROR if args.strict and result.skipped else OK


def _export_csv(args: argparse.Namespace) -> int:
    from ilacs.tables import tabular  # noqa: PLC0415 (only this command needs it)

    document = _load(args.file)
    try:
        text = tabular.to_csv(_inspections(document, args.file))
    except IlacsError as error:
        msg = f"{args.file}: {error}"
        raise _CommandError(msg, INPUT_ERROR) from error
    _write(text, args.output)
    return OK


def _convert(args: argparse.Namespace) -> int:
    document = _load(args.file)
    text = (
        serialisation.dumps_yaml(document) if args.to == "yaml" else serialisation.dumps(document)
    )
    _write(text, args.output)
    return OK


def _schema(args: argparse.Namespace) -> int:
    try:
        schema = serialisation.json_schema(args.type)
    except IlacsError as error:
        _usage(str(error))
    sys.stdout.write(_json(schema))
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
        sys.stdout.write(_json(rows))
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
        try:
            found = (authorities.get(args.key),)
        except IlacsError as error:
            raise _CommandError(str(error), INPUT_ERROR) from error
    if args.format == "json":
        sys.stdout.write(_json([attrs.asdict(item) for item in found]))
        return OK
    for item in found:
        codes = f"URN {item.urn}, DfE {item.dfe_code}, ONS {item.ons_code}"
        sys.stdout.write(f"{item.name} ({codes}; {item.region})\n")
    return OK


# --- the parser -------------------------------------------------------------------


def _command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
    name: str,
    help_: str,
    example: str,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=help_,
        description=help_,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _formats(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )


def _output(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")


def _document_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    sub = _command(
        commands,
        "validate",
        "Check documents (JSON, or YAML by extension); exit 1 if any has an error finding.",
        "ilacs validate haringey-2018.json plan.yaml --format json",
    )
    sub.add_argument("files", nargs="+", metavar="FILE", help="documents; - reads stdin")
    _formats(sub)
    sub.set_defaults(run=_validate)

    sub = _command(
        commands, "show", "Show a document as a person reads it.", "ilacs show plan.json"
    )
    sub.add_argument("file", metavar="FILE")
    _formats(sub)
    sub.set_defaults(run=_show)

    sub = _command(
        commands,
        "deadlines",
        "The deadlines an inspection (or a plan's, or each of a collection's) sets.",
        "ilacs deadlines haringey-2018.json --closure 2018-12-27",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument(
        "--closure",
        type=_date,
        action="append",
        default=[],
        metavar="DATE",
        help="a day the authority is closed (repeat for more)",
    )
    _formats(sub)
    sub.set_defaults(run=_deadlines)

    sub = _command(
        commands,
        "report",
        "A Markdown briefing on an inspection or action plan, as of a date.",
        "ilacs report plan.json --as-of 2019-03-19 -o briefing.md",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--as-of", type=_date, required=True, metavar="DATE")
    sub.add_argument(
        "--due-soon", type=int, default=10, metavar="N", help="working days ahead counted amber"
    )
    _output(sub)
    sub.set_defaults(run=_report)

    sub = _command(
        commands,
        "convert",
        "Write a document as JSON or YAML.",
        "ilacs convert plan.json --to yaml",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--to", choices=("json", "yaml"), required=True)
    _output(sub)
    sub.set_defaults(run=_convert)

    sub = _command(
        commands,
        "schema",
        "The JSON Schema of a document type.",
        "ilacs schema inspection > inspection.schema.json",
    )
    sub.add_argument("type", choices=tuple(serialisation.DOCUMENT_TYPES), metavar="TYPE")
    sub.set_defaults(run=_schema)


def _data_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    sub = _command(
        commands,
        "import",
        "Import national data (CSV) as an inspections document; the summary goes to stderr.",
        "ilacs import community ofsted_csc_ilacs_history.csv -o community.json",
    )
    sub.add_argument(
        "source",
        choices=("ofsted", "community", "inyear", "analyst"),
        help="Ofsted's official history, the community scrape, Ofsted's in-year activity,"
        " or a CSV that export-csv wrote",
    )
    sub.add_argument("csv", metavar="CSV")
    sub.add_argument("--to", choices=("json", "yaml"), default="json", help="output format")
    sub.add_argument("--strict", action="store_true", help="exit 1 if any row is skipped")
    _output(sub)
    sub.set_defaults(run=_import)

    sub = _command(
        commands,
        "export-csv",
        "One CSV row per inspection, one column per judgement area, for analysts.",
        "ilacs export-csv all.json -o all.csv",
    )
    sub.add_argument("file", metavar="FILE")
    _output(sub)
    sub.set_defaults(run=_export_csv)

    sub = _command(
        commands, "frameworks", "The framework versions ilacs knows.", "ilacs frameworks"
    )
    _formats(sub)
    sub.set_defaults(run=_frameworks)

    sub = _command(
        commands,
        "authorities",
        "List the local authorities, or look one up by name or any code.",
        "ilacs authorities 'Kingston upon Hull'",
    )
    sub.add_argument("key", nargs="?", metavar="NAME_OR_CODE")
    sub.add_argument("--all", action="store_true", help="include abolished authorities")
    _formats(sub)
    sub.set_defaults(run=_authorities)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ilacs",
        description="Check, show, report on, import, export and convert ILACS documents.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ilacs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _document_commands(commands)
    _data_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["schema", "inspection"]) == 0  # doctest: +ELLIPSIS
    {...
    True
    """
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except _CommandError as failure:
        err.write(f"ilacs {args.command}: {failure}\n")
        return failure.status
    except BrokenPipeError:
        return OK
    return status


def main_exit() -> NoReturn:
    """The ``ilacs`` console script: run :func:`main` and exit with its status."""
    sys.exit(main())
