"""Does a PDF carry something a visitor's PDF reader would run?

ISO 32000-2 lets a PDF run JavaScript (12.6.4.16: an action dictionary with ``/S
/JavaScript`` and its script in ``/JS``; the document-level scripts in the catalogue's
``/Names /JavaScript`` tree, 7.7.4) and start other programs (12.6.4.6: ``/S /Launch``).
Actions hang from the catalogue's ``/OpenAction``, additional-action dictionaries
(``/AA``) of the document, pages and form fields, links (``/A``) and chained ``/Next``
actions, and any value may be written as a reference to it (7.3.10). An XFA form (the
AcroForm's ``/XFA``, 12.7.9) carries its scripts in XML packets (XML Forms
Architecture 3.3, the ``script`` element), which Adobe Reader runs. Only dictionaries,
arrays and the XFA packets are read, never page contents.

How: the file is opened with pikepdf (qpdf), which reads every object the newest
cross-reference section lists (so an incremental update, 7.5.6, is seen as a reader sees
it: a script added later is found, one deleted later is not), unpacks compressed object
streams (7.5.7), opens encryption with the empty user password (7.6.4.3) and has no
limit on array sizes or nesting through references. Each listed object is visited once,
whether or not anything refers to it: qpdf writes it out as text (C++, fast) and only an
object whose text names ``/JS``, ``/JavaScript``, ``/Launch`` or ``/XFA``, or gives
``/S`` as a reference, has its dictionaries looked at one by one. A script in an object
nothing refers to is refused too: a reader repairing the file may reach it, and no
ordinary PDF keeps one.
A file too large to search to the end (``MAX_OBJECTS``, ``MAX_VALUES``) counts as running
something, as it did before.

Damaged files (decided here; documents/files.py stores damaged PDFs with a warning, and
editors' damaged but harmless files must still be stored):

- qpdf reads the file only by repairing it (it fails without its recovery): what qpdf
  recovered is searched, and the raw bytes are too, for the running names (``/JS``,
  ``/JavaScript``, ``/Launch``; ``#`` escapes decoded, 7.3.5), because another reader
  may repair the file differently and reach objects qpdf did not.
- qpdf cannot open the file at all: nothing can be searched structurally. The file is
  refused when its raw bytes name a running action, or name what hides objects from a
  byte search (``/ObjStm`` object streams, ``/Encrypt``, ``/XFA``): a script could be
  inside. Otherwise (noise after a PDF header, a cut-off file without object streams)
  nothing in it names a script, and it is stored with the warning, as before.

``pdf_runs_something(fileobj)`` never raises. Tests:
tests/security/uploads/test_pdf_scripts.py and test_pdf_script_hiding.py.
"""

import re

import pikepdf

# Action types that run something (ISO 32000-2, Table 201).
RUNNING_ACTIONS = frozenset({"/JavaScript", "/Launch"})
# An object whose text matches may hold a running action; any other cannot (a reference
# as /S is looked at because the name it refers to is then written elsewhere).
CANDIDATE = re.compile(rb"/(?:JS|JavaScript|Launch|XFA)(?![^\s/<>\[\]()%{}])|/S \d+ \d+ R")
XFA_SCRIPT = b"<script"
# A name token in raw PDF bytes (7.3.5): delimiters and white space end it.
RAW_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]*")
RAW_RUNNING_NAMES = frozenset({b"JS", b"JavaScript", b"Launch"})
# In a file qpdf cannot open, these hide objects from a byte search.
RAW_HIDING_NAMES = frozenset({b"ObjStm", b"Encrypt", b"XFA"})
CONTAINERS = (pikepdf.Dictionary, pikepdf.Array)
# A file listing more objects than this is not searched, and counts as running
# something, as before the move to pikepdf: a script could hide past them, and a hostile
# file (millions of tiny objects packed in object streams) must not hold the upload near
# the worker timeout. A 500-page report with 10,000 links lists about 17,000. Likewise
# for the values looked at one by one inside objects that name a running action.
MAX_OBJECTS = 200_000
MAX_VALUES = 2_000_000


def pdf_runs_something(fileobj):
    """True when the PDF in ``fileobj`` (a binary file object, read from the start and
    left at the start) holds a JavaScript or launch action, a document-level script or
    an XFA script, or is damaged in a way that could hide one (see the module
    docstring). False for a file qpdf reads and finds nothing in."""
    try:
        fileobj.seek(0)
        try:
            with pikepdf.open(fileobj, attempt_recovery=False) as pdf:
                return _objects_run_something(pdf)
        except Exception:  # noqa: BLE001 - damaged in any way: searched as repaired below
            fileobj.seek(0)
        names = _raw_names(fileobj)
        try:
            with pikepdf.open(fileobj) as pdf:
                return _objects_run_something(pdf) or bool(names & RAW_RUNNING_NAMES)
        except Exception:  # noqa: BLE001 - nothing qpdf can read: only the raw bytes
            return bool(names & (RAW_RUNNING_NAMES | RAW_HIDING_NAMES))
    finally:
        fileobj.seek(0)


def _objects_run_something(pdf):
    """True when any object the open ``pdf``'s cross-reference table lists (object
    streams unpacked) holds something that runs. Read through the table, not
    ``pdf.objects``, which also walks the page tree and so fails on a damaged one."""
    table = pdf.get_xref_table()
    if len(table) > MAX_OBJECTS:
        return True
    budget = MAX_VALUES
    for objgen in table:
        obj = pdf.get_object(objgen)
        if isinstance(obj, pikepdf.Stream):
            text = obj.stream_dict.unparse(resolved=True)
        elif isinstance(obj, CONTAINERS):
            text = obj.unparse(resolved=True)
        else:
            continue
        if CANDIDATE.search(text):
            runs, budget = _holds_running(obj, budget)
            if runs or budget < 0:
                return True
    return False


def _holds_running(obj, budget):
    """(True, _) when ``obj`` or a dictionary written inside it (not referred to: those
    are objects of their own) is a running action, names document-level scripts or is a
    form with XFA scripts; and what is left of ``budget``, the values that may still be
    looked at (below 0: the search stopped short)."""
    stack = [obj]
    while stack and budget >= 0:
        item = stack.pop()
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            if _runs(item):
                return True, budget
            values = item.values()
        else:
            values = item
        budget -= len(values)
        stack.extend(v for v in values if isinstance(v, CONTAINERS) and not v.is_indirect)
    return False, budget


def _runs(dictionary):
    """True when ``dictionary`` is a running action, names document-level scripts or is
    a form with XFA scripts; references are followed (pikepdf resolves them)."""
    if "/JS" in dictionary or _name(dictionary.get("/S")) in RUNNING_ACTIONS:
        return True
    names = dictionary.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        return True
    return "/XFA" in dictionary and _xfa_has_script(dictionary.get("/XFA"))


def _xfa_has_script(xfa):
    """True when an XFA value (a stream, or an array of names and streams) holds a
    ``<script`` element."""
    packets = list(xfa) if isinstance(xfa, pikepdf.Array) else [xfa]
    for packet in packets:
        if not isinstance(packet, pikepdf.Stream):
            continue
        try:
            data = packet.read_bytes()
        except Exception:  # noqa: BLE001 - an undecodable packet runs nothing
            continue
        if XFA_SCRIPT in data.lower():
            return True
    return False


def _name(value):
    """``value`` as a name string ("/Launch"), or None when it is no name."""
    return str(value) if isinstance(value, pikepdf.Name) else None


def _raw_names(fileobj):
    """The names written in the file's raw bytes, ``#xx`` escapes decoded (7.3.5), without
    the slash."""
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    found = set()
    for match in RAW_NAME.finditer(data):
        token = match.group()[1:]
        if b"#" in token:
            token = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), token)
        found.add(token)
    return found
