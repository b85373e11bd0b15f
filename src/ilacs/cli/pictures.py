"""The ``picture`` command: an authority's grade history, grades over time, a plan's ratings.

``ilacs picture history|distribution|plan ... -o FILE`` draws what
:mod:`ilacs.reports.pictures` makes, as PNG or SVG by ``FILE``'s extension, written
atomically. It needs the ``pictures`` extra (matplotlib).

- ``history``: an authority's grades at each graded inspection, from an inspections
  document or a national CSV (``--from`` says which importer; a ``.csv`` file is
  Ofsted's official history unless told).
- ``distribution``: the share of each grade on a series of days (every year back
  from ``--as-of`` unless told), for England, a region, some authorities, or an
  authority's statistical neighbours.
- ``plan``: an action plan's actions red, amber and green on each day (every month
  from the inspection's report unless told).

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> parser.parse_args(
...     ["picture", "plan", "plan.json", "--as-of", "2019-12-31", "-o", "p.svg"]
... ).every
'month'
"""

import argparse
from pathlib import Path

import pendulum

from ilacs.cli import files, options, sources
from ilacs.cli.status import INPUT_ERROR, OK, CommandError, usage
from ilacs.model import authorities
from ilacs.model.action_plans import ActionPlan
from ilacs.reasoning import national, progress
from ilacs.reports import pictures

__all__ = ["add_commands", "picture_file"]

_STEPS = {
    "year": {"years": 1},
    "quarter": {"months": 3},
    "month": {"months": 1},
    "week": {"weeks": 1},
}
# More days than this would draw bars too thin to read.
_MOST_DAYS = 120


def picture_file(text: str) -> str:
    """A picture's file name: one ending in ``.png`` or ``.svg`` (any letter case).

    >>> picture_file("history.svg")
    'history.svg'
    >>> picture_file("history.pdf")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: a picture is written as PNG or SVG: name a file ending in .png or .svg, got 'history.pdf'
    """
    if Path(text).suffix.lower() not in {".png", ".svg"}:
        msg = (
            f"a picture is written as PNG or SVG: name a file ending in .png or .svg, got {text!r}"
        )
        raise argparse.ArgumentTypeError(msg)
    return text


def _number(text: str, low: float, high: float, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        msg = f"expected {what} from {low:g} to {high:g}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _width(text: str) -> float:
    return _number(text, 4, 50, "a width in inches")


def _height(text: str) -> float:
    return _number(text, 3, 50, "a height in inches")


def _dpi(text: str) -> int:
    if not text.isdigit():
        msg = f"expected a whole number of dots per inch from 10 to 1200, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(_number(text, 10, 1200, "a whole number of dots per inch"))


def _source(args: argparse.Namespace) -> str:
    """What the picture says its data comes from: --source, else the file's name and kind."""
    if args.label is not None:
        return str(args.label)
    return sources.described(args)


def _days(as_of: pendulum.Date, since: pendulum.Date | None, every: str) -> list[pendulum.Date]:
    """Days back from ``as_of`` every step while on or after ``since``, earliest first."""
    since = since or as_of.subtract(years=6)
    if since > as_of:
        usage(f"--since {since} is after --as-of {as_of}")
    found = []
    steps = 0
    while (day := as_of.subtract(**{key: n * steps for key, n in _STEPS[every].items()})) >= since:
        found.append(day)
        steps += 1
        if steps > _MOST_DAYS:
            usage(f"more than {_MOST_DAYS} days from --since to --as-of: choose a longer --every")
    return found[::-1]


def _save(picture: pictures.Picture, args: argparse.Namespace) -> int:
    with files.input_errors(args.output):
        pictures.save(picture, args.output, width=args.width, height=args.height, dpi=args.dpi)
    return OK


def _history(args: argparse.Namespace) -> int:
    files.require_matplotlib()
    found = sources.inspections_of(args)
    # The registry's URN finds an authority's inspections under any of its names.
    try:
        record = authorities.get(args.authority)
    except authorities.UnknownAuthorityError:
        record = None
    key: str | int = args.authority
    if record is not None:
        key = record.name
        if record.urn is not None and any(item.authority.urn == record.urn for item in found):
            key = record.urn
    with files.input_errors(args.file):
        picture = pictures.grade_history(
            found, key, as_of=args.as_of, source=_source(args), areas=args.area
        )
    return _save(picture, args)


def _group(args: argparse.Namespace) -> tuple[frozenset[int] | None, str | None]:
    """The URNs of the authorities counted (None: every one), and what to call them."""
    if args.neighbours is not None:
        if args.region is not None or args.authority:
            usage("--neighbours counts an authority's statistical neighbours: give it alone")
        record = authorities.get(args.neighbours)
        members = authorities.neighbours(args.neighbours)
        urns = frozenset(item.urn for item in members if item.urn is not None)
        return urns, f"statistical neighbours of {record.name}"
    return sources.selected(args)


def _distribution(args: argparse.Namespace) -> int:
    files.require_matplotlib()
    urns, group = _group(args)
    found = sources.inspections_of(args)
    days = _days(args.as_of, args.since, args.every)
    with files.input_errors(args.file):
        over_time = national.over_time(
            found, days=days, area=args.area, authorities=urns, group=group
        )
        picture = pictures.national_distribution(over_time, source=_source(args))
    return _save(picture, args)


def _plan(args: argparse.Namespace) -> int:
    files.require_matplotlib()
    plan = files.load(args.file)
    if not isinstance(plan, ActionPlan):
        msg = f"{args.file}: a plan's picture needs an action plan document"
        raise CommandError(msg, INPUT_ERROR)
    inspection = plan.inspection
    since = args.since or (
        inspection.report_received
        or inspection.published
        or inspection.on_site_end
        or inspection.on_site_start
    )
    if since > args.as_of:
        usage(f"the plan's first day {since} is after --as-of {args.as_of}: give --since")
    step = _STEPS[args.every]
    days: list[pendulum.Date] = []
    while (day := since.add(**{key: n * len(days) for key, n in step.items()})) < args.as_of:
        days.append(day)
        if len(days) > _MOST_DAYS:
            usage(f"more than {_MOST_DAYS} days from {since} to --as-of: choose a longer --every")
    days.append(args.as_of)
    with files.input_errors(args.file):
        picture = pictures.plan_status(plan, days, source=_source(args), due_soon=args.due_soon)
    return _save(picture, args)


def _add_common(sub: argparse.ArgumentParser, *, national_data: bool) -> None:
    if national_data:
        sources.add_national_file(sub)
    else:
        options.add_document(sub)
    sub.add_argument(
        "--as-of",
        type=options.day,
        required=True,
        metavar="DATE",
        help="the last day shown: nothing published after it counts",
    )
    sub.add_argument(
        "-o",
        "--output",
        type=picture_file,
        required=True,
        metavar="FILE",
        help="the picture: FILE.png or FILE.svg; a failed write leaves the file as it was",
    )
    sub.add_argument(
        "--source",
        dest="label",
        metavar="TEXT",
        help="where the data comes from, as the picture says (by default FILE's name)",
    )
    sub.add_argument("--width", type=_width, default=9.0, help="inches, 4 to 50 (9)")
    sub.add_argument(
        "--height", type=_height, default=None, help="inches, 3 to 50 (5.5, more for many lines)"
    )
    sub.add_argument("--dpi", type=_dpi, default=150, help="dots per inch of a PNG (150)")


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add ``picture`` and its three pictures to the ``ilacs`` parser (see the module)."""
    picture = options.add_command(
        commands,
        "picture",
        lambda _: OK,
        "Draw a picture as PNG or SVG: an authority's grade history, the grades of"
        " England (a region, neighbours) over time, or an action plan's ratings over time.",
        "ilacs picture history national.csv --authority Haringey --as-of 2025-03-31"
        " -o haringey.png",
    )
    kinds = picture.add_subparsers(dest="picture", required=True, metavar="PICTURE")

    sub = options.add_command(
        kinds,
        "history",
        _history,
        "An authority's grade for each judgement at each graded inspection.",
        "ilacs picture history national.csv --authority Haringey --as-of 2025-03-31"
        " -o haringey.svg",
    )
    _add_common(sub, national_data=True)
    sub.add_argument(
        "--authority",
        required=True,
        metavar="NAME_OR_CODE",
        help="the authority: a name, URN, DfE or ONS code",
    )
    sub.add_argument(
        "--area",
        action="append",
        metavar="AREA",
        help="only this judgement area, by id (repeat for several); by default every one",
    )

    sub = options.add_command(
        kinds,
        "distribution",
        _distribution,
        "The share of each grade across authorities' latest inspections, on each of a"
        " series of days.",
        "ilacs picture distribution national.csv --as-of 2025-03-31 --region London -o london.png",
    )
    _add_common(sub, national_data=True)
    sub.add_argument(
        "--area",
        default=national.OVERALL,
        metavar="AREA",
        help=f"the judgement area, by id ({national.OVERALL})",
    )
    sub.add_argument(
        "--since", type=options.day, metavar="DATE", help="the first day (six years before)"
    )
    sub.add_argument("--every", choices=tuple(_STEPS), default="year", help="a day every (year)")
    sources.add_authority_filters(sub)
    sub.add_argument(
        "--neighbours",
        metavar="NAME_OR_CODE",
        help="only this authority's statistical neighbours",
    )

    sub = options.add_command(
        kinds,
        "plan",
        _plan,
        "How many of an action plan's actions were red, amber and green on each day.",
        "ilacs picture plan plan.json --as-of 2020-03-31 -o plan.png",
    )
    _add_common(sub, national_data=False)
    sub.add_argument(
        "--since",
        type=options.day,
        metavar="DATE",
        help="the first day (the day the report was received, or else published)",
    )
    sub.add_argument("--every", choices=tuple(_STEPS), default="month", help="a day every (month)")
    sub.add_argument(
        "--due-soon",
        type=options.working_days,
        default=progress.DUE_SOON,
        metavar="N",
        help=f"working days ahead counted amber ({progress.DUE_SOON})",
    )
