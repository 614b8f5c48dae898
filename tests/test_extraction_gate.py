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


def test_a_negative_counts_as_rejected_by_either_reason_the_pipeline_rejects(
        tmp_path: Path) -> None:
    """Only `not_film_review` and `no_film_identified` lose a page (reject_reason); a negative
    lost either way is rejected, and the report keeps the two apart."""
    from benchmarks import real_pages

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "tv.html").write_text(
        "<html><head><title>Harbour Lights season 2 review</title></head><body><article>"
        "<h1>Harbour Lights season 2, episode 4 review</h1><p>The series finds its feet in "
        "this episode; the showrunner gives the whole cast a season arc at last.</p>"
        "</article></body></html>", encoding="utf-8")
    (pages / "blank.html").write_text(
        "<html><body><article><p>Some thoughts on the film I saw at the cinema last night. "
        "The director and the cast did fine work; the screenplay sags in the middle.</p>"
        "<p>Rating: 7/10</p></article></body></html>", encoding="utf-8")
    columns = ["file", "repo", "path", "commit", "site", "url", "film_title", "film_year",
               "critic", "rating_raw", "rating_scale", "published", "remake_of", "structured",
               "kind", "language", "score"]
    rows = [["tv.html", "", "", "", "tv.example", "https://tv.example/harbour-lights-s2e4/"]
            + [""] * 8 + ["negative:tv_review", "en", ""],
            ["blank.html", "", "", "", "blank.example", "https://blank.example/p/1/"]
            + [""] * 8 + ["negative:untitled_post", "en", ""]]
    (tmp_path / "manifest.tsv").write_text(
        "\n".join("\t".join(r) for r in [columns, *rows]) + "\n", encoding="utf-8")
    res = real_pages.evaluate(tmp_path)
    assert (res.negatives, res.negatives_rejected, res.negatives_no_film) == (2, 2, 1)
