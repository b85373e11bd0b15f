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

from collections.abc import Sequence

import pendulum

from ilacs.base import validators as v
from ilacs.base.text import format_date, format_working_days
from ilacs.errors import IlacsError
from ilacs.model.action_plans import ActionPlan
from ilacs.model.inspections import ImprovementArea, Inspection
from ilacs.reasoning import deadlines, progress, rules
from ilacs.reasoning.calendar import WorkingDayCalendar, default_calendar
from ilacs.reasoning.deadlines import Deadline, DeadlineStatus
from ilacs.reports.markdown import Markdown, autolink, inline, table

__all__ = ["briefing"]


def _date(day: pendulum.Date | None) -> str:
    return "not recorded" if day is None else format_date(day)


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
    lines.append(f"- **Report received**: {_date(inspection.report_received)}")
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
    lines.extend(table(("Judgement", "Grade"), inspection.judgement_table()))
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


def _numbered(items: Sequence[ImprovementArea]) -> list[str]:
    lines = [f"{number}. {inline(item.text)} (`{item.id}`)" for number, item in enumerate(items, 1)]
    return [*lines, ""]


def _improvement(inspection: Inspection) -> list[str]:
    lines: list[str] = []
    if inspection.priority_actions:
        lines.extend(["## Areas for priority action", "", *_numbered(inspection.priority_actions)])
    lines.extend(["## What needs to improve", ""])
    if not inspection.improvement_areas:
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
            deadline.rule.basis.label,
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
) -> str:
    r"""A Markdown briefing on an inspection, or an action plan and its inspection, on a day.

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
        *_improvement(inspection),
        *_deadlines(inspection, as_of, cal),
    ]
    if plan is not None:
        lines.extend(_plan(plan, as_of, cal, due_soon))
    return "\n".join(lines).rstrip("\n") + "\n"
