"""Attributions in a headline written in headlinese: "Senator Vows To Block Nominee".

Headlines drop articles and auxiliaries, use the present tense and, in many
outlets, Title Case (Mårdh 1980, "Headlinese: On the Grammar of English Front
Page Headlines"); the small English model then tags "Vows" or "Says" as a
noun and the parse gives no subject. PolNeAR annotates the headline's
attribution like any other (guidelines section 3), so the first line of an
article is read with a surface rule instead: the first word after the start
that is a cue verb in its third-person "-s" form ("Says", "Urges", "denies")
is the cue, the words before it the source and the words after it the
content; "..., X Says" at the end of the headline puts the content first.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from presslens.extract._shared import doc_text
from presslens.extract.claims._lexicon import ClaimLexicon
from presslens.extract.claims._rules import Draft

__all__ = ["headline_draft"]

#: A headline longer than this many tokens is a sentence, parsed by the ordinary rules.
MAX_HEADLINE_TOKENS = 25


def _verb_lemma(word: str, lex: ClaimLexicon) -> str | None:
    """The cue lemma of a third-person singular verb form ("says" -> say, "denies" -> deny)."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return None
    stems = [low[:-1]]  # "says", "urges"
    if low.endswith("es"):
        stems.append(low[:-2])  # "pushes"
    if low.endswith("ies"):
        stems.append(low[:-3] + "y")  # "denies"; never "sales" -> "say"
    return next((lemma for lemma in stems if lemma in lex.verbs), None)


def _trimmed(span: Span) -> tuple[int, int] | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space) and not doc[start].is_quote:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not doc[end - 1].is_quote:
        end -= 1
    return (start, end) if end > start else None


def headline_draft(doc: Doc, lex: ClaimLexicon) -> Draft | None:
    """The attribution of the article's first line when it is a headline with a cue verb, else None."""
    text = doc_text(doc)
    line_end = text.find("\n")
    line = doc.char_span(0, len(text) if line_end < 0 else line_end, alignment_mode="contract")
    if line is None or not 3 <= len(line) <= MAX_HEADLINE_TOKENS:
        return None
    start = line.start
    colon = next((t.i for t in line if t.text == ":"), None)
    if colon is not None:  # "The Latest: Trump urges ..."; "Pence: ..." is a punctuation cue (_rules)
        start = colon + 1
    for tok in doc[start + 1 : line.end]:
        if _verb_lemma(tok.text, lex) is None or tok.is_punct:
            continue
        before = doc[start : tok.i]
        after = doc[tok.i + 1 : line.end]
        if any(t.pos_ == "VERB" and t.text.islower() for t in before):
            return None  # "leaders weigh plans for ...": the verb came first; "plans" is its object
        comma = next((t.i for t in reversed(before) if t.text == ","), None)
        if comma is not None and _trimmed(after) is None:  # "..., Lindsey Graham Says."
            source, content = _trimmed(doc[comma + 1 : tok.i]), _trimmed(doc[start:comma])
        else:
            source, content = _trimmed(before), _trimmed(after)
        if source is None or content is None:
            return None
        return Draft(doc[source[1] - 1], doc[tok.i : tok.i + 1], content, "headline", "headline cue verb")
    return None
