-- criticdb schema v1: raw page index, extractions, entities, relations, runs and rejects.
CREATE TABLE pages (
    url VARCHAR PRIMARY KEY,
    site VARCHAR NOT NULL,
    final_url VARCHAR,
    status INTEGER NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL,
    content_sha256 VARCHAR,
    archive_path VARCHAR,
    content_type VARCHAR,
    etag VARCHAR,
    last_modified VARCHAR,
    attempts INTEGER,
    first_run_id VARCHAR NOT NULL,
    last_run_id VARCHAR NOT NULL
);
COMMENT ON TABLE pages IS 'One row per canonical review URL: its latest fetch and where the raw body is archived.';
COMMENT ON COLUMN pages.url IS 'Canonical URL (lower-case host, no fragment or tracking parameters); the natural key.';
COMMENT ON COLUMN pages.site IS 'Site name from the sources file.';
COMMENT ON COLUMN pages.final_url IS 'URL after in-scope redirects.';
COMMENT ON COLUMN pages.status IS 'HTTP status of the latest fetch (304 = not modified, body unchanged).';
COMMENT ON COLUMN pages.fetched_at IS 'When the latest fetch finished (UTC).';
COMMENT ON COLUMN pages.content_sha256 IS 'SHA-256 of the current body; the raw archive key.';
COMMENT ON COLUMN pages.archive_path IS 'Path of the gzip''d raw body in the archive, relative to the archive root.';
COMMENT ON COLUMN pages.content_type IS 'Content-Type header of the latest full fetch.';
COMMENT ON COLUMN pages.etag IS 'ETag sent back as If-None-Match on the next run.';
COMMENT ON COLUMN pages.last_modified IS 'Last-Modified sent back as If-Modified-Since on the next run.';
COMMENT ON COLUMN pages.attempts IS 'HTTP attempts the latest fetch needed (retries + 1).';
COMMENT ON COLUMN pages.first_run_id IS 'Run that first fetched the page.';
COMMENT ON COLUMN pages.last_run_id IS 'Run that last fetched the page (full or 304).';

CREATE TABLE extractions (
    url VARCHAR PRIMARY KEY,
    site VARCHAR NOT NULL,
    site_url VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    record_json VARCHAR NOT NULL,
    confidence DOUBLE,
    extracted_run_id VARCHAR NOT NULL
);
COMMENT ON TABLE extractions IS 'The extracted review record of each page''s current body; re-made only when the body or parser version changes.';
COMMENT ON COLUMN extractions.url IS 'Canonical page URL (pages.url).';
COMMENT ON COLUMN extractions.site IS 'Site name from the sources file.';
COMMENT ON COLUMN extractions.site_url IS 'Base URL of the site.';
COMMENT ON COLUMN extractions.content_sha256 IS 'Hash of the body this record was extracted from.';
COMMENT ON COLUMN extractions.parser_version IS 'Extraction code version; a bump re-extracts every page.';
COMMENT ON COLUMN extractions.record_json IS 'The full ExtractedReview as JSON, including per-field source layers.';
COMMENT ON COLUMN extractions.confidence IS 'Extraction confidence 0–1 from the layers that supplied key fields.';
COMMENT ON COLUMN extractions.extracted_run_id IS 'Run that produced this record.';

CREATE TABLE films (
    film_id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    year INTEGER,
    director VARCHAR,
    country VARCHAR,
    imdb_id VARCHAR,
    wikidata_id VARCHAR,
    aliases VARCHAR[],
    in_catalogue BOOLEAN NOT NULL
);
COMMENT ON TABLE films IS 'One row per real film across sites and title variants.';
COMMENT ON COLUMN films.film_id IS 'Stable id: the catalogue key, or slug(title)-year for films first seen in reviews.';
COMMENT ON COLUMN films.title IS 'Canonical title (catalogue title, usually the original-language one).';
COMMENT ON COLUMN films.year IS 'Release year.';
COMMENT ON COLUMN films.director IS 'Director(s) from the catalogue.';
COMMENT ON COLUMN films.country IS 'Production country from the catalogue.';
COMMENT ON COLUMN films.imdb_id IS 'IMDb title id (tt…), when known.';
COMMENT ON COLUMN films.wikidata_id IS 'Wikidata item id (Q…), when known.';
COMMENT ON COLUMN films.aliases IS 'Other titles seen in the catalogue or in reviews.';
COMMENT ON COLUMN films.in_catalogue IS 'True when the film comes from the catalogue seed file.';

CREATE TABLE critics (
    critic_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL
);
COMMENT ON TABLE critics IS 'One row per critic (normalised byline name).';
COMMENT ON COLUMN critics.critic_id IS 'Stable id: slug of the normalised name.';
COMMENT ON COLUMN critics.name IS 'Display name.';

CREATE TABLE publications (
    publication_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    site_url VARCHAR
);
COMMENT ON TABLE publications IS 'One row per publication (site name from the page, else from the sources file).';
COMMENT ON COLUMN publications.publication_id IS 'Stable id: slug of the name.';
COMMENT ON COLUMN publications.name IS 'Publication name.';
COMMENT ON COLUMN publications.site_url IS 'Base URL of the site it was crawled from.';

CREATE TABLE reviews (
    review_id VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    film_id VARCHAR NOT NULL,
    critic_id VARCHAR NOT NULL,
    publication_id VARCHAR NOT NULL,
    published DATE,
    title_as_written VARCHAR,
    rating_raw VARCHAR,
    rating_scale VARCHAR,
    score DOUBLE CHECK (score BETWEEN 0 AND 100),
    score_source VARCHAR,
    body_text VARCHAR,
    extraction_sources VARCHAR,
    confidence DOUBLE,
    content_sha256 VARCHAR,
    parser_version VARCHAR
);
COMMENT ON TABLE reviews IS 'One row per review: unique by URL and by (critic, film, publication); warehouse/checks/ verifies both after every load.';
COMMENT ON COLUMN reviews.review_id IS 'Stable id: first 16 hex digits of SHA-256 of the canonical URL (the primary key, so URLs are unique too).';
COMMENT ON COLUMN reviews.url IS 'Canonical URL of the review page.';
COMMENT ON COLUMN reviews.film_id IS 'The reviewed film (films.film_id).';
COMMENT ON COLUMN reviews.critic_id IS 'The critic (critics.critic_id).';
COMMENT ON COLUMN reviews.publication_id IS 'The publication (publications.publication_id).';
COMMENT ON COLUMN reviews.published IS 'Publication date of the review.';
COMMENT ON COLUMN reviews.title_as_written IS 'The film title as this page wrote it.';
COMMENT ON COLUMN reviews.rating_raw IS 'The rating as found: "3.5", "B+", "★★★☆☆".';
COMMENT ON COLUMN reviews.rating_scale IS 'Scale of rating_raw: out_of_N, range_W_B, letter, stars, binary.';
COMMENT ON COLUMN reviews.score IS 'Rating on the 0–100 scale of docs/scores.md; NULL when the review gives none or it was rejected.';
COMMENT ON COLUMN reviews.score_source IS '''rating'' when score comes from the critic''s rating; NULL when there is no score.';
COMMENT ON COLUMN reviews.body_text IS 'Main text of the review.';
COMMENT ON COLUMN reviews.extraction_sources IS 'JSON map field -> extraction layer that supplied it.';
COMMENT ON COLUMN reviews.confidence IS 'Extraction confidence 0–1.';
COMMENT ON COLUMN reviews.content_sha256 IS 'Hash of the page body the review was extracted from.';
COMMENT ON COLUMN reviews.parser_version IS 'Extraction code version that produced the review.';

CREATE TABLE film_relations (
    film_id VARCHAR NOT NULL,
    related_film_id VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    evidence_count INTEGER NOT NULL,
    PRIMARY KEY (film_id, related_film_id, relation, source)
);
COMMENT ON TABLE film_relations IS 'Film-to-film relations; each source keeps its own row, so conflicts stay visible.';
COMMENT ON COLUMN film_relations.film_id IS 'The film the relation is about (the remake for remake_of).';
COMMENT ON COLUMN film_relations.related_film_id IS 'The other film (the original for remake_of).';
COMMENT ON COLUMN film_relations.relation IS 'Relation type; currently remake_of.';
COMMENT ON COLUMN film_relations.source IS 'Where it was learnt: catalogue or review_text.';
COMMENT ON COLUMN film_relations.confidence IS 'Confidence 0–1 of the source.';
COMMENT ON COLUMN film_relations.evidence_count IS 'How many reviews (or seed rows) state it.';

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,
    sources_file VARCHAR,
    pages_discovered INTEGER,
    pages_fetched INTEGER,
    pages_not_modified INTEGER,
    pages_rejected INTEGER,
    pages_extracted INTEGER,
    reviews_total INTEGER,
    message VARCHAR
);
COMMENT ON TABLE runs IS 'One row per pipeline run.';
COMMENT ON COLUMN runs.run_id IS 'Run id (the Prefect flow run id when run under Prefect).';
COMMENT ON COLUMN runs.flow_run_id IS 'Prefect flow run id, for finding the run in the Prefect UI.';
COMMENT ON COLUMN runs.started_at IS 'Run start (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'Run end (UTC); NULL while running or if the process died.';
COMMENT ON COLUMN runs.status IS 'running, completed, failed, or abandoned (the process died; marked by the next run).';
COMMENT ON COLUMN runs.sources_file IS 'Sources file the run crawled.';
COMMENT ON COLUMN runs.pages_discovered IS 'Review URLs discovered.';
COMMENT ON COLUMN runs.pages_fetched IS 'Pages fetched with a full body.';
COMMENT ON COLUMN runs.pages_not_modified IS 'Pages answered 304 Not Modified.';
COMMENT ON COLUMN runs.pages_rejected IS 'Pages that failed discovery or fetch (see rejects).';
COMMENT ON COLUMN runs.pages_extracted IS 'Pages (re-)extracted in this run.';
COMMENT ON COLUMN runs.reviews_total IS 'Reviews in the warehouse after the run.';
COMMENT ON COLUMN runs.message IS 'Failure reason, or NULL.';

CREATE TABLE rejects (
    url VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    http_status INTEGER,
    attempts INTEGER,
    first_run_id VARCHAR NOT NULL,
    last_run_id VARCHAR NOT NULL,
    times_seen INTEGER NOT NULL,
    PRIMARY KEY (url, stage, reason)
);
COMMENT ON TABLE rejects IS 'Pages or records that could not be handled, with the stage and a stable reason code.';
COMMENT ON COLUMN rejects.url IS 'Page URL the reject is about.';
COMMENT ON COLUMN rejects.stage IS 'discover, fetch, extract or normalise.';
COMMENT ON COLUMN rejects.reason IS 'Stable reason code, e.g. robots_disallowed, http_404, ambiguous_film.';
COMMENT ON COLUMN rejects.detail IS 'Human-readable detail of the latest occurrence.';
COMMENT ON COLUMN rejects.http_status IS 'HTTP status, when the reject came from a response.';
COMMENT ON COLUMN rejects.attempts IS 'HTTP attempts made before giving up.';
COMMENT ON COLUMN rejects.first_run_id IS 'Run that first recorded this reject.';
COMMENT ON COLUMN rejects.last_run_id IS 'Run that last recorded it.';
COMMENT ON COLUMN rejects.times_seen IS 'Runs that recorded it.';
