"""Does a PDF carry something a visitor's PDF reader would run?

ISO 32000-2 lets a PDF run JavaScript (12.6.4.16: an action dictionary with ``/S
/JavaScript`` and its script in ``/JS``; the document-level scripts in the catalogue's
``/Names /JavaScript`` tree, 7.7.4) and start other programs (12.6.4.6: ``/S /Launch``).
Actions hang from the catalogue's ``/OpenAction``, additional-action dictionaries
(``/AA``) of the document, pages and form fields, links (``/A``) and chained ``/Next``
actions, so every object reachable from the catalogue is looked at, whether it is
written plainly or inside a compressed object stream, and any value may be written as
a reference to it (7.3.10). An XFA form (the AcroForm's ``/XFA``, 12.7.9) carries its
scripts in XML packets (XML Forms Architecture 3.3, the ``script`` element), which
Adobe Reader runs. Only dictionaries and the XFA packets are read, never page contents.
"""

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

# Action types that run something (ISO 32000-2, Table 201).
RUNNING_ACTIONS = frozenset({"/JavaScript", "/Launch"})
# A file with more dictionaries, arrays and references than this is not searched to the
# end, and counts as running something: a script could hide past them, and a hostile
# tree must not hold the upload. An object beyond pypdf's own limits (an array of more
# elements than it reads) is not searched, like a damaged one (documents/files.py
# stores such files with a warning): tests/security/uploads/test_pdf_scripts.py marks
# a script hidden behind one as a known gap.
MAX_OBJECTS = 200_000
XFA_SCRIPT = b"<script"


def pdf_runs_something(reader):
    """True when the PDF opened by ``reader`` (a pypdf ``PdfReader``, decrypted if it
    was encrypted) holds a JavaScript or launch action, a document-level script or an
    XFA script, or is too large to search to the end (``MAX_OBJECTS``).

    Never raises: a damaged object ends that branch of the search.
    """
    try:
        root = reader.trailer["/Root"]
    except Exception:  # noqa: BLE001 - a damaged trailer: nothing to search
        return False
    seen = set()
    stack = [root]
    visited = 0
    while stack:
        if visited >= MAX_OBJECTS:
            return True
        item = stack.pop()
        visited += 1
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = _resolve(item)
        if isinstance(item, DictionaryObject):
            if _runs(item):
                return True
            stack.extend(_containers(item.values()))
        elif isinstance(item, ArrayObject):
            stack.extend(_containers(item))
    return False


def _runs(dictionary):
    """True when `dictionary` is a running action, names document-level scripts or is
    a form with XFA scripts."""
    if "/JS" in dictionary or _resolve(dictionary.get("/S")) in RUNNING_ACTIONS:
        return True
    names = _resolve(dictionary.get("/Names"))
    if isinstance(names, DictionaryObject) and "/JavaScript" in names:
        return True
    return "/XFA" in dictionary and _xfa_has_script(_resolve(dictionary["/XFA"]))


def _xfa_has_script(xfa):
    """True when an XFA value (a stream, or an array of names and streams) holds a
    ``<script`` element."""
    packets = xfa if isinstance(xfa, ArrayObject) else [xfa]
    for packet in packets:
        packet = _resolve(packet)
        if isinstance(packet, StreamObject):
            try:
                data = packet.get_data()
            except Exception:  # noqa: BLE001 - an undecodable packet runs nothing
                continue
            if XFA_SCRIPT in data.lower():
                return True
    return False


def _containers(values):
    """The dictionaries, arrays and references among `values`: numbers, names and
    strings hold nothing to search and cost nothing of the budget."""
    return [v for v in values if isinstance(v, (DictionaryObject, ArrayObject, IndirectObject))]


def _resolve(value):
    """`value`, or the object it refers to; None for a broken reference."""
    if not isinstance(value, IndirectObject):
        return value
    try:
        return value.get_object()
    except Exception:  # noqa: BLE001 - a broken reference leads nowhere
        return None
