"""People named by their States' adjectives: "Some 40 Cambodian, Laotian, Myanmar, Thai, and
Vietnamese experts, officials ... attended", "brought together Kazakh and Kyrgyz officials". In a
sentence that says they took part, each adjective's State takes part."""

from __future__ import annotations

import re

from .dates import NUMBERS
from .mentions import Mention
from .names import demonym_state, entities, resolve
from .prose import sentences

__all__ = ["people_of"]

# a region's adjective in the list is passed over: "Panamanian, Central American, and Caribbean
# customs inspectors" (not "South African", a State's)
_REGION = (
    r"(?:(?:Central|Latin|South|North)\s+American|(?:Central|South|Southeast|South-East|East)\s+Asian|"
    r"(?:Central|West|East|North|Southern)\s+African|(?:Eastern|Western|Central)\s+European|"
    r"Caribbean|African|Asian|European|Pacific|Arab|Balkan|Nordic|Baltic|Gulf)"
)
# a State's two-word adjective or name: "South African", "North Macedonian", "New Zealand"
_PAIR = (
    r"(?:South|North|East|Costa|Sri|Sierra|Cabo|Cape|Equatorial|Papua\s+New|Saudi|New)"
    r"\s+[A-Z][a-z]+"
)
_ADJ = rf"(?:{_REGION}|{_PAIR}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_PEOPLE = (
    r"(?:experts?|officials?|delegates?|delegations?|participants?|representatives?|officers?|"
    r"diplomats?|specialists?|scientists?|researchers?|practitioners?|regulators?|engineers?|"
    r"inspectors?|analysts?|trainees?|counterparts?|authorities|prosecutors?|judges?)"
)
# "twelve Azerbaijani and twelve Georgian customs officers": a count before each adjective
_COUNT = r"(?:(?:\d+|" + "|".join(NUMBERS) + r")\s+)?"
# the adjectives, then at most one lower-case word ("Thai customs officers"), then the people
_PEOPLE_OF = re.compile(
    rf"\b({_ADJ}(?:\s*,\s*(?:and\s+)?{_COUNT}{_ADJ}|,?\s+and\s+{_COUNT}{_ADJ}){{0,40}})\s+(?:[a-z-]+\s+)?{_PEOPLE}\b"
)
_ITEM = re.compile(rf"(?P<region>{_REGION})\b|{_ADJ}")
_TOOK_PART = re.compile(
    r"(?i)\b(?:attended|participat(?:ed|e|ing)|took\s+part|gathered|join(?:ed|ing)|brought\s+together|"
    r"were\s+(?:present|trained)|(?:was|were)\s+attended\s+by|participants\s+(?:included|were))\b|"
    # "offered a five-day course in ... for Armenian officials"
    r"\b(?:course|training|workshop|seminar|exercise)s?\b[^.]{0,120}\bfor\s+(?:\d+\s+)?(?-i:[A-Z])"
)


def people_of(text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """The States whose adjectives name people who took part, each a mention spanning the
    adjectives and the people ("Cambodian, Laotian, ... and Vietnamese experts"); every
    adjective of a list but a region's must name a State."""
    out: list[Mention] = []
    for a, e in spans:
        for s, se in sentences(text, a, e):
            if not _TOOK_PART.search(text, s, se):
                continue
            for m in _PEOPLE_OF.finditer(text, s, se):
                items = [w for w in _ITEM.finditer(m.group(1)) if not w.group("region")]
                states = [_state(w.group()) for w in items]
                if not states or None in states:
                    continue
                for iso in dict.fromkeys(states):
                    ent = entities().get(f"state/{iso}")
                    if ent is not None:
                        out.append(Mention(m.start(), m.end(), ent, ent.label))
    return out


def _state(word: str) -> str | None:
    """A State's adjective ("Thai") or its name used as one ("Myanmar experts")."""
    word = " ".join(word.split())
    iso = demonym_state(word)
    if iso is None:
        ent = resolve(word)
        iso = ent.iso3 if ent is not None and ent.kind == "state" else None
    return iso
