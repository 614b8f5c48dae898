-- Make reviews equal to the registered `batch`, touching only rows that differ.
-- Statements are run by name from warehouse/load.py (replace_entities), in this order.

-- name: count
SELECT count(*) FROM reviews;

-- name: first_load
INSERT INTO reviews SELECT * FROM batch;

-- name: changed
CREATE OR REPLACE TEMP TABLE changed AS SELECT * FROM batch EXCEPT SELECT * FROM reviews;

-- name: n_changed
SELECT count(*) FROM changed;

-- name: updated
SELECT count(*) FROM changed AS c
WHERE EXISTS (SELECT 1 FROM reviews WHERE c.review_id IS NOT DISTINCT FROM reviews.review_id);

-- name: delete
DELETE FROM reviews
WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE x.review_id IS NOT DISTINCT FROM reviews.review_id)
   OR EXISTS (SELECT 1 FROM changed AS x WHERE x.review_id IS NOT DISTINCT FROM reviews.review_id);

-- name: insert
INSERT INTO reviews SELECT * FROM changed;
