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
- one grade column per judgement area, named as the framework packs name it (see
  :mod:`ilacs.tables.columns`): the built-in packs name the columns as analysts
  already do, ``overall_effectiveness_grade``, ``impact_of_leaders_grade``,
  ``help_and_protection_grade``, ``in_care_grade``, ``care_leavers_grade`` (as the
  community scrape names them) and ``in_care_and_care_leavers_grade`` for the 2018
  combined judgement, and every export has them (:data:`GRADE_COLUMNS`); any other
  area (SIF's, or one of a framework a user registered) gets ``<area id>_grade``,
  added only when an inspection has one;
- ``improvement_areas`` and ``priority_actions``: JSON lists, in the same shape as
  the JSON documents of :mod:`ilacs.serialisation` (empty when there are none);
- ``findings``: the strengths and weaknesses per judgement area, a JSON list in
  the same shape as the JSON documents (empty when there are none);
- ``not_known``: the facts the record does not know, separated by ``;``
  (``improvement_areas; priority_actions`` for an imported inspection); empty when
  the lists above are known, so that an empty list there is "none";
- ``judgement_order``: empty unless an inspection's judgements are not in its
  framework's order, when it lists their area ids, so that order survives too;
- ``source_url``.

An empty cell is "none": no code, no date, no judgement. Grades are written as the
framework's grade scale prints them ("Requires improvement to be good" from 2018,
"Requires improvement" under SIF, a registered framework's own labels); the reader
takes those labels, Ofsted's, or the enum's values, in any letter case.

What is written is read back exactly, or refused: a cell that holds a line break or
a lone carriage return is quoted, and text longer than a CSV reader takes in one
cell (131,072 characters) is a :class:`~ilacs.errors.ValidationError`. With
``spreadsheet_safe=True``, a cell that a spreadsheet would run as a formula gets an
apostrophe in front, which :func:`from_csv` with ``spreadsheet_safe=True`` takes
off again (:func:`~ilacs.tables.engine.escape_formula`).

Improvement areas and priority actions do not fit a flat row, so they are carried
whole as JSON rather than dropped: an analyst can ignore the column, and the round
trip stays exact.

For Excel, :func:`write_csv` puts a byte-order mark first with ``bom=True``, and
:func:`write_xlsx` writes an XLSX workbook (with the ``spreadsheets`` extra): the
``inspections`` sheet holds these columns with typed cells, and further sheets
hold the judgements, improvement areas, action plans and deadlines, one row each
(:data:`SHEETS`); :func:`from_csv` reads the ``inspections`` sheet back exactly.

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
'Haringey,80498,,E09000014,,standard,ilacs-2018,,2018-10-29,2018-11-09,,2018-12-14,,,Requires improvement to be good,Requires improvement to be good,,,,,,,,,,'
>>> tabular.from_csv(io.StringIO(text)).inspections == (haringey,)
True
"""

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import converter as _converter
from ilacs.base import validators as v
from ilacs.errors import IlacsError, ValidationError
from ilacs.frameworks.grades import Grade, Outcome
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import IDENTIFIER, AreaRole, Framework
from ilacs.model.action_plans import ActionPlan, ActionStatus
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import Fact, Findings, ImprovementArea, Inspection, Judgement
from ilacs.reasoning import deadlines, progress
from ilacs.reasoning.calendar import WorkingDayCalendar
from ilacs.tables.columns import GRADE_SUFFIX, explicit_column
from ilacs.tables.engine import (
    DataSource,
    DataTarget,
    ProgressCallback,
    Row,
    SkipRowError,
    csv_text,
    read_table,
    run,
    write_text,
)
from ilacs.tables.results import ImportResult, Reason
from ilacs.tables.workbooks import Cell, SheetData, WorkbookTarget
from ilacs.tables.workbooks import write_xlsx as write_workbook

__all__ = [
    "BOM",
    "GRADE_COLUMNS",
    "SHEETS",
    "area_of_column",
    "column_of_area",
    "from_csv",
    "to_csv",
    "workbook_sheets",
    "write_csv",
    "write_xlsx",
]

_AREA = re.compile(IDENTIFIER)
_ROLES = tuple(AreaRole)


@attrs.frozen
class _Columns:
    """The analyst columns the registered packs name: by area id, and back."""

    by_area: dict[str, str]
    by_column: dict[str, str]

    @classmethod
    def registered(cls) -> "_Columns":
        named: list[tuple[int, str, str]] = []  # role, area id, column: newest pack first
        for framework in reversed(frameworks.all()):
            for area in framework.judgement_areas:
                column = explicit_column(area)
                if column is not None:
                    named.append((_ROLES.index(area.role), area.id, column))
        by_area: dict[str, str] = {}
        by_column: dict[str, str] = {}
        # Overall first, then leadership, then practice, each the newest pack's first.
        for _, area_id, column in sorted(named, key=lambda entry: entry[0]):
            if area_id not in by_area and column not in by_column:
                by_area[area_id] = column
                by_column[column] = area_id
        return cls(by_area=by_area, by_column=by_column)

    def column(self, area: str) -> str:
        return self.by_area.get(area, f"{area}{GRADE_SUFFIX}")

    def area(self, column: str) -> str | None:
        if column in self.by_column:
            return self.by_column[column]
        area = column.removesuffix(GRADE_SUFFIX)
        if area != column and _AREA.fullmatch(area) and self.column(area) == column:
            return area
        return None


class _GradeColumns(Mapping[str, str]):
    """The registered packs' named grade columns, as they are when read."""

    def __getitem__(self, area: str) -> str:
        return _Columns.registered().by_area[area]

    def __iter__(self) -> Iterator[str]:
        return iter(_Columns.registered().by_area)

    def __len__(self) -> int:
        return len(_Columns.registered().by_area)

    def __repr__(self) -> str:
        return repr(_Columns.registered().by_area)


#: The grade column of each judgement area whose column the registered packs name
#: (a variant spelt as a grade column, such as ``in_care_grade``), in the order
#: they are written: every export has these columns. Any other area's column is
#: ``<area id>_grade``, written when an inspection has that judgement. A live view:
#: it follows the packs registered when it is read.
GRADE_COLUMNS: Mapping[str, str] = _GradeColumns()
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
_AFTER = (
    "improvement_areas",
    "priority_actions",
    "findings",
    "not_known",
    "judgement_order",
    "source_url",
)
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
# Longer than any URN the model takes (2**53 - 1 has 16 digits), short enough to read.
_NUMBER = re.compile(r"[0-9]{1,20}")


def column_of_area(area: str) -> str:
    """The grade column of a judgement area, as the registered packs name it.

    >>> column_of_area("leaders"), column_of_area("adoption_performance")
    ('impact_of_leaders_grade', 'adoption_performance_grade')
    """
    return _Columns.registered().column(area)


def area_of_column(column: str) -> str | None:
    """The judgement area of a grade column, or None for a column that is not one.

    >>> area_of_column("in_care_grade"), area_of_column("published")
    ('children_in_care', None)
    """
    return _Columns.registered().area(column)


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


def _grade_columns(inspections: list[Inspection], names: _Columns) -> list[str]:
    columns = list(names.by_area.values())
    for inspection in inspections:
        for judgement in inspection.judgements:
            column = names.column(judgement.area)
            if names.area(column) != judgement.area:
                msg = (
                    f"judgement area {judgement.area!r} of {inspection!r} would be written"
                    f" to the column {column!r}, which belongs to {names.area(column)!r}"
                )
                raise ValidationError(msg, field="judgements", value=judgement.area)
            if column not in columns:
                columns.append(column)
    return columns


def _judgement_order(inspection: Inspection, by_column: list[str]) -> str:
    areas = [judgement.area for judgement in inspection.judgements]
    if len(areas) < 2:
        return ""
    registered = _framework_order(inspection.framework) is not None
    if registered and areas == _canonical(areas, inspection.framework, by_column):
        return ""
    # Unregistered frameworks keep their order explicitly: one might be registered
    # before the file is read, and the reader's order would change with it.
    return " ".join(areas)


def _pack(framework_id: str) -> Framework | None:
    try:
        return frameworks.get(framework_id)
    except IlacsError:
        return None


def _grades(inspection: Inspection, names: _Columns) -> dict[str, str]:
    """Each judgement's grade column, with the grade as its framework's scale prints it."""
    pack = _pack(inspection.framework)
    return {names.column(j.area): _wording(pack, j.grade) for j in inspection.judgements}


def _items(items: tuple[ImprovementArea, ...] | tuple[Findings, ...]) -> str:
    if not items:
        return ""
    return json.dumps(_converter.unstructure(items), ensure_ascii=False, separators=(",", ":"))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _row(inspection: Inspection, columns: list[str], names: _Columns) -> list[str]:
    authority = inspection.authority
    grades = _grades(inspection, names)
    by_column = [names.area(column) or "" for column in columns]
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
        _items(inspection.findings),
        "; ".join(fact.value for fact in inspection.not_known),
        _judgement_order(inspection, by_column),
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


def to_csv(inspections: Iterable[Inspection], *, spreadsheet_safe: bool = False) -> str:
    """The inspections as CSV text, one row each, with a header row.

    With ``spreadsheet_safe``, a cell that a spreadsheet would run as a formula
    (one starting with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return, or an
    apostrophe) is written with an apostrophe in front;
    ``from_csv(..., spreadsheet_safe=True)`` takes it off again. Text too long for
    a CSV cell (over 131,072 characters) is refused with a
    :class:`~ilacs.errors.ValidationError` naming the inspection and the column.

    >>> import io
    >>> from ilacs import importers, tabular
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> text = tabular.to_csv(official.inspections)
    >>> len(text.splitlines())
    272
    >>> tabular.from_csv(io.StringIO(text)).inspections == official.inspections
    True
    """
    listed = _checked(inspections)
    names = _Columns.registered()
    columns = _grade_columns(listed, names)
    rows = (
        (f"inspections[{index}] {inspection!r}", _row(inspection, columns, names))
        for index, inspection in enumerate(listed)
    )
    return csv_text([*_BEFORE, *columns, *_AFTER], rows, spreadsheet_safe=spreadsheet_safe)


def write_csv(
    inspections: Iterable[Inspection],
    target: DataTarget,
    *,
    spreadsheet_safe: bool = False,
    bom: bool = False,
) -> int:
    """Write inspections to a CSV file (a path, or a text stream); return the rows written.

    The text is :func:`to_csv`'s. A path is written as UTF-8, atomically: the whole
    new file or, if anything fails, the old one untouched. A folder, a missing
    folder, a failed write or a stream that does not take text is a
    :class:`~ilacs.errors.FileWriteError` naming the target. With ``bom``, the
    text starts with a byte-order mark (``U+FEFF``), by which Excel knows the
    file is UTF-8: without it, Excel commonly shows "Máire" as "MÃ¡ire". The
    readers take a file with or without one.

    >>> import io
    >>> from ilacs import importers, tabular
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> tabular.write_csv(official.inspections, io.StringIO())
    271
    >>> tabular.write_csv(official.inspections, "no/such/folder/national.csv")
    Traceback (most recent call last):
    ...
    ilacs.errors.FileWriteError: cannot write 'no/such/folder/national.csv': the folder 'no/such/folder' does not exist
    >>> stream = io.StringIO()
    >>> tabular.write_csv(official.inspections[:1], stream, bom=True)
    1
    >>> stream.getvalue()[:16]
    '\ufefflocal_authority'
    """
    listed = _checked(inspections)
    text = to_csv(listed, spreadsheet_safe=spreadsheet_safe)
    write_text(f"{BOM}{text}" if bom else text, target)
    return len(listed)


# The workbook.

#: The byte-order mark that :func:`write_csv` puts first with ``bom=True``.
BOM = "\ufeff"
#: The sheets of :func:`write_xlsx`'s workbook, in order.
SHEETS = ("inspections", "judgements", "improvement areas", "action plans", "deadlines")
_INSPECTION = ("local_authority", "kind", "on_site_start")
_JUDGEMENT_COLUMNS = (*_INSPECTION, "framework", "area", "judgement", "grade")
_ITEM_COLUMNS = (*_INSPECTION, "list", "id", "text", "judgement_areas", "national_framework")
_ACTION_COLUMNS = (
    *_INSPECTION,
    "submitted",
    "horizon",
    "action",
    "title",
    "answers",
    "owners",
    "due",
    "milestones",
    "last_status",
    "last_change",
)
_RATING_COLUMNS = ("status", "rating", "reason")
_DEADLINE_COLUMNS = (
    *_INSPECTION,
    "deadline",
    "rule",
    "status",
    "earliest",
    "due",
    "counted_from",
    "counted_from_event",
    "upper_bound",
    "basis",
    "reason",
)


def _typed(column: str, cell: str) -> Cell:
    """A cell of the CSV row as the workbook holds it: dates as dates, the URN as a number."""
    if not cell:
        return None
    if column in _DATES:
        return pendulum.Date.fromisoformat(cell)
    if column == "urn":
        return int(cell)
    return cell


def _key(inspection: Inspection) -> list[Cell]:
    return [inspection.authority.name, inspection.kind.value, inspection.on_site_start]


def _area_label(pack: Framework | None, area: str) -> str:
    if pack is not None and area in pack.area_ids:
        return pack.area(area).label
    return area


def _judgement_rows(inspections: list[Inspection]) -> Iterator[list[Cell]]:
    for inspection in inspections:
        pack = _pack(inspection.framework)
        for judgement in inspection.judgements:
            grade = judgement.grade
            yield [
                *_key(inspection),
                inspection.framework,
                judgement.area,
                _area_label(pack, judgement.area),
                _wording(pack, grade),
            ]


def _item_rows(inspections: list[Inspection]) -> Iterator[list[Cell]]:
    for inspection in inspections:
        for words, items in (
            ("priority action", inspection.priority_actions),
            ("improvement area", inspection.improvement_areas),
        ):
            for item in items:
                tag = item.national_framework
                yield [
                    *_key(inspection),
                    words,
                    item.id,
                    item.text,
                    " ".join(item.judgement_areas),
                    None if tag is None else str(tag),
                ]


def _action_rows(
    plans: list[ActionPlan], as_of: pendulum.Date | None, calendar: WorkingDayCalendar | None
) -> Iterator[list[Cell]]:
    for plan in plans:
        for action in plan.actions:
            last = action.history[-1] if action.history else None
            row: list[Cell] = [
                *_key(plan.inspection),
                plan.submitted,
                plan.horizon,
                action.id,
                action.title,
                " ".join(action.answers),
                "; ".join(action.owners),
                action.due,
                len(action.milestones),
                ActionStatus.PLANNED.value if last is None else last.status.value,
                None if last is None else last.on,
            ]
            if as_of is not None:
                rated = progress.assess_action(action, as_of, calendar=calendar)
                row.extend([rated.status.value, rated.rating.value, rated.reason])
            yield row


def _deadline_rows(
    inspections: list[Inspection], calendar: WorkingDayCalendar | None
) -> Iterator[list[Cell]]:
    for inspection in inspections:
        try:
            found = deadlines.for_inspection(inspection, calendar=calendar)
        except IlacsError as error:  # a framework not registered here: say so
            yield [*_key(inspection), None, None, "not_known", *[None] * 6, f"{error}"]
            continue
        for deadline in found:
            event = deadline.counted_from_event
            yield [
                *_key(inspection),
                deadline.rule.name,
                deadline.rule.id,
                deadline.status.value,
                deadline.earliest,
                deadline.due,
                deadline.counted_from,
                None if event is None else event.value,
                deadline.is_upper_bound,
                deadline.rule.basis.value,
                deadline.reason,
            ]


def workbook_sheets(
    inspections: Iterable[Inspection],
    *,
    plans: Iterable[ActionPlan] = (),
    as_of: pendulum.Date | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> list[SheetData]:
    """The sheets of :func:`write_xlsx`'s workbook: each a name, a header and typed rows.

    >>> from ilacs import importers
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> sheets = workbook_sheets(official.inspections[:2])
    >>> [(name, len(list(rows))) for name, _, rows in sheets]
    [('inspections', 2), ('judgements', 9), ('improvement areas', 0), ('action plans', 0), ('deadlines', 8)]
    """
    listed = _checked(inspections)
    plan_list = list(plans)
    for index, plan in enumerate(plan_list):
        if not isinstance(plan, ActionPlan):
            v.reject(f"plans[{index}]", plan, "must be an ActionPlan")
    if as_of is not None and not v.is_date(as_of):
        v.reject("as_of", as_of, "must be a pendulum.Date")
    names = _Columns.registered()
    columns = _grade_columns(listed, names)
    header = [*_BEFORE, *columns, *_AFTER]
    rows = (
        [_typed(column, cell) for column, cell in zip(header, _row(i, columns, names), strict=True)]
        for i in listed
    )
    actions = (*_ACTION_COLUMNS, *(_RATING_COLUMNS if as_of is not None else ()))
    return [
        ("inspections", header, rows),
        ("judgements", _JUDGEMENT_COLUMNS, _judgement_rows(listed)),
        ("improvement areas", _ITEM_COLUMNS, _item_rows(listed)),
        ("action plans", actions, _action_rows(plan_list, as_of, calendar)),
        ("deadlines", _DEADLINE_COLUMNS, _deadline_rows(listed, calendar)),
    ]


def write_xlsx(
    inspections: Iterable[Inspection],
    target: WorkbookTarget,
    *,
    plans: Iterable[ActionPlan] = (),
    as_of: pendulum.Date | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> int:
    """Write inspections (and action plans) as an XLSX workbook, one sheet per table; return the inspections written.

    The sheets (:data:`SHEETS`), each with a bold, frozen, filtered header row:

    - ``inspections``: the columns of :func:`to_csv`, one row per inspection;
      :func:`from_csv` reads this sheet back to the same inspections.
    - ``judgements``: one row per judgement: the inspection (authority, kind,
      first day on site), the framework, the area's id and label, the grade.
    - ``improvement areas``: one row per area for priority action and
      improvement area, with its id, text, judgement areas and national
      framework tag.
    - ``action plans``: one row per action of each plan, with the plan's
      submission and horizon, the action's areas answered, owners, due day,
      milestones and last recorded status; with ``as_of``, also its status,
      red/amber/green rating and the reason as of that day.
    - ``deadlines``: one row per deadline rule that follows each inspection
      (:func:`ilacs.deadlines.for_inspection`, counted with ``calendar``).

    Cells are typed: dates are dates, the URN and counts are numbers, and all
    text is written as text, so a cell starting with ``=`` is shown, never run
    (no apostrophes are needed). A path is written atomically. Text longer than
    an XLSX cell holds (32,767 characters) is a
    :class:`~ilacs.errors.ValidationError`; writing needs the ``spreadsheets``
    extra (``pip install 'ilacs[spreadsheets]'``).

    >>> import io
    >>> from ilacs import importers, tabular
    >>> official = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
    >>> workbook = io.BytesIO()
    >>> tabular.write_xlsx(official.inspections, workbook)
    271
    >>> workbook.seek(0)
    0
    >>> tabular.from_csv(workbook).inspections == official.inspections
    True
    """
    listed = _checked(inspections)
    write_workbook(workbook_sheets(listed, plans=plans, as_of=as_of, calendar=calendar), target)
    return len(listed)


# Reading.


def _cell(row: Row, key: str) -> str | None:
    value = row.raw(key)
    return value or None


def _date(row: Row, key: str) -> pendulum.Date | None:
    value = row.raw(key)
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise row.skip(Reason.BAD_DATE, key, "must be an ISO 8601 date such as 2018-10-29")
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        raise row.skip(Reason.BAD_DATE, key, "is not a day on the calendar") from None


def _urn(row: Row) -> int | None:
    value = row.raw("urn")
    if not value:
        return None
    if not _NUMBER.fullmatch(value):
        raise row.skip(Reason.BAD_VALUE, "urn", "must be a whole number")
    return int(value)


def _kind(row: Row) -> InspectionKind:
    value = row.raw("kind")
    if not value:
        raise row.skip(Reason.MISSING_VALUE, "kind", "is empty")
    try:
        return InspectionKind(value)
    except ValueError:
        kinds = ", ".join(kind.value for kind in InspectionKind)
        raise row.skip(Reason.UNKNOWN_KIND, "kind", f"must be one of {kinds}") from None


_Item = TypeVar("_Item", ImprovementArea, Findings)


def _json_list(row: Row, key: str, kind: type[_Item]) -> tuple[_Item, ...]:
    value = row.raw(key)
    if not value:
        return ()
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        raise row.skip(Reason.BAD_VALUE, key, "must be a JSON list") from None
    try:
        items: tuple[_Item, ...] = _converter.structure(data, tuple[kind, ...], what=f"{key!r}")  # type: ignore[valid-type]
    except (IlacsError, RecursionError) as error:
        problems = "; ".join(getattr(error, "problems", ())) or str(error)
        column = row.column(key)
        detail = f"{column!r} cannot be read: {problems}"
        raise SkipRowError(Reason.BAD_VALUE, detail, column=column, value=value) from None
    return items


def _not_known(row: Row) -> tuple[Fact, ...]:
    value = row.raw("not_known")
    if not value:
        return ()
    found = []
    for part in value.split(";"):
        try:
            found.append(Fact(part.strip()))
        except ValueError:
            facts = ", ".join(fact.value for fact in Fact)
            raise row.skip(
                Reason.BAD_VALUE, "not_known", f"must list facts separated by ';' ({facts})"
            ) from None
    return tuple(found)


def _wording(pack: Framework | None, grade: Outcome) -> str:
    """An outcome as its framework's scale prints it (a grade's Ofsted label without one)."""
    if pack is not None:
        return pack.grade_scale.wording(grade)
    return grade.label if isinstance(grade, Grade) else grade


def _grade(pack: Framework | None, value: str) -> Outcome:
    """An outcome by the framework's own labels and ids, or a grade by Ofsted's usual spellings."""
    if pack is not None:
        try:
            return pack.grade_scale.parse(value)
        except IlacsError:
            pass  # a grade the scale lacks reads back as it was written
    return Grade.parse(value)


def _judgements(row: Row, framework_id: str, grade_keys: dict[str, str]) -> tuple[Judgement, ...]:
    grades: dict[str, Outcome] = {}
    pack = _pack(framework_id)
    for area, key in grade_keys.items():
        value = row.raw(key)
        if not value:
            continue
        try:
            grades[area] = _grade(pack, value)
        except IlacsError:
            raise row.skip(Reason.UNRECOGNISED_GRADE, key, "is not a grade") from None
    order = row.raw("judgement_order").split()
    if not order:
        order = _canonical(grades, framework_id, list(grade_keys))
    elif sorted(order) != sorted(grades):
        rule = f"must list the areas graded in this row ({', '.join(sorted(grades))}), once each"
        raise row.skip(Reason.BAD_VALUE, "judgement_order", rule)
    return tuple(Judgement(area=area, grade=grades[area]) for area in order)


def _framework(row: Row, start: pendulum.Date) -> str:
    """The framework column, or the version in force on the first day on site."""
    given = row.raw("framework")
    if given:
        return given
    try:
        return frameworks.for_date(start).id
    except IlacsError as error:
        detail = f"'framework' is empty and {error}"
        raise SkipRowError(Reason.NO_FRAMEWORK, detail, column=row.column("framework")) from None


def _build(grade_keys: dict[str, str]) -> Callable[[Row], Inspection]:
    def build(row: Row) -> Inspection:
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
            improvement_areas=_json_list(row, "improvement_areas", ImprovementArea),
            priority_actions=_json_list(row, "priority_actions", ImprovementArea),
            findings=_json_list(row, "findings", Findings),
            not_known=_not_known(row),
            topic=_cell(row, "topic"),
            source_url=_cell(row, "source_url"),
        )

    return build


def from_csv(
    source: DataSource,
    *,
    progress: ProgressCallback | None = None,
    spreadsheet_safe: bool = False,
    sheet: str | None = None,
) -> ImportResult:
    r"""Read a table :func:`to_csv` wrote back to the same inspections.

    ``source`` may also be a workbook: the ``inspections`` sheet of one that
    :func:`write_xlsx` wrote (or the sheet ``sheet``), or a CSV export saved from
    a spreadsheet as XLSX or ODS.

    Every row is imported or reported, as by the :mod:`ilacs.importers`. A column
    this format does not have is an error (a misspelt column is never ignored);
    only ``local_authority``, ``kind`` and ``on_site_start`` must be there. Values
    are read as written: dates in ISO 8601, the kind and framework by id, grades by
    the framework's labels (or Ofsted's, or the enum's values, in any letter case).
    Read with the framework packs the table was written with, and with
    ``spreadsheet_safe`` as it was written: then each cell loses the apostrophe the
    export put in front of it.

    >>> import io
    >>> from ilacs import tabular
    >>> text = "local_authority,kind,on_site_start\nHaringey,standard,29/10/2018\n"
    >>> result = tabular.from_csv(io.StringIO(text))
    >>> print(result.summary())
    1 row read, 0 imported, 1 skipped: 1 unreadable date
    >>> print(result.skipped[0])
    line 2: unreadable date: 'on_site_start' must be an ISO 8601 date such as 2018-10-29 (got '29/10/2018')
    """
    names = _Columns.registered()
    table = read_table(
        source,
        what="an ilacs analyst table",
        required=_REQUIRED,
        known=lambda key: key in _FIXED or names.area(key) is not None,
        spreadsheet_safe=spreadsheet_safe,
        sheet=sheet,
    )
    grade_keys = {area: key for key in table.columns if (area := names.area(key)) is not None}
    return run(table, _build(grade_keys), progress=progress, fields=_FIELDS, duplicates=False)
