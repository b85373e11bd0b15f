"""Tests for ilacs.reports: the Markdown briefing on an inspection or a plan, and its escaping."""

import base64
import datetime
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pendulum
import pytest
from _haringey import HISTORY, INSPECTION_2018, judgements
from hypothesis import given, settings
from hypothesis import strategies as st

from ilacs import (
    ActionPlan,
    Findings,
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    LocalAuthority,
    reports,
    serialisation,
    strategies,
)
from ilacs.errors import ValidationError
from ilacs.reports.html import to_html
from ilacs.reports.markdown import Markdown, autolink, cell, inline, table

D = pendulum.date
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
PANEL = D(2019, 3, 19)
REPORT_LINE = "- **Report**: <https://files.ofsted.gov.uk/v1/file/50044253>"
INSPECTION_HEADINGS = [
    "# Ofsted standard inspection of Haringey's children's services",
    "## Judgements",
    "## Strengths and weaknesses",
    "### The impact of leaders on social work practice with children and families",
    "### The experiences and progress of children who need help and protection",
    "### The experiences and progress of children in care and care leavers",
    "### Overall effectiveness",
    "## What needs to improve",
    "## Deadlines",
]
PLAN_HEADINGS = [
    *INSPECTION_HEADINGS,
    "## Action plan",
    "### Actions",
    "### Measures of success",
    "### Due next",
]


def _example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


#: Haringey's 2018 inspection and the action plan answering it, as examples/data has them.
INSPECTION = serialisation.loads(_example("haringey-2018.json"), Inspection)
PLAN = serialisation.loads(_example("haringey-2018-action-plan.json"), ActionPlan)


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def _section(text: str, heading: str) -> list[str]:
    """The lines under a heading, up to the next heading."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return [line for line in lines[start:end] if line]


class TestInspectionBriefing:
    """The briefing on Haringey's 2018 inspection, as of the scrutiny panel's meeting."""

    TEXT = reports.briefing(INSPECTION, PANEL)

    def test_the_sections_are_those_of_a_graded_inspection(self) -> None:
        """Title, judgements, what needs to improve, deadlines; no plan."""
        assert _headings(self.TEXT) == INSPECTION_HEADINGS

    def test_the_facts_come_first(self) -> None:
        """The day it is as of, the framework, fieldwork, receipt, publication, inspector, link."""
        assert self.TEXT.splitlines()[2:12] == [
            "*Briefing as of 19 March 2019.*",
            "",
            (
                "- **Framework**: Inspecting local authority children's services (ILACS), 2018"
                " (`ilacs-2018`)"
            ),
            "- **On-site fieldwork**: 29 October 2018 to 9 November 2018",
            "- **Off-site week from**: 22 October 2018",
            "- **Report received**: 5 December 2018",
            "- **Published**: 14 December 2018",
            "- **Lead inspector**: Anne Waterman HMI",
            REPORT_LINE,
            "",
        ]

    def test_the_strengths_and_weaknesses_are_under_each_judgement(self) -> None:
        """The seed's findings, in the framework's order, strengths before weaknesses."""
        lines = _section(
            self.TEXT, "### The experiences and progress of children in care and care leavers"
        )
        assert lines == [
            "Strengths:",
            *(f"- {item}" for item in INSPECTION.findings[1].strengths),
            "Weaknesses:",
            *(f"- {item}" for item in INSPECTION.findings[1].weaknesses),
        ]
        assert _section(self.TEXT, "### Overall effectiveness")[0] == "Strengths:"

    def test_a_letters_serious_weaknesses_are_shown_and_escaped(self) -> None:
        """A monitoring visit's letter: its serious weaknesses, Markdown escaped."""
        visit = Inspection(
            authority=LocalAuthority(name="Haringey"),
            kind=InspectionKind.MONITORING_VISIT,
            on_site_start=D(2019, 6, 4),
            findings=(
                Findings(area="help_and_protection", serious_weaknesses=("*Drift* in <plans>",)),
            ),
        )
        text = reports.briefing(visit, PANEL)
        assert _section(
            text, "### The experiences and progress of children who need help and protection"
        ) == [
            "Serious weaknesses:",
            "- \\*Drift\\* in &lt;plans&gt;",
        ]
        assert "<" not in text

    def test_no_findings_no_section(self) -> None:
        """An inspection recorded without findings has no such section."""
        text = reports.briefing(attrs.evolve(INSPECTION, findings=()), PANEL)
        assert "## Strengths and weaknesses" not in text

    def test_the_judgements_are_a_table_with_the_rules_verdict(self) -> None:
        """Each judgement's label and grade, and that no grading rule is breached."""
        assert _section(self.TEXT, "## Judgements") == [
            "| Judgement | Grade |",
            "|---|---|",
            (
                "| The impact of leaders on social work practice with children and families"
                " | Requires improvement to be good |"
            ),
            (
                "| The experiences and progress of children who need help and protection"
                " | Requires improvement to be good |"
            ),
            (
                "| The experiences and progress of children in care and care leavers"
                " | Requires improvement to be good |"
            ),
            "| Overall effectiveness | Requires improvement to be good |",
            "The grades satisfy every grading rule of the framework.",
        ]

    def test_the_nine_areas_are_numbered_with_their_ids(self) -> None:
        """In the report's order, each with its id in code."""
        areas = _section(self.TEXT, "## What needs to improve")
        assert len(areas) == 9
        assert areas[5] == (
            "6. The quality of audits to inform practice and drive practice improvements. (`ia-6`)"
        )
        assert areas[8] == "9. Pathways to private fostering. (`ia-9`)"

    def test_the_deadlines_say_when_and_how_far_off_as_of_the_day(self) -> None:
        """The action plan was due the day before the panel; publication 41 working days before."""
        rows = _section(self.TEXT, "## Deadlines")
        assert rows[0] == "| Deadline | When | Basis | On 19 March 2019 |"
        assert rows[2] == (
            "| Action plan | due 18 March 2019, 70 working days after receipt of the report on"
            " 5 December 2018 | law | passed 1 working day ago |"
        )
        assert rows[3].endswith("| law | passed 41 working days ago |")
        assert rows[4].endswith("| window not yet open |")
        assert rows[5].endswith("| does not apply |")

    def test_the_same_deadline_is_ahead_on_an_earlier_day(self) -> None:
        """As of 1 March 2019 the action plan is due in 11 working days."""
        rows = _section(reports.briefing(INSPECTION, D(2019, 3, 1)), "## Deadlines")
        assert rows[2].endswith("| law | in 11 working days |")

    def test_a_breached_rule_is_named_with_its_explanation(self) -> None:
        """Inadequate help and protection with overall RI breaches ILACS-OE-1 (a must)."""
        breached = attrs.evolve(
            INSPECTION,
            judgements=judgements(
                leaders=Grade.REQUIRES_IMPROVEMENT,
                help_and_protection=Grade.INADEQUATE,
                children_in_care_and_care_leavers=Grade.REQUIRES_IMPROVEMENT,
                overall_effectiveness=Grade.REQUIRES_IMPROVEMENT,
            ),
        )
        assert _section(reports.briefing(breached, PANEL), "## Judgements")[-1] == (
            "- **ILACS-OE-1** (must) is breached: help and protection is Inadequate, so overall"
            " effectiveness must be Inadequate; it is Requires improvement to be good"
        )

    def test_an_ungraded_visit_has_its_topic_and_priority_actions(self) -> None:
        """A focused visit: no judgements, its topic, areas for priority action, its deadlines."""
        visit = Inspection(
            authority=LocalAuthority(name="Haringey"),
            kind=InspectionKind.FOCUSED_VISIT,
            on_site_start=D(2021, 6, 8),
            on_site_end=D(2021, 6, 9),
            published=D(2021, 7, 14),
            topic="Children in need of help and protection",
            priority_actions=(ImprovementArea(id="apa-1", text="Strategy meetings are timely."),),
        )
        text = reports.briefing(visit, D(2021, 8, 1))
        assert _headings(text) == [
            "# Ofsted focused visit of Haringey's children's services",
            "## Judgements",
            "## Areas for priority action",
            "## What needs to improve",
            "## Deadlines",
        ]
        assert "- **Topic**: Children in need of help and protection" in text
        assert (
            "- **Report received**: not known (the record does not give it); deadlines counted"
            " from receipt are counted from publication instead" in text
        )
        assert _section(text, "## Judgements") == ["This inspection gave no graded judgements."]
        assert _section(text, "## Areas for priority action") == [
            "1. Strategy meetings are timely. (`apa-1`)"
        ]
        assert _section(text, "## What needs to improve") == [
            "The report lists no areas for improvement."
        ]
        assert _section(text, "## Deadlines")[2].startswith(
            "| Draft action plan | due on or before"
        )


class TestPlanBriefing:
    """The briefing on Haringey's 2018 action plan, as of a day."""

    TEXT = reports.briefing(PLAN, PANEL)

    def test_the_plan_adds_its_sections_to_the_inspections(self) -> None:
        """Action plan, actions, measures of success, due next, after the inspection's."""
        assert _headings(self.TEXT) == PLAN_HEADINGS
        assert self.TEXT.startswith(reports.briefing(INSPECTION, PANEL))

    def test_oversight_and_submission_open_the_plan(self) -> None:
        """Who oversees it, and that the plan was due the day before and is not recorded sent."""
        assert _section(self.TEXT, "## Action plan")[:2] == [
            (
                "Overseen by the Children's Improvement Board; progress reported to Corporate Board,"
                " Children and Young People's Scrutiny Panel."
            ),
            (
                "**Submission**: no submission is recorded, and the deadline has passed"
                " (due 18 March 2019)."
            ),
        ]

    def test_the_ratings_are_counted(self) -> None:
        """As of the panel: none red, two amber, seven green (the dates are the example's)."""
        assert "| Red | 0 |\n| Amber | 2 |\n| Green | 7 |" in self.TEXT

    def test_each_action_has_its_due_date_status_rating_and_reason(self) -> None:
        """Nine rows, one an amber action with the milestone that makes it so."""
        rows = _section(self.TEXT, "### Actions")
        assert len(rows) == 2 + 9 + 2
        assert rows[0] == "| Action | Answers | Owners | Due | Status | Rating | Why |"
        assert rows[3] == (
            "| Improve the quality of assessments with Professor David Shemmings"
            " (`assessment-quality`) | ia-1, ia-2 | Head of Service for Safeguarding and"
            " Assessment | 20 December 2019 | in progress | AMBER | milestone 'Relationship-based"
            " practice programme agreed' is due 29 March 2019, in 8 working days |"
        )
        assert rows[-2:] == [
            "- **Improvement areas without an action**: none",
            "- **Actions answering no improvement area**: `recruitment-retention`",
        ]

    def test_measures_and_what_falls_due_next_are_listed(self) -> None:
        """The vacancy rate's progress; the next milestone first."""
        assert _section(self.TEXT, "### Measures of success") == [
            (
                "- Social worker vacancy rate: 29.5% on 31 December 2018 (baseline 34.3% on"
                " 31 July 2018, target 20% by 31 March 2020; 34% of the way)"
            )
        ]
        assert _section(self.TEXT, "### Due next")[0] == (
            "- 29 March 2019: milestone 'Relationship-based practice programme agreed'"
            " (assessment-quality)"
        )

    def test_later_the_missed_milestones_turn_red(self) -> None:
        """As of 3 June 2019: four red, no amber, five green; what is next is the appointment."""
        text = reports.briefing(PLAN, D(2019, 6, 3))
        assert "| Red | 4 |\n| Amber | 0 |\n| Green | 5 |" in text
        assert _section(text, "### Due next")[0] == (
            "- 31 July 2019: milestone 'Principal Social Worker appointed' (principal-social-worker)"
        )

    def test_due_soon_sets_how_near_a_deadline_turns_amber(self) -> None:
        """With due_soon=0 nothing is amber on the panel's day."""
        assert "| Amber | 0 |" in reports.briefing(PLAN, PANEL, due_soon=0)

    def test_a_plan_with_nothing_open_says_so(self) -> None:
        """No actions: nothing falls due, and every area is unanswered."""
        text = reports.briefing(attrs.evolve(PLAN, actions=()), PANEL)
        assert _section(text, "### Due next") == ["Nothing open falls due."]
        assert "### Measures of success" not in text
        assert "- **Improvement areas without an action**: `ia-1`, `ia-2`," in text


#: (subject, as_of, the message).
BAD_ARGUMENTS = [
    pytest.param(
        "haringey-2018.json",
        PANEL,
        "'subject' must be an Inspection or an ActionPlan (got str 'haringey-2018.json')",
        id="subject-a-file-name",
    ),
    pytest.param(
        INSPECTION,
        pendulum.datetime(2019, 3, 19),
        (
            "'as_of' must be a pendulum.Date (the day the briefing is as of)"
            " (got DateTime DateTime(2019, 3, 19, 0, 0, 0, tzinfo=Timezone('UTC')))"
        ),
        id="as-of-a-date-time",
    ),
    pytest.param(
        INSPECTION,
        datetime.date(2019, 3, 19),
        (
            "'as_of' must be a pendulum.Date (the day the briefing is as of)"
            " (got date datetime.date(2019, 3, 19))"
        ),
        id="as-of-a-stdlib-date",
    ),
    pytest.param(
        PLAN,
        "2019-03-19",
        "'as_of' must be a pendulum.Date (the day the briefing is as of) (got str '2019-03-19')",
        id="as-of-text",
    ),
]


class TestArguments:
    """A wrong subject or day is a ValidationError naming it."""

    @pytest.mark.parametrize(("subject", "as_of", "message"), BAD_ARGUMENTS)
    def test_a_wrong_argument_is_rejected_by_name(
        self, subject: object, as_of: object, message: str
    ) -> None:
        """The message names the argument, the rule and the value."""
        with pytest.raises(ValidationError) as caught:
            reports.briefing(subject, as_of)  # type: ignore[arg-type]
        assert str(caught.value) == message


#: Ordinary text that comes out exactly as it went in.
ORDINARY = [
    "Haringey",
    "Children's services",
    "Hammersmith & Fulham",
    "Bournemouth, Christchurch & Poole",
    "decision-making",
    "3 years ± 6 months",
    "29.5% on 31 December 2018",
    "(observed usual practice, not law)",
    "milestone 'Relationship-based practice programme agreed'",
    'milestone "Thresholds re-launched"',
    "overall_effectiveness",
    "ILACS-OE-1",
    "Naïve café – “quoted” ‘text’",  # noqa: RUF001 (typographic punctuation is ordinary)
    "29 March 2019: milestone",
    "Section 11 #3",
]

#: (text, what inline makes of it).
ESCAPED = [
    pytest.param("Hull\n# Injected", "Hull # Injected", id="newline-folds"),
    pytest.param("a\r\n\t\x0b\x0c\x1c\x85\u2028\u2029b", "a b", id="every-line-break"),
    pytest.param("\n  Hull  \n", "Hull", id="ends-trimmed"),
    pytest.param("# Heading", r"\# Heading", id="heading"),
    pytest.param("#Heading", r"\#Heading", id="heading-no-space"),
    pytest.param("- item", r"\- item", id="bullet"),
    pytest.param("+ item", r"\+ item", id="plus-bullet"),
    pytest.param("* item", r"\* item", id="star-bullet"),
    pytest.param("1. item", r"1\. item", id="ordered"),
    pytest.param("12) item", r"12\) item", id="ordered-paren"),
    pytest.param("> quote", "&gt; quote", id="block-quote"),
    pytest.param("```python", r"\`\`\`python", id="fence"),
    pytest.param("~~~", r"\~\~\~", id="tilde-fence"),
    pytest.param("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", id="html"),
    pytest.param("<https://example.org>", "&lt;https://example.org&gt;", id="autolink"),
    pytest.param("&lt;b&gt; &#60; &#x3C;", "&amp;lt;b&amp;gt; &amp;#60; &amp;#x3C;", id="entities"),
    pytest.param("[a](https://x.org)", r"\[a\](https://x.org)", id="link"),
    pytest.param("![a](https://x.org/i.png)", r"!\[a\](https://x.org/i.png)", id="image"),
    pytest.param("**bold** *em*", r"\*\*bold\*\* \*em\*", id="emphasis"),
    pytest.param("_em_ and __strong__", r"\_em\_ and \_\_strong\_\_", id="underscores"),
    pytest.param("~~struck~~", r"\~\~struck\~\~", id="strikethrough"),
    pytest.param("`code`", r"\`code\`", id="code"),
    pytest.param("C:\\Users\\*", r"C:\\Users\\\*", id="backslash"),
    pytest.param("a | b", "a | b", id="pipe-outside-a-table"),
]


class TestInline:
    """ilacs.reports.markdown.inline: text shows as itself, on one line."""

    @pytest.mark.parametrize("text", ORDINARY)
    def test_ordinary_text_is_unchanged(self, text: str) -> None:
        """Apostrophes, ampersands, hyphens, quotes and numbers need no escape."""
        assert inline(text) == text

    @pytest.mark.parametrize(("text", "expected"), ESCAPED)
    def test_markdown_and_html_are_escaped(self, text: str, expected: str) -> None:
        """Each special character where it would act, and line breaks folded."""
        assert inline(text) == expected

    def test_a_table_cell_also_escapes_the_pipe(self) -> None:
        """A pipe would end the cell; the report's own Markdown keeps its code spans."""
        assert cell("Health | Police") == r"Health \| Police"
        assert cell(Markdown("QA (`qa-1`) | x")) == r"QA (`qa-1`) \| x"
        assert cell("QA (`qa-1`)") == r"QA (\`qa-1\`)"

    def test_a_table_escapes_every_cell(self) -> None:
        """Header and rows through cell; any value is shown as its str."""
        assert table(("Rating", "A|B"), [("<b>", 3)]) == [
            r"| Rating | A\|B |",
            "|---|---|",
            "| &lt;b&gt; | 3 |",
        ]

    def test_an_autolink_cannot_be_broken_out_of(self) -> None:
        """What would end the link is percent-encoded; an ordinary URL is kept."""
        assert autolink("https://files.ofsted.gov.uk/v1/file/50044253") == (
            "<https://files.ofsted.gov.uk/v1/file/50044253>"
        )
        assert autolink("https://x.org/a>b<c d") == "<https://x.org/a%3Eb%3Cc%20d>"


#: Pieces of text that would be Markdown structure or HTML if written as they are.
HOSTILE = [
    *("\n", "\r", "\u2028", "\x85", "#", "# ", "<", ">", "<script>", "&lt;", "|", "`", "*"),
    *("_", "[x](y)", "- ", "1. ", "> ", "\\", "    ", "=", "---"),
]


def _valid(text: str) -> bool:
    """Whether the model takes this as text (no control characters, no padding)."""
    try:
        LocalAuthority(name=text)
    except ValidationError:
        return False
    return True


_WHITE_SPACE = "".join(chr(code) for code in range(0x110000) if chr(code).isspace()) + "\ufeff"
# Any characters but the controls the model refuses (line breaks and tabs are allowed).
_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t\r")


def _names() -> st.SearchStrategy[str]:
    """Valid text of any kind: the strategies' texts, any string, or a hostile mixture."""
    pieces = st.sampled_from(HOSTILE) | st.text(_CHARACTERS, max_size=5)
    mixed = st.lists(pieces, min_size=1, max_size=8).map("".join)
    return (
        (strategies.texts() | st.text(_CHARACTERS) | mixed)
        .map(lambda text: text.strip(_WHITE_SPACE))
        .filter(_valid)
    )


def _injected(plan: ActionPlan, names: list[str]) -> ActionPlan:
    """Haringey's plan with the names in every kind of text the briefing shows."""
    name, inspector, area_text, title, owner, milestone, board, strength = names
    inspection = plan.inspection
    first_area, *areas = inspection.improvement_areas
    first_found, *found = inspection.findings
    first, *actions = plan.actions
    inspection = attrs.evolve(
        inspection,
        authority=attrs.evolve(inspection.authority, name=name),
        lead_inspector=inspector,
        improvement_areas=(attrs.evolve(first_area, text=area_text), *areas),
        findings=(
            attrs.evolve(first_found, strengths=(strength, *first_found.strengths[1:])),
            *found,
        ),
    )
    first = attrs.evolve(
        first,
        title=title,
        owners=(owner,),
        milestones=tuple(attrs.evolve(m, title=milestone) for m in first.milestones),
    )
    return attrs.evolve(
        plan,
        inspection=inspection,
        actions=(first, *actions),
        oversight=(board, *plan.oversight[1:]),
    )


def _columns(line: str) -> int:
    """How many cell separators a table line has (a backslash escapes the next character)."""
    return sum(match.group() == "|" for match in re.finditer(r"\\.|\|", line))


class TestBriefingEscapes:
    """No text in a document changes the briefing's structure or adds HTML."""

    CLEAN = reports.briefing(PLAN, PANEL).splitlines()

    @given(st.lists(_names(), min_size=8, max_size=8))
    def test_no_text_adds_a_line_a_heading_a_column_or_html(self, names: list[str]) -> None:
        """Same lines of the same kinds, no new '#' line, tables as wide, '<' only in the link."""
        lines = reports.briefing(_injected(PLAN, names), PANEL).splitlines()
        assert len(lines) == len(self.CLEAN)
        assert [line.split(" ", 1)[0] for line in lines] == [
            line.split(" ", 1)[0] for line in self.CLEAN
        ]
        assert _headings("\n".join(lines))[1:] == PLAN_HEADINGS[1:]
        assert [line for line in lines if "<" in line] == [REPORT_LINE]
        assert [_columns(line) for line in lines if line.startswith("|")] == [
            _columns(line) for line in self.CLEAN if line.startswith("|")
        ]

    @given(_names())
    def test_an_authority_name_stays_in_the_title(self, name: str) -> None:
        """The first line is still the title, and no other line starts with '#'."""
        authority = attrs.evolve(INSPECTION_2018.authority, name=name)
        text = reports.briefing(attrs.evolve(INSPECTION_2018, authority=authority), PANEL)
        title, *rest = text.splitlines()
        assert title.startswith("# Ofsted standard inspection of ")
        assert title.endswith("'s children's services")
        assert [line for line in rest if line.startswith("#")] == INSPECTION_HEADINGS[1:]
        assert "<" not in text.replace(REPORT_LINE, "")


class _Tags(HTMLParser):
    """The tags of an HTML page, in order, with their attributes' names."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(name for name, _ in attrs)))


def _tags(page: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


class TestHtmlBriefing:
    """A self-contained HTML page with the Markdown briefing's structure, and no HTML of the text's."""

    PAGE = reports.briefing_html(PLAN, PANEL)

    def test_the_page_has_the_briefings_headings_and_tables(self) -> None:
        """Each Markdown heading is a heading, each table a table, the link a link."""
        markdown = reports.briefing(PLAN, PANEL)
        headings = re.findall(r"<h([1-3])>(.*?)</h\1>", self.PAGE)
        assert [f"{'#' * int(level)} {text}" for level, text in headings] == _headings(markdown)
        assert self.PAGE.count("<table>") == sum(
            line.startswith("|---") for line in markdown.splitlines()
        )
        assert '<a href="https://files.ofsted.gov.uk/v1/file/50044253">' in self.PAGE
        assert "<title>Ofsted standard inspection of Haringey's children's services</title>" in (
            self.PAGE
        )
        assert "<tr><td>Revised quality assurance framework, with two auditors" in self.PAGE
        assert "<code>qa-framework</code>" in self.PAGE

    def test_markdown_escapes_become_the_characters(self) -> None:
        """A backslash escape shows its character; the Markdown's references stay references."""
        assert to_html(r"a \*b\* \| 1\. \_c\_ &amp;lt; & <x>") == (
            "<p>a *b* | 1. _c_ &amp;lt; &amp; &lt;x&gt;</p>\n"
        )

    @given(st.lists(_names(), min_size=8, max_size=8))
    @settings(max_examples=max(5, settings().max_examples // 2))
    def test_no_text_adds_a_tag_or_an_attribute(self, names: list[str]) -> None:
        """Whatever the names, the page has the same tags, with the same attributes, as Haringey's."""
        page = reports.briefing_html(_injected(PLAN, names), PANEL)
        assert _tags(page) == _tags(self.PAGE)

    def test_pictures_are_inline_svg_images_with_their_titles(self) -> None:
        """A picture is a data URI image, so the page needs no other file."""
        figures = reports.briefing_pictures(PLAN, PANEL)
        page = reports.briefing_html(PLAN, PANEL, figures=figures)
        images = re.findall(r'<img alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)">', page)
        assert [alt for alt, _ in images] == [
            "Haringey&#x27;s action plan: actions red, amber and green on each day"
        ]
        assert base64.b64decode(images[0][1]).startswith(b"<?xml")
        assert "http" not in page.replace("https://files.ofsted.gov.uk", "").split("<body>")[1]


class TestBriefingWithPictures:
    """A Markdown briefing shows its pictures from PNG files written beside it."""

    def test_the_pictures_are_written_beside_the_briefing(self, tmp_path: Path) -> None:
        """briefing.md, then briefing-1.png (the history), briefing-2.png (the plan)."""
        figures = reports.briefing_pictures(
            PLAN, D(2019, 6, 30), history=HISTORY, history_source="Ofsted's reports"
        )
        assert [type(figure).__name__ for figure in figures] == ["GradeHistory", "StackedCounts"]
        written = reports.write_briefing(
            PLAN, D(2019, 6, 30), tmp_path / "brief.md", figures=figures, dpi=30
        )
        assert [path.name for path in written] == ["brief.md", "brief-1.png", "brief-2.png"]
        text = (tmp_path / "brief.md").read_text(encoding="utf-8")
        assert _section(text, "## Pictures") == [
            "![Haringey: grades at each inspection of children's services](<brief-1.png>)",
            "![Haringey's action plan: actions red, amber and green on each day](<brief-2.png>)",
        ]
        assert (tmp_path / "brief-2.png").read_bytes().startswith(b"\x89PNG")

    def test_an_html_briefing_is_one_file(self, tmp_path: Path) -> None:
        """As HTML, the briefing is one page; without pictures it has none."""
        written = reports.write_briefing(INSPECTION, PANEL, tmp_path / "brief.html", format="html")
        assert written == (tmp_path / "brief.html",)
        assert "<h2>Pictures</h2>" not in written[0].read_text(encoding="utf-8")

    def test_an_inspection_alone_has_no_picture(self) -> None:
        """Without its history or a plan, there is nothing to draw."""
        assert reports.briefing_pictures(INSPECTION, PANEL) == ()

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda: reports.briefing(PLAN, PANEL, images=["a.png"]), "images"),  # type: ignore[list-item]
            (lambda: reports.briefing_html(PLAN, PANEL, figures=[PLAN]), "figures"),  # type: ignore[list-item]
            (lambda: reports.write_briefing(PLAN, PANEL, "b.pdf", format="pdf"), "format"),  # type: ignore[arg-type]
            (lambda: reports.briefing_pictures("plan", PANEL), "subject"),  # type: ignore[arg-type]
        ],
    )
    def test_wrong_arguments_are_rejected_by_name(
        self, call: Callable[[], object], field: str
    ) -> None:
        """Each is a ValidationError naming the argument."""
        with pytest.raises(ValidationError) as raised:
            call()
        assert raised.value.field == field
