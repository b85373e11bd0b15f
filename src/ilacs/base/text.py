"""How ilacs writes dates and counts in words, the same in every explanation and report.

>>> import pendulum
>>> format_date(pendulum.date(2018, 12, 5))
'5 December 2018'
>>> format_working_days(1)
'1 working day'
"""

import pendulum

__all__ = ["format_date", "format_months", "format_working_days"]

_MONTHS_IN_YEAR = 12


def format_date(day: pendulum.Date) -> str:
    """The date as people write it: ``5 December 2018``.

    >>> format_date(pendulum.date(2019, 3, 18))
    '18 March 2019'
    """
    return day.format("D MMMM YYYY", locale="en")


def format_working_days(count: int) -> str:
    """A count of working days in words: "1 working day", "13 working days".

    >>> format_working_days(70)
    '70 working days'
    """
    return f"{count} working day{'' if abs(count) == 1 else 's'}"


def format_months(count: int) -> str:
    """A count of months in words, in whole years where it is: "3 years", "18 months".

    >>> format_months(36), format_months(18), format_months(1)
    ('3 years', '18 months', '1 month')
    """
    if count % _MONTHS_IN_YEAR == 0:
        years = count // _MONTHS_IN_YEAR
        return f"{years} year{'s' * (years != 1)}"
    return f"{count} month{'s' * (count != 1)}"
