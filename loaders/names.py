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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@functools.cache
def entities() -> dict[str, Entity]:
    """Every known entity by id."""
    import pycountry

    out: dict[str, Entity] = {}
    for c in pycountry.countries:
        label = getattr(c, "common_name", None) or c.name
        if "," in label:
            label = getattr(c, "official_name", None) or label
        out[f"state/{c.alpha_3}"] = Entity(id=f"state/{c.alpha_3}", kind="state", label=label, iso3=c.alpha_3)
    for o in gazetteer()["orgs"]:
        seat = o.get("seat") or {}
        acr = o["acronyms"][0] if o.get("acronyms") else None
        parent = f"org/{o['parent']}" if o.get("parent") else None
        out[f"org/{o['slug']}"] = Entity(
            id=f"org/{o['slug']}", kind=o["kind"], label=o["name"], acronym=acr,
            iso3=o.get("iso3"), parent=parent, seat_city=seat.get("city"),
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


_FOLDS: list[tuple[str, str]] = [
    (r"organi[sz]ation", "organi[sz]ation"),
    (r"organi[sz]e", "organi[sz]e"),
    (r"cent(?:re|er)", "cent(?:re|er)"),
    (r"co-?operation", "co-?operation"),
    (r"defen[cs]e", "defen[cs]e"),
    (r"programme|program", "program(?:me)?"),
    (r"united nations|un", "(?:united\\s+nations|un)"),
    (r"and|&", "(?:and|&)"),
]


def _pattern(name: str, fold: bool) -> str:
    """A regex for a name: flexible whitespace, straight/curly apostrophes, optional folding."""
    tokens = re.findall(r"\w+|[^\w\s]", name.lower() if fold else name)
    parts: list[str] = []
    for tok in tokens:
        p = re.escape(tok)
        if tok in ("'", "’"):
            p = "['’]"
        elif tok == "-":
            p = "[-–]?"
        elif fold:
            for src, dst in _FOLDS:
                if re.fullmatch(src, tok):
                    p = dst
                    break
        parts.append(p)
    out = ""
    for i, p in enumerate(parts):
        if i:
            prev, cur = tokens[i - 1], tokens[i]
            if prev in "-'’" or cur in "-'’.,)" or prev == "(":
                out += r"\s*"
            elif re.match(r"\w", prev) and re.match(r"\w", cur) or cur in "(&" or prev in "&,":
                out += r"\s+"
            else:
                out += r"\s*"
        out += p
    return out


@functools.cache
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    """(case-insensitive names regex, case-sensitive acronyms regex, key->id maps)."""
    import pycountry

    folded: dict[str, str] = {}  # lowercase surface -> id (case-insensitive)
    exact: dict[str, str] = {}  # acronym surface -> id (case-sensitive)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and len(v) > 3:
                folded.setdefault(v.lower().removeprefix("the "), f"state/{c.alpha_3}")
    for name, iso3 in gazetteer()["states"]["aliases"].items():
        if name.isupper() or "." in name and len(name) <= 6:
            exact[name] = f"state/{iso3}"
        else:
            folded[name.lower()] = f"state/{iso3}"
    for o in gazetteer()["orgs"]:
        oid = f"org/{o['slug']}"
        for a in o.get("aliases", []) + [o["name"]]:
            folded.setdefault(a.lower(), oid)
        for a in o.get("acronyms", []):
            exact[a] = oid
    fkeys = sorted(folded, key=len, reverse=True)
    ekeys = sorted(exact, key=len, reverse=True)
    fpat = "|".join(f"(?P<f{i}>{_pattern(k, True)})" for i, k in enumerate(fkeys))
    epat = "|".join(f"(?P<e{i}>{_pattern(k, False)})" for i, k in enumerate(ekeys))
    frx = re.compile(rf"(?<![\w@.])(?:{fpat})(?![\w@])", re.I)
    erx = re.compile(rf"(?<![\w@./-])(?:{epat})(?![\w@]|-\w)")
    fmap = {f"f{i}": folded[k] for i, k in enumerate(fkeys)}
    emap = {f"e{i}": exact[k] for i, k in enumerate(ekeys)}
    return frx, erx, fmap, emap


def _all_matches(text: str) -> list[Match]:
    frx, erx, fmap, emap = _matchers()
    ents = entities()
    found: list[Match] = []
    for rx, mp in ((frx, fmap), (erx, emap)):
        pos = 0
        while pos <= len(text):
            m = rx.search(text, pos)
            if not m:
                break
            key = m.lastgroup
            if key and key in mp and mp[key] in ents:
                found.append(Match(m.start(), m.end(), ents[mp[key]]))
            pos = m.start() + 1  # overlapping candidates; the longest wins below
    return found


def scan(text: str) -> list[Match]:
    """Known names in `text`, longest first, without overlaps, in text order."""
    cands = _all_matches(text)
    cands.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Match] = []
    for m in cands:
        if any(m.start < t.end and t.start < m.end for t in taken):
            continue
        taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken


def demonym_state(word: str) -> str | None:
    """'Lithuanian' -> 'LTU'."""
    dem: dict[str, str] = gazetteer()["states"]["demonyms"]
    return dem.get(word)


def fold(s: str) -> str:
    s = s.lower().replace("&", " and ")
    for a, b in (("organisation", "organization"), ("centre", "center"), ("co-operation", "cooperation"),
                 ("defence", "defense"), ("programme", "program"), (" for ", " on "),
                 ("united nations", "un")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


@functools.cache
def _fuzzy_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for o in gazetteer()["orgs"]:
        for a in o.get("aliases", []) + [o["name"]]:
            if len(a) >= 20:
                table.setdefault(fold(a), f"org/{o['slug']}")
    return table


def resolve(name: str) -> Entity | None:
    """Resolve one free-standing name; None when unknown. Never raises."""
    try:
        s = re.sub(r"\s+", " ", name).strip(" ,;:.-–")
        if not s:
            return None
        ms = scan(s)
        if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(s):
            return ms[0].entity
        if len(s) < 20:
            return None
        from rapidfuzz import fuzz

        key = fold(s)
        scores: dict[str, float] = {}
        for k, eid in _fuzzy_table().items():
            sc = fuzz.ratio(key, k)
            if sc > scores.get(eid, 0):
                scores[eid] = sc
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 92 and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 5):
            return entities()[ranked[0][0]]
        return None
    except Exception:  # the resolver must never break extraction
        return None
