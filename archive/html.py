"""Reading an archived page's HTML: which files it uses, and how to show it again.

Parsing uses the standard library's HTML parser (the WHATWG tokenizer rules are
close enough for our own templates' output); rewriting replaces attribute values by
exact string, so the archived bytes stay what they were except for the swapped URLs.
"""

import html
import re
from html.parser import HTMLParser

STYLESHEET, IMAGE, DOCUMENT, ASSET = "stylesheet", "image", "document", "asset"


class _LinkCollector(HTMLParser):
    def __init__(self, is_document):
        super().__init__(convert_charrefs=True)
        self.is_document = is_document
        self.found = []  # (kind, url) in document order

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rels = (attrs.get("rel") or "").lower().split()
            if "stylesheet" in rels:
                self.found.append((STYLESHEET, attrs["href"]))
            elif "icon" in rels or "apple-touch-icon" in rels:
                self.found.append((IMAGE, attrs["href"]))
        elif tag in ("img", "source"):
            if attrs.get("src"):
                self.found.append((IMAGE, attrs["src"]))
            for candidate in (attrs.get("srcset") or "").split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    self.found.append((IMAGE, url))
        elif tag == "a" and attrs.get("href") and self.is_document(attrs["href"]):
            self.found.append((DOCUMENT, attrs["href"]))


def linked_files(markup, is_document):
    """The files a page uses: [(kind, url)] without repeats, in document order.

    ``markup`` is the page's HTML (str); ``is_document(url)`` says whether a link
    target is a document download. Kinds: "stylesheet", "image", "document".
    """
    collector = _LinkCollector(is_document)
    collector.feed(markup)
    collector.close()
    seen, result = set(), []
    for kind, url in collector.found:
        if url not in seen:
            seen.add(url)
            result.append((kind, url))
    return result


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def css_urls(css_text):
    """The url(...) references of a stylesheet (str), without data: URLs."""
    return [
        match.group(2)
        for match in CSS_URL.finditer(css_text)
        if not match.group(2).startswith("data:")
    ]


def rewrite_urls(markup, replacements):
    """``markup`` with each attribute value in ``replacements`` ({old: new}) swapped.

    Only whole attribute values (in double or single quotes, HTML-escaped as the
    templates write them) and srcset entries are replaced, never running text.
    """
    for old, new in replacements.items():
        escaped = html.escape(old, quote=True)
        for form in {old, escaped}:
            markup = re.sub(
                r'(=\s*["\'](?:[^"\']*?,\s*)?)' + re.escape(form) + r'(?=[\s"\',])',
                lambda match, new=new: match.group(1) + html.escape(new, quote=True),
                markup,
            )
    return markup


def rewrite_css(css_text, replacements):
    """A stylesheet (str) with its url(...) references swapped per ``replacements``."""

    def swap(match):
        url = match.group(2)
        return f'url("{replacements[url]}")' if url in replacements else match.group(0)

    return CSS_URL.sub(swap, css_text)


BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def insert_banner(markup, banner):
    """``markup`` with ``banner`` (HTML) placed first inside <body>."""
    match = BODY_OPEN.search(markup)
    if match is None:
        return banner + markup
    return markup[: match.end()] + banner + markup[match.end() :]
