r"""The action-plan document as a pydantic v2 model, with the checks ilacs makes.

Strict mode (JSON ``12345`` is not a string, ``null`` is not a string, ``true`` is
not a number), unknown keys forbidden, frozen models, every key required (nullable
fields have no default), ISO dates only, no NaN. Single-field rules are constraints
(patterns, bounds); cross-field rules are ``model_validator``s, so this is what a
developer would write with pydantic for the same wire format. Unlike ilacs it also
checks that every action answers an improvement area the inspection has, which
ilacs leaves to ``validate``: the benchmark adds that check to the ilacs figure.

Differences that no document here exercises: pydantic's patterns use Rust's
``regex`` crate, whose ``\s`` is Unicode White_Space while Python's ``str.strip``
also strips the separators U+001C to U+001F; and pydantic keeps the last of two
equal keys in one JSON object, where ilacs rejects the document.
"""

import datetime
import itertools
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ilacs import Grade, InspectionKind
from ilacs.model.action_plans import ActionStatus
from ilacs.model.inspections import Fact, TagKind

__all__ = ["ActionPlanDocument", "InspectionsDocument", "dumps", "loads", "loads_inspections"]

ITEM_ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
AREA_ID = r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"
FRAMEWORK_ID = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(pattern=r"(?s)^\S(?:.*\S)?$")]
ItemId = Annotated[str, StringConstraints(pattern=ITEM_ID)]
AreaId = Annotated[str, StringConstraints(pattern=AREA_ID)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


def _unique(values: tuple[object, ...], what: str) -> None:
    if len(set(values)) != len(values):
        msg = f"must not repeat {what}"
        raise ValueError(msg)


class LocalAuthority(_Model):
    """A local authority and its codes."""

    name: Text
    urn: Annotated[int, Field(ge=1)] | None
    dfe_code: Annotated[str, StringConstraints(pattern=r"^\d{3}$")] | None
    ons_code: Annotated[str, StringConstraints(pattern=r"^[ENSW]\d{8}$")] | None
    region: Text | None


class Judgement(_Model):
    """A judgement area and its grade."""

    area: AreaId
    grade: Grade


class NationalFrameworkTag(_Model):
    """A national framework tag."""

    kind: TagKind
    number: Annotated[int, Field(ge=1)]


class ImprovementArea(_Model):
    """An improvement area."""

    id: ItemId
    text: Text
    judgement_areas: tuple[AreaId, ...]
    national_framework: NationalFrameworkTag | None

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique(self.judgement_areas, "an area")
        return self


class Findings(_Model):
    """A report's or letter's findings on one judgement area."""

    area: AreaId
    strengths: tuple[Text, ...]
    weaknesses: tuple[Text, ...]
    serious_weaknesses: tuple[Text, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique(self.strengths, "a strength")
        _unique(self.weaknesses, "a weakness")
        _unique(self.serious_weaknesses, "a serious weakness")
        return self


class Inspection(_Model):
    """An inspection."""

    authority: LocalAuthority
    kind: InspectionKind
    on_site_start: datetime.date
    on_site_end: datetime.date | None
    off_site_start: datetime.date | None
    report_received: datetime.date | None
    published: datetime.date | None
    framework: Annotated[str, StringConstraints(pattern=FRAMEWORK_ID)]
    lead_inspector: Text | None
    judgements: tuple[Judgement, ...]
    improvement_areas: tuple[ImprovementArea, ...]
    priority_actions: tuple[ImprovementArea, ...]
    topic: Text | None
    source_url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None
    findings: tuple[Findings, ...]
    not_known: tuple[Fact, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
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
        return self


class Observation(_Model):
    """A value on a day."""

    on: datetime.date
    value: float


class Measure(_Model):
    """A measure of success."""

    id: ItemId
    description: Text
    unit: Text
    baseline: Observation
    target: Observation
    observations: tuple[Observation, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.target.on < self.baseline.on:
            msg = "target must not be dated before the baseline"
            raise ValueError(msg)
        days = [item.on for item in self.observations]
        if any(later <= earlier for earlier, later in itertools.pairwise(days)):
            msg = "observations must be in date order, one a day"
            raise ValueError(msg)
        return self


class Milestone(_Model):
    """A dated step."""

    id: ItemId
    title: Text
    due: datetime.date
    completed: datetime.date | None


class StatusChange(_Model):
    """A change of status."""

    on: datetime.date
    status: ActionStatus
    by: Text | None
    note: Text | None
    setback: bool

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.setback and self.note is None:
            msg = "a setback must say why"
            raise ValueError(msg)
        return self


class Action(_Model):
    """An action."""

    id: ItemId
    title: Text
    answers: tuple[ItemId, ...]
    owners: Annotated[tuple[Text, ...], Field(min_length=1)]
    due: datetime.date
    milestones: tuple[Milestone, ...]
    measures: tuple[Measure, ...]
    history: tuple[StatusChange, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
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
        return self


class ActionPlanDocument(_Model):
    """An action-plan document, envelope included."""

    schema_version: Literal[2]
    document_type: Literal["action_plan"]
    inspection: Inspection
    submitted: datetime.date | None
    horizon: datetime.date | None
    oversight: tuple[Text, ...]
    actions: tuple[Action, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique(self.oversight, "a body")
        _unique(tuple(action.id for action in self.actions), "an action id")
        known = {item.id for item in self.inspection.improvement_areas}
        known.update(item.id for item in self.inspection.priority_actions)
        for action in self.actions:
            if not known.issuperset(action.answers):
                msg = f"action {action.id!r} answers an improvement area the inspection lacks"
                raise ValueError(msg)
        return self


class InspectionsDocument(_Model):
    """A collection of inspections, envelope included."""

    schema_version: Literal[2]
    document_type: Literal["inspections"]
    frameworks: tuple[Annotated[str, StringConstraints(pattern=FRAMEWORK_ID)], ...]
    inspections: tuple[Inspection, ...]

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.frameworks != tuple(dict.fromkeys(item.framework for item in self.inspections)):
            msg = "frameworks must list the inspections' framework ids in order of appearance"
            raise ValueError(msg)
        return self


def loads_inspections(text: str | bytes) -> InspectionsDocument:
    """The collection of ``text``; a bad one raises ``pydantic.ValidationError``."""
    return InspectionsDocument.model_validate_json(text)


def loads(text: str | bytes) -> ActionPlanDocument:
    """The document of ``text``; a bad one raises ``pydantic.ValidationError``."""
    return ActionPlanDocument.model_validate_json(text)


def dumps(document: ActionPlanDocument) -> str:
    """The document as ilacs writes it: two-space indents and a trailing newline."""
    return document.model_dump_json(indent=2) + "\n"


def dumps_bytes(document: ActionPlanDocument) -> bytes:
    """The same as UTF-8 bytes, straight from pydantic-core's serialiser."""
    return ActionPlanDocument.__pydantic_serializer__.to_json(document, indent=2) + b"\n"
