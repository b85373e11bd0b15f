"""Committee-ready Markdown briefings on an inspection and its action plan, as of a date.

The shape follows the reports councils write for their scrutiny panels: the judgement
table, what needs to improve, the deadlines the inspection set and their basis, and,
when there is a plan, its actions by rating with their reasons and what falls due
next. Everything comes from the model and the reasoning modules; this edge only lays
it out, showing every piece of a document's text as text (see
:mod:`ilacs.reports.markdown`): no name or title can add a heading, a list or HTML.
Nothing reads the clock: the briefing is as of the day given.

>>> import pendulum
>>> from ilacs import Inspection, InspectionKind, LocalAuthority
>>> visit = Inspection(
...     authority=LocalAuthority(name="Haringey"),
...     kind=InspectionKind.FOCUSED_VISIT,
...     on_site_start=pendulum.date(2021, 6, 8),
...     on_site_end=pendulum.date(2021, 6, 9),
...     published=pendulum.date(2021, 7, 14),
...     topic="Children in need of help and protection",
... )
>>> print(briefing(visit, pendulum.date(2021, 8, 1)).splitlines()[0])
# Ofsted focused visit of Haringey's children's services
"""

import base64
import html
import os
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.base.files import write_atomically
from ilacs.base.text import format_date, format_working_days
from ilacs.errors import IlacsError
from ilacs.frameworks.grades import Grade
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import Fact, ImprovementArea, Inspection, Known
from ilacs.reasoning import deadlines, progress, rules
from ilacs.reasoning.calendar import WorkingDayCalendar, default_calendar
from ilacs.reasoning.deadlines import Deadline, DeadlineStatus
from ilacs.reports import pictures
from ilacs.reports.html import to_html
from ilacs.reports.markdown import Markdown, autolink, inline, table

__all__ = ["Image", "briefing", "briefing_html", "briefing_pictures", "write_briefing"]


def _date(day: pendulum.Date | None) -> str:
    return "not known (the record does not give it)" if day is None else format_date(day)


def _facts(inspection: Inspection) -> list[str]:
    framework = inspection.framework_pack()
    fieldwork = _date(inspection.on_site_start)
    if inspection.on_site_end is not None and inspection.on_site_end != inspection.on_site_start:
        fieldwork += f" to {format_date(inspection.on_site_end)}"
    lines = [
        f"- **Framework**: {inline(framework.name)} (`{framework.id}`)",
        f"- **On-site fieldwork**: {fieldwork}",
    ]
    if inspection.off_site_start is not None:
        lines.append(f"- **Off-site week from**: {format_date(inspection.off_site_start)}")
    received = _date(inspection.report_received)
    if inspection.report_received is None and inspection.published is not None:
        received += "; deadlines counted from receipt are counted from publication instead"
    lines.append(f"- **Report received**: {received}")
    lines.append(f"- **Published**: {_date(inspection.published)}")
    if inspection.lead_inspector is not None:
        lines.append(f"- **Lead inspector**: {inline(inspection.lead_inspector)}")
    if inspection.topic is not None:
        lines.append(f"- **Topic**: {inline(inspection.topic)}")
    if inspection.source_url is not None:
        lines.append(f"- **Report**: {autolink(inspection.source_url)}")
    return lines


def _judgements(inspection: Inspection) -> list[str]:
    lines = ["## Judgements", ""]
    if not inspection.judgements:
        return [*lines, "This inspection gave no graded judgements.", ""]
    # Ofsted's four-point packs print grades; another scale's packs print outcomes.
    scale = inspection.framework_pack().grade_scale.members
    heading = "Grade" if all(isinstance(grade, Grade) for grade in scale) else "Outcome"
    lines.extend(table(("Judgement", heading), inspection.judgement_table()))
    lines.append("")
    breached = [outcome for outcome in rules.evaluate(inspection) if outcome.breached]
    if not breached:
        lines.append("The grades satisfy every grading rule of the framework.")
    lines.extend(
        f"- **{inline(outcome.code)}** ({outcome.strength.value}) is breached:"
        f" {inline(outcome.explanation)}"
        for outcome in breached
    )
    lines.append("")
    return lines


def _area_label(inspection: Inspection, area: str) -> str:
    try:
        return inspection.framework_pack().area(area).label
    except IlacsError:  # an unknown framework or area: shown by its id (validate says why)
        return area


def _findings(inspection: Inspection) -> list[str]:
    if not inspection.findings:
        return []
    try:
        order = inspection.framework_pack().area_ids
    except IlacsError:
        order = ()
    ordered = sorted(
        inspection.findings,
        key=lambda found: order.index(found.area) if found.area in order else len(order),
    )
    lines = ["## Strengths and weaknesses", ""]
    for findings in ordered:
        lines.extend([f"### {inline(_area_label(inspection, findings.area))}", ""])
        for heading, items in (
            ("Strengths", findings.strengths),
            ("Weaknesses", findings.weaknesses),
            ("Serious weaknesses", findings.serious_weaknesses),
        ):
            if items:
                lines.extend([f"{heading}:", "", *(f"- {inline(item)}" for item in items), ""])
    return lines


def _numbered(items: Sequence[ImprovementArea]) -> list[str]:
    lines = [f"{number}. {inline(item.text)} (`{item.id}`)" for number, item in enumerate(items, 1)]
    return [*lines, ""]


def _may_set_priority_actions(inspection: Inspection) -> bool:
    return any(
        rule.requires_priority_actions and inspection.kind in rule.kinds
        for rule in inspection.framework_pack().deadlines
    )


def _improvement(inspection: Inspection) -> list[str]:
    lines: list[str] = []
    priority = inspection.known(Fact.PRIORITY_ACTIONS)
    if priority is Known.THESE:
        lines.extend(["## Areas for priority action", "", *_numbered(inspection.priority_actions)])
    elif priority is Known.NOT_KNOWN and _may_set_priority_actions(inspection):
        lines.extend(
            [
                "## Areas for priority action",
                "",
                (
                    "Not known: the record does not say whether the letter sets out any,"
                    " so whether an action plan is required is not known either."
                ),
                "",
            ]
        )
    lines.extend(["## What needs to improve", ""])
    known = inspection.known(Fact.IMPROVEMENT_AREAS)
    if known is Known.NOT_KNOWN:
        return [*lines, "Not known: the record does not give the areas for improvement.", ""]
    if known is Known.NONE:
        return [*lines, "The report lists no areas for improvement.", ""]
    return [*lines, *_numbered(inspection.improvement_areas)]


def _when(deadline: Deadline, as_of: pendulum.Date, cal: WorkingDayCalendar) -> str:
    if deadline.status is not DeadlineStatus.DUE or deadline.due is None:
        return deadline.status.value.replace("_", " ")
    if deadline.earliest is not None and as_of < deadline.earliest:
        return "window not yet open"
    if deadline.due < as_of:
        return f"passed {format_working_days(cal.working_days_between(deadline.due, as_of))} ago"
    return f"in {format_working_days(cal.working_days_between(as_of, deadline.due))}"


def _deadlines(inspection: Inspection, as_of: pendulum.Date, cal: WorkingDayCalendar) -> list[str]:
    found = deadlines.for_inspection(inspection, calendar=cal)
    lines = ["## Deadlines", ""]
    if not found:
        return [*lines, "The framework sets no deadlines for this kind of inspection.", ""]
    rows = [
        (
            deadline.name,
            str(deadline).partition(": ")[2],
            deadlines.basis_label(deadline.rule),
            _when(deadline, as_of, cal),
        )
        for deadline in found
    ]
    lines.extend(table(("Deadline", "When", "Basis", f"On {format_date(as_of)}"), rows))
    lines.append("")
    return lines


def _plan(
    plan: ActionPlan, as_of: pendulum.Date, cal: WorkingDayCalendar, due_soon: int
) -> list[str]:
    summary = progress.summarise(plan, as_of, due_soon=due_soon, calendar=cal)
    lines = ["## Action plan", ""]
    if plan.oversight:
        overseen = f"Overseen by the {inline(plan.oversight[0])}"
        if plan.oversight[1:]:
            overseen += f"; progress reported to {', '.join(map(inline, plan.oversight[1:]))}"
        lines.extend([f"{overseen}.", ""])
    lines.extend([f"**Submission**: {inline(summary.submission)}.", ""])
    counts = summary.counts
    lines.extend(
        table(
            ("Rating", "Actions"),
            [(rating.value.capitalize(), count) for rating, count in counts.items()],
        )
    )
    lines.extend(["", "### Actions", ""])
    lines.extend(
        table(
            ("Action", "Answers", "Owners", "Due", "Status", "Rating", "Why"),
            (
                (
                    Markdown(f"{inline(item.action.title)} (`{item.action.id}`)"),
                    ", ".join(item.action.answers) or "none",
                    "; ".join(item.action.owners),
                    format_date(item.action.due),
                    item.status.label,
                    item.rating.value.upper(),
                    item.reason,
                )
                for item in summary.actions
            ),
        )
    )
    lines.append("")
    unanswered = ", ".join(f"`{item.id}`" for item in summary.unanswered) or "none"
    unlinked = ", ".join(f"`{item.id}`" for item in summary.unlinked) or "none"
    lines.append(f"- **Improvement areas without an action**: {unanswered}")
    lines.append(f"- **Actions answering no improvement area**: {unlinked}")
    lines.append("")
    if summary.measures:
        lines.extend(["### Measures of success", ""])
        lines.extend(f"- {inline(progress_)}" for _, progress_ in summary.measures)
        lines.append("")
    lines.extend(["### Due next", ""])
    lines.extend(f"- {inline(item)}" for item in summary.upcoming)
    if not summary.upcoming:
        lines.append("Nothing open falls due.")
    lines.append("")
    return lines


def briefing(
    subject: Inspection | ActionPlan,
    as_of: pendulum.Date,
    *,
    due_soon: int = progress.DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
    images: Sequence["Image"] = (),
) -> str:
    r"""A Markdown briefing on an inspection, or an action plan and its inspection, on a day.

    ``images`` adds a "Pictures" section showing each (see :func:`write_briefing`,
    which draws the pictures and writes them beside the briefing).

    >>> import pendulum
    >>> from ilacs import ActionPlan, Inspection, InspectionKind, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Haringey"),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2018, 10, 29),
    ...     on_site_end=pendulum.date(2018, 11, 9),
    ...     report_received=pendulum.date(2018, 12, 5),
    ... )
    >>> text = briefing(ActionPlan(inspection=inspection), pendulum.date(2019, 3, 19))
    >>> print("\n".join(line for line in text.splitlines() if line.startswith("#")))
    # Ofsted standard inspection of Haringey's children's services
    ## Judgements
    ## What needs to improve
    ## Deadlines
    ## Action plan
    ### Actions
    ### Due next
    """
    if isinstance(subject, ActionPlan):
        plan: ActionPlan | None = subject
        inspection = subject.inspection
    elif isinstance(subject, Inspection):
        plan, inspection = None, subject
    else:
        v.reject("subject", subject, "must be an Inspection or an ActionPlan")
    if not v.is_date(as_of):
        v.reject("as_of", as_of, "must be a pendulum.Date (the day the briefing is as of)")
    cal = calendar or default_calendar()
    try:
        kind = inspection.framework_pack().kind(inspection.kind).label.lower()
    except IlacsError:
        kind = inspection.kind.value.replace("_", " ")
    lines = [
        f"# Ofsted {inline(kind)} of {inline(inspection.authority.name)}'s children's services",
        "",
        f"*Briefing as of {format_date(as_of)}.*",
        "",
        *_facts(inspection),
        "",
        *_judgements(inspection),
        *_findings(inspection),
        *_improvement(inspection),
        *_deadlines(inspection, as_of, cal),
    ]
    if plan is not None:
        lines.extend(_plan(plan, as_of, cal, due_soon))
    lines.extend(_images(images))
    return "\n".join(lines).rstrip("\n") + "\n"


@attrs.frozen(kw_only=True)
class Image:
    r"""A picture a Markdown briefing shows: its file, relative to the briefing, and its title.

    >>> print(_images([Image(path="briefing plan.png", title="The plan's [ratings]")])[2])
    ![The plan's \[ratings\]](<briefing%20plan.png>)
    """

    path: str = attrs.field(validator=v.text)
    title: str = attrs.field(validator=v.text)


def _images(images: Sequence[Image]) -> list[str]:
    given: object = images
    if isinstance(given, str) or not all(isinstance(image, Image) for image in images):
        v.reject("images", images, "must be a list of Image values")
    if not images:
        return []
    lines = ["## Pictures", ""]
    for image in images:
        target = urllib.parse.quote(image.path.replace(os.sep, "/"), safe="/._-~")
        lines.extend([f"![{inline(image.title)}](<{target}>)", ""])
    return lines


def briefing_pictures(  # noqa: PLR0913 (keyword-only: what the pictures are drawn from)
    subject: Inspection | ActionPlan,
    as_of: pendulum.Date,
    *,
    history: Iterable[Inspection] = (),
    history_source: str = "the inspections given",
    due_soon: int = progress.DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
) -> tuple[pictures.Picture, ...]:
    """The pictures a briefing can show: the authority's grade history, a plan's ratings.

    The grade history needs the authority's other inspections (``history``, from
    ``history_source``); the plan's ratings run every month from the day the report
    was received (or else published, or fieldwork ended) to ``as_of``.

    >>> import pendulum
    >>> from ilacs import ActionPlan, serialisation
    >>> with open("examples/data/haringey-2018-action-plan.json", encoding="utf-8") as file:
    ...     plan = serialisation.loads(file.read(), ActionPlan)
    >>> [picture.title for picture in briefing_pictures(plan, pendulum.date(2019, 3, 19))]
    ["Haringey's action plan: actions red, amber and green on each day"]
    """
    plan = subject if isinstance(subject, ActionPlan) else None
    inspection = subject.inspection if isinstance(subject, ActionPlan) else subject
    if not isinstance(inspection, Inspection):
        v.reject("subject", subject, "must be an Inspection or an ActionPlan")
    found: list[pictures.Picture] = []
    others = list(history)
    if others:
        every = [*others, *([] if inspection in others else [inspection])]
        key = inspection.authority.urn or inspection.authority.name
        found.append(pictures.grade_history(every, key, as_of=as_of, source=history_source))
    if plan is not None:
        start = (
            inspection.report_received
            or inspection.published
            or inspection.on_site_end
            or inspection.on_site_start
        )
        if start <= as_of:
            found.append(
                pictures.plan_status(
                    plan,
                    pictures.monthly(start, as_of),
                    source="the action plan, each action rated as ilacs rates it",
                    due_soon=due_soon,
                    calendar=calendar,
                )
            )
    return tuple(found)


_STYLE = """\
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.45; color: #111; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code { font-size: 0.9em; }
figure { margin: 1.5rem 0; }
figure img { max-width: 100%; height: auto; }
"""
_H1 = re.compile(r"<h1>(.*?)</h1>")
_TAG = re.compile(r"<[^>]*>")


def briefing_html(
    subject: Inspection | ActionPlan,
    as_of: pendulum.Date,
    *,
    due_soon: int = progress.DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
    figures: Sequence[pictures.Picture] = (),
) -> str:
    """The briefing as one self-contained HTML page, each of ``figures`` drawn inline as SVG.

    The text is the Markdown briefing's, every piece of it escaped (see
    :mod:`ilacs.reports.html`); the pictures are images in data URIs, so the page
    needs no other file and runs no script.

    >>> import pendulum
    >>> from ilacs import ActionPlan, serialisation
    >>> with open("examples/data/haringey-2018-action-plan.json", encoding="utf-8") as file:
    ...     plan = serialisation.loads(file.read(), ActionPlan)
    >>> page = briefing_html(plan, pendulum.date(2019, 3, 19))
    >>> print(page.splitlines()[4])
    <title>Ofsted standard inspection of Haringey's children's services</title>
    """
    given: object = figures
    if isinstance(given, str) or not all(
        isinstance(figure, pictures.GradeHistory | pictures.StackedCounts) for figure in figures
    ):
        v.reject("figures", figures, "must be a list of pictures (ilacs.reports.pictures)")
    body = to_html(briefing(subject, as_of, due_soon=due_soon, calendar=calendar))
    heading = _H1.search(body)
    title = _TAG.sub("", heading.group(1)) if heading else "Briefing"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        f"<style>\n{_STYLE}</style>",
        "</head>",
        "<body>",
        body.rstrip("\n"),
    ]
    if figures:
        lines.append("<h2>Pictures</h2>")
    for figure in figures:
        data = base64.b64encode(pictures.render(figure, "svg")).decode("ascii")
        caption = html.escape(figure.title, quote=False)
        lines.extend(
            [
                "<figure>",
                f'<img alt="{html.escape(figure.title)}" src="data:image/svg+xml;base64,{data}">',
                f"<figcaption>{caption}</figcaption>",
                "</figure>",
            ]
        )
    lines.extend(["</body>", "</html>"])
    return "\n".join(lines) + "\n"


def write_briefing(  # noqa: PLR0913 (keyword-only: the briefing's settings)
    subject: Inspection | ActionPlan,
    as_of: pendulum.Date,
    target: str | os.PathLike[str],
    *,
    format: Literal["markdown", "html"] = "markdown",  # noqa: A002 (the word users know)
    figures: Sequence[pictures.Picture] = (),
    due_soon: int = progress.DUE_SOON,
    calendar: WorkingDayCalendar | None = None,
    dpi: int = 150,
) -> tuple[Path, ...]:
    """Write the briefing to ``target``, and its pictures: the files written, the briefing first.

    As Markdown, each picture is a PNG beside it, named after it (``briefing.md``,
    ``briefing-1.png``, ...), ``dpi`` dots per inch; as HTML, one self-contained page.
    Every file is written atomically.

    >>> import pathlib, pendulum, tempfile
    >>> from ilacs import ActionPlan, serialisation
    >>> with open("examples/data/haringey-2018-action-plan.json", encoding="utf-8") as file:
    ...     plan = serialisation.loads(file.read(), ActionPlan)
    >>> day = pendulum.date(2019, 3, 19)
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> written = write_briefing(
    ...     plan, day, folder / "briefing.md", figures=briefing_pictures(plan, day), dpi=40
    ... )
    >>> [path.name for path in written]
    ['briefing.md', 'briefing-1.png']
    >>> print((folder / "briefing.md").read_text(encoding="utf-8").splitlines()[-1])
    ![Haringey's action plan: actions red, amber and green on each day](<briefing-1.png>)
    """
    if format not in ("markdown", "html"):
        v.reject("format", format, "must be 'markdown' or 'html'")
    path = Path(target)
    if format == "html":
        page = briefing_html(subject, as_of, due_soon=due_soon, calendar=calendar, figures=figures)
        write_atomically(path, page)
        return (path,)
    images = [
        Image(path=f"{path.stem}-{number}.png", title=figure.title)
        for number, figure in enumerate(figures, 1)
    ]
    text = briefing(subject, as_of, due_soon=due_soon, calendar=calendar, images=images)
    written = []
    for figure, image in zip(figures, images, strict=True):
        pictures.save(figure, path.parent / image.path, dpi=dpi)
        written.append(path.parent / image.path)
    write_atomically(path, text)
    return (path, *written)
