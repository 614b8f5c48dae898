"""Per-site fixes in the sources file: selectors first, default critic and scale last."""

from __future__ import annotations

from pathlib import Path

import pytest

from criticdb.common.errors import ConfigError
from criticdb.scrapers.config import load_sources
from criticdb.scrapers.extract.cascade import extract_review

# A theme that hides everything the cascade looks for: no byline, the title in a div, the
# score a bare number in a badge, the date in words.
PAGE = b"""<html><head><title>Weekend watch | Small Screen Notes</title></head><body>
<div class="top">Weekend watch</div>
<div class="film-name">Low Tide</div><span class="badge">8</span>
<p class="when">May 28, 2024</p>
<div class="text"><p>The tide goes out and the film stays with the couple who stayed
behind. The director trusts silence and it pays off.</p></div></body></html>"""

SOURCES = """
[[sites]]
name = "Small Screen Notes"
base_url = "https://notes.example/"
review_pattern = '^/p/'
sources = [{{ kind = "urls", urls = ["/p/1"] }}]
{extra}
"""


def write(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(SOURCES.format(extra=extra), encoding="utf-8")
    return path


def test_selectors_default_critic_and_scale_fix_a_site(tmp_path: Path) -> None:
    rules = load_sources(write(tmp_path, '''critic = "Mira Holt"
rating_scale = "out_of_10"
[sites.extract]
title = ".film-name"
rating = ".badge"
date = ".when"
body = "div.text"
''')).sites[0].rules
    plain = extract_review(PAGE, "https://notes.example/p/1")
    assert plain.rating_raw is None and plain.critic is None
    fixed = extract_review(PAGE, "https://notes.example/p/1", rules=rules)
    assert (fixed.film_title, fixed.rating_raw, fixed.rating_scale) == ("Low Tide", "8",
                                                                         "out_of_10")
    assert (fixed.critic, fixed.published) == ("Mira Holt", "2024-05-28")
    assert fixed.source["film_title"] == "sources_file" and fixed.source["critic"] == "sources_file"
    assert fixed.body_text.startswith("The tide goes out")


@pytest.mark.parametrize(("extra", "message"), [
    ('[sites.extract]\ntitle = "h1[["', "is not a CSS selector"),
    ('[sites.extract]\ntittle = "h1"', "did you mean 'title'"),
    ('rating_scale = "ten"', "rating_scale 'ten' is not one of"),
    ('delay_second = 1.0', "did you mean 'delay_seconds'"),
    ('[sites.rating_map]\n"-★" = 120', "needs a score from 0 to 100"),
    ('rating_map = "stars"', "rating_map must be a table"),
])
def test_mistakes_in_site_rules_are_config_errors(tmp_path: Path, extra: str,
                                                  message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_sources(write(tmp_path, extra))


# A site with its own scale: stars, and the same stars behind a minus for films so bad they
# are worth watching anyway (a convention some cult-film blogs use). Bare stars on the page,
# no label the generic rules could read as a scale of their own.
CULT_PAGE = """<html><head><title>Midnight Movie Vault</title></head><body>
<h1>Robot Monster (1953)</h1><div class="verdict">-\u2605\u2605\u2605</div>
<div class="text"><p>A man in a gorilla suit and a diving helmet menaces a family in a
canyon. Nothing works and every minute is a gift.</p></div></body></html>""".encode()


def test_a_site_declares_its_own_rating_symbols(tmp_path: Path) -> None:
    from criticdb.transforms.review_scores import review_score

    rules = load_sources(write(tmp_path, '''[sites.rating_map]
"-★★★" = 20
"-★★" = 15
[sites.extract]
rating = ".verdict"
''')).sites[0].rules
    got = extract_review(CULT_PAGE, "https://notes.example/p/1", rules=rules)
    assert (got.rating_raw, got.rating_scale, got.rating_value) == ("-★★★", "site_map", 20.0)
    assert got.source["rating_scale"] == "sources_file"
    score = review_score(got, "Small Screen Notes", {})
    assert (score.score, score.scale, score.scale_source) == (20.0, "site_map", "sources_file")
