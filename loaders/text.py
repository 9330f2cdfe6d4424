"""Markup cleaning with an offset map back to the decoded text.

`clean(raw)` returns a `Doc`: `doc.text` is the normalised text (tags, markdown emphasis, footnotes and
footnote markers removed, save the text of footnotes that list names, entities decoded, quotes straightened, accented capitals to ASCII) and every character of it knows the raw
span it came from, so `doc.evidence(start, end)` quotes the raw text exactly (markup included).
"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import bisect
import html
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from .guard import fold_ascii
from .model import Evidence

__all__ = ["Doc", "clean"]

Repl = str | Callable[[re.Match[str]], str]

_BLOCK_TAGS = re.compile(
    r"</?(?:p|br|div|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|title|blockquote)\b[^>]*>",
    re.I,
)
_CELL_TAGS = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_DROP_ELEMENTS = re.compile(r"<(script|style|head)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup\s*>", re.I | re.S)
_BROKEN_SUP = re.compile(r"(?:&lt;|lt;)sup>.*?</sup>", re.I | re.S)
_TAG = re.compile(r"<!--.*?-->|<!DOCTYPE[^>]*>|</?[A-Za-z][^<>]*>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE = re.compile(
    r"(?m)^[ \t]*(?:<sup\b[^>]*>.*?</sup>|[" + _SUPERSCRIPTS + r"]+|\[\d{1,2}\])[^\n]*$"
)
_DISCLAIMER_LINE = re.compile(
    r"(?im)^[^\n]{0,40}\bfor information\b[^\n]{0,30}not an official report[^\n]*$"
)
_DISCLAIMER_INLINE = re.compile(
    r"[" + "¹²³" + r"]?\s*\bFor information\b\s*(?:only)?\s*[-–—]?\s*not an official report\.?"
    r"(?:\s*The views expressed here do not necessarily represent[^.]{0,200}\.)?",
    re.I,
)
# a footnote that only lists names ("* Argentina, Bahamas, Belize, ...") keeps its text, without its
# marker: the sentence that counts them ("from 26 States Parties*") reads it (loaders/counted.py)
_ITEM = r"[A-Z][\w'.()-]*(?:[ \t]+(?:(?:and|of|the|de|da|du|del)[ \t]+|d')?[A-Z(][\w'.()-]*)*"
_LISTED_FOOTNOTE = re.compile(
    r"(?m)^[ \t]*(?:\*(?!\*)|[" + _SUPERSCRIPTS + r"]+|\[\d{1,2}\])[ \t]*"
    # ... after a lead that ends with a colon: "[1] The 27 ARF Members are: Australia, ..."
    rf"(?=(?:[A-Z][^\n:]{{0,80}}:[ \t]*)?{_ITEM}(?:[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+){_ITEM}){{2,}}[ \t]*\.?[ \t]*$)"
)
_ASTERISK_MARKER = re.compile(r"[a-z)]\*(?!\*)(?=[\s,.;:)]|$)")
_ASTERISK_FOOTNOTE = re.compile(r"(?m)^[ \t]*\*(?!\*)[ \t]+[A-Z][^\n]*$")
_SUPERSCRIPT_RUN = re.compile("[" + _SUPERSCRIPTS + "]" + "[" + _SUPERSCRIPTS + "]*")  # [..]+
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*")
_MD_BULLET = re.compile(r"(?m)^[ \t]*[-•▪◦·][ \t]+")
_MD_EMPHASIS = re.compile(r"\*\*?\*?")  # \*{1,3}, written to start with a literal
# Two patterns below are written to start with a character (the regex engine then skips ahead to
# it) rather than with a look-behind; each matches exactly what its readable form does (see
# tests/test_loaders_text.py):
# underscore emphasis: (?<![\w])_{1,2}(?=\w)|(?<=\w)_{1,2}(?![\w])
_MD_UNDERSCORE = re.compile(r"_(?:(?<!\w_)(?:_(?=\w)|(?=\w))|(?<=\w_)(?:_(?!\w)|(?!\w)))")
# a gap of blank lines inside a sentence:
# (?<=[^.:;!?\s])[ \t]*\n(?:[ \t]*\n){2,}[ \t]*(?=[a-z(])
_FOOTNOTE_GAP = re.compile(
    r"(?:[ \t](?<=[^.:;!?\s][ \t])[ \t]*\n|\n(?<=[^.:;!?\s]\n))(?:[ \t]*\n){2,}[ \t]*(?=[a-z(])"
)
_NEWLINE = re.compile(r"\n")
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
_QUOTE_MAP = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "\u2010": "-",  # hyphen, non-breaking hyphen ("Rostov\u2011on\u2011Don")
    "\u2011": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": " ",
}
# a capital with a diacritic to its ASCII letter ("İstanbul", "Évian", "Łódź"), so that the
# patterns' [A-Z] classes read it as a capital (lower case letters are \w already)
_QUOTE_MAP |= {
    c: _base
    for c in map(chr, range(0xC0, 0x250))
    if c.isupper()
    and (
        _base := {"Ø": "O", "Đ": "D", "Ł": "L", "Ħ": "H"}.get(c, unicodedata.normalize("NFD", c)[0])
    )
    in string.ascii_uppercase
}
_QUOTE_CHARS = re.compile("[" + "".join(map(re.escape, _QUOTE_MAP)) + "]")
# a straight double quote typed for an apostrophe ('The US Embassy"s office')
_QUOTE_FOR_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=s\b)')
_QUOTE_S = re.compile(r'"s\b')
# Necessary conditions: some patterns cannot match a text without a `need` (a quick scan first;
# these patterns start with look-behinds or optional parts and scan slowly)
_FOR_INFORMATION = re.compile(r"for information", re.I)
_LT_SUP = re.compile(r"lt;sup>", re.I)
_THREE_NEWLINES = re.compile(r"\n[ \t]*\n[ \t]*\n")
_FOOTNOTE_MARK = re.compile("[<\\[" + _SUPERSCRIPTS + "]")  # <sup>, a superscript or [n]
_LIST_MARK = re.compile("(?m)^[ \t]*[*\\[" + _SUPERSCRIPTS + "]")  # a footnote's mark, first
_HASH = re.compile(r"#")
_BULLET_MARK = re.compile(r"[-•▪◦·]")


Piece = tuple[
    int, int, int
]  # (length, a, b): b < 0: raw a + i for char i (one for one); else (a, b)


def _raw_at(pstarts: list[int], pieces: list[Piece], i: int) -> tuple[int, int]:
    """The raw span behind clean position i: a copied piece maps one to one, a replacement maps
    to the whole span it replaced."""
    k = bisect.bisect_right(pstarts, i) - 1
    _, a, b = pieces[k]
    if b < 0:
        a += i - pstarts[k]
        return a, a + 1
    return a, b


@dataclass
class Doc:
    """Normalised text plus, per character, the raw span it came from (kept as pieces: runs
    copied one for one from the raw text, and runs of replacement text that all map to the span
    they replaced)."""

    raw: str
    text: str
    line_starts: list[int]
    pstarts: list[int]  # where each piece starts in `text`
    pieces: list[Piece]

    def _at(self, i: int) -> tuple[int, int]:
        return _raw_at(self.pstarts, self.pieces, i)

    @property
    def starts(self) -> list[int]:
        """The raw start of every character of `text`."""
        return [self._at(i)[0] for i in range(len(self.text))]

    @property
    def ends(self) -> list[int]:
        """The raw end of every character of `text`."""
        return [self._at(i)[1] for i in range(len(self.text))]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if not self.text:
            return 0, 0
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return self._at(start)[0], self._at(end - 1)[1]

    def line_of(self, raw_pos: int) -> int:
        return bisect.bisect_right(self.line_starts, raw_pos)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the normalised span [start, end): the raw quote with its offsets and line."""
        text = self.text  # (raw_span and line_of inlined: this runs for every fact found)
        # trim whitespace so quotes start and end on text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if not text:
            rs = re_ = 0
        else:
            start = max(0, min(start, len(text) - 1))
            end = max(start + 1, min(end, len(text)))
            rs = _raw_at(self.pstarts, self.pieces, start)[0]
            re_ = _raw_at(self.pstarts, self.pieces, end - 1)[1]
        line = bisect.bisect_right(self.line_starts, rs)
        return Evidence(line=line, text=self.raw[rs:re_], start=rs, end=re_)


def _line_matches(
    pattern: re.Pattern[str], need: re.Pattern[str], text: str
) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern anchored at line starts ((?m)^) that needs `need` in
    the first line of its match: tried only at the starts of the lines that have it."""
    found: list[re.Match[str]] = []
    last = end = -1
    for h in need.finditer(text):
        ls = text.rfind("\n", 0, h.start()) + 1
        if ls != last and ls >= end:
            last = ls
            m = pattern.match(text, ls)
            if m:
                found.append(m)
                end = m.end()
    return found


def _gap_matches(text: str) -> list[re.Match[str]]:
    """`_FOOTNOTE_GAP.finditer(text)`, tried only where a match can start: at the spaces and tabs
    before the first newline of a run of three (the look-behind rules out any later start)."""
    found: list[re.Match[str]] = []
    end = 0
    for h in _THREE_NEWLINES.finditer(text):
        p = h.start()
        while p > 0 and text[p - 1] in " \t":
            p -= 1
        if p < end:
            continue
        m = _FOOTNOTE_GAP.match(text, p)
        if m:
            found.append(m)
            end = m.end()
    return found


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces that continue each other, as one."""
    out: list[Piece] = []
    for p in pieces:
        if out:
            length, a, b = out[-1]
            if b < 0 and p[2] < 0 and p[1] == a + length or b >= 0 and p[1:] == (a, b):
                out[-1] = (length + p[0], a, b)
                continue
        out.append(p)
    return out


class _Builder:
    def __init__(self, raw: str) -> None:
        self.text = raw
        self.pieces: list[Piece] = [(len(raw), 0, -1)] if raw else []
        self.pstarts: list[int] = [0] if raw else []

    def _at(self, i: int) -> tuple[int, int]:
        return _raw_at(self.pstarts, self.pieces, i)

    def _slice(self, lo: int, hi: int, out: list[Piece]) -> None:
        """Append the pieces of text[lo:hi] to `out`."""
        if lo >= hi:
            return
        k = bisect.bisect_right(self.pstarts, lo) - 1
        while lo < hi:
            length, a, b = self.pieces[k]
            off = lo - self.pstarts[k]
            take = min(length - off, hi - lo)
            out.append((take, a + off, b) if b < 0 else (take, a, b))
            lo += take
            k += 1

    def sub(
        self,
        pattern: re.Pattern[str],
        repl: Repl,
        need: re.Pattern[str] | str | None = None,
        *,
        lines: re.Pattern[str] | None = None,
    ) -> None:
        """Replace `pattern`'s matches; `need`: a pattern, or a lower-case word of a (?i) pattern,
        without which `pattern` cannot match (a quick test first); `lines`: for a (?m)^ pattern,
        what the first line of a match holds (it is tried only on lines holding it)."""
        text = self.text
        if isinstance(need, str):
            low = fold_ascii(text)
            if low is not None and need not in low:
                return
        elif need is not None and need.search(text) is None:
            return
        if lines is not None:
            found = _line_matches(pattern, lines, text)
        elif pattern is _FOOTNOTE_GAP:
            found = _gap_matches(text)
        else:
            found = list(pattern.finditer(text))
        if not found:  # most patterns match nothing in most notes: keep the map as is
            return
        out: list[str] = []
        pieces: list[Piece] = []
        pos = 0
        for m in found:
            a, b = m.span()
            out.append(text[pos:a])
            self._slice(pos, a, pieces)
            r = repl(m) if callable(repl) else repl
            if r:
                if len(r) == b - a:
                    self._slice(a, b, pieces)
                else:
                    rs = (
                        self._at(a)[0]
                        if a < len(text)
                        else (self._at(len(text) - 1)[1] if text else 0)
                    )
                    rend = self._at(b - 1)[1] if b > a else rs
                    pieces.append((len(r), rs, rend))
                out.append(r)
            pos = b
        out.append(text[pos:])
        self._slice(pos, len(text), pieces)
        self.text = "".join(out)
        self.pieces = _merged(pieces)
        self.pstarts = (
            list(accumulate((p[0] for p in self.pieces[:-1]), initial=0)) if self.pieces else []
        )

    def straighten_quotes(self) -> None:
        """Typographic quotes, odd spaces and accented capitals to ASCII, one character for one
        (keeps the map)."""
        self.text = straightened(self.text)


def straightened(s: str) -> str:
    """`s` as the matching text reads it: quotes, odd spaces and accented capitals to ASCII, one
    character for one."""
    if s.isascii() and "\r" not in s:  # "\r" is the one ASCII character of the map
        return s
    # a regex, not str.translate (slow on non-ASCII text)
    return _QUOTE_CHARS.sub(lambda m: _QUOTE_MAP[m.group()], s)


def _entity(m: re.Match[str]) -> str:
    s = html.unescape(m.group())
    return s if s != m.group() else m.group()


def clean(raw: str) -> Doc:
    """Normalise a decoded note (markup, footnotes, entities, quotes), keeping the offset map."""
    b = _Builder(raw)
    b.straighten_quotes()
    b.sub(_QUOTE_FOR_APOSTROPHE, "'", need=_QUOTE_S)
    b.sub(_DROP_ELEMENTS, "")
    b.sub(_DISCLAIMER_LINE, "", need="for information", lines=_FOR_INFORMATION)
    b.sub(_LISTED_FOOTNOTE, "", lines=_LIST_MARK)
    b.sub(_FOOTNOTE_LINE, "", lines=_FOOTNOTE_MARK)
    b.sub(_DISCLAIMER_INLINE, " ", need="for information")
    if "*" in b.text and _ASTERISK_MARKER.search(b.text):
        b.sub(_ASTERISK_FOOTNOTE, "")
        b.sub(_ASTERISK_MARKER, lambda m: m.group()[0])
    b.sub(_SUP, "")
    b.sub(_BROKEN_SUP, "", need="lt;sup>")
    b.sub(_BLOCK_TAGS, "\n")
    b.sub(_CELL_TAGS, "\t")
    b.sub(_TAG, "")
    b.sub(_ENTITY, _entity)
    b.straighten_quotes()
    if not b.text.isascii():  # superscripts are not ASCII
        b.sub(_SUPERSCRIPT_RUN, "")
    # markdown: headings, bullets, emphasis
    b.sub(_MD_HEADING, "", lines=_HASH)
    b.sub(_MD_BULLET, "", lines=_BULLET_MARK)
    b.sub(_MD_EMPHASIS, "")
    b.sub(_MD_UNDERSCORE, "")
    b.straighten_quotes()
    # a removed footnote leaves a gap inside a sentence: close it
    b.sub(_FOOTNOTE_GAP, " ", need=_THREE_NEWLINES)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(raw)]
    return Doc(raw=raw, text=b.text, line_starts=line_starts, pstarts=b.pstarts, pieces=b.pieces)


def squash(s: str) -> str:
    """Collapse all whitespace to single spaces."""
    return _WS.sub(" ", s).strip()
