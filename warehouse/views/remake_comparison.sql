-- depends: stg_ratings, stg_remake_pairs, t_quantiles_95
-- Per (original, remake) pair: n and mean rating of each, the difference with a 95% Welch
-- confidence interval, and the paired difference over critics who rated both films.
CREATE OR REPLACE VIEW remake_comparison AS
WITH pairs AS (
    SELECT original_id, remake_id, relation_sources FROM stg_remake_pairs
),
ratings AS (
    SELECT film_id, critic_id, score, unsigned FROM stg_ratings
),
film_stats AS (
    SELECT film_id, count(*) AS n, avg(score) AS mean, var_samp(score) AS var
    FROM ratings
    GROUP BY film_id
),
all_scores AS (
    SELECT film_id, count(score) AS n, avg(score) AS mean FROM reviews GROUP BY film_id
),
paired AS (
    SELECT p.original_id, p.remake_id, count(*) AS n_paired,
           avg(r.score - o.score) AS mean_paired
    FROM pairs AS p
    JOIN ratings AS o ON o.film_id = p.original_id
    JOIN ratings AS r ON r.film_id = p.remake_id AND r.critic_id = o.critic_id
    WHERE NOT o.unsigned  -- an unsigned byline is not one person
    GROUP BY ALL
),
welch AS (
    SELECT p.original_id, p.remake_id,
           so.var / so.n + sr.var / sr.n AS se2,
           (so.var / so.n + sr.var / sr.n) ** 2
               / nullif((so.var / so.n) ** 2 / (so.n - 1) + (sr.var / sr.n) ** 2 / (sr.n - 1), 0)
               AS df
    FROM pairs AS p
    JOIN film_stats AS so ON so.film_id = p.original_id
    JOIN film_stats AS sr ON sr.film_id = p.remake_id
    WHERE so.n >= 2 AND sr.n >= 2
),
welch_ci AS (
    -- the t quantile of the largest tabulated df not above Welch's df (conservative)
    SELECT w.original_id, w.remake_id,
           (SELECT q.t FROM t_quantiles_95 AS q WHERE q.df <= greatest(floor(coalesce(w.df, 1)), 1)
            ORDER BY q.df DESC LIMIT 1) * sqrt(w.se2) AS half_width
    FROM welch AS w
),
final AS (
    SELECT
        p.original_id, o.title AS original_title, o.year AS original_year,
        o.country AS original_country,
        p.remake_id, r.title AS remake_title, r.year AS remake_year,
        r.country AS remake_country,
        coalesce(so.n, 0) AS original_n, round(so.mean, 2) AS original_mean,
        coalesce(sr.n, 0) AS remake_n, round(sr.mean, 2) AS remake_mean,
        round(sr.mean - so.mean, 2) AS difference,
        round(sr.mean - so.mean - ci.half_width, 2) AS difference_ci_low,
        round(sr.mean - so.mean + ci.half_width, 2) AS difference_ci_high,
        coalesce(pd.n_paired, 0) AS n_paired_critics,
        round(pd.mean_paired, 2) AS paired_difference,
        round(aa.mean - ao.mean, 2) AS difference_incl_inferred,
        coalesce(so.n, 0) < 3 OR coalesce(sr.n, 0) < 3 AS too_few_reviews,
        p.relation_sources
    FROM pairs AS p
    JOIN films AS o ON o.film_id = p.original_id
    JOIN films AS r ON r.film_id = p.remake_id
    LEFT JOIN film_stats AS so ON so.film_id = p.original_id
    LEFT JOIN film_stats AS sr ON sr.film_id = p.remake_id
    LEFT JOIN all_scores AS ao ON ao.film_id = p.original_id
    LEFT JOIN all_scores AS aa ON aa.film_id = p.remake_id
    LEFT JOIN welch_ci AS ci ON ci.original_id = p.original_id AND ci.remake_id = p.remake_id
    LEFT JOIN paired AS pd ON pd.original_id = p.original_id AND pd.remake_id = p.remake_id
)
SELECT * FROM final;
COMMENT ON VIEW remake_comparison IS 'Original vs remake, ratings only: n and mean of each, difference (remake − original) with a 95% Welch CI, paired difference over critics who rated both, the difference including inferred scores, a too_few_reviews flag (< 3 ratings on a side) and the relation sources.';
