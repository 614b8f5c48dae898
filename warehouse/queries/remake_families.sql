-- What the report and the CLI read: the view in a stable order.
SELECT * FROM remake_families
ORDER BY family_year, family_title, year, title
