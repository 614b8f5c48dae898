"""The critic's rating as written in visible text, image alt texts and labels.

Each form below is a convention seen on many unrelated review sites; a number counts as a
rating only when something says so (a label, a denominator, stars), because bare numbers in
prose are years, runtimes and ages far more often than ratings. A score attributed to
readers, audiences or an aggregator (IMDb, Rotten Tomatoes, …) is never the critic's.
"""

from __future__ import annotations

import functools
import re

from criticdb.scrapers.extract.words import word_char

# "Rating:", "Our verdict –", "Mi valoración:", "Note :", "Bewertung:", "Voto:" … (a possessive
# before the label changes nothing, so patterns start at the label: re skips ahead faster)
LABEL = (r"(?:rating|score|grade|verdict|stars|overall|puntuaci[oó]n|valoraci[oó]n|"
         r"calificaci[oó]n|puntuaci[oó]n\s+final|valoraci[oó]n\s+final|calificaci[oó]n\s+final|"
         r"voto\s+finale|valutazione\s+finale|nota(?:\s+final)?|note(?:\s+finale)?|bewertung|wertung|voto|giudizio|avalia[cç][aã]o|cote|betyg|"
         r"karakter|arvosana|ocena|punteggio|valutazione|beoordeling|cijfer|puan|puntaje|"
         r"hodnocen[ií]|rated(?=\s*:)|оценка|평점|별점)")
OF = r"(?:/|out\s+of|sobre|von|de|su|sur|af|av|uit|z|из)"
NUM = r"\d{1,3}(?:[.,]\d{1,2}|½)?"  # "3½" too ("3 1/2" is read as "3½" first)
HALF = r"(?:\s*(?:½|1/2|\.5))?"
UNIT = (r"(?:stars?|popcorns?|reels?|points?|puntos?|punkte?|étoiles?|estrellas?|estrelas?|"
        r"stelle|sterne|stjerner|stjärnor)")

# (a plain "A" with a word after it on its line is the article: "Verdict: A strong film")
LABELLED_LETTER = re.compile(
    rf"\b{LABEL}\b\s*[:\-–—=]?\s*(?P<g>(?-i:[A-F])(?:\s?[+\-−–])?)(?=$|[\s.,;:!)|/]|\s*\()"
    r"(?!(?<=A)[ \t]+(?-i:[A-Za-z]{2}))", re.I)
# "Grade: B+", and spelled out, "Grade: B-minus", "Grade: A plus"
GRADE_LETTER = re.compile(r"\bgrade\s*:?\s*(?P<g>(?-i:[A-F])[+\-−]?)(?P<pm>[-\s](?:plus|minus)\b)?"
                          r"(?![A-Za-z+\-−])", re.I)
# "2 1/2", the newspaper's half: read as "2½" before any pattern (not "1/2 of the popcorn")
SPACED_HALF = re.compile(r"(?<![\d/.,])(\d{1,2})\s+1/2(?![\d/])")
# "2½ stars", "(3 1/2 stars)": a count of stars with a half is a rating without a label (a
# whole "3 stars" alone may be a cast's or a hotel's)
HALF_STARS = re.compile(rf"(?=\d½)(?<![\w.,/])(?P<v>\d½)\s+{UNIT}\b", re.I)
LABELLED_FRACTION = re.compile(
    rf"\b{LABEL}\b[^\w★*]{{0,5}}(?P<v>{NUM})\s*\(?\s*{OF}\s*(?P<b>{NUM})(?![\d/])", re.I)
# "Score: 72%": a labelled percentage is out of 100 (not "72% of the film")
LABELLED_PERCENT = re.compile(
    rf"\b{LABEL}\b\s*[:=\-–—]?\s*(?P<v>\d{{1,3}}(?:[.,]\d)?)\s*%"
    rf"(?!\s*(?:of|de|des|du|der|di|van)\b)", re.I)
# "3 out of 4", "7 von 10 Punkten"; not a count of things ("25 von 30 Millionen Menschen")
QUANTITY = (r"mil+i?on\w*|billion\w*|milliard\w*|thousand|tausend|hundred|hundert|menschen|"
            r"people|persons?|personnes|persone|personas|pessoas|leute|einwohner|years?|jahren?|"
            r"ans|anni|años|anos|children|kinder|cases|fälle|times|mal|votes|stimmen|euro|dollars?")
# A pattern led by a lookahead of the characters its matches can start with ("(?=[DdRr])",
# "(?=\d)"): Python's engine then jumps between those characters instead of trying its
# lookbehind and alternation at every position; the same matches, two to four times faster
# (tests/test_text_rules.py checks them against the patterns without it).
OUT_OF = re.compile(
    rf"(?=\d)(?<![\w.,/])(?P<v>{NUM}|\d½)\s+(?:{UNIT}\s+\(?)?(?:out\s+of|sobre|von|su|sur)\s+"
    rf"(?P<b>{NUM}|four|five|ten)(?:\s*\)?\s*{UNIT})?(?=$|[\s.,;:!?)])(?!\s+(?:{QUANTITY})\b)",
    re.I)
# "Bild 1 von 10", "Page 2 out of 5", "Foto 3 sobre 8": a gallery's or a list's counter
COUNTER = re.compile(r"(?:\b(?:bild|foto|photo|image|slide|seite|page|p[áa]gina|teil|part|folge|"
                     r"episode|kapitel|chapter|schritt|step|nr|no|frage|question)\.?|#)\s*$",
                     re.I)
LABELLED_STARS = re.compile(rf"\b{LABEL}\s*[:\-–—=]?\s*(?P<v>{NUM}){HALF}\s+{UNIT}\b", re.I)
# a lone ★ is decoration ("★ Editor's pick", "4/5 ★"); a rating has two symbols or a half
GLYPHS = re.compile(r"(?P<full>★+)(?P<half>½?)(?P<empty>☆*)(?<!(?<![★☆])★)")
# "★★½ (out of four)", "★★★ out of 5": the scale written after the glyphs
GLYPHS_OUT_OF = re.compile(r"\s*\(?\s*(?:out\s+of|/)\s*(?P<b>4|5|10|four|five|ten)\b", re.I)
# "4/5 ★", "3.5/5 stars": a fraction marked as stars needs no label
FRACTION_STARS = re.compile(
    rf"(?=\d)(?<![\w.,/])(?P<v>{NUM})\s*/\s*(?P<b>{NUM})\s*(?:[★☆]|{UNIT}\b)", re.I)
# "Оценка 7 из 10" (Russian); "z" is Polish
# "Rating: 8", "Voto: 7,5", "Stars: 3": a labelled number standing alone (not "18+", not
# "2 hours"); its scale is the site's or learned, except after "stars". The number is read
# whole or not at all: "Rating: 8.5 Director…" is not "Rating: 8" before a full stop.
LABELLED_NUMBER = re.compile(
    rf"\b(?P<l>{LABEL})\s*[:=]\s*(?P<v>\d{{1,3}}(?:[.,]\d{{1,2}}|½)?)(?![.,]?\d)"
    rf"(?=\s*(?:$|[.;!|)\]]|\n))", re.I)
# "Some Film (1979) ***½" or "Rating: ***": ASCII stars after a year or a label.
STARS_AFTER = r"\s*(?P<s>\*{1,5})(?P<h>\s?(?:½|1/2))?(?!\*)"
YEAR_STARS = re.compile(rf"\((?:18|19|20)\d{{2}}\){STARS_AFTER}")
LABELLED_ASCII_STARS = re.compile(rf"\b{LABEL}\s*[:\-–—]?{STARS_AFTER}", re.I)
# "***1/2 out of ****", "** / ****": the scale drawn in stars too (the newspaper film-guide
# convention review blogs keep; Ebert's and Maltin's guides were out of four)
# "THE DARK KNIGHT *** 1/2 (PG-13)", '"Night Ferry" *** (out of four)': a newspaper capsule's
# ASCII stars before the film's MPAA rating or their scale (two or more: "*" is a footnote)
ASCII_CAPSULE = re.compile(
    r"(?<![*\w])(?P<s>\*{2,5}|\*(?=\s?(?:½|1/2)))(?P<h>\s?(?:½|1/2))?(?!\*)\s*"
    r"(?:\(\s*(?:G|PG|PG-13|R|NC-17|NR|not rated|unrated)\b|"
    r"\(?\s*out\s+of\s+(?P<b>four|five|4|5)\b)", re.I)
ASCII_OF_ASCII = re.compile(r"(?<![*\w])(?P<s>\*{1,5})(?P<h>\s?(?:½|1/2))?\s*(?:out\s+of|/|of)\s*"
                            r"(?P<t>\*{2,5})(?!\*)", re.I)


# Chinese: "个人评分 6.5/10", "总评：满分10分，我给6.1分", "值8.5分", "我给它打7分": a score
# label or "I give", then points; 分 scores are out of 10 unless a 满分 ("full marks") says not.
# Traditional characters too ("個人評分", "我給它打8分": Taiwan's and Hong Kong's blogs).
# not Douban's, Maoyan's, Mtime's or IMDb's score; whose score a label says, before it
_NOT_AGGREGATOR = r"(?<!豆瓣)(?<!猫眼)(?<!時光網)(?<!时光网)(?<!IMDb)(?<!imdb)"
# (a recommendation index, "推荐指数：8/10", and "给分"/"分数" labels the same)
_SCORE_LABEL = (r"(?:(?:个人|個人|我的|综合|綜合|最终|最終)?[评評]分|"
                r"推荐指数|推薦指數|推荐度|推薦度|[给給]分|分[数數])")
CJK_SCORE = re.compile(
    rf"(?:{_NOT_AGGREGATOR}{_SCORE_LABEL}|打分|[总總]評|总评|"
    r"我[给給](?:它|[这這]部(?:电影|電影|片子?)|本片)?(?:打)?|(?<![价價数數])值)\s*[:：]?\s*"
    r"(?P<v>\d{1,2}(?:\.\d)?)\s*(?:[/／]\s*(?P<b>\d{1,3})(?!\d)|分)")
FULL_MARKS = re.compile(r"[满滿]分\s*(\d{1,3})\s*分")
# Japanese: "評価：80点", "個人的な評価は70点", "採点：4点（5点満点）": points after a score
# label, out of 100 unless a 点満点 ("full marks") beside them says otherwise
JA_POINTS = re.compile(r"(?:評価|点数|採点|得点)\s*(?:[:：]|は)?\s*(?P<v>\d{1,3})\s*点(?!満点)")
JA_FULL_MARKS = re.compile(r"(\d{1,3})\s*点満点")
# "10点満点中7点": full marks first, then the points among them
JA_OUT_OF = re.compile(r"(?P<b>\d{1,3})\s*点満点\s*(?:中|で)\s*(?P<v>\d{1,3}(?:\.\d)?)\s*点")
# "评分：8.5", "个人评分：7。": a bare score right after a score label and its colon, out of
# ten like the labelled 分 (Douban's and the audience's excluded as above)
CJK_BARE_SCORE = re.compile(
    rf"{_NOT_AGGREGATOR}{_SCORE_LABEL}\s*[:：]\s*(?P<v>\d{{1,2}}(?:\.\d)?)"
    r"(?=\s*(?:$|[。，,;；！!\s]))")
# "这部电影，我真的很喜欢。10分。": points standing as a sentence of their own, out of ten (not
# "90分钟", minutes, nor "第10分", a count: the number opens the sentence and ends it)
CJK_POINTS_ALONE = re.compile(r"(?:^|(?<=[\s。！!]))(?P<v>10|\d(?:\.\d)?)\s*分\s*[。！!]")
# "给打三星左右", "最后给四星半", "推荐三颗星": stars a critic gives, out of five like Douban's;
# a verb of giving before the count (not Douban's or the audience's: "豆瓣给了四颗星"), so
# "三星" alone (Samsung) and "五星级" (a hotel's class) are none, and only an end of phrase
# after it ("给三星打电话" calls Samsung)
CJK_STARS = re.compile(r"(?<!豆瓣)(?<!猫眼)(?<!时光网)(?<!网友)(?<!观众)(?<!IMDb)"
                       r"(?:(?:[打评評]分|推荐指数|推薦指數|推荐度|推薦度)\s*[:：]|打|给|給|評|评|推荐|推薦|"
                       r"打了|给了|给它|给出)\s*"
                       r"(?P<s>[一二两三四五1-5]\s*颗?星半?)(?=左右|吧|[。，,！!；;\s]|$)")
# Japanese "★4つ" / "星4つ" (four stars; not "星4つのホテル", a hotel's), and "★3.5": a star
# and a decimal count of stars
JA_STAR_COUNT = re.compile(r"(?:★|星)\s*(?P<v>[1-5](?:\.5)?)\s*つ(?!の)")
STAR_DECIMAL = re.compile(r"(?<![★☆\w])★\s*(?P<v>[0-5]\.\d)(?![\d/])")
# Korean points after 평점/별점 ("내 평점은 8점"): out of 10, or of 100 above 10
KO_POINTS = re.compile(r"(?:평점|별점)\s*(?:[:：]|은|는|이)?\s*(?P<v>\d{1,3}(?:\.\d)?)\s*점")
# "主观评分 🌟🌟🌟⭐", "Rating: ⭐⭐⭐⭐": star emoji right after a score label (alone they are
# decoration: "⭐ Editor's pick", "Thanks 🌟🌟")
EMOJI = "⭐🌟🍿"
EMOJI_STARS = re.compile(r"(?:(?<!豆瓣)(?<!猫眼)评分|打分|評価|평점|\brating|\bscore|\bstars|"
                         r"\bverdict|\bnote|\bnota)\s*[:：]?\s*"
                         rf"(?P<s>(?:[{EMOJI}]\ufe0f?){{1,5}})(?![{EMOJI}])", re.I)
# "it was a 6/10", "always be a 10/10 movie": a fraction the critic's verb gives the film
VERB_FRACTION = re.compile(
    rf"(?=[iwbgedr])\b(?:is|was|be|it's|its|gets?|got|earns?|deserves?|rate[sd]?|rating)\s+(?:a\s+|an\s+)?"
    rf"(?P<v>{NUM})\s*/\s*(?P<b>10|100)(?![\d/])", re.I)


# Every VERB_FRACTION match holds this: a scan led by a literal, run first
TENTHS = re.compile(r"/\s*10")


def _first_letters(alternation: str) -> str:
    """First letters of a `(?:a|b|…)` group's top-level alternatives."""
    depth, firsts, start = 0, set(), True
    for ch in alternation[3:-1]:
        if start:
            firsts.add(ch.lower())
            start = False
        depth += ch == "("
        depth -= ch == ")"
        start = ch == "|" and depth == 0
    return "".join(sorted(firsts))


# A lookahead on the labels' first letters lets the scan skip most positions of a long page
# before trying twenty alternatives at each (half the time of the plain pattern).
LABELS = re.compile(rf"\b(?=[{_first_letters(LABEL)}]){LABEL}\b", re.I)
LOWER_LABELS = re.compile(rf"{LABEL}\b")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "zero": 0}
# "three stars", "two and a half stars (out of four)", "three and a half out of four stars"
WORD_STARS = re.compile(r"(?=[zotf])\b(?P<w>zero|one|two|three|four|five)(?P<h>\s+and\s+a\s+half)?"
                        r"(?:(?:-|\s+)stars?\b(?:\s+\(?out\s+of\s+(?P<b>four|five)\b)?|"
                        r"\s+out\s+of\s+(?P<c>four|five)\s+stars?\b)", re.I)
# "I give it a 7", "Le doy un ocho", "Je lui donne 7", "Ich gebe ihm eine 8", "Gli do un 7":
# a critic's own verdict with no scale stated; the score needs the site's or the
# publication's scale (docs/scores.md), the extraction only reports the number.
SCORE_WORDS = {"cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
               "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "one": 1, "two": 2, "three": 3,
               "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "sieben": 7, "acht": 8, "neun": 9,
               "zehn": 10, "sette": 7, "otto": 8, "nove": 9, "dieci": 10}
GIVE = re.compile(
    r"(?=[iljgd])\b(?:i(?:'d| would)? give (?:it|this(?: film| movie)?)|le doy|le pongo|le daría|"
    r"je lui donne|je donne|ich gebe (?:ihm|ihr|dem film)|gli do|dou-lhe)\s+"
    r"(?:a |an |un |una |une |eine |einen |um |uma )?"
    rf"(?P<v>\d{{1,2}}(?:[.,]\d)?|{'|'.join(SCORE_WORDS)})\b"
    rf"(?:\s*(?:/|out of|sobre|von|sur|su)\s*(?P<b>\d{{1,3}}|{'|'.join(SCORE_WORDS)})\b)?"
    # "two thumbs up", "four stars" (the star rules read those), "a few more minutes"
    r"(?!\s+(?:thumbs?|stars?|estrellas?|étoiles?|sterne|hours?|minutes?|times?|of\b|more|"
    r"and\s+a\s+half))",
    re.I)
# "Rating: seven out of ten", "Nota: ocho sobre diez": a label, then the value and the
# scale both written out (the number-word form of LABELLED_FRACTION; without the label,
# "three out of ten people" is prose, so the label is required).
WORD = "|".join(SCORE_WORDS)
LABELLED_WORD_FRACTION = re.compile(
    rf"\b{LABEL}\b[^\w★*]{{0,5}}(?:a |an |un |una |une |eine |um |uma )?(?P<v>{WORD})"
    rf"(?P<h>\s+and\s+a\s+half)?\s+(?:out\s+of|sobre|von|sur|su)\s+(?P<b>{WORD}|\d{{1,3}})\b",
    re.I)
# Whose score it is when it is not the critic's (also read by rating_markup's labels)
RATER_WORDS = (r"readers?|audiences?|users?|community|members?|average|avg|visitors?|fans?|"
               r"viewers?|public|tomatometer|metascore")
AGGREGATOR_NAMES = (r"imdb|rotten\s+tomatoes|metacritic|letterboxd|filmaffinity|mubi|douban|"
                    r"kinopoisk|tmdb")
OTHER_RATERS = re.compile(
    rf"\b(?:{RATER_WORDS})\b(?:[^.!?]|(?<=[a-z])\.(?=\s*(?:[a-z0-9]|$))){{0,35}}$", re.I)
# An aggregator's name right before the number ("IMDb 8.6/10", "Metacritic: 71/100"); a
# navigation link named "Letterboxd" further up is not an attribution.
AGGREGATORS = re.compile(
    rf"\b(?:{AGGREGATOR_NAMES})\b[\s:\-–—]*(?:(?:user\s+)?(?:rating|score)[\s:\-–—]*)?$", re.I)


# The same in languages written without spaces, where a word boundary says nothing
# ("みんなの評価", "网友评分", "네티즌 평점", "Filmarksの評価"): the rater joined to the label
# (a sentence about "the audience's expectations" before "值8.5分" is no attribution)
CJK_OTHER_RATERS = re.compile(r"(?:豆瓣|猫眼|时光网|時光網|网友|網友|观众|觀眾|"
                              r"みんな|ユーザー|平均|네티즌|관객|관람객|"
                              r"filmarks|yahoo)(?:的|の|\s)*$", re.I)


def _others(text: str, start: int) -> bool:
    return bool(OTHER_RATERS.search(text[max(0, start - 45):start])
                or AGGREGATORS.search(text[max(0, start - 40):start])
                or CJK_OTHER_RATERS.search(text[max(0, start - 12):start]))


# Strings every match of a pattern contains (in lower case): the cheap test before a scan.
NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    GLYPHS: ("★",),
    HALF_STARS: ("½",),
    ASCII_OF_ASCII: ("**",),
    ASCII_CAPSULE: ("*",),
    OUT_OF: ("out", "sobre", "von", "su"),
    FRACTION_STARS: ("/",),
    GIVE: ("give", "doy", "pongo", "daría", "donne", "gebe", "gli do", "dou-lhe"),
    WORD_STARS: ("star",),
    VERB_FRACTION: ("/",),
    CJK_SCORE: ("评分", "評分", "打分", "总评", "總評", "我给", "我給", "值", "推荐", "推薦",
                "给分", "給分", "分数", "分數"),
    JA_STAR_COUNT: ("つ",),
    STAR_DECIMAL: ("★",),
    KO_POINTS: ("점",),
    JA_POINTS: ("点",),
    JA_OUT_OF: ("点満点",),
    CJK_BARE_SCORE: ("评分", "評分", "推荐", "推薦", "给分", "給分", "分数", "分數"),
    CJK_POINTS_ALONE: ("分",),
    CJK_STARS: ("星",),
    EMOJI_STARS: ("⭐", "🌟", "🍿"),
}


def _may_match(pattern: re.Pattern[str], text: str) -> bool:
    needed = NEEDS.get(pattern)
    if needed is None:
        return True
    folded = _lower(text)
    return any(w in folded for w in needed)


@functools.lru_cache(maxsize=4)
def _lower(text: str) -> str:
    return text.lower()


def _critic_matches(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """First match not attributed to readers, audiences or aggregators (a page without the
    words every match needs is not scanned: a whole-page scan costs more than the check)."""
    if not _may_match(pattern, text):
        return None
    for m in pattern.finditer(text):
        if not _others(text, m.start()):
            return m
    return None


def letter_grade(text: str) -> str:
    """'b +' / 'B−' → 'B+' / 'B-'."""
    return re.sub(r"\s", "", text).replace("−", "-").replace("–", "-").upper()


def plain_number(text: str) -> str:
    """'3,5' / '3½' / '8.0' → '3.5' / '3.5' / '8'."""
    text = text.replace(",", ".").replace("½", ".5")
    value = float(text)
    return str(int(value)) if value == int(value) else str(value)


def _word_or_number(text: str) -> str:
    return str(SCORE_WORDS.get(text.lower(), text))


def fraction(v: str, b: str) -> dict[str, str] | None:
    """'7.5' of '10' → rating_raw and rating_scale, or None for no rating's scale."""
    value, best = float(plain_number(v)), float(plain_number(b))
    if not 2 <= best <= 100 or value > best:
        return None  # "10/4" is a date or a score line, not a rating
    return {"rating_raw": plain_number(v), "rating_scale": f"out_of_{plain_number(b)}"}


def _at_labels(pattern: re.Pattern[str], text: str, labels: list[int]) -> re.Match[str] | None:
    """A label-led pattern tried only where a label stands (one scan finds the labels)."""
    for pos in labels:
        if (m := pattern.match(text, pos)) and not _others(text, m.start()):
            return m
    return None


def _label_positions(text: str) -> list[int]:
    """Where rating labels start. A case-sensitive scan of the lower-cased text is twice as
    fast as the case-blind one (the word boundary before is checked by hand); where lowering
    changes the length ('İ'), offsets would drift, so the case-blind scan is used."""
    folded = _lower(text)
    if len(folded) != len(text):
        return [m.start() for m in LABELS.finditer(text)]
    return [m.start() for m in LOWER_LABELS.finditer(folded)
            if m.start() == 0 or not word_char(folded[m.start() - 1])]


def rating_in_text(text: str) -> dict[str, str]:
    """rating_raw and rating_scale, or {} when the text states no critic's rating."""
    if "1/2" in text:
        text = SPACED_HALF.sub(r"\1½", text)
    labels = _label_positions(text)
    for pattern in (GRADE_LETTER, LABELLED_LETTER):
        if m := _at_labels(pattern, text, labels):
            grade = letter_grade(m["g"])
            if m.groupdict().get("pm"):
                grade = grade[0] + ("+" if m["pm"].strip(" -").lower() == "plus" else "-")
            return {"rating_raw": grade, "rating_scale": "letter"}
    for pos in labels:
        m = LABELLED_FRACTION.match(text, pos)
        if m and not _others(text, m.start()) and (found := fraction(m["v"], m["b"])):
            return found
    if (m := _at_labels(LABELLED_PERCENT, text, labels)) and (
            found := fraction(m["v"], "100")):
        return found
    if m := _at_labels(LABELLED_WORD_FRACTION, text, labels):
        value, best = SCORE_WORDS[m["v"].lower()] + (0.5 if m["h"] else 0), _word_or_number(m["b"])
        # rating scales only: "score: two out of three songs" is a count
        if best in ("4", "5", "10", "20", "100") and (found := fraction(str(value), best)):
            return found
    for m in OUT_OF.finditer(text) if _may_match(OUT_OF, text) else ():
        if _others(text, m.start()) or COUNTER.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if found := fraction(m["v"], _word_or_number(m["b"])):
            return found
    for m in FRACTION_STARS.finditer(text) if _may_match(FRACTION_STARS, text) else ():
        if not _others(text, m.start()) and (found := fraction(m["v"], m["b"])):
            return found
    if m := _critic_matches(GLYPHS, text):
        total = len(m["full"]) + len(m["empty"]) + (1 if m["half"] else 0)
        scale = f"out_of_{total}" if m["empty"] and total in (4, 5, 10) else "stars"
        if (tail := GLYPHS_OUT_OF.match(text, m.end())) and scale == "stars":
            best = int(_word_or_number(tail["b"]))
            scale = f"out_of_{best}" if total <= best else scale
        return {"rating_raw": m.group(0), "rating_scale": scale}
    if m := _critic_matches(ASCII_OF_ASCII, text):
        value = len(m["s"]) + (0.5 if m["h"] else 0)
        if value <= len(m["t"]):
            return {"rating_raw": m["s"] + ("½" if m["h"] else ""),
                    "rating_scale": f"out_of_{len(m['t'])}"}
    if m := _critic_matches(ASCII_CAPSULE, text):
        value = len(m["s"]) + (0.5 if m["h"] else 0)
        best = int(_word_or_number(m["b"])) if m["b"] else None
        if best is None or value <= best:
            return {"rating_raw": m["s"] + ("½" if m["h"] else ""),
                    "rating_scale": f"out_of_{best}" if best else "stars"}
    if m := _critic_matches(YEAR_STARS, text) or _at_labels(LABELLED_ASCII_STARS, text, labels):
        return {"rating_raw": m["s"] + ("½" if m["h"] else ""), "rating_scale": "stars"}
    if m := _at_labels(LABELLED_STARS, text, labels):
        return {"rating_raw": plain_number(m["v"]), "rating_scale": "stars"}
    if m := _critic_matches(HALF_STARS, text):
        return {"rating_raw": plain_number(m["v"]), "rating_scale": "stars"}
    if m := _at_labels(LABELLED_NUMBER, text, labels):
        found = {"rating_raw": plain_number(m["v"])}
        return found | {"rating_scale": "stars"} if m["l"].lower() == "stars" else found
    if m := _critic_matches(GIVE, text):
        word = m["v"].lower()
        value = str(SCORE_WORDS[word]) if word in SCORE_WORDS else plain_number(m["v"])
        if m["b"]:
            return fraction(value, _word_or_number(m["b"])) or {}
        return {"rating_raw": value}  # no scale stated: the normaliser decides
    if m := _critic_matches(WORD_STARS, text):
        value = NUMBER_WORDS[m["w"].lower()] + (0.5 if m["h"] else 0)
        best = m["b"] or m["c"]
        scale = f"out_of_{NUMBER_WORDS[best.lower()]}" if best else "stars"
        return {"rating_raw": plain_number(str(value)), "rating_scale": scale}
    if TENTHS.search(text) and (m := _critic_matches(VERB_FRACTION, text)) and (
            found := fraction(m["v"], m["b"])):
        return found
    if m := _critic_matches(CJK_SCORE, text):
        # "满分5分，我给4分": full marks stated just before the score set its scale
        full = FULL_MARKS.search(text[max(0, m.start() - 12):m.start()])
        if found := fraction(m["v"], m["b"] or (full and full[1]) or "10"):
            return found
    if m := _critic_matches(JA_POINTS, text):
        full = JA_FULL_MARKS.search(text[m.end():m.end() + 12]) or JA_FULL_MARKS.search(
            text[max(0, m.start() - 12):m.start()])
        if found := fraction(m["v"], full[1] if full else "100"):
            return found
    if (m := _critic_matches(JA_OUT_OF, text)) and (found := fraction(m["v"], m["b"])):
        return found
    if (m := _critic_matches(CJK_BARE_SCORE, text)) and (found := fraction(m["v"], "10")):
        return found
    if m := _critic_matches(CJK_STARS, text):
        return {"rating_raw": re.sub(r"\s", "", m["s"]), "rating_scale": "stars"}
    if m := _critic_matches(JA_STAR_COUNT, text) or _critic_matches(STAR_DECIMAL, text):
        return {"rating_raw": plain_number(m["v"]), "rating_scale": "stars"}
    if (m := _critic_matches(KO_POINTS, text)) and (
            found := fraction(m["v"], "10" if float(m["v"]) <= 10 else "100")):
        return found
    if m := _critic_matches(EMOJI_STARS, text):
        return {"rating_raw": m["s"].replace("\ufe0f", ""), "rating_scale": "stars"}
    if m := _critic_matches(CJK_POINTS_ALONE, text):
        return {"rating_raw": plain_number(m["v"]), "rating_scale": "out_of_10"}
    return {}


# "6/10" as a paragraph of its own among the review's last two: its score (a date like "6/10"
# heads a post; it does not close one). Out of 5 or 4 only with a half, a decimal or brackets:
# a bare "3/4" alone may be a date.
FRACTION_ALONE = re.compile(
    r"^\s*(?:(?P<v>\d{1,3}(?:[.,]\d{1,2})?)\s*/\s*(?P<b>10|100)"
    r"|(?P<hv>\d(?:[.,]5|½))\s*/\s*(?P<hb>[45])"
    r"|\(\s*(?P<pv>\d{1,3}(?:[.,]\d{1,2}|½)?)\s*/\s*(?P<pb>4|5|10|100)\s*\))\s*[.!]?\s*$")


def rating_alone(body: str) -> dict[str, str]:
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if sum(1 for p in paragraphs if "/" in p and FRACTION_ALONE.match(p)) > 1:
        return {}  # a list of films, each closed by its own score
    for paragraph in paragraphs[-2:] if len(paragraphs) > 1 else []:
        if not (m := FRACTION_ALONE.match(paragraph)):
            continue
        value, best = next((m[v], m[b]) for v, b in (("v", "b"), ("hv", "hb"), ("pv", "pb"))
                           if m[v])
        if found := fraction(value, best):
            return found
    return {}
