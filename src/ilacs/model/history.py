"""The Department for Education's intervention in an authority's children's services, as dated records.

An inspection, a focused visit, a monitoring visit and a JTAI are all
:class:`~ilacs.Inspection` values of their kinds; what else an authority's history
holds is the Department's intervention after an inadequate judgement, recorded here
with its source. The kinds, from the least to the most severe, as the Department
describes them (Lord Nash, written answer HL1076, 31 July 2017; Department for
Education, "Improvement notices and directions" collection on gov.uk):

- an **improvement notice**, non-statutory: what the authority is expected to do,
  with its progress closely monitored;
- a **statutory direction** under section 497A of the Education Act 1996: the
  Secretary of State directs the authority to take the action needed;
- a **commissioner** appointed under a direction, to direct improvement and to
  advise whether services should stay with the council;
- a **children's services trust**: services run by a trust outside the council's
  direct control (Doncaster, Slough, Sandwell, Northamptonshire, ...).

Nothing here is inferred from a grade: an inadequate judgement does not by itself
say which of these followed, or when. Record what the Department published.
"""

import enum

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.errors import ValidationError
from ilacs.model.authority import LocalAuthority

__all__ = ["Intervention", "InterventionKind"]


class InterventionKind(enum.Enum):
    """A kind of intervention by the Department for Education, least severe first.

    >>> InterventionKind("statutory_direction").label
    'statutory direction'
    """

    IMPROVEMENT_NOTICE = "improvement_notice"
    STATUTORY_DIRECTION = "statutory_direction"
    COMMISSIONER = "commissioner"
    CHILDRENS_SERVICES_TRUST = "childrens_services_trust"

    @property
    def label(self) -> str:
        """The kind in words."""
        return self.value.replace("_", " ").replace("childrens", "children's")


@attrs.frozen(kw_only=True)
class Intervention:
    """One intervention, from the day it began to the day it was lifted (None while it lasts).

    Attributes:
        authority: the authority intervened in.
        kind: improvement notice, statutory direction, commissioner or trust.
        start: the day it was issued or began.
        end: the day it was lifted, replaced or ended; None while it is in force
            (or where the end is not known: say so in ``note``).
        source: where it is published (the notice, the direction, a news report).
        note: anything the source adds.

    >>> import pendulum
    >>> sefton = Intervention(
    ...     authority=LocalAuthority(name="Sefton"),
    ...     kind=InterventionKind.STATUTORY_DIRECTION,
    ...     start=pendulum.date(2022, 5, 24),
    ...     source="Community Care, 25 May 2022: the DfE issued a statutory direction this week",
    ... )
    >>> sefton.in_force(pendulum.date(2023, 1, 1))
    True
    >>> sefton.in_force(pendulum.date(2022, 5, 1))
    False
    """

    authority: LocalAuthority = attrs.field(validator=v.instance_of(LocalAuthority))
    kind: InterventionKind = attrs.field(validator=v.instance_of(InterventionKind))
    start: pendulum.Date = attrs.field(validator=v.date)
    end: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    source: str = attrs.field(validator=v.text)
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            msg = f"'end' must not be before the start {self.start} (got {self.end})"
            raise ValidationError(msg, field="end", value=self.end)

    def in_force(self, day: pendulum.Date) -> bool:
        """True when the intervention was in force on ``day`` (from its start, until its end)."""
        if not v.is_date(day):
            v.reject("day", day, "must be a pendulum.Date (a date without a time)")
        return self.start <= day and (self.end is None or day < self.end)

    def __str__(self) -> str:
        until = f" to {self.end}" if self.end is not None else ", still in force"
        return f"{self.kind.label} ({self.authority.name}) from {self.start}{until}"
