-- depends:
-- Rejects counted by stage and reason.
CREATE OR REPLACE VIEW reject_summary AS
SELECT stage, reason, count(*) AS n FROM rejects GROUP BY ALL;
COMMENT ON VIEW reject_summary IS 'Number of rejected pages or records per stage and reason.';
