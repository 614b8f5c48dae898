"""A rating the markup shows without writing it out as a labelled sentence.

A box classed as the rating (`<div class="grade">B-</div>`, `<span class="review-score">
7.5</span><span>/10</span>`, `class="rating-value"`): review themes and plugins put the
critic's grade or score in such a box with no "Rating:" label in the text; the class is the
label. Only short texts that read as a rating count (a letter grade, x/y, a number), never
in boxes classed or placed as readers', users', averages or sidebars.

Stars drawn with icons: a row of `<i class="fa fa-star">` elements and the like.

Icon fonts and sprite classes are how many review sites and WordPress review plugins draw a
critic's stars (Font Awesome's `fa-star` / `fa-star-half-o` / `fa-star-o` and their 5–6
names `fa-solid`/`fa-regular`, Bootstrap Icons' `bi-star-fill`, WordPress dashicons,
`icon-star-full`/`icon-star-half` sprites, BEM `star--filled`): the page shows stars, its
text has none. The same icons also mark favourites, social links and readers' votes, so a
row counts only when it is at least three icons side by side, outside links, buttons,
comments, sidebars and navigation, and not labelled as readers', users' or an aggregate's.
The row is turned into glyphs (★ full, ½ half, ☆ empty) and read like printed glyphs: with
empty stars the row's length is the scale, without them it is stars out of 5.

Older sites and blogs show the same stars as one picture whose file name says how many
(`3.5-stars.png`, `stars_4.gif`, `35stars.jpg`, `3-of-5-stars.png`); its alt text, when it
has one, is read with the page's text. A bar of stars filled to a width, or a stars element
holding its value in a data attribute, is the last resort. All shapes follow the same guards,
and a page whose boxes, rows, pictures or bars disagree (sub-scores, other films' stars)
gives none: the critic's own rating cannot be told from the rest.
"""

from __future__ import annotations

import re
from typing import Any

from criticdb.scrapers.extract.page import ParsedPage
from criticdb.scrapers.extract.rating_text import (
    AGGREGATOR_NAMES,
    RATER_WORDS,
    fraction,
    letter_grade,
    plain_number,
)

ICON_TAGS = ("i", "span", "svg", "em", "li", "div")
# class tokens, matched whole
HALF = {"fa-star-half", "fa-star-half-o", "fa-star-half-alt", "fa-star-half-stroke",
        "fa-star-half-full", "icon-star-half", "star-half", "star--half", "bi-star-half",
        "dashicons-star-half", "glyphicon-star-half", "half-star", "star-half-full"}
EMPTY = {"fa-star-o", "icon-star-empty", "star-empty", "star--empty", "bi-star",
         "dashicons-star-empty", "glyphicon-star-empty", "empty-star", "star-off",
         "icon-star-o", "star-o"}
FULL = {"fa-star", "icon-star", "icon-star-full", "star-full", "star--full", "star-filled",
        "star--filled", "bi-star-fill", "dashicons-star-filled", "glyphicon-star", "full-star",
        "star-on", "filled-star"}
OUTLINE_STYLE = {"far", "fa-regular"}  # Font Awesome 5/6: `fa-star` in outline = empty
# containers whose stars are not the review's own
ELSEWHERE = re.compile(r"sidebar|widget|related|comment|footer|(?<![a-z])nav|menu|"
                       r"user|reader|visitor|audience|community|average|vote|rate-?this",
                       re.I)
# a label beside the row that gives the stars to someone else
OTHERS = re.compile(rf"\b(?:{RATER_WORDS}|{AGGREGATOR_NAMES})\b", re.I)
MIN_ICONS = 3


# images whose address names a star, found through the attribute: the elements of
# //img[contains(translate(@src, 'STAR', 'star'), 'star')], faster
STAR_IMAGES = ("//img/@src[contains(translate(., 'STAR', 'star'), 'star') or "
               "contains(translate(., 'RATING', 'rating'), 'rating')]/..")

def _kind(el: Any) -> str | None:
    tokens = set((el.get("class") or "").lower().split())
    if tokens & HALF:
        return "½"
    if tokens & EMPTY:
        return "☆"
    if tokens & FULL:
        return "☆" if tokens & OUTLINE_STYLE else "★"
    return None


def _elsewhere(el: Any) -> bool:
    for a in el.iterancestors():
        if a.tag in ("a", "button", "aside", "nav", "footer", "form", "label"):
            return True
        if ELSEWHERE.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
    return False


# State classes that light some stars of a row of one icon ("fa fa-star checked" beside
# "fa fa-star", "star filled" beside "star"): the lit ones are full, the others empty
LIT = {"checked", "filled", "active", "on", "selected", "lit", "rated", "full"}


def _row(parent: Any) -> str:
    """The glyphs of the star icons among `parent`'s children, in order, if they stand
    together (only whitespace between them)."""
    items: list[tuple[str, set[str]]] = []
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        tokens = set((child.get("class") or "").lower().split())
        kind = _kind(child) or ("plain" if "star" in tokens else None)
        if kind is None:
            if items:
                break
            continue
        items.append((kind, tokens))
        if (child.tail or "").strip():
            break
    if any(tokens & LIT for _, tokens in items):
        return "".join("½" if kind == "½" or "half" in tokens else "★" if tokens & LIT
                       else "☆" for kind, tokens in items)
    if any(kind == "plain" for kind, _ in items):
        return ""  # plain stars and no state class: which are lit is not in the markup
    return "".join(kind for kind, _ in items)


# "3.5-stars", "3_5stars", "35stars", "4-star", "3half-stars"; "stars-4", "star_3_5";
# "3-of-5-stars", "3outof5stars" (a value 0–5, a half as ".5", "_5", "5" or "half")
_VALUE = r"(?P<v>[0-5])(?:[._-]?(?P<h>5|half))?"
_OF = r"(?:[-_]?(?:of|outof|out-of|out_of)[-_]?(?P<b>4|5|10))?"
IMAGE_NAME = re.compile(
    rf"(?:^|[-_ ])(?:{_VALUE}{_OF}[-_ ]?stars?(?![a-z])|"
    r"(?<![a-z])(?:stars?|rating)[-_]?(?P<v2>[0-5])(?:[._-]?(?P<h2>5|half))?(?![a-z\d]))",
    re.I)
# "/images/stars/3.5.png": the value alone, named by a folder of stars
FOLDER_VALUE = re.compile(r"/stars?[-_]?(?:ratings?)?/(?P<v>[0-5])(?:[._-](?P<h>5))?\.\w+$", re.I)
# the pictures of one star in a row: half, empty (off, grey, blank …) or full
HALF_PICTURE = re.compile(r"half", re.I)
EMPTY_PICTURE = re.compile(r"empty|blank|off|gr[ae]y|outline|hollow|none|dim", re.I)


# stars that are not a film's: site awards and badges ("award5star.gif"), hotels, votes
NOT_A_RATING = re.compile(r"award|badge|hotel|vote|user|reader|average|avg|top|rank|site",
                          re.I)


def _from_image_name(src: str) -> tuple[float, int | None] | None:
    path = src.split("?")[0].rstrip("/")
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if (m := FOLDER_VALUE.search(path)) and not NOT_A_RATING.search(path):
        value = int(m["v"]) + (0.5 if m["h"] else 0.0)
        return (value, None) if value else None
    if NOT_A_RATING.search(name) or not (m := IMAGE_NAME.search(name)):
        return None
    whole, half = (m["v"], m["h"]) if m["v"] is not None else (m["v2"], m["h2"])
    value = int(whole) + (0.5 if half else 0.0)
    best = int(m["b"]) if m["b"] else None
    if value == 0 or value > (best or 5):
        return None
    return value, best


def _picture_kind(img: Any) -> str | None:
    """'★', '½' or '☆' for a picture of one star (no value in its name), else None."""
    name = (img.get("src") or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    if "star" not in name.lower() or re.search(r"\d", name) or NOT_A_RATING.search(name):
        return None
    return "½" if HALF_PICTURE.search(name) else "☆" if EMPTY_PICTURE.search(name) else "★"


def _picture_row(img: Any) -> list[str] | None:
    """The kinds of the star pictures standing together from `img` on (only whitespace
    between them), if `img` opens the row."""
    prev = img.getprevious()
    if prev is not None and prev.tag == "img" and _picture_kind(prev) \
            and not (prev.tail or "").strip():
        return None  # not the row's first picture
    row, el = [], img
    while el is not None and el.tag == "img" and (kind := _picture_kind(el)):
        row.append(kind)
        if (el.tail or "").strip():
            break
        el = el.getnext()
    return row


def _image_ratings(page: ParsedPage) -> list[dict[str, str]]:
    found = []
    for img in page.xpath(STAR_IMAGES):
        if (row := _picture_row(img)) and len(row) >= MIN_ICONS and not _elsewhere(img):
            full, half, empty = row.count("★"), row.count("½"), row.count("☆")
            total = len(row)
            if (full or half) and half <= 1 and (not empty or total in (4, 5, 10)):
                found.append({"rating_raw": plain_number(str(full + 0.5 * half)),
                              "rating_scale": f"out_of_{total}" if empty else "stars"})
    for img in page.xpath(STAR_IMAGES):
        if (read := _from_image_name(img.get("src") or "")) and not _elsewhere(img):
            value, best = read
            found.append({"rating_raw": plain_number(str(value)),
                          "rating_scale": f"out_of_{best}" if best else "stars"})
    return found


# class/id tokens naming the rating box: "grade", "rating", "score", "verdict", with a
# prefix ("review-score", "post-rating") or a suffix ("rating-value", "score_total")
RATING_BOX = re.compile(r"^(?:[a-z0-9]+[-_]){0,2}(?:grade|rating|score|verdict)"
                        r"(?:[-_](?:value|number|num|text|box|badge|overall|final|total|big))?$",
                        re.I)
LETTER_GRADE = re.compile(r"^(?-i:[A-F])\s?[+\-−–]?$")
BOX_FRACTION = re.compile(r"^(?P<v>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:/|out\s+of|of)\s*"
                          r"(?P<b>\d{1,3})$", re.I)
BOX_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
MAX_BOX_TEXT = 16


def _box_text(el: Any) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _read_box(text: str) -> dict[str, str] | None:
    if LETTER_GRADE.match(text):
        return {"rating_raw": letter_grade(text), "rating_scale": "letter"}
    if m := BOX_FRACTION.match(text):
        return fraction(m["v"], m["b"])
    if BOX_NUMBER.match(text):
        return {"rating_raw": plain_number(text)}  # its scale: the site's or learned
    return None


def _rating_boxes(page: ParsedPage) -> list[dict[str, str]]:
    found = []
    for el in page.by_token(RATING_BOX.match):
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        if ELSEWHERE.search(" ".join(tokens)):
            continue
        text = _box_text(el)
        if not text or len(text) > MAX_BOX_TEXT or _elsewhere(el):
            continue
        read = _read_box(text)
        parent = el.getparent()
        if read is not None and "rating_scale" not in read and parent is not None:
            # "7.5" in the box, "/10" beside it: the two together
            whole = _box_text(parent)
            if len(whole) <= MAX_BOX_TEXT and (both := _read_box(whole)):
                read = both
        if read is not None:
            found.append(read)
    return found


# A bar of stars filled to a width ('<div class="star-rating"><span style="width:70%">', the
# WooCommerce-style themes), or the value a stars element holds in a data attribute
# ('<span class="stars" data-rating="3.5">'): the page draws the rating and writes no text.
WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*(?P<v>\d{1,3}(?:\.\d+)?)\s*%", re.I)
DATA_VALUE = ("data-rating", "data-score", "data-stars", "data-value")
DRAWN_VALUE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def _drawn_ratings(page: ParsedPage) -> list[dict[str, str]]:
    found = []
    for el in page.by_token(lambda t: "star" in t.lower() or "rating" in t.lower()):
        classes = f"{el.get('class') or ''} {el.get('id') or ''}"
        if ELSEWHERE.search(classes) or _elsewhere(el):
            continue
        value = next((v.strip() for a in DATA_VALUE if (v := el.get(a))), None)
        if value is not None and DRAWN_VALUE.fullmatch(value) and 0 < float(value) <= 100:
            stars = "star" in classes.lower() and float(value) <= 5
            found.append({"rating_raw": plain_number(value), "rating_scale": "stars"}
                         if stars else {"rating_raw": plain_number(value)})
            continue
        if any(ch.isdigit() for ch in _box_text(el)):
            continue  # a bar that writes its value is read from its text
        for bar in (el, *el.iterchildren()):
            if (m := WIDTH.search(bar.get("style") or "")) and 0 < float(m["v"]) <= 100:
                found.append({"rating_raw": plain_number(m["v"]), "rating_scale": "out_of_100"})
                break
    return found


def rating_in_markup(page: ParsedPage) -> dict[str, str]:
    """rating_raw (and rating_scale where the page shows one) from a rating box, star icons
    or star pictures, or {} when none, or more than one different, stands on the page as
    the critic's."""
    for finder in (_rating_boxes, _icon_rows, _image_ratings, _drawn_ratings):
        found = finder(page)  # in turn: a page the first finder settles asks no more
        distinct = {(f["rating_raw"], f.get("rating_scale")) for f in found}
        if len(distinct) == 1:
            return found[0]
        if distinct:
            return {}
    return {}


def _icon_rows(page: ParsedPage) -> list[dict[str, str]]:
    found = []
    seen: set[int] = set()
    for el in page.by_class_part("star"):
        parent = el.getparent()
        if el.tag not in ICON_TAGS or parent is None or id(parent) in seen or (
                _kind(el) is None and "star" not in (el.get("class") or "").lower().split()):
            continue
        seen.add(id(parent))
        if len(row := _row(parent)) < MIN_ICONS or _elsewhere(el):
            continue
        # the row's own container and what stands just before it ("Readers' score")
        label = [*parent.itertext()]
        if (before := parent.getprevious()) is not None:
            label += [*before.itertext()]
        if OTHERS.search(" ".join(" ".join(label).split())[:200]) \
                or not re.fullmatch(r"★*½?☆*", row):
            continue
        full, half, empty = row.count("★"), row.count("½"), row.count("☆")
        if not full and not half:
            continue  # an empty row is an unrated widget, not zero stars
        total = full + empty + (1 if half else 0)
        scale = f"out_of_{total}" if empty and total in (4, 5, 10) else "stars"
        if empty and scale == "stars":
            continue  # a row of 7 or 3 with empties is not a rating scale
        found.append({"rating_raw": "★" * full + ("½" if half else "") + "☆" * empty,
                      "rating_scale": scale})
    return found
