"""Content-addressed raw page archive: every fetched body, gzip'd, never overwritten.

Layout: <root>/<sha256[:2]>/<sha256>.gz. The URL, status, time and response headers a body
was first fetched with (Scrapy's cache keeps the same evidence) travel in that file's gzip
header, as its comment field (RFC 1952 FCOMMENT: ASCII JSON), so a page is one file: a
second file per page cost a quarter of the crawl's throughput (docs/benchmarks.md). Any gzip
reader ignores the comment; `meta()` reads it (and the `<sha256>.meta.json` files that
archives written before kept beside the body). The `pages` table maps URLs to hashes, so any
improvement to extraction can be re-run over every page ever fetched without the network.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import struct
import threading
import zlib
from pathlib import Path
from typing import Any

from criticdb.common.errors import ArchiveError


class RawArchive:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._made: set[Path] = set()  # shard directories known to exist

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.gz"

    def relative_path(self, sha256: str | None) -> str | None:
        """Where a body lives, relative to the archive root (stored in `pages`)."""
        return str(self.path_for(sha256).relative_to(self.root)) if sha256 else None

    @staticmethod
    def beside(db: Path) -> Path:
        """The default archive of a warehouse file: `<db>.raw/` next to it."""
        return db.with_name(db.stem + ".raw")

    @property
    def journal_dir(self) -> Path:
        return self.root / "journal"

    def meta_path_for(self, sha256: str) -> Path:
        """Where archives written before the gzip-comment layout kept a body's metadata."""
        return self.root / sha256[:2] / f"{sha256}.meta.json"

    def put(self, body: bytes, meta: dict[str, Any] | None = None) -> str:
        """Store a body (and, the first time, how it was fetched); returns its sha256."""
        sha = hashlib.sha256(body).hexdigest()
        path = self.path_for(sha)
        if path.exists():
            return sha
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        comment = json.dumps(meta, sort_keys=True).encode() if meta is not None else b""
        self._write(path, gzip_with_comment(body, comment))
        return sha

    def meta(self, sha256: str) -> dict[str, Any] | None:
        old = self.meta_path_for(sha256)
        if old.exists():
            return json.loads(old.read_text(encoding="utf-8"))
        try:
            with open(self.path_for(sha256), "rb") as fh:
                comment = gzip_comment(fh)
        except FileNotFoundError:
            return None
        return json.loads(comment) if comment else None

    def intact(self, sha256: str | None) -> bool:
        """The body is on disk and hashes to its name (journal recovery checks this)."""
        if not sha256:
            return False
        try:
            self.get(sha256)
        except ArchiveError:
            return False
        return True

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Temporary file, then rename: a reader never sees half a file, and a killed
        process loses nothing (the kernel holds what was written). No fsync per file: at
        hundreds of pages a second it halved crawl throughput (docs/benchmarks.md); the
        fsync'd journal is the commit record, and recovery trusts a journal entry only if
        its body is intact, so after a power loss a page whose body did not reach the disk
        is fetched again. The temporary name is unique per process and thread (workers may
        share an archive)."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ArchiveError(f"cannot write raw page to {path}: {exc}") from exc

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        try:
            body = gzip.decompress(path.read_bytes())
        except FileNotFoundError as exc:
            raise ArchiveError(f"raw page missing from archive: {path}") from exc
        except (OSError, EOFError) as exc:
            raise ArchiveError(f"raw page corrupted in archive: {path}: {exc}") from exc
        if hashlib.sha256(body).hexdigest() != sha256:
            raise ArchiveError(f"raw page corrupted in archive (hash mismatch): {path}")
        return body


# level 3: on the real-page corpus (57 KB pages) half the CPU of level 6 for 10% more bytes;
# at hundreds of pages a second the CPU is what a crawl runs short of
GZIP_LEVEL = 3
_FCOMMENT = 0x10


def gzip_with_comment(body: bytes, comment: bytes) -> bytes:
    """A one-member gzip file (RFC 1952) whose header carries `comment` (ASCII, no NUL)."""
    if b"\x00" in comment:
        raise ValueError("a gzip comment cannot contain NUL")
    flags = _FCOMMENT if comment else 0
    # magic, deflate, flags, mtime 0 (same bytes for the same body), no extra flags, OS unknown
    header = b"\x1f\x8b\x08" + bytes([flags]) + b"\x00\x00\x00\x00\x00\xff"
    if comment:
        header += comment + b"\x00"
    deflate = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = deflate.compress(body) + deflate.flush()
    return header + data + struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)


def gzip_comment(fh: Any) -> bytes:
    """The comment field of the gzip header at the start of a binary file, or b""."""
    head = fh.read(10)
    if len(head) < 10 or head[:2] != b"\x1f\x8b":
        return b""
    flags = head[3]
    if flags & 0x04:  # FEXTRA: skip it
        (length,) = struct.unpack("<H", fh.read(2))
        fh.read(length)
    if flags & 0x08:  # FNAME: skip to its NUL
        while fh.read(1) not in (b"\x00", b""):
            pass
    if not flags & _FCOMMENT:
        return b""
    out = bytearray()
    while (byte := fh.read(1)) not in (b"\x00", b""):
        out += byte
    return bytes(out)
