"""Which column of a table holds which judgement, in the framework packs' own words.

Nothing here names a judgement area: every name comes from the packs, so a framework
a user registers is read and written with no code. A judgement area is known by:

- its id (``children_in_care``), as Ofsted's in-year sheets name their columns, or
  its short name where the pack gives one (a snake_case variant, ``overall``);
- its label and the variants its pack accepts ("The experiences and progress of
  children in care"), as Ofsted's statistics name their columns;
- its column in the analyst export: the variant spelt as a grade column
  (``in_care_grade``), or else ``<id>_grade``, as the community scrape names them.

A header names an area when it is one of these names, in any letter case, with
spaces or underscores between the words (:func:`names_area`).

National files keep one set of columns across framework versions, so a column named
after one version's judgement holds the *corresponding* judgement of another
(:func:`corresponding`): the same id or a name in common (ilacs-2018's combined
judgement on children in care and care leavers accepts "The experiences and progress
of children in care", the heading Ofsted's statistics print it under), or the same
role where each framework has one judgement of that role (overall effectiveness;
leadership, which sif-2013 calls "Leadership, management and governance").

>>> from ilacs import frameworks
>>> columns = GradeColumns.of(
...     ["la_name", "overall", "leaders", "children_in_care"], naming=Naming.SHORT
... )
>>> columns.holding(frameworks.get("ilacs-2018"))
{'overall': 'overall_effectiveness', 'leaders': 'leaders', 'children_in_care': 'children_in_care_and_care_leavers'}
>>> columns.unheld(frameworks.get("ilacs-2023"))
('help_and_protection', 'care_leavers')
>>> columns.wording(frameworks.get("ilacs-2023"), "care_leavers")
'care_leavers'
"""

import enum
import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from ilacs import frameworks
from ilacs.errors import IlacsError
from ilacs.frameworks.pack import IDENTIFIER, AreaRole, Framework, JudgementArea
from ilacs.model.inspections import Inspection
from ilacs.tables.engine import column_key

__all__ = [
    "GRADE_SUFFIX",
    "GradeColumns",
    "Naming",
    "column_name",
    "corresponding",
    "explicit_column",
    "name_key",
    "names_area",
    "short_name",
]

#: How a grade column's name ends in the analyst export and the community scrape.
GRADE_SUFFIX = "_grade"
_COLUMN = re.compile(rf"{IDENTIFIER}{GRADE_SUFFIX}")
_SHORT = re.compile(IDENTIFIER)


def name_key(name: str) -> str:
    """A name as names are compared: case-folded, with spaces and underscores alike.

    >>> name_key("Children_in_Care"), name_key(" children  in care ")
    ('children in care', 'children in care')
    """
    return column_key(name.replace("_", " "))


def explicit_column(area: JudgementArea) -> str | None:
    """The area's analyst column where its pack names one: the variant spelt as a grade column.

    >>> from ilacs import frameworks
    >>> explicit_column(frameworks.get("ilacs-2023").area("children_in_care"))
    'in_care_grade'
    >>> print(explicit_column(frameworks.get("sif-2013").area("adoption_performance")))
    None
    """
    return next((variant for variant in area.variants if _COLUMN.fullmatch(variant)), None)


def column_name(area: JudgementArea) -> str:
    """The area's column in the analyst export: the one its pack names, or ``<id>_grade``.

    >>> from ilacs import frameworks
    >>> column_name(frameworks.get("ilacs-2026").area("leaders"))
    'impact_of_leaders_grade'
    >>> column_name(frameworks.get("sif-2013").area("adoption_performance"))
    'adoption_performance_grade'
    """
    return explicit_column(area) or f"{area.id}{GRADE_SUFFIX}"


def short_name(area: JudgementArea) -> str:
    """The area's short name: a snake_case variant that is not a grade column, or its id.

    >>> from ilacs import frameworks
    >>> short_name(frameworks.get("ilacs-2023").area("overall_effectiveness"))
    'overall'
    >>> short_name(frameworks.get("ilacs-2023").area("children_in_care"))
    'children_in_care'
    """
    return next(
        (v for v in area.variants if _SHORT.fullmatch(v) and not _COLUMN.fullmatch(v)), area.id
    )


@functools.lru_cache(maxsize=1024)
def _names(area: JudgementArea) -> frozenset[str]:
    given = (area.id, area.label, *area.variants, f"{area.id}{GRADE_SUFFIX}")
    return frozenset(map(name_key, given))


def names_area(header: str, area: JudgementArea) -> bool:
    """True when a column header names the area: its id, label, a variant or its column.

    >>> from ilacs import frameworks
    >>> leaders = frameworks.get("ilacs-2023").area("leaders")
    >>> [names_area(h, leaders) for h in ("LEADERS", "impact_of_leaders_grade", "leaders_grade")]
    [True, True, True]
    >>> names_area("in_care", frameworks.get("ilacs-2023").area("children_in_care"))
    False
    """
    return name_key(header) in _names(area)


def _only(framework: Framework, role: AreaRole) -> JudgementArea | None:
    holders = [area for area in framework.judgement_areas if area.role is role]
    return holders[0] if len(holders) == 1 else None


def corresponding(
    area: JudgementArea, framework: Framework, other: Framework
) -> JudgementArea | None:
    """The judgement of ``other`` that corresponds to ``area`` of ``framework``, if any.

    The same id or a name in common; else, for overall effectiveness and leadership,
    the one judgement of that role in each.

    >>> from ilacs import frameworks
    >>> sif, ilacs_2026 = frameworks.get("sif-2013"), frameworks.get("ilacs-2026")
    >>> corresponding(sif.area("leadership"), sif, ilacs_2026).id
    'leaders'
    >>> corresponding(sif.area("looked_after_and_permanence"), sif, ilacs_2026).id
    'children_in_care'
    >>> print(corresponding(sif.area("adoption_performance"), sif, ilacs_2026))
    None
    """
    mine = _names(area)
    for candidate in other.judgement_areas:
        if mine & _names(candidate):
            return candidate
    if area.role is AreaRole.PRACTICE or _only(framework, area.role) is not area:
        return None
    return _only(other, area.role)


class Naming(enum.Enum):
    """How a file names its grade columns, for naming the ones it lacks in its own words.

    >>> from ilacs import frameworks
    >>> care = frameworks.get("ilacs-2023").area("children_in_care")
    >>> [naming.of(care) for naming in Naming]
    ['The experiences and progress of children in care', 'children_in_care', 'in_care_grade']
    """

    #: By the area's label, as Ofsted's statistics do.
    LABEL = "label"
    #: By the area's short name (usually its id), as Ofsted's in-year sheets do.
    SHORT = "short"
    #: By the area's analyst column, as the community scrape and the export do.
    COLUMN = "column"

    def of(self, area: JudgementArea) -> str:
        """The area's name in this style."""
        if self is Naming.LABEL:
            return area.label
        if self is Naming.SHORT:
            return short_name(area)
        return column_name(area)


def _newest_first(series: str) -> tuple[Framework, ...]:
    members = [framework for framework in frameworks.all() if framework.series == series]
    return tuple(reversed(members))


@attrs.frozen
class GradeColumns:
    """A table's grade columns, and the judgement each holds under each framework version.

    A header is a grade column when it names a judgement area of some framework of
    the series (:func:`names_area`). Under one framework, each of its areas is held
    by the column that names it, or else by a column naming the corresponding area
    of another version (:func:`corresponding`), the newest first; a grade column
    holding none of its areas holds a judgement that framework does not make.

    Attributes:
        headers: each grade column's key (as :func:`~ilacs.tables.engine.column_key`
            gives it) with the header as spelt, in the header's order.
        naming: how the file names its columns.
        series: the frameworks of the series, the newest first.
    """

    headers: dict[str, str]
    naming: Naming
    series: tuple[Framework, ...]
    _held: dict[str, dict[str, str | None]] = attrs.field(factory=dict, init=False, eq=False)

    @classmethod
    def of(
        cls,
        header: Iterable[str],
        *,
        naming: Naming,
        series: str = frameworks.DEFAULT_SERIES,
    ) -> "GradeColumns":
        """The grade columns of a header, for the frameworks registered in ``series``."""
        members = _newest_first(series)
        areas = [area for framework in members for area in framework.judgement_areas]
        headers = {
            column_key(column): column.strip()
            for column in header
            if any(names_area(column, area) for area in areas)
        }
        return cls(headers=headers, naming=naming, series=members)

    def holding(self, framework: Framework) -> dict[str, str | None]:
        """Each grade column's key, with the id of the area it holds under ``framework``."""
        held = self._held.get(framework.id)
        if held is None:
            held = self._assign(framework)
            self._held[framework.id] = held
        return held

    def _assign(self, framework: Framework) -> dict[str, str | None]:
        held: dict[str, str | None] = dict.fromkeys(self.headers)
        free = list(self.headers)
        unheld = []
        for area in framework.judgement_areas:
            key = self._naming(free, area)
            if key is None:
                unheld.append(area)
            else:
                held[key] = area.id
                free.remove(key)
        for area in unheld:
            for other in self.series:
                match = None if other.id == framework.id else corresponding(area, framework, other)
                key = None if match is None else self._naming(free, match)
                if key is not None:
                    held[key] = area.id
                    free.remove(key)
                    break
        return held

    def _naming(self, keys: Sequence[str], area: JudgementArea) -> str | None:
        return next((key for key in keys if names_area(self.headers[key], area)), None)

    def unheld(self, framework: Framework) -> tuple[str, ...]:
        """The ids of the framework's areas that no column of the table holds."""
        held = set(self.holding(framework).values())
        return tuple(area for area in framework.area_ids if area not in held)

    def wording(self, framework: Framework, area_id: str) -> str:
        """The column the file would hold the area in, in its own words.

        That is the name of the corresponding area of the newest version, since
        national files name their columns after the judgements of the day.
        """
        area = framework.area(area_id)
        for other in self.series:
            match = area if other.id == framework.id else corresponding(area, framework, other)
            if match is not None:
                return self.naming.of(match)
        return self.naming.of(area)

    def missing(self, inspections: Iterable[Inspection]) -> tuple[str, ...]:
        """The columns that graded ``inspections`` needed and the table lacks, in its own words.

        >>> from ilacs import importers
        >>> result = importers.ofsted("tests/data/ofsted_mi_ilacs_history_2018_2025.csv")
        >>> columns = GradeColumns.of(["Overall effectiveness"], naming=Naming.LABEL)
        >>> columns.missing(result.inspections[:1])
        ('The impact of leaders on social work practice with children and families', 'The experiences and progress of children who need help and protection', 'The experiences and progress of children in care')
        """
        graded: dict[str, Framework] = {}
        for inspection in inspections:
            if inspection.framework in graded:
                continue
            try:
                framework = frameworks.get(inspection.framework)
            except IlacsError:
                continue  # the table cannot say which columns a framework unknown here needs
            if inspection.kind in framework.graded_kinds():
                graded[framework.id] = framework
        wordings = (
            self.wording(framework, area)
            for framework in graded.values()
            for area in self.unheld(framework)
        )
        return tuple(dict.fromkeys(wordings))
