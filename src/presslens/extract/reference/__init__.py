"""Reference: what a pronoun or a definite description in an article refers to.

    referent_of(doc, token) -> Referent | None
    document_referents(doc) -> dict[int, Referent | None]

One step shared by the event coder (actors and targets), the claim extractor
(speakers) and the facts built on them, so "she said" and "it struck" resolve
the same way everywhere. It works over the article's entities
(`presslens.extract._shared.document_entities`: the linked canonical names when
the entity stage ran, else spaCy's spans) and the dependency parse:

- pronouns (he/him/his/himself, she/her/hers/herself, it/its, they/them/their)
  by agreement and salience (Lappin & Leass 1994, ``_resolve``): sex from
  titles, role words, given names and surname endings (data in
  ``resources/reference_*.tsv``) and from the article's own earlier pronouns;
  never into the quotation the pronoun speaks;
- relative pronouns ("Boeing, which ...") to the noun their clause modifies;
- definite descriptions ("the ministry", "the president", "the two men") to the
  most recent compatible entity (``_descriptions``).

The whole Doc is resolved on the first call and cached in ``doc.user_data``
(plain tuples, so a Doc still serialises); later calls are dictionary look-ups.
"""

from presslens.extract.reference._referents import Referent, document_referents, referent_of

__all__ = ["Referent", "document_referents", "referent_of"]
