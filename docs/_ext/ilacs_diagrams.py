# ruff: noqa: INP001 (a Sphinx extension of the docs, found through sys.path in conf.py)
"""Diagrams of how ilacs works, written as Graphviz text from the library's own facts.

``.. ilacs-diagram:: NAME`` writes the Graphviz (``dot``) source of one diagram from
the framework packs, the enums and a real document at each build, and hands it to
``sphinx.ext.graphviz`` to draw, so a new framework version, a renamed status or a
changed deadline rule changes the picture too:

- ``timeline``: the framework versions since 2013, their dates and judgement areas;
- ``deadlines``: the clocks an inspection starts, on Haringey's 2018 inspection;
- ``statuses``: an action's statuses, its forward moves and setbacks;
- ``rating``: how its red, amber or green on a day is decided;
- ``dataflow``: from national files and documents to briefings.

``.. ilacs-briefing:: FILE`` (with ``:as-of: DATE``) renders the briefing that
``ilacs report`` writes for a document, so the tutorial ends in the real thing.
"""

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.ext.graphviz import graphviz
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ilacs.deadlines import DeadlineRule

__all__ = ["DIAGRAMS", "dot", "setup"]

ROOT = Path(__file__).parent.parent.parent
_FONT = 'fontname="Helvetica"'
#: A line break inside a Graphviz label.
NL = "\\n"


def _quote(text: str) -> str:
    """A Graphviz string; its line breaks (backslash n, backslash l) stay as they are."""
    return '"' + text.replace('"', '\\"') + '"'


def _date(day: object) -> str:
    return format(day, "%-d %B %Y") if day is not None else "not known"


def timeline() -> str:
    """Each framework version in force since 2013, with what changed at each step."""
    from ilacs import frameworks  # noqa: PLC0415 (at build)

    packs = sorted(
        (pack for pack in frameworks.all() if pack.series == frameworks.DEFAULT_SERIES),
        key=lambda pack: pack.in_force_from,
    )
    lines = [
        "digraph timeline {",
        f'  rankdir=TB; node [shape=box, style="rounded,filled", fillcolor="#eef3fb", {_FONT}];',
        f"  edge [{_FONT}, fontsize=10];",
    ]
    for pack in packs:
        until = _date(pack.in_force_until) if pack.in_force_until else "now"
        areas = "\\l".join(f"• {_short(area.label)}" for area in pack.judgement_areas)
        label = f"{pack.id}\\n{_date(pack.in_force_from)} to {until}\\n\\n{areas}\\l"
        lines.append(f"  {_quote(pack.id)} [label={_quote(label)}];")
    for before, after in itertools.pairwise(packs):
        gone = [a.label for a in before.judgement_areas if a.id not in after.area_ids]
        new = [a.label for a in after.judgement_areas if a.id not in before.area_ids]
        change = []
        if new:
            change.append("new: " + "; ".join(_short(label) for label in new))
        if gone:
            change.append("gone: " + "; ".join(_short(label) for label in gone))
        text = "\\n".join(_wrap(item, 60) for item in change) or "same judgements"
        lines.append(f"  {_quote(before.id)} -> {_quote(after.id)} [label={_quote(text)}];")
    lines.append("}")
    return "\n".join(lines)


def _short(label: str) -> str:
    """A judgement area's label without the words every label shares."""
    for words in (
        "The experiences and progress of ",
        " on social work practice with children and families",
    ):
        label = label.replace(words, "")
    return label[:1].upper() + label[1:]


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\\n".join(lines)


def deadlines() -> str:
    """The clocks Haringey's 2018 inspection started, and a focused visit's."""
    from ilacs import Inspection, InspectionKind, frameworks, serialisation  # noqa: PLC0415
    from ilacs import deadlines as rules  # noqa: PLC0415

    inspection = serialisation.loads(
        (ROOT / "examples" / "data" / "haringey-2018.json").read_text(encoding="utf-8"),
        Inspection,
    )
    events = {
        "off_site_start": ("Off-site week begins", inspection.off_site_start),
        "on_site_start": ("Fieldwork on site begins", inspection.on_site_start),
        rules.Event.ON_SITE_END.value: ("Last day on site", inspection.on_site_end),
        rules.Event.REPORT_RECEIVED.value: ("Report received", inspection.report_received),
        rules.Event.PUBLISHED.value: ("Ofsted publishes", inspection.published),
    }
    lines = [
        "digraph deadlines {",
        f"  rankdir=TB; node [{_FONT}, fontsize=11]; edge [{_FONT}, fontsize=10];",
        f'  subgraph cluster_haringey {{ label="Haringey\'s 2018 inspection"; {_FONT}; color="#999999";',
    ]
    order = list(events)
    for key, (label, day) in events.items():
        lines.append(
            f'    {key} [shape=ellipse, style=filled, fillcolor="#f3f3f3",'
            f" label={_quote(label + NL + _date(day))}];"
        )
    for before, after in itertools.pairwise(order):
        lines.append(f"    {before} -> {after} [style=dotted, arrowhead=none];")
    colours = {"law": "#f9d9d6", "framework": "#fdebc8", "usual_practice": "#e3f1df"}
    for number, deadline in enumerate(rules.for_inspection(inspection)):
        rule = deadline.rule
        if deadline.due is None:
            continue
        when = (
            f"between {_date(deadline.earliest)}\\nand {_date(deadline.due)}"
            if deadline.earliest
            else f"due {_date(deadline.due)}"
        )
        lines.append(
            f'    d{number} [shape=box, style="rounded,filled", fillcolor="{colours[rule.basis.value]}",'
            f" label={_quote(rule.name + NL + when)}];"
        )
        lines.append(
            f"    {rule.counts_from.value} -> d{number}"
            f" [label={_quote(f'{rule.period} ({_basis(rule)})')}];"
        )
    lines.append("  }")
    pack = frameworks.get("ilacs-2018")
    visit = [r for r in pack.deadlines if InspectionKind.FOCUSED_VISIT in r.kinds]
    if visit:
        lines.append(
            '  subgraph cluster_visit { label="A focused visit that sets out areas for priority action";'
            f' {_FONT}; color="#999999";'
        )
        lines.append(
            '    letter [shape=ellipse, style=filled, fillcolor="#f3f3f3", label="Letter received"];'
        )
        for number, rule in enumerate(visit):
            lines.append(
                f'    v{number} [shape=box, style="rounded,filled", fillcolor="{colours[rule.basis.value]}",'
                f" label={_quote(rule.name)}];"
            )
            lines.append(
                f"    letter -> v{number} [label={_quote(f'{rule.period} ({_basis(rule)})')}];"
            )
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines)


def _basis(rule: "DeadlineRule") -> str:
    """What binds a deadline rule, in the library's words, up to its first clause."""
    from ilacs.deadlines import basis_label  # noqa: PLC0415

    return _wrap(basis_label(rule).split(";")[0], 28)


def statuses() -> str:
    """An action's statuses: forward moves, and setbacks with a note."""
    from ilacs import ActionStatus  # noqa: PLC0415

    order = list(ActionStatus)
    done = [status for status in order if status.is_done]
    lines = [
        "digraph statuses {",
        f"  rankdir=LR; node [{_FONT}, fontsize=11]; edge [{_FONT}, fontsize=10];",
        f'  subgraph cluster_status {{ label="An action\'s status history"; {_FONT}; color="#999999";',
    ]
    for status in order:
        fill = "#e3f1df" if status in done else "#eef3fb"
        lines.append(
            f'    {status.value} [shape=box, style="rounded,filled", fillcolor="{fill}",'
            f" label={_quote(status.label)}];"
        )
    for before, after in itertools.pairwise(order):
        lines.append(f'    {before.value} -> {after.value} [label="forward"];')
    lines.append(
        f"    {order[0].value} -> {order[-1].value} [style=dashed, constraint=false,"
        ' label="any later status"];'
    )
    for later in order[1:]:
        earlier = order[order.index(later) - 1]
        lines.append(
            f'    {later.value} -> {earlier.value} [color="#b03a2e", fontcolor="#b03a2e",'
            ' style=dashed, constraint=false, label="setback: back to any\\nearlier status, with a note"];'
        )
    lines += ["  }", "}"]
    return "\n".join(lines)


def rating() -> str:
    """How an action's red, amber or green on a day is decided."""
    from ilacs import ActionStatus, progress  # noqa: PLC0415

    done = [status for status in ActionStatus if status.is_done]
    lines = [
        "digraph rating {",
        f"  rankdir=TB; node [{_FONT}, fontsize=11]; edge [{_FONT}, fontsize=10];",
    ]
    soon = progress.DUE_SOON
    done_words = " or ".join(status.label for status in done)
    lines += [
        "  {",
        f"    q_done [shape=diamond, label={_quote(_wrap(f'{done_words} by that day?', 18))}];",
        '    q_due [shape=diamond, label="its due day, and each open\\nmilestone\'s: the worst of"];',
        '    q_late [shape=diamond, label="due before\\nthat day?"];',
        f"    q_soon [shape=diamond, label={_quote(f'due within {soon}{NL}working days?')}];",
        '    green [shape=box, style="rounded,filled", fillcolor="#7fbf7b", label="GREEN\\non track"];',
        '    amber [shape=box, style="rounded,filled", fillcolor="#f6c85f", label="AMBER\\ndue soon"];',
        '    red [shape=box, style="rounded,filled", fillcolor="#e06666", label="RED\\noverdue"];',
        '    done_green [shape=box, style="rounded,filled", fillcolor="#7fbf7b", label="GREEN\\ndone"];',
        '    q_done -> done_green [label="yes"]; q_done -> q_due [label="no"];',
        "    q_due -> q_late;",
        '    q_late -> red [label="yes"]; q_late -> q_soon [label="no"];',
        '    q_soon -> amber [label="yes"]; q_soon -> green [label="no"];',
        "  }",
        "}",
    ]
    return "\n".join(lines)


def dataflow() -> str:
    """From national files and hand-written documents to briefings and pictures."""
    from ilacs import importers  # noqa: PLC0415

    # The importers are the lower-case functions of ilacs.importers.
    sources = [
        name for name in importers.__all__ if name.islower() and callable(getattr(importers, name))
    ]
    what = {
        "ofsted": "Ofsted's official statistics",
        "inyear": "Ofsted's in-year activity",
        "community": "the community scrape",
    }
    lines = [
        "digraph dataflow {",
        f"  rankdir=LR; edge [{_FONT}, fontsize=10];",
        f'  node [{_FONT}, fontsize=11, shape=box, style="rounded,filled", fillcolor="#eef3fb"];',
        f'  subgraph cluster_in {{ label="Files"; {_FONT}; color="#999999";',
    ]
    lines += [
        f'    src_{value} [shape=note, fillcolor="#fdf6e3",'
        f" label={_quote(what.get(value, value) + NL + '(CSV or workbook)')}];"
        for value in sources
    ]
    lines += [
        '    analyst [shape=note, fillcolor="#fdf6e3", label="analyst CSV\\n(export-csv)"];',
        '    handwritten [shape=note, fillcolor="#fdf6e3", label="documents by hand\\n(ilacs new; JSON or YAML)"];',
        "  }",
        '  import [label="importers\\n(ilacs import)"];',
        '  inspections [shape=cylinder, fillcolor="#e3f1df", label="inspections document\\n(ilacs.serialisation)"];',
        '  plan [shape=cylinder, fillcolor="#e3f1df", label="action plan document"];',
        '  validate [label="validation\\n(ilacs validate)"];',
        '  national [label="the national picture\\n(ilacs latest, distribution)"];',
        '  deadlines [label="deadlines\\n(ilacs deadlines)"];',
        '  progress [label="ratings as of a day\\n(ilacs.progress)"];',
        '  tables [label="CSV and XLSX\\n(export-csv, export-xlsx)"];',
        '  briefing [shape=box, fillcolor="#f9d9d6", label="briefing: Markdown or HTML\\n(ilacs report)"];',
        '  pictures [shape=box, fillcolor="#f9d9d6", label="pictures: PNG or SVG\\n(ilacs picture)"];',
    ]
    lines += [f"  src_{value} -> import;" for value in sources]
    lines += [
        "  analyst -> import; import -> inspections;",
        "  handwritten -> inspections; handwritten -> plan;",
        "  inspections -> validate; plan -> validate;",
        "  inspections -> national; inspections -> deadlines; inspections -> tables;",
        "  plan -> deadlines; plan -> progress; plan -> tables;",
        "  national -> pictures; national -> briefing; deadlines -> briefing;",
        "  progress -> briefing; progress -> pictures; inspections -> briefing;",
        "}",
    ]
    return "\n".join(lines)


DIAGRAMS = {
    "timeline": timeline,
    "deadlines": deadlines,
    "statuses": statuses,
    "rating": rating,
    "dataflow": dataflow,
}


def dot(name: str) -> str:
    """The Graphviz source of the diagram ``name``.

    >>> dot("statuses").startswith("digraph statuses {")
    True
    """
    return DIAGRAMS[name]()


class DiagramDirective(SphinxDirective):
    """``.. ilacs-diagram:: NAME``, with an optional ``:caption:``."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, object]] = {
        "caption": directives.unchanged,
        "alt": directives.unchanged,
    }  # type: ignore[misc]

    def run(self) -> list[nodes.Node]:
        """A graphviz node holding the diagram's source."""
        name = self.arguments[0]
        if name not in DIAGRAMS:
            message = f"no diagram {name!r}; the diagrams are {sorted(DIAGRAMS)}"
            raise self.error(message)
        node = graphviz()
        node["code"] = dot(name)
        node["options"] = {"docname": self.env.docname}
        node["alt"] = self.options.get("alt", f"diagram: {name}")
        node["classes"] = ["ilacs-diagram"]
        if "caption" not in self.options:
            return [node]
        figure = nodes.figure("", node)
        figure += nodes.caption("", self.options["caption"])
        return [figure]


class BriefingDirective(SphinxDirective):
    """``.. ilacs-briefing:: FILE`` with ``:as-of: DATE``: the briefing, rendered."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, object]] = {"as-of": directives.unchanged_required}  # type: ignore[misc]

    def run(self) -> list[nodes.Node]:
        """Parse the briefing's Markdown in place, its headings as bold lines."""
        import pendulum  # noqa: PLC0415

        from ilacs import ActionPlan, Inspection, reports, serialisation  # noqa: PLC0415

        path = ROOT / self.arguments[0]
        self.env.note_dependency(str(path))
        text = path.read_text(encoding="utf-8")
        kind = ActionPlan if '"document_type": "action_plan"' in text else Inspection
        subject = serialisation.loads(text, kind)
        as_of = pendulum.Date.fromisoformat(self.options["as-of"])
        markdown = reports.briefing(subject, as_of)
        lines = [re.sub(r"^(#+) (.*)$", r"**\2**", line) for line in markdown.splitlines()]
        container = nodes.container(classes=["ilacs-briefing"])
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, container)
        return [container]


def setup(app: "Sphinx") -> dict[str, object]:
    """Register the directives (and Graphviz, which draws the diagrams)."""
    app.setup_extension("sphinx.ext.graphviz")
    app.add_directive("ilacs-diagram", DiagramDirective)
    app.add_directive("ilacs-briefing", BriefingDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
