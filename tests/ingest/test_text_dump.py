"""Page-text dumps: furniture stripped, header metadata recovered, prose left alone."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from presslens.ingest import article_from_text
from presslens.ingest.text_dump import is_furniture, parse_page_text

TODAY = dt.date(2025, 9, 1)

BODY_1 = (
    "Azerbaijan recalled its ambassador on Monday after police in Moscow raided the offices of two "
    "community groups, the foreign ministry said in a statement."
)
BODY_2 = (
    "Officials in Baku described the raids as a deliberate provocation and demanded an explanation "
    "from the Russian side within forty-eight hours."
)
BODY_3 = "The Kremlin declined to comment on the dispute, saying it was a matter for the police."

BYLINE_DUMP = f"""World
Azerbaijan recalls envoy after Moscow raids
By Jane Doe | 3 March 2024 | 5 min read
Share
Tweet
Email
{BODY_1}
Background to the row
{BODY_2}
Advertisement
{BODY_3}
Read more
Comments (12)
"""

UPDATED_DUMP = f"""Ceasefire talks stall in Geneva

Updated: 14:02, 5 May

1.2K views

•

{BODY_1}

What happens next

{BODY_2}

Facebook | Twitter | WhatsApp

Menu
Subscribe
"""

ICON_DUMP = f"""Politics
★
Ministers trade accusations over border incident
Published on Tuesday, March 3, 2024 at 10:15 GMT · 3,400 views · Reading time: 4 min
{BODY_1}
{BODY_2}
Photo: Reuters
Who is to blame?
{BODY_3}
Share this article
Copy link
"""


@pytest.mark.parametrize(
    ("dump", "expected"),
    [
        (
            BYLINE_DUMP,
            dict(
                title="Azerbaijan recalls envoy after Moscow raids",
                section="World",
                author="Jane Doe",
                printed="3 March 2024",
                views=None,
                reading=5,
                subheadings=("Background to the row",),
            ),
        ),
        (
            UPDATED_DUMP,
            dict(
                title="Ceasefire talks stall in Geneva",
                section=None,
                author=None,
                printed="5 May",
                views=1200,
                reading=None,
                subheadings=("What happens next",),
            ),
        ),
        (
            ICON_DUMP,
            dict(
                title="Ministers trade accusations over border incident",
                section="Politics",
                author=None,
                printed="March 3, 2024",
                views=3400,
                reading=4,
                subheadings=("Who is to blame?",),
            ),
        ),
    ],
    ids=["byline-row", "updated-blank-lines", "icons-and-dots"],
)
def test_dump_layouts_recover_metadata(dump: str, expected: dict) -> None:
    page = parse_page_text(dump)
    assert page.title == expected["title"]
    assert page.section == expected["section"]
    assert page.author == expected["author"]
    assert (page.printed_date.text if page.printed_date else None) == expected["printed"]
    assert page.views == expected["views"]
    assert page.reading_time_minutes == expected["reading"]
    assert page.subheadings == expected["subheadings"]
    # body paragraphs in order, sub-headings kept as their own paragraphs, title and furniture gone
    assert page.paragraphs[0] == BODY_1
    assert page.paragraphs[1] in (*expected["subheadings"], BODY_2)
    assert expected["title"] not in page.text
    for furniture in ("Share", "Tweet", "Advertisement", "Read more", "Menu", "Subscribe", "views", "Photo:"):
        assert furniture not in page.text


PROSE = [
    BODY_1,
    f"{BODY_1}\n\n{BODY_2}\n\n{BODY_3}",
    "\n\n".join(textwrap.fill(p, 60) for p in (BODY_1, BODY_2)),  # hard-wrapped paragraphs
    "Short note without any full stop",
    "On 3 March 2024 the ministry published a statement about the raids in Moscow and Baku.",
]


@pytest.mark.parametrize(
    "prose", PROSE, ids=["one-paragraph", "paragraphs", "hard-wrapped", "short", "date-first"]
)
def test_prose_passes_through_unchanged(prose: str) -> None:
    page = parse_page_text(prose)
    assert page.text == prose
    assert page.title is None
    assert page.removed == ()


def test_first_sentence_is_not_taken_as_title() -> None:
    article = article_from_text(f"{BODY_1}\n{BODY_2}", today=TODAY)
    assert article.title is None
    assert article.text.startswith(BODY_1)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("−", True),
        ("• • •", True),
        ("11190", True),
        ("Live", True),
        ("Share Tweet Email", True),
        ("Comments (12)", True),
        ("Photo: AFP/Getty Images", True),
        ("© 2025 Example Media", True),
        ("Russia: Release", False),
        ("All the president's men", False),
        ("Copyright law was changed by parliament in 2020 after a long public debate.", False),
    ],
)
def test_furniture_lines(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


def test_article_from_text_sets_year_and_flag() -> None:
    article = article_from_text(UPDATED_DUMP, today=TODAY)
    assert article.published == dt.date(2025, 5, 5)
    assert [f.kind for f in article.flags] == ["date_year_assumed"]
    assert article.published_as_printed == "5 May"
    assert article.language == "en"
    assert len(article.id) == 16


def test_seed_dump_metadata_and_no_furniture(shared_data) -> None:
    text = (shared_data / "seed" / "000_f6205e3d5c360c1b.txt").read_text(encoding="utf-8")
    article = article_from_text(text, source="seed.txt", today=TODAY)
    assert article.title and article.title.startswith("Russians were tortured in Baku")
    assert article.section == "Review"
    assert article.published_as_printed == "02 July"
    assert article.published == dt.date(2025, 7, 2)
    assert article.views == 11190
    assert article.reading_time_minutes == 8
    assert len(article.subheadings) == 5
    paragraphs = article.text.split("\n\n")
    assert [p for p in paragraphs if p in article.subheadings] == list(article.subheadings)
    input_lines = {line.strip() for line in text.splitlines() if line.strip()}
    kept = set(paragraphs)
    removed = input_lines - kept - {article.title}
    assert removed and not removed & kept
    assert all(len(line.split()) <= 5 for line in removed)  # only short furniture/header lines went
    assert article.title not in paragraphs
