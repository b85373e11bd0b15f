"""Grading rules as data: limits that some judgements set on another.

A framework pack lists its rules; :mod:`ilacs.rules` evaluates them. This module
holds only the values and how their words name judgement areas, so that the
framework model can carry rules without importing the engine.

A rule limits one judgement, its *target*, by one or more limits of two shapes:

- a **cap**: if at least *n* of these judgements are at or below grade *G*, the
  target is at best grade *H*;
- a **floor**: if at least *n* of these judgements are at or above grade *G*, the
  target is at worst grade *H*.

*n* may be ``"all"``. A grade *G* of ``None`` means "each grade of the scale" and a
bound *H* of ``None`` "the same grade", which says "at best the best of them" (a cap
over all of them) and "at worst the worst of them" (a floor). A limit may ask for
more than one condition at once ("no inadequate and at most one requires
improvement"): it applies when all of them hold.

Judgements are named by area id, by role (``overall``, ``leadership``,
``practice``: the roles a framework's areas have) or as ``others``: every area but
the target.
"""

import enum
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ilacs.base import validators as v
from ilacs.errors import ValidationError
from ilacs.frameworks.grades import (  # noqa: F401 (Grade: the doctests use it)
    Grade,
    Outcome,
    as_outcome,
    check_outcome,
)

__all__ = [
    "ALL",
    "OTHERS",
    "Condition",
    "Limit",
    "Rule",
    "Shape",
    "Strength",
    "check_rules",
    "select",
    "target_of",
]

#: The word that names every judgement area but the rule's target.
OTHERS = "others"
#: The count that means "all of these judgements".
ALL = "all"
_NAME = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
_CODE = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"


class Strength(enum.Enum):
    """How firmly a rule binds.

    ``must`` rules have no exception: a breach is an error. ``likely`` rules are
    professional judgements with known exceptions: a departure is information.

    >>> Strength("likely")
    <Strength.LIKELY: 'likely'>
    """

    MUST = "must"
    LIKELY = "likely"


class Shape(enum.Enum):
    """The two shapes of a limit.

    >>> Shape.CAP.value
    'cap'
    """

    #: If at least n of these judgements are at or below G, the target is at best H.
    CAP = "cap"
    #: If at least n of these judgements are at or above G, the target is at worst H.
    FLOOR = "floor"


def _count(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value == ALL:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        v.reject(attribute.name, value, "must be a whole number, 1 or more, or 'all'")


@attrs.frozen(kw_only=True)
class Condition:
    """One condition of a limit: "at least *n* of these judgements are at or below *G*".

    Whether it reads "at or below" or "at or above" is the limit's shape.

    Attributes:
        at_least: how many of the judgements, a whole number or ``"all"``.
        of: the judgements, by area id, by role, or ``others``.
        grade: the grade *G*; ``None`` means each grade of the scale in turn.

    >>> Condition(at_least=1, of=("practice",), grade=Grade.INADEQUATE).at_least
    1
    >>> Condition(at_least=0, of=("practice",), grade=None)
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'at_least' must be a whole number, 1 or more, or 'all' (got int 0)
    """

    at_least: int | Literal["all"] = attrs.field(validator=_count)
    of: tuple[str, ...] = attrs.field(
        validator=[
            v.tuple_of(v.matches(_NAME, "an area id, a role or 'others'")),
            v.not_empty(),
            v.unique(str, "judgement"),
        ]
    )
    grade: Outcome | None = attrs.field(converter=as_outcome, validator=v.optional(check_outcome))


@attrs.frozen(kw_only=True)
class Limit:
    """A cap or a floor on the rule's target, applying when all its conditions hold.

    Attributes:
        shape: ``cap`` (conditions read "at or below", the bound "at best") or
            ``floor`` ("at or above", "at worst").
        when: the conditions, all of which must hold.
        bound: the grade *H*; ``None`` means the grade *G* of the conditions whose
            grade is ``None`` ("the best of them" for a cap, "the worst" for a floor).

    >>> every = Condition(at_least="all", of=("others",), grade=None)
    >>> Limit(shape=Shape.CAP, when=(every,), bound=None).bound is None
    True
    >>> Limit(shape=Shape.CAP, when=(every,), bound=Grade.GOOD)
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'bound' must be null when a condition's grade is null (each grade), and a grade otherwise (got Grade <Grade.GOOD: 'good'>)
    """

    shape: Shape = attrs.field(validator=v.instance_of(Shape))
    when: tuple[Condition, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(Condition)), v.not_empty()]
    )
    bound: Outcome | None = attrs.field(converter=as_outcome, validator=v.optional(check_outcome))

    def __attrs_post_init__(self) -> None:
        each = any(condition.grade is None for condition in self.when)
        if each != (self.bound is None):
            v.reject(
                "bound",
                self.bound,
                "must be null when a condition's grade is null (each grade), and a grade otherwise",
            )


@attrs.frozen(kw_only=True, repr=False)
class Rule:
    """A grading rule: a stable code, its words, its strength, its source and its limits.

    Attributes:
        code: stable, upper case, such as ``ILACS-OE-1``.
        statement: the rule in one line of plain English.
        strength: ``must`` or ``likely``.
        provenance: where the rule comes from: framework text, or what published
            reports show.
        target: the judgement the rule limits, by area id or role.
        limits: one or more caps and floors, all of which the target must meet.

    >>> rule = Rule(
    ...     code="ILACS-OE-1",
    ...     statement="If any practice judgement is Inadequate, overall effectiveness is Inadequate.",
    ...     strength=Strength.MUST,
    ...     provenance="Observed in every published report, 2018-2026.",
    ...     target="overall",
    ...     limits=(
    ...         Limit(
    ...             shape=Shape.CAP,
    ...             when=(Condition(at_least=1, of=("practice",), grade=Grade.INADEQUATE),),
    ...             bound=Grade.INADEQUATE,
    ...         ),
    ...     ),
    ... )
    >>> rule
    Rule(code='ILACS-OE-1', strength=must, target='overall', limits=1)
    """

    code: str = attrs.field(validator=v.matches(_CODE, "an upper-case code such as 'ILACS-OE-1'"))
    statement: str = attrs.field(validator=v.text)
    strength: Strength = attrs.field(validator=v.instance_of(Strength))
    provenance: str = attrs.field(validator=v.text)
    target: str = attrs.field(validator=v.matches(_NAME, "an area id or a role"))
    limits: tuple[Limit, ...] = attrs.field(
        validator=[v.tuple_of(v.instance_of(Limit)), v.not_empty()]
    )

    def __repr__(self) -> str:
        return (
            f"Rule(code={self.code!r}, strength={self.strength.value}, target={self.target!r},"
            f" limits={len(self.limits)})"
        )


def _fail(rule: Rule, message: str, value: object) -> ValidationError:
    return ValidationError(f"rule {rule.code!r} {message}", field="rules", value=value)


def target_of(rule: Rule, roles: Mapping[str, str]) -> str:
    """The id of the one area a rule's target names; ``roles`` maps area ids to roles.

    >>> rule = Rule(
    ...     code="X-1",
    ...     statement="S.",
    ...     strength=Strength.MUST,
    ...     provenance="P.",
    ...     target="overall",
    ...     limits=(
    ...         Limit(
    ...             shape=Shape.CAP,
    ...             when=(Condition(at_least="all", of=("others",), grade=None),),
    ...             bound=None,
    ...         ),
    ...     ),
    ... )
    >>> target_of(rule, {"overall_effectiveness": "overall", "leaders": "leadership"})
    'overall_effectiveness'
    """
    if rule.target == OTHERS:
        msg = f"has target {OTHERS!r}: a target names one judgement area"
        raise _fail(rule, msg, rule.target)
    named = _resolve(rule, rule.target, roles)
    if len(named) != 1:
        msg = (
            f"has target {rule.target!r}, which names {len(named)} judgement areas"
            f" ({', '.join(named)}): a target names one"
        )
        raise _fail(rule, msg, rule.target)
    return named[0]


def select(
    rule: Rule, condition: Condition, target: str, roles: Mapping[str, str]
) -> tuple[str, ...]:
    """The ids of the areas a condition names, in the framework's order.

    >>> condition = Condition(at_least=1, of=("others",), grade=Grade.INADEQUATE)
    >>> rule = Rule(
    ...     code="X-1",
    ...     statement="S.",
    ...     strength=Strength.MUST,
    ...     provenance="P.",
    ...     target="overall",
    ...     limits=(Limit(shape=Shape.CAP, when=(condition,), bound=Grade.INADEQUATE),),
    ... )
    >>> roles = {"overall_effectiveness": "overall", "leaders": "leadership", "help": "practice"}
    >>> select(rule, condition, "overall_effectiveness", roles)
    ('leaders', 'help')
    """
    named: set[str] = set()
    for word in condition.of:
        if word == OTHERS:
            named.update(area for area in roles if area != target)
        else:
            named.update(_resolve(rule, word, roles))
    return tuple(area for area in roles if area in named)


def _resolve(rule: Rule, word: str, roles: Mapping[str, str]) -> tuple[str, ...]:
    by_role = tuple(area for area, role in roles.items() if role == word)
    if word in roles and by_role and word not in by_role:
        msg = (
            f"names {word!r}, which is both a judgement area and the role of"
            f" {', '.join(by_role)}: rename the area"
        )
        raise _fail(rule, msg, word)
    if by_role:
        return by_role
    if word in roles:
        return (word,)
    known = ", ".join(roles)
    kinds = ", ".join(dict.fromkeys(roles.values()))
    msg = (
        f"names {word!r}, which is neither a judgement area of this framework ({known})"
        f" nor a role one has ({kinds}), nor {OTHERS!r}"
    )
    raise _fail(rule, msg, word)


def check_rules(rules: tuple[Rule, ...], roles: Mapping[str, str]) -> None:
    """Check that every rule names judgement areas the framework has, sensibly.

    ``roles`` maps the framework's area ids to their roles, in the framework's
    order. A rule's target must name one area; each condition must name at least
    as many areas as it counts, and not the target itself.

    >>> condition = Condition(at_least=2, of=("leaders",), grade=Grade.INADEQUATE)
    >>> rule = Rule(
    ...     code="X-1",
    ...     statement="S.",
    ...     strength=Strength.MUST,
    ...     provenance="P.",
    ...     target="overall",
    ...     limits=(Limit(shape=Shape.CAP, when=(condition,), bound=Grade.INADEQUATE),),
    ... )
    >>> check_rules((rule,), {"overall_effectiveness": "overall", "leaders": "leadership"})
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: rule 'X-1' asks for at least 2 of leaders, which name 1 judgement area(s)
    """
    for rule in rules:
        target = target_of(rule, roles)
        for limit in rule.limits:
            for condition in limit.when:
                named = select(rule, condition, target, roles)
                if not named:
                    msg = f"names no judgement area in {', '.join(condition.of)}"
                    raise _fail(rule, msg, condition.of)
                if target in named:
                    msg = f"limits {target!r} by its own grade (named in {', '.join(condition.of)})"
                    raise _fail(rule, msg, target)
                if isinstance(condition.at_least, int) and condition.at_least > len(named):
                    msg = (
                        f"asks for at least {condition.at_least} of {', '.join(condition.of)},"
                        f" which name {len(named)} judgement area(s)"
                    )
                    raise _fail(rule, msg, condition.at_least)
