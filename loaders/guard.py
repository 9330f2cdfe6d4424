"""Regexes with a quick necessary test in front.

Most of the extractor's patterns are scanned over every sentence and match in few of them; a
pattern that starts with a look-behind, `\\b` or a case-insensitive alternation makes the regex
engine try it at every position. A `Guarded` pattern knows words one of which every match
contains (and optionally a simpler regex every match contains a match of): where none occurs in
the scanned span it returns no match without running the pattern. Results are the pattern's own.

For `(?i)` patterns the words are tested on the lower-cased span. The regex engine's case folding
matches four non-ASCII characters to ASCII letters (İ ı to i, K Kelvin to k, ſ long s to s), which
lower() does not map so; a span holding one of them always runs the pattern. (Apart from İ, which
is one of them, lower() maps every character to one character, so positions are kept.)

An `Anchored` pattern goes further: every match starts with one of its words, so the pattern is
tried only where a word starts (found by str.find), as finditer would find them.
tests/test_loaders_guard.py checks every guard against text generated from its pattern.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

__all__ = ["GUARDS", "Anchored", "Guarded", "fold_ascii"]

# non-ASCII characters that (?i) matches to an ASCII letter
_ODD_CASE = re.compile("[\u0130\u0131\u212a\u017f]")


def fold_ascii(seg: str) -> str | None:
    """`seg` lower-cased, where an ASCII word in it is one a `(?i)` pattern can match; None when
    the span holds a character (?i) folds to an ASCII letter that lower() does not."""
    if not seg.isascii() and _ODD_CASE.search(seg):
        return None
    return seg.lower()


_SHORT = 80  # spans shorter than this are searched by the pattern itself
GUARDS: list[Guarded] = []  # every guard made, for the tests


class Guarded:
    """A compiled pattern and what every one of its matches contains."""

    def __init__(
        self, pattern: re.Pattern[str], words: tuple[str, ...], need: re.Pattern[str] | None = None
    ) -> None:
        self.rx = pattern
        self.words = words
        self.need = need
        self.fold = bool(pattern.flags & re.IGNORECASE)
        if self.fold and any(w != w.lower() for w in words):
            raise ValueError(f"words of a (?i) pattern must be lower case: {words}")
        GUARDS.append(self)

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when the pattern cannot match in text[pos:endpos]."""
        seg = text[max(pos, 0) : max(endpos, 0)]  # as the regex engine clamps them
        if self.fold:
            low = fold_ascii(seg)
            if low is None:
                return True
            seg = low
        if any(w in seg for w in self.words):
            return True
        return self.need is not None and self.need.search(seg) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.possible(text, pos, endpos):
            return None
        return self.rx.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if not self.possible(text, pos, endpos):
            return iter(())
        return self.rx.finditer(text, pos, endpos)

    def findall(self, text: str) -> list[str]:
        return self.rx.findall(text) if self.possible(text) else []


class Anchored(Guarded):
    """A pattern every match of which starts with one of `words`: tried only where one starts."""

    def _starts(self, text: str, pos: int, endpos: int) -> list[int] | None:
        """Where a word starts in text[pos:endpos] (sorted); None: run the pattern itself (a
        short span, where that is as quick, or one holding a character (?i) folds to an ASCII
        letter that lower() does not)."""
        pos = min(max(pos, 0), len(text))  # as the regex engine clamps them
        endpos = min(max(endpos, 0), len(text))
        if endpos - pos < _SHORT:
            return None
        hay = text[pos:endpos]
        if self.fold:
            low = fold_ascii(hay)
            if low is None:
                return None
            hay = low
        found: set[int] = set()
        for w in [w for w in self.words if w in hay]:
            i = hay.find(w)
            while i != -1:
                found.add(pos + i)
                i = hay.find(w, i + 1)
        return sorted(found)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return self.rx.finditer(text, pos, endpos)
        out: list[re.Match[str]] = []
        end = 0
        for s in starts:
            if s < end:
                continue
            m = self.rx.match(text, s, endpos)
            if m:
                out.append(m)
                end = m.end()
        return iter(out)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return self.rx.search(text, pos, endpos)
        for s in starts:
            m = self.rx.match(text, s, endpos)
            if m:
                return m
        return None

    def findall(self, text: str) -> list[str]:
        if self.rx.groups:
            raise ValueError("Anchored.findall is for patterns without groups")
        return [m.group() for m in self.finditer(text)]
