-- depends: stg_ratings
-- Each critic against the consensus: mean deviation of their rating from the mean of the
-- other critics' ratings of the same film (leave-one-out), and how often they agree on
-- positive (>= 60) vs negative.
CREATE OR REPLACE VIEW critic_leanings AS
WITH ratings AS (
    SELECT critic_id, film_id, score, unsigned FROM stg_ratings
),
film_totals AS (
    SELECT film_id, sum(score) AS total, count(*) AS n FROM ratings GROUP BY film_id
),
loo AS (
    SELECT r.critic_id, r.score, (t.total - r.score) / (t.n - 1) AS consensus
    FROM ratings AS r
    JOIN film_totals AS t USING (film_id)
    WHERE t.n >= 2 AND NOT r.unsigned  -- unsigned ratings count in the consensus only
),
per_critic AS (
    SELECT critic_id, count(*) AS n_compared,
           round(avg(score - consensus), 2) AS mean_deviation,
           round(100.0 * avg(CASE WHEN (score >= 60) = (consensus >= 60) THEN 1 ELSE 0 END), 1)
               AS pct_agreement
    FROM loo
    GROUP BY critic_id
),
final AS (
    SELECT c.critic_id, c.name, p.n_compared, p.mean_deviation, p.pct_agreement,
           CASE WHEN p.mean_deviation <= -5 THEN 'harsher'
                WHEN p.mean_deviation >= 5 THEN 'kinder' ELSE 'in line' END AS leaning
    FROM per_critic AS p
    JOIN critics AS c USING (critic_id)
)
SELECT * FROM final;
COMMENT ON VIEW critic_leanings IS 'Per critic: ratings compared with the leave-one-out mean of other critics on the same film, mean deviation (negative = harsher), % agreement on positive/negative, and a leaning label (±5 points).';
COMMENT ON COLUMN critic_leanings.critic_id IS 'The critic (critics.critic_id); unsigned bylines are left out.';
COMMENT ON COLUMN critic_leanings.name IS 'The critic''s display name.';
COMMENT ON COLUMN critic_leanings.n_compared IS 'Ratings of this critic on films at least one other critic rated.';
COMMENT ON COLUMN critic_leanings.mean_deviation IS 'Mean of (this rating − the other critics'' mean rating of the same film), points on 0–100; negative = harsher.';
COMMENT ON COLUMN critic_leanings.pct_agreement IS '% of compared ratings on the same side of 60 (positive/negative) as the other critics'' mean.';
COMMENT ON COLUMN critic_leanings.leaning IS 'harsher (mean_deviation ≤ −5), kinder (≥ 5) or in line.';
