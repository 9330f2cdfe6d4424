"""The resolver: States through aliases and pycountry (never fuzzy), organisations through the gazetteer,
longest match first, guarded fuzzy matching for long organisation names only."""

# ruff: noqa: E501  (test data reads better unwrapped)
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import parse_note
from loaders.names import entities, resolve, scan


def ids(text: str) -> list[str]:
    return [m.entity.id for m in scan(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Serbia Slovenia", ["state/SRB", "state/SVN"]),
        ("Democratic People's Republic of Korea", ["state/PRK"]),
        ("Republic of Korea", ["state/KOR"]),
        ("People's Republic of China", ["state/CHN"]),
        ("Russia, Russian Federation", ["state/RUS", "state/RUS"]),
        ("State of Palestine", ["state/PSE"]),
        ("Bosnia & Herzegovina", ["state/BIH"]),
        ("The former Yugoslav Republic of Macedonia", ["state/MKD"]),
        ("Turkey, Türkiye, Republic of Turkey", ["state/TUR"] * 3),
        ("Hellenic Republic", ["state/GRC"]),
        ("U.S. State Department", ["org/usa-dos"]),
        ("US and UK", ["state/USA", "state/GBR"]),
        ("CROATIA", ["state/HRV"]),
        ("Conflict Prevention Centre (CPC)", ["org/osce-cpc", "org/osce-cpc"]),
        ("Organisation for Security and Co-operation in Europe (OSCE)", ["org/osce", "org/osce"]),
        ("UN Office for Disarmament Affairs", ["org/unoda"]),
        ("BWC-ISU and the WHO", ["org/bwc-isu", "org/who"]),
        ("who attended", []),  # acronyms are case-sensitive
        ("e-mail 1540experts@un.org", []),  # nothing inside addresses
        ("Niger and Nigeria", ["state/NER", "state/NGA"]),
        # the forms UN lists and regional centres write
        (
            "Democratic Republic of Congo, DRC, Republic of Congo",
            ["state/COD", "state/COD", "state/COG"],
        ),
        ("Bolivia (Plurinational State of), Lao PDR, UAE", ["state/BOL", "state/LAO", "state/ARE"]),
        (
            "St. Kitts and Nevis, St Lucia, St. Vincent and the Grenadines",
            ["state/KNA", "state/LCA", "state/VCT"],
        ),
        ("São Tomé and Príncipe, Kosovo", ["state/STP", "state/XKX"]),
    ],
)
def test_scan(text: str, want: list[str]) -> None:
    assert ids(text) == want


def test_gazetteer_entries_are_consistent() -> None:
    ents = entities()
    for e in ents.values():
        if e.parent:
            assert e.parent in ents, e.id
        if e.kind == "agency":
            assert e.iso3 and e.id.startswith(f"org/{e.iso3.lower()}-"), e.id
    assert ents["org/osce-cpc"].parent == "org/osce-secretariat"
    assert ents["org/osce-secretariat"].parent == "org/osce"
    assert ents["org/usa-dos"].iso3 == "USA" and ents["org/deu-bafa"].iso3 == "DEU"


def test_extracted_states_carry_the_graphs_labels() -> None:
    """One table names States for the extractor and the graph (ontology/states.py), so the
    label `extract` prints is the label the store holds; none is pycountry's inverted form."""
    from ontology.states import state_records

    ents = entities()
    for r in state_records():
        assert ents[f"state/{r['iso3']}"].label == r["label"]
        assert ", " not in r["label"] or "(" in r["label"] or r["iso3"] in _INVERTED_OK, r
    assert ents["state/COD"].label == "Democratic Republic of the Congo"


_INVERTED_OK = {"BES", "SHN"}  # names whose comma is part of the name (Bonaire, Sint ...)


def test_qids_only_where_verified() -> None:
    import json

    from loaders.names import REFERENCE

    orgs = json.loads((REFERENCE / "organizations.json").read_text(encoding="utf-8"))[
        "organizations"
    ]
    qid = {o["slug"]: o.get("qid") for o in orgs}
    assert qid["osce"] == "Q340195"  # Q81299 is EFTA
    assert "Q81299" not in qid.values()


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Organisation for Security and Cooperation in Europa", "org/osce"),  # fuzzy, long name
        ("United Nations Office of Drugs and Crime", "org/unodc"),
        ("Republic of Korea", "state/KOR"),
        ("Sudan", "state/SDN"),
        ("Guinea", "state/GIN"),
        ("Dominica", "state/DMA"),
        ("Marshall Island", "state/MHL"),  # a release's singular
        ("Global Affairs Canada", "org/can-gac"),
        ("Korea Republic", None),  # States are never matched fuzzily
        ("Souht Sudan", None),
        ("Some Unknown Body for Things", None),
        ("", None),
    ],
)
def test_resolve(name: str, want: str | None) -> None:
    got = resolve(name)
    assert (got.id if got else None) == want


def test_group_phrases_and_people_are_not_actors() -> None:
    note = parse_note(
        "Event: Workshop\nParticipants: States: Armenia, CIS Member States, Associate Members, Observers\n"
        "1540 Committee: one member of the Committee and one expert\n"
        "Other: Ms Vedrana Example (E-mail: v.example@example.org; Tel: +385 1 333 0 870)\n"
    )
    assert sorted(a.id for a in note.actors) == ["org/1540-committee", "state/ARM"]


def test_unresolved_names_are_kept() -> None:
    note = parse_note(
        "Event: Workshop\nParticipants: Armenia, National Nuclear Safety Board of Armenia, ZQNRA\n"
    )
    got = {a.id: (a.kind, a.iso3) for a in note.actors}
    assert got["unresolved/national-nuclear-safety-board-of-armenia"] == ("unresolved", "ARM")
    assert got["unresolved/zqnra"] == ("unresolved", None)
    assert any("ZQNRA" in w for w in note.warnings)


def test_host_and_government_of() -> None:
    note = parse_note(
        "Event: Seminar\nOrganizers: The Government of the Republic of Kazakhstan\n"
        "Date and Venue: 11-12 March 2014, Astana, Kazakhstan\nParticipants: Host country, Japan\n"
    )
    kaz = next(a for a in note.actors if a.id == "state/KAZ")
    assert set(kaz.roles) == {"organizer", "host", "participant"}
    assert kaz.name == "The Government of the Republic of Kazakhstan"


TOKEN_TEXT = st.lists(
    st.sampled_from(
        [
            "United",
            "Nations",
            "united nations",
            "Co-operation",
            "cooperation",
            "COOPERATION",
            "Centre",
            "&",
            "’",
            "‘",
            "-",
            "–",
            "—",
            " ",
            "\n",
            "\t",
            "_",
            "x_y",
            "İstanbul",
            "ǅ",
            "ß",
            "Ⅻ",
            "٢٠١٥",
            "OSCE",
            "(",
            ")",
            ".",
            ",",
            "\u00a0",
            "\u2028",
            "\x00",
            "organisation",
            "a",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TOKEN_TEXT, st.text(max_size=60)))
def test_token_lists_are_the_tokens(text: str) -> None:
    from loaders.names import _token_lists, _tokens

    (fw, fs, fe), (ew, es, ee) = _token_lists(text)
    assert list(zip(fw, fs, fe, strict=True)) == _tokens(text, True)
    assert list(zip(ew, es, ee, strict=True)) == _tokens(text, False)


def loop_scores(key: str) -> dict[str, float]:
    """The fuzzy scores as first written: fuzz.ratio against every long name, one at a time."""
    from rapidfuzz import fuzz

    from loaders.names import _fuzzy_table

    scores: dict[str, float] = {}
    for k, eid in _fuzzy_table().items():
        sc = fuzz.ratio(key, k)
        if sc > scores.get(eid, 0):
            scores[eid] = sc
    return scores


def test_fuzzy_scores_are_those_of_one_ratio_at_a_time() -> None:
    from loaders.names import _fuzzy_scores, _fuzzy_table, fold

    keys = list(_fuzzy_table())
    probes = (
        keys[::7]
        + [k[:-3] + "xyz" for k in keys[::11]]
        + [k.replace(" ", "", 1) for k in keys[::13]]
    )
    probes += [
        fold("Republican Research & Practical Centre for Epidemiology"),
        "zzzzzzzzzzzzzzzzzzzzzz",
        "",
    ]
    for key in probes:
        got = _fuzzy_scores(key)
        want = loop_scores(key)
        assert got == want and list(got) == list(want), key


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=20, max_size=60))
def test_fuzzy_scores_on_any_key(key: str) -> None:
    from loaders.names import _fuzzy_scores

    assert list(_fuzzy_scores(key).items()) == list(loop_scores(key).items())


def test_a_nul_character_after_a_name_is_not_a_crash() -> None:
    from loaders.parse import parse_note

    note = parse_note("Organizers: OSCE\nParticipants: Belarus\x00a, Chile")
    assert not any("extraction failed" in w for w in note.warnings)
    assert {a.id for a in note.actors} >= {"org/osce", "state/BLR", "state/CHL"}
