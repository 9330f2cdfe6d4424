"""Dates: what loaders.dates reads, and that scanning only the stretches that hold a year finds
exactly what scanning the whole text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import dates
from loaders.dates import DateSpan, find_dates


def full_scan(text: str) -> list[DateSpan]:
    """find_dates without its shortcuts: every pattern over the whole text."""
    found: list[DateSpan] = []
    for name, rx in dates._COMPILED:
        for m in rx.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            span = dates._build(name, m)
            if span:
                found.append(span)
    return sorted(found, key=lambda s: s.start)


PIECES = st.sampled_from([
    "15", "1st", "3rd", "30", "31", "-", "–", "—", " to ", " and ", " until ", "of ", " ", "\n",
    ",", ".", ";", "(", ")", "/", ":", "x", "January", "Sept.", "may", "MARCH", "Dec", "2013",
    "1999", "2020", "19999", "12013", "2015a", "_2015", " 2016", "from ", "held on ", "é", "٢٠١٥",
])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_stretches_find_what_a_full_scan_finds(text: str) -> None:
    assert list(find_dates(text)) == full_scan(text)


def test_regions_end_at_their_last_year() -> None:
    text = "From 1 May 2015 (see 2016); held 3-4 June 2017, Minsk 2018 x"
    assert [text[a:b] for a, b in dates._regions(text)] == [
        "From 1 May 2015", "see 2016", " held 3-4 June 2017, Minsk 2018"
    ]


def test_dates_as_written() -> None:
    got = [(d.start_date, d.end_date, d.precision) for d in find_dates(
        "15-17 January 2013; 30 November - 2 December 2015; March 11-12, 2014; September 2011"
    )]
    assert got == [
        ("2013-01-15", "2013-01-17", "day"), ("2015-11-30", "2015-12-02", "day"),
        ("2014-03-11", "2014-03-12", "day"), ("2011-09-01", "2011-09-30", "month"),
    ]
