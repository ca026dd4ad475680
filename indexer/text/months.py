"""Month names as regular-expression alternatives, for dates written out in words."""

FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
FULL_MONTH_NAMES = FULL_MONTH[3:-1].split("|")  # "January" ... "December", in order
