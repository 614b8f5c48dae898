-- What the report and the CLI read: the view in a stable order.
SELECT * FROM last_run_rejects
ORDER BY n DESC, stage, reason
