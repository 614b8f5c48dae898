SELECT inputs_sha256 FROM runs
WHERE status = 'completed' AND inputs_sha256 IS NOT NULL
ORDER BY started_at DESC LIMIT 1;
