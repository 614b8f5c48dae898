-- v14: every remake relation says what it rests on; the remake catalogue shipped with
-- criticdb is a relation source of its own (remake_catalogue); a page id without a year
-- identifies a film (page_ids, year NULL).
ALTER TABLE film_relations ADD COLUMN evidence VARCHAR;
COMMENT ON COLUMN film_relations.source IS 'Where it was learnt: catalogue (the sources file''s CSV), remake_catalogue (the list shipped with criticdb, transforms/data/remakes.csv), review_text (a review''s words) or wikidata.';
COMMENT ON COLUMN film_relations.evidence IS 'What the relation rests on: the remake catalogue''s line, source and licence; the first review URL that states it; or the catalogue/Wikidata property used.';
COMMENT ON COLUMN films.identity_source IS 'How the film was identified: catalogue (a catalogue row), page_ids (an IMDb/Wikidata id on a page; year NULL when the page prints none, id `<slug>-<id>`), title_year (title + year named by a review), title_only (provisional: reviews name the title but no year, and no known film of that title fits the review dates; a later review with a year, an id or a catalogue entry resolves it).';
