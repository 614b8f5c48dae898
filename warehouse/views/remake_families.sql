-- depends: stg_ratings
-- Every remake family: an original (a film that remakes nothing) and all its remakes,
-- transitively (remakes of remakes), ordered by year, with each version's mean rating.
CREATE OR REPLACE VIEW remake_families AS
WITH RECURSIVE edges AS (
    SELECT DISTINCT film_id AS remake_id, related_film_id AS original_id
    FROM film_relations
    WHERE relation = 'remake_of'
),
roots AS (
    SELECT DISTINCT original_id AS film_id FROM edges
    WHERE original_id NOT IN (SELECT remake_id FROM edges)
),
family(root_id, film_id, generation) AS (
    SELECT film_id, film_id, 0 FROM roots
    UNION
    SELECT f.root_id, e.remake_id, f.generation + 1
    FROM family AS f
    JOIN edges AS e ON e.original_id = f.film_id
    WHERE f.generation < 20
),
members AS (
    SELECT root_id, film_id, min(generation) AS generation FROM family GROUP BY ALL
),
ratings AS (
    SELECT film_id, count(*) AS n_rated, round(avg(score), 2) AS mean_rated
    FROM stg_ratings GROUP BY film_id
),
final AS (
    SELECT m.root_id AS family_id, root.title AS family_title, root.year AS family_year,
           m.film_id, f.title, f.year, f.country, m.generation,
           coalesce(r.n_rated, 0) AS n_rated, r.mean_rated
    FROM members AS m
    JOIN films AS root ON root.film_id = m.root_id
    JOIN films AS f ON f.film_id = m.film_id
    LEFT JOIN ratings AS r ON r.film_id = m.film_id
)
SELECT * FROM final;
COMMENT ON VIEW remake_families IS 'Remake families: the original (generation 0) and every remake reachable from it, with year, country and mean rating.';
COMMENT ON COLUMN remake_families.family_id IS 'The family''s original film (a film that remakes nothing).';
COMMENT ON COLUMN remake_families.family_title IS 'The original''s title.';
COMMENT ON COLUMN remake_families.family_year IS 'The original''s year.';
COMMENT ON COLUMN remake_families.film_id IS 'A member of the family.';
COMMENT ON COLUMN remake_families.title IS 'Its title.';
COMMENT ON COLUMN remake_families.year IS 'Its year.';
COMMENT ON COLUMN remake_families.country IS 'Its country, when known.';
COMMENT ON COLUMN remake_families.generation IS '0 for the original, 1 for its remakes, 2 for remakes of remakes …';
COMMENT ON COLUMN remake_families.n_rated IS 'Ratings of this film.';
COMMENT ON COLUMN remake_families.mean_rated IS 'Its mean rating (0–100).';
