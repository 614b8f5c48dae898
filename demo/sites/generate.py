"""Builds the five static demo review sites and their golden expectations.

Inputs: films.toml (facts) and reviews_<site>.toml (original demo prose, ratings, critics).
Outputs: demo/sites/<site>/ (static files served on loopback) and
tests/fixtures/sites/<site>/<slug>.expected.json (the truth each page encodes, written from
the inputs, never from extractor output).

    python demo/sites/generate.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tomllib
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "sites"
PER_PAGE = 5
DEMO_PORTS = {"nightreel": 8701, "marquee": 8702, "gradebook": 8703, "courier": 8704,
              "framerate": 8705}
SITE_NAMES = {"nightreel": "The Night Reel", "marquee": "Marquee Ledger",
              "gradebook": "Gradebook Pictures", "courier": "The Harbour Courier",
              "framerate": "Frame Rate"}


@dataclass
class Review:
    site: str
    film: dict
    title: str
    critic: str
    date: dt.date
    rating: str
    tagline: str
    paragraphs: list[str]

    @property
    def slug(self) -> str:
        text = unicodedata.normalize("NFKD", self.title).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        return f"{base}-{self.film['year']}"

    @property
    def states_remake(self) -> bool:
        return "remake of" in " ".join(self.paragraphs)


def _paras(html_paras: list[str]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in html_paras)


def _long_date(d: dt.date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _page(title: str, head: str, body: str, lang: str = "en") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _nav(site: str) -> str:
    return (f'<header class="site-header"><a class="site-title" href="/">'
            f"{escape(SITE_NAMES[site])}</a><nav><a href=\"/\">Home</a> <a href=\"/about/\">"
            "About</a> <a href=\"/contact/\">Contact</a></nav></header>")


def render_nightreel(r: Review) -> str:
    headline = f"Film Review – {r.title}"
    author_slug = r.critic.lower().replace(" ", "-")
    head = (f'<meta property="og:site_name" content="{SITE_NAMES[r.site]}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{escape(headline)} – {SITE_NAMES[r.site]}">')
    body = f"""{_nav(r.site)}
<main id="main" class="site-main">
<article id="post-{zlib.crc32(r.slug.encode()) % 9000 + 1000}" class="post type-post status-publish hentry category-reviews">
<header class="entry-header">
<h1 class="entry-title">{escape(headline)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="#" rel="bookmark"><time class="entry-date published" datetime="{r.date.isoformat()}T09:00:00+00:00">{_long_date(r.date)}</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{author_slug}/">{escape(r.critic)}</a></span></span></div>
</header>
<div class="entry-content">
{_paras(r.paragraphs)}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/reviews/" rel="category tag">Reviews</a></span>
<div class="author-bio"><p>{escape(r.critic)} writes about films at night and sleeps through the mornings.</p>
<a href="/author/{author_slug}/">View all posts by {escape(r.critic)}</a></div></footer>
</article>
<section id="comments" class="comments-area"><h2 class="comments-title">2 thoughts</h2>
<ol class="comment-list"><li class="comment"><div class="comment-content"><p>Great write-up, I need to see this one this weekend!</p></div></li>
<li class="comment"><div class="comment-content"><p>Disagree about the ending, but thanks for the tip.</p></div></li></ol></section>
</main>
<aside class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/">Home</a></li></ul></section></aside>"""
    return _page(f"{headline} – {SITE_NAMES[r.site]}", head, body)


def render_marquee(r: Review) -> str:
    film = r.film
    movie: dict = {"@type": "Movie", "name": r.title, "dateCreated": str(film["year"]),
                   "director": {"@type": "Person", "name": film["director"]}}
    if film["imdb"]:
        movie["sameAs"] = f"https://www.imdb.com/title/{film['imdb']}/"
    ld = {"@context": "https://schema.org", "@type": "Review",
          "name": f"{r.title}: {r.tagline}",
          "author": {"@type": "Person", "name": r.critic},
          "datePublished": r.date.isoformat(),
          "publisher": {"@type": "Organization", "name": SITE_NAMES[r.site]},
          "itemReviewed": movie,
          "reviewRating": {"@type": "Rating", "ratingValue": r.rating, "bestRating": "4",
                           "worstRating": "0"}}
    full = int(float(r.rating))
    stars = "".join('<i class="icon-star-full"></i>' for _ in range(full))
    if float(r.rating) > full:
        stars += '<i class="icon-star-half"></i>'
    head = (f'<meta property="og:site_name" content="{SITE_NAMES[r.site]}">\n'
            f'<meta property="og:title" content="{escape(r.title)}">\n'
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    body = f"""{_nav(r.site)}
<div class="container"><article class="review">
<div class="review-header"><h1>{escape(r.title)}</h1><p class="dek">{escape(r.tagline)}</p>
<div class="star-rating" aria-label="{r.rating} out of 4 stars">{stars}</div>
<p class="credit">{escape(r.critic)} &middot; {_long_date(r.date)}</p></div>
<div class="review-body">
{_paras(r.paragraphs)}
</div>
<aside class="related"><h3>More reviews</h3><ul><li><a href="/reviews/">All reviews</a></li></ul></aside>
</article></div>
<footer class="site-footer"><p>&copy; Marquee Ledger. All rights reserved.</p></footer>"""
    return _page(f"{r.title} movie review ({film['year']}) | {SITE_NAMES[r.site]}", head, body)


def render_gradebook(r: Review) -> str:
    headline = f"'{r.title}' review: {r.tagline}"
    body = f"""{_nav(r.site)}
<div id="content"><h1>{escape(headline)}</h1>
<p class="byline">By {escape(r.critic)} &bull; <time datetime="{r.date.isoformat()}">{_long_date(r.date)}</time></p>
<div class="review-text">
{_paras(r.paragraphs)}
</div>
<p class="verdict"><strong>Grade: {escape(r.rating)}</strong></p>
<div class="share">Share this review: <a href="/share?r={r.slug}">copy link</a></div>
</div>"""
    return _page(f"{headline} | {SITE_NAMES[r.site]}", "", body)


def render_courier(r: Review) -> str:
    headline = f"{r.title} review – {r.tagline}"
    stars = "★" * int(r.rating) + "☆" * (5 - int(r.rating))
    author_slug = r.critic.lower().replace(" ", "-")
    head = (f'<meta property="og:site_name" content="{SITE_NAMES[r.site]}">\n'
            f'<meta property="og:title" content="{escape(headline)}">\n'
            f'<meta property="article:published_time" content="{r.date.isoformat()}T06:00:00Z">')
    body = f"""{_nav(r.site)}
<main><article itemscope itemtype="https://schema.org/Review">
<div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Movie">
<meta itemprop="name" content="{escape(r.title)}"><meta itemprop="dateCreated" content="{r.film['year']}">
<meta itemprop="director" content="{escape(r.film['director'])}"></div>
<h1 itemprop="name">{escape(headline)}</h1>
<p class="byline">by <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a rel="author" href="/profile/{author_slug}" itemprop="url"><span itemprop="name">{escape(r.critic)}</span></a></span>,
<time itemprop="datePublished" datetime="{r.date.isoformat()}">{r.date.strftime('%a %d %b %Y')}</time></p>
<div class="rating" itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
<meta itemprop="worstRating" content="1"><meta itemprop="bestRating" content="5">
<meta itemprop="ratingValue" content="{r.rating}"><span class="stars" aria-hidden="true">{stars}</span></div>
<figure class="lead-image"><figcaption>A still from the film. Photograph: distributor handout</figcaption></figure>
<div class="article-body" itemprop="reviewBody">
{_paras(r.paragraphs)}
</div>
</article>
<section class="most-viewed"><h2>Most viewed</h2><ol><li><a href="/">Front page</a></li></ol></section></main>"""
    return _page(f"{headline} | Film | {SITE_NAMES[r.site]}", head, body, lang="en-GB")


def render_framerate(r: Review) -> str:
    headline = f"{r.title} Review: {r.tagline}"
    base = f"http://127.0.0.1:{DEMO_PORTS['framerate']}"
    person_id = f"{base}/#/schema/person/{r.critic.lower().replace(' ', '')}"
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": f"{base}/{r.slug}-review/#article", "headline": headline,
         "author": {"@id": person_id}, "datePublished": f"{r.date.isoformat()}T10:00:00+00:00",
         "publisher": {"@id": f"{base}/#organization"}, "articleSection": ["Reviews"],
         "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": f"{base}/{r.slug}-review/", "name": headline},
        {"@type": "Organization", "@id": f"{base}/#organization", "name": SITE_NAMES[r.site]},
        {"@type": "Person", "@id": person_id, "name": r.critic}]}
    head = (f'<meta property="og:site_name" content="{SITE_NAMES[r.site]}">\n'
            f'<meta property="og:title" content="{escape(headline)}">\n'
            f'<script type="application/ld+json" class="yoast-schema-graph">'
            f"{json.dumps(graph, ensure_ascii=False)}</script>")
    body = f"""{_nav(r.site)}
<div class="td-main-content"><div class="td-post-header"><h1 class="tdb-title-text">{escape(headline)}</h1>
<div class="td-module-meta-info"><span class="td-post-author-name">{escape(r.critic)}</span></div></div>
<div class="td-post-content">
{_paras(r.paragraphs)}
<div class="review-box"><span class="review-label">Score:</span> <span class="review-final-score">{r.rating}/10</span></div>
</div>
<div class="td-post-sharing">Share on social media</div></div>"""
    return _page(f"{headline} - {SITE_NAMES[r.site]}", head, body, lang="en-US")


@dataclass(frozen=True)
class SiteSpec:
    render: Callable[[Review], str]
    path: Callable[[Review], str]
    listing: str  # path of listing page 1; page n is listing + "page/<n>/"
    disallowed: str  # a page robots.txt forbids and discovery still sees
    rating_scale: str
    sources: dict[str, str]  # expected per-field extraction source


SITES: dict[str, SiteSpec] = {
    "nightreel": SiteSpec(
        render_nightreel, lambda r: f"/{r.date:%Y/%m/%d}/film-review-{r.slug}/", "/",
        "/drafts/film-review-untitled/", "",
        {"film_title": "markup", "film_year": "text", "critic": "markup",
         "published": "markup", "body_text": "markup"}),
    "marquee": SiteSpec(
        render_marquee, lambda r: f"/reviews/{r.slug}/", "/reviews/",
        "/preview/upcoming-review/", "out_of_4",
        {"film_title": "jsonld", "film_year": "jsonld", "critic": "jsonld",
         "published": "jsonld", "rating_raw": "jsonld", "body_text": "main_text"}),
    "gradebook": SiteSpec(
        render_gradebook, lambda r: f"/reviews/{r.slug}.html", "/reviews/",
        "/staff/draft.html", "letter",
        {"film_title": "text", "film_year": "text", "critic": "markup",
         "published": "markup", "rating_raw": "text", "body_text": "main_text"}),
    "courier": SiteSpec(
        render_courier, lambda r: f"/culture/film/{r.date:%Y/%b/%d}/{r.slug}".lower(),
        "/culture/film/", "/embargoed/next-week-review", "out_of_5",
        {"film_title": "microdata", "film_year": "microdata", "critic": "microdata",
         "published": "microdata", "rating_raw": "microdata", "body_text": "microdata"}),
    "framerate": SiteSpec(
        render_framerate, lambda r: f"/{r.slug}-review/", "/reviews/",
        "/members/exclusive-review/", "out_of_10",
        {"film_title": "jsonld", "film_year": "text", "critic": "jsonld",
         "published": "jsonld", "rating_raw": "text", "body_text": "main_text"}),
}


def load_reviews() -> dict[str, list[Review]]:
    films = tomllib.loads((HERE / "films.toml").read_text())
    out: dict[str, list[Review]] = {}
    for site in SITES:
        data = tomllib.loads((HERE / f"reviews_{site}.toml").read_text())
        reviews = [Review(site, films[e["film"]] | {"key": e["film"]}, e["title"], e["critic"],
                          dt.date.fromisoformat(e["date"]), e.get("rating", ""),
                          e.get("tagline", ""),
                          [p.strip().replace("\n", " ") for p in e["text"].strip().split("\n\n")])
                   for e in data["review"]]
        out[site] = sorted(reviews, key=lambda r: r.date, reverse=True)
    return out


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _file_for(root: Path, url_path: str) -> Path:
    if url_path.endswith("/"):
        return root / url_path.lstrip("/") / "index.html"
    if "." in url_path.rsplit("/", 1)[-1]:
        return root / url_path.lstrip("/")
    return root / url_path.lstrip("/") / "index.html"


def _listing_pages(site: str, spec: SiteSpec, reviews: list[Review]) -> dict[str, str]:
    pages: dict[str, str] = {}
    chunks = [reviews[i:i + PER_PAGE] for i in range(0, len(reviews), PER_PAGE)]
    for n, chunk in enumerate(chunks, start=1):
        path = spec.listing if n == 1 else f"{spec.listing}page/{n}/"
        items = "\n".join(
            f'<article class="teaser"><h2 class="teaser-title"><a href="{spec.path(r)}">'
            f"{escape(r.title)}</a></h2><p>{escape(r.paragraphs[0][:120])}…</p></article>"
            for r in chunk)
        if n == 1:
            items += (f'\n<article class="teaser"><h2 class="teaser-title">'
                      f'<a href="{spec.disallowed}">Coming soon</a></h2></article>')
        nav = ""
        if n > 1:
            prev = spec.listing if n == 2 else f"{spec.listing}page/{n - 1}/"
            nav += f'<a class="prev" rel="prev" href="{prev}">Newer reviews</a> '
        if n < len(chunks):
            nav += f'<a class="next" rel="next" href="{spec.listing}page/{n + 1}/">Older reviews</a>'
        body = f'{_nav(site)}\n<main class="listing">\n{items}\n<nav class="pagination">{nav}</nav>\n</main>'
        pages[path] = _page(f"Reviews – page {n} | {SITE_NAMES[site]}", "", body)
    return pages


def _sitemap(base: str, entries: list[tuple[str, str]]) -> str:
    urls = "\n".join(f"  <url><loc>{escape(base + p)}</loc><lastmod>{d}</lastmod></url>"
                     for p, d in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">\n{urls}\n</urlset>\n')


def _rss(site: str, base: str, reviews: list[Review], spec: SiteSpec) -> str:
    items = "\n".join(
        f"<item><title>{escape(r.title)}</title><link>{escape(base + spec.path(r))}</link>"
        f"<pubDate>{r.date:%a, %d %b %Y} 09:00:00 +0000</pubDate></item>" for r in reviews)
    items += (f"\n<item><title>Draft</title><link>{base}{spec.disallowed}</link></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(SITE_NAMES[site])}</title><link>{base}/</link>\n{items}\n"
            "</channel></rss>\n")


def build_site(site: str, reviews: list[Review]) -> list[dict]:
    spec = SITES[site]
    root = HERE / site
    shutil.rmtree(root, ignore_errors=True)
    base = f"http://127.0.0.1:{DEMO_PORTS[site]}"
    for r in reviews:
        _write(_file_for(root, spec.path(r)), spec.render(r))
    for path, html in _listing_pages(site, spec, reviews).items():
        _write(_file_for(root, path), html)
    _write(_file_for(root, spec.disallowed),
           _page("Private draft", "", "<p>This page is disallowed by robots.txt.</p>"))
    disallowed_dir = "/" + spec.disallowed.strip("/").split("/")[0] + "/"
    _write(root / "robots.txt",
           f"User-agent: *\nDisallow: {disallowed_dir}\n\nSitemap: {base}/sitemap.xml\n")
    entries = [(spec.path(r), r.date.isoformat()) for r in reviews]
    entries.append((spec.disallowed, reviews[0].date.isoformat()))
    if site == "marquee":
        _write(root / "sitemap-reviews.xml", _sitemap(base, entries))
        _write(root / "sitemap-pages.xml", _sitemap(base, [("/about/", "2020-01-01")]))
        _write(root / "sitemap.xml",
               '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.'
               'sitemaps.org/schemas/sitemap/0.9">\n'
               f"  <sitemap><loc>{base}/sitemap-reviews.xml</loc></sitemap>\n"
               f"  <sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>\n</sitemapindex>\n")
    else:
        _write(root / "sitemap.xml", _sitemap(base, entries))
    if site in ("nightreel", "framerate"):
        _write(root / "feed" / "index.xml", _rss(site, base, reviews, spec))
    _write(root / "about" / "index.html", _page("About", "", "<p>About this publication.</p>"))
    return [expected(r, base + spec.path(r), spec) for r in reviews]


def expected(r: Review, url: str, spec: SiteSpec) -> dict:
    original = ORIGINALS.get(r.film.get("remake_of", ""))
    remake_of = ([{"title": original["title"], "year": original["year"]}]
                 if original and r.states_remake else [])
    rating_fields = ({"rating_raw": r.rating, "rating_scale": spec.rating_scale}
                     if r.rating else {})
    return {"url": url, "film_key": r.film["key"], "film_title": r.title,
            "film_year": r.film["year"], "critic": r.critic,
            "publication": SITE_NAMES[r.site], "published": r.date.isoformat(),
            **rating_fields, "remake_of": remake_of,
            "body_text": "\n\n".join(r.paragraphs),
            "source": {k: v for k, v in spec.sources.items()
                       if k != "rating_raw" or r.rating}}


ORIGINALS: dict[str, dict] = {}


def main() -> None:
    ORIGINALS.update(tomllib.loads((HERE / "films.toml").read_text()))
    all_reviews = load_reviews()
    for site, reviews in all_reviews.items():
        out = FIXTURES / site
        for old in out.glob("demo-*.expected.json"):
            old.unlink()
        for exp, r in zip(build_site(site, reviews), reviews, strict=True):
            page = _file_for(HERE / site, SITES[site].path(r)).relative_to(REPO)
            _write(out / f"demo-{r.slug}.expected.json",
                   json.dumps({"page": str(page), **exp}, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {sum(len(v) for v in all_reviews.values())} review pages "
          f"for {len(all_reviews)} sites")


if __name__ == "__main__":
    main()
