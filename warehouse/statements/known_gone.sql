-- How many of the URLs in `batch` (pages now answering 404/410) the warehouse knows.
SELECT count(*) FROM pages
WHERE url IN (SELECT url FROM batch) OR requested_url IN (SELECT url FROM batch);
