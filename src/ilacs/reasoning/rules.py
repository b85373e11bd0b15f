"""Grading rules: evaluate them, explain them, and say which grades they allow.

A framework pack carries its grading rules as data (see :class:`Rule`): each limits
one judgement by caps ("if at least *n* of these judgements are at or below *G*, it
is at best *H*") and floors (the mirror). This module knows no framework of its
own, so it works for any pack: any judgement areas, any grade scale. Under ILACS,
overall effectiveness is limited by the other judgements:

>>> import pendulum
>>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority, rules
>>> RI = Grade.REQUIRES_IMPROVEMENT
>>> inspection = Inspection(
...     authority=LocalAuthority(name="Haringey"),
...     kind=InspectionKind.STANDARD,
...     on_site_start=pendulum.date(2018, 10, 29),
...     judgements=(
...         Judgement(area="overall_effectiveness", grade=RI),
...         Judgement(area="leaders", grade=RI),
...         Judgement(area="help_and_protection", grade=Grade.INADEQUATE),
...         Judgement(area="children_in_care_and_care_leavers", grade=RI),
...     ),
... )
>>> [outcome.status.value for outcome in rules.evaluate(inspection)]
['breached', 'held', 'held', 'held', 'held', 'held']
>>> print(rules.evaluate(inspection)[0].explanation)
help and protection is Inadequate, so overall effectiveness must be Inadequate; it is Requires improvement to be good
>>> rules.permitted(inspection, "overall_effectiveness")
GradeRange(area='overall_effectiveness', grades=[inadequate])

Every rule's outcome is held, breached or not applicable (a judgement it needs is
missing: the rule never guesses). ``must`` rules have no exception; ``likely``
rules are professional judgements with known exceptions, so :func:`permitted`
follows only the ``must`` rules and :func:`expected` the ``likely`` ones too.
"""

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.frameworks.grades import Grade, outcome_value
from ilacs.frameworks.grades import Outcome as Mark
from ilacs.frameworks.grading_rules import (
    ALL,
    OTHERS,
    Condition,
    Limit,
    Rule,
    Shape,
    Strength,
    select,
    target_of,
)
from ilacs.frameworks.pack import Framework, JudgementArea
from ilacs.model.inspections import Inspection

__all__ = [
    "ALL",
    "OTHERS",
    "Condition",
    "GradeRange",
    "Limit",
    "Outcome",
    "Rule",
    "RuleStatus",
    "Shape",
    "Status",
    "Strength",
    "evaluate",
    "expected",
    "permitted",
    "reference_markdown",
]


class RuleStatus(enum.Enum):
    """What a rule found in one inspection.

    >>> RuleStatus("not_applicable")
    <RuleStatus.NOT_APPLICABLE: 'not_applicable'>
    """

    #: The judgements meet the rule (or it sets no limit on them).
    HELD = "held"
    #: The target's grade lies outside what the rule allows.
    BREACHED = "breached"
    #: A judgement the rule needs was not given, so the rule says nothing.
    NOT_APPLICABLE = "not_applicable"


Status = RuleStatus
"""The earlier name of :class:`RuleStatus`, kept for code that uses it."""


@attrs.frozen(kw_only=True, repr=False)
class Outcome:
    """One rule's outcome for one inspection, with an explanation in plain English.

    Attributes:
        rule: the rule evaluated.
        status: held, breached or not applicable.
        explanation: names the judgements and grades that decided it.

    >>> from ilacs import frameworks
    >>> rule = frameworks.get("ilacs-2018").rules[0]
    >>> Outcome(rule=rule, status=RuleStatus.HELD, explanation="no limit")
    Outcome(rule='ILACS-OE-1', status=held, explanation='no limit')
    """

    rule: Rule = attrs.field(validator=v.instance_of(Rule))
    status: RuleStatus = attrs.field(validator=v.instance_of(RuleStatus))
    explanation: str = attrs.field(validator=v.text)

    def __repr__(self) -> str:
        return (
            f"Outcome(rule={self.rule.code!r}, status={self.status.value},"
            f" explanation={self.explanation!r})"
        )

    @property
    def code(self) -> str:
        """The rule's code."""
        return self.rule.code

    @property
    def strength(self) -> Strength:
        """The rule's strength (a ``must`` breach is an error, a ``likely`` one information)."""
        return self.rule.strength

    @property
    def breached(self) -> bool:
        """True when the rule is breached."""
        return self.status is RuleStatus.BREACHED


@attrs.frozen(kw_only=True, repr=False)
class GradeRange:
    """The grades the rules allow one judgement, best first, and why.

    The grades are a contiguous run of the framework's scale (caps and floors can
    only cut it from either end). It is empty only when the other judgements
    already break a rule whatever this one is.

    Attributes:
        area: the judgement area's id.
        grades: the grades allowed, best first.
        reasons: one line for each rule that rules some grade out.
        note: a remark on how the range was reached, such as a fall-back.

    >>> allowed = GradeRange(
    ...     area="overall_effectiveness", grades=(Grade.GOOD, Grade.REQUIRES_IMPROVEMENT)
    ... )
    >>> allowed
    GradeRange(area='overall_effectiveness', grades=[good, requires_improvement])
    >>> Grade.GOOD in allowed, allowed.best, allowed.worst
    (True, <Grade.GOOD: 'good'>, <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>)
    """

    area: str = attrs.field(validator=v.text)
    grades: tuple[Mark, ...] = attrs.field(validator=v.tuple_of(v.instance_of((Grade, str))))
    reasons: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __repr__(self) -> str:
        grades = ", ".join(outcome_value(grade) for grade in self.grades)
        note = "" if self.note is None else f", note={self.note!r}"
        return f"GradeRange(area={self.area!r}, grades=[{grades}]{note})"

    def __contains__(self, grade: object) -> bool:
        return grade in self.grades

    @property
    def best(self) -> Mark | None:
        """The best grade allowed, or None when none is."""
        return self.grades[0] if self.grades else None

    @property
    def worst(self) -> Mark | None:
        """The worst grade allowed, or None when none is."""
        return self.grades[-1] if self.grades else None


def evaluate(inspection: Inspection, framework: Framework | None = None) -> tuple[Outcome, ...]:
    """Every grading rule's outcome for an inspection, in the framework's order.

    ``framework`` defaults to the one the inspection names. Judgements the framework
    does not have are ignored; a rule that needs a judgement the inspection lacks
    is not applicable.

    >>> import pendulum
    >>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Anywhere"),
    ...     kind=InspectionKind.SHORT,
    ...     on_site_start=pendulum.date(2024, 1, 8),
    ...     judgements=(Judgement(area="leaders", grade=Grade.INADEQUATE),),
    ... )
    >>> evaluate(inspection)[-1]
    Outcome(rule='ILACS-OE-6', status=not_applicable, explanation='not applicable: overall effectiveness is not graded')
    """
    framework = inspection.framework_pack() if framework is None else framework
    grades = _on_scale(inspection, framework)
    return tuple(_assess(rule, grades, framework).outcome for rule in framework.rules)


def permitted(inspection: Inspection, area: str, framework: Framework | None = None) -> GradeRange:
    """The grades the ``must`` rules allow for one judgement, given the others.

    A grade is permitted when, with the judgement at that grade and the others as
    given, no ``must`` rule that names the judgement is breached. With no such rule
    every grade of the scale is permitted.

    >>> import pendulum
    >>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Anywhere"),
    ...     kind=InspectionKind.SHORT,
    ...     on_site_start=pendulum.date(2024, 1, 8),
    ...     judgements=tuple(
    ...         Judgement(area=area, grade=Grade.GOOD)
    ...         for area in ("leaders", "help_and_protection", "children_in_care", "care_leavers")
    ...     ),
    ... )
    >>> permitted(inspection, "overall_effectiveness")
    GradeRange(area='overall_effectiveness', grades=[good])
    """
    framework = inspection.framework_pack() if framework is None else framework
    return _range(_on_scale(inspection, framework), area, framework, (Strength.MUST,))


def expected(inspection: Inspection, area: str, framework: Framework | None = None) -> GradeRange:
    """The grades the ``must`` and ``likely`` rules together allow for one judgement.

    Where the ``likely`` rules would allow none of the permitted grades, the
    permitted grades are given, with a note saying so. Where the ``must`` rules
    allow none (the other judgements already break one), neither does this.

    >>> import pendulum
    >>> from ilacs import Grade, Inspection, InspectionKind, Judgement, LocalAuthority
    >>> grades = {
    ...     "leaders": Grade.INADEQUATE,
    ...     "help_and_protection": Grade.REQUIRES_IMPROVEMENT,
    ...     "children_in_care_and_care_leavers": Grade.GOOD,
    ... }
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Anywhere"),
    ...     kind=InspectionKind.STANDARD,
    ...     on_site_start=pendulum.date(2019, 1, 7),
    ...     judgements=tuple(Judgement(area=a, grade=g) for a, g in grades.items()),
    ... )
    >>> permitted(inspection, "overall_effectiveness")
    GradeRange(area='overall_effectiveness', grades=[requires_improvement, inadequate])
    >>> expected(inspection, "overall_effectiveness")
    GradeRange(area='overall_effectiveness', grades=[inadequate])
    """
    framework = inspection.framework_pack() if framework is None else framework
    grades = _on_scale(inspection, framework)
    narrowed = _range(grades, area, framework, (Strength.MUST, Strength.LIKELY))
    if narrowed.grades:
        return narrowed
    fallback = _range(grades, area, framework, (Strength.MUST,))
    if not fallback.grades:
        return fallback
    likely = [r.code for r in framework.rules if r.strength is Strength.LIKELY]
    note = (
        f"the likely rules ({_join(likely)}) allow none of the permitted grades,"
        " so these are the permitted grades"
    )
    return attrs.evolve(fallback, reasons=narrowed.reasons, note=note)


# Run from the repository's root, this rewrites docs/reference/rules.md.
_REGENERATE = (
    ".venv/bin/python -c \"import ilacs.rules as r; open('docs/reference/rules.md', 'w',"
    " encoding='utf-8').write(r.reference_markdown())\""
)


def reference_markdown(packs: Iterable[Framework] | None = None) -> str:
    """The rules reference page, in MyST Markdown: every rule of every framework given.

    ``packs`` defaults to every registered framework, oldest first.
    ``docs/reference/rules.md`` is this page for the built-in packs.

    >>> from ilacs import frameworks
    >>> page = reference_markdown([frameworks.get("sif-2013")])
    >>> page.splitlines()[0]
    '# Grading rules'
    >>> "### SIF-OE-1" in page
    True
    """
    packs = frameworks.all() if packs is None else tuple(packs)
    lines = [
        "# Grading rules",
        "",
        f"<!-- Generated from the framework packs: do not edit. Regenerate with {_REGENERATE} -->",
        "",
        "Each framework pack carries its grading rules as data. A rule limits one",
        "judgement, its *target*, by one or more limits, each applying when all its",
        "conditions hold:",
        "",
        "- a **cap**: if at least *n* of these judgements are at or below grade *G*,",
        "  the target is at best grade *H*;",
        "- a **floor**: if at least *n* of these judgements are at or above grade *G*,",
        "  the target is at worst grade *H*.",
        "",
        "Judgements are named by area id, by role (`overall`, `leadership`, `practice`)",
        "or as `others`, every judgement but the target. A **must** rule has no",
        "exception: a breach is an error. A **likely** rule is a professional judgement",
        "with known exceptions: a departure is information.",
        "`ilacs.rules.evaluate` gives each rule's outcome for an inspection, with an",
        "explanation; `ilacs.rules.permitted` the grades the must rules allow, and",
        "`ilacs.rules.expected` the grades the likely rules expect as well.",
    ]
    for framework in packs:
        lines += ["", f"## {framework.id}: {framework.name}", "", _in_force(framework)]
        if not framework.rules:
            lines += ["", "This framework has no grading rules."]
        for rule in framework.rules:
            lines += [
                "",
                f"### {rule.code}",
                "",
                rule.statement,
                "",
                f"- **Strength:** {rule.strength.value}",
                f"- **Target:** `{rule.target}`",
            ]
            lines += [
                f"- **{limit.shape.value.capitalize()}:** {_words(limit, rule, framework)}"
                for limit in rule.limits
            ]
            lines += [f"- **Provenance:** {rule.provenance}"]
    return "\n".join(lines) + "\n"


# The engine. Outcomes compare by their rank on the framework's scale, so the rules
# work on any ordered scale (Ofsted's four grades, a five-point report card, a finding).


def _on_scale(inspection: Inspection, framework: Framework) -> dict[str, Mark]:
    """The judgements whose outcome is on the framework's scale (validate reports the rest)."""
    scale = set(framework.grade_scale.members)
    return {area: grade for area, grade in inspection.grades.items() if grade in scale}


def _ranker(framework: Framework) -> Callable[[Mark], int]:
    return framework.grade_scale.rank


@attrs.frozen
class _Finding:
    outcome: Outcome
    best: Mark | None = None
    worst: Mark | None = None
    premises: tuple[str, ...] = ()


@attrs.frozen
class _Env:
    framework: Framework
    grades: Mapping[str, Mark]


@attrs.frozen
class _Fired:
    limit: Limit
    bound: Mark
    premise: str


def _named(rule: Rule, framework: Framework) -> tuple[str, ...]:
    """The areas a rule needs, target first, then the framework's order."""
    roles = framework.area_roles
    target = target_of(rule, roles)
    others = {
        area
        for limit in rule.limits
        for condition in limit.when
        for area in select(rule, condition, target, roles)
    }
    return (target, *(area for area in roles if area in others))


def _assess(rule: Rule, grades: Mapping[str, Mark], framework: Framework) -> _Finding:
    roles = framework.area_roles
    target = target_of(rule, roles)
    needed = _named(rule, framework)
    missing = [area for area in needed if area not in grades]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        text = f"not applicable: {_join(_names(missing, framework))} {verb} not graded"
        return _Finding(Outcome(rule=rule, status=RuleStatus.NOT_APPLICABLE, explanation=text))
    actual = grades[target]
    fired: list[_Fired] = []
    quiet: list[str] = []
    for limit in rule.limits:
        sets = [select(rule, condition, target, roles) for condition in limit.when]
        result = _fire(limit, sets, _Env(framework, grades))
        if isinstance(result, _Fired):
            fired.append(result)
        else:
            quiet.append(result)
    target_name = _name(framework.area(target))
    if not fired:
        text = f"{'; '.join(quiet)}, so the rule sets no limit on {target_name}"
        return _Finding(Outcome(rule=rule, status=RuleStatus.HELD, explanation=text))
    broken = [f for f in fired if not _within(actual, *_bounds([f], framework), framework)]
    shown = broken or fired
    best, worst = _bounds(shown, framework)
    verb = "must be" if rule.strength is Strength.MUST else "is likely to be"
    text = (
        f"{'; '.join(f.premise for f in shown)}, so {target_name} {verb}"
        f" {_span(best, worst, framework)}; it is {_label(actual, framework)}"
    )
    status = RuleStatus.BREACHED if broken else RuleStatus.HELD
    outcome = Outcome(rule=rule, status=status, explanation=text)
    return _Finding(outcome, *_bounds(fired, framework), premises=tuple(f.premise for f in fired))


def _fire(limit: Limit, sets: Sequence[tuple[str, ...]], env: _Env) -> _Fired | str:
    """The limit's bound and why, when its conditions hold; otherwise why they do not."""
    cap = limit.shape is Shape.CAP
    grades = env.grades
    premises: list[str] = []
    failures: list[str] = []
    thresholds: list[Mark] = []
    rank = _ranker(env.framework)
    for condition, areas in zip(limit.when, sets, strict=True):
        need = len(areas) if condition.at_least == ALL else int(condition.at_least)
        if condition.grade is None:
            # The n-th worst of them for a cap (n-th best for a floor) is the
            # tightest grade G for which the condition holds.
            ordered = sorted((grades[area] for area in areas), key=rank, reverse=not cap)
            threshold = ordered[need - 1]
            thresholds.append(threshold)
            premises.append(_each(condition, areas, threshold, env, cap=cap))
            continue
        grade = condition.grade
        meeting = [
            a
            for a in areas
            if (rank(grades[a]) <= rank(grade) if cap else rank(grades[a]) >= rank(grade))
        ]
        relation = _relation(grade, env.framework, cap=cap)
        if len(meeting) >= need:
            premises.append(_meeting(condition, areas, meeting, relation, env))
        else:
            failures.append(_missing(condition, areas, relation, env))
    if failures:
        return " and ".join(failures)
    if limit.bound is not None:
        return _Fired(limit=limit, bound=limit.bound, premise=" and ".join(premises))
    bound = max(thresholds, key=rank) if cap else min(thresholds, key=rank)
    return _Fired(limit=limit, bound=bound, premise=" and ".join(premises))


def _bounds(fired: Sequence[_Fired], framework: Framework) -> tuple[Mark | None, Mark | None]:
    rank = _ranker(framework)
    caps = [f.bound for f in fired if f.limit.shape is Shape.CAP]
    floors = [f.bound for f in fired if f.limit.shape is Shape.FLOOR]
    return (min(caps, key=rank) if caps else None, max(floors, key=rank) if floors else None)


def _within(grade: Mark, best: Mark | None, worst: Mark | None, framework: Framework) -> bool:
    rank = _ranker(framework)
    return (best is None or rank(grade) <= rank(best)) and (
        worst is None or rank(grade) >= rank(worst)
    )


def _range(
    grades: Mapping[str, Mark],
    area: str,
    framework: Framework,
    strengths: tuple[Strength, ...],
) -> GradeRange:
    framework.area(area)
    scale = framework.grade_scale.members
    allowed = set(scale)
    reasons: list[str] = []
    for rule in framework.rules:
        if rule.strength not in strengths or area not in _named(rule, framework):
            continue
        out = [g for g in scale if _assess(rule, {**grades, area: g}, framework).outcome.breached]
        if not out:
            continue
        allowed.difference_update(out)
        reasons.append(_reason(rule, area, out, grades, framework))
    return GradeRange(
        area=area, grades=tuple(g for g in scale if g in allowed), reasons=tuple(reasons)
    )


def _reason(
    rule: Rule, area: str, out: Sequence[Mark], grades: Mapping[str, Mark], framework: Framework
) -> str:
    ruled_out = f"{rule.code} rules out {_join([_label(g, framework) for g in out])}"
    if target_of(rule, framework.area_roles) != area:
        return ruled_out
    # Any trial grade gives the same premises: they rest on the other judgements.
    finding = _assess(rule, {**grades, area: out[0]}, framework)
    verb = "must be" if rule.strength is Strength.MUST else "is likely to be"
    span = _span(finding.best, finding.worst, framework)
    name = _name(framework.area(area))
    return f"{ruled_out}: {'; '.join(finding.premises)}, so {name} {verb} {span}"


# Words.


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2 and not any(" and " in item for item in items):
        return f"{items[0]} and {items[1]}"
    return f"{', '.join(items[:-1])}, and {items[-1]}"


def _name(area: JudgementArea) -> str:
    """A short name for an area: its label's own spelling where that is the id in words."""
    words = area.id.replace("_", " ")
    label = area.label.lower()
    return label if label.replace("-", " ") == words else words


def _names(areas: Iterable[str], framework: Framework) -> list[str]:
    return [_name(framework.area(area)) for area in areas]


def _label(grade: Mark, framework: Framework) -> str:
    return framework.grade_scale.wording(grade)


def _relation(grade: Mark, framework: Framework, *, cap: bool) -> str:
    scale = framework.grade_scale.members
    edge = scale[-1] if cap else scale[0]
    if grade == edge:
        return _label(grade, framework)
    return f"{'at or below' if cap else 'at or above'} {_label(grade, framework)}"


def _span(best: Mark | None, worst: Mark | None, framework: Framework) -> str:
    scale = framework.grade_scale.members
    top = scale[0] if best is None else best
    bottom = scale[-1] if worst is None else worst
    if framework.grade_scale.is_better(bottom, top):
        return (
            f"at best {_label(top, framework)} and at worst {_label(bottom, framework)},"
            " which no grade is"
        )
    if top == bottom:
        return _label(top, framework)
    if (top, bottom) == (scale[0], scale[-1]):
        return f"any grade from {_label(bottom, framework)} to {_label(top, framework)}"
    if bottom == scale[-1]:
        return f"at best {_label(top, framework)}"
    if top == scale[0]:
        return f"at worst {_label(bottom, framework)}"
    return f"between {_label(bottom, framework)} and {_label(top, framework)}"


def _group(condition: Condition, areas: Sequence[str], framework: Framework) -> str:
    if len(areas) == 1:
        return _name(framework.area(areas[0]))
    if condition.of == (OTHERS,):
        return "the other judgements"
    if len(condition.of) == 1 and condition.of[0] not in framework.area_ids:
        return f"the {condition.of[0]} judgements"
    return _join(_names(areas, framework))


def _describe(areas: Sequence[str], grades: Mapping[str, Mark], framework: Framework) -> str:
    by_grade: dict[Mark, list[str]] = {}
    for area in areas:
        by_grade.setdefault(grades[area], []).append(_name(framework.area(area)))
    parts = [
        f"{_join(names)} {'is' if len(names) == 1 else 'are'} {_label(grade, framework)}"
        for grade, names in by_grade.items()
    ]
    return "; ".join(parts)


def _each(
    condition: Condition, areas: Sequence[str], threshold: Mark, env: _Env, *, cap: bool
) -> str:
    if len(areas) == 1:
        return _describe(areas, env.grades, env.framework)
    group = _group(condition, areas, env.framework)
    at = [area for area in areas if env.grades[area] == threshold]
    which = "" if len(at) == len(areas) else f" ({_join(_names(at, env.framework))})"
    if condition.at_least == ALL:
        label = _label(threshold, env.framework)
        return f"the {'best' if cap else 'worst'} of {group} is {label}{which}"
    relation = _relation(threshold, env.framework, cap=cap)
    return f"at least {condition.at_least} of {group} are {relation}{which}"


def _meeting(
    condition: Condition, areas: Sequence[str], meeting: Sequence[str], relation: str, env: _Env
) -> str:
    described = _describe(meeting, env.grades, env.framework)
    if len({env.grades[area] for area in meeting}) == 1 and (
        condition.at_least == 1 or len(areas) == 1
    ):
        return described
    group = _group(condition, areas, env.framework)
    if len(meeting) == len(areas):
        return f"all of {group} are {relation}"
    return f"{len(meeting)} of {group} are {relation} ({described})"


def _missing(condition: Condition, areas: Sequence[str], relation: str, env: _Env) -> str:
    group = _group(condition, areas, env.framework)
    if len(areas) == 1:
        return f"{group} is not {relation}"
    if condition.at_least == 1:
        return f"none of {group} is {relation}"
    if condition.at_least == ALL:
        return f"not all of {group} are {relation}"
    return f"fewer than {condition.at_least} of {group} are {relation}"


def _words(limit: Limit, rule: Rule, framework: Framework) -> str:
    """A limit in words, for the reference page."""
    cap = limit.shape is Shape.CAP
    conditions = []
    for condition in limit.when:
        grade = "G" if condition.grade is None else _label(condition.grade, framework)
        relation = "at or below" if cap else "at or above"
        of = _join([f"`{word}`" for word in condition.of])
        if condition.at_least == 1:
            conditions.append(f"any of {of} is {relation} {grade}")
        else:
            count = "all" if condition.at_least == ALL else f"at least {condition.at_least}"
            conditions.append(f"{count} of {of} are {relation} {grade}")
    bound = "G" if limit.bound is None else _label(limit.bound, framework)
    each = "for each grade G, " if limit.bound is None else ""
    return (
        f"{each}if {' and '.join(conditions)}, `{rule.target}` is"
        f" {'at best' if cap else 'at worst'} {bound}"
    )


def _in_force(framework: Framework) -> str:
    if framework.in_force_until is None:
        return f"In force from {framework.in_force_from}."
    return f"In force from {framework.in_force_from} to {framework.in_force_until}."
