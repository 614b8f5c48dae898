"""Bylines to critic names: 'By JANE DOE', 'Jane Doe, Staff Writer', 'words by Jane Doe'."""

from __future__ import annotations

import re

from transforms.titles import slug

PREFIX = re.compile(r"^\s*(?:by|words by|review by|written by|reviewed by)\s+", re.I)
SUFFIX = re.compile(r",\s*(?:staff writer|film critic|critic|contributor|editor).*$", re.I)
SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def critic_names(byline: str) -> list[str]:
    """One display name per author in a byline, in title case when shouted in capitals."""
    text = SUFFIX.sub("", PREFIX.sub("", " ".join(byline.split())))
    names = [n.strip(" .") for n in SPLIT.split(text) if n.strip(" .")]
    return [n.title() if n.isupper() else n for n in names]


def critic_id(name: str) -> str:
    return slug(name)
