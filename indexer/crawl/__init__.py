"""Stage 1, crawl: discovery (``links``), fetching (``fetch``), politeness (``robots``), the
source list (``sources``), URL rules and scope (``urls``) and the corpus store
(``corpus``: raw bodies by SHA-256 and the manifest), driven by ``crawler``."""
