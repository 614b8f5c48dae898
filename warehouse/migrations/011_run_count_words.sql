-- v11: the runs columns described in the words the run summary uses (dashboards/run_text.py).
COMMENT ON COLUMN runs.pages_discovered IS 'Review URLs discovered ("discovered" in the run summary).';
COMMENT ON COLUMN runs.pages_fetched IS 'Pages fetched with a body ("fetched").';
COMMENT ON COLUMN runs.pages_not_modified IS 'Pages known unchanged: answered 304 Not Modified, or skipped without a request because the sitemap lastmod is older than our copy ("not modified").';
COMMENT ON COLUMN runs.pages_rejected IS 'Rejects recorded by the run at any stage, including pages rejected again on every run such as robots-disallowed ones ("rejected"; reasons in last_run_rejects).';
COMMENT ON COLUMN runs.pages_extracted IS 'Pages extracted into reviews ("extracted").';
