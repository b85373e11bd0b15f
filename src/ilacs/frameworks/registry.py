"""The registry of framework versions: the built-in packs and those users register.

Its public names are re-exported by :mod:`ilacs.frameworks`.
"""

import json
import os
from collections.abc import Mapping
from importlib import resources

import pendulum

from ilacs.base import converter as _converter
from ilacs.base.validators import is_date
from ilacs.errors import DocumentError, FrameworkError, UnknownFrameworkError
from ilacs.frameworks.pack import (
    AreaRole,
    Framework,
    GradeLabel,
    GradeScale,
    JudgementArea,
    KindInUse,
    Source,
)

__all__ = [
    "DEFAULT_SERIES",
    "SCHEMA_VERSION",
    "AreaRole",
    "Framework",
    "GradeLabel",
    "GradeScale",
    "JudgementArea",
    "KindInUse",
    "Source",
    "all",
    "for_date",
    "from_dict",
    "get",
    "load",
    "register",
    "to_dict",
    "unregister",
]

#: The series of Ofsted's inspections of local authority children's services.
DEFAULT_SERIES = "ofsted-childrens-services"
#: The version of the framework pack format this library reads and writes.
SCHEMA_VERSION = 1
_DOCUMENT_TYPE = "framework"
_BUILT_IN = ("sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026")

_registry: dict[str, Framework] = {}


def _ensure_loaded() -> dict[str, Framework]:
    if not _registry:
        packs = resources.files("ilacs.frameworks") / "builtin"
        for framework_id in _BUILT_IN:
            text = (packs / f"{framework_id}.json").read_text(encoding="utf-8")
            framework = from_dict(
                json.loads(text), what=f"built-in framework pack {framework_id!r}"
            )
            _registry[framework.id] = framework
    return _registry


def from_dict(data: object, *, what: str = "framework pack") -> Framework:
    """Build a framework from a pack document already parsed from JSON.

    The document carries ``schema_version`` and ``document_type`` ("framework")
    beside the framework's own fields; unknown keys are rejected.

    >>> pack = to_dict(get("ilacs-2023"))
    >>> from_dict(pack) == get("ilacs-2023")
    True
    """
    if not isinstance(data, Mapping):
        msg = f"{what}: expected a JSON object, got {type(data).__name__}"
        raise DocumentError(msg, problems=(f"$: {msg}",))
    body = dict(data)
    version = body.pop("schema_version", None)
    document_type = body.pop("document_type", None)
    problems = []
    if version != SCHEMA_VERSION:
        problems.append(
            f"$.schema_version: this library reads framework packs of schema version"
            f" {SCHEMA_VERSION} (got {version!r})"
        )
    if document_type != _DOCUMENT_TYPE:
        problems.append(f"$.document_type: must be 'framework' (got {document_type!r})")
    if problems:
        listing = "\n".join(f"  - {problem}" for problem in problems)
        msg = f"{what} cannot be loaded ({len(problems)} problem(s)):\n{listing}"
        raise DocumentError(msg, problems=tuple(problems))
    return _converter.structure(body, Framework, what=what)


def to_dict(framework: Framework) -> dict[str, object]:
    """The pack document of a framework: plain JSON-shaped data, ready for ``json.dumps``.

    >>> to_dict(get("ilacs-2026"))["in_force_from"]
    '2026-04-01'
    """
    body = _converter.unstructure(framework)
    return {"schema_version": SCHEMA_VERSION, "document_type": _DOCUMENT_TYPE, **body}


def load(path: str | os.PathLike[str]) -> Framework:
    """Read a framework pack from a JSON file, without registering it.

    Raises :class:`~ilacs.errors.DocumentError` naming the file and every problem.
    """
    try:
        with open(path, encoding="utf-8") as file:  # noqa: PTH123 (str paths are welcome)
            data = json.load(file)
    except OSError as error:
        msg = f"cannot read framework pack {os.fspath(path)!r}: {error.strerror}"
        raise DocumentError(msg) from error
    except json.JSONDecodeError as error:
        msg = f"framework pack {os.fspath(path)!r} is not valid JSON: {error}"
        problems = (f"$: line {error.lineno} column {error.colno}: {error.msg}",)
        raise DocumentError(msg, problems=problems) from error
    return from_dict(data, what=f"framework pack {os.fspath(path)!r}")


def register(framework: Framework | str | os.PathLike[str], *, replace: bool = False) -> Framework:
    """Make a framework available to :func:`get`, :func:`for_date` and :func:`all`.

    Accepts a :class:`Framework` or the path of a pack file. Registering an id that
    is already taken is an error unless ``replace`` is true. Returns the framework.

    >>> import attrs
    >>> trial = attrs.evolve(get("ilacs-2026"), id="ilacs-2026-trial", series="trial")
    >>> register(trial).id
    'ilacs-2026-trial'
    >>> get("ilacs-2026-trial") is trial
    True
    >>> unregister("ilacs-2026-trial")
    """
    if not isinstance(framework, Framework):
        framework = load(framework)
    registry = _ensure_loaded()
    if framework.id in registry and not replace and registry[framework.id] != framework:
        msg = (
            f"a framework with id {framework.id!r} is already registered;"
            " pass replace=True to replace it"
        )
        raise FrameworkError(msg)
    registry[framework.id] = framework
    return framework


def unregister(framework_id: str) -> None:
    """Remove a framework a user registered; built-in packs cannot be removed."""
    if framework_id in _BUILT_IN:
        msg = f"the built-in framework {framework_id!r} cannot be unregistered"
        raise FrameworkError(msg)
    registry = _ensure_loaded()
    if registry.pop(framework_id, None) is None:
        raise UnknownFrameworkError(_unknown(framework_id, registry), key=framework_id)


def _unknown(framework_id: str, registry: Mapping[str, Framework]) -> str:
    return f"no framework has the id {framework_id!r} (known: {', '.join(registry)})"


def get(framework_id: str) -> Framework:
    """The framework with this id.

    >>> get("ilacs-2023").name
    "Inspecting local authority children's services (ILACS), 2023"
    >>> get("ilacs-2019")
    Traceback (most recent call last):
    ...
    ilacs.errors.UnknownFrameworkError: no framework has the id 'ilacs-2019' (known: sif-2013, ilacs-2018, ilacs-2023, ilacs-2026)
    """
    registry = _ensure_loaded()
    try:
        return registry[framework_id]
    except (KeyError, TypeError):
        raise UnknownFrameworkError(_unknown(framework_id, registry), key=framework_id) from None


def for_date(first_day_of_fieldwork: pendulum.Date, *, series: str = DEFAULT_SERIES) -> Framework:
    """The framework version in force on the first day of fieldwork.

    Where an open-ended version and a later one both cover the day, the later one
    applies: registering Ofsted's next framework needs no change to the packs here.

    >>> import pendulum
    >>> for_date(pendulum.date(2022, 12, 5)).id
    'ilacs-2018'
    >>> for_date(pendulum.date(2026, 4, 27)).id
    'ilacs-2026'
    >>> for_date(pendulum.date(2012, 1, 9))
    Traceback (most recent call last):
    ...
    ilacs.errors.UnknownFrameworkError: no 'ofsted-childrens-services' framework was in force on 2012-01-09 (the earliest, 'sif-2013', came into force on 2013-11-01)
    """
    if not is_date(first_day_of_fieldwork):
        msg = f"for_date needs a pendulum.Date, got {first_day_of_fieldwork!r}"
        raise UnknownFrameworkError(msg, key=first_day_of_fieldwork)
    candidates = [f for f in all() if f.series == series]
    if not candidates:
        msg = f"no framework is registered in the series {series!r}"
        raise UnknownFrameworkError(msg, key=series)
    in_force = [f for f in candidates if f.is_in_force(first_day_of_fieldwork)]
    if not in_force:
        earliest = candidates[0]
        msg = (
            f"no {series!r} framework was in force on {first_day_of_fieldwork}"
            f" (the earliest, {earliest.id!r}, came into force on {earliest.in_force_from})"
        )
        if first_day_of_fieldwork >= earliest.in_force_from:
            msg = f"no {series!r} framework was in force on {first_day_of_fieldwork}"
        raise UnknownFrameworkError(msg, key=first_day_of_fieldwork)
    return in_force[-1]


def all() -> tuple[Framework, ...]:  # noqa: A001 (the public name DESIGN.md promises)
    """Every registered framework, oldest first.

    >>> [f.id for f in all() if f.overall_area is None]
    ['ilacs-2026']
    """
    return tuple(sorted(_ensure_loaded().values(), key=lambda f: (f.in_force_from, f.id)))
