"""How ilacs writes dates and counts in words, the same in every explanation and report.

>>> import pendulum
>>> format_date(pendulum.date(2018, 12, 5))
'5 December 2018'
>>> format_working_days(1)
'1 working day'
"""

import reprlib

import pendulum

__all__ = ["describe", "format_date", "format_months", "format_working_days", "shown"]

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


class _Bounded(reprlib.Repr):
    """A repr whose length and cost stay small whatever the value (nested or huge)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = self.maxother = 200
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = self.maxfrozenset = 6

    def repr_int(self, x: int, level: int) -> str:  # noqa: ARG002 (reprlib's signature)
        # repr() itself refuses ints of over 4,300 digits; say how big it is instead.
        if x.bit_length() > 128:
            digits = int(x.bit_length() * 0.30103) + 1
            return f"<a whole number of about {digits} digits>"
        return repr(x)

    def repr_str(self, x: str, level: int) -> str:  # noqa: ARG002 (reprlib's signature)
        if len(x) <= self.maxstring:
            return repr(x)
        return f"{x[: self.maxstring]!r}... ({len(x):,} characters)"


_BOUNDED = _Bounded()
#: The longest a shown value may be.
_SHOWN = 300


def shown(value: object) -> str:
    """The value as error messages show it: its repr, cut short for long or deep values.

    >>> shown("Haringey")
    "'Haringey'"
    >>> shown(10**5000)
    '<a whole number of about 5001 digits>'
    >>> len(shown([[[["x" * 1000] * 100] * 100] * 100])) < 600
    True
    """
    try:
        text = _BOUNDED.repr(value)
    except Exception:  # noqa: BLE001 (a value's own __repr__ may fail; the message must not)
        return f"<{type(value).__name__}>"
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}..."


def describe(value: object) -> str:
    """The value's type and its :func:`shown` repr, as "got ..." in messages read.

    >>> describe(12345)
    'int 12345'
    """
    return f"{type(value).__name__} {shown(value)}"
