"""Extraction: pure functions over a parsed spaCy `Doc`, one package per capability.

- `presslens.extract.entities`: repaired and linked names, resolved places;
- `presslens.extract.temporal`: time expressions and temporal inconsistencies;
- `presslens.extract.events`: PLOVER events with their participants;
- `presslens.extract.claims`: attributed claims and unattributed assertions;
- `presslens.extract.persuasion`: persuasion spans and the per-article summary.

``_shared`` holds what several of them use. The components in `presslens.nlp`
call these functions; comparing what claims state is `presslens.facts`, which
needs no spaCy.
"""
