-- depends:
-- Remakes whose sources disagree on which film is the original.
CREATE OR REPLACE VIEW relation_conflicts AS
WITH remake_of AS (
    SELECT film_id, related_film_id, source, evidence FROM film_relations
    WHERE relation = 'remake_of'
),
disputed AS (
    SELECT film_id FROM remake_of GROUP BY film_id
    HAVING count(DISTINCT related_film_id) > 1
),
final AS (
    SELECT r.film_id, f.title, f.year, r.related_film_id, o.title AS related_title,
           o.year AS related_year, r.source, r.evidence
    FROM remake_of AS r
    JOIN disputed USING (film_id)
    JOIN films AS f ON f.film_id = r.film_id
    JOIN films AS o ON o.film_id = r.related_film_id
)
SELECT * FROM final;
COMMENT ON VIEW relation_conflicts IS 'Films for which relation sources name different originals; every claim is listed with its source, none is overwritten.';
COMMENT ON COLUMN relation_conflicts.film_id IS 'The remake whose sources disagree.';
COMMENT ON COLUMN relation_conflicts.title IS 'Its title.';
COMMENT ON COLUMN relation_conflicts.year IS 'Its year.';
COMMENT ON COLUMN relation_conflicts.related_film_id IS 'An original one source names.';
COMMENT ON COLUMN relation_conflicts.related_title IS 'That original''s title.';
COMMENT ON COLUMN relation_conflicts.related_year IS 'That original''s year.';
COMMENT ON COLUMN relation_conflicts.source IS 'The source claiming this pair (catalogue, remake_catalogue, review_text, wikidata).';
COMMENT ON COLUMN relation_conflicts.evidence IS 'What that claim rests on (film_relations.evidence).';
