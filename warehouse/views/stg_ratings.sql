-- depends:
-- Staging: the critics' own ratings (inferred scores left out), one row per review, with
-- whether the critic is a publication's unsigned byline (kept for film-level figures, left
-- out where a critic must be one person).
CREATE OR REPLACE VIEW stg_ratings AS
WITH rated AS (
    SELECT review_id, film_id, critic_id, publication_id, score
    FROM reviews
    WHERE score_source = 'rating'
),
critic_flags AS (
    SELECT critic_id, coalesce(unsigned, false) AS unsigned FROM critics
),
final AS (
    SELECT r.review_id, r.film_id, r.critic_id, r.publication_id, r.score, c.unsigned
    FROM rated AS r
    JOIN critic_flags AS c USING (critic_id)
)
SELECT * FROM final;
COMMENT ON VIEW stg_ratings IS 'Staging: every critic''s own rating (score_source = rating) with the critic''s unsigned flag; the analysis views read ratings from here.';
COMMENT ON COLUMN stg_ratings.review_id IS 'The review.';
COMMENT ON COLUMN stg_ratings.film_id IS 'The film.';
COMMENT ON COLUMN stg_ratings.critic_id IS 'The critic.';
COMMENT ON COLUMN stg_ratings.publication_id IS 'The publication.';
COMMENT ON COLUMN stg_ratings.score IS 'The critic''s own rating on 0–100.';
COMMENT ON COLUMN stg_ratings.unsigned IS 'True when the critic is a publication''s unsigned byline.';
