"""Deterministic IRIs: the same thing read from two notes gets the same IRI.

Plain strings only (no rdflib import), so loaders and the command line stay light.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["BASE", "BUILD_RECORD", "ID", "ONT", "UNDECOMPOSED", "event_key", "id_iri", "slug"]

BASE = "https://w3id.org/notegraph/"
ONT = BASE + "ontology#"
ID = BASE + "id/"
# `<graph> BUILD_RECORD "{json}"` in each note graph: the build's own bookkeeping
# (graph/prepare.py), not a term of the ontology; exports and pushes leave it out
BUILD_RECORD = BASE + "build#record"
# letters with a diacritic that Unicode does not decompose to an ASCII letter and a mark
UNDECOMPOSED = str.maketrans(dict(zip("ŁłØøĐđĦħı", "LlOoDdHhi", strict=True)) | {"ß": "ss"})


def slug(text: str, max_len: int = 60) -> str:
    """ASCII, lower-case, hyphen-separated.

    'Conflict Prevention Centre' -> 'conflict-prevention-centre'."""
    ascii_ = (
        unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    s = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if len(s) > max_len:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        s = s[: max_len - 9].rstrip("-") + "-" + digest
    return s or "x"


def event_key(start_date: str | None, city: str | None, title: str | None) -> str:
    """'2013-01-15-minsk'; without a date, 'undated-{hash of title}' so it stays stable."""
    if start_date:
        return (
            f"{start_date}-{slug(city)}" if city else f"{start_date}-{slug(title or 'event', 40)}"
        )
    digest = hashlib.sha1((title or "").encode("utf-8")).hexdigest()[:12]
    return f"undated-{digest}"


def id_iri(tail: str) -> str:
    """'state/BLR' -> 'https://w3id.org/notegraph/id/state/BLR'."""
    return ID + tail
