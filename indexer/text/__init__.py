"""Text helpers every stage may use (they import no stage): sentence boundaries
(``sentences``), deep links to a sentence (``fragments``: text fragments, PDF pages),
ordinal numbers (``ordinals``) and month names (``months``)."""
