"""Is this page a film review? Evidence, not a guess by one signal.

Review sites also publish TV, book, album, game and gadget reviews, news, interviews,
box-office reports, festival line-ups and database pages, and many of them mention films.
A page is kept as a film review unless the evidence says it is something else:

1. schema.org types and og:type (a Review of a TVSeries, a MusicAlbum page, a Book …);
2. the URL path, article section, tags and breadcrumbs ("/tv/", "/books/", "Fernsehserie");
3. headline cues ("Season 1", "3×09", "Album of the Week", "(livro)", "Box Office:",
   "Interview");
4. the body's vocabulary: words about episodes, albums, chapters or gameplay outnumbering
   words about films, in the languages of the corpus.

Strong signals (1, 3) decide alone; weak ones (2, 4) must agree. The result is a kind
(film_review | not_film_review | uncertain) with the evidence that decided it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from criticdb.scrapers.extract import jsonld, titles
from criticdb.scrapers.extract.main_text import words_of
from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.text_rules import visible_text

FILM_TYPES = {"Movie", "Film", "ScreeningEvent"}
OTHER_TYPES = {
    "TVSeries": "tv", "TVSeason": "tv", "TVEpisode": "tv", "Episode": "tv",
    "CreativeWorkSeason": "tv", "VideoGame": "game", "Game": "game",
    "SoftwareApplication": "product", "MobileApplication": "product",
    "MusicAlbum": "music", "MusicRecording": "music", "MusicGroup": "music",
    "MusicEvent": "music", "MusicComposition": "music", "Book": "book", "Audiobook": "book",
    "Product": "product", "TheaterEvent": "theatre", "Recipe": "other", "Restaurant": "other",
}
OG_KINDS = {"video.tv_show": "tv", "video.episode": "tv", "music.album": "music",
            "music.song": "music", "music.musician": "music", "books.book": "book",
            "book": "book", "product": "product", "game": "game"}
# URL path segments, sections, tags and breadcrumbs.
SECTION_KINDS = {
    "tv": r"tv|television|televisi[oó]n|series?|serien|fernsehen|fernsehserie|tv-shows?|"
          r"streaming-series|episodes?|seasons?|staffel",
    "music": r"music|musik|m[uú]sica|musique|albums?|songs?|concerts?|artists|tour-dates|"
             r"album-of-the-week",
    "book": r"books?|livros?|livres?|libros?|b[uü]cher|buch|literature|literatura|"
            r"litt[eé]rature|reading",
    "game": r"games?|gaming|video-?games?|jeux|videojuegos",
    "theatre": r"theat(?:er|re)|teatro|th[eé][aâ]tre|stage|broadway",
    "product": r"gadgets?|tech|hardware|products?|shop|store",
    "news": r"news|noticias|nachrichten|actualit[eé]s|heat-vision|box-office|business|"
            r"awards?|interviews?|entrevistas?|features?|featurepages",
}
FILM_SECTIONS = (r"films?|movies?|cinema|kino|cine|filmes?|pel[ií]culas?|movie-reviews?|"
                 r"电影|電影|影评|影評|映画|영화|"
                 r"film-reviews?|filmkritik(?:en)?|critiques?-films?|reviews?|criticas?|"
                 r"kritiken?|rezensionen?|recensioni")
# stage venues and game platforms, as headlines name them
VENUES = (r"(?:theat(?:re|er)|playhouse|opera house|vic|barbican|lyceum|palladium|donmar|"
          r"almeida|coliseum|wigmore hall|royal albert hall|southbank centre)")
PLATFORMS = (r"ps[345]|ps vita|playstation [345]|xbox(?: one| series [xs])?|nintendo switch|"
             r"switch|pc|steam deck|3ds|wii u|ios|android")


def _review_of(nouns: str) -> str:
    """"Crítica da série X", "Critique du livre X", "Recensione del disco X": a review label,
    a preposition, then the word for what is reviewed, the usual Romance-language headline.
    (Not English nouns: "Review of The Game" is a film's.)"""
    return (r"\b(?:crítica|critica|critique|recensione|reseña|resenha|review)\s+"
            r"(?:de|da|do|das|dos|del|della|dello|des|du|of)\s+"
            r"(?:(?:la|el|o|a|il|lo|the)\s+|l['’])?" rf"(?:{nouns})\b")


HEADLINE_KINDS = {
    "tv": r"\bseason\s+\d+|\bstaffel\s+\d+|\btemporada\s+\d+|\bsaison\s+\d+|\bepisode\b|"
          r"\bs\d{1,2}\s?e\d{1,2}\b|\b\d{1,2}\s?[x×]\s?\d{1,2}\b|\bthe complete season\b|"
          r"\b(?:tv|web)[- ]series\b|\bminiseries\b|"
          r"\b(?:new|limited|drama|comedy|anthology|docu-?)\s*series\b|\bserienkritik\b|"
          r"\((?:s[ée]rie|serie|series|miniseries)\b[^)]*\)|"
          + _review_of(r"s[ée]ries?|serie|minis[ée]rie|temporada|saison|stagione|novela"),
    "music": r"\balbum(?: of the week)?\b|\bmusic review\b|\bep review\b|\btour dates\b|"
             r"\bconcerts?\b|\btickets\b|\bdiscography\b|"
             + _review_of(r"disco|álbum|album|disque|concerto|concierto"),
    "book": r"\((?:book|livro|livre|libro|buch|novel|roman)\)|\bbook review\b|\bj'ai lu\b|"
            r"\bi read\b|\bbuchkritik\b|\bnovel\b|"
            # "Title by Author review – …": newspapers' book-review headline (two or more
            # capitalised words for the author, so "Stand by Me review" is not one)
            r"\bby\s+(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+review\b|"
            + _review_of(r"livros?|libros?|livres?|romance|roman|novela|romanzo|buch"),
    "theatre": r"\btheat(?:er|re) review\b|\bplay by\b|\bmusical review\b|\bstage review\b|"
               r"\bon broadway\b|"
               # "Title, Venue, review" / "Title at the Venue review": a stage venue named
               rf"(?:,|\bat)\s+(?:the\s+)?[^,]{{0,40}}\b{VENUES}\b[^,]{{0,20}},?\s+review\b|"
               r"\btheaterkritik\b|" + _review_of(r"obra|pièce|pe[çc]a|spettacolo"),
    "game": r"\bgame review\b|\b(?:ps[45]|xbox|switch|3ds|wii u|pc)\b.*\breview\b|"
            # "X review (PS5)", "X review – Switch": the platform after the review
            rf"\((?:{PLATFORMS})(?:\s*/\s*(?:{PLATFORMS}))*\)|\breview\s*[-–—|:]\s*(?:{PLATFORMS})\s*$|"
            + _review_of(r"jogo|juego|jeu|gioco|videojuego|videogioco"),
    # podcasts and audiobooks are reviewed with film words ("episode", "cast") but are not films
    "audio": r"\bpodcast\b|\baudiobook\b|\bradio play\b",
    "news": r"\bbox office\b|\binterview\b|"
            # year lists and favourites: "Favorite movies of 2018", "His Best Films of 2014"
            # ("X is the best film of the year" is a verdict on one film, not a list)
            r"(?<!\bis the )(?<!\bwas the )(?<!\bis my )(?<!\bwas my )"
            r"\b(?:best|favou?rite|worst)\s+(?:films?|movies?)\s+(?:of\s+(?:the\s+)?(?:year|"
            r"decade|(?:19|20)\d{2})|of all time|so far|till date|to date)\b|"
            r"\bentrevista\b|\btrailer\b|\bteaser\b|"
            r"\bline-?up\b|\bin competition\b|\ben competencia\b|\bawards?\b|\boscars?\b|"
            r"\byear in review\b|\bannounce[sd]?\b|\btop \d+\b|"
            r"^\d+ (?:interesting|things|facts|reasons|observations)\b|"
            # listicles in any language: a count, two words, then "about"
            r"^\d+\s+\S+\s+\S+\s+(?:about|о|об|про|sobre|über|sur|su)\s|"
            # year recaps: "2023 in Movies", "My Year in Film"
            r"^(?:my\s+)?(?:19|20)\d{2}\s+in\s+(?:movies|films?|cinema)\b|"
            r"\bmy year in (?:movies|films?)\b|"
            # a year's results, in Russian: "Кино. Итоги 2015 года"
            r"\bитоги\b",
    # adverts for film-making classes: "【线上课程】零基础…", "21天…训练营", "an online course",
    # "电影私塾…全能班" (a private school's all-round class)
    "course": r"课程|課程|训练营|訓練營|零基础|零基礎|私塾|全能班|\bonline course\b",
    # film in the camera's sense: stocks, development, the photographer's brands
    "photography": r"\bfilm (?:stocks?|cameras?|photography|simulations?|scans?)\b|"
                   r"\b(?:35|120|110)\s?mm film\b|\bc-41\b|\be-6 (?:process|development)\b|"
                   r"\bportra\b|\bilford\b|\bektar\b|\btri-x\b|\bdarkroom\b",
    # a periodical's numbered issue: "第1期", "Weekly, issue #12"
    "periodical": r"第\s*\d{1,4}\s*期|\bissue\s+(?:#|no\.?\s*)?\d{1,4}\b",
    # shop pages: "[DVD] online at …", "(Widescreen Version)"
    "product": r"\[(?:dvd|blu-ray|vhs|4k)\]|\bonline at\b|\bbuy\b|\(widescreen version\)|"
               # not "<noun> review": film titles end in any noun ("Drive My Car review")
               r"\bhands-on\b|\bunboxing\b",
    # database and aggregator title pages: "Movie Reviews, Pictures", "Cast & Crew"
    "database": r"\b(?:movie|film) reviews, |\breviews, (?:pictures|trailers|photos)\b|"
                r"\bcast (?:&|and) crew\b|\bplot summary\b|\bshowtimes\b|\bfull credits\b",
}
BODY_WORDS = {
    "film": r"films?|filmen|filmene|filmer|filmes?|movies?|cinema|cinematic|cinematography|"
            r"director|directed|screenplay|screenwriter|filmmaker|pel[ií]culas?|peli|cine|kino|regie|"
            r"regisseur(?:in)?|r[eé]alisateur|r[eé]alis[eé]|long-m[eé]trage|pellicola|regista|"
            r"diretor|dire[cç][aã]o|roteiro|фильм\w*|кино|फिल्म|सिनेमा",
    "tv": r"episodes?|seasons?|series|showrunner|finale|sitcom|staffel|folgen?|serien?|"
          r"temporadas?|epis[oó]dios?|[eé]pisodes?|saisons?|s[eé]ries?",
    "music": r"albums?|songs?|tracks?|band|vocals|singer|lyrics|guitar|concerts?|tour|"
             r"chorus|melod(?:y|ies)|rapper|producer|beats",
    "book": r"books?|novels?|chapters?|pages|paperback|hardcover|livros?|livres?|libros?|"
            r"romans?|buch|bücher|cap[ií]tulos?|chapitres?|autora?|author|writer|prose",
    "game": r"games?|gameplay|players?|levels?|console|multiplayer|controller|boss(?:es)?|"
            r"nintendo|playstation|xbox|steam|indie",
    "product": r"battery|device|smartwatch|firmware|bluetooth|notifications|hardware|"
               r"specs|app|smartphone|batteria|dispositivo|add\s+to\s+cart|in\s+stock|"
               r"shipping|sku|buy\s+now|widescreen|fullscreen|dvd|blu-ray|region\s+\d",
    "theatre": r"playwright|stage|broadway|off-broadway|theat(?:er|re)|onstage|"
               r"scene\s+changes|play(?:'s)?\s+(?:is|was)",
}
# Announcements and trailer posts talk about a release to come, not about a film seen: a
# trailer and a release still ahead, together ("here is the trailer … out on 21 December").
TRAILER = re.compile(r"(?<!\w)(?:trailers?|traileren|teaser|bandes?[- ]annonces?)(?!\w)", re.I)
RELEASE_AHEAD = re.compile(
    r"(?<!\w)(?:sortira|sortie (?:en salles|pr[ée]vue)|release date|coming soon|"
    r"will be released|will hit (?:theaters|cinemas)|kinostart|startet am|estrenar[áa]|"
    r"se estrena|ser[áa] lan[çc]ado|estreia em|premieres? (?:on|in)|ventet (?:til|på)|"
    r"kommer på kino|in uscita|uscir[àa])(?!\w)", re.I)
# Fact sheets of database and catalogue pages: "Director: … Genre: … Runtime: … Plot: …".
FACT_LABELS = re.compile(
    r"(?<!\w)(director|directed by|genre|runtime|running time|release date|released|cast|"
    r"actors|starring|plot|synopsis|publisher|studio|country|language|budget|rated|"
    r"regie|genre|laufzeit|réalisateur|durée|sortie|género|duración|reparto|sinopsis)\s*:",
    re.I)
_FACT_LABELS_FOLDED = re.compile(FACT_LABELS.pattern)  # for lower-cased text (see _BODY_FOLDED)
YOU = re.compile(r"(?<!\w)(?:you|your|vous|votre|usted|tu|você|du|dich|ihr|sie|lei)(?!\w)",
                 re.I)
# Whole Latin-script words (a film word joined before them allowed: "moviereview",
# "Filmkritik"): "critical" is no "crítica", "Regierungskritik" (of a government) no review.
REVIEW_WORDS = re.compile(
    r"(?<![a-zà-ÿ])(?:movie|film|kino|cine)?[-_]?(?:reviews?|reviewed|reviewing|reviewers?|"
    r"cr[ií]ticas?|critiques?|kritik(?:en)?|rezension(?:en)?|rese[ñn]as?|recension(?:s|er)?|"
    r"recensioni?|anmeldelse[nr]?|arvostelu|recenzj[ae]|reactions?|verdicts?)(?![a-zà-ÿ])", re.I)
# Chinese, Japanese and Korean run words together, so their terms match without the word
# boundaries the other vocabularies need (a CJK character is itself a word character).
CJK_BODY_WORDS = {
    "film": r"电影|電影|影片|导演|導演|影院|映画|監督|영화|감독",
    # "这部剧" (this show), "第3集" (episode 3), "第二季" (season 2), "新番" (this season's
    # anime): Chinese TV reviews name episodes and seasons, rarely the medium itself
    "tv": r"电视剧|電視劇|剧集|ドラマ|드라마|第[一二三四五六七八九十百\d]{1,3}[集季]|"
          r"(?<!编)(?:本剧|这部剧|該劇|该剧|此剧|这剧|追剧|[美日韩英泰港台网国]剧|番剧|新番|"
          r"大结局|连续剧|每一集|每集|这一集|最后一集|上一集|下一集|本季|这季|季终)",
    "book": r"小说|小說|小説|소설",
    "game": r"游戏|遊戲|ゲーム|게임",
    "music": r"专辑|專輯|アルバム|앨범",
}
# The vocabulary counts read the body's first 20,000 characters: a review says what it is
# about long before that, and on long news pages the scan was the step's largest cost.
BODY_SCAN_CHARS = 20_000
# One scan of the body for every vocabulary (a named group per kind).
# The word boundaries sit outside the alternation, so each position is tried once, not once
# per vocabulary; CJK terms have a scan of their own, run only on pages written in CJK.
_BODY = re.compile(r"(?<!\w)(?:" + "|".join(rf"(?P<{k}>{v})" for k, v in BODY_WORDS.items())
                   + r")(?!\w)", re.I)
# The body scans match the lower-cased text case-sensitively: the same counts (no position
# is used) at a quarter of the case-blind scan's time, the step's largest cost.
_BODY_FOLDED = re.compile(_BODY.pattern)
_CJK_BODY = re.compile("|".join(rf"(?P<{k}>{v})" for k, v in CJK_BODY_WORDS.items()))
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_HEAD = {k: re.compile(v, re.I) for k, v in HEADLINE_KINDS.items()}
_SECTION = {k: re.compile(rf"^(?:{v})$", re.I) for k, v in SECTION_KINDS.items()}
_FILM_SECTION = re.compile(rf"^(?:{FILM_SECTIONS})$", re.I)


@dataclass
class Verdict:
    kind: str  # film_review | not_film_review | uncertain
    evidence: list[str] = field(default_factory=list)


def _types(page: ParsedPage) -> set[str]:
    found = set()
    for node in jsonld.nodes(page):
        found |= jsonld.types_of(node)
        for key in ("itemReviewed", "about", "mainEntity"):
            value = node.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    found |= {f"reviewed:{t}" for t in jsonld.types_of(item)}
    for t in page.xpath("//@itemtype")[:200]:
        found |= {x.rsplit("/", 1)[-1] for x in str(t).split()}
    return found


def _sections(page: ParsedPage) -> list[str]:
    path = [p for p in unquote(urlsplit(page.url).path).lower().split("/") if p][:-1]
    # one test per node rather than a union of scans, and the breadcrumb's class test (it
    # scans every element) only where the class index shows one: the same nodes
    # (found through the attributes: //meta/@property[…]/.., //a/@rel[…]/..)
    query = ("//meta/@property[.='article:section' or .='article:tag']/../@content"
             " | //a/@rel[contains(concat(' ', normalize-space(.), ' '), ' tag ') or "
             "contains(concat(' ', normalize-space(.), ' '), ' category ')]/..//text()")
    if page.by_class_part("breadcrumb"):
        query += " | //*[contains(@class, 'breadcrumb')]//a//text()"
    labels = page.strings(query)[:60]
    labels += _post_tags(page)
    words = [re.sub(r"\s+", "-", str(w).strip().lower()) for w in labels if str(w).strip()]
    return path + words


TAG_HREF = re.compile(r"/(?:tags?|categor(?:y|ies))/")


def _post_tags(page: ParsedPage) -> list[str]:
    """A post's own tag and category links (Hugo/Jekyll themes rarely mark them rel=tag),
    not a sidebar's, menu's or footer's tag cloud; a walk of the article, not a page XPath."""
    found: list[str] = []
    for container in page.xpath("//article | //main")[:2]:
        for a in container.iter("a"):
            if not TAG_HREF.search(a.get("href") or ""):
                continue
            if any(anc.tag in ("aside", "nav", "footer") for anc in a.iterancestors()):
                continue
            if text := " ".join(a.text_content().split()):
                found.append(text)
            if len(found) >= 30:
                return found
    return found


def _headlines(page: ParsedPage, partial: dict[str, Any]) -> list[str]:
    heads = [partial.get("headline") or "", partial.get("og_title") or ""]
    heads += [" ".join(e.text_content().split()) for e in page.xpath("//h1 | //title")[:4]]
    return [h for h in heads if h]


# A headline about films in the plural is a list, a roundup or a feature, not one film's
# review: "Films watched in 2022", "Movies about Hong Kong", "Covid Movie Reviews Part 2",
# "影单", "影评汇总", "十佳". Read on the page's own headlines (h1, og:title, the structured
# headline), not <title>, where a site's section ("| Movies |") stands. "One of the worst
# movies ever made" is said of one film.
PLURAL_FILMS = re.compile(r"\b(?:movies|films|filmes|películas|фильмы)\b|"
                          r"影单|影單|片单|片單|汇总|彙總|合集|十佳|盘点|盤點|影荐|影薦", re.I)
ONE_OF = re.compile(r"\bone of (?:the|my|his|her|their|our|this year's)\b|"
                    r"\b(?:uno|una|un) de (?:las|los|mes)\b|\bl'un des\b|"
                    # the review column's name before the title: "At the Movies: X"
                    r"\bat the movies\b", re.I)


# Reviews of films, a list of them, in a headline of one part: "Covid Movie Reviews Part 2",
# "Movie List for Prudence". With a separator the words are a site's or a column's name
# beside one film's title ("Night Ferry | Ada's Movie Reviews", "Film reviews: Night Ferry").
SEVERAL_REVIEWS = re.compile(r"\b(?:movie|film)\s+(?:reviews|list)\b", re.I)
HEAD_SEPARATOR = re.compile(r"[|:–—»«]|\s-\s")


def _plural_films(page: ParsedPage, partial: dict[str, Any]) -> str | None:
    own = [partial.get("headline") or "", *page.meta_content(("property", "og:title"))[:1],
           *(" ".join(e.text_content().split()) for e in page.xpath("//h1")[:2])]
    for head in own:
        m = PLURAL_FILMS.search(head)
        if m is None and not HEAD_SEPARATOR.search(head):
            m = SEVERAL_REVIEWS.search(head)
        # a blog's name in its <h1> ("Movies I Love", "Bob's Movie Reviews") is no headline
        if m and not ONE_OF.search(head) \
                and not titles.is_site_name(head, titles.site_names(page, partial),
                                            urlsplit(page.url).netloc):
            return f"headline speaks of films in the plural ({m[0]!r}): a list or a feature"
    return None


def _several_titles(heads: list[str]) -> bool:
    """'Screenshot : «Vape Wave», «6 Days», «Alphonse Président»…': a round-up."""
    return any(len(re.findall(r"[«“\"'‘][^«»“”\"'‘’]{2,60}[»”\"'’]", h)) >= 3 for h in heads)


def _typed(page: ParsedPage) -> tuple[Verdict | None, bool, list[str]]:
    """Strong evidence from schema.org and og:type: (a verdict or None, film-typed, why);
    computed once per page (`early` and `judge` both ask)."""
    if "typed" not in page.cache:
        page.cache["typed"] = _typed_uncached(page)
    verdict, film, evidence = page.cache["typed"]
    return verdict, film, list(evidence)


def _typed_uncached(page: ParsedPage) -> tuple[Verdict | None, bool, list[str]]:
    types = _types(page)
    reviewed_other = {OTHER_TYPES[t.split(":", 1)[1]] for t in types
                      if t.startswith("reviewed:") and t.split(":", 1)[1] in OTHER_TYPES}
    film = any(t.split(":", 1)[-1] in FILM_TYPES for t in types)
    evidence = ["schema.org Movie"] if film else []
    if reviewed_other and not film:
        return Verdict("not_film_review", [f"schema.org review of a {k}"
                                           for k in sorted(reviewed_other)]), False, []
    page_other = {OTHER_TYPES[t] for t in types if t in OTHER_TYPES}
    og = (page.meta_content(("property", "og:type")) or [""])[0].strip().lower()
    if og in OG_KINDS:
        page_other.add(OG_KINDS[og])
    elif og == "video.movie":
        film = True
        evidence.append("og:type video.movie")
    if page_other and not film:
        return Verdict("not_film_review", [f"page typed as {k}" for k in sorted(page_other)]), \
            False, []
    return None, film, evidence


def _headline_verdict(page: ParsedPage, heads: list[str]) -> Verdict | None:
    key = "headline_verdict\x00" + "\x00".join(heads)
    if key not in page.cache:
        page.cache[key] = _headline_verdict_uncached(page, heads)
    return page.cache[key]


def _headline_verdict_uncached(page: ParsedPage, heads: list[str]) -> Verdict | None:
    description = " ".join(page.meta_content(("name", "description"),
                                             ("name", "Description"))[:1])
    # each distinct text once: the structured headline, og:title, <h1> and <title> often
    # repeat one another (the test is on the text, so the kinds found are the same)
    texts = list(dict.fromkeys([*heads, description]))
    kinds = sorted({k for k, rx in _HEAD.items() for h in texts
                    if rx.search(h) and (k == "database" or h != description)})
    if kinds:
        return Verdict("not_film_review", [f"headline: {k}" for k in kinds])
    if _several_titles(heads):
        return Verdict("not_film_review", ["headline names several titles (a round-up)"])
    return None


STUB_WORDS = 3
LISTING_LINES, LISTING_CHARS = 20, 400


def _text_size(text: str | None) -> int | None:
    """Words as main_text counts them (a CJK character half of one); None for no text."""
    return None if text is None else words_of(text)


LIST_ENTRY = re.compile(r"[(\[（]\s*(?:18|19|20)\d{2}\s*[)\]）]|《[^》]{1,40}》|「[^」]{1,40}」")


def _form_verdict(page: ParsedPage, body: str, says_review: bool) -> str | None:
    """Pages shaped like something else: an announcement, an interview, a fact sheet."""
    # A program listing: twenty lines and more of <pre> make a programming post (a film
    # blog's tutorial, a data analysis of films); the reviews of the corpus had ten at most
    listing = [el.text_content() for el in page.xpath("//pre")[:50]] \
        if "<pre" in page.text or "<PRE" in page.text else []  # (most pages have none)
    lines = sum(text.count("\n") for text in listing)
    if lines >= LISTING_LINES and sum(len(text) for text in listing) >= LISTING_CHARS:
        return f"a program listing of {lines} lines (a programming post)"
    if not says_review and TRAILER.search(body) and RELEASE_AHEAD.search(body):
        return "a trailer and a release to come; no review cue"
    paragraphs = [p for p in body.split("\n") if p.strip()]
    # An interview asks its guest: questions in the second person, paragraph after paragraph.
    questions = sum(p.rstrip(" *_").endswith("?") and bool(YOU.search(p)) for p in paragraphs)
    if questions >= 4 and questions >= 0.1 * len(paragraphs):
        return f"{questions} of {len(paragraphs)} paragraphs are questions (an interview)"
    # A list of films: line after short line naming a dated or marked work, "Vertigo (1958)",
    # "《花样年华》". Reviews name a few other films; eight such lines was the most on one.
    entries = sum(len(p.strip()) <= 90 and bool(LIST_ENTRY.search(p)) for p in paragraphs)
    if entries >= 10 and entries >= 0.3 * len(paragraphs):
        return f"{entries} of {len(paragraphs)} paragraphs are dated or marked works (a list)"
    prose = len(_FACT_LABELS_FOLDED.sub("", body.lower()).split())
    if prose >= 200 or says_review:
        return None  # not a fact sheet, whatever its labels (the page scan is the cost)
    # labels from the whole page (extractors trim fact lines off a body's edges)
    labels = set(_FACT_LABELS_FOLDED.findall(visible_text(page).lower()))
    if len(labels) >= 4:
        return f"a fact sheet ({len(labels)} labels, {prose} words) and no review cue"
    return None


def early(page: ParsedPage, partial: dict[str, Any]) -> Verdict | None:
    """The verdict strong evidence gives before any text is read: schema.org/og:type, or a
    headline that says what else the page is. `judge` starts with it, so a page
    rejected here would be rejected there; the cascade skips the text layers for it."""
    verdict, film_typed, _ = _typed(page)
    if verdict is not None or film_typed:
        return verdict
    if verdict := _headline_verdict(page, _headlines(page, partial)):
        return verdict
    if "plural_films" not in page.cache:  # early() is asked twice a page
        page.cache["plural_films"] = _plural_films(page, partial)
    if reason := page.cache["plural_films"]:
        return Verdict("not_film_review", [reason])
    return None


def judge(page: ParsedPage, partial: dict[str, Any], body: str) -> Verdict:
    if (verdict := early(page, partial)) is not None:
        return verdict
    _, film_typed, evidence = _typed(page)
    heads = _headlines(page, partial)
    sections = _sections(page)
    section_kinds = sorted({k for s in sections for k, rx in _SECTION.items() if rx.match(s)})
    film_section = any(_FILM_SECTION.match(s) for s in sections)
    counts = dict.fromkeys(BODY_WORDS, 0)
    scanned = body[:BODY_SCAN_CHARS]
    for m in _BODY_FOLDED.finditer(scanned.lower()):
        counts[m.lastgroup or "film"] += 1
    if cjk := bool(_CJK_CHAR.search(scanned)):
        for m in _CJK_BODY.finditer(scanned):
            counts[m.lastgroup or "film"] += 1
    film_words = counts.pop("film")
    other_kind, other_words = max(counts.items(), key=lambda kv: kv[1])
    evidence.append(f"body words: film {film_words}, {other_kind} {other_words}")
    evidence += ["section: " + ", ".join(section_kinds)] if section_kinds else []
    evidence += ["film section"] if film_section else []
    if film_typed:
        return Verdict("film_review", evidence)
    says_review = bool(partial.get("rating_raw")) or any(
        REVIEW_WORDS.search(x) for x in [*heads, page.url, *sections])
    if (size := _text_size(partial.get("body_text"))) is not None and size <= STUB_WORDS \
            and not partial.get("rating_raw"):
        # a review says something: a post of three words and no rating is a stub, a photo
        # or a tool page (the shortest development-fold review ran to five)
        return Verdict("not_film_review", evidence + [f"{size} words of text and no rating"])
    if reason := _form_verdict(page, body, says_review):
        return Verdict("not_film_review", evidence + [reason])
    if film_words == 0 and other_words >= 2:
        return Verdict("not_film_review", evidence + ["no film vocabulary"])
    # Weak signals must agree: a section of another kind and a body that talks about it.
    for kind in section_kinds:
        if counts.get(kind, 0) >= max(2, film_words):
            return Verdict("not_film_review", evidence + [f"{kind} section and vocabulary"])
    if other_words >= (4 if cjk else 6) and other_words > 2 * max(film_words, 1) and not (
            film_section and says_review and other_kind != "tv"):
        # tagged "film review", the songs are the film's; a series' episodes and seasons
        # outnumbering the film words are television wherever the blog files them
        return Verdict("not_film_review", evidence + [f"body is about a {other_kind}"])
    if "news" in section_kinds and not says_review:
        return Verdict("not_film_review", evidence + ["news section, no review cue"])
    # a headline that names the medium ("Four Lions – great film") says what the page is of
    head_film = sum((m.lastgroup or "film") == "film" for x in heads for m in _BODY.finditer(x))
    if film_words + head_film <= (0 if cjk else 1) and not film_section and not says_review:
        # nothing on the page calls it a review, and one passing "film" is not a film's
        # review ("What is the sea telling us?", a science feature naming one documentary);
        # Chinese and Japanese reviews name the medium rarely (电影 is the title's genre, not
        # repeated), so there none at all is the bar
        return Verdict("not_film_review", evidence + ["no film vocabulary, no review cue"])
    if film_words + head_film == 0 and not film_section and not partial.get("rating_raw") \
            and not any(REVIEW_WORDS.search(x) for x in heads):
        # not one film word anywhere, no film section, and only the URL or a tag says
        # "review": a review of something else, or a page that is no review at all
        return Verdict("not_film_review", evidence + ["no film vocabulary at all"])
    if film_words == 0 and not film_section:
        return Verdict("uncertain", evidence + ["no film vocabulary"])
    return Verdict("film_review", evidence)
