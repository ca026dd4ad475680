"""Errors raised by extraction; the caller records them and carries on."""


class ExtractionError(Exception):
    """A body could not be turned into a Document; the message says why."""


class UnsupportedContent(ExtractionError):
    """A body that is neither HTML nor PDF (an image, a zip ...): skipped, not failed."""
