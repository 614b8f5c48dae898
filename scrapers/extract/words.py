"""What counts as a word character where a text rule checks a word boundary by hand."""

from __future__ import annotations


def word_char(ch: str) -> bool:
    r"""What `\w` matches in a str pattern: letters and digits of any script, the underscore
    (hand-checked boundaries stand in for patterns too costly to compile or run per call)."""
    return ch.isalnum() or ch == "_"
