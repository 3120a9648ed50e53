"""Time expressions (TIMEX3) valued against the publication date, and the slips a reader should check.

    time_expressions(doc, anchor) -> list[Timex]
    temporal_inconsistencies(doc, timexes, anchor) -> list[Flag]

Candidate runs around calendar words (``_candidates``) are valued by an ordered
rule cascade after HeidelTime's English rules (``_normalize``, with durations
and sets in ``_durations`` and calendar arithmetic in ``_calendar``);
``_inconsistencies`` checks the valued expressions against each other and the
anchor. The word lists are data (``resources/timex_*.tsv``, read by ``_lexicon``).
"""

from presslens.extract.temporal._expressions import temporal_inconsistencies, time_expressions

__all__ = ["temporal_inconsistencies", "time_expressions"]
