"""Snapshot publishing: runs write a working copy; readers only ever see finished runs.

DuckDB lets one process write a file, and a reader holding it open would block that writer.
So the pipeline never opens the published file for writing: it works in `<db>.work` (created
from the published file when missing) and, when the run is complete and the connection
closed, copies it to a temporary file beside the published one and renames it over it. The
rename is atomic on POSIX: a reader that has the old file open keeps reading the old
snapshot; the next connection sees the new one. A run that dies leaves the published file as
it was; the next run continues from the working copy (every stage is idempotent).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import duckdb

from criticdb.common.crashpoints import crashpoint
from criticdb.common.errors import CriticdbError


class PublishError(CriticdbError):
    """The snapshot could not be written; the message names the path."""


def working_path(db: Path) -> Path:
    return db.with_name(db.name + ".work")


def open_working_copy(db: Path) -> Path:
    """Path of the working copy, seeded from the published file the first time."""
    work = working_path(db)
    if not work.exists() and db.exists():
        tmp = work.with_name(work.name + ".tmp")
        try:
            shutil.copyfile(db, tmp)
            os.replace(tmp, work)  # never leave a half-copied working database behind
        except OSError as exc:
            with contextlib.suppress(OSError):  # a read-only disk refuses even this
                tmp.unlink(missing_ok=True)
            raise PublishError(f"cannot create the working copy {work}: {exc}") from exc
    return work


def publish(work: Path, db: Path) -> None:
    """Atomically replace `db` with a copy of the closed working database `work`."""
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    try:
        with open(work, "rb") as src, open(tmp, "wb") as dst:
            dst.write(src.read(64 * 1024))
            crashpoint("publish")
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, db)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise PublishError(f"cannot publish the warehouse to {db}: {exc}; the previous "
                           "snapshot is unchanged") from exc


class WarehouseBusy(PublishError):
    """Another live process is writing this warehouse."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def check_lock(db: Path) -> None:
    """One clear line when another live run holds the warehouse (a dead one's lock is
    stale and taken over)."""
    lock = lock_path(db)
    try:
        pid = int(lock.read_text(encoding="utf-8").strip() or 0)
    except (FileNotFoundError, ValueError):
        return
    if pid and pid != os.getpid() and _alive(pid):
        raise WarehouseBusy(f"another run is writing this warehouse {db} (pid {pid}); wait "
                            "for it to finish")


def acquire_lock(db: Path) -> None:
    check_lock(db)
    try:
        lock_path(db).write_text(str(os.getpid()), encoding="utf-8")
    except OSError as exc:
        raise PublishError(f"cannot write the lock file {lock_path(db)}: {exc}") from exc


def release_lock(db: Path) -> None:
    with contextlib.suppress(OSError):
        lock = lock_path(db)
        if lock.read_text(encoding="utf-8").strip() == str(os.getpid()):
            lock.unlink()


class Snapshot:
    """One run's view of the warehouse: where it writes and how it publishes.

    A local file is written as a working copy and published atomically; an `md:` (MotherDuck)
    database is written in place: the service serves concurrent readers itself.
    """

    def __init__(self, db: str) -> None:
        self.remote = db.startswith("md:")
        self.name = db
        self.path = Path(db.split(":", 1)[1] or "criticdb") if self.remote else Path(db).resolve()

    def open(self) -> duckdb.DuckDBPyConnection:
        """The run's connection; a local warehouse is locked to this process until publish."""
        from criticdb.warehouse.db import connect

        if self.remote:
            return connect(self.name)
        acquire_lock(self.path)
        return connect(open_working_copy(self.path))

    def publish(self) -> None:
        if not self.remote:
            try:
                publish(working_path(self.path), self.path)
            finally:
                release_lock(self.path)

    @property
    def readable(self) -> str:
        """What readers (the report) open."""
        return self.name if self.remote else str(self.path)
