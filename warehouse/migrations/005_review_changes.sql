-- v5: how many reviews each run added, updated and removed.
ALTER TABLE runs ADD COLUMN reviews_added INTEGER;
COMMENT ON COLUMN runs.reviews_added IS 'Reviews new in this run.';
ALTER TABLE runs ADD COLUMN reviews_updated INTEGER;
COMMENT ON COLUMN runs.reviews_updated IS 'Reviews whose text, rating, score or identity changed in this run.';
ALTER TABLE runs ADD COLUMN reviews_removed INTEGER;
COMMENT ON COLUMN runs.reviews_removed IS 'Reviews that left the warehouse in this run (page gone, or no longer resolvable).';
