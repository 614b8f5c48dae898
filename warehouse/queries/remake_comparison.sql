-- What the report and the CLI read: the view in a stable order.
SELECT * FROM remake_comparison
ORDER BY original_year, original_title, remake_year
