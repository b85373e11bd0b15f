"""Tests for ilacs.authorities: the registry of local authorities and its look-ups."""

import csv
from pathlib import Path
from random import Random
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import LocalAuthority, authorities
from ilacs.authorities import AuthorityRecord, UnknownAuthorityError
from ilacs.errors import IlacsError, ValidationError

DATA = Path(__file__).parent / "data"
HARINGEY = LocalAuthority(
    name="Haringey", urn=80498, dfe_code="309", ons_code="E09000014", region="London"
)


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _outcome(key: str) -> LocalAuthority | UnknownAuthorityError:
    """The authority a key finds, or the error it raises."""
    try:
        return authorities.get(key)
    except UnknownAuthorityError as error:
        return error


# Every kind of key finds Haringey.
HARINGEY_KEYS = [
    80498,
    "80498",
    " 80498 ",
    "309",
    309,
    "E09000014",
    "e09000014",
    "Haringey",
    "HARINGEY",
    "haringey",
    "  Haringey ",
    "London Borough of Haringey",
    "Haringey Council",
]

# A name as someone might write it, and the authority it finds.
NAME_VARIANTS = [
    ("Bristol, City of", "Bristol"),
    ("City of Bristol", "Bristol"),
    ("Bristol City Council", "Bristol"),
    ("bristol", "Bristol"),
    ("Kingston Upon Hull, City of", "Kingston upon Hull"),
    ("kingston upon hull", "Kingston upon Hull"),
    ("Hull", "Kingston upon Hull"),
    ("Hull City", "Kingston upon Hull"),
    ("City of London", "City of London"),
    ("london corporation", "City of London"),
    ("St. Helens", "St Helens"),
    ("St Helens", "St Helens"),
    ("Saint Helens", "St Helens"),
    ("st helens", "St Helens"),
    ("Telford and Wrekin", "Telford & Wrekin"),
    ("telford & wrekin", "Telford & Wrekin"),
    ("Hammersmith and Fulham", "Hammersmith & Fulham"),
    ("Windsor & Maidenhead", "Windsor and Maidenhead"),
    ("windsor & maidenhead", "Windsor and Maidenhead"),
    ("Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead"),
    ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch & Poole"),
    ("bournemouth, christchurch & poole", "Bournemouth, Christchurch & Poole"),
    ("BCP", "Bournemouth, Christchurch & Poole"),
    ("Bournemouth", "Bournemouth"),
    ("Poole", "Poole"),
    ("Southend on Sea", "Southend-on-Sea"),
    ("Southend", "Southend-on-Sea"),
    ("Stockton on Tees", "Stockton-on-Tees"),
    ("Newcastle-upon-Tyne", "Newcastle upon Tyne"),
    ("County Durham", "Durham"),
    ("Durham County Council", "Durham"),
    ("Bedford Borough", "Bedford"),
    ("Bedford Borough Council", "Bedford"),
    ("Herefordshire, County of", "Herefordshire"),
    ("City of York Council", "York"),
    ("Nottingham City Council", "Nottingham"),
    ("Nottinghamshire County Council", "Nottinghamshire"),
    ("Brighton & Hove City Council", "Brighton and Hove"),
    ("The Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
    ("Barking & Dagenham", "Barking and Dagenham"),
    ("Westmorland & Furness", "Westmorland and Furness"),
]

# Codes that changed: a former ONS code still finds the authority.
FORMER_CODES = [
    ("E08000016", "Barnsley"),
    ("E08000019", "Sheffield"),
    ("E10000002", "Buckinghamshire"),
    ("E10000023", "North Yorkshire"),
    ("E10000027", "Somerset"),
]

ABOLISHED = [
    ("Bournemouth", None, "837", "E06000028", "2019-04-01", ("Bournemouth, Christchurch & Poole",)),
    ("Poole", 137316, "836", "E06000029", "2019-04-01", ("Bournemouth, Christchurch & Poole",)),
    (
        "Northamptonshire",
        121939,
        "928",
        "E10000021",
        "2021-04-01",
        ("North Northamptonshire", "West Northamptonshire"),
    ),
    (
        "Cumbria",
        135513,
        "909",
        "E10000006",
        "2023-04-01",
        ("Cumberland", "Westmorland and Furness"),
    ),
]

UNKNOWN_KEYS = [
    ("Haringy", "no local authority is known by the name 'Haringy' (did you mean 'Haringey'?)"),
    (
        "Kingston",
        (
            "no local authority is known by the name 'Kingston'"
            " (did you mean 'Kingston upon Hull' or 'Kingston upon Thames'?)"
        ),
    ),
    (
        "Northumbria",
        "no local authority is known by the name 'Northumbria' (did you mean 'Northumberland'?)",
    ),
    ("Atlantis", "no local authority is known by the name 'Atlantis' (see authorities.all())"),
    ("", "no local authority is known by the name '' (see authorities.all())"),
    ("E09000099", "no local authority has the ONS code 'E09000099'"),
    ("999", "no local authority has the Ofsted URN or DfE code '999'"),
    (12345, "no local authority has the Ofsted URN or DfE code 12345"),
    (
        "1" * 5000,
        f"no local authority has the Ofsted URN or DfE code '{'1' * 200}'... (5,000 characters)",
    ),
    (
        True,
        "an authority is looked up by its name, Ofsted URN, DfE code or ONS code (got bool True)",
    ),
    (
        3.5,
        "an authority is looked up by its name, Ofsted URN, DfE code or ONS code (got float 3.5)",
    ),
    (
        None,
        (
            "an authority is looked up by its name, Ofsted URN, DfE code or ONS code"
            " (got NoneType None)"
        ),
    ),
]

SUGGESTIONS = [
    ("Haringy", ("Haringey",)),
    ("Sheffeld", ("Sheffield",)),
    ("Bornemouth", ("Bournemouth",)),
    ("Notingham", ("Nottingham",)),
    ("Westmorland", ("Westmorland and Furness",)),
    ("richmond", ("Richmond upon Thames",)),
    ("Atlantis", ()),
]

SEARCHES = [
    ("Haringey", ["Haringey"]),
    ("northampton", ["Northamptonshire", "North Northamptonshire", "West Northamptonshire"]),
    ("Kingston", ["Kingston upon Hull", "Kingston upon Thames"]),
    ("E08000016", ["Barnsley"]),
    ("york", ["York", "East Riding of Yorkshire", "North Yorkshire"]),
    ("Sheffeld", ["Sheffield"]),
    ("", []),
]

INVALID_RECORDS = [
    (
        {"replaced_on": pendulum.date(2019, 4, 1)},
        "'replaced_by' must name the successors exactly when 'replaced_on' is given (got tuple ())",
    ),
    (
        {"replaced_by": ("Somewhere",)},
        (
            "'replaced_by' must name the successors exactly when 'replaced_on' is given"
            " (got tuple ('Somewhere',))"
        ),
    ),
    ({"former_ons_codes": ("309",)}, "'former_ons_codes[0]' must be an ONS code (got str '309')"),
    ({"aliases": ("",)}, "'aliases[0]' must not be empty (got str '')"),
]


class TestRegistry:
    """The registry holds every authority, current and abolished, with its codes."""

    def test_it_holds_the_153_current_authorities(self) -> None:
        """153 today; 157 with the four abolished ones that still own inspections."""
        assert len(authorities.all()) == 153
        assert len(authorities.all(include_abolished=True)) == 157
        assert len(authorities.records()) == 153

    @pytest.mark.parametrize("abolished", ABOLISHED, ids=lambda case: str(case[0]))
    def test_an_abolished_authority_keeps_its_codes_and_names_its_successors(
        self, abolished: tuple[str, int | None, str, str, str, tuple[str, ...]]
    ) -> None:
        """Bournemouth, Poole, Northamptonshire and Cumbria, with the day they were replaced."""
        name, urn, dfe_code, ons_code, replaced_on, replaced_by = abolished
        record = authorities.record(name)
        assert (record.authority.urn, record.authority.dfe_code) == (urn, dfe_code)
        assert record.authority.ons_code == ons_code
        assert not record.is_current
        assert record.replaced_on == pendulum.Date.fromisoformat(replaced_on)
        assert record.replaced_by == replaced_by
        assert all(authorities.record(successor).is_current for successor in replaced_by)
        assert record.authority not in authorities.all()

    def test_every_authority_has_every_code_but_bournemouth_its_urn(self) -> None:
        """Name, DfE code, ONS code and region throughout; only Bournemouth lacks a URN."""
        every = authorities.all(include_abolished=True)
        assert all(a.dfe_code and a.ons_code and a.region for a in every)
        assert [a.name for a in every if a.urn is None] == ["Bournemouth"]

    def test_no_code_names_two_authorities(self) -> None:
        """URNs, DfE codes and ONS codes are each unique."""
        every = authorities.all(include_abolished=True)
        for field in ("urn", "dfe_code", "ons_code", "name"):
            values = [getattr(a, field) for a in every if getattr(a, field) is not None]
            assert len(values) == len(set(values)), field

    def test_no_name_is_ambiguous(self) -> None:
        """Every name and alias of every authority finds that authority and no other."""
        for record in authorities.records(include_abolished=True):
            for name in record.names:
                assert authorities.record(name) is record, name

    def test_the_regions_are_ofsteds_eight(self) -> None:
        """Ofsted joins the North East with Yorkshire and the Humber."""
        assert {a.region for a in authorities.all(include_abolished=True)} == {
            "East Midlands",
            "East of England",
            "London",
            "North East, Yorkshire and the Humber",
            "North West",
            "South East",
            "South West",
            "West Midlands",
        }

    def test_it_agrees_with_the_community_lookup(self) -> None:
        """Each of the lookup's 156 rows is found by URN, with its DfE and ONS codes."""
        rows = _read("la_lookup.csv")
        assert len(rows) == 156
        for row in rows:
            authority = authorities.get(int(row["urn"]))
            assert authority.dfe_code == row["la_code"]
            assert authority.ons_code == row["la_code_new"]
            assert authorities.get(row["local_authority_ons_name"]) == authority

    def test_it_names_authorities_as_ofsteds_statistics_do(self) -> None:
        """Every code and name of the official file finds an authority of that name."""
        for row in _read("ofsted_mi_ilacs_history_2018_2025.csv"):
            by_code = authorities.get(row["Local authority area code"])
            assert by_code.name == row["Local authority name"]
            assert authorities.get(row["Local authority name"]) == by_code
            assert by_code.region == row["Ofsted region"]

    def test_it_finds_every_authority_of_the_community_scrape_by_urn_and_name(self) -> None:
        """The scrape's lower-case names find the authority its URN does."""
        for row in _read("ofsted_csc_ilacs_history.csv"):
            assert authorities.get(row["local_authority"]) == authorities.get(row["urn"])

    def test_the_index_is_built_once(self) -> None:
        """Look-ups return the same objects each time."""
        assert authorities.get("Haringey") is authorities.get(80498)
        assert authorities.all() is not None
        assert authorities.all()[0] is authorities.all()[0]


class TestLookUp:
    """An authority is found by any of its codes or by its name, however it is written."""

    @pytest.mark.parametrize("key", HARINGEY_KEYS)
    def test_every_kind_of_key_finds_haringey(self, key: str | int) -> None:
        """URN (number or text), DfE code, ONS code, and the name in any case."""
        assert authorities.get(key) == HARINGEY

    @pytest.mark.parametrize(("query", "name"), NAME_VARIANTS)
    def test_names_match_whatever_the_spelling(self, query: str, name: str) -> None:
        """'and' or '&', 'City of', 'St.' or 'St', punctuation, 'Council' and the like."""
        assert authorities.get(query).name == name

    @pytest.mark.parametrize(("code", "name"), FORMER_CODES)
    def test_a_former_ons_code_finds_the_authority(self, code: str, name: str) -> None:
        """Barnsley and Sheffield were recoded; three counties became unitary."""
        record = authorities.record(code)
        assert record.name == name
        assert code in record.former_ons_codes
        assert record.authority.ons_code != code

    @given(st.sampled_from(authorities.all(include_abolished=True)), st.randoms())
    def test_any_letter_case_of_a_name_finds_the_authority(
        self, authority: LocalAuthority, random: Random
    ) -> None:
        """Case never matters."""
        name = "".join(
            char.upper() if random.random() < 0.5 else char.lower() for char in authority.name
        )
        assert authorities.get(name) == authority

    @given(st.sampled_from(authorities.all(include_abolished=True)))
    def test_every_code_of_an_authority_finds_it(self, authority: LocalAuthority) -> None:
        """URN, DfE code and ONS code each lead back to the same authority."""
        assert authority.ons_code is not None
        assert authority.dfe_code is not None
        assert authorities.get(authority.ons_code) == authority
        assert authorities.get(authority.dfe_code) == authority
        if authority.urn is not None:
            assert authorities.get(authority.urn) == authority
            assert authorities.get(str(authority.urn)) == authority

    def test_names_with_accents_or_odd_spaces_are_found(self) -> None:
        """Accents and runs of spaces do not matter."""
        assert authorities.get("Hàringey").name == "Haringey"
        assert authorities.get("Kingston   upon\tThames").name == "Kingston upon Thames"

    def test_a_record_knows_every_name_of_its_authority(self) -> None:
        """Ofsted's name first, then the lookup's, then the aliases."""
        record = authorities.record("Hull")
        assert record.names == ("Kingston upon Hull", "Kingston Upon Hull, City of", "Hull")
        assert record.is_current


class TestUnknownAuthority:
    """An unknown key raises a library error that suggests the closest names."""

    @pytest.mark.parametrize(("key", "message"), UNKNOWN_KEYS)
    def test_an_unknown_key_is_an_error_naming_it(self, key: object, message: str) -> None:
        """The message names the key and, for a name, the closest authorities."""
        with pytest.raises(UnknownAuthorityError) as raised:
            authorities.get(key)  # type: ignore[arg-type]
        assert str(raised.value) == message
        assert raised.value.key == key

    @pytest.mark.parametrize(("name", "suggestions"), SUGGESTIONS)
    def test_the_error_suggests_the_closest_names(
        self, name: str, suggestions: tuple[str, ...]
    ) -> None:
        """Close spellings, or names that begin with what was typed."""
        with pytest.raises(UnknownAuthorityError) as raised:
            authorities.get(name)
        assert raised.value.suggestions == suggestions

    def test_the_error_is_an_ilacs_error_and_a_lookup_error(self) -> None:
        """Caught by ``except IlacsError`` and by ``except LookupError``."""
        assert issubclass(UnknownAuthorityError, IlacsError)
        assert issubclass(UnknownAuthorityError, LookupError)

    @given(st.text())
    def test_any_text_is_found_or_refused_with_an_ilacs_error(self, text: str) -> None:
        """Nothing but an authority or UnknownAuthorityError comes back."""
        outcome = _outcome(text)
        if isinstance(outcome, UnknownAuthorityError):
            assert outcome.key == text
        else:
            assert outcome in authorities.all(include_abolished=True)


class TestSearch:
    """search() lists the best matches, for a user choosing an authority."""

    @pytest.mark.parametrize(("text", "names"), SEARCHES)
    def test_search_ranks_exact_then_prefix_then_contains_then_close(
        self, text: str, names: list[str]
    ) -> None:
        """An exact match first; close spellings only when no name contains the text."""
        assert [a.name for a in authorities.search(text)] == names

    def test_search_stops_at_the_limit(self) -> None:
        """At most ``limit`` authorities."""
        assert len(authorities.search("north", limit=3)) == 3
        assert len(authorities.search("north")) == 5

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ({"text": 5}, "'text' must be a string (got int 5)"),
            ({"text": "york", "limit": 0}, "'limit' must be a whole number, 1 or more (got int 0)"),
            (
                {"text": "york", "limit": True},
                "'limit' must be a whole number, 1 or more (got bool True)",
            ),
        ],
    )
    def test_search_rejects_bad_arguments(self, arguments: dict[str, object], message: str) -> None:
        """A ValidationError names the argument."""
        with pytest.raises(ValidationError) as raised:
            authorities.search(**arguments)  # type: ignore[arg-type]
        assert str(raised.value) == message


class TestAuthorityRecord:
    """A record is a frozen value; construction rejects what can never be right."""

    @pytest.mark.parametrize(("changes", "message"), INVALID_RECORDS)
    def test_invalid_changes_are_rejected(self, changes: dict[str, Any], message: str) -> None:
        """A ValidationError naming the field, the rule and the value."""
        record = authorities.record("Haringey")
        with pytest.raises(ValidationError) as raised:
            attrs.evolve(record, **changes)
        assert str(raised.value) == message

    def test_a_record_is_frozen(self) -> None:
        """Change goes through attrs.evolve."""
        record = authorities.record("Haringey")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            record.aliases = ("Tottenham",)  # type: ignore[misc]
        assert isinstance(record, AuthorityRecord)
