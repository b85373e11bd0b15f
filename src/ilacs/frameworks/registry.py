"""The registry of framework versions: the built-in packs and those users register.

Its public names are re-exported by :mod:`ilacs.frameworks`.
"""

import contextlib
import os
import threading
import types
import typing
from collections.abc import Iterator, Mapping
from importlib import resources

import pendulum

from ilacs.base import converter as _converter
from ilacs.base import envelope, json_text
from ilacs.base.text import describe, shown
from ilacs.base.validators import is_date
from ilacs.errors import DocumentError, FrameworkError, GradeError, UnknownFrameworkError
from ilacs.frameworks.grades import Grade, Outcome
from ilacs.frameworks.pack import (
    AreaRole,
    Framework,
    GradeLabel,
    GradeScale,
    JudgementArea,
    KindInUse,
    ScaleKind,
    Source,
    to_outcome,
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
    "ScaleKind",
    "Source",
    "all",
    "for_date",
    "from_dict",
    "get",
    "load",
    "register",
    "scoped",
    "to_dict",
    "unregister",
]

#: The series of Ofsted's inspections of local authority children's services.
DEFAULT_SERIES = "ofsted-childrens-services"
#: The version of the document format, framework packs included (see ilacs.serialisation).
SCHEMA_VERSION = envelope.SCHEMA_VERSION
_DOCUMENT_TYPE = "framework"
_BUILT_IN = (
    "sif-2013",
    "ilacs-2018",
    "ilacs-2023",
    "ilacs-2026",
    "jtai-2016",
    "area-send-2016",
    "area-send-2023",
)


def _is_outcome(kind: object) -> bool:
    # Grade | str, optional or not: an outcome on any framework's scale.
    if typing.get_origin(kind) not in {typing.Union, types.UnionType}:
        return False
    return set(typing.get_args(kind)) - {type(None)} == {Grade, str}


def _structure_outcome(value: object, kind: object) -> Outcome | None:
    if value is None and type(None) in typing.get_args(kind):
        return None
    try:
        return to_outcome(value)
    except GradeError:
        grades = ", ".join(repr(grade.value) for grade in Grade)
        labels = ", ".join(repr(grade.label) for grade in Grade)
        msg = (
            f"must be one of {grades}, or their labels {labels}, or the snake_case id of an"
            f" outcome on the framework's scale (got {describe(value)})"
        )
        raise GradeError(msg) from None


_converter.CONVERTER.register_structure_hook_func(_is_outcome, _structure_outcome)

# The registry is replaced whole, never changed in place, so a reader always sees a
# complete one; writers (and the first load) take the lock.
_registry: dict[str, Framework] | None = None
_lock = threading.RLock()
# How many scoped() blocks are open: inside one, a built-in pack may be replaced.
_scopes = 0


def _built_in() -> dict[str, Framework]:
    packs = resources.files("ilacs.frameworks") / "builtin"
    loaded = {}
    for framework_id in _BUILT_IN:
        text = (packs / f"{framework_id}.json").read_bytes()
        what = f"built-in framework pack {framework_id!r}"
        framework = from_dict(json_text.parse(text, what=what), what=what)
        loaded[framework.id] = framework
    for framework in loaded.values():
        _check_continues(framework, loaded)
    return loaded


def _check_continues(framework: Framework, registry: Mapping[str, Framework]) -> None:
    """Check the areas ``framework`` continues against its predecessor in its series, if any."""
    earlier = [
        other
        for other in registry.values()
        if other.series == framework.series and other.in_force_from < framework.in_force_from
    ]
    if earlier:
        framework.check_continues(max(earlier, key=lambda other: (other.in_force_from, other.id)))


def _ensure_loaded() -> dict[str, Framework]:
    global _registry  # noqa: PLW0603 (the one registry of the process, replaced whole)
    registry = _registry
    if registry is None:
        with _lock:
            if _registry is None:
                _registry = _built_in()
            registry = _registry
    return registry


def _publish(registry: dict[str, Framework]) -> None:
    global _registry  # noqa: PLW0603 (see _ensure_loaded)
    _registry = registry


def from_dict(data: object, *, what: str = "framework pack") -> Framework:
    """Build a framework from a pack document already parsed from JSON.

    The document carries ``schema_version`` and ``document_type`` ("framework")
    beside the framework's own fields; unknown keys are rejected.

    >>> pack = to_dict(get("ilacs-2023"))
    >>> from_dict(pack) == get("ilacs-2023")
    True
    """
    document = envelope.open_document(data, _DOCUMENT_TYPE, what=what)
    return _converter.structure(envelope.body(document), Framework, what=what)


def to_dict(framework: Framework) -> dict[str, object]:
    """The pack document of a framework: plain JSON-shaped data, ready for ``json.dumps``.

    >>> to_dict(get("ilacs-2026"))["in_force_from"]
    '2026-04-01'
    """
    return envelope.wrap(_DOCUMENT_TYPE, _converter.unstructure(framework))


def load(path: str | os.PathLike[str]) -> Framework:
    """Read a framework pack from a JSON file, without registering it.

    Raises :class:`~ilacs.errors.DocumentError` naming the file and every problem.
    """
    what = f"framework pack {os.fspath(path)!r}"
    try:
        with open(path, "rb") as file:  # noqa: PTH123 (str paths are welcome)
            text = file.read()
    except OSError as error:
        msg = f"cannot read framework pack {os.fspath(path)!r}: {error.strerror}"
        raise DocumentError(msg) from error
    return from_dict(json_text.parse(text, what=what), what=what)


def register(framework: Framework | str | os.PathLike[str], *, replace: bool = False) -> Framework:
    """Make a framework available to :func:`get`, :func:`for_date` and :func:`all`.

    Accepts a :class:`Framework` or the path of a pack file. Registering an id that
    is already taken is an error unless ``replace`` is true; a built-in pack is
    never replaced except inside :func:`scoped`, which restores it. Returns the
    framework. Safe to call from several threads.

    >>> import attrs
    >>> trial = attrs.evolve(get("ilacs-2026"), id="ilacs-2026-trial", series="trial")
    >>> register(trial).id
    'ilacs-2026-trial'
    >>> get("ilacs-2026-trial") is trial
    True
    >>> unregister("ilacs-2026-trial")
    """
    given: object = framework  # checked at run time: callers may pass anything
    if not isinstance(framework, Framework):
        if not isinstance(given, str | os.PathLike):
            msg = (
                "register needs a Framework or the path of a pack file,"
                f" got {type(framework).__name__}"
            )
            raise FrameworkError(msg)
        framework = load(framework)
    with _lock:
        registry = _ensure_loaded()
        current = registry.get(framework.id)
        if current is not None and current != framework:
            if not replace:
                msg = (
                    f"a framework with id {framework.id!r} is already registered;"
                    " pass replace=True to replace it"
                )
                raise FrameworkError(msg)
            if framework.id in _BUILT_IN and not _scopes:
                msg = (
                    f"the built-in framework {framework.id!r} cannot be replaced for the whole"
                    " process; try a changed pack inside 'with frameworks.scoped():',"
                    " which restores the built-in afterwards, or register it under a new id"
                )
                raise FrameworkError(msg)
        _check_continues(framework, registry)
        _publish({**registry, framework.id: framework})
    return framework


def unregister(framework_id: str) -> None:
    """Remove a framework a user registered; built-in packs cannot be removed."""
    given: object = framework_id  # checked at run time: callers may pass anything
    if not isinstance(given, str):
        msg = f"unregister needs a framework id (a string), got {type(framework_id).__name__}"
        raise FrameworkError(msg)
    if framework_id in _BUILT_IN:
        msg = f"the built-in framework {framework_id!r} cannot be unregistered"
        raise FrameworkError(msg)
    with _lock:
        registry = _ensure_loaded()
        if framework_id not in registry:
            raise UnknownFrameworkError(_unknown(framework_id, registry), key=framework_id)
        _publish({key: value for key, value in registry.items() if key != framework_id})


@contextlib.contextmanager
def scoped(*packs: Framework | str | os.PathLike[str]) -> Iterator[None]:
    """Try changed or extra packs for the length of a ``with`` block; the registry comes back.

    The packs given are registered (replacing any of the same id, built-in or not);
    inside the block :func:`register` may also replace a built-in pack. On leaving
    the block, however it is left, the registry is restored to what it was. The
    change is seen by the whole process while the block runs.

    >>> import attrs
    >>> changed = attrs.evolve(get("ilacs-2018"), name="ILACS 2018, as amended")
    >>> with scoped(changed):
    ...     get("ilacs-2018").name
    'ILACS 2018, as amended'
    >>> get("ilacs-2018").name
    "Inspecting local authority children's services (ILACS), 2018"
    """
    global _scopes  # noqa: PLW0603 (see _ensure_loaded)
    with _lock:
        saved = _ensure_loaded()
        _scopes += 1
    try:
        for pack in packs:
            register(pack, replace=True)
        yield
    finally:
        with _lock:
            _scopes -= 1
            _publish(saved)


def _unknown(framework_id: str, registry: Mapping[str, Framework]) -> str:
    return f"no framework has the id {shown(framework_id)} (known: {', '.join(registry)})"


def get(framework_id: str) -> Framework:
    """The framework with this id.

    >>> get("ilacs-2023").name
    "Inspecting local authority children's services (ILACS), 2023"
    >>> get("ilacs-2019")
    Traceback (most recent call last):
    ...
    ilacs.errors.UnknownFrameworkError: no framework has the id 'ilacs-2019' (known: sif-2013, ilacs-2018, ilacs-2023, ilacs-2026, jtai-2016, area-send-2016, area-send-2023)
    """
    registry = _ensure_loaded()
    try:
        return registry[framework_id]
    except (KeyError, TypeError):
        given: object = framework_id  # checked at run time: callers may pass anything
        message = (
            _unknown(framework_id, registry)
            if isinstance(given, str)
            else f"a framework id is a string such as 'ilacs-2018', got {describe(given)}"
        )
        raise UnknownFrameworkError(message, key=framework_id) from None


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
    ['jtai-2016', 'ilacs-2026']
    """
    return tuple(sorted(_ensure_loaded().values(), key=lambda f: (f.in_force_from, f.id)))
