"""Content-addressed raw page archive: every fetched body, gzip'd, never overwritten.

Layout: <root>/<sha256[:2]>/<sha256>.gz. The `pages` table maps URLs to hashes, so any
improvement to extraction can be re-run over every page ever fetched without the network.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

from criticdb.common.errors import ArchiveError


class RawArchive:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

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

    def put(self, body: bytes) -> str:
        sha = hashlib.sha256(body).hexdigest()
        path = self.path_for(sha)
        if path.exists():
            return sha
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(gzip.compress(body, compresslevel=6, mtime=0))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ArchiveError(f"cannot write raw page to {path}: {exc}") from exc
        return sha

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
