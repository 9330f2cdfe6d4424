"""Body facts: the shortcut for bare resolution mentions finds what the pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import body

BARE = st.lists(
    st.sampled_from(
        [
            "1540",
            "2004",
            "12345",
            "(",
            ")",
            "(2004)",
            " (1999)",
            "( 2016 )",
            "/",
            "a",
            " ",
            "\n",
            "\t",
            "_",
            "1",
            "٢٠١٥",
            "2020",
            "\u00a0",
            "(20",
            "04)",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(BARE)
def test_bare_mentions_are_the_patterns(text: str) -> None:
    want = [(m.span(), m.groups()) for m in body._BARE.finditer(text)]
    assert [(m.span(), m.groups()) for m in body._bare(text)] == want


NAP_TEXT = st.lists(
    st.sampled_from(
        [
            "NAP",
            "NAPs",
            "nap",
            "plan",
            "plans",
            "national action plan",
            "road-map",
            "roadmap",
            "Such a plan",
            "plan of action",
            ".",
            ". ",
            "! ",
            "\n\n",
            "\n- ",
            " ",
            "x",
            "A",
            "Mr.",
            "(",
            ")",
            "'",
            "implementation",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(NAP_TEXT, st.integers(0, 40), st.integers(0, 60))
def test_a_span_without_a_nap_cue_has_no_sentence_with_one(text: str, a: int, b: int) -> None:
    from loaders.prose import sentences

    if body._NAP.search(text, a, b) is None:
        assert not any(body._NAP.search(text, s, e) for s, e in sentences(text, a, b))


def test_nap_status_of_presenting_and_developing_a_plan() -> None:
    assert body._status("Peru presented its national action plan to the Committee.") == "submitted"
    assert body._status("Peru presented its draft national action plan.") == "submitted"
    # presenting "their national efforts" is not submitting a plan
    assert (
        body._status(
            "Belarus, which worked with the OSCE to develop its national action plan, "
            "presented its national efforts."
        )
        == "in_preparation"
    )
