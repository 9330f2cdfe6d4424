"""Lists of States that a count in the prose announces: "33 participants from 26 States
Parties*", with the footnote "* Argentina, Bahamas, Belize, ...", or "27 ARF participating
countries [1]" with "[1] The 27 ARF Members are: Australia, ..." (text.py keeps the text of a
footnote that only lists names). Such a list has no cue of its own; the count says who it is."""

from __future__ import annotations

import re

from .dates import NUMBERS
from .mentions import Mention, find_mentions
from .prose import sentences

__all__ = ["counted_list"]

# "from 26 States Parties", "representing fifteen countries", "27 ARF participating countries":
# the noun first (scanning for it is quick), then the count right before it
_NOUN = re.compile(r"(?i)\b(?:States?|countries|nations|members)\b")
_COUNT_BEFORE = re.compile(
    r"(?i)\b(\d{1,3}|" + "|".join(NUMBERS) + r")\s+(?:[A-Z][A-Za-z]+\s+)?"
    r"(?:member\s+|participating\s+)?\Z"
)
# a list's lead: "The 27 ARF Members are: Australia, ..."
_LEAD = re.compile(r"[^:\n]{0,80}:")
# what may stand between the names of a bare list
_SEPARATORS = re.compile(r"(?:[\s,;.]|\band\b|\bas\s+well\s+as\b)*")
_MIN_ITEMS = 3


def counted_list(text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """The names of a sentence that is nothing but a list of (mostly) States whose length is what
    the prose counts, give or take a fifth (counts are often off by one); [] when there is none."""
    counts: list[int] | None = None
    for a, e in spans:
        for s, se in sentences(text, a, e):
            lead = _LEAD.match(text, s, se)
            s = lead.end() if lead else s
            if text.count(",", s, se) < _MIN_ITEMS - 1 or _PROSE_WORD.search(text, s, se):
                continue  # a quick test first: a list of names has commas and no other words
            ms = find_mentions(text, s, se, list_like=True)
            if len(ms) < _MIN_ITEMS or not _bare(text, s, se, ms):
                continue
            states = sum(1 for m in ms if m.entity is not None and m.entity.kind == "state")
            if states * 5 < len(ms) * 4:  # four in five at least
                continue
            if counts is None:
                counts = _counts(text, spans)
            if any(abs(len(ms) - n) <= max(1, n // 5) for n in counts):
                return ms
    return []


def _counts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    return [
        _number(c.group(1))
        for a, e in spans
        for n in _NOUN.finditer(text, a, e)
        if (c := _COUNT_BEFORE.search(text, max(a, n.start() - 40), n.start()))
    ]


# a lower-case word that no State's name holds
_PROSE_WORD = re.compile(r"\b(?!(?:and|as|well|of|the|da|de|du|del|d)\b)[a-z][a-z]*\b")


def _number(s: str) -> int:
    return int(s) if s.isdigit() else NUMBERS[s.lower()]


def _bare(text: str, start: int, end: int, ms: list[Mention]) -> bool:
    """Nothing but separators between, before and after the names."""
    pos = start
    for m in [*ms, None]:
        gap_end = m.start if m is not None else end
        if _SEPARATORS.fullmatch(text, pos, gap_end) is None:
            return False
        if m is not None:
            pos = m.end
    return True
