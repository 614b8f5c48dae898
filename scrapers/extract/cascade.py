"""The extraction cascade: bytes + URL in, one ExtractedReview out, pure and network-free.

Order: site adapter → JSON-LD → microdata → RDFa → OpenGraph/meta → markup → main text →
text rules.
Each layer fills only fields still empty; `record.source[field]` names the layer that did.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from lxml import etree

from criticdb.common.bylines import looks_like_name
from criticdb.common.records import FIELDS, ExtractedReview
from criticdb.scrapers.extract import (
    jsonld,
    main_text,
    markup,
    microdata,
    opengraph,
    rdfa,
    review_kind,
    site_rules,
    text_rules,
)
from criticdb.scrapers.extract.page import ParsedPage, parse_page
from criticdb.scrapers.extract.site_rules import SiteRules
from criticdb.scrapers.extract.text_rules import visible_text
from criticdb.scrapers.extract.titles import fold
from criticdb.scrapers.sites import adapter_for
from criticdb.scrapers.urls import host_of

Layer = Callable[[ParsedPage, dict[str, Any]], dict[str, Any]]
LAYERS: list[tuple[str, Layer]] = [
    ("jsonld", jsonld.fields),
    ("microdata", microdata.fields),
    ("rdfa", rdfa.fields),
    ("opengraph", opengraph.fields),
    ("markup", markup.fields),
    ("main_text", main_text.fields),
    ("text", text_rules.fields),
]
SOURCE_WEIGHT = {"sources_file": 1.0, "adapter": 1.0, "jsonld": 1.0, "microdata": 1.0,
                 "rdfa": 1.0, "markup": 0.9, "opengraph": 0.8, "main_text": 0.8, "text": 0.7}
CONFIDENCE_FIELDS = ("film_title", "film_year", "critic", "published", "body_text")
UNATTRIBUTABLE = ("film_year", "film_ids", "original_title", "rating_raw", "rating_scale",
                  "body_text", "remake_of")
# Exceptions a layer may raise on hostile markup; anything else is a bug and propagates.
LAYER_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
                etree.LxmlError)


# Hosts whose first label is a person's account: GitHub/GitLab Pages, Netlify, Vercel,
# Blogger, WordPress.com, Hatena, Substack, Neocities, Tumblr, Medium subdomains.
PERSONAL_HOSTS = re.compile(r"\.(?:github\.io|gitlab\.io|netlify\.app|vercel\.app|pages\.dev|"
                            r"blogspot\.[a-z.]+|wordpress\.com|hatenablog\.(?:com|jp)|"
                            r"hateblo\.jp|substack\.com|neocities\.org|tumblr\.com|"
                            r"medium\.com)$")


# "Junhaodada's Blog" as the JSON-LD author, "X的博客": the site's name where a theme wants
# the author's (the owner's name may be inside, but the key of a page signed so is the site)
SITE_NAMED = re.compile(r"(?:'|’)s\s+(?:blog|site|website|weblog|homepage|notes|journal)\s*$|"
                        r"(?:的|の)(?:博客|部落格|网站|網站|ブログ)\s*$", re.I)


def _possessive(name: str, site: str) -> bool:
    """'gennei's blog', 'the blog of snowman', 'Kui的博客': a site named as a person's."""
    n = re.escape(name)
    return bool(re.search(
        rf"(?i:(?<!\w){n}(?:'|’)?s\s+(?:blog|site|notes?|journal|space|home|diary|page|"
        rf"weblog|corner|world)\b|\b(?:blog|home|site|notes?|journal|diary)\s+of\s+{n}(?!\w)|"
        rf"{n}\s*(?:的|の)\s*(?:博客|部落格|小站|网站|網站|ブログ|blog))", site))


def plausible_critic(value: str, page: ParsedPage) -> bool:
    """A person, not a URL, and not the site's own account ('thevoiceexpress' on The Voice
    Express, 'reuniondearte' on reuniondearte.com): those are publications. A one-word name
    that is the site's is still the critic where the site is evidently a person's: a
    personal-hosting subdomain of that name (cunfus.github.io), a site named as the name's
    ("gennei's blog"), or a capitalised name that is only part of the site's address or
    title (Igloo on beigloo.tk) rather than its whole name."""
    first = value.split(",")[0].strip()
    if not looks_like_name(first, allow_handle=True) or SITE_NAMED.search(first):
        return False
    if len(first.split()) > 1:
        return True
    squashed = re.sub(r"\W", "", fold(first))
    if not squashed:
        return True
    titles = [str(v) for v in page.xpath(
        '//meta[@property="og:site_name"]/@content | //title/text()')]
    sites = [re.sub(r"\W", "", fold(v)) for v in titles]
    host = host_of(page.url)
    hosts = [h for h in re.split(r"[.\-]", host) if len(h) >= 4]
    # a name of a few letters is inside many addresses and titles by chance ('tn')
    inside = len(squashed) >= 4
    if not any(squashed == s or (inside and squashed in h) for s in sites for h in hosts + [s]):
        return True
    if (m := PERSONAL_HOSTS.search(host)) and squashed in re.sub(r"\W", "", host[:m.start()]
                                                                 .rsplit(".", 1)[-1]):
        return True
    if any(_possessive(first, t) for t in titles):
        return True
    return not first.islower() and squashed not in sites


def _fuller_name(longer: str, shorter: Any) -> bool:
    """`longer` is `shorter` with middle names or initials added: same first and last word."""
    if not isinstance(shorter, str):
        return False
    a, b = fold(longer).split(), fold(shorter).split()
    return (len(b) >= 2 and len(a) > len(b) and len(a) <= 5 and a[0] == b[0]
            and a[-1] == b[-1] and all(w in a[1:-1] or w in (a[0], a[-1]) for w in b))


def _site_defaults(rules: SiteRules, partial: dict[str, Any], source: dict[str, str]) -> None:
    """A single-critic site's critic when no page layer found a byline; a rating the site's
    rating_map declares; the site's rating scale for a rating found without one."""
    if rules.critic and not partial.get("critic"):
        partial["critic"], source["critic"] = rules.critic, "sources_file"
    if (value := rules.mapped(partial.get("rating_raw"))) is not None:
        partial["rating_scale"], partial["rating_value"] = "site_map", value
        source["rating_scale"] = source["rating_value"] = "sources_file"
        return
    if rules.rating_scale and partial.get("rating_raw") and not partial.get("rating_scale"):
        partial["rating_scale"], source["rating_scale"] = rules.rating_scale, "sources_file"


def _fill(name: str, found: dict[str, Any], page: ParsedPage, partial: dict[str, Any],
          source: dict[str, str], warnings: list[str]) -> None:
    """One layer's findings into the still-empty fields, recording the layer of each."""
    for key, value in found.items():
        if key == "critic" and isinstance(value, str) and _fuller_name(value, partial.get(key)):
            # JSON-LD "Lindolfo Rodrigues", the byline "Lindolfo Lorn Rodrigues": the page
            # shows the full name, the structured copy dropped a middle name or initial
            partial[key], source[key] = value, name
            continue
        if value in (None, "", [], {}) or partial.get(key):
            continue
        if key == "critic" and not plausible_critic(value, page):
            warnings.append(f"{name}: critic {value!r} is not a person's name"[:200])
            continue
        partial[key] = value
        if key == "film_title" and name == "text":
            # A title cut from a headline belongs to the layer that gave the headline.
            source[key] = source.get("headline") or source.get("og_title") or name
            if found.get("headline_year") and not partial.get("film_year"):
                source["film_year"] = source[key]
                partial["film_year"] = found["headline_year"]
        else:
            source[key] = name


def _record(url: str, partial: dict[str, Any], source: dict[str, str], warnings: list[str],
            verdict: review_kind.Verdict) -> ExtractedReview:
    record = ExtractedReview(url=url, warnings=warnings, kind=verdict.kind,
                             kind_evidence=verdict.evidence)
    for key in FIELDS:
        if key in partial:
            setattr(record, key, partial[key])
    record.source = {k: v for k, v in source.items() if k in FIELDS}
    if record.rating_raw:
        record.source.setdefault("rating_scale", record.source.get("rating_raw", ""))
    record.confidence = round(sum(SOURCE_WEIGHT.get(record.source.get(f, ""), 0.0)
                                  for f in CONFIDENCE_FIELDS) / len(CONFIDENCE_FIELDS), 2)
    if partial.get("title_certainty", 1.0) < 0.9:
        # headline candidates disagreed: the title was picked by evidence, say so
        record.confidence = round(record.confidence * 0.8, 2)
        record.warnings.append("title_ambiguous: several headline candidates were close")
    if record.kind == "uncertain":
        record.confidence = round(record.confidence * 0.8, 2)
    return record


def extract_review(body: bytes, url: str, content_type: str | None = None,
                   timings: dict[str, float] | None = None,
                   rules: SiteRules | None = None) -> ExtractedReview:
    """`rules`: the site's fixes from the sources file, applied first (selectors) and last
    (default critic, rating scale). `timings`, when given, accumulates seconds per step (for
    benchmarks/extraction_speed)."""
    clock = time.perf_counter
    started = clock()
    page = parse_page(body, url, content_type)
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + clock() - started
    partial: dict[str, Any] = {}
    source: dict[str, str] = {}
    warnings: list[str] = []
    layers = list(LAYERS)
    if (adapter := adapter_for(host_of(url))) is not None:
        layers.insert(0, ("adapter", adapter.fields))
    if rules is not None and rules.selectors:
        layers.insert(0, ("sources_file", lambda p, _partial: site_rules.fields(p, rules)))
    verdict = None
    for name, layer in layers:
        if name == "main_text" and (verdict := review_kind.early(page, partial)):
            break  # not a film review by strong evidence: its text is not needed
        started = clock()
        try:
            _fill(name, layer(page, partial), page, partial, source, warnings)
        except LAYER_ERRORS as exc:
            warnings.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
        finally:
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + clock() - started
    if rules is not None:
        _site_defaults(rules, partial, source)
    warnings += page.cache.get("warnings", [])
    if verdict is None:
        verdict = review_kind.judge(page, partial, partial.get("body_text") or visible_text(page))
    if not partial.get("film_title"):
        # A rating or text that belongs to no identified film (a round-up, a double bill)
        # would be misattributed downstream; keep only who and when.
        for key in UNATTRIBUTABLE:
            partial.pop(key, None)
            source.pop(key, None)
        warnings.append("no_film_identified")
    return _record(url, partial, source, warnings, verdict)
