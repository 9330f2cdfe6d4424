"""Names that stand in a sentence without being one of its event's actors: "on behalf of X",
"according to X", and in prose a State named as a place ("in Kenya"), as where a body named
before it is, as what a diplomat is accredited to, as a committee Chair's State, or as part of
the name of a thing ("the Iran Nuclear Deal"); and a State's name in another place's ("New
Mexico")."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re

from .guard import Guarded
from .mentions import Mention

__all__ = ["aside"]

# names that stand in a sentence without being one of its event's actors
_ON_PART = Guarded(  # ... and who a report cites: "According to Foreign Office, a team ..."
    re.compile(r"(?i)\b(?:on\s+(?:the\s+part|behalf)\s+of|according\s+to)\s+(?:the\s+)?$"),
    ("part", "behalf", "according"),
)
# a place's word: "St.", "D.C." but not a sentence's last ("in Accra. Burundi, Kenya and Togo")
_PLACE_WORD = r"[A-Z][\w'’.-]*(?<![^\W\d_]{4}\.)"
_PLACE_BEFORE = re.compile(
    rf"(?:(?:\b(?P<w>\w+)\s+)?\b(?P<p>in|at|to)\s+(?:{_PLACE_WORD}\s+){{0,2}}{_PLACE_WORD},\s*|"
    r"(?:\b(?P<w2>\w+)\s+)?\b(?P<p2>in|at|to)\s+(?:the\s+)?)$"
)
# ... but the State a visit or a mission goes to hosts it, and the State assistance goes to takes
# part ("visit to Moldova", "legal assistance to the Dominican Republic": cues.py)
_GOES_TO = frozenset("visit visits mission missions assistance advice".split())
# what a diplomat is accredited to: "Permanent Representative of Panama to the United Nations"
_ACCREDITED_TO = Guarded(
    re.compile(
        r"\b(?:Ambassador|Representative|Envoy|Observer|Consul|Embassy|Mission|Delegation)\s+"
        r"(?:of\s+(?:the\s+)?[A-Z][^,;:()]{1,60}?\s+)?to\s+(?:the\s+)?$"
    ),
    (
        "Ambassador",
        "Representative",
        "Envoy",
        "Observer",
        "Consul",
        "Embassy",
        "Mission",
        "Delegation",
    ),
)
# a committee's Chair speaks as its Chair, not for the State whose representative they are:
# "Chair of the 1540 Committee and Permanent Representative of Panama", and the other way round
_CHAIR_BEFORE = Guarded(
    re.compile(
        r"\bChair(?:man|person|woman)?\s+of\s+(?:the\s+)?[^,;()]{3,80}?\s+and\s+(?:the\s+)?"
        r"(?:Permanent\s+Representative|Ambassador)\s+of\s+(?:the\s+)?$"
    ),
    ("Chair",),
)
_CHAIR_AFTER = re.compile(
    r"\s+(?:to\s+the\s+United\s+Nations\s+)?(?:,\s*)?and\s+(?:the\s+)?(?:current\s+)?"
    r"Chair(?:man|person|woman)?\s+of\b"
)
_QUALIFIES = re.compile(r"[A-Z]\)\s*(?:of|in)\s+(?:the\s+)?$")
_PUBLIC_BODY = re.compile(
    r"\b(?:Ministry|Ministries|Government|Authority|Agency|Department|Secretariat|Directorate|"
    r"Service|Customs|Police|Commission|Committee|Council|Office|Inspectorate)\b"
)
# a State naming a thing, not acting: "the Iran Nuclear Deal", "the Korea Peninsula Question"
_NAMES_A_THING = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Deal|Agreement|Treaty|Accord|Protocol|Declaration|Crisis|"
    r"Question|Issue|Model|Case|Dossier|File)\b"
)
_BASED = re.compile(r"[-–]based\b")
_REPRESENTATIVE_OF = re.compile(r"(?:Permanent\s+Representative|Ambassador)\s+of\s+(?:the\s+)?$")


def aside(text: str, m: Mention, *, prose: bool) -> bool:
    """Whether a mention is not an actor of the event where it stands: "on behalf of X"; in
    prose also a State named as a place ("in Kenya", "visited Togo") or as where a body named
    before it is ("... (GTSC) of Singapore"), what a diplomat is accredited to, and the State
    of a committee's Chair, and a State naming a thing ("the Iran Nuclear Deal")."""
    before = text[max(0, m.start - 120) : m.start]
    if _ON_PART.search(before[-30:]):
        return True
    if before.endswith("New ") and m.entity is not None and m.entity.kind == "state":
        return True  # "Albuquerque, New Mexico": a place of another State
    if _BASED.match(text, m.end):
        return True  # "a South Africa-based research organisation": where a body is
    if not prose:
        return False
    if _ACCREDITED_TO.search(before):
        return True
    if m.entity is None or m.entity.kind != "state":
        return False
    q = _QUALIFIES.search(before, max(0, len(before) - 20))
    if q is not None:  # "the Global Trade Security Consulting (GTSC) of Singapore": where the
        # body is; but a public body of the State is the State's ("... Authority (NACW) of X")
        named = before[: q.start()]
        return not _PUBLIC_BODY.search(named[named.rfind(")") + 1 :])
    p = _PLACE_BEFORE.search(before[-40:])
    if p and not ((p["p"] or p["p2"]) == "to" and (p["w"] or p["w2"] or "").lower() in _GOES_TO):
        return True
    if _CHAIR_BEFORE.search(before):
        return True
    if _NAMES_A_THING.match(text, m.end):
        return True
    return bool(_REPRESENTATIVE_OF.search(before[-40:]) and _CHAIR_AFTER.match(text, m.end))
