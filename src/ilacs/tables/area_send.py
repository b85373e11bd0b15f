r"""Area SEND inspections: the community overview of outcomes, and the reports' own text.

:func:`overview` imports the community "ofsted-send-scrape-tool" overview (its XLSX
workbook, or the same columns as CSV): one row per local area's latest full area
SEND inspection under the framework in force since January 2023. Every row is
imported as an :class:`~ilacs.Inspection` of kind ``area_send_inspection`` under the
``area-send`` framework in force on its first day on site, with one judgement
(``outcome``), or reported as a :class:`~ilacs.importers.SkippedRow` saying why.

:func:`read_report` reads what a published report's text says of itself (its dates,
its outcome, whether His Majesty's Chief Inspector requires a priority action plan),
and :func:`disagreements` names every point where a report and an imported row
differ. Outcomes are read by the labels and variants of the framework pack's scale;
nothing here holds a framework's wording.

>>> import io
>>> from ilacs.tables import area_send
>>> sheet = io.StringIO(
...     "urn,local_authority,inspection_link,outcome_grade,inspection_start_date,"
...     "inspection_end_date,publication_date,inspection_outcome_text\n"
...     "80498,haringey,https://files.ofsted.gov.uk/v1/file/50245424,1.0,29/01/24,02/02/24,"
...     "03/04/24,The local area partnership's SEND arrangements typically lead to positive"
...     " experiences and outcomes for children and young people with SEND.\n"
... )
>>> result = area_send.overview(sheet)
>>> print(result.summary())
1 row read, 1 imported, 0 skipped
>>> (haringey,) = result.inspections
>>> haringey.framework, haringey.grade("outcome")
('area-send-2023', 'positive')
"""

import re

import attrs
import pendulum

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.base.text import format_date
from ilacs.errors import IlacsError
from ilacs.frameworks.grades import Outcome, outcome_value
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import Framework
from ilacs.model.inspections import Fact, Inspection, Judgement
from ilacs.tables.engine import (
    DataSource,
    ProgressCallback,
    Row,
    SkipRowError,
    column_key,
    read_table,
    run,
)
from ilacs.tables.importers import _authority, _date, _scraped_text
from ilacs.tables.results import ImportResult, Reason

__all__ = ["SERIES", "ReportFacts", "disagreements", "overview", "read_report"]

#: The framework series of area SEND inspections.
SERIES = "area-send"

_COLUMNS = (
    "urn",
    "local_authority",
    "inspection_link",
    "outcome_grade",
    "inspection_start_date",
    "inspection_end_date",
    "publication_date",
    "inspection_outcome_text",
)
# The tool's coding of the outcome: 1 the best outcome of the scale, 2 the next, ...
_CODE = re.compile(r"([1-9])(?:\.0+)?")
# What the tool writes where it could not read the outcome.
_NO_VALUE = {"", "nan", "none"}
_SPACES = re.compile(r"\s+")
# Neither the overview nor the report's first page lists what follows in the body.
_SILENT = (Fact.IMPROVEMENT_AREAS, Fact.PRIORITY_ACTIONS)


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u2019", "'")).strip().casefold()


def outcome_in_text(framework: Framework, text: str) -> Outcome | None:
    """The one outcome of the framework's scale whose label or a variant the text contains.

    None when no outcome's wording is in the text, or more than one's is.

    >>> from ilacs import frameworks
    >>> pack = frameworks.get("area-send-2023")
    >>> outcome_in_text(pack, "There are widespread and/or systemic failings leading to ...")
    'significant_concerns'
    """
    found = _key(text)
    named = [
        entry.grade
        for entry in framework.grade_scale.grades
        if any(_key(words) in found for words in (entry.label, *entry.variants))
    ]
    return named[0] if len(named) == 1 else None


def _start(row: Row) -> tuple[pendulum.Date, Framework]:
    start = _date(row, "inspection_start_date")
    if start is None:
        raise row.skip(Reason.NO_FIELDWORK_DATES, "inspection_start_date", "is empty")
    try:
        return start, frameworks.for_date(start, series=SERIES)
    except IlacsError as error:
        column = row.column("inspection_start_date")
        raise SkipRowError(
            Reason.NO_FRAMEWORK, f"{column!r}: {error}", column=column, value=row.raw(column)
        ) from error


def _outcome(row: Row, framework: Framework) -> Outcome:
    """The outcome coded in ``outcome_grade``, checked against ``inspection_outcome_text``."""
    code = row.text("outcome_grade")
    if code.casefold() in _NO_VALUE:
        raise row.skip(Reason.UNREADABLE_GRADE, "outcome_grade", "is the tool's 'no value'")
    match = _CODE.fullmatch(code)
    members = framework.grade_scale.members
    if match is None or int(match.group(1)) > len(members):
        raise row.skip(
            Reason.UNRECOGNISED_GRADE,
            "outcome_grade",
            f"must be the tool's code of an outcome, 1 to {len(members)}",
        )
    outcome = members[int(match.group(1)) - 1]
    said = outcome_in_text(framework, row.text("inspection_outcome_text"))
    if said is not None and said != outcome:
        raise row.skip(
            Reason.BAD_VALUE,
            "outcome_grade",
            f"codes {outcome_value(outcome)!r}, but 'inspection_outcome_text' states"
            f" {outcome_value(said)!r}",
        )
    return outcome


def overview(
    source: DataSource, *, progress: ProgressCallback | None = None, sheet: str | None = None
) -> ImportResult:
    """Import the community overview of area SEND outcomes: each row imported or reported.

    - ``inspection_start_date`` and ``inspection_end_date`` (dd/mm/yy) are the first
      and last days on site; a row without them is skipped ("no fieldwork dates").
      The framework is the ``area-send`` one in force on the first day.
    - ``outcome_grade`` is the tool's code, 1.0 for the scale's best outcome, 2.0
      the next, 3.0 the worst; the tool's ``nan`` is an unreadable outcome, and the
      row is skipped, never guessed. Where ``inspection_outcome_text`` states
      another outcome of the pack's scale than the code, the row is skipped naming both.
    - ``publication_date`` is ``published``; ``inspection_link`` the source URL;
      ``urn`` then ``local_authority`` find the authority in the registry.
    - The tool's other columns (codes, region, neighbours, the previous inspection,
      the next inspection's timing, and the formula cells of
      ``local_link_to_all_inspections``) are not read: ``columns_ignored`` lists them.

    Neither the overview nor a first page lists the areas for priority action or
    improvement, so each inspection lists both in ``not_known``.
    """
    table = read_table(
        source, what="the community area SEND overview", required=_COLUMNS, sheet=sheet
    )

    def build(row: Row) -> Inspection:
        start, framework = _start(row)
        overall = framework.overall_area
        if overall is None:  # a registered area SEND pack without its outcome judgement
            raise row.skip(Reason.NO_FRAMEWORK, "inspection_start_date", "has no outcome")
        return Inspection(
            authority=_authority(row, "urn", "local_authority"),
            kind=InspectionKind.AREA_SEND_INSPECTION,
            on_site_start=start,
            on_site_end=_date(row, "inspection_end_date"),
            published=_date(row, "publication_date"),
            framework=framework.id,
            judgements=(Judgement(area=overall.id, grade=_outcome(row, framework)),),
            source_url=_scraped_text(row, "inspection_link"),
            not_known=_SILENT,
        )

    fields = {
        "on_site_start": "inspection_start_date",
        "on_site_end": "inspection_end_date",
        "published": "publication_date",
        "source_url": "inspection_link",
    }
    result = run(table, build, progress=progress, fields=fields, duplicates=True)
    return attrs.evolve(
        result, columns_ignored=table.columns_other_than(set(map(column_key, _COLUMNS)))
    )


# The reports' own text.

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_DATES = re.compile(
    r"Inspection dates?:\s*(\d{1,2})(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?\s+to\s+"
    r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})"
)
_PUBLISHED = re.compile(r"_-_(\d{1,2})_([a-z]+)_(\d{4})$")
_PLAN = "priority action plan (area send)"


@attrs.frozen(kw_only=True)
class ReportFacts:
    """What an area SEND report's first page says of itself.

    Attributes:
        on_site_start: the first inspection date.
        on_site_end: the last inspection date.
        outcome: the outcome of the pack's scale whose wording the report uses,
            or None where its words name none, or more than one.
        priority_action_plan: whether the report says HMCI requires a priority
            action plan (area SEND).
        published: the publication date, where the file's name gives it.

    >>> import pendulum
    >>> ReportFacts(
    ...     on_site_start=pendulum.date(2024, 1, 29),
    ...     on_site_end=pendulum.date(2024, 2, 2),
    ...     outcome="positive",
    ...     priority_action_plan=False,
    ... ).outcome
    'positive'
    """

    on_site_start: pendulum.Date = attrs.field(validator=v.date)
    on_site_end: pendulum.Date = attrs.field(validator=v.date)
    outcome: Outcome | None = attrs.field()
    priority_action_plan: bool = attrs.field(validator=v.instance_of(bool))
    published: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))


def _day(day: str, month: str, year: str, *, what: str) -> pendulum.Date:
    try:
        return pendulum.date(int(year), _MONTHS[month.casefold()], int(day))
    except (KeyError, ValueError):
        v.reject(what, f"{day} {month} {year}", "must be a day on the calendar")


def read_report(text: str, *, name: str | None = None) -> ReportFacts:
    """Read an area SEND report's text: its dates, outcome and priority action plan.

    ``name`` is the report's file name as the community tool saves it
    (``80498_haringey__area_send_full_inspection_-_03_april_2024``), from which the
    publication date is read. Raises :class:`~ilacs.errors.ValidationError` when the
    text gives no inspection dates.

    >>> facts = read_report(
    ...     "Inspection dates: 22 to 26 January 2024 ... Inspection outcome There are"
    ...     " widespread and/or systemic failings leading to significant concerns ..."
    ...     " to prepare and submit a priority action plan (area SEND)"
    ... )
    >>> facts.on_site_start, facts.outcome, facts.priority_action_plan
    (Date(2024, 1, 22), 'significant_concerns', True)
    """
    match = _DATES.search(text)
    if match is None:
        v.reject("text", text[:80], "must give the inspection dates ('Inspection dates: ...')")
    first, first_month, first_year, last, month, year = match.groups()
    end = _day(last, month, year, what="on_site_end")
    start = _day(first, first_month or month, first_year or year, what="on_site_start")
    framework = frameworks.for_date(start, series=SERIES)
    # The outcome is stated under its heading, before the partnership is described.
    body = text[match.end() :]
    heading = _key(body).find("inspection outcome")
    outcome_text = body if heading < 0 else _key(body)[heading : heading + 1200]
    published = None
    found = _PUBLISHED.search(name or "")
    if found is not None:
        published = _day(*found.groups(), what="published")
    return ReportFacts(
        on_site_start=start,
        on_site_end=end,
        outcome=outcome_in_text(framework, outcome_text),
        priority_action_plan=_PLAN in _key(text),
        published=published,
    )


def disagreements(inspection: Inspection, facts: ReportFacts) -> tuple[str, ...]:
    """Every point where an imported inspection and its report's own text differ, in words.

    >>> import pendulum
    >>> from ilacs import LocalAuthority
    >>> row = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.AREA_SEND_INSPECTION,
    ...     on_site_start=pendulum.date(2024, 1, 29),
    ...     on_site_end=pendulum.date(2024, 2, 2),
    ...     judgements=(Judgement(area="outcome", grade="positive"),),
    ... )
    >>> facts = ReportFacts(
    ...     on_site_start=pendulum.date(2024, 1, 29),
    ...     on_site_end=pendulum.date(2024, 2, 1),
    ...     outcome="positive",
    ...     priority_action_plan=False,
    ... )
    >>> disagreements(row, facts)
    ('the last day on site is 2 February 2024 in the overview and 1 February 2024 in the report',)
    """
    found = []
    for what, ours, theirs in (
        ("the first day on site", inspection.on_site_start, facts.on_site_start),
        ("the last day on site", inspection.on_site_end, facts.on_site_end),
        ("the publication date", inspection.published, facts.published),
    ):
        if ours is not None and theirs is not None and ours != theirs:
            found.append(
                f"{what} is {format_date(ours)} in the overview and"
                f" {format_date(theirs)} in the report"
            )
    overall = inspection.framework_pack().overall_area
    ours_outcome = None if overall is None else inspection.grade(overall.id)
    if facts.outcome is None:
        found.append("the report's words name no one outcome of the scale")
    elif ours_outcome != facts.outcome:
        shown = "none" if ours_outcome is None else repr(outcome_value(ours_outcome))
        found.append(
            f"the outcome is {shown} in the overview and {outcome_value(facts.outcome)!r}"
            " in the report"
        )
    return tuple(found)
