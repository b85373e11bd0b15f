# ruff: noqa: INP001 (a Sphinx extension of the docs, found through sys.path in conf.py)
"""A Sphinx extension that writes the API reference from each public module's ``__all__``.

Each page of ``docs/reference/api/`` holds one directive, ``.. ilacs-api:: MODULE``,
which this extension expands into an autodoc entry for every name in that module's
``__all__``, at its public import path (``ilacs.Inspection``, never the module it
is defined in), so a name added to ``__all__`` is in the reference at the next
build and none can be left out. An object exported under several public names is
documented once, at its canonical path (the public module it belongs to, before
the top-level ``ilacs``); its other names say where it is.

Types in signatures are named by the module that defines them
(``ilacs.model.inspections.Inspection``); a ``missing-reference`` handler sends
those references to the public path that documents the object, so a nitpicky build
(``-n``) resolves them. At the end of a build, every public name must have been
documented: one that is not is a warning, which ``-W`` turns into an error.
"""

import enum
import functools
import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["PUBLIC_MODULES", "canonical_names", "module_rst", "public_names", "setup"]

logger = logging.getLogger(__name__)
_MISSING = object()

#: The public modules, each with a page ``docs/reference/api/<module>.md``. The
#: order settles which public path documents an object exported under several.
PUBLIC_MODULES = (
    "ilacs.errors",
    "ilacs.frameworks",
    "ilacs.authorities",
    "ilacs.calendar",
    "ilacs.rules",
    "ilacs.deadlines",
    "ilacs.progress",
    "ilacs.validation",
    "ilacs.serialisation",
    "ilacs.importers",
    "ilacs.tabular",
    "ilacs.tables.workbooks",
    "ilacs.national",
    "ilacs.history",
    "ilacs.reports",
    "ilacs.reports.pictures",
    "ilacs.strategies",
    "ilacs.cli",
    "ilacs",
)

#: Names of other libraries as their own documentation (and inventories) spell them.
_OTHER_LIBRARIES = {
    "pendulum.date.Date": "pendulum.Date",
    "pendulum.datetime.DateTime": "pendulum.DateTime",
    "pendulum.duration.Duration": "pendulum.Duration",
    "hypothesis.strategies._internal.strategies.SearchStrategy": (
        "hypothesis.strategies.SearchStrategy"
    ),
    # ilacs.reports.pictures imports matplotlib only to draw, so its annotations
    # name the figure as a string.
    "Figure": "matplotlib.figure.Figure",
}


def _is_shared(value: object) -> bool:
    """Whether a value is an object with one home (a class, function or module)."""
    return inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value)


def public_names() -> Iterator[tuple[str, str, object]]:
    """Every ``(module, name, value)`` of every public module's ``__all__``."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            yield module_name, name, getattr(module, name)


@functools.cache
def canonical_names() -> dict[int, str]:
    """The public path that documents each class and function, by ``id``.

    An object is documented under the public module whose name is part of the
    object's own module (``ilacs.validation.Finding`` for
    ``ilacs.reasoning.validation.Finding``), else under the first public module
    that exports it, in :data:`PUBLIC_MODULES` order.
    """
    found: dict[int, list[str]] = {}
    for module_name, name, value in public_names():
        if _is_shared(value):
            found.setdefault(id(value), []).append(f"{module_name}.{name}")
    chosen: dict[int, str] = {}
    for key, paths in found.items():
        value = _value_of(paths[0])
        home = getattr(value, "__module__", None) or getattr(value, "__name__", "")
        parts = home.split(".")

        chosen[key] = min(
            paths, key=lambda path, parts=parts, paths=paths: _rank(path, parts, paths)
        )
    return chosen


def _rank(path: str, parts: list[str], paths: list[str]) -> tuple[int, int]:
    """Prefer a module named in the object's home, then the first in order."""
    module = path.rpartition(".")[0]
    last = module.rpartition(".")[2]
    return (0 if module != "ilacs" and last in parts else 1, paths.index(path))


def _value_of(path: str) -> Any:  # noqa: ANN401 (any public object)
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _entry(path: str, value: object) -> list[str]:
    """The autodoc directive that documents ``value`` at ``path``."""
    if inspect.ismodule(value):
        return [
            f".. py:data:: {path}",
            "   :no-index:",
            "",
            f"   The module :mod:`{value.__name__}`.",
            "",
        ]
    if inspect.isclass(value) and issubclass(value, BaseException):
        return [f".. autoexception:: {path}", "   :members:", "   :show-inheritance:", ""]
    if inspect.isclass(value) and issubclass(value, enum.Enum):
        return [f".. autoclass:: {path}", "   :members:", "   :undoc-members:", ""]
    if inspect.isclass(value):
        return [f".. autoclass:: {path}", "   :members:", ""]
    if inspect.isroutine(value):
        return [f".. autofunction:: {path}", ""]
    return _data_entry(path, value)


def _data_entry(path: str, value: object) -> list[str]:
    """A constant or type alias, with the ``#:`` comment of the module defining it.

    autodoc reads such comments only in the module a directive names, and a public
    module re-exports its constants from their home.
    """
    module_name, _, name = path.rpartition(".")
    homes = [
        module_name,
        *sorted(
            module
            for module, loaded in list(sys.modules.items())
            if module.startswith("ilacs.") and getattr(loaded, name, _MISSING) is value
        ),
    ]
    doc: list[str] = []
    for home in homes:
        try:
            docs = ModuleAnalyzer.for_module(home).find_attr_docs()
        except PycodeError:  # pragma: no cover (every ilacs module has its source)
            continue
        if ("", name) in docs:
            doc = [line for line in docs[("", name)] if line is not None]
            break
    lines = [f".. py:data:: {name}", f"   :module: {module_name}"]
    shown = _shown(value)
    if shown is not None:
        lines.append(f"   :value: {shown}")
    lines.append("")
    lines += [f"   {line}" if line else "" for line in doc]
    return [*lines, ""]


def _shown(value: object) -> str | None:
    """The value as code, when it is short enough to be worth showing."""
    text = repr(value)
    return text if len(text) <= 60 and "\n" not in text and " at 0x" not in text else None


def module_rst(module_name: str) -> str:
    """The reStructuredText of one public module's reference page.

    >>> "autoclass:: ilacs.Inspection" in module_rst("ilacs")
    True
    """
    module = importlib.import_module(module_name)
    chosen = canonical_names()
    lines = [
        f".. automodule:: {module_name}",
        "   :no-members:",
        "",
        f".. currentmodule:: {module_name}",
        "",
    ]
    for name in module.__all__:
        path = f"{module_name}.{name}"
        value = getattr(module, name)
        canonical = chosen.get(id(value), path) if _is_shared(value) else path
        if canonical == path:
            lines += _entry(path, value)
        else:
            kind = (
                "class"
                if inspect.isclass(value)
                else "function"
                if inspect.isroutine(value)
                else "data"
            )
            lines += [
                f".. py:{kind}:: {name}",
                f"   :module: {module_name}",
                "",
                f"   The same object as :py:obj:`{canonical}`: see there.",
                "",
            ]
    return "\n".join(lines)


class ApiDirective(SphinxDirective):
    """``.. ilacs-api:: MODULE``: every name of the module's ``__all__``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Parse the module's generated reStructuredText in place."""
        module_name = self.arguments[0]
        self.env.note_dependency(importlib.import_module(module_name).__file__ or "")
        self.env.ilacs_api_pages = getattr(self.env, "ilacs_api_pages", set()) | {module_name}  # type: ignore[attr-defined]
        container = nodes.section()
        container.document = self.state.document
        content = StringList(
            module_rst(module_name).splitlines(), source=f"<ilacs-api {module_name}>"
        )
        nested_parse_with_titles(self.state, content, container)
        return list(container.children)


def _homes() -> dict[str, str]:
    """Each class's and function's defining path, mapped to its documented public path."""
    homes: dict[str, str] = {}
    for key, path in canonical_names().items():
        value = _value_of(path)
        del key
        qualname = getattr(value, "__qualname__", None)
        module = getattr(value, "__module__", None)
        if qualname and module:
            homes[f"{module}.{qualname}"] = path
    for module_name, name, value in public_names():
        if _is_shared(value):
            continue
        for home, loaded in list(sys.modules.items()):
            if home.startswith("ilacs.") and getattr(loaded, name, _MISSING) is value:
                homes.setdefault(f"{home}.{name}", f"{module_name}.{name}")
    return homes


def _missing_reference(
    app: "Sphinx", env: "BuildEnvironment", node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a defining path (``ilacs.model...``) by its public path."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if node["reftype"] == "mod" and target.startswith("ilacs.") and target in sys.modules:
        # A module where code lives (ilacs.model, ilacs.frameworks.pack) is not a
        # path to import: it is named, in code type, and not linked.
        return contnode
    homes = env.ilacs_api_homes  # type: ignore[attr-defined]
    new = _OTHER_LIBRARIES.get(target)
    if new is None:
        head, rest = target, ""
        while head and head not in homes:
            head, _, last = head.rpartition(".")
            rest = f".{last}{rest}"
        if not head:
            return _named(app, env, node, contnode)
        new = homes[head] + rest
    domain = env.get_domain("py")
    contnode = _show_as(contnode, target, new)
    if new.startswith("ilacs"):
        return domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], new, node, contnode
        )
    node["reftarget"] = new
    return None


def _show_as(contnode: nodes.Element, target: str, new: str) -> nodes.Element:
    """Show the public path where the text spelt out the defining one."""
    if isinstance(contnode, nodes.Text):
        return nodes.Text(new) if str(contnode) == target else contnode  # type: ignore[return-value]
    for text in list(contnode.findall(nodes.Text)):
        if str(text) == target and text.parent is not None:
            text.parent.replace(text, nodes.Text(new))
    return contnode


def _named(
    app: "Sphinx", env: "BuildEnvironment", node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Name an object that exists but has no page (a private helper, an attrs field).

    The name is kept, in code type, without a link; a name that does not exist
    (a typo, a removed function) stays a warning.
    """
    target = node["reftarget"].lstrip(".~")
    module = node.get("py:module") or ""
    if "." not in target:
        # A bare name from another public module's docstring (``SkippedRow``):
        # linked when exactly one public object has that name.
        objects = env.get_domain("py").objects  # type: ignore[attr-defined]
        found = {key for key in objects if key.rpartition(".")[2] == target}
        canonical = set(env.ilacs_api_homes.values())  # type: ignore[attr-defined]
        if len(found) > 1:
            found &= canonical
        if len(found) == 1:
            return env.get_domain("py").resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], found.pop(), node, contnode
            )
    candidates = [target] if target.startswith("ilacs.") else [f"{module}.{target}"]
    documented = ".".join(filter(None, [module, node.get("py:class")]))
    home = getattr(_value_or_none(documented), "__module__", None)
    if home and not target.startswith("ilacs."):
        # A name relative to the module that defines the documented object, as
        # Python itself would read it there.
        candidates.append(f"{home}.{target}")
    for candidate in candidates:
        if _exists(candidate):
            return contnode
    return None


def _value_or_none(path: str) -> object:
    """The object a dotted path names, or None."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        value: object = sys.modules.get(".".join(parts[:cut]))
        if value is None:
            continue
        for part in parts[cut:]:
            value = getattr(value, part, None)
        return value
    return None


def _module(name: str) -> object:
    """The module ``name`` (an ilacs module is imported if it is not yet), or None."""
    if name in sys.modules or not name.startswith("ilacs"):
        return sys.modules.get(name)
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _exists(path: str) -> bool:
    """Whether a dotted path names a module or an attribute of one."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        module = _module(".".join(parts[:cut]))
        if module is None:
            continue
        value: object = module
        for part in parts[cut:]:
            value = getattr(value, part, _MISSING)
            if value is _MISSING:
                return False
        return True
    return False


_PROSE_FIELD = re.compile(r"^(?P<words>[A-Z][^:`]*? [^:`]*?): (?=\S)")


def _prose_not_type(  # noqa: PLR0913, PLR0917 (the event's arguments)
    app: "Sphinx", what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Keep napoleon from reading "Words: text" in an attribute's docstring as a type.

    napoleon reads the first line of a property's or attribute's docstring as
    ``type: description``, so "The status in words: 'in progress'" would show the
    type "The status in words". A first part with a space in it is prose, not a
    type: its colon becomes a dash before napoleon reads the line.
    """
    del app, name, obj, options
    if what in {"attribute", "property", "data"} and lines:
        lines[0] = _PROSE_FIELD.sub(r"\g<words> — ", lines[0], count=1)


def _public_texts(app: "Sphinx", doctree: nodes.document, docname: str) -> None:
    """Spell every linked defining path (``ilacs.model...``) as its public path.

    Types in attribute fields are resolved by Sphinx's own search, which links
    them to the right entry but keeps the text as written.
    """
    del docname
    names = {**app.env.ilacs_api_homes, **_OTHER_LIBRARIES}  # type: ignore[attr-defined]
    for reference in list(doctree.findall(nodes.reference)):
        for text in list(reference.findall(nodes.Text)):
            if str(text) in names and text.parent is not None:
                text.parent.replace(text, nodes.Text(names[str(text)]))


def _builder_inited(app: "Sphinx") -> None:
    app.env.ilacs_api_homes = _homes()  # type: ignore[attr-defined]


def _check_complete(app: "Sphinx", env: "BuildEnvironment") -> None:
    """Warn of a public name the reference does not document (``-W`` fails on it)."""
    del app
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    for module_name, name, value in public_names():
        if inspect.ismodule(value):
            continue
        if f"{module_name}.{name}" not in objects:
            logger.warning("the API reference lacks %s.%s", module_name, name)


def setup(app: "Sphinx") -> dict[str, object]:
    """Register the directive and the reference resolver."""
    app.add_directive("ilacs-api", ApiDirective)
    app.connect("builder-inited", _builder_inited)
    app.connect("missing-reference", _missing_reference, priority=400)
    # Before napoleon (500), which reads the docstring's first line.
    app.connect("autodoc-process-docstring", _prose_not_type, priority=400)
    app.connect("env-check-consistency", _check_complete)
    app.connect("doctree-resolved", _public_texts)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
