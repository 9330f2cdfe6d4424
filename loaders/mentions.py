"""Actor mentions in a span of the normalised text: gazetteer matches, host phrases, and the leftover
names between them (kept as unresolved candidates when they look like names of bodies)."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .guard import Anchored, Guarded
from .names import Entity, ancestors, demonym_state, resolve, scan

__all__ = ["Mention", "find_mentions", "personal_spans"]

HOST = Entity(id="@host", kind="state", label="host")

_HOST_RX = Guarded(
    re.compile(
        r"(?i)\b(?:the\s+)?host(?:\s+(?:country|state|government|nation))?\b(?!\s+(?:of|to|for)\b)"
    ),
    ("host",),
)
_MODE_RX = re.compile(
    r"(?i)^\s*\((?:via|by|through)\s+video[- ]?(?:message|link|conference|statement)\)|"
    r"^\s*\((?:remotely|online|virtually|remote participation)\)"
)
_ORG_HEAD = re.compile(
    r"\b(?:Ministry|Ministries|Agency|Department|Service|Office|Cent(?:re|er)s?|Institute|Committee|Commission|"
    r"Council|Authority|Organi[sz]ation|Bureau|University|Programme|Program|Initiative|Network|Unit|Police|"
    r"Guard|Customs|Forces|Command|Academy|Association|Foundation|Secretariat|Directorate|Administration|"
    r"Laboratory|Forum|Union|Community|Federation|Court|Parliament|Assembly|Inspectorate|Agency|Corporation|"
    r"Company|College|School|Society|Group|Board|Army|Navy|Coast\s+Guard|Task\s+Force|"
    r"Regulatory|Institution|Chamber|Project|Partnership|Fund|Bank)\b"
)
_TITLES = {
    "coordinator",
    "director",
    "chair",
    "chairman",
    "chairperson",
    "officer",
    "minister",
    "ambassador",
    "head",
    "adviser",
    "advisor",
    "expert",
    "experts",
    "representative",
    "representatives",
    "secretary",
    "president",
    "member",
    "members",
    "deputy",
    "manager",
    "specialist",
    "coordinators",
    "vice-chair",
    "officials",
    "official",
    "staff",
    "delegate",
    "delegates",
    "participants",
    "speaker",
    "speakers",
    "observers",
    "observer",
}
_GROUP = re.compile(
    r"(?i)\b(?:member\s+states|associate\s+members?|observers?|participants?|states?|countries|"
    r"one\s+member|one\s+expert|officials?|experts?|representatives?|delegations?|delegates?|"
    r"partners\s+for\s+co-?operation|nations|governments?|region|others?)\b"
)
_STOP = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "with",
    "by",
    "from",
    "in",
    "on",
    "for",
    "to",
    "as",
    "well",
    "government",
    "also",
    "including",
    "its",
    "their",
    "other",
    "at",
    "each",
    "all",
    "both",
    "support",
    "cooperation",
    "co-operation",
    "organisation",
    "organization",
    "republic",
    "office",
    "mr",
    "ms",
    "mrs",
    "dr",
    "via",
    "such",
    "between",
    "among",
    "amongst",
    "through",
    "under",
    "part",
    "addition",
    "in addition",
    "will",
    "be",
    "was",
    "were",
    "is",
    "are",
    "this",
    "that",
    "these",
    "those",
    "following",
    "e.g",
    "i.e",
    "etc",
    "or",
    "nor",
    "which",
    "who",
    "whom",
    "apart",
    "above",
    "mentioned",
    "here",
    "there",
    "it",
    "they",
    "he",
    "she",
}
_PERSON = Anchored(
    re.compile(
        r"\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E|Amb|Col|Gen|Lt|Maj|Capt)\.?\s+(?:[A-Z][\w'’-]+\s*){1,4}"
    ),
    ("Mr", "Ms", "Dr", "Prof", "H.E", "Amb", "Col", "Gen", "Lt", "Maj", "Capt"),
)
_CONTACT = Guarded(
    re.compile(
        # each alternative starts only where its token starts (look-behinds), so a long run of
        # letters or digits is scanned once, not once per position (which was quadratic)
        r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|<[^>]*>|"
        r"(?<![\d\s()./+-])(?:\+\s*)?\(?\d[\d\s()./-]{6,}\d|\b(?:Tel|Fax|Phone|E-?mail)\.?\s*:?"
    ),
    ("@", "http", "www.", "<", "Tel", "Fax", "Phone", "E-mail", "Email"),
    re.compile(r"\d[\d\s()./-]{6,}\d"),
)


_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s*[-–]?\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}\b|\b(?:19|20)\d\d\b"
)
# "CIS Member States", "EU countries", "OSCE participating States": a group phrase, not the body
_GROUP_AFTER = re.compile(
    r"(?i)(?:['’]s)?\s+(?:(?:member|participating|partner)\s+)?(?:states|countries|nations|members)\b"
)
_GOV = re.compile(
    r"(?i)\b(?:the\s+)?(?:Government|Permanent\s+Mission|Mission|Delegation|Embassy|Authorities)\s+of\s+(?:the\s+)?$"
)
_NAME_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_GROUP_PHRASE = re.compile(
    r"(?i)\b(?:member\s+states|associate\s+members|one\s+(?:member|expert))\b"
)
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
_LEAD_WORD = re.compile(r"(?i)^(?:and|the|of|with|by|from|including|as well as|or|also|its)\s+")
_LEAD_THE = re.compile(r"(?i)^(?:the|of)\s+")
_TRAIL_WORD = re.compile(r"(?i)\s+(?:and|the|of|or)$")
_OPEN_GAP = re.compile(r"\s*\(?\s*")
_OF_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:of|in|within)\s+(?:the\s+)?")
_CHUNK = re.compile(r"\([^()]*\)|[^,;:\n\t()]+")
_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z0-9&/.-]{1,12}\s*\)")
_AND_SPLIT = re.compile(r"\s+(?:and|as well as)\s+(?:the\s+)?(?=[A-Z])")
_CAP = re.compile(r"\b[A-Z]")
_OFFICE_PLACE = re.compile(r"\s*[-–—]\s*\w+(?:\s+\w+)?\s*$")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s+")
_OF_IN_GAP = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
_LETTER = re.compile(r"[A-Za-z]")  # _looks_like_name needs a _NAME_WORD, which starts with one


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity | None  # None: unresolved
    name: str  # as written (normalised whitespace)
    iso3: str | None = None  # for unresolved agencies: the State named in them
    mode: str | None = None


def personal_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of personal data (people's names, e-mails, phones, URLs): never actors."""
    out: list[tuple[int, int]] = []
    for rx in (_PERSON, _CONTACT):
        out.extend(m.span() for m in rx.finditer(text, start, end))
    return out


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _looks_like_name(chunk: str, strict: bool) -> bool:
    words = _NAME_WORD.findall(chunk)
    content = [w for w in words if w.lower().strip(".") not in _STOP]
    if not content or len(words) > 14:
        return False
    if words[-1].lower() in _TITLES or words[0].lower() in _TITLES:
        return False
    caps = [w for w in content if w[0].isupper() or w.isupper()]
    if len(caps) < max(1, (len(content) + 1) // 2) or not (
        words[0][0].isupper() or words[0].lower() in _STOP
    ):
        return False
    if _GROUP.fullmatch(" ".join(content)) or all(_GROUP.fullmatch(w) for w in content):
        return False
    if _GROUP_PHRASE.search(chunk):
        return False
    if strict and not _ORG_HEAD.search(chunk):
        return False
    return True


def _trim_prose(name: str) -> str:
    """'brought together representatives of the Ministry of X' -> 'Ministry of X'."""
    words = name.split(" ")
    while len(words) > 1 and (
        words[0][:1].islower() or words[0].lower() in _STOP or words[0].lower() in _TITLES
    ):
        words.pop(0)
    return " ".join(words)


def _clean_chunk(s: str) -> str:
    s = _WS.sub(" ", s).strip(" \t\n,;:.-–—()[]\"'")
    s = _LEAD_WORD.sub("", s)
    s = _LEAD_THE.sub("", s)
    s = _TRAIL_WORD.sub("", s)
    return s.strip(" ,;:.-–—()[]\"'")


def find_mentions(text: str, start: int, end: int, *, list_like: bool) -> list[Mention]:
    """Mentions of actors in text[start:end]. `list_like`: a header list (keep any name-like leftover);
    otherwise prose (keep only leftovers that name a body: Ministry, Agency, Centre...)."""
    seg = text[start:end]
    skip = personal_spans(text, start, end)
    raw = [
        m
        for m in scan(seg)
        if not _inside(m.start + start, m.end + start, skip)
        and not (m.entity.kind != "state" and _GROUP_AFTER.match(seg, m.end))
    ]
    ms: list[Mention] = []
    for m in raw:
        if m.entity.kind == "state":
            g = _GOV.search(text, max(start, m.start + start - 40), m.start + start)
            if g:
                ms.append(
                    Mention(
                        g.start(),
                        m.end + start,
                        m.entity,
                        _WS.sub(" ", text[g.start() : m.end + start]),
                    )
                )
                continue
        ms.append(
            Mention(m.start + start, m.end + start, m.entity, _WS.sub(" ", seg[m.start : m.end]))
        )
    for h in _HOST_RX.finditer(text, start, end):
        if not any(h.start() < m.end and m.start < h.end() for m in ms):
            ms.append(Mention(h.start(), h.end(), HOST, _WS.sub(" ", h.group())))
    ms.sort(key=lambda m: m.start)
    ms = _absorb(text, ms)
    # leftovers between mentions
    out: list[Mention] = []
    pos = start
    bounds = [(m.start, m.end) for m in ms] + [(end, end)]
    for i, (a, b) in enumerate(bounds):
        gap = text[pos:a]
        prev = ms[i - 1] if i > 0 else None
        nxt = ms[i] if i < len(ms) else None
        out.extend(_leftovers(text, pos, a, prev, nxt, list_like, skip))
        if nxt is not None:
            mm = _MODE_RX.match(text, nxt.end, end)
            if mm:
                nxt.mode = "remote"
            out.append(nxt)
        pos = max(pos, b)
        del gap
    # merge "State + body" into one agency name ("Poland Border Service" when not curated)
    return _merge_agencies(text, sorted(out, key=lambda m: m.start))


def _absorb(text: str, ms: list[Mention]) -> list[Mention]:
    """'CPC of the Secretariat of the OSCE' is one mention of the sub-unit; 'Name (ACR)' is one mention."""
    out: list[Mention] = []
    for m in ms:
        last = out[-1] if out else None
        if last is not None and m.entity is not None and last.entity is not None:
            gap = text[last.end : m.start]
            same = m.entity.id == last.entity.id
            parent = m.entity.id in _ancestor_set(last.entity.id)
            if (
                (same and _OPEN_GAP.fullmatch(gap))
                or (parent and _OF_GAP.fullmatch(gap))
                or (parent and _OPEN_GAP.fullmatch(gap) and last.entity.kind != "state")
            ):
                close = text.find(")", m.end, m.end + 2)
                last.end = (
                    close + 1
                    if close != -1 and text[m.end : close].strip() == "" and "(" in gap
                    else m.end
                )
                continue
        out.append(m)
    return out


@functools.lru_cache(maxsize=1 << 12)  # asked for every pair of neighbouring mentions
def _ancestor_set(eid: str) -> frozenset[str]:
    return frozenset(ancestors(eid))


def _leftovers(
    text: str,
    a: int,
    b: int,
    prev: Mention | None,
    nxt: Mention | None,
    list_like: bool,
    skip: list[tuple[int, int]],
) -> list[Mention]:
    out: list[Mention] = []
    if b <= a:
        return out
    seg = text[a:b]
    if not _LETTER.search(seg):  # most gaps in a list (", ") hold no name: a name has a letter
        return out
    for part in _CHUNK.finditer(seg):
        ps, pe = a + part.start(), a + part.end()
        chunk = part.group()
        paren = chunk.startswith("(")
        if paren and _ACRONYM.fullmatch(chunk):
            continue
        if paren:
            subs = [chunk[1:-1]]
        elif "and" in chunk or "as well as" in chunk:
            subs = _AND_SPLIT.split(chunk)
        else:
            subs = [chunk]
        for sub in subs:
            if not sub.strip():
                continue
            if not list_like and len(_CAP.findall(sub)) < 2:
                continue  # cleaning and trimming only drop capitals: too few for a prose name
            off = chunk.find(sub)
            s0 = ps + off
            name = _clean_chunk(sub)
            if not list_like:  # prose: the name is the capitalised run at the end of the chunk
                name = _trim_prose(name)
                if len(_CAP.findall(name)) < 2:
                    continue
            if not name or _inside(s0, s0 + len(sub), skip) or _DATE.search(name) or "@" in name:
                continue
            # an office location after a dash ('UNODA – Vienna') is not an actor
            if _OFFICE_PLACE.match(sub) and prev is not None:
                continue
            if not _looks_like_name(
                name, strict=not list_like or paren and not _ORG_HEAD.search(name)
            ):
                continue
            ns = text.find(name, s0, pe + 1)
            if ns < 0:
                continue
            ent = resolve(name)
            out.append(Mention(ns, ns + len(name), ent, name, iso3=_state_in(name)))
    del nxt
    return out


@functools.lru_cache(maxsize=1 << 14)
def _state_in(name: str) -> str | None:
    words = name.split()
    if words:
        iso = demonym_state(words[0])
        if iso:
            return iso
    for m in scan(name):
        if m.entity.kind == "state":
            return m.entity.iso3
    return None


def _merge_agencies(text: str, ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        n = ms[i + 1] if i + 1 < len(ms) else None
        if (
            n is not None
            and m.entity is not None
            and m.entity.kind == "state"
            and n.entity is None
            and _POSSESSIVE_GAP.fullmatch(text[m.end : n.start])
            and _ORG_HEAD.search(n.name)
        ):
            name = _WS.sub(" ", text[m.start : n.end])
            out.append(Mention(m.start, n.end, None, name, iso3=m.entity.iso3))
            i += 2
            continue
        if (
            n is not None
            and m.entity is None
            and n.entity is not None
            and n.entity.kind == "state"
            and _OF_IN_GAP.fullmatch(text[m.end : n.start])
            and _ORG_HEAD.search(m.name)
        ):
            name = _WS.sub(" ", text[m.start : n.end])
            out.append(Mention(m.start, n.end, None, name, iso3=n.entity.iso3))
            i += 2
            continue
        out.append(m)
        i += 1
    return out
