-- Per (original, remake) pair: each film's mean score and review count, and the difference.
CREATE OR REPLACE VIEW remake_comparison AS
WITH relations AS (
    SELECT film_id, related_film_id, source FROM film_relations WHERE relation = 'remake_of'
),
pairs AS (
    SELECT related_film_id AS original_id, film_id AS remake_id,
           list(DISTINCT source ORDER BY source) AS relation_sources
    FROM relations
    GROUP BY ALL
),
scores AS (
    SELECT film_id, count(score) AS n_scored, avg(score) AS mean_score
    FROM reviews
    GROUP BY film_id
),
final AS (
    SELECT
        p.original_id, o.title AS original_title, o.year AS original_year,
        p.remake_id, r.title AS remake_title, r.year AS remake_year,
        coalesce(so.n_scored, 0) AS original_n, round(so.mean_score, 2) AS original_mean,
        coalesce(sr.n_scored, 0) AS remake_n, round(sr.mean_score, 2) AS remake_mean,
        round(sr.mean_score - so.mean_score, 2) AS difference,
        p.relation_sources
    FROM pairs AS p
    JOIN films AS o ON o.film_id = p.original_id
    JOIN films AS r ON r.film_id = p.remake_id
    LEFT JOIN scores AS so ON so.film_id = p.original_id
    LEFT JOIN scores AS sr ON sr.film_id = p.remake_id
)
SELECT * FROM final ORDER BY original_year, original_title, remake_year;
COMMENT ON VIEW remake_comparison IS 'Original vs remake: n and mean score of each, difference (remake − original), and the sources of the relation.';
