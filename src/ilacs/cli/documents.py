"""The commands on documents: validate, show, deadlines, report, convert and schema.

Each reads a document (JSON or YAML, from a file or stdin: see :mod:`ilacs.cli.files`)
and is a thin layer over the library: what it prints, a program can get from the
same functions.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> parser.parse_args(["show", "plan.json"]).command
'show'
"""

import argparse
import json
import sys
from pathlib import Path

from ilacs import reports
from ilacs.base.text import format_date
from ilacs.cli import files, options
from ilacs.cli.status import INPUT_ERROR, OK, CommandError, usage
from ilacs.errors import DocumentError
from ilacs.frameworks.pack import Framework
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import Fact, Inspection, Known
from ilacs.reasoning import deadlines, progress, validation
from ilacs.reasoning.calendar import default_calendar
from ilacs.wire import serialisation

__all__ = ["add_commands", "inspections", "json_text"]


def json_text(data: object) -> str:
    """Data as indented JSON text, with a newline at the end, for ``--format json``.

    >>> print(json_text({"file": "plan.json", "ok": True}), end="")
    {
      "file": "plan.json",
      "ok": true
    }
    """
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def inspections(document: serialisation.Document, path: str) -> tuple[Inspection, ...]:
    """The inspections a document holds: an inspection's, a plan's, a collection's.

    >>> from ilacs import frameworks
    >>> inspections(frameworks.get("ilacs-2018"), "ilacs-2018.json")
    Traceback (most recent call last):
    ...
    ilacs.cli.status.CommandError: ilacs-2018.json: a framework pack has no inspection; give an inspection, an action plan or an inspections document
    """
    if isinstance(document, Inspection):
        return (document,)
    if isinstance(document, ActionPlan):
        return (document.inspection,)
    if isinstance(document, tuple):
        return document
    msg = (
        f"{path}: a framework pack has no inspection;"
        " give an inspection, an action plan or an inspections document"
    )
    raise CommandError(msg, INPUT_ERROR)


def _validate(args: argparse.Namespace) -> int:
    results = []
    for path in args.files:
        text = files.read_text(path)
        with files.input_errors(path):
            try:
                report = validation.validate(files.parse(path, text))
            except DocumentError as error:
                report = validation.ValidationReport.from_error(error)
        results.append((path, report))
    if args.format == "json":
        rows = [{"file": path, **json.loads(report.to_json())} for path, report in results]
        sys.stdout.write(json_text(rows))
    else:
        for path, report in results:
            for finding in report:
                sys.stdout.write(f"{path}:{finding}\n")
            sys.stdout.write(f"{path}: {report.to_text().splitlines()[-1]}\n")
    return OK if all(report.ok for _, report in results) else INPUT_ERROR


def _grades(inspection: Inspection) -> str:
    # Overall effectiveness where the framework gives it; every judgement where it
    # does not (ilacs-2026 has none), so no graded inspection is shown ungraded.
    grade = inspection.grade("overall_effectiveness")
    if grade is not None:
        return f", overall effectiveness {inspection.framework_pack().grade_scale.wording(grade)}"
    table = "; ".join(f"{label} {grade}" for label, grade in inspection.judgement_table())
    return f": {table}" if table else ""


def _lines(document: serialisation.Document) -> list[str]:
    if isinstance(document, Framework):
        lines = [f"{document.id}: {document.name}", "Judgement areas:"]
        lines.extend(f"  {area.id}: {area.label}" for area in document.judgement_areas)
        return lines
    if isinstance(document, tuple):
        lines = [f"{len(document)} inspections"]
        lines.extend(
            f"  {item.on_site_start}  {item.authority.name}: {item.kind.value} ({item.framework})"
            f"{_grades(item)}"
            for item in document
        )
        return lines
    inspection = document.inspection if isinstance(document, ActionPlan) else document
    lines = [
        f"{inspection.authority.name}: {inspection.kind.value} under {inspection.framework}",
        (
            f"On site {inspection.on_site_start} to {inspection.on_site_end or 'a day not known'};"
            f" published {inspection.published or 'not known'}"
        ),
    ]
    lines.extend(f"  {label}: {grade}" for label, grade in inspection.judgement_table())
    lines.extend(_findings(inspection))
    if isinstance(document, ActionPlan):
        lines.append(f"Action plan: {len(document.actions)} actions")
        lines.extend(
            f"  {action.id}: {action.title} (due {action.due})" for action in document.actions
        )
    return lines


def _findings(inspection: Inspection) -> list[str]:
    """Priority actions and improvement areas, saying "not known" where the record is silent."""
    lines = []
    priority = inspection.known(Fact.PRIORITY_ACTIONS)
    may_set = any(
        rule.requires_priority_actions and inspection.kind in rule.kinds
        for rule in inspection.framework_pack().deadlines
    )
    if priority is Known.NOT_KNOWN and may_set:
        lines.append("Areas for priority action: not known (the record does not say)")
    elif priority is Known.THESE:
        lines.append("Areas for priority action:")
        lines.extend(f"  - {item.id}: {item.text}" for item in inspection.priority_actions)
    if inspection.known(Fact.IMPROVEMENT_AREAS) is Known.NOT_KNOWN:
        lines.append("Areas for improvement: not known (the record does not give them)")
    else:
        lines.extend(f"  - {item.id}: {item.text}" for item in inspection.improvement_areas)
    return lines


def _show(args: argparse.Namespace) -> int:
    document = files.load(args.file)
    if args.format == "json":
        sys.stdout.write(serialisation.dumps(document))
        return OK
    with files.input_errors(args.file):
        text = "\n".join(_lines(document)) + "\n"
    sys.stdout.write(text)
    return OK


def _deadline_rows(found: list[tuple[Inspection, tuple[deadlines.Deadline, ...]]]) -> object:
    return [
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
                    "reason": deadline.reason,
                    "text": str(deadline),
                }
                for deadline in items
            ],
        }
        for inspection, items in found
    ]


def _deadlines(args: argparse.Namespace) -> int:
    document = files.load(args.file)
    calendar = default_calendar().with_closures(*args.closure)
    with files.input_errors(args.file):
        found = [
            (inspection, deadlines.for_inspection(inspection, calendar=calendar))
            for inspection in inspections(document, args.file)
        ]
        if args.format == "json":
            text = json_text(_deadline_rows(found))
        else:
            text = "".join(
                f"{inspection.authority.name}, {inspection.kind.value} from"
                f" {format_date(inspection.on_site_start)}:\n"
                + "".join(f"  - {deadline}\n" for deadline in items)
                for inspection, items in found
            )
    sys.stdout.write(text)
    return OK


def _report(args: argparse.Namespace) -> int:
    document = files.load(args.file)
    if not isinstance(document, Inspection | ActionPlan):
        msg = f"{args.file}: a report needs an inspection or action plan document"
        raise CommandError(msg, INPUT_ERROR)
    to_file = args.output is not None and args.output != files.STDIN
    if args.history is not None and not args.pictures:
        usage("--history is drawn as the authority's grade history: give --pictures too")
    if args.pictures:
        files.require_matplotlib()
        if args.format == "markdown" and not to_file:
            usage("a Markdown briefing's pictures are written beside it: give -o FILE.md")
    history = () if args.history is None else inspections(files.load(args.history), args.history)
    with files.input_errors(args.file):
        figures = (
            reports.briefing_pictures(
                document,
                args.as_of,
                history=history,
                history_source=Path(args.history).name if args.history else "",
                due_soon=args.due_soon,
            )
            if args.pictures
            else ()
        )
        if args.format == "html":
            text = reports.briefing_html(
                document, args.as_of, due_soon=args.due_soon, figures=figures
            )
        else:
            text = reports.briefing(document, args.as_of, due_soon=args.due_soon)
    if not to_file:
        files.write(text, args.output)
    else:
        reports.write_briefing(
            document,
            args.as_of,
            args.output,
            format=args.format,
            figures=figures,
            due_soon=args.due_soon,
        )
    return OK


def _convert(args: argparse.Namespace) -> int:
    document = files.load(args.file)
    if args.to == "yaml":
        files.require_yaml()
        text = serialisation.dumps_yaml(document)
    else:
        text = serialisation.dumps(document)
    files.write(text, args.output)
    return OK


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json_text(serialisation.json_schema(args.type)))
    return OK


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add the document commands to the ``ilacs`` parser's commands (see the module's example)."""
    sub = options.add_command(
        commands,
        "validate",
        _validate,
        "Check documents (JSON or YAML); exit 1 if any has an error finding.",
        "ilacs validate haringey-2018.json plan.yaml --format json",
    )
    sub.add_argument("files", nargs="+", metavar="FILE", help="documents; - reads stdin")
    options.add_format(sub)

    sub = options.add_command(
        commands, "show", _show, "Show a document as a person reads it.", "ilacs show plan.json"
    )
    options.add_document(sub)
    options.add_format(sub)

    sub = options.add_command(
        commands,
        "deadlines",
        _deadlines,
        "The deadlines an inspection (or a plan's, or each of a collection's) sets.",
        "ilacs deadlines haringey-2018.json --closure 2018-12-27",
    )
    options.add_document(sub)
    sub.add_argument(
        "--closure",
        type=options.day,
        action="append",
        default=[],
        metavar="DATE",
        help="a day the authority is closed (repeat for more)",
    )
    options.add_format(sub)

    sub = options.add_command(
        commands,
        "report",
        _report,
        "A briefing on an inspection or action plan, as of a date: Markdown or HTML,"
        " with pictures if asked.",
        "ilacs report plan.json --as-of 2019-03-19 --pictures -o briefing.md",
    )
    options.add_document(sub)
    sub.add_argument("--as-of", type=options.day, required=True, metavar="DATE")
    sub.add_argument(
        "--due-soon",
        type=options.working_days,
        default=progress.DUE_SOON,
        metavar="N",
        help=f"working days ahead counted amber ({progress.DUE_SOON})",
    )
    sub.add_argument(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help="Markdown, or one self-contained HTML page (markdown)",
    )
    sub.add_argument(
        "--pictures",
        action="store_true",
        help="add pictures: a plan's ratings over time, and with --history the authority's"
        " grades; as Markdown they are PNG files beside -o FILE",
    )
    sub.add_argument(
        "--history",
        metavar="FILE",
        help="the authority's other inspections (a document), for its grade history",
    )
    options.add_output(sub)

    sub = options.add_command(
        commands,
        "convert",
        _convert,
        "Write a document as JSON or YAML.",
        "ilacs convert plan.json --to yaml",
    )
    options.add_document(sub)
    sub.add_argument("--to", choices=("json", "yaml"), required=True)
    options.add_output(sub)

    sub = options.add_command(
        commands,
        "schema",
        _schema,
        "The JSON Schema of a document type.",
        "ilacs schema inspection > inspection.schema.json",
    )
    sub.add_argument("type", choices=tuple(serialisation.DOCUMENT_TYPES), metavar="TYPE")
