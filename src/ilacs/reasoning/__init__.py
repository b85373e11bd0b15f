"""The reasoning layer: pure functions of records, frameworks, a calendar and a date.

:mod:`~ilacs.reasoning.calendar` (working days in England and Wales),
:mod:`~ilacs.reasoning.rules` (the grading rules applied to an inspection),
:mod:`~ilacs.reasoning.deadlines` (the dates an inspection sets),
:mod:`~ilacs.reasoning.progress` (an action plan's ratings as of a date) and
:mod:`~ilacs.reasoning.validation` (every finding on a value). Users import each at
its public path (:mod:`ilacs.calendar`, :mod:`ilacs.rules`, ...). Nothing here reads
the clock or a file; it imports the model, frameworks and base layers, never an edge.
"""
