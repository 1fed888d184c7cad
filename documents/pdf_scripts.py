"""Does a PDF carry something a visitor's PDF reader would run?

ISO 32000-2 lets a PDF run JavaScript (12.6.4.16: an action dictionary with ``/S
/JavaScript`` and its script in ``/JS``; the document-level scripts in the catalogue's
``/Names /JavaScript`` tree, 7.7.4) and start other programs (12.6.4.6: ``/S /Launch``).
Actions hang from the catalogue's ``/OpenAction``, additional-action dictionaries
(``/AA``) of the document, pages and form fields, links (``/A``) and chained ``/Next``
actions, so every object reachable from the catalogue is looked at, whether it is
written plainly or inside a compressed object stream. Only dictionaries are read, never
page contents.
"""

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Action types that run something (ISO 32000-2, Table 201).
RUNNING_ACTIONS = frozenset({"/JavaScript", "/Launch"})
# A file with more objects than this is not searched to the end (a hostile tree must
# not hold the upload); what was searched still counts.
MAX_OBJECTS = 200_000


def pdf_runs_something(reader):
    """True when the PDF opened by ``reader`` (a pypdf ``PdfReader``, decrypted if it
    was encrypted) holds a JavaScript or launch action or a document-level script.

    Never raises: a damaged object ends that branch of the search.
    """
    try:
        root = reader.trailer["/Root"]
    except Exception:  # noqa: BLE001 - a damaged trailer: nothing to search
        return False
    seen = set()
    stack = [root]
    visited = 0
    while stack and visited < MAX_OBJECTS:
        item = stack.pop()
        visited += 1
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            try:
                item = item.get_object()
            except Exception:  # noqa: BLE001 - a broken reference leads nowhere
                continue
        if isinstance(item, DictionaryObject):
            if "/JS" in item or item.get("/S") in RUNNING_ACTIONS:
                return True
            names = item.get("/Names")
            if isinstance(names, IndirectObject):
                names = _resolve(names)
            if isinstance(names, DictionaryObject) and "/JavaScript" in names:
                return True
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def _resolve(reference):
    try:
        return reference.get_object()
    except Exception:  # noqa: BLE001 - a broken reference leads nowhere
        return None
