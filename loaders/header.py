"""Header fields: a label lexicon and field segmentation (a field runs to the next known label).

Tolerates `**Event**`, `- Event:**`, `Event\\t`, `Event:`, labels without colons at line start, and notes
flattened onto one line (labels inline). Sub-labels inside participant lists ("Other States:",
"<i>Organisations / Other speakers:</i>", run-on "States: Belarus Organizations: OSCE") are found by
`sublabels`.
"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Field", "SECTION", "segment", "sublabels"]

# kind -> label alternatives (regex), most specific first
LABELS: list[tuple[str, str]] = [
    (
        "date_venue",
        r"Dates?\s*(?:and|&|/|,)\s*(?:Venue|Place|Location)s?|Venue\s*(?:and|&|/)\s*Dates?",
    ),
    (
        "title",
        r"Event\s+title|Title\s+of\s+(?:the\s+)?(?:event|activity)|Name\s+of\s+(?:the\s+)?(?:event|activity)",
    ),  # noqa: E501
    (
        "organizers",
        r"Co-?organi[sz]ers?|Organi[sz]ers?|Organi[sz]ed\s+by|Organi[sz]ing\s+(?:institutions?|entity|entities|partners|bodies|organi[sz]ations?)|Hosts?|Hosted\s+by|Convened\s+by|Convenors?|Conveners?",
    ),  # noqa: E501
    (
        "supporters",
        r"Supported\s+by|Sponsors?|Sponsored\s+by|Funded\s+by|Funding|Donors?|Partners?",
    ),
    (
        "participants",
        r"Participants|Participation|Attendees|Attendance|Participating\s+(?:States|countries|organi[sz]ations)|Invitees|Invited",
    ),  # noqa: E501
    ("date", r"(?:Start(?:ing)?\s+|Beginning\s+)?Dates?|When|Period"),
    ("end_date", r"End(?:ing)?\s+Date|Finish(?:ing)?\s+Date"),
    ("venue", r"Venue|Place|Location|Where"),
    ("poc", r"POCs?|Points?\s+of\s+contact|Contacts?|Contact\s+persons?|Contact\s+details"),
    (
        "other",
        r"Methodology|Format|Language|Agenda|Programme|Program|Documents|Registration|Logistics|Costs?|Reference|Ref\.?|Outcome|Objectives?|Purpose(?:\s+and\s+Objectives)?|Background",
    ),  # noqa: E501
    # last, so that "Event Venue" is a venue, not the title "Venue"
    ("title", r"Event|Title|Activity|Subject"),
]
# a label may name what it is about first: "Meeting Hosted By", "Event Venue", "Workshop Dates"
_ABOUT = r"(?:(?:Meeting|Event|Workshop|Seminar|Conference|Training|Course|Activity|Webinar)\s+)?"
LABELS = [(k, f"{_ABOUT}(?:{p})(?:\\(s\\))?") for k, p in LABELS]  # "Organizer(s)", "Host(s)"
_LABEL_ALT = "(?i:" + "|".join(f"(?P<{k}{i}>{p})" for i, (k, p) in enumerate(LABELS)) + ")"
_LABEL_ALT_CS = "|".join(f"(?P<{k}{i}>{p})" for i, (k, p) in enumerate(LABELS))
# a label at line start: followed by ':' or a tab, or (no colon) by a space and a capital/digit/quote
_LINE_LABEL = re.compile(
    rf"(?m)^[ \t]*(?:\d{{1,2}}\.[ \t]*)?(?:{_LABEL_ALT})[ \t]*(?::[ \t]*|\t[ \t]*|[ \t]+(?=[A-Z0-9\"'(])|$)"
)
_INLINE_LABEL = re.compile(rf"(?<=\s)(?:{_LABEL_ALT_CS})(?::\s*|\s+(?=[A-Z0-9\"'(]))")
SECTION = re.compile(
    r"(?im)^[ \t]*(?:\d{1,2}\.?[ \t]+|[IVX]{1,4}\.[ \t]+)?"
    r"(?:Background|Objectives?(?:\s+(?:of|for)\b[^\n]{0,60})?|Conference\s+Objectives|Purpose(?:\s+and\s+Objectives)?"
    r"|Highlights(?:\s+of\s+the\s+discussions?)?|Introduction|Summary|Chair'?s\s+summary[^\n]{0,60}"
    r"|Additional\s+comments?|Outcomes?|Results|Conclusions?|Recommendations|Follow-?up|Discussions?"
    r"|Overview|Programme|Agenda|Key\s+messages)[ \t]*:?[ \t]*$"
    r"|^[ \t]*\d{1,2}\.[ \t]+[A-Z][^\n]{0,80}$"
    r"|^[ \t]*\d{1,2}\.[ \t]*\((?:U|SBU|C|S|U//FOUO)\)"  # a cable's paragraph: "1. (U) Summary"
)
_FLAT_SECTION = re.compile(r"(?<=\s)\d{1,2}\.\s+(?=[A-Z][a-z])")
_FLAT_HEAD = re.compile(
    r"(?<=\s)(?:Background|Purpose\s+and\s+Objectives|Objectives|Methodology|Highlights|Introduction|Summary|"
    r"Conclusions|Additional\s+comments|Outcomes?|POCs?|Points?\s+of\s+contact)(?=:?\s+[-•*]?\s*[A-Z0-9\"'(])"
)

_QUAL = (
    r"(?:Other|Central\s+Asian?|UN|United\s+Nations|Member|Participating|International|Regional|"
    r"Sub-?regional|and|Observer|Non-?governmental|Governmental|Civil|Private|Donor|Partner|Invited|"
    r"Guest|Neighbou?ring|African|Asian|European|Caribbean|Latin\s+American|Arab|Pacific|Host|Expert|"
    r"Intergovernmental|Academic|Research)"
)
_HEAD = (
    r"(?:States|Countries|Organi[sz]ations|Expertise|Other|Others|Experts|Speakers|Observers|Entities|"
    r"Agencies|Institutions|Bodies|Participants|Society|Sector|Industry|Academia|NGOs|Donors|Partners|"
    r"Guests|Delegations|Organi[sz]ers|Presenters|Resource\s+persons|Country)"
)
_SUBLABEL = re.compile(
    rf"(?<![\w-])(?:(?:{_QUAL}\s+)*{_HEAD}(?:\s*(?:/|and|&)\s*(?:{_QUAL}\s+)*{_HEAD})*"
    rf"(?:\s*\([^():\n]{{0,60}}\))?|1540\s+Committee|Committee\s+members?)\s*:",
    re.I,
)
_TRAILING_DIGITS = re.compile(r"\d+$")
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_UNDERLINED = re.compile(r"[^\n]*\n[ \t]*(?:-{3,}|={3,}|_{3,})[ \t]*(?:\n|$)")


@dataclass(frozen=True)
class Field:
    kind: str
    label: str
    label_start: int
    start: int  # value start in the normalised text
    end: int  # value end


def _kind(m: re.Match[str]) -> str:
    return _TRAILING_DIGITS.sub("", m.lastgroup or "other")


_BY_LABEL = re.compile(r"(?i)\bby[ \t]*$")  # "Funded by" with no colon or tab


def segment(text: str) -> list[Field]:
    """Split the normalised text into labelled fields; a field runs to the next label or section."""
    hits: list[tuple[int, int, str, str]] = []  # label start, value start, kind, label
    for m in _LINE_LABEL.finditer(text):
        lab = m.group(m.lastgroup or 0) if m.lastgroup else m.group()
        if _STAMP.match(text, m.start() + len(m.group()) - len(m.group().lstrip())):
            continue
        if _BY_LABEL.search(m.group()):
            nl = text.find("\n", m.end())
            if _is_prose(text[m.start() : nl if nl >= 0 else len(text)]):
                continue  # a sentence, not a label: "Funded by Global Affairs Canada, the ..."
        hits.append((m.start(), m.end(), _kind(m), lab))
    flat = len(hits) < 2 and max(map(len, text.split("\n")), default=0) > 300
    if flat:
        inline = _inline_labels(text, hits)
        flat = bool(inline)
        hits = sorted(hits + inline)
    stops = [m.start() for m in SECTION.finditer(text)]
    if flat:
        stops += [m.start() for m in _FLAT_SECTION.finditer(text)]
        stops += [m.start() for m in _FLAT_HEAD.finditer(text)]
        stops.sort()
    fields: list[Field] = []
    for i, (ls, vs, kind, lab) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        for s in stops:
            if vs <= s < end and s != ls:
                end = s
                break
        if kind == "participants" or kind == "organizers" or kind == "supporters":
            end = _list_end(text, vs, end)
        elif kind in ("title", "date", "end_date", "venue", "date_venue") and not flat:
            # scalar fields end at a blank line unless the next line continues the phrase
            end = min(end, _scalar_end(text, vs, end))
            if kind != "title":  # ... and a date or a place at a line of prose
                end = _prose_line(text, vs, end)
            else:  # ... and a title in capitals at its first line that is not
                end = _caps_end(text, vs, end)
        fields.append(Field(kind, lab.strip(), ls, vs, max(vs, end)))
    return fields


def _inline_labels(
    text: str, hits: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Labels inside the lines of a note flattened onto long lines. Only a run of them counts:
    three kinds, or two with a colon after one. A lone capitalised word in a headline or a long paragraph
    ("Egypt to Host Workshop", "Hosted by Government of X") is not a header."""
    out: list[tuple[int, int, str, str]] = []
    seen: set[str] = set()
    first_section = next((m.start() for m in _FLAT_SECTION.finditer(text)), len(text))
    for m in _INLINE_LABEL.finditer(text, 0, first_section):
        k = _kind(m)
        if k in seen or k == "other" or (hits and m.start() < hits[-1][1]):
            continue
        if k == "title" and m.start() > 400:  # a title label opens the note
            continue
        seen.add(k)
        out.append((m.start(), m.end(), k, m.group(m.lastgroup or 0)))
    colon = any(":" in text[s:e] for s, e, _, _ in out)
    if len(seen) < (2 if colon else 3):
        return []
    return out


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _list_end(text: str, start: int, end: int) -> int:
    """A short list of names ends where a paragraph of prose starts after a blank line (the body
    of a web page under its "Hosted By:" line). A field whose own first paragraph is prose
    ("Around 30 participants are anticipated ...") keeps its later paragraphs. A list on one
    line ends at a line of prose right under it, too ("Hosted By: China, Laos" / "From 23 to
    25 October 2024, UNRCPD co-organized a regional workshop in ...")."""
    nl = text.find("\n", start, end)
    if nl > start and not _is_prose(text[start:nl]):
        end = _prose_line(text, start, end)
    first = _BLANK_LINE.search(text, start, end)
    if first is None or _is_prose(text[start : first.start()]):
        return end
    for m in _BLANK_LINE.finditer(text, start, end):
        nl = text.find("\n", m.end(), end)
        if _is_prose(text[m.end() : nl if nl >= 0 else end]):
            return m.start()
    return end


# a crawl's stamp ("date 2024-07-25"): the page's date, not the event's (loaders.dateline)
_STAMP = re.compile(r"date[ \t]+(?:19|20)\d\d-[01]\d-[0-3]\d\b")


def _prose_line(text: str, start: int, end: int) -> int:
    """Where the first line of prose after the first line of text[start:end] starts, else end."""
    nl = text.find("\n", start, end)
    while nl >= 0:
        nxt = text.find("\n", nl + 1, end)
        if _is_prose(text[nl + 1 : nxt if nxt >= 0 else end]):
            return nl
        nl = nxt
    return end


def _is_prose(line: str) -> bool:
    words = _WORD.findall(line)
    return len(line) >= 100 and sum(w[0].islower() for w in words) >= 0.4 * len(words)


def _caps_end(text: str, start: int, end: int) -> int:
    """Where a value written in capitals ("SUBJECT: RESULTS OF THE DOHA WORKSHOP / ON ...") stops
    being so: the start of its first line with a lower-case letter, else end."""
    first = text.find("\n", start, end)
    if first < 0 or not _in_capitals(text[start:first]):
        return end
    pos = first
    while pos < end:
        nxt = text.find("\n", pos + 1, end)
        line = text[pos + 1 : nxt if nxt >= 0 else end]
        if line.strip() and not _in_capitals(line):
            return pos
        if nxt < 0:
            break
        pos = nxt
    return end


def _in_capitals(line: str) -> bool:
    return line.isupper() and len(line.strip()) >= 3


def _scalar_end(text: str, start: int, end: int) -> int:
    """A scalar value may wrap over blank lines mid-phrase; it stops at a paragraph that starts anew."""
    pos = start
    while True:
        m = _BLANK_LINE.search(text, pos, end)
        if not m:
            return end
        before = text[start : m.start()].rstrip()
        nxt = text[m.end() : m.end() + 1]
        # continues when the previous part does not end a sentence and the next starts like a
        # continuation, but not an underlined heading
        if (
            before
            and not _UNDERLINED.match(text, m.end())
            and before[-1] not in ".:;!?)"
            and (nxt.islower() or nxt.isupper() or nxt.isdigit())
        ):
            if len(text[start : m.start()]) < 300:
                pos = m.end()
                continue
        return m.start()


def sublabels(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Sub-labels inside a participants field: (label start, value start, label text)."""
    out: list[tuple[int, int, str]] = []
    if text.find(":", start, end) < 0:  # every sub-label ends with a colon
        return out
    for m in _SUBLABEL.finditer(text, start, end):
        out.append((m.start(), m.end(), _WS.sub(" ", m.group()).rstrip(" :")))
    return out
