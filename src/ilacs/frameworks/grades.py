"""The Ofsted four-point grade scale."""

import enum
import functools
import re
from typing import Self

from ilacs.errors import GradeError

__all__ = ["Grade"]

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
