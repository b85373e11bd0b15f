"""Every example runs, as a user runs it, and says what it promises."""

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))


@functools.cache
def _run(script: Path, *args: str) -> str:
    """The example's output; each example runs once per session with the same arguments."""
    result = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


class TestExamples:
    """The examples in examples/ are part of the documentation and must work."""

    @pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
    def test_the_example_runs(self, script: Path) -> None:
        """Each example exits 0."""
        assert _run(script)

    def test_haringey_2018_reproduces_the_councils_report(self) -> None:
        """Four judgements RI, nine areas, the dates, the lead inspector and ilacs-2018."""
        out = _run(EXAMPLES / "haringey_2018.py")
        for label in (
            "The impact of leaders on social work practice with children and families",
            "The experiences and progress of children who need help and protection",
            "The experiences and progress of children in care and care leavers",
            "Overall effectiveness",
        ):
            line = next(line for line in out.splitlines() if line.startswith(label))
            assert line.endswith("Requires improvement to be good")
        assert "What needs to improve (9 areas):" in out
        assert "  9. Pathways to private fostering." in out
        assert "On-site fieldwork:  29 October 2018 to 9 November 2018" in out
        assert "Off-site week from: 22 October 2018" in out
        assert "Published:          14 December 2018" in out
        assert "Anne Waterman HMI" in out
        assert "Framework: ilacs-2018" in out

    def test_haringey_2018_shows_every_rule_held_and_the_permitted_overall_grades(self) -> None:
        """All six rules hold; only Requires improvement to be good is permitted overall."""
        out = _run(EXAMPLES / "haringey_2018.py")
        for number in range(1, 6):
            assert f"ILACS-OE-{number} (must): held" in out
        assert "ILACS-OE-6 (likely): held" in out
        assert "breached" not in out
        assert (
            "Overall effectiveness the other judgements permit: Requires improvement to be good\n"
            in out
        )

    def test_haringey_2018_gives_the_deadlines_and_the_receipt_date_they_imply(self) -> None:
        """18 March 2019 is 70 working days after receipt on 5 December 2018."""
        out = _run(EXAMPLES / "haringey_2018.py")
        assert "so the report was received on 5 December 2018" in out
        assert (
            "  - Action plan: due 18 March 2019, 70 working days after receipt of the report"
            " on 5 December 2018"
        ) in out
        assert "  - The authority's publication of the report: due 21 January 2019" in out

    def test_haringey_history_shows_each_inspection_under_its_own_framework(self) -> None:
        """2014 under SIF, 2018 under ilacs-2018, 2023 and January 2026 under ilacs-2023."""
        out = _run(EXAMPLES / "haringey_history.py")
        for fragment in (
            "20 May 2014 to 11 June 2014: single inspection under sif-2013",
            "29 October 2018 to 9 November 2018: standard inspection under ilacs-2018",
            "13 February 2023 to 24 February 2023: standard inspection under ilacs-2023",
            "12 January 2026 to 16 January 2026: short inspection under ilacs-2023",
        ):
            assert fragment in out
        rows = {
            cells[0]: cells[1:]
            for cells in (re.split(r"\s{2,}", line) for line in out.splitlines())
        }
        assert rows["Overall effectiveness"] == ["RI", "RI", "Good", "Outstanding"]
        assert rows["The experiences and progress of children in care"] == ["-", "-", "RI", "Good"]
        assert rows["Adoption performance"] == ["RI", "-", "-", "-"]

    def test_haringey_action_plan_answers_every_area_and_rates_every_action(self) -> None:
        """As of 19 March 2019: nine areas answered, nine actions each rated with a reason."""
        out = _run(EXAMPLES / "haringey_2018_action_plan.py")
        assert "As of 19 March 2019" in out
        answered = re.findall(r"^     answered by: (.+)$", out, flags=re.MULTILINE)
        assert len(answered) == 9
        assert "NONE" not in answered
        assert "Improvement areas without an action: none" in out
        ratings = re.findall(
            r"^  ([a-z-]+) \((red|amber|green), [a-z ]+\): (.+)$", out, re.MULTILINE
        )
        assert len(ratings) == 9
        assert all(reason for _, _, reason in ratings)
        assert "Actions: 9 (0 red, 2 amber, 7 green)" in out
        assert (
            "principal-social-worker (green, planned): action 'Recruit a Principal Social Worker"
            " to lead on the quality of practice' is on track, due 30 September 2019"
        ) in out
        assert "Overseen by the Children's Improvement Board" in out
        assert "Social worker vacancy rate: 29.5% on 31 December 2018 (baseline 34.3%" in out
        assert "deadline has passed (due 18 March 2019)" in out

    def test_the_action_plan_can_be_tracked_as_of_a_later_day(self) -> None:
        """Given a later day, what was amber and not done turns red, with the days late."""
        out = _run(EXAMPLES / "haringey_2018_action_plan.py", "2019-04-15")
        assert (
            "assessment-quality (red, in progress): milestone 'Relationship-based practice"
            " programme agreed' was due 29 March 2019, 11 working days ago"
        ) in out

    def test_national_picture_imports_every_row_and_finds_no_must_breach(self) -> None:
        """271 of 271 rows; 153 authorities; each judgement's share good or outstanding."""
        out = _run(EXAMPLES / "national_picture.py")
        assert "271 rows read, 271 imported, 0 skipped" in out
        assert "As of 31 March 2025" in out
        assert "National distribution (153 authorities with a graded inspection):" in out
        shares = re.findall(
            r"^  (.+?): (\d+) authorities: .*good or outstanding (\d+)%$", out, re.MULTILINE
        )
        assert [title for title, _, _ in shares] == [
            "Overall",
            "Leaders",
            "Help and protection",
            "In care",
            "Care leavers",
        ]
        assert "of 271 graded inspections, all satisfy the 'must' rules" in out
        assert "Departures from a 'likely' rule (allowed, for a human to weigh): 4" in out

    def test_national_picture_as_of_an_earlier_day_counts_fewer_authorities(self) -> None:
        """Only reports published by the day count."""
        out = _run(EXAMPLES / "national_picture.py", "2019-03-31")
        count = int(re.findall(r"National distribution \((\d+) authorities", out)[0])
        assert 0 < count < 153
        assert "  Care leavers: no authority has this judgement yet" in out


#: What the seed (Haringey's scrutiny panel report of 19 March 2019) states, by section.
SEED_JUDGEMENTS = (  # 3.4: every judgement "Requires improvement to be good"
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care and care leavers",
    "Overall effectiveness",
)
SEED_AREAS = (  # 3.5: "inspectors noted the following nine areas"
    "Assessment of children's needs when their circumstances change, in order to inform plans.",
    (
        "Child-focused plans, particularly in the disabled children's team, where the understanding"
        " of thresholds when risks escalate also needs to improve."
    ),
    (
        "Timely and effective permanence planning for all children in care, including effective"
        " challenge brought by independent reviewing officers."
    ),
    "Placement sufficiency for vulnerable adolescents.",
    (
        "The quality and timeliness of case recording, including the recording of management"
        " decision-making."
    ),
    "The quality of audits to inform practice and drive practice improvements.",
    "The strategic partnership response to criminally exploited children.",
    (
        "The offer and take-up of return home interviews and the subsequent use of intelligence to"
        " inform individual children's plans and wider partnership activity."
    ),
    "Pathways to private fostering.",
)

#: Sections 4 to 6: the report's strengths (+) and weaknesses (-) per judgement, each
#: item as the seed words it (its opening words here), in the framework's order.
SEED_FINDINGS = {
    "The impact of leaders on social work practice with children and families": (  # 6
        "+ However, it is positive that inspectors reported a significant increase in pace",
        "+ the well informed, confident and aspirational lead member",
        "+ Inspectors found that Members appropriately challenge performance",
        "+ It was noted that Members of the Corporate Parenting Committee",
        "+ It was noted that the staff in children's social care reflect the diversity",
        "- Some of the areas for improvement had been reported in the full inspection",
        "- Inspectors reported that although actions had been taken",
    ),
    "The experiences and progress of children who need help and protection": (  # 4.2
        "+ For example, the strengthening of safeguarding through the 'front door'",
        "+ It was found that young people who present as homeless",
        "+ Inspectors found that children and young people subject to, or at risk of",
        "+ It should be noted that the youth centre at Bruce Grove",
        "- The inspectors found that the coordination of early help services is underdeveloped.",
        "- The report states that thresholds in the children with disability service",
    ),
    "The experiences and progress of children in care and care leavers": (  # 5
        "+ Inspectors found that the threshold decisions for children coming into care",
        "+ Inspected were impressed with the efforts of social workers",
        "+ The report states that children in care have access to a wide range of leisure",
        "- The service recognised that further work was required to improve permanence",
        "- The service was also aware of the variability in the quality of personal education",
    ),
    "Overall effectiveness": (  # 4.1
        "+ Staff and managers are ambitious for children and young people and are tenacious",
    ),
}


class TestTheSeedsFacts:
    """The Haringey examples contradict the seed nowhere, and label what they infer or invent."""

    def test_the_2018_example_gives_the_seeds_dates_grades_areas_and_deadline(self) -> None:
        """1.1 and 3.1: 22 October to 9 November 2018; 1.1: published 14 December 2018; 3.6."""
        out = _run(EXAMPLES / "haringey_2018.py")
        assert "Off-site week from: 22 October 2018" in out
        assert "On-site fieldwork:  29 October 2018 to 9 November 2018" in out
        assert "Published:          14 December 2018" in out
        for label in SEED_JUDGEMENTS:
            assert f"{label:<76}Requires improvement to be good" in out
        printed = re.findall(r"^  \d\. (.+)$", out, flags=re.MULTILINE)
        assert tuple(printed) == SEED_AREAS
        assert "  - Action plan: due 18 March 2019, 70 working days after receipt" in out

    def test_the_2018_example_gives_the_seeds_strengths_and_weaknesses_per_judgement(
        self,
    ) -> None:
        """Sections 4 to 6: every item under its judgement, in the seed's words, none added."""
        out = _run(EXAMPLES / "haringey_2018.py")
        section = out.split("per judgement (the seed's sections 4 to 6, in its words):\n")[1]
        printed: dict[str, list[str]] = {}
        heading = ""
        for line in section.split("\n\n")[0].splitlines():
            if line.startswith("    "):
                printed[heading].append(line.strip())
            else:
                heading = line.strip()
                printed[heading] = []
        assert list(printed) == list(SEED_FINDINGS)
        for label, items in SEED_FINDINGS.items():
            assert len(printed[label]) == len(items), label
            assert all(
                got.startswith(want) for got, want in zip(printed[label], items, strict=True)
            )

    def test_the_inferred_receipt_day_is_labelled_with_what_it_was_inferred_from(self) -> None:
        """The seed never says when the report arrived: 5 December 2018 is worked back."""
        out = _run(EXAMPLES / "haringey_2018.py")
        stated = [line for line in out.splitlines() if "received on 5 December 2018" in line]
        assert stated
        assert all("[inferred]" in line for line in stated)
        assert "inferred from the seed's deadline (section 3.6)" in out
        assert "Deadlines (those counted from receipt rest on the [inferred] receipt day):" in out
        assert "'22 October to 9 November 2019'" in out  # the seed's own slip, named as one

    def test_the_action_plan_labels_every_invented_value_and_contradicts_the_seed_nowhere(
        self,
    ) -> None:
        """8.3: the Principal Social Worker is still to be recruited; dates and target invented."""
        out = _run(EXAMPLES / "haringey_2018_action_plan.py")
        assert (
            "[illustrative] The seed gives no due dates, milestones, start dates or targets:"
            " those below are invented, and the ratings that follow from them are illustrative."
        ) in out
        assert "[inferred] The report's receipt on 5 December 2018 is inferred" in out
        invented = re.findall(r"^      \[illustrative\] (.+)$", out, flags=re.MULTILINE)
        assert len(invented) == 9  # one line for each action
        assert "the 20% target by 31 March 2020" in out
        assert "'will be recruiting' a Principal Social Worker (not yet begun)" in out
        assert "Principal Social Worker post advertised' was completed" not in out
        assert "principal-social-worker (green, planned)" in out
        assert "baseline 34.3% on 31 July 2018" in out
        assert "29.5% on 31 December 2018" in out

    def test_the_history_tells_the_journey_from_the_data_and_says_where_each_event_came_from(
        self,
    ) -> None:
        """2014, the 2017 JTAI, 2018, 2023, area SEND 2024, the 2025 focused visit and 2026."""
        out = _run(EXAMPLES / "haringey_history.py")
        journey = out.split("\n\n")[1].splitlines()
        events = [line.strip() for line in journey if not line.startswith("      ")]
        assert [event.split(":")[0] for event in events] == [
            "20 May 2014 to 11 June 2014",
            "4 December 2017 to 8 December 2017",
            "29 October 2018",
            "13 February 2023",
            "29 January 2024 to 2 February 2024",
            "11 February 2025",
            "12 January 2026 to 16 January 2026",
        ]
        assert "on neglect" in events[1]
        assert "full area SEND inspection under area-send-2023" in events[4]
        assert "typically lead to positive experiences and outcomes" in events[4]
        assert "focused visit under ilacs-2023, on achieving permanence" in events[5]
        assert out.count("source: Ofsted's official statistics") == 2
        assert "source: Ofsted's in-year activity" in out
        assert "areas for priority action: not known (the source does not say)" in out
        assert "23 of 115 re-inspections fell within 3 years ± 6 months" in out
        assert "Ofsted's stated intention: Next full inspection (short)" in out
        assert "overall_effectiveness: 2014 RI -> 2018 RI -> 2023 Good -> 2026 Outstanding" in out
