"""Attributions whose cue is punctuation, as PolNeAR annotates them (``punctuation_drafts``).

Transcripts, headlines and reader quotes attribute with punctuation alone
(Newell, Margolin & Ruths 2018, guidelines section 3, "punctuation cues"):
"NAME: words" at the start of a line, a quotation signed with a dash
('"..." ― NAME'), and a name introducing a quotation with a dash
("NAME -- ''...''"). These are surface patterns over the text; the source is
accepted only when it is a name or a source noun, so an ordinary colon or
dash is no cue.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens.extract._shared import doc_text
from presslens.extract.claims._rules import Draft

__all__ = ["punctuation_drafts"]

_NAME = r"(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*"
_COLON_LINE = re.compile(rf"^[\"“”]?(?P<name>{_NAME}):[ \t]+(?P<content>\S[^\n]*)$", re.MULTILINE)
_DASH_LINE = re.compile(rf"(?P<quote>[“”\"][^\n]+?[“”\"])[ \t\xa0]*[―—][ \t\xa0]*(?P<name>{_NAME})")


# "including Mitt Romney -- ''It is ...''": a named source, a dash, and the quotation it introduces
_NAME_DASH = re.compile(
    rf"(?P<name>{_NAME})[ \t\xa0]*(?P<dash>--|—)[ \t\xa0]*(?P<quote>''[^\n]+?''|“[^\n]+?”|\"[^\n]+?\")"
)


def punctuation_drafts(doc: Doc, source_nouns: frozenset[str] = frozenset()) -> list[Draft]:
    """Attributions whose cue is punctuation, as PolNeAR annotates them.

    - "NAME: words" at the start of a line (transcripts, headlines) when NAME is a
      PERSON or ORG entity, a name the article gives a PERSON or ORG elsewhere
      (a headline's "Pence:" before the tagger's "Mike Pence"), a source noun
      ("Poll: ...", claim_sources.tsv) or written in capitals ("PENCE: ...");
    - '"quote" ― NAME' (a quotation signed with a dash, after a space or a no-break space);
    - "NAME -- ''quote''" when NAME is a PERSON or ORG entity (the dash introduces the words).
    """
    drafts: list[Draft] = []
    ents = doc.ents  # each read of Doc.ents builds every entity Span anew
    people = {(e.start_char, e.end_char) for e in ents if e.label_ in ("PERSON", "ORG")}
    # a surname stands for its person ("Pence:" before "Mike Pence"); the last word of an ORG does
    # not ("Azerbaijan" of "Sputnik Azerbaijan" is no speaker of a "Azerbaijan: Never" heading)
    known = {e.text for e in ents if e.label_ in ("PERSON", "ORG")}
    known |= {e.text.split()[-1] for e in ents if e.label_ == "PERSON"}
    text = doc_text(doc)
    for match in _COLON_LINE.finditer(text):
        n_start, n_end = match.span("name")
        name = match.group("name")
        named = (
            any(s < n_end and n_start < e for s, e in people)
            or name.isupper()
            or name in known
            or name.lower() in source_nouns
        )
        draft = (
            _char_draft(doc, (n_start, n_end), (n_end, n_end + 1), match.span("content")) if named else None
        )
        if draft is not None:
            drafts.append(draft)
    for match in _DASH_LINE.finditer(text):
        dash = match.start("name") - 1
        while text[dash] not in "―—":
            dash -= 1
        draft = _char_draft(doc, match.span("name"), (dash, dash + 1), match.span("quote"))
        if draft is not None:
            drafts.append(draft)
    for match in _NAME_DASH.finditer(text):
        n_start, n_end = match.span("name")
        if any(s <= n_start and n_end <= e for s, e in people):
            draft = _char_draft(doc, (n_start, n_end), match.span("dash"), match.span("quote"))
            if draft is not None:
                drafts.append(draft)
    return drafts


def _char_draft(
    doc: Doc, name: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Draft | None:
    name_span = doc.char_span(*name, alignment_mode="expand")
    cue_span = doc.char_span(*cue, alignment_mode="expand")
    content_span = doc.char_span(*content, alignment_mode="expand")
    if name_span is None or cue_span is None or content_span is None or not len(content_span):
        return None
    return Draft(
        name_span.root, cue_span, (content_span.start, content_span.end), "punctuation", "line pattern"
    )
