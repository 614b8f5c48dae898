CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ DEFAULT current_timestamp
);
COMMENT ON TABLE schema_migrations IS 'Applied schema migrations (warehouse/migrations/NNN_*.sql).';
COMMENT ON COLUMN schema_migrations.version IS 'Migration number.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied to this file.';
