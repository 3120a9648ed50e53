"""Events: who did what to whom, where and when, coded in PLOVER.

    event_mentions(doc) -> list[Event]
    events_with_reporters(events, claims) -> list[Event]

Triggers (``_triggers``) are coded from the PLOVER verb and noun lexicons
(``_lexicon``, ``resources/plover_*.tsv``); actor and target (``_roles``), mentions, place
and date come from the dependency parse (``_args``), negation and modality from cue words
(``_modality``), the evidence clause from ``_evidence``; ``_coref`` merges two
mentions of one act. `coded_events` keeps each event's trigger token, for
evaluation; `plover_code` applies PLOVER's intent conventions to a coded event.
``events_with_reporters`` gives an event stated inside a claim that claim's speaker
(``reporting_claim``: the innermost claim holding an offset);
``statement_acts`` dates each claim and says which PLOVER act it performs (``_statements``).
"""

from presslens.extract.events._coded import CodedEvent
from presslens.extract.events._coding import coded_events, event_mentions, plover_code
from presslens.extract.events._lexicon import PLOVER_TYPES
from presslens.extract.events._reporters import events_with_reporters, reporting_claim
from presslens.extract.events._statements import statement_acts

__all__ = [
    "PLOVER_TYPES",
    "CodedEvent",
    "coded_events",
    "event_mentions",
    "events_with_reporters",
    "plover_code",
    "reporting_claim",
    "statement_acts",
]
