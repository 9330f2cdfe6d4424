"""A named query's parameters as the command line gives them: `--name VALUE`, `--name=VALUE`,
or `--flag` alone (true). Used by `notegraph query` for the options beyond the common ones, and
to read the `#+ example:` line of a query's header (benchmarks, tests)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Any

from ontology.errors import UsageError

__all__ = ["example_params", "parse_params"]


def parse_params(tokens: Sequence[str]) -> dict[str, Any]:
    """['--min-weight', '2', '--since=2010-01-01', '--flag'] ->
    {'min_weight': '2', 'since': '2010-01-01', 'flag': 'true'}; values are checked later, by
    `QuerySpec.bind`. A word that is not an option's value is a UsageError."""
    out: dict[str, Any] = {}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.startswith("--") or len(tok) < 3:
            raise UsageError(f"unexpected argument {tok!r}")
        key, eq, value = tok[2:].partition("=")
        if not eq:
            if i + 1 < len(tokens) and not tokens[i + 1].startswith("--"):
                value = tokens[i + 1]
                i += 1
            else:
                value = "true"
        out[key.replace("-", "_")] = value
        i += 1
    return out


def example_params(example: str) -> dict[str, Any]:
    """The parameters of an example command line `notegraph query NAME --a X --flag`."""
    return parse_params(shlex.split(example)[3:])
