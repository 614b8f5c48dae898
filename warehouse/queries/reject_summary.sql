-- What the report and the CLI read: the view in a stable order.
SELECT * FROM reject_summary
ORDER BY n DESC, stage, reason
