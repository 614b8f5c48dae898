"""The DuckDB warehouse: migrations, bulk loads and analysis views, all SQL in .sql files."""
