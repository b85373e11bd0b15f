"""Outcomes on a framework's scale: Ofsted's four-point :class:`Grade`, and any other scale's ids.

A judgement's outcome is an :data:`Outcome`: a :class:`Grade` on Ofsted's
four-point scale, or the snake_case id of an outcome that a framework pack's scale
defines (``"positive"``, ``"significant_weaknesses"``). Both are written as the same
string in documents, so four-point documents read and write exactly as before.
"""

import contextlib
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, Self, TypeAlias

from ilacs.base.text import describe
from ilacs.base.validators import reject
from ilacs.errors import GradeError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "OUTCOME_ID",
    "Grade",
    "Outcome",
    "ScaleKind",
    "as_outcome",
    "check_outcome",
    "outcome_value",
    "to_outcome",
]

#: The pattern of an outcome id that a pack's scale defines.
OUTCOME_ID = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"

_SPACES = re.compile(r"\s+")


@functools.total_ordering
class Grade(enum.Enum):
    """A grade on Ofsted's four-point scale, ordered so that a better grade compares greater.

    Members are serialised by their lower-case value; :attr:`label` is the exact
    wording Ofsted prints in ILACS reports. Ofsted publishes no numeric code for
    ILACS grades, so none is offered here: compare grades directly.

    >>> Grade.OUTSTANDING > Grade.GOOD > Grade.REQUIRES_IMPROVEMENT > Grade.INADEQUATE
    True
    >>> Grade.REQUIRES_IMPROVEMENT.label
    'Requires improvement to be good'
    >>> Grade.parse("RI")
    <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
    >>> max([Grade.GOOD, Grade.INADEQUATE])
    <Grade.GOOD: 'good'>
    """

    INADEQUATE = "inadequate"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    GOOD = "good"
    OUTSTANDING = "outstanding"

    @property
    def rank(self) -> int:
        """The position on the scale, 0 for Inadequate up to 3 for Outstanding.

        Only for ordering: it is not an Ofsted code.

        >>> Grade.GOOD.rank
        2
        """
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The exact wording of the grade in ILACS reports.

        >>> Grade.INADEQUATE.label
        'Inadequate'
        """
        return _LABELS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANKS[self] < _RANKS[other]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, text: object) -> Self:
        """Read a grade as reports and national data write it.

        Accepts the exact labels, the value, "Requires improvement" (early 2018
        reports and SIF), the abbreviation "RI", in any letter case and with stray
        spaces. Anything else raises :class:`~ilacs.errors.GradeError` naming the text.

        >>> Grade.parse("  requires Improvement to be good ")
        <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
        >>> Grade.parse("Adequate")
        Traceback (most recent call last):
        ...
        ilacs.errors.GradeError: 'Adequate' is not a grade on the Ofsted four-point scale (Outstanding, Good, Requires improvement to be good, Inadequate)
        """
        if not isinstance(text, str):
            msg = f"a grade must be given as text, got {type(text).__name__} {text!r}"
            raise GradeError(msg, field="grade", value=text)
        key = _SPACES.sub(" ", text.strip().replace("_", " ")).casefold()
        try:
            return cls(_VARIANTS[key])
        except KeyError:
            scale = ", ".join(grade.label for grade in sorted(cls, reverse=True))
            msg = f"{text!r} is not a grade on the Ofsted four-point scale ({scale})"
            raise GradeError(msg, field="grade", value=text) from None


_RANKS = {grade: rank for rank, grade in enumerate(Grade)}
_LABELS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement to be good",
    Grade.INADEQUATE: "Inadequate",
}
# Keys are case-folded with single spaces; values are member values.
_VARIANTS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "ri": "requires_improvement",
    "inadequate": "inadequate",
}


#: An outcome on a framework's scale: a four-point :class:`Grade`, or another scale's id.
Outcome: TypeAlias = Grade | str


def outcome_value(outcome: Outcome) -> str:
    """The text a document writes for an outcome: a grade's value, or the id itself.

    >>> outcome_value(Grade.GOOD), outcome_value("positive")
    ('good', 'positive')
    """
    return outcome.value if isinstance(outcome, Grade) else outcome


def to_outcome(value: object) -> Outcome:
    """An outcome from a document's text: a four-point grade by its value, else the id as given.

    Grade labels (``"Requires improvement to be good"``) are read as grades; anything
    else must be a snake_case outcome id, or :class:`~ilacs.errors.GradeError` says so.

    >>> to_outcome("good"), to_outcome("positive")
    (<Grade.GOOD: 'good'>, 'positive')
    """
    if isinstance(value, Grade):
        return value
    if isinstance(value, str):
        if value in _GRADE_VALUES:
            return Grade(value)
        if re.fullmatch(OUTCOME_ID, value):
            return value
        with contextlib.suppress(GradeError):
            return Grade.parse(value)
    msg = (
        f"an outcome is a grade ({', '.join(_GRADE_VALUES)}, or its label) or the"
        f" snake_case id of an outcome on the framework's scale, got {describe(value)}"
    )
    raise GradeError(msg, field="grade", value=value)


_GRADE_VALUES = tuple(grade.value for grade in Grade)


def as_outcome(value: object) -> object:
    """A field's converter: :func:`to_outcome` where it can read the value, else the value.

    The field's validator (:func:`check_outcome`) then rejects what is left, naming the field.

    >>> as_outcome("good"), as_outcome(None), as_outcome("Good!")
    (<Grade.GOOD: 'good'>, None, 'Good!')
    """
    try:
        return to_outcome(value)
    except GradeError:
        return value


def check_outcome(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A field's validator: a :class:`Grade`, or the snake_case id of an outcome of a scale."""
    if isinstance(value, Grade) or (isinstance(value, str) and re.fullmatch(OUTCOME_ID, value)):
        return
    reject(
        attribute.name,
        value,
        "must be a grade (its value or label) or the snake_case id of an outcome"
        " on the framework's scale",
    )


class ScaleKind(enum.Enum):
    """The shape of a framework's outcome scale.

    >>> ScaleKind("finding").is_ordered
    True
    """

    #: Ordered outcomes, best first (Ofsted's four grades, a five-point report card).
    ORDERED = "ordered"
    #: A set of outcomes with no order between them: rules may not compare them.
    UNORDERED = "unordered"
    #: A yes/no finding, listed best first: the finding not made, then made
    #: ("significant weaknesses found").
    FINDING = "finding"
    #: No outcome at all: the framework's inspections give no judgement (a JTAI).
    UNGRADED = "ungraded"

    @property
    def is_ordered(self) -> bool:
        """Whether outcomes on the scale compare (ordered scales and findings)."""
        return self in {ScaleKind.ORDERED, ScaleKind.FINDING}
