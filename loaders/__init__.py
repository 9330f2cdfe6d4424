"""Extraction: notes (text, markdown, HTML, PDF, DOCX) to `Note` records. No graph imports here."""

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
