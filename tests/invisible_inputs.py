"""Texts with nothing visible in them, as visitors paste them from Word, chat apps and web
pages: each must be refused like an empty field (core/control_characters.py)."""

INVISIBLE = [
    "\u200b",  # zero-width space
    "\u200c\u200d",  # zero-width non-joiner and joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    " \u200b\t\u00a0\u2060 \r\n\ufeff ",  # mixed with spaces and line breaks
    "\u3164\u2800",  # Hangul filler, Braille blank
    "\x0b\x00\u200e",  # Word's line break, NUL, a direction mark
]
