-- Relations link two different films that exist.
SELECT r.film_id, r.related_film_id
FROM film_relations AS r
LEFT JOIN films AS a ON a.film_id = r.film_id
LEFT JOIN films AS b ON b.film_id = r.related_film_id
WHERE a.film_id IS NULL OR b.film_id IS NULL OR r.film_id = r.related_film_id;
