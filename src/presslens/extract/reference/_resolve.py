"""Resolving every anaphor of a Doc once, left to right (`resolve_document`).

Pronouns follow Lappin & Leass (1994): candidates that fail agreement or a
syntactic constraint are dropped; the others are weighed by salience, summed
per referent over its mentions and halved for each sentence back, and the most
salient referent wins. The weights are theirs (``_weights``: recency 100,
subject 80, direct object 50, oblique 40, head noun 80, non-adverbial 50,
parallel role 35, cataphora -175); their preference for the subject of the current and previous
sentence is the centering preference (Grosz, Joshi & Weinstein 1995). On top:

- agreement: he/she only with a PERSON whose sex is unknown or the same (a
  title, a role word, the given name, or an earlier he/she that found only
  them, `_lexicon`), it with an organisation, place or thing, they with a
  group, an organisation or a nationality;
- quotations: a pronoun outside quotation marks never takes a name inside a
  quotation of its own paragraph (the words it speaks, "'... Trump ...,' she
  said"), and a pronoun inside a quotation never takes the subject of the
  sentence that frames it (its speaker says "I");
- binding: a non-reflexive object never takes its own verb's subject ("Trump
  praised him"); a reflexive takes that subject;
- pleonastic "it" ("it is clear that ...") has no referent;
- the subject of a verb of evidence ("it shows", "it indicates") is as likely
  a thing (a video, a report) as an organisation, so things compete at full
  salience there (THING_FACTOR is not applied);
- a pronoun in a block quotation introduced by "X reports:" never takes X.

Definite descriptions ("the ministry", "the president", "the two men") take
the most recent compatible entity (`_descriptions`). Relative pronouns take
the noun their clause modifies. Each result is stored as it is found, so a
later pronoun can go through an earlier one ("Trump ... He ... he").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from presslens.extract._shared import (
    NAME_PHRASE_DEPS,
    PRONOUN_FEATURES,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    doc_tokens,
    document_entities,
    phrase_start,
)
from presslens.extract.reference._descriptions import description_of, resolve_description
from presslens.extract.reference._layout import Layout
from presslens.extract.reference._lexicon import reference_lexicon
from presslens.extract.reference._mentions import (
    Candidate,
    entity_candidates,
    is_speaker,
    nominal_candidates,
    role_of,
)
from presslens.extract.reference._people import PersonFeatures
from presslens.extract.reference._syntax import (
    coargument_subject,
    contains,
    phrase_text,
    pleonastic,
    relative_clause,
)
from presslens.extract.reference._weights import (
    AGREES,
    CATAPHORA_PENALTY,
    MENTION_POOLING,
    NEAREST_SPEAKER_BONUS,
    NOT_ENTITIES,
    PARALLEL_BONUS,
    PERSON_NOM_FACTOR,
    PERSON_NOM_ROLES,
    QUOTED_FACTOR,
    REFLEXIVE_BONUS,
    ROLE_CLASS,
    ROLE_WEIGHT,
    SEX_WORD,
    SOFT_MISMATCH_FACTOR,
    SPEAKER_BONUS,
    THING_FACTOR,
    UNKNOWN_SEX_FACTOR,
    WINDOW,
)

__all__ = ["Resolution", "resolve_document"]


#: Who can be the author of a thing that speaks ("X's report", "X's analysis").
_AUTHORS = frozenset({"ORG", "PERSON", "GPE", "NORP"})


@dataclass(frozen=True)
class Resolution:
    """A resolved anaphor: the referent's name, the mention chosen, and why."""

    canonical: str
    start: int
    end: int
    why: str


class _Resolver:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = reference_lexicon()
        self.layout = Layout(doc)
        entities = document_entities(doc, require_proper_person=True)
        static, self.people, self.key_at = entity_candidates(doc, self.layout, entities, self.lex)
        # only a pronoun, a relative pronoun or a common noun can be one: test those alone
        self.anaphors = [
            t for t in doc_tokens(doc)
            if (t.pos_ == "NOUN" or t.lower_ in PRONOUN_FEATURES or t.lower_ in RELATIVE_PRONOUNS)
            and self._is_anaphor(t)
        ]
        described = {t.i for t in self.anaphors if t.lower_ not in PRONOUN_FEATURES}
        static += nominal_candidates(doc, self.layout, self.key_at, self.lex, described)
        static.sort(key=lambda c: c.token)
        self.static = static
        self.active: list[Candidate] = []
        self.results: dict[int, Resolution | None] = {}
        self._introducers: dict[int, int | None] = {}

    # --- which tokens are anaphors --------------------------------------------------------
    def _is_anaphor(self, tok: Token) -> bool:
        low = tok.lower_
        if low in PRONOUN_FEATURES:
            return tok.tag_ in ("PRP", "PRP$") or tok.pos_ == "PRON"
        if low in RELATIVE_PRONOUNS:
            return relative_clause(tok) is not None
        return tok.i not in self.key_at and description_of(tok, self.lex) is not None

    # --- the pass ---------------------------------------------------------------------------
    def run(self) -> dict[int, Resolution | None]:
        at = 0
        for tok in self.anaphors:
            while at < len(self.static) and self.static[at].token < tok.i:
                self.active.append(self.static[at])
                at += 1
            if tok.lower_ in PRONOUN_FEATURES:
                self.results[tok.i] = self._pronoun(tok, following=self._following(tok, at))
            elif tok.lower_ in RELATIVE_PRONOUNS:
                self.results[tok.i] = self._relative(tok)
            else:
                self.results[tok.i] = self._description(tok)
        return self.results

    def _following(self, tok: Token, at: int) -> list[Candidate]:
        """Entity subjects later in the pronoun's sentence: cataphora ("At its event, Apple ...")."""
        sent = self.layout.sent(tok.i)
        out = []
        for cand in self.static[at:]:
            if cand.sent != sent:
                break
            if cand.role == "subj" and cand.label not in NOT_ENTITIES and cand.label != "GROUP":
                out.append(cand)
        return out

    def _remember(self, tok: Token, cand: Candidate, res: Resolution) -> None:
        """Add the resolved anaphor as a mention of its referent, so salience carries on."""
        self.active.append(
            replace(
                cand,
                token=tok.i,
                sent=self.layout.sent(tok.i),
                role=role_of(tok),
                quote=self.layout.quote(tok.idx),
                paragraph=self.layout.paragraph(tok.idx),
                speaker=is_speaker(tok, self.lex),
                start=res.start,
                end=res.end,
            )
        )

    # --- pronouns ---------------------------------------------------------------------------
    def _pronoun(self, tok: Token, following: list[Candidate]) -> Resolution | None:
        kind = PRONOUN_FEATURES[tok.lower_]
        if kind == "n" and pleonastic(tok):
            return None
        here = self.layout.sent(tok.i)
        quote = self.layout.quote(tok.idx)
        paragraph = self.layout.paragraph(tok.idx)
        role = role_of(tok)
        scores: dict[str, float] = {}
        best_mention: dict[str, Candidate] = {}
        speaking = is_speaker(tok, self.lex)
        self._parts: dict[tuple[str, int], float] = {}
        self._nearest_open = speaking
        # "It shows an officer ...": the subject of a verb of evidence is a thing (a video, a report)
        self._evidence = tok.dep_ == "nsubj" and tok.head.lemma_ in self.lex.evidence_verbs
        for cand in reversed(self.active):
            if self.layout.distance(cand.sent, here) > WINDOW[kind]:
                break
            self._weigh(tok, cand, kind, role, quote, paragraph, scores, best_mention, 0, speaking)
        for cand in following:
            self._weigh(
                tok, cand, kind, role, quote, paragraph, scores, best_mention, CATAPHORA_PENALTY, speaking
            )
        if not scores:
            return None
        key = max(scores, key=lambda k: (scores[k], best_mention[k].token))
        cand = best_mention[key]
        if cand.label in NOT_ENTITIES:
            # a thing is no referent; a speaking one stands for its named author ("As per Al
            # Jazeera's analysis, ... It added that": Al Jazeera), who is no thing
            owner = self._owner(cand) if speaking else None
            if owner is None:
                return None
            cand = owner
        named = self._named(cand)
        res = Resolution(
            named.canonical, named.start, named.end, self._why(tok, kind, cand, here, len(scores))
        )
        if kind in SEX_WORD and cand.label == "PERSON":
            rivals = [k for k in scores if k != key and best_mention[k].label == "PERSON"]
            feats = self.people.setdefault(key, PersonFeatures())
            if not feats.firm and not rivals:
                feats.sex, feats.reason = kind, f"an earlier '{tok.text}' that could only mean them"
                feats.firm = True
        self._remember(tok, cand, res)
        return res

    def _weigh(
        self,
        tok: Token,
        cand: Candidate,
        kind: str,
        role: str,
        quote: int,
        paragraph: int,
        scores: dict[str, float],
        best_mention: dict[str, Candidate],
        penalty: int = 0,
        speaking: bool = False,
    ) -> None:
        """Add `cand`'s salience to its referent's score when it agrees and is not excluded."""
        if not self._agrees(cand, kind) or self._excluded(tok, cand, quote, paragraph):
            return
        if speaking and not self._can_speak(cand):
            return
        parallel = ROLE_CLASS.get(cand.role, cand.role) == ROLE_CLASS.get(role, role)
        weight = ROLE_WEIGHT[cand.role] + (PARALLEL_BONUS if parallel else 0) - penalty
        if tok.lower_ in REFLEXIVE_PRONOUNS and coargument_subject(tok, cand.token, self.doc):
            weight += REFLEXIVE_BONUS
        if cand.speaker and speaking:
            weight += SPEAKER_BONUS
        if self._nearest_open and not penalty:  # the closest name before "..., he said"
            weight += NEAREST_SPEAKER_BONUS
            self._nearest_open = False
        distance = max(self.layout.distance(cand.sent, self.layout.sent(tok.i)), 0)
        value = max(weight, 1) * 0.5**distance
        if cand.quote != -1 and quote == -1:
            value *= QUOTED_FACTOR
        if cand.label == "PERSON_NOM":
            value *= PERSON_NOM_FACTOR
        elif cand.label == "THING":
            value *= 1.0 if self._evidence else THING_FACTOR
        if kind in SEX_WORD and cand.label == "PERSON":
            sex = self._sex(cand)
            value *= UNKNOWN_SEX_FACTOR if sex is None else SOFT_MISMATCH_FACTOR if sex != kind else 1.0
        if MENTION_POOLING == "sum":
            scores[cand.key] = scores.get(cand.key, 0.0) + value
        elif MENTION_POOLING == "max":
            scores[cand.key] = max(scores.get(cand.key, 0.0), value)
        else:  # Lappin & Leass: a class's factors count once per sentence, sentences add up
            part = (cand.key, cand.sent)
            if value > self._parts.get(part, 0.0):
                scores[cand.key] = scores.get(cand.key, 0.0) + value - self._parts.get(part, 0.0)
                self._parts[part] = value
        best_mention.setdefault(cand.key, cand)

    def _owner(self, thing: Candidate) -> Candidate | None:
        """The named author of a thing that speaks ("Al Jazeera's analysis", "the ministry's
        statement"): its possessor, when that is an organisation or a person of the article."""
        poss = next((c for c in self.doc[thing.token].children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        return next((c for c in self.active if c.token == poss.i and c.label in _AUTHORS), None)

    def _can_speak(self, cand: Candidate) -> bool:
        """A plural pronoun that speaks ("they said") stands for names, people described as such or
        documents ("the returns disclosed"), never for "the costs" or "the shootings" its sentence
        happened to mention before it. (A singular THING is no referent anyway: it only stops a
        pronoun from taking a name further away, which "it says" after "the report" needs.)"""
        if cand.label == "THING":  # "it added" after "the attack at the hospital": no attack speaks
            return cand.head in self.lex.people_nouns
        if cand.label != "GROUP" or cand.size > 1:
            return True
        return cand.head in self.lex.people_nouns

    def _agrees(self, cand: Candidate, kind: str) -> bool:
        if cand.label not in AGREES[kind]:
            return False
        if kind == "n":
            return not cand.plural
        if kind == "pl":
            return cand.plural or cand.label in ("ORG", "NAME")
        if cand.label == "PERSON_NOM" and cand.role not in PERSON_NOM_ROLES:
            return False
        feats = self.people.get(cand.key)
        if cand.label == "PERSON" and feats is not None and not feats.firm:
            return True  # a soft sex only weighs (SOFT_MISMATCH_FACTOR)
        return self._sex(cand) in (None, kind)

    def _sex(self, cand: Candidate) -> str | None:
        if cand.label == "PERSON_NOM":
            return self.lex.person_words.get(cand.head)
        feats = self.people.get(cand.key)
        return feats.sex if feats is not None else None

    def _excluded(self, tok: Token, cand: Candidate, quote: int, paragraph: int) -> bool:
        if cand.quote != -1 and cand.quote != quote and quote == -1 and cand.paragraph == paragraph:
            return True  # a name inside the words the pronoun speaks
        if quote != -1 and cand.quote != quote and cand.role == "subj" and cand.paragraph == paragraph:
            return True  # the speaker of the quotation the pronoun stands in
        if quote != -1 and cand.quote == -1 and cand.role == "subj" and cand.sent == self._introducer(quote):
            return True  # the speaker of a block quotation introduced by "X reports:" in the paragraph before
        if contains(self.doc[cand.token], tok):
            return True  # "a media event held at its headquarters": a phrase never holds its own antecedent
        if tok.lower_ in REFLEXIVE_PRONOUNS or tok.dep_ == "poss" or tok.tag_ == "PRP$":
            return False
        return tok.dep_ not in SUBJECT_DEPS and coargument_subject(tok, cand.token, self.doc)

    def _introducer(self, quote: int) -> int | None:
        """The sentence that introduces quotation `quote` with a colon ("The reporter wrote:"), if any."""
        if quote not in self._introducers:
            found = None
            start = self.layout.quotes[quote][0]
            span = self.doc.char_span(start, start + 1, alignment_mode="expand")
            last = span.start - 1 if span is not None else -1
            while last >= 0 and self.doc[last].is_space:
                last -= 1
            if last >= 0 and self.doc[last].text == ":":
                found = self.layout.sent(last)
            self._introducers[quote] = found
        return self._introducers[quote]

    def _named(self, cand: Candidate) -> Candidate:
        """The latest named mention of the candidate's referent (itself if it is one)."""
        for other in reversed(self.active):
            if other.key == cand.key and other.named:
                return other
        return cand

    def _why(self, tok: Token, kind: str, cand: Candidate, here: int, rivals: int) -> str:
        if kind in SEX_WORD and cand.label == "PERSON_NOM":
            agreement = f"a person named by the noun '{cand.head}'"
        elif kind in SEX_WORD:
            feats = self.people.get(cand.key)
            if feats is not None and feats.sex == kind:
                agreement = f"{SEX_WORD[kind]} PERSON by {feats.reason}"
            elif feats is not None and feats.sex is not None:
                agreement = f"PERSON whose {feats.reason} only suggests {SEX_WORD[feats.sex]}"
            else:
                agreement = "PERSON of unknown sex"
        elif kind == "n":
            agreement = f"singular {cand.label}"
        else:
            agreement = "group" if cand.label == "GROUP" else f"{cand.label} as a group"
        back = self.layout.distance(cand.sent, here)
        where = {0: "this sentence", 1: "the previous sentence"}.get(back, f"{back} sentences back")
        salience = f"subject in {where}" if cand.role == "subj" else f"mentioned in {where}"
        if back > 1:
            salience = salience.replace("in ", "", 1)
        if rivals == 1:
            salience = "the only compatible mention, " + salience
        return f"{tok.text} -> {self._named(cand).canonical} ({agreement}; {salience})"

    # --- relative pronouns and descriptions ------------------------------------------------
    def _relative(self, tok: Token) -> Resolution | None:
        clause = relative_clause(tok)
        noun = clause.head if clause is not None else None
        if noun is None:
            return None
        key = self.key_at.get(noun.i)
        if key is not None:
            named = next((c for c in reversed(self.active) if c.key == key and c.named), None)
            if named is not None:
                return Resolution(
                    named.canonical,
                    named.start,
                    named.end,
                    f"{tok.text} -> {named.canonical} (relative pronoun of '{noun.text}')",
                )
        earlier = self.results.get(noun.i)
        if earlier is not None:
            return replace(
                earlier, why=f"{tok.text} -> {earlier.canonical} (relative pronoun of '{noun.text}')"
            )
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        phrase = self.doc[phrase_start(noun, NAME_PHRASE_DEPS) : noun.i + 1]
        return Resolution(
            phrase.text, phrase.start_char, phrase.end_char, f"{tok.text} -> {phrase.text} (relative pronoun)"
        )

    def _description(self, tok: Token) -> Resolution | None:
        found = resolve_description(tok, self.active, self.people, self.layout, self.lex)
        if found is None:
            return None
        cand, reason = found
        named = self._named(cand)
        res = Resolution(
            named.canonical, named.start, named.end, f"{phrase_text(tok)} -> {named.canonical} ({reason})"
        )
        self._remember(tok, cand, res)
        return res


def resolve_document(doc: Doc) -> dict[int, Resolution | None]:
    """Token index -> Resolution (or None) for every anaphor in `doc`."""
    return _Resolver(doc).run()
