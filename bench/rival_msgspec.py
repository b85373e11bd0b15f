"""The action-plan document as msgspec structs, with the checks ilacs makes.

msgspec is strict by default (JSON ``12345`` is not a string, ``null`` is not a
string, ``true`` is not a number) and reads dates only as ``YYYY-MM-DD``. The structs
forbid unknown fields, are frozen and have no defaults, so every key is required.
Single-field rules are ``Meta`` constraints (patterns, bounds, lengths); cross-field
rules are ``__post_init__`` methods, so this is what a developer would write with
msgspec. Like the pydantic model, and unlike ilacs' constructors, it checks that every
action answers an improvement area the inspection has. msgspec's patterns use
Python's ``re``, so "not empty, not padded" means exactly what ``str.strip`` means.
msgspec keeps the last of two equal keys in one JSON object, where ilacs rejects the
document; no document here exercises that.
"""

import datetime
import itertools
from typing import Annotated, Any, Literal

import msgspec

from ilacs import Grade, InspectionKind
from ilacs.model.action_plans import ActionStatus
from ilacs.model.inspections import Fact, TagKind

__all__ = ["ActionPlanDocument", "InspectionsDocument", "dumps", "loads", "loads_inspections"]

Text = Annotated[str, msgspec.Meta(pattern=r"(?s)\A\S(?:.*\S)?\Z")]
ItemId = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")]
AreaId = Annotated[str, msgspec.Meta(pattern=r"\A[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")]
FrameworkId = Annotated[str, msgspec.Meta(pattern=r"\A[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")]
Positive = Annotated[int, msgspec.Meta(ge=1)]
# Given as a mapping so that mypy also reads this module where msgspec is not installed.
_OPTIONS: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True}


def _unique(values: tuple[object, ...], what: str) -> None:
    if len(set(values)) != len(values):
        msg = f"must not repeat {what}"
        raise ValueError(msg)


class LocalAuthority(msgspec.Struct, **_OPTIONS):
    """A local authority and its codes."""

    name: Text
    urn: Positive | None
    dfe_code: Annotated[str, msgspec.Meta(pattern=r"\A\d{3}\Z")] | None
    ons_code: Annotated[str, msgspec.Meta(pattern=r"\A[ENSW]\d{8}\Z")] | None
    region: Text | None


class Judgement(msgspec.Struct, **_OPTIONS):
    """A judgement area and its grade."""

    area: AreaId
    grade: Grade


class NationalFrameworkTag(msgspec.Struct, **_OPTIONS):
    """A national framework tag."""

    kind: TagKind
    number: Positive


class ImprovementArea(msgspec.Struct, **_OPTIONS):
    """An improvement area."""

    id: ItemId
    text: Text
    judgement_areas: tuple[AreaId, ...]
    national_framework: NationalFrameworkTag | None

    def __post_init__(self) -> None:
        _unique(self.judgement_areas, "an area")


class Findings(msgspec.Struct, **_OPTIONS):
    """A report's or letter's findings on one judgement area."""

    area: AreaId
    strengths: tuple[Text, ...]
    weaknesses: tuple[Text, ...]
    serious_weaknesses: tuple[Text, ...]

    def __post_init__(self) -> None:
        _unique(self.strengths, "a strength")
        _unique(self.weaknesses, "a weakness")
        _unique(self.serious_weaknesses, "a serious weakness")


class Inspection(msgspec.Struct, **_OPTIONS):
    """An inspection."""

    authority: LocalAuthority
    kind: InspectionKind
    on_site_start: datetime.date
    on_site_end: datetime.date | None
    off_site_start: datetime.date | None
    report_received: datetime.date | None
    published: datetime.date | None
    framework: FrameworkId
    lead_inspector: Text | None
    judgements: tuple[Judgement, ...]
    improvement_areas: tuple[ImprovementArea, ...]
    priority_actions: tuple[ImprovementArea, ...]
    topic: Text | None
    source_url: Annotated[str, msgspec.Meta(pattern=r"\Ahttps?://\S+\Z")] | None
    findings: tuple[Findings, ...]
    not_known: tuple[Fact, ...]

    def __post_init__(self) -> None:
        if self.on_site_end is not None and self.on_site_end < self.on_site_start:
            msg = "on_site_end must not be before on_site_start"
            raise ValueError(msg)
        if self.off_site_start is not None and self.off_site_start > self.on_site_start:
            msg = "off_site_start must not be after on_site_start"
            raise ValueError(msg)
        _unique(tuple(j.area for j in self.judgements), "a judgement area")
        areas = tuple(item.id for item in self.improvement_areas)
        priorities = tuple(item.id for item in self.priority_actions)
        _unique(areas, "an improvement area id")
        _unique(priorities, "a priority action id")
        _unique(areas + priorities, "an id across improvement areas and priority actions")
        _unique(self.not_known, "a fact")
        _unique(tuple(found.area for found in self.findings), "a findings area")
        for fact in self.not_known:
            if getattr(self, fact.value) not in {None, ()}:
                msg = f"not_known must not list {fact.value}, which is given"
                raise ValueError(msg)


class Observation(msgspec.Struct, **_OPTIONS):
    """A value on a day."""

    on: datetime.date
    value: float


class Measure(msgspec.Struct, **_OPTIONS):
    """A measure of success."""

    id: ItemId
    description: Text
    unit: Text
    baseline: Observation
    target: Observation
    observations: tuple[Observation, ...]

    def __post_init__(self) -> None:
        if self.target.on < self.baseline.on:
            msg = "target must not be dated before the baseline"
            raise ValueError(msg)
        days = [item.on for item in self.observations]
        if any(later <= earlier for earlier, later in itertools.pairwise(days)):
            msg = "observations must be in date order, one a day"
            raise ValueError(msg)


class Milestone(msgspec.Struct, **_OPTIONS):
    """A dated step."""

    id: ItemId
    title: Text
    due: datetime.date
    completed: datetime.date | None


class StatusChange(msgspec.Struct, **_OPTIONS):
    """A change of status."""

    on: datetime.date
    status: ActionStatus
    by: Text | None
    note: Text | None
    setback: bool

    def __post_init__(self) -> None:
        if self.setback and self.note is None:
            msg = "a setback must say why"
            raise ValueError(msg)


class Action(msgspec.Struct, **_OPTIONS):
    """An action."""

    id: ItemId
    title: Text
    answers: tuple[ItemId, ...]
    owners: Annotated[tuple[Text, ...], msgspec.Meta(min_length=1)]
    due: datetime.date
    milestones: tuple[Milestone, ...]
    measures: tuple[Measure, ...]
    history: tuple[StatusChange, ...]

    def __post_init__(self) -> None:
        _unique(self.answers, "an improvement area")
        _unique(self.owners, "an owner")
        _unique(tuple(item.id for item in self.milestones), "a milestone id")
        _unique(tuple(item.id for item in self.measures), "a measure id")
        history = self.history
        if history and history[0].setback:
            msg = "a history cannot start with a setback"
            raise ValueError(msg)
        for before, change in itertools.pairwise(history):
            if change.on < before.on:
                msg = "a history is in date order"
                raise ValueError(msg)
            moved = (
                change.status < before.status if change.setback else before.status < change.status
            )
            if not moved:
                msg = "statuses move forward only, except in a setback, which moves back"
                raise ValueError(msg)


class ActionPlanDocument(msgspec.Struct, **_OPTIONS):
    """An action-plan document, envelope included."""

    schema_version: Literal[2]
    document_type: Literal["action_plan"]
    inspection: Inspection
    submitted: datetime.date | None
    horizon: datetime.date | None
    oversight: tuple[Text, ...]
    actions: tuple[Action, ...]

    def __post_init__(self) -> None:
        _unique(self.oversight, "a body")
        _unique(tuple(action.id for action in self.actions), "an action id")
        known = {item.id for item in self.inspection.improvement_areas}
        known.update(item.id for item in self.inspection.priority_actions)
        for action in self.actions:
            if not known.issuperset(action.answers):
                msg = f"action {action.id!r} answers an improvement area the inspection lacks"
                raise ValueError(msg)


class InspectionsDocument(msgspec.Struct, **_OPTIONS):
    """A collection of inspections, envelope included."""

    schema_version: Literal[2]
    document_type: Literal["inspections"]
    frameworks: tuple[FrameworkId, ...]
    inspections: tuple[Inspection, ...]

    def __post_init__(self) -> None:
        if self.frameworks != tuple(dict.fromkeys(item.framework for item in self.inspections)):
            msg = "frameworks must list the inspections' framework ids in order of appearance"
            raise ValueError(msg)


_DECODER = msgspec.json.Decoder(ActionPlanDocument)
_COLLECTION = msgspec.json.Decoder(InspectionsDocument)
_ENCODER = msgspec.json.Encoder()


def loads(text: str | bytes) -> ActionPlanDocument:
    """The document of ``text``; a bad one raises ``msgspec.ValidationError``."""
    return _DECODER.decode(text)


def loads_inspections(text: str | bytes) -> InspectionsDocument:
    """The collection of ``text``; a bad one raises ``msgspec.ValidationError``."""
    return _COLLECTION.decode(text)


def dumps(document: ActionPlanDocument) -> bytes:
    """The document as ilacs writes it (UTF-8): two-space indents, a trailing newline."""
    return msgspec.json.format(_ENCODER.encode(document), indent=2) + b"\n"
