-- depends:
-- The rejects the latest run recorded, one row per page, for the report's data-quality page.
CREATE OR REPLACE VIEW recent_rejects AS
WITH latest AS (
    SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1
),
final AS (
    SELECT r.url, r.stage, r.reason, r.detail, r.http_status, r.times_seen
    FROM rejects AS r
    JOIN latest AS l ON r.last_run_id = l.run_id
)
SELECT * FROM final;
COMMENT ON VIEW recent_rejects IS 'Every reject the latest run recorded: the page, stage, reason and detail.';
COMMENT ON COLUMN recent_rejects.url IS 'The page (or source) that was rejected.';
COMMENT ON COLUMN recent_rejects.stage IS 'Pipeline stage that rejected.';
COMMENT ON COLUMN recent_rejects.reason IS 'Stable reason code.';
COMMENT ON COLUMN recent_rejects.detail IS 'What the stage saw (evidence, the error), truncated.';
COMMENT ON COLUMN recent_rejects.http_status IS 'HTTP status of the failed fetch, when there was one.';
COMMENT ON COLUMN recent_rejects.times_seen IS 'Runs that have recorded this reject.';
