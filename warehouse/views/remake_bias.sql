-- depends: stg_ratings, stg_remake_pairs
-- Do critics rate remakes lower than the originals they remake? Over every (critic,
-- original, remake) where the critic rated both; per critic and overall (critic_id NULL).
CREATE OR REPLACE VIEW remake_bias AS
WITH pairs AS (
    SELECT original_id, remake_id FROM stg_remake_pairs
),
ratings AS (
    SELECT critic_id, film_id, score FROM stg_ratings WHERE NOT unsigned
),
diffs AS (
    SELECT o.critic_id, r.score - o.score AS difference
    FROM pairs AS p
    JOIN ratings AS o ON o.film_id = p.original_id
    JOIN ratings AS r ON r.film_id = p.remake_id AND r.critic_id = o.critic_id
),
final AS (
    SELECT d.critic_id, coalesce(c.name, 'all critics') AS critic, count(*) AS n_pairs,
           round(avg(d.difference), 2) AS mean_difference,
           round(100.0 * avg(CASE WHEN d.difference < 0 THEN 1 ELSE 0 END), 1)
               AS pct_remake_lower
    FROM diffs AS d
    LEFT JOIN critics AS c USING (critic_id)
    GROUP BY GROUPING SETS ((d.critic_id, c.name), ())
)
SELECT * FROM final;
COMMENT ON VIEW remake_bias IS 'Remake minus original rating by the same critic: per critic and overall (critic_id NULL), with n pairs and % of pairs where the remake scored lower.';
COMMENT ON COLUMN remake_bias.critic_id IS 'The critic; NULL on the overall row (all critics).';
COMMENT ON COLUMN remake_bias.critic IS 'The critic''s name, or ''all critics''.';
COMMENT ON COLUMN remake_bias.n_pairs IS '(original, remake) pairs this critic rated both of.';
COMMENT ON COLUMN remake_bias.mean_difference IS 'Mean of remake rating − original rating by the same critic, points.';
COMMENT ON COLUMN remake_bias.pct_remake_lower IS '% of those pairs where the remake scored lower.';
