-- v14: every remake relation says what it rests on; the remake catalogue shipped with
-- criticdb is a relation source of its own (remake_catalogue).
ALTER TABLE film_relations ADD COLUMN evidence VARCHAR;
COMMENT ON COLUMN film_relations.source IS 'Where it was learnt: catalogue (the sources file''s CSV), remake_catalogue (the list shipped with criticdb, transforms/data/remakes.csv), review_text (a review''s words) or wikidata.';
COMMENT ON COLUMN film_relations.evidence IS 'What the relation rests on: the remake catalogue''s line, source and licence; the first review URL that states it; or the catalogue/Wikidata property used.';
