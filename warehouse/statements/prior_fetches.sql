SELECT requested_url, url, etag, last_modified, content_sha256, fetched_at
FROM pages
WHERE content_sha256 IS NOT NULL;
