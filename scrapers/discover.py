"""Finds review page URLs from sitemaps, RSS/Atom feeds, paginated listings and URL lists."""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

from criticdb.common.errors import FetchError
from criticdb.common.rejects import Reject
from criticdb.scrapers.config import Site, Source
from criticdb.scrapers.fetch import Fetcher
from criticdb.scrapers.urls import canonicalise, scope_violation

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file
MAX_SITEMAP_DEPTH = 3


@dataclass
class Discovery:
    """What discovery found. `pages` maps each review URL, in the order found, to its
    sitemap <lastmod> ('' when none): one container serves as the list, the seen-set and
    the lastmod index, so half a million URLs are held once."""

    site: str
    pages: dict[str, str] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    _refused: set[str] = field(default_factory=set)  # out of scope: one reject per URL

    @property
    def urls(self) -> list[str]:
        return list(self.pages)

    def offer(self, url: str, pattern: re.Pattern[str], allowed: set[str],
              lastmod: str = "") -> bool:
        """Keep a review URL (True when it matched the pattern and is in scope). A URL that
        does not match is not remembered: testing it again costs less than holding it."""
        if url in self.pages:
            if lastmod and not self.pages[url]:
                self.pages[url] = lastmod
            return True
        if url in self._refused:
            return False
        violation = scope_violation(url, allowed)
        if violation:
            self._refused.add(url)
            self.rejects.append(Reject(url, "discover", violation))
            return False
        parts = urlsplit(url)
        if pattern.search(parts.path + (f"?{parts.query}" if parts.query else "")):
            self.pages[url] = lastmod
            return True
        return False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _parse_xml(body: bytes, url: str) -> Element:
    if body[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        body = d.decompress(body, MAX_SITEMAP_BYTES)
        if d.unconsumed_tail:
            raise FetchError(url, "xml_too_large", f"over {MAX_SITEMAP_BYTES} bytes")
    try:
        return fromstring(body, forbid_dtd=True)
    except (ParseError, DefusedXmlException, gzip.BadGzipFile) as exc:
        raise FetchError(url, "xml_rejected", f"{type(exc).__name__}: {exc}") from exc


def _decompressed(body: bytes, url: str) -> bytes:
    """gzip'd sitemaps are held to the protocol's limit after decompression."""
    if body[:2] != b"\x1f\x8b":
        return body
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, MAX_SITEMAP_BYTES)
    except zlib.error as exc:
        raise FetchError(url, "xml_rejected", f"bad gzip: {exc}") from exc
    if d.unconsumed_tail:
        raise FetchError(url, "xml_too_large", f"over {MAX_SITEMAP_BYTES} bytes uncompressed")
    return out


def _sitemap_entries(fetcher: Fetcher, url: str, depth: int = 0,
                     max_depth: int = MAX_SITEMAP_DEPTH) -> Iterator[tuple[str, str]]:
    """(url, lastmod or '') for every <loc>, following sitemap indexes to `max_depth`.

    Parsed as a stream: each <url> is read and dropped, so a 50 MB, 50,000-URL sitemap
    never becomes one tree in memory."""
    final, body = fetcher.get_document(url, max_bytes=MAX_SITEMAP_BYTES)
    stream = io.BytesIO(_decompressed(body, url))
    del body
    children: list[str] = []  # an index's sitemaps, followed after this file is read
    root_tag = ""
    fields: dict[str, str] = {}
    try:
        for event, el in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            name = _local(el.tag)
            if event == "start":
                root_tag = root_tag or name
                continue
            if name in ("loc", "lastmod"):
                fields[name] = (el.text or "").strip()
            elif name in ("url", "sitemap"):
                if fields.get("loc"):
                    loc = canonicalise(fields["loc"], base=final)
                    if root_tag == "sitemapindex":
                        children.append(loc)
                    else:  # many pages share a lastmod: one string for all of them
                        yield loc, sys.intern(fields.get("lastmod", ""))
                fields = {}
                el.clear()
    except (ParseError, DefusedXmlException) as exc:
        raise FetchError(url, "xml_rejected", f"{type(exc).__name__}: {exc}") from exc
    if children and depth >= max_depth:
        raise FetchError(url, "sitemap_too_deep", f"index nesting over {max_depth}")
    for child in children:
        yield from _sitemap_entries(fetcher, child, depth + 1, max_depth)


def _feed_urls(fetcher: Fetcher, url: str) -> list[str]:
    final, body = fetcher.get_document(url)
    out = []
    for el in _parse_xml(body, url).iter():
        name = _local(el.tag)
        if name == "link" and el.text and el.text.strip():  # RSS <link>url</link>
            out.append(canonicalise(el.text.strip(), base=final))
        elif name == "link" and el.get("href") and el.get("rel", "alternate") == "alternate":
            out.append(canonicalise(el.get("href", ""), base=final))  # Atom <link href>
    return out


def _listing_urls(fetcher: Fetcher, source: Source, url: str) -> list[str]:
    out: list[str] = []
    seen_pages: set[str] = set()
    page: str | None = url
    while page and page not in seen_pages and len(seen_pages) < source.max_pages:
        seen_pages.add(page)
        final, body = fetcher.get_document(page)
        soup = BeautifulSoup(body, "lxml")
        out += [canonicalise(a["href"], base=final) for a in soup.select(source.link_selector)
                if a.get("href")]
        nxt = soup.select_one(source.next_selector) if source.next_selector else None
        page = canonicalise(nxt["href"], base=final) if nxt and nxt.get("href") else None
    return out


def discover_site(site: Site, fetcher: Fetcher) -> Discovery:
    """Every review URL a site's sources list, canonical and in scope; failures as rejects."""
    found = Discovery(site.name)
    pattern = re.compile(site.review_pattern)
    listed: dict[str, int] = {}
    for source in site.sources:
        url = canonicalise(source.url, base=site.base_url)
        entries: Iterable[tuple[str, str]]
        if source.kind == "sitemap":  # streamed: each entry offered as it is parsed
            entries = _sitemap_entries(fetcher, url, max_depth=fetcher.settings.sitemap_max_depth)
        elif source.kind == "feed":
            entries = ((u, "") for u in _feed_urls(fetcher, url))
        elif source.kind == "listing":
            entries = ((u, "") for u in _listing_urls(fetcher, source, url))
        else:
            entries = [(url, "")]
        n = 0
        try:
            for u, lastmod in entries:
                n += 1
                found.offer(u, pattern, fetcher.allowed_hosts, lastmod)
        except FetchError as exc:  # what was read before the failure is kept
            found.rejects.append(Reject.from_fetch_error("discover", exc))
        listed[source.kind] = listed.get(source.kind, 0) + n
    if not found.pages and sum(listed.values()):
        # a typo in review_pattern looks like an empty site: say what was seen
        seen = ", ".join(f"{n} {kind} URLs" for kind, n in listed.items() if n)
        found.rejects.append(Reject(site.base_url, "discover", "review_pattern_matched_none",
                                    f"{seen}, 0 matched review_pattern "
                                    f"{site.review_pattern!r}"))
    return found
