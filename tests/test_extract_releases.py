"""Extraction from press releases and news items, rule by rule, on short notes written for the
test: venues said in the prose, year-less dates in the lead, headline hosts, and the names of
bodies in release prose (each case from a real release whose layout the extractor missed)."""

from __future__ import annotations

from loaders import parse_note


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
    # a month right after the city (a US-style date) is not part of the place
    assert venue(
        "Representatives participated in the Export Controls Workshop in Kingston June 15-17."
    ) == ("Kingston", "JAM")
    # a building before its city: the city, not a later one the note names
    assert venue(
        "On 15 May 2019 in Hofburg, Vienna the plenary session of the Forum was held. The "
        "training centre located in Dushanbe trains experts for the region."
    ) == ("Vienna", "AUT")


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


def test_names_of_bodies_in_release_prose() -> None:
    def actors(body: str) -> dict[str, tuple[str, ...]]:
        n = parse_note("Round table on resolution 1540, 3 May 2019\n\n" + body)
        return {a.name: a.roles for a in n.actors}

    got = actors(
        "The forum was organized by the national coordinator of export control – the "
        "Ministry of Economy of the Kyrgyz Republic. Officials of the Malawi Revenue "
        "Authority's customs operations attended the workshop."
    )
    assert got == {
        "Ministry of Economy of the Kyrgyz Republic": ("organizer",),
        "Malawi Revenue Authority": ("participant",),
    }
    # consultations with X: X takes part, the one who held them organises
    got = actors(
        "UNLIREC held consultations with the Government of Peru. The delegation met with Ms. "
        "Magreta, Principal Secretary of the Ministry of Defence and General A. B. Banda."
    )
    assert got == {
        "UNLIREC": ("organizer",),
        "the Government of Peru": ("participant",),
        "Ministry of Defence": ("participant",),
    }
    # the Department for Disarmament Affairs was UNODA's name until 2007; the IPU is known
    n = parse_note(
        "Seminar, 9 November 2006\n\nThe Department for Disarmament Affairs organized the "
        "seminar in cooperation with the Inter-Parliamentary Union."
    )
    assert {a.id for a in n.actors} == {"org/unoda", "org/ipu"}


def test_a_release_reports_an_event_near_its_publication() -> None:
    n = parse_note(
        "The Review Conference on Resolution 1540 in Africa closes today in Addis Ababa\n\n"
        "Addis Ababa, 6 April 2016: The Commission of the African Union is organizing a two-day "
        "conference on resolution 1540 (2004).\n\n"
        "Resolution 1540 (2004) obliges every State to refrain from supporting non-State actors "
        "that seek weapons of mass destruction, and to adopt and enforce laws against their "
        "proliferation. The conference reviews what African States have done, what assistance "
        "they have asked for, and how regional bodies can help them meet these obligations. "
        "Its findings will be shared with the Committee and with the donors.\n\n"
        "The conference follows a decision of the Assembly of the Union, held from 27 to 28 "
        "January 2013 in Addis Ababa, and the 584th meeting of the Peace and Security Council, "
        "held on 29 March 2016, which considered the report on the theme "
        '"Arms Control, Disarmament and Non-proliferation".'
    )
    # the dateline (with a colon) dates the release; a session years before, and a numbered
    # session of a statutory body, are not the event; left with none: the release's own date
    assert (n.start_date, n.end_date) == ("2016-04-06", "2016-04-06")
    # a quotation past the lead, not introduced as a title, is not the event's name
    assert n.title is not None and n.title.startswith("The Review Conference")


def test_places_on_a_date_line_and_at_a_sentence_start() -> None:
    n = parse_note(
        "Seminar on Effective Practices\n26-27 June 2014, Rakitje, Croatia\n"
        "Organised in cooperation with the Ministry of Foreign Affairs.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Rakitje", "HRV")
    n = parse_note(
        "Malawi Hosts Visit by the 1540 Committee, 5-8 August 2014\n\n"
        "In Lilongwe, the delegation met with officials of the Ministry of Defence."
    )
    assert (n.venue.city, n.venue.country) == ("Lilongwe", "MWI")


def test_a_committee_of_the_security_council_is_not_the_council() -> None:
    n = parse_note(
        "Workshop in Nairobi, 14 March 2023\n\nThirty officials and the Chairperson of the "
        "Security Council Committee (1540 Committee) attended the workshop."
    )
    assert {a.id: a.roles for a in n.actors} == {"org/1540-committee": ("participant",)}


def test_a_name_wrapped_over_two_lines_is_one_name() -> None:
    """A PDF's narrow column wraps a name after a word that cannot end one ("of", "and", "for",
    "on", "the"): the name goes on; a line that ends a name ends it."""
    n = parse_note(
        "Seminar on resolution 1540, 26-27 June 2014\n\n"
        "The seminar was organised in cooperation with the United\n"
        "Nations Office for Disarmament Affairs (UNODA) and the Ministry of Foreign and\n"
        "European Affairs of the Republic of Croatia.\n"
    )
    got = {a.name: (a.roles, a.iso3) for a in n.actors}
    assert got == {
        "United Nations Office for Disarmament Affairs": (("organizer",), None),
        "Ministry of Foreign and European Affairs of the Republic of Croatia": (
            ("organizer",),
            "HRV",
        ),
    }
    quote = next(a for a in n.actors if a.iso3 == "HRV").evidence[0]
    assert quote.line == 4 and quote.text.startswith("Ministry of Foreign and")


def test_a_body_acting_through_another_names_both() -> None:
    n = parse_note(
        "Round table on resolution 1540\nDate: 21 November 2016\n"
        "Hosted By: UNODA through its Regional Centre for Peace and Disarmament and the "
        "Government of Nepal\n"
    )
    # the label says who hosts: each name it gives
    assert {a.id: a.roles for a in n.actors} == {
        "org/unoda": ("organizer", "host"),
        "unresolved/regional-centre-for-peace-and-disarmament": ("organizer", "host"),
        "state/NPL": ("organizer", "host"),
    }


def test_a_place_inside_a_venue_name_and_an_n_day_event() -> None:
    n = parse_note(
        "Training course on resolution 1540\n\n"
        "The course started on 5 November 2024 at the UN Conference Centre in Addis Ababa, "
        "Ethiopia. Officials of Kenya attended this three-day training."
    )
    assert (n.venue.city, n.venue.country) == ("Addis Ababa", "ETH")
    assert (n.start_date, n.end_date) == ("2024-11-05", "2024-11-07")
    # two lengths said: neither is taken
    n = parse_note("Workshop, 5 November 2024\n\nA three-day workshop followed the two-day course.")
    assert (n.start_date, n.end_date) == ("2024-11-05", "2024-11-05")


def test_an_event_under_way_at_publication_is_dated_by_the_dateline() -> None:
    """'Nairobi, 15 September 2015 - IGAD is holding a workshop': the event is the release's
    day, not an older one the release recalls."""
    n = parse_note(
        "Regional workshop on resolution 1540\n\n"
        "Nairobi, September 15, 2015 - IGAD is holding a two days workshop for its member "
        "States.\n\nAt a meeting hosted by the African Union on 21 November 2014, IGAD presented "
        "its plans.\n"
    )
    assert (n.start_date, n.end_date) == ("2015-09-15", "2015-09-15")
    n = parse_note(
        "Regional workshop on resolution 1540\n\n"
        "Nairobi, September 15, 2015 - IGAD held a workshop for its member States on "
        "21 July 2015.\n"
    )
    assert n.start_date == "2015-07-21"


def test_a_fronted_partner_phrase_ends_at_the_verb() -> None:
    """'X, in cooperation with Y, organized a review of Z's plan': Z is what the meeting is
    about, not an organiser; an organisation's office in a country is the organisation's."""
    n = parse_note(
        "National round table on resolution 1540\n\n"
        "UNRCPD, in cooperation with the OSCE and the OSCE Project Co-ordinator in Uzbekistan, "
        "organized a meeting to review the progress made by Uzbekistan on its plan. Officials "
        "of Uzbekistan took part.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert "organizer" in roles["org/osce"]
    assert roles["unresolved/osce-project-co-ordinator-in-uzbekistan"] == {"organizer"}
    assert roles["state/UZB"] == {"participant"}
    unit = next(a for a in n.actors if a.id.startswith("unresolved/osce-project"))
    assert (unit.part_of, unit.iso3) == ("OSCE", "UZB")
    # a list that goes on after its verb is not cut: "A and B attended, along with C"
    n = parse_note(
        "Meeting on resolution 1540\n\n"
        "Officials from Benin and Ghana attended the meeting, along with experts of the "
        "1540 Committee.\n"
    )
    assert "participant" in {r for a in n.actors if a.id == "org/1540-goe" for r in a.roles}


def test_who_helped_whom_organise_and_who_spoke_in_what_capacity() -> None:
    n = parse_note(
        "Peer-to-peer exercise on resolution 1540\n\n"
        "The United Nations Office for Disarmament Affairs (UNODA) supported Botswana and South "
        "Africa in organizing a peer-to-peer exercise, held from 4 to 6 November 2025 in "
        "Pretoria. The exercise was officially opened by Ms. A. B., Chief Executive Officer of "
        "the National Nuclear Regulator of South Africa. Mr. C. D., Chair of the 1540 Committee "
        "and Permanent Representative of Panama to the United Nations, addressed participants. "
        "Opening remarks were also delivered by Mr. E. F., Ambassador of the Republic of Korea "
        "to South Africa.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert {"organizer"} <= roles["state/BWA"] and {"organizer", "host"} <= roles["state/ZAF"]
    assert "supporter" in roles["org/unoda"]
    assert "speaker" in roles["state/KOR"] and "speaker" in roles["org/zaf-nnr"]
    # the Chair speaks as Chair; the diplomats' accreditations are not actors
    assert "state/PAN" not in roles and "org/un" not in roles


def test_a_body_named_with_its_state_is_one_actor() -> None:
    n = parse_note(
        "Workshop on resolution 1540\n\n"
        "The workshop was hosted by the National Authority for the Prohibition of Weapons (NACW) "
        "of Cambodia. Participants included the U.S. Export Control and Related Border Security "
        "program (EXBS), the Federal Office for Economic Affairs and Export Control (BAFA) of "
        "Germany and the Global Trade Security Consulting (GTSC) of Singapore.\n"
    )
    ids = {a.id for a in n.actors}
    assert {"org/usa-exbs", "org/deu-bafa", "state/KHM"} <= ids
    assert not {"state/USA", "state/DEU", "state/SGP"} & ids


def test_a_page_stamp_with_its_section_and_the_states_a_course_assists() -> None:
    """'Published on 10 April 2014 in' + a section name on the next line is the page's stamp,
    not a date and place of the event; 'will assist the governments of A, B' names who take
    part; 'X is facilitating a workshop' names its organiser."""
    n = parse_note(
        "Helping African states on resolution 1540\n"
        "Published on 10 April 2014 in\n"
        "Impact\n"
        "From 10-11 April the Institute for Security Studies is facilitating a workshop in "
        "Pretoria hosted by the "
        "Department of International Relations and Cooperation. The training will assist the "
        "governments of Lesotho, Zambia and Malawi to meet the requirements of Resolution 1540.\n"
    )
    assert (n.start_date, n.end_date) == ("2014-04-10", "2014-04-11")
    assert (n.venue.city, n.venue.country) == ("Pretoria", "ZAF")
    roles = {a.id: set(a.roles) for a in n.actors}
    assert {"state/LSO", "state/ZMB", "state/MWI"} <= {
        i for i, r in roles.items() if "participant" in r
    }
    assert "organizer" in roles["org/iss-africa"] and "host" in roles["org/zaf-dirco"]
    # funders named as governments stay funders
    n = parse_note(
        "Conference on resolution 1540\n\n"
        "The conference, held in La Paz on 7 November 2018, was made possible with funding from "
        "the Governments of Norway and Spain.\n"
    )
    assert {a.id: a.roles for a in n.actors}["state/NOR"] == ("funder",)


def test_an_acronym_the_note_defines_names_the_same_body() -> None:
    n = parse_note(
        "Workshop on resolution 1540\n\n"
        "The Institute for Security Studies (ISS) works with African governments. On 10 April "
        "2014 the ISS is facilitating a workshop in Pretoria.\n"
    )
    iss = next(a for a in n.actors if a.id == "org/iss-africa")
    assert "organizer" in iss.roles
    assert any(e.text == "ISS" for e in iss.evidence)
    # an acronym that does not fit the name before it is not learnt
    n = parse_note("Meeting on resolution 1540\n\nThe OSCE (XQ) met. XQ attended the meeting.\n")
    assert all(a.name != "XQ" for a in n.actors)


def test_a_venue_is_not_taken_from_an_earlier_event() -> None:
    n = parse_note(
        "Points-of-Contact training course\n\n"
        "From 4 to 7 September 2018, the Russian Federation hosted a training course in "
        "Rostov\u2011on\u2011Don for national Points of Contact. The first courses were held in "
        "China in 2015 and 2017.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Rostov-on-Don", "RUS")
    n = parse_note(
        "Training course on resolution 1540\n\n"
        "From 25 to 28 June 2024 the Committee and China hosted the fourth course in Beijing. "
        "Previous courses took place in Qingdao, China, in 2015 and in Xiamen in 2019.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Beijing", "CHN")
    # no year anywhere but the earlier courses': their sentence is about other editions
    n = parse_note(
        "Training course on resolution 1540\n\n"
        "From 25 to 28 June, the Committee and the Government of China hosted the fourth course "
        "in Beijing, China. Previous courses took place in Qingdao, China, in 2015; and in "
        "Xiamen, China, in 2019.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Beijing", "CHN")
    n = parse_note(
        "Regional workshop\n\n"
        "On 3 May, officials from Peru and Chile met in Santiago, Chile for a workshop. "
        "The next workshop will take place in Lima in 2026.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Santiago", "CHL")


def test_a_co_host_named_after_alongside_and_a_city_travelled_to() -> None:
    n = parse_note(
        "Final NAP Workshop held in Suriname\n\n"
        "UNLIREC representatives travelled to Paramaribo, Suriname to co-host a National Action "
        "Plan finalisation workshop alongside Suriname's Ministry of Defence.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Paramaribo", "SUR")
    ministry = next(a for a in n.actors if a.iso3 == "SUR" and a.kind == "unresolved")
    assert set(ministry.roles) == {"organizer", "host"}


def test_a_release_announcing_an_event_at_un_headquarters() -> None:
    n = parse_note(
        "United Nations Headquarters to Host Special Event on Resolution 1540, 1 October\n\n"
        "28 September 2009\nPress Release DC/3194\n\n"
        "NEW YORK, 28 September (Office for Disarmament Affairs) -- A special event will be held "
        "at United Nations Headquarters on 1 October.\n\n"
        "The Committee will hold an open meeting for that purpose from 30 September to "
        "2 October.\n"
    )
    assert (n.start_date, n.end_date) == ("2009-10-01", "2009-10-01")
    assert (n.venue.name, n.venue.city, n.venue.country) == (
        "United Nations Headquarters",
        "New York",
        "USA",
    )
    # a dateline whose date is followed by a comma is not the event's date
    n = parse_note(
        "WORKSHOP ON RESOLUTION 1540 IN AFRICA OPENS IN GABORONE, BOTSWANA, TOMORROW\n\n"
        "26 November 2007\nPress Release AFR/1624\n\n"
        "NEW YORK, 26 November, (Office for Disarmament Affairs) -- A workshop is being held "
        "on 27 and 28 November in Gaborone, Botswana.\n"
    )
    assert (n.start_date, n.end_date) == ("2007-11-27", "2007-11-28")


def test_a_venue_field_naming_an_organisation_and_a_city() -> None:
    def venue(field: str) -> tuple[str | None, str | None, str | None]:
        n = parse_note(
            f"Regional workshop\n\nDate: 3 May 2019\nVenue: {field}\nOrganizer: UNODA\n\n"
            "Officials of ten States took part in the workshop.\n"
        )
        return n.venue.name, n.venue.city, n.venue.country

    assert venue("United Nations Headquarters") == ("United Nations", "New York", "USA")
    assert venue("United Nations Office, Geneva") == ("United Nations", "Geneva", "CHE")
    # a unit without a seat of its own: its parent's (the OSCE's)
    assert venue("OSCE Secretariat") == ("OSCE Secretariat", "Vienna", "AUT")


def test_the_state_a_delegation_visits_hosts_the_visit() -> None:
    n = parse_note(
        "1540 Committee visits Grenada\n\n"
        "A delegation of the 1540 Committee visited Grenada this week after receiving an "
        "invitation from the government.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert roles["state/GRD"] == {"host", "participant"}
    assert "participant" in roles["org/1540-committee"]
    assert (n.venue.city, n.venue.country) == (None, "GRD")
    # only the names right after 'visited', not the rest of the sentence
    n = parse_note(
        "Joint mission to Belize\n\n"
        "From 18-21 August 2014, UNLIREC visited Belize to conduct meetings with officials to "
        "present the programme of the Organization of American States.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert roles["state/BLZ"] == {"host", "participant"}
    assert "host" not in roles.get("org/oas", set())
    assert "participant" in roles["org/unlirec"]


def test_a_state_that_hosts_a_regional_training() -> None:
    n = parse_note(
        "Panama hosts regional training to counter weapons of mass destruction\n\n"
        "Representatives from across the region gathered in Panama City on Monday for a "
        "two-day training session.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert {"organizer", "host"} <= roles["state/PAN"]
    # a headline in title case keeps the headline's cue: host, not necessarily organiser
    n = parse_note(
        "Botswana to Host Regional Workshop on Resolution 1540, in Gaborone\n\n"
        "The workshop is organized by the Office for Disarmament Affairs.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert roles["state/BWA"] == {"host"}


def test_a_helper_supports_the_organisers_in_delivering_a_workshop() -> None:
    n = parse_note(
        "Workshop on border controls\n\n"
        "On 3 May 2022, UNODA supported Botswana and Namibia in delivering a workshop on border "
        "controls in Gaborone.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert "organizer" in roles["state/BWA"] and "organizer" in roles["state/NAM"]
    assert "supporter" in roles["org/unoda"]


def test_an_acronym_the_note_defines_for_an_unknown_body() -> None:
    n = parse_note(
        "Workshop on nuclear security\n\n"
        "The Nuclear Security Support Centre (NSSC) was set up in 2019. On 3 May 2022, UNODA "
        "held a workshop in Accra, Ghana, hosted by the NSSC.\n"
    )
    nssc = next(a for a in n.actors if a.id == "unresolved/nuclear-security-support-centre")
    assert nssc.roles == ("host",)
    assert [e.text for e in nssc.evidence][-1] == "NSSC"


def test_venues_said_around_the_date() -> None:
    def venue(text: str) -> tuple[str | None, str | None]:
        n = parse_note(text)
        return n.venue.city, n.venue.country

    assert venue(
        "UNLIREC and Jamaica team up\n\n"
        "The team provided training for law enforcement officials from 2-4 January 2016 in the "
        "country's capital, Kingston.\n"
    ) == ("Kingston", "JAM")
    assert venue(
        "Seminar on proliferation\n\n"
        "More than 120 senior officials met in Vilnius, Lithuania, to discuss proliferation on "
        "18 and 19 April 2007.\n"
    ) == ("Vilnius", "LTU")
    assert venue(
        "Bio-Security Workshop on Resolution 1540\n\n"
        "Bio-Security Workshop on Resolution 1540 at the African Union (AU) Commission, Addis "
        "Ababa, Ethiopia, 10th to 11th December, 2013\n\n"
        "Resolution 1540 (2004) was adopted in 2004.\n"
    ) == ("Addis Ababa", "ETH")


def test_a_workshop_made_possible_by_contributions() -> None:
    n = parse_note(
        "National Action Plan validation workshop\n\n"
        "On 7 April 2025, Nigeria held a workshop in Abuja. The workshop was made possible by "
        "contributions from the Republic of Korea and the European Union.\n"
    )
    roles = {a.id: set(a.roles) for a in n.actors}
    assert "funder" in roles["state/KOR"] and "funder" in roles["org/eu"]
