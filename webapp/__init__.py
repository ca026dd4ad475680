"""apec-search web front end (Flask)."""
