"""Acronyms a note defines for itself ("the Institute for Security Studies (ISS)", then "the
ISS"): for names the gazetteer knows but not by that acronym, and for bodies it does not know."""

from __future__ import annotations

import functools
import re

from .candidates import candidate_names
from .names import Entity, resolve, scan

__all__ = ["acronyms_rx", "note_acronyms", "unknown_acronyms"]

_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")
_LEAD_THE = re.compile(r"(?i)the\s+")


@functools.lru_cache(maxsize=4)  # one note is read at a time; its spans ask again and again
def note_acronyms(text: str) -> dict[str, Entity]:
    """Acronyms a note defines for known names that the gazetteer does not give them ("the
    Institute for Security Studies (ISS)", then "the ISS"): acronym -> entity."""
    out: dict[str, Entity] = {}
    for d in _DEFINED.finditer(text):
        acr = d.group(1)
        if acr in out or resolve(acr) is not None:
            continue
        a = max(0, d.start() - 160)
        ms = [m for m in scan(text[a : d.start()]) if not text[a + m.end : d.start()].strip()]
        if ms:
            name = _LEAD_THE.sub("", text[a + ms[-1].start : a + ms[-1].end])
            if name[:1].upper() == acr[0] and len(acr) <= len(name.split()) + 2:
                out[acr] = ms[-1].entity
    return out


@functools.lru_cache(maxsize=64)
def acronyms_rx(acronyms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@functools.lru_cache(maxsize=4)
def unknown_acronyms(text: str) -> dict[str, str]:
    """Acronyms a note defines for names the gazetteer does not know: acronym -> the name (a
    body's name whose capitalised words' initials hold the acronym's capitals, in order)."""
    out: dict[str, str] = {}
    for d in _DEFINED.finditer(text):
        acr = d.group(1)
        if acr in out or resolve(acr) is not None or acr in note_acronyms(text):
            continue
        a = max(0, d.start() - 160)
        names = candidate_names(text, a, d.start(), after_mention=False, list_like=False, skip=[])
        if not names:
            continue
        ns, name = names[-1]
        if text[ns + len(name) : d.start()].strip() or resolve(name) is not None:
            continue
        if _initials_hold(name, acr):
            out[acr] = name
    return out


def _initials_hold(name: str, acr: str) -> bool:
    """'Security Sector Program', 'SSP': the acronym's capitals are, in order, initials of the
    name's capitalised words, the first the first."""
    initials = [w[0] for w in re.findall(r"[A-Z][\w'’-]*", name)]
    caps = [c for c in acr if c.isupper()]
    if not initials or not caps or initials[0] != caps[0]:
        return False
    it = iter(initials)
    return all(c in it for c in caps)
