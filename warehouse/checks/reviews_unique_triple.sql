-- A review is unique by (critic, film, publication): syndicated copies must have collapsed.
SELECT critic_id, film_id, publication_id, count(*) AS n
FROM reviews GROUP BY ALL HAVING count(*) > 1;
