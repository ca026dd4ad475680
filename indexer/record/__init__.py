"""Stage 3, record: the structure of the record that documents belong to, built after
extraction and before indexing: the series of meetings (SME Ministerial Meetings, SMEWG
meetings) with the facts each document states about them, and works with their copies
(versions, reprints, mirrors) with the authoritative copy first. Empty for now."""
