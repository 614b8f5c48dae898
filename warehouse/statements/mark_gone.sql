-- Pages we knew that now answer 404/410: marked, so their reviews stop being current.
UPDATE pages SET status = b.status, last_run_id = $run_id
FROM batch AS b
WHERE pages.url = b.url OR pages.requested_url = b.url;
