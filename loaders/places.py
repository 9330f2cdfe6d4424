"""Known places: cities (ontology/reference/cities.json) and towns (towns.tsv) and the countries
they are in, looked up by their folded names (`names.fold`: "Łódź" = "Lodz")."""

from __future__ import annotations

import functools
import json

from .names import REFERENCE, fold

__all__ = ["city_country", "town_countries", "town_in"]


@functools.cache
def cities() -> dict[str, str]:
    """City name (folded) -> ISO3 of its country (ontology/reference/cities.json)."""
    with open(REFERENCE / "cities.json", encoding="utf-8") as f:
        table: dict[str, str] = json.load(f)["cities"]
    return {fold(name): iso3 for name, iso3 in table.items()}


@functools.cache
def _towns() -> dict[str, frozenset[str]]:
    """Town name (folded) -> the ISO3 codes of the countries with a town of that name
    (ontology/reference/towns.tsv)."""
    out: dict[str, set[str]] = {}
    with open(REFERENCE / "towns.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                iso3, *names = line.rstrip("\n").split("\t")
                for name in names:
                    out.setdefault(fold(name), set()).add(iso3)
    return {k: frozenset(v) for k, v in out.items()}


def town_in(name: str, iso3: str) -> bool:
    """Whether `name` is a known city or town of the country `iso3` ('Nadi', 'FJI'): for places
    written with their country; a city alone gets its country from `city_country`."""
    return city_country(name) == iso3 or iso3 in _towns().get(fold(name), ())


def town_countries(name: str) -> frozenset[str]:
    """The ISO3 codes of the countries with a known city or town of that name."""
    known = city_country(name)
    return _towns().get(fold(name), frozenset()) | ({known} if known else set())


def city_country(name: str) -> str | None:
    """The country of a known city ('Vienna' -> 'AUT'), else None."""
    return cities().get(fold(name))
