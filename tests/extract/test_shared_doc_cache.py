"""The per-Doc caches of ``presslens.extract._shared`` give what spaCy itself gives."""

from __future__ import annotations

from presslens.extract._shared import (
    doc_sentences,
    doc_text,
    doc_tokens,
    keep_doc_text,
    sentence_of,
    span_text,
    tokens_text,
)

TEXT = "Police detained two men in Moscow on Friday. \"We are not done,\" the ministry said.\n\nMore later."


def test_tokens_and_sentences_match_spacy(nlp) -> None:
    doc = nlp(TEXT)
    tokens = doc_tokens(doc)
    assert [t.i for t in tokens] == list(range(len(doc)))
    assert [t.text for t in tokens] == [t.text for t in doc]
    assert doc_tokens(doc) is tokens  # built once per Doc
    sents = doc_sentences(doc)
    assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in doc.sents]
    for tok in doc:
        found = sentence_of(doc, tok.i)
        assert (found.start, found.end) == (tok.sent.start, tok.sent.end)


def test_span_text_equals_span_dot_text(nlp) -> None:
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 4) + 1):
            span = doc[start:end]
            assert span_text(span) == span.text
            assert tokens_text(doc, start, end) == span.text


def test_a_changed_doc_gets_a_fresh_token_list(nlp) -> None:
    doc = nlp("New York City is large.")
    before = doc_tokens(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    after = doc_tokens(doc)
    assert after is not before
    assert [t.text for t in after] == ["New York City", "is", "large", "."]


def test_a_kept_text_is_the_docs_own_and_a_wrong_one_is_ignored(nlp) -> None:
    doc = nlp.make_doc(TEXT)
    keep_doc_text(doc, TEXT)
    assert doc_text(doc) == doc.text == TEXT
    other = nlp.make_doc(TEXT)
    keep_doc_text(other, TEXT + " and more")  # not the text it was made from: not kept
    assert doc_text(other) == other.text == TEXT
