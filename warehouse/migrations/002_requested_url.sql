-- v2: remember the URL a page was requested under when <link rel=canonical> names another.
ALTER TABLE pages ADD COLUMN requested_url VARCHAR;
UPDATE pages SET requested_url = url;
COMMENT ON COLUMN pages.requested_url IS 'URL discovery found and requested; differs from url when the page declares another canonical URL.';
