"""Errors raised by extraction; the caller records them and carries on."""


class ExtractionError(Exception):
    """A body could not be turned into a Document; the message says why."""


class OverBudget(ExtractionError):
    """Extracting a body took longer than its time budget: skipped, and not tried again by
    the same extractor version."""


class UnsupportedContent(ExtractionError):
    """A body that is neither HTML nor PDF (an image, a zip ...): skipped, not failed."""
