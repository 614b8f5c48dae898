-- depends:
-- Rejects counted by stage and reason.
CREATE OR REPLACE VIEW reject_summary AS
SELECT stage, reason, count(*) AS n FROM rejects GROUP BY ALL;
COMMENT ON VIEW reject_summary IS 'Number of rejected pages or records per stage and reason.';
COMMENT ON COLUMN reject_summary.stage IS 'Pipeline stage that rejected.';
COMMENT ON COLUMN reject_summary.reason IS 'Stable reason code.';
COMMENT ON COLUMN reject_summary.n IS 'Rejects with this stage and reason, over all runs.';
