"""Which year a year-less event date falls in, from the years and dates a note names
(`event_year`), leaving out those that are not an event's: resolutions' numbers and citation
years, deadlines, the ends of ranges, and when a text was adopted, signed or joined (`ADOPTED`,
also read by event.pick_date)."""

from __future__ import annotations

import re

from .dates import find_dates

__all__ = ["ADOPTED", "event_year"]

# a year as a year, not a resolution's number ("resolution 2325 (2016)", "UNSCR 1977"), the year
# in its citation ("1540 (2004)"), a deadline ("until 2021") or a range's end ("2022-2025")
_YEAR_WORD = re.compile(r"(?<![\w/.–-])(19[89]\d|20\d\d)(?![\w/]|-(?!\d)|\s*\((?:19|20)\d\d\))")
# when a resolution or a body came to be ("adopted unanimously in April 2004", "went into force
# in April 1997"), or a count's date ("as of October 2003"): neither an event's date nor the year
# of one (also event.pick_date)
ADOPTED = (
    # "adopted by the U.N. Security Council in 2004"
    r"\b(?:adopted(?:\s+by\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})?|"
    r"established|founded|created|(?:entered|went|came)\s+into\s+force|as\s+of|"
    # "Saudi Arabia ratified the agreement on August 9, 1996"
    r"(?:ratified|acceded\s+to)(?:\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?(?=\s+(?:on|in)\s))?|"
    # "signed the CWC on January 13, 1993", "became a State Party on 29th April 1997"
    r"signed\s+(?:the\s+)?(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?=\s+(?:on|in)\s)|"
    r"became\s+(?:a\s+)?(?:State\s+)?[Pp]arty(?:\s+to\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?|"
    # "upon the enforcement of CWC on April 29, 1997"
    r"(?:entry\s+into\s+force|enforcement|ratification|accession)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:unanimously\s+)?(?:on\s+|in\s+)?"
)
_NOT_YEAR = re.compile(
    r"(?i)(?:\b(?:resolutions?|UNSCR|S/RES/)\s*(?:\d{4}\s*(?:\(\d{4}\)\s*)?(?:,|and)?\s*)*|\d{4}\s*\(|"
    r"\b(?:until|till|through|by|to)\s+(?:(?:the\s+)?end\s+of\s+)?|\d{4}\s*[–-]\s*|"
    rf"{ADOPTED}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{{1,2}},?\s+)?)$"
)


# "On 28 April 2004, the Security Council unanimously adopted Resolution 1540": a date the
# sentence then says a text was adopted on
_ADOPTION_AFTER = re.compile(
    r"[^.\n]{0,80}?\b(?:adopted|(?:entered|went|came)\s+into\s+force|established)\b[^.\n]{0,40}?"
    r"\b(?:[Rr]esolutions?|Convention|Treaty|Committee)\b"
)


def _counts(text: str, start: int, end: int) -> bool:
    """Whether the year or date text[start:end] can date an event: not a resolution's number or
    citation year, a deadline, a range's end, nor the date a text was adopted, signed or joined."""
    return not _NOT_YEAR.search(text[max(0, start - 40) : start]) and not _ADOPTION_AFTER.match(
        text, end
    )


def event_year(text: str, month: int, day: int) -> int | None:
    """The year of a year-less event date (month, day) in a note without a publication date: the
    year of the same day written in full; else the first year in which it falls on or after
    every year and date the note names, leaving out
    resolutions' numbers, citation years, deadlines and the ends of ranges (earlier events and
    their years come before the one reported)."""
    years = [
        int(m.group(1)) for m in _YEAR_WORD.finditer(text) if _counts(text, m.start(1), m.end(1))
    ]
    if not years:
        return None
    found = list(find_dates(text))
    same = [d for d in found if (int(d.start_date[5:7]), int(d.start_date[8:10])) == (month, day)]
    if same and same[0].precision == "day":  # the same date, written in full elsewhere
        return int(same[0].start_date[:4])
    floor = max(years)
    for d in found:
        if not _counts(text, d.start, d.end):
            continue
        y, m, dd = (int(x) for x in d.end_date.split("-"))
        if y == floor and (month, day) <= (m, dd):
            floor = y + 1
    return floor
