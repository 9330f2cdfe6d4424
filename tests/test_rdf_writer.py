"""graph.rdf's quad writer and graph_hash: terms made once give the same quads, and the hash is
still SHA-256 over the sorted N-Triples lines `str()` gives for each quad's terms."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest

from graph.rdf import _NG, _VOCAB, _NoteWriter, _Writer, graph_hash, map_note
from loaders.model import Actor, Evidence, Note, Source
from ontology.errors import OntologyError
from ontology.iris import ID, ONT

G = ox.NamedNode(ID + "graph/x")
S = ox.NamedNode(ID + "thing/1")
P = ox.NamedNode(ONT + "quote")
TRICKY = [
    'a "quoted" word',
    "back\\slash",
    "new\nline",
    "carriage\rreturn",
    "tab\there",
    "\x00\x01\x1f\x7f",
    "\b\f",
    "naïve – “typographic” ‘quotes’ 漢字 😀",
    "",
    " ",
    "\u2028\u2029",
    "trailing \\",
]


def _reference_hash(quads: list[ox.Quad]) -> str:
    """The definition graph_hash keeps: str() of each quad's terms, as sorted unique lines."""
    lines = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_graph_hash_is_the_ntriples_lines_of_str_terms() -> None:
    quads = [ox.Quad(S, P, ox.Literal(v), G) for v in TRICKY]
    quads += [ox.Quad(S, P, ox.Literal(v, language="en-GB"), G) for v in TRICKY[:3]]
    xsd = "http://www.w3.org/2001/XMLSchema#"
    quads += [ox.Quad(S, P, ox.Literal(v, datatype=ox.NamedNode(xsd + "date")), G) for v in TRICKY]
    integer = ox.Literal("12", datatype=ox.NamedNode(xsd + "integer"))
    quads += [ox.Quad(S, P, integer)]  # in the default graph
    quads += [ox.Quad(ox.BlankNode("b1"), P, ox.BlankNode("b2"), G), ox.Quad(S, P, S, G)]
    quads += quads[:5]  # duplicates count once
    assert graph_hash(quads) == _reference_hash(quads)
    assert graph_hash(iter(quads)) == _reference_hash(quads)
    assert graph_hash([]) == _reference_hash([]) == hashlib.sha256(b"").hexdigest()


def test_vocabulary_terms_are_made_once_and_checked() -> None:
    assert _NG["Evidence"] is _NG["Evidence"]
    assert _NG["Evidence"] is _VOCAB[ONT + "Evidence"]
    assert _NG["Evidence"] == ox.NamedNode(ONT + "Evidence")
    with pytest.raises(OntologyError):
        _NG["Evidense"]


def test_writer_string_api_and_term_api_give_the_same_quads() -> None:
    a, b = _Writer(ID + "graph/x"), _Writer(ID + "graph/x")
    a.add(ID + "thing/1", ONT + "agent", ID + "thing/2")
    a.lit(ID + "thing/1", ONT + "line", 3, "integer")
    a.lit(ID + "thing/1", ONT + "quote", "q", shared=True)
    s = b.node(ID + "thing/1")
    b.put(s, _NG["agent"], b.node(ID + "thing/2"))
    b.put(s, _NG["line"], b.literal(3, "integer"))
    b.share(s, _NG["quote"], b.literal("q"))
    assert a.quads == b.quads
    assert a.shared == b.shared
    assert a.shared[0].graph_name == ox.NamedNode(ID + "graph/derived")


def _note(*evidence: Evidence) -> Note:
    actor = Actor(
        name="Belarus",
        id="state/BLR",
        kind="state",
        label="Belarus",
        iso3="BLR",
        roles=("organizer", "host"),
        evidence=evidence,
    )
    return Note(
        source=Source("notes/n1.txt", "0" * 64),
        title="T",
        status="held",
        start_date="2013-01-15",
        actors=(actor,),
        title_evidence=evidence[:1],
    )


def test_a_span_backing_several_claims_is_written_once() -> None:
    ev = Evidence(line=2, text="Belarus", start=10, end=17)
    quads, _ = map_note(_note(ev))
    node = ox.NamedNode(f"{ID}evidence/n1/10-17")
    assert sum(1 for q in quads if q.subject == node) == 6
    links = [q for q in quads if q.predicate == _NG["evidence"]]
    assert len(links) == 3  # the title and both roles point to it
    assert all(q.object == node for q in links)


def test_evidence_differing_only_in_quote_keeps_both_quotes() -> None:
    """The node is keyed by its span; two different records for one span keep their quads."""
    w = _NoteWriter(_note())
    first = w.evidence(Evidence(1, "a", 0, 1))
    second = w.evidence(Evidence(1, "b", 0, 1))
    assert first == second
    quotes = {str(q.object) for q in w.quads if q.predicate == _NG["quote"]}
    assert quotes == {'"a"', '"b"'}
