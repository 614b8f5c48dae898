-- depends:
-- Rejects recorded by the latest run, by stage and reason.
CREATE OR REPLACE VIEW last_run_rejects AS
WITH latest AS (
    SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1
)
SELECT r.stage, r.reason, count(*) AS n
FROM rejects AS r JOIN latest AS l ON r.last_run_id = l.run_id
GROUP BY ALL;
COMMENT ON VIEW last_run_rejects IS 'Rejects the latest run recorded, counted by stage and reason.';
COMMENT ON COLUMN last_run_rejects.stage IS 'Pipeline stage that rejected (discover, fetch, extract, normalise, enrich).';
COMMENT ON COLUMN last_run_rejects.reason IS 'Stable reason code (e.g. robots_disallowed, not_film_review).';
COMMENT ON COLUMN last_run_rejects.n IS 'Rejects with this stage and reason seen by the latest run.';
