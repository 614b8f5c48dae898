"""Title normalisation for film identity: case, accents, punctuation, articles, noise."""

from __future__ import annotations

import re
import unicodedata

LEADING_ARTICLES = ("the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "der",
                    "die", "das", "den", "det", "il", "lo", "gli", "o", "os", "as")
NOISE = re.compile(r"^(?:film|movie)\s+review\s*[-–—:|]\s*", re.I)


def normalise_title(title: str) -> str:
    """'El Desconocido' and 'el desconocido', 'Steig. Nicht. Aus!' and 'Steig nicht aus'
    compare equal; scripts other than Latin keep their letters."""
    text = NOISE.sub("", title.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("'", "").replace("’", "")
    words = re.findall(r"\w+", text)
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    return "-".join(normalise_title(text).split()) or "untitled"
