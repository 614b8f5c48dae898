-- What the report and the CLI read: the view in a stable order.
SELECT * FROM site_pages
ORDER BY site
