"""What the event is: the kind of document, title, event type, held or planned, and date (the
venue: loaders/venue.py)."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re

from .dates import MONTH, DateSpan, find_dates
from .guard import Anchored
from .header import Field
from .model import Evidence
from .text import Doc, squash
from .years import ADOPTED

__all__ = [
    "FUTURE",
    "PAST",
    "complement",
    "document_type",
    "event_type",
    "find_title",
    "field_of",
    "pick_date",
]

_TYPES = [
    ("workshop", r"workshops?|work-shops?"),
    ("seminar", r"seminars?|webinars?"),
    ("conference", r"conferences?|symposi(?:um|a)|congress|summit"),
    (
        "training",
        r"trainings?|courses?|exercises?|table-?top|capacity[- ]building\s+program(?:me)?s?",
    ),
    ("consultation", r"consultations?|consultative"),
    ("visit", r"visits?|missions?"),
    ("meeting", r"meetings?|round-?\s?tables?|dialogues?|briefings?|forum|sessions?|events?"),
]
FUTURE = Anchored(
    re.compile(
        r"(?i)\bwill\s+(?:be\s+)?(?:organi[sz]ed|held|take\s+place|invited|aim|bring|last|provide|"
        r"discuss|be\s+provided)|\bare\s+(?:anticipated|expected|invited)\b|\bshall\s+be\s+held\b|"
        r"\bis\s+scheduled\b|\bupcoming\b|\bto\s+take\s+place\b|"
        # "Officials from ... will also attend", "The meeting is open to participants from"
        r"\bwill\s+(?:also\s+)?(?:attend|participate|convene|gather|consist|feature|be\s+attended|(?:co-?)?host)\b|"
        r"\bis\s+open\s+to\s+(?:participants|experts|officials|representatives)\b|"
        # a course's announcement: "Register now for ...", "Registration is open"
        r"\bregister\s+now\b|\bregistration\s+is\s+(?:now\s+)?open\b|\bapply\s+now\b|"
        r"\b(?:commitment|intention|plans?|offer)\s+to\s+(?:co-?)?host\b"
    ),
    (
        "will",
        "are",
        "shall",
        "is",
        "upcoming",
        "to",
        "commitment",
        "intention",
        "plan",
        "offer",
        "register",
        "registration",
        "apply",
    ),
)
PAST = Anchored(
    re.compile(
        r"(?i)\b(?:was|were)\s+(?:held|organi[sz]ed|convened|conducted|attended)\b|\btook\s+place\b|"
        r"\b(?:participated|attended|hosted|discussed|agreed|delivered|concluded|gathered|visited)\b|"
        r"\b(?:organi[sz]ed|convened|conducted)\s+(?:a|an|the)\b|\b(?:inaugurated|kicked\s+off)\b|"
        r"\bprovided\s+(?:[a-z]+\s+){0,4}?(?:assistance|advice)\b"
    ),
    (
        "inaugurated",
        "kicked",
        "organi",
        "convened",
        "conducted",
        "gathered",
        "visited",
        "was",
        "were",
        "took",
        "participated",
        "attended",
        "hosted",
        "discussed",
        "agreed",
        "delivered",
        "concluded",
        "provided",
    ),
)
_QUOTED_TITLE = re.compile(
    r"\"([^\"]{8,300})\"|(?:^|(?<=\s))'([A-Z][^'\n]{8,200}(?:\n+[^'\n]{1,200}){0,3})'(?=\s|$|[.,;:])"
)
_LINE = re.compile(r"[^\n]+")
_ARRIVAL = re.compile(r"(?i)arrival|departure")
_DATED_BY = re.compile(r"(?i)\b(?:of|dated|since|until|before|by|in)\s+$")
_LETTER = re.compile(r"(?i)note\s+verbale?|letter|report")
_NUMBERED_SESSION = re.compile(
    r"(?i)\b\d+(?:st|nd|rd|th)\s+(?:(?:ordinary|extraordinary|regular|special|plenary)\s+)?"
    r"(?:meeting|session|summit|assembly)\b[^.;]{0,70}$"
)
_ADOPTED = re.compile(rf"(?i){ADOPTED}\Z")  # "Resolution 1540, adopted unanimously in April 2004"
_HELD_NEAR = re.compile(
    r"(?i)\b(?:held|hosted|organi[sz]ed|took\s+place|take\s+place|convened|from|on)\b"
)
# each type's words: every match starts with one
_TYPE_STARTS = {
    "workshop": ("workshop", "work-shop"),
    "seminar": ("seminar", "webinar"),
    "conference": ("conference", "symposi", "congress", "summit"),
    "training": ("training", "course", "exercise", "table", "capacity"),
    "consultation": ("consultati",),
    "visit": ("visit", "mission"),
    "meeting": ("meeting", "round", "dialogue", "briefing", "forum", "session", "event"),
}
_TYPE_RX = [
    (name, Anchored(re.compile(rf"(?i)\b(?:{pat})\b"), _TYPE_STARTS[name])) for name, pat in _TYPES
]
_NOT_TITLE = re.compile(
    r"(?i)(?:information|concept)\s+note|press\s+release|for\s+immediate\s+release|"
    r"[\W\d]*|(?:un\s+)?news|\w+\s*[,–—-]?\s*\d{1,2}\s+\w+\s+\d{4}|"
    # a page's boxes: "From the event", "Related links", "See also", "Share this page"
    r"from\s+the\s+event|related\s+\w+|see\s+also|read\s+more|share(?:\s+this)?(?:\s+page)?|"
    # a page's navigation: "You are here", "Skip to main content", "Main menu"
    r"you\s+are\s+here:?|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)|(?:main\s+)?menu|"
    r"\([^\n]*\)|"  # a line in brackets: "(MENAFN - Emirates News Agency (WAM))"
    # a site's banner: "Welcome to the beta version of the ... site. ... email us at ..."
    r"welcome\s+to\b[^\n]*|[^\n]*(?:\S@\S|\[email)[^\n]*|"
    r"skip\s+(?:global\s+|breadcrumb\s+)?navigation(?:\s+to\s+(?:the\s+)?main\s+content)?|back\s+to\s+top|"
    # a minister's release: "The Hon. Alexander Downer, MP", "Media Release", "Senator the Hon X"
    r"media\s+(?:release|statement)|(?:the\s+)?(?:senator\s+(?:the\s+)?)?(?:hon\.?|honourable|"
    r"rt\.?\s+hon\.?)\s+[^\n]{2,60}"
)


def field_of(fields: list[Field], *kinds: str) -> Field | None:
    return next((f for f in fields if f.kind in kinds), None)


def document_type(t: str, fields: list[Field]) -> str:
    head = t[:400].lower()
    if "information note" in head:
        return "information_note"
    if "concept note" in head or "concept paper" in head or "aide-memoire" in head:
        return "concept_note"
    if "press release" in head or not field_of(
        fields, "title", "organizers", "participants", "date_venue"
    ):
        if len(FUTURE.findall(t)) >= 2 and not PAST.search(t):
            return "concept_note"
        return "press_release" if len(t) > 200 else "other"
    future = len(FUTURE.findall(t))
    if future >= 2 and future > len(PAST.findall(t)):
        return "concept_note"
    return "other"


def find_title(
    doc: Doc, fields: list[Field], skip: tuple[tuple[int, int], ...] = ()
) -> tuple[str | None, tuple[Evidence, ...], tuple[int, int]]:
    """The title field; else a quoted event name near the top; else the first line that is not a
    masthead line (`skip`: dateline, publication date, document symbol, boilerplate). With the
    title, its evidence and its span of the text ((0, 0) without one)."""
    t = doc.text
    f = field_of(fields, "title")
    if f and squash(t[f.start : f.end]):
        title = squash(t[f.start : f.end]).strip(" \"'-–•*")
        return title, (doc.evidence(f.start, f.end),), (f.start, f.end)
    first_field = min([x.label_start for x in fields], default=len(t))
    for q in _QUOTED_TITLE.finditer(t, 0, first_field):
        g = 1 if q.group(1) else 2
        if q.start() > _QUOTE_TOP and not (
            _STRONG_TITLED.search(t, max(0, q.start() - 40), q.start())
            and _EVENT_TITLED.search(t, max(0, q.start() - 80), q.start())
        ):
            continue  # past the lead, only "the workshop, titled ..." names the event (not
            # "Project 106, entitled ...")
        if _names_event(t, q.start(), q.group(g)):
            return squash(q.group(g)), (doc.evidence(q.start(g), q.end(g)),), q.span(g)
    for m in _LINE.finditer(t[: min(len(t), 2000)]):
        line = m.group().strip()
        if not line or _NOT_TITLE.fullmatch(line):
            continue
        if any(a < m.end() and m.start() < b for a, b in skip) or len(line.split()) < 3:
            continue  # a masthead line, or a short one ("Security Council", "Media Note")
        if _bulleted(doc, m.start()) or _only_a_date(line):
            continue  # an item of a page's box ("• Programme"), a date line ("18-19 Apr 2007")
        if len(line) <= 220 and not line.endswith("."):
            return squash(line), (doc.evidence(m.start(), m.end()),), m.span()
        break
    ph = _EVENT_PHRASE.search(t[:1200])
    if ph:
        title = squash(ph.group(1))
        return title[:1].upper() + title[1:], (doc.evidence(ph.start(1), ph.end(1)),), ph.span(1)
    return None, (), (0, 0)


def _bulleted(doc: Doc, at: int) -> bool:
    """Whether the raw line of text[at] starts with a bullet (cleaning drops them)."""
    raw_at = doc.raw_span(at, at + 1)[0]
    head = doc.raw[doc.raw.rfind("\n", 0, raw_at) + 1 : raw_at]
    return bool(head.strip()) and not head.strip(" \t•▪◦·*-–")


def _only_a_date(line: str) -> bool:
    d = next(find_dates(line), None)
    return d is not None and d.end - d.start >= len(line) - 2


_QUOTE_TOP = 800  # an event's quoted name is in the lead; later quotes name other things
_EVENT_WORDS = (
    r"workshop|seminar|webinar|conference|symposium|course|training|meeting|round-?\s?table|"
    r"dialogue|forum|consultations?|exercise"
)
_EVENT_TITLED = re.compile(  # "the workshop, titled", "a seminar called"
    rf"(?i)\b(?:{_EVENT_WORDS}|event|session)s?\W{{0,3}}"
    r"(?:[\w-]+\W+){0,2}?(?:titled|entitled|called|named)\s*[:,]?\s*$"
)
_STRONG_TITLED = re.compile(r"(?i)\b(?:titled|entitled|called|named)\s*[:,]?\s*$")


def _names_event(t: str, start: int, quoted: str) -> bool:
    """Whether a quotation names the event: not a speech ("..., " said X), not a quoted term
    ("Related Materials"): introduced as a title, or naming an event, or opening the note."""
    q = quoted.strip()
    if q[-1:] in ",.;!?" or len(q.split()) < 3:
        return False
    if _TITLED.search(t, max(0, start - 40), start) or _TYPE_WORD.search(q):
        return True
    return not t[:start].strip() or t[:start].strip().count("\n") < 2


_TITLED = re.compile(r"(?i)\b(?:titled|entitled|called|named|theme|topic|the)\s*[:,]?\s*$")
_TYPE_WORD = re.compile(rf"(?i)\b(?:{_EVENT_WORDS})s?\b")
_EVENT_PHRASE = re.compile(
    r"\b(?:an?|the)\s+((?:(?!(?:an?|the)\b)[\w-]+\s+){0,3}?(?:workshop|seminar|conference|training\s+course|course|meeting|"
    r"consultations?|round-?\s?table|dialogue|symposium|webinar)\s+(?:on|for|of|in\s+support\s+of)\s+[^.;()]{3,160}?)"
    r"(?=,|\.|;|\s+(?:held|from|on\s+\d|in\s+[A-Z]|organi[sz]ed|hosted|which|that|was|were|will)\b"
    rf"|\s+on\s+(?-i:{MONTH})\s+\d)",  # "... on May 5 and 6, 2020"
    re.I,
)


def event_type(title: str | None, body: str) -> str:
    """The first event word of the title; else the most frequent one in the text."""
    best: tuple[int, str] | None = None
    for name, rx in _TYPE_RX:
        m = rx.search(title or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best:
        return best[1]
    counts = [(len(rx.findall(body)), -i, name) for i, (name, rx) in enumerate(_TYPE_RX)]
    top = max(counts)
    return top[2] if top[0] else "other"


def pick_date(t: str, a: int, b: int, not_before: str | None = None) -> DateSpan | None:
    """The event's date in t[a:b]: the first range, else a date said with a word of holding,
    else the first date; not an arrival, a letter's date, a numbered session of a statutory
    body ("the 584th meeting of the Council, held on 29 March 2016"), the day a resolution was
    adopted, nor one ending before `not_before`."""
    cands = []
    for d in find_dates(t[a:b]):
        s, e = a + d.start, a + d.end
        if not_before is not None and d.end_date < not_before:
            continue
        if _NUMBERED_SESSION.search(t, max(a, s - 90), s) or _ADOPTED.search(t, max(a, s - 40), s):
            continue
        before = t[max(a, s - 40) : s]
        if "(" in before and ")" not in before and _ARRIVAL.search(t[s - 40 : e + 40]):
            continue
        if (
            _DATED_BY.search(before)
            and d.precision == "day"
            and d.start_date == d.end_date
            and _LETTER.search(before)
        ):
            continue
        cands.append(DateSpan(s, e, d.start_date, d.end_date, d.precision))
    if not cands:
        return None
    for c in cands:
        pre = t[max(a, c.start - 3) : c.start]
        if c.is_range and "(" not in pre:
            return c
    for c in cands:
        ctx = t[max(a, c.start - 200) : c.end + 200]
        if _HELD_NEAR.search(ctx) and t[max(a, c.start - 2) : c.start].strip() != "(":
            return c
    return cands[0]


def complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, e in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, e)
    if pos < n:
        out.append((pos, n))
    return out
