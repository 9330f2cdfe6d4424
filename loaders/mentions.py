"""Actor mentions in a span of the normalised text: gazetteer matches, host phrases, and the leftover
names between them (kept as unresolved candidates when they look like names of bodies, which
candidates.py decides); an unresolved body next to a State is merged into one agency name."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .acronyms import acronyms_rx, note_acronyms, unknown_acronyms
from .candidates import ORG_HEAD, candidate_names, overlaps
from .guard import Anchored, Guarded
from .names import Entity, ancestors, demonym_state, entities, resolve, scan
from .places import city_country

__all__ = ["Mention", "find_mentions", "personal_spans"]

HOST = Entity(id="@host", kind="state", label="host")

_HOST_RX = Guarded(
    re.compile(
        # not the verb: "to host a workshop", "will host the", "will host 44 people"
        r"(?i)(?<!\bwill\s)(?<!\bto\s)\b(?:the\s+)?host(?:\s+(?:country|state|government|nation))?\b"
        r"(?!\s+(?:of|to|for|a|an|the|this|its|their|our|\d+)\b)"
    ),
    ("host",),
)
_MODE_RX = re.compile(
    r"(?i)^\s*\((?:via|by|through)\s+video[- ]?(?:message|link|conference|statement)\)|"
    r"^\s*\((?:remotely|online|virtually|remote participation)\)"
)
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
# "CIS Member States", "EU countries", "OSCE participating States": a group phrase, not the body
_GROUP_AFTER = re.compile(
    r"(?i)(?:['’]s)?\s+(?:(?:member|participating|partner)\s+)?(?:states|countries|nations|members)\b"
)
# "States members of the OSCE", "member States of ASEAN": the States, not the body acting
_GROUP_BEFORE = re.compile(
    r"(?i)\b(?:(?:member|participating|partner)\s+(?:states|countries)|states\s+members)\s+of\s+(?:the\s+)?$"
)
# "Security Council resolution 1540", "the Council's 1540 Committee": the body named in another name
_NAMING_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Rr]esolutions?\b|\(?UNSCR\b|\d{4}\b|(Committee)\b)")
# "the Committee established pursuant to resolution 1540 (2004)" is the 1540 Committee
_COMMITTEE_OF = Guarded(
    re.compile(
        r"(?:the\s+)?(?:(?:United\s+Nations\s+|UN\s+)?Security\s+Council\s+)?Committee\s+established\s+(?:by|pursuant\s+to|under)\s+"
        r"(?:the\s+)?(?:(?:United\s+Nations|UN)\s+)?(?:Security\s+Council\s+)?[Rr]esolution\s+(\d{4})(?:\s*\(\s*\d{4}\s*\))?"
        r"(?:\s*\(\s*UNSCR\s+\d{4}\s*\))?"
    ),
    ("established",),
)
# "its Group of Experts", "the Group of Experts": the 1540 Committee's, in a note about it
_EXPERTS = Guarded(
    re.compile(r"(?:[Ii]ts\s+|the\s+Committee['’]s\s+)?Group\s+of\s+Experts\b"), ("Experts",)
)
_ACRONYM_NEXT = re.compile(r"\s*\(\s*")  # between a name and "(ACR)"
# "the X Division in Islamabad" (not a field office's name: "OSCE Programme Office in Bishkek")
_AT_CITY = re.compile(
    r"(?<!Office)(?<!Mission)(?<!Embassy)(?<!Consulate)(?<!Centre)(?<!Center)(?<!Presence)"
    r"(?<!Delegation)\s+(?:in|at)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)$"
)
_GOV = re.compile(
    r"(?i)\b(?:the\s+)?(?:Government|Permanent\s+Mission|Mission|Delegation|Embassy|Authorities)\s+of\s+(?:the\s+)?$"
)
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
_OPEN_GAP = re.compile(r"\s*\(?\s*")
_OF_GAP = re.compile(r"\)?\s*(?:\([^()]*\)\s*)?(?:of|in|within)\s+(?:the\s+)?")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s+")
_OF_IN_GAP = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
_OWN_STATE_GAP = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:of|in)\s+(?:the\s+)?")
_TO_GAP = re.compile(r"\s+to\s+(?:the\s+)?")
# an organisation's office in a country: "OSCE Office in Tajikistan", "Mission to Serbia"
_FIELD_OFFICE = r"(?:Office|Mission|Cent(?:re|er)|Co-?ordinator|Presence)"
_FIELD_OFFICE_GAP = re.compile(
    r"\s+(?:(?:Programme|Program|Project|Field|Regional|Liaison)\s+)?"
    + _FIELD_OFFICE
    + r"\s+(?:in|to|for)\s+(?:the\s+)?"
)
_FIELD_OFFICE_END = re.compile(_FIELD_OFFICE + r"$")


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity | None  # None: unresolved
    name: str  # as written (normalised whitespace)
    iso3: str | None = None  # for unresolved agencies: the State named in them
    mode: str | None = None
    part_of: str | None = None  # for unresolved units of a known body: its acronym or label


def personal_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of personal data (people's names, e-mails, phones, URLs): never actors."""
    out: list[tuple[int, int]] = []
    for rx in (_PERSON, _CONTACT):
        out.extend(m.span() for m in rx.finditer(text, start, end))
    return out


# a State's government by its adjective: "the Japanese Government", "the UK and Norwegian governments"
_GOV_WORD = re.compile(r"overnment|uthorities")
_DEMONYM_GOV = re.compile(
    r"\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+(?:[Gg]overnments?|[Aa]uthorities)\b"
)


def find_mentions(text: str, start: int, end: int, *, list_like: bool) -> list[Mention]:
    """Mentions of actors in text[start:end]. `list_like`: a header list (keep any name-like leftover);
    otherwise prose (keep only leftovers that name a body: Ministry, Agency, Centre...)."""
    seg = text[start:end]
    skip = personal_spans(text, start, end)
    raw = []
    for m in scan(seg):
        if overlaps(m.start + start, m.end + start, skip):
            continue
        if (
            m.entity.kind != "state"
            and (
                (n := _NAMING_AFTER.match(seg, m.end)) is not None
                # "the Arab League's Committee of Senior Officials": the League's own committee
                and (n.group(1) is None or m.entity.id in ("org/unsc", "org/un"))
                or _GROUP_BEFORE.search(seg[max(0, m.start - 40) : m.start])
                # its acronym: "member States of the Name (ACR)"
                or bool(skip)
                and seg[skip[-1][1] - start : m.start].strip() == "("
            )
        ):
            skip.append((m.start + start, m.end + start))  # nor is the text around it a name
            continue
        if m.entity.kind != "state" and (
            _GROUP_AFTER.match(seg, m.end) or _in_longer_name(seg, m.start, m.end, m.entity)
        ):
            continue
        raw.append(m)
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
    govs = _DEMONYM_GOV.finditer(text, start, end) if _GOV_WORD.search(seg) else ()
    for g in govs:  # "the South African Government"
        words = g.group(1).split()
        iso = demonym_state(" ".join(words)) or demonym_state(words[-1])
        ent = entities().get(f"state/{iso}") if iso else None
        if ent is not None and not any(g.start() < m.end and m.start < g.end() for m in ms):
            ms.append(Mention(g.start(1), g.end(), ent, _WS.sub(" ", g.group())))
    for c in _COMMITTEE_OF.finditer(text, start, end):
        ent = resolve(f"{c.group(1)} Committee")
        if ent is not None:
            ms = [m for m in ms if not (c.start() < m.end and m.start < c.end())]
            ms.append(Mention(c.start(), c.end(), ent, _WS.sub(" ", c.group())))
    if "1540" in text:
        goe = resolve("1540 Group of Experts")
        for g in _EXPERTS.finditer(text, start, end):
            if goe is not None and not any(g.start() < m.end and m.start < g.end() for m in ms):
                ms.append(Mention(g.start(), g.end(), goe, _WS.sub(" ", g.group())))
    local = note_acronyms(text)
    for acr in _standing_alone(text, start, end, local, ms):
        ms.append(Mention(acr.start(), acr.end(), local[acr.group()], acr.group()))
    ms.sort(key=lambda m: m.start)
    ms = _absorb(text, ms)
    # leftovers between mentions
    defined = unknown_acronyms(text)
    out: list[Mention] = []
    pos = start
    bounds = [(m.start, m.end) for m in ms] + [(end, end)]
    for i, (a, b) in enumerate(bounds):
        nxt = ms[i] if i < len(ms) else None
        for ns, name in candidate_names(
            text, pos, a, after_mention=i > 0, list_like=list_like, skip=skip
        ):
            ent = resolve(name)
            if ent is None and (at := _AT_CITY.search(name)) and city_country(at.group(1)):
                name = name[: at.start()]  # "the X Division in Islamabad": the body, not where
                ent = resolve(name)
            if ent is None and nxt is not None and _ACRONYM_NEXT.fullmatch(text, ns + len(name), a):
                # "The U.N. Regional Centre for Peace and Disarmament (UNREC)": a variant of the
                # name the known acronym stands for
                nxt.start, nxt.name = ns, _WS.sub(" ", text[ns : nxt.end])
                continue
            end_at = ns + len(name)
            if ent is None and name in defined:  # "JID", which the note defined
                name = defined[name]
            out.append(Mention(ns, end_at, ent, name, iso3=_state_in(name)))
        if nxt is not None:
            mm = _MODE_RX.match(text, nxt.end, end)
            if mm:
                nxt.mode = "remote"
            out.append(nxt)
        pos = max(pos, b)
    out.extend(_unknown_acronyms(text, start, end, out))
    # merge "State + body" into one agency name ("Poland Border Service" when not curated)
    return _merge_agencies(text, sorted(out, key=lambda m: m.start))


# "Arab Institute for Security Studies (ACSIS)": a known name inside a longer one, whose acronym
# is not the known body's
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+\Z")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z-]{1,9})\)")
_NOT_NAME_WORDS = frozenset(
    "The A An This That Its Their Our In At By With And From For Of On To As".split()
)


def _in_longer_name(seg: str, start: int, end: int, entity: Entity) -> bool:
    acr = _ACRONYM_AFTER.match(seg, end)  # (the rarer, so the first, test)
    if acr is None or resolve(acr.group(1)) is entity:
        return False
    w = _WORD_BEFORE.search(seg, max(0, start - 30), start)
    return w is not None and w.group(1) not in _NOT_NAME_WORDS and resolve(w.group(1)) is None


def _unknown_acronyms(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """The acronyms the note defines for names the gazetteer lacks ("the Security Sector
    Program (SSP)"), where they stand alone in text[start:end]: mentions of the same name."""
    defined = unknown_acronyms(text)
    out = []
    for acr in _standing_alone(text, start, end, defined, found):
        name = defined[acr.group()]
        out.append(Mention(acr.start(), acr.end(), None, name, iso3=_state_in(name)))
    return out


def _standing_alone(
    text: str, start: int, end: int, acronyms: Mapping[str, object], found: list[Mention]
) -> list[re.Match[str]]:
    """Where the acronyms stand in text[start:end] on their own: not where they are defined
    ("(SSP)") and not inside a mention already found."""
    if not acronyms:
        return []
    return [
        a
        for a in acronyms_rx(tuple(acronyms)).finditer(text, start, end)
        if text[a.start() - 1 : a.start()] != "("
        and not any(a.start() < m.end and m.start < a.end() for m in found)
    ]


def _absorb(text: str, ms: list[Mention]) -> list[Mention]:
    """'CPC of the Secretariat of the OSCE' and 'the ISU of the BWC' are one mention of the
    sub-unit; 'Name (ACR)' is one mention."""
    out: list[Mention] = []
    for m in ms:
        last = out[-1] if out else None
        if last is not None and m.entity is not None and last.entity is not None:
            gap = text[last.end : m.start]
            same = m.entity.id == last.entity.id
            is_open = _OPEN_GAP.fullmatch(gap) is not None
            if (
                (same and is_open)
                or (is_open and last.entity.kind != "state" or _OF_GAP.fullmatch(gap))
                and _serves(last.entity, m.entity)
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


@functools.lru_cache(maxsize=1 << 12)
def _serves(unit: Entity, body: Entity) -> bool:
    """Whether `body` is a parent of `unit`, or what the unit's own name says it serves ("the
    ISU of the BWC")."""
    return body.id in _ancestor_set(unit.id) or (
        body.acronym is not None and body.acronym in unit.label.split()
    )


@functools.lru_cache(maxsize=1 << 12)  # asked for every pair of neighbouring mentions
def _ancestor_set(eid: str) -> frozenset[str]:
    return frozenset(ancestors(eid))


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
    """Neighbouring mentions that name one body: "Togo's Ministry of Health", "OSCE Programme
    Office" (a unit of a known organisation), "Ministry of Health of Togo", "OSCE Office in
    Tajikistan". A merged mention is compared with the next one again, so "OSCE Project
    Co-ordinator" + "in Uzbekistan" is one unit too."""
    out: list[Mention] = []
    for n in ms:
        m = out[-1] if out else None
        merged = None if m is None else _merged(text, m, n)
        if merged is None:
            out.append(n)
        else:
            out[-1] = merged
    return out


def _merged(text: str, m: Mention, n: Mention) -> Mention | None:
    gap = text[m.end : n.start]
    me, ne = m.entity, n.entity
    if me is not None and ne is not None and me.iso3 and me.iso3 == ne.iso3:
        # a known agency named with its own State: "U.S. EXBS", "BAFA of Germany"
        if me.kind == "state" and ne.kind == "agency" and _POSSESSIVE_GAP.fullmatch(gap):
            return Mention(m.start, n.end, ne, n.name, mode=n.mode)
        if me.kind == "agency" and ne.kind == "state" and _OWN_STATE_GAP.fullmatch(gap):
            return Mention(m.start, n.end, me, m.name, mode=m.mode)
    if me is not None and me.kind == "state" and ne is None:
        if _POSSESSIVE_GAP.fullmatch(gap) and ORG_HEAD.search(n.name):
            return Mention(m.start, n.end, None, _WS.sub(" ", text[m.start : n.end]), iso3=me.iso3)
        return None
    if me is not None and me.kind == "organization":
        parent = me.acronym or me.label
        if ne is None and n.start > m.end and gap.isspace() and ORG_HEAD.search(n.name):
            # "OSCE Programme Office in Bishkek": a unit of the OSCE the gazetteer does not know
            name = _WS.sub(" ", text[m.start : n.end])
            return Mention(m.start, n.end, None, name, iso3=n.iso3, part_of=parent)
        if ne is not None and ne.kind == "state" and _FIELD_OFFICE_GAP.fullmatch(gap):
            # "OSCE Office in Tajikistan", "OSCE Mission to Serbia": the organisation's, not the
            # State's; the State is kept as where the unit is
            name = _WS.sub(" ", text[m.start : n.end])
            return Mention(m.start, n.end, None, name, iso3=ne.iso3, part_of=parent)
        return None
    if me is None and ne is not None and ne.kind == "state" and ORG_HEAD.search(m.name):
        unit = m.part_of is not None and _FIELD_OFFICE_END.search(m.name)
        if _OF_IN_GAP.fullmatch(gap) or (unit and _TO_GAP.fullmatch(gap)):
            name = _WS.sub(" ", text[m.start : n.end])
            return Mention(m.start, n.end, None, name, iso3=ne.iso3, part_of=m.part_of)
    return None
