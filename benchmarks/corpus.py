"""A synthetic corpus of outreach-event notes, with the truth it wrote.

    .venv/bin/python -m benchmarks.corpus OUT_DIR --notes 1000 [--seed 1540]

Writes N notes into OUT_DIR (four layouts the extractor reads: bold-label headers, `- Label:**`
bullets, tab tables, prose press releases) and OUT_DIR/truth.json: per note its file, event
(start, end, city, country, status) and actors with roles. Names are real ones from the
reference data (ontology/reference), so they resolve. Deterministic: the same seed and N give
the same bytes. Every note's event (start date, city) is unique, so events never merge across notes.

The truth answers co-attendance questions (see `co_attended`), so a benchmark checks the rows it
times, not only the time.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

__all__ = ["BUSIEST", "NoteTruth", "co_attended", "generate", "write_corpus"]

# (State name as written, ISO3, a city in it). Names the extractor resolves (pycountry or aliases).
STATES: list[tuple[str, str, str]] = [
    ("Albania", "ALB", "Tirana"), ("Armenia", "ARM", "Yerevan"), ("Austria", "AUT", "Vienna"),
    ("Azerbaijan", "AZE", "Baku"), ("Belarus", "BLR", "Minsk"), ("Brazil", "BRA", "Brasilia"),
    ("Bosnia and Herzegovina", "BIH", "Sarajevo"), ("Chile", "CHL", "Santiago"),
    ("Colombia", "COL", "Bogota"), ("Croatia", "HRV", "Zagreb"), ("Egypt", "EGY", "Cairo"),
    ("France", "FRA", "Paris"), ("Georgia", "GEO", "Tbilisi"), ("Ghana", "GHA", "Accra"),
    ("India", "IND", "New Delhi"), ("Indonesia", "IDN", "Jakarta"), ("Japan", "JPN", "Tokyo"),
    ("Jordan", "JOR", "Amman"), ("Kazakhstan", "KAZ", "Astana"), ("Kenya", "KEN", "Nairobi"),
    ("Kyrgyzstan", "KGZ", "Bishkek"), ("Mongolia", "MNG", "Ulaanbaatar"),
    ("Montenegro", "MNE", "Podgorica"), ("Morocco", "MAR", "Rabat"), ("Nigeria", "NGA", "Abuja"),
    ("Pakistan", "PAK", "Islamabad"), ("Paraguay", "PRY", "Asuncion"), ("Peru", "PER", "Lima"),
    ("Qatar", "QAT", "Doha"), ("Russian Federation", "RUS", "Moscow"), ("Senegal", "SEN", "Dakar"),
    ("Serbia", "SRB", "Belgrade"), ("Tajikistan", "TJK", "Dushanbe"), ("Togo", "TGO", "Lome"),
    ("Turkmenistan", "TKM", "Ashgabat"), ("Ukraine", "UKR", "Kyiv"),
    ("Uruguay", "URY", "Montevideo"),
    ("Uzbekistan", "UZB", "Tashkent"), ("Viet Nam", "VNM", "Hanoi"), ("Zambia", "ZMB", "Lusaka"),
]  # fmt: skip
_ORG_SLUGS = [
    "osce", "unoda", "unodc", "iaea", "opcw", "eu", "wco", "interpol", "who", "cis", "au", "oas",
    "unicri", "vertic", "undp", "asean", "ecowas", "sipri", "caricom", "unlirec",
]  # fmt: skip
BUSIEST = "osce"  # in about 60% of events
_TYPES = ["workshop", "seminar", "training course", "conference", "round table"]
_THEMES = [
    "the Implementation of UNSC Resolution 1540 (2004)", "Export Control and Border Security",
    "National Action Plans under Resolution 1540 (2004)", "Biosecurity and Biosafety",
    "Nuclear Security and Resolution 1540 (2004)", "Countering Proliferation Financing",
]  # fmt: skip
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_NONFUNDER = ("organizer", "host", "supporter", "participant", "speaker")


@dataclass
class NoteTruth:
    file: str
    layout: str
    title: str
    start: str
    end: str
    city: str
    country: str
    status: str  # held | planned
    actors: dict[str, list[str]] = field(default_factory=dict)  # actor id -> roles

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _orgs() -> dict[str, tuple[str, str | None]]:
    """slug -> (full name, acronym) from the reference gazetteer."""
    path = Path(__file__).resolve().parent.parent / "ontology/reference/organizations.json"
    data = json.loads(path.read_text(encoding="utf-8"))["organizations"]
    by = {o["slug"]: (o["name"], (o["acronyms"] or [None])[0]) for o in data}
    return {s: by[s] for s in _ORG_SLUGS}


def _org_text(name: str, acronym: str | None) -> str:
    return f"{name} ({acronym})" if acronym else name


def _span(start: date, end: date) -> str:
    if start == end:
        return f"{start.day} {_MONTHS[start.month - 1]} {start.year}"
    if start.month == end.month:
        return f"{start.day}-{end.day} {_MONTHS[start.month - 1]} {start.year}"
    return (
        f"{start.day} {_MONTHS[start.month - 1]} - {end.day} {_MONTHS[end.month - 1]} {start.year}"
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_BODY = (
    "\n\n1. Background\n\nThe {kind} was part of the outreach of the 1540 Committee and aimed at "
    "exchanging national experiences and effective practices in the implementation of the "
    "resolution. Participants discussed legislative frameworks, enforcement and assistance.\n\n"
    "2. Highlights\n\nThe discussions were interactive. Participants agreed on informal "
    "recommendations for follow-up action.\n\nFor further information, please contact the 1540 "
    "Committee experts by e-mail at 1540experts@un.org.\n"
)


def _render(
    t: NoteTruth, kind: str, host: str, org_names: dict[str, str], states: dict[str, str]
) -> str:
    org_ids = [a for a in t.actors if a.startswith("org/")]
    organizers = [org_names[a] for a in org_ids if "organizer" in t.actors[a]]
    orgs_part = [org_names[a] for a in org_ids if "participant" in t.actors[a]]
    funders = [org_names[a] for a in org_ids if t.actors[a] == ["funder"]]
    parts = [states[a] for a in t.actors if a.startswith("state/") and a != f"state/{t.country}"]
    start, end = date.fromisoformat(t.start), date.fromisoformat(t.end)
    when = f"{_span(start, end)}, {t.city}, {host}"
    org_line = f"The Government of {host}, " + _and(organizers)
    if t.layout == "bold":
        text = (
            f"## **Information Note**\n\n**Event** {t.title}\n\n**Date and Venue** {when}\n\n"
            f"**Organizers** {org_line}\n\n**Participants** States: {', '.join(parts)}\n\n"
        )
        if orgs_part:
            text += f"**Other:** {', '.join(orgs_part)}\n"
        return text + _BODY.format(kind=kind)
    if t.layout == "bullets":
        text = (
            f"Information Note\n\n- Event:** {t.title}\n- Organizers:** {org_line}\n"
            f"- Date and Venue:** {when}\n- Participants:** States: {', '.join(parts)}\n"
        )
        if orgs_part:
            text += f"International organizations: {', '.join(orgs_part)}\n"
        return text + _BODY.format(kind=kind)
    if t.layout == "tabs":
        text = (
            f"Information Note\n\nEvent:\t{t.title}\nOrganizers:\t{org_line}\n"
            f"Date and Venue:\t{when}\nParticipants:\tStates: {', '.join(parts)}"
        )
        if orgs_part:
            text += f" Organizations: {'; '.join(orgs_part)}"
        return text + "\n" + _BODY.format(kind=kind)
    # prose press release
    dateline = f"{t.city.upper()}, {end.day} {_MONTHS[end.month - 1]} {end.year}"
    span = (
        f"on {_span(start, end)}"
        if start == end
        else f"from {start.day} {_MONTHS[start.month - 1]} to {_span(end, end)}"
    )
    text = (
        f"{host} hosts {kind} on {t.title.split(' on ', 1)[-1]}\n\n"
        f"{dateline} – The Government of {host} hosted a {kind} {span} in "
        f"{t.city}, in cooperation with the {_and(organizers)}."
    )
    if funders:
        text += f" The {kind} was funded by the {_and(funders)}."
    text += f"\n\nParticipants from {_and(parts)} attended the {kind}."
    if orgs_part:
        text += f" Experts from the {_and(orgs_part)} took part in the discussions."
    return text + "\n\nFor more information, contact the 1540 Committee experts.\n"


def generate(n: int, seed: int = 1540) -> Iterator[tuple[str, str, NoteTruth]]:
    """(file name, text, truth) for n notes, deterministically."""
    rng = random.Random(seed)
    orgs = _orgs()
    org_names = {f"org/{s}": _org_text(*orgs[s]) for s in orgs}
    states = {f"state/{iso}": name for name, iso, _ in STATES}
    used: set[tuple[date, str]] = set()
    layouts = ["bold", "bullets", "tabs", "prose"]
    base = date(2005, 1, 3)
    for i in range(n):
        name, iso, city = STATES[rng.randrange(len(STATES))]
        layout = layouts[i % len(layouts)]
        # one-day events in press releases lose their city in extraction: prose spans >= 2 days
        shortest = 1 if layout == "prose" else 0
        while True:
            start = base + timedelta(days=rng.randrange(365 * 20))
            end = start + timedelta(days=rng.randint(shortest, 2))
            if (start, city) not in used and end.month == start.month:
                used.add((start, city))
                break
        kind = rng.choice(_TYPES)
        title = f"Regional {kind.title()} on {rng.choice(_THEMES)}"
        t = NoteTruth(f"{i:06d}_{layout}.txt", layout, title, start.isoformat(), end.isoformat(),
                      city, iso, "held")  # fmt: skip
        t.actors[f"state/{iso}"] = ["host", "organizer"]
        others = [s for s in _ORG_SLUGS if s != BUSIEST]
        pool = [BUSIEST] if rng.random() < 0.6 else []
        pool += rng.sample(others, rng.randint(1, 4))
        n_org = rng.randint(1, min(2, len(pool)))
        for s in pool[:n_org]:
            t.actors[f"org/{s}"] = ["organizer"]
        for s in pool[n_org:]:
            t.actors[f"org/{s}"] = ["participant"]
        if layout == "prose" and rng.random() < 0.5:
            f = rng.choice([s for s in others if f"org/{s}" not in t.actors])
            t.actors[f"org/{f}"] = ["funder"]
        for _, piso, _ in rng.sample([s for s in STATES if s[1] != iso], rng.randint(2, 10)):
            t.actors[f"state/{piso}"] = ["participant"]
        yield t.file, _render(t, kind, name, org_names, states), t


def write_corpus(out: Path, n: int, seed: int = 1540) -> list[NoteTruth]:
    """Write n notes and truth.json into out (created); returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    truth = []
    for fname, text, t in generate(n, seed):
        (out / fname).write_text(text, encoding="utf-8")
        truth.append(t)
    (out / "truth.json").write_text(
        json.dumps({"seed": seed, "notes": [t.to_dict() for t in truth]}, indent=1),
        encoding="utf-8",
    )
    return truth


def co_attended(truth: list[NoteTruth], actor: str = f"org/{BUSIEST}") -> dict[str, int]:
    """ISO3 -> number of held events a State took part in (any role but funder) together with
    the actor: what `notegraph query co-attended --actor X` should count."""
    counts: dict[str, int] = {}
    for t in truth:
        if t.status != "held" or not any(r in _NONFUNDER for r in t.actors.get(actor, [])):
            continue
        for a, roles in t.actors.items():
            if a.startswith("state/") and any(r in _NONFUNDER for r in roles):
                counts[a[6:]] = counts.get(a[6:], 0) + 1
    return counts


def load_truth(folder: Path) -> list[NoteTruth]:
    data = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [NoteTruth(**d) for d in data["notes"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1540)
    a = ap.parse_args(argv)
    write_corpus(a.out, a.notes, a.seed)
    print(f"wrote {a.notes} notes and truth.json to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
