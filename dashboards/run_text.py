"""The words a run uses about itself. The per-site log lines, the flow's summary artifact and
the CLI's closing line all come from here, so one count has one name and one value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

# (count key, words): the order they are printed in, everywhere
TERMS = (("discovered", "discovered"), ("fetched", "fetched"),
         ("not_modified", "not modified"), ("rejected", "rejected"),
         ("extracted", "extracted"), ("loaded", "loaded"))
# A run that leaves more than this share of its extracted reviews out at normalise says so.
DROPPED_WARN_SHARE = 0.1


def reasons(rejects: Iterable[Any]) -> dict[str, int]:
    """Reject reason → count, most frequent first (ties by name, for stable text)."""
    counts = Counter(r.reason for r in rejects)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def counts_phrase(counts: Mapping[str, int], by_reason: Mapping[str, int] | None = None,
                  skipped_by_lastmod: int | None = None) -> str:
    """'69 discovered, 64 fetched, 0 not modified, 5 rejected (robots_disallowed 5), …':
    only the keys present are said; a re-run's rejects name their reason, so a no-op run
    that rejects robots-disallowed pages again says why."""
    parts = []
    for key, words in TERMS:
        if key not in counts:
            continue
        text = f"{counts[key]} {words}"
        if key == "not_modified" and skipped_by_lastmod:
            text += f" ({skipped_by_lastmod} skipped per sitemap lastmod)"
        if key == "rejected" and by_reason:
            text += " (" + ", ".join(f"{k} {v}" for k, v in by_reason.items()) + ")"
        parts.append(text)
    return ", ".join(parts)


def dropped_line(normalised: int, dropped: Iterable[Any]) -> str | None:
    """One line when normalise kept more than a tenth of the extracted reviews out, naming
    the top reasons, so 'completed' never hides a mostly empty warehouse."""
    by_reason = reasons(dropped)
    n = sum(by_reason.values())
    if not normalised or n <= DROPPED_WARN_SHARE * normalised:
        return None
    top = ", ".join(f"{k} {v}" for k, v in list(by_reason.items())[:3])
    return (f"{n} of {normalised} extracted reviews did not reach the warehouse "
            f"({top}); see last_run_rejects")


def site_lines(crawls: Iterable[Any]) -> list[str]:
    """One log line per site; its numbers add up to the run's summary line."""
    return [f"{c.site}: " + counts_phrase(c.counts, reasons(c.rejects), c.unchanged_by_lastmod)
            for c in crawls]


def summary_line(verb: str, run_id: str, counts: Mapping[str, int],
                 by_reason: Mapping[str, int] | None = None) -> str:
    """The CLI's closing line: the runs table's counts in the per-site lines' words."""
    failed = counts.get("sites_failed", 0)
    return (f"criticdb {verb} {run_id} completed: " + counts_phrase(counts, by_reason)
            + (f"; {failed} of {counts.get('sites', 0)} sites failed (see last_run_rejects)"
               if failed else ""))
