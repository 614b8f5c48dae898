-- Close a run row with its status and counts (named parameters from warehouse/runs.py).
UPDATE runs SET
    finished_at = $finished_at, status = $status,
    pages_discovered = $discovered, pages_fetched = $fetched,
    pages_not_modified = $not_modified, pages_rejected = $rejected,
    pages_extracted = $extracted, pages_gone = $gone,
    reviews_added = $reviews_added, reviews_updated = $reviews_updated,
    reviews_removed = $reviews_removed,
    sites_total = $sites, sites_failed = $sites_failed,
    reviews_total = (SELECT count(*) FROM reviews), reviews_loaded = $loaded,
    message = $message, inputs_sha256 = $inputs_sha256
WHERE run_id = $run_id;
