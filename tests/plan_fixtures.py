"""Pieces of Haringey's 2018 action plan that several test modules share.

One definition each, so the modules cannot drift apart (they once held two
different due dates for the same milestone).
"""

import attrs
import pendulum
from _haringey import INSPECTION_2018
from hypothesis import settings

from ilacs import Measure, Milestone, Observation

D = pendulum.date

#: Whole plans are costly to draw: a quarter of the profile's examples, and no fewer than 10.
PLANS = settings(max_examples=max(10, settings().max_examples // 4))

#: Haringey's 2018 inspection with the day its report was received (the seed): the
#: action plan is due 18 March 2019.
RECEIVED = attrs.evolve(INSPECTION_2018, report_received=D(2018, 12, 5))

LIVE = Milestone(id="qaf-live", title="Audit framework live", due=D(2019, 2, 28))
AUDITORS = Milestone(id="auditors", title="Two auditors in post", due=D(2019, 3, 29))

#: The social worker vacancy rate, with its first observation after the baseline.
VACANCIES = Measure(
    id="vacancy-rate",
    description="Social worker vacancy rate",
    unit="%",
    baseline=Observation(on=D(2018, 7, 31), value=34.3),
    target=Observation(on=D(2020, 3, 31), value=20.0),
    observations=(Observation(on=D(2018, 12, 31), value=29.5),),
)
