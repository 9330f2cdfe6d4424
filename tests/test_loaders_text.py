"""The fast forms of text.py's cleaning patterns match exactly what their readable forms match."""

from __future__ import annotations

import itertools
import re

import pytest
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


GAPPY = st.lists(
    st.sampled_from(["\n", " ", "\t", "a", "A", ".", "(", "x_", "_", "é", ";"]), max_size=40
).map("".join)


@settings(max_examples=300, deadline=None)
@given(GAPPY)
def test_fast_patterns_on_longer_texts(t: str) -> None:
    assert spans(T._FOOTNOTE_GAP, t) == spans(GAP, t)
    assert spans(T._MD_UNDERSCORE, t) == spans(UNDERSCORE, t)


LINES = st.lists(
    st.sampled_from(
        [
            "For information only - not an official report",
            "for information: not an official report.",
            "x" * 30,
            "\n",
            " ",
            "FOR INFORMATION",
            "not an official report",
            "¹",
            "Note: ",
        ]
    ),
    max_size=12,
).map("".join)


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


def test_a_straight_double_quote_typed_for_an_apostrophe_is_one() -> None:
    raw = 'The US Embassy"s office and the "Nuclear Security" series: "so" "s" it"s'
    doc = T.clean(raw)
    assert doc.text == 'The US Embassy\'s office and the "Nuclear Security" series: "so" "s" it\'s'
    assert len(doc.starts) == len(raw)


class ListBuilder:
    """The offset map as first written: a raw start and end per character, as lists."""

    def __init__(self, raw: str) -> None:
        self.text = raw
        self.starts = list(range(len(raw)))
        self.ends = list(range(1, len(raw) + 1))

    def sub(self, pattern: re.Pattern[str], repl: str) -> None:
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        text = self.text
        for m in pattern.finditer(text):
            a, b = m.span()
            out.append(text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            r = repl
            if r:
                if len(r) == b - a:
                    starts.extend(self.starts[a:b])
                    ends.extend(self.ends[a:b])
                else:
                    rs = self.starts[a] if a < len(text) else (self.ends[-1] if self.ends else 0)
                    rend = self.ends[b - 1] if b > a else rs
                    starts.extend([rs] * len(r))
                    ends.extend([rend] * len(r))
                out.append(r)
            pos = b
        out.append(text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        self.text = "".join(out)
        self.starts = starts
        self.ends = ends


SUBS = [
    (re.compile(p), r)
    for p, r in [
        (r"<[^>]*>", ""),
        (r"\*{1,3}", ""),
        (r"&amp;", "&"),
        (r"<br>", "\n"),
        (r"ab", "xy"),
        (r"x", "longer"),
        (r"\s+", " "),
        (r"$", "!"),
        (r"^", ""),
        (r"b*", "-"),
        (r"a", ""),
    ]
]
MARKUP = st.lists(
    st.sampled_from(
        ["<b>", "</b>", "**", "*", "&amp;", "<br>", "ab", "x", " ", "\n", "a", "b", "é", "  "]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(MARKUP, st.lists(st.integers(0, len(SUBS) - 1), max_size=6))
def test_piece_map_is_the_per_character_map(raw: str, order: list[int]) -> None:
    ref = ListBuilder(raw)
    b = T._Builder(raw)
    for i in order:
        pattern, repl = SUBS[i]
        ref.sub(pattern, repl)
        b.sub(pattern, repl)
        assert b.text == ref.text
        doc = T.Doc(raw=raw, text=b.text, line_starts=[0], pstarts=b.pstarts, pieces=b.pieces)
        assert (doc.starts, doc.ends) == (ref.starts, ref.ends)
        for s in range(len(b.text) + 1):
            for e in range(s, len(b.text) + 2):
                want = (
                    (0, 0)
                    if not ref.text
                    else (
                        ref.starts[max(0, min(s, len(ref.text) - 1))],
                        ref.ends[
                            max(max(0, min(s, len(ref.text) - 1)) + 1, min(e, len(ref.text))) - 1
                        ],
                    )
                )
                assert doc.raw_span(s, e) == want


NEEDS = [
    (T._FOOTNOTE_LINE, T._FOOTNOTE_MARK),
    (T._MD_HEADING, T._HASH),
    (T._MD_BULLET, T._BULLET_MARK),
    (T._FOOTNOTE_GAP, T._THREE_NEWLINES),
    (T._DISCLAIMER_INLINE, T._FOR_INFORMATION),
    (T._DISCLAIMER_LINE, T._FOR_INFORMATION),
    (T._BROKEN_SUP, T._LT_SUP),
    (T._QUOTE_FOR_APOSTROPHE, T._QUOTE_S),
]
NOTEISH = st.lists(
    st.sampled_from(
        [
            "<sup>1</sup>",
            "¹",
            "[1]",
            "# ",
            "## Title",
            "- ",
            "• ",
            "\n",
            "\n\n\n",
            " ",
            "\t",
            "text",
            "a",
            "For information only - not an official report.",
            "&lt;sup>2</sup>",
            "*",
            "x*",
            "Note",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(NOTEISH, st.text(max_size=80)))
def test_a_pattern_never_matches_without_its_need(text: str) -> None:
    for pattern, need in NEEDS:
        if not need.search(text):
            assert not pattern.search(text), pattern.pattern
    if "*" not in text:
        assert not T._ASTERISK_MARKER.search(text)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        NOTEISH,
        st.text(max_size=80),
        st.sampled_from(
            [
                "FOR INFORMATION - NOT AN OFFICIAL REPORT",
                "ſor information - not an official report",
                "&LT;SUP>1</SUP>",
            ]
        ),
    )
)
def test_word_needs_hold_for_case_insensitive_patterns(text: str) -> None:
    from loaders.guard import fold_ascii

    low = fold_ascii(text)
    if low is not None and "for information" not in low:
        assert not T._DISCLAIMER_INLINE.search(text) and not T._DISCLAIMER_LINE.search(text)
    if low is not None and "lt;sup>" not in low:
        assert not T._BROKEN_SUP.search(text)
    if text.isascii():
        assert not T._SUPERSCRIPT_RUN.search(text)
        assert "\r" in text or not T._QUOTE_CHARS.search(text)


LINES_TEXT = st.lists(
    st.sampled_from(
        [
            "<sup>1</sup>",
            "<sup\nclass=x>2</sup> note",
            "¹ Footnote",
            "[1] Note",
            "# Title",
            "### ",
            "#",
            "- item",
            "• item",
            "-x",
            "  - ",
            "\t",
            " ",
            "\n",
            "\n\n\n",
            "  \n \n\t\n",
            "text",
            "a",
            "A.",
            "(b",
            "x-y",
            "For information only - not an official report",
            "for information",
            ";",
        ]
    ),
    max_size=25,
).map("".join)
PER_LINE = [
    (T._FOOTNOTE_LINE, T._FOOTNOTE_MARK),
    (T._MD_HEADING, T._HASH),
    (T._MD_BULLET, T._BULLET_MARK),
    (T._DISCLAIMER_LINE, T._FOR_INFORMATION),
]


@settings(max_examples=600, deadline=None)
@given(st.one_of(LINES_TEXT, st.text(alphabet=" \t\n#-•<>[]1¹supa.(", max_size=40)))
def test_line_and_gap_finders_find_what_finditer_finds(text: str) -> None:
    for pattern, need in PER_LINE:
        assert [m.span() for m in T._line_matches(pattern, need, text)] == spans(pattern, text)
    assert [m.span() for m in T._gap_matches(text)] == spans(T._FOOTNOTE_GAP, text)


def test_a_footnote_line_match_over_two_lines_hides_the_second() -> None:
    text = "<sup\n<sup>1</sup> note\n"
    want = spans(T._FOOTNOTE_LINE, text)
    assert len(want) == 1 and want[0][1] > text.index("\n")
    assert [m.span() for m in T._line_matches(T._FOOTNOTE_LINE, T._FOOTNOTE_MARK, text)] == want


@pytest.mark.parametrize(
    ("fast", "readable"),
    [
        (T._MD_EMPHASIS, r"\*{1,3}"),
        (T._SUPERSCRIPT_RUN, "[" + T._SUPERSCRIPTS + "]+"),
        (T._WS, r"\s+"),
    ],
)
def test_patterns_written_to_start_with_a_class_are_the_readable_ones(
    fast: re.Pattern[str], readable: str
) -> None:
    rx = re.compile(readable)
    for n in range(7):
        for chars in itertools.product("*a¹² \n\t", repeat=n):
            t = "".join(chars)
            assert spans(fast, t) == spans(rx, t), t
