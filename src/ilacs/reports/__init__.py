"""Reports, an edge: briefings on an inspection or an action plan as of a date, and pictures.

The briefing (:func:`briefing`) is Markdown a committee paper can use;
:mod:`ilacs.reports.pictures` draws grade histories, grades over time and a plan's
ratings over time as PNG or SVG (with the ``pictures`` extra). This package may
import the base, frameworks, model and reasoning layers, never another edge.

>>> from ilacs import reports
>>> callable(reports.briefing)
True
"""

from ilacs.reports import pictures
from ilacs.reports.briefing import (
    Image,
    briefing,
    briefing_html,
    briefing_pictures,
    write_briefing,
)

__all__ = ["Image", "briefing", "briefing_html", "briefing_pictures", "pictures", "write_briefing"]
