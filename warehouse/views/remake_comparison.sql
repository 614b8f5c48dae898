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
COMMENT ON COLUMN remake_comparison.original_id IS 'The original film.';
COMMENT ON COLUMN remake_comparison.original_title IS 'Its title.';
COMMENT ON COLUMN remake_comparison.original_year IS 'Its year.';
COMMENT ON COLUMN remake_comparison.original_country IS 'Its country, when known.';
COMMENT ON COLUMN remake_comparison.remake_id IS 'The remake.';
COMMENT ON COLUMN remake_comparison.remake_title IS 'Its title.';
COMMENT ON COLUMN remake_comparison.remake_year IS 'Its year.';
COMMENT ON COLUMN remake_comparison.remake_country IS 'Its country, when known.';
COMMENT ON COLUMN remake_comparison.original_n IS 'Ratings of the original.';
COMMENT ON COLUMN remake_comparison.original_mean IS 'Mean rating of the original (0–100).';
COMMENT ON COLUMN remake_comparison.remake_n IS 'Ratings of the remake.';
COMMENT ON COLUMN remake_comparison.remake_mean IS 'Mean rating of the remake (0–100).';
COMMENT ON COLUMN remake_comparison.difference IS 'remake_mean − original_mean, points (ratings only).';
COMMENT ON COLUMN remake_comparison.difference_ci_low IS 'Lower end of the 95% Welch confidence interval of the difference (NULL with fewer than 2 ratings a side).';
COMMENT ON COLUMN remake_comparison.difference_ci_high IS 'Upper end of that interval; not clipped to the 0–100 scale.';
COMMENT ON COLUMN remake_comparison.n_paired_critics IS 'Signed critics who rated both films.';
COMMENT ON COLUMN remake_comparison.paired_difference IS 'Mean of remake − original over those critics, points.';
COMMENT ON COLUMN remake_comparison.difference_incl_inferred IS 'The difference of means including inferred scores.';
COMMENT ON COLUMN remake_comparison.too_few_reviews IS 'True when a side has fewer than 3 ratings: read the difference with care.';
COMMENT ON COLUMN remake_comparison.relation_sources IS 'Sources claiming the remake relation (catalogue, review_text, wikidata).';
