-- v9: the uncertainty of an inferred score, so reports can show it.
ALTER TABLE reviews ADD COLUMN inferred_error DOUBLE;
COMMENT ON COLUMN reviews.inferred_error IS 'For inferred scores: the model''s cross-validated RMSE on the warehouse''s rated reviews, in points of the 0–100 scale (NULL when there were too few rated reviews to measure it); NULL for ratings.';
