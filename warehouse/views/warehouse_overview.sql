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
        r.pages_rejected AS last_run_rejected
    FROM (SELECT 1) AS one
    LEFT JOIN latest_run AS r ON true
)
SELECT * FROM final;
COMMENT ON VIEW warehouse_overview IS 'Headline counts (films with reviews, critics, publications, reviews, rated/inferred/unscored, rejects) and the latest run.';
