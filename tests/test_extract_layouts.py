"""Extraction from the layouts of cables and news items: a document's own creation date, a
subject in capitals or over an underlined heading, a news agency's dateline, a planned event
beside past ones, and venues and years said in passing (each case from a real write-up the
extractor missed)."""

from __future__ import annotations

from loaders import parse_note

CABLE = """Identifier
Created
07AMMAN4015
2007-09-27 13:36:00
Tags:  PREL AORC KPAO PTER UNSC KNNP
R 271336Z SEP 07
FM AMEMBASSY AMMAN
TO RUEHC/SECSTATE WASHDC 0444
SUBJECT: FIRST UNSCR 1540 OUTREACH IN ARAB REGION PROMOTES
IMPLEMENTATION DIALOGUE


UNSCR 1540 Workshop in Amman
--------------


1. (U) Summary. The Regional Seminar, "Implementing United
Nations Security Council Resolution 1540 (2004) for Arab
States," took place on 4-5 September 2007 in Amman, Jordan.
Jordan hosted the workshop jointly with the United Nations
Office for Disarmament Affairs (UN ODA).
"""


def test_a_cable_is_dated_by_its_event_not_its_creation() -> None:
    n = parse_note(CABLE)
    assert n.title == "FIRST UNSCR 1540 OUTREACH IN ARAB REGION PROMOTES IMPLEMENTATION DIALOGUE"
    assert (n.start_date, n.end_date) == ("2007-09-04", "2007-09-05")
    assert (n.venue.city, n.venue.country) == ("Amman", "JOR")
    assert n.related_events == ()
    roles = {a.id: set(a.roles) for a in n.actors}
    assert roles["state/JOR"] == {"organizer", "host"}


def test_an_announcement_beside_past_editions_is_planned() -> None:
    n = parse_note(
        "Export compliance workshop March 13 and 14, Palasamudram\n\n"
        "On March 13 and 14 Alpha will be in Palasamudram, India to host the third in a series of "
        "workshops.\n\n"
        "Previously, the Project Alpha team organised and participated in workshops in Dalian "
        "and Qingdao, China. The workshops took place in February and November 2012. The "
        "workshop will be organised by the Project Alpha team.\n"
    )
    assert n.status == "planned"
    # a city the gazetteer lacks takes the State said next to it elsewhere, as evidence too
    assert (n.venue.city, n.venue.country) == ("Palasamudram", "IND")
    assert any(e.text.startswith("Palasamudram, India") for e in n.venue_evidence)
    # the sentence about earlier workshops gives no role
    assert {a.id: set(a.roles) for a in n.actors}["org/kings-college-london"] == {"organizer"}


def test_a_cable_subject_in_capitals_ends_where_the_capitals_end() -> None:
    n = parse_note(
        "Created\n2009-03-23 12:51:00\n"
        "SUBJECT: RESULTS OF DOHA REGIONAL WORKSHOP ON THE\n"
        "IMPLEMENTATION OF UNSCR RESOLUTION 1540\n"
        "Note: Post is transmitting this cable on behalf of the U.S.\n"
        "delegation to the Doha Regional Workshop.\n"
        "1. (U) Summary: The Regional Workshop on the Implementation\n"
        "of UNSCR Resolution 1540 was held in Doha, Qatar, on March\n"
        "8-11, 2009. It was organized by the United Nations Office of\n"
        "Disarmament Affairs in cooperation with the Government of Qatar.\n"
    )
    assert (
        n.title
        == "RESULTS OF DOHA REGIONAL WORKSHOP ON THE IMPLEMENTATION OF UNSCR RESOLUTION 1540"
    )
    assert (n.start_date, n.end_date) == ("2009-03-08", "2009-03-11")
    assert (n.venue.city, n.venue.country) == ("Doha", "QAT")
    assert {a.id: set(a.roles) for a in n.actors}["state/QAT"] == {"organizer", "host"}


def test_a_news_agency_dateline_is_not_an_actor() -> None:
    n = parse_note(
        "India's big move to stop WMDs\n\n"
        "India (Commonwealth Union)_ India, in collaboration with the United Nations Office for "
        "Disarmament Affairs (UNODA), is hosting the inaugural Capacity Building Programme on "
        "Resolution 1540 for Asia-Pacific States. UNSC Resolution 1540, adopted unanimously in "
        "April 2004, addresses non-state actors. The program began on February 25.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    # the subject before an aside ("X, in collaboration with Y, is hosting") hosts
    assert roles["state/IND"] == {"organizer", "host"} and roles["org/unoda"] == {"organizer"}
    assert not any("commonwealth" in a for a in roles)
    assert n.event_type == "training"
    # the year a resolution was adopted does not date a year-less event
    assert n.start_date is None


def test_venues_said_in_passing() -> None:
    def venue(text: str) -> tuple[str | None, str | None]:
        n = parse_note(text)
        return n.venue.city, n.venue.country

    assert venue(
        "SI reports on resolution 1540\n\n"
        "A TWO-DAY discussion to implement the resolution has concluded at Heritage Park in "
        "Honiara. Wednesday.\n"
    ) == ("Honiara", "SLB")
    # a city of the gazetteer's larger list, after a building
    assert venue(
        "SECDIV workshop\n\n"
        "A team recently conducted the capacity-building training at Customs House, Peshawar, "
        "which was attended by representatives of the enforcement agencies.\n"
    ) == ("Peshawar", "PAK")


def test_the_next_edition_does_not_date_a_report() -> None:
    n = parse_note(
        "Monitoring of implementation of the resolution\n\n"
        "In cooperation with the Turkmen State Customs Service, the UNODC organized a conference "
        "on resolution 1540. Participants gathered in Ashgabat to discuss progress.\n\n"
        "The second conference on monitoring of implementation is scheduled for December 2015.\n"
    )
    assert (n.start_date, n.status) == (None, "held")
    assert (n.venue.city, n.venue.country) == ("Ashgabat", "TKM")


def test_a_page_s_boxes_and_a_project_s_name_are_not_the_title() -> None:
    n = parse_note(
        "From the event\n\n"
        "  \u2022 Speech by NATO's Assistant Secretary General, Ambassador Martin Erdmann\n"
        "  \u2022 Programme\n\n"
        "18-19 Apr 2007\n\n"
        "Major seminar looks at challenges of WMD proliferation\n\n"
        "More than 120 senior officials met in Vilnius, Lithuania, on 18 and 19 April 2007.\n"
    )
    assert n.title == "Major seminar looks at challenges of WMD proliferation"
    assert n.event_type == "seminar"
    # a page's navigation lines
    for nav in (
        "You are here",
        "Skip to main content",
        "Skip Global Navigation to Main Content",
        "Welcome to the new version of our site. For feedback, please email us at web@example.org",
    ):
        n = parse_note(f"{nav}\n\nExperts review border controls\n\nExperts met in Vilnius.\n")
        assert n.title == "Experts review border controls", nav
    lead = (
        "22nd National Focal Points Round Table Meeting of the region\n\n"
        "On 18 November 2024, the 22nd Round Table Meeting took place at the UNICRI "
        "headquarters in Turin, Italy. " + "Representatives gathered to discuss activities. " * 16
    )
    n = parse_note(
        lead + "A significant part of the meeting focused on the EU CBRN CoE Project 106, "
        'entitled "CBRN Tabletop and Field Exercises, Simulations, Training (TEST) to Mitigate '
        'Risks".\n'
    )
    assert n.title == "22nd National Focal Points Round Table Meeting of the region"
    assert n.event_type == "meeting"


INVITATION = """SUBJECT: INVITATION TO SOUTH ASIA REGIONAL WORKSHOP ON
UNSCR 1540 IMPLEMENTATION
1. Action request for Posts in India, Nepal and Sri Lanka:
-- Please notify appropriate officials (in the case of the IAEA, OPCW and NATO, please notify
the appropriate representatives) of our commitment to host a South Asia Regional Workshop on
UNSCR 1540 implementation to take place June 23-25, 2009 in Colombo, Sri Lanka.
"""


def test_an_invitation_to_a_workshop_we_host_is_planned_and_names_no_host() -> None:
    n = parse_note(INVITATION)
    assert n.status == "planned"
    assert (n.start_date, n.venue.city) == ("2009-06-23", "Colombo")
    roles = {a.id: set(a.roles) for a in n.actors}
    # "our commitment to host": the writer hosts, not the names before it
    assert not any({"host", "organizer"} & r for r in roles.values()), roles
    # a third person still hosts
    third = INVITATION.replace("of our commitment to host", "of the commitment. Nepal will host")
    assert "host" in {a.id: set(a.roles) for a in parse_note(third).actors}["state/NPL"]


def test_a_news_item_of_an_events_first_day_is_dated_by_the_range_and_held() -> None:
    n = parse_note(
        "Uzbekistan's State Committee and IAEA holding national workshop on security culture\n\n"
        "date 2020-03-02 By Trend\n\n"
        "The State Committee for Industrial Safety of Uzbekistan in cooperation with the IAEA is "
        "holding a national workshop on security culture from 2 March through 5 March 2020, "
        "Trend reports.\n\n"
        "The seminar will bring together IAEA experts and 40 representatives of Uzbekistan.\n"
    )
    assert (n.start_date, n.end_date) == ("2020-03-02", "2020-03-05")
    assert n.date_evidence[0].text == "2 March through 5 March 2020"
    assert n.status == "held"


def test_a_treatys_dates_do_not_date_the_event() -> None:
    # "went into force in April 1997", "ratified the agreement on August 9, 1996", "as of
    # October 2003": dates of the treaty and a count, not of the workshop "today"
    n = parse_note(
        "GCC meeting in Riyadh to discuss ban on chemical weapons\n\n"
        "The Prince opened a regional workshop in Riyadh today. He said the agreement, which "
        "went into force in April 1997, is a landmark. Saudi Arabia ratified the agreement on "
        "August 9, 1996. Endorsed by 155 member states as of October 2003, it is widely "
        "supported.\n"
    )
    assert (n.start_date, n.venue.city) == (None, "Riyadh")


def test_a_ministers_release_dated_by_its_number_line() -> None:
    n = parse_note(
        "The Hon. Jane Example, MP\n\n"
        "Media Release\n\n"
        "FA201 - 4 March 2009\n\n"
        "Ruritania and Laos Work Together on the Chemical Weapons Convention\n\n"
        "I am pleased to announce that Ruritania is co-hosting with the Lao People's Democratic "
        "Republic, a National Workshop for 60 officials. Experts from Japan are travelling to "
        "Vientiane to take part in the Workshop (4-6 March).\n"
    )
    # the minister's name and the release's number are no title; the number line dates the
    # year-less days; the partner "co-hosting with" hosts too
    assert n.title == "Ruritania and Laos Work Together on the Chemical Weapons Convention"
    assert (n.start_date, n.end_date) == ("2009-03-04", "2009-03-06")
    assert (n.venue.city, n.venue.country) == ("Vientiane", "LAO")
    roles = {a.id: a.roles for a in n.actors}
    assert roles["state/LAO"] == ("organizer", "host")
    assert roles["state/JPN"] == ("participant",)
