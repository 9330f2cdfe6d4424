"""Reference records for every State: ISO 3166-1 alpha-3, a short English name, UN M49 region,
Wikidata QID. pycountry gives codes and names; `reference/state-records.json` (curated)
adds the rest."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["state_records"]

# Short names the UN uses where pycountry's differ (pycountry's `common_name` is not always set).
_SHORT = {
    "BOL": "Bolivia",
    "BRN": "Brunei Darussalam",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "Republic of Korea",
    "LAO": "Lao PDR",
    "MDA": "Moldova",
    "PRK": "DPR Korea",
    "PSE": "State of Palestine",
    "RUS": "Russian Federation",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "VNM": "Viet Nam",
    "TUR": "Türkiye",
    "MKD": "North Macedonia",
    "GBR": "United Kingdom",
    "USA": "United States",
    "CZE": "Czechia",
    "SWZ": "Eswatini",
    "CPV": "Cabo Verde",
    "CIV": "Côte d'Ivoire",
}


@cache
def state_records() -> list[dict[str, Any]]:
    import pycountry

    curated: dict[str, dict[str, Any]] = {}
    ref = resources.files("ontology").joinpath("reference/state-records.json")
    if ref.is_file():
        curated = {r["iso3"]: r for r in json.loads(ref.read_text(encoding="utf-8"))}
    out = []
    for c in pycountry.countries:
        iso3 = c.alpha_3
        label = _SHORT.get(iso3) or getattr(c, "common_name", None) or c.name
        if ", " in label:  # pycountry's inverted names ("Virgin Islands, British")
            label = getattr(c, "official_name", None) or label
        rec: dict[str, Any] = {"iso3": iso3, "label": label, "region": None, "qid": None}
        rec.update({k: v for k, v in curated.get(iso3, {}).items() if v is not None})
        out.append(rec)
    for iso3, r in curated.items():  # user-assigned codes (e.g. XKX Kosovo)
        if not any(o["iso3"] == iso3 for o in out):
            out.append({"region": None, "qid": None, **r})
    return sorted(out, key=lambda r: r["iso3"])
