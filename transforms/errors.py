"""Errors for records that cannot become entities; each carries a stable reason code."""

from __future__ import annotations

from criticdb.common.errors import CriticdbError


class NormaliseError(CriticdbError):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class RatingError(NormaliseError):
    """A rating that does not fit its scale (6/5, -1 stars, 'A++++'): rejected, never clamped."""


class UnresolvedFilm(NormaliseError):
    """No film can be chosen with confidence; the review goes to rejects, not to a guess."""
