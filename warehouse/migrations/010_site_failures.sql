-- v10: how many sites a run tried and how many it could not read at all.
ALTER TABLE runs ADD COLUMN sites_total INTEGER;
ALTER TABLE runs ADD COLUMN sites_failed INTEGER;
COMMENT ON COLUMN runs.sites_total IS 'Sites the run crawled.';
COMMENT ON COLUMN runs.sites_failed IS 'Sites from which nothing could be read (unreachable host, DNS failure, robots.txt unreachable, every source failing); see rejects. All failed: the run is failed.';
