"""The masthead of press releases (dateline, publication date, boilerplate lines) and event dates
written without a year."""

# ruff: noqa: E501  (test data reads better unwrapped)

from __future__ import annotations

from loaders import parse_note
from loaders.dateline import masthead
from loaders.dates import yearless_dates
from loaders.header import segment

UN_RELEASE = """DC/3999

Department of Public Information \u2022 News and Media Division \u2022 New York

Ruritania to Host Workshop on Implementing Security Council Resolution 1540 (2004), in Capital, 7 to 10 December

2 December 2019

A regional workshop on implementing Security Council resolution 1540 (2004) will be held from 7 to 10 December in Accra, Ghana.
"""


def test_masthead_finds_dateline_date_and_boilerplate() -> None:
    t = "NEW YORK, 17 October 2014 (Office for Disarmament Affairs) \u2014 The Government of Ghana hosted a workshop."
    m = masthead(t)
    assert m.date == "2014-10-17"
    assert m.spans and t[m.spans[0][0] : m.spans[0][1]].startswith("NEW YORK, 17 October 2014")
    m = masthead(UN_RELEASE)
    assert m.date == "2019-12-02"
    lines = [UN_RELEASE[a:b].strip() for a, b in m.spans]
    assert "DC/3999" in lines and "2 December 2019" in lines
    assert any(x.startswith("Department of Public Information") for x in lines)


def test_a_dateline_without_a_year_gives_no_publication_date() -> None:
    m = masthead("NEW YORK, 17 October (Office for Disarmament Affairs) \u2014 Text.")
    assert m.date is None and m.spans


def test_yearless_dates_take_the_year_of_publication() -> None:
    t = "held from 7 to 10 December in Cairo; a follow-up on 11-12 January; and June 5-6."
    got = [(d.start_date, d.end_date) for d in yearless_dates(t, 0, len(t), "2009-12-03")]
    assert got == [
        ("2009-12-07", "2009-12-10"),
        ("2010-01-11", "2010-01-12"),  # six months on at most: January after a December release
        ("2009-06-05", "2009-06-06"),  # six months before: the same year
    ]


def test_headline_verbs_are_not_header_labels() -> None:
    # "to Host" in a Title Case headline is not an "Host:" organisers field
    assert segment(UN_RELEASE.replace("\n\n", " ") * 2) == []


def test_release_dates_and_status_from_the_masthead() -> None:
    n = parse_note(UN_RELEASE)
    assert (n.start_date, n.end_date, n.status) == ("2019-12-07", "2019-12-10", "planned")
    assert n.title is not None and n.title.startswith("Ruritania to Host Workshop")
    assert n.doc_type == "press_release"
    assert not [a for a in n.actors if a.kind == "unresolved"]


def test_a_wires_slashed_dateline_dates_the_item_and_its_year_less_dates() -> None:
    # "Baku / 09.10.17 / Turan:": a two-digit year; "is holding ... on October 9-13" dates the
    # event itself, not the item (before, the year came from "since 1999")
    text = (
        "U.S. Embassy Holds Investigation Training\n"
        "Baku / 09.10.17 / Turan: The US Embassy's EXBS office is holding Counter Proliferation "
        "Investigation training on October 9-13. Azerbaijan has worked with EXBS since 1999.\n"
    )
    m = masthead(text)
    assert m.date == "2017-10-09" and m.place is not None
    assert text[m.place[0] : m.place[1]] == "Baku"
    n = parse_note(text)
    assert (n.start_date, n.end_date, n.venue.city, n.venue.country) == (
        "2017-10-09",
        "2017-10-13",
        "Baku",
        "AZE",
    )
    assert masthead("Baku / 31.02.17 / Turan: Text.").date is None  # no such day


def test_a_dateline_dates_an_event_that_has_opened_or_runs_from_today() -> None:
    opened = parse_note(
        "Convention discussed at the Ministry of Defense\n\n"
        "CHISINAU, June 22, 2011 — The regional workshop on BWC national implementation "
        "organized by UNODA has opened.\n"
    )
    assert (opened.start_date, opened.venue.city) == ("2011-06-22", "Chisinau")
    school = parse_note(
        "Summer School on Nuclear Disarmament\n\n"
        "July 10, 2023 – The ninth edition of the Summer School is taking place from today "
        "until July 15 in Mexico City.\n"
    )
    assert (school.start_date, school.end_date) == ("2023-07-10", "2023-07-15")
    assert (school.venue.city, school.venue.country) == ("Mexico City", "MEX")
    # a release's date, and the day the lead says the event ends
    rail = parse_note(
        "date 2017-10-30 Baku. 30 October. REPORT.AZ/ The EXBS office has launched Commercial "
        "Rail Interdiction Training in Baku.\n\nThe training will end on November 3.\n"
    )
    assert (rail.start_date, rail.end_date) == ("2017-10-30", "2017-11-03")


def test_more_datelines_and_date_lines_date_the_item() -> None:
    def dated(text: str) -> str | None:
        return masthead(text).date

    # a dateline with its country, the date between dashes; a wire's name between slashes
    hague = "THE HAGUE, Netherlands — 20 April 2018 — Representatives met from 9-13 April."
    assert dated(hague) == "2018-04-20"
    m = masthead(hague)
    assert m.place is not None and hague[m.place[0] : m.place[1]] == "THE HAGUE, Netherlands"
    assert (parse_note(hague).start_date, parse_note(hague).end_date) == (
        "2018-04-09",
        "2018-04-13",
    )
    apo = "ADDIS ABABA, Ethiopia, May 29, 2014/African Press Organization (APO)/ It opened today."
    assert dated(apo) == "2014-05-29"
    # a date among a page's bars, a two-digit year under a wire's name, a date in digits with
    # its time and zone
    assert dated("Title\n\nPosted by: apo | 29 May 2014\n\nText.") == "2014-05-29"
    assert dated("Title\n\nNews | Events | Contact\n\nText.") is None
    assert dated("Title\n\nInterfax news agency, Moscow\n6 Jun 05\n\nText.") == "2005-06-06"
    assert dated("Title\n\nMonday, 17/10/2011 14:22 GMT+7\nText.") == "2011-10-17"


def test_the_day_a_release_says_its_event_will_end() -> None:
    n = parse_note(
        "Conference opens\n\nADDIS ABABA, Ethiopia, May 29, 2014/APO/ The Third Conference of "
        "States Parties opened today at the AU Headquarters. The Conference will conclude "
        "tomorrow 30 May 2014.\n"
    )
    assert (n.start_date, n.end_date) == ("2014-05-29", "2014-05-30")
    assert (n.venue.city, n.venue.country) == ("Addis Ababa", "ETH")


def test_a_crawl_stamp_above_the_items_date_does_not_date_it() -> None:
    # the page's "today" stands above the item's own date, which has a template's leftovers
    text = (
        "Saturday Mar 2, 2024\n"
        "Monday, 9 April 2018 00:00 - - {{view.counter}}\n"
        "The agency trained 20 inspectors from Ghana in cargo targeting from 3 to 6 April.\n"
    )
    assert masthead(text).date == "2018-04-09"
    n = parse_note(text)
    assert (n.start_date, n.end_date) == ("2018-04-03", "2018-04-06")
    # one date line alone still dates the item
    assert masthead("Saturday Mar 2, 2024\nThe course ran from 3 to 6 April.\n").date == (
        "2024-03-02"
    )


def test_a_labelled_date_line_with_its_time_is_no_dateline() -> None:
    m = masthead("Korea hosts diplomats\nPublished : Nov. 4, 2024 - 09:57\nS. Korea will host.\n")
    assert m.date == "2024-11-04" and m.place is None
    assert parse_note("Visit\n\nOn 4 May 2024 S. Korea hosted the visit.\n").actors[0].iso3 == "KOR"
