-- depends: remake_comparison, remake_families, t_quantiles_95
-- The headline: how much lower (or higher) remakes score than their originals.
-- Remakes of one original are not independent (three remakes of El desconocido share its
-- mean), so each family counts once: the mean over families of their film pairs' mean
-- difference, with a 95% t interval across families (the cluster-means method). Film pairs
-- with fewer than 3 ratings on a side are left out and counted.
CREATE OR REPLACE VIEW remake_summary AS
WITH rated_pairs AS (
    SELECT c.*, coalesce(f.family_id, c.original_id) AS family_id
    FROM remake_comparison AS c
    LEFT JOIN remake_families AS f ON f.film_id = c.original_id
    WHERE c.difference IS NOT NULL
),
used AS (
    SELECT * FROM rated_pairs WHERE NOT too_few_reviews
),
families AS (
    SELECT family_id, avg(difference) AS difference FROM used GROUP BY family_id
),
family_stats AS (
    SELECT count(*) AS n_families, avg(difference) AS mean, stddev_samp(difference) AS sd
    FROM families
),
pair_stats AS (
    SELECT count(*) AS n_pairs, avg(paired_difference) AS mean_paired,
           count(paired_difference) AS n_pairs_with_paired_critics,
           (SELECT count(*) FROM rated_pairs WHERE too_few_reviews) AS n_pairs_left_out
    FROM used
),
final AS (
    SELECT p.n_pairs, p.n_pairs_left_out, s.n_families, round(s.mean, 2) AS mean_difference,
           round(s.mean - q.t * s.sd / sqrt(s.n_families), 2) AS ci_low,
           round(s.mean + q.t * s.sd / sqrt(s.n_families), 2) AS ci_high,
           p.n_pairs_with_paired_critics, round(p.mean_paired, 2) AS mean_paired_difference
    FROM family_stats AS s
    CROSS JOIN pair_stats AS p
    LEFT JOIN t_quantiles_95 AS q
        ON q.df = (SELECT max(df) FROM t_quantiles_95
                   WHERE df <= greatest(s.n_families - 1, 1))
    WHERE s.n_families > 0
)
SELECT * FROM final;
COMMENT ON VIEW remake_summary IS 'The headline: mean remake − original difference (ratings only) with each remake family counted once, a 95% t CI across families, the film pairs used and left out, and the mean paired-critic difference.';
COMMENT ON COLUMN remake_summary.n_pairs IS 'Film pairs (original, remake) used: ratings on both sides, at least 3 on each.';
COMMENT ON COLUMN remake_summary.n_pairs_left_out IS 'Film pairs with ratings on both sides but fewer than 3 on a side: left out of the headline.';
COMMENT ON COLUMN remake_summary.n_families IS 'Remake families (an original and all its remakes) among the film pairs used; the unit of the interval.';
COMMENT ON COLUMN remake_summary.mean_difference IS 'Mean over families of their film pairs'' mean (remake − original), points.';
COMMENT ON COLUMN remake_summary.ci_low IS 'Lower end of the 95% t interval across families (NULL with one family).';
COMMENT ON COLUMN remake_summary.ci_high IS 'Upper end of that interval.';
COMMENT ON COLUMN remake_summary.n_pairs_with_paired_critics IS 'Film pairs used where at least one critic rated both films (critic pairs).';
COMMENT ON COLUMN remake_summary.mean_paired_difference IS 'Mean over those film pairs of the critic-pair difference (the same critic on both films).';
