"""Decodes raw bytes into one parsed document that every extraction layer shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
MAX_PARSE_BYTES = 8 * 1024 * 1024
_ELEMENTS: dict[str, Any] = {}
_COMPILED: dict[str, Any] = {}


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Valid UTF-8, then header charset, then <meta charset>, then detection.

    Non-ASCII bytes that decode as UTF-8 are practically never Latin-1 text, so a page
    labelled ISO-8859-1 but written in UTF-8 is read as UTF-8 instead of as mojibake.
    """
    if not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    candidates: list[str] = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip())
    meta = META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore").lower())
    for enc in candidates:
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue  # a lying header: fall through to detection
    best = from_bytes(body[:200_000]).best()
    return body.decode(best.encoding if best else "utf-8", errors="replace")


@dataclass
class ParsedPage:
    url: str
    text: str
    doc: Any  # lxml.html.HtmlElement
    cache: dict[str, Any] = field(default_factory=dict)  # per-layer parsed structures

    def xpath(self, expr: str) -> list[Any]:
        """`doc.xpath(expr)`, compiled once per expression rather than once per call, and
        evaluated once per page: layers ask the same questions (`//h1 | //title` four times
        a page). The tree is never changed after parsing (trafilatura prunes its own copy), so an
        answer stays true; each caller gets its own list."""
        return list(self._answer(_ELEMENTS, expr, smart=True))

    def strings(self, expr: str) -> list[str]:
        """Plain strings of a text()/attribute query: lxml's default "smart" strings keep a
        link to their element, which costs more than the query on large pages."""
        return list(self._answer(_COMPILED, expr, smart=False))

    def _answer(self, compiled_by_expr: dict[str, Any], expr: str, smart: bool) -> Any:
        answers = self.cache.setdefault("xpath_smart" if smart else "xpath_plain", {})
        found = answers.get(expr)
        if found is None:
            compiled = compiled_by_expr.get(expr)
            if compiled is None:
                compiled = compiled_by_expr[expr] = etree.XPath(expr, smart_strings=smart)
            found = answers[expr] = compiled(self.doc)
        return found

    def meta_content(self, *pairs: tuple[str, str]) -> list[str]:
        """`content` of the <meta> elements whose attribute equals a value, in document
        order: `//meta[@property="og:title" or @name="og:title"]/@content` is
        `meta_content(("property", "og:title"), ("name", "og:title"))`. One scan of the
        page's metas serves every such question (each XPath rescanned the whole tree)."""
        metas = self.cache.get("metas")
        if metas is None:
            metas = self.cache["metas"] = [dict(el.attrib) for el in self.xpath("//meta")]
        return [m["content"] for m in metas
                if "content" in m and any(m.get(a) == v for a, v in pairs)]

    def locale(self) -> str | None:
        """The locale the page declares: `<html lang>`, else OpenGraph's `og:locale`."""
        found = self.strings('/html/@lang | //meta[@property="og:locale"]/@content')
        return str(found[0]) if found else None

    def by_class(self, name: str) -> list[Any]:
        """Elements carrying a class token, in document order (one pass builds the index:
        class-matching XPath rescans the whole tree every time)."""
        return self._attribute_index()[0].get(name, [])

    def by_class_part(self, part: str) -> list[Any]:
        """Elements whose class contains `part`, in document order: XPath's
        `contains(@class, part)` (for a `part` without spaces, some token holds it)."""
        return self._carrying(lambda token: part in token, ids=False)

    def by_token(self, wanted: Callable[[str], bool]) -> list[Any]:
        """Elements with a class or id token `wanted` accepts, in document order."""
        return self._carrying(wanted, ids=True)

    def _carrying(self, wanted: Callable[[str], bool], ids: bool) -> list[Any]:
        """Each distinct token is tested once, not once per element that carries it."""
        classes, id_tokens, order = self._attribute_index()
        found = {id(el): el for index in ((classes, id_tokens) if ids else (classes,))
                 for token, els in index.items() if wanted(token) for el in els}
        return sorted(found.values(), key=lambda el: order[id(el)])

    def _attribute_index(self) -> tuple[dict[str, list[Any]], dict[str, list[Any]],
                                        dict[int, int]]:
        """Class tokens and id tokens to their elements, and each element's place in the
        document; one XPath scan (a Python walk of every element cost more)."""
        index = self.cache.get("attribute_index")
        if index is None:
            classes: dict[str, list[Any]] = {}
            ids: dict[str, list[Any]] = {}
            order: dict[int, int] = {}
            for i, el in enumerate(_WITH_CLASS_OR_ID(self.doc)):
                order[id(el)] = i  # the lists below keep `el` alive, so its id stays its own
                for attribute, tokens in (("class", classes), ("id", ids)):
                    if value := el.get(attribute):
                        for token in set(value.split()):
                            tokens.setdefault(token, []).append(el)
            index = self.cache["attribute_index"] = (classes, ids, order)
        return index


# //*[@class or @id], found through the attributes: the same elements in document order,
# a quarter faster than testing every element
_WITH_CLASS_OR_ID = etree.XPath("//@class/.. | //@id/..")
# Every element as an HtmlElement, decided in C: lxml.html's own lookup calls back into
# Python for each element object made (about a million calls on the corpus, 5% of the
# cascade's time) only to give <form>, <input>, <select> and <label> classes of their own,
# whose form helpers nothing here uses.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


def parse_page(body: bytes, url: str, content_type: str | None = None) -> ParsedPage:
    text = decode_html(body[:MAX_PARSE_BYTES], content_type).replace("\x00", "")
    parser = lxml.html.HTMLParser(huge_tree=False, remove_comments=True, recover=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        doc = lxml.html.document_fromstring(text or "<html></html>", parser=parser)
    except (etree.ParserError, ValueError):
        doc = lxml.html.document_fromstring("<html><body></body></html>")
    return ParsedPage(url, text, doc)


def element_text(el: Any) -> str:
    """Paragraph-preserving text of an element: <p> children joined by blank lines."""
    paras = [" ".join(p.text_content().split()) for p in el.iter("p")]
    paras = [p for p in paras if p]
    return "\n\n".join(paras) if paras else " ".join(el.text_content().split())
