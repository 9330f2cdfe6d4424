"""Extraction: notes (text, markdown, HTML, PDF, DOCX) to `Note` records. No graph imports here.

Pipeline: read.py (bytes -> text: formats, encodings) -> text.py (markup, footnotes; offset map
back to the decoded text) -> header.py (label lexicon, fields) -> mentions.py/names.py (gazetteer
and States, longest match first) -> candidates.py (leftovers that look like names of bodies, kept
as unresolved) -> prose.py (role cues) -> body.py (resolutions, NAPs, related events) -> event.py
(document type, title, date, venue) -> parse.py (assembles the Note). guard.py puts a quick word
test in front of patterns scanned over every sentence; process-wide caches (gazetteer tries,
resolved names, places) are built on first use.

Decisions worth knowing:
- Year-less resolution mentions are normalised with the adoption-year table in
  ontology/reference/states.json ("UNSCR 1540" -> "1540 (2004)"); a number not in the table stays
  "NNNN". A year that contradicts the table is corrected to the table's.
- Roles: header "Organizers" names are organizers; "with (the) support of" -> supporter; "in
  cooperation with"/"jointly with" -> organizer; "funded by"/"financial support of" -> funder; an
  organizer State that is also the venue's country, and "Host country"/"the host", get host.
  Participant lists give participant (invited for planned events, i.e. concept notes / future
  tense); "Speakers:" sub-labels add speaker.
- In notes with an organizers field, body sentences only add speaker/invited roles (never new
  organisers); in notes without one (press releases, concept notes) body sentences about the event
  carry all roles.
- An unresolved body named through a State ("Chilean National Customs Service", "Ministry of X of
  Togo") keeps kind "unresolved" but gets that State's iso3, so the State can count as present
  through it.
- Month-only dates give the first and last day of the month with date_precision "month".
"""

from __future__ import annotations

from .model import Actor, Evidence, NapStatement, Note, RelatedEvent, Source, Venue
from .parse import parse_note
from .read import SUFFIXES, iter_note_paths, read_note, read_notes
from .report import extraction_report

__all__ = [
    "SUFFIXES",
    "Actor",
    "Evidence",
    "NapStatement",
    "Note",
    "RelatedEvent",
    "Source",
    "Venue",
    "extraction_report",
    "iter_note_paths",
    "parse_note",
    "read_note",
    "read_notes",
]
