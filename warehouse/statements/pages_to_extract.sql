-- Pages whose current body has no extraction from the current parser version.
SELECT p.url, p.site, p.content_sha256
FROM pages AS p
LEFT JOIN extractions AS e
    ON e.url = p.url AND e.content_sha256 = p.content_sha256
    AND e.parser_version = $parser_version
WHERE p.content_sha256 IS NOT NULL AND e.url IS NULL
ORDER BY p.url;
