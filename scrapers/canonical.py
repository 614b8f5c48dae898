"""<link rel=canonical>: the URL a page says it really lives at."""

from __future__ import annotations

import re

from criticdb.scrapers.urls import canonicalise, scope_violation

# Cheap scan of the head: parsing whole pages here would double the extraction cost.
LINK = re.compile(rb"<link\b[^>]*>", re.I)
REL_CANONICAL = re.compile(rb"""\brel\s*=\s*["']?canonical\b""", re.I)
HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
HEAD_BYTES = 65536
HEAD_END = re.compile(rb"</head\s*>|<body\b", re.I)


def canonical_url(body: bytes, page_url: str, allowed_hosts: set[str]) -> str | None:
    """The in-scope canonical URL a page declares, or None (absent, foreign or malformed)."""
    head = body[:HEAD_BYTES]
    # Only the head counts (search engines ignore a canonical link in the body, and themes
    # print <link> tags for fonts and feeds there): stop scanning where the head ends.
    if (end := HEAD_END.search(head)) is not None:
        head = head[:end.start()]
    for tag in LINK.findall(head):
        if not REL_CANONICAL.search(tag):
            continue
        m = HREF.search(tag)
        if not m:
            return None
        href = (m.group(1) or m.group(2) or m.group(3) or b"").decode("utf-8", "replace").strip()
        if not href:
            return None
        try:
            url = canonicalise(href, base=page_url)
        except ValueError:
            return None
        return None if scope_violation(url, allowed_hosts) else url
    return None
