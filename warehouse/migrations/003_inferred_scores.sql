-- v3: inferred scores for reviews without a rating, with the model that made them.
ALTER TABLE reviews ADD COLUMN inferred_model VARCHAR;
COMMENT ON COLUMN reviews.inferred_model IS 'Model version that inferred the score (score_source = ''inferred''); NULL for ratings.';
COMMENT ON COLUMN reviews.score IS 'Score on the 0–100 scale of docs/scores.md: the critic''s rating, or, flagged by score_source = ''inferred'', a model estimate from the text; NULL when neither exists.';
COMMENT ON COLUMN reviews.score_source IS '''rating'' (from the critic''s rating) or ''inferred'' (text model, see inferred_model); NULL when there is no score.';
