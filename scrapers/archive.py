"""Content-addressed raw page archive: every fetched body, gzip'd, never overwritten.

Layout: <root>/<sha256[:2]>/<sha256>.gz, and beside it <sha256>.meta.json with the URL,
status, time and response headers it was first fetched with (Scrapy's cache keeps the same
evidence). The `pages` table maps URLs to hashes, so any improvement to extraction can be
re-run over every page ever fetched without the network.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
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
        if meta is not None:
            self._write(self.meta_path_for(sha), json.dumps(meta, sort_keys=True).encode())
        # level 3: on the real-page corpus (57 KB pages) half the CPU of level 6 for 10%
        # more bytes; at hundreds of pages a second the CPU is what a crawl runs short of
        self._write(path, gzip.compress(body, compresslevel=3, mtime=0))
        return sha

    def meta(self, sha256: str) -> dict[str, Any] | None:
        path = self.meta_path_for(sha256)
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

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
