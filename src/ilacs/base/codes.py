"""The catalogue of finding codes: every rule ilacs checks, with its stable code.

A code never changes meaning and a retired code is not reused. The records layer
raises errors under these codes (a status history out of order is
:data:`HISTORY_NOT_IN_DATE_ORDER`) and :func:`ilacs.validate` reports findings
under them; :mod:`ilacs.validation` exports the catalogue.

>>> CODES[HISTORY_NOT_IN_DATE_ORDER].title
"An action's status history is not in date order"
"""

import enum

import attrs

from ilacs.base import validators as v

__all__ = [
    "CODES",
    "HISTORY_NOT_IN_DATE_ORDER",
    "NOT_LOADED",
    "STATUS_MOVES_BACKWARDS",
    "Code",
    "Severity",
]

#: A document that cannot be loaded.
NOT_LOADED = "ILACS-V001"
#: An action's status history that is not in date order.
HISTORY_NOT_IN_DATE_ORDER = "ILACS-V035"
#: An action's status that moves backwards without a recorded setback.
STATUS_MOVES_BACKWARDS = "ILACS-V036"


class Severity(enum.Enum):
    """How serious a finding is: an error breaks the record, info is for a human to weigh.

    >>> Severity("warning")
    <Severity.WARNING: 'warning'>
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Code:
    """A finding's stable code, with its severity, what it finds and the rule behind it.

    >>> CODES["ILACS-V003"].title
    'A judgement on an area the framework does not have'
    """

    code: str = attrs.field(validator=v.matches(r"ILACS-V\d{3}", "a code such as 'ILACS-V001'"))
    severity: Severity = attrs.field(validator=v.instance_of(Severity))
    title: str = attrs.field(validator=v.text)
    source: str = attrs.field(validator=v.text)


_FORMAT = "the ilacs document format (ilacs.serialisation)"
_PACK = "the framework pack's {}"
_DATES = "ilacs: fieldwork comes before the report"
_PLAN = "ilacs: an action plan answers every improvement area, within its dates"
_LIFECYCLE = "ilacs: action statuses move forward only; a step back is a recorded setback"

#: Every finding code, by code.
CODES: dict[str, Code] = {
    code.code: code
    for code in (
        Code(
            code=NOT_LOADED,
            severity=Severity.ERROR,
            title="The document cannot be loaded",
            source=_FORMAT,
        ),
        Code(
            code="ILACS-V002",
            severity=Severity.ERROR,
            title="The framework named is not registered",
            source="ilacs.frameworks registry",
        ),
        Code(
            code="ILACS-V003",
            severity=Severity.ERROR,
            title="A judgement on an area the framework does not have",
            source=_PACK.format("judgement_areas"),
        ),
        Code(
            code="ILACS-V004",
            severity=Severity.ERROR,
            title="A grade that is not on the framework's grade scale",
            source=_PACK.format("grade_scale"),
        ),
        Code(
            code="ILACS-V005",
            severity=Severity.ERROR,
            title="A graded inspection lacks a judgement the framework makes",
            source=_PACK.format("judgement_areas and inspection_kinds (graded)"),
        ),
        Code(
            code="ILACS-V006",
            severity=Severity.ERROR,
            title="An inspection kind the framework does not use",
            source=_PACK.format("inspection_kinds"),
        ),
        Code(
            code="ILACS-V007",
            severity=Severity.ERROR,
            title="Judgements on a kind of inspection the framework does not grade",
            source=_PACK.format("inspection_kinds (graded)"),
        ),
        Code(
            code="ILACS-V008",
            severity=Severity.ERROR,
            title="Fieldwork ends after the report is published",
            source=_DATES,
        ),
        Code(
            code="ILACS-V009",
            severity=Severity.ERROR,
            title="The report is received after it is published",
            source=_DATES,
        ),
        Code(
            code="ILACS-V010",
            severity=Severity.ERROR,
            title="The report is received before fieldwork ends",
            source=_DATES,
        ),
        Code(
            code="ILACS-V011",
            severity=Severity.ERROR,
            title="The on-site start lies outside the framework's period in force",
            source=_PACK.format("in_force_from and in_force_until"),
        ),
        Code(
            code="ILACS-V012",
            severity=Severity.ERROR,
            title="An improvement area names a judgement area the framework does not have",
            source=_PACK.format("judgement_areas"),
        ),
        Code(
            code="ILACS-V013",
            severity=Severity.INFO,
            title=(
                "A fact is not known (the source is silent), so what follows from it is not"
                " known either"
            ),
            source="ilacs: say only what is known (Inspection.not_known)",
        ),
        Code(
            code="ILACS-V014",
            severity=Severity.ERROR,
            title="Findings are given for a judgement area the framework does not have",
            source=_PACK.format("judgement_areas"),
        ),
        Code(
            code="ILACS-V020",
            severity=Severity.ERROR,
            title="A 'must' grading rule is breached",
            source=_PACK.format("rules (each finding names its rule)"),
        ),
        Code(
            code="ILACS-V021",
            severity=Severity.INFO,
            title="The grades depart from a 'likely' grading rule",
            source=_PACK.format("rules (each finding names its rule)"),
        ),
        Code(
            code="ILACS-V030",
            severity=Severity.ERROR,
            title="An action answers an improvement area the inspection does not have",
            source=_PLAN,
        ),
        Code(
            code="ILACS-V031",
            severity=Severity.WARNING,
            title="An improvement area or priority action that no action answers",
            source=_PLAN,
        ),
        Code(
            code="ILACS-V032",
            severity=Severity.INFO,
            title="An action that answers no improvement area",
            source=_PLAN,
        ),
        Code(
            code="ILACS-V033",
            severity=Severity.WARNING,
            title="A milestone or action is due after the plan's horizon",
            source=_PLAN,
        ),
        Code(
            code="ILACS-V034",
            severity=Severity.ERROR,
            title="A milestone or action is due before the inspection's fieldwork ends",
            source=_PLAN,
        ),
        Code(
            code=HISTORY_NOT_IN_DATE_ORDER,
            severity=Severity.ERROR,
            title="An action's status history is not in date order",
            source=_LIFECYCLE,
        ),
        Code(
            code=STATUS_MOVES_BACKWARDS,
            severity=Severity.ERROR,
            title="An action's status moves backwards without being recorded as a setback",
            source=_LIFECYCLE,
        ),
        Code(
            code="ILACS-V037",
            severity=Severity.WARNING,
            title="The plan was submitted after its deadline",
            source=_PACK.format("deadlines (those with submits_action_plan)"),
        ),
        Code(
            code="ILACS-V038",
            severity=Severity.WARNING,
            title="A milestone is due after its action",
            source=_PLAN,
        ),
    )
}
