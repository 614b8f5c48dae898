-- depends:
-- Pages per site by latest HTTP status, and reviews each site contributed.
CREATE OR REPLACE VIEW site_pages AS
WITH pages AS (
    SELECT site, status FROM pages
),
per_site AS (
    SELECT site, count(*) AS pages, count(*) FILTER (WHERE status = 200) AS last_200,
           count(*) FILTER (WHERE status = 304) AS last_304
    FROM pages GROUP BY site
),
reviews AS (
    SELECT e.site, count(r.review_id) AS reviews
    FROM extractions AS e LEFT JOIN reviews AS r USING (url) GROUP BY e.site
),
final AS (
    SELECT p.site, p.pages, p.last_200, p.last_304, coalesce(r.reviews, 0) AS reviews
    FROM per_site AS p LEFT JOIN reviews AS r USING (site)
)
SELECT * FROM final;
COMMENT ON VIEW site_pages IS 'Per site: pages indexed, how many answered 200 or 304 on their latest fetch, and reviews loaded.';
COMMENT ON COLUMN site_pages.site IS 'Site name from the sources file.';
COMMENT ON COLUMN site_pages.pages IS 'Pages known for the site.';
COMMENT ON COLUMN site_pages.last_200 IS 'Pages whose last fetch returned a body (200).';
COMMENT ON COLUMN site_pages.last_304 IS 'Pages whose last fetch was not modified (304).';
COMMENT ON COLUMN site_pages.reviews IS 'Reviews in the warehouse from the site''s pages.';
