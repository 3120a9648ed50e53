"""Where a token or a character lies: its sentence, its paragraph and its quotation.

Resolution asks these for every candidate, so they are binary searches over
offsets computed once per Doc. Quotations come from `presslens.extract._quotes`
(the claim extractor's pairing, which never fails on unbalanced marks).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from presslens.extract._quotes import quotation_spans
from presslens.extract._shared import doc_text

__all__ = ["Layout"]


class Layout:
    """Sentence, paragraph and quotation of any position in the Doc, by binary search."""

    def __init__(self, doc: Doc) -> None:
        sents = list(doc.sents)  # walked once: each pass over doc.sents rebuilds every Span
        self.sent_starts = [s.start for s in sents]
        text = doc_text(doc)
        # str.find instead of a Python loop over every character
        self.para_starts = [0]
        at = text.find("\n")
        while at != -1:
            self.para_starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.quotes = [(q.start, q.end) for q in quotation_spans(text)]
        self._quote_starts = [q[0] for q in self.quotes]
        # sentences counted for distance: those not wholly inside a quotation, so the three
        # sentences of a quote do not push its speaker three sentences away from "he said"
        self._narrative: list[int] = []
        count = 0
        for sent in sents:
            inner = self.quote(sent.start_char + 1)
            quoted = inner != -1 and self.quotes[inner][1] >= sent.end_char - 1
            count += not quoted
            self._narrative.append(count)

    def sent(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    def distance(self, earlier: int, later: int) -> int:
        """Sentences from sentence `earlier` back to sentence `later`, quoted sentences not counted."""
        return self._narrative[later] - self._narrative[earlier]

    def paragraph(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def quote(self, char: int) -> int:
        k = bisect_right(self._quote_starts, char) - 1
        return k if k >= 0 and self.quotes[k][0] < char < self.quotes[k][1] else -1
