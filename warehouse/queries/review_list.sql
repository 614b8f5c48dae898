-- What the report and the CLI read: the view in a stable order.
SELECT * FROM review_list
ORDER BY film_year, film_title, published
