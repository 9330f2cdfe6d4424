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


def test_venues_from_the_prose() -> None:
    def venue(body: str) -> tuple[str | None, str | None]:
        n = parse_note("National Round Table on Resolution 1540\n\n" + body)
        return n.venue.city, n.venue.country

    # a sentence ends after the city: "Phnom Penh. This" is not a place
    assert venue("The meeting took place from 15 to 17 October in Phnom Penh. This first one.") == (
        "Phnom Penh",
        "KHM",
    )
    # a State alone, when the sentence says the event was held or hosted there
    assert venue(
        "UNLIREC co-hosted a round table with the Ministry of Foreign Affairs in Antigua and "
        "Barbuda on 24 July 2017. Experts from Canada took part."
    ) == (None, "ATG")
    # but not a State merely mentioned next to an event word
    assert venue("The workshop discussed export controls in Nepal.") == (None, None)
    # a city is preferred to a State named earlier
    assert venue(
        "A workshop was held in Kenya for officials. The workshop in Nairobi drew 40."
    ) == ("Nairobi", "KEN")


def test_a_yearless_lead_date_takes_its_year_from_the_note() -> None:
    def dates(text: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        n = parse_note(text)
        return n.start_date, n.end_date, n.warnings

    # after every earlier event the note dates ("in November 2016" came before "7 March")
    got = dates(
        "Peru advances its plan\n\nOn 7 March, UNLIREC held consultations with Peru on its "
        "draft plan. Prior to this workshop, in November 2016, UNLIREC presented a study."
    )
    assert got[:2] == ("2017-03-07", "2017-03-07")
    assert "guess" in got[2][0]
    # the same day written in full elsewhere gives its year; resolution years do not count
    got = dates(
        "Workshop in Bangkok, 27-28 September\n\nThe workshop on resolution 1540 (2004) and "
        "resolution 2325 (2016) will be held in Bangkok from 27 to 28 September 2015."
    )
    assert got[:2] == ("2015-09-27", "2015-09-28")
    # a list of days: the first to the last
    got = dates("Webinar series\n\nHeld on 1, 8, and 15 December. Since 2010 the Centre ...")
    assert got[:2] == ("2010-12-01", "2010-12-15")
    # no year anywhere: unknown, not another event's date
    got = dates("Botswana holds workshop\n\nOn 8 and 9 February, Botswana hosted a workshop.")
    assert got[:2] == (None, None)
    # a page's stamp at its foot is the publication date, and dates the lead
    got = dates(
        "VERTIC at a workshop\n\nFrom 2 to 6 March, the African Union organized a workshop.\n\n"
        "Last changed: Mar 12 2015 at 6:09 PM\n"
    )
    assert got[:2] == ("2015-03-02", "2015-03-06")


def test_headline_hosts_and_the_host_states_country() -> None:
    n = parse_note(
        "Malawi Hosts Visit By Security Council's 1540 Committee, 5-8 August 2014\n\n"
        "A delegation of the 1540 Committee wrapped up a four-day visit."
    )
    roles = {a.id: a.roles for a in n.actors}
    assert roles["state/MWI"] == ("host", "participant")
    assert (n.venue.city, n.venue.country) == (None, "MWI")  # no place said: the host State's
    n = parse_note(
        "Chile Hosts Training Course for Points of Contact, 24-28 October 2016\n\n"
        "The course was held in cooperation with the 1540 Committee. Earlier courses were "
        "held in September 2015 in China."
    )
    assert {a.id: a.roles for a in n.actors}["state/CHL"] == ("host",)
    assert n.venue.country == "CHL"  # not China: that sentence is dated otherwise
    # "held in October 2017": a month is not a place
    n = parse_note(
        "NAP workshop\n\nOn 28 February 2018 a workshop was held. The first was held in "
        "October 2017 in Georgetown."
    )
    assert n.venue.city != "October"
