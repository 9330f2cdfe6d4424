"""Unresolved candidates: which leftover text between actor mentions names a body.

`find_mentions` (mentions.py) matches the gazetteer, States and host phrases; the text left between
those matches is cut here into chunks, cleaned, and kept only where it looks like the name of a
body (a header list keeps any name-like chunk; prose keeps only chunks naming one with a head word:
Ministry, Agency, Centre...). People's titles, group phrases ("member States"), dates, e-mail
addresses and personal data are not names. No gazetteer here: resolving a kept name is the caller's.
"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re

__all__ = ["ORG_HEAD", "candidate_names", "overlaps"]

# the head word of a body's name: a leftover in prose is kept only with one
ORG_HEAD = re.compile(
    r"\b(?:Ministry|Ministries|Agency|Department|Division|Service|Office|Cent(?:re|er)s?|Institute|Committee|Commission|"
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
    "counsellor",
    "counselor",
    "chief",
    "envoy",
    "spokesperson",
    "spokesman",
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
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s*[-–]?\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}\b|\b(?:19|20)\d\d\b"
)
_NAME_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_GROUP_PHRASE = re.compile(
    r"(?i)\b(?:member\s+states|associate\s+members|one\s+(?:member|expert))\b"
)
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
# an event's or a resolution's name in a headline ("Regional Workshop on ...", "Resolution 1540")
_NOT_BODY = re.compile(
    r"\b(?:Workshops?|Seminars?|Webinars?|Conferences?|Symposium|Course|Training|Meeting|Roundtable|"
    r"Round\s+Table|Consultations?|Visit|Resolutions?)\b|\b[Rr]esolution\s+\d"
)
_LEAD_WORD = re.compile(
    r"(?i)^(?:(?:and|the|of|with|by|from|including|as well as|or|also|its|their|through|via)\s+)+"
)
# "Group of Experts that supports ...", "Institute for Security Studies in cooperation with"
_RELATIVE = re.compile(
    r"\s+(?:that|which|who|whose|where|in\s+(?:close\s+)?(?:cooperation|co-operation|collaboration|partnership)\s+with|with\s+the\s+support\s+of)\b"
)
_TRAIL_LOWER = re.compile(r"(?:\s+[a-z][\w'’-]*)+$")  # a name ends with a capitalised word
_LEAD_THE = re.compile(r"(?i)^(?:the|of)\s+")
_TRAIL_WORD = re.compile(r"(?i)\s+(?:and|the|of|or)$")
# a chunk ends at a line break, unless the line ends with a word that cannot end a name (a PDF
# column wraps "the Ministry of Foreign and / European Affairs")
_CHUNK = re.compile(
    r"\([^()]*\)|[^,;:\n\t()•|]+(?:(?:(?<= of)|(?<= and)|(?<= for)|(?<= on)|(?<= the))[ \t]*\n[^,;:\n\t()•|]+)*"
)
_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z0-9&/.-]{1,12}\s*\)")
_AND_SPLIT = re.compile(r"\s+(?:and|as well as)\s+(?:of\s+)?(?:the\s+)?(?=[A-Z])")
_CAP = re.compile(r"\b[A-Z]")
# a person named by rank ("the Ministry of Defence and General A. B. Banda"): not part of a body
_RANK = re.compile(
    r"(?:General|Gen\.|Colonel|Col\.|Major|Admiral|Commander|Captain|Mr|Ms|Mrs|Dr|Prof|Professor|H\.\s?E\.|"
    r"His|Her|Ambassador|Judge|Minister)\b"
)
# "Principal Secretary of the Ministry of X": the body, not the post
_POST_OF = re.compile(
    rf"(?i)^.*?\b(?:{'|'.join(sorted(_TITLES))})(?:[- ]general)?\s+(?:of|at|in)\s+(?:the\s+)?(?=[A-Z])"
)
# "Arms Control of the Serbian Foreign Ministry" (a post's field): the body after "of the"
_FIELD_OF = re.compile(
    r"^(?P<field>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})\s+of\s+the\s+(?=[A-Z])"
)
_OFFICE_PLACE = re.compile(r"\s*[-–—]\s*\w+(?:\s+\w+)?\s*$")
_LETTER = re.compile(r"[A-Za-z]")  # _looks_like_name needs a _NAME_WORD, which starts with one


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [a, b) overlaps any of the spans."""
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
    if _GROUP_PHRASE.search(chunk) or _NOT_BODY.search(chunk):
        return False
    if strict and not ORG_HEAD.search(chunk):
        return False
    return True


_BARE_ACRONYM = re.compile(r"(?:^|\s)[A-Z]{2,8}\s*$")  # "with JID and the Arab Institute for"
_INNER = frozenset(
    {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "&"}
)


def _and_parts(chunk: str) -> list[str]:
    """A chunk cut at each "and" after which a body or a person by rank is named: "Ministry of
    Health and of the Ministry of Trade and Industry" -> two, "JID and the Arab Institute" -> two;
    "Ministry of Economy and Commerce" stays one."""
    cuts = list(_AND_SPLIT.finditer(chunk))
    out: list[str] = []
    pos = 0
    for i, c in enumerate(cuts):
        nxt = cuts[i + 1].start() if i + 1 < len(cuts) else len(chunk)
        if c.group().rstrip().endswith("the") and not ORG_HEAD.search(chunk, c.end(), nxt):
            # "X Division and the Arms Control and Disarmament Division": the body after "and
            # the" runs to its head word, past an "and" inside its name
            nxt = next(
                (d.start() for d in cuts[i + 2 :] if ORG_HEAD.search(chunk, c.end(), d.start())),
                len(chunk),
            )
        part = chunk[c.end() : nxt]
        # a body's name may hold "and" ("China Arms Control and Disarmament Association"): cut
        # only between two bodies, or before a person by rank
        before = chunk[pos : c.start()]
        if (
            ORG_HEAD.search(part)
            and (ORG_HEAD.search(before) or _BARE_ACRONYM.search(before))
            or _RANK.match(part)
        ):
            out.append(chunk[pos : c.start()])
            pos = c.end()
    out.append(chunk[pos:])
    return out


def _trim_prose(name: str) -> str:
    """'brought together representatives of the Ministry of X' -> 'Ministry of X'; 'Roundtable
    Workshop with the Ministry of X' -> 'Ministry of X' (a name holds no other lower-case word)."""
    post = _POST_OF.match(name)
    if post and ORG_HEAD.search(name, post.end()):
        name = name[post.end() :]
    field = _FIELD_OF.match(name)
    if field and not ORG_HEAD.search(field.group("field")) and ORG_HEAD.search(name, field.end()):
        name = name[field.end() :]
    words = name.split(" ")
    cut = max((i for i, w in enumerate(words) if w[:1].islower() and w not in _INNER), default=-1)
    if 0 <= cut < len(words) - 1:
        words = words[cut + 1 :]
    while len(words) > 1 and (
        words[0][:1].islower()
        or words[0].lower() in _STOP
        or words[0].lower() in _TITLES
        or not any(c.isalnum() for c in words[0])  # "control – the Ministry of X"
    ):
        words.pop(0)
    return " ".join(words)


def _clean_chunk(s: str) -> str:
    s = _WS.sub(" ", s).strip(" \t\n,;:.-–—()[]\"'")
    s = _RELATIVE.split(s, maxsplit=1)[0]
    s = _TRAIL_LOWER.sub("", s)
    s = _LEAD_WORD.sub("", s)
    s = _LEAD_THE.sub("", s)
    s = _TRAIL_WORD.sub("", s)
    s = _POSSESSIVE.sub("", s)  # "the Malawi Revenue Authority's customs": the Authority
    return s.strip(" ,;:.-–—()[]\"'")


_POSSESSIVE = re.compile(r"['’]s$")


# a ministry named by a list of portfolios: "Ministry of Economy, Trade and Industry", "Ministry of
# Agriculture, Forestry and Fisheries" (no portfolio is itself a body: "Ministry of Defence,
# Customs and Police" are three)
_PORTFOLIO = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_PORTFOLIOS = re.compile(
    rf"\b(?:Ministry|Ministries|Department|Secretariat)\s+(?:of|for)\s+(?:the\s+)?{_PORTFOLIO}"
    rf"(?:,\s+{_PORTFOLIO})+,?\s+and\s+{_PORTFOLIO}"
)
_KEPT_COMMA = "\u201a"  # stands for a comma inside a name while the text is cut at commas


def _commas_kept(seg: str) -> str:
    """seg with the commas inside a ministry's list of portfolios replaced (same length)."""
    if "," not in seg or "Minist" not in seg and "Depart" not in seg and "Secretar" not in seg:
        return seg
    for m in _PORTFOLIOS.finditer(seg):
        head = m.group().split(",", 1)[0]
        rest = m.group()[len(head) :]
        if not ORG_HEAD.search(rest):
            seg = seg[: m.start()] + head + rest.replace(",", _KEPT_COMMA) + seg[m.end() :]
    return seg


def candidate_names(
    text: str,
    a: int,
    b: int,
    *,
    after_mention: bool,
    list_like: bool,
    skip: list[tuple[int, int]],
) -> list[tuple[int, str]]:
    """The names kept from the leftover text[a:b], each with where it starts in `text`, in order.
    `after_mention`: text[a:b] follows a mention; `list_like`: a header list (keep any name-like
    chunk), otherwise prose (keep only names of bodies); `skip`: spans of personal data."""
    out: list[tuple[int, str]] = []
    if b <= a:
        return out
    seg = text[a:b]
    if not _LETTER.search(seg):  # most gaps in a list (", ") hold no name: a name has a letter
        return out
    for part in _CHUNK.finditer(_commas_kept(seg)):
        ps, pe = a + part.start(), a + part.end()
        chunk = part.group().replace(_KEPT_COMMA, ",")
        paren = chunk.startswith("(")
        if paren and _ACRONYM.fullmatch(chunk):
            continue
        if paren:
            subs = [chunk[1:-1]]
        elif "and" in chunk or "as well as" in chunk:
            subs = _and_parts(chunk)
        else:
            subs = [chunk]
        if not list_like and _DATE.search(chunk):  # "the X Division in Islamabad on 4 May 2022"
            subs = [piece for sub in subs for piece in _DATE.split(sub)]
        for sub in subs:
            if not sub.strip():
                continue
            if not list_like and len(_CAP.findall(sub)) < 2:
                continue  # cleaning and trimming only drop capitals: too few for a prose name
            off = chunk.find(sub)
            s0 = ps + off
            cut = max((y for x, y in skip if x < s0 + len(sub) and s0 < y), default=s0)
            if s0 < cut < s0 + len(sub):  # "Mr. A. B, Director of the X Agency": the body after him
                sub, s0 = sub[cut - s0 :], cut
            name = _clean_chunk(sub)
            if not list_like:  # prose: the name is the capitalised run at the end of the chunk
                full, name = name, _trim_prose(name)
                # ... and a body named earlier in it ("partnered with the Polish Customs Agency
                # to hold the first Joint Field Operation workshop for")
                out.extend(_earlier_bodies(text, full, name, s0, pe, skip))
                if len(_CAP.findall(name)) < 2:
                    continue
            if not name or overlaps(s0, s0 + len(sub), skip) or _DATE.search(name) or "@" in name:
                continue
            # an office location after a dash ('UNODA – Vienna') is not an actor
            if _OFFICE_PLACE.match(sub) and after_mention:
                continue
            if not _looks_like_name(
                name, strict=not list_like or paren and not ORG_HEAD.search(name)
            ):
                continue
            ns = text.find(name, s0, pe + 1)
            if ns < 0 and "\n" in sub:  # a name wrapped over two lines
                wrapped = re.compile(r"\s+".join(map(re.escape, name.split(" "))))
                ns = m.start() if (m := wrapped.search(text, s0, pe + 1)) else -1
            if ns < 0:
                continue
            out.append((ns, name))
    return out


# a run of capitalised words, joined by the small words a name holds
_RUN = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and|for|on|de|du|des|la|le|al|&)\s+)*[A-Z][\w'’.-]*)*"
)


def _earlier_bodies(
    text: str, full: str, last: str, s0: int, pe: int, skip: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """The bodies a prose chunk names before its last capitalised run `last` (its end)."""
    out: list[tuple[int, str]] = []
    for r in _RUN.finditer(full, 0, len(full) - len(last)):
        name = _LEAD_THE.sub("", r.group()).strip()
        if len(_CAP.findall(name)) < 2 or not _looks_like_name(name, strict=True):
            continue
        ns = text.find(name, s0, pe + 1)
        if ns >= 0 and not overlaps(ns, ns + len(name), skip):
            out.append((ns, name))
    return out
