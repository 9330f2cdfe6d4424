"""Extraction of places, weekday ranges and footnoted lists of States: a town written with its
country, a town the title names, a news item's dateline as the last place to look, and a footnote
that lists the States a sentence counts (each case from a real write-up the extractor missed)."""

from __future__ import annotations

from loaders import parse_note
from loaders.dates import find_dates, yearless_dates
from ontology.iris import slug


def _roles(text: str) -> dict[str, set[str]]:
    return {a.id: set(a.roles) for a in parse_note(text).actors}


def test_a_range_with_weekdays_starts_on_its_first_day() -> None:
    for said in (
        "From\nMonday 20 to Friday 24 June 2022",
        "Monday, June 20 to Friday, June 24, 2022",
        "Monday, 20 June - Friday, 24 June 2022",
    ):
        assert [(d.start_date, d.end_date) for d in find_dates(said)] == [
            ("2022-06-20", "2022-06-24")
        ], said
    said = "from Monday 20 to Friday 24 June"
    assert [
        (d.start_date, d.end_date) for d in yearless_dates(said, 0, len(said), "2022-07-01")
    ] == [("2022-06-20", "2022-06-24")]


def test_a_town_written_with_its_country_is_the_venue() -> None:
    text = (
        "Disarmament | Regional Workshop for the Pacific Region\n\n"
        "Regional Workshop for the Pacific Region Nadi, Fiji, 27-28 July 2017\n\n"
        "On 27 and 28 July 2017 Fiji hosted a regional workshop on universalization of the "
        "Biological Weapons Convention.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Nadi", "FJI")
    # a town of another country is no town of this one
    assert parse_note(text.replace("Nadi, Fiji", "Nadi, Chile")).venue.city is None


def test_a_town_the_title_names_is_the_venue_when_the_prose_names_none() -> None:
    n = parse_note(
        "Central African States strategize in Douala, Cameroon to support the universalization "
        "of the Biological Weapons Convention\n\n"
        "From 24 to 26 May 2023, UNODA partnered with the Government of Cameroon to organize a "
        "regional workshop on the Biological Weapons Convention in Central Africa.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Douala", "CMR")
    assert n.venue_evidence[0].text == "Douala, Cameroon"


NEWS = """09 March 2011

INTERPOL training session in Turkey aims to boost regional anti-bioterrorism efforts

ANTALYA, Turkey - Experts from law enforcement and health-protection agencies took part in an
INTERPOL Train-the-Trainer session for the prevention of bioterrorism.

The five-day session (21 - 25 February) was hosted by the Turkish National Police.
"""


def test_a_dateline_without_a_date_is_the_last_place_to_look() -> None:
    n = parse_note(NEWS)
    assert (n.venue.city, n.venue.country) == ("Antalya", "TUR")
    assert n.venue_evidence[0].text == "ANTALYA, Turkey"
    assert "state/TUR" not in _roles(NEWS)  # the dateline names no actor
    # a place the prose gives wins
    moved = NEWS.replace("bioterrorism.\n", "bioterrorism, held in Istanbul.\n", 1)
    assert parse_note(moved).venue.city == "Istanbul"


def test_a_press_release_issued_in_new_york_was_not_held_there() -> None:
    n = parse_note(
        "Webinar Series on resolution 1540\n"
        "KATHMANDU, 1 December 2020 (UN Regional Centre for Peace and Disarmament in Asia and the "
        "Pacific) - UNRCPD organized a webinar series, hosted digitally on 1, 8 and 15 December.\n"
    )
    assert (n.venue.city, n.venue.country) == (None, None)


MEETING = """15th Regional Meeting of National Authorities Held in Chile

The Government of Chile and the OPCW co-hosted the regional meeting in Santiago from 29 to 31 July
2014 with 33 participants from 26 States Parties* and a representative of CARICOM.

The meeting considered the priority needs of States Parties in the region.

* Argentina, Bahamas, Belize, Brazil, Chile, Columbia, Costa Rica, Cuba, Dominica, Dominican
Republic, Ecuador, El Salvador, Grenada, Guatemala, Guyana, Haiti, Honduras, Nicaragua, Panama,
Paraguay, Peru, Saint Kitts and Nevis, Saint Lucia, Suriname, Uruguay, Venezuela
"""


def test_a_footnote_lists_the_states_a_sentence_counts() -> None:
    n = parse_note(MEETING)
    roles = {a.id: set(a.roles) for a in n.actors}
    listed = [i for i, r in roles.items() if r == {"participant"} and i.startswith("state/")]
    assert len(listed) == 24 and "state/ARG" in listed and "state/VEN" in listed
    assert roles["state/CHL"] == {"organizer", "host", "participant"}
    assert roles["unresolved/columbia"] == {"participant"}  # a misspelt name is kept, unresolved
    arg = next(a for a in n.actors if a.id == "state/ARG")
    assert arg.evidence[0].text == "Argentina" and arg.evidence[0].line == 8


def test_a_list_without_a_count_or_of_another_length_gives_no_role() -> None:
    uncounted = MEETING.replace("from 26 States Parties*", "from States Parties*")
    assert "state/ARG" not in _roles(uncounted)
    longer = MEETING.replace("from 26 States Parties*", "from 12 States Parties*")
    assert "state/ARG" not in _roles(longer)
    # a footnote in prose is still dropped
    prose = MEETING.replace(
        "* Argentina, Bahamas,", "* The meeting was funded by Argentina, Bahamas,"
    )
    assert "state/ARG" not in _roles(prose)


def test_a_footnote_with_a_lead_lists_the_members_a_sentence_counts() -> None:
    roles = _roles(
        "Intersessional Meeting on Non-Proliferation, 5-7 July 2010, Pan Pacific Hotel\n\n"
        "Singapore will be co-hosting the Intersessional Meeting from 5-7 July 2010. The ISM "
        "brings together 5 ARF participating countries [1] and experts of the IAEA.\n\n"
        "[1] The 5 ARF Members are: Australia, Democratic Peoples' Republic of Korea, "
        "Timor Leste, United States and Vietnam.\n"
    )
    for iso3 in ("AUS", "PRK", "TLS", "USA", "VNM"):
        assert roles[f"state/{iso3}"] == {"participant"}, iso3


def test_a_building_is_no_town_and_a_heading_names_a_town_as_a_name() -> None:
    n = parse_note(
        "Meeting on Non-Proliferation, 5-7 July 2010, Pan Pacific Hotel\n\n"
        "Experts met at the meeting from 5-7 July 2010.\n"
    )
    assert n.venue.city is None
    n = parse_note(
        "Co-Chairs' Summary Report\n\n"
        "INTER-SESSIONAL MEETING ON NON-PROLIFERATION PUTRAJAYA, MALAYSIA, 19 - 20 APRIL 2016\n\n"
        "The meeting discussed the NPT.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Putrajaya", "MYS")
    n = parse_note(
        "Exercise in Jakarta\n\nThe exercise took place on 19 August 2013 in Jakarta Indonesia.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Jakarta", "IDN")


def test_a_town_of_one_country_the_note_names_is_there() -> None:
    text = (
        "Biosafety training workshop\n\n"
        "The Implementation Unit in Mongolia organized a training workshop during 6 and 7 of "
        "November 2018 in Ulaangom city located in Uvs aimag.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Ulaangom", "MNG")
    # the town alone, its country unnamed: no country is guessed
    alone = parse_note(text.replace("Unit in Mongolia", "Unit"))
    assert (alone.venue.city, alone.venue.country) == ("Ulaangom", None)
    # a body of the country named, not the country: "the Department of Energy" is the US one
    richland = parse_note(
        "Nuclear forensics workshop\n\n"
        "The workshop was held in Richland, Wa., and had 26 specialists in attendance. The "
        "Department of Energy contributed to the workshop.\n"
    )
    assert (richland.venue.city, richland.venue.country) == ("Richland", "USA")


def test_a_states_name_inside_another_places_name_is_no_actor() -> None:
    text = (
        "NNSA and IAEA celebrate training course\n\n"
        "Washington, D.C. - The NNSA and the IAEA will host 44 people from 33 countries at "
        "Sandia National Laboratories in Albuquerque, New Mexico, from April 20 to May 8, 2015 "
        "for the International Training Course.\n"
    )
    n = parse_note(text)
    roles = {a.id: a.roles for a in n.actors}
    assert "state/MEX" not in roles
    # "will host 44 people": the hosts organise a planned course
    assert roles["org/usa-nnsa"] == roles["org/iaea"] == ("organizer", "host")
    assert n.status == "planned"


def test_a_capital_with_a_diacritic_starts_a_place() -> None:
    # "İ" is no [A-Z]: the prose is read with accented capitals as their ASCII letters
    n = parse_note(
        "Workshop on resolution 1540\n\n"
        "The workshop was held in İstanbul, Turkey on 3 May 2019. Georgia took part.\n"
    )
    assert (n.venue.city, n.venue.country) == ("İstanbul", "TUR")  # the name as written
    # a known city found by its name without diacritics, and the reverse
    said = "Seminar\n\nOn 4 June 2018 a seminar was held in {}. Experts from Ukraine took part.\n"
    lodz = parse_note(said.format("Łódź")).venue
    assert (lodz.city, lodz.country) == ("Łódź", "POL")  # not the "Lódź" the patterns read
    assert slug("Łódź") == slug("Lodz") == "lodz"  # one place, however its note spells it
    assert parse_note(said.format("Urumqi")).venue.country == "CHN"


def test_a_town_with_its_country_ends_at_the_sentences_full_stop() -> None:
    text = (
        "Seminar\n\nOn 4 June 2018 a seminar was held in Lebork, Poland. "
        "Experts from Ukraine took part.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Lebork", "POL")
    n = parse_note(text.replace("Lebork", "St. Lebork"))
    assert (n.venue.city, n.venue.country) == ("St. Lebork", "POL")


def test_a_town_of_a_country_the_note_names_is_the_venue_without_a_date() -> None:
    text = (
        "OPCW training in Namibia closes\n\n"
        "The advanced course on assistance and protection closed in Swakopmund on Saturday.\n"
    )
    n = parse_note(text)
    assert (n.venue.city, n.venue.country) == ("Swakopmund", "NAM")
    # ... not where the note names no country of that town
    n = parse_note(text.replace("in Namibia", "in Africa"))
    assert n.venue.city is None


def test_a_known_city_after_a_building_is_the_venue() -> None:
    # "at the Cinnamon Grand Hotel, Colombo today (Feb 27)"; "from February 27 to March 01"
    n = parse_note(
        "Posted on February 28th, 2024\n\n"
        "The Defence Secretary opened the OPCW Expert Workshop at the Cinnamon Grand Hotel, "
        "Colombo today (Feb 27). The workshop is to be conducted from February 27 to March 01.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Colombo", "LKA")
    assert (n.start_date, n.end_date) == ("2024-02-27", "2024-03-01")
    # a building in a place the gazetteer does not know gives nothing
    said = "Seminar\n\nIt took place on 3 May 2019. The Minister spoke at the Grand Hotel, {}."
    assert parse_note(said.format("Colombo")).venue.city == "Colombo"
    assert parse_note(said.format("Foo")).venue.city is None


def test_the_event_hosted_in_a_city_wins_over_a_city_a_person_is_of() -> None:
    # the sentence of "hosted the workshop in Accra, Ghana." ends at its full stop: the next
    # one's "in 2016" does not make it speak of another event
    n = parse_note(
        "On February 6-10, 2017, CNS and AFRICSIS conducted their second joint workshop. "
        "AFRICSIS, established by an alumnus of the Institute at Monterey, hosted the workshop "
        "in Accra, Ghana.\nBuilding on the first CNS-AFRICSIS workshop in 2016, the agenda was "
        "developed for practitioners.\n"
    )
    assert (n.venue.city, n.venue.country) == ("Accra", "GHA")
    assert n.venue_evidence[0].text == "Accra, Ghana"
