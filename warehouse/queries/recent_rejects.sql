-- What the report reads: the latest run's rejects, most frequent reasons first (capped).
SELECT r.* FROM recent_rejects AS r
JOIN (SELECT reason, count(*) AS n FROM recent_rejects GROUP BY reason) AS c USING (reason)
ORDER BY c.n DESC, r.reason, r.url
LIMIT 200
