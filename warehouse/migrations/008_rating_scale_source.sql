-- v8: where a review's rating scale came from, so a learned scale is never mistaken for a stated one.
ALTER TABLE reviews ADD COLUMN rating_scale_source VARCHAR;
COMMENT ON COLUMN reviews.rating_scale_source IS 'Where rating_scale came from: page (stated on the page or in its markup), sources_file (the site''s rating_scale), learned (a bare number read on the scale the publication''s other ratings imply: any value above 5 means out of 10, above 10 out of 100); NULL without a rating.';
