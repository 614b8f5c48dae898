-- depends:
-- Staging: one row per (original, remake) pair, whatever the number of sources claiming it.
CREATE OR REPLACE VIEW stg_remake_pairs AS
WITH relations AS (
    SELECT film_id, related_film_id, source FROM film_relations WHERE relation = 'remake_of'
),
final AS (
    SELECT related_film_id AS original_id, film_id AS remake_id,
           list(DISTINCT source ORDER BY source) AS relation_sources
    FROM relations
    GROUP BY ALL
)
SELECT * FROM final;
COMMENT ON VIEW stg_remake_pairs IS 'Staging: each remake relation once, as (original_id, remake_id) with the sources that claim it.';
COMMENT ON COLUMN stg_remake_pairs.original_id IS 'The original film.';
COMMENT ON COLUMN stg_remake_pairs.remake_id IS 'The remake.';
COMMENT ON COLUMN stg_remake_pairs.relation_sources IS 'Sources claiming the pair, sorted.';
