"""Property tests: any text gives a Note (never an exception); the resolver never raises; evidence always
quotes the decoded text exactly."""

# ruff: noqa: E501  (test data reads better unwrapped)
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from loaders import parse_note
from loaders.names import resolve, scan

PIECES = st.sampled_from(
    [
        "Event",
        "Event:",
        "**Event**",
        "Organizers",
        "Organizers:",
        "Participants\t",
        "States:",
        "Other:",
        "Date and Venue",
        "15-17 January 2013",
        "from 24 to 28 October 2016",
        "September 2011",
        ", Minsk, ",
        "Belarus",
        "Serbia Slovenia",
        "the Government of Chile",
        "Host country",
        "OSCE",
        "UNODA – Vienna",
        "with the support of",
        "in cooperation with",
        "funded by",
        "Participants from",
        "attended",
        "resolution 1540",
        "(2004)",
        "NAP",
        "national action plan",
        "adopted",
        "(1-3 December 2009, Ashgabat, ",
        "<sup>1</sup>",
        "¹ For information – not an official report.",
        "<i>",
        "</i>",
        "&amp;",
        "\n",
        "\n\n",
        "\t",
        " ",
        "*",
        "(",
        ")",
        ",",
        ";",
        ".",
        "Mr. John Smith",
        "a@b.org",
        "1. Background",
        "will be invited",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("ORGANIZER\nBELARUS")  # a host State whose host role has no evidence of its own
def test_any_text_gives_a_note(text: str) -> None:
    note = parse_note(text, path="prop.txt")
    assert note.source.path == "prop.txt"
    assert not any(w.startswith("extraction failed") for w in note.warnings), note.warnings
    note.to_dict()
    evs = [e for a in note.actors for e in a.evidence] + list(note.title_evidence)
    evs += list(note.date_evidence) + list(note.venue_evidence)
    evs += [e for _, e in note.resolution_evidence] + [e for n in note.naps for e in n.evidence]
    for e in evs:
        assert text[e.start : e.end] == e.text
        assert e.line == text.count("\n", 0, e.start) + 1


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), PIECES))
def test_resolver_never_raises(name: str) -> None:
    resolve(name)
    for m in scan(name):
        assert 0 <= m.start < m.end <= len(name)
