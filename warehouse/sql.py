"""Loads SQL files by name; Python never composes SQL from scraped values."""

from __future__ import annotations

import graphlib
import re
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


DEPENDS = re.compile(r"^-- depends:(.*)$", re.M)


def view_dependencies() -> dict[str, set[str]]:
    """Each view's first line declares the views it reads: `-- depends: a, b`."""
    graph = {}
    for path in sorted((HERE / "views").glob("*.sql")):
        m = DEPENDS.search(path.read_text(encoding="utf-8"))
        if m is None:
            raise ValueError(f"{path.name} lacks its '-- depends:' line")
        graph[path.stem] = {d.strip() for d in m[1].split(",") if d.strip()}
    return graph


def views() -> list[str]:
    """View files in dependency order (a topological sort of the declared dependencies)."""
    order = graphlib.TopologicalSorter(view_dependencies()).static_order()
    return [f"views/{name}" for name in order]


NAME = re.compile(r"^-- name: (\w+)\s*$", re.M)


@cache
def named(name: str) -> dict[str, str]:
    """The `-- name: x` sections of warehouse/<name>.sql, each one statement."""
    parts = NAME.split(sql(name))
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}
