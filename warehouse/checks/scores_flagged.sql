-- Scores lie on 0–100 and always say where they came from; inferred ones name their model.
SELECT review_id FROM reviews
WHERE (score IS NOT NULL AND (score < 0 OR score > 100 OR score_source IS NULL))
   OR (score_source = 'inferred' AND inferred_model IS NULL)
   OR (score_source = 'rating' AND rating_raw IS NULL);
