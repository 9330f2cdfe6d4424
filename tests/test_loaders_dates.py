"""Dates: what loaders.dates reads (word and numeric forms, day first, impossible dates rejected),
and that scanning only the stretches that hold a year finds exactly what scanning the whole text
finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import dates, parse_note
from loaders.dates import DateSpan, find_dates


def full_scan(text: str) -> list[DateSpan]:
    """find_dates without its shortcuts: every pattern over the whole text."""
    found: list[DateSpan] = []
    for name, rx in dates._COMPILED:
        for m in rx.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            span = dates._build(name, m)
            if span:
                found.append(span)
    return sorted(found, key=lambda s: s.start)


PIECES = st.sampled_from(
    [
        "15",
        "1st",
        "3rd",
        "30",
        "31",
        "-",
        "–",
        "—",
        " to ",
        " and ",
        " until ",
        "of ",
        " ",
        "\n",
        ",",
        ".",
        ";",
        "(",
        ")",
        "/",
        ":",
        "x",
        "January",
        "Sept.",
        "may",
        "MARCH",
        "Dec",
        "2013",
        "1999",
        "2020",
        "19999",
        "12013",
        "2015a",
        "_2015",
        " 2016",
        "from ",
        "held on ",
        "é",
        "٢٠١٥",
        "12.05.2015",
        "12/05/2015",
        "2015-05-12",
        "05",
        "12",
        "1.",
        "/2015",
        ".2015",
        "-05-",
        "S/RES/",
        "ſept",
        "Mark",
        "summary",
        "MAYOR",
        "decade",
        "11th",
        " of ",
        "June, ",
    ]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_stretches_find_what_a_full_scan_finds(text: str) -> None:
    assert list(find_dates(text)) == full_scan(text)


def test_regions_are_the_stretches_that_hold_a_year() -> None:
    text = "From 1 May 2015 (see 2016); held 3-4 June 2017, Minsk 2018 x; 2019a; no year (here)"
    got = [(text[a:e], text[a:w] if w > 0 else None) for a, w, e in dates._regions(text)]
    assert got == [
        ("From 1 May 2015 ", "From 1 May 2015"),
        ("see 2016", "see 2016"),
        (" held 3-4 June 2017, Minsk 2018 x", " held 3-4 June 2017, Minsk 2018"),
        (" 2019a", None),
    ]


def test_dates_as_written() -> None:
    got = [
        (d.start_date, d.end_date, d.precision)
        for d in find_dates(
            "15-17 January 2013; 30 November - 2 December 2015; March 11-12, 2014; September 2011; "
            "from the 4th to the 6th of December, 2013; 1 to 3, May 2009"
        )
    ]
    assert got == [
        ("2013-01-15", "2013-01-17", "day"),
        ("2015-11-30", "2015-12-02", "day"),
        ("2014-03-11", "2014-03-12", "day"),
        ("2011-09-01", "2011-09-30", "month"),
        ("2013-12-04", "2013-12-06", "day"),
        ("2009-05-01", "2009-05-03", "day"),
    ]


def test_lists_of_days_run_from_the_first_to_the_last() -> None:
    text = (
        "on July 27 and 28, and August 5 and 6, 2020; on 2 and 3 May and 9 and 10 June 2021; "
        "on October 4, 5 and 6, 2019; on 11, 12 and 13 March 2018"
    )
    assert [(d.start_date, d.end_date) for d in find_dates(text)] == [
        ("2020-07-27", "2020-08-06"),
        ("2021-05-02", "2021-06-10"),
        ("2019-10-04", "2019-10-06"),
        ("2018-03-11", "2018-03-13"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("on 12.05.2015 in Minsk", [("2015-05-12", "2015-05-12", "12.05.2015")]),
        ("12/05/2015", [("2015-05-12", "2015-05-12", "12/05/2015")]),
        ("2015-05-12", [("2015-05-12", "2015-05-12", "2015-05-12")]),
        ("1/2/2015", [("2015-02-01", "2015-02-01", "1/2/2015")]),  # day first
        ("(12.05.2015).", [("2015-05-12", "2015-05-12", "12.05.2015")]),
        ("12.05.2015 - 14.05.2015", [("2015-05-12", "2015-05-14", "12.05.2015 - 14.05.2015")]),
        ("30/11/2015 to 02/12/2015", [("2015-11-30", "2015-12-02", "30/11/2015 to 02/12/2015")]),
        ("12-14.05.2015", [("2015-05-12", "2015-05-14", "12-14.05.2015")]),
        ("2015-05-12 to 2015-05-14", [("2015-05-12", "2015-05-14", "2015-05-12 to 2015-05-14")]),
        ("29.02.2016", [("2016-02-29", "2016-02-29", "29.02.2016")]),
    ],
)
def test_numeric_dates(text: str, want: list[tuple[str, str, str]]) -> None:
    assert [(d.start_date, d.end_date, text[d.start : d.end]) for d in find_dates(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2015",
        "29.02.2015",
        "05/13/2015",
        "00.05.2015",
        "2015-13-01",
        "2015-02-30",
        "1.12.05.2015",
        "12.05.2015.3",
        "S/RES/12/05/2015",
        "12/05/2015/3",
        "2015-5-12",
        "12.05/2015",
        "12.05.1899",
        "v12.05.2015",
    ],
)
def test_impossible_or_embedded_numeric_dates_are_no_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_a_range_that_ends_before_it_starts_is_two_dates() -> None:
    got = [(d.start_date, d.end_date) for d in find_dates("14.05.2015 - 12.05.2015")]
    assert got == [("2015-05-14", "2015-05-14"), ("2015-05-12", "2015-05-12")]


def test_a_word_date_wins_over_a_numeric_reading_of_the_same_place() -> None:
    text = "30 April 2015-05-12"  # '2015' reads in both
    assert [(d.start_date, d.end_date) for d in find_dates(text)] == [("2015-04-30", "2015-04-30")]


def test_a_note_with_a_numeric_date() -> None:
    note = parse_note(
        "Information Note\n\nEvent: Workshop on resolution 1540\n"
        "Date and Venue: 12.05.2015, Minsk, Belarus\nOrganizers: OSCE\n"
    )
    got = (note.start_date, note.end_date, note.date_precision)
    assert got == ("2015-05-12", "2015-05-12", "day")
    assert note.venue.city == "Minsk" and note.venue.country == "BLR"
    assert note.date_evidence[0].text == "12.05.2015"


def test_month_words_are_the_month_pre_check() -> None:
    assert dates._HAS_MONTH.pattern == "|".join(dates._MONTH_STARTS)
