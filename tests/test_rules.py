"""Tests for ilacs.rules: the rule language, its engine, and every published ILACS outcome."""

import csv
import functools
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import (
    Framework,
    Grade,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    rules,
    strategies,
)
from ilacs.errors import GradeError, IlacsError, ValidationError
from ilacs.frameworks.grades import Outcome as Mark
from ilacs.rules import (
    Condition,
    GradeRange,
    Limit,
    Outcome,
    Rule,
    Shape,
    Status,
    Strength,
)

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
PAGE = ROOT / "docs" / "reference" / "rules.md"
REGENERATE = (
    ".venv/bin/python -c \"import ilacs.rules as r; open('docs/reference/rules.md', 'w',"
    " encoding='utf-8').write(r.reference_markdown())\""
)
BUILT_IN = ("sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026")
CQC = frameworks.load(ROOT / "examples" / "data" / "cqc-asc-legacy.json")
PACKS = (*(frameworks.get(framework_id) for framework_id in BUILT_IN), CQC)

OUT, GOOD, RI, INAD = Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE


def _inspection(framework: Framework, **grades: Mark) -> Inspection:
    """An inspection under ``framework`` with the judgements given as keywords."""
    return Inspection(
        authority=LocalAuthority(name="Anywhere"),
        kind=framework.graded_kinds()[0],
        on_site_start=framework.in_force_from,
        framework=framework.id,
        judgements=tuple(Judgement(area=area, grade=grade) for area, grade in grades.items()),
    )


def _with(inspection: Inspection, area: str, grade: Mark) -> Inspection:
    """The inspection with one judgement set to ``grade``."""
    grades = {**inspection.grades, area: grade}
    judgements = tuple(Judgement(area=a, grade=g) for a, g in grades.items())
    return attrs.evolve(inspection, judgements=judgements)


def _target(framework: Framework) -> str:
    """The judgement the framework's rules limit: overall, where there is one."""
    overall = framework.overall_area
    return framework.area_ids[0] if overall is None else overall.id


HARINGEY_2018 = _inspection(
    frameworks.get("ilacs-2018"),
    overall_effectiveness=RI,
    leaders=RI,
    help_and_protection=RI,
    children_in_care_and_care_leavers=RI,
)

# Strategies.


@st.composite
def framed_inspections(draw: st.DrawFn) -> tuple[Framework, Inspection]:
    """A pack (every built-in one and CQC's) and a fully graded inspection under it."""
    framework = draw(st.sampled_from(PACKS))
    return framework, draw(strategies.inspections(framework=framework, graded=True))


def _selectors(framework: Framework, target: str) -> list[str]:
    """Words a condition may use for the pack: none of them names the target."""
    roles = {area.role.value for area in framework.judgement_areas}
    clean_roles = [
        role
        for role in sorted(roles)
        if framework.area(target).role.value != role and role not in framework.area_ids
    ]
    return ["others", *clean_roles, *(a for a in framework.area_ids if a != target)]


def _count_named(framework: Framework, target: str, words: list[str]) -> int:
    """How many areas the words name: an oracle written apart from the engine."""
    named: set[str] = set()
    for word in words:
        if word == "others":
            named.update(a for a in framework.area_ids if a != target)
        elif word in framework.area_ids:
            named.add(word)
        else:
            named.update(a.id for a in framework.judgement_areas if a.role.value == word)
    return len(named)


@st.composite
def conditions(draw: st.DrawFn, framework: Framework, target: str) -> Condition:
    """A condition naming judgements other than the target, counting no more than it names."""
    words = draw(
        st.lists(
            st.sampled_from(_selectors(framework, target)), min_size=1, max_size=2, unique=True
        )
    )
    most = _count_named(framework, target, words)
    count = draw(st.integers(min_value=0, max_value=most))  # 0 stands for "all"
    grade = draw(st.none() | st.sampled_from(framework.grade_scale.members))
    return Condition(at_least=count or "all", of=tuple(words), grade=grade)


@st.composite
def limits(draw: st.DrawFn, framework: Framework, target: str) -> Limit:
    """A cap or floor of one or two conditions, its bound null exactly when a grade is."""
    when = tuple(draw(st.lists(conditions(framework, target), min_size=1, max_size=2)))
    each = any(condition.grade is None for condition in when)
    bound = None if each else draw(st.sampled_from(framework.grade_scale.members))
    return Limit(shape=draw(st.sampled_from(Shape)), when=when, bound=bound)


@st.composite
def frameworks_with_random_rules(draw: st.DrawFn) -> Framework:
    """A built-in or CQC pack with random rules, all limiting one target."""
    framework = draw(st.sampled_from(PACKS))
    target = draw(st.sampled_from(framework.area_ids))
    count = draw(st.integers(min_value=0, max_value=4))
    made = tuple(
        Rule(
            code=f"RANDOM-{number}",
            statement="A random rule.",
            strength=draw(st.sampled_from(Strength)),
            provenance="Generated by Hypothesis.",
            target=target,
            limits=tuple(draw(st.lists(limits(framework, target), min_size=1, max_size=3))),
        )
        for number in range(1, count + 1)
    )
    return attrs.evolve(framework, rules=made)


def _target_of_rules(framework: Framework) -> str:
    """The target of a pack's random rules."""
    return framework.rules[0].target if framework.rules else _target(framework)


# The rule language.

BASE_CONDITION = Condition(at_least=1, of=("practice",), grade=Grade.INADEQUATE)
BASE_LIMIT = Limit(shape=Shape.CAP, when=(BASE_CONDITION,), bound=Grade.INADEQUATE)
BASE_RULE = frameworks.get("ilacs-2018").rules[0]

INVALID_CONDITIONS = [
    ({"at_least": 0}, "'at_least' must be a whole number, 1 or more, or 'all' (got int 0)"),
    ({"at_least": True}, "'at_least' must be a whole number, 1 or more, or 'all' (got bool True)"),
    (
        {"at_least": "most"},
        "'at_least' must be a whole number, 1 or more, or 'all' (got str 'most')",
    ),
    ({"of": ()}, "'of' must not be empty (got tuple ())"),
    ({"of": ("Practice",)}, "'of[0]' must be an area id, a role or 'others' (got str 'Practice')"),
    ({"of": ("others", "others")}, "'of' must not repeat judgement 'others'"),
    (
        {"grade": "Good!"},
        "'grade' must be a grade (its value or label) or the snake_case id of an outcome on the framework's scale (got str 'Good!')",
    ),
]
INVALID_LIMITS = [
    ({"shape": "cap"}, "'shape' must be Shape (got str 'cap')"),
    ({"when": ()}, "'when' must not be empty (got tuple ())"),
    (
        {"bound": None},
        (
            "'bound' must be null when a condition's grade is null (each grade), and a grade"
            " otherwise (got NoneType None)"
        ),
    ),
    (
        {"when": (attrs.evolve(BASE_CONDITION, grade=None),)},
        (
            "'bound' must be null when a condition's grade is null (each grade), and a grade"
            " otherwise (got Grade <Grade.INADEQUATE: 'inadequate'>)"
        ),
    ),
]
INVALID_RULES = [
    (
        {"code": "ilacs-oe-1"},
        "'code' must be an upper-case code such as 'ILACS-OE-1' (got str 'ilacs-oe-1')",
    ),
    ({"statement": " "}, "'statement' must not be empty (got str ' ')"),
    ({"strength": "must"}, "'strength' must be Strength (got str 'must')"),
    ({"provenance": ""}, "'provenance' must not be empty (got str '')"),
    ({"target": "Overall"}, "'target' must be an area id or a role (got str 'Overall')"),
    ({"limits": ()}, "'limits' must not be empty (got tuple ())"),
]


def _rule(*, target: str = "overall", **condition: Any) -> Rule:  # noqa: ANN401
    """ILACS-OE-1 with its one condition changed."""
    changed = attrs.evolve(BASE_CONDITION, **condition)
    return attrs.evolve(
        BASE_RULE, target=target, limits=(attrs.evolve(BASE_LIMIT, when=(changed,)),)
    )


INVALID_FRAMEWORK_RULES = [
    (
        (_rule(of=("care_leavers",)),),
        (
            "rule 'ILACS-OE-1' names 'care_leavers', which is neither a judgement area of this"
            " framework (leaders, help_and_protection, children_in_care_and_care_leavers,"
            " overall_effectiveness) nor a role one has (leadership, practice, overall),"
            " nor 'others'"
        ),
    ),
    (
        (_rule(target="others"),),
        "rule 'ILACS-OE-1' has target 'others': a target names one judgement area",
    ),
    (
        (_rule(target="practice", of=("leaders",)),),
        (
            "rule 'ILACS-OE-1' has target 'practice', which names 2 judgement areas"
            " (help_and_protection, children_in_care_and_care_leavers): a target names one"
        ),
    ),
    (
        (_rule(of=("overall",)),),
        "rule 'ILACS-OE-1' limits 'overall_effectiveness' by its own grade (named in overall)",
    ),
    (
        (_rule(at_least=3),),
        "rule 'ILACS-OE-1' asks for at least 3 of practice, which name 2 judgement area(s)",
    ),
    ((BASE_RULE, BASE_RULE), "'rules' must not repeat rule code 'ILACS-OE-1'"),
]


_ILACS_2018 = frameworks.get("ilacs-2018")
_LEADERS_AS_PRACTICE = tuple(
    attrs.evolve(area, id="practice") if area.id == "leaders" else area
    for area in _ILACS_2018.judgement_areas
)
INVALID_AREA_SETUPS = [
    (
        _LEADERS_AS_PRACTICE,
        _rule(),
        (
            "rule 'ILACS-OE-1' names 'practice', which is both a judgement area and the role of"
            " help_and_protection, children_in_care_and_care_leavers: rename the area"
        ),
    ),
    (
        tuple(area for area in _ILACS_2018.judgement_areas if area.id == "overall_effectiveness"),
        _rule(of=("others",), at_least="all"),
        "rule 'ILACS-OE-1' names no judgement area in others",
    ),
]


class TestRuleLanguage:
    """Rules are plain data: validated on construction, loaded from and written to packs."""

    def test_ilacs_packs_carry_the_six_rules_of_the_domain_spec(self) -> None:
        """ilacs-2018 and ilacs-2023: rules 1 to 6, five must and one likely."""
        for framework_id in ("ilacs-2018", "ilacs-2023"):
            framework = frameworks.get(framework_id)
            assert [rule.code for rule in framework.rules] == [f"ILACS-OE-{n}" for n in range(1, 7)]
            strengths = [rule.strength for rule in framework.rules]
            assert strengths == [Strength.MUST] * 5 + [Strength.LIKELY]

    def test_sif_carries_its_automatic_rule_and_ilacs_2026_none(self) -> None:
        """SIF: any key judgement inadequate makes overall inadequate; 2026 has no overall."""
        (sif,) = frameworks.get("sif-2013").rules
        assert sif.code == "SIF-OE-1"
        assert sif.limits[0].when[0].of == (
            "help_and_protection",
            "looked_after_and_permanence",
            "leadership",
        )
        assert frameworks.get("ilacs-2026").rules == ()

    @pytest.mark.parametrize("framework", PACKS, ids=lambda f: f.id)
    def test_a_pack_round_trips_with_its_rules(self, framework: Framework) -> None:
        """to_dict then from_dict gives back the same framework, rules included."""
        assert frameworks.from_dict(frameworks.to_dict(framework)) == framework

    @pytest.mark.parametrize("framework_id", BUILT_IN)
    def test_the_rules_key_follows_inspection_kinds_in_the_pack_file(
        self, framework_id: str
    ) -> None:
        """The built-in pack files list "rules" right after "inspection_kinds"."""
        text = (
            ROOT / "src" / "ilacs" / "frameworks" / "builtin" / f"{framework_id}.json"
        ).read_text(encoding="utf-8")
        keys = list(json.loads(text))
        assert keys[keys.index("inspection_kinds") + 1] == "rules"

    @given(frameworks_with_random_rules())
    def test_random_rules_round_trip_through_the_pack_format(self, framework: Framework) -> None:
        """Any valid rules survive to_dict and from_dict exactly."""
        assert frameworks.from_dict(frameworks.to_dict(framework)) == framework

    @pytest.mark.parametrize(("change", "message"), INVALID_CONDITIONS)
    def test_an_invalid_condition_is_rejected(self, change: dict[str, Any], message: str) -> None:
        """attrs.evolve validates a condition again."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(BASE_CONDITION, **change)
        assert str(caught.value) == message

    @pytest.mark.parametrize(("change", "message"), INVALID_LIMITS)
    def test_an_invalid_limit_is_rejected(self, change: dict[str, Any], message: str) -> None:
        """A limit needs a shape, conditions, and a bound that agrees with their grades."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(BASE_LIMIT, **change)
        assert str(caught.value) == message

    @pytest.mark.parametrize(("change", "message"), INVALID_RULES)
    def test_an_invalid_rule_is_rejected(self, change: dict[str, Any], message: str) -> None:
        """A rule needs a code, words, a strength, a source, a target and limits."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(BASE_RULE, **change)
        assert str(caught.value) == message

    @pytest.mark.parametrize(("made", "message"), INVALID_FRAMEWORK_RULES)
    def test_a_framework_rejects_rules_that_name_what_it_lacks(
        self, made: tuple[Rule, ...], message: str
    ) -> None:
        """The error names the rule's code and the area or word at fault."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(frameworks.get("ilacs-2018"), rules=made)
        assert str(caught.value) == message

    @pytest.mark.parametrize(("areas", "rule", "message"), INVALID_AREA_SETUPS)
    def test_a_word_must_name_areas_without_ambiguity(
        self, areas: tuple[Any, ...], rule: Rule, message: str
    ) -> None:
        """An area id that is also another role, or 'others' with no other area, is an error."""
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(_ILACS_2018, judgement_areas=areas, rules=(rule,))
        assert str(caught.value) == message

    def test_a_pack_with_a_bad_count_fails_to_load_with_a_path(self) -> None:
        """Loading reports the path of a count that is neither a number nor 'all'."""
        pack = frameworks.to_dict(frameworks.get("sif-2013"))
        pack["rules"][0]["limits"][0]["when"][0]["at_least"] = "several"  # type: ignore[index]
        with pytest.raises(IlacsError) as caught:
            frameworks.from_dict(pack)
        assert "$.rules[0].limits[0].when[0].at_least" in str(caught.value)

    def test_rules_have_short_reprs(self) -> None:
        """A rule's repr names its code, strength, target and number of limits."""
        assert (
            repr(BASE_RULE) == "Rule(code='ILACS-OE-1', strength=must, target='overall', limits=1)"
        )


# Evaluation.

NOT_APPLICABLE_CASES = [
    (
        {"leaders": RI, "help_and_protection": INAD, "children_in_care_and_care_leavers": RI},
        "overall effectiveness",
    ),
    (
        {"overall_effectiveness": RI, "leaders": RI, "help_and_protection": INAD},
        "children in care and care leavers",
    ),
]


class TestEvaluate:
    """evaluate gives each rule's outcome, explained, for any framework."""

    def test_haringey_2018_holds_every_rule(self) -> None:
        """All four judgements Requires improvement to be good: nothing is breached."""
        outcomes = rules.evaluate(HARINGEY_2018)
        assert [o.code for o in outcomes] == [f"ILACS-OE-{n}" for n in range(1, 7)]
        assert {o.status for o in outcomes} == {Status.HELD}

    def test_haringey_2018_explanations_name_the_judgements_and_grades(self) -> None:
        """The explanations read like the rules."""
        by_code = {o.code: o.explanation for o in rules.evaluate(HARINGEY_2018)}
        assert by_code["ILACS-OE-1"] == (
            "none of the practice judgements is Inadequate, so the rule sets no limit on"
            " overall effectiveness"
        )
        assert by_code["ILACS-OE-2"] == (
            "the best of the other judgements is Requires improvement to be good; the worst of"
            " the other judgements is Requires improvement to be good, so overall effectiveness"
            " must be Requires improvement to be good; it is Requires improvement to be good"
        )
        assert by_code["ILACS-OE-4"] == (
            "leaders is Requires improvement to be good, so overall effectiveness must be at best"
            " Requires improvement to be good; it is Requires improvement to be good"
        )

    def test_a_breach_says_what_the_rule_requires_and_what_was_given(self) -> None:
        """An inadequate practice judgement with overall RI breaches ILACS-OE-1."""
        inspection = _with(HARINGEY_2018, "help_and_protection", INAD)
        (first, *_) = rules.evaluate(inspection)
        assert first.breached
        assert first.explanation == (
            "help and protection is Inadequate, so overall effectiveness must be Inadequate;"
            " it is Requires improvement to be good"
        )
        assert repr(first) == (
            "Outcome(rule='ILACS-OE-1', status=breached, explanation='help and protection is"
            " Inadequate, so overall effectiveness must be Inadequate; it is Requires improvement"
            " to be good')"
        )

    def test_the_best_of_the_others_caps_overall(self) -> None:
        """Outstanding overall above Good judgements breaches ILACS-OE-2, naming the best."""
        inspection = _inspection(
            frameworks.get("ilacs-2023"),
            overall_effectiveness=OUT,
            leaders=GOOD,
            help_and_protection=GOOD,
            children_in_care=RI,
            care_leavers=GOOD,
        )
        outcome = rules.evaluate(inspection)[1]
        assert outcome.status is Status.BREACHED
        assert outcome.explanation == (
            "the best of the other judgements is Good (leaders, help and protection, and care"
            " leavers), so overall effectiveness must be at best Good; it is Outstanding"
        )

    def test_a_likely_rule_says_likely(self) -> None:
        """Leaders inadequate and overall RI departs from ILACS-OE-6, a likely rule."""
        inspection = _with(HARINGEY_2018, "leaders", INAD)
        outcome = rules.evaluate(inspection)[-1]
        assert (outcome.status, outcome.strength) == (Status.BREACHED, Strength.LIKELY)
        assert outcome.explanation == (
            "leaders is Inadequate, so overall effectiveness is likely to be Inadequate;"
            " it is Requires improvement to be good"
        )

    def test_sif_leadership_inadequate_makes_overall_inadequate(self) -> None:
        """Under SIF, leadership counts: the automatic rule names it."""
        inspection = _inspection(
            frameworks.get("sif-2013"),
            overall_effectiveness=RI,
            help_and_protection=RI,
            looked_after_and_permanence=GOOD,
            adoption_performance=GOOD,
            care_leavers=GOOD,
            leadership=INAD,
        )
        (outcome,) = rules.evaluate(inspection)
        assert outcome.explanation == (
            "leadership is Inadequate, so overall effectiveness must be Inadequate;"
            " it is Requires improvement"
        )

    @pytest.mark.parametrize(("grades", "missing"), NOT_APPLICABLE_CASES)
    def test_a_missing_judgement_makes_a_rule_not_applicable(
        self, grades: dict[str, Grade], missing: str
    ) -> None:
        """The rule never guesses, even when the judgements it has would decide it."""
        inspection = _inspection(frameworks.get("ilacs-2018"), **grades)
        first = rules.evaluate(inspection)[0]
        assert first.status is Status.NOT_APPLICABLE
        assert first.explanation == f"not applicable: {missing} is not graded"

    def test_a_framework_may_be_given(self) -> None:
        """Evaluate uses the framework passed, not the one the inspection names."""
        assert rules.evaluate(HARINGEY_2018, frameworks.get("ilacs-2018")) == rules.evaluate(
            HARINGEY_2018
        )
        assert rules.evaluate(HARINGEY_2018, framework=frameworks.get("ilacs-2026")) == ()
        # Under ilacs-2023 the practice judgements differ: only the leaders rules apply.
        other = rules.evaluate(HARINGEY_2018, framework=frameworks.get("ilacs-2023"))
        assert [o.status for o in other] == [Status.NOT_APPLICABLE] * 3 + [Status.HELD] * 3

    @given(framed_inspections(), st.data())
    def test_evaluation_is_deterministic_and_independent_of_judgement_order(
        self, framed: tuple[Framework, Inspection], data: st.DataObject
    ) -> None:
        """Shuffling the judgements, or evaluating twice, changes nothing."""
        framework, inspection = framed
        shuffled = tuple(data.draw(st.permutations(inspection.judgements)))
        again = attrs.evolve(inspection, judgements=shuffled)
        first = rules.evaluate(inspection, framework)
        assert first == rules.evaluate(inspection, framework) == rules.evaluate(again, framework)
        assert all(isinstance(outcome, Outcome) for outcome in first)


# Permitted and expected grades.


def _is_contiguous(framework: Framework, grades: tuple[Mark, ...]) -> bool:
    scale = framework.grade_scale.members
    if not grades:
        return True
    start = scale.index(grades[0])
    return grades == scale[start : start + len(grades)]


def _must_breached(framework: Framework, inspection: Inspection) -> bool:
    return any(
        o.breached and o.strength is Strength.MUST for o in rules.evaluate(inspection, framework)
    )


class TestPermitted:
    """permitted gives the grades the must rules allow; expected narrows by the likely ones."""

    def test_haringey_2018_permits_only_requires_improvement_overall(self) -> None:
        """All four RI: overall must be RI (ILACS-OE-2 and ILACS-OE-4 say why)."""
        allowed = rules.permitted(HARINGEY_2018, "overall_effectiveness")
        assert allowed.grades == (RI,)
        assert [reason.split(" ", 1)[0] for reason in allowed.reasons] == [
            "ILACS-OE-2",
            "ILACS-OE-3",
            "ILACS-OE-4",
        ]
        assert allowed.reasons[2] == (
            "ILACS-OE-4 rules out Outstanding and Good: leaders is Requires improvement to be"
            " good, so overall effectiveness must be at best Requires improvement to be good"
        )
        assert rules.expected(HARINGEY_2018, "overall_effectiveness") == allowed

    def test_a_missing_overall_judgement_can_be_asked_about(self) -> None:
        """Without an overall grade, permitted says what it could be."""
        inspection = _inspection(
            frameworks.get("ilacs-2023"),
            leaders=OUT,
            help_and_protection=OUT,
            children_in_care=GOOD,
            care_leavers=OUT,
        )
        assert rules.permitted(inspection, "overall_effectiveness").grades == (OUT, GOOD)

    def test_the_other_judgements_may_be_asked_about_too(self) -> None:
        """Haringey 2023: overall Good needs leaders at least Good (ILACS-OE-4 and -5)."""
        inspection = _inspection(
            frameworks.get("ilacs-2023"),
            overall_effectiveness=GOOD,
            leaders=GOOD,
            help_and_protection=GOOD,
            children_in_care=RI,
            care_leavers=GOOD,
        )
        allowed = rules.permitted(inspection, "leaders")
        assert allowed.grades == (OUT, GOOD)
        assert allowed.reasons == (
            "ILACS-OE-4 rules out Requires improvement to be good and Inadequate",
            "ILACS-OE-5 rules out Inadequate",
        )

    def test_a_framework_without_rules_permits_its_whole_scale(self) -> None:
        """ilacs-2026 has no overall judgement and no rules."""
        framework = frameworks.get("ilacs-2026")
        inspection = _inspection(framework, leaders=INAD)
        assert rules.permitted(inspection, "leaders").grades == framework.grade_scale.members

    def test_an_unknown_area_is_an_error_naming_the_areas(self) -> None:
        """Asking about a judgement the framework lacks is a ValidationError."""
        with pytest.raises(ValidationError, match="has no judgement area 'overall'"):
            rules.permitted(HARINGEY_2018, "overall")

    def test_expected_follows_the_likely_rule(self) -> None:
        """Leaders inadequate: RI or inadequate permitted, inadequate expected."""
        inspection = _with(HARINGEY_2018, "leaders", INAD)
        assert rules.permitted(inspection, "overall_effectiveness").grades == (RI, INAD)
        expected = rules.expected(inspection, "overall_effectiveness")
        assert expected.grades == (INAD,)
        assert expected.reasons[-1].startswith("ILACS-OE-6 rules out Outstanding, Good, and")

    def test_expected_falls_back_to_permitted_and_says_so(self) -> None:
        """Likely rules that contradict the must rules are set aside, with a note."""
        always = Condition(at_least=1, of=("leadership",), grade=INAD)
        contrary = Rule(
            code="TRIAL-1",
            statement="Overall is likely Outstanding.",
            strength=Strength.LIKELY,
            provenance="A test.",
            target="overall",
            limits=(Limit(shape=Shape.FLOOR, when=(always,), bound=OUT),),
        )
        pack = frameworks.get("ilacs-2018")
        framework = attrs.evolve(pack, rules=(*pack.rules, contrary))
        expected = rules.expected(HARINGEY_2018, "overall_effectiveness", framework)
        assert expected.grades == (RI,)
        assert expected.note == (
            "the likely rules (ILACS-OE-6 and TRIAL-1) allow none of the permitted grades,"
            " so these are the permitted grades"
        )
        assert repr(expected) == (
            "GradeRange(area='overall_effectiveness', grades=[requires_improvement],"
            f" note={expected.note!r})"
        )

    def test_no_grade_is_permitted_when_the_others_already_break_a_rule(self) -> None:
        """Overall Outstanding over an inadequate practice judgement: leaders cannot mend it."""
        inspection = _with(
            _with(HARINGEY_2018, "overall_effectiveness", OUT), "help_and_protection", INAD
        )
        assert rules.permitted(inspection, "leaders").grades == ()
        assert rules.expected(inspection, "leaders") == rules.permitted(inspection, "leaders")

    def test_a_grade_range_reports_its_ends(self) -> None:
        """The ends are best and worst; an empty range has neither."""
        assert GradeRange(area="leaders", grades=()).best is None
        assert GradeRange(area="leaders", grades=()).worst is None
        assert RI in GradeRange(area="leaders", grades=(GOOD, RI))

    @given(framed_inspections())
    def test_permitted_is_never_empty_and_contiguous(
        self, framed: tuple[Framework, Inspection]
    ) -> None:
        """The packs' must rules always leave a run of grades for the target."""
        framework, inspection = framed
        allowed = rules.permitted(inspection, _target(framework), framework)
        assert allowed.grades
        assert _is_contiguous(framework, allowed.grades)

    @given(framed_inspections())
    def test_expected_is_within_permitted_without_a_fall_back(
        self, framed: tuple[Framework, Inspection]
    ) -> None:
        """The packs' likely rules never contradict their must rules."""
        framework, inspection = framed
        target = _target(framework)
        expected = rules.expected(inspection, target, framework)
        assert expected.note is None
        assert expected.grades
        assert set(expected.grades) <= set(rules.permitted(inspection, target, framework).grades)
        assert _is_contiguous(framework, expected.grades)

    @given(framed_inspections(), st.data())
    def test_a_worse_other_judgement_never_permits_a_better_target(
        self, framed: tuple[Framework, Inspection], data: st.DataObject
    ) -> None:
        """Monotonic: lowering any other judgement never raises either end of the range."""
        framework, inspection = framed
        target = _target(framework)
        other = data.draw(st.sampled_from([a for a in framework.area_ids if a != target]))
        current = inspection.grades[other]
        worse = data.draw(
            st.sampled_from([g for g in framework.grade_scale.members if g <= current])
        )
        lowered = _with(inspection, other, worse)
        for narrow in (rules.permitted, rules.expected):
            before = narrow(inspection, target, framework)
            after = narrow(lowered, target, framework)
            assert after.best is not None
            assert before.best is not None
            assert after.best <= before.best
            assert after.worst is not None
            assert before.worst is not None
            assert after.worst <= before.worst

    @given(st.sampled_from(PACKS), st.data())
    def test_when_every_other_judgement_has_one_grade_that_grade_is_permitted(
        self, framework: Framework, data: st.DataObject
    ) -> None:
        """Others all at one grade: that grade is permitted, and expected."""
        grade = data.draw(st.sampled_from(framework.grade_scale.members))
        target = _target(framework)
        grades = {area: grade for area in framework.area_ids if area != target}
        grades[target] = data.draw(st.sampled_from(framework.grade_scale.members))
        inspection = _inspection(framework, **grades)
        assert grade in rules.permitted(inspection, target, framework)
        assert grade in rules.expected(inspection, target, framework)

    @given(framed_inspections())
    def test_a_grade_is_permitted_exactly_when_no_must_rule_is_breached_by_it(
        self, framed: tuple[Framework, Inspection]
    ) -> None:
        """The permitted grades agree with evaluate, grade by grade."""
        framework, inspection = framed
        target = _target(framework)
        allowed = rules.permitted(inspection, target, framework)
        for grade in framework.grade_scale.members:
            breached = _must_breached(framework, _with(inspection, target, grade))
            assert (grade in allowed) is not breached


class TestAnyRules:
    """The engine knows no framework: its guarantees hold for rules made at random."""

    @given(frameworks_with_random_rules(), st.data())
    def test_permitted_is_contiguous_and_agrees_with_evaluate(
        self, framework: Framework, data: st.DataObject
    ) -> None:
        """Caps and floors only ever cut the scale from its ends."""
        inspection = data.draw(strategies.inspections(framework=framework, graded=True))
        target = _target_of_rules(framework)
        allowed = rules.permitted(inspection, target, framework)
        assert _is_contiguous(framework, allowed.grades)
        for grade in framework.grade_scale.members:
            breached = _must_breached(framework, _with(inspection, target, grade))
            assert (grade in allowed) is not breached
        for area in framework.area_ids:
            assert _is_contiguous(framework, rules.permitted(inspection, area, framework).grades)

    @given(frameworks_with_random_rules(), st.data())
    def test_a_worse_other_judgement_never_permits_a_better_target(
        self, framework: Framework, data: st.DataObject
    ) -> None:
        """Every cap and floor is monotonic in the judgements it counts."""
        inspection = data.draw(strategies.inspections(framework=framework, graded=True))
        target = _target_of_rules(framework)
        other = data.draw(st.sampled_from([a for a in framework.area_ids if a != target]))
        worse = data.draw(
            st.sampled_from(
                [g for g in framework.grade_scale.members if g <= inspection.grades[other]]
            )
        )
        before = rules.permitted(inspection, target, framework)
        after = rules.permitted(_with(inspection, other, worse), target, framework)
        if before.grades and after.grades:
            assert after.best is not None
            assert before.best is not None
            assert after.best <= before.best
            assert after.worst is not None
            assert before.worst is not None
            assert after.worst <= before.worst


# The national record.

# Community file columns, each with the judgement labels it may stand for; the
# framework in force says which one it is.
COMMUNITY_COLUMNS = {
    "overall_effectiveness_grade": ("Overall effectiveness",),
    "impact_of_leaders_grade": (
        "The impact of leaders on social work practice with children and families",
    ),
    "help_and_protection_grade": (
        "The experiences and progress of children who need help and protection",
    ),
    "in_care_grade": (
        "The experiences and progress of children in care",
        "The experiences and progress of children in care and care leavers",
    ),
    "care_leavers_grade": ("The experiences and progress of care leavers",),
}
# Ofsted's official statistics print the 2023 wording for the combined 2018 judgement.
OFFICIAL_ALTERNATIVES = {
    "The experiences and progress of children in care": (
        "The experiences and progress of children in care and care leavers",
    ),
}
# Every cell of the community file's grade columns that is not a grade.
COMMUNITY_NON_GRADES = {
    "",
    "data_unreadable",
    "inspection_pre_dates_judgement",
    "not_reported_post_reform",
    "to requires improvement",
}


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _day_month_year(text: str) -> pendulum.Date:
    day, month, year = (int(part) for part in text.split("/"))
    return pendulum.date(year + 2000 if year < 100 else year, month, day)


def _grade(cell: str) -> Grade | None:
    try:
        return Grade.parse(cell)
    except GradeError:
        assert cell in COMMUNITY_NON_GRADES, cell
        return None


def _area(framework: Framework, labels: tuple[str, ...]) -> str | None:
    for label in labels:
        try:
            return framework.area_for_label(label).id
        except ValidationError:
            continue
    return None


def _kind(text: str) -> InspectionKind:
    return InspectionKind.SHORT if "short" in text.lower() else InspectionKind.STANDARD


def _built(
    name: str, kind: InspectionKind, start: pendulum.Date, grades: Mapping[str, Grade]
) -> Inspection:
    return Inspection(
        authority=LocalAuthority(name=name),
        kind=kind,
        on_site_start=start,
        framework=frameworks.for_date(start).id,
        judgements=tuple(Judgement(area=area, grade=grade) for area, grade in grades.items()),
    )


def _official() -> Iterator[Inspection]:
    for row in _read("ofsted_mi_ilacs_history_2018_2025.csv"):
        start = pendulum.Date.fromisoformat(row["Inspection date"])
        framework = frameworks.for_date(start)
        grades = {}
        for header in list(row)[8:]:
            area = _area(framework, (header, *OFFICIAL_ALTERNATIVES.get(header, ())))
            if area is None:
                assert not row[header], (row, header)
            elif row[header]:
                grades[area] = Grade.parse(row[header])
        yield _built(row["Local authority name"], _kind(row["Inspection type"]), start, grades)


def _community() -> Iterator[Inspection]:
    # Three rows lack their fieldwork dates: the official statistics give them.
    starts = {
        (row["Local authority name"].casefold(), row["Publication date"]): row["Inspection date"]
        for row in _read("ofsted_mi_ilacs_history_2018_2025.csv")
    }
    for row in _read("ofsted_csc_ilacs_history.csv"):
        published = _day_month_year(row["publication_date"]).isoformat()
        cells = {column: _grade(row[column]) for column in COMMUNITY_COLUMNS}
        if row["inspection_start_date"]:
            start = _day_month_year(row["inspection_start_date"])
        elif (row["local_authority"], published) in starts:
            start = pendulum.Date.fromisoformat(starts[row["local_authority"], published])
        else:
            # SIF-era rows: neither dates nor readable grades.
            assert not any(cells.values()), row
            continue
        framework = frameworks.for_date(start)
        grades = {}
        for column, labels in COMMUNITY_COLUMNS.items():
            area = _area(framework, labels)
            grade = cells[column]
            if area is not None and grade is not None:
                grades[area] = grade
        yield _built(row["local_authority"], _kind(row["inspection_framework"]), start, grades)


def _fully_graded(inspections: Iterator[Inspection]) -> list[Inspection]:
    """The reports with every judgement of their framework, overall effectiveness included."""
    return [
        inspection
        for inspection in inspections
        if (framework := inspection.framework_pack()).overall_area is not None
        and set(inspection.grades) == set(framework.area_ids)
    ]


@functools.cache
def _record(source: str) -> list[Inspection]:
    """The fully graded reports of one national file, read once."""
    return _fully_graded(_community() if source == "community" else _official())


# Leaders inadequate, overall Requires improvement to be good: the published exceptions.
COMMUNITY_EXCEPTIONS = {
    ("herefordshire", pendulum.date(2018, 6, 11)),
    ("doncaster", pendulum.date(2022, 2, 14)),
    ("slough", pendulum.date(2023, 1, 23)),
}
# Bournemouth no longer exists (Bournemouth, Christchurch and Poole from 2019), so the
# community record of today's authorities lacks it; Ofsted's statistics keep it.
OFFICIAL_EXCEPTIONS = {*COMMUNITY_EXCEPTIONS, ("bournemouth", pendulum.date(2018, 7, 16))}


class TestNationalRecord:
    """Every published ILACS outcome, from both national files, meets the must rules."""

    def test_the_record_has_the_308_fully_graded_reports_of_the_domain_spec(self) -> None:
        """308 community reports (three dated from the official file); 271 official ones."""
        assert len(_record("community")) == 308
        assert len(_record("official")) == 271
        assert {i.framework for i in _record("community")} == {"ilacs-2018", "ilacs-2023"}

    def test_the_misparsed_cells_are_grade_errors(self) -> None:
        """'to requires improvement' is not a grade, so those two reports are not fully graded."""
        rows = _read("ofsted_csc_ilacs_history.csv")
        bad = [row for row in rows if row["help_and_protection_grade"] == "to requires improvement"]
        assert [row["local_authority"] for row in bad] == ["nottingham", "southend-on-sea"]
        with pytest.raises(GradeError):
            Grade.parse("to requires improvement")

    @pytest.mark.parametrize("source", ["community", "official"])
    def test_no_published_report_breaches_a_must_rule(self, source: str) -> None:
        """Not one of them: the must rules have no published exception."""
        record = _record(source)
        breaches = [
            (source, i.authority.name, i.on_site_start, o.code, o.explanation)
            for i in record
            for o in rules.evaluate(i)
            if o.breached and o.strength is Strength.MUST
        ]
        assert breaches == []
        assert not [
            o for i in record for o in rules.evaluate(i) if o.status is Status.NOT_APPLICABLE
        ]

    @pytest.mark.parametrize(
        ("source", "exceptions", "cases"),
        [("community", COMMUNITY_EXCEPTIONS, 28), ("official", OFFICIAL_EXCEPTIONS, 29)],
    )
    def test_the_likely_rule_reports_exactly_the_published_exceptions(
        self, source: str, exceptions: set[tuple[str, pendulum.Date]], cases: int
    ) -> None:
        """Leaders inadequate: 25 overall inadequate, the rest RI, each pinned by name and date."""
        record = _record(source)
        leaders_inadequate = [i for i in record if i.grade("leaders") is INAD]
        assert len(leaders_inadequate) == cases
        departures = {
            (i.authority.name.casefold(), i.on_site_start)
            for i in record
            for o in rules.evaluate(i)
            if o.breached and o.code == "ILACS-OE-6"
        }
        assert departures == exceptions
        assert len(leaders_inadequate) - len(departures) == 25

    def test_haringey_2018_in_the_record_is_all_requires_improvement(self) -> None:
        """The record agrees with the council's report, and every rule holds."""
        (haringey,) = [
            i
            for i in _record("community")
            if i.authority.name == "haringey" and i.on_site_start == pendulum.date(2018, 10, 29)
        ]
        assert set(haringey.grades.values()) == {RI}
        assert {o.status for o in rules.evaluate(haringey)} == {Status.HELD}
        assert rules.permitted(haringey, "overall_effectiveness").grades == (RI,)


# A second framework shape: CQC adult social care, from data alone.


def _cqc(*ratings: Grade) -> Inspection:
    """A CQC service: five key questions in the pack's order, then overall."""
    return _inspection(CQC, **dict(zip(CQC.area_ids, ratings, strict=True)))


class TestCqcPack:
    """CQC's aggregation principles, as likely rules: expected narrows, permitted does not."""

    def test_the_pack_loads_as_data_alone(self) -> None:
        """Its own series, five key questions and overall, four likely rules."""
        assert CQC.series == "cqc-adult-social-care"
        assert CQC.area_ids == (
            "safe",
            "effective",
            "caring",
            "responsive",
            "well_led",
            "overall_rating",
        )
        assert CQC.graded_kinds() == (InspectionKind.STANDARD,)
        assert [rule.code for rule in CQC.rules] == [
            "CQC-ASC-3",
            "CQC-ASC-4",
            "CQC-ASC-5",
            "CQC-ASC-6",
        ]
        assert {rule.strength for rule in CQC.rules} == {Strength.LIKELY}

    @given(st.lists(st.sampled_from(Grade), min_size=6, max_size=6))
    def test_every_rating_is_permitted_since_cqc_says_normally(self, ratings: list[Grade]) -> None:
        """No CQC principle is a must."""
        inspection = _cqc(*ratings)
        assert rules.permitted(inspection, "overall_rating", CQC).grades == CQC.grade_scale.members

    @pytest.mark.parametrize(
        ("ratings", "outstanding"),
        [
            ((OUT, OUT, GOOD, GOOD, GOOD), True),
            ((OUT, GOOD, GOOD, GOOD, GOOD), False),
            ((OUT, OUT, OUT, OUT, RI), False),
        ],
    )
    def test_outstanding_normally_needs_two_outstanding_and_the_rest_good(
        self, ratings: tuple[Grade, ...], outstanding: bool
    ) -> None:
        """Principle 3: CQC-ASC-3."""
        inspection = _cqc(*ratings, OUT)
        assert (OUT in rules.expected(inspection, "overall_rating", CQC)) is outstanding
        outcome = rules.evaluate(inspection, CQC)[0]
        assert outcome.code == "CQC-ASC-3"
        assert outcome.breached is not outstanding

    @pytest.mark.parametrize(
        ("ratings", "expected"),
        [
            ((GOOD, GOOD, GOOD, GOOD, GOOD), (GOOD,)),
            ((RI, GOOD, GOOD, GOOD, GOOD), (GOOD,)),
            ((OUT, OUT, GOOD, GOOD, RI), (GOOD,)),
            ((OUT, OUT, GOOD, GOOD, INAD), (RI, INAD)),
            ((RI, GOOD, GOOD, RI, GOOD), (RI, INAD)),
        ],
    )
    def test_good_needs_no_inadequate_and_at_most_one_requires_improvement(
        self, ratings: tuple[Grade, ...], expected: tuple[Grade, ...]
    ) -> None:
        """Principle 4: CQC-ASC-4, both when good is given and what it needs."""
        inspection = _cqc(*ratings, GOOD)
        assert rules.expected(inspection, "overall_rating", CQC).grades == expected
        outcome = rules.evaluate(inspection, CQC)[1]
        assert outcome.code == "CQC-ASC-4"
        assert outcome.breached is (GOOD not in expected)

    def test_two_requires_improvement_give_requires_improvement(self) -> None:
        """Principle 5: CQC-ASC-5, explained."""
        inspection = _cqc(RI, GOOD, OUT, RI, GOOD, GOOD)
        outcome = rules.evaluate(inspection, CQC)[2]
        assert outcome.code == "CQC-ASC-5"
        assert outcome.explanation == (
            "2 of the other judgements are at or below Requires improvement (safe and responsive"
            " are Requires improvement), so overall rating is likely to be at best Requires"
            " improvement; it is Good"
        )
        assert rules.expected(inspection, "overall_rating", CQC).grades == (RI, INAD)

    def test_two_inadequate_give_inadequate(self) -> None:
        """Principle 6: CQC-ASC-6."""
        inspection = _cqc(INAD, GOOD, GOOD, INAD, GOOD, RI)
        outcome = rules.evaluate(inspection, CQC)[3]
        assert (outcome.code, outcome.breached) == ("CQC-ASC-6", True)
        assert rules.expected(inspection, "overall_rating", CQC).grades == (INAD,)

    def test_the_example_prints_each_outcome_and_the_overall_ratings(self) -> None:
        """examples/cqc_aggregation.py loads, registers and explains, knowing nothing of CQC."""
        result = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "cqc_aggregation.py")],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        out = result.stdout
        assert "(cqc-asc-legacy): 4 rules" in out
        assert "  CQC-ASC-5 breached: 2 of the other judgements" in out
        assert "  expected overall: Outstanding, Good" in out
        assert "  permitted overall: Outstanding, Good, Requires improvement, Inadequate" in out
        assert (
            "cqc" not in (ROOT / "src" / "ilacs" / "rules.py").read_text(encoding="utf-8").lower()
        )


# The reference page.


class TestReferencePage:
    """docs/reference/rules.md is generated from the packs and kept up to date."""

    def test_the_committed_page_is_what_the_packs_generate(self) -> None:
        """Regenerate the page whenever a pack's rules change."""
        generated = rules.reference_markdown(  # every built-in pack, of every series
            framework for framework in frameworks.all() if framework.series != "trial"
        )
        if PAGE.read_text(encoding="utf-8") != generated:
            pytest.fail(
                "docs/reference/rules.md differs from the rules in the packs; regenerate it"
                f" from the repository's root with:\n{REGENERATE}"
            )

    def test_the_page_has_a_title_every_rule_and_no_prompts(self) -> None:
        """A MyST page: a title first, each rule a heading, no '>>>' lines."""
        text = PAGE.read_text(encoding="utf-8")
        assert text.splitlines()[0] == "# Grading rules"
        for framework_id in BUILT_IN:
            for rule in frameworks.get(framework_id).rules:
                assert f"### {rule.code}\n\n{rule.statement}\n" in text
        assert "This framework has no grading rules." in text
        assert not [line for line in text.splitlines() if line.lstrip().startswith(">>>")]
