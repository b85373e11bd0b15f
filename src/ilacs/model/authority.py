"""Local authorities, as they were when they were inspected."""

import attrs

from ilacs.base import validators as v

__all__ = ["LocalAuthority"]


@attrs.frozen(kw_only=True)
class LocalAuthority:
    """A local authority with children's services, and the codes that name it.

    Codes change when authorities are reorganised (Northamptonshire 2021, Cumbria
    2023), so an inspection keeps the authority as it was then. Every code is
    optional: real data does not always give it.

    Attributes:
        name: the authority's name, as Ofsted writes it.
        urn: Ofsted's unique reference number for the authority.
        dfe_code: the Department for Education's LA code: three ASCII digits.
        ons_code: the Office for National Statistics area code: E, N, S or W and
            eight ASCII digits.
        region: the Ofsted region.

    >>> haringey = LocalAuthority(
    ...     name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
    ... )
    >>> haringey
    LocalAuthority(name='Haringey', urn=80498, dfe_code='309', ons_code='E09000014', region='London')
    """

    name: str = attrs.field(validator=v.text)
    urn: int | None = attrs.field(
        default=None,
        validator=v.optional(
            [
                v.instance_of(int),
                v.at_least(1, "must be a positive number"),
                v.at_most(
                    v.LARGEST_WHOLE_NUMBER,
                    "must be at most 2**53 - 1, as every JSON reader holds it",
                ),
            ]
        ),
    )
    dfe_code: str | None = attrs.field(
        default=None, validator=v.optional(v.matches(r"[0-9]{3}", "a three-digit DfE code"))
    )
    ons_code: str | None = attrs.field(
        default=None,
        validator=v.optional(
            v.matches(
                r"[ENSW][0-9]{8}", "an ONS code: a letter and eight digits, such as 'E09000014'"
            )
        ),
    )
    region: str | None = attrs.field(default=None, validator=v.optional(v.text))
