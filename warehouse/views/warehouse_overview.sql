-- depends:
-- One row of headline counts and the latest run, for reports.
CREATE OR REPLACE VIEW warehouse_overview AS
WITH latest_run AS (
    SELECT * FROM runs ORDER BY started_at DESC LIMIT 1
),
final AS (
    SELECT
        (SELECT count(*) FROM films WHERE film_id IN (SELECT film_id FROM reviews)) AS films,
        (SELECT count(*) FROM critics) AS critics,
        (SELECT count(*) FROM publications) AS publications,
        (SELECT count(*) FROM reviews) AS reviews,
        (SELECT count(*) FROM reviews WHERE score_source = 'rating') AS rated_reviews,
        (SELECT count(*) FROM reviews WHERE score_source = 'inferred') AS inferred_reviews,
        (SELECT count(*) FROM reviews WHERE score IS NULL) AS unscored_reviews,
        (SELECT count(*) FROM rejects) AS rejects,
        r.run_id AS last_run_id, r.started_at AS last_run_started, r.status AS last_run_status,
        r.pages_fetched AS last_run_fetched, r.pages_not_modified AS last_run_not_modified,
        r.pages_rejected AS last_run_rejected,
        (SELECT count(*) FROM films WHERE year IS NULL
            AND film_id IN (SELECT film_id FROM reviews)) AS provisional_films,
        (SELECT count(*) FROM reviews WHERE film_id IN (
            SELECT film_id FROM films WHERE year IS NULL)) AS reviews_of_provisional_films
    FROM (SELECT 1) AS one
    LEFT JOIN latest_run AS r ON true
)
SELECT * FROM final;
COMMENT ON VIEW warehouse_overview IS 'Headline counts (films with reviews, critics, publications, reviews, rated/inferred/unscored, rejects) and the latest run.';
COMMENT ON COLUMN warehouse_overview.films IS 'Films with at least one review.';
COMMENT ON COLUMN warehouse_overview.critics IS 'Critics (unsigned ones included).';
COMMENT ON COLUMN warehouse_overview.publications IS 'Publications.';
COMMENT ON COLUMN warehouse_overview.reviews IS 'Reviews.';
COMMENT ON COLUMN warehouse_overview.rated_reviews IS 'Reviews with a rating.';
COMMENT ON COLUMN warehouse_overview.inferred_reviews IS 'Reviews with an inferred score.';
COMMENT ON COLUMN warehouse_overview.unscored_reviews IS 'Reviews without any score.';
COMMENT ON COLUMN warehouse_overview.rejects IS 'Rejects over all runs.';
COMMENT ON COLUMN warehouse_overview.last_run_id IS 'The latest run.';
COMMENT ON COLUMN warehouse_overview.last_run_started IS 'When it started.';
COMMENT ON COLUMN warehouse_overview.last_run_status IS 'running, completed, failed or abandoned.';
COMMENT ON COLUMN warehouse_overview.last_run_fetched IS 'Pages it fetched with a body.';
COMMENT ON COLUMN warehouse_overview.last_run_not_modified IS 'Pages it found not modified (304, or skipped per sitemap lastmod).';
COMMENT ON COLUMN warehouse_overview.last_run_rejected IS 'Rejects it recorded at any stage (reasons in last_run_rejects).';
COMMENT ON COLUMN warehouse_overview.provisional_films IS 'Films with reviews but no known year (identity_source = ''title_only'', or ''page_ids'' for a page that gives an id but no year); remake pairs and per-year views leave them out.';
COMMENT ON COLUMN warehouse_overview.reviews_of_provisional_films IS 'Reviews of provisional films: in film and critic views, left out of anything that needs a year.';
