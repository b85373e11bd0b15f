"""ilacs: a typed model of Ofsted's inspections of local authority children's services.

Record an inspection under the framework version in force when it happened, check
it, and share it with other tools.

>>> import ilacs
>>> ilacs.Grade.parse("Requires improvement")
<Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
>>> ilacs.frameworks.get("ilacs-2023").area("care_leavers").label
'The experiences and progress of care leavers'
"""

from ilacs import (
    authorities,
    calendar,
    deadlines,
    errors,
    frameworks,
    importers,
    progress,
    reports,
    rules,
    serialisation,
    tabular,
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

__version__ = "0.1.0"

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
