"""Files to decoded text: formats (.txt .md .html .htm .pdf .docx) and encodings (UTF-8 with or
without BOM, UTF-16 by BOM or NUL pattern, CP1252/Latin-1 fallback). Never raises for a bad file."""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .limits import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_TIME_LIMIT,
    ExtractionTimeout,
    deadline,
    human_size,
)
from .model import Note, Source
from .parse import parse_note

__all__ = ["SUFFIXES", "decode", "iter_note_paths", "read_note", "read_notes"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


class _Unreadable(Exception):
    """A file whose text cannot be read; the message is the one-line reason."""


# control characters other than \t \n \v \f \r, lone surrogates, U+FFF0 and above
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff\ufff0-\U0010ffff]")


def _is_binary(text: str) -> bool:
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text))
    return bad / len(text) > 0.02


def decode(data: bytes) -> str:
    """Bytes to text, detecting the encoding; raises _Unreadable for binary junk."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        sample = data[:4000]
        even, odd = sample[0::2], sample[1::2]
        if len(sample) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
            text = data.decode("utf-16-le", errors="replace")
        elif len(sample) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
            text = data.decode("utf-16-be", errors="replace")
        elif b"\x00" in sample:
            raise _Unreadable("binary file, not a text note")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = data.decode("latin-1")
    if _is_binary(text):
        raise _Unreadable("binary file, not a text note")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pdf_text(data: bytes) -> str:
    if not data.lstrip()[:5] == b"%PDF-":
        raise _Unreadable("not a PDF file (cannot read its text layer)")
    try:
        import logging

        from pypdf import PdfReader

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            pages = [(p.extract_text() or "") for p in reader.pages]
    except Exception as exc:
        reason = f"damaged PDF file (cannot read its text layer: {type(exc).__name__})"
        raise _Unreadable(reason) from exc
    text = "\n".join(pages).strip()
    if not text:
        raise _Unreadable("PDF file without a text layer (scanned image?)")
    return text


def _docx_text(data: bytes) -> str:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _Unreadable("not a DOCX file (not a zip archive)")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        d = docx.Document(io.BytesIO(data))
        parts: list[str] = []
        for child in d.element.body.iterchildren():  # body order: paragraphs and tables interleaved
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(child, d).text)
            elif tag == "tbl":
                for row in Table(child, d).rows:
                    cells = list(dict.fromkeys(c.text for c in row.cells))  # merged cells repeat
                    parts.append("\t".join(cells))
    except Exception as exc:
        raise _Unreadable(f"damaged DOCX file ({type(exc).__name__})") from exc
    return "\n".join(parts)


def _read_bytes(p: Path, max_bytes: int | None) -> bytes:
    """The file's bytes, never more than `max_bytes` + 1 (a file growing while read is caught).
    The first read is sized by fstat: asking for max_bytes + 1 at once makes Python allocate
    that much (20 MB by default) for every small file."""
    with open(p, "rb") as fh:
        if max_bytes is None:
            return fh.read()
        first = min(max_bytes + 1, os.fstat(fh.fileno()).st_size + 1)
        data = fh.read(first)
        if len(data) == first < max_bytes + 1:  # it grew since fstat: read on up to the limit
            data += fh.read(max_bytes + 1 - first)
        return data


def _too_big(src: str, size: int, max_bytes: int) -> str:
    return (
        f"{src}: skipped: the file is {human_size(size)} ({size} bytes), over the "
        f"{human_size(max_bytes)} limit (raise it with --max-file-size or NOTEGRAPH_MAX_FILE_SIZE)"
    )


def read_note(
    path: str | Path,
    *,
    max_bytes: int | None = DEFAULT_MAX_FILE_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Note:
    """Read one file of any supported format. Never raises: a bad file gives a Note with `error`.

    A file larger than `max_bytes` is skipped before it is read; extraction that takes longer than
    `time_limit` seconds is stopped (POSIX main thread only, see loaders.limits). None: no limit."""
    p = Path(path)
    src = str(path)
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return Note(source=Source(src, ""), error=_too_big(src, size, max_bytes))
        data = _read_bytes(p, max_bytes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Note(source=Source(src, ""), error=f"{src}: cannot read file ({reason})")
    if max_bytes is not None and len(data) > max_bytes:
        return Note(source=Source(src, ""), error=_too_big(src, len(data), max_bytes))
    sha = hashlib.sha256(data).hexdigest()
    try:
        with deadline(time_limit):
            return _extract(p, src, data, sha)
    except ExtractionTimeout:
        reason = (
            f"skipped: extraction took longer than {time_limit:g} s (a pathological text?); "
            "raise the limit with --time-limit or NOTEGRAPH_TIME_LIMIT"
        )
        return Note(source=Source(src, sha), error=f"{src}: {reason}")


def _extract(p: Path, src: str, data: bytes, sha: str) -> Note:
    try:
        if not data.strip():
            raise _Unreadable("empty file")
        suffix = p.suffix.lower()
        if suffix == ".pdf":
            text = _pdf_text(data)
        elif suffix == ".docx":
            text = _docx_text(data)
        else:
            text = decode(data)
        if not text.strip():
            raise _Unreadable("no text in file")
    except _Unreadable as exc:
        return Note(source=Source(src, sha), error=f"{src}: {exc}")
    except Exception as exc:  # never raise for a bad file
        reason = f"cannot read file ({type(exc).__name__}: {exc})"
        return Note(source=Source(src, sha), error=f"{src}: {reason}")
    return parse_note(text, path=src, sha256=sha)


def iter_note_paths(paths: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """Supported files under files or folders (recursive, sorted); each real file once;
    symlink loops ignored."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: set[str] = set()
    for root in paths:
        rp = Path(root)
        if rp.is_dir():
            found: list[Path] = []
            visited: set[str] = set()
            for dirpath, dirnames, filenames in os.walk(rp, followlinks=True):
                real = os.path.realpath(dirpath)
                if real in visited:
                    dirnames[:] = []
                    continue
                visited.add(real)
                dirnames.sort()
                for fn in filenames:
                    f = Path(dirpath) / fn
                    if f.suffix.lower() in SUFFIXES and f.is_file():
                        found.append(f)
            for f in sorted(found):
                key = os.path.realpath(f)
                if key not in seen:
                    seen.add(key)
                    yield f
        elif rp.suffix.lower() in SUFFIXES or rp.exists() or not rp.exists():
            key = os.path.realpath(rp)
            if key not in seen:
                seen.add(key)
                yield rp


def read_notes(
    paths: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int | None = DEFAULT_MAX_FILE_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Note]:
    for p in iter_note_paths(paths):
        yield read_note(p, max_bytes=max_bytes, time_limit=time_limit)
