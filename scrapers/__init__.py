"""Discovery, polite fetching, raw archive and extraction: everything that touches review pages."""
