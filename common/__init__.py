"""Plumbing every stage shares: error types, rejects, crash points and cross-stage records."""
