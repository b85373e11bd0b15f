r"""Importers for the national record of inspections: Ofsted's statistics and the community scrape.

Each importer reads a CSV file (a path or a text stream), or the workbook Ofsted
or the community tool publishes (ODS or XLSX: its sheet is found by its columns,
and its header below the title rows), and returns an
:class:`ImportResult`: the :class:`~ilacs.Inspection` built from each row it could
take, and a :class:`SkippedRow` for each one it could not, with a short, stable
:class:`Reason` and the detail (the column and the value). No row is ever dropped
in silence: ``imported + skipped == rows_read``. No column is either: a grade
column the file lacks is listed in ``columns_missing``, and a column the importer
does not recognise (a misspelt one, say) in ``columns_ignored``.

- :func:`ofsted`: Ofsted's official statistics, the ILACS inspection history sheet
  ("Local authority inspection outcomes").
- :func:`inyear`: the in-year activity sheets of the same statistics (focused visits
  with their themes, monitoring visits, short and standard inspections).
- :func:`community`: the community "ofsted-ilacs-scrape-tool" output, one row per
  published report since 2012.

None of the files gives areas for improvement or areas for priority action, so
every inspection imported lists both in ``not_known``:
nothing concludes from them that there were none.

Every inspection is recorded under the framework version in force on its first
day on site, with its authority resolved through :mod:`ilacs.authorities`. Which
judgement a grade column holds is read from the framework packs
(:mod:`ilacs.tables.columns`): Ofsted's statistics name the columns by the
judgements' labels, the in-year sheets by their ids, the community scrape by the
analyst export's columns. A graded inspection needs a grade for each judgement of
its framework that the file has a column for; a row with a grade that is
unreadable, unrecognised or missing is skipped, never guessed.

>>> import io
>>> from ilacs import importers
>>> sheet = io.StringIO(
...     "Local authority area code,Local authority name,Inspection date,Publication date,"
...     "Inspection type,Overall effectiveness,"
...     "The impact of leaders on social work practice with children and families,"
...     "The experiences and progress of children who need help and protection,"
...     "The experiences and progress of children in care,"
...     "The experiences and progress of care leavers\n"
...     "E09000014,Haringey,2018-10-29,2018-12-14,ILACS Standard Inspection,"
...     "Requires improvement to be good,Requires improvement to be good,"
...     "Requires improvement to be good,Requires improvement to be good,\n"
... )
>>> result = importers.ofsted(sheet)
>>> print(result.summary())
1 row read, 1 imported, 0 skipped
>>> (haringey,) = result.inspections
>>> haringey.framework, haringey.grade("children_in_care_and_care_leavers").label
('ilacs-2018', 'Requires improvement to be good')
>>> haringey.known("priority_actions").value
'not_known'
"""

import re
from collections.abc import Collection

import attrs
import pendulum

from ilacs import frameworks
from ilacs.errors import CsvFormatError, IlacsError
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import Framework
from ilacs.model import authorities
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import Fact, Inspection, Judgement
from ilacs.tables.columns import GradeColumns, Naming
from ilacs.tables.engine import (
    DataSource,
    ProgressCallback,
    Row,
    SkipRowError,
    Table,
    column_key,
    read_table,
    run,
)
from ilacs.tables.results import ImportResult, Reason, SkippedRow

__all__ = [
    "CsvFormatError",
    "DataSource",
    "ImportResult",
    "Progress",
    "ProgressCallback",
    "Reason",
    "SkippedRow",
    "Source",
    "area_send",
    "community",
    "inyear",
    "ofsted",
]

#: The old name of :data:`~ilacs.tables.engine.DataSource`: a path, or a text stream.
Source = DataSource
#: The old name of :class:`~ilacs.tables.engine.ProgressCallback`.
Progress = ProgressCallback

_SPACES = re.compile(r"\s+")


# Cells of the national files.

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")


# What none of the national files gives, so every imported inspection lists it as
# not known: its areas for improvement and its areas for priority action. (The
# day the report was received is never given either, and is None; a last day on
# site is given only by the community scrape.) An imported focused visit therefore
# says "not known" of its priority actions, never "none".
_SILENT = (Fact.IMPROVEMENT_AREAS, Fact.PRIORITY_ACTIONS)


def _date(row: Row, key: str) -> pendulum.Date | None:
    """A date as the national files write it: yyyy-mm-dd, dd/mm/yyyy or dd/mm/yy (20yy)."""
    text = row.text(key)
    if not text:
        return None
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
    else:
        raise row.skip(Reason.BAD_DATE, key, "must be a date such as 2018-10-29 or 29/10/2018")
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        raise row.skip(Reason.BAD_DATE, key, "is not a day on the calendar") from None


def _start(row: Row, key: str) -> tuple[pendulum.Date, Framework]:
    """The first day on site, required, and the framework in force that day."""
    start = _date(row, key)
    if start is None:
        raise row.skip(Reason.NO_FIELDWORK_DATES, key, "is empty: no first day on site")
    try:
        return start, frameworks.for_date(start)
    except IlacsError as error:
        column = row.column(key)
        raise SkipRowError(
            Reason.NO_FRAMEWORK, f"{column!r}: {error}", column=column, value=row.raw(key)
        ) from error


def _optional_text(row: Row, key: str) -> str | None:
    return _SPACES.sub(" ", row.text(key)) or None


def _authority(row: Row, *keys: str) -> LocalAuthority:
    """The registry's authority for a row's codes and name, tried in the order given.

    The first key that resolves decides; a later one that names another authority
    is a mismatch. A key that does not resolve is passed over when another does.
    """
    found: list[tuple[str, authorities.AuthorityRecord]] = []
    unknown: list[tuple[str, authorities.UnknownAuthorityError]] = []
    for key in keys:
        text = row.text(key)
        if not text:
            continue
        try:
            found.append((key, authorities.record(text)))
        except authorities.UnknownAuthorityError as error:
            unknown.append((key, error))
    if not found:
        if not unknown:
            listing = " or ".join(repr(row.column(key)) for key in keys if row.has(key))
            detail = f"no authority: {listing} {'is' if len(keys) == 1 else 'are'} empty"
            raise SkipRowError(Reason.MISSING_VALUE, detail, column=row.column(keys[-1]), value="")
        key = unknown[-1][0]
        detail = "; ".join(f"{row.column(k)!r}: {error}" for k, error in unknown)
        raise SkipRowError(
            Reason.UNKNOWN_AUTHORITY, detail, column=row.column(key), value=row.raw(key)
        )
    key, chosen = found[0]
    for other_key, other in found[1:]:
        if other is not chosen:
            detail = (
                f"{row.column(key)!r} {row.raw(key)!r} is {chosen.name!r} but"
                f" {row.column(other_key)!r} {row.raw(other_key)!r} is {other.name!r}"
            )
            raise SkipRowError(
                Reason.AUTHORITY_MISMATCH,
                detail,
                column=row.column(other_key),
                value=row.raw(other_key),
            )
    return chosen.authority


# Grade cells. Which judgement each grade column holds, under each framework version,
# is read from the packs by GradeColumns.

# The community scrape's own words for "no such judgement" and "could not read it";
# its XLSX overview writes an empty grade as pandas does, "nan".
_NO_JUDGEMENT = frozenset({"inspection_pre_dates_judgement", "not_reported_post_reform", "nan"})
_UNREADABLE = frozenset({"data_unreadable"})
# When a row has several faulty grade cells, the reason is the most telling.
_PRIORITY = (
    Reason.UNRECOGNISED_GRADE,
    Reason.UNREADABLE_GRADE,
    Reason.UNEXPECTED_GRADE,
    Reason.MISSING_GRADE,
)


def _judge(
    row: Row, key: str, area: str | None, framework: Framework, kind: InspectionKind
) -> Judgement | tuple[Reason, str] | None:
    """One grade cell: a judgement, a problem (reason, words), or None for no judgement."""
    graded = kind in framework.graded_kinds()
    column, value, cell = row.column(key), row.raw(key), row.text(key)
    said = f"{column!r} is {value!r}" if cell else f"{column!r} is empty"
    folded = cell.casefold()
    if not cell or folded in _NO_JUDGEMENT or folded in _UNREADABLE:
        if area is None or not graded:
            return None
        if folded in _UNREADABLE:
            return Reason.UNREADABLE_GRADE, f"{said}: the grade could not be read"
        return Reason.MISSING_GRADE, f"{said}, but {framework.id} judges {area!r}"
    try:
        grade = framework.grade_scale.parse(cell)
    except IlacsError:
        return Reason.UNRECOGNISED_GRADE, f"{said}, which is not a grade"
    if area is not None and graded:
        return Judgement(area=area, grade=grade)
    kind_words = kind.value.replace("_", " ")
    why = (
        f"{framework.id} makes no such judgement"
        if area is None
        else f"a {kind_words} is not graded"
    )
    return Reason.UNEXPECTED_GRADE, f"{said}, but {why}"


def _judgements(
    row: Row, framework: Framework, kind: InspectionKind, grades: GradeColumns
) -> tuple[Judgement, ...]:
    """The judgements of a row's grade columns, by the areas they hold under its framework."""
    found: dict[str, Judgement] = {}
    problems: list[tuple[Reason, str, str]] = []  # reason, words, column key
    for key, area in grades.holding(framework).items():
        outcome = _judge(row, key, area, framework, kind)
        if isinstance(outcome, Judgement):
            found[outcome.area] = outcome
        elif outcome is not None:
            problems.append((*outcome, key))
    if problems:
        problems.sort(key=lambda problem: _PRIORITY.index(problem[0]))
        reason, _, key = problems[0]
        detail = "; ".join(words for _, words, _ in problems)
        raise SkipRowError(reason, detail, column=row.column(key), value=row.raw(key))
    return tuple(found[area] for area in framework.area_ids if area in found)


def _kind_in(row: Row, key: str, kind: InspectionKind, framework: Framework) -> InspectionKind:
    if kind not in {entry.kind for entry in framework.inspection_kinds}:
        rule = f"names a {kind.value!r} inspection, which {framework.id} does not make"
        raise row.skip(Reason.KIND_NOT_IN_FRAMEWORK, key, rule)
    return kind


def _reported(
    result: ImportResult, table: Table, grades: GradeColumns, known: Collection[str]
) -> ImportResult:
    """The result with the grade columns it lacks and the columns it did not read."""
    read = {*map(column_key, known), *grades.headers}
    return attrs.evolve(
        result,
        columns_missing=grades.missing(result.inspections),
        columns_ignored=table.columns_other_than(read),
    )


# Ofsted's official statistics.

_OFSTED_KINDS = {
    "ilacs standard inspection": InspectionKind.STANDARD,
    "standard inspection": InspectionKind.STANDARD,
    "ilacs short inspection": InspectionKind.SHORT,
    "short inspection": InspectionKind.SHORT,
    "ilacs focused visit": InspectionKind.FOCUSED_VISIT,
    "focused visit": InspectionKind.FOCUSED_VISIT,
    "la monitoring visit": InspectionKind.MONITORING_VISIT,
    "ilacs monitoring visit": InspectionKind.MONITORING_VISIT,
    "monitoring visit": InspectionKind.MONITORING_VISIT,
    "joint targeted area inspection": InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
    "jtai": InspectionKind.JOINT_TARGETED_AREA_INSPECTION,
}
_OFSTED_TYPES = (
    "ILACS Standard Inspection",
    "ILACS Short Inspection",
    "ILACS Focused Visit",
    "LA Monitoring visit",
)


def _ofsted_kind(row: Row, key: str, framework: Framework) -> InspectionKind:
    kind = _OFSTED_KINDS.get(column_key(row.text(key)))
    if kind is None:
        known = ", ".join(map(repr, _OFSTED_TYPES))
        raise row.skip(Reason.UNKNOWN_KIND, key, f"must be an inspection type such as {known}")
    return _kind_in(row, key, kind, framework)


_OFSTED_CODE = column_key("Local authority area code")
_OFSTED_NAME = column_key("Local authority name")
_OFSTED_START = column_key("Inspection date")
_OFSTED_PUBLISHED = column_key("Publication date")
_OFSTED_TYPE = column_key("Inspection type")
# Columns of the release that the model has no place for, or that the registry knows
# ("Web link" is the workbook's link to the authority's page on Ofsted's site).
_OFSTED_UNREAD = ("source_release", "Local authority status", "Ofsted region", "Web link")


def ofsted(
    source: DataSource, *, progress: ProgressCallback | None = None, sheet: str | None = None
) -> ImportResult:
    r"""Import Ofsted's official ILACS inspection history ("Local authority inspection outcomes").

    ``source`` is the history sheet as CSV, or Ofsted's workbook itself as
    published (ODS or XLSX): its sheet ``sheet``, or else the one sheet with the
    columns below (``ILACS_inspection_history``); the title rows above the header
    are passed over, and each row is numbered as the spreadsheet numbers it.

    Columns are matched by Ofsted's names, in any letter case:

    - "Inspection date" is the **first day on site** (the report's first date), so
      it is the inspection's ``on_site_start`` and chooses the framework version;
      the file gives no last day and no off-site week.
    - "Publication date" is the day Ofsted published the report (``published``).
    - "Local authority area code" (an ONS code) and then "Local authority name" find
      the authority in :mod:`ilacs.authorities`; the release, status and region
      columns are not read.
    - The grade columns are named by the judgements' labels in the packs, and map
      to judgement areas by framework version: the "children in care" column is
      ``children_in_care_and_care_leavers`` under ilacs-2018 (whose pack accepts
      that heading for it) and ``children_in_care`` from ilacs-2023; an empty cell
      is no judgement where the framework makes none (care leavers before 2023,
      overall from April 2026).

    >>> from ilacs import importers
    >>> result = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> print(result.summary())
    271 rows read, 271 imported, 0 skipped
    >>> workbook = importers.ofsted(
    ...     "tests/data/ofsted_la_inspection_outcomes_as_at_31_march_2025.ods"
    ... )
    >>> print(workbook.source.rsplit("/", 1)[-1], workbook.summary(), sep="\n")
    ofsted_la_inspection_outcomes_as_at_31_march_2025.ods[ILACS_inspection_history]
    271 rows read, 271 imported, 0 skipped
    >>> workbook.inspections == result.inspections
    True
    """
    table = read_table(
        source,
        what="Ofsted's ILACS inspection history",
        required=("Local authority name", "Inspection date", "Inspection type"),
        sheet=sheet,
    )
    grades = GradeColumns.of(table.header, naming=Naming.LABEL)

    def build(row: Row) -> Inspection:
        start, framework = _start(row, _OFSTED_START)
        kind = _ofsted_kind(row, _OFSTED_TYPE, framework)
        return Inspection(
            authority=_authority(row, _OFSTED_CODE, _OFSTED_NAME),
            kind=kind,
            on_site_start=start,
            published=_date(row, _OFSTED_PUBLISHED),
            framework=framework.id,
            judgements=_judgements(row, framework, kind, grades),
            not_known=_SILENT,
        )

    fields = {"on_site_start": _OFSTED_START, "published": _OFSTED_PUBLISHED}
    result = run(table, build, progress=progress, fields=fields, duplicates=True)
    read = (_OFSTED_CODE, _OFSTED_NAME, _OFSTED_START, _OFSTED_PUBLISHED, _OFSTED_TYPE)
    return _reported(result, table, grades, (*read, *_OFSTED_UNREAD))


# Ofsted's in-year activity sheets.

_INYEAR_READ = ("la_name", "la_code", "type", "visit_date", "published", "visit_theme")
_INYEAR_UNREAD = ("source_release", "region", "Web link")
# The in-year sheet of Ofsted's workbook names its columns in words.
_INYEAR_ALIASES = {
    "Local authority name": "la_name",
    "Local authority area code": "la_code",
    "Inspection/Visit type": "type",
    "Inspection/Visit date": "visit_date",
    "Publication date": "published",
    "Visit theme": "visit_theme",
}


def inyear(
    source: DataSource, *, progress: ProgressCallback | None = None, sheet: str | None = None
) -> ImportResult:
    """Import Ofsted's in-year activity: focused and monitoring visits, short and standard inspections.

    The columns are those of the merged in-year sheets (``la_name``, ``la_code``,
    ``type``, ``visit_date``, ``published``, ``visit_theme`` and the grade columns),
    or those of the in-year sheet of Ofsted's workbook as published ("Local
    authority name", "Inspection/Visit type", "Inspection/Visit date", "Visit
    Theme", the grade columns by the judgements' labels, ...): a workbook is read
    from its sheet ``sheet``, or else from the one sheet with these columns
    (``In-year_inspections``), below its title rows.

    - ``visit_date`` is the first day on site (for inspections it is the same day as
      the history sheet's "Inspection date"); ``published`` is Ofsted's publication
      day, where the release gives it.
    - ``visit_theme`` is the visit's ``topic``.
    - ``la_code`` (an ONS code, where given) and then ``la_name`` find the authority;
      the release and region columns are not read.
    - The grade columns are named by the judgements' ids (``overall`` is the short
      name the packs give overall effectiveness) and map to judgement areas by
      framework version, as in :func:`ofsted`; a visit carries no grades.

    The sheets of several releases overlap, so a row with the same authority, kind
    and first day on site as an earlier one is skipped as a duplicate naming it.

    >>> from ilacs import importers
    >>> result = importers.inyear("tests/data/ofsted_mi_inyear_activity_2022_2025.csv")
    >>> print(result.summary())
    330 rows read, 330 imported, 0 skipped
    >>> workbook = importers.inyear(
    ...     "tests/data/ofsted_la_inspection_outcomes_as_at_31_march_2025.ods"
    ... )
    >>> print(workbook.summary())
    112 rows read, 112 imported, 0 skipped
    """
    table = read_table(
        source,
        what="Ofsted's in-year activity",
        required=("la_name", "type", "visit_date"),
        sheet=sheet,
        aliases=_INYEAR_ALIASES,
    )
    worded = any(column_key(name) in map(column_key, table.header) for name in _INYEAR_ALIASES)
    grades = GradeColumns.of(table.header, naming=Naming.LABEL if worded else Naming.SHORT)

    def build(row: Row) -> Inspection:
        start, framework = _start(row, "visit_date")
        kind = _ofsted_kind(row, "type", framework)
        return Inspection(
            authority=_authority(row, "la_code", "la_name"),
            kind=kind,
            on_site_start=start,
            published=_date(row, "published"),
            framework=framework.id,
            judgements=_judgements(row, framework, kind, grades),
            topic=_optional_text(row, "visit_theme"),
            not_known=_SILENT,
        )

    fields = {"on_site_start": "visit_date", "published": "published", "topic": "visit_theme"}
    result = run(table, build, progress=progress, fields=fields, duplicates=True)
    return _reported(result, table, grades, (*_INYEAR_READ, *_INYEAR_UNREAD))


# The community scrape.

_COMMUNITY_COLUMNS = (
    "urn",
    "local_authority",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "inspection_link",
)
_COMMUNITY_UNREAD = (
    "pdf_filename",
    "parser_version",
    # The XLSX overview's own columns: the authority's DfE and ONS codes (the URN
    # decides, and the overview gives Cumbria's old code for its successors), the
    # region, the statistical neighbours and their grades, and counts it derives.
    "la_code",
    "ltla23cd",
    "region_code",
    "stat_neighbours",
    "stat_neighbour_judgement",
    "local_link_to_all_inspections",
    "inspectors_inspections_count",
)


# The XLSX overview writes a missing value as Python and pandas print one.
_SCRAPED_NOTHING = frozenset({"None", "nan"})


def _scraped_text(row: Row, key: str) -> str | None:
    """A text cell of the scrape; the overview's 'None' and 'nan' are no value."""
    text = _optional_text(row, key)
    return None if text in _SCRAPED_NOTHING else text


def _community_kind(row: Row, framework: Framework) -> InspectionKind:
    """The scrape's ``inspection_framework``, which it infers from the length of fieldwork."""
    kinds = {entry.kind for entry in framework.inspection_kinds}
    if InspectionKind.SINGLE_INSPECTION in kinds and InspectionKind.STANDARD not in kinds:
        return InspectionKind.SINGLE_INSPECTION  # SIF had one kind of full inspection
    text = column_key(row.text("inspection_framework"))
    if text == "short":
        kind = InspectionKind.SHORT
    elif text == "standard" or text.startswith("inspection duration longer than standard"):
        kind = InspectionKind.STANDARD  # longer than standard is not short
    else:
        raise row.skip(Reason.UNKNOWN_KIND, "inspection_framework", "must be 'short' or 'standard'")
    return _kind_in(row, "inspection_framework", kind, framework)


def community(
    source: DataSource, *, progress: ProgressCallback | None = None, sheet: str | None = None
) -> ImportResult:
    """Import the community "ofsted-ilacs-scrape-tool" record of every published report.

    ``source`` is the tool's CSV history, or its XLSX overview (the latest report
    of each authority), whose sheet is found by its columns (or named by ``sheet``).

    - ``inspection_start_date`` and ``inspection_end_date`` (dd/mm/yyyy) are the
      report's first and last days on site; a row without them is skipped ("no
      fieldwork dates"): the SIF-era rows, and three reports whose dates the scrape
      could not read.
    - ``publication_date`` (dd/mm/yy, read as 20yy) is ``published``;
      ``inspector_name`` the lead inspector; ``inspection_link`` the source URL
      (the overview's ``None`` and ``nan``, Python's and pandas' words for no
      value, are none);
      ``pdf_filename`` and ``parser_version`` are not read.
    - ``urn`` and then ``local_authority`` find the authority in the registry. The
      overview's other columns (its DfE and ONS codes, region, statistical
      neighbours, counts) are not read.
    - ``inspection_framework`` ("short" or "standard", inferred by the scrape from
      the length of fieldwork; "longer than standard" is taken as standard) is the
      kind; under SIF every inspection is a single inspection.
    - The grade columns are named as the analyst export names them
      (``impact_of_leaders_grade``, ``in_care_grade``, ...) and are read by
      framework version as in :func:`ofsted`. The sentinels
      ``inspection_pre_dates_judgement`` and ``not_reported_post_reform`` mean no
      judgement; ``data_unreadable`` where the framework makes the judgement, text
      that is not a grade ("to requires improvement") and an empty cell for a
      judgement the framework makes each skip the row, naming the column and value.

    >>> from ilacs import importers
    >>> result = importers.community("tests/data/ofsted_csc_ilacs_history.csv")
    >>> bad = [row for row in result.skipped if row.reason is importers.Reason.UNRECOGNISED_GRADE]
    >>> [(row.line, row.column, row.value) for row in bad]
    [(329, 'help_and_protection_grade', 'to requires improvement'), (415, 'help_and_protection_grade', 'to requires improvement')]
    """
    table = read_table(
        source, what="the community ILACS history", required=_COMMUNITY_COLUMNS, sheet=sheet
    )
    grades = GradeColumns.of(table.header, naming=Naming.COLUMN)

    def build(row: Row) -> Inspection:
        start, framework = _start(row, "inspection_start_date")
        kind = _community_kind(row, framework)
        return Inspection(
            authority=_authority(row, "urn", "local_authority"),
            kind=kind,
            on_site_start=start,
            on_site_end=_date(row, "inspection_end_date"),
            published=_date(row, "publication_date"),
            framework=framework.id,
            lead_inspector=_scraped_text(row, "inspector_name"),
            judgements=_judgements(row, framework, kind, grades),
            source_url=_scraped_text(row, "inspection_link"),
            not_known=_SILENT,
        )

    fields = {
        "on_site_start": "inspection_start_date",
        "on_site_end": "inspection_end_date",
        "published": "publication_date",
        "lead_inspector": "inspector_name",
        "source_url": "inspection_link",
    }
    result = run(table, build, progress=progress, fields=fields, duplicates=True)
    return _reported(result, table, grades, (*_COMMUNITY_COLUMNS, *_COMMUNITY_UNREAD))


def area_send(
    source: DataSource, *, progress: ProgressCallback | None = None, sheet: str | None = None
) -> ImportResult:
    """Import the community overview of area SEND outcomes (``ilacs.tables.area_send.overview``).

    Every row is imported (an ``area_send_inspection`` under the ``area-send`` pack in
    force, with its one outcome) or reported with its reason.

    >>> from ilacs import importers
    >>> result = importers.area_send("tests/data/area_send/ofsted_csc_send_overview.xlsx")
    >>> len(result.inspections) + len(result.skipped) == result.rows_read == 72
    True
    """
    from ilacs.tables.area_send import overview  # noqa: PLC0415 (that module imports this one)

    return overview(source, progress=progress, sheet=sheet)
