-- Make film_relations equal to the registered `batch`, touching only rows that differ.
-- Statements are run by name from warehouse/load.py (replace_entities), in this order.

-- name: count
SELECT count(*) FROM film_relations;

-- name: first_load
INSERT INTO film_relations SELECT * FROM batch;

-- name: changed
CREATE OR REPLACE TEMP TABLE changed AS SELECT * FROM batch EXCEPT SELECT * FROM film_relations;

-- name: n_changed
SELECT count(*) FROM changed;

-- name: updated
SELECT count(*) FROM changed AS c
WHERE EXISTS (SELECT 1 FROM film_relations WHERE c.film_id IS NOT DISTINCT FROM film_relations.film_id AND c.related_film_id IS NOT DISTINCT FROM film_relations.related_film_id AND c.relation IS NOT DISTINCT FROM film_relations.relation AND c.source IS NOT DISTINCT FROM film_relations.source);

-- name: delete
DELETE FROM film_relations
WHERE NOT EXISTS (SELECT 1 FROM batch AS x WHERE x.film_id IS NOT DISTINCT FROM film_relations.film_id AND x.related_film_id IS NOT DISTINCT FROM film_relations.related_film_id AND x.relation IS NOT DISTINCT FROM film_relations.relation AND x.source IS NOT DISTINCT FROM film_relations.source)
   OR EXISTS (SELECT 1 FROM changed AS x WHERE x.film_id IS NOT DISTINCT FROM film_relations.film_id AND x.related_film_id IS NOT DISTINCT FROM film_relations.related_film_id AND x.relation IS NOT DISTINCT FROM film_relations.relation AND x.source IS NOT DISTINCT FROM film_relations.source);

-- name: insert
INSERT INTO film_relations SELECT * FROM changed;
