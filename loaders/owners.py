"""The body named as an event's owner: a cue that is a name's place, not a phrase ("an INTERPOL
"Train-the-Trainer" session": INTERPOL organised it)."""

from __future__ import annotations

import re

from .mentions import Mention

__all__ = ["attributive"]

# "an INTERPOL "Train-the-Trainer" session", "the OSCE national workshop": the event's body
# ("A three-day CTBTO ... Workshop": a length between)
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he)\s+(?:[\w]+-day\s+)?(?:[Jj]oint\s+)?|(?m:^)[ \t]*Joint\s+)\Z"
)
_OWNERS_BETWEEN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*[-–/]\s*")  # "OSCE, UNDP and UNODC"
_EVENT_AFTER = re.compile(
    r"(?:\s*\([A-Z]{2,10}\))?"  # its acronym: "Comprehensive ... Organization (CTBTO) ..."
    r"(?:\s+\"[^\"\n]{1,60}\")?"
    # up to three words between, none a verb or a new phrase ("The 1540 Committee Chair briefed
    # a meeting", "the IAEA expert attended training")
    r"(?:[ \t]+(?!(?i:a|an|the|of|to|in|on|for|at|by|with)\b|[a-z]+(?:ed|s)\b)[\w-]+){0,3}?[ \t]+"
    r"(?P<ev>(?i:workshops?|seminars?|training|courses?|"
    r"sessions?|conferences?|meetings?|exercises?|missions?|webinars?|round-?\s?tables?))\b"
    r"(?!\s+(?:Centre|Center|Hall|Room|Building|Facility)\b)"  # "United Nations Conference Centre"
)


def attributive(text: str, ms: list[Mention]) -> list[Mention]:
    """The bodies named as the owners of an event: "took part in an INTERPOL "Train-the-Trainer"
    session" (INTERPOL organised it), "Joint OSCE, UNDP and UNODC mission" (each of them); not a
    State ("a Japan workshop" says where) nor a treaty ("a BWC workshop" is about it)."""
    runs: list[list[Mention]] = []
    for m in sorted(ms, key=lambda m: m.start):
        if runs and _OWNERS_BETWEEN.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [
        m
        for run in runs
        if _owns(text, run[0].start, run[-1].end)
        for m in run
        if m.entity is not None and m.entity.kind != "state" and not _TREATY.search(m.entity.label)
    ]


def _owns(text: str, start: int, end: int) -> bool:
    """Whether the names text[start:end] stand between an article and an event's word. A
    capitalised one names an event ("the United Nations Conference to Negotiate ..." may be
    another's): only "a", "an" ("A three-day CTBTO International Cooperation Workshop") or a
    headline's "Joint" ("Joint OSCE-UNODA Workshop on ...") says it is the note's."""
    art = _ARTICLE_BEFORE.search(text, max(0, start - 24), start)
    ev = _EVENT_AFTER.match(text, end) if art else None
    if art is None or ev is None:
        return False
    return ev.group("ev")[0].islower() or art.group().split()[0] in ("A", "a", "An", "an", "Joint")


# (a treaty's organisation is a body: "Comprehensive Nuclear-Test-Ban Treaty Organization")
_TREATY = re.compile(
    r"\b(?:Convention|Treaty|Protocol|Code\s+of\s+Conduct)\b(?!\s+Organi[sz]ation)"
)
