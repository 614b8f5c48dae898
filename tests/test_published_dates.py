"""The review's own date and the film year a page files it under: hAtom entries,
related-post widgets, written dates in <time>, year tags."""

from __future__ import annotations

import pytest

from criticdb.scrapers.extract.cascade import extract_review
from criticdb.scrapers.extract.dates import in_locale, iso_date, written_date

BODY = ("<p>The film opens on a night ferry and never quite docks. The director keeps the "
        "camera low, and the cast plays every scene as a stage whisper.</p>") * 3


def widget(date: str) -> str:
    """A related/recent-posts widget as blog themes print it: the same hAtom markup."""
    return (f'<aside class="widget"><article class="post hentry"><h4 class="entry-title">'
            f'<a href="/other/">Another post</a></h4><time class="published updated" '
            f'datetime="{date}T10:27:34">{date}</time></article></aside>')


def blog(article_time: str, before: str = "", after: str = "") -> bytes:
    return (f"<html><head><title>Night Ferry review</title></head><body>{before}"
            f'<article class="post hentry"><h1 class="entry-title">Night Ferry review</h1>'
            f'<p class="byline">by <span class="author vcard"><span class="fn">Ana Lima</span>'
            f'</span> {article_time}</p><div class="entry-content">{BODY}</div></article>'
            f"{after}</body></html>").encode()


def test_the_headline_entry_date_beats_a_widget_before_it() -> None:
    page = blog('<time class="published" datetime="2016-12-08">8 Dec 2016</time>',
                before=widget("2017-02-28"))
    assert extract_review(page, "https://blog.example/night-ferry/").published == "2016-12-08"


def test_a_display_format_in_datetime_is_read_as_a_written_date() -> None:
    """Themes that print their display format into datetime= ('8 de December de 2016'):
    the entry's own date, not the next widget's machine-readable one."""
    page = blog('<time class="published" datetime="8 de December de 2016">8 de December de '
                '2016</time>', after=widget("2017-02-28"))
    assert extract_review(page, "https://blog.example/night-ferry/").published == "2016-12-08"


def test_without_an_entry_the_first_published_date_stands() -> None:
    page = (f'<html><body><h1>Night Ferry review</h1><time class="published" '
            f'datetime="2019-03-15">15 March</time>{BODY}</body></html>').encode()
    assert extract_review(page, "https://blog.example/night-ferry/").published == "2019-03-15"


@pytest.mark.parametrize(("text", "iso"), [
    ("May 28, 2024", "2024-05-28"),
    ("28 mai 2024", "2024-05-28"),
    ("15. März 2019", "2019-03-15"),
    ("8 de December de 2016", "2016-12-08"),
    ("2016-12-08 10:00", "2016-12-08"),
    ("last Tuesday", None),
    ("", None),
    ("x" * 200, None),
])
def test_written_dates(text: str, iso: str | None) -> None:
    assert written_date(text) == iso


def test_an_unmarked_time_in_the_entry_does_not_outrank_the_published_one() -> None:
    """A comment's <time> inside the article is not the review's date."""
    page = blog('<span class="date">8 Dec</span>',
                before='<p class="meta"><time class="published" datetime="2016-12-08">'
                       '8 Dec</time></p>').replace(
        b"</div></article>",
        b'</div><ol class="comments"><li><time datetime="2020-01-02">2 Jan</time></li></ol>'
        b"</article>")
    assert extract_review(page, "https://blog.example/night-ferry/").published == "2016-12-08"


def tagged(tags: str, published: str) -> bytes:
    return (f'<html><head><title>Night Ferry</title>{tags}</head><body><article class="hentry">'
            f'<h1 class="entry-title">Night Ferry</h1><time class="published" '
            f'datetime="{published}">x</time><div class="entry-content">{BODY}</div>'
            f"</article></body></html>").encode()


@pytest.mark.parametrize(("tags", "published", "year"), [
    # OpenGraph tags, a year among the genres
    ("<meta property='article:tag' content='drama'><meta property='article:tag' "
     "content='1959'>", "2012-06-01", 1959),
    # WordPress category links and Blogger labels
    ('<a rel="category tag" href="/c/1974/">1974</a><a rel="tag" href="/t/noir/">noir</a>',
     "2020-01-05", 1974),
    # the post's own year (a blog that tags by posting year), or two years: no evidence
    ("<meta property='article:tag' content='2012'>", "2012-06-01", None),
    ("<meta property='article:tag' content='1959'><meta property='article:tag' "
     "content='1961'>", "2012-06-01", None),
])
def test_the_film_year_from_a_year_tag(tags: str, published: str, year: int | None) -> None:
    """Film blogs file reviews under the film's year; the date decides the post's year."""
    page = tagged(tags, published)
    assert extract_review(page, "https://blog.example/night-ferry/").film_year == year


@pytest.mark.parametrize(("lang", "published"), [
    ("en-US", "2021-03-04"),  # WordPress's default locale: month first
    ("en-GB", "2021-04-03"),
    ("fr", "2021-04-03"),
])
def test_a_numeric_byline_date_is_read_in_the_pages_locale(lang: str, published: str) -> None:
    page = (f'<html lang="{lang}"><body><h1>Night Ferry review</h1><p class="meta">Posted on '
            f"3/4/2021 by Ana Lima</p>{BODY}</body></html>").encode()
    assert extract_review(page, "https://blog.example/night-ferry/").published == published


def test_og_locale_and_a_numeric_time_element() -> None:
    page = blog('<time class="published" datetime="3/4/2021">3/4/2021</time>').replace(
        b"<head>", b'<head><meta property="og:locale" content="en_US">')
    assert extract_review(page, "https://blog.example/night-ferry/").published == "2021-03-04"


@pytest.mark.parametrize(("iso", "text", "month_first_page", "meant"), [
    ("2021-04-03", "Posted 3/4/2021", True, "2021-03-04"),
    ("2021-04-03", "Posted 03.04.21", True, "2021-03-04"),
    ("2021-04-03", "Posted 3/4/2021", False, "2021-04-03"),
    ("2021-12-25", "Posted 12/25/2021", True, "2021-12-25"),  # not ambiguous
    ("2021-04-03", "April 3, 2021", True, "2021-04-03"),  # not a numeric date
    ("2021-04-03", "2021-04-03T10:00", True, "2021-04-03"),
    ("2021-04-04", "4/4/2021", True, "2021-04-04"),
])
def test_in_locale(iso: str, text: str, month_first_page: bool, meant: str) -> None:
    assert in_locale(iso, text, month_first_page) == meant


@pytest.mark.parametrize(("value", "iso"), [
    ("2022-06-03T10:00:00+02:00", "2022-06-03"),
    ("0001-01-01T00:00:00Z", None),  # Hugo's zero date for a post without one
    ("2999-01-01", None),  # a template's placeholder
    ("1975-03-02", "1975-03-02"),  # an archive's print-era review keeps its date
])
def test_iso_dates_a_page_could_carry(value: str, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_a_zero_date_in_json_ld_is_no_date() -> None:
    ld = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": '
          '"Night Ferry review", "datePublished": "0001-01-01T00:00:00Z"}</script>')
    page = f"<html><head>{ld}</head><body><h1>Night Ferry review</h1>{BODY}</body></html>"
    assert extract_review(page.encode(), "https://blog.example/night-ferry/").published is None


def test_a_bare_year_is_not_a_publication_date() -> None:
    """htmldate's extensive search makes "© 2021" or "Night Ferry (2021)" into 1 January."""
    page = (f"<html><body><h1>Night Ferry review</h1><h3>A review of Night Ferry (2021)</h3>"
            f"{BODY}<footer>© 2021 The Weekly</footer></body></html>").encode()
    assert extract_review(page, "https://blog.example/night-ferry/").published is None
    dated = page.replace(b"<h3>", b"<p>Posted 1 January 2022</p><h3>")
    assert extract_review(dated, "https://blog.example/night-ferry/").published == "2022-01-01"
