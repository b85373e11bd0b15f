"""The records layer: authorities, inspections and action plans, as immutable values.

:mod:`~ilacs.model.authority` (a :class:`~ilacs.LocalAuthority`),
:mod:`~ilacs.model.inspections` (an :class:`~ilacs.Inspection` with its judgements,
improvement areas and national framework tags), :mod:`~ilacs.model.action_plans` (an
:class:`~ilacs.ActionPlan`, its actions and their forward-only histories) and
:mod:`~ilacs.model.authorities`, the registry of England's authorities (users import
it as :mod:`ilacs.authorities`). Records refer to a framework version by id; this
layer imports :mod:`ilacs.frameworks` and :mod:`ilacs.base`, never reasoning or an edge.
"""
