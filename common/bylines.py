"""Byline vocabulary shared by extraction (finding a byline) and critics (reading names).

Prefixes are those review sites use in the languages criticdb meets: English "By", "Words
by", "Reviewed by", "Posted by"; Spanish/Portuguese "Por", German "Von", French "Par",
Italian "Di", Scandinavian "Av"/"Af", Dutch "Door", and "Author:" labels in several languages
(Chinese "作者"/"文章作者"/"文/"/"撰文：", Japanese "投稿者"/"著者", "Text:", "Reviewer:"
among them).
"""

from __future__ import annotations

import re

PREFIX_WORDS = (r"(?:(?:film|movie|dvd)\s+)?(?:words|review|reviewed|written|posted|published|"
                r"text|story|article|reportage)\s+by|by|por|von|par|di|av|af|door|autor(?:a)?|auteur|author|"
                r"autore|forfatter|författare|escrito por|publicado por|geschrieben von|"
                r"crítica de|critique de|critique par|écrit par|publié par|scritto da|"
                r"文章作者|作者|投稿者|著者")
# Labels that are a byline only with their colon or slash: "Text: Anna Berg", "Reviewer:
# Jane Doe", Chinese "文/夜航", "撰文：王五" ("Text messages…" and "文学…" are prose)
COLON_LABELS = r"text|tekst|texto|testo|words|reviewer|critic|撰文|文"
PREFIX = re.compile(rf"^\s*(?:(?:{PREFIX_WORDS})(?:\s*:?\s+|\s*：\s*|\s*:?\s*$)|"
                    rf"(?:{COLON_LABELS})\s*[:：/／]\s*)", re.I)
ROLE = (r"(?:staff writer|staff|(?:film |movie |chief |senior )?critic|correspondent|reporter|"
        r"columnist|contributor)")
MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
         r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
# ", Staff Writer", ", The Daily Example", " | 12 May 2021", " – Film critic": what follows a
# name in a byline.
SUFFIX = re.compile(r"\s*(?:,\s*(?:staff writer|film critic|critic|contributor|editor|"
                    r"senior|chief|special to)|,\s*the\s+\w|[|•·–—]|\s/\s|\bon\s+\w+\s+\d|"
                    r"\bon\s+\d|,\s*\d|"
                    # newspapers: ", Chronicle Movie Critic", ", USA TODAY", "July 16, 2008",
                    # "Friday, July 18", "From Friday's Globe and Mail"
                    rf",[^,]*\b{ROLE}\b|,\s*(?-i:[A-Z]{{2,}}(?:\s+[A-Z]{{2,}})*)\s*$|"
                    rf"\s+{MONTH}\.?\s+\d{{1,2}}\b|\s+\d{{1,2}}\.?\s+{MONTH}\b|\s+\d{{4}}-\d\d-\d\d\b|"
                    r"\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                    # the next line run in: "Special to the …", "Published: July 18"
                    r"\s+special\s+to\b|\s+(?:published|posted|updated)\b|"
                    r"\s+from\s+\S).*$", re.I)
# "Ann Hornaday Washington Post Staff Writer": the paper and the role run in after the name
RUN_IN_ROLE = re.compile(rf"\s+{ROLE}$", re.I)
# "AL ALEXANDERThe Patriot Ledger": a shouted name run into the paper's name by a lost line
# break; the name ends where a capitalised word starts without a space
GLUED = re.compile(r"^(?P<n>[A-Z][A-Z.'’\- ]*[A-Z])(?=[A-Z][a-z])")
# "and"/"und"/"et" in any case ("BY ANA LIMA AND JO PARK"); "y" and "e" only in lower case,
# where a capital is an initial ("Jo Y. Park")
SPLIT = re.compile(r"\s*(?:,|(?i:\band\b|\bund\b|\bet\b)|\by\b|\be\b|&)\s*")
# A person's name: 1–5 words of letters (any script), initials and hyphens allowed.
# (Marks are allowed inside words: Devanagari and other scripts write vowels with them.)
_WORD = r"[^\W\d_][^\s\d,;:!?()\[\]{}<>\"/|=+*#，。！？、；：「」《》（）]*"
NAME = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,4}}$")
NOT_A_NAME = re.compile(r"https?:|www\.|@|\.(?:com|net|org|de|fr|es|in)\b|\d{3}|"
                        r"\b(?:admin|administrator|staff|editor|redaktion|redacción|team|"
                        r"guest|anonymous|unknown|posted|comments?|share|menu|home|search|"
                        r"leave a|reply|me|myself|moi|ich|yo|eu)\b|^(?:我|私|僕|俺)$|"
                        r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
# Chinese and Japanese write a name without spaces, so a sentence is one "word" to NAME:
# a pen name runs to a few characters, a sentence to many.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
CJK_NAME_CHARS = 8


# "Posted on May 28, 2024 by Jane Doe": a date line that ends in the byline;
# "May 3, 2024 by Jane Doe", "2024-05-03 by Jane Doe": blog themes' date, then the byline.
DATE = (rf"(?:{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{MONTH}\.?\s+\d{{4}}|"
        r"\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
DATED = re.compile(r"^(?:(?:posted|published|publicado|publicada|veröffentlicht|publié|pubblicato)"
                   rf"\b.{{0,40}}?\b(?:by|por|von|par|da)|{DATE}\s+by)\s+", re.I)


def strip_byline(text: str) -> str:
    """'By JANE DOE, Staff Writer | May 2' → 'JANE DOE'."""
    text = " ".join(text.split())
    text = DATED.sub("", text)
    text = PREFIX.sub("", text)
    if m := GLUED.match(text):
        text = m["n"]
    text = SUFFIX.sub("", text).strip(" .,:;")
    if (m := RUN_IN_ROLE.search(text)) and m.start() > 0:
        text = _first_name_run(text[:m.start()])
    return text


def _first_name_run(text: str) -> str:
    """'Ann Hornaday Washington Post' → 'Ann Hornaday', 'A. O. Scott New York Times' → 'A. O.
    Scott': a first name or initials, any middle initials, one surname (the paper follows)."""
    words = text.split()
    end = 1 if not _initial(words[0]) else 0
    while end < len(words) and _initial(words[end]):
        end += 1
    return " ".join(words[:end + 1])


def _initial(word: str) -> bool:
    return len(word) <= 2 and word.endswith(".")


def starts_with_byline(text: str) -> bool:
    """A byline's opening, or WordPress's date line that ends in one ("Posted on May 3, 2024
    by …")."""
    return bool(PREFIX.match(text) or DATED.match(text))


def looks_like_name(text: str, allow_handle: bool = False) -> bool:
    """A display name, not a URL, a role, a date or a sentence. `allow_handle` accepts one
    lower-case word ('nekarc'): fine inside a byline link, not as free text."""
    text = text.strip()
    if not text or len(text) > 60 or NOT_A_NAME.search(text) or not NAME.match(text):
        return False
    if len(CJK_CHAR.findall(text)) > CJK_NAME_CHARS:
        return False
    words = text.split()
    if len(words) == 1 and text.islower() and not allow_handle:
        return False
    return not (len(words) > 1 and all(w.islower() for w in words))


def names_in(byline: str) -> list[str]:
    """One display name per author in a byline, in title case when shouted in capitals."""
    text = strip_byline(byline)
    names = [n.strip(" .") for n in SPLIT.split(text) if n.strip(" .")]
    return [n.title() if n.isupper() else n for n in names]
