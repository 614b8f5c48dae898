-- Fingerprint of the extractions that feed the entity tables (pages that are not gone).
SELECT md5(coalesce(string_agg(e.url || ':' || e.content_sha256 || ':' || e.parser_version,
                               ',' ORDER BY e.url), ''))
FROM extractions AS e
JOIN pages AS p USING (url)
WHERE p.status NOT IN (404, 410);
