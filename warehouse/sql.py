"""Loads SQL files by name; Python never composes SQL from scraped values."""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def sql(name: str) -> str:
    """Text of warehouse/<name>.sql, e.g. sql('views/film_scores')."""
    return (HERE / f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str]]:
    out = []
    for path in sorted((HERE / "migrations").glob("*.sql")):
        out.append((int(path.name.split("_", 1)[0]), f"migrations/{path.stem}"))
    return out


def views() -> list[str]:
    """View files in dependency order: the NN_ prefix orders them (00 before 10 before 20)."""
    return [f"views/{p.stem}" for p in sorted((HERE / "views").glob("*.sql"))]
