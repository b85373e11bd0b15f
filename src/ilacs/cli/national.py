"""The commands on the national picture: latest and distribution.

Each reads inspections, from an inspections document (JSON or YAML) or from a CSV
of national data (Ofsted's official history by default; ``--from`` names another
importer), and prints what :mod:`ilacs.national` computes as of ``--as-of``:

- ``ilacs latest``: each authority's latest inspection published by then, with its
  grades, and the distribution of each judgement beneath;
- ``ilacs distribution``: the distribution of each judgement, for England, for each
  region (``--by region``), for each framework version (``--by framework``), or
  among an authority's statistical neighbours (``--neighbours``).

``--authority`` (repeated) and ``--region`` keep only those authorities; both
given, an authority must be named and in the region. ``--format`` is text (the
default), json, csv or markdown.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> parser.parse_args(["latest", "national.csv", "--as-of", "2024-03-31"]).as_of
Date(2024, 3, 31)
"""

import argparse
import csv
import io
import sys
from collections.abc import Sequence

from ilacs.base.text import format_date
from ilacs.cli import files, options, sources
from ilacs.cli.documents import json_text
from ilacs.cli.status import OK, usage
from ilacs.frameworks.grades import Grade, outcome_value
from ilacs.frameworks.kinds import InspectionKind
from ilacs.model.inspections import Inspection
from ilacs.reasoning import national

__all__ = ["add_commands"]

_FORMATS = ("text", "json", "csv", "markdown")
_SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}


# Reading the inspections.


def _kinds(args: argparse.Namespace) -> tuple[InspectionKind, ...] | None:
    return tuple(InspectionKind(kind) for kind in args.kind) if args.kind else None


def _unpublished(found: tuple[Inspection, ...], kinds: tuple[InspectionKind, ...] | None) -> int:
    return sum(
        1
        for item in found
        if item.published is None and (item.is_graded if kinds is None else item.kind in kinds)
    )


def _warn_unpublished(args: argparse.Namespace, count: int) -> None:
    if count:
        sys.stderr.write(
            f"ilacs {args.command}: {count} inspection(s) have no publication date;"
            " they are not counted, since they are not known to be published by then\n"
        )


# Writing the tables.


def _heading(area: str) -> str:
    return area.replace("_", " ").capitalize()


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def _distribution_dict(item: national.Distribution) -> dict[str, object]:
    return {
        "area": item.area,
        "as_of": item.as_of.isoformat(),
        "group": item.group,
        "framework": item.framework,
        "counts": {grade.value: number for grade, number in item.counts},
        "total": item.total,
        "not_judged": item.not_judged,
        "good_or_better": item.good_or_better,
        "counted_as": list(item.counted_as),
    }


_DISTRIBUTION_HEADER = (
    "group",
    "framework",
    "area",
    *(grade.value for grade in sorted(Grade, reverse=True)),
    "total",
    "not_judged",
    "good_or_better",
    "counted_as",
)


def _distribution_row(item: national.Distribution) -> list[str]:
    share = item.good_or_better
    return [
        item.group,
        item.framework or "",
        item.area,
        *(str(number) for _, number in item.counts),
        str(item.total),
        str(item.not_judged),
        "" if share is None else f"{share:.4f}",
        ";".join(item.counted_as),
    ]


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue()


def _markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    from ilacs.reports.markdown import table  # noqa: PLC0415 (only markdown output needs it)

    return table(header, rows)


def _summary(item: national.Distribution) -> str:
    """One line for a distribution: the counts and the share good or outstanding."""
    where = item.group if item.framework is None else f"{item.group}, {item.framework}"
    what = f"{_heading(item.area)} ({where})"
    if not item.inspected:
        return f"{what}: no authority has a latest inspection"
    counts = ", ".join(f"{_SHORT[grade]} {number}" for grade, number in item.counts)
    line = (
        f"{what}: {item.total} of {item.inspected} authorit"
        f"{'y' if item.inspected == 1 else 'ies'} graded: {counts};"
        f" good or outstanding {_percent(item.good_or_better)}"
    )
    if item.counted_as:
        line += f" (counting {', '.join(item.counted_as)})"
    return line


def _distribution_lines(found: Sequence[national.Distribution], fmt: str) -> str:
    if fmt == "json":
        return json_text([_distribution_dict(item) for item in found])
    rows = [_distribution_row(item) for item in found]
    if fmt == "csv":
        return _csv(_DISTRIBUTION_HEADER, rows)
    if fmt == "markdown":
        header = (
            "Group",
            "Framework",
            "Judgement",
            *(_SHORT[grade] for grade in sorted(Grade, reverse=True)),
            "Graded",
            "Not judged",
            "Good or outstanding",
        )
        cells = [
            [
                item.group,
                item.framework or "all",
                _heading(item.area),
                *(str(number) for _, number in item.counts),
                str(item.total),
                str(item.not_judged),
                _percent(item.good_or_better),
            ]
            for item in found
        ]
        return "\n".join(_markdown(header, cells)) + "\n"
    return "".join(f"{_summary(item)}\n" for item in found)


def _cell(inspection: Inspection, area: str, item: national.Distribution, *, short: bool) -> str:
    grade = inspection.grade(area)
    marked = ""
    if grade is None:
        for other in item.counted_as:
            grade = inspection.grade(other)
            if grade is not None:
                marked = "*"
                break
    if not isinstance(grade, Grade):  # the national picture counts the four grades
        return "-" if short else ""
    return (_SHORT[grade] if short else grade.label) + marked


_FACTS = ("authority", "urn", "region", "kind", "framework", "on_site_start", "published")


def _facts(item: Inspection) -> list[str]:
    return [
        item.authority.name,
        "" if item.authority.urn is None else str(item.authority.urn),
        item.authority.region or "",
        item.kind.value,
        item.framework,
        item.on_site_start.isoformat(),
        item.published.isoformat() if item.published else "",
    ]


def _latest_json(
    args: argparse.Namespace,
    found: tuple[Inspection, ...],
    pictures: tuple[national.Distribution, ...],
) -> str:
    rows = [
        {
            **dict(zip(_FACTS, _facts(item), strict=True)),
            "urn": item.authority.urn,
            "published": item.published.isoformat() if item.published else None,
            "grades": {
                judgement.area: outcome_value(judgement.grade) for judgement in item.judgements
            },
        }
        for item in found
    ]
    data = {
        "as_of": args.as_of.isoformat(),
        "authorities": len(found),
        "inspections": rows,
        "distributions": [_distribution_dict(item) for item in pictures],
    }
    return json_text(data)


def _latest_table(
    args: argparse.Namespace,
    found: tuple[Inspection, ...],
    pictures: tuple[national.Distribution, ...],
) -> str:
    """The text, Markdown or CSV table of the latest inspections, and their distributions."""
    areas = [item.area for item in pictures]
    by_area = {item.area: item for item in pictures}
    if args.format == "csv":
        rows = [
            [*_facts(item), *(_cell(item, area, by_area[area], short=False) for area in areas)]
            for item in found
        ]
        return _csv([*_FACTS, *areas], rows)
    count = f"{len(found)} authorit{'y' if len(found) == 1 else 'ies'}"
    title = f"Latest inspections published by {format_date(args.as_of)}: {count}"
    marks = [
        f"{_heading(item.area)} counts {', '.join(item.counted_as)} (marked *)"
        for item in pictures
        if item.counted_as
    ]
    cells = [
        [
            item.authority.name,
            item.published.isoformat() if item.published else "?",
            item.framework,
            *(_cell(item, area, by_area[area], short=True) for area in areas),
        ]
        for item in found
    ]
    header = ["Authority", "Published", "Framework", *map(_heading, areas)]
    if args.format == "markdown":
        lines = [f"# {title}", "", *_markdown(header, cells), ""]
        lines.extend(f"- {_summary(item)}" for item in pictures)
        lines.extend(f"- {mark}" for mark in marks)
        return "\n".join(lines) + "\n"
    widths = [
        max(len(row[column]) for row in [header, *cells]) + 2 for column in range(len(header))
    ]
    lines = [title]
    lines.extend(
        "  " + "".join(f"{cell:<{width}}" for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *cells]
    )
    lines.append("")
    lines.extend(_summary(item) for item in pictures)
    lines.extend(marks)
    return "\n".join(lines) + "\n"


def _latest(args: argparse.Namespace) -> int:
    every = sources.inspections_of(args)
    kinds = _kinds(args)
    urns, group = sources.selected(args, most_named=3)
    found = national.latest(every, as_of=args.as_of, kinds=kinds, authorities=urns)
    pictures = national.distributions(
        every, as_of=args.as_of, kinds=kinds, authorities=urns, group=group
    )
    _warn_unpublished(args, _unpublished(every, kinds))
    if args.format == "json":
        files.write(_latest_json(args, found, pictures), args.output)
    else:
        files.write(_latest_table(args, found, pictures), args.output)
    return OK


def _comparison_lines(comparisons: Sequence[national.Comparison], fmt: str) -> str:
    """An authority's grades beside its neighbours' distributions, one judgement a row."""

    def grade_of(item: national.Comparison) -> str:
        return "" if item.grade is None else item.grade.label

    def published(item: national.Comparison) -> str:
        found = item.inspection.published if item.inspection else None
        return found.isoformat() if found else ""

    if fmt == "json":
        rows = [
            {
                "authority": item.authority.name,
                "urn": item.authority.urn,
                "area": item.neighbours.area,
                "grade": None if item.grade is None else item.grade.value,
                "published": published(item) or None,
                "framework": item.inspection.framework if item.inspection else None,
                "neighbours": _distribution_dict(item.neighbours),
            }
            for item in comparisons
        ]
        return json_text(rows)
    if fmt == "csv":
        header = ("authority", "grade", "published", *_DISTRIBUTION_HEADER)
        cells = [
            [
                item.authority.name,
                grade_of(item),
                published(item),
                *_distribution_row(item.neighbours),
            ]
            for item in comparisons
        ]
        return _csv(header, cells)
    if fmt == "markdown":
        name = comparisons[0].authority.name
        header = (
            "Judgement",
            name,
            *(f"Neighbours: {_SHORT[grade]}" for grade in sorted(Grade, reverse=True)),
            "Neighbours good or outstanding",
        )
        rows_md = [
            [
                _heading(item.neighbours.area),
                grade_of(item) or "-",
                *(str(number) for _, number in item.neighbours.counts),
                _percent(item.neighbours.good_or_better),
            ]
            for item in comparisons
        ]
        return "\n".join(_markdown(header, rows_md)) + "\n"
    lines = []
    for item in comparisons:
        lines.append(
            f"{item.authority.name}: {_heading(item.neighbours.area)}"
            f" {grade_of(item) or 'not judged'}"
        )
        lines.append(_summary(item.neighbours))
    return "\n".join(lines) + "\n"


def _distribution(args: argparse.Namespace) -> int:
    every = sources.inspections_of(args)
    kinds = _kinds(args)
    urns, group = sources.selected(args, most_named=3)
    areas = args.area or None
    if args.neighbours is not None:
        if args.by is not None or urns is not None:
            usage("--neighbours takes no --by, --authority or --region")
        comparisons = [
            national.against_neighbours(
                every, args.neighbours, as_of=args.as_of, area=area, kinds=kinds
            )
            for area in (areas or [national.OVERALL])
        ]
        _warn_unpublished(args, _unpublished(every, kinds))
        files.write(_comparison_lines(comparisons, args.format), args.output)
        return OK
    if args.by == "region":
        if urns is not None:
            usage("--by region takes no --authority or --region")
        found = [
            item
            for area in (areas or [national.OVERALL])
            for item in national.by_region(every, as_of=args.as_of, area=area, kinds=kinds)
        ]
    elif args.by == "framework":
        found = [
            item
            for area in (areas or [national.OVERALL])
            for item in national.by_framework(
                every, as_of=args.as_of, area=area, kinds=kinds, authorities=urns, group=group
            )
        ]
    else:
        found = list(
            national.distributions(
                every, as_of=args.as_of, areas=areas, kinds=kinds, authorities=urns, group=group
            )
        )
    _warn_unpublished(args, _unpublished(every, kinds))
    files.write(_distribution_lines(found, args.format), args.output)
    return OK


def _add_common(sub: argparse.ArgumentParser) -> None:
    sources.add_national_file(sub)
    sub.add_argument(
        "--as-of",
        type=options.day,
        required=True,
        metavar="DATE",
        help="count the inspections published on or before this day",
    )
    sub.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in InspectionKind],
        metavar="KIND",
        help="count inspections of this kind (repeat for several); by default the graded ones",
    )
    sources.add_authority_filters(sub)
    sub.add_argument("--format", choices=_FORMATS, default="text", help="output format (text)")
    options.add_output(sub)


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add ``latest`` and ``distribution`` to the ``ilacs`` parser (see the module's example)."""
    sub = options.add_command(
        commands,
        "latest",
        _latest,
        "Each authority's latest inspection published by a day, with its grades and"
        " the national distribution of each judgement.",
        "ilacs latest ofsted_mi_ilacs_history_2018_2025.csv --as-of 2024-03-31",
    )
    _add_common(sub)

    sub = options.add_command(
        commands,
        "distribution",
        _distribution,
        "How the grades fall across authorities' latest inspections as of a day: for"
        " England, by region, by framework version, or among statistical neighbours.",
        "ilacs distribution national.csv --as-of 2024-03-31 --by region",
    )
    _add_common(sub)
    sub.add_argument(
        "--area",
        action="append",
        metavar="AREA",
        help="the judgement area, by id (repeat for several); by default every one"
        " (overall_effectiveness with --by or --neighbours)",
    )
    sub.add_argument("--by", choices=("region", "framework"), help="one distribution per group")
    sub.add_argument(
        "--neighbours",
        metavar="NAME_OR_CODE",
        help="the distribution among this authority's statistical neighbours, beside its grade",
    )
