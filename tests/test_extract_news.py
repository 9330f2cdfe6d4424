"""Extraction from news items: events dated by weekday from the item's date stamp, places said
as "the Moroccan city of ...", a building's "of the" before its town, headlines without an
article, and dates that belong to a treaty, not to the event (each case from a real write-up
the extractor missed)."""

from __future__ import annotations

from loaders import parse_note
from loaders.editions import dated_otherwise
from loaders.eventdate import weekdays
from loaders.model import Note


def _roles(note: Note) -> dict[str, tuple[str, ...]]:
    return {a.id: a.roles for a in note.actors}


def _dates(text: str) -> tuple[str | None, str | None]:
    n = parse_note(text)
    return n.start_date, n.end_date


def test_a_weekday_in_the_lead_is_dated_from_the_stamp() -> None:
    text = (
        "Minister opens export control conference\n\n"
        "date 2024-07-25 ISLAMABAD - The Foreign Secretary on Wednesday inaugurated the two-day "
        "Regional Conference on Export Controls, being held in Islamabad.\n\n"
        "Co-organised by the Ministry of Foreign Affairs and the European Union, the conference "
        "brings together officials from Kazakhstan and Mongolia. The participants will discuss "
        "national approaches to trade controls.\n"
    )
    n = parse_note(text)
    # Wednesday before the Thursday stamp; "two-day" runs it to the stamp's day
    assert (n.start_date, n.end_date) == ("2024-07-24", "2024-07-25")
    assert (n.venue.city, n.venue.country) == ("Islamabad", "PAK")
    assert n.status == "held"  # "inaugurated", though the participants "will discuss"
    ev = n.date_evidence[0]
    assert ev.text == "on Wednesday" and ev.line == 3


def test_a_weekday_range_is_the_event_and_a_speakers_day_is_not() -> None:
    text = (
        "Seminar on nuclear terrorism\n\n"
        "date 2018-10-18 Experts from 20 countries have gathered in Beijing for a seminar on "
        "nuclear security, a spokesperson said Thursday.\n"
        "The seminar, held from Tuesday to Friday, was hosted by China.\n"
    )
    assert _dates(text) == ("2018-10-16", "2018-10-19")
    # no weekday but the speaker's: the stamp dates the item, not the event
    assert _dates(text.replace(", held from Tuesday to Friday,", "")) == (None, None)


def test_a_news_items_own_date_is_not_the_events() -> None:
    text = (
        "Regional workshop on safeguards\n\n"
        "date 2024-02-20 (MENAFN- Wire) MANAMA, Feb 20 (KUNA) -- The Council, in cooperation "
        "with the IAEA, organized a regional workshop on safeguards, with Kuwait participating.\n"
    )
    n = parse_note(text)
    assert (n.start_date, n.end_date) == (None, None)
    assert "no event date found" in n.warnings
    # ... unless the item says the event is on its day
    today = text.replace("organized a regional workshop", "opened today a regional workshop")
    assert _dates(today) == ("2024-02-20", "2024-02-20")


def test_weekdays_look_back_unless_the_sentence_looks_ahead() -> None:
    def on(sentence: str, pub: str = "2018-10-18") -> tuple[str, str] | None:  # a Thursday
        d = weekdays(sentence, [(0, len(sentence))], pub)
        return (d.start_date, d.end_date) if d else None

    assert on("The workshop opened on Monday in Accra.") == ("2018-10-15", "2018-10-15")
    assert on("The workshop opened on Thursday in Accra.") == ("2018-10-18", "2018-10-18")
    assert on("The workshop will open on Monday in Accra.") == ("2018-10-22", "2018-10-22")
    assert on("The course began last Thursday.") == ("2018-10-11", "2018-10-11")
    assert on("The talks ran Monday-Wednesday in Accra.") == ("2018-10-15", "2018-10-17")
    assert on("The minister said on Monday that exports grew.") is None  # no event said
    assert on("The workshop opened in Accra.") is None
    # the day it closed is the last of its days ("wrapped up" was not an event's verb)
    closed = "A two-day meeting of the AU was wrapped up on Friday in Addis Ababa."
    assert on(closed, "2015-10-31") == ("2015-10-29", "2015-10-30")
    assert on(closed.replace("two-day ", ""), "2015-10-31") == ("2015-10-30", "2015-10-30")
    assert on(closed.replace("was wrapped up", "opened"), "2015-10-31") == (
        "2015-10-30",
        "2015-10-30",  # its first day (parse_note then runs it two days)
    )


def test_the_city_of_a_demonym_is_the_venue() -> None:
    text = (
        "Morocco hosts African meeting on chemical weapons\n\n"
        "The Regional Meeting of National Authorities kicked off Tuesday in the Moroccan city "
        "of Marrakesh. It gathered delegations from 38 African States.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Marrakesh", "MAR")
    ev = n.venue_evidence[0]
    assert ev.text == "Marrakesh"
    # the headline's verb without an article: Morocco hosts
    assert _roles(n)["state/MAR"] == ("host",)


def test_a_city_said_as_a_countrys_capital_or_port_is_the_venue() -> None:
    text = (
        "AU meeting concludes\n\nOctober 31, 2015\n\nA two-day meeting organized by the "
        "African Union was wrapped up on Friday at the AU Headquarters in Ethiopia's capital "
        "Addis Ababa.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Addis Ababa", "ETH")
    assert n.venue_evidence[0].text == "Addis Ababa"
    assert (n.start_date, n.end_date) == ("2015-10-29", "2015-10-30")
    at_port = "in Kenya's port city of Mombasa."
    port = parse_note(text[: text.index("at the AU")] + at_port)
    assert (port.venue.city, port.venue.country) == ("Mombasa", "KEN")


def test_a_headline_host_needs_an_event_after_it() -> None:
    roles = {a.id for a in parse_note("Kenya hosts Somalia's minister\n\nHe arrived.\n").actors}
    assert "state/KEN" not in roles


def test_a_building_of_an_institute_comes_before_its_town() -> None:
    text = (
        "International table top exercise hosted by the Netherlands\n\n"
        "More than 120 representatives, among them the OPCW's staff in Geneva, took part in "
        "Shield 2011, an exercise on chemical terrorism.\n\n"
        "The four-day event (8-11 November 2011), which follows the exercise Cobalt 2009, took "
        "place at the Field Lab of the Netherlands Forensic Institute in The Hague, Netherlands "
        "in cooperation with INTERPOL.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("The Hague", "NLD")
    assert n.venue_evidence[0].text == "The Hague, Netherlands"


def test_a_year_in_a_name_does_not_date_a_sentence() -> None:
    said = "The event, which follows the exercise Cobalt 2009, took place in The Hague."
    assert not dated_otherwise(said, "2011-11-08")
    assert dated_otherwise(said.replace("Cobalt 2009", "held in 2009"), "2011-11-08")
    assert dated_otherwise("In 2009 the event took place in The Hague.", "2011-11-08")


def test_days_without_a_year_date_a_sentence_unless_they_fall_in_the_events() -> None:
    # a headline's "25 - 29 June" and the lead's "from 26th to 29th June" are one event
    said = "The WCO conducted a workshop in Karachi from 26th to 29th June."
    assert not dated_otherwise(said, "2018-06-25", "2018-06-29")
    assert dated_otherwise(said, "2018-06-25")  # a one-day event on the 25th
    assert dated_otherwise("It will be held in Vienna from 18th to 22nd September.", "2017-08-16")


def test_a_treatys_entry_into_force_does_not_date_the_event() -> None:
    text = (
        "Meeting of National Authorities\n\n"
        "The meeting kicked off Tuesday in Rabat. By hosting it, Morocco reaffirms its support "
        "for the OPCW, which it joined upon the enforcement of CWC on April 29, 1997.\n"
    )
    assert _dates(text) == (None, None)
    assert _dates(text.replace("kicked off Tuesday", "kicked off on 3 May 2016")) == (
        "2016-05-03",
        "2016-05-03",
    )


def test_an_n_day_event_that_closed_on_a_date_ran_up_to_it() -> None:
    text = (
        "Training course on detecting CBRN materials\n"
        "A five-day training course for some 30 customs officers concluded on 2 March 2018 in "
        "Dushanbe.\n"
    )
    assert _dates(text) == ("2018-02-26", "2018-03-02")
    assert _dates(text.replace("concluded on", "opened on")) == ("2018-03-02", "2018-03-06")


def test_a_page_date_on_a_line_of_its_own_is_not_the_events() -> None:
    text = (
        "Foundation news\n\nMar 20th\nFirst regional meeting\n\n1 to 3, May 2009, Santiago de "
        "Chile.\n\nThe Commission held its first regional meeting in Santiago de Chile.\n"
    )
    assert _dates(text) == ("2009-05-01", "2009-05-03")
    # a year-less date is still read when the note dates nothing in full
    alone = text.replace("1 to 3, May 2009, Santiago de Chile.", "In 2009")
    assert _dates(alone) == ("2009-03-20", "2009-03-20")


def test_a_known_city_starts_a_place_said_without_its_comma() -> None:
    n = parse_note(
        "Workshop on Nuclear Security\n\nOn October 13, 2011, in Hanoi Vietnam Agency for "
        "Radiation and Nuclear Safety organized the Workshop on Nuclear Security.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Hanoi", "VNM")
    assert n.venue_evidence[0].text == "Hanoi"


def test_a_wires_dateline_places_an_event_that_began_yesterday() -> None:
    text = (
        "(Gulf News Wire - Emirates News Agency (WAM))\n\n"
        "CAIRO, 17th August, 2017 (WAM) -- A #UAE delegation is participating in the meeting of "
        "the Committee of Senior Arab Officials, which began yesterday at the Arab League.\n\n"
        "The Committee discussed, during the two-day meeting, its preparations for the IAEA "
        "General Conference, which will be held in Vienna from 18th to 22nd September.\n"
    )
    n = parse_note(text)
    # not the bracketed line of the wire's name
    assert n.title == "Meeting of the Committee of Senior Arab Officials"
    # the day before the item's; two days long; the wire's place, not the other event's
    assert (n.start_date, n.end_date) == ("2017-08-16", "2017-08-17")
    assert n.date_evidence[0].text == "yesterday"
    assert (n.venue.city, n.venue.country) == ("Cairo", "EGY")
    assert _roles(parse_note(text))["state/ARE"] == ("participant",)
    # a UN office's dateline says where the release was issued, not the event
    un = parse_note(
        "Workshop opens\n\nNEW YORK, 17 August 2017 (Office for Disarmament Affairs) -- A "
        "workshop on export controls began yesterday.\n"
    )
    assert un.start_date == "2017-08-16" and un.venue.city is None


def test_a_treatys_dates_give_no_year_to_a_yearless_event() -> None:
    # a resolution's adoption, a signature and a State's becoming a party are the text's
    # history, not the event's year: with no other year the date stays unknown
    assert _dates(
        "Review in Minsk\n\nThe peer review will be held in Minsk on 2-5 August. On 28 April "
        "2004, the Security Council unanimously adopted Resolution 1540.\n"
    ) == (None, None)
    assert _dates(
        "Workshop on the CWC\n\nThe workshop took place on 21 and 22 March. Ruritania signed "
        "the CWC on January 13, 1993 and became a State Party on 29th April 1997.\n"
    ) == (None, None)
    assert _dates(
        "Reporting workshop\n\nUNREC held a workshop on June 5-6 on reporting. Resolution 1540 "
        "was adopted by the U.N. Security Council in 2004.\n"
    ) == (None, None)
    # a year the note gives the event still dates it
    assert _dates(
        "Review in Minsk\n\nThe peer review will be held in Minsk on 2-5 August. On 28 April "
        "2004, the Security Council unanimously adopted Resolution 1540. The 2021 review plan "
        "was agreed in January 2021.\n"
    ) == ("2021-08-02", "2021-08-05")


def test_states_that_will_send_a_delegation_take_part() -> None:
    n = parse_note(
        "Peer review\n\nThe peer review was held in Minsk from 2 to 5 August 2016. Kyrgyzstan "
        "and Tajikistan sent a joint delegation of customs and border officials.\n"
    )
    roles = _roles(n)
    assert roles["state/KGZ"] == roles["state/TJK"] == ("participant",)


def test_a_regions_name_is_no_venue_and_countries_giving_updates_take_part() -> None:
    n = parse_note(
        "Seminar\n\n"
        "The Example Institute held an online Seminar on Trade Controls in Southeast Asia on "
        "July 27 and 28, 2020.\n\n"
        "After the panels, regional countries - Laos, Myanmar and Indonesia - offered updates "
        "on their export control laws.\n"
    )
    assert (n.venue.city, n.venue.country) == (None, None)
    assert n.title == "Online Seminar on Trade Controls in Southeast Asia"
    roles = _roles(n)
    assert roles["state/LAO"] == roles["state/MMR"] == roles["state/IDN"] == ("speaker",)


def test_a_quoted_event_name_after_hosted_and_a_bare_foreign_ministry() -> None:
    dialogue = parse_note(
        "Dialogue in Bangkok\n\n"
        "The Ministry of Foreign Affairs of the Kingdom of Thailand, in collaboration with the "
        "OPCW, hosted “the Regional Dialogue on Chemical Safety” during 20 – 21 July 2017 in "
        "Bangkok.\n"
    )
    roles = _roles(dialogue)
    assert roles["unresolved/ministry-of-foreign-affairs-of-the-kingdom-of-thailand"] == (
        "organizer",
        "host",
    )
    # a "Foreign Ministry" the note does not tie to a State is the host State's
    n = parse_note(
        "Fellows visit Kazakhstan\n\n"
        "ASTANA – Diplomats from 27 States were received at the Foreign Ministry on 20 "
        "September 2017 during their three-day visit.\n"
    )
    ministry = {a.id: a for a in n.actors}["unresolved/foreign-ministry-kaz"]
    assert ministry.iso3 == "KAZ"
    # Canada's foreign ministry is Canada's
    got = {
        a.id: a
        for a in parse_note(
            "Workshop in Lyon\n\nThe workshop was held on 13 December 2016, funded by Global "
            "Affairs Canada.\n"
        ).actors
    }
    assert got["org/can-gac"].iso3 == "CAN" and got["org/can-gac"].roles == ("funder",)


def test_a_syndicated_wire_item_of_a_leagues_committee() -> None:
    n = parse_note(
        "Arab officials meet on disarmament\n"
        "(MENAFN- Example News Agency (ENA)) CAIRO, Mar 3 (ENA) -- The Arab League's Committee "
        "of Senior Officials on Disarmament hold its 12th meeting on 3 March 2019, with Oman "
        "participation.\n"
        "Jordan chaired the meeting. The Example Institute participates in the meeting as an "
        "observer.\n"
    )
    # the syndicator's bracket does not hide the wire's dateline, which gives the venue
    assert (n.venue.city, n.venue.country) == ("Cairo", "EGY")
    roles = _roles(n)
    # the League's own committee: the League is named, not swallowed
    assert "organizer" in roles["org/las"]
    assert roles["state/OMN"] == ("participant",)
    assert roles["state/JOR"] == ("organizer",)
    assert roles["unresolved/example-institute"] == ("participant",)


def test_a_sentence_whose_days_overlap_the_events_is_of_the_event() -> None:
    n = parse_note(
        "Seminar on Trade Controls\n\n"
        "6 August, 2020 – 7 August, 2020\n\n"
        "The Example Forum, with support from the US State Department, held the seminar on "
        "July 27 and 28, and August 5 and 6, 2020 via Zoom.\n"
    )
    roles = _roles(n)
    assert roles["unresolved/example-forum"] == ("organizer",)
    assert roles["org/usa-dos"] == ("supporter",)


def test_bodies_a_caption_says_co_organised_between_and_a_headline_verb_with_an_article() -> None:
    n = parse_note(
        "Regional workshop in Amman\n\n"
        "Experts attend a regional workshop co-organized between the Ruritanian Atomic Energy "
        "Commission and IAEA in Amman on 3 October 2022.\n"
        "In collaboration with the IAEA, the Example Nuclear Institute organizes the regional "
        "workshop from Oct. 3-6, 2022.\n"
    )
    roles = _roles(n)
    assert roles["org/iaea"] == ("organizer",)
    assert roles["unresolved/example-nuclear-institute"] == ("organizer",)
    assert [a.roles for a in n.actors if "atomic-energy" in a.id] == [("organizer",)]


def test_an_announced_course_dated_after_a_wires_time_line() -> None:
    n = parse_note(
        "Ruritania, OPCW to hold protection course\n\n"
        "Xinhua) 09:18, September 27, 2024\n\n"
        "BEIJING, Sept. 26 (Xinhua) -- The Ruritanian government and the OPCW will jointly hold "
        "a training course on medical protection from Oct. 13 to 19.\n"
    )
    # the wire's time line is the page's date, not the event's; the course's days are dated by it
    assert (n.start_date, n.end_date, n.status) == ("2024-10-13", "2024-10-19", "planned")
    assert _roles(n)["org/opcw"] == ("organizer",)


def test_a_conference_due_to_kick_off_on_a_weekday_for_a_two_day_run() -> None:
    n = parse_note(
        "Joint conference on disarmament\n\n"
        "SEOUL, Nov. 12 (Yonhap) -- The 18th Joint Conference is due to kick off in Seoul on "
        "Wednesday for a two-day run, the ministry said Tuesday.\n\n"
        "date 2019-11-12\n"
    )
    assert (n.start_date, n.end_date) == ("2019-11-13", "2019-11-14")
