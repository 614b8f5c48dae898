"""schema.org JSON-LD: Review/CriticReview with itemReviewed Movie, or an Article @graph."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from extruct.jsonld import JsonLdExtractor

from criticdb.scrapers.extract.dates import iso_date, year_of
from criticdb.scrapers.extract.ids import film_ids
from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.rating_fields import schema_rating

REVIEW_TYPES = {"Review", "CriticReview", "UserReview"}
ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle"}
FILM_TYPES = {"Movie", "Film"}
MAX_NODES = 5000


# //script[@type="application/ld+json"], found through the attribute (faster, same nodes)
LD_SCRIPTS = '//script/@type[.="application/ld+json"]/..'

ORG_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "OnlineBusiness",
             "LocalBusiness", "EducationalOrganization", "WebSite", "Blog"}


def types_of(node: dict) -> set[str]:
    t = node.get("@type", [])
    return {x.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}


def _flatten(items: list[Any]) -> list[dict]:
    out: list[dict] = []
    stack = list(items)
    while stack and len(out) < MAX_NODES:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
    return out


class _Graph:
    def __init__(self, nodes: list[dict]) -> None:
        self.nodes = nodes
        self.by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}

    def deref(self, value: Any) -> Any:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.by_id.get(value["@id"], value)
        return value

    def name(self, value: Any) -> str | None:
        value = self.deref(value)
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return value["name"].strip() or None
        return None

    def names(self, value: Any) -> list[str]:
        values = value if isinstance(value, list) else [value]
        return [n for n in (self.name(v) for v in values) if n]


def nodes(page: ParsedPage) -> list[dict]:
    if "jsonld" not in page.cache:
        found: list[Any] = []
        for script in page.xpath(LD_SCRIPTS):
            try:
                found.extend(JsonLdExtractor()._extract_items(script))
            except (ValueError, TypeError, RecursionError) as exc:
                page.cache.setdefault("warnings", []).append(f"jsonld_invalid: {exc}"[:200])
        page.cache["jsonld"] = _flatten(found)
    return page.cache["jsonld"]


def _profile_url(author: Any, base: str) -> str | None:
    """The author's own link: url, else the first sameAs (a personal site or profile)."""
    if not isinstance(author, dict):
        return None
    links = author.get("url") or author.get("sameAs")
    link = links[0] if isinstance(links, list) and links else links
    return urljoin(base, link.strip()) if isinstance(link, str) and link.strip() else None


def _named_on_page(page: ParsedPage, name: str | None) -> bool:
    if not name:
        return True
    text = page.cache.get("casefold_text")
    if text is None:
        parts = page.strings("//body//text()[not(parent::script)] | //title//text() | "
                           "//meta[@property='og:title']/@content")
        text = page.cache["casefold_text"] = " ".join(" ".join(map(str, parts)).split()).casefold()
    return " ".join(name.split()).casefold() in text


def _nested_reviews(graph: _Graph) -> list[dict]:
    """A film node carrying its one review (`Movie.review`), as film-page plugins write it:
    that review, reviewing that film. A film with several reviews is a database or
    aggregator page whose reviews are readers', so none is taken."""
    found = []
    for film in (n for n in graph.nodes if types_of(n) & FILM_TYPES):
        attached = film.get("review")
        attached = attached if isinstance(attached, list) else [attached]
        if len(attached) != 1 or not isinstance(review := graph.deref(attached[0]), dict):
            continue
        if types_of(review) & REVIEW_TYPES or not types_of(review):
            found.append({**review, "itemReviewed": review.get("itemReviewed") or film})
    return found


def fields(page: ParsedPage, _partial: dict[str, Any]) -> dict[str, Any]:
    return review_fields(page, nodes(page))


def review_fields(page: ParsedPage, found: list[dict]) -> dict[str, Any]:
    """Review fields from schema.org nodes (JSON-LD, or RDFa converted to the same shape)."""
    graph = _Graph(found)
    reviews = [n for n in graph.nodes if types_of(n) & REVIEW_TYPES]
    if not reviews:
        reviews = _nested_reviews(graph)
    films = {graph.name(graph.deref(r.get("itemReviewed"))) for r in reviews}
    if len(films) > 1:
        # A double bill: choosing one film would misattribute the rating and the text.
        page.cache.setdefault("warnings", []).append(
            f"jsonld_several_films_reviewed: {sorted(f for f in films if f)}")
        return {}
    review = reviews[0] if reviews else None
    if review is not None and not _named_on_page(page, graph.name(
            graph.deref(review.get("itemReviewed")))):
        # Theme placeholders ("Sample Movie", 5/5) are common: structured data naming a film
        # the page never mentions is not trusted.
        page.cache.setdefault("warnings", []).append("jsonld_film_not_on_page")
        review = None
        reviews = []
    out: dict[str, Any] = {}
    if review is not None:
        film = graph.deref(review.get("itemReviewed"))
        if isinstance(film, dict) and (types_of(film) & FILM_TYPES or not types_of(film)):
            out["film_title"] = graph.name(film)
            out["film_year"] = year_of(film.get("dateCreated")) or year_of(
                film.get("datePublished"))
            out["film_ids"] = film_ids(film.get("sameAs"))
            if isinstance(film.get("alternateName"), str):
                out["original_title"] = film["alternateName"]
        rating = graph.deref(review.get("reviewRating"))
        if isinstance(rating, dict):
            out.update(schema_rating(rating.get("ratingValue"), rating.get("bestRating"),
                                     rating.get("worstRating")))
        body = review.get("reviewBody")
        out["body_text"] = body.strip() if isinstance(body, str) else None
        main = review
    else:
        main = next((n for n in graph.nodes if types_of(n) & ARTICLE_TYPES), None)
        if main is None:
            return {}
        if isinstance(main.get("headline"), str):
            out["headline"] = main["headline"]
        if isinstance(main.get("articleBody"), str):
            out["body_text"] = main["articleBody"].strip()
    # an author typed as an organisation is the publication, not a critic
    authors = main.get("author")
    persons = [a for a in (authors if isinstance(authors, list) else [authors])
               if not (isinstance(node := graph.deref(a), dict) and types_of(node) & ORG_TYPES)]
    critics = graph.names(persons)
    out["critic"] = ", ".join(critics) if critics else None
    out["critic_url"] = _profile_url(graph.deref(persons), page.url) if persons else None
    out["published"] = iso_date(main.get("datePublished"))
    out["publication"] = graph.name(main.get("publisher"))
    return {k: v for k, v in out.items() if v}

