"""Dates and date ranges as written in notes: '15-17 January 2013', '14th-15th September 2017',
'from 24 to 28 October 2016', 'Monday 20 to Friday 24 June 2022', '30 November - 2 December 2015',
'March 11-12, 2014', 'September 2011', lists of days ('July 27 and 28, and August 5 and 6, 2020',
'11, 12 and 13 March 2018': the first to the last), and numeric ones: '12.05.2015' and '12/05/2015' (day first, as UN documents write them),
'2015-05-12' (ISO), and ranges of them ('12.05.2015 - 14.05.2015', '12-14.05.2015'). A date that
does not exist ('31.02.2015', '05/13/2015' read day first) is no date."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .guard import fold_ascii

__all__ = [
    "DAY",
    "MONTH",
    "NUMBERS",
    "DateSpan",
    "find_dates",
    "yearless_dates",
]

_MONTHS = {
    m: i + 1
    for i, ms in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ]
    )
    for m in ms.split()
}
MONTH = _MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
)
DAY = _D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
# numbers written as words ("a three-day event", "fifteen countries")
NUMBERS = {
    w: i
    for i, w in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split(),
        start=2,
    )
}
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
# the weekday of a range's last day: "Monday 20 to Friday 24 June", "June 20 to Friday, June 24"
_WD = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"

_PATTERNS = [
    # 30 November - 2 December 2015 / 30 November 2015 - 2 December 2016
    (
        "dmdmy",
        rf"(?P<d1>{_D})\s+(?P<m1>{_MON})(?:\s*,?\s*(?P<y1>{_Y}))?{_DASH}{_WD}(?P<d2>{_D})\s+(?P<m2>{_MON})\s*,?\s*(?P<y2>{_Y})",
    ),  # noqa: E501
    # "27 and 28 July and 5 and 6 August 2020" (see "mdlist")
    (
        "dmlist",
        rf"(?P<d1>{_D})(?:\s*(?:,|and|&)\s*{_D})+\s+(?P<m1>{_MON})\s*,?\s*(?:and\s+)?(?:{_D}\s*(?:,|and|&)\s*)+(?P<d2>{_D})\s+(?P<m2>{_MON})\s*,?\s*(?P<y2>{_Y})",
    ),
    # "27, 28 and 29 July 2020"
    (
        "ddays",
        rf"(?P<d1>{_D})(?:\s*,\s*{_D})+\s*,?\s*(?:and|&)\s*(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_MON})\s*,?\s*(?P<y2>{_Y})",
    ),
    # 15-17 January 2013, 14th-15th September 2017, from 24 to 28 October 2016, "from the 4th
    # to the 6th of December, 2013", "1 to 3, May 2009"
    (
        "ddmy",
        rf"(?P<d1>{_D}){_DASH}(?:the\s+)?{_WD}(?P<d2>{_D}),?\s+(?:of\s+)?(?P<m1>{_MON})\s*,?\s*(?P<y2>{_Y})",
    ),
    # days of two months: "July 27 and 28, and August 5 and 6, 2020", "27 and 28 July and 5 and
    # 6 August 2020": the first to the last
    (
        "mdlist",
        rf"(?P<m1>{_MON})\s+(?P<d1>{_D})(?:\s*(?:,|and|&)\s*{_D})*\s*,?\s*(?:and\s+)?(?P<m2>{_MON})\s+(?:{_D}\s*(?:,|and|&)\s*)*(?P<d2>{_D}),?\s+(?P<y2>{_Y})",
    ),
    # "July 27, 28 and 29, 2020"
    (
        "mdays",
        rf"(?P<m1>{_MON})\s+(?P<d1>{_D})(?:\s*,\s*{_D})+\s*,?\s*(?:and|&)\s*(?P<d2>{_D}),?\s+(?P<y2>{_Y})",
    ),
    # March 11-12, 2014 / March 30 - April 2, 2015
    (
        "mddy",
        rf"(?P<m1>{_MON})\s+(?P<d1>{_D}){_DASH}{_WD}(?:(?P<m2>{_MON})\s+)?(?P<d2>{_D}),?\s+(?P<y2>{_Y})",
    ),
    # 15 January 2013
    ("dmy", rf"(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_MON})\s*,?\s*(?P<y2>{_Y})"),
    # January 15, 2013
    ("mdy", rf"(?P<m1>{_MON})\s+(?P<d1>{_D}),?\s+(?P<y2>{_Y})"),
    # September 2011
    ("my", rf"(?P<m1>{_MON})\s*,?\s+(?P<y2>{_Y})"),
]
# Numeric dates, after the ones with month names (which win where both read the same place).
# Day and month are numbers (n1, n2); dotted and slashed forms are day first. Not inside longer
# runs of numbers and separators ('1.12.05.2015', '12/05/2015/3', 'S/RES/12/05/2015').
_N = r"\d{1,2}"
_NUM = r"(?P<sep>[./])"
_NUMERIC = [
    # 12.05.2015 - 14.05.2015, 12/05/2015 to 14/05/2015
    (
        "num_range",
        rf"(?P<d1>{_N}){_NUM}(?P<n1>{_N})(?P=sep)(?P<y1>{_Y}){_DASH}(?P<d2>{_N})(?P=sep)(?P<n2>{_N})(?P=sep)(?P<y2>{_Y})",
    ),
    # 2015-05-12 to 2015-05-14
    (
        "iso_range",
        rf"(?P<y1>{_Y})-(?P<n1>\d\d)-(?P<d1>\d\d){_DASH}(?P<y2>{_Y})-(?P<n2>\d\d)-(?P<d2>\d\d)",
    ),
    # 12-14.05.2015, 12-14/05/2015
    ("num_days", rf"(?P<d1>{_N}){_DASH}(?P<d2>{_N}){_NUM}(?P<n2>{_N})(?P=sep)(?P<y2>{_Y})"),
    # 12.05.2015, 12/05/2015
    ("num", rf"(?P<d1>{_N}){_NUM}(?P<n1>{_N})(?P=sep)(?P<y2>{_Y})"),
    # 2015-05-12
    ("iso", rf"(?P<y2>{_Y})-(?P<n1>\d\d)-(?P<d1>\d\d)"),
]


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    words = [(name, re.compile(rf"(?<![\w]){pat}(?![\w])", re.I)) for name, pat in _PATTERNS]
    numbers = [
        (name, re.compile(rf"(?<![\w./-]){pat}(?![\w]|[./-]\d)", re.I)) for name, pat in _NUMERIC
    ]
    return words + numbers


_COMPILED = _compile()
# Every pattern needs a year; the word ones a month name, the numeric ones a day, month and year
# with separators: a text without them has no date of that kind (a cheap pre-check).
_HAS_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
_HAS_NUMERIC = re.compile(rf"\d[./]\d{{1,2}}[./]{_Y}|{_Y}-\d\d-\d\d")
_HAS_YEAR = re.compile(_Y)
# Every match holds a year and only word characters, spaces and , . / - – —; any other character
# is a barrier no match crosses (and no pattern's look-ahead or look-behind tells apart from the
# end or start of the text). So the patterns need only scan the stretches between barriers that
# hold a year; the word patterns, whose matches end with a year at the end of a word, only up to
# the last such year (the patterns start with a look-behind, and scanning every position of a long
# text for them is slow).
_YEAR = re.compile(_Y)
_YEAR_END = re.compile(rf"{_Y}(?![\w])")
_BARRIER = re.compile(r"[^\w\s,./\-–—]")
_DIGITS = re.compile(r"\d\d*")  # \d+, written to start with a class (the engine skips to it)


def _regions(text: str) -> list[tuple[int, int, int]]:
    """(start, words_end, end) of the barrier-free stretches of `text` that hold a year, in text
    order; words_end: the end of the last year there that ends a word (-1: none). Scanning only
    text[start:end] (text[start:words_end] for the word patterns) finds exactly what scanning
    `text` finds."""
    regions: list[tuple[int, int, int]] = []
    start = scanned = 0  # the current stretch starts at `start`; barriers are known up to `scanned`
    end = -1  # where the current stretch ends
    for y in _YEAR.finditer(text):
        if y.start() < end:
            continue  # in the stretch already found
        for b in _BARRIER.finditer(text, scanned, y.start()):
            start = b.end()
        nxt = _BARRIER.search(text, y.end())
        end = nxt.start() if nxt else len(text)
        words_end = -1
        for ye in _YEAR_END.finditer(text, start, end):
            words_end = ye.end()
        regions.append((start, words_end, end))
        scanned = end
    return regions


@dataclass(frozen=True)
class DateSpan:
    start: int  # offsets in the scanned text
    end: int
    start_date: str
    end_date: str
    precision: str  # day|month

    @property
    def is_range(self) -> bool:
        """Days apart ("7-10 December"), not a month read as its first to its last day."""
        return self.precision == "day" and self.start_date != self.end_date


def _day(s: str) -> int:
    return int(_DIGITS.match(s).group()) if _DIGITS.match(s) else 0  # type: ignore[union-attr]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(s: str | None) -> int | None:
    if not s:
        return None
    return _MONTHS.get(s.lower().rstrip("."))


def _build_numeric(m: re.Match[str]) -> DateSpan | None:
    g = m.groupdict()
    y2 = int(g["y2"])
    n2 = int(g.get("n2") or g["n1"])
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if g.get("d2") else d1
    n1 = int(g["n1"]) if g.get("n1") else n2
    y1 = int(g["y1"]) if g.get("y1") else y2
    a, b = _iso(y1, n1, d1), _iso(y2, n2, d2)
    if not a or not b or b < a:
        return None
    return DateSpan(m.start(), m.end(), a, b, "day")


def _build(name: str, m: re.Match[str]) -> DateSpan | None:
    if name.startswith(("num", "iso")):
        return _build_numeric(m)
    g = m.groupdict()
    y2 = int(g["y2"])
    m1 = _month(g.get("m1"))
    if m1 is None:
        return None
    if name == "my":
        import calendar

        last = calendar.monthrange(y2, m1)[1]
        a, b = _iso(y2, m1, 1), _iso(y2, m1, last)
        return DateSpan(m.start(), m.end(), a, b, "month") if a and b else None
    d1 = _day(g["d1"])
    d2 = _day(g["d2"]) if g.get("d2") else d1
    m2 = _month(g.get("m2")) or m1
    y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m2 < m1 else y2)
    a, b = _iso(y1, m1, d1), _iso(y2, m2, d2)
    if not a or not b or b < a:
        return None
    return DateSpan(m.start(), m.end(), a, b, "day")


_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _word_matches(name: str, rx: re.Pattern[str], text: str, a: int, b: int) -> list[re.Match[str]]:
    """`rx.finditer(text, a, b)` for a word pattern, tried only where its matches can start: a
    match starts with a day (a digit run's first digit) or with a month name."""
    seg = text[a:b]
    if name in ("mdlist", "mdays", "mddy", "mdy", "my"):
        low = fold_ascii(seg)
        if low is None:
            return list(rx.finditer(text, a, b))
        found: set[int] = set()
        for w in _MONTH_STARTS:
            i = low.find(w)
            while i != -1:
                found.add(a + i)
                i = low.find(w, i + 1)
        starts = sorted(found)
    else:
        starts = [a + m.start() for m in _DIGITS.finditer(seg)]
    out: list[re.Match[str]] = []
    end = a
    for c in starts:
        if c < end:
            continue
        m = rx.match(text, c, b)
        if m:
            out.append(m)
            end = m.end()
    return out


def find_dates(text: str) -> Iterator[DateSpan]:
    """Every date or date range in `text`, in text order, the longest reading at each place."""
    found: list[DateSpan] = []
    if not _HAS_YEAR.search(text):
        return
    low = fold_ascii(text)
    words = (
        _HAS_MONTH.search(text) is not None if low is None else any(w in low for w in _MONTH_STARTS)
    )
    numbers = _HAS_NUMERIC.search(text) is not None
    if not (words or numbers):
        return
    regions = _regions(text)
    word_spans = [(a, w) for a, w, _ in regions if w > 0]
    number_spans = [(a, e) for a, _, e in regions]
    for name, rx in _COMPILED:
        numeric = name.startswith(("num", "iso"))
        if not (numbers if numeric else words):
            continue
        if numeric:
            ms: Iterator[re.Match[str]] = (
                m for a, b in number_spans for m in rx.finditer(text, a, b)
            )
        else:
            ms = (m for a, b in word_spans for m in _word_matches(name, rx, text, a, b))
        for m in ms:
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            span = _build(name, m)
            if span:
                found.append(span)
    found.sort(key=lambda s: s.start)
    yield from found


# year-less dates: "from 7 to 10 December", "on 11-12 March", "27 and 28 September",
# "30 November to 2 December", "June 5-6", "on September 12"
_RANGE = r"\s*(?:-|–|—|to|until|and|through)\s*"
_YEARLESS = [
    re.compile(  # "on 1, 8 and 15 December": the first to the last
        rf"(?<![\w])(?P<d1>{_D})(?:\s*,\s*{_D})+\s*,?\s*(?:and|&)\s*(?P<d2>{_D})\s+(?P<m1>{_MON})(?![\w]|\s*,?\s*(?:19|20)\d\d)"
    ),
    re.compile(
        rf"(?<![\w])(?P<d1>{_D})\s+(?P<m1>{_MON}){_RANGE}{_WD}(?P<d2>{_D})\s+(?P<m2>{_MON})(?![\w]|\s*,?\s*(?:19|20)\d\d)"
    ),
    re.compile(
        rf"(?<![\w])(?P<d1>{_D}){_RANGE}{_WD}(?P<d2>{_D})\s+(?P<m1>{_MON})(?![\w]|\s*,?\s*(?:19|20)\d\d)"
    ),
    re.compile(  # "from February 27 to March 01"
        rf"(?<![\w])(?P<m1>{_MON})\s+(?P<d1>{_D}){_RANGE}{_WD}(?P<m2>{_MON})\s+(?P<d2>{_D})(?![\w]|,?\s*(?:19|20)\d\d)"
    ),
    re.compile(
        rf"(?<![\w])(?P<m1>{_MON})\s+(?P<d1>{_D}){_RANGE}{_WD}(?P<d2>{_D})(?![\w]|,?\s*(?:19|20)\d\d)"
    ),
    re.compile(rf"(?<![\w])(?P<d1>{_D})\s+(?P<m1>{_MON})(?![\w]|\s*,?\s*(?:19|20)\d\d)"),
    re.compile(rf"(?<![\w])(?P<m1>{_MON})\s+(?P<d1>{_D})(?![\w]|,?\s*(?:19|20)\d\d)"),
]


def _near_year(pub: dt.date, month: int) -> int:
    """The year of a year-less month near the publication date: within six months of it."""
    if month - pub.month > 6:
        return pub.year - 1
    if pub.month - month > 6:
        return pub.year + 1
    return pub.year


def yearless_dates(text: str, start: int, end: int, published: str) -> list[DateSpan]:
    """Dates in text[start:end] written without a year, dated by the publication date."""
    pub = dt.date.fromisoformat(published)
    out: list[DateSpan] = []
    for rx in _YEARLESS:
        for m in rx.finditer(text, start, end):
            if any(m.start() < o.end and o.start < m.end() for o in out):
                continue
            g = m.groupdict()
            m1 = _month(g["m1"])
            m2 = _month(g.get("m2") or g["m1"])
            if m1 is None or m2 is None:
                continue
            y1 = _near_year(pub, m1)
            y2 = y1 + 1 if m2 < m1 else y1
            try:
                a = dt.date(y1, m1, _day(g["d1"]))
                b = dt.date(y2, m2, _day(g["d2"])) if g.get("d2") else a
            except ValueError:
                continue
            if b < a:
                continue
            out.append(DateSpan(m.start(), m.end(), a.isoformat(), b.isoformat(), "day"))
    return sorted(out, key=lambda s: s.start)
