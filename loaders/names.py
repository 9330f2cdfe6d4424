"""Name resolution: States (alias table + pycountry, never fuzzy) and organisations (curated gazetteer,
longest match first, guarded fuzzy for long names only).

`scan(text)` finds every known name in a text with its span, longest match first and without overlaps
("Serbia Slovenia" gives two States; "Republic of Korea" inside "Democratic People's Republic of Korea" is
not KOR). `resolve(name)` resolves one free-standing name (exact, then fuzzy for organisations).
"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from ontology.iris import UNDECOMPOSED

__all__ = ["Entity", "Match", "demonym_state", "entities", "gazetteer", "resolve", "scan", "state"]

REFERENCE = Path(__file__).resolve().parent.parent / "ontology" / "reference"


@dataclass(frozen=True)
class Entity:
    id: str  # state/BLR, org/osce-cpc
    kind: str  # state|organization|agency
    label: str
    acronym: str | None = None
    iso3: str | None = None
    parent: str | None = None  # id of the parent entity
    seat_city: str | None = None
    seat_country: str | None = None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity: Entity


@functools.cache
def gazetteer() -> dict[str, Any]:
    with open(REFERENCE / "organizations.json", encoding="utf-8") as f:
        orgs: dict[str, Any] = json.load(f)
    with open(REFERENCE / "states.json", encoding="utf-8") as f:
        states: dict[str, Any] = json.load(f)
    return {"orgs": orgs["organizations"], "states": states}


def seat(entity: Entity) -> tuple[str, str | None] | None:
    """The city (and country) of the entity's seat, or of its nearest parent's that has one."""
    e: Entity | None = entity
    while e is not None:
        if e.seat_city:
            return e.seat_city, e.seat_country
        e = entities().get(e.parent) if e.parent else None
    return None


@functools.cache
def entities() -> dict[str, Entity]:
    """Every known entity by id."""
    from ontology.states import state_records

    out: dict[str, Entity] = {}
    for r in state_records():  # the labels the graph gives States (one table for both)
        iso3 = r["iso3"]
        out[f"state/{iso3}"] = Entity(id=f"state/{iso3}", kind="state", label=r["label"], iso3=iso3)
    for o in gazetteer()["orgs"]:
        seat = o.get("seat") or {}
        acr = o["acronyms"][0] if o.get("acronyms") else None
        parent = f"org/{o['parent']}" if o.get("parent") else None
        out[f"org/{o['slug']}"] = Entity(
            id=f"org/{o['slug']}",
            kind=o["kind"],
            label=o["name"],
            acronym=acr,
            iso3=o.get("iso3"),
            parent=parent,
            seat_city=seat.get("city"),
            seat_country=seat.get("country"),
        )
    return out


def ancestors(eid: str) -> list[str]:
    ents = entities()
    out: list[str] = []
    cur = ents.get(eid)
    while cur is not None and cur.parent and cur.parent not in out:
        out.append(cur.parent)
        cur = ents.get(cur.parent)
    return out


def state(iso3: str) -> Entity | None:
    return entities().get(f"state/{iso3}")


_TOK = re.compile(r"\w+|[^\w\s]")
_FOLD = {
    "organisation": "organization",
    "organisations": "organizations",
    "organise": "organize",
    "organised": "organized",
    "centre": "center",
    "centres": "centers",
    "defence": "defense",
    "programme": "program",
    "programmes": "programs",
    "&": "and",
    "’": "'",
    "‘": "'",
}
_CONTACT = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WS = re.compile(r"\s\s*")  # \s+, written to start with a class (the engine skips to it)
Trie = dict[str, Any]


def _tokens(text: str, fold: bool) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens with spans; hyphens and dashes dropped (so 'BWC-ISU' = 'BWC ISU');
    with `fold`, lower case and spelling variants folded ('Co-operation' = 'cooperation',
    'United Nations' = 'UN', '&' = 'and')."""
    out: list[tuple[str, int, int]] = []
    for m in _TOK.finditer(text):
        t, a, b = m.group(), m.start(), m.end()
        if t in "-–—":
            continue
        if fold:
            t = _FOLD.get(t.lower(), t.lower())
            if t == "cooperation":
                out += [("co", a, a + 2), ("operation", a + 2, b)]
                continue
            if t == "nations" and out and out[-1][0] == "united":
                out[-1] = ("un", out[-1][1], b)
                continue
        elif t in "’‘":
            t = "'"
        out.append((t, a, b))
    return out


def _insert(trie: Trie, toks: list[str], eid: str) -> None:
    node = trie
    for t in toks:
        node = node.setdefault(t, {})
    node.setdefault("\0", eid)


@functools.cache
def _tries() -> tuple[Trie, Trie]:
    """(folded names trie, case-sensitive acronyms trie) over token sequences."""
    import pycountry

    folded: Trie = {}
    exact: Trie = {}
    for name, iso3 in gazetteer()["states"]["aliases"].items():
        if name.isupper() or "." in name and len(name) <= 6:
            _insert(exact, [t for t, _, _ in _tokens(name, False)], f"state/{iso3}")
        else:
            _insert(folded, [t for t, _, _ in _tokens(name, True)], f"state/{iso3}")
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and len(v) > 3:
                toks = [t for t, _, _ in _tokens(v, True)]
                _insert(folded, toks[1:] if toks[0] == "the" else toks, f"state/{c.alpha_3}")
    for o in gazetteer()["orgs"]:
        oid = f"org/{o['slug']}"
        for a in [o["name"], *o.get("aliases", [])]:
            _insert(folded, [t for t, _, _ in _tokens(a, True)], oid)
        for a in o.get("acronyms", []):
            _insert(exact, [t for t, _, _ in _tokens(a, False)], oid)
    return folded, exact


_DASHES = frozenset("-–—")
_QUOTE_TOKENS = {"’": "'", "‘": "'"}
_TOK_SPLIT = re.compile(r"(\w+|[^\w\s])")  # split() gives whitespace, token, whitespace, ...
Tokens = tuple[list[str], list[int], list[int]]  # words, starts, ends


def _token_lists(text: str) -> tuple[Tokens, Tokens]:
    """`_tokens(text, True)` and `_tokens(text, False)` as (words, starts, ends) lists, built
    with few Python steps per token (this runs on every text scanned)."""
    parts = _TOK_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    toks, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    if not _DASHES.isdisjoint(toks):
        keep = [i for i, t in enumerate(toks) if t not in _DASHES]
        toks = [toks[i] for i in keep]
        starts = [starts[i] for i in keep]
        ends = [ends[i] for i in keep]
    exact = (
        [_QUOTE_TOKENS.get(t, t) for t in toks]
        if not _QUOTE_TOKENS.keys().isdisjoint(toks)
        else toks
    )
    fold_get = _FOLD.get
    folded = [fold_get(w, w) for w in map(str.lower, toks)]
    if "cooperation" not in folded and "nations" not in folded:
        return (folded, starts, ends), (exact, starts, ends)
    fw: list[str] = []
    fs: list[int] = []
    fe: list[int] = []
    prev = 0  # the words before the next special one are copied as they are
    for i in [i for i, f in enumerate(folded) if f == "cooperation" or f == "nations"]:
        fw += folded[prev:i]
        fs += starts[prev:i]
        fe += ends[prev:i]
        f, a, b = folded[i], starts[i], ends[i]
        if f == "cooperation":
            fw += ["co", "operation"]
            fs += [a, a + 2]
            fe += [a + 2, b]
        elif fw and fw[-1] == "united":
            fw[-1] = "un"
            fe[-1] = b
        else:
            fw.append(f)
            fs.append(a)
            fe.append(b)
        prev = i + 1
    fw += folded[prev:]
    fs += starts[prev:]
    fe += ends[prev:]
    return (fw, fs, fe), (exact, starts, ends)


def _all_matches(text: str) -> list[Match]:
    ents = entities()
    # e-mails and URLs (their alternatives need "@", and "http" or "www.")
    maybe_contact = "@" in text or "http" in text or "www." in text
    blocked = [m.span() for m in _CONTACT.finditer(text)] if maybe_contact else []
    found: list[Match] = []
    n_text = len(text)
    for trie, (words, starts, ends) in zip(_tries(), _token_lists(text), strict=True):
        n = len(words)
        for i in [i for i, w in enumerate(words) if w in trie]:  # most words start no name
            node = trie
            best: tuple[int, str] | None = None
            j = i
            # "\0" marks a name's end in the trie: a NUL character in the text is never a word of
            # a name (it would step into the name's id)
            while j < n and words[j] != "\0" and words[j] in node:
                node = node[words[j]]
                j += 1
                if "\0" in node:
                    best = (j, node["\0"])
            if best is None or best[1] not in ents:
                continue
            a, b = starts[i], ends[best[0] - 1]
            if blocked and any(a < y and x < b for x, y in blocked):
                continue
            if (
                a > 0
                and (text[a - 1].isalnum() or text[a - 1] in "@/")
                or b < n_text
                and (text[b].isalnum() or text[b] == "@")
            ):
                continue
            found.append(Match(a, b, ents[best[1]]))
    return found


def scan(text: str) -> list[Match]:
    """Known names in `text`, longest first, without overlaps, in text order."""
    cands = _all_matches(text)
    if len(cands) < 2:
        return cands
    cands.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Match] = []
    used = bytearray(len(text) + 1)  # characters already covered by a longer match
    for m in cands:
        if any(used[m.start : m.end]):
            continue
        used[m.start : m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken


def demonym_state(word: str) -> str | None:
    """'Lithuanian' -> 'LTU'."""
    dem: dict[str, str] = gazetteer()["states"]["demonyms"]
    return dem.get(word)


def fold(s: str) -> str:
    """A name's key for lookups: lower case, ASCII letters ("Łódź" and "Lodz" -> "lodz"), British
    and short spellings made one, punctuation to single spaces."""
    if not s.isascii():
        s = "".join(
            c
            for c in unicodedata.normalize("NFKD", s.translate(UNDECOMPOSED))
            if not unicodedata.combining(c)
        )
    s = s.lower().replace("&", " and ")
    for a, b in (
        ("organisation", "organization"),
        ("centre", "center"),
        ("co-operation", "cooperation"),
        ("defence", "defense"),
        ("programme", "program"),
        (" for ", " on "),
        ("united nations", "un"),
    ):
        s = s.replace(a, b)
    return _NON_ALNUM.sub(" ", s).strip()


def _fuzzy_scores(key: str) -> dict[str, float]:
    """Entity id -> its best `fuzz.ratio` against `key` over its long names, in table order of
    first score above 0 (entities scoring 0 are left out). One rapidfuzz call for the table."""
    from rapidfuzz import fuzz, process

    keys, eids = _fuzzy_lists()
    by_index = {i: sc for _, sc, i in process.extract(key, keys, scorer=fuzz.ratio, limit=None)}
    scores: dict[str, float] = {}
    for i, eid in enumerate(eids):
        sc = by_index.get(i, 0)
        if sc > scores.get(eid, 0):
            scores[eid] = sc
    return scores


@functools.cache
def _fuzzy_lists() -> tuple[list[str], list[str]]:
    table = _fuzzy_table()
    return list(table), list(table.values())


@functools.cache
def _fuzzy_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for o in gazetteer()["orgs"]:
        for a in o.get("aliases", []) + [o["name"]]:
            if len(a) >= 20:
                table.setdefault(fold(a), f"org/{o['slug']}")
    return table


@functools.lru_cache(maxsize=1 << 16)
def resolve(name: str) -> Entity | None:
    """Resolve one free-standing name; None when unknown. Never raises. (Cached: names recur
    across notes, and the fuzzy pass scores every long gazetteer name.)"""
    try:
        s = _WS.sub(" ", name).strip(" ,;:.-–")
        if not s:
            return None
        ms = scan(s)
        if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(s):
            return ms[0].entity
        if len(s) < 20:
            return None
        scores = _fuzzy_scores(fold(s))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 92 and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 5):
            if any(m.entity.id == ranked[0][0] for m in ms):
                return None  # "Arab Institute for Security Studies": a longer name, another body
            return entities()[ranked[0][0]]
        return None
    except Exception:  # the resolver must never break extraction
        return None
