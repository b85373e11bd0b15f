"""ilacs: a typed model of Ofsted's inspections of local authority children's services.

Record an inspection under the framework version in force when it happened, check
it, and share it with other tools.

>>> import ilacs
>>> ilacs.Grade.parse("Requires improvement")
<Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
>>> ilacs.frameworks.get("ilacs-2023").area("care_leavers").label
'The experiences and progress of care leavers'
"""

import importlib
from typing import TYPE_CHECKING

from ilacs import (
    calendar,
    deadlines,
    errors,
    frameworks,
    progress,
    rules,
    serialisation,
    validation,
)
from ilacs._action_plans import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
    StatusChange,
)
from ilacs._authorities import LocalAuthority
from ilacs._frameworks import AreaRole, Framework, JudgementArea
from ilacs._grades import Grade
from ilacs._inspections import (
    ImprovementArea,
    Inspection,
    Judgement,
    NationalFrameworkTag,
    TagKind,
)
from ilacs._kinds import InspectionKind
from ilacs.errors import IlacsError
from ilacs.validation import Finding, Severity, ValidationReport, validate

if TYPE_CHECKING:
    from ilacs import authorities, importers, reports, tabular

__version__ = "0.1.0"

# The edges that read files and write reports are loaded when first used, so that
# `import ilacs` costs only the model and its reasoning.
_LAZY = frozenset({"authorities", "importers", "reports", "tabular"})


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return importlib.import_module(f"ilacs.{name}")
    msg = f"module 'ilacs' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "Action",
    "ActionPlan",
    "ActionStatus",
    "AreaRole",
    "Finding",
    "Framework",
    "Grade",
    "IlacsError",
    "ImprovementArea",
    "Inspection",
    "InspectionKind",
    "Judgement",
    "JudgementArea",
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
    "importers",
    "progress",
    "reports",
    "rules",
    "serialisation",
    "tabular",
    "validate",
    "validation",
]
