"""The page's class/id index answers as the XPath it replaces, on hostile markup too."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criticdb.scrapers.extract.page import parse_page
from criticdb.scrapers.extract.text_rules import year_in_text
from criticdb.scrapers.extract.titles import _count

TOKENS = ["star", "stars", "rating", "post-rating", "x", "star-full", "nostar", "score_total",
          "\u00a0", " ", "", "a b", "STAR", "review-score"]


def _page(attrs: list[tuple[str, str, str]]) -> str:
    """Nested and sibling elements carrying class and id values drawn from TOKENS."""
    html, depth = "<html><body>", 0
    for i, (cls, ident, shape) in enumerate(attrs):
        tag = ("div", "span", "i", "p")[i % 4]
        html += f'<{tag} class="{cls}" id="{ident}">t{i}'
        if shape == "close":
            html += f"</{tag}>"
        else:
            depth += 1
    return html + "</div>" * depth + "</body></html>"


attr_lists = st.lists(st.tuples(st.sampled_from(TOKENS),
                                st.sampled_from(TOKENS), st.sampled_from(["open", "close"])),
                      max_size=12)


@settings(max_examples=200, deadline=None)
@given(attr_lists, st.sampled_from(["star", "rating", "score", "x"]))
def test_class_part_is_xpath_contains(attrs: list[tuple[str, str, str]], part: str) -> None:
    page = parse_page(_page(attrs).encode(), "https://example.org/r")
    assert page.by_class_part(part) == page.xpath(f"//*[contains(@class, '{part}')]")


@settings(max_examples=200, deadline=None)
@given(attr_lists)
def test_token_lookup_is_the_scan_of_every_element(attrs: list[tuple[str, str, str]]) -> None:
    page = parse_page(_page(attrs).encode(), "https://example.org/r")
    wanted = {"rating", "post-rating", "score_total", "review-score"}.__contains__
    scanned = [el for el in page.xpath("//*[@class or @id]")
               if any(wanted(t) for t in f"{el.get('class') or ''} {el.get('id') or ''}".split())]
    assert page.by_token(wanted) == scanned
    assert page.by_class("star") == page.xpath(
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' star ')]")


def test_whole_word_count_and_year_after_a_title_need_no_pattern_per_title() -> None:
    assert _count("Up", "up, up and away! (pup) up_ up") == 3  # not 'pup' nor 'up_'
    assert _count("her", "her. other her") == 2
    assert year_in_text("Alien", "As in ALIEN (1979) and Aliens (1986)") == 1979
    assert year_in_text("Aliens", "Alien (1979); Aliens’ (1986)") == 1986
    assert year_in_text("Heat", "the heat (of 1995)") is None


def test_every_element_is_an_html_element_with_text_content() -> None:
    """The C-side class lookup still gives lxml.html's element API (text_content, classes)
    to every tag, forms and inputs included, and trafilatura accepts the tree as HTML."""
    import lxml.html

    page = parse_page(b"<html><body><form><input value='x'><label>Name</label>"
                      b"<select><option>a</option></select></form><p class='c d'>Text "
                      b"<b>bold</b></p></body></html>", "https://example.org/r")
    elements = list(page.doc.iter())
    assert elements and all(isinstance(el, lxml.html.HtmlElement) for el in elements)
    assert page.xpath("//p")[0].text_content() == "Text bold"
    assert set(page.xpath("//p")[0].classes) == {"c", "d"}
    assert page.xpath("//label")[0].text_content() == "Name"


PAGES_WITH_LABELS = [
    b"<html><head><meta property='article:section' content='Film'></head><body>"
    b"<a rel='tag' href='/t/drama'>Drama</a><a rel='category tag' href='/c/1959'>1959</a>"
    b"<a rel='nofollow'>x</a><nav class='breadcrumbs'><a href='/'>Home</a> <a>Reviews</a>"
    b"</nav><meta property='article:tag' content='War'></body></html>",
    b"<html><body><div class='crumb'><a>Not one</a></div><a rel='Tag'>case</a>"
    b"<a rel=' category '>Kino</a></body></html>",
    b"<html><body><header><h1 class='site-title'><a href='/'>My Site</a></h1></header>"
    b"<div class='my-site-title'><a href='https://example.org/'>Home</a></div>"
    b"<h1><a href='/post/1'>Post</a></h1></body></html>",
    b"<html><body><p>No labels at all</p></body></html>",
]
OLD_SECTIONS = (
    "//meta[@property='article:section']/@content | //meta[@property='article:tag']/@content"
    " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]//text()"
    " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' category ')]//text()"
    " | //*[contains(@class, 'breadcrumb')]//a//text()")
OLD_SITE_LINKS = ("//h1//a[@href] | //header//a[@href] | //*[contains(@class,'site-title')]"
                  "//a[@href]")


@pytest.mark.parametrize("html", PAGES_WITH_LABELS)
def test_rewritten_label_queries_find_the_union_they_replace(html: bytes) -> None:
    """Sections and site links: one predicate, class tests only where the index shows the
    class; the same labels, in the same order, as the union of scans."""
    from criticdb.scrapers.extract import review_kind, titles

    page = parse_page(html, "https://example.org/reviews/x/")
    labels = [re.sub(r"\s+", "-", w.strip().lower()) for w in page.strings(OLD_SECTIONS)
              if w.strip()]
    assert review_kind._sections(page) == ["reviews"] + labels
    names = {titles.fold(" ".join(a.text_content().split()))
             for a in page.xpath(OLD_SITE_LINKS) if a.get("href") in ("/", "https://example.org/")}
    assert titles.site_names(page, {}) == names


def test_a_remembered_answer_is_not_changed_by_a_caller() -> None:
    page = parse_page(b"<html><body><h1>A</h1><h1>B</h1></body></html>", "https://e.org/")
    first = page.xpath("//h1")
    first.pop()
    assert [h.text for h in page.xpath("//h1")] == ["A", "B"]
    plain = page.strings("//h1/text()")
    plain.clear()
    assert page.strings("//h1/text()") == ["A", "B"]


pieces = st.lists(st.sampled_from(["<div>", "</div>", "<script>var a=1;</script>",
                                   "<style>p{}</style>", "<p aria-label='lab'>", "</p>", "text ",
                                   "<img alt='alt'>",
                                   "<span itemscope>", "</span>", "<script>", "x ", "<body>"]),
                  max_size=20)


@settings(max_examples=200, deadline=None)
@given(pieces)
def test_faster_queries_find_the_nodes_they_replace(parts: list[str]) -> None:
    """Visible text, alt and aria labels and itemscope: the rewritten XPath gives the nodes
    of the one it replaced, on any nesting (an unclosed script, a second body)."""
    from criticdb.scrapers.extract.text_rules import visible_text

    page = parse_page(("<html><body>" + "".join(parts) + "</body></html>").encode(),
                      "https://example.org/r")
    old = page.strings("//body//text()[not(parent::script) and not(parent::style)]")
    assert visible_text(page) == " ".join(" ".join(old).split())
    assert page.strings("//img/@alt | //@aria-label") == page.strings(
        "//img/@alt | //*[@aria-label]/@aria-label")
    assert page.xpath("//@itemscope/..") == page.xpath("//*[@itemscope]")


def _year_in_text_by_the_old_pattern(title: str, text: str) -> int | None:
    """The implementation the quicker scan replaced: quote and spaces inside the pattern."""
    for m in re.finditer(r"[’']?\s*\(((?:18|19|20)\d{2})\)", text):
        start = m.start()
        if start >= len(title) and text[start - len(title):start].casefold() == title.casefold():
            return int(m[1])
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Heat", "HEAT", " ", "  ", "'", "’", "(1995)", "(2023)", "x",
                                 "\u00a0", "\n", "(", "1995)", "heat'", "Heat’ "]), max_size=12),
       st.sampled_from(["Heat", "heat'", "x", "Heat ("]))
def test_year_after_a_title_is_found_as_the_old_pattern_found_it(parts: list[str],
                                                                 title: str) -> None:
    text = "".join(parts)
    assert year_in_text(title, text) == _year_in_text_by_the_old_pattern(title, text)


@pytest.mark.parametrize("itemtype, read", [("https://schema.org/Review", True),
                                            ("http://schema.org/CriticReview", True),
                                            ("https://schema.org/Product", False)])
def test_microdata_is_walked_only_where_an_itemtype_names_a_review(itemtype: str,
                                                                   read: bool) -> None:
    from criticdb.scrapers.extract import microdata

    page = parse_page(f"""<html><body><div itemscope itemtype="{itemtype}">
        <span itemprop="itemReviewed" itemscope itemtype="https://schema.org/Movie">
        <span itemprop="name">Heat</span></span>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Ann Critic</span></span></div></body></html>""".encode(),
                      "https://example.org/r")
    found = microdata.fields(page, {})
    assert (found.get("film_title"), found.get("critic")) == (
        ("Heat", "Ann Critic") if read else (None, None))


metas = st.lists(st.tuples(st.sampled_from(["property", "name", "itemprop", "NAME"]),
                           st.sampled_from(["og:title", "description", "Description", "author",
                                            "og:type", "x"]),
                           st.sampled_from(["", "A", None])), max_size=8)


@settings(max_examples=200, deadline=None)
@given(metas)
def test_meta_content_is_the_xpath_it_replaces(tags: list[tuple[str, str, str | None]]) -> None:
    html = "".join(f'<meta {a}="{v}"' + ("" if c is None else f' content="{c and c + str(i)}"')
                   + ">" for i, (a, v, c) in enumerate(tags))
    page = parse_page(f"<html><head>{html}</head><body><meta name='author' content='B'>"
                      "</body></html>".encode(), "https://example.org/r")
    assert page.meta_content(("property", "og:title"), ("name", "og:title")) == page.strings(
        '//meta[@property="og:title" or @name="og:title"]/@content')
    assert page.meta_content(("name", "author"), ("name", "Author"), ("property", "og:type")) \
        == page.strings('//meta[@name="author" or @name="Author"]/@content | '
                        '//meta[@property="og:type"]/@content')


ATTRS = ['class="footer"', 'class="published"', 'datetime="2020-01-02"', 'title="t"',
         'src="/img/Star-full.png"', 'src="/x.png"', 'rel="tag"', 'rel="category tag"',
         'rel="tagged"', 'type="application/ld+json"', 'typeof="schema:Review"', 'vocab="v"',
         'property="article:tag" content="War"', 'class="site-footer x"', 'class="copyright"',
         'class="a b"',
         'id="footer"', 'id="main"', 'itemprop="author"', 'itemprop="name"', 'rel="author"',
         'rel="cc:attributionURL"', 'rel="nofollow"', 'property="cc:attributionName"', ""]
elements = st.lists(st.tuples(st.sampled_from(["a", "div", "footer", "span", "time", "abbr",
                                               "img", "meta", "script"]),
                              st.sampled_from(ATTRS), st.sampled_from(ATTRS),
                              st.booleans()), max_size=12)


@settings(max_examples=200, deadline=None)
@given(elements)
def test_queries_through_attributes_find_the_elements_tested_one_by_one(
        items: list[tuple[str, str, str, bool]]) -> None:
    """//@a[…]/.. is asked instead of //*[@a…] for speed: the same elements, same order."""
    from criticdb.scrapers.extract import jsonld, markup, rating_markup, rdfa, text_rules
    from criticdb.scrapers.extract import page as page_module

    html = "".join(f"<{tag} {a} {b}>t" + (f"</{tag}>" if close else "")
                   for tag, a, b, close in items)
    page = parse_page(f"<html><body>{html}</body></html>".encode(), "https://example.org/r")
    assert page_module._WITH_CLASS_OR_ID(page.doc) == page.xpath("//*[@class or @id]")
    assert page.xpath(markup.REL_AUTHOR) == page.xpath('//a[@rel="author"]')
    assert page.xpath(markup.AUTHOR_PROPERTIES) == page.xpath(
        '//*[@itemprop="author"] | //*[@property="cc:attributionName"] | '
        '//*[@rel="cc:attributionURL"]')
    assert page.strings(markup.DATES) == page.strings(
        '//time[contains(concat(" ", normalize-space(@class), " "), " published ")]/@datetime'
        ' | //time[@datetime]/@datetime | //abbr[contains(concat(" ", normalize-space(@class),'
        ' " "), " published ")]/@title')
    assert page.xpath(rating_markup.STAR_IMAGES) == page.xpath(
        "//img[contains(translate(@src, 'STAR', 'star'), 'star')]")
    assert page.strings(text_rules.TAG_TEXTS) == page.strings(
        '//meta[@property="article:tag"]/@content | '
        '//a[contains(concat(" ", normalize-space(@rel), " "), " tag ")]//text()')
    assert page.xpath(jsonld.LD_SCRIPTS) == page.xpath('//script[@type="application/ld+json"]')
    assert page.xpath(rdfa.TYPED_RDFA) == page.xpath(
        "//*[@typeof][@property or @vocab or ancestor::*[@vocab]]")
    assert page.xpath(markup.FOOTERS) == page.xpath(
        "//footer | //*[contains(@class,'footer') or contains(@class,'copyright') or "
        "contains(@id,'footer')]")


def test_fold_remembers_short_texts_only() -> None:
    from criticdb.scrapers.extract import titles

    before = titles._fold_short.cache_info().currsize
    long_text = "Ärger über Straße " * 40
    assert titles.fold(long_text) == titles._fold(long_text) == ("aerger ueber strasse " * 40)
    assert titles._fold_short.cache_info().currsize == before  # a body is not kept
    assert titles.fold("Das Boot, Öl") == "das boot, oel" == titles.fold("Das Boot, Öl")


rdfa_types = st.sampled_from(["Review", "schema:Review", "https://schema.org/BlogPosting",
                              "BreadcrumbList", "ListItem", "WebPage", "schema:Movie",
                              "Person", "http://schema.org/NewsArticle", "foaf:Document"])


@settings(max_examples=40, deadline=None)
@given(st.lists(rdfa_types, min_size=1, max_size=3))
def test_rdfa_is_read_only_where_a_typeof_names_a_type_the_review_layer_reads(
        types: list[str]) -> None:
    """The @typeof prefilter skips pyRdfa only where pyRdfa's graph would give nothing."""
    from extruct.rdfa import RDFaExtractor
    from extruct.utils import parse_xmldom_html

    from criticdb.scrapers.extract import rdfa
    from criticdb.scrapers.extract.jsonld import review_fields

    nodes = "".join(
        f'<div typeof="{t}"><h2 property="name headline">Heat</h2>'
        f'<span property="author" typeof="Person"><span property="name">Ann Critic</span>'
        f'</span><p property="reviewBody articleBody">Heat is long.</p></div>' for t in types)
    page = parse_page(f'<html><body vocab="https://schema.org/">{nodes}</body></html>'
                      .encode(), "https://example.org/r")
    document = parse_xmldom_html(page.text.encode("utf-8"), encoding="utf-8")
    graph = RDFaExtractor().extract_items(document, page.url, expanded=False)
    whole = review_fields(page, [rdfa._plain(n) for n in graph.get("@graph", [])])
    assert rdfa.fields(page, {}) == whole
    assert bool(whole) <= rdfa._types_read(page)


def test_main_text_leaves_the_pages_tree_as_it_was() -> None:
    """trafilatura (2.3 and later) prunes a copy of the tree it is given: the layers after
    main_text and the remembered XPath answers still see the page as parsed."""
    from lxml import etree

    from criticdb.scrapers.extract import main_text

    html = ("<html><body><nav><a href='/'>Home</a></nav><header>Site</header><article>"
            "<h1>Night Ferry</h1>" + "<p>The ferry never docks, and the film never lets the "
            "harbour go; the director keeps every scene low and quiet.</p>" * 5 +
            "</article><aside class='sidebar'>Links</aside><footer>© 2024 Ana Lima</footer>"
            "<div class='comments'><p>Great review!</p></div></body></html>")
    page = parse_page(html.encode(), "https://blog.example/night-ferry/")
    before = etree.tostring(page.doc)
    assert "ferry never docks" in main_text.body_text(page)
    assert etree.tostring(page.doc) == before
