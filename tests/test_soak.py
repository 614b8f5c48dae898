"""A bounded soak: 12 runs against a changing site (new, edited, deleted reviews, an outage)."""

from __future__ import annotations

from tests.soak import soak


def test_soak_keeps_the_warehouse_true_to_the_site(prefect_server, tmp_path) -> None:
    out = soak(12, tmp_path)
    state = out["state"]
    assert out["dupes"] == (0, 0, 0)
    live = state.live()
    got = {title: (body, rating) for title, body, rating, _ in out["reviews"]}
    assert set(got) == {f"Soak Film {n}" for n in live}  # deleted ones are not current
    for n in live:
        v = state.versions[n]
        assert got[f"Soak Film {n}"] == (f"Version {v} of the review of Soak Film {n}.",
                                         str(state.rating(n, v))), n  # latest edit wins
    assert {u.rsplit("/", 2)[-2] for u in out["gone"]} == {str(n) for n in state.deleted}
    # the outage happened: a run whose only site was down is a failed run (issue 16), and the
    # runs after it recovered
    assert out["runs"].get("failed", 0) >= 1 and sum(out["runs"].values()) == 12
    assert set(out["runs"]) == {"completed", "failed"} and "failed" not in out["counts"][-1]
    totals = {k: sum(c.get(f"reviews_{k}", 0) for c in out["counts"])
              for k in ("added", "updated", "removed")}
    assert totals["added"] - totals["removed"] == len(live)
    assert totals["updated"] >= sum(v > 1 for n, v in state.versions.items() if n in live)
