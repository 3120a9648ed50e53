"""Claims: who says what, on whose authority, and the author's own unattributed conclusions.

    attributed_claims(doc) -> list[Claim]
    unattributed_assertions(doc, claims) -> list[Flag]

Attribution relations (source, cue, content) after PARC 3.0 and PolNeAR are found
by dependency rules around cue words (``_rules``, ``_contents``, ``_nouns``) and
by surface patterns for punctuation cues and headlines (``_punctuation``,
``_headlines``), their sources
resolved to names (``_speakers``, pronouns through ``presslens.extract.reference``),
quotations paired without failing on unbalanced marks (``extract._quotes``,
shared with ``reference``); ``_assertions`` flags a conclusion the author
states as fact right after citing sources. The cue words are data
(``resources/claim_*.tsv``). What claims *state* (slot facts, contradictions) is
compared by `presslens.facts`, which needs no spaCy.
"""

from presslens.extract.claims._assertions import unattributed_assertions
from presslens.extract.claims._attribution import attributed_claims

__all__ = ["attributed_claims", "unattributed_assertions"]
