"""The model's token vectors computed a few thousand tokens at a time, so memory does not grow with a text.

Why: spaCy's ``tok2vec`` computes every layer for all tokens of a batch at
once, and its intermediate arrays cost about 15 kB per token: one article of
47,000 characters (9,000 tokens) took a worker's peak memory up by 140 MB, a
batch of long ones by several hundred, so a worker's peak grew with the
longest text a corpus happens to hold rather than staying flat.

What: ``chunk_token_vectors(nlp)`` gives the pipeline's ``tok2vec`` a
``predict`` that cuts the batch into pieces of at most `max_tokens` tokens
(a long document into several, each with `context` tokens of its neighbours
on both sides), computes the pieces a budget's worth at a time, and joins
each document's vectors back. The same vectors come out: the embedding
reads one token at a time and the encoder (``MaxoutWindowEncoder``, depth 4,
window 1) sees 4 tokens to each side, well inside `context`; only the
rounding of a matrix product may differ in the last bits, as between any two
batch sizes (``tests/test_tok2vec_chunks.py`` checks vectors, tags, parses
and entities on long real texts). The cut depends on the batch alone, so an
article gets the same vectors in every command and on every engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

__all__ = ["MAX_TOKENS", "chunk_token_vectors", "chunked", "chunked_predict"]

#: Tokens per model call: ~30 MB of intermediate arrays, and no slower than one big call.
MAX_TOKENS = 2000
#: Neighbouring tokens a piece carries on each side (the encoder's reach is 4).
CONTEXT = 16


def _pieces(docs: list[Doc], max_tokens: int, context: int) -> list[tuple[int, int, int, Doc]]:
    """(document index, first kept row, end of kept rows, piece) for every piece, in order."""
    pieces = []
    for index, doc in enumerate(docs):
        n = len(doc)
        if n <= max_tokens:
            pieces.append((index, 0, n, doc))
            continue
        for start in range(0, n, max_tokens):
            end = min(n, start + max_tokens)
            lo, hi = max(0, start - context), min(n, end + context)
            pieces.append((index, start - lo, end - lo, doc[lo:hi].as_doc()))
    return pieces


def chunked_predict(
    model: Any, docs: Iterable[Doc], *, max_tokens: int = MAX_TOKENS, context: int = CONTEXT
) -> list[Any]:
    """`model.predict(docs)`, computed at most about `max_tokens` tokens per call."""
    docs = list(docs)
    ops = model.ops
    if not any(len(doc) for doc in docs):
        width = model.get_dim("nO")
        return [ops.alloc((0, width)) for _ in docs]
    pieces = _pieces(docs, max_tokens, context)
    parts: list[list[Any]] = [[] for _ in docs]
    batch: list[tuple[int, int, int, Doc]] = []
    size = 0

    def run() -> None:
        for (index, keep_from, keep_to, _), vectors in zip(
            batch, model.predict([p[3] for p in batch]), strict=True
        ):
            parts[index].append(vectors[keep_from:keep_to])

    for piece in pieces:
        if batch and size + len(piece[3]) > max_tokens:
            run()
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[3])
    if batch:
        run()
    width = model.get_dim("nO")
    return [
        ops.xp.concatenate(p) if len(p) > 1 else (p[0] if p else ops.alloc((0, width)))
        for p in parts
    ]


def chunked(layer: Model) -> Model:
    """`layer` (docs in, one array per doc out) computed in pieces when predicting; as is in training."""

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        if is_train:
            return layer(docs, is_train)
        return chunked_predict(layer, docs), _no_backprop

    return Model(f"chunked({layer.name})", forward, layers=[layer], dims={"nO": layer.get_dim("nO")})


def _no_backprop(d_vectors: Any) -> Any:
    raise NotImplementedError("chunked token vectors are for prediction only")


def _is_token_vectors(node: Model) -> bool:
    # spaCy's Tok2Vec architectures (a component's own or one embedded in NER's model): docs in,
    # one array per doc out (not the chain around the embedded one, which flattens them to rows)
    return node.name.startswith("extract_features>>") and ">>list2array" not in node.name


def chunk_token_vectors(nlp: Language) -> int:
    """Make every token-vector model of `nlp` compute in pieces (see the module); how many it wrapped.

    The shared ``tok2vec`` component and a component's own embedded one
    (the NER of the small English model has its own) alike.
    """
    wrapped = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        found = next((node for node in model.walk() if _is_token_vectors(node)), None)
        if found is None:
            continue
        if found is model:
            component.model = chunked(model)
        else:
            model.replace_node(found, chunked(found))
        wrapped += 1
    return wrapped
