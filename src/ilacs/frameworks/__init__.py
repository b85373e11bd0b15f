"""The framework versions ilacs knows, and the ones users register.

Each version is a data pack of a *series*: ``sif-2013``, ``ilacs-2018``, ``ilacs-2023``
and ``ilacs-2026`` (Ofsted's inspections of children's services), ``jtai-2016`` (joint
targeted area inspections) and ``area-send-2016`` and ``area-send-2023`` (area SEND
inspections) ship inside the package; a user adds another (Ofsted's 2027 framework,
or another inspectorate's, with its own outcome scale) from a JSON file, with no code.
An authority is inspected under several series at once, so :func:`for_date` takes the
series.

The version that applies to an inspection is the one in force on the **first day
of fieldwork**, not the day the report was published.

>>> import pendulum
>>> from ilacs import frameworks
>>> frameworks.for_date(pendulum.date(2018, 10, 29)).id
'ilacs-2018'
>>> [framework.id for framework in frameworks.all()]
['sif-2013', 'jtai-2016', 'area-send-2016', 'ilacs-2018', 'area-send-2023', 'ilacs-2023', 'ilacs-2026']
>>> frameworks.for_date(pendulum.date(2024, 1, 29), series="area-send").id
'area-send-2023'

What lives here (the frameworks layer, the lowest above :mod:`ilacs.base`): grades
and inspection kinds (:mod:`~ilacs.frameworks.grades`, :mod:`~ilacs.frameworks.kinds`),
grading and deadline rules as data (:mod:`~ilacs.frameworks.grading_rules`,
:mod:`~ilacs.frameworks.deadline_rules`), the pack values (:mod:`~ilacs.frameworks.pack`),
the registry (:mod:`~ilacs.frameworks.registry`) and the built-in pack files
(``builtin/*.json``). It imports only :mod:`ilacs.base` and :mod:`ilacs.errors`.
"""

from ilacs.frameworks import registry as _registry
from ilacs.frameworks.registry import *  # noqa: F403 (the registry's names are this package's)

__all__ = _registry.__all__
