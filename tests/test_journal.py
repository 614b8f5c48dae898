"""The fetch journal is the commit record: recovery keeps what a killed run fetched, and drops
an entry whose body never reached the archive (a power loss) so that page is fetched again."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from criticdb.scrapers.archive import RawArchive
from criticdb.scrapers.deadlines import Watchdog
from criticdb.scrapers.fetch import FetchResult
from criticdb.scrapers.journal import FetchJournal, recover


def _result(url: str, sha: str) -> FetchResult:
    return FetchResult(url, url, url, 200, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), sha,
                       "text/html", None, None, 1, 3)


def test_recovery_keeps_intact_bodies_and_drops_lost_ones(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path / "raw")
    kept = archive.put(b"<html>kept</html>")
    lost = archive.put(b"<html>lost</html>")
    torn = archive.put(b"<html>torn</html>")
    archive.path_for(lost).unlink()  # never reached the disk
    archive.path_for(torn).write_bytes(b"")  # a zero-length file after a crash
    journal = FetchJournal(archive.journal_dir, "run1", "Site")
    for name, sha in (("kept", kept), ("lost", lost), ("torn", torn)):
        journal.append(_result(f"http://s.test/{name}/", sha))
    stored: list = []
    assert recover(archive, "run2", stored.extend) == 1
    assert [r.url for r in stored] == ["http://s.test/kept/"]
    assert list(archive.journal_dir.glob("*.jsonl")) == []


def test_archive_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path / "raw")
    shas = {archive.put(f"<p>{i}</p>".encode(), {"url": f"u{i}"}) for i in range(50)}
    assert all(archive.intact(s) for s in shas)
    assert list((tmp_path / "raw").rglob("*.tmp")) == []


def test_watchdog_fires_late_deadlines_and_skips_cancelled_ones() -> None:
    dog = Watchdog()
    fired: list[str] = []
    done = threading.Event()
    slow = dog.arm(0.2, lambda: (fired.append("slow"), done.set()))
    quick = dog.arm(0.05, lambda: fired.append("quick"))  # earlier: wakes the thread
    cancelled = dog.arm(0.1, lambda: fired.append("cancelled"))
    cancelled.cancel()
    assert done.wait(5)
    time.sleep(0.05)
    assert fired == ["quick", "slow"] and slow.fired and quick.fired
    assert not cancelled.fired


def test_fetch_metadata_travels_in_the_gzip_header(tmp_path: Path) -> None:
    """One file per page: the metadata is the gzip comment; any gzip reader gets the body."""
    import gzip
    import json

    archive = RawArchive(tmp_path / "raw")
    meta = {"url": "http://s.test/a/", "status": 200, "headers": {"etag": '"x"'},
            "note": "ünïcode and \x00 survive as JSON escapes"}
    sha = archive.put(b"<html>body</html>", meta)
    assert archive.meta(sha) == meta
    assert gzip.decompress(archive.path_for(sha).read_bytes()) == b"<html>body</html>"
    assert [p.suffix for p in (tmp_path / "raw").rglob("*") if p.is_file()] == [".gz"]
    plain = archive.put(b"<html>no meta</html>")
    assert archive.meta(plain) is None and archive.intact(plain)
    # an archive written before keeps its .meta.json beside the body: still read
    archive.meta_path_for(plain).write_text(json.dumps({"status": 304}), encoding="utf-8")
    assert archive.meta(plain) == {"status": 304}
