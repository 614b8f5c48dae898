INSERT INTO pages BY NAME
SELECT b.*, coalesce(p.first_run_id, b.last_run_id) AS first_run_id
FROM (SELECT * EXCLUDE (first_run_id) FROM batch) AS b
LEFT JOIN pages AS p USING (url)
ON CONFLICT (url) DO UPDATE SET
    final_url = excluded.final_url, status = excluded.status,
    fetched_at = excluded.fetched_at, content_sha256 = excluded.content_sha256,
    archive_path = excluded.archive_path, content_type = excluded.content_type,
    etag = excluded.etag, last_modified = excluded.last_modified,
    attempts = excluded.attempts, last_run_id = excluded.last_run_id;
