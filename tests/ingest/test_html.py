"""HTML pages: body and metadata via trafilatura, the fallback cascade, language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import trafilatura

from presslens.ingest import read_source
from presslens.ingest.html import extract_html

TODAY = dt.date(2025, 9, 1)
PARAS = [
    "The Azerbaijani interior ministry said on Tuesday that seven people had been detained after a raid "
    "on the offices of a news agency in Baku.",
    "Moscow summoned the Azerbaijani ambassador and demanded the immediate release of the detained "
    "journalists, according to a statement from the foreign ministry.",
    "Officials in Baku rejected the note and said a criminal case had been opened against the editors.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Baku detains journalists | Example News</title>
<meta property="og:title" content="Baku detains journalists">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-07-02T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/world/baku-detains">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/live">Live</a></nav>
<article>
<h1>Baku detains journalists</h1>
<p>{PARAS[0]}</p>
<h2>Moscow responds</h2>
<p>{PARAS[1]}</p>
<div class="share">Share Tweet Email</div>
<p>{PARAS[2]}</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_page_body_and_metadata(tmp_path: Path, settings) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_source(path, settings=settings, today=TODAY)
    assert article.title == "Baku detains journalists"
    assert article.author == "Jane Doe"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example.org/world/baku-detains"
    assert article.published == dt.date(2025, 7, 2)
    assert article.subheadings == ("Moscow responds",)
    assert article.text.split("\n\n") == [PARAS[0], "Moscow responds", PARAS[1], PARAS[2]]
    assert article.language == "en"
    assert article.flags == ()


def test_supplied_date_overrides_html_metadata(tmp_path: Path, settings) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_source(path, published=dt.date(2025, 7, 1), settings=settings, today=TODAY)
    assert article.published == dt.date(2025, 7, 1)


def test_cascade_keeps_short_pages() -> None:
    bare = (
        "<html><body><div>Short notice: the border crossing at Yalama is closed until Friday.</div>"
        "</body></html>"
    )
    assert "Yalama" in extract_html(bare).text


@pytest.mark.parametrize(
    ("failing", "method"),
    [({"precision"}, "recall"), ({"precision", "recall"}, "baseline")],
)
def test_cascade_falls_back_when_extraction_finds_nothing(
    monkeypatch, failing: set[str], method: str
) -> None:
    real = trafilatura.bare_extraction

    def flaky(html, **kwargs):
        mode = "recall" if kwargs.get("favor_recall") else "precision"
        return None if mode in failing else real(html, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", flaky)
    extract = extract_html(PAGE)
    assert extract.method == method
    assert PARAS[0] in extract.text


def test_non_english_article_is_kept_with_its_language(tmp_path: Path, settings) -> None:
    text = (
        "Министерство внутренних дел Азербайджана сообщило во вторник, что после обыска в редакции "
        "информационного агентства в Баку были задержаны семь человек."
    )
    path = tmp_path / "ru.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read_source(path, settings=settings, today=TODAY)
    assert article.language == "ru"
    assert article.text == text
