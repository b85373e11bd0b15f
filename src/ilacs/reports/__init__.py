"""Reports, an edge: briefings on an inspection or an action plan as of a date.

The briefing (:func:`briefing`) is Markdown a committee paper can use. This package
may import the base, frameworks, model and reasoning layers, never another edge.

>>> from ilacs import reports
>>> callable(reports.briefing)
True
"""

from ilacs.reports.briefing import briefing

__all__ = ["briefing"]
