-- Make films equal to the registered `batch`, touching only rows that differ.
-- Statements are run by name from warehouse/load.py (replace_entities), in this order.

-- name: count
SELECT count(*) FROM films;

-- name: first_load
INSERT INTO films SELECT * FROM batch;

-- name: changed
CREATE OR REPLACE TEMP TABLE changed AS SELECT * FROM batch EXCEPT SELECT * FROM films;

-- name: n_changed
SELECT count(*) FROM changed;

-- name: updated
SELECT count(*) FROM changed AS c
WHERE EXISTS (SELECT 1 FROM films WHERE c.film_id IS NOT DISTINCT FROM films.film_id);

-- name: delete
DELETE FROM films
WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE x.film_id IS NOT DISTINCT FROM films.film_id)
   OR EXISTS (SELECT 1 FROM changed AS x WHERE x.film_id IS NOT DISTINCT FROM films.film_id);

-- name: insert
INSERT INTO films SELECT * FROM changed;
