"""The registry of local authorities: every code and name that identifies one.

The registry ships inside the package (``ilacs/data/authorities.csv``, with its
provenance beside it). It holds the 153 local authorities with children's services
in England today and the abolished ones that still own past inspections
(Bournemouth and Poole, replaced in April 2019 by Bournemouth, Christchurch &
Poole; Northamptonshire, replaced in 2021; Cumbria, replaced in 2023). Each is an
:class:`ilacs.LocalAuthority` named as Ofsted's official statistics name it, with
its Ofsted URN, DfE code, ONS code and Ofsted region; its record
(:func:`record`) also holds its statistical neighbours (:func:`neighbours`).

Look one up by any of its keys:

- the Ofsted URN, as a number or as text (``80498``, ``"80498"``);
- the DfE three-digit LA code (``"309"``): DfE's "old" code;
- the ONS (GSS) code, current or former (``"E09000014"``): DfE's statistics give
  it as the "new" LA code;
- the name: in any letter case, "and" or "&", with or without "City of", "St." or
  "St", punctuation, accents, "Council" or "London Borough of"; Ofsted's names, the
  ONS names and the community scrape's lower-case names all work.

>>> from ilacs import authorities
>>> authorities.get("haringey")
LocalAuthority(name='Haringey', urn=80498, dfe_code='309', ons_code='E09000014', region='London')
>>> authorities.get(80498) == authorities.get("309") == authorities.get("E09000014")
True
>>> authorities.get("Bristol, City of").name
'Bristol'
>>> authorities.get("Telford and Wrekin").name
'Telford & Wrekin'
>>> len(authorities.all()), len(authorities.all(include_abolished=True))
(153, 157)
>>> authorities.get("Haringy")
Traceback (most recent call last):
...
ilacs.errors.UnknownAuthorityError: no local authority is known by the name 'Haringy' (did you mean 'Haringey'?)
"""

import csv
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources

import attrs
import pendulum

from ilacs.base import validators as v
from ilacs.base.text import describe, shown
from ilacs.errors import UnknownAuthorityError
from ilacs.model.authority import LocalAuthority

__all__ = [
    "AuthorityRecord",
    "UnknownAuthorityError",
    "all",
    "get",
    "in_region",
    "neighbours",
    "record",
    "records",
    "regions",
    "search",
]

_ONS_CODE = re.compile(r"[ENSW][0-9]{8}", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
# How alike two names must be (difflib's ratio) to be suggested.
_CLOSE = 0.6
_NOT_WORD = re.compile(r"[\W_]+")
# Tried, in turn and together, when a name is not found as given.
_PREFIXES = (
    "the ",
    "city of ",
    "county of ",
    "london borough of ",
    "royal borough of ",
    "metropolitan borough of ",
    "borough of ",
)
_SUFFIXES = (
    " city of",
    " city",
    " council",
    " city council",
    " county council",
    " borough council",
    " district council",
    " metropolitan borough council",
    " metropolitan district council",
)


@attrs.frozen(kw_only=True)
class AuthorityRecord:
    """What the registry knows of an authority beyond its :class:`~ilacs.LocalAuthority`.

    Attributes:
        authority: the authority, with its current codes (or its last, if abolished).
        ons_name: its name in the community lookup (mostly ONS's), where it differs.
        former_ons_codes: earlier ONS codes of the same authority (Barnsley's and
            Sheffield's before their 2024 recoding, the county codes of authorities
            that became unitary); they find it too.
        aliases: other names it goes by ("Hull", "BCP", "London Corporation").
        replaced_on: for an abolished authority, the day its successors took over.
        replaced_by: for an abolished authority, its successors' names.
        statistical_neighbours: the DfE LA codes of the ten authorities DfE's
            children's services statistical neighbours name for it, in the order the
            community lookup gives them (none for an abolished authority); see
            :func:`neighbours`.

    >>> from ilacs import authorities
    >>> cumbria = authorities.record("Cumbria")
    >>> cumbria.is_current, str(cumbria.replaced_on), cumbria.replaced_by
    (False, '2023-04-01', ('Cumberland', 'Westmorland and Furness'))
    >>> authorities.record("Barnsley").former_ons_codes
    ('E08000016',)
    """

    authority: LocalAuthority = attrs.field(validator=v.instance_of(LocalAuthority))
    ons_name: str | None = attrs.field(default=None, validator=v.optional(v.text))
    former_ons_codes: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.matches(r"[ENSW]\d{8}", "an ONS code"))
    )
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    replaced_on: pendulum.Date | None = attrs.field(default=None, validator=v.optional(v.date))
    replaced_by: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text))
    statistical_neighbours: tuple[str, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.matches(r"\d{3}", "a three-digit DfE code"))
    )

    def __attrs_post_init__(self) -> None:
        if (self.replaced_on is None) != (not self.replaced_by):
            v.reject(
                "replaced_by",
                self.replaced_by,
                "must name the successors exactly when 'replaced_on' is given",
            )

    @property
    def name(self) -> str:
        """The authority's name, as Ofsted's official statistics print it."""
        return self.authority.name

    @property
    def is_current(self) -> bool:
        """True for an authority that exists today, False for an abolished one."""
        return self.replaced_on is None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is known by (Ofsted's, the lookup's, then its aliases)."""
        seen = dict.fromkeys(
            (self.name, *([self.ons_name] if self.ons_name else []), *self.aliases)
        )
        return tuple(seen)


def _fold(text: str) -> str:
    """A name reduced to lower-case words: no accents, punctuation, "&" or "Saint"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ")
    words = _NOT_WORD.sub(" ", text).split()
    return " ".join("st" if word == "saint" else word for word in words)


def _candidates(key: str) -> list[str]:
    """The key, then every form of it without a council's prefixes and suffixes."""
    found = [key]
    for current in found:  # grows as it goes: each new form is stripped in turn
        for prefix in _PREFIXES:
            if current.startswith(prefix) and current != prefix.strip():
                stripped = current.removeprefix(prefix)
                if stripped not in found:
                    found.append(stripped)
        for suffix in _SUFFIXES:
            if current.endswith(suffix) and current != suffix.strip():
                stripped = current.removesuffix(suffix)
                if stripped not in found:
                    found.append(stripped)
    return found


@attrs.frozen
class _Index:
    records: tuple[AuthorityRecord, ...]
    urns: dict[int, AuthorityRecord]
    dfe_codes: dict[str, AuthorityRecord]
    ons_codes: dict[str, AuthorityRecord]
    names: dict[str, AuthorityRecord]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split(";") if part)


def _parse(row: dict[str, str]) -> AuthorityRecord:
    authority = LocalAuthority(
        name=row["name"],
        urn=int(row["urn"]) if row["urn"] else None,
        dfe_code=row["dfe_code"] or None,
        ons_code=row["ons_code"] or None,
        region=row["region"] or None,
    )
    return AuthorityRecord(
        authority=authority,
        ons_name=row["ons_name"] if row["ons_name"] != row["name"] else None,
        former_ons_codes=_split(row["former_ons_codes"]),
        aliases=_split(row["aliases"]),
        replaced_on=pendulum.Date.fromisoformat(row["replaced_on"]) if row["replaced_on"] else None,
        replaced_by=_split(row["replaced_by"]),
        statistical_neighbours=_split(row["statistical_neighbours"]),
    )


@functools.cache
def _index() -> _Index:
    text = (resources.files("ilacs.model") / "data" / "authorities.csv").read_text(encoding="utf-8")
    built = tuple(_parse(row) for row in csv.DictReader(text.splitlines()))
    # No name is shared by two authorities (a test checks every one); were one
    # shared, the first authority would keep it.
    names: dict[str, AuthorityRecord] = {}
    for item in built:
        for name in item.names:
            key = _fold(name)
            names.setdefault(key, item)
            # ONS writes "Bristol, City of": the plain name finds it as well.
            if key.endswith(" city of"):
                names.setdefault(key.removesuffix(" city of"), item)
    return _Index(
        records=tuple(sorted(built, key=lambda item: _fold(item.name))),
        urns={item.authority.urn: item for item in built if item.authority.urn is not None},
        dfe_codes={
            item.authority.dfe_code: item for item in built if item.authority.dfe_code is not None
        },
        ons_codes={
            code: item
            for item in built
            for code in (item.authority.ons_code, *item.former_ons_codes)
            if code is not None
        },
        names=names,
    )


def _quoted(names: Iterable[str]) -> str:
    listed = [repr(name) for name in names]
    if len(listed) < 2:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} or {listed[-1]}"


def _close(key: str, index: _Index) -> list[str]:
    """Index names spelt like the key: the closest, and any nearly as close."""
    scored: dict[str, float] = {}
    for candidate in _candidates(key):
        matcher = difflib.SequenceMatcher(b=candidate)
        for name in index.names:
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() >= _CLOSE and matcher.quick_ratio() >= _CLOSE:
                score = matcher.ratio()
                if score >= _CLOSE:
                    scored[name] = max(score, scored.get(name, 0.0))
    best = max(scored.values(), default=1.0)
    return sorted((n for n in scored if scored[n] >= best - 0.1), key=lambda n: -scored[n])


def _ranked(key: str, index: _Index) -> list[AuthorityRecord]:
    """Records whose names start with the key, then contain it; else close spellings."""
    if not key:
        return []
    keys = sorted(index.names)
    ranked = [k for k in keys if k.startswith(key)]
    ranked += [k for k in keys if key in k and not k.startswith(key)]
    found = {index.names[k].name: index.names[k] for k in ranked or _close(key, index)}
    return list(found.values())


def _by_name(text: str, index: _Index) -> AuthorityRecord:
    key = _fold(text)
    for candidate in _candidates(key):
        if candidate in index.names:
            return index.names[candidate]
    suggestions = tuple(item.name for item in _ranked(key, index)[:3])
    hint = f"did you mean {_quoted(suggestions)}?" if suggestions else "see authorities.all()"
    msg = f"no local authority is known by the name {shown(text)} ({hint})"
    raise UnknownAuthorityError(msg, key=text, suggestions=suggestions)


def _by_number(number: int, key: object, index: _Index) -> AuthorityRecord:
    if number in index.urns:
        return index.urns[number]
    if 0 < number < 1000 and f"{number:03d}" in index.dfe_codes:
        return index.dfe_codes[f"{number:03d}"]
    msg = f"no local authority has the Ofsted URN or DfE code {shown(key)}"
    raise UnknownAuthorityError(msg, key=key)


def record(key: str | int) -> AuthorityRecord:
    """The registry's record of the authority with this URN, code or name.

    >>> from ilacs import authorities
    >>> authorities.record("st. helens").name
    'St Helens'
    >>> authorities.record("E06000028").replaced_by
    ('Bournemouth, Christchurch & Poole',)
    """
    index = _index()
    if isinstance(key, int) and not isinstance(key, bool):
        return _by_number(key, key, index)
    if not isinstance(key, str):
        msg = (
            "an authority is looked up by its name, Ofsted URN, DfE code or ONS code"
            f" (got {describe(key)})"
        )
        raise UnknownAuthorityError(msg, key=key)
    text = key.strip()
    if _DIGITS.fullmatch(text):
        # A URN has at most seven digits; int() refuses thousands of them.
        return _by_number(int(text) if len(text) <= 12 else -1, key, index)
    if _ONS_CODE.fullmatch(text):
        found = index.ons_codes.get(text.upper())
        if found is None:
            msg = f"no local authority has the ONS code {shown(key)}"
            raise UnknownAuthorityError(msg, key=key)
        return found
    return _by_name(key, index)


def get(key: str | int) -> LocalAuthority:
    """The authority with this Ofsted URN, DfE code, ONS code or name.

    Raises :class:`UnknownAuthorityError` when there is none; for a name, the
    message suggests the closest.

    >>> from ilacs import authorities
    >>> authorities.get("E08000016").name  # Barnsley's code before 2024
    'Barnsley'
    >>> authorities.get("london corporation").name
    'City of London'
    >>> authorities.get("Royal Borough of Kensington & Chelsea").ons_code
    'E09000020'
    >>> authorities.get(" 309 ").name
    'Haringey'
    >>> authorities.get("E09000099")
    Traceback (most recent call last):
    ...
    ilacs.errors.UnknownAuthorityError: no local authority has the ONS code 'E09000099'
    """
    return record(key).authority


def records(*, include_abolished: bool = False) -> tuple[AuthorityRecord, ...]:
    """Every authority's record, by name; abolished ones only when asked.

    >>> from ilacs import authorities
    >>> [item.name for item in authorities.records(include_abolished=True) if not item.is_current]
    ['Bournemouth', 'Cumbria', 'Northamptonshire', 'Poole']
    """
    every = _index().records
    return every if include_abolished else tuple(item for item in every if item.is_current)


def all(*, include_abolished: bool = False) -> tuple[LocalAuthority, ...]:  # noqa: A001 (as ilacs.frameworks.all)
    """Every authority, by name: the 153 that exist today, and the abolished ones when asked.

    >>> from ilacs import authorities
    >>> [authority.name for authority in authorities.all()][:3]
    ['Barking and Dagenham', 'Barnet', 'Barnsley']
    """
    return tuple(item.authority for item in records(include_abolished=include_abolished))


def search(text: str, *, limit: int = 5) -> tuple[LocalAuthority, ...]:
    """The authorities whose names best match ``text``, best first, at most ``limit``.

    An exact name or code comes first, then names that start with the text, then
    names that contain it; close spellings only when no name contains it.
    Abolished authorities are included.

    >>> from ilacs import authorities
    >>> [authority.name for authority in authorities.search("northampton")]
    ['Northamptonshire', 'North Northamptonshire', 'West Northamptonshire']
    >>> [authority.name for authority in authorities.search("Kingston")]
    ['Kingston upon Hull', 'Kingston upon Thames']
    """
    if not isinstance(text, str):
        v.reject("text", text, "must be a string")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        v.reject("limit", limit, "must be a whole number, 1 or more")
    found: dict[str, AuthorityRecord] = {}
    try:
        exact = record(text)
    except UnknownAuthorityError:
        pass
    else:
        found[exact.name] = exact
    for item in _ranked(_fold(text), _index()):
        found.setdefault(item.name, item)
    return tuple(item.authority for item in found.values())[:limit]


def regions() -> tuple[str, ...]:
    """The Ofsted regions of the authorities that exist today, in alphabetical order.

    >>> from ilacs import authorities
    >>> authorities.regions()[:3]
    ('East Midlands', 'East of England', 'London')
    >>> len(authorities.regions())
    8
    """
    return tuple(sorted({item.authority.region for item in records() if item.authority.region}))


def in_region(region: str, *, include_abolished: bool = False) -> tuple[LocalAuthority, ...]:
    """The authorities of an Ofsted region, by name; the region's name in any letter case.

    >>> from ilacs import authorities
    >>> len(authorities.in_region("london"))
    33
    >>> authorities.in_region("Wessex")
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: 'region' must be an Ofsted region: 'East Midlands', 'East of England', 'London', 'North East, Yorkshire and the Humber', 'North West', 'South East', 'South West' or 'West Midlands' (got str 'Wessex')
    """
    known = {name.casefold(): name for name in regions()}
    name = known.get(region.casefold()) if isinstance(region, str) else None
    if name is None:
        v.reject("region", region, f"must be an Ofsted region: {_quoted(known.values())}")
    return tuple(
        item.authority
        for item in records(include_abolished=include_abolished)
        if item.authority.region == name
    )


def neighbours(key: str | int) -> tuple[LocalAuthority, ...]:
    """The statistical neighbours of the authority with this URN, code or name.

    They are DfE's children's services statistical neighbours (ten authorities most
    like it), as the registry's ``statistical_neighbours`` column records them,
    in that order. An abolished authority has none recorded.

    >>> from ilacs import authorities
    >>> [authority.name for authority in authorities.neighbours("Haringey")][:3]
    ['Waltham Forest', 'Ealing', 'Lewisham']
    >>> authorities.neighbours("Cumbria")
    ()
    """
    return tuple(get(code) for code in record(key).statistical_neighbours)
