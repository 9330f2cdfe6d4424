"""Extraction of who did what from release prose: partners, co-sponsors, inviters, the bodies a
note names without their State, and names of bodies that hold a comma or an "and" (each case
from a real write-up the extractor missed)."""

from __future__ import annotations

from loaders import parse_note


def _roles(text: str) -> dict[str, set[str]]:
    return {a.id: set(a.roles) for a in parse_note(text).actors}


def test_partners_that_team_up_both_organise() -> None:
    roles = _roles(
        "Training in Kingston\n\n"
        "From 2-4 January 2016, the UNLIREC team worked together with officials from FBI to "
        "provide training for law enforcement officials in Kingston.\n"
    )
    # "officials from" names the partner's people, not a new list of participants
    assert roles["org/unlirec"] == {"organizer"} and roles["org/usa-fbi"] == {"organizer"}
    roles = _roles(
        "Workshop on export controls\n\n"
        "On 4 May 2021, UNODA partnered with the OSCE to hold a workshop in Vienna.\n"
    )
    assert roles["org/unoda"] == {"organizer"} and roles["org/osce"] == {"organizer"}
    # a relative clause about earlier work is not a partnership in this event
    roles = _roles(
        "Meeting of the Forum\n\n"
        "On 4 May 2021, Belarus and Serbia, which have worked closely with the OSCE to develop "
        "their plans, presented their national efforts at the meeting in Vienna.\n"
    )
    assert "org/osce" not in roles


def test_a_state_hosting_jointly_with_an_office_and_its_co_sponsors() -> None:
    roles = _roles(
        "Regional Seminar for Arab States\n\n"
        "The Regional Seminar took place on 4-5 September 2007 in Amman, Jordan. Jordan hosted "
        "the workshop jointly with the United Nations Office for Disarmament Affairs (UN ODA) in "
        "close cooperation with the United States as co-sponsor along with the EU and Norway.\n"
    )
    assert roles["state/JOR"] == {"organizer", "host"}
    assert roles["org/unoda"] == {"organizer", "host"}
    assert roles["state/USA"] == {"organizer"}
    assert roles["org/eu"] == {"supporter"} and roles["state/NOR"] == {"supporter"}


def test_whoever_invites_hosts() -> None:
    roles = _roles(
        "Bahrain workshop\n\n"
        "The two-day workshop was held on 9-10 October 2019 in Manama. The Committee experts "
        "thanked Bahrain, having been invited by Bahrain to this important workshop.\n"
    )
    assert roles["state/BHR"] == {"organizer", "host"}


def test_held_in_a_city_by_an_organiser() -> None:
    roles = _roles(
        "The 21st Asian Export Control Seminar was Held\n\n"
        "From February 26 to 28, 2014, the seminar was held in Tokyo by the Center for "
        "Information on Security Trade Control (CISTEC) as organizer.\n"
    )
    assert roles["unresolved/center-for-information-on-security-trade-control"] == {"organizer"}


def test_a_ministry_named_without_its_state_is_the_hosts() -> None:
    text = (
        "The 21st Asian Export Control Seminar was Held\n\n"
        "From February 26 to 28, 2014, the seminar was held in Tokyo jointly with the Ministry "
        "of Economy, Trade and Industry (METI) and the Ministry of Foreign Affairs.\n"
    )
    actors = {a.id: a for a in parse_note(text).actors}
    # one ministry, its portfolios listed with commas; and the venue's State is theirs
    meti = actors["unresolved/ministry-of-economy-trade-and-industry-jpn"]
    assert meti.name == "Ministry of Economy, Trade and Industry" and meti.iso3 == "JPN"
    assert actors["unresolved/ministry-of-foreign-affairs-jpn"].iso3 == "JPN"
    # a note naming another State as an actor leaves a bare ministry without one
    roles = _roles(
        "Seminar in Tokyo\n\n"
        "On 26 February 2014 the seminar was held in Tokyo jointly with the Ministry of Foreign "
        "Affairs. Experts from Viet Nam and Malaysia participated.\n"
    )
    assert "unresolved/ministry-of-foreign-affairs" in roles
    # portfolios that are bodies themselves stay apart
    roles = _roles(
        "Visit to Lesotho\n\n"
        "On 4 May 2021 the team met with the Ministry of Defence, Customs and Police in Maseru.\n"
    )
    assert "unresolved/ministry-of-defence-lso" in roles


def test_a_name_holding_and_is_one_body() -> None:
    roles = _roles(
        "Workshop in Tianjin\n\n"
        "On 13 March 2013 the workshop was organised by the Project Alpha team in cooperation "
        "with the China Arms Control and Disarmament Association (CACDA) in Tianjin.\n"
    )
    assert "unresolved/china-arms-control-and-disarmament-association" in roles
    assert "state/CHN" not in roles
    # a body named after a person's post ("Mr. A B, Director of the X") is kept whole
    roles = _roles(
        "Plenary in Vienna\n\n"
        "On 15 May 2019 the Chairmanship invited Mr. Ilhom Mirsaidov Director of the Nuclear "
        "and Radiation Safety Agency of the Academy of Sciences, who delivered a presentation.\n"
    )
    assert any(a.startswith("unresolved/nuclear-and-radiation-safety-agency") for a in roles)


def test_what_funders_give_to_is_not_a_funder() -> None:
    roles = _roles(
        "Validation workshop\n\n"
        "On 7 April 2025, Nigeria held a workshop in Abuja. The workshop was made possible by "
        "contributions from the Republic of Korea and the European Union to the United Nations "
        "Trust Fund for Global and Regional Disarmament Activities.\n"
    )
    assert roles["state/KOR"] == {"funder"} and roles["org/eu"] == {"funder"}
    assert not any("trust-fund" in a for a in roles)


def test_more_ways_of_saying_who_organised() -> None:
    roles = _roles(
        "Round Table Meeting\n\n"
        "The 15th Round Table Meeting took place on 7 July 2021. The meeting was facilitated by "
        "the United Nations Interregional Crime and Justice Research Institute (UNICRI).\n"
    )
    assert roles["org/unicri"] == {"organizer"}
    roles = _roles(
        "Sri Lanka co-chairs ASEAN meet\n\n"
        "Sri Lanka, Thailand and USA co-chaired the 15th Inter-Sessional Meeting, held from 29 "
        "April to 1 May 2024 in Honolulu.\n"
    )
    assert {"state/LKA", "state/THA", "state/USA"} <= {
        a for a, r in roles.items() if "organizer" in r
    }
    # a division, with an adverb before its verb; and who a report cites is no actor
    roles = _roles(
        "SECDIV workshop\n\n"
        "According to Foreign Office, a team of Strategic Export Control Division (SECDIV) "
        "recently conducted the capacity-building training at Customs House, Peshawar.\n"
    )
    assert roles == {"unresolved/strategic-export-control-division": {"organizer"}}
    # an open debate is an event
    roles = _roles(
        "Open debate\n\n"
        "Twenty-two States joined in this open debate organized by the Organization of American "
        "States (OAS) in Lima on 25 April 2017.\n"
    )
    assert roles["org/oas"] == {"organizer"}


def test_a_headline_verb_without_an_article() -> None:
    roles = _roles(
        "UNLIREC and Costa Rica hold national round table on resolution 1540\n\n"
        "On 24 July 2017 some 30 officials met in San José.\n"
    )
    assert roles["org/unlirec"] == {"organizer"}
    # ... and the State of a national round table takes part (tests/test_extract_attendance.py)
    assert roles["state/CRI"] == {"organizer", "host", "participant"}


def test_an_event_held_under_its_name_without_an_article() -> None:
    text = (
        "U.S. Embassy Holds Training\n"
        'Baku / 09.10.17 / Turan: The US Embassy"s Export Control and Related Border Security '
        "(EXBS) office is holding Counter Proliferation Investigation training on October 9-13.\n"
    )
    roles = _roles(text)
    assert roles["org/usa-exbs"] == {"organizer"}
    assert roles["state/USA"] == {"organizer"}
    said = "On 3 May 2019 UNODA organized National Workshop on Implementing Resolution 1540"
    assert _roles(f"News\n{said}.")["org/unoda"] == {"organizer"}
    # a capitalised word that names no event after it is not an event held
    assert "org/unoda" not in _roles("News\nOn 3 May 2019 UNODA is holding Geneva talks.")


def test_bodies_that_coordinated_a_training_organised_it() -> None:
    text = (
        "NNSA leads global effort\n\nNNSA and the Federal Bureau of Investigation coordinated an "
        "Advanced Radiation Detection and Investigative Techniques (ARDIT) training in Almaty, "
        "Kazakhstan, in March.\n"
    )
    roles = _roles(text)
    assert roles["org/usa-nnsa"] == roles["org/usa-fbi"] == {"organizer"}
    # coordinating efforts is not organising an event
    said = (
        "News\nNNSA coordinated the efforts of a drafting group. The workshop was held in Zadar.\n"
    )
    assert "organizer" not in _roles(said).get("org/usa-nnsa", set())


def test_a_course_conducted_by_a_body_is_organised_by_it() -> None:
    roles = _roles(
        "Training course\n\nA five-day training course for 30 customs officers concluded on 2 "
        "March 2018 in Dushanbe. The course was conducted by the US Nuclear Regulatory "
        "Commission and the U.S. Department of Justice.\n"
    )
    assert roles["org/usa-nrc"] == roles["org/usa-doj"] == {"organizer"}


def test_a_government_named_by_its_states_adjective_is_the_state() -> None:
    roles = _roles(
        "Workshop\n\nOn 3 December 2009 a workshop was held in Accra, hosted by a South "
        "Africa-based research organisation, with financial support from the UK and Norwegian "
        "governments. Representatives from UNREC and the South African Government attended.\n"
    )
    assert roles["state/NOR"] == {"funder"}
    # "South Africa-based" says where a body is: not a host
    assert roles["state/ZAF"] == {"participant"}


def test_a_body_named_before_other_capitalised_words_of_its_chunk() -> None:
    n = parse_note(
        "Workshop for Customs Personnel\n\nThe U.S. Department of State partnered with the "
        "Polish Customs Agency to hold the first Joint Field Operation workshop for law "
        "enforcement personnel from seven European Union Member States.\n"
    )
    polish = next(a for a in n.actors if a.name == "Polish Customs Agency")
    assert (polish.kind, polish.iso3, polish.roles) == ("unresolved", "POL", ("organizer",))


def test_participants_drawn_from_countries_listed_after_a_colon() -> None:
    roles = _roles(
        "Regional Workshop in Accra, Ghana\n\n"
        "On 20 June 2022 the workshop welcomed 30 professionals from regulatory bodies, drawn "
        "from 7 African Countries: Ghana, Nigeria, Botswana, Tanzania, Niger, Zimbabwe, and "
        "Namibia.\n"
    )
    assert {
        "state/GHA",
        "state/NGA",
        "state/BWA",
        "state/TZA",
        "state/NER",
        "state/ZWE",
        "state/NAM",
    } <= {a for a, r in roles.items() if r == {"participant"}}


def test_a_body_whose_event_it_is_organises_it() -> None:
    roles = _roles(
        "Training session in Turkey\n\n"
        'Experts took part in an INTERPOL "Train-the-Trainer" session on 21 February 2011.\n'
    )
    assert roles["org/interpol"] == {"organizer"}
    # not a treaty the event is about, a State, or a body whose people act
    assert "org/bwc" not in _roles("Officials attended a BWC workshop on 3 May 2019.\n")
    briefed = _roles("The 1540 Committee Chair briefed a meeting held on 28 March 2017.\n")
    assert "organizer" not in briefed["org/1540-committee"]


def test_an_event_named_after_its_body_in_the_sentence_that_dates_it() -> None:
    # no cue but the owner's place: after "a" and the event's length, before its name
    lead = (
        "A three-day Comprehensive Nuclear-Test-Ban Treaty Organization (CTBTO) Regional "
        "Workshop for States of East Africa was held in Nairobi from 2 to 4 May 2005."
    )
    roles = _roles(f"Workshop in Nairobi\n\n{lead}\n")
    assert roles["org/ctbto"] == {"organizer"}
    # a capitalised event's name after "the" may be another event's, a hall is no event, and
    # a line before does not run on into the next
    other = (
        "On 2 May 2005 experts met in Nairobi. They recalled the United Nations Conference to "
        "Negotiate a Treaty, and met at the United Nations Conference Centre.\n\n"
        "Funded by the European Union\n\nThe Second Meeting of the experts was held on 2 May "
        "2005.\n"
    )
    roles = _roles(f"Meeting in Nairobi\n\n{other}")
    assert "organizer" not in roles.get("org/un", set())
    assert "organizer" not in roles.get("org/eu", set())


def test_the_bodies_a_joint_event_is_named_after_organise_it() -> None:
    # a headline: "Joint OSCE, UNDP and UNODC mission to ..."; in prose: "a joint UNODA-OSCE ..."
    roles = _roles(
        "Joint OSCE, UNDP and UNODC mission to the Republic of Moldova\n\n"
        "The joint mission took place on 19-21 March 2012 in Chisinau.\n"
    )
    assert {a for a, r in roles.items() if "organizer" in r} >= {
        "org/osce",
        "org/undp",
        "org/unodc",
    }
    headline = _roles("Joint OSCE-UNODA Workshop on export controls\n\nIt met on 3 May 2019.\n")
    assert headline["org/osce"] == headline["org/unoda"] == {"organizer"}
    prose = _roles("Experts took part in a joint UNODA-OSCE workshop on 3 May 2019 in Vienna.\n")
    assert {"org/unoda", "org/osce"} <= {a for a, r in prose.items() if "organizer" in r}
    # bodies listed as those whose experts attended own no event
    experts = _roles("The OSCE and UNODA experts attended a workshop on 3 May 2019 in Vienna.\n")
    assert not any("organizer" in r for r in experts.values())


def test_a_longer_name_that_holds_a_known_one_is_another_body() -> None:
    roles = _roles(
        "Course on arms control\n\n"
        "From 10 to 12 November 2018 the Jordan Institute of Diplomacy (JID) hosted a course "
        "organised by the GCSP in partnership with JID and the Arab Institute for Security "
        "Studies (ACSIS). It attracted participants from Egypt, Britain and the United States. "
        "Topics included the Iran Nuclear Deal.\n"
    )
    assert roles["org/gcsp"] == {"organizer"}
    assert roles["unresolved/arab-institute-for-security-studies"] == {"organizer"}
    assert "org/iss-africa" not in roles  # the Institute for Security Studies is another body
    assert roles["state/GBR"] == {"participant"}  # "Britain"
    assert "state/IRN" not in roles  # "the Iran Nuclear Deal" names a thing


def test_an_acronym_the_note_defines_is_quoted_as_written() -> None:
    n = parse_note(
        "Course on arms control\n\n"
        "The Jordan Institute of Diplomacy (JID) hosted a course on 10 November 2018 organised "
        "by the GCSP in partnership with JID and the Arab Institute for Security Studies.\n"
    )
    jid = next(a for a in n.actors if a.id == "unresolved/jordan-institute-of-diplomacy")
    assert [e.text for e in jid.evidence] == ["Jordan Institute of Diplomacy", "JID"]


def test_a_unit_named_of_what_it_serves_is_one_body_and_backing_is_funding() -> None:
    roles = _roles(
        "Regional Workshop\n\n"
        "On 27 July 2017 Fiji hosted a regional workshop. The workshop was organized in "
        "cooperation with UNODA and the Implementation Support Unit (ISU) of the BWC with "
        "financial backing from the European Union.\n"
    )
    assert roles["org/bwc-isu"] == {"organizer"} and "org/bwc" not in roles
    assert roles["org/eu"] == {"funder"}


def test_a_list_ends_at_the_verb_of_its_sentence() -> None:
    roles = _roles(
        "Roundtable in Kathmandu\n\n"
        "This Roundtable, organised by UNRCPD in partnership with the Government of Nepal on "
        "21 November 2016, discussed the synergies with other instruments, such as the "
        "Biological Weapons Convention and the OPCW.\n"
    )
    assert roles["org/unrcpd"] == {"organizer"} and "organizer" in roles["state/NPL"]
    assert "org/bwc" not in roles and "org/opcw" not in roles


def test_a_hosted_by_line_leaves_the_organisers_to_the_prose() -> None:
    roles = _roles(
        "Regional Workshop on the Biological Weapons Convention\n"
        "Start Date: Oct 23 2024\n"
        "Location: Shenzhen, China\n"
        "Meeting Hosted By: China, Laos\n"
        "From 23 to 25 October 2024, UNRCPD co-organized a regional workshop in Shenzhen, China, "
        "to enhance the implementation of the Biological Weapons Convention (BWC).\n"
    )
    assert roles["org/unrcpd"] == {"organizer"}
    assert "host" in roles["state/CHN"] and "host" in roles["state/LAO"]
    assert "org/bwc" not in roles  # the line under the label is prose, not part of its list
    roles = _roles(
        "Peer-Review Meeting\n"
        "Start Date: Aug 2 2016\n"
        "Location: Minsk, Belarus\n"
        "Meeting Hosted By: Ministry of Foreign Affairs of Belarus\n\n"
        "The meeting was hosted by the Ministry of Foreign Affairs of Belarus with support by "
        "the OSCE.\n"
    )
    assert roles["org/osce"] == {"supporter"}


def test_a_sentence_opening_with_funded_by_is_no_field_and_its_list_ends_at_the_clause() -> None:
    text = (
        "Workshop on biosecurity\n\n"
        "LYON, France, 25 March 2016 - Biosecurity in Jordan was the focus of an INTERPOL "
        "workshop in Lyon.\n\n"
        "Funded by Canada, the four-day event (22 - 25 March) saw officials of the "
        "Jordanian Armed Forces and the Royal Scientific Society learn about field detection.\n\n"
        "Experts from the World Health Organization also took part in the event.\n"
    )
    roles = _roles(text)
    assert roles["state/CAN"] == {"funder"}
    assert roles["org/interpol"] == {"organizer"}  # the lead names the event's owner
    assert roles["org/who"] == {"participant"}  # not a funder: no "Funded by" field runs on


def test_a_body_before_its_city_and_date_and_one_with_and_in_its_name() -> None:
    roles = _roles(
        "Course on Strategic Trade\n\n"
        "DHAKA, 9 March 2023 - A course on strategic trade was run by the Trade Licensing "
        "Department and the Research and Analysis Division of the Ministry of Commerce in Dhaka on "
        "8 March 2023.\n"
    )
    # neither the city nor the date is part of a name, and "and the" starts the second body,
    # whose own name holds an "and"
    assert roles["unresolved/trade-licensing-department"] == {"organizer"}
    division = [k for k in roles if k.startswith("unresolved/research-and-analysis-division-of")]
    assert len(division) == 1 and roles[division[0]] == {"organizer"}
    assert not [k for k in roles if "dhaka" in k]
    # a field office's city is part of its name
    roles = _roles(
        "Training in Almaty\n\n"
        "The training was supported by the Regional Liaison Office in Almaty on 2 April 2019.\n"
    )
    assert "unresolved/regional-liaison-office-in-almaty" in roles
