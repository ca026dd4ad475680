"""Text helpers every stage may use (they import no stage): sentence boundaries
(``sentences``), deep links to a sentence (``fragments``: text fragments, PDF pages),
ordinal numbers (``ordinals``), month names (``months``), control characters
(``characters``) and the record's concepts (``concepts``: the curated
``concepts.toml`` that topics, search and trends read)."""
