-- A run still 'running' here died without finishing (killed, machine lost); then the new run.
UPDATE runs SET status = 'abandoned', message = 'process ended before the run finished'
WHERE status = 'running';
INSERT INTO runs (run_id, flow_run_id, started_at, status, sources_file)
VALUES ($run_id, $flow_run_id, $started_at, 'running', $sources_file);
