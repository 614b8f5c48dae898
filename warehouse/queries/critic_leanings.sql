-- What the report and the CLI read: the view in a stable order.
SELECT * FROM critic_leanings
ORDER BY mean_deviation
