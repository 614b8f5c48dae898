"""Rules over visible text: film title from headlines, year, rating phrases, remake phrases."""

from __future__ import annotations

import re
from typing import Any

import htmldate

from criticdb.scrapers.extract import titles
from criticdb.scrapers.extract.dates import in_locale, month_first, written_date
from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.rating_markup import rating_in_markup
from criticdb.scrapers.extract.rating_text import rating_alone, rating_in_text
from criticdb.scrapers.extract.remake_phrases import remakes_in_text

MAX_BARE_TITLE_WORDS = 6
BARE_TITLE_NOISE = re.compile(r"[:;?]|\b(?:reviews|releases|this week|round-?up)\b", re.I)

def title_from_headline(headline: str) -> tuple[str | None, int | None]:
    """'Film Review – Hard Hit' / "'Hard Hit' review: …" / 'Hard Hit (2021)' → title, year.

    A headline that matches no review pattern is taken as a title only when it is short and
    not a sentence: "This week's releases: five films reviewed" names no film.
    """
    text, year, matched = titles.clean(headline)
    if not matched and (len(text.split()) > MAX_BARE_TITLE_WORDS or BARE_TITLE_NOISE.search(text)):
        return None, None
    return (text or None), year


# A pattern led by a lookahead of the characters its matches can start with ("(?=[DdRr])",
# "(?=\d)"): Python's engine then jumps between those characters instead of trying its
# lookbehind and alternation at every position; the same matches, two to four times faster
# (tests/test_text_rules.py checks them against the patterns without it).
# Credit blocks name the director, then cast, runtime and the year, on review blogs and in
# newspaper fact boxes alike: "Director: Edgar Wright. Starring: … 2007.", "D: Michael Mann
# 1995 | 170 mins.", "Director Wes Anderson Release Date March 23, 2018", "Regie: … (2019)".
# The cue must read as a label followed by a name ("Director: Edgar Wright"), not as prose
# ("a stage director who …"): no lower-case word before it, a capitalised name after it.
CREDITS_CUE = re.compile(r"(?=[DdRr])(?:\b(?i:directed by|director|dir\.|regie|regia|regi|"
                         r"réalisation|réalisateur|dirección|direção|directora)\b|(?<!\w)D:)"
                         r"\s*:?\s*(?=[A-ZÀ-Þ])")
CREDITS_YEAR = re.compile(r"(?<![\d/.\-:(])((?:18[89]|19\d|20\d)\d)(?![\d/\-:)]|\.\d)")
CREDITS_WINDOW = 160
CREDITS_STOP = re.compile(r"(?i)\b(?:related|you may also|you might also|read more|more posts|"
                          r"previous post|next post|copyright)\b|©")


# Fact boxes that label the year itself: "Year 2011 Rated R", "Release year: 2003",
# "Année : 1995", "Jahr: 2014". A capitalised label, or any label with a colon, so prose
# ("later that year 2011 …") does not count.
YEAR_LABEL = re.compile(
    r"(?=[YyRrAaJj])(?:(?<!\w)(?-i:Year|Release [Yy]ear|Released|Année|Jahr|Año|Ano|Anno)\s*:?|"
    r"(?<!\w)(?:year|released)\s*:)\s*((?:18[89]|19\d|20\d)\d)(?![\d/\-:])", re.I)


def year_in_fact_label(text: str) -> int | None:
    return int(m[1]) if (m := YEAR_LABEL.search(text)) else None


def year_in_credits(text: str) -> int | None:
    for cue in CREDITS_CUE.finditer(text):
        before = text[max(0, cue.start() - 30):cue.start()].split()
        if before and before[-1][:1].islower():
            continue  # "a stage director who …" is prose, not a credit
        window = text[cue.end():cue.end() + CREDITS_WINDOW]
        window = CREDITS_STOP.split(window, 1)[0]  # not into "Related content … of 1933"
        if m := CREDITS_YEAR.search(window):
            return int(m[1])
    return None


def year_in_slug(url: str, title: str) -> int | None:
    """'/reviews/heat-1995/', '/r/8mm-1999/': the title's words, then the year, in the slug."""
    slug = [t for t in titles.slug_tokens(url)]
    words = [t for t in re.findall(r"\w+", titles.fold(title))]
    if not slug or not words:
        return None
    for i, token in enumerate(slug):
        if re.fullmatch(r"(?:18[89]|19\d|20\d)\d", token) and all(w in slug[:i] for w in words):
            return int(token)
    return None


YEAR_IN_BRACKETS = re.compile(r"\(((?:18|19|20)\d{2})\)")


def year_in_text(title: str, text: str) -> int | None:
    """'Title (1987)', "Title' (1987)" in the text: every bracketed year is found by one
    fixed pattern (led by "(", which the engine finds fast) and the title checked before it,
    past the spaces and one closing quote between them."""
    if not title:
        return None
    key = title.casefold()
    for m in YEAR_IN_BRACKETS.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if start > 0 and text[start - 1] in "’'":
            start -= 1
        if start >= len(title) and text[start - len(title):start].casefold() == key:
            return int(m[1])
    return None


# article:tag metas and rel="tag" links' text, found through the attributes (//a/@rel[…]/..
# rather than //a[contains(…@rel…)]: the same nodes, faster)
TAG_TEXTS = ('//meta/@property[.="article:tag"]/../@content | '
             '//a/@rel[contains(concat(" ", normalize-space(.), " "), " tag ")]/..//text()')
YEAR_TAG = re.compile(r"(?:18[89]|19\d|20\d)\d")


def year_in_tags(page: ParsedPage, published: str | None) -> int | None:
    """Film blogs file a review under the film's year beside its genres ('drama', 'war',
    '1959'): OpenGraph's article:tag, or rel="tag" links (WordPress tags and categories,
    Blogger labels, Hugo taxonomies); seen as a tag, a WordPress category and a Blogger
    label on unrelated film blogs. Taken only as the last resort, when exactly one tag is a
    year and it is before the year the review was posted (a blog that tags posts by the
    year they were written would give that year, so the post's year or later is no
    evidence)."""
    if not published:
        return None
    tags = page.strings(TAG_TEXTS)
    years = {int(t) for t in (str(tag).strip() for tag in tags) if YEAR_TAG.fullmatch(t)}
    if len(years) != 1 or (year := years.pop()) >= int(published[:4]):
        return None
    return year


def date_in_page(page: ParsedPage) -> str | None:
    """Dates written in prose or odd markup ('May 28, 2024', '28 mai 2024', 'Mon May 15th
    2017'): htmldate's extensive search, asked for the original publication date. Runs only
    when structured data and <time> markup gave none."""
    try:
        # our tree, not the text: htmldate copies a tree it is given instead of parsing again
        found = htmldate.find_date(page.doc, url=page.url, original_date=True,
                                   extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as exc:
        page.cache.setdefault("warnings", []).append(f"htmldate: {exc}"[:200])
        return None
    if not isinstance(found, str):
        return None
    text = visible_text(page)
    if found.endswith("-01-01") and not _written_in_full(found, text):
        # the extensive search turns a bare year ("© 2021", "Night Ferry (2021)") into
        # 1 January; only a date the page writes in full counts
        return None
    return in_locale(found, text, month_first(page.locale()))


def _written_in_full(iso: str, text: str) -> bool:
    """Some place in `text` writes `iso` with its day and month ('1 January 2022',
    'January 1, 2022', '01/01/2022'), read by the same written-date rule."""
    for m in re.finditer(rf"(?<!\d){iso[:4]}(?!\d)", text):
        window = text[max(0, m.start() - 24):m.end()]
        for start in range(len(window) - 4, -1, -1):  # shortest window first
            if window[start].isspace() or start == 0:
                if written_date(window[start:]) == iso:
                    return True
    return False


def visible_text(page: ParsedPage) -> str:
    if "visible" not in page.cache:
        # the text of every body element but scripts and styles: the same text nodes as
        # "//body//text()[not(parent::script) and not(parent::style)]", tested per element
        # rather than per text node (a third faster)
        parts = page.strings("//body/descendant-or-self::*[not(self::script or self::style)]"
                             "/text()")
        page.cache["visible"] = " ".join(" ".join(parts).split())
    return page.cache["visible"]


def _rating_text(page: ParsedPage) -> str:
    """Visible text plus image alt texts and aria-labels: star badges are often images."""
    labels = page.strings("//img/@alt | //@aria-label")  # (not //*[@aria-label]/@…: a scan less)
    return visible_text(page) + " " + " ".join(str(v) for v in labels)


def fields(page: ParsedPage, partial: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    title = partial.get("film_title")
    body = partial.get("body_text") or ""
    if not title:
        title, year, certainty = titles.choose(page, partial, body or visible_text(page))
        out["film_title"] = title
        out["headline_year"] = year
        out["title_certainty"] = certainty
    if not partial.get("critic"):
        out["critic"] = titles.critic_in_headlines(page, partial)
    if not partial.get("published"):
        out["published"] = date_in_page(page)
    if title and not partial.get("film_year") and not out.get("headline_year"):
        out["film_year"] = (year_in_slug(page.url, title)
                            or year_in_credits(visible_text(page))
                            or year_in_fact_label(visible_text(page))
                            or year_in_text(title, body)
                            or year_in_text(title, visible_text(page))
                            or year_in_tags(page, partial.get("published")
                                            or out.get("published")))
    out.update(rating_in_text(_rating_text(page)))
    if not out.get("rating_raw") and not partial.get("rating_raw"):
        out.update(rating_in_markup(page))  # a rating box, star icons or pictures
    if not out.get("rating_raw") and not partial.get("rating_raw"):
        out.update(rating_alone(body))  # "6/10" closing the review on a line of its own
    out["remake_of"] = remakes_in_text(body or visible_text(page))
    heads = page.xpath("//title")
    if heads and " | " in (t := heads[0].text_content()):
        out["publication"] = t.rsplit(" | ", 1)[1].strip()
    return {k: v for k, v in out.items() if v}
