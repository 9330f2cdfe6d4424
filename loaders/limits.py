"""Limits that protect the machine from one hostile file: a maximum size, checked before
reading, and a per-file extraction time limit.

The time limit uses SIGALRM (POSIX, main thread only): Python's regex engine and loops check for
signals, so a pathological note is stopped mid-match. Elsewhere (Windows, worker threads) the limit
is not enforced; the size limit still is.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ontology.errors import UsageError

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_TIME_LIMIT",
    "ExtractionTimeout",
    "deadline",
    "env_max_file_size",
    "env_time_limit",
    "human_size",
    "parse_size",
]

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
DEFAULT_TIME_LIMIT = 60.0
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2}
_UNITS |= {"g": 1024**3, "gb": 1024**3}


class ExtractionTimeout(BaseException):
    """Raised inside extraction when its deadline passes. A BaseException so that the loaders'
    own last-resort `except Exception` handlers cannot swallow it."""


def parse_size(text: str) -> int:
    """'20MB', '500k', '1048576' -> bytes (binary units). UsageError for anything else."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", text.lower())
    if not m or float(m.group(1)) <= 0:
        raise UsageError(f"not a file size: {text!r} (use e.g. 20MB, 500KB or a number of bytes)")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def human_size(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def env_max_file_size() -> int:
    """NOTEGRAPH_MAX_FILE_SIZE, else the default (20 MB)."""
    value = os.environ.get("NOTEGRAPH_MAX_FILE_SIZE")
    return parse_size(value) if value else DEFAULT_MAX_FILE_SIZE


def env_time_limit() -> float:
    """NOTEGRAPH_TIME_LIMIT (seconds per file), else the default (60 s)."""
    value = os.environ.get("NOTEGRAPH_TIME_LIMIT")
    if not value:
        return DEFAULT_TIME_LIMIT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if seconds <= 0:
        raise UsageError(f"NOTEGRAPH_TIME_LIMIT={value!r} is not a positive number of seconds")
    return seconds


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout in the block once `seconds` have passed (a no-op when None, or where
    SIGALRM cannot be used). Restores any previous handler and timer."""
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise ExtractionTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
