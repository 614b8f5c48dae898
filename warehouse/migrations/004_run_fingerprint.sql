-- v4: remember what the entities were built from, so an unchanged run can skip rebuilding.
ALTER TABLE runs ADD COLUMN inputs_sha256 VARCHAR;
COMMENT ON COLUMN runs.inputs_sha256 IS 'Fingerprint of what the entity tables were built from (live extractions, catalogue, transform version); equal fingerprints mean equal entities.';
ALTER TABLE runs ADD COLUMN pages_gone INTEGER;
COMMENT ON COLUMN runs.pages_gone IS 'Known pages that answered 404 or 410 in this run (marked gone in pages; their reviews leave the entity tables).';
