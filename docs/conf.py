"""Sphinx configuration for the ilacs documentation."""

import sys
from pathlib import Path

import ilacs

# The documentation's own extensions: ilacs_pictures draws the pictures of the how-to.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "ilacs"
author = "The ilacs developers"
copyright = "2026, The ilacs developers"
release = ilacs.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "ilacs_pictures",
    "ilacs_api",
    "ilacs_diagrams",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = f"ilacs {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
# The diagrams (docs/_ext/ilacs_diagrams.py) are drawn by Graphviz, as SVG.
graphviz_output_format = "svg"
# Every reference must resolve: CI builds with -n -W.
nitpicky = True
nitpick_ignore = [
    # The type variable of serialisation's generic functions: a name, not a page.
    ("py:class", "ilacs.wire.serialisation.T"),
]
# The build is offline: the inventories are shipped in docs/_inventories/ (written by
# make_inventories.py there) and the links go to each project's documentation.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "pendulum": ("https://pendulum.eustace.io", "_inventories/pendulum.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest", "_inventories/hypothesis.inv"),
    "matplotlib": ("https://matplotlib.org/stable", "_inventories/matplotlib.inv"),
}
