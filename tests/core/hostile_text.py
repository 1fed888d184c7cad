"""Text with every control character an editor's paste can bring (Word's U+000B soft line
break and the rest of C0), and the pattern of what no output may contain."""

import re

from django.db import connection

KEPT = "\t\n\r"
C0 = [chr(code) for code in range(0x20) if chr(code) not in KEPT]
NON_CHARACTERS = ["\ufffe", "\uffff"]
# PostgreSQL refuses NUL in text whatever we do; SQLite stores it.
STORABLE = [
    c for c in C0 + ["\x7f"] + NON_CHARACTERS if c != "\x00" or connection.vendor != "postgresql"
]
# Every character XML 1.0, iCalendar TEXT and vCard values forbid (and lone surrogates).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# Word's soft line break first, then every other storable sample.
HOSTILE = "Smart\x0bspecialisering" + "".join(STORABLE) + " i Norrbotten"
