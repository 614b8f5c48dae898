-- What the report and the CLI read: the view in a stable order.
SELECT * FROM film_scores
