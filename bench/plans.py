"""Realistic action-plan documents, generated deterministically, and invalid variants of them.

Each document is an :class:`ilacs.ActionPlan` (``document_type`` ``"action_plan"``): a
graded standard inspection with its judgements and about nine improvement areas, and
the authority's plan of about thirty actions with owners, milestones, a few measures
of success with their observations, and status histories that move forward (with the
odd honest setback). That is about 100 objects and 90 dates a document. Documents are
built as ilacs values from a seeded :class:`random.Random` and written with
:func:`ilacs.serialisation.dumps`, so the JSON is the real wire format.

:data:`MUTATIONS` lists invalid documents made from a valid one: each breaks one
check that all three models (ilacs, pydantic, msgspec) must make.
"""

import copy
import json
import random
from collections.abc import Callable
from typing import Any, cast

import attrs
import pendulum

from ilacs import (
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    rules,
    serialisation,
)
from ilacs.base.envelope import SCHEMA_VERSION
from ilacs.model.action_plans import (
    Action,
    ActionPlan,
    ActionStatus,
    Measure,
    Milestone,
    Observation,
    StatusChange,
)

__all__ = ["MUTATIONS", "count", "plans", "texts"]

_REGIONS = (
    "London",
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "South East",
    "South West",
)
_THEMES = (
    "the quality and impact of management oversight and supervision",
    "the consistency of assessments and plans for children in need",
    "the timeliness of initial child protection conferences",
    "the quality of return home interviews for children who go missing",
    "the sufficiency of placements close to home for children in care",
    "the quality of pathway plans for care leavers",
    "the use of performance information to understand practice",
    "the quality of audits to inform practice",
    "the stability of the social work workforce and manageable caseloads",
    "the response to private fostering arrangements",
    "the voice of the child in case records",
    "help for 16- and 17-year-olds who are homeless",
    "the quality of life-story work for children who cannot live at home",
    "the oversight of children placed in unregistered children\u2019s homes",
)
_VERBS = (
    "Revise",
    "Embed",
    "Audit",
    "Strengthen",
    "Review",
    "Recruit for",
    "Train staff on",
    "Report monthly on",
)
_ROLES = (
    "Director of Children\u2019s Services",
    "Head of Quality Assurance",
    "Principal Social Worker",
    "Head of Children in Care",
    "Head of Early Help",
    "Head of Safeguarding",
    "Service Manager, Leaving Care",
    "Workforce Development Lead",
    "Performance and Intelligence Manager",
)
_BOARDS = (
    "Children\u2019s Improvement Board",
    "Corporate Parenting Panel",
    "Scrutiny Committee",
    "Safeguarding Children Partnership",
)
_MEASURES = (
    ("Social worker vacancy rate", "%"),
    ("Audits graded good or better", "%"),
    ("Assessments completed within 45 working days", "%"),
    ("Average caseload per social worker", "children"),
    ("Care leavers in education, employment or training", "%"),
    ("Return home interviews offered within 72 hours", "%"),
)
_PREFIXES = ("qa", "lead", "cp", "cic", "cl", "wf", "eh", "perf")
_FIRST = pendulum.date(2018, 1, 8)
_DAYS = 2900  # on-site starts from January 2018 to the end of 2025


def _grades(rng: random.Random, areas: tuple[str, ...], inspection: Inspection) -> list[Grade]:
    # Plans follow weak inspections: mostly requires improvement or inadequate. Redraw
    # until no "must" rule is breached, so validate() finds what real reports give.
    weights = (3, 5, 2, 1)  # inadequate, requires improvement, good, outstanding
    while True:
        drawn = rng.choices(list(Grade), weights=weights, k=len(areas))
        candidate = attrs.evolve(
            inspection,
            judgements=tuple(
                Judgement(area=area, grade=grade) for area, grade in zip(areas, drawn, strict=True)
            ),
        )
        if not any(
            outcome.breached and outcome.rule.strength is rules.Strength.MUST
            for outcome in rules.evaluate(candidate)
        ):
            return drawn


def _inspection(rng: random.Random, number: int) -> Inspection:
    start = _FIRST.add(days=rng.randrange(_DAYS))
    start = start.add(days=-start.weekday())  # fieldwork starts on a Monday
    framework = frameworks.for_date(start)
    areas = framework.area_ids
    urn = 80_000 + number % 153
    bare = Inspection(
        authority=LocalAuthority(
            name=f"Authority {number % 153}",
            urn=urn,
            dfe_code=f"{300 + number % 153}",
            ons_code=f"E{rng.choice((6, 8, 9, 10))}{urn:07d}"[:9],
            region=rng.choice(_REGIONS),
        ),
        kind=InspectionKind.STANDARD,
        on_site_start=start,
        on_site_end=start.add(days=11),
        off_site_start=start.add(days=-7),
        report_received=start.add(days=rng.randrange(38, 46)),
        published=start.add(days=rng.randrange(50, 60)),
        framework=framework.id,
        lead_inspector=f"Inspector {rng.randrange(1, 60)}",
        source_url=f"https://reports.ofsted.gov.uk/provider/44/{urn}",
    )
    themes = rng.sample(_THEMES, rng.randrange(7, 12))
    improvement_areas = tuple(
        ImprovementArea(
            id=f"ia-{index}",
            text=f"{theme[0].upper()}{theme[1:]}.",
            judgement_areas=tuple(sorted(rng.sample(areas[:-1], rng.randrange(1, 3)))),
        )
        for index, theme in enumerate(themes, start=1)
    )
    graded = _grades(rng, areas, bare)
    return attrs.evolve(
        bare,
        judgements=tuple(
            Judgement(area=area, grade=grade) for area, grade in zip(areas, graded, strict=True)
        ),
        improvement_areas=improvement_areas,
    )


def _history(
    rng: random.Random, start: pendulum.Date, as_of: pendulum.Date
) -> tuple[StatusChange, ...]:
    # Forward through the lifecycle while time allows, with the odd honest setback.
    changes: list[StatusChange] = []
    status = ActionStatus.PLANNED
    day = start
    order = list(ActionStatus)
    while status is not ActionStatus.VERIFIED:
        day = day.add(days=rng.randrange(20, 200))
        if day > as_of or rng.random() < 0.5:
            break
        if changes and status.is_done and rng.random() < 0.04:
            status = ActionStatus.IN_PROGRESS
            changes.append(
                StatusChange(
                    on=day,
                    status=status,
                    by=rng.choice(_ROLES),
                    note="Audit found the new practice not yet embedded.",
                    setback=True,
                )
            )
            continue
        status = order[order.index(status) + 1]
        changes.append(
            StatusChange(
                on=day,
                status=status,
                by=rng.choice(_ROLES) if rng.random() < 0.5 else None,
                note=None,
            )
        )
    return tuple(changes)


def _measure(rng: random.Random, index: int, start: pendulum.Date, due: pendulum.Date) -> Measure:
    description, unit = rng.choice(_MEASURES)
    baseline = round(rng.uniform(10, 60), 1)
    target = round(baseline + rng.choice((-1, 1)) * rng.uniform(5, 20), 1)
    days = sorted(rng.sample(range(30, max(31, (due - start).days)), rng.randrange(0, 4)))
    return Measure(
        id=f"m-{index}",
        description=description,
        unit=unit,
        baseline=Observation(on=start, value=baseline),
        target=Observation(on=due, value=target),
        observations=tuple(
            Observation(on=start.add(days=day), value=round(rng.uniform(5, 70), 1)) for day in days
        ),
    )


def _action(
    rng: random.Random, index: int, inspection: Inspection, submitted: pendulum.Date
) -> Action:
    area = rng.choice(inspection.improvement_areas)
    others = [item.id for item in inspection.improvement_areas if item.id != area.id]
    answers = (area.id, *rng.sample(others, rng.choice((0, 0, 0, 1))))
    due = submitted.add(days=rng.randrange(60, 540))
    as_of = submitted.add(days=rng.randrange(90, 720))
    milestones = tuple(
        Milestone(
            id=f"ms-{number}",
            title=f"Step {number}: {rng.choice(_VERBS).lower()} {rng.choice(_THEMES)}",
            due=(milestone_due := submitted.add(days=rng.randrange(20, (due - submitted).days))),
            completed=(
                milestone_due.add(days=rng.randrange(-10, 20))
                if milestone_due < as_of and rng.random() < 0.5
                else None
            ),
        )
        for number in range(1, rng.choice((0, 1, 1)) + 1)
    )
    measures = tuple(
        _measure(rng, number, submitted, due)
        for number in range(1, (2 if rng.random() < 0.06 else 1))
    )
    return Action(
        id=f"{rng.choice(_PREFIXES)}-{index}",
        title=f"{rng.choice(_VERBS)} {area.text[0].lower()}{area.text[1:-1]}",
        answers=answers,
        owners=tuple(rng.sample(_ROLES, rng.choice((1, 1, 2)))),
        due=due,
        milestones=milestones,
        measures=measures,
        history=_history(rng, submitted, as_of),
    )


def plan(rng: random.Random, number: int) -> ActionPlan:
    """One action plan answering one inspection, drawn from ``rng``."""
    inspection = _inspection(rng, number)
    assert inspection.published is not None  # noqa: S101 (set above)
    submitted = inspection.published.add(days=rng.randrange(70, 100))
    return ActionPlan(
        inspection=inspection,
        submitted=submitted,
        horizon=submitted.add(years=2),
        oversight=tuple(rng.sample(_BOARDS, rng.randrange(1, 3))),
        actions=tuple(
            _action(rng, index, inspection, submitted)
            for index in range(1, rng.randrange(27, 34) + 1)
        ),
    )


def plans(count: int, seed: int = 2018) -> list[ActionPlan]:
    """``count`` action plans, the same ones for the same seed."""
    rng = random.Random(seed)
    return [plan(rng, number) for number in range(count)]


def texts(count: int, seed: int = 2018) -> list[str]:
    """The JSON documents of :func:`plans`, as :func:`ilacs.serialisation.dumps` writes them."""
    return [serialisation.dumps(value) for value in plans(count, seed)]


def count(value: object) -> tuple[int, int]:
    """The attrs objects and the dates in a value, nested ones included."""
    if isinstance(value, pendulum.Date):
        return 0, 1
    if isinstance(value, tuple):
        found = [count(item) for item in value]
        return sum(o for o, _ in found), sum(d for _, d in found)
    if attrs.has(type(value)):
        kind = cast("type[attrs.AttrsInstance]", type(value))
        found = [count(getattr(value, field.name)) for field in attrs.fields(kind)]
        return 1 + sum(o for o, _ in found), sum(d for _, d in found)
    return 0, 0


# -- invalid documents ---------------------------------------------------------------

Document = dict[str, Any]
Mutation = Callable[[Document], None]


def _first_action_with(document: Document, key: str, size: int = 1) -> dict[str, Any]:
    action: dict[str, Any] = next(a for a in document["actions"] if len(a[key]) >= size)
    return action


def _measure_of(document: Document) -> dict[str, Any]:
    measure: dict[str, Any] = _first_action_with(document, "measures")["measures"][0]
    return measure


def _set_history(document: Document, *changes: tuple[str, str, bool, str | None]) -> None:
    document["actions"][0]["history"] = [
        {"on": on, "status": status, "by": None, "note": note, "setback": setback}
        for on, status, setback, note in changes
    ]


def _reversed_on_site(document: Document) -> None:
    inspection = document["inspection"]
    inspection["on_site_end"] = "2017-12-01"
    inspection["off_site_start"] = None


def _observations_out_of_order(document: Document) -> None:
    measure = _measure_of(document)
    base = pendulum.Date.fromisoformat(measure["baseline"]["on"])
    measure["observations"] = [
        {"on": base.add(days=60).isoformat(), "value": 20.0},
        {"on": base.add(days=30).isoformat(), "value": 21.0},
    ]


def _observations_same_day(document: Document) -> None:
    measure = _measure_of(document)
    day = pendulum.Date.fromisoformat(measure["baseline"]["on"]).add(days=30).isoformat()
    measure["observations"] = [{"on": day, "value": 20.0}, {"on": day, "value": 21.0}]


def _target_before_baseline(document: Document) -> None:
    measure = _measure_of(document)
    measure["target"]["on"] = "2001-01-01"


def _area_also_priority(document: Document) -> None:
    inspection = document["inspection"]
    inspection["priority_actions"] = [copy.deepcopy(inspection["improvement_areas"][0])]


def _setter(*path: str | int, value: object) -> Mutation:
    def mutate(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _adder(*path: str | int, key: str) -> Mutation:
    def mutate(document: Document) -> None:
        target: Any = document
        for step in path:
            target = target[step]
        target[key] = "surprise"

    return mutate


def _deleter(*path: str | int) -> Mutation:
    def mutate(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def _duplicator(*path: str | int) -> Mutation:
    def mutate(document: Document) -> None:
        target: Any = document
        for step in path:
            target = target[step]
        target.append(copy.deepcopy(target[0]))

    return mutate


def _duplicate_milestone(document: Document) -> None:
    milestones = _first_action_with(document, "milestones")["milestones"]
    milestones.append({**copy.deepcopy(milestones[0])})


def _duplicate_measure(document: Document) -> None:
    measures = _first_action_with(document, "measures")["measures"]
    measures.append(copy.deepcopy(measures[0]))


def _unknown_answer(document: Document) -> None:
    document["actions"][0]["answers"] = ["ia-99"]


def _history_of(*changes: tuple[str, str, bool, str | None]) -> Mutation:
    def mutate(document: Document) -> None:
        _set_history(document, *changes)

    return mutate


#: Each names the one check it breaks, and breaks it in a copy of a valid document.
MUTATIONS: dict[str, Mutation] = {
    "grade not on the scale": _setter("inspection", "judgements", 0, "grade", value="excellent"),
    "grade misspelt": _setter("inspection", "judgements", 0, "grade", value="Goood"),
    "unknown inspection kind": _setter("inspection", "kind", value="full"),
    "unknown status": _setter(
        "actions",
        0,
        "history",
        value=[{"on": "2019-05-01", "status": "done", "by": None, "note": None, "setback": False}],
    ),
    "date not on the calendar": _setter("inspection", "on_site_start", value="2019-02-30"),
    "date-time for a date": _setter("actions", 0, "due", value="2019-05-01T00:00:00"),
    "date-time with offset for a date": _setter(
        "actions", 0, "due", value="2019-05-01T00:00:00+00:00"
    ),
    "basic-format date": _setter("actions", 0, "due", value="20190501"),
    "British date": _setter("actions", 0, "due", value="01/05/2019"),
    "week date": _setter("actions", 0, "due", value="2019-W18-3"),
    "number for a date": _setter("actions", 0, "due", value=1556668800),
    "null for a date": _setter("actions", 0, "due", value=None),
    "on-site end before start": _reversed_on_site,
    "off-site week after on-site start": _setter(
        "inspection", "off_site_start", value="2030-01-07"
    ),
    "duplicate judgement area": _duplicator("inspection", "judgements"),
    "duplicate improvement area id": _duplicator("inspection", "improvement_areas"),
    "improvement area also a priority action": _area_also_priority,
    "duplicate action id": _duplicator("actions"),
    "duplicate milestone id": _duplicate_milestone,
    "duplicate measure id": _duplicate_measure,
    "duplicate owner": _duplicator("actions", 0, "owners"),
    "duplicate oversight body": _duplicator("oversight"),
    "duplicate answer": _duplicator("actions", 0, "answers"),
    "unknown key at the top": _adder(key="priority"),
    "unknown key in an action": _adder("actions", 0, key="rag"),
    "unknown key in an observation": lambda d: _measure_of(d)["baseline"].update(source="x"),
    "missing key": _deleter("actions", 0, "owners"),
    "missing date": _deleter("inspection", "on_site_start"),
    "a given fact listed as not known": _setter(
        "inspection", "not_known", value=["improvement_areas"]
    ),
    "12345 for a string": _setter("actions", 0, "title", value=12345),
    "null for a string": _setter("actions", 0, "title", value=None),
    "true for a string": _setter("inspection", "authority", "name", value=True),
    "list for a string": _setter("inspection", "authority", "name", value=["Haringey"]),
    "string for a list": _setter("actions", 0, "owners", value="Head of Quality Assurance"),
    "empty text": _setter("actions", 0, "title", value=""),
    "blank text": _setter("actions", 0, "title", value="   "),
    "padded text": _setter("actions", 0, "title", value=" Revise the audit framework"),
    "no owner": _setter("actions", 0, "owners", value=[]),
    "id with a space": _setter("actions", 0, "id", value="qa 1"),
    "id in capitals": _setter("inspection", "improvement_areas", 0, "id", value="IA-1"),
    "framework id malformed": _setter("inspection", "framework", value="ILACS 2018"),
    "judgement area malformed": _setter("inspection", "judgements", 0, "area", value="Leaders"),
    "string for a whole number": _setter("inspection", "authority", "urn", value="80001"),
    "fraction for a whole number": _setter("inspection", "authority", "urn", value=80001.5),
    "float for a whole number": _setter("inspection", "authority", "urn", value=80001.0),
    "zero urn": _setter("inspection", "authority", "urn", value=0),
    "DfE code of two digits": _setter("inspection", "authority", "dfe_code", value="30"),
    "ONS code malformed": _setter("inspection", "authority", "ons_code", value="E0900001"),
    "not an http URL": _setter("inspection", "source_url", value="ftp://example.org/x"),
    "bool for a number": lambda d: _measure_of(d)["baseline"].update(value=True),
    "string for a number": lambda d: _measure_of(d)["target"].update(value="20"),
    "int for a bool": _setter(
        "actions",
        0,
        "history",
        value=[
            {"on": "2019-05-01", "status": "in_progress", "by": None, "note": None, "setback": 0}
        ],
    ),
    "backwards history": _history_of(
        ("2019-05-01", "completed", False, None), ("2019-06-01", "in_progress", False, None)
    ),
    "status repeated": _history_of(
        ("2019-05-01", "in_progress", False, None), ("2019-06-01", "in_progress", False, None)
    ),
    "history out of date order": _history_of(
        ("2019-05-01", "in_progress", False, None), ("2019-04-01", "completed", False, None)
    ),
    "setback without a note": _history_of(
        ("2019-05-01", "completed", False, None), ("2019-06-01", "in_progress", True, None)
    ),
    "setback forwards": _history_of(
        ("2019-05-01", "in_progress", False, None), ("2019-06-01", "completed", True, "Why")
    ),
    "history starting with a setback": _history_of(("2019-05-01", "planned", True, "Why")),
    "observations out of date order": _observations_out_of_order,
    "two observations on one day": _observations_same_day,
    "target before baseline": _target_before_baseline,
    "answers an improvement area the inspection lacks": _unknown_answer,
    "wrong document type": _setter("document_type", value="inspection"),
    "newer schema version": _setter("schema_version", value=SCHEMA_VERSION + 1),
}


def invalid(text: str) -> dict[str, str]:
    """Every mutation applied to the valid document ``text``, as JSON text by name."""
    result = {}
    for name, mutate in MUTATIONS.items():
        document = json.loads(text)
        mutate(document)
        result[name] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if result[name] == text:
            msg = f"the mutation {name!r} changed nothing"
            raise AssertionError(msg)
    return result
