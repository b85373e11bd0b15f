"""Validation reports: everything wrong with a record in context, found at once.

Construction rejects what can never be right; :func:`validate` collects what is
wrong against the framework version a record names (a judgement the framework does
not have, dates out of order across the document, a grading rule breached) and
never stops at the first. Each :class:`Finding` has a stable code, listed by
:func:`codes_markdown` and in ``docs/reference/validation-codes.md``.

>>> import pendulum
>>> from ilacs import Inspection, InspectionKind, LocalAuthority
>>> from ilacs.validation import validate
>>> visit = Inspection(
...     authority=LocalAuthority(name="Haringey"),
...     kind=InspectionKind.FOCUSED_VISIT,
...     on_site_start=pendulum.date(2021, 6, 8),
...     published=pendulum.date(2021, 6, 1),
... )
>>> print(validate(visit).to_text())
error ILACS-V008 $.published: the report is published on 2021-06-01, before fieldwork ends on 2021-06-08 (the on-site start; no end is given) [ilacs: fieldwork comes before the report]
1 error(s), 0 warning(s), 0 info
"""

import csv
import io
import json
from collections.abc import Iterator, Sequence

import attrs

from ilacs import frameworks
from ilacs.base import validators as v
from ilacs.base.codes import CODES, NOT_LOADED, Code, Severity
from ilacs.base.text import format_date
from ilacs.errors import (
    DocumentError,
    IlacsError,
    Problem,
    UnknownFrameworkError,
    ValidationError,
)
from ilacs.frameworks.grades import outcome_value
from ilacs.frameworks.grading_rules import target_of
from ilacs.frameworks.pack import Framework
from ilacs.model.action_plans import Action, ActionPlan
from ilacs.model.inspections import Fact, ImprovementArea, Inspection, Known
from ilacs.reasoning import progress, rules

__all__ = [
    "CODES",
    "Code",
    "Finding",
    "Severity",
    "ValidationReport",
    "codes_markdown",
    "validate",
]


@attrs.frozen(kw_only=True)
class Finding:
    """One thing wrong (or worth a look) in a record, with where it is and why it matters.

    Attributes:
        code: the stable code, such as ``ILACS-V003``.
        severity: error, warning or info.
        path: a JSON path into the document, such as ``$.judgements[2].grade``.
        message: what is wrong, naming the values.
        source: the rule behind the finding.

    >>> Finding(code="ILACS-V001", severity=Severity.ERROR, path="$", message="no", source="x").path
    '$'
    """

    code: str = attrs.field(validator=v.matches(r"ILACS-V\d{3}", "a code such as 'ILACS-V001'"))
    severity: Severity = attrs.field(validator=v.instance_of(Severity))
    path: str = attrs.field(validator=v.text)
    message: str = attrs.field(validator=v.text)
    source: str = attrs.field(validator=v.text)

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} {self.path}: {self.message} [{self.source}]"


_FIELDS = ("code", "severity", "path", "message", "source")


def _row(finding: Finding) -> tuple[str, ...]:
    return (
        finding.code,
        finding.severity.value,
        finding.path,
        finding.message,
        finding.source,
    )


@attrs.frozen(kw_only=True)
class ValidationReport:
    """Every finding :func:`validate` made, in document order.

    >>> report = ValidationReport(findings=())
    >>> report.ok, len(report), report.to_text()
    (True, 0, 'no findings')
    """

    findings: tuple[Finding, ...] = attrs.field(validator=v.tuple_of(v.instance_of(Finding)))

    @classmethod
    def from_error(cls, error: DocumentError) -> "ValidationReport":
        """The report for a document that cannot be loaded: one finding per problem.

        A problem breaking a rule with its own code (a history out of order, say) is
        reported under that code; the rest are ``ILACS-V001``.
        """
        if not error.problems:
            return cls(findings=(_from_problem(Problem("$", str(error))),))
        return cls(findings=tuple(map(_from_problem, error.problems)))

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return self._of(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and info may remain)."""
        return not self.errors

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order, repeats kept."""
        return tuple(finding.code for finding in self.findings)

    def to_text(self) -> str:
        """One line per finding, then a count (or "no findings").

        >>> print(ValidationReport(findings=()).to_text())
        no findings
        """
        if not self.findings:
            return "no findings"
        lines = [str(finding) for finding in self.findings]
        lines.append(
            f"{len(self.errors)} error(s), {len(self.warnings)} warning(s), {len(self.infos)} info"
        )
        return "\n".join(lines)

    def to_json(self) -> str:
        """The report as JSON: ``ok`` and the findings, each with its five fields.

        >>> print(ValidationReport(findings=()).to_json())
        {
          "ok": true,
          "findings": []
        }
        <BLANKLINE>
        """
        findings = [dict(zip(_FIELDS, _row(finding), strict=True)) for finding in self.findings]
        data = {"ok": self.ok, "findings": findings}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        r"""The findings as CSV with a header row.

        >>> ValidationReport(findings=()).to_csv()
        'code,severity,path,message,source\n'
        """
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_FIELDS)
        writer.writerows(map(_row, self.findings))
        return buffer.getvalue()


#: The longest a finding's message may be: it names values, and values can be huge.
_MESSAGE_LENGTH = 1000


def _finding(code: str, path: str, message: str, source: str | None = None) -> Finding:
    entry = CODES[code]
    if len(message) > _MESSAGE_LENGTH:
        message = f"{message[:_MESSAGE_LENGTH]}... ({len(message):,} characters in all)"
    return Finding(
        code=code,
        severity=entry.severity,
        path=path,
        message=message,
        source=source or entry.source,
    )


def _from_problem(problem: Problem) -> Finding:
    known = problem.code if problem.code in CODES else NOT_LOADED
    return _finding(known, problem.path, problem.message.strip() or "cannot be loaded")


def _judgement_findings(inspection: Inspection, framework: Framework, at: str) -> list[Finding]:
    found = []
    scale = framework.grade_scale.members
    for index, judgement in enumerate(inspection.judgements):
        path = f"{at}.judgements[{index}]"
        try:
            framework.area(judgement.area)
        except ValidationError as error:
            found.append(_finding("ILACS-V003", f"{path}.area", str(error)))
        if judgement.grade not in scale:
            found.append(
                _finding(
                    "ILACS-V004",
                    f"{path}.grade",
                    f"{outcome_value(judgement.grade)!r} is not on the grade scale"
                    f" {framework.grade_scale.id!r} of framework {framework.id!r}",
                )
            )
    try:
        kind = framework.kind(inspection.kind)
    except ValidationError as error:
        found.append(_finding("ILACS-V006", f"{at}.kind", str(error)))
        return found
    if kind.graded:
        given = inspection.grades
        missing = [area for area in framework.area_ids if area not in given]
        if missing:
            found.append(
                _finding(
                    "ILACS-V005",
                    f"{at}.judgements",
                    f"a {inspection.kind.value!r} inspection under {framework.id!r} judges"
                    f" every area; missing: {', '.join(map(repr, missing))}",
                )
            )
    elif inspection.judgements:
        found.extend(
            _finding(
                "ILACS-V007",
                f"{at}.judgements[{index}]",
                f"{inspection.kind.value!r} is not graded under {framework.id!r},"
                f" but {judgement.area!r} is judged {outcome_value(judgement.grade)!r}",
            )
            for index, judgement in enumerate(inspection.judgements)
        )
    return found


def _date_findings(inspection: Inspection, at: str) -> list[Finding]:
    found = []
    end = inspection.on_site_end or inspection.on_site_start
    note = "" if inspection.on_site_end is not None else " (the on-site start; no end is given)"
    published = inspection.published
    received = inspection.report_received
    if published is not None and end > published:
        found.append(
            _finding(
                "ILACS-V008",
                f"{at}.published",
                f"the report is published on {published}, before fieldwork ends on {end}{note}",
            )
        )
    if published is not None and received is not None and received > published:
        found.append(
            _finding(
                "ILACS-V009",
                f"{at}.report_received",
                f"the report is received on {received}, after its publication on {published}",
            )
        )
    if received is not None and received < end:
        found.append(
            _finding(
                "ILACS-V010",
                f"{at}.report_received",
                f"the report is received on {received}, before fieldwork ends on {end}{note}",
            )
        )
    return found


def _period(framework: Framework) -> str:
    until = framework.in_force_until
    return f"{framework.in_force_from} to {until}" if until else f"from {framework.in_force_from}"


def _area_findings(
    items: Sequence[ImprovementArea], key: str, framework: Framework, at: str
) -> list[Finding]:
    return [
        _finding(
            "ILACS-V012",
            f"{at}.{key}[{index}].judgement_areas[{position}]",
            f"{item.id!r} names judgement area {area!r}, which framework {framework.id!r}"
            f" does not have (it has {', '.join(framework.area_ids)})",
        )
        for index, item in enumerate(items)
        for position, area in enumerate(item.judgement_areas)
        if area not in framework.area_ids
    ]


def _findings_area_findings(inspection: Inspection, framework: Framework, at: str) -> list[Finding]:
    return [
        _finding(
            "ILACS-V014",
            f"{at}.findings[{index}].area",
            f"findings are given for judgement area {findings.area!r}, which framework"
            f" {framework.id!r} does not have (it has {', '.join(framework.area_ids)})",
        )
        for index, findings in enumerate(inspection.findings)
        if findings.area not in framework.area_ids
    ]


def _rule_findings(inspection: Inspection, framework: Framework, at: str) -> list[Finding]:
    found = []
    indexes = {judgement.area: index for index, judgement in enumerate(inspection.judgements)}
    for outcome in rules.evaluate(inspection, framework):
        if not outcome.breached:
            continue
        rule = outcome.rule
        # A breached rule had its target graded: point at that judgement.
        target = target_of(rule, framework.area_roles)
        path = f"{at}.judgements[{indexes[target]}].grade"
        code = "ILACS-V020" if rule.strength is rules.Strength.MUST else "ILACS-V021"
        found.append(
            _finding(
                code,
                path,
                f"{rule.code} ({rule.strength.value}) is breached: {outcome.explanation}"
                f" (the rule: {rule.statement})",
                f"framework {framework.id!r}, rule {rule.code}: {rule.provenance}",
            )
        )
    return found


def _inspection_findings(inspection: Inspection, at: str) -> list[Finding]:
    found = _date_findings(inspection, at)
    try:
        framework = frameworks.get(inspection.framework)
    except UnknownFrameworkError as error:
        found.insert(0, _finding("ILACS-V002", f"{at}.framework", str(error)))
        return found
    if not framework.is_in_force(inspection.on_site_start):
        found.append(
            _finding(
                "ILACS-V011",
                f"{at}.on_site_start",
                f"the on-site start {inspection.on_site_start} is outside the period of"
                f" framework {framework.id!r}, in force {_period(framework)}",
            )
        )
    found.extend(_judgement_findings(inspection, framework, at))
    found.extend(_area_findings(inspection.improvement_areas, "improvement_areas", framework, at))
    found.extend(_area_findings(inspection.priority_actions, "priority_actions", framework, at))
    found.extend(_findings_area_findings(inspection, framework, at))
    found.extend(_rule_findings(inspection, framework, at))
    found.extend(_not_known_findings(inspection, framework, at))
    return found


def _not_known_findings(inspection: Inspection, framework: Framework, at: str) -> list[Finding]:
    """Info: each fact the record does not know, and what is not known because of it."""
    found = []
    plans = [
        rule.name
        for rule in framework.deadlines
        if rule.requires_priority_actions and inspection.kind in rule.kinds
    ]
    if plans and inspection.known(Fact.PRIORITY_ACTIONS) is Known.NOT_KNOWN:
        found.append(
            _finding(
                "ILACS-V013",
                f"{at}.priority_actions",
                "whether the letter sets out areas for priority action is not known (the"
                " record does not say), so whether these are due is not known: " + "; ".join(plans),
            )
        )
    if inspection.known(Fact.IMPROVEMENT_AREAS) is Known.NOT_KNOWN:
        found.append(
            _finding(
                "ILACS-V013",
                f"{at}.improvement_areas",
                "the areas for improvement are not known (the record does not say), so an"
                " action plan cannot be checked against them",
            )
        )
    return found


def _answer_findings(plan: ActionPlan) -> list[Finding]:
    inspection = plan.inspection
    items = (*inspection.improvement_areas, *inspection.priority_actions)
    known = [item.id for item in items]
    found = [
        _finding(
            "ILACS-V030",
            f"$.actions[{index}].answers[{position}]",
            f"action {action.id!r} answers {area!r}, which the inspection does not have"
            f" (it has {', '.join(known) or 'no improvement areas'})",
        )
        for index, action in enumerate(plan.actions)
        for position, area in enumerate(action.answers)
        if area not in known
    ]
    answered = {area for action in plan.actions for area in action.answers}
    for index, item in enumerate(inspection.improvement_areas):
        if item.id not in answered:
            found.append(_unanswered(item.id, f"$.inspection.improvement_areas[{index}]"))
    for index, item in enumerate(inspection.priority_actions):
        if item.id not in answered:
            found.append(_unanswered(item.id, f"$.inspection.priority_actions[{index}]"))
    found.extend(
        _finding(
            "ILACS-V032",
            f"$.actions[{index}].answers",
            f"action {action.id!r} answers no improvement area",
        )
        for index, action in enumerate(plan.actions)
        if not action.answers
    )
    return found


def _unanswered(item_id: str, path: str) -> Finding:
    return _finding("ILACS-V031", path, f"no action answers {item_id!r}")


def _due_findings(plan: ActionPlan, action: Action, at: str) -> list[Finding]:
    inspection = plan.inspection
    end = inspection.on_site_end or inspection.on_site_start
    found = []
    dated = [(f"{at}.due", f"action {action.id!r}", action.due)]
    dated.extend(
        (
            f"{at}.milestones[{index}].due",
            f"milestone {milestone.id!r} of {action.id!r}",
            milestone.due,
        )
        for index, milestone in enumerate(action.milestones)
    )
    for path, what, due in dated:
        if due < end:
            found.append(
                _finding(
                    "ILACS-V034",
                    path,
                    f"{what} is due {due}, before the inspection's fieldwork ends on {end}",
                )
            )
        if plan.horizon is not None and due > plan.horizon:
            found.append(
                _finding(
                    "ILACS-V033",
                    path,
                    f"{what} is due {due}, after the plan's horizon {plan.horizon}",
                )
            )
    found.extend(
        _finding(
            "ILACS-V038",
            f"{at}.milestones[{index}].due",
            f"milestone {milestone.id!r} is due {milestone.due}, after its action"
            f" {action.id!r} is due on {action.due}",
        )
        for index, milestone in enumerate(action.milestones)
        if milestone.due > action.due
    )
    return found


def _submission_findings(plan: ActionPlan) -> list[Finding]:
    if plan.submitted is None:
        return []
    try:
        deadline = progress.plan_deadline(plan.inspection)
    except IlacsError:
        # The inspection's own findings already say what stops its deadlines.
        return []
    if deadline is None or deadline.due is None or plan.submitted <= deadline.due:
        return []
    return [
        _finding(
            "ILACS-V037",
            "$.submitted",
            f"the plan was submitted on {format_date(plan.submitted)}, after its deadline:"
            f" {deadline}",
        )
    ]


def _plan_findings(plan: ActionPlan) -> list[Finding]:
    found = _inspection_findings(plan.inspection, "$.inspection")
    found.extend(_answer_findings(plan))
    for index, action in enumerate(plan.actions):
        found.extend(_due_findings(plan, action, f"$.actions[{index}]"))
    found.extend(_submission_findings(plan))
    return found


def validate(obj: object) -> ValidationReport:
    """Every finding for an inspection, a collection of them, an action plan, or a framework.

    This works on values; :func:`ilacs.validate` (and
    :func:`ilacs.serialisation.validate`) also take a document, JSON text or a
    dictionary, and report each problem that stops it loading.

    >>> from ilacs import frameworks
    >>> validate(frameworks.get("ilacs-2018")).ok
    True
    """
    value = obj
    if isinstance(value, Inspection):
        return ValidationReport(findings=tuple(_inspection_findings(value, "$")))
    if isinstance(value, tuple | list) and all(isinstance(item, Inspection) for item in value):
        return ValidationReport(
            findings=tuple(
                finding
                for index, inspection in enumerate(value)
                for finding in _inspection_findings(inspection, f"$.inspections[{index}]")
            )
        )
    if isinstance(value, ActionPlan):
        return ValidationReport(findings=tuple(_plan_findings(value)))
    if isinstance(value, Framework):
        return ValidationReport(findings=())
    msg = (
        "validate needs an Inspection, a collection of them, an ActionPlan or a Framework"
        f" (to check a document, use ilacs.validate), got {type(value).__name__}"
    )
    raise IlacsError(msg)


def codes_markdown() -> str:
    """The reference page of every finding code, as committed in ``docs/reference``.

    >>> print(codes_markdown().splitlines()[0])
    # Validation codes
    """
    lines = [
        "# Validation codes",
        "",
        "Every finding `ilacs.validate()` makes carries one of these stable codes.",
        "A code never changes meaning; retired codes are not reused.",
        "This page is generated by `ilacs.validation.codes_markdown()`; a test checks it.",
        "",
        "| code | severity | what it finds | the rule behind it |",
        "|---|---|---|---|",
    ]
    lines.extend(
        f"| `{code.code}` | {code.severity.value} | {code.title} | {code.source} |"
        for code in CODES.values()
    )
    return "\n".join(lines) + "\n"
