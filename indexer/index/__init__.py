"""Stage 5, index: building a generation from the extracted documents (``build``): passages
(``passages``) and their analysis for showing them (``passage_analysis``), the Whoosh schema
and analysis (``analysis``), the generation on disk (``store``), query parsing over it
(``queries``), precomputed BM25F impacts (``impacts``) and the did-you-mean dictionary
(``spelling``). Only this package imports ``whoosh``."""
