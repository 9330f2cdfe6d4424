"""Role cues: the quick word test in front of each cue regex never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_loaders_guard import branches

from loaders import prose
from loaders.mentions import Mention

CUES = [(i, b) for i, (_, rx) in enumerate(prose.FORWARD + prose.BACKWARD) for b in branches(rx)]
ASCII = st.characters(min_codepoint=32, max_codepoint=126)


@pytest.mark.parametrize(("i", "branch"), CUES, ids=[f"{i}-{b.pattern[:30]}" for i, b in CUES])
def test_every_match_of_a_cue_contains_one_of_its_words(i: int, branch: re.Pattern[str]) -> None:
    rx = (prose.FORWARD + prose.BACKWARD)[i][1]

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(branch, alphabet=ASCII))
    def check(text: str) -> None:
        assert rx.search(text)
        for m in rx.finditer(text):
            words = prose._WORDS[i]
            assert any(w in m.group().lower() for w in words), (m.group(), words)

    check()


SENTENCE = st.lists(
    st.sampled_from(
        [
            "The",
            "OSCE",
            "hosted",
            "a",
            "workshop",
            "with the support of",
            "funded by",
            "co-organized by",
            "Participants from",
            "will be invited",
            "speakers from",
            "in co-operation with",
            "delivered",
            "presentations",
            "attended",
            "Took part",
            "invitation",
            "ſupported by",
            "İnvited",
            ",",
            ".",
            " ",
            "meeting of the",
            "jointly with",
            "HOSTED BY",
            "the",
            "remarks",
            "by",
            "Belarus",
            "–",
        ]
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(SENTENCE)
def test_cue_tests_agree_with_the_regexes(text: str) -> None:
    want = any(rx.search(text) for _, rx in prose.FORWARD + prose.BACKWARD)
    assert prose.has_cue(text, 0, len(text)) == want == bool(prose.find_cues(text, 0, len(text)))
    cues = prose.FORWARD + prose.BACKWARD
    talk = [rx for roles, rx in cues if {"speaker", "invited"} & set(roles)]
    assert prose.has_cue(text, 0, len(text), talk_only=True) == any(rx.search(text) for rx in talk)


def test_roles_from_cues() -> None:
    text = "The workshop was hosted by Chile with the support of the OSCE. Peru attended."
    a = text.index("Chile")
    b = text.index("OSCE")
    ms = [Mention(a, a + 5, None, "Chile"), Mention(b, b + 4, None, "OSCE")]
    got = [(m.name, roles) for m, roles in prose.assign_roles(text, 0, 62, ms)]
    assert got == [("Chile", ("host",)), ("OSCE", ("supporter",))]
    assert prose.assign_roles(text, 0, 62, []) == []
    plain = [Mention(0, 5, None, "Chile")]
    assert prose.assign_roles("Chile, OSCE", 0, 11, plain, ("participant",)) == [
        (plain[0], ("participant",))
    ]


@settings(max_examples=300, deadline=None)
@given(SENTENCE)
def test_word_tree_finds_every_cue_with_a_word_present(text: str) -> None:
    low = text.lower()
    if "ſ" in text or "İ" in text:
        assert prose._possible(text, 0, len(text)) is None
        return
    every = {i for i, words in enumerate(prose._WORDS) if any(w in low for w in words)}
    assert prose._possible(text, 0, len(text)) == every
    talk = {c[0] for c in prose._TALK}
    assert prose._possible(text, 0, len(text), prose._TALK_WORDS) == every & talk


SENT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*[-•*]\s)")


def test_sentence_pattern_is_the_readable_one_on_every_short_text() -> None:
    import itertools

    for n in range(7):
        for chars in itertools.product(".\"') \nA(-", repeat=n):
            t = "".join(chars)
            got = [m.span() for m in prose._SENT.finditer(t)]
            assert got == [m.span() for m in SENT.finditer(t)], t


def _mentions(text: str, *names: str) -> list[Mention]:
    return [Mention(text.index(n), text.index(n) + len(n), None, n) for n in names]


def test_a_backward_cue_skips_the_relative_clause_of_its_subject() -> None:
    text = (
        "Belarus and Serbia, which have worked closely with the OSCE and the 1540 Committee "
        "to develop their plans, presented their national efforts at the meeting."
    )
    ms = _mentions(text, "Belarus", "Serbia", "OSCE", "1540 Committee")
    got = [(m.name, roles) for m, roles in prose.assign_roles(text, 0, len(text), ms)]
    assert got == [("Belarus", ("speaker",)), ("Serbia", ("speaker",))]
    # without the relative clause, every name before the cue still takes its role
    text = "Belarus, Serbia and the OSCE presented their national efforts."
    ms = _mentions(text, "Belarus", "Serbia", "OSCE")
    got = [(m.name, roles) for m, roles in prose.assign_roles(text, 0, len(text), ms)]
    assert got == [("Belarus", ("speaker",)), ("Serbia", ("speaker",)), ("OSCE", ("speaker",))]


def test_a_subject_only_cue_reaches_its_subject_alone() -> None:
    text = (
        "A member of the 1540 Committee led the delegation, which included staff of the "
        "UNREC that assisted in organizing the visit."
    )
    ms = _mentions(text, "1540 Committee", "UNREC")
    got = [(m.name, roles) for m, roles in prose.assign_roles(text, 0, len(text), ms)]
    assert got == [("UNREC", ("supporter",))]
