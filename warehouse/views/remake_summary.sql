-- depends: remake_comparison, t_quantiles_95
-- The headline: how much lower (or higher) remakes score than their originals, on average
-- over pairs with ratings on both sides, with a 95% t confidence interval over pairs.
CREATE OR REPLACE VIEW remake_summary AS
WITH pairs AS (
    SELECT difference, paired_difference FROM remake_comparison WHERE difference IS NOT NULL
),
stats AS (
    SELECT count(*) AS n_pairs, avg(difference) AS mean, stddev_samp(difference) AS sd,
           avg(paired_difference) AS mean_paired,
           count(paired_difference) AS n_pairs_with_paired_critics
    FROM pairs
),
final AS (
    SELECT s.n_pairs, round(s.mean, 2) AS mean_difference,
           round(s.mean - q.t * s.sd / sqrt(s.n_pairs), 2) AS ci_low,
           round(s.mean + q.t * s.sd / sqrt(s.n_pairs), 2) AS ci_high,
           s.n_pairs_with_paired_critics, round(s.mean_paired, 2) AS mean_paired_difference
    FROM stats AS s
    LEFT JOIN t_quantiles_95 AS q
        ON q.df = (SELECT max(df) FROM t_quantiles_95 WHERE df <= greatest(s.n_pairs - 1, 1))
    WHERE s.n_pairs > 0
)
SELECT * FROM final;
COMMENT ON VIEW remake_summary IS 'Mean remake − original difference over pairs (ratings only) with a 95% t CI across pairs, and the mean paired-critic difference.';
COMMENT ON COLUMN remake_summary.n_pairs IS '(original, remake) pairs with ratings on both sides.';
COMMENT ON COLUMN remake_summary.mean_difference IS 'Mean over pairs of (remake − original) mean ratings, points.';
COMMENT ON COLUMN remake_summary.ci_low IS 'Lower end of the 95% t interval over pairs (treats pairs as independent).';
COMMENT ON COLUMN remake_summary.ci_high IS 'Upper end of that interval.';
COMMENT ON COLUMN remake_summary.n_pairs_with_paired_critics IS 'Pairs where at least one critic rated both films.';
COMMENT ON COLUMN remake_summary.mean_paired_difference IS 'Mean over those pairs of the paired-critic difference.';
