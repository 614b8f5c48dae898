-- Make publications equal to the registered `batch`, touching only rows that differ.
-- Statements are run by name from warehouse/load.py (replace_entities), in this order.

-- name: count
SELECT count(*) FROM publications;

-- name: first_load
INSERT INTO publications SELECT * FROM batch;

-- name: changed
CREATE OR REPLACE TEMP TABLE changed AS SELECT * FROM batch EXCEPT SELECT * FROM publications;

-- name: n_changed
SELECT count(*) FROM changed;

-- name: updated
SELECT count(*) FROM changed AS c
WHERE EXISTS (SELECT 1 FROM publications WHERE c.publication_id IS NOT DISTINCT FROM publications.publication_id);

-- name: delete
DELETE FROM publications
WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE x.publication_id IS NOT DISTINCT FROM publications.publication_id)
   OR EXISTS (SELECT 1 FROM changed AS x WHERE x.publication_id IS NOT DISTINCT FROM publications.publication_id);

-- name: insert
INSERT INTO publications SELECT * FROM changed;
