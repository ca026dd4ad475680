"""`python -m indexer.cli`."""

from indexer.cli import main

main()
