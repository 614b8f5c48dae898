-- depends:
-- Which extraction layer supplied each field, counted over the loaded reviews.
CREATE OR REPLACE VIEW extraction_sources AS
WITH fields AS (
    SELECT j.key AS field, j.value ->> '$' AS layer
    FROM reviews AS r, json_each(r.extraction_sources::JSON) AS j
)
SELECT field, layer, count(*) AS n FROM fields GROUP BY ALL;
COMMENT ON VIEW extraction_sources IS 'Per field, how many reviews got it from each extraction layer (adapter, jsonld, microdata, opengraph, markup, main_text, text).';
COMMENT ON COLUMN extraction_sources.field IS 'A review field (film_title, critic, rating_raw, …).';
COMMENT ON COLUMN extraction_sources.layer IS 'The extraction layer that gave it (sources_file, adapter, jsonld, microdata, rdfa, opengraph, markup, main_text, text).';
COMMENT ON COLUMN extraction_sources.n IS 'Reviews whose field came from that layer.';
