"""Inspections for the commands that read national data: a document, or a national CSV.

``ilacs latest``, ``ilacs distribution`` and ``ilacs picture`` take either an
inspections document or a table of national data, which an importer reads (by
default a ``.csv`` file is Ofsted's official history; ``--from`` says otherwise). The
importer's summary of what it took and left goes to stderr.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs latest")
>>> add_national_file(parser)
>>> args = parser.parse_args(["national.csv"])
>>> kind_of(args), described(args)
('ofsted', "Ofsted's official statistics (national.csv)")
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ilacs.cli import files
from ilacs.cli.documents import inspections as inspections_in
from ilacs.cli.status import INPUT_ERROR, USAGE_ERROR, CommandError
from ilacs.errors import CsvFormatError
from ilacs.model import authorities
from ilacs.model.inspections import Inspection

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "SOURCES",
    "add_authority_filters",
    "add_national_file",
    "described",
    "inspections_of",
    "kind_of",
    "selected",
]

#: What a national file may be, for ``--from``, and the words a picture's source uses.
SOURCES = {
    "document": "",
    "ofsted": "Ofsted's official statistics",
    "inyear": "Ofsted's in-year activity statistics",
    "community": "the community scrape of Ofsted's reports",
    "area-send": "the community overview of area SEND outcomes",
    "analyst": "a table export-csv wrote",
}


def add_national_file(sub: argparse.ArgumentParser) -> None:
    """Add ``FILE`` and ``--from``: an inspections document or a CSV of national data."""
    sub.add_argument(
        "file",
        metavar="FILE",
        help="an inspections document (JSON or YAML), or a CSV of national data"
        " (Ofsted's official history unless --from says otherwise); - reads stdin",
    )
    sub.add_argument(
        "--from",
        dest="source",
        choices=tuple(SOURCES),
        help="what FILE is: a document, or the table of an importer (ofsted, inyear,"
        " community, area-send, analyst: one that export-csv wrote); by default a .csv file is"
        " Ofsted's official history and anything else a document",
    )


def add_authority_filters(sub: argparse.ArgumentParser) -> None:
    """Add ``--authority`` (repeatable) and ``--region``: which authorities count."""
    sub.add_argument(
        "--authority",
        action="append",
        metavar="NAME_OR_CODE",
        help="only this authority (repeat for several): a name, URN, DfE or ONS code",
    )
    sub.add_argument(
        "--region", metavar="REGION", help="only the authorities of this Ofsted region"
    )


def selected(
    args: argparse.Namespace, *, most_named: int | None = None
) -> tuple[frozenset[int] | None, str | None]:
    """The URNs the ``--authority`` and ``--region`` filters keep (None: no filter), and their name.

    Authorities chosen by name are named together, up to ``most_named`` of them;
    a region by its name; both together are not named.
    """
    chosen: frozenset[int] | None = None
    name = None
    if args.authority:
        found = [authorities.get(key) for key in args.authority]
        chosen = frozenset(item.urn for item in found if item.urn is not None)
        if most_named is None or len(found) <= most_named:
            name = ", ".join(item.name for item in found)
    if args.region is not None:
        members = authorities.in_region(args.region, include_abolished=True)
        region = frozenset(item.urn for item in members if item.urn is not None)
        region_name = members[0].region if members and members[0].region else args.region
        chosen, name = (region, region_name) if chosen is None else (chosen & region, None)
    return chosen, name


def kind_of(args: argparse.Namespace) -> str:
    """What the file is: ``--from``, else Ofsted's history for a ``.csv`` file, else a document."""
    if getattr(args, "source", None) is not None:
        return str(args.source)
    suffix = "" if args.file == files.STDIN else Path(args.file).suffix.lower()
    return "ofsted" if suffix == ".csv" else "document"


def described(args: argparse.Namespace) -> str:
    """The file, as a picture's source names it: its name, and what kind of data it holds."""
    name = "standard input" if args.file == files.STDIN else Path(args.file).name
    kind = SOURCES.get(kind_of(args), "") if hasattr(args, "source") else ""
    return f"{kind} ({name})" if kind else name


def inspections_of(args: argparse.Namespace) -> tuple[Inspection, ...]:
    """The inspections in the file: loaded as a document, or read by its importer."""
    kind = kind_of(args)
    if kind == "document":
        return inspections_in(files.load(args.file), args.file)
    from ilacs.tables import importers, tabular  # noqa: PLC0415 (only national data needs them)

    readers: dict[str, Callable[[importers.DataSource], importers.ImportResult]] = {
        "ofsted": importers.ofsted,
        "community": importers.community,
        "inyear": importers.inyear,
        "area-send": importers.area_send,
        "analyst": tabular.from_csv,
    }
    try:
        result = readers[kind](files.stream(args.file))
    except CsvFormatError as error:
        unreadable = isinstance(error.__cause__, OSError | UnicodeDecodeError)
        raise CommandError(str(error), USAGE_ERROR if unreadable else INPUT_ERROR) from error
    sys.stderr.write(f"{args.file}: {result.summary()}\n")
    return result.inspections
