-- One review per canonical URL.
SELECT url, count(*) AS n FROM reviews GROUP BY url HAVING count(*) > 1;
