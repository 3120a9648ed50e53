"""The genre guess reads the outlet's own voice: pronouns, questions, 'should', figures, attribution."""

from __future__ import annotations

from presslens.extract.persuasion import genre_features, guess_genre, persuasion_summary

WIRE = (
    "MOSCOW, March 23 (Reuters) - Gunmen opened fire at a concert hall near Moscow on Friday, killing at "
    "least 60 people and wounding 145, Russia's Investigative Committee said. The FSB said 11 people had "
    "been detained, four of them directly involved. \"We are working to identify all the victims,\" a "
    "spokesperson said. Emergency services said 100 people were evacuated from the basement. The attack "
    "came two weeks after the U.S. embassy warned of a plot to target large gatherings in Moscow."
)
COLUMN = (
    "I have watched this government fail for a decade, and I am tired of it. Why do we keep electing "
    "people who despise us? You know the answer as well as I do. We should stop pretending that another "
    "round of promises will fix anything. Our leaders must be held to account, and you must demand it! "
    "If we do not, who will? I, for one, will not stay silent."
)


def _claims(text: str, *contents: str) -> list[tuple[int, int]]:
    return [(text.index(c), text.index(c) + len(c)) for c in contents]


def test_cues_are_counted_in_the_outlets_voice_only() -> None:
    text = 'The minister said "we must never give in, and you should know it?" Officials met on Monday.'
    _, counts = genre_features(text, [], 0.0)
    quoted = ("first_plural", "obligation", "second_person", "question")
    assert [counts[cue] for cue in quoted] == [0, 0, 0, 0]
    reported = "we must act now, and you should too"
    text = f"The minister said {reported}. Officials met on Monday."
    assert genre_features(text, [], 0.0)[1]["first_plural"] == 1  # unattributed, it is the outlet's
    assert genre_features(text, _claims(text, reported), 0.0)[1]["first_plural"] == 0


def test_capitalised_us_is_a_country_not_the_reader() -> None:
    _, counts = genre_features("The US and the UK said talks would resume.", [], 0.0)
    assert counts["first_plural"] == 0 and counts["first_singular"] == 0


def test_a_wire_report_reads_as_straight_news_and_a_column_as_opinion() -> None:
    news = guess_genre(WIRE, _claims(WIRE, "killing at least 60 people and wounding 145"), 0.0, 0)
    column = guess_genre(COLUMN, [], 6.0, 1)
    assert news.genre == "straight_news" and column.genre == "opinion"
    assert news.score < column.score
    assert any("'I'" in cue or "'you'" in cue or "'we'" in cue for cue in column.evidence), column.evidence
    assert 1 <= len(column.evidence) <= 3 and len(news.evidence) <= 3


def test_the_summary_shows_the_genre_beside_the_density_or_none_without_claims() -> None:
    summary = persuasion_summary([], COLUMN, claim_ranges=[])
    assert summary.genre == "opinion" and summary.genre_evidence
    assert "Reads as opinion: " in summary.text
    unassessed = persuasion_summary([], COLUMN)
    assert unassessed.genre is None and "Reads as" not in unassessed.text
