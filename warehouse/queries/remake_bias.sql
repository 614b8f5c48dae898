-- What the report and the CLI read: the view in a stable order.
SELECT * FROM remake_bias
ORDER BY critic_id NULLS FIRST
