-- depends:
-- Two-sided 95% Student t quantiles by degrees of freedom, for confidence intervals.
CREATE OR REPLACE VIEW t_quantiles_95 AS
SELECT * FROM (VALUES
    (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (6, 2.447), (7, 2.365),
    (8, 2.306), (9, 2.262), (10, 2.228), (11, 2.201), (12, 2.179), (13, 2.160), (14, 2.145),
    (15, 2.131), (16, 2.120), (17, 2.110), (18, 2.101), (19, 2.093), (20, 2.086), (25, 2.060),
    (30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (1000000, 1.960)
) AS t(df, t);
COMMENT ON VIEW t_quantiles_95 IS 'Two-sided 95% Student t quantiles (df → t); CIs use the largest tabulated df not above the real one, which is conservative.';
COMMENT ON COLUMN t_quantiles_95.df IS 'Degrees of freedom.';
COMMENT ON COLUMN t_quantiles_95.t IS 'Two-sided 95% Student t quantile for df (checked against scipy.stats.t.ppf).';
