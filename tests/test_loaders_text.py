"""The fast forms of text.py's cleaning patterns match exactly what their readable forms match."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import text as T

UNDERSCORE = re.compile(r"(?<![\w])_{1,2}(?=\w)|(?<=\w)_{1,2}(?![\w])")
GAP = re.compile(r"(?<=[^.:;!?\s])[ \t]*\n(?:[ \t]*\n){2,}[ \t]*(?=[a-z(])")


def spans(rx: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text, pos)]


def test_underscore_pattern_is_the_readable_one_on_every_short_text() -> None:
    for n in range(7):
        for chars in itertools.product("_a .é", repeat=n):
            t = "".join(chars)
            for pos in range(max(1, len(t))):
                assert spans(T._MD_UNDERSCORE, t, pos) == spans(UNDERSCORE, t, pos), (t, pos)


def test_gap_pattern_is_the_readable_one_on_every_short_text() -> None:
    for n in range(7):
        for chars in itertools.product("\n \ta.(", repeat=n):
            t = "".join(chars)
            assert spans(T._FOOTNOTE_GAP, t) == spans(GAP, t), t


GAPPY = st.lists(st.sampled_from(["\n", " ", "\t", "a", "A", ".", "(", "x_", "_", "é", ";"]),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(GAPPY)
def test_fast_patterns_on_longer_texts(t: str) -> None:
    assert spans(T._FOOTNOTE_GAP, t) == spans(GAP, t)
    assert spans(T._MD_UNDERSCORE, t) == spans(UNDERSCORE, t)


LINES = st.lists(st.sampled_from([
    "For information only - not an official report", "for information: not an official report.",
    "x" * 30, "\n", " ", "FOR INFORMATION", "not an official report", "¹", "Note: ",
]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_disclaimer_lines_are_found_as_a_full_scan_finds_them(t: str) -> None:
    got = T._line_matches(T._DISCLAIMER_LINE, T._FOR_INFORMATION, t)
    assert [m.span() for m in got] == spans(T._DISCLAIMER_LINE, t)


def test_quotes_are_straightened_one_for_one() -> None:
    raw = "‘a’ “b” „c‚\u00a0d\u2009e\u202ff\u200bg\ufeffh\ri"
    doc = T.clean(raw)
    assert doc.text == "'a' \"b\" \"c' d e f g h i"
    assert len(doc.starts) == len(doc.text) == len(raw)
