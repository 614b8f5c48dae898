"""The film title from the headlines a page carries, chosen by evidence.

Real headlines rarely are just the title: sites add their name ("X | Site", "Site | X"),
labels ("Review:", "Kino:", "Crítica:", "J'ai vu…"), a year and a subtitle ("X (2025): the
horror of …"), or write a sentence around the title ("A Dive into the World of X"). So every
headline source (structured headline, og:title, <h1>, <title>) is split into candidate
titles, and each candidate is scored by evidence that does not depend on one site's layout:
agreement with the URL slug, how often the body repeats it, whether the page marks it as a
title (quotes, 《》, italics), and whether it looks like the site's own name.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from criticdb.scrapers.extract import title_ranker
from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.words import word_char

QUOTES = "'\"‘’“”«»„"
# "Film review – X", "Review: X", "Crítica: X", "Kritik: X", "Critique : X", "Classic Corner: X",
# "Rewatch: X", "Kino: X", "J'ai vu… X", "Movie Review - X": a short label, then the title.
# Each label is common across unrelated sites (review blogs and newspapers label their
# reviews this way in every language of the corpus).
# "Spoiler Review:", "Mini Review:", "– a quick review": a qualified review label
QUALIFIER = (r"(?:(?:mini|quick|short|full|capsule|spoiler|spoiler-free|spoiler free|"
             r"non-spoiler|spoilery|brief|early|honest|in-depth)\s+)?")
LABEL_WORDS = (
    rf"{QUALIFIER}(?:(?:film|movie|cinema|dvd|blu-ray)\s+)?(?:review|reviews|recap|reaction)|"
    r"(?:(?:le|la|the|der|o|el),?\s+)(?:film|movie|filme|película)|"
    r"critique|crítica|critica|kritik|filmkritik|rezension|recensione|recensão|reseña|"
    r"recension|anmeldelse|arvostelu|recenzja|classic corner|rewatch|re-watch|retro review|"
    r"sneak(?:\s+preview)?|preview|kino|im kino|cinema|cine|film|movie|filme|película|"
    r"j'ai vu|i watched|watched|first look|verdict|capsule|quick take|(?:film|movie)\s+analysis"
)
PREFIX = re.compile(rf"^(?:{LABEL_WORDS})\s*(?:[:\-–—|…]+|\.\.\.)\s*", re.I)
# "Crítica de X", "Critique du film X", "Recensione del film X", "Filmkritik zu X", "Review
# of the film X": a review label joined to the title by a preposition, as headlines in
# Spanish, Portuguese, French, Italian and German usually are
LABEL_OF = re.compile(
    r"^(?:(?:film|movie)\s+)?(?:crítica|critica|critique|kritik|filmkritik|recensione|"
    r"recensão|reseña|resenha|review|recension|anmeldelse)\s+(?:de|da|do|del|du|des|di|zu|"
    r"zum|of|von|af|av)\s+"
    r"(?:(?:(?:la|le|el|il|o|the|dem)\s+)?(?:film|filme|película|pelicula|movie)\s+)?", re.I)
# "Dark Knight, The", "Vie en rose, La": a film database's inverted article, turned round
INVERTED = re.compile(r"^(?P<t>[^,]{2,}?),\s+(?P<a>The|A|An|Le|La|Les|L'|Der|Die|Das|El|Los|Las|"
                      r"Il|Lo|Gli|Det|Den|De|Het)$")
# "【影评】X", "【映画レビュー】X", "[Review] X": a bracketed label before the title; and the
# label written before the title with no separator where a language puts it there: Indonesian
# "Review Film X" / "Ulasan Film X", Vietnamese "Đánh giá phim X", Thai "รีวิว X"
LEAD_LABEL = re.compile(
    r"^[【\[［〔(（]\s*(?:影评|影評|观后感|觀後感|电影|電影|映画(?:レビュー|感想)?|レビュー|感想|"
    r"리뷰|영화\s*리뷰|(?:film\s+|movie\s+)?review|critique|crítica|kritik)\s*[】\]］〕)）]\s*(?=\S)|"
    r"^(?:review|ulasan|resensi)\s+film\s+(?=\S)|^(?:review|đánh giá|nhận xét)\s+phim\s+(?=\S)|"
    r"^รีวิว(?:หนัง)?\s*(?=\S)", re.I)
# "X, la recensione", "X – the review", "X | Review", "X – A Review.", "X: my review". Only
# review words may follow the title without a separator ("X Review"): a bare "Movie" or
# "Film" ends real titles ("The Lego Movie", "Bee Movie", "Snuff Film"), so it is a label
# only after a separator or its article ("Transformers, o filme", "Avatar le film"); the
# indefinite and possessive forms only before "review" ("This Is Not a Film" keeps its film).
REVIEW_WORDS_BARE = (
    rf"{QUALIFIER}(?:(?:film|movie|cinema|dvd|blu-ray)\s+)?(?:review|reviews|recap|reaction)|"
    r"critique|crítica|critica|kritik|filmkritik|rezension|recensione|recensão|reseña|"
    r"recension|anmeldelse|arvostelu|recenzja"
)
SUFFIX = re.compile(
    rf"\s*(?:[:\-–—|,]\s*(?:(?:la|le|el|il|the|die)\s+)?(?:{LABEL_WORDS})|"
    rf"\b(?:{REVIEW_WORDS_BARE})|\b(?:le|la|the|der|o|el)\s+(?:film|movie|filme|película)|"
    rf"(?:[:\-–—|,]\s*)?\b(?:a|an|my|our)\s+{QUALIFIER}(?:film\s+|movie\s+)?(?:review|reaction))"
    r"\s*[.!]*$",
    re.I)
# "Roma, de Alfonso Cuarón", "Night Ferry, by Jo Park": the director's credit after a comma
# (two or more capitalised words, so "Crazy, Stupid, Love" keeps its commas)
CREDIT_SUFFIX = re.compile(r",\s+(?:de|by|von|di|par|por)\s+"
                           r"(?-i:[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3})\.?$", re.I)
# The same credit without its comma ("Det umuliges kunst av Elsa Kvamme", "Cléo by Agnès
# Varda"): only a candidate beside the whole, since "X by Two Words" may be a title
BARE_CREDIT = re.compile(r"\s+(?:by|von|av|af|door|par|por)\s+"
                         r"(?-i:[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3})$", re.I)
# "'X' review: a lead foot", "X review — subtitle": the title is what precedes "review".
# "review by Jane Doe" names the critic after the title (Letterboxd and many group blogs)
CAP = r"[A-Z][\w'’.-]*"  # a capitalised word of a name
BY_NAME = rf"\s+by\s+(?-i:{CAP}(?:\s+{CAP}){{0,3}})"
REVIEW_INFIX = re.compile(
    r"^(?P<t>.+?)(?:\s*[-–—:|,])?\s+(?:(?:a|an|my|our|the)\s+)?(?:movie\s+|film\s+)?"
    r"(?:review|reaction|recap)\b"
    rf"(?:{BY_NAME}|\s*(?:[-–—:|,]\s*.*)?)$", re.I)
REVIEW_BY = re.compile(rf"\b(?:review|reviewed|critique|reaction)(?P<n>{BY_NAME})"
                       r"(?:\s*(?:[|•·\-–—(]|$))", re.I)
# "A review of X (2021)", "My review of X by Jane Doe": a sentence-shaped label before the
# title; the critic's name after it needs two capitalised words ("Stand by Me" stays whole)
REVIEW_OF = re.compile(r"^(?:a|my|our)\s+(?:film\s+|movie\s+)?review\s+of\s+(?P<t>.+?)"
                       rf"(?:\s+by\s+(?P<n>(?-i:{CAP}(?:\s+{CAP}){{1,3}})))?$", re.I)
# "Thoughts on X", "My reaction to X", "Notes from the movie X": a sentence-shaped label
# "Movie Monday #12: X", "Ukas idrettsfilm #8: X": a blog's numbered series, then the title
SERIES = re.compile(r"^[^:#|]{2,40}?\s*(?:#|\bno\.\s*|\bnr\.\s*)\d{1,4}\s*[:\-–—]\s+", re.I)
THOUGHTS_ON = re.compile(
    r"^(?:(?:some|my|a few|quick|final|random)\s+)?(?:thoughts|notes|reflections|musings|"
    r"reaction|impressions)\s+(?:on|about|from|to)\s+(?:the\s+(?:movie|film)\s+)?", re.I)
# "X观后感", "X 影评", "BABY DRIVER を見た", "Eragon観ました。": Chinese and Japanese blogs
# close the title with "after-viewing notes" or "I watched it"; "观《X》" and "映画『X』を観た"
# mark the title with brackets instead, which MARKED reads
CJK_SUFFIX = re.compile(r"\s*(?:的?观后感|观感|观影感受|影评|简单感想|感想|を観てきた|を見てきた|"
                        r"を観ました|を見ました|観ました|見ました|を観た|を見た|、観た|観た|"
                        r"レビュー|"
                        # Korean: "X를 봤다" (watched X; the particle glued to the title)
                        r"[을를]\s*(?:보다|봤다|보았다|보고|봤어요|봤습니다))[\s!！。.…\-—–]*$")
# "说说变形金刚2吧~", "有感于太极旗飘扬", "浅谈X", "드디어 X": "let's talk about", "moved by",
# "on", "finally" before the title (the brackets of "谈谈《X》" are MARKED's)
CJK_PREFIX = re.compile(r"^\s*(?:随便|简单)?(?:说说|聊聊|谈谈|谈一谈|说一说|聊一聊|浅谈|简评|漫谈|"
                        r"有感于|重温|再看|드디어)\s*(?=\S{2})")
CJK_TALK_END = re.compile(r"\s*吧?[~～!！。.…]*$")
# A dateline glued to the title: "Sunshine State, 8-9-02", "20220608关于莉莉周的一切",
# "[2019-09-15] Taxi Driver". A full date only (day, month and year): "2001", "1917" and
# "Fahrenheit 9/11" are titles.
_DATE = (r"(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)|"
         r"(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})"
         r"(?![\d./-]))")
LEADING_DATE = re.compile(rf"^\s*[\[(（【]?{_DATE}[\])）】]?\s*[-–—:|,·]?\s*(?=\S)")
TRAILING_DATE = re.compile(rf"(?<=\S)\s*[,\-–—|:·]?\s*[\[(（【]?(?<![\d./-]){_DATE}[\])）】]?\s*$")
# "X (2019)", "X [2019]", and with a credit or a country: "X (Ada Brook, 2019)"
TITLE_YEAR = re.compile(r"^(?P<t>.+?)\s*[(\[](?:[^()\[\],]{2,40},\s*)?(?P<y>(?:18|19|20)\d{2})"
                        r"[)\]]\s*(?P<rest>.*)$")
TRAILING_YEAR = re.compile(r"^(?P<t>.+?)\s+(?P<y>(?:19|20)\d{2})$")
TITLE_CONTINUES = re.compile(r"\b(?:of|in|from|the|a|an|to|for|and|at|since|de|du|des|la|le|el|"
                             r"del|di|da|do|von|vom|im|en)$", re.I)
SEPARATORS = re.compile(r"\s+[|·•»]\s+|\s+[-–—]\s+|\s*::\s*|:\s+|\s*[：——]+\s*|\s*-{2,}\s*")
# The site-name separators alone: "Site | Title: Subtitle" keeps "Title: Subtitle" whole
SITE_SEPARATORS = re.compile(r"\s+[|·•»]\s+|\s+[-–—]\s+|\s*::\s*")
# "Le Guerrier Silencieux (Valhalla Rising)": a local title and the original in brackets.
BRACKETS = re.compile(r"\s*[()\[\]]\s*")
# "Vikrammmm!": informal elongation; the body usually spells the title plainly.
ELONGATED = re.compile(r"(\w)\1{2,}")
MARKED = re.compile(r"《(?P<a>[^》]{1,80})》|「(?P<b>[^」]{1,80})」|『(?P<f>[^』]{1,80})』|"
                    r"(?:(?<=\s)|^)_(?P<g>[^_\s][^_]{0,78})_(?=[\s?!.,:;]|$)|"
                    r"[“\"«„](?P<c>[^”\"»“]{1,80})[”\"»“]|"
                    # single quotes: curly ones, or straight ones standing alone ("watch
                    # 'Interstellar'?"), never an apostrophe inside a word ("Don't")
                    r"‘(?P<d>[^’]{1,80})’|(?:(?<=\s)|^)'(?P<e>[^'\s][^']{0,78})'(?=[\s?!.,:;]|$)")
BOOK_TITLE = re.compile(r"《([^》]{1,40})》|「([^」]{1,40})」|『([^』]{1,40})』")
NOT_A_TITLE = re.compile(r"[{}<>;=]|https?:|\b(?:search|menu|navigation|home|toggle)\b", re.I)
# "What's So Great About the Cloverfield Paradox?", "A Brief Rant About Everything Everywhere
# All at Once": a sentence headline closing on the film's title-cased name after about/on
ABOUT_TAIL = re.compile(r"(?<=\S)\s+(?:[Aa]bout|[Oo]n)\s+"
                        r"(?P<t>(?:the\s+|a\s+|an\s+)?[A-Z0-9][^?!.…]*?)\s*[?!.…]*$")
# "The Game Plan has Game", "Night Ferry is the best film of the spring": the title-cased name,
# then the headline's lower-case verb
HEAD_VERB = re.compile(r"^(?P<t>[A-Z0-9][\w'’&-]*(?:\s+(?:[A-Z0-9][\w'’&:-]*|of|the|and|a|an|"
                       r"in|on|to|for|at))*?)\s+(?:is|was|has|have|had|gets|got|makes|"
                       r"delivers|proves|fails|falls|takes|brings|offers|remains|feels|looks|"
                       r"isn't|doesn't|hits|misses|works|soars|sinks)\s|"
                       # title case capitalises the verb too: "Night Ferry Is Worth Your Time"
                       r"^(?P<c>[A-Z0-9][\w'’&-]*(?:\s+[A-Z0-9][\w'’&:-]*)*?)\s+(?:Is|Was|Isn't|"
                       r"Gets|Delivers|Proves|Fails|Falls|Remains|Works|Soars|Sinks|Hits|"
                       r"Misses|Brings|Offers)\s+(?:[A-Z]\w*\s+){0,3}?(?:Worth|A|An|The|"
                       r"Not|Still|Better|Worse|More|Less|Too|So|Far|Just|Everything|"
                       r"Nothing)\b")
# "Is Night Ferry Worth Watching?", "Why Night Ferry Is the Best Film of 2019": a question
# or an explanation around the title-cased name
ASKED = re.compile(r"^(?:(?:Is|Was|Does|Did)\s+(?P<a>.+?)\s+(?:Worth|Any\s+Good|Really|"
                   r"Still|Overrated|Underrated|Good)\b|(?:Why|How)\s+(?P<w>.+?)\s+(?:Is|Works|"
                   r"Matters|Remains)\s)")  # not "Was": "How Green Was My Valley" is a title
# "Peepli live ! and rural India": a name exclaimed, then a sentence about it
EXCLAIMED = re.compile(r"(?<=\w)\s*!+\s+(?=\S)")
COMMA_SENTENCE = re.compile(r"^(?P<t>[^,，]{1,60}?)\s*[,，]\s*(?=\S+(?:\s+\S+){2,}|[^\s,，]{4,})")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
MAX_TITLE_WORDS = 12
# benchmarks/train_title_ranker.py sets a list here to collect every page's candidates
FEATURE_SINK: list[dict[str, Any]] | None = None
# Headlines of pages about several films: no one title can be chosen from them.
ROUNDUP = re.compile(r"\b(?:double bill|double feature|round-?up|this week'?s|releases|"
                     r"best (?:films|movies)|top \d+|\d+ (?:films|movies)|line-?up|"
                     r"box office|weekend box|festival)\b", re.I)
# Words that are never a title on their own (sub-spans like "The" or "I" of a headline).
STOP_WORDS = {"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "i", "le", "la",
              "les", "el", "los", "der", "die", "das", "de", "du", "o", "os", "il", "y", "et",
              "und", "is", "it", "my", "your", "this", "that", "with", "from"}
SLUG_NOISE = {"review", "reviews", "movie", "film", "the", "a", "an", "of", "and", "reaction",
              "kino", "sneak", "critica", "kritik", "html", "php", "htm", "post", "posts"}


@dataclass
class Candidate:
    text: str
    year: int | None
    origin: str  # headline | og_title | h1 | title
    whole: bool  # the whole cleaned headline, not one segment of it
    marked: bool = False  # quoted or in 《》 in the headline
    score: float = 0.0
    origins: set[str] = field(default_factory=set)  # every headline source that carries it
    matched: bool = False  # a review label or a (year) around it confirmed a title
    segment: str = "whole"  # whole | first | middle | last segment | marked | span | body
    body_n: int = 0  # how often the body names it, as `_score` counted
    # mentions that are the containing whole headline's: the body repeating "The Good, the
    # Bad and the Ugly" names "Bad" only as a part of it
    shadow: int = 0
    slug: float = 0.0  # its agreement with the URL slug, as `_score` measured


_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "ä": "ae", "ö": "oe", "ü": "ue",
                          "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_MARKS = re.compile(r"[\u0300-\u036f]")  # combining diacritics left by NFKD


def fold(text: str) -> str:
    """Case, accents and German umlauts folded the way URL slugs write them. Short texts
    are remembered: a page folds the same headline parts, names and slugs again and again
    (six calls in seven repeat one), and the Unicode normalisation is the cost; long ones
    (a body) are not kept."""
    return _fold_short(text) if len(text) <= 400 else _fold(text)


def _fold(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_SPELLED))).casefold()


_fold_short = functools.lru_cache(maxsize=8192)(_fold)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _plain_tokens(text: str) -> list[str]:
    """Tokens without umlaut spelling: slugs write 'ä' as 'a' as often as 'ae'."""
    return re.findall(r"\w+", _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold())


def clean(text: str) -> tuple[str, int | None, bool]:
    """Labels, quotes and a trailing (year) off one headline segment → (title, year, matched)
    where `matched` says a review pattern or a year confirmed that this is a title."""
    text = " ".join(text.split()).strip(" |-–—:·•")
    text = TRAILING_DATE.sub("", LEADING_DATE.sub("", text))
    matched = False
    if m := LEAD_LABEL.match(text):
        text, matched = text[m.end():], True
    if m := REVIEW_OF.match(text):
        text, matched = m["t"], True
    elif m := LABEL_OF.match(text):
        text, matched = text[m.end():], True
    elif m := THOUGHTS_ON.match(text):
        text, matched = text[m.end():], True
    elif (m := SERIES.match(text)) and len(text) > m.end():
        text, matched = text[m.end():], True
    if m := CREDIT_SUFFIX.search(text):
        text = text[:m.start()]
    if (stripped := CJK_SUFFIX.sub("", text)) and stripped != text:
        text, matched = stripped, True
    if (m := CJK_PREFIX.match(text)) and (stripped := CJK_TALK_END.sub("", text[m.end():])):
        text, matched = stripped, True
    for _ in range(2):
        stripped = PREFIX.sub("", text)
        stripped = SUFFIX.sub("", stripped).strip()
        if stripped and stripped != text:
            text, matched = stripped, True
    m = REVIEW_INFIX.match(text)
    if m and not PREFIX.match(text):
        text, matched = m["t"].strip(" |-–—:·•"), True
    year = None
    m = TITLE_YEAR.match(text)
    if m and (not m["rest"] or m["rest"][:1] in ":,-–—.|"):
        text, year, matched = m["t"], int(m["y"]), True
    else:
        m = TRAILING_YEAR.match(text)
        # "Gold Diggers of 1933", "Summer of 1942": a title cannot end on a preposition or
        # an article, so there the year is part of the title
        # (nor is "Blade Runner 2049" a film of 2049: a year still to come is the title's)
        if m and len(m["t"].split()) <= 6 and not TITLE_CONTINUES.search(m["t"]) \
                and int(m["y"]) <= date.today().year + 2:
            text, year = m["t"], int(m["y"])
    text = text.strip(QUOTES + " ,;:…_·").strip()
    if m := INVERTED.match(text):
        text = m["a"] + ("" if m["a"].endswith("'") else " ") + m["t"]
    return text, year, matched


def raw_headlines(page: ParsedPage, partial: dict[str, Any]) -> list[tuple[str, str]]:
    """(origin, text) of every headline the page carries, structured ones first."""
    found: list[tuple[str, str]] = []
    if partial.get("headline"):
        found.append(("headline", partial["headline"]))
    if partial.get("og_title"):
        found.append(("og_title", partial["og_title"]))
    for origin, values in (("h1", page.xpath("//h1")), ("title", page.xpath("//title")),
                           ("og_title", page.meta_content(("name", "twitter:title")))):
        for el in values[:4]:
            text = " ".join((el if isinstance(el, str) else el.text_content()).split())
            if text and len(text) < 250 and not NOT_A_TITLE.search(text):
                found.append((origin, text))
    return found


def site_names(page: ParsedPage, partial: dict[str, Any]) -> set[str]:
    """The site's own name: og:site_name, and any headline linking to the site's root."""
    names = {fold(partial["publication"])} if partial.get("publication") else set()
    # the class test scans every element; the index says first whether any class has it
    query = "//h1//a[@href] | //header//a[@href]"
    if page.by_class_part("site-title"):
        query += " | //*[contains(@class,'site-title')]//a[@href]"
    for a in page.xpath(query)[:20]:
        path = urlsplit(a.get("href", "")).path
        if path in ("", "/") or a.get("rel") == "home":
            if text := " ".join(a.text_content().split()):
                names.add(fold(text))
    return names


def is_site_name(text: str, names: set[str], host: str) -> bool:
    folded = fold(text)
    if folded in names:
        return True
    squashed = re.sub(r"\W", "", folded)
    host_words = [w for w in re.split(r"[.\-]", host.lower()) if len(w) >= 4
                  and w not in ("www", "blog", "github", "com", "net", "org")]
    return len(squashed) >= 4 and any(squashed in w or w in squashed for w in host_words)


def slug_tokens(url: str) -> list[str]:
    parts = [p for p in unquote(urlsplit(url).path).split("/") if p]
    if not parts:
        return []
    last = re.sub(r"\.(?:html?|php|aspx?)$", "", parts[-1])
    tokens = [t for t in re.split(r"[-_+.\s]+", fold(last)) if t]
    if not any(t.isalpha() for t in tokens):
        return []  # numeric ids ("/posts/7240.html") say nothing about the title
    return tokens


def candidates(page: ParsedPage, partial: dict[str, Any]) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[str] = set()
    names = site_names(page, partial)
    host = urlsplit(page.url).netloc

    def add(text: str, year: int | None, origin: str, whole: bool, marked: bool = False,
            matched: bool = False, segment: str = "whole") -> None:
        key = fold(text)
        if not text or len(text.split()) > MAX_TITLE_WORDS or is_site_name(text, names, host) \
                or PREFIX.fullmatch(text + ":") or re.fullmatch(LABEL_WORDS, text, re.I):
            return
        if key in seen:
            for c in out:
                if fold(c.text) == key:
                    c.year = c.year or year
                    c.marked = c.marked or marked
                    c.whole = c.whole or whole
                    c.matched = c.matched or matched
                    c.origins.add(origin)
            return
        seen.add(key)
        out.append(Candidate(text, year, origin, whole, marked, origins={origin},
                             matched=matched, segment=segment))

    for origin, raw in raw_headlines(page, partial):
        for m in MARKED.finditer(raw):
            inner = m["a"] or m["b"] or m["c"] or m["d"] or m["e"] or m["f"] or m["g"]
            after = raw[m.end():m.end() + 8]
            ym = re.match(r"\s*\(((?:18|19|20)\d{2})\)", after)
            # "In 'Night Ferry,' a crossing": American commas go inside the quotes
            add(inner.strip().rstrip(",;").strip(), int(ym[1]) if ym else None, origin, False,
                marked=True, segment="marked")
        text, year, matched = clean(raw)
        add(text, year, origin, True, matched=matched)
        if (m := BARE_CREDIT.search(text)) and m.start() > 0:
            add(text[:m.start()], year, origin, False, matched=matched, segment="part")
        segments = [s for s in SEPARATORS.split(raw) if s.strip()]
        n_split = len(segments)
        if ":" in raw:
            segments += [s for s in SITE_SEPARATORS.split(raw) if s.strip() and ":" in s
                         and s not in segments]
        segments += [p for s in segments for p in BRACKETS.split(s) if p.strip() and p != s]
        # "Inkheart, one of the worst movies ever made", "东京家族，以及上海家族…": a title,
        # then a sentence about it; the scorer keeps the part only where the page backs it
        if (m := COMMA_SENTENCE.match(text)) and m["t"] not in segments:
            segments.append(m["t"])
        if (m := EXCLAIMED.search(text)) and len(text[:m.start()].split()) <= 6:
            add(text[:m.start()], year, origin, False, matched=matched, segment="part")
        for inner in _inside_sentence(text):
            add(inner, year, origin, False, matched=matched, segment="part")
        split = segments if len(segments) > 1 else []
        # "Movie Review - The Dark Knight - Showdown in Gotham Town - NYTimes.com": a review
        # label heading the headline names the segment after it
        label_led = bool(split) and bool(re.fullmatch(LABEL_WORDS, split[0].strip(), re.I))
        for i, seg in enumerate(split):
            t, y, m_ = clean(seg)
            m_ = m_ or (label_led and i == 1)
            add(t, y or year, origin, False, matched=m_,
                segment="first" if i == 0 else "last" if i == n_split - 1 else
                "middle" if i < n_split else "part")
        if ELONGATED.search(text):
            add(ELONGATED.sub(r"\1", text).rstrip("!?. "), year, origin, False,
                segment="middle")
    # Works the text itself names: Chinese and Japanese mark every title with 《》 or 「」.
    # A headline that names no film ("克里斯托弗，是他初恋的名字") leaves the first and the
    # most named of these as the candidates; the ranker weighs them against the headline's
    # parts. (English italics were tried the same way and added noise: site names and
    # actors are italicised as often as films.)
    text = (partial.get("body_text") or "")[:3000]
    works = [(m[1] or m[2] or m[3]).strip() for m in BOOK_TITLE.finditer(text)]
    for work in dict.fromkeys(works[:1] + sorted(works, key=works.count, reverse=True)[:1]):
        add(work, None, "body", False, marked=True, segment="body")
    return out


def _inside_sentence(text: str) -> list[str]:
    """Title-cased names a sentence headline holds at its end (after about/on) or its start
    (before a lower-case verb); a lower-case article leading the name is capitalised."""
    if len(text.split()) < 4:
        return []
    found = []
    if (m := ABOUT_TAIL.search(text)) and len(words := m["t"].split()) <= 8 and all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in STOP_WORDS for w in words):
        found.append(m["t"][:1].upper() + m["t"][1:])
    if (m := HEAD_VERB.match(text)) and (t := m["t"] or m["c"]) \
            and t.split()[-1].lower() not in STOP_WORDS:
        found.append(t)
    if (m := ASKED.match(text)) and (t := m["a"] or m["w"]) and len(t.split()) <= 6:
        found.append(t)
    return [f.strip(QUOTES + ",;:") for f in found]


def _count(phrase: str, text: str) -> int:
    key = fold(phrase)
    if not key or key not in text:  # a substring test first: most candidates are absent
        return 0
    if CJK.search(key[0] + key[-1]):
        # Chinese and Japanese run words together: a title's edges are no word boundary
        return text.count(key) if len(key) >= 2 else 0
    # whole-word occurrences, as `(?<!\w)key(?!\w)` counts them, without compiling a pattern
    # per candidate (a regex per title was a millisecond a page in compilation alone)
    n, at = 0, text.find(key)
    while at >= 0:
        end = at + len(key)
        if not (at and word_char(text[at - 1])) and not (end < len(text)
                                                          and word_char(text[end])):
            n += 1
            at = text.find(key, end)
        else:
            at = text.find(key, at + 1)
    return n


def _emphasised(page: ParsedPage) -> set[str]:
    if "emphasised" not in page.cache:
        els = [e for body in page.doc.iter("body")
               for e in body.iter("em", "i", "strong", "b", "cite") if e is not body][:400]
        page.cache["emphasised"] = {fold(" ".join(e.text_content().split())) for e in els}
    return page.cache["emphasised"]


def _sub_spans(text: str) -> list[str]:
    """Capitalised runs inside a sentence-like headline: 'A Dive into the World of Pathaan'
    → 'Pathaan', 'World of Pathaan', …; the scorer keeps only those the page supports."""
    words = text.split()
    spans = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 6) + 1):
            span = words[i:j]
            if not (span[0][:1].isupper() or span[0][:1].isdigit()):
                continue
            if not (span[-1][:1].isupper() or span[-1][:1].isdigit()):
                continue
            spans.append(" ".join(span).strip(QUOTES + ",.:;!?"))
    return spans


def _slug_score(toks: list[str], plain: list[str], slug: set[str]) -> float:
    """Agreement with the URL slug; slugs are often cut short, so the share of the slug's
    words the candidate covers counts as much as the share of its words in the slug."""
    if not slug:
        return 0.0

    def in_slug(t: str) -> bool:
        # a CJK slug runs the title into its date ("20220206流浪者之歌"): a part counts
        return t in slug or (len(t) >= 2 and bool(CJK.search(t)) and any(t in s for s in slug))

    precision = max(sum(in_slug(t) for t in toks) / len(toks),
                    sum(in_slug(t) for t in plain) / len(plain))
    key = [t for t in slug if t not in SLUG_NOISE and not t.isdigit()] or list(slug)
    recall = max(sum(t in toks for t in key), sum(t in plain for t in key),
                 sum(bool(CJK.search(t)) and any(c in t for c in toks) for t in key)) / len(key)
    meaningful = [t for t in toks if t not in SLUG_NOISE and t not in STOP_WORDS]
    return 2.0 * (0.5 * recall + 0.5 * precision) if any(in_slug(t) for t in meaningful) \
        else 0.0


VETO = -9.0  # the score of a candidate that can never be the title


def _score(c: Candidate, slug: set[str], body: str, emphasised: set[str]) -> float:
    """The hand-weighted evidence; records the body count and slug agreement on `c`."""
    sub_span = c.segment == "span"
    toks = _tokens(c.text)
    if not toks or all(t in STOP_WORDS for t in toks) and not (
            c.matched and c.whole and len(toks) >= 2):
        # stop words alone are no title, unless a review label around the whole headline
        # says they are ("THIS IS IT を見てきた", "This Is It review")
        return VETO
    if not c.whole and not c.marked and re.fullmatch(r"(?:18|19|20)\d{2}", c.text):
        return VETO  # the year split off "Title (2022)"
    c.body_n = body_n = max(0, _count(c.text, body) - c.shadow)
    if sub_span and body_n < 2:
        return VETO  # a sub-span needs the body's support
    # The slug mirrors the whole headline; which part of it the body keeps repeating is
    # what tells the film from the headline's sentence around it.
    c.slug = _slug_score(toks, _plain_tokens(c.text), slug)
    score = c.slug + 1.5 * min(body_n, 5) / 5
    score += 0.8 * (fold(c.text) in emphasised) + 1.5 * c.marked + 0.3 * c.whole
    score += 0.3 * bool(c.year) - 0.25 * max(0, len(c.text.split()) - 6)
    # the <h1>, og:title and <title> agreeing on a text is the page naming its subject
    # (a sentence-shaped headline repeated in all three is still a sentence)
    if c.origins and len(c.text.split()) <= 5:
        score += 0.25 * min(2, len(c.origins - {"body"}) - 1)
    plain_form = ELONGATED.sub(r"\1", c.text).rstrip("!?. ")
    if ELONGATED.search(c.text) and _count(plain_form, body) > body_n:
        score -= 1.5  # "Vikrammmm!" is a mood; the body names the film plainly
    if c.whole and body_n == 0 and sum(w[:1].islower() for w in c.text.split()) >= 3:
        score -= 0.6  # a sentence the body never repeats is a headline, not a title
    if c.whole and body_n == 0 and SITE_SEPARATORS.search(c.text):
        score -= 0.5  # "Four Lions – great film": the body repeats a part, never the whole
    return score


FEATURES = ("slug", "slug_empty", "body_frac", "body_zero",
            "body_head", "emph", "marked", "whole", "matched", "year", "words", "long",
            "chars", "origins", "o_headline", "o_og_title", "o_h1", "o_title", "o_body",
            "seg_first", "seg_middle", "seg_last", "seg_part", "seg_marked", "span",
            "lower3", "site_sep", "cjk", "contains_other", "inside_other", "caps",
            "digits", "punct_end", "elongated", "colon")


def _features(c: Candidate, cands: list[Candidate], slug: set[str], body: str,
              emphasised: set[str]) -> dict[str, float]:
    """The evidence for one candidate, for the learned ranker: the parts the hand score is
    made of (slug, body, marks), the candidate's source and place in its headline, its
    shape, and whether another credible candidate holds it or is held by it. The hand score
    itself is left out: its weights were set on the development pages, and a model leaning
    on it would inherit their fit (cross-validated, both rank alike)."""
    words = c.text.split()
    body_n = c.body_n
    key = fold(c.text)
    others = [fold(o.text) for o in cands if o is not c and o.score > 0]
    origins = c.origins or {c.origin}
    return {
        "slug": c.slug,
        "slug_empty": float(not slug), "body_frac": min(body_n, 5) / 5,
        "body_zero": float(body_n == 0), "body_head": float(bool(key) and key in body[:600]),
        "emph": float(key in emphasised), "marked": float(c.marked), "whole": float(c.whole),
        "matched": float(c.matched), "year": float(bool(c.year)), "words": len(words) / 10,
        "long": max(0, len(words) - 6) / 4, "chars": math.log1p(len(c.text)) / 4,
        "origins": float(len(origins - {"body"}) - 1),
        **{f"o_{o}": float(o in origins) for o in ("headline", "og_title", "h1", "title",
                                                    "body")},
        **{f"seg_{g}": float(c.segment == g) for g in ("first", "middle", "last", "part",
                                                        "marked")},
        "span": float(c.segment == "span"),
        "lower3": float(sum(w[:1].islower() for w in words) >= 3),
        "site_sep": float(bool(SITE_SEPARATORS.search(c.text))),
        "cjk": float(bool(CJK.search(c.text))),
        "contains_other": float(any(o != key and o in key for o in others)),
        "inside_other": float(any(o != key and key in o for o in others)),
        "caps": sum(w[:1].isupper() for w in words) / max(1, len(words)),
        "digits": float(any(ch.isdigit() for ch in c.text)),
        "punct_end": float(c.text[-1:] in "?!.…"),
        # "Vikrammmm!" where the body spells "Vikram": a mood, not the name
        "elongated": float(bool(ELONGATED.search(c.text)) and _count(
            ELONGATED.sub(r"\1", c.text).rstrip("!?. "), body) > body_n),
        "colon": float(bool(re.search(r"[:：]\s", c.text))),
    }


def _whole_title(best: Candidate, cands: list[Candidate], body: str) -> Candidate:
    """A longer candidate that holds the best one wins when the evidence is for the whole:
    'Ant-Man and the Wasp: Quantumania' over 'Quantumania' when every mention of the part in
    the body is inside the whole; '2001 - A Space Odyssey' over 'Space' when the slug spells
    the whole and the part, a capitalised run cut from a long headline, only scored on the
    body's repeating one of its words. Body counts and slug agreement are `_score`'s."""
    sub_span = best.segment == "span"
    for c in sorted(cands, key=lambda c: -len(c.text)):
        if c is best or c.score <= 0 or fold(best.text) not in fold(c.text):
            continue
        if re.search(r":\s", c.text) and c.body_n >= 1 and c.body_n >= best.body_n:
            return c
        if sub_span and c.whole and c.slug >= best.slug + 0.5 and c.score >= best.score - 0.6:
            return c
        # "Top Gun: Maverick" over the "Top Gun" its colon split off, "The Boy and the Heron"
        # over the run "The Boy": the slug spells more of the longer one and the body names
        # it too; the part's extra mentions are the longer title's own
        if c.body_n >= 1 and c.slug >= best.slug + 0.3 and len(_tokens(c.text)) <= 8:
            return c
        if _subtitle_of(best, c, body):
            return c
    return best


SUBTITLE = re.compile(r"^(?:\s*[:：,]\s+|\s+[-–—]\s+)(?P<s>\S.*)$")


def _subtitle_of(best: Candidate, c: Candidate, body: str) -> bool:
    """'Star Wars - The Force Awakens' over the 'Star Wars' its dash split off, 'Three
    Billboards Outside Ebbing, Missouri' over the part before its comma: the slug spells the
    whole and nothing else, the part after the separator is a short capitalised name, and the
    body names that part too (a verdict after a colon, 'A Triumph', is rarely repeated) or
    names neither, leaving the slug as the only evidence."""
    if c.slug < 1.99 or c.slug < best.slug + 0.1 or not fold(c.text).startswith(fold(best.text)):
        return False
    m = SUBTITLE.match(c.text[len(best.text):])
    if not m:
        return False
    words = [w for w in m["s"].split() if any(ch.isalnum() for ch in w)]
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    return best.body_n == 0 or _count(m["s"].strip(QUOTES + ".!?"), body) >= 1


def choose(page: ParsedPage, partial: dict[str, Any], body: str
           ) -> tuple[str | None, int | None, float]:
    """(title, year, confidence in 0..1) or (None, None, 0) when no candidate is credible."""
    if any(w.startswith("jsonld_several_films_reviewed") for w in page.cache.get("warnings", [])):
        return None, None, 0.0
    heads = raw_headlines(page, partial)
    if heads and ROUNDUP.search(heads[0][1]):
        return None, None, 0.0
    cands = candidates(page, partial)
    if not cands:
        return None, None, 0.0
    known = {fold(c.text) for c in cands}
    extra = [Candidate(span, c.year, c.origin, False, segment="span") for c in cands
             if c.whole and len(c.text.split()) > 6 for span in _sub_spans(c.text)
             if fold(span) not in known]
    slug, folded_body, emphasised = set(slug_tokens(page.url)), fold(body), _emphasised(page)
    _shadow(cands, extra, folded_body, SHADOWED)
    for c in cands + extra:
        c.score = _score(c, slug, folded_body, emphasised)
    cands += extra
    best = max(cands, key=lambda c: (c.score, c.whole, len(c.text)))
    page.cache["title_candidates"] = [(c.text, round(c.score, 2)) for c in cands]
    model = title_ranker.load(FEATURES)
    hand = None  # the hand weights' pick: the answer without a model, a baseline in training
    if best.score >= 0.5 and (model is None or FEATURE_SINK is not None):
        hand = _whole_title(best, cands, folded_body)
    # the hard vetoes stay rules: no words but stop words, a lone year split off "X (2022)",
    # a capitalised run of a sentence headline the body does not repeat
    eligible = [c for c in cands if c.score > VETO]
    if eligible and (model is not None or FEATURE_SINK is not None):
        rows = [_features(c, cands, slug, folded_body, emphasised) for c in eligible]
        if FEATURE_SINK is not None:
            FEATURE_SINK.append({"url": page.url, "hand": hand.text if hand else None,
                                 "candidates": list(zip([c.text for c in eligible], rows,
                                                        strict=True))})
    if model is not None:
        # whether the page names a film at all stays the evidence threshold's call (a
        # review with no title is lost whole); which candidate it is, the model's
        if best.score < 0.5 or not eligible:
            return None, None, 0.0
        probs = [model.probability(r) for r in rows]
        ranked = sorted(zip(probs, eligible, strict=True),
                        key=lambda pc: (-pc[0], -len(pc[1].text)))
        p_best, chosen = ranked[0]
        chosen = _whole_title(chosen, eligible, folded_body)
        close = [c for p, c in ranked[1:] if fold(c.text) != fold(chosen.text)
                 and p > p_best / 2]
        return chosen.text, _year_of(chosen, cands), (0.9 if not close else 0.6)
    if hand is None:
        return None, None, 0.0
    others = [c for c in cands if fold(c.text) != fold(hand.text) and c.score > hand.score - 0.5]
    return hand.text, _year_of(hand, cands), (0.9 if not others else 0.6)


# every part cut from a whole headline (not a quoted name, nor the body's marked works);
# spans alone were tried first and changed no corpus page
SHADOWED = ("span", "first", "middle", "last", "part")


def _shadow(cands: list[Candidate], extra: list[Candidate], body: str,
            segments: tuple[str, ...]) -> None:
    """A part of a whole headline is named on its own only where the body names it outside
    the whole: each mention of the whole counts against the part as often as the whole
    holds it."""
    wholes = [(w, fold(w.text)) for w in cands if w.whole]
    counts: dict[str, int] = {}
    for c in cands + extra:
        if c.whole or c.segment not in segments:
            continue
        key = fold(c.text)
        for w, wkey in wholes:
            if key != wkey and key in wkey:
                if wkey not in counts:
                    counts[wkey] = _count(w.text, body)
                if counts[wkey]:
                    c.shadow = max(c.shadow, counts[wkey] * _count(c.text, wkey))


def _year_of(best: Candidate, cands: list[Candidate]) -> int | None:
    return best.year or next((c.year for c in cands if c.year and
                              fold(best.text) in fold(c.text)), None)


def critic_in_headlines(page: ParsedPage, partial: dict[str, Any]) -> str | None:
    """'X (2021) review by Jane Doe • Site', 'A review of X by Jane Doe': a byline written
    into the headline, where a page shows no other (Letterboxd's titles, group blogs)."""
    for _, text in raw_headlines(page, partial):
        if m := REVIEW_BY.search(text):
            return m["n"].strip()[3:].strip()  # after "by "
        if (m := REVIEW_OF.match(" ".join(text.split()))) and m["n"]:
            return m["n"]
    return None
