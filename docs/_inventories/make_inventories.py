# ruff: noqa: INP001 (a script of the docs, run by hand)
"""Write the intersphinx inventories the documentation ships, so it builds offline.

The build has no network, so it cannot download each project's ``objects.inv``.
These inventories are written here instead, from the names the ilacs reference
links to, each with the address its project's documentation gives it. Run
``python docs/_inventories/make_inventories.py`` after linking a new name, and
commit the ``*.inv`` files. A name missing here is a nitpicky warning in the build,
so none is missed in silence.
"""

import zlib
from pathlib import Path

#: project: (version, {name: (role, address inside the project's docs)})
INVENTORIES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "python": (
        "3.11",
        {
            **{
                f"collections.abc.{name}": ("class", "library/collections.abc.html#$")
                for name in (
                    "Callable",
                    "Collection",
                    "Iterable",
                    "Iterator",
                    "Mapping",
                    "Sequence",
                )
            },
            "datetime.date": ("class", "library/datetime.html#$"),
            "datetime.datetime": ("class", "library/datetime.html#$"),
            "os.PathLike": ("class", "library/os.html#$"),
            "pathlib.Path": ("class", "library/pathlib.html#$"),
            "typing.Any": ("data", "library/typing.html#$"),
            "enum.Enum": ("class", "library/enum.html#$"),
            "enum.StrEnum": ("class", "library/enum.html#$"),
            "io.TextIOBase": ("class", "library/io.html#$"),
            "typing.IO": ("class", "library/typing.html#$"),
            "typing.TextIO": ("class", "library/typing.html#$"),
        },
    ),
    # pendulum's documentation is one page without per-class anchors.
    "pendulum": (
        "3",
        {
            "pendulum.Date": ("class", "docs/"),
            "pendulum.DateTime": ("class", "docs/"),
            "pendulum.Duration": ("class", "docs/"),
        },
    ),
    "attrs": (
        "25",
        {
            "attrs.frozen": ("function", "api.html#$"),
            "attrs.field": ("function", "api.html#$"),
            "attrs.evolve": ("function", "api.html#$"),
            "attrs.define": ("function", "api.html#$"),
        },
    ),
    "hypothesis": (
        "6",
        {
            "hypothesis.strategies.SearchStrategy": ("class", "reference/strategies.html"),
            "hypothesis.strategies.composite": ("function", "reference/strategies.html#$"),
            "hypothesis.strategies.builds": ("function", "reference/strategies.html#$"),
            "hypothesis.strategies.from_type": ("function", "reference/strategies.html#$"),
        },
    ),
    "matplotlib": (
        "3",
        {
            "matplotlib.figure.Figure": (
                "class",
                "api/_as_gen/matplotlib.figure.Figure.html#$",
            ),
        },
    ),
}


def inventory(project: str, version: str, names: dict[str, tuple[str, str]]) -> bytes:
    """One ``objects.inv`` (version 2) for ``names``."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(
        f"{name} py:{role} 1 {address} -\n" for name, (role, address) in sorted(names.items())
    )
    return header.encode() + zlib.compress(lines.encode())


def main() -> None:
    """Write every inventory beside this script."""
    here = Path(__file__).parent
    for project, (version, names) in INVENTORIES.items():
        (here / f"{project}.inv").write_bytes(inventory(project, version, names))


if __name__ == "__main__":
    main()
