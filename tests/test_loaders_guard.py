"""Every guarded pattern's words (and `need`) hold for every match: text generated from each
pattern always passes its guard, so a guard never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import loaders  # noqa: F401  (imports every module, so every guard is made)
from loaders import guard
from loaders.guard import GUARDS, Anchored, Guarded

ASCII = st.characters(min_codepoint=32, max_codepoint=126)
ALL = list(GUARDS)


def branches(rx: re.Pattern[str]) -> list[re.Pattern[str]]:
    """The top-level alternatives of a pattern, each compiled alone (so that text generated from
    the pattern covers every alternative, rare ones too)."""
    src = rx.pattern
    flags = rx.flags
    if src.startswith("(?i)"):
        src = src[4:]
    out, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
            if src[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(src[start:i])
            start = i + 1
        i += 1
    out.append(src[start:])
    return [re.compile(b, flags) for b in out]


CASES = [(g, b) for g in ALL for b in branches(g.rx)]


@pytest.mark.parametrize(("g", "branch"), CASES, ids=[b.pattern[:40] for _, b in CASES])
def test_text_matching_a_guarded_pattern_passes_its_guard(
    g: Guarded, branch: re.Pattern[str]
) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.from_regex(branch, alphabet=ASCII), st.from_regex(branch)))
    def check(text: str) -> None:
        assert g.rx.search(text)
        for m in g.rx.finditer(text):
            assert g.possible(m.group()), m.group()
            assert g.possible(text, m.start(), m.end()), m.group()
            if isinstance(g, Anchored) and text.isascii():
                low = m.group().lower() if g.fold else m.group()
                assert low.startswith(g.words), (m.group(), g.words)
        assert g.search(text) is not None
        short = guard._SHORT
        try:
            for guard._SHORT in (0, short):
                want = [m.span() for m in g.rx.finditer(text)]
                assert [m.span() for m in g.finditer(text)] == want
        finally:
            guard._SHORT = short

    check()


def test_guarded_results_are_the_patterns() -> None:
    for g in ALL:
        for text in [
            "",
            "nothing here",
            "Mr. Smith and the host country; tel. +41 22 917 12 34",
            "The national action plan was adopted and will be held",
            "x" * 50,
        ]:
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.rx.finditer(text)]
            assert g.findall(text) == g.rx.findall(text)
            assert (g.search(text) is None) == (g.rx.search(text) is None)


def test_a_case_insensitive_guard_needs_lower_case_words() -> None:
    with pytest.raises(ValueError, match="lower case"):
        Guarded(re.compile("(?i)Host"), ("Host",))


ANCHORED = [g for g in ALL if isinstance(g, Anchored)]
WORDS = sorted({w for g in ANCHORED for w in g.words} | {"This", "THE ", "Hosted", "İs", "ſhall"})
PIECES = WORDS + [" ", ".", ",", "\n", "x", "(", "1540", "a "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(-3, 30), st.integers(-3, 40))
def test_anchored_finds_what_the_pattern_finds(text: str, pos: int, endpos: int) -> None:
    short = guard._SHORT
    try:
        for guard._SHORT in (0, short):  # words on every span, then as configured
            check_anchored(text, pos, endpos)
    finally:
        guard._SHORT = short


def check_anchored(text: str, pos: int, endpos: int) -> None:
    for g in ANCHORED:
        want = [m.span() for m in g.rx.finditer(text, pos, endpos)]
        assert [m.span() for m in g.finditer(text, pos, endpos)] == want
        first = g.rx.search(text, pos, endpos)
        for g2 in [g2 for g2 in ALL if not isinstance(g2, Anchored)]:
            want = g2.rx.search(text, pos, endpos)
            assert (g2.search(text, pos, endpos) is None) == (want is None)
        got = g.search(text, pos, endpos)
        assert (got and got.span()) == (first and first.span())
        if not g.rx.groups:
            assert g.findall(text) == g.rx.findall(text)
