"""Shared fixtures: the bundled seed notes built once per session into a temporary store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "data" / "notes"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store directory holding the five seed notes (built through the library, closed)."""
    from graph.build import build
    from graph.store import OxigraphStore
    from loaders import read_notes

    path = tmp_path_factory.mktemp("seed-store") / "store"
    store = OxigraphStore(path)
    build(store, read_notes([NOTES]))
    store.close()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def store_copy(seed_store_path: Path, tmp_path: Path) -> Path:
    """A writable copy of the seed store, for tests that change it."""
    path = tmp_path / "store"
    shutil.copytree(seed_store_path, path)
    return path
