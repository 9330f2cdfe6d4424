"""Candidate names (loaders/candidates.py): the shortcuts in front of leftover-name cleaning never
change what is found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import candidates as C

CHUNKS = st.lists(
    st.sampled_from(
        [
            "the",
            "The",
            "and",
            "of",
            "Ministry",
            "Foreign",
            "Affairs",
            "OSCE",
            "x",
            "A.",
            "(",
            ")",
            "-",
            "–",
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ";",
            ".",
            "'",
            '"',
            "[",
            "]",
            "as well as",
            "Mr",
            "É",
            "_A",
            "\u00a0",
            "aB",
            "Z",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(CHUNKS, st.text(max_size=40)))
def test_cleaning_and_trimming_never_add_capitals(sub: str) -> None:
    name = C._trim_prose(C._clean_chunk(sub))
    assert len(C._CAP.findall(name)) <= len(C._CAP.findall(sub))


@settings(max_examples=300, deadline=None)
@given(st.one_of(CHUNKS, st.text(max_size=40)))
def test_and_split_needs_and(chunk: str) -> None:
    if "and" not in chunk and "as well as" not in chunk:
        assert C._AND_SPLIT.split(chunk) == [chunk]
