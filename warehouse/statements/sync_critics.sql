-- Make critics equal to the registered `batch`, touching only rows that differ.
-- Statements are run by name from warehouse/load.py (replace_entities), in this order.

-- name: count
SELECT count(*) FROM critics;

-- name: first_load
INSERT INTO critics SELECT * FROM batch;

-- name: changed
CREATE OR REPLACE TEMP TABLE changed AS SELECT * FROM batch EXCEPT SELECT * FROM critics;

-- name: n_changed
SELECT count(*) FROM changed;

-- name: updated
SELECT count(*) FROM changed AS c
WHERE EXISTS (SELECT 1 FROM critics WHERE c.critic_id IS NOT DISTINCT FROM critics.critic_id);

-- name: delete
DELETE FROM critics
WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE x.critic_id IS NOT DISTINCT FROM critics.critic_id)
   OR EXISTS (SELECT 1 FROM changed AS x WHERE x.critic_id IS NOT DISTINCT FROM critics.critic_id);

-- name: insert
INSERT INTO critics SELECT * FROM changed;
