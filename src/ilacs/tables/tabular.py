"""The analyst's export: one CSV row per inspection, one column per judgement area, and back.

:func:`to_csv` writes inspections as a flat table that a spreadsheet or a data
frame reads directly; :func:`from_csv` reads such a table back to exactly the same
inspections (``from_csv(to_csv(xs)).inspections == tuple(xs)``).

The columns, in order:

- ``local_authority``, ``urn``, ``dfe_code``, ``ons_code``, ``region``: the
  authority as the inspection records it (not looked up in the registry, so that
  what is read back is what was written);
- ``kind`` (``standard``, ``short``, ``focused_visit``, ...), ``framework`` (its id);
- ``off_site_start``, ``on_site_start``, ``on_site_end``, ``report_received``,
  ``published``: ISO 8601 dates;
- ``lead_inspector``, ``topic``;
- one grade column per judgement area, named as analysts already name them:
  ``overall_effectiveness_grade``, ``impact_of_leaders_grade``,
  ``help_and_protection_grade``, ``in_care_grade``, ``care_leavers_grade`` (as the
  community scrape names them), ``in_care_and_care_leavers_grade`` for the 2018
  combined judgement, and ``<area id>_grade`` for any other area (SIF's, or a
  framework a user registered), added only when an inspection has one;
- ``improvement_areas`` and ``priority_actions``: JSON lists, in the same shape as
  the JSON documents of :mod:`ilacs.serialisation` (empty when there are none);
- ``judgement_order``: empty unless an inspection's judgements are not in its
  framework's order, when it lists their area ids, so that order survives too;
- ``source_url``.

An empty cell is "none": no code, no date, no judgement. Grades are written as
Ofsted's labels ("Requires improvement to be good"), whatever the framework; the
reader takes labels or enum values in any letter case.

Improvement areas and priority actions do not fit a flat row, so they are carried
whole as JSON rather than dropped: an analyst can ignore the column, and the round
trip stays exact.

>>> import io
>>> import pendulum
>>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
>>> from ilacs import tabular
>>> haringey = Inspection(
...     authority=LocalAuthority(name="Haringey", urn=80498, ons_code="E09000014"),
...     kind=InspectionKind.STANDARD,
...     on_site_start=pendulum.date(2018, 10, 29),
...     on_site_end=pendulum.date(2018, 11, 9),
...     published=pendulum.date(2018, 12, 14),
...     judgements=(
...         Judgement(area="leaders", grade=Grade.REQUIRES_IMPROVEMENT),
...         Judgement(area="overall_effectiveness", grade=Grade.REQUIRES_IMPROVEMENT),
...     ),
... )
>>> text = tabular.to_csv([haringey])
>>> header, row = text.splitlines()
>>> header.split(",")[:9]
['local_authority', 'urn', 'dfe_code', 'ons_code', 'region', 'kind', 'framework', 'off_site_start', 'on_site_start']
>>> row
'Haringey,80498,,E09000014,,standard,ilacs-2018,,2018-10-29,2018-11-09,,2018-12-14,,,Requires improvement to be good,Requires improvement to be good,,,,,,,,'
>>> tabular.from_csv(io.StringIO(text)).inspections == (haringey,)
True
"""

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable
from typing import TextIO

import pendulum

from ilacs import frameworks
from ilacs.base import converter as _converter
from ilacs.base import validators as v
from ilacs.errors import IlacsError, ValidationError
from ilacs.frameworks.grades import Grade
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import IDENTIFIER
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import ImprovementArea, Inspection, Judgement
from ilacs.tables.importers import (
    ImportResult,
    Progress,
    Reason,
    Source,
    _read_table,
    _Row,
    _run,
    _SkipRowError,
)

__all__ = [
    "GRADE_COLUMNS",
    "area_of_column",
    "column_of_area",
    "from_csv",
    "to_csv",
    "write_csv",
]

#: The grade column of each judgement area of the built-in ILACS packs, in the
#: order they are written; any other area's column is ``<area id>_grade``.
GRADE_COLUMNS = {
    "overall_effectiveness": "overall_effectiveness_grade",
    "leaders": "impact_of_leaders_grade",
    "help_and_protection": "help_and_protection_grade",
    "children_in_care": "in_care_grade",
    "care_leavers": "care_leavers_grade",
    "children_in_care_and_care_leavers": "in_care_and_care_leavers_grade",
}
_AREA_OF = {column: area for area, column in GRADE_COLUMNS.items()}
_AREA = re.compile(IDENTIFIER)
_SUFFIX = "_grade"
_BEFORE = (
    "local_authority",
    "urn",
    "dfe_code",
    "ons_code",
    "region",
    "kind",
    "framework",
    "off_site_start",
    "on_site_start",
    "on_site_end",
    "report_received",
    "published",
    "lead_inspector",
    "topic",
)
_AFTER = ("improvement_areas", "priority_actions", "judgement_order", "source_url")
_FIXED = frozenset((*_BEFORE, *_AFTER))
_REQUIRED = ("local_authority", "kind", "on_site_start")
# The column to blame when the model rejects a field.
_FIELDS = {
    **{field: field for field in _FIXED},
    "name": "local_authority",
    "authority": "local_authority",
    "judgements": "judgement_order",
}
_DATES = ("off_site_start", "on_site_start", "on_site_end", "report_received", "published")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[0-9]{1,12}")


def column_of_area(area: str) -> str:
    """The grade column of a judgement area.

    >>> column_of_area("leaders"), column_of_area("adoption_performance")
    ('impact_of_leaders_grade', 'adoption_performance_grade')
    """
    return GRADE_COLUMNS.get(area, f"{area}{_SUFFIX}")


def area_of_column(column: str) -> str | None:
    """The judgement area of a grade column, or None for a column that is not one.

    >>> area_of_column("in_care_grade"), area_of_column("published")
    ('children_in_care', None)
    """
    if column in _AREA_OF:
        return _AREA_OF[column]
    area = column.removesuffix(_SUFFIX)
    if area != column and _AREA.fullmatch(area) and area not in GRADE_COLUMNS:
        return area
    return None


def _framework_order(framework_id: str) -> tuple[str, ...] | None:
    try:
        return frameworks.get(framework_id).area_ids
    except IlacsError:
        return None


def _canonical(areas: Iterable[str], framework_id: str, by_column: list[str]) -> list[str]:
    """Areas in the framework's order, then in column order: the order the reader builds.

    ``by_column`` lists the table's grade areas in the order of their columns.
    """
    order = _framework_order(framework_id) or ()
    rank = {area: index for index, area in enumerate(order)}
    position = {area: index for index, area in enumerate(by_column)}
    return sorted(areas, key=lambda a: (rank.get(a, len(rank)), position.get(a, 0)))


def _grade_columns(inspections: list[Inspection]) -> list[str]:
    columns = list(GRADE_COLUMNS.values())
    for inspection in inspections:
        for judgement in inspection.judgements:
            column = column_of_area(judgement.area)
            if area_of_column(column) != judgement.area:
                msg = (
                    f"judgement area {judgement.area!r} of {inspection!r} would be written"
                    f" to the column {column!r}, which belongs to"
                    f" {area_of_column(column)!r}"
                )
                raise ValidationError(msg, field="judgements", value=judgement.area)
            if column not in columns:
                columns.append(column)
    return columns


def _judgement_order(inspection: Inspection, columns: list[str]) -> str:
    areas = [judgement.area for judgement in inspection.judgements]
    if len(areas) < 2:
        return ""
    registered = _framework_order(inspection.framework) is not None
    by_column = [area_of_column(column) or "" for column in columns]
    if registered and areas == _canonical(areas, inspection.framework, by_column):
        return ""
    # Unregistered frameworks keep their order explicitly: one might be registered
    # before the file is read, and the reader's order would change with it.
    return " ".join(areas)


def _items(items: tuple[ImprovementArea, ...]) -> str:
    if not items:
        return ""
    return json.dumps(_converter.unstructure(items), ensure_ascii=False, separators=(",", ":"))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _row(inspection: Inspection, columns: list[str]) -> list[str]:
    authority = inspection.authority
    grades = {column_of_area(j.area): j.grade.label for j in inspection.judgements}
    return [
        authority.name,
        _text(authority.urn),
        _text(authority.dfe_code),
        _text(authority.ons_code),
        _text(authority.region),
        inspection.kind.value,
        inspection.framework,
        *(_text(getattr(inspection, field)) for field in _DATES),
        _text(inspection.lead_inspector),
        _text(inspection.topic),
        *(grades.get(column, "") for column in columns),
        _items(inspection.improvement_areas),
        _items(inspection.priority_actions),
        _judgement_order(inspection, columns),
        _text(inspection.source_url),
    ]


def _checked(inspections: object) -> list[Inspection]:
    if isinstance(inspections, Inspection | str | bytes) or not isinstance(inspections, Iterable):
        v.reject("inspections", inspections, "must be an iterable of Inspection")
    listed = list(inspections)
    for index, item in enumerate(listed):
        if not isinstance(item, Inspection):
            v.reject(f"inspections[{index}]", item, "must be an Inspection")
    return listed


def write_csv(inspections: Iterable[Inspection], target: str | os.PathLike[str] | TextIO) -> int:
    """Write inspections to a CSV file (a path, or a text stream); return the rows written.

    A path is written as UTF-8; the readers also accept a file Excel saved with a
    byte-order mark.

    >>> import io
    >>> from ilacs import importers, tabular
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> tabular.write_csv(official.inspections, io.StringIO())
    271
    """
    listed = _checked(inspections)
    columns = _grade_columns(listed)
    header = [*_BEFORE, *columns, *_AFTER]
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as file:  # noqa: PTH123 (str paths welcome)
            return _write(file, header, columns, listed)
    return _write(target, header, columns, listed)


def _write(file: TextIO, header: list[str], columns: list[str], listed: list[Inspection]) -> int:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(header)
    for inspection in listed:
        writer.writerow(_row(inspection, columns))
    return len(listed)


def to_csv(inspections: Iterable[Inspection]) -> str:
    """The inspections as CSV text, one row each, with a header row.

    >>> import io
    >>> from ilacs import importers, tabular
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> text = tabular.to_csv(official.inspections)
    >>> len(text.splitlines())
    272
    >>> tabular.from_csv(io.StringIO(text)).inspections == official.inspections
    True
    """
    buffer = io.StringIO()
    write_csv(inspections, buffer)
    return buffer.getvalue()


# Reading.


def _cell(row: _Row, key: str) -> str | None:
    value = row.raw(key)
    return value or None


def _date(row: _Row, key: str) -> pendulum.Date | None:
    value = row.raw(key)
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise row.skip(Reason.BAD_DATE, key, "must be an ISO 8601 date such as 2018-10-29")
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        raise row.skip(Reason.BAD_DATE, key, "is not a day on the calendar") from None


def _urn(row: _Row) -> int | None:
    value = row.raw("urn")
    if not value:
        return None
    if not _NUMBER.fullmatch(value):
        raise row.skip(Reason.BAD_VALUE, "urn", "must be a whole number")
    return int(value)


def _kind(row: _Row) -> InspectionKind:
    value = row.raw("kind")
    if not value:
        raise row.skip(Reason.MISSING_VALUE, "kind", "is empty")
    try:
        return InspectionKind(value)
    except ValueError:
        kinds = ", ".join(kind.value for kind in InspectionKind)
        raise row.skip(Reason.UNKNOWN_KIND, "kind", f"must be one of {kinds}") from None


def _improvement_areas(row: _Row, key: str) -> tuple[ImprovementArea, ...]:
    value = row.raw(key)
    if not value:
        return ()
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        raise row.skip(Reason.BAD_VALUE, key, "must be a JSON list") from None
    try:
        return _converter.structure(data, tuple[ImprovementArea, ...], what=f"{key!r}")
    except (IlacsError, RecursionError) as error:
        problems = "; ".join(getattr(error, "problems", ())) or str(error)
        column = row.column(key)
        detail = f"{column!r} cannot be read: {problems}"
        raise _SkipRowError(Reason.BAD_VALUE, detail, column=column, value=value) from None


def _judgements(row: _Row, framework_id: str, grade_keys: dict[str, str]) -> tuple[Judgement, ...]:
    grades: dict[str, Grade] = {}
    for area, key in grade_keys.items():
        value = row.raw(key)
        if not value:
            continue
        try:
            grades[area] = Grade.parse(value)
        except IlacsError:
            raise row.skip(Reason.UNRECOGNISED_GRADE, key, "is not a grade") from None
    order = row.raw("judgement_order").split()
    if not order:
        order = _canonical(grades, framework_id, list(grade_keys))
    elif sorted(order) != sorted(grades):
        rule = f"must list the areas graded in this row ({', '.join(sorted(grades))}), once each"
        raise row.skip(Reason.BAD_VALUE, "judgement_order", rule)
    return tuple(Judgement(area=area, grade=grades[area]) for area in order)


def _framework(row: _Row, start: pendulum.Date) -> str:
    """The framework column, or the version in force on the first day on site."""
    given = row.raw("framework")
    if given:
        return given
    try:
        return frameworks.for_date(start).id
    except IlacsError as error:
        detail = f"'framework' is empty and {error}"
        raise _SkipRowError(Reason.NO_FRAMEWORK, detail, column=row.column("framework")) from None


def _build(grade_keys: dict[str, str]) -> Callable[[_Row], Inspection]:
    def build(row: _Row) -> Inspection:
        name = row.raw("local_authority")
        if not name:
            raise row.skip(Reason.MISSING_VALUE, "local_authority", "is empty")
        start = _date(row, "on_site_start")
        if start is None:
            raise row.skip(Reason.NO_FIELDWORK_DATES, "on_site_start", "is empty")
        framework = _framework(row, start)
        return Inspection(
            authority=LocalAuthority(
                name=name,
                urn=_urn(row),
                dfe_code=_cell(row, "dfe_code"),
                ons_code=_cell(row, "ons_code"),
                region=_cell(row, "region"),
            ),
            kind=_kind(row),
            off_site_start=_date(row, "off_site_start"),
            on_site_start=start,
            on_site_end=_date(row, "on_site_end"),
            report_received=_date(row, "report_received"),
            published=_date(row, "published"),
            framework=framework,
            lead_inspector=_cell(row, "lead_inspector"),
            judgements=_judgements(row, framework, grade_keys),
            improvement_areas=_improvement_areas(row, "improvement_areas"),
            priority_actions=_improvement_areas(row, "priority_actions"),
            topic=_cell(row, "topic"),
            source_url=_cell(row, "source_url"),
        )

    return build


def _known(key: str) -> bool:
    return key in _FIXED or area_of_column(key) is not None


def from_csv(source: Source, *, progress: Progress | None = None) -> ImportResult:
    r"""Read a table :func:`to_csv` wrote back to the same inspections.

    Every row is imported or reported, as by the :mod:`ilacs.importers`. A column
    this format does not have is an error (a misspelt column is never ignored);
    only ``local_authority``, ``kind`` and ``on_site_start`` must be there. Values
    are read as written: dates in ISO 8601, the kind and framework by id.

    >>> import io
    >>> from ilacs import tabular
    >>> text = "local_authority,kind,on_site_start\nHaringey,standard,29/10/2018\n"
    >>> result = tabular.from_csv(io.StringIO(text))
    >>> print(result.summary())
    1 row read, 0 imported, 1 skipped: 1 unreadable date
    >>> print(result.skipped[0])
    line 2: unreadable date: 'on_site_start' must be an ISO 8601 date such as 2018-10-29 (got '29/10/2018')
    """
    table = _read_table(source, what="an ilacs analyst table", required=_REQUIRED, known=_known)
    grade_keys = {area: key for key in table.columns if (area := area_of_column(key)) is not None}
    return _run(table, _build(grade_keys), progress=progress, fields=_FIELDS, duplicates=False)
