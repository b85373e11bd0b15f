"""ilacs: a typed model of Ofsted's inspections of local authority children's services.

Record an inspection under the framework version in force when it happened, check
it, and share it with other tools.

The package is built in layers, each a subpackage that imports only those below it:
:mod:`ilacs.base` (validators, wording, the structuring engine),
:mod:`ilacs.frameworks` (packs as data), :mod:`ilacs.model` (records),
:mod:`ilacs.reasoning` (rules, calendar, deadlines, progress, validation) and the
edges (:mod:`ilacs.wire`, :mod:`ilacs.tables`, :mod:`ilacs.reports`,
:mod:`ilacs.strategies`), with :mod:`ilacs.cli` on top. The public modules users
import (``ilacs.rules``, ``ilacs.serialisation``, ...) are those modules at short paths.

>>> import ilacs
>>> ilacs.Grade.parse("Requires improvement")
<Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
>>> ilacs.frameworks.get("ilacs-2023").area("care_leavers").label
'The experiences and progress of care leavers'
"""

import importlib
from typing import TYPE_CHECKING

from ilacs import errors, frameworks
from ilacs.errors import IlacsError
from ilacs.frameworks.grades import Grade
from ilacs.frameworks.kinds import InspectionKind
from ilacs.frameworks.pack import AreaRole, Framework, JudgementArea
from ilacs.model.action_plans import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
    StatusChange,
)
from ilacs.model.authority import LocalAuthority
from ilacs.model.inspections import (
    Fact,
    Findings,
    ImprovementArea,
    Inspection,
    Judgement,
    Known,
    NationalFrameworkTag,
    TagKind,
)

if TYPE_CHECKING:
    from ilacs import (
        authorities,
        calendar,
        deadlines,
        importers,
        progress,
        reports,
        rules,
        serialisation,
        tabular,
        validation,
    )
    from ilacs.reasoning.validation import Finding, Severity, ValidationReport
    from ilacs.wire.serialisation import validate

__version__ = "0.1.0"

# `import ilacs` loads the frameworks and the records. The reasoning, the wire
# (cattrs and msgspec) and the edges that read files and write reports are loaded
# when first used: `ilacs.rules`, `from ilacs import serialisation`, `ilacs.validate`.
_LAZY_MODULES = frozenset(
    {
        "authorities",
        "calendar",
        "deadlines",
        "history",
        "importers",
        "national",
        "progress",
        "reports",
        "rules",
        "serialisation",
        "tabular",
        "validation",
    }
)
_LAZY_NAMES = {
    "Finding": "ilacs.reasoning.validation",
    "Severity": "ilacs.reasoning.validation",
    "ValidationReport": "ilacs.reasoning.validation",
    "validate": "ilacs.wire.serialisation",
}


def __getattr__(name: str) -> object:
    if name in _LAZY_MODULES:
        return importlib.import_module(f"ilacs.{name}")
    if name in _LAZY_NAMES:
        value = getattr(importlib.import_module(_LAZY_NAMES[name]), name)
        globals()[name] = value  # found once: later lookups do not come here
        return value
    msg = f"module 'ilacs' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Action",
    "ActionPlan",
    "ActionStatus",
    "AreaRole",
    "Fact",
    "Finding",
    "Findings",
    "Framework",
    "Grade",
    "IlacsError",
    "ImprovementArea",
    "Inspection",
    "InspectionKind",
    "Judgement",
    "JudgementArea",
    "Known",
    "LocalAuthority",
    "Measure",
    "Milestone",
    "NationalFrameworkTag",
    "Observation",
    "Severity",
    "StatusChange",
    "TagKind",
    "ValidationReport",
    "__version__",
    "authorities",
    "calendar",
    "deadlines",
    "errors",
    "frameworks",
    "history",
    "importers",
    "national",
    "progress",
    "reports",
    "rules",
    "serialisation",
    "tabular",
    "validate",
    "validation",
]
