SELECT url, site, content_sha256 FROM pages WHERE content_sha256 IS NOT NULL ORDER BY url;
