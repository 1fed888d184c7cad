"""Stored files served in parts: HTTP range requests (RFC 9110 section 14).

Browsers ask for a video in parts (``Range: bytes=…``) to start playing before the whole
file has come and to seek; Safari plays a ``<video>`` only from a server that answers
``206 Partial Content``. ``ranged_file_response`` answers:

- no ``Range`` (or one the server may ignore: another unit, a syntax error, several
  ranges, an ``If-Range`` that does not match): ``200`` with the whole file;
- one satisfiable range: ``206`` with ``Content-Range: bytes first-last/size`` and only
  those bytes (section 14.4: a last position past the end is cut to the end; a suffix
  range ``-N`` is the last N bytes);
- a range that starts at or past the end (or an empty suffix ``-0``): ``416 Range Not
  Satisfiable`` (section 15.5.17) with ``Content-Range: bytes */size`` and a one-line
  ``text/plain`` body. It says ``Cache-Control: no-store``: the answer depends on the
  request's ``Range``, which a cache does not key on, so a stored 416 could be given to
  a visitor asking for the whole file; it is nobody's personal answer either, so not
  ``private`` (core/http_cache.py keeps the value for anonymous visitors).

``If-Range`` (section 13.1.5) is honoured in both forms: an entity-tag, compared
strongly with the file's ``ETag`` (a weak tag never matches), or an HTTP-date that is
exactly the file's ``Last-Modified``. Anything else (another tag, another date, a value
that is neither) sends the whole file.

Every answer says ``Accept-Ranges: bytes`` (section 14.3) and carries the strong
``ETag`` and ``Last-Modified`` the caller gives. Used by the sign-language page's video
and captions (language_versions/models/sign_language.py) and the document view
(documents/serving.py).
"""

import os
import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe
from django.utils.translation import gettext as _

from core.http_cache import NO_STORE

SINGLE_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
CHUNK_SIZE = 64 * 1024


class Unsatisfiable(Exception):
    """The range names no byte of the file."""


def parse_range(header, size):
    """In: a ``Range`` header value (str) and the file's size (int). Out: ``(first,
    last)`` inclusive byte positions, or None for "send the whole file" (no header, or
    one to ignore). Raises Unsatisfiable for a range past the end."""
    match = SINGLE_RANGE.match(header or "")
    if match is None:
        return None  # Absent, another unit, bad syntax or several ranges: ignored.
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # Suffix range: the last N bytes.
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable
        return max(size - length, 0), size - 1
    first = int(first)
    if last and int(last) < first:
        return None  # first > last: invalid, so ignored (section 14.1.1).
    if first >= size:
        raise Unsatisfiable
    return first, min(int(last), size - 1) if last else size - 1


def if_range_matches(request, etag="", last_modified=""):
    """True when the request has no ``If-Range`` or it names the current file (RFC 9110
    section 13.1.5): ``etag`` (a strong ETag, str) by strong comparison, or
    ``last_modified`` (the ``Last-Modified`` value, str) by an exact date match. False
    for anything else, a malformed value included."""
    if_range = request.META.get("HTTP_IF_RANGE")
    if if_range is None:
        return True
    if_range = if_range.strip()
    if if_range.startswith(('"', "W/")):
        return bool(etag) and not etag.startswith("W/") and if_range == etag
    date = parse_http_date_safe(if_range)
    return date is not None and date == parse_http_date_safe(last_modified or "")


def not_satisfiable(size):
    """The 416 answer for a file of ``size`` bytes (see the module docstring)."""
    response = HttpResponse(
        _("Den begärda delen finns inte i filen, som är %(size)s byte.") % {"size": size} + "\n",
        status=416,
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Range"] = f"bytes */{size}"
    response["Cache-Control"] = NO_STORE
    return response


def _read_part(opened, first, length):
    try:
        opened.seek(first)
        remaining = length
        while remaining > 0:
            chunk = opened.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        opened.close()


def ranged_file_response(request, opened, size, content_type, etag="", last_modified=""):
    """In: the request, an open binary file (seekable; closed when the answer has been
    sent), its size in bytes, its MIME type, a strong ETag (``'"…"'``, optional) and its
    ``Last-Modified`` (an HTTP-date str or a POSIX timestamp, optional). Out: a 200, 206
    or 416 response as the module docstring says."""
    if isinstance(last_modified, (int, float)):
        last_modified = http_date(last_modified)
    range_header = request.META.get("HTTP_RANGE")
    if not if_range_matches(request, etag, last_modified):
        range_header = None  # The file changed (or If-Range is unreadable): all of it.
    try:
        byte_range = parse_range(range_header, size)
    except Unsatisfiable:
        opened.close()
        response = not_satisfiable(size)
    else:
        if byte_range is None:
            response = FileResponse(opened, content_type=content_type)
            response["Content-Length"] = str(size)
        else:
            first, last = byte_range
            length = last - first + 1
            response = StreamingHttpResponse(
                _read_part(opened, first, length), status=206, content_type=content_type
            )
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
            response["Content-Length"] = str(length)
    if response.status_code != 416 and not response.has_header("Content-Disposition"):
        # The part carries the whole file's disposition, as FileResponse gives the 200:
        # the same file, the same security policy for files (agency/csp.py).
        name = os.path.basename(getattr(opened, "name", "") or "")
        disposition = content_disposition_header(False, name) if name else None
        if disposition:
            response["Content-Disposition"] = disposition
    response["Accept-Ranges"] = "bytes"
    if etag:
        response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = last_modified
    return response
