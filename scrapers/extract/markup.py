"""Markup conventions: hAtom/WordPress classes, <time datetime>, rel=author and bylines."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from criticdb.common.bylines import (
    CJK_CHAR,
    looks_like_name,
    starts_with_byline,
    strip_byline,
)
from criticdb.scrapers.extract.dates import (
    in_locale,
    iso_date,
    month_first,
    written_date,
)
from criticdb.scrapers.extract.page import ParsedPage, element_text

# Class tokens themes give the element holding the author's name (WordPress, Hugo, Jekyll,
# Blogger, Ghost and newspaper templates all use some of these).
AUTHOR_CLASSES = ("author", "byline", "post-author", "entry-author", "author-name",
                  "article-author", "meta-author", "post-byline", "byline-name", "writer",
                  "posted-by", "g-profile", "author-link", "by-line")


def _cls(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def _text(el: Any) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _classes(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def _in_comments(el: Any) -> bool:
    """Commenters carry hCards too; their names must never become the critic."""
    return any("comment" in (a.get("class") or "") or a.get("id") == "comments"
               for a in [el, *el.iterancestors()])


# A footer's credit line names the theme's or the site generator's author ("CleanWhite Hugo
# Theme by Huabing", "Hugo port of Casper by EM", "Powered by WordPress"), not the critic.
CREDIT = re.compile(r"\b(?:themes?|template|powered|port of|designed|design by|built with|"
                    r"hugo|jekyll|wordpress|ghost|hexo|gatsby|bootstrap|generator)\b", re.I)


def _is_credit(el: Any) -> bool:
    return bool(CREDIT.search(_text(el)[:300]))


def _author_cards(page: ParsedPage) -> list[Any]:
    return [v for v in page.by_class("vcard") if not _in_comments(v)]


def _name_from(el: Any, handle: bool = False) -> str | None:
    """The name in a byline element: a link or emphasis inside it, else its own text (a
    lower-case handle too with `handle`: after "By" a handle is a signature, 'By terasum')."""
    inner = [t for t in (_text(c) for c in el.iter("a", "strong", "b", "em", "span")
                         if c is not el) if t]
    for text in inner:
        if looks_like_name(strip_byline(text), allow_handle=True):
            return strip_byline(text)
    text = strip_byline(_text(el))
    return text if looks_like_name(text, allow_handle=handle) else None


# Elements found through their attributes (//@rel[…]/..): the nodes of //a[@rel="author"],
# //*[@itemprop="author"] | …, //*[contains(@class,'footer') or …], at a half to a third
# of the cost of testing every element
REL_AUTHOR = '//a/@rel[.="author"]/..'
AUTHOR_PROPERTIES = ('//@itemprop[.="author"]/.. | //@property[.="cc:attributionName"]/.. | '
                     '//@rel[.="cc:attributionURL"]/..')
FOOTERS = ("//footer | //@class[contains(., 'footer') or contains(., 'copyright')]/.. | "
           "//@id[contains(., 'footer')]/..")


def _critic(page: ParsedPage) -> str | None:
    for card in _author_cards(page):
        names = [el for el in card.iter() if isinstance(el.tag, str) and "fn" in _classes(el)]
        if (text := _text(names[0] if names else card)) and (names or "author" in _classes(card)):
            return text
    if name := _mf2_author(page):
        return name
    rel = next((t for a in page.xpath(REL_AUTHOR) if (t := _text(a))), None)
    if rel and looks_like_name(rel):
        return rel
    for token in AUTHOR_CLASSES:
        for el in page.by_class(token):
            if not _in_comments(el) and len(_text(el)) < 120 and (name := _name_from(el)):
                return name
    for el in page.by_token(_author_token):
        if not _in_comments(el) and not _in_chrome(el) and len(_text(el)) < 120 \
                and (name := _name_from(el)):
            return name
    for el in page.xpath(AUTHOR_PROPERTIES):
        if not _in_comments(el) and (name := _name_from(el)):
            return name
    return (_byline_text(page) or _meta_author(page) or _archive_link(page)
            or _signature(page) or _copyright_owner(page) or _avatar_owner(page)
            or _meta_author(page, handles=True))


# "c-byline__author", "article__author", "by-author", "authorName": themes' tokens holding
# "author" or "byline" inside a longer name (BEM, camel case); not the author's box, picture
# or biography, nor a list of a group blog's authors
NOT_BYLINE_TOKEN = re.compile(r"bio|box|avatar|about|comment|desc|image|img|photo|pic|social|"
                              r"follow|more|posts|related|list|widget|authors|email|share", re.I)


def _author_token(token: str) -> bool:
    lower = token.lower()
    return ("author" in lower or "byline" in lower) and lower not in AUTHOR_CLASSES \
        and not NOT_BYLINE_TOKEN.search(lower)


CHROME = re.compile(r"sidebar|widget|footer|menu")


def _in_chrome(el: Any) -> bool:
    """Inside the page's navigation, sidebar or footer, where widgets list every author."""
    return any(a.tag in ("nav", "aside", "footer") or CHROME.search(a.get("class") or "")
               for a in el.iterancestors())


# A link to the author's archive page: WordPress's /author/<name>/, newspapers' /profile/,
# /people/, /by/, /staff/ … (the link's text is the name)
ARCHIVE_PATH = re.compile(r"/(?:author|profile|people|by|writers?|contributors?|staff|critics?|"
                          r"journalists?|autor|auteur|autore|redacteur)/[^/?#]+/?(?:[?#]|$)",
                          re.I)


def _archive_link(page: ParsedPage) -> str | None:
    for a in page.xpath("//body//a[@href]")[:400]:
        if not ARCHIVE_PATH.search(a.get("href", "")) or _in_comments(a) or _in_chrome(a):
            continue
        if looks_like_name(text := _text(a)) and len(text.split()) >= 2:
            return text
    return None


def _mf2_author(page: ParsedPage) -> str | None:
    """microformats2, the IndieWeb's successor to hAtom: an entry's `p-author` (often an
    `h-card`), its name the `p-name` inside it or its own text ("[Bram]" themes bracket)."""
    for el in page.by_class("p-author"):
        if _in_comments(el):
            continue
        names = [n for n in el.iter() if isinstance(n.tag, str) and "p-name" in _classes(n)]
        text = _text(names[0] if names else el).strip("[]() ")
        if looks_like_name(text, allow_handle=True):
            return text
    return None


def _byline_text(page: ParsedPage) -> str | None:
    """'By Jane Doe' / 'Por Juan Pérez' as a short line of its own, outside comments."""
    for node in page.xpath("//body//text()[normalize-space()]")[:3000]:
        text = " ".join(str(node).split())
        if len(text) > 80:
            continue
        if text.rstrip(".").lower().endswith(ROLE_WORDS) and (m := ROLE_LINE.match(text)) \
                and looks_like_name(m["n"]) and not _in_comments(node.getparent()):
            return m["n"]
        if not starts_with_byline(text + " x"):
            continue
        el = node.getparent()
        if node.is_tail and el.getparent() is not None:
            el = el.getparent()  # "<time>…</time> by <a>…": the tail is the block's text
        block = el
        while block is not None and block.tag in ("a", "em", "strong", "b", "span", "i"):
            block = block.getparent()
        if block is None or _in_comments(block) or len(_text(block)) > 100 or _is_credit(block):
            continue
        if name := _name_from(block, handle=True):
            return name
    return None


# "Jane Doe, Staff Writer", "Jane Doe | Film Critic": a name and its role, a line of its own
ROLE_WORDS = ("writer", "critic", "contributor", "reviewer", "editor", "columnist",
              "correspondent")  # the test before the pattern: most lines end otherwise
ROLE_LINE = re.compile(r"^(?P<n>[^,|–—]{3,40}?)\s*(?:,|\||–|—)\s*(?:(?:senior|chief|staff|film|"
                       rf"contributing|guest)\s+)?(?:{'|'.join(ROLE_WORDS)})\.?$", re.I)
# Dublin Core writes the family name first: "Doe, Jane"
INVERTED = re.compile(r"^(?P<last>[^\W\d_][\w'’-]+),\s*(?P<first>[^\W\d_][\w'’.-]+"
                      r"(?:\s+[^\W\d_][\w'’.-]*)?)$")
DC_CREATOR = (("name", "dc.creator"), ("name", "DC.creator"), ("name", "DC.Creator"))
NEWS_AUTHOR_METAS = (("name", "byl"), ("name", "parsely-author"), ("name", "sailthru.author"),
                     *DC_CREATOR)


def _meta_author(page: ParsedPage, handles: bool = False) -> str | None:
    """`<meta name="author">`. With `handles`, a lower-case handle too: Hugo and Jekyll
    themes write the site owner's ('gennei') there, which is how the page signs itself; a
    last resort, since a publication's account ('thevoiceexpress') looks the same and is
    refused later (`cascade.plausible_critic`)."""
    # OpenGraph's article:author is meant to be a profile URL; sites write the name there
    # news sites' own metas (NYT's "byl", Parse.ly's, Sailthru's) and Dublin Core's creator
    inverted = set(page.meta_content(*DC_CREATOR))
    for value in page.meta_content(("name", "author"), ("name", "Author"),
                                   ("property", "article:author"), *NEWS_AUTHOR_METAS):
        if value in inverted and (m := INVERTED.match(value.strip())):
            value = f"{m['first']} {m['last']}"
        value = value.strip()
        for text in dict.fromkeys((strip_byline(value), value)):
            if looks_like_name(text, allow_handle=handles):
                return text
    return None


# "© 2023 - Bill Vinson", "© Ant Zucaro 2009-2016", "Copyright © 1992-2020 — David
# Collantes.": a personal site signs its whole archive in the footer, and nowhere else.
_YEARS = r"(?:\d{4}(?:\s*[-–—]\s*(?:\d{4}|(?i:present|now|today)))?)"
_PERSON = r"[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,2}"
COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:{_YEARS}\s*[-–—·•,|]?\s*(?P<a>{_PERSON})|"
    rf"(?P<b>{_PERSON})\s*,?\s*{_YEARS})(?=\s*(?:[.,|•·]|all rights|powered|$))")
NOT_A_PERSON = re.compile(r"\b(?:blog|site|media|journal|news|films?|movies?|studios?|"
                          r"productions?|inc|llc|ltd|gmbh|team|press|magazine|theme|reviews?|"
                          r"the|and|of|journey|thoughts|life|world|daily|weekly|club)\b", re.I)


def _copyright_owner(page: ParsedPage) -> str | None:
    """The person a footer's (or a sidebar's) copyright line names, for pages with no other
    byline."""
    for el in page.xpath(FOOTERS)[:6] + \
            page.by_class("sidebar")[:3] + page.by_class("sidebar-item")[:6]:
        text = _text(el)  # the line opens a footer or closes a sidebar's "about me"
        m = COPYRIGHT.search(text[:400]) or COPYRIGHT.search(text[-400:])
        name = m and (m["a"] or m["b"]).rstrip(".")
        if name and not NOT_A_PERSON.search(name) and looks_like_name(name):
            return name
    return None


# "earlzo avatar", "Avatar of Ana Lima", "Ana Lima's avatar": author boxes label the
# owner's picture with the name (commenters' pictures are refused by `_in_comments`).
AVATAR = re.compile(r"^(?:(?P<a>.+?)(?:'s|’s)?\s+(?:avatar|profile (?:photo|picture))|"
                    r"(?:avatar|photo|picture) of\s+(?P<b>.+?))\s*$", re.I)


def _avatar_owner(page: ParsedPage) -> str | None:
    for img in page.xpath("//img[contains(translate(@alt, 'AVTR', 'avtr'), 'avatar') or "
                          "contains(@alt, ' of ')][@alt]")[:10]:
        m = AVATAR.match(" ".join(img.get("alt", "").split()))
        name = m and (m["a"] or m["b"]).strip()
        if name and not _in_comments(img) and not NOT_A_PERSON.search(name) \
                and looks_like_name(name, allow_handle=True):
            return name
    return None


def _signature(page: ParsedPage) -> str | None:
    """A review signed at its end: one of the last paragraphs is only a name, in bold or
    italics or after a dash ('— Jane Doe', '~ Name'); common on group blogs, whose account
    name is not the critic's."""
    containers = page.by_class("entry-content") + page.by_class("post-content") + \
        page.xpath("//article")
    # themes without those names: the <main> element, else a "content" block of the body
    containers = containers or page.xpath("//main") or page.by_class("content")
    for container in containers:
        paragraphs = [p for p in container.iter("p") if _text(p)]
        for last in paragraphs[-3:]:
            # a bold line with more text after it is a heading ("最后", "Verdict"), not a name
            marked = [c for c in last.iter("strong", "b", "em", "i") if _text(c) == _text(last)
                      ] if last is paragraphs[-1] or not CJK_CHAR.search(_text(last)) else []
            dashed = _text(last)[:1] in "—–-~"
            text = _text(last).lstrip("—–-~ ")
            if (marked or dashed) and looks_like_name(text) and len(text.split()) <= 4:
                return text
    return None


def _critic_url(page: ParsedPage) -> str | None:
    hrefs = [a.get("href") for card in _author_cards(page) for a in card.iter("a")
             if "url" in _classes(a) and a.get("href")]
    # the links _critic asked for already (remembered), not a second scan for their hrefs
    hrefs += [href for a in page.xpath(REL_AUTHOR)
              if (href := a.get("href")) is not None]
    return urljoin(page.url, hrefs[0].strip()) if hrefs and hrefs[0].strip() else None


# through the attributes, as above: //time[…published…]/@datetime | //time/@datetime | …
_PUBLISHED = 'contains(concat(" ", normalize-space(.), " "), " published ")'
DATES = (f'//time/@class[{_PUBLISHED}]/../@datetime | //time/@datetime'
         f' | //abbr/@class[{_PUBLISHED}]/../@title')


def _headline_entry(page: ParsedPage) -> Any | None:
    """The hAtom entry (or <article>) that holds the page's headline: an <h1> inside one
    (a site-name <h1> in the header has none), else the first `entry-title` inside one
    (widgets mark their posts' titles `entry-title` too, but with <h2>–<h4>)."""
    for el in [*page.doc.iter("h1"), *page.by_class("entry-title")]:
        for a in el.iterancestors():
            if a.tag == "article" or "hentry" in _classes(a):
                return a
    return None


def _entry_published(page: ParsedPage) -> str | None:
    """hAtom: `published` belongs to its entry. Blog themes repeat the same markup in
    related-post and recent-post widgets, often before the article in the source, so the
    date inside the entry that holds the headline comes first; a datetime attribute that is
    not ISO 8601 (themes print their display format there: '8 de December de 2016') is
    read as a written date, and so is the element's text."""
    entry = _headline_entry(page)
    if entry is None:
        return None
    # only dates marked `published`: an unmarked <time> in an article may be a comment's
    for el in entry.xpath(f'.//time[{_cls("published")}] | .//abbr[{_cls("published")}]'):
        value = el.get("datetime") or el.get("title") or ""
        if found := iso_date(value):
            return found
        if found := written_date(value) or written_date(_text(el)):
            return in_locale(found, f"{value} {_text(el)}", month_first(page.locale()))
    return None


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"critic": _critic(page), "critic_url": _critic_url(page)}
    out["headline"] = next((t for el in page.by_class("entry-title") if (t := _text(el))), None)
    out["published"] = _entry_published(page) or next(
        (d for d in map(iso_date, page.xpath(DATES)) if d), None)
    content = page.by_class("entry-content")
    out["body_text"] = element_text(content[0]) if content else None
    return {k: v for k, v in out.items() if v}
