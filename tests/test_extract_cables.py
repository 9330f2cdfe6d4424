"""Extraction from cable layouts and announcements: a document's own creation date, an
underlined heading after a wrapped subject, a planned event beside past ones, and a city the
gazetteer lacks (each case from a real write-up the extractor missed)."""

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
        "Export compliance workshop March 13 and 14, Tianjin\n\n"
        "On March 13 and 14 Alpha will be in Tianjin, China to host the third in a series of "
        "workshops.\n\n"
        "Previously, the Project Alpha team organised and participated in workshops in Dalian "
        "and Qingdao, China. The workshops took place in February and November 2012. The "
        "workshop will be organised by the Project Alpha team.\n"
    )
    assert n.status == "planned"
    assert (n.venue.city, n.venue.country) == ("Tianjin", "CHN")
    # the country said next to the city elsewhere is evidence too
    assert any(e.text.startswith("Tianjin, China") for e in n.venue_evidence)
    # the sentence about earlier workshops gives no role
    assert {a.id: set(a.roles) for a in n.actors}["org/kings-college-london"] == {"organizer"}
