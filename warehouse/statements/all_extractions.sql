SELECT url, site, site_url, content_sha256, record_json FROM extractions ORDER BY url;
