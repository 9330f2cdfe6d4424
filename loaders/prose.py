"""Sentence rules for reports written in prose and for the prose parts of notes.

Roles come from cue phrases (the tables are loaders/cues.py): a forward cue ("in cooperation with", "with the support of", "funded by",
"participants from") gives its role to the names after it, up to the next cue; a backward cue ("X hosted a",
"A and B attended", "will be invited") gives its role to the names before it that have none yet.
"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re
import threading
from collections.abc import Iterator

from .cues import BACKWARD, FORWARD, NAMES_ONLY, PARTNERED, SUBJECT_ONLY
from .cues import WORDS as _WORDS
from .guard import fold_ascii
from .mentions import Mention

__all__ = [
    "BACKWARD",
    "FORWARD",
    "assign_roles",
    "find_cues",
    "has_cue",
    "sentences",
]


def _direction(i: int, rx: re.Pattern[str]) -> str:
    if i < len(FORWARD):
        return "t" if rx in NAMES_ONLY else "f"
    return "s" if rx in SUBJECT_ONLY else "b"


# (index into FORWARD + BACKWARD, direction, roles, regex); indices, not patterns, in sets: a
# Pattern's hash is recomputed from its compiled code on every use
_CUES = [(i, _direction(i, rx), roles, rx) for i, (roles, rx) in enumerate(FORWARD + BACKWARD)]
_TALK = [c for c in _CUES if {"speaker", "invited"} & set(c[2])]
if len(_WORDS) != len(_CUES):
    raise AssertionError("one word list per cue")
# (word, its cues, words that contain it): a word absent from a text, so are those containing it
WordTree = list[tuple[str, frozenset[int], "WordTree"]]


def _word_tree(cues: set[int]) -> WordTree:
    of: dict[str, set[int]] = {}
    for i in sorted(cues):
        for w in _WORDS[i]:
            of.setdefault(w, set()).add(i)
    words = sorted(of, key=lambda w: (len(w), w))
    inside: dict[str, list[str]] = {w: [] for w in words}
    roots: list[str] = []
    for k, w in enumerate(words):
        parent = next((p for p in reversed(words[:k]) if p in w), None)
        (inside[parent] if parent else roots).append(w)

    def build(ws: list[str]) -> WordTree:
        return [(w, frozenset(of[w]), build(inside[w])) for w in ws]

    return build(roots)


_ALL_WORDS = _word_tree({c[0] for c in _CUES})
_TALK_WORDS = _word_tree({c[0] for c in _TALK})


def _present(low: str, tree: WordTree, found: set[int]) -> None:
    for w, cues, inner in tree:
        if w in low:
            found.update(cues)
            if inner:
                _present(low, inner, found)


def _possible(text: str, start: int, end: int, tree: WordTree = _ALL_WORDS) -> set[int] | None:
    """The cues (indices, of those in `tree`) that may match in text[start:end]; None: any may
    (text holding a character (?i) folds to an ASCII letter that lower() does not)."""
    low = fold_ascii(text[start:end])
    if low is None:
        return None
    found: set[int] = set()
    _present(low, tree, found)
    return found


def has_cue(text: str, start: int, end: int, *, talk_only: bool = False) -> bool:
    """Whether text[start:end] has any role cue (`talk_only`: a speaker or invitation cue).
    Without one, `assign_roles` gives each mention only its default roles."""
    possible = _possible(text, start, end, _TALK_WORDS if talk_only else _ALL_WORDS)
    if possible is not None and not possible:
        return False
    return any(
        rx.search(text, start, end)
        for i, _, _, rx in (_TALK if talk_only else _CUES)
        if possible is None or i in possible
    )


_ABBREV = re.compile(
    r"(?:\b[A-Z]|\bMr|\bMs|\bMrs|\bDr|\bNo|\be\.g|\bi\.e|\bSt|\bvs|\betc|\bProf|\bInc|\bCo)\.$"
)


# (?<=[.!?])["')\]]?\s+(?=["'(]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*[-•*]\s), written to start with
# the class of its first character (the engine then skips to it; tests/test_loaders_prose.py)
_SENT = re.compile(
    r"[\"')\]\s](?:(?<=[.!?][\"')\]])\s+(?=[\"'(]?[A-Z0-9])|(?<=[.!?]\s)\s*(?=[\"'(]?[A-Z0-9])|"
    r"(?<=\n)[ \t]*\n|(?<=\n)(?=[ \t]*[-•*]\s))"
)
_SENT_LIST = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(]?[A-Z0-9])")


Spans = tuple[tuple[int, int], ...]


def sentences(text: str, start: int, end: int, *, paragraphs: bool = True) -> Spans:
    """Sentence spans in text[start:end]; paragraph breaks and list items end sentences unless
    `paragraphs` is False (header values wrap over blank lines). Kept for the last text split
    (per thread): its body is split for actors and again for NAP statements."""
    last = _last
    if getattr(last, "text", None) is not text:
        last.text = text  # one text only: a cache must not hold many large notes
        last.splits = {}
    splits: dict[tuple[int, int, bool], Spans] = last.splits
    key = (start, end, paragraphs)
    got = splits.get(key)
    if got is None:
        got = splits[key] = tuple(_split(text, start, end, paragraphs))
    return got


_last = threading.local()


def _split(text: str, start: int, end: int, paragraphs: bool) -> Iterator[tuple[int, int]]:
    pos = start
    for m in (_SENT if paragraphs else _SENT_LIST).finditer(text[start:end]):
        cut = start + m.start()
        if text[pos:cut].rstrip().endswith(".") and _ABBREV.search(text[max(pos, cut - 6) : cut]):
            continue
        if text[pos:cut].strip():
            yield pos, cut
        pos = start + m.end()
    if text[pos:end].strip():
        yield pos, end


# start, end, "f"orward, "t" (forward, to the names right after it only), "b"ackward or "s"
# (backward, to its subject only), roles
Cue = tuple[int, int, str, tuple[str, ...]]


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """The role cues in text[start:end], forward ones first, none overlapping an earlier one.
    Empty exactly when `has_cue` is False."""
    possible = _possible(text, start, end)
    cues: list[Cue] = []
    for i, direction, roles, rx in _CUES:  # forward cues first, then backward ones
        if possible is not None and i not in possible:
            continue
        for m in rx.finditer(text, start, end):
            # a names-only cue ("visited") leaves its words to a backward cue for its subject
            if not any(m.start() < c[1] and c[0] < m.end() and c[2] != "t" for c in cues):
                cues.append((m.start(), m.end(), direction, roles))
                if rx is PARTNERED:  # "A teamed up with B": A, its subject, organises too
                    cues.append((m.start(), m.end(), "s", roles))
    for c in [c for c in cues if c[2] == "b"]:
        # "X co-hosted a round table with (alongside) the Ministry of Y", "X hosted the workshop
        # jointly with Y": the partner has the cue's roles
        if _CO.search(text, c[0], c[1]):
            w = _WITH.search(text, c[1], end)
        elif "host" in c[3]:
            w = _JOINTLY.match(text, c[1], end)
        else:
            continue
        if w is None:
            continue
        over = [d for d in cues if w.start() < d[1] and d[0] < w.end()]
        if all(d[2] == "f" and set(d[3]) <= set(c[3]) for d in over):
            cues = [d for d in cues if d not in over] + [(w.start(), w.end(), "f", c[3])]
    # "of our commitment to host a workshop", "we will host the": the writer is the subject, so
    # the cue gives the names before it no role
    cues = [
        (c[0], c[1], c[2], ())
        if c[2] == "b" and _WRITER.search(text, max(start, c[0] - 40), c[0])
        else c
        for c in cues
    ]
    # "in cooperation with officials from Y": the people of the body named, not a new list
    return [c for c in cues if not _people_of(text, c, cues)]


_WRITER = re.compile(r"(?i)\b(?:we|our)\s+(?:[\w-]+\s+){0,2}\Z")


def _people_of(text: str, c: Cue, cues: list[Cue]) -> bool:
    """Whether c is a participant cue naming people ("officials from") right after another
    forward cue ("worked together with officials from the FBI")."""
    return (
        c[3] == ("participant",)
        and bool(_PEOPLE.match(text, c[0], c[1]))
        and any(
            d[2] in _FORWARD and set(d[3]) & _BODY_ROLES and _THE.fullmatch(text, d[1], c[0])
            for d in cues
        )
    )


_CO = re.compile(r"(?i)\bco-?(?:host|organi)")
_WITH = re.compile(r"\b(?:(?:together\s+)?with|alongside)\b")
_BODY_ROLES = frozenset(("organizer", "host", "supporter", "funder"))
_JOINTLY = re.compile(r"\s+(?:[\w-]+\s+){0,4}?jointly\s+with\b")
_PEOPLE = re.compile(r"(?i)(?:representatives|officials|experts|delegates|members)\s+(?:of|from)\b")


# between a name and the backward cue it is the subject of: an acronym, a relative clause in commas
_SUBJECT_GAP = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:team|staff|delegation|experts|officials)\s+)?"
    r"(?:(?:recently|also|successfully|jointly|today|yesterday)\s+)?"
    r"(?:,\s*(?:which|who)\b[^,]{0,80},\s*)?"
)


def _list_ended(text: str, cue_end: int, start: int, mentions: list[Mention]) -> bool:
    """Whether a colon after another name, or the verb of the sentence's predicate ("This
    Roundtable, organised by X in partnership with Y, discussed the ... such as the BWC"), ends
    the forward cue's list before `start`."""
    colon = text.find(":", cue_end, start)
    if colon >= 0 and any(cue_end <= m.start and m.end <= colon for m in mentions):
        return True
    return any(
        not any(m.start <= v.start() < m.end for m in mentions)
        for v in _PREDICATE.finditer(text, cue_end, start)
    )


# a past-tense verb and its object: "..., discussed the", "focused on", "reviewed how"
_PREDICATE = re.compile(
    r",\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed\s+(?:the|a|an|its|their|on|how|that|ways)\b|"
    # the main clause after an opening phrase: "Funded by X, the four-day event (22 – 25 March) saw"
    r",\s+(?:the|this)\s+[^,.;]{0,60}?\b(?:saw|was|were|brought|gathered|included|featured)\b"
)


def assign_roles(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    default: tuple[str, ...] = (),
    *,
    cues: list[Cue] | None = None,
) -> list[tuple[Mention, tuple[str, ...]]]:
    """Roles for the mentions of one sentence (or one header field); `cues`: find_cues() of the
    same span, when the caller has them."""
    if not mentions:
        return []
    if cues is None:
        cues = find_cues(text, start, end)
    # a cue inside a name ('experts of the 1540 Committee') is part of the name
    cues = sorted(c for c in cues if not any(c[0] < m.end and m.start < c[1] for m in mentions))
    if not cues:
        return [(men, default) for men in mentions] if default else []
    out: list[tuple[Mention, tuple[str, ...]]] = []
    subject_start, inside, of = _subjects(text, mentions, cues)
    for men in mentions:
        got: tuple[str, ...] = default
        before = [c for c in cues if c[1] <= men.start]
        after = [c for c in cues if c[0] >= men.end]
        f = next((c for c in reversed(before) if c[2] in _FORWARD), None)
        b = next(
            (c for c in after if c[2] == "b" or c[2] == "s" and id(men) in of.get(c[0], ())), None
        )
        if f is not None and _list_ended(text, f[1], men.start, mentions):
            f = None  # "funded by X, targets five countries: A, B": the cue's list has ended
        if f is not None and any(
            _CLOSED.search(text, f[1], c[0]) for c in before if c[2] not in _FORWARD
        ):
            f = None  # "X, in cooperation with Y, organized a review of Z's plan": the phrase ended
        if (
            f is not None
            and "funder" in f[3]
            and _RECIPIENT.search(text, max(f[1], men.start - 12), men.start)
        ):
            f = None  # "contributions from X and Y to the Trust Fund": what they gave to
        if f is not None and f[2] == "t" and not _right_after(text, f[1], men, mentions):
            f = None  # "visited Belize to present the EXBS Program": Belize only
        fwd, back = f[3] if f else (), b[3] if b else ()
        first = subject_start.get(id(men))
        if first is not None:  # the subject of the backward cue, alone or in a list
            if f is not None and "," in text[f[1] : first]:
                fwd = ()  # "with the support of X, the OSCE organized a": the cue's phrase ended
        elif fwd:
            back = ()  # "in cooperation with UNODA, Serbia hosted a": UNODA is not the host
        elif id(men) in inside:
            back = ()  # named in the relative clause of the cue's subject
        if fwd or back:
            got = tuple(dict.fromkeys(fwd + back))
        if got:
            out.append((men, got))
    return out


# a comma right before a verb cue: the forward cue's phrase ("in cooperation with Y,") has ended
_CLOSED = re.compile(r",\s*\Z")
_RECIPIENT = re.compile(r"\bto\s+(?:the\s+)?\Z")
_LIST_GAP = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*|\s+)(?:and|as\s+well\s+as)?\s*(?:the\s+)?"
)
_AND = re.compile(r"\band\b|\bas\s+well\s+as\b")
_FORWARD = ("f", "t")
_THE = re.compile(r"\s*(?:the\s+)?")


def _right_after(text: str, cue_end: int, men: Mention, mentions: list[Mention]) -> bool:
    """Whether `men` is in the list of names that starts right after the cue."""
    at, first = cue_end, True
    for m in sorted(
        (m for m in mentions if cue_end <= m.start <= men.start), key=lambda m: m.start
    ):
        if not (_THE if first else _LIST_GAP).fullmatch(text, at, m.start):
            return False
        if m is men:
            return True
        at, first = m.end, False
    return False


def _subjects(
    text: str, mentions: list[Mention], cues: list[Cue]
) -> tuple[dict[int, int], set[int], dict[int, set[int]]]:
    """The names each backward cue has as its subject ("A, B and the C hosted a"), by id, with
    where their list starts: the name right before the cue, and the names listed with it; and
    the names in a relative clause between a subject and its cue ("A, which worked with the
    OSCE on its plan, presented"), which the cue does not reach."""
    out: dict[int, int] = {}
    inside: set[int] = set()
    of: dict[int, set[int]] = {}  # each backward cue's subjects, by the cue's start
    for c in cues:
        if c[2] in _FORWARD:
            continue
        prior = [m for m in mentions if m.end <= c[0]]
        cut = c[0]
        if prior and not _SUBJECT_GAP.fullmatch(text, prior[-1].end, cut):
            rel = _RELATIVE.search(text, prior[0].end, cut)
            if rel is None or rel.end() != cut:
                continue
            cut = rel.start()
            inside.update(id(m) for m in prior if m.start >= cut)
            prior = [m for m in prior if m.end <= cut]
        if not prior or not _SUBJECT_GAP.fullmatch(text, prior[-1].end, cut):
            continue
        group = [prior[-1]]
        for m in reversed(prior[:-1]):
            gap = text[m.end : group[-1].start]
            if not _LIST_GAP.fullmatch(gap) or (len(group) == 1 and not _AND.search(gap)):
                break  # a list's last two names are joined by "and"
            group.append(m)
        for m in group:
            out.setdefault(id(m), group[-1].start)
        of[c[0]] = {id(m) for m in group}
    return out, inside, of


# a relative clause ending right before a backward cue: ", which have worked with X on Y, ",
# ", in collaboration with X, "
_RELATIVE = re.compile(
    r",\s*(?:which|who|in\s+(?:close\s+)?(?:collaboration|cooperation|co-operation|partnership|"
    r"coordination)\s+with|(?:together|jointly)\s+with|with\s+the\s+support\s+of)\b[^,;:]{0,240},\s*"
)
