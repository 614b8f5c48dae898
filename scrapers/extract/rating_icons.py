"""A star rating drawn with icons: a row of `<i class="fa fa-star">` elements and the like.

Icon fonts and sprite classes are how many review sites and WordPress review plugins draw a
critic's stars (Font Awesome's `fa-star` / `fa-star-half-o` / `fa-star-o` and their 5–6
names `fa-solid`/`fa-regular`, Bootstrap Icons' `bi-star-fill`, WordPress dashicons,
`icon-star-full`/`icon-star-half` sprites, BEM `star--filled`): the page shows stars, its
text has none. The same icons also mark favourites, social links and readers' votes, so a
row counts only when it is at least three icons side by side, outside links, buttons,
comments, sidebars and navigation, and not labelled as readers', users' or an aggregate's.
The row is turned into glyphs (★ full, ½ half, ☆ empty) and read like printed glyphs: with
empty stars the row's length is the scale, without them it is stars out of 5.
"""

from __future__ import annotations

import re
from typing import Any

from criticdb.scrapers.extract.page import ParsedPage

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
OTHERS = re.compile(r"\b(?:readers?|audiences?|users?|community|members?|average|avg|"
                    r"visitors?|fans?|viewers?|public|imdb|tomatometer|metascore|letterboxd)\b",
                    re.I)
MIN_ICONS = 3


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


def _row(parent: Any) -> str:
    """The glyphs of the star icons among `parent`'s children, in order, if they stand
    together (only whitespace between them)."""
    glyphs = []
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        kind = _kind(child)
        if kind is None:
            if glyphs:
                break
            continue
        glyphs.append(kind)
        if (child.tail or "").strip():
            break
    return "".join(glyphs)


def rating_in_icons(page: ParsedPage) -> dict[str, str]:
    """rating_raw (as glyphs) and rating_scale, or {} when no row of star icons stands on
    the page as the critic's."""
    seen: set[int] = set()
    for el in page.xpath("//*[contains(@class, 'star')]"):
        parent = el.getparent()
        if el.tag not in ICON_TAGS or parent is None or _kind(el) is None \
                or id(parent) in seen:
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
        return {"rating_raw": "★" * full + ("½" if half else "") + "☆" * empty,
                "rating_scale": scale}
    return {}
