"""Fuzz (issue 9): the header parser (`loaders.header.segment`, `sublabels`) and the name resolver
(`loaders.names.resolve`, `scan`) on arbitrary text. CI runs a bounded number of examples; set
NOTEGRAPH_FUZZ_EXAMPLES for a longer run (see tests/README.md)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.header import LABELS, segment, sublabels
from loaders.names import resolve, scan

EXAMPLES = int(os.environ.get("NOTEGRAPH_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = {k for k, _ in LABELS}
LABEL_WORDS = st.sampled_from([
    "Event", "Title", "Organizers", "Organised by", "Hosted by", "Participants", "Date", "Venue",
    "Date and Venue", "POC", "Background", "Funded by", "States", "Other States",
    "Organisations / Other speakers", "1540 Committee", "1. Objectives", "Summary",
])  # fmt: skip
GLUE = st.sampled_from([":", ": ", "\t", "\n", "\n\n", " ", "**", "- ", "•", "(", ")", ",", "1. "])
HEADERS = st.lists(st.one_of(LABEL_WORDS, GLUE, st.text(max_size=30)), max_size=50).map("".join)
TEXT = st.one_of(HEADERS, st.text(max_size=600))


@FUZZ
@given(TEXT)
def test_header_segments_are_well_formed(text: str) -> None:
    fields = segment(text)
    prev = -1
    for f in fields:
        assert f.kind in KINDS | {"other"}
        assert prev <= f.label_start <= f.start <= f.end <= len(text), f
        prev = f.label_start
        for ls, vs, label in sublabels(text, f.start, f.end):
            assert f.start <= ls < vs <= f.end
            assert label and ":" not in label[-1:]


NAMES = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["OSCE", "UNODA – Vienna", "Government of Chile", "Republic of Korea",
                     "Democratic People's Republic of Korea", "Serbia Slovenia", "co-operation"]),
    st.lists(st.sampled_from(["Organization", "for", "Security", "and", "Co-operation", "in",
                              "Europe", "United", "Nations", "Office", "&", "-", "Ministry"]),
             max_size=12).map(" ".join),
)  # fmt: skip


@FUZZ
@given(NAMES)
def test_resolver_is_total_and_spans_are_in_bounds(name: str) -> None:
    entity = resolve(name)
    assert entity is None or entity.id.split("/")[0] in {"state", "org"}
    last_end = -1
    for m in sorted(scan(name), key=lambda m: m.start):
        assert 0 <= m.start < m.end <= len(name)
        assert m.start >= last_end  # no overlaps
        last_end = m.end
