"""Reading the date arguments of the archive's commands and forms."""

import datetime


def parse_day(value, name):
    """``value`` (str, YYYY-MM-DD, ISO 8601 calendar date) as a date.

    Raises ValueError with a Swedish message naming ``name`` when it is not one.
    """
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} måste vara ett datum på formen ÅÅÅÅ-MM-DD, inte {value!r}."
        ) from None
