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
nitpicky = False
intersphinx_mapping: dict[str, tuple[str, None]] = {}
