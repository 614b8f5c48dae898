-- What the report and the CLI read: the view in a stable order.
SELECT * FROM extraction_sources
ORDER BY field, n DESC, layer
