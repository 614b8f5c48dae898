-- Every review points at a film, a critic and a publication that exist.
SELECT r.review_id
FROM reviews AS r
LEFT JOIN films AS f USING (film_id)
LEFT JOIN critics AS c USING (critic_id)
LEFT JOIN publications AS p USING (publication_id)
WHERE f.film_id IS NULL OR c.critic_id IS NULL OR p.publication_id IS NULL;
