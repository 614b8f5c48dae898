"""Extraction: raw page bytes + URL → ExtractedReview (see cascade.py for the layer order)."""
