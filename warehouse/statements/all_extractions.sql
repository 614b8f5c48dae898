-- Extractions of pages that are still live; a page that answered 404/410 leaves the entities.
SELECT e.url, e.site, e.site_url, e.content_sha256, e.record_json
FROM extractions AS e
JOIN pages AS p USING (url)
WHERE p.status NOT IN (404, 410)
ORDER BY e.url;
