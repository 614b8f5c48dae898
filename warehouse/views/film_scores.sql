-- Per film: how many reviews, and the distribution of their 0–100 scores.
CREATE OR REPLACE VIEW film_scores AS
WITH films AS (
    SELECT film_id, title, year FROM films
),
reviews AS (
    SELECT film_id, score FROM reviews
),
per_film AS (
    SELECT
        film_id,
        count(*) AS n_reviews,
        count(score) AS n_scored,
        round(avg(score), 2) AS mean_score,
        round(median(score), 2) AS median_score,
        round(stddev_samp(score), 2) AS stddev_score,
        round(100.0 * count(*) FILTER (WHERE score >= 60) / nullif(count(score), 0), 1)
            AS pct_positive
    FROM reviews
    GROUP BY film_id
),
final AS (
    SELECT f.film_id, f.title, f.year, p.n_reviews, p.n_scored, p.mean_score,
           p.median_score, p.stddev_score, p.pct_positive
    FROM films AS f
    JOIN per_film AS p USING (film_id)
)
SELECT * FROM final;
COMMENT ON VIEW film_scores IS 'Per film: reviews, scored reviews, mean/median/stddev score and % positive (score >= 60).';
