"""Remake relations stated in review prose: "a remake of X (1976)", "X remakes Y (1977)",
"based on the 2008 Swedish film X", "a remake of 1954's Sabrina", "the original film, X
(1976)", and the same in Spanish, Portuguese, French, Italian and German.

Only a capitalised title followed by a year in brackets (or preceded by "the <year> film"
or "<year>'s")
becomes a relation: a phrase that names no film ("a remake of the Spanish thriller") gives
nothing, so no film is ever created from words that are not a title.
"""

from __future__ import annotations

import re
from typing import Any

YEAR = r"\((?P<y>(?:18|19|20)\d{2})\)"
NOUN = r"(?:film|thriller|movie|original|flick|picture|classic|version|horror film|western)"
LEAD = (r"(?:the\s+(?:(?:\d{4}|[A-Z][a-z]+|original|classic|same-titled|eponymous)\s+){0,3}"
        rf"{NOUN}s?,?\s+)?")
REMAKE_WORD = (r"(?:remake|reimagining|re-imagining|remaking|refilmagem|neuverfilmung|"
               r"nueva versión|nouvelle version|rifacimento)")
OF_WORD = r"(?:of|de|do|da|des|du|von|di|del|dello)"
# "remake du film X (1955)", "remake do filme X", "remake de la película X": the word for
# film between the preposition and the title in the Romance languages
FILM_WORD = r"(?:(?:la\s+)?(?:film|filme|pel[ií]cula)\s+)?"
TITLE_CHARS = r"[A-Z0-9¡¿À-Þ][^()]{0,80}?"
PATTERNS = [
    # "a remake of (the 1928 film) X (1928)", "remake de X (1976)", "Neuverfilmung von X (1999)"
    re.compile(rf"\b(?i:{REMAKE_WORD})\s+{OF_WORD}\s+{LEAD}{FILM_WORD}(?P<t>{TITLE_CHARS})"
               rf"\s*{YEAR}"),
    # "… remakes Dario Argento's Suspiria (1977)", "… is remaking X (1962)"
    re.compile(rf"\b(?:remakes|remade|is remaking)\s+{LEAD}(?P<t>{TITLE_CHARS})\s*{YEAR}"),
    # "the basis for the original film, X (1976)", "unlike the original, X (1976)"
    re.compile(rf"\bthe original(?:\s+(?:film|movie|version))?,?\s+(?P<t>{TITLE_CHARS})\s*{YEAR}"),
]
CAP_WORD = r"[A-Z0-9¡¿][\w'’.!-]*"
TITLE_WORDS = rf"{CAP_WORD}(?:\s+(?:(?:of|the|in|a|an|and|de|la|el|del)\s+)*{CAP_WORD})*"
# "based on the 2008 Swedish film Let the Right One In": year first, title as capitalised
# words; only films, so "based on the novel" never counts.
BASED_ON = re.compile(
    r"\b(?:based on|remake of|reimagining of) the\s+(?P<y>(?:18|19|20)\d{2})\s+"
    rf"(?:[A-Z][a-z]+\s+)?{NOUN},?\s+(?P<t>{TITLE_WORDS})")
# "a remake of 1954's Sabrina", "remakes 1977's Suspiria": the year as a possessive, the way
# English film writing dates a title in passing
YEAR_POSSESSIVE = re.compile(
    r"\b(?:remake of|reimagining of|remakes|remade|remaking)\s+(?:the\s+)?"
    r"(?P<y>(?:18|19|20)\d{2})(?:'s|’s)\s+"
    rf"(?:(?:[A-Z][a-z]+\s+)?{NOUN}\s+)?(?P<t>{TITLE_WORDS})")
# "Howard Hawks's Scarface", "Dario Argento's Suspiria": a possessive credit of two or more
# capitalised words before the title. One word ("Ocean's Eleven", "Schindler's List") and
# an article first ("The Devil's Advocate") are part of the title.
POSSESSIVE_CREDIT = re.compile(
    r"^(?!(?:The|A|An)\s)(?:[A-Z][\w.\-]+\s+){1,3}[A-Z][\w.\-]*(?:'s|’s|'|’)\s+(?P<t>\S.*)$")
MAX_TITLE_WORDS = 9


def _title(raw: str) -> str | None:
    title = " ".join(raw.split()).strip(" ,.'’\"“”")
    if m := POSSESSIVE_CREDIT.match(title):
        title = m["t"]
    title = title.strip(" ,.'’\"“”«»")
    words = title.split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    if sum(w[:1].islower() for w in words) > max(2, len(words) // 2):
        return None  # a clause, not a title
    return title


# Words each pattern cannot match without (lower-case ones looked for in the lower-cased
# text): most reviews name no remake, and a substring test is far cheaper than a scan.
CUES = (
    ("remak", "reimagin", "re-imagin", "refilmagem", "neuverfilmung", "nueva versión",
     "nouvelle version", "rifacimento"),
    ("remakes", "remade", "is remaking"),
    ("the original",),
    ("based on the", "remake of the", "reimagining of the"),
    ("remake of", "reimagining of", "remakes", "remade", "remaking"),
)


def remakes_in_text(text: str) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    lowered = text.lower()
    for pattern, cues in zip((*PATTERNS, BASED_ON, YEAR_POSSESSIVE), CUES, strict=True):
        if not any(c in (lowered if pattern is PATTERNS[0] else text) for c in cues):
            continue
        for m in pattern.finditer(text):
            title = _title(m["t"])
            item = {"title": title, "year": int(m["y"])}
            if title and item not in seen:
                seen.append(item)
    return seen
