"""Tests for ilacs.importers: Ofsted's statistics and the community scrape, every row accounted for."""

import csv
import functools
import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Grade, Inspection, InspectionKind, authorities, importers, rules
from ilacs.errors import IlacsError
from ilacs.importers import CsvFormatError, ImportResult, Reason

DATA = Path(__file__).parent / "data"
OFFICIAL = DATA / "ofsted_mi_ilacs_history_2018_2025.csv"
INYEAR = DATA / "ofsted_mi_inyear_activity_2022_2025.csv"
COMMUNITY = DATA / "ofsted_csc_ilacs_history.csv"
Importer = Callable[..., ImportResult]
IMPORTERS: dict[str, Importer] = {
    "ofsted": importers.ofsted,
    "inyear": importers.inyear,
    "community": importers.community,
}
OUT, GOOD, RI, INAD = Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE


@functools.cache
def _imported(name: str) -> ImportResult:
    """Each national file, imported once."""
    path = {"ofsted": OFFICIAL, "inyear": INYEAR, "community": COMMUNITY}[name]
    return IMPORTERS[name](path)


def _header(path: Path) -> str:
    with path.open(encoding="utf-8") as file:
        return file.readline()


def _one(importer: str, *rows: str) -> ImportResult:
    """Import the given rows below the real file's header."""
    path = {"ofsted": OFFICIAL, "inyear": INYEAR, "community": COMMUNITY}[importer]
    return IMPORTERS[importer](io.StringIO(_header(path) + "".join(f"{row}\n" for row in rows)))


def _key(inspection: Inspection) -> tuple[str, pendulum.Date]:
    return inspection.authority.name, inspection.on_site_start


OFFICIAL_ROW = (
    '"release",E09000014,Haringey,Current,London,{start},2018-12-14,{kind},'
    "Requires improvement to be good,Requires improvement to be good,"
    "Requires improvement to be good,Requires improvement to be good,{care_leavers}"
)
INYEAR_ROW = "release,{name},{code},London,{kind},{date},{published},{theme},{grades}"
COMMUNITY_ROW = (
    "80498,haringey,https://files.ofsted.gov.uk/v1/file/50041744,report.pdf,{published},"
    "{kind},Anne Waterman,{start},{end},{overall},requires improvement,requires improvement,"
    "requires improvement,{care_leavers},1"
)


def _official(
    start: str = "2018-10-29", kind: str = "ILACS Standard Inspection", care_leavers: str = ""
) -> str:
    return OFFICIAL_ROW.format(start=start, kind=kind, care_leavers=care_leavers)


def _inyear(
    *,
    name: str = "Haringey",
    code: str = "",
    kind: str = "ILACS Focused Visit",
    date: str = "2021-06-08",
    published: str = "",
    theme: str = "Front door",
    grades: str = ",,,,",
) -> str:
    return INYEAR_ROW.format(
        name=name,
        code=code,
        kind=kind,
        date=date,
        published=published,
        theme=theme,
        grades=grades,
    )


def _community(
    *,
    published: str = "14/12/18",
    kind: str = "standard",
    start: str = "29/10/2018",
    end: str = "09/11/2018",
    overall: str = "requires improvement",
    care_leavers: str = "inspection_pre_dates_judgement",
) -> str:
    return COMMUNITY_ROW.format(
        published=published,
        kind=kind,
        start=start,
        end=end,
        overall=overall,
        care_leavers=care_leavers,
    )


# Rows that cannot be taken: (importer, row, reason, column, detail).
BAD_ROWS = [
    (
        "ofsted",
        _official(start="29 October 2018"),
        Reason.BAD_DATE,
        "Inspection date",
        "'Inspection date' must be a date such as 2018-10-29 or 29/10/2018 (got '29 October 2018')",
    ),
    (
        "ofsted",
        _official(start="2018-02-30"),
        Reason.BAD_DATE,
        "Inspection date",
        "'Inspection date' is not a day on the calendar (got '2018-02-30')",
    ),
    (
        "ofsted",
        _official(start=""),
        Reason.NO_FIELDWORK_DATES,
        "Inspection date",
        "'Inspection date' is empty: no first day on site",
    ),
    (
        "ofsted",
        _official(start="2010-06-07"),
        Reason.NO_FRAMEWORK,
        "Inspection date",
        (
            "'Inspection date': no 'ofsted-childrens-services' framework was in force on 2010-06-07"
            " (the earliest, 'sif-2013', came into force on 2013-11-01)"
        ),
    ),
    (
        "ofsted",
        _official(kind="ILACS Long Inspection"),
        Reason.UNKNOWN_KIND,
        "Inspection type",
        (
            "'Inspection type' must be an inspection type such as 'ILACS Standard Inspection',"
            " 'ILACS Short Inspection', 'ILACS Focused Visit', 'LA Monitoring visit'"
            " (got 'ILACS Long Inspection')"
        ),
    ),
    (
        "ofsted",
        _official(start="2016-10-31"),
        Reason.KIND_NOT_IN_FRAMEWORK,
        "Inspection type",
        (
            "'Inspection type' names a 'standard' inspection, which sif-2013 does not make"
            " (got 'ILACS Standard Inspection')"
        ),
    ),
    (
        "ofsted",
        _official(care_leavers="Good"),
        Reason.UNEXPECTED_GRADE,
        "The experiences and progress of care leavers",
        (
            "'The experiences and progress of care leavers' is 'Good',"
            " but ilacs-2018 makes no such judgement"
        ),
    ),
    (
        "ofsted",
        _official(start="2023-02-13"),
        Reason.MISSING_GRADE,
        "The experiences and progress of care leavers",
        (
            "'The experiences and progress of care leavers' is empty,"
            " but ilacs-2023 judges 'care_leavers'"
        ),
    ),
    (
        "ofsted",
        _official(care_leavers="Good,extra"),
        Reason.WRONG_CELL_COUNT,
        None,
        "expected 13 cells, as the header has, got 14",
    ),
    (
        "ofsted",
        _official().replace("E09000014,Haringey", "E09000014,Harrow"),
        Reason.AUTHORITY_MISMATCH,
        "Local authority name",
        (
            "'Local authority area code' 'E09000014' is 'Haringey'"
            " but 'Local authority name' 'Harrow' is 'Harrow'"
        ),
    ),
    (
        "ofsted",
        _official().replace("E09000014,Haringey", "E09000099,Haringy"),
        Reason.UNKNOWN_AUTHORITY,
        "Local authority name",
        (
            "'Local authority area code': no local authority has the ONS code 'E09000099';"
            " 'Local authority name': no local authority is known by the name 'Haringy'"
            " (did you mean 'Haringey'?)"
        ),
    ),
    (
        "ofsted",
        _official().replace("E09000014,Haringey", ","),
        Reason.MISSING_VALUE,
        "Local authority name",
        "no authority: 'Local authority area code' or 'Local authority name' are empty",
    ),
    (
        "inyear",
        _inyear(grades="Good,,,,"),
        Reason.UNEXPECTED_GRADE,
        "overall",
        "'overall' is 'Good', but a focused visit is not graded",
    ),
    (
        "inyear",
        _inyear(kind="ILACS Short Inspection", grades="Good,Good,Adequate,Good,"),
        Reason.UNRECOGNISED_GRADE,
        "help_and_protection",
        "'help_and_protection' is 'Adequate', which is not a grade",
    ),
    (
        "inyear",
        _inyear(published="2021-13-01"),
        Reason.BAD_DATE,
        "published",
        "'published' is not a day on the calendar (got '2021-13-01')",
    ),
    (
        "community",
        _community(start="", end=""),
        Reason.NO_FIELDWORK_DATES,
        "inspection_start_date",
        "'inspection_start_date' is empty: no first day on site",
    ),
    (
        "community",
        _community(end="26/10/2018"),
        Reason.INVALID_INSPECTION,
        "inspection_end_date",
        (
            "'inspection_end_date': 'on_site_end' must not be before the on-site start 2018-10-29"
            " (got 2018-10-26)"
        ),
    ),
    (
        "community",
        _community(published="14/12/2018x"),
        Reason.BAD_DATE,
        "publication_date",
        "'publication_date' must be a date such as 2018-10-29 or 29/10/2018 (got '14/12/2018x')",
    ),
    (
        "community",
        _community(overall="data_unreadable"),
        Reason.UNREADABLE_GRADE,
        "overall_effectiveness_grade",
        "'overall_effectiveness_grade' is 'data_unreadable': the grade could not be read",
    ),
    (
        "community",
        _community(overall=""),
        Reason.MISSING_GRADE,
        "overall_effectiveness_grade",
        "'overall_effectiveness_grade' is empty, but ilacs-2018 judges 'overall_effectiveness'",
    ),
    (
        "community",
        _community(overall="not_reported_post_reform"),
        Reason.MISSING_GRADE,
        "overall_effectiveness_grade",
        (
            "'overall_effectiveness_grade' is 'not_reported_post_reform',"
            " but ilacs-2018 judges 'overall_effectiveness'"
        ),
    ),
    (
        "community",
        _community(overall="", care_leavers="to good"),
        Reason.UNRECOGNISED_GRADE,
        "care_leavers_grade",
        (
            "'care_leavers_grade' is 'to good', which is not a grade;"
            " 'overall_effectiveness_grade' is empty, but ilacs-2018 judges 'overall_effectiveness'"
        ),
    ),
    (
        "community",
        _community(kind=""),
        Reason.UNKNOWN_KIND,
        "inspection_framework",
        "'inspection_framework' must be 'short' or 'standard'",
    ),
    (
        "community",
        _community().replace("80498,haringey", "80499,haringey"),
        Reason.AUTHORITY_MISMATCH,
        "local_authority",
        "'urn' '80499' is 'Harrow' but 'local_authority' 'haringey' is 'Haringey'",
    ),
]

# Tables that cannot be read at all: (importer, text, message).
BAD_FILES = [
    (
        "ofsted",
        "",
        "'<stream>' is empty: Ofsted's ILACS inspection history starts with a header row",
    ),
    (
        "community",
        "\n\n",
        "'<stream>' is empty: the community ILACS history starts with a header row",
    ),
    (
        "ofsted",
        "Local authority name,Inspection type\nHaringey,ILACS Standard Inspection\n",
        (
            "'<stream>' is not Ofsted's ILACS inspection history: it lacks the column(s)"
            " 'Inspection date'"
        ),
    ),
    (
        "inyear",
        "la_name,type,visit_date,Type\n",
        "'<stream>' has the column 'Type' twice",
    ),
    (
        "inyear",
        'la_name,type,visit_date\n"' + "x" * 200_000 + '",a,b\n',
        "'<stream>' is not a readable CSV file: line 2: field larger than field limit (131072)",
    ),
]


class TestOfsted:
    """Ofsted's official statistics: all 271 inspections, none skipped."""

    def test_every_row_is_imported(self) -> None:
        """271 read, 271 imported, nothing skipped."""
        result = _imported("ofsted")
        assert result.summary() == "271 rows read, 271 imported, 0 skipped"
        assert result.lines == tuple(range(2, 273))
        assert result.counts == {}

    def test_the_framework_is_the_one_in_force_on_the_first_day_on_site(self) -> None:
        """168 under ilacs-2018, 103 under ilacs-2023, each with its own judgements."""
        result = _imported("ofsted")
        assert Counter(i.framework for i in result.inspections) == {
            "ilacs-2018": 168,
            "ilacs-2023": 103,
        }
        for inspection in result.inspections:
            assert tuple(inspection.grades) == inspection.framework_pack().area_ids

    def test_every_row_is_read_as_the_file_writes_it(self) -> None:
        """Each row's dates, kind and grades, read straight from the CSV, are the inspection's."""
        kinds = {
            "ILACS Standard Inspection": InspectionKind.STANDARD,
            "ILACS Short Inspection": InspectionKind.SHORT,
        }
        with (DATA / "ofsted_mi_ilacs_history_2018_2025.csv").open(
            encoding="utf-8", newline=""
        ) as file:
            rows = list(csv.DictReader(file))
        result = _imported("ofsted")
        assert len(rows) == len(result.inspections)
        for row, inspection in zip(rows, result.inspections, strict=True):
            assert inspection.authority.name == row["Local authority name"]
            assert inspection.on_site_start.isoformat() == row["Inspection date"]
            assert inspection.published is not None
            assert inspection.published.isoformat() == row["Publication date"]
            assert inspection.kind is kinds[row["Inspection type"]]
            given = sorted(cell for cell in list(row.values())[8:] if cell)
            labels = sorted(
                "Requires improvement to be good" if grade is RI else Grade(grade).label
                for grade in inspection.grades.values()
            )
            assert labels == given

    def test_the_2018_combined_judgement_comes_from_the_children_in_care_column(self) -> None:
        """Haringey 2018: four judgements, children in care and care leavers together."""
        haringey = next(
            i
            for i in _imported("ofsted").inspections
            if _key(i) == ("Haringey", pendulum.date(2018, 10, 29))
        )
        assert haringey.grades == {
            "leaders": RI,
            "help_and_protection": RI,
            "children_in_care_and_care_leavers": RI,
            "overall_effectiveness": RI,
        }
        assert haringey.published == pendulum.date(2018, 12, 14)
        assert haringey.on_site_end is None
        assert haringey.off_site_start is None
        assert haringey.authority == authorities.get("Haringey")

    def test_authorities_come_from_the_registry_abolished_ones_included(self) -> None:
        """Bournemouth, Cumbria and Northamptonshire, and Barnsley by its former code."""
        every = set(authorities.all(include_abolished=True))
        result = _imported("ofsted")
        assert {i.authority for i in result.inspections} <= every
        names = {i.authority.name for i in result.inspections}
        assert {"Bournemouth", "Cumbria", "Northamptonshire"} <= names
        assert len(names) == 156
        barnsley = [i for i in result.inspections if i.authority.name == "Barnsley"]
        assert {i.authority.ons_code for i in barnsley} == {"E08000038"}

    def test_no_graded_inspection_breaks_a_must_rule(self) -> None:
        """The imported record meets the packs' grading rules."""
        for inspection in _imported("ofsted").inspections:
            assert not [
                o for o in rules.evaluate(inspection) if o.breached and o.strength.value == "must"
            ]

    def test_a_path_a_string_and_a_stream_give_the_same_result(self) -> None:
        """Paths and text streams are read alike."""
        by_path = importers.ofsted(OFFICIAL)
        by_text = importers.ofsted(str(OFFICIAL))
        with OFFICIAL.open(encoding="utf-8", newline="") as file:
            by_stream = importers.ofsted(file)
        assert by_path.inspections == by_text.inspections == by_stream.inspections
        assert by_stream.source == str(OFFICIAL)

    def test_progress_is_reported_row_by_row(self) -> None:
        """(0, 271) first, then each row, ending at (271, 271)."""
        calls: list[tuple[int, int]] = []
        importers.ofsted(OFFICIAL, progress=lambda done, total: calls.append((done, total)))
        assert calls == [(done, 271) for done in range(272)]

    def test_older_wordings_of_the_columns_are_read(self) -> None:
        """Column names match in any case, and the 2018 wording of the combined judgement."""
        header = (
            "LOCAL AUTHORITY NAME,Inspection  date,inspection type,Overall effectiveness,"
            "The impact of leaders on practice with children and families,"
            "The experiences and progress of children who need help and protection,"
            "The experiences and progress of children in care and care leavers\n"
        )
        row = "Haringey,29/10/2018,ILACS Standard Inspection,Good,Good,Good,Good\n"
        result = importers.ofsted(io.StringIO(header + row))
        (inspection,) = result.inspections
        assert inspection.grades == dict.fromkeys(inspection.framework_pack().area_ids, GOOD)


class TestInyear:
    """Ofsted's in-year activity: visits with their themes, and inspections."""

    def test_every_row_is_accounted_for(self) -> None:
        """330 rows: the three releases do not overlap in this copy, so none is a duplicate."""
        result = _imported("inyear")
        assert result.summary() == "330 rows read, 330 imported, 0 skipped"
        assert Counter(i.kind for i in result.inspections) == {
            InspectionKind.FOCUSED_VISIT: 109,
            InspectionKind.STANDARD: 83,
            InspectionKind.MONITORING_VISIT: 76,
            InspectionKind.SHORT: 62,
        }

    def test_themes_become_topics_and_visits_are_ungraded(self) -> None:
        """Every visit has its theme as its topic and no judgement."""
        for inspection in _imported("inyear").inspections:
            graded = inspection.kind in inspection.framework_pack().graded_kinds()
            assert inspection.is_graded is graded
            assert (inspection.topic is None) is graded

    def test_graded_inspections_agree_with_the_history_but_for_two(self) -> None:
        """Merton 2022's type and Staffordshire 2023's care leavers grade differ; the rest agree."""
        history = {_key(i): i for i in _imported("ofsted").inspections}
        differ = []
        for inspection in _imported("inyear").inspections:
            if not inspection.is_graded:
                continue
            official = history.get(_key(inspection))
            if official is None:
                differ.append((*_key(inspection), "missing"))
            elif (official.kind, official.judgements) != (inspection.kind, inspection.judgements):
                differ.append((*_key(inspection), "differs"))
        assert differ == [
            ("Cumbria", pendulum.date(2022, 9, 21), "missing"),
            ("Merton", pendulum.date(2022, 2, 28), "differs"),
            ("Isles of Scilly", pendulum.date(2023, 7, 10), "missing"),
            ("Staffordshire", pendulum.date(2023, 11, 6), "differs"),
        ]

    def test_a_repeated_row_is_skipped_as_a_duplicate_of_the_first(self) -> None:
        """The same authority, kind and day twice: the second is reported, naming the first."""
        result = _one(
            "inyear",
            _inyear(),
            _inyear(name="Haringey", code="E09000014"),
            _inyear(theme="Care leavers"),
        )
        assert result.summary() == "3 rows read, 1 imported, 2 skipped: 2 duplicate"
        assert [str(row) for row in result.skipped] == [
            (
                "line 3: duplicate: duplicate of line 2: the same authority, kind and first day"
                " on site (identical)"
            ),
            (
                "line 4: duplicate: duplicate of line 2: the same authority, kind and first day"
                " on site (not identical; the first is kept)"
            ),
        ]
        assert result.inspections[0].topic == "Front door"

    def test_a_code_that_is_unknown_is_passed_over_for_the_name(self) -> None:
        """The code is tried first; when it is not in the registry, the name decides."""
        result = _one("inyear", _inyear(code="E09000099"))
        assert result.inspections[0].authority == authorities.get("Haringey")


class TestCommunity:
    """The community scrape: all 497 rows imported or reported with a reason."""

    def test_every_row_is_accounted_for(self) -> None:
        """316 imported; 178 without fieldwork dates, 2 misparsed grades, 1 unreadable."""
        result = _imported("community")
        assert result.rows_read == 497
        assert result.imported + len(result.skipped) == 497
        assert result.imported == 316
        assert result.counts == {
            Reason.NO_FIELDWORK_DATES: 178,
            Reason.UNRECOGNISED_GRADE: 2,
            Reason.UNREADABLE_GRADE: 1,
        }
        assert sorted([*result.lines, *(row.line for row in result.skipped)]) == list(range(2, 499))

    def test_the_misparsed_grades_are_reported_by_column_and_value(self) -> None:
        """Nottingham 2018 and Southend-on-Sea 2019: 'to requires improvement' is not guessed."""
        result = _imported("community")
        bad = [row for row in result.skipped if row.reason is Reason.UNRECOGNISED_GRADE]
        assert [(row.line, row.column, row.value) for row in bad] == [
            (329, "help_and_protection_grade", "to requires improvement"),
            (415, "help_and_protection_grade", "to requires improvement"),
        ]
        assert [row.raw[1] for row in bad] == ["nottingham", "southend-on-sea"]

    def test_the_one_dated_sif_report_is_skipped_for_its_unreadable_grades(self) -> None:
        """Doncaster, November 2017, under sif-2013: its grades could not be read."""
        (row,) = [r for r in _imported("community").skipped if r.reason is Reason.UNREADABLE_GRADE]
        assert (row.line, row.raw[1], row.raw[7]) == (115, "doncaster", "09/11/2017")
        assert "sif-2013 judges 'overall_effectiveness'" in row.detail

    def test_rows_without_fieldwork_dates_are_named(self) -> None:
        """The SIF-era reports, and three ILACS reports whose dates the scrape missed."""
        result = _imported("community")
        undated = [row for row in result.skipped if row.reason is Reason.NO_FIELDWORK_DATES]
        assert {row.column for row in undated} == {"inspection_start_date"}
        graded = [
            (row.line, row.raw[1], row.raw[4])
            for row in undated
            if row.raw[10] != "data_unreadable"
        ]
        assert graded == [
            (48, "brighton and hove", "16/05/24"),
            (328, "nottingham", "05/09/22"),
            (354, "redcar and cleveland", "22/09/22"),
        ]

    def test_sentinels_are_no_judgement_where_the_framework_has_none(self) -> None:
        """Care leavers before 2023 and overall from April 2026 are simply absent."""
        result = _imported("community")
        assert Counter(i.framework for i in result.inspections) == {
            "ilacs-2018": 161,
            "ilacs-2023": 144,
            "ilacs-2026": 11,
        }
        for inspection in result.inspections:
            assert tuple(inspection.grades) == inspection.framework_pack().area_ids

    def test_a_fieldwork_longer_than_standard_is_a_standard_inspection(self) -> None:
        """Wiltshire 2019 ran 3 to 19 June; Ofsted's statistics call it standard."""
        wiltshire = next(
            i
            for i in _imported("community").inspections
            if _key(i) == ("Wiltshire", pendulum.date(2019, 6, 3))
        )
        assert wiltshire.kind is InspectionKind.STANDARD
        assert wiltshire.on_site_end == pendulum.date(2019, 6, 19)

    def test_haringey_2018_has_its_dates_inspector_and_report(self) -> None:
        """Both date formats, the lead inspector and the report's address."""
        haringey = next(
            i
            for i in _imported("community").inspections
            if _key(i) == ("Haringey", pendulum.date(2018, 10, 29))
        )
        assert haringey.on_site_end == pendulum.date(2018, 11, 9)
        assert haringey.published == pendulum.date(2018, 12, 14)
        assert haringey.lead_inspector == "Anne Waterman"
        assert haringey.source_url is not None
        assert haringey.source_url.startswith("https://files.ofsted.gov.uk/v1/file/")
        assert set(haringey.grades.values()) == {RI}

    def test_it_agrees_with_ofsted_but_for_three_reports(self) -> None:
        """Where both have a report, the grades agree except three; Ofsted's statistics are right."""
        official = {_key(i): i for i in _imported("ofsted").inspections}
        differ = [
            key
            for inspection in _imported("community").inspections
            if (key := _key(inspection)) in official
            and official[key].judgements != inspection.judgements
        ]
        assert differ == [
            ("Oxfordshire", pendulum.date(2018, 4, 16)),
            ("Rochdale", pendulum.date(2018, 1, 29)),
            ("St Helens", pendulum.date(2023, 7, 10)),
        ]

    def test_305_reports_are_fully_graded(self) -> None:
        """The 308 of the domain spec, less the three whose dates only Ofsted's file gives."""
        full = [
            i
            for i in _imported("community").inspections
            if i.framework_pack().overall_area is not None
            and set(i.grades) == set(i.framework_pack().area_ids)
        ]
        assert len(full) == 305


class TestColumns:
    """A grade column the file lacks, or a column the importer does not know, is reported."""

    def test_a_column_the_importer_does_not_know_is_listed_as_not_read(self) -> None:
        """A column of the user's own is named in columns_ignored and in the summary."""
        text = _header(INYEAR).rstrip("\n") + ",Notes\n" + _inyear() + ",checked\n"
        result = importers.inyear(io.StringIO(text))
        assert result.columns_ignored == ("Notes",)
        assert result.summary() == "1 row read, 1 imported, 0 skipped; column not read: 'Notes'"

    def test_columns_the_file_is_known_to_carry_are_not_listed(self) -> None:
        """The release, the status and the region are known and not needed."""
        result = _one("ofsted", _official())
        assert "Local authority status" in result.header
        assert result.columns_ignored == ()

    def test_a_column_only_graded_visits_need_is_not_missing_for_visits(self) -> None:
        """Focused visits make no judgement, so a file of visits needs no grade column."""
        text = "la_name,type,visit_date,visit_theme\nHaringey,ILACS Focused Visit,2021-06-08,Front door\n"
        result = importers.inyear(io.StringIO(text))
        assert (result.imported, result.columns_missing) == (1, ())

    def test_the_old_names_of_the_callback_and_the_source_still_work(self) -> None:
        """Progress and Source are ProgressCallback and DataSource under their old names."""
        assert importers.Progress is importers.ProgressCallback
        assert importers.Source == importers.DataSource


class TestBadInput:
    """Malformed input: a clear error for the file, or a skipped row naming line and column."""

    @pytest.mark.parametrize(("importer", "row", "reason", "column", "detail"), BAD_ROWS)
    def test_a_bad_row_is_skipped_naming_its_line_column_and_value(
        self, importer: str, row: str, reason: Reason, column: str | None, detail: str
    ) -> None:
        """The row is reported with a stable reason and the particulars; nothing is raised."""
        result = _one(importer, row)
        assert result.imported == 0
        (skipped,) = result.skipped
        assert (skipped.line, skipped.reason, skipped.column) == (2, reason, column)
        assert skipped.detail == detail
        assert skipped.raw == tuple(next(csv.reader([row])))

    @pytest.mark.parametrize(("importer", "text", "message"), BAD_FILES)
    def test_a_file_that_is_not_the_table_is_an_error(
        self, importer: str, text: str, message: str
    ) -> None:
        """CsvFormatError names the file and what is wrong with it."""
        with pytest.raises(CsvFormatError) as raised:
            IMPORTERS[importer](io.StringIO(text))
        assert str(raised.value) == message
        assert raised.value.source == "<stream>"

    def test_the_missing_columns_are_listed(self) -> None:
        """The error keeps the columns it lacks, as the importer spells them."""
        with pytest.raises(CsvFormatError) as raised:
            importers.inyear(io.StringIO("la_name\n"))
        assert raised.value.missing == ("type", "visit_date")
        assert raised.value.line == 1

    def test_a_missing_file_is_an_error(self, tmp_path: Path) -> None:
        """The path is named."""
        path = tmp_path / "missing.csv"
        with pytest.raises(CsvFormatError, match=r"cannot read '.*missing\.csv': No such file"):
            importers.community(path)

    def test_a_file_that_is_not_utf8_is_an_error(self, tmp_path: Path) -> None:
        """A Latin-1 export is refused, naming the byte."""
        path = tmp_path / "latin1.csv"
        path.write_bytes(_header(COMMUNITY).encode() + "80498,haringey,Máire".encode("latin-1"))
        with pytest.raises(
            CsvFormatError, match=r"is not UTF-8 text \(byte \d+ cannot be decoded\)"
        ):
            importers.community(path)

    def test_a_byte_order_mark_is_ignored(self, tmp_path: Path) -> None:
        """Excel's UTF-8 files start with one."""
        path = tmp_path / "excel.csv"
        path.write_text(_header(INYEAR) + _inyear() + "\n", encoding="utf-8-sig")
        assert importers.inyear(path).imported == 1

    @pytest.mark.parametrize("stream", [io.BytesIO(b"la_name\n"), 42])
    def test_a_binary_stream_or_other_object_is_an_error(self, stream: object) -> None:
        """Only paths and text streams are read."""
        with pytest.raises(CsvFormatError, match=r"must be opened as text|expected a path"):
            importers.inyear(stream)  # type: ignore[arg-type]

    def test_a_closed_stream_is_an_error(self) -> None:
        """The stream's own complaint is passed on, as a library error."""
        stream = io.StringIO("la_name\n")
        stream.close()
        with pytest.raises(CsvFormatError, match="cannot read '<stream>': I/O operation on closed"):
            importers.inyear(stream)

    def test_blank_lines_are_not_rows_but_are_counted_as_lines(self) -> None:
        """Line numbers stay those of the file, quoted line breaks included."""
        text = (
            _header(INYEAR)
            + "\n"
            + _inyear(theme='"Front\ndoor"')
            + "\n\n"
            + _inyear(date="x")
            + "\n"
        )
        result = importers.inyear(io.StringIO(text))
        assert result.rows_read == 2
        assert result.lines == (3,)
        assert result.inspections[0].topic == "Front door"
        assert [row.line for row in result.skipped] == [6]

    @given(st.text())
    def test_arbitrary_text_never_crashes_a_reader(self, text: str) -> None:
        """Any text is read, or refused with an ilacs error."""
        for importer in IMPORTERS.values():
            try:
                result = importer(io.StringIO(text))
            except IlacsError:
                continue
            assert result.rows_read == result.imported + len(result.skipped)

    @given(
        st.sampled_from(sorted(IMPORTERS)),
        st.lists(
            st.lists(
                st.text(max_size=12)
                | st.sampled_from(
                    [
                        "",
                        "2018-10-29",
                        "29/10/2018",
                        "31/02/19",
                        "Good",
                        "data_unreadable",
                        "standard",
                        "ILACS Short Inspection",
                        "Haringey",
                        "80498",
                        "E09000014",
                        "9" * 5000,
                    ]
                ),
                min_size=13,
                max_size=15,
            ),
            max_size=4,
        ),
    )
    def test_every_row_of_any_table_is_imported_or_skipped(
        self, importer: str, rows: list[list[str]]
    ) -> None:
        """Below a real header, every row is accounted for, whatever its cells."""
        path = {"ofsted": OFFICIAL, "inyear": INYEAR, "community": COMMUNITY}[importer]
        buffer = io.StringIO()
        buffer.write(_header(path))
        csv.writer(buffer).writerows(rows)
        result = IMPORTERS[importer](io.StringIO(buffer.getvalue()))
        assert result.rows_read == len(rows)
        assert result.rows_read == result.imported + len(result.skipped)


class TestImportResult:
    """The result of a real import accounts for every row and column and sums itself up."""

    def test_the_summary_counts_the_skipped_rows_by_reason(self) -> None:
        """Commonest first, in words."""
        assert _imported("community").summary() == (
            "497 rows read, 316 imported, 181 skipped: 178 no fieldwork dates,"
            " 2 unrecognised grade, 1 unreadable grade"
        )
        assert repr(_imported("ofsted")) == (
            f"ImportResult({str(OFFICIAL)!r}, '271 rows read, 271 imported, 0 skipped')"
        )

    @pytest.mark.parametrize("name", sorted(IMPORTERS))
    def test_the_real_files_lack_no_column_and_have_none_unknown(self, name: str) -> None:
        """Every grade column is there, and every column is read or known not to be needed."""
        result = _imported(name)
        assert (result.columns_missing, result.columns_ignored) == ((), ())
