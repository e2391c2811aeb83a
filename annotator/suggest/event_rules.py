"""Rule-based event suggestions: triggers from the schema's words (on lemmas), types decided by context, arguments
from the dependency parse. A pure function of a parsed spaCy Doc (tagger, attribute_ruler, lemmatizer, parser, ner).

Scoring favours what annotators of news mark: specific, real events with participants. A trigger is scored down
when it is negated, hypothetical or future, or a bare generic noun; a *weak* trigger (a word with other, common
senses) is kept only when a cue word or a fitting participant supports the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from annotator.rules import takes, takes_value
from annotator.suggest.arg_spans import entity_index
from annotator.suggest.event_args import fill_roles, frame
from annotator.suggest.event_context import Context, read_context
from annotator.suggest.event_lexicon import Lexicon, Pattern, matches
from annotator.suggest.noun_classes import guess_label
from annotator.suggest.rule_weights import LINK, THRESHOLD, WEIGHTS
from annotator.suggest.rule_weights import score as rule_score
from annotator.suggest.token_arrays import FirstWords, trigger_starts
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

RULES_VERSION = 1
TRIGGER_POS = {"VERB", "NOUN", "ADJ"}  # not PROPN: a capitalised trigger word is part of a name or a month ("March")
# entity labels inside which a word is part of a name, not an event ("Attack Helicopter Battalion", "Al-Qaida")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}
_NON_CORE = {"Time", "Place"}
ALTERNATIVES_CUT = 0.25  # a runner-up type this close to the best one's score is kept as an alternative
SHARED_ROLES = {"Attacker": "Agent"}  # a role of the inner event that is another role of the outer one
HOST_ROLES = {"Agent": "Attacker", "Victim": "Target"}  # and of the outer event in the inner one (ACE: who is killed
# in an attack is its target, intended or not)
_SPLIT_DEPS = {"prt", "oprd", "acomp", "ccomp", "xcomp", "dobj"}
# forms less often used for a specific event that happened: base-form verbs ("to attack", "could attack"),
# gerunds and present participles ("fighting"), plural nouns ("attacks on civilians"); the weights of these terms
# and of the others are in rule_weights.py
FORMS = {"VB", "VBG", "NNS"}
# the same forms, and adjectives, with no one taking part: mostly generic ("attacks are rising", "to die")
BARE_FORMS = {"VB", "VBG", "NNS", "JJ"}


@dataclass
class _Candidate:
    type: str
    pattern: Pattern
    score: float
    arguments: list[ArgumentSuggestion] = field(default_factory=list)


class RuleEventSuggester:
    """Suggests events of a schema's types from its trigger words, the parse and the entities."""

    def __init__(
        self,
        schema: Any,
        threshold: float = THRESHOLD,
        weights: Mapping[str, float] | None = None,
        link: str = LINK,
    ) -> None:
        self.schema = schema
        self.types = {t.name: t for t in schema.events}
        self.lexicon = Lexicon.from_schema(schema)
        self._first_words = FirstWords(self.lexicon.by_first)
        self.cues = {t.name: frozenset(" ".join(_cue_words(c)) for c in getattr(t, "cues", ())) for t in schema.events}
        self._phrases = _phrases(c for t in schema.events for c in getattr(t, "cues", ()))
        self.blockers = {t.name: frozenset(c.lower() for c in getattr(t, "blockers", ())) for t in schema.events}
        self.threshold = threshold
        self.weights = WEIGHTS if weights is None else weights  # of the kinds of evidence (rule_weights.TERMS)
        self.link = link
        self.trace: list | None = None  # a list: every candidate's (type, start, end, terms, score) is added to it
        self._attributes = {a.name: a for a in schema.attributes}

    @property
    def source(self) -> str:
        return f"rules:{self.schema.name}@{RULES_VERSION}"

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        if not self.types or len(doc) == 0 or not doc.has_annotation("DEP"):
            return []  # no event types, or no parse to read arguments and sentences from
        ents = entity_index(doc, entities)
        named = {i for i, (_, _, lab) in ents.items() if lab in NAME_LABELS}
        out: list[EventSuggestion] = []
        taken: set[int] = set()
        seen: set[tuple[str, str]] = set()  # (type, lemma) already suggested in this document
        heads: list[int] = []  # the head token of each suggestion in ``out``
        # in document order, only the tokens of a trigger's part of speech, outside a name, that may start a pattern
        for tok, sent in trigger_starts(doc, self._first_words, TRIGGER_POS, named):
            if tok.i in taken:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and guess_label(tok) is not None and not _state_of(tok):
                continue  # a person or thing, not an event
            if _caption_side(tok):  # "Jeanette Vizguerra, left, ...": where a person stands in a photo
                continue
            found = self._match(tok, sent, named)
            if not found:
                continue
            if _in_short_quote(tok, sent):  # '"extrajudicial murder"', 'chanted "16 shots"': words cited, no event
                continue
            length, patterns, extra = found
            span_toks = doc[tok.i : tok.i + length]
            head = span_toks.root
            suggestion = self._decide(head, span_toks, patterns, sent, ents, entities, seen, extra)
            if suggestion is not None:
                seen.add((suggestion.type, head.lemma_.lower()))
                for s in (suggestion, *self._implied(suggestion)):
                    out.append(s)
                    heads.append(head.i)
                taken.update(range(tok.i, tok.i + length))
                taken.update(extra)
        return self._share_arguments(doc, out, heads)

    def _implied(self, event: EventSuggestion) -> list[EventSuggestion]:
        """The events this one also is (the schema's ``implies``: an execution is a death), on the same trigger, with
        the arguments whose role the other type has (under its own name there) and whose label it accepts."""
        out = []
        for name, pairs in self.types[event.type].implies:
            other = self.types.get(name)
            if other is None:
                continue
            renamed = dict(pairs)
            args = []
            for a in event.arguments:
                role = other.role(renamed.get(a.role, a.role))
                if role is not None and takes(role, a.label):
                    args.append(replace(a, role=role.name))
            out.append(replace(event, type=name, arguments=tuple(args), alternatives=()))
        return out

    def _share_arguments(self, doc: Any, events: list[EventSuggestion], heads: list[int]) -> list[EventSuggestion]:
        """An event told as happening in another ("killed in an attack by rebels in Adana") takes that event's
        participants for its own empty roles of the same kind: the attacker killed, in the attack's place; and the
        other takes this one's ("Badreddine was killed in an attack": the one killed is the attack's target)."""
        by_head = dict(zip(heads, events))
        out = []
        pairs: list[tuple[int, int]] = []  # (index of the event in ``out``, head of the event it happened in)
        for e, hi in zip(events, heads):
            h = doc[hi]
            inner = [
                g
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "from")
                for g in c.children
                if g.dep_ == "pobj" and g.i in by_head
            ]
            if not inner:
                out.append(e)
                continue
            other = by_head[inner[0].i]
            pairs.append((len(out), inner[0].i))
            out.append(self._with_arguments_of(e, other, SHARED_ROLES))
        at = {h: i for i, h in enumerate(heads)}
        for i, h in pairs:
            j = at[h]
            out[j] = self._with_arguments_of(out[j], out[i], HOST_ROLES)
        return out

    def _with_arguments_of(self, e: EventSuggestion, other: EventSuggestion, names: dict[str, str]) -> EventSuggestion:
        """``e`` with ``other``'s arguments in its empty roles of the same name (or the one ``names`` gives), where
        the label fits."""
        etype = self.types[e.type]
        have = {a.role for a in e.arguments}
        spans = {(a.start, a.end) for a in e.arguments}
        extra = []
        for a in other.arguments:
            role = names.get(a.role, a.role)
            r = etype.role(role)
            if r is None or role in have or (a.start, a.end) in spans or not takes(r, a.label):
                continue
            if a.start < e.trigger_end and e.trigger_start < a.end:  # "an airstrike 10 days ago" (a DATE)
                continue
            extra.append(ArgumentSuggestion(role, a.start, a.end, a.label, a.score))
            have.add(role)
        return replace(e, arguments=e.arguments + tuple(extra)) if extra else e

    def _match(self, tok: Any, sent: Any, named: set[int]) -> tuple[int, list[Pattern], list[int]] | None:
        """The longest trigger starting at ``tok``, every pattern of that length matching it, and the index of a
        second word standing apart ("took it over", "found him guilty": the trigger span is the verb)."""
        best: tuple[int, list[Pattern], list[int]] | None = None
        for p in self.lexicon.candidates(tok):
            n, extra = p.length, []
            ok = tok.i + n <= sent.end and all(
                matches(p.words[k], tok.doc[tok.i + k]) and tok.i + k not in named for k in range(1, n)
            )
            if not ok and n == 2 and tok.pos_ == "VERB":
                extra = [c.i for c in tok.children if c.dep_ in _SPLIT_DEPS and matches(p.words[1], c)][:1]
                ok, n = bool(extra), 1
            if not ok:
                continue
            rank = p.length  # a split two-word trigger outranks a one-word one
            if best is None or rank > best[0]:
                best = (rank, [p], extra)
            elif rank == best[0] and p not in best[1]:
                best[1].append(p)
        if best is None:
            return None
        return (1 if best[2] else best[0]), best[1], best[2]

    def _decide(
        self,
        head: Any,
        span: Any,
        patterns: list[Pattern],
        sent: Any,
        ents: dict,
        entities: Sequence[tuple[int, int, str]],
        seen: set[tuple[str, str]],
        extra: Sequence[int] = (),
    ) -> EventSuggestion | None:
        ctx = read_context(head)
        pairs = frame(head)
        if extra:  # "lost their lives": the second word of the trigger is no participant, and the verb has no object
            pairs = [(s, t) for s, t in pairs if t.i not in extra]
            if not any(s == "obj" for s, _ in pairs):
                pairs = [("subj_intrans" if s == "subj" else s, t) for s, t in pairs]
        neighbours = _neighbour_lemmas(head, self._phrases)
        direct = frozenset(c.lemma_.lower() for c in head.children) | frozenset(f"dep:{c.dep_}" for c in head.children)
        direct |= _means(head)  # "talked by phone": no meeting
        if self._event_object(head, span):
            direct |= {"obj:event"}  # "fleeing war", "brought charges": what is fled or brought is an event
        direct |= _object_labels(head, span)  # "donated weapons": "obj:product", a thing given, not money
        purpose = _purpose(head)
        cands: list[_Candidate] = []
        for type_name in dict.fromkeys(p.type for p in patterns):
            pattern = (
                next(p for p in patterns if p.type == type_name and not p.weak)
                if any(p.type == type_name and not p.weak for p in patterns)
                else next(p for p in patterns if p.type == type_name)
            )
            etype = self.types[type_name]
            args = fill_roles(etype, pairs, ents, (span.start_char, span.end_char), sent, entities)
            core = sum(1 for a in args if a.role not in _NON_CORE and a.score >= 0.5)
            if not core and _person_pronoun(pairs):  # "his conversations", "they attacked": a participant all the same
                core = 1
            # "talks in Moscow" (not the fallback); a plural is not singled out by a place or a date ("attacks in
            # Orlando and Brussels", "street protests"): several events, or a kind of event - unless the schema
            # writes the trigger in the plural, a word plural in form that names one event ("talks", "negotiations")
            several = head.tag_ == "NNS" and not any(p.type == type_name and p.words[0].noun_only for p in patterns)
            anchored = not several and any(a.role in _NON_CORE and a.score >= 0.5 for a in args)
            cue = len(self.cues[type_name] & neighbours)
            roles_filled = len({a.role for a in args if a.role not in _NON_CORE and a.score >= 0.5})
            # a word with other senses needs support: a cue, two roles, or who with whom ("Putin hosted Erdogan")
            if (
                pattern.weak
                and not cue
                and roles_filled < 2
                and not _named_subject_and_object(pairs, args)
                and not _person_undergoing(head, args)
            ):
                continue
            if pattern.weak and not cue and _misfits(pairs, args, ("obj",)):  # "gave him a standing ovation"
                continue
            if self.blockers[type_name] & direct:  # "press conference" is not a meeting
                continue
            if (
                pattern.weak
                and purpose is not None
                and not self._of_type(type_name, purpose)
                and not any(self._doer(type_name, t) for s, t in pairs if s in ("subj", "subj_intrans"))
            ):
                continue  # "gathered for the weekly market", "gather to see him speak": gathered, not protesting
            terms: dict[str, float] = {"core": min(core, 2), "cue": min(cue, 2)}
            terms.update((sign, 1.0) for sign in ctx.signs)
            if any(a.role not in _NON_CORE and a.score >= 0.8 for a in args):  # a named participant
                terms["named"] = 1
            if any(a.role == "Time" for a in args):  # a time of its own: a specific event
                terms["time"] = 1
            # an object no role takes points to another sense ("returned fire", "met all conditions")
            terms["misfit_object"] = _misfits(pairs, args, ("obj",))
            terms["misfit_subject"] = _misfits(pairs, args, ("subj_intrans",))
            if not core and not anchored:  # no participant: often a generic or a later mention
                terms["no_participant"] = 1
                if head.tag_ in BARE_FORMS:  # "attacks", "to die", "talking", "dead" with no one taking part
                    terms["bare_form"] = 1
            if head.pos_ in ("NOUN", "PROPN") and not core and not anchored and ctx.generic_noun:
                terms["generic_noun"] = 1
            if not core and not anchored and _possessive_pronoun(head):  # "his death": an event told before
                terms["known_event"] = 1
            if head.tag_ in FORMS:  # base-form verbs, gerunds, plural nouns
                terms[f"form_{head.tag_}"] = 1
            if head.dep_ in ("amod", "compound", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
                terms["modifier"] = 1
            if pattern.weak:
                terms["weak"] = 1
            if not core and (type_name, head.lemma_.lower()) in seen:  # a later mention of an event already suggested
                terms["later_mention"] = 1
            if ctx.given and any(t == type_name for t, _ in seen):
                terms["given"] = 1
            elif not core and _definite_object(head) and any(t == type_name for t, _ in seen):
                terms["definite_object"] = 1  # "caused the blast", "with the chemical attack in Syria": told before
            score = rule_score(terms, self.weights, self.link)
            if self.trace is not None:
                self.trace.append((type_name, span.start_char, span.end_char, terms, score))
            cands.append(_Candidate(type_name, pattern, score, args))
        if not cands:
            return None
        cands.sort(key=lambda c: -c.score)
        best = cands[0]
        if best.score < self.threshold:
            return None
        alternatives = tuple(c.type for c in cands[1:] if c.score >= best.score - ALTERNATIVES_CUT)
        return EventSuggestion(
            best.type,
            span.start_char,
            span.end_char,
            round(best.score, 3),
            tuple(best.arguments),
            alternatives,
            self._attrs(ctx),
        )

    def _of_type(self, type_name: str, words: Sequence[Any]) -> bool:
        """Whether ``words`` hold a trigger word or a cue of the type ("gathered to protest", "for a rally")."""
        cues = self.cues[type_name]
        return any(
            t.lemma_.lower() in cues or t.lower_ in cues or any(p.type == type_name for p in self.lexicon.candidates(t))
            for t in words
        )

    def _event_object(self, head: Any, span: Any) -> bool:
        """Whether the verb's object (outside the trigger) is a noun naming an event, a trigger word of the schema
        ("fleeing war and poverty", "brought charges against him", "returned fire")."""
        return head.pos_ == "VERB" and any(
            c.dep_ == "dobj"
            and c.pos_ == "NOUN"
            and not c.ent_type_
            and not span.start <= c.i < span.end
            and guess_label(c) is None
            and self.lexicon.candidates(c)
            for c in head.children
        )

    def _doer(self, type_name: str, tok: Any) -> bool:
        """A noun naming those who do an event of the type, made from one of its triggers ("protesters",
        "demonstrators", "rioters"): who they are already tells the sense ("demonstrators rally to mark ...")."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or not lemma.endswith(("er", "or")):
            return False
        stem = lemma[:-2]
        return any(
            p.type == type_name and not p.weak
            for base in (stem, stem + "e")
            for p in self.lexicon.by_first.get(base, ())
        )

    def _attrs(self, ctx: Context) -> dict[str, str]:
        out = {}
        for name, value in ctx.attributes.items():
            attr = self._attributes.get(name)
            if attr is not None and takes_value(attr, value):
                out[name] = value
        return out


STATE_PREPS = {"to", "in", "into", "behind"}


def _state_of(tok: Any) -> bool:
    """A place noun without a determiner after "to", "in", "into" or "behind" names a state one is put in, not the
    building: "took them to jail", "kept in prison" (but "attacked the jail", "a jail in Sanaa")."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in STATE_PREPS
        and guess_label(tok) == "FAC"
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children)
    )


MEANS_PREPS = {"by", "via"}


def _means(head: Any) -> frozenset[str]:
    """Lemmas of what the event is done by or via ("talked by phone", "spoke via video link"): a blocker there rules
    a type out as one of the trigger's own modifiers does."""
    return frozenset(
        x.lemma_.lower()
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in MEANS_PREPS
        for g in c.children
        if g.dep_ == "pobj"
        for x in (g, *(k for k in g.children if k.dep_ == "compound"))
    )


def _object_labels(head: Any, span: Any) -> frozenset[str]:
    """ "obj:LABEL" (lowercase) for what a verb trigger is done to (its object outside the trigger) or a noun trigger
    is of ("donation of arms"), by its entity label or the label its noun is guessed to name: a blocker
    "obj:product" rules a type out where the thing given is a weapon or a vehicle (ACE: a Transfer-Money gives
    money; "donated weapons" is a transfer of ownership)."""
    if head.pos_ == "VERB":
        objs = [c for c in head.children if c.dep_ == "dobj" and not span.start <= c.i < span.end]
    elif head.pos_ == "NOUN":
        objs = [
            g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    else:
        return frozenset()
    return frozenset(f"obj:{label.lower()}" for o in objs if (label := o.ent_type_ or guess_label(o)))


def _person_undergoing(head: Any, args: Sequence[ArgumentSuggestion]) -> bool:
    """A verb in the passive whose subject, a person, fills a core role: something done to someone by a doer the
    passive leaves implicit ("the pilot was being held", "the suspect was picked up"), who did what to whom as two
    roles tell, one of them unsaid."""
    if head.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and any(
        a.start <= subj.idx < a.end and a.label == "PERSON" and a.role not in _NON_CORE for a in args
    )


def _purpose(head: Any) -> list[Any] | None:
    """The words of what a verb with no object is said to be done for: a "for" phrase ("gathered for the weekly
    market"; not a duration or a name: "for two hours", "fought for Mosul") or a "to" infinitive ("gathered to see him speak"); None without one.
    ACE: a word with several senses takes the sense of the event only when its stated purpose is one."""
    if head.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative") for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("NOUN", "ADJ") and not objs[0].ent_type_:  # not "for two hours", "for Mosul"
                return list(c.subtree)
        if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return list(c.subtree)
    return None


def _caption_side(tok: Any) -> bool:
    """The word "left" or "right" set off by commas or brackets after a name, as photo captions place people."""
    doc = tok.doc
    return (
        tok.lower_ in ("left", "right")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].text in (",", "(")
        and doc[tok.i + 1].text in (",", ")")
    )


SHORT_QUOTE = 3  # words at most between quotation marks for a cited term, a slogan or a title


def _in_short_quote(tok: Any, sent: Any) -> bool:
    """Whether the word stands between quotation marks with at most SHORT_QUOTE words in all (a term, slogan or title
    cited, not reported speech)."""
    left = next((t for t in reversed(sent[: tok.i - sent.start]) if t.is_quote), None)
    right = next((t for t in sent[tok.i - sent.start + 1 :] if t.is_quote), None)
    if left is None or right is None:
        return False
    inside = [t for t in tok.doc[left.i + 1 : right.i] if not t.is_punct]
    return len(inside) <= SHORT_QUOTE


_PERSONAL = {"he", "she", "they", "we", "i", "him", "her", "them", "us", "me", "his", "their", "our", "my"}


def _person_pronoun(pairs: Sequence[tuple[str, Any]]) -> bool:
    return any(tok.lower_ in _PERSONAL for slot, tok in pairs if slot in ("subj", "subj_intrans", "obj", "subjpass"))


DEFINITE_DETS = {"the", "this", "that", "these", "those"}


def _definite_object(head: Any) -> bool:
    """A noun trigger with "the" (or "this", "that"), as the object of a verb or a preposition."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in head.children)
    )


def _possessive_pronoun(head: Any) -> bool:
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


def _named_subject_and_object(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion]) -> bool:
    """A named subject and a named person as object both taken as participants (in one role or two): one party
    doing something to or with another, as two roles tell ("Putin hosted Erdogan"); not two parties after "to"
    or "with" ("speaks to his supporters")."""

    def named(tok: Any) -> ArgumentSuggestion | None:
        return next(
            (a for a in args if a.start <= tok.idx < a.end and a.score >= 0.8 and a.role not in _NON_CORE), None
        )

    subj = [a for slot, t in pairs if slot in ("subj", "subj_intrans") and (a := named(t)) is not None]
    obj = [a for slot, t in pairs if slot == "obj" and (a := named(t)) is not None and a.label == "PERSON"]
    return bool(subj and obj and subj[0] != obj[0])


NUMBER_LABELS = {"CARDINAL", "QUANTITY"}


def _misfits(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion], slots: tuple[str, ...]) -> int:
    """Nouns in ``slots`` of the frame that no role took (pronouns and numbers aside: "left dozens dead", "killed
    hundreds" count people, no other sense of the word)."""
    n = 0
    for slot, tok in pairs:
        if (
            slot in slots
            and tok.pos_ == "NOUN"
            and tok.ent_type_ not in NUMBER_LABELS
            and not any(a.start <= tok.idx < a.end for a in args)
        ):
            n += 1
    return min(n, 1)


def _cue_words(cue: str) -> tuple[str, ...]:
    """A cue's words as the tokenizer splits them: lowercase, a hyphen a word of its own ("face - to - face")."""
    return tuple(cue.lower().replace("-", " - ").split())


def _phrases(cues: Any) -> dict[str, list[tuple[str, ...]]]:
    """Cues of several words, by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        words = _cue_words(cue)
        if len(words) > 1:
            out.setdefault(words[-1], []).append(words)
    return out


def _neighbour_lemmas(head: Any, phrases: dict[str, list[tuple[str, ...]]]) -> frozenset[str]:
    """Words close to the trigger in the parse (its head, children, grandchildren and siblings), each as its lemma
    and its lowercase form ("troops", "thousands": a cue written in the plural), and a cue of several words
    (``phrases``, by last word) that ends on one of them ("tear gas", "at least")."""
    near = [head.head]
    for c in head.children:
        near.append(c)
        for g in c.children:
            near.append(g)
            if c.dep_ in ("prep", "agent") or g.lower_ == "of":  # "by phone call", "a barrage of missiles"
                near.extend(g.children)
    near.extend(s for s in head.head.children if s.i != head.i)
    doc = head.doc
    out = set()
    for t in near:
        low = t.lower_
        out.add(t.lemma_.lower())
        out.add(low)
        for words in phrases.get(low, ()):
            n = len(words)
            if t.i + 1 >= n and all(doc[t.i - n + 1 + k].lower_ == words[k] for k in range(n - 1)):
                out.add(" ".join(words))
    return frozenset(out)
