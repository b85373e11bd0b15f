"""Documents people write by hand: omitted defaults, grade labels, every mistake at once, templates."""

import re
import typing
from pathlib import Path

import attrs
import pendulum
import pytest
from _haringey import INSPECTION_2018
from cli_runner import run_cli

from ilacs import ActionPlan, Grade, Inspection, InspectionKind, Judgement, LocalAuthority
from ilacs.cli import new
from ilacs.errors import DocumentError
from ilacs.serialisation import dumps, from_dict, loads, loads_yaml, to_dict

#: A plan with only the keys that have no default, written as a person would.
MINIMAL_PLAN = """\
schema_version: 1
document_type: action_plan
inspection:
  authority:
    name: Haringey
  kind: short
  on_site_start: 2023-02-13
  judgements:
    - {area: leaders, grade: Good}
    - {area: help_and_protection, grade: good}
    - {area: children_in_care, grade: Good}
    - {area: care_leavers, grade: RI}
    - {area: overall_effectiveness, grade: Good}
"""

#: Three mistakes in one inspection: a grade no scale has, dates the wrong way round,
#: and a name given as a number.
THREE_MISTAKES = """\
schema_version: 1
document_type: inspection
authority: {name: Haringey}
kind: standard
on_site_start: 2018-11-09
on_site_end: 2018-10-29
lead_inspector: 12
judgements:
  - {area: overall_effectiveness, grade: Adequate}
"""


class TestOmittedKeys:
    """A key whose field has a default may be left out; canonical output writes it again."""

    def test_a_plan_with_only_required_keys_loads(self) -> None:
        """Submitted, horizon, oversight, actions, the framework and the rest take their defaults."""
        plan = loads_yaml(MINIMAL_PLAN, ActionPlan)
        assert plan.actions == ()
        assert plan.oversight == ()
        assert plan.submitted is None
        assert plan.inspection.framework == "ilacs-2023"
        assert plan.inspection.grade("care_leavers") is Grade.REQUIRES_IMPROVEMENT

    def test_canonical_output_writes_every_key_and_round_trips(self) -> None:
        """What a short document loads to dumps in full, and that text loads back byte for byte."""
        text = dumps(loads_yaml(MINIMAL_PLAN, ActionPlan))
        assert '"framework": "ilacs-2023"' in text
        assert '"submitted": null' in text
        assert dumps(loads(text)) == text

    def test_every_omittable_key_of_an_inspection_may_be_omitted(self) -> None:
        """Dropping all of an inspection's defaulted keys at once gives those defaults."""
        document = to_dict(INSPECTION_2018)
        for field in attrs.fields(Inspection):
            if field.default is not attrs.NOTHING:
                del document[field.name]
        inspection = from_dict(document, Inspection)
        assert inspection.framework == "ilacs-2018"
        assert inspection.judgements == ()
        assert inspection.published is None

    def test_a_required_key_is_still_required(self) -> None:
        """Leaving out the kind is named as a missing key; an unknown key is still refused."""
        document = to_dict(INSPECTION_2018)
        del document["kind"]
        document["inspector"] = "Anne Waterman HMI"
        with pytest.raises(DocumentError) as info:
            from_dict(document)
        assert "$.kind: required key missing" in info.value.problems
        assert any(p.startswith("$: unknown key(s) inspector") for p in info.value.problems)


class TestGradeLabels:
    """A grade may be written as the report prints it, or as a variant Grade.parse reads."""

    @pytest.mark.parametrize(
        "written",
        ["Requires improvement to be good", "requires improvement", "RI", "requires_improvement"],
    )
    def test_a_grade_label_or_variant_reads_as_the_grade(self, written: str) -> None:
        """Each gives the same value, which dumps as the canonical value."""
        document = to_dict(INSPECTION_2018)
        document["judgements"][0]["grade"] = written
        inspection = from_dict(document, Inspection)
        assert inspection == INSPECTION_2018
        assert dumps(inspection) == dumps(INSPECTION_2018)

    def test_a_grade_on_no_scale_names_the_values_and_the_labels(self) -> None:
        """The message lists what may be written."""
        document = to_dict(INSPECTION_2018)
        document["judgements"][0]["grade"] = "Adequate"
        with pytest.raises(DocumentError) as info:
            from_dict(document)
        (problem,) = info.value.problems
        assert problem.path == "$.judgements[0].grade"
        assert "'requires_improvement'" in problem
        assert "'Requires improvement to be good'" in problem
        assert "(got str 'Adequate')" in problem


class TestEveryMistakeAtOnce:
    """All the problems of one object are reported together, not one mend at a time."""

    def test_the_three_mistake_document_reports_all_three(self) -> None:
        """The bad grade, the reversed dates and the number for a name, each at its path."""
        with pytest.raises(DocumentError) as info:
            loads_yaml(THREE_MISTAKES)
        paths = sorted(problem.path for problem in info.value.problems)
        assert paths == ["$.judgements[0].grade", "$.lead_inspector", "$.on_site_end"]
        (dates,) = (p for p in info.value.problems if p.path == "$.on_site_end")
        assert "must not be before the on-site start 2018-11-09" in dates

    def test_a_cross_field_mistake_inside_an_action_is_reported_beside_a_field_mistake(
        self,
    ) -> None:
        """A setback without a note (a cross-field rule) and a bad due date, in one action."""
        plan = to_dict(loads_yaml(new.template("action-plan"), ActionPlan))
        action = plan["actions"][0]
        action["due"] = "30/09/2019"
        action["history"].append({"on": "2019-02-01", "status": "planned", "setback": True})
        with pytest.raises(DocumentError) as info:
            from_dict(plan)
        paths = {problem.path for problem in info.value.problems}
        assert "$.actions[0].due" in paths
        assert "$.actions[0].history[1].note" in paths

    def test_a_valid_document_is_untouched_by_the_cross_field_pass(self) -> None:
        """The extra pass runs only on failure: a good document loads to the same value."""
        assert loads(dumps(INSPECTION_2018)) == INSPECTION_2018


class TestYamlBooleans:
    """Only true and false are booleans, as in YAML 1.2: ``on:`` is a key, ``yes`` is text."""

    def test_the_key_on_of_a_status_change_reads_as_text(self) -> None:
        """YAML 1.1 would read it as the boolean true and lose the date's key."""
        plan = loads_yaml(new.template("action-plan"), ActionPlan)
        assert plan.actions[0].history[0].on == pendulum.date(2019, 1, 7)

    def test_yes_for_a_boolean_is_refused_by_name(self) -> None:
        """A setback written as yes is a string, and the message says what was wanted."""
        text = new.template("action-plan").replace(
            "status: in_progress", "status: in_progress\n        setback: yes"
        )
        with pytest.raises(DocumentError) as info:
            loads_yaml(text)
        assert "$.actions[0].history[0].setback: expected true or false, got str 'yes'" in (
            info.value.problems
        )


def _field_names(cls: type, seen: set[type] | None = None) -> set[str]:
    """Every field name of an attrs class and the attrs classes it holds."""
    seen = set() if seen is None else seen
    if cls in seen:
        return set()
    seen.add(cls)
    names = set()
    for field in attrs.fields(cls):
        names.add(field.name)
        for arg in (
            typing.get_type_hints(cls)[field.name],
            *typing.get_args(typing.get_type_hints(cls)[field.name]),
        ):
            for inner in (arg, *typing.get_args(arg)):
                if isinstance(inner, type) and attrs.has(inner):
                    names |= _field_names(inner, seen)
    return names


class TestTemplates:
    """``ilacs new`` writes templates that load as they stand and show every key."""

    @pytest.mark.parametrize(
        ("kind", "model"), [("inspection", Inspection), ("action-plan", ActionPlan)]
    )
    def test_a_template_loads_and_validates_as_it_stands(
        self, kind: str, model: type, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Written to a file, it loads as its type and ilacs validate finds nothing."""
        path = tmp_path / "document.yaml"
        assert run_cli(capsys, "new", kind, "-o", str(path)).status == 0
        assert isinstance(loads_yaml(path.read_text(encoding="utf-8")), model)
        checked = run_cli(capsys, "validate", str(path))
        assert checked.status == 0, checked.out

    @pytest.mark.parametrize(
        ("kind", "model"), [("inspection", Inspection), ("action-plan", ActionPlan)]
    )
    def test_a_template_names_every_key_of_its_document(self, kind: str, model: type) -> None:
        """Each field of the model (and of what it holds) appears as a key, given or commented."""
        text = new.template(kind)
        # A plan's inspection has the inspection template's keys, which it points to.
        names = _field_names(model, seen={Inspection} if model is ActionPlan else None)
        missing = [name for name in names if f"{name}:" not in text]
        assert not missing

    @pytest.mark.parametrize("kind", ["inspection", "action-plan"])
    def test_a_template_with_every_optional_key_uncommented_loads(self, kind: str) -> None:
        """The commented keys are written as they must be: uncommented, each one reads."""
        text = re.sub(
            r"(?m)^(\s*)# (?=(?:\s*- )?[a-z_]+:(?: |$)|\s+[a-z_]+:(?: |$))",
            r"\1",
            new.template(kind),
        )
        assert text.count("\n#") < new.template(kind).count("\n#")
        document = to_dict(loads_yaml(text))
        if kind == "inspection":  # every key given a value
            assert "null" not in dumps(loads_yaml(text))
        else:
            (action,) = document["actions"]
            assert action["measures"][0]["observations"]
            assert action["milestones"][0]["completed"] == "2019-06-20"

    def test_the_inspection_template_lists_every_kind_and_grade_label(self) -> None:
        """The choices it offers are the enum's and the scale's, so they stay true."""
        text = new.template("inspection")
        assert all(kind.value in text for kind in InspectionKind)
        assert all(grade.label in text and grade.value in text for grade in Grade)

    def test_new_never_overwrites_a_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An existing file is a usage error (2), and is left as it was."""
        path = tmp_path / "plan.yaml"
        path.write_text("mine", encoding="utf-8")
        result = run_cli(capsys, "new", "action-plan", "-o", str(path))
        assert result.status == 2
        assert "already exists" in result.err
        assert path.read_text(encoding="utf-8") == "mine"

    def test_new_writes_to_stdout_without_o(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The template is printed for a pipe."""
        result = run_cli(capsys, "new", "inspection")
        assert result.status == 0
        assert result.out == new.template("inspection")

    def test_an_unknown_template_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The choices are named: an unknown one is a usage error."""
        assert run_cli(capsys, "new", "framework").status == 2


class TestShowingACollection:
    """``ilacs show`` on a collection gives each inspection's grades, with or without overall."""

    def test_an_inspection_without_overall_effectiveness_shows_its_judgements(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Under ilacs-2026 there is no overall judgement: the four judgements are shown."""
        graded = Inspection(
            authority=LocalAuthority(name="Haringey", urn=80498),
            kind=InspectionKind.STANDARD,
            on_site_start=pendulum.date(2026, 6, 1),
            judgements=tuple(
                Judgement(area=area, grade=Grade.GOOD)
                for area in ("leaders", "help_and_protection", "children_in_care", "care_leavers")
            ),
        )
        assert graded.framework == "ilacs-2026"
        path = tmp_path / "all.json"
        path.write_text(dumps((INSPECTION_2018, graded)), encoding="utf-8")
        result = run_cli(capsys, "show", str(path))
        assert result.status == 0
        first, second = result.out.splitlines()[1:]
        assert first.endswith("overall effectiveness Requires improvement to be good")
        assert "(ilacs-2026): " in second
        assert second.count("Good") == 4
