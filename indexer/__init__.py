"""apec-search indexer: crawl, extract, index and query APEC's SME record."""
