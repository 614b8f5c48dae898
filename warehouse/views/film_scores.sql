-- depends:
-- Per film: review counts and the score distribution, ratings only and with inferred scores.
CREATE OR REPLACE VIEW film_scores AS
WITH films AS (
    SELECT film_id, title, year FROM films
),
reviews AS (
    SELECT film_id, score, score_source = 'rating' AS is_rating FROM reviews
),
per_film AS (
    SELECT
        film_id,
        count(*) AS n_reviews,
        count(*) FILTER (WHERE is_rating) AS n_rated,
        round(avg(score) FILTER (WHERE is_rating), 2) AS mean_rated,
        round(median(score) FILTER (WHERE is_rating), 2) AS median_rated,
        round(stddev_samp(score) FILTER (WHERE is_rating), 2) AS stddev_rated,
        round(100.0 * count(*) FILTER (WHERE is_rating AND score >= 60)
              / nullif(count(*) FILTER (WHERE is_rating), 0), 1) AS pct_positive_rated,
        count(score) AS n_scored,
        round(avg(score), 2) AS mean_all,
        round(median(score), 2) AS median_all,
        round(stddev_samp(score), 2) AS stddev_all,
        round(100.0 * count(*) FILTER (WHERE score >= 60) / nullif(count(score), 0), 1)
            AS pct_positive_all
    FROM reviews
    GROUP BY film_id
),
final AS (
    SELECT f.film_id, f.title, f.year, p.* EXCLUDE (film_id)
    FROM films AS f
    JOIN per_film AS p USING (film_id)
)
SELECT * FROM final;
COMMENT ON VIEW film_scores IS 'Per film: n reviews; n, mean, median, stddev and % positive (score >= 60) of ratings only (*_rated) and of ratings plus inferred scores (*_all).';
COMMENT ON COLUMN film_scores.film_id IS 'The film (films.film_id).';
COMMENT ON COLUMN film_scores.title IS 'Film title.';
COMMENT ON COLUMN film_scores.year IS 'Release year.';
COMMENT ON COLUMN film_scores.n_reviews IS 'Reviews of the film.';
COMMENT ON COLUMN film_scores.n_rated IS 'Reviews with the critic''s own rating.';
COMMENT ON COLUMN film_scores.mean_rated IS 'Mean score of the ratings (0–100).';
COMMENT ON COLUMN film_scores.median_rated IS 'Median score of the ratings.';
COMMENT ON COLUMN film_scores.stddev_rated IS 'Sample standard deviation of the ratings.';
COMMENT ON COLUMN film_scores.pct_positive_rated IS '% of ratings scoring 60 or more.';
COMMENT ON COLUMN film_scores.n_scored IS 'Reviews with any score: ratings plus inferred scores.';
COMMENT ON COLUMN film_scores.mean_all IS 'Mean score including inferred scores.';
COMMENT ON COLUMN film_scores.median_all IS 'Median score including inferred scores.';
COMMENT ON COLUMN film_scores.stddev_all IS 'Standard deviation including inferred scores.';
COMMENT ON COLUMN film_scores.pct_positive_all IS '% of all scores (ratings and inferred) at 60 or more.';
