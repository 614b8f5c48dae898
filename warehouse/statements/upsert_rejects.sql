INSERT INTO rejects BY NAME
SELECT url, stage, reason, any_value(detail) AS detail, any_value(http_status) AS http_status,
       max(attempts) AS attempts, $run_id AS first_run_id, $run_id AS last_run_id,
       1 AS times_seen
FROM batch
GROUP BY url, stage, reason
ON CONFLICT (url, stage, reason) DO UPDATE SET
    detail = excluded.detail, http_status = excluded.http_status,
    attempts = excluded.attempts,
    times_seen = CASE WHEN rejects.last_run_id = excluded.last_run_id
                      THEN rejects.times_seen ELSE rejects.times_seen + 1 END,
    last_run_id = excluded.last_run_id;
