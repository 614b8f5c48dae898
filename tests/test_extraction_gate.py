"""The extraction gate over every corpus, and proof that it can fail."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import extraction_gate


def test_every_corpus_keeps_its_floors() -> None:
    """Golden pages, the real saved pages and CleanEval (../shared/corpus; required under
    CI=true, skipped with a message elsewhere) against extraction_baseline.json."""
    assert extraction_gate.main([]) == 0


def _baseline(tmp_path: Path, change) -> Path:
    data = json.loads(extraction_gate.BASELINE.read_text(encoding="utf-8"))
    change(data["golden"])
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_score_below_its_floor_fails(tmp_path: Path) -> None:
    path = _baseline(tmp_path, lambda g: g["floors"].update(film_title=1.001))
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden"]) == 1


def test_a_changed_corpus_fails_until_re_pinned(tmp_path: Path) -> None:
    path = _baseline(tmp_path, lambda g: g.update(hash="0000000000000000"))
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden"]) == 1
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden",
                                 "--update"]) == 0
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden"]) == 0


def test_update_refuses_to_lower_a_floor(tmp_path: Path) -> None:
    path = _baseline(tmp_path, lambda g: g["floors"].update(film_title=1.001))
    before = path.read_text(encoding="utf-8")
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden",
                                 "--update"]) == 2
    assert path.read_text(encoding="utf-8") == before
    assert extraction_gate.main(["--baseline", str(path), "--corpus", "golden", "--update",
                                 "--allow-lower"]) == 0
    assert json.loads(path.read_text())["golden"]["floors"]["film_title"] == 1.0
