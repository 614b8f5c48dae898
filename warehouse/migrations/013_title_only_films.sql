-- v13: films named by title only (no year on the page) are kept as provisional films; runs
-- count the reviews that reached the warehouse beside those extracted.
ALTER TABLE films ADD COLUMN identity_source VARCHAR DEFAULT 'title_year';
ALTER TABLE films ADD COLUMN identity_note VARCHAR;
COMMENT ON COLUMN films.film_id IS 'Stable id: the catalogue key, slug(title)-year for films first seen in reviews, or slug(title)-year-unknown for a provisional film.';
COMMENT ON COLUMN films.year IS 'Release year; NULL for a provisional film (identity_source = ''title_only''), which views that need a year leave out and count.';
COMMENT ON COLUMN films.identity_source IS 'How the film was identified: catalogue (a catalogue row), page_ids (an IMDb/Wikidata id on a page, with a year), title_year (title + year named by a review), title_only (provisional: reviews name the title but no year, and no known film of that title fits the review dates; a later review with a year, an id or a catalogue entry resolves it).';
COMMENT ON COLUMN films.identity_note IS 'Why a provisional film is provisional (no known film of the title, or several that fit); NULL otherwise.';
ALTER TABLE runs ADD COLUMN reviews_loaded INTEGER;
COMMENT ON COLUMN runs.reviews_loaded IS 'Reviews in the warehouse after the run ("loaded" in the run summary); extracted pages that are not here were rejected at normalise (see last_run_rejects).';
