-- depends:
-- Every review with its film, critic and publication names, for reports and ad hoc reading.
CREATE OR REPLACE VIEW review_list AS
WITH final AS (
    SELECT r.review_id, r.film_id, f.title AS film_title, f.year AS film_year,
           r.title_as_written, c.name AS critic, p.name AS publication, r.published,
           r.rating_raw, r.rating_scale, r.score, r.score_source, r.url
    FROM reviews AS r
    JOIN films AS f USING (film_id)
    JOIN critics AS c USING (critic_id)
    JOIN publications AS p USING (publication_id)
)
SELECT * FROM final;
COMMENT ON VIEW review_list IS 'Reviews joined to film title/year, critic and publication names.';
COMMENT ON COLUMN review_list.review_id IS 'The review.';
COMMENT ON COLUMN review_list.film_id IS 'The film reviewed.';
COMMENT ON COLUMN review_list.film_title IS 'Its title.';
COMMENT ON COLUMN review_list.film_year IS 'Its year.';
COMMENT ON COLUMN review_list.title_as_written IS 'The title as the page wrote it.';
COMMENT ON COLUMN review_list.critic IS 'The critic''s name (or ''Unsigned (publication)'').';
COMMENT ON COLUMN review_list.publication IS 'The publication.';
COMMENT ON COLUMN review_list.published IS 'Publication date.';
COMMENT ON COLUMN review_list.rating_raw IS 'The rating as written.';
COMMENT ON COLUMN review_list.rating_scale IS 'The rating''s scale (out_of_N, letter, stars, range_W_B, site_map).';
COMMENT ON COLUMN review_list.score IS 'Score on 0–100 (a rating or, when score_source = inferred, a model estimate).';
COMMENT ON COLUMN review_list.score_source IS 'rating, inferred, or NULL.';
COMMENT ON COLUMN review_list.url IS 'The review page.';
