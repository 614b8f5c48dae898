-- Reviews in the warehouse now (the run summary's "loaded").
SELECT count(*) FROM reviews;
