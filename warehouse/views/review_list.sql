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
