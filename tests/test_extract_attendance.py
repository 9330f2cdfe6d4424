"""Who took part, as real write-ups say it: the people a list of States sends ("regulators and
operators from"), participants "representing" governments, speakers who "explained that", the
body after a post ("Acting Head of Arms Control of the Serbian Foreign Ministry"), and those who
"will also attend" a planned event (each case from a real write-up the extractor missed)."""

from __future__ import annotations

from loaders import parse_note


def _roles(text: str) -> dict[str, tuple[str, ...]]:
    return {a.id: a.roles for a in parse_note(text).actors}


def test_the_people_a_list_of_states_sends_make_them_participants() -> None:
    text = (
        "IAEA regional workshop\n\n"
        "The workshop was held from 8 to 12 June 2015 in Livingstone, Zambia. The event "
        "gathered regulators and operators from Benin, Botswana and Malawi.\n"
    )
    roles = _roles(text)
    assert {k for k, v in roles.items() if "participant" in v} >= {
        "state/BEN",
        "state/BWA",
        "state/MWI",
    }
    # people of no kind the rule knows: no role
    assert "state/BEN" not in _roles(text.replace("regulators and operators", "tourists"))


def test_participants_representing_governments_are_listed_after_including() -> None:
    text = (
        "Course on the implementation of the CWC concludes\n\n"
        "The OPCW wrapped up a basic course on 20 September 2019. The course had 34 "
        "participants representing the governments of 31 States Parties, including Angola, "
        "Argentina, Bahamas and Zambia.\n"
    )
    roles = _roles(text)
    for iso in ("AGO", "ARG", "BHS", "ZMB"):
        assert roles[f"state/{iso}"] == ("participant",), iso


def test_a_speaker_explains_and_a_sentence_of_another_year_says_nothing() -> None:
    text = (
        "Workshop on the BWC in the Sahel\n\n"
        "On 27 September 2021 the ISU of the BWC held a workshop in Bamako. Mr. A. B., "
        "Deputy Head of Division at the German Federal Foreign Office, explained that the "
        "region and Germany cooperate closely.\n"
        "In 2006, the UN Security Council emphasized the need for assistance.\n"
    )
    roles = _roles(text)
    assert roles["org/deu-ffo"] == ("speaker",)
    assert "org/unsc" not in roles


def test_a_post_before_a_body_is_not_part_of_its_name() -> None:
    text = (
        "Security dialogue on resolution 1540\n\n"
        "The dialogue was held in Vienna on 4 July 2012. Ms. A. B., Acting Head of Arms "
        "Control of the Serbian Foreign Ministry, and Mr. C. D., Director General of the "
        "Department of Industry of Indonesia, emphasized the importance of co-ordination.\n"
    )
    names = {a.name: a.iso3 for a in parse_note(text).actors}
    assert names.get("Serbian Foreign Ministry") == "SRB"
    assert names.get("Department of Industry of Indonesia") == "IDN"
    assert not [n for n in names if n.startswith(("Arms Control", "General of"))]


def test_those_who_will_attend_make_the_event_planned() -> None:
    text = (
        "Eastern African States to convene workshop in Kenya\n\n"
        "GENEVA, 17 October (Office for Disarmament Affairs) - Experts from Comoros and "
        "Djibouti gather in Mombasa, Kenya, from 18 to 19 October for a regional workshop. "
        "Officials from IGAD will also attend the event.\n"
    )
    n = parse_note(text)
    assert n.status == "planned"
    assert {a.id: a.roles for a in n.actors}["state/COM"] == ("invited",)
    assert parse_note(text.replace(" will also attend", " also attended")).status == "held"


def test_short_names_of_caribbean_states_are_states() -> None:
    text = (
        "Caribbean community holds workshop on chemical weapons\n\n"
        "A workshop was held in Nassau on 5 May 2010. The workshop attracted participants from "
        "14 CARICOM member states, including Suriname, St. Vincent, St. Kitts and Bosnia.\n"
    )
    roles = _roles(text)
    for iso in ("SUR", "VCT", "KNA", "BIH"):
        assert roles[f"state/{iso}"] == ("participant",), iso


def test_a_course_open_for_registration_is_planned() -> None:
    text = (
        "[Training programme] Disarmament and non-proliferation of WMD 2023\n\n"
        "18 - 22 September 2023\n\n"
        "The threat posed by chemical weapons has reached new levels. Register now for the "
        "fourteenth training programme, co-organised with the OPCW in The Hague.\n"
    )
    assert parse_note(text).status == "planned"
    assert parse_note(text.replace("Register now for", "Thanks to all in")).status == "held"


def test_the_state_of_a_national_event_takes_part() -> None:
    # the one State the lead names
    text = (
        "UNLIREC convenes national roundtable\n\n"
        "On 13-14 October 2014, UNLIREC convened a national roundtable on strengthening the "
        "implementation of Security Council Resolution 1540 (2004) in Trinidad and Tobago.\n"
    )
    assert "participant" in _roles(text)["state/TTO"]
    assert "state/TTO" not in _roles(text.replace("national roundtable", "roundtable"))
    # no State named: the venue's country, invited to a planned event
    text = (
        "National workshop on the Biological Weapons Convention\n\n"
        "UNODA is organising a national workshop on the implementation of the Biological Weapons "
        "Convention. The workshop will be held in Kathmandu on 20-21 February 2030.\n"
    )
    assert _roles(text)["state/NPL"] == ("invited",)


def test_a_course_for_national_authorities_or_abroad_is_not_the_venues() -> None:
    roles = _roles(
        "OPCW National Authority Training Course\n\n"
        "The OPCW held a National Authority Training Course in Doha, Qatar from 3 to 7 May 2015.\n"
    )
    assert "participant" not in roles.get("state/QAT", ())
    roles = _roles(
        "National Round Table on resolution 1540 (2004)\n\n"
        "UNRCPD organized a national round table to review the progress made by Uzbekistan in "
        "implementing resolution 1540 (2004). The meeting took place from 22 to 24 May 2017 in "
        "Vienna, Austria.\n"
    )
    assert "participant" in roles["state/UZB"]
    assert "participant" not in roles.get("state/AUT", ())


def test_the_state_a_mission_goes_to_hosts_it() -> None:
    for title in (
        "Joint OSCE and UNODC mission to the Republic of Moldova",
        "UNODA visit to Moldova",
    ):
        n = parse_note(f"{title}\n\nThe mission took place on 19-21 March 2012.\n")
        assert {a.id: a.roles for a in n.actors}["state/MDA"] == ("host", "participant"), title
        assert n.venue.country == "MDA"
    # a place a delegation travels to is no actor
    roles = _roles("News\n\nThe delegation travelled to Moldova on 19-21 March 2012.\n")
    assert "state/MDA" not in roles


def test_the_state_assistance_is_provided_to_takes_part() -> None:
    n = parse_note(
        "UNLIREC advances implementation of resolution 1540\n\n"
        "On 31 August 2016 UNLIREC provided technical and legal assistance to the Dominican "
        "Republic. UNLIREC will continue supporting the country.\n"
    )
    roles = {a.id: a.roles for a in n.actors}
    # the sentence that dates the event is about it, though it names no event
    assert roles["org/unlirec"] == ("organizer",)
    assert roles["state/DOM"] == ("participant",)
    assert n.status == "held"


def test_the_represented_states_parties_included_a_list() -> None:
    roles = _roles(
        "OPCW holds workshop\n\n"
        "The OPCW hosted a workshop on Article XI on 11-13 June 2013 in The Hague. The "
        "represented states parties included Uruguay, U.S., Ukraine and Argentina.\n"
    )
    assert {"state/URY", "state/USA", "state/UKR", "state/ARG"} <= {
        k for k, v in roles.items() if v == ("participant",)
    }


def test_a_state_that_played_host_to_the_event_hosts_it() -> None:
    roles = _roles(
        "Kenya played host to the inaugural African Regional Conference on the BWC bringing "
        "together 49 African countries in Nairobi from November 26th to 28th, 2025.\n"
    )
    assert roles["state/KEN"] == ("host",)


def test_hosted_jointly_by_makes_both_organisers_and_hosts() -> None:
    roles = _roles(
        "CTBTO workshop in Baku concludes\n\n"
        "A workshop for States from Central Asia closed on 27 March 2003 in Baku. The workshop, "
        "hosted jointly by the Government of Azerbaijan and the CTBTO Preparatory Commission, "
        "brought together representatives from eight States in the region.\n"
    )
    assert set(roles["state/AZE"]) >= {"organizer", "host"}
    assert set(roles["org/ctbto"]) == {"organizer", "host"}


def test_people_named_by_their_states_adjectives_who_attended() -> None:
    text = (
        "Workshop on Strategic Trade Controls\n\n"
        "The Pacific Forum held a workshop in Phnom Penh, Cambodia, on 24-25 September 2015. "
        "Some 40 Cambodian, Laotian, Myanmar, Thai, and Vietnamese experts, officials and "
        "observers attended.\n"
    )
    parts = {k for k, v in _roles(text).items() if "participant" in v}
    assert parts >= {"state/KHM", "state/LAO", "state/MMR", "state/THA", "state/VNM"}
    # without a word of taking part, or with an adjective of no State: no role
    assert "state/LAO" not in _roles(text.replace("attended", "wrote papers"))
    assert "state/LAO" not in _roles(text.replace("Thai,", "Regional,"))
    # the inverted form: "Joining the Director-General in opening the exercise were ..."
    joining = (
        "Table Top Exercise\n\n"
        "The OPCW held the exercise on 22 and 23 November 2010 in Warsaw. Joining the "
        "Director-General in opening the exercise were the Under-Secretary of State and other "
        "senior Polish officials.\n"
    )
    assert "participant" in _roles(joining)["state/POL"]
    # a count before each adjective
    rail = _roles(
        "Rail Interdiction Training\n\n"
        "The training was held in Baku on 30 October 2017. Twelve Azerbaijani and twelve "
        "Georgian customs officers participated in the course.\n"
    )
    assert "participant" in rail["state/AZE"] and "participant" in rail["state/GEO"]


def test_a_sentence_tying_the_event_to_an_earlier_one_keeps_its_roles() -> None:
    # the date after "as a follow-on seminar to" is the earlier symposium's: the words before it
    # are about this workshop (before, the other date cost the sentence all its roles)
    text = (
        "US-Ruritania chemical security workshop\n\n"
        "The 3rd Chemical Security Workshop was held January 9-11, 2018 in Islamabad.\n\n"
        "UNODA and the Ministry of Foreign Affairs of Pakistan jointly organized the three-day "
        "workshop as a follow-on seminar to the second symposium held May 9-10, 2017 by OPCW.\n"
    )
    roles = _roles(text)
    assert roles["org/unoda"] == ("organizer",)
    assert "organizer" not in roles.get("org/opcw", ())  # the earlier symposium's organiser
    # a sentence dated otherwise and tied to nothing still gives no role
    tie = "jointly organized the three-day workshop as a follow-on seminar to"
    other = text.replace(tie, "organized")
    assert "org/unoda" not in _roles(other)


def test_a_count_of_countries_then_their_names_makes_them_participants() -> None:
    text = (
        "Bioterrorism tabletop exercise\n\n"
        "In September 2009, officials and experts joined forces. Organized by INTERPOL, the "
        "exercise took place from 29-30 September in Warsaw, Poland. Participants numbered 27 "
        "from six Central and Eastern European countries (Belarus, Czech Republic, Finland, "
        "Poland, Slovakia, Ukraine).\n"
    )
    n = parse_note(text)
    parts = {a.id for a in n.actors if "participant" in a.roles}
    assert parts >= {"state/BLR", "state/CZE", "state/FIN", "state/POL", "state/SVK", "state/UKR"}
    # the month read as its days the lead names without a year
    assert (n.start_date, n.end_date) == ("2009-09-29", "2009-09-30")
    forensics = _roles(
        "Nuclear forensics workshop\n\n"
        "The workshop was held in Vienna on 3 May 2019 and had 26 specialists in attendance "
        "from 4 countries, including Algeria, Bulgaria, Mexico and Pakistan.\n"
    )
    assert forensics["state/DZA"] == ("participant",)
    # the countries a package targets take no part in the event
    package = _roles(
        "Workshop\n\nOn 23-24 March 2015, UNLIREC convened a workshop. This package, currently "
        "funded by the United States Department of State, targets five countries: Belize, "
        "Dominican Republic, Grenada, Jamaica and Trinidad and Tobago.\n"
    )
    assert "state/BLZ" not in package


def test_personnel_and_academics_coming_from_states_make_them_participants() -> None:
    summer = _roles(
        "EU Summer University on Strategic Trade Controls\n\n"
        "The EU organised its Summer University in Baden, Austria on 9-13 July 2018. It gave "
        "more than 30 practitioners and academics coming from countries as diverse as Mexico, "
        "Jamaica and Iraq an opportunity to learn export control concepts.\n"
    )
    assert {"state/MEX", "state/JAM", "state/IRQ"} <= {
        a for a, r in summer.items() if "participant" in r
    }
    training = parse_note(
        "Anti-Smuggling Training\n\n"
        "On June 9 and 10, 2011 in Tbilisi, instructors delivered training to personnel from the "
        "Georgian Ministry of Defense and the Revenue Service.\n"
    )
    assert [a.iso3 for a in training.actors if "participant" in a.roles][0] == "GEO"


def test_states_that_were_all_represented_take_part() -> None:
    roles = _roles(
        "Workshop\n\nOn 6 February 2017 a workshop was held in Accra. Burundi, Cameroon and "
        "Togo were all represented at the workshop.\n"
    )
    assert {s: roles[s] for s in ("state/BDI", "state/CMR", "state/TGO")} == {
        "state/BDI": ("participant",),
        "state/CMR": ("participant",),
        "state/TGO": ("participant",),
    }


def test_trainers_organise_and_an_opening_speaker_takes_part() -> None:
    note = parse_note(
        "Cargo targeting course\n\n"
        "The Customs Administration of the Netherlands and the World Customs Organization (WCO) "
        "trained 25 customs officers from Ghana in risk management from 2 to 5 May 2016.\n\n"
        "In his opening remarks to the course, the Commissioner of Customs of Nigeria, Mr A. "
        "Bello, said that cooperation was key.\n"
    )
    roles = {a.id: a.roles for a in note.actors}
    assert roles["org/wco"] == ("organizer",) and roles["state/GHA"] == ("participant",)
    (speaker,) = [a for a in note.actors if a.iso3 == "NGA"]
    assert speaker.roles == ("speaker",) and speaker.name == "Commissioner of Customs of Nigeria"
    # trained people are not trainers
    roles = _roles(
        "Cargo targeting course\n\n"
        "Officers from Ghana were trained 25 days in risk management from 2 to 5 May 2016.\n"
    )
    assert roles["state/GHA"] == ("participant",)


def test_participants_who_attended_the_event_from_a_list_of_states() -> None:
    roles = _roles(
        "Workshop in Nairobi\n\n"
        "The workshop was held in Nairobi from 2 to 4 May 2005. Twenty participants attended "
        "the workshop from Burundi, the United Republic of Tanzania and Uganda.\n"
    )
    assert {"state/BDI", "state/TZA", "state/UGA"} <= {
        a for a, r in roles.items() if r == ("participant",)
    }


def test_a_course_offered_for_states_people_with_a_regions_among_them() -> None:
    roles = _roles(
        "Course in Yerevan\n\n"
        "From 4 to 8 November 2019, the Defense Threat Reduction Agency (DTRA) offered a "
        "five-day course in bio-terrorism investigation for Armenian and Georgian officials.\n"
    )
    assert roles["org/usa-dtra"] == ("organizer",)
    assert roles["state/ARM"] == roles["state/GEO"] == ("participant",)
    # a region's adjective does not drop the list
    roles = _roles(
        "Training in Panama\n\n"
        "The EXBS program held a course for Panamanian, Central American, and Caribbean customs "
        "inspectors from 9 to 12 March 2015.\n"
    )
    assert roles["state/PAN"] == ("participant",)
    # a presentation delivered is no event organised
    roles = _roles(
        "Course in Yerevan\n\n"
        "On 4 November 2019, the IAEA delivered a presentation at the course for Armenian "
        "officials.\n"
    )
    assert "organizer" not in roles.get("org/iaea", ())


def test_two_word_adjectives_of_states_name_their_people() -> None:
    # "South African" and "North Macedonian" are States' adjectives, "West African" a region's
    roles = _roles(
        "Seminar on Biosafety\n\n"
        "ACCRA, 3 June 2021 - UNODA convened a seminar on biosafety in Accra on 2 June 2021.\n"
        "Participants included South African, West African and Ghanaian laboratory experts.\n"
        "North Macedonian and New Zealand delegates attended as observers.\n"
    )
    for iso in ("ZAF", "GHA", "MKD", "NZL"):
        assert roles[f"state/{iso}"] == ("participant",), iso
