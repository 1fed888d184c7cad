"""Stored files served in parts: HTTP range requests (RFC 9110 section 14).

Browsers ask for a video in parts (``Range: bytes=…``) to start playing before the whole
file has come and to seek; Safari plays a ``<video>`` only from a server that answers
``206 Partial Content``. ``ranged_file_response`` answers:

- no ``Range`` (or one the server may ignore: another unit, a syntax error, several
  ranges, an ``If-Range`` that no longer matches): ``200`` with the whole file;
- one satisfiable range: ``206`` with ``Content-Range: bytes first-last/size`` and only
  those bytes (section 14.4: a last position past the end is cut to the end; a suffix
  range ``-N`` is the last N bytes);
- a range that starts at or past the end (or an empty suffix ``-0``): ``416 Range Not
  Satisfiable`` with ``Content-Range: bytes */size`` (section 15.5.17).

Every answer says ``Accept-Ranges: bytes`` (section 14.3) and carries a strong ``ETag``
when the caller gives one, so ``If-Range`` can be checked (section 13.1.5).
Used by the sign-language page's video and captions
(language_versions/models/sign_language.py).
"""

import os
import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

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


def _if_range_matches(request, etag):
    """True when there is no If-Range, or it names this file's current strong ETag."""
    if_range = request.META.get("HTTP_IF_RANGE")
    if if_range is None:
        return True
    return bool(etag) and if_range.strip() == etag and not etag.startswith("W/")


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


def ranged_file_response(request, opened, size, content_type, etag=""):
    """In: the request, an open binary file (seekable; closed when the answer has been
    sent), its size in bytes, its MIME type and a strong ETag (``'"…"'``, optional).
    Out: a 200, 206 or 416 response as the module docstring says."""
    try:
        byte_range = parse_range(request.META.get("HTTP_RANGE"), size)
    except Unsatisfiable:
        opened.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        if byte_range is None or not _if_range_matches(request, etag):
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
    if not response.has_header("Content-Disposition"):
        # The part carries the whole file's disposition, as FileResponse gives the 200:
        # the same file, the same security policy for files (agency/csp.py).
        name = os.path.basename(getattr(opened, "name", "") or "")
        disposition = content_disposition_header(False, name) if name else None
        if disposition:
            response["Content-Disposition"] = disposition
    response["Accept-Ranges"] = "bytes"
    if etag:
        response["ETag"] = etag
    return response
