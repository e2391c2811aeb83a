"""Rule-based event suggestions: triggers from the schema's words (on lemmas), types decided by context, arguments
from the dependency parse. A pure function of a parsed spaCy Doc (tagger, attribute_ruler, lemmatizer, parser, ner).

Scoring favours what annotators of news mark: specific, real events with participants. A trigger is scored down
when it is negated, hypothetical or future, or a bare generic noun; a *weak* trigger (a word with other, common
senses) is kept only when a cue word or a fitting participant supports the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from heapq import merge
from typing import Any, Mapping, Sequence

from annotator.rules import takes, takes_value
from annotator.suggest.arg_spans import PLACE_LABELS, entity_index, span_of
from annotator.suggest.event_args import fill_roles, frame, phrase_parties, phrase_settings
from annotator.suggest.nearest_setting import SentenceEntities
from annotator.suggest.place_spans import with_regions
from annotator.suggest.event_context import Context, read_context
from annotator.suggest.event_lexicon import Lexicon, Pattern, matches
from annotator.suggest.event_sharing import implied_events, share_arguments
from annotator.suggest.abstract_goings import abstract_going_kinds
from annotator.suggest.figurative import told_in_words
from annotator.suggest.headlines import headline_end, headline_match, headline_starts
from annotator.suggest.hosting import hosted_guest
from annotator.suggest.call_channels import one_call
from annotator.suggest.leaving_places import DIRECTIONS, directed, placeless, without_place_left
from annotator.suggest.markets import market_kinds
from annotator.suggest.measures import measure_kinds
from annotator.suggest.gifts import thing_given
from annotator.suggest.object_senses import object_sense_kinds
from annotator.suggest.turns_of_phrase import labour_strike
from annotator.suggest.messages import called_object, object_words, person_phoned, senders
from annotator.suggest.messages import split_object_phrases, wrote_to_party
from annotator.suggest.passive_parties import named_passive_pair
from annotator.suggest.pay_idioms import pay_idiom_kinds
from annotator.suggest.person_objects import person_object_kinds
from annotator.suggest.purchases import bought
from annotator.suggest.noun_classes import (
    PersonNouns,
    counted,
    guess_label,
    is_vehicle,
    is_weapon,
    names_person,
    noun_kind,
    lemma_of,
)
from annotator.suggest.rule_weights import LINK, THRESHOLD, WEIGHTS
from annotator.suggest.rule_weights import score as rule_score
from annotator.suggest.sides_between import sides_between
from annotator.suggest.token_arrays import FirstWords, QuoteMarks, trigger_starts
from annotator.suggest.trigger_clues import (
    NON_CORE,
    caption_side,
    cue_phrases,
    cue_words,
    definite_object,
    describes_noun,
    for_duration,
    in_a_run,
    in_short_quote,
    listed_with_things,
    means,
    misfits,
    named_subject_and_object,
    neighbour_lemmas,
    own_against,
    parties,
    person_pronoun,
    person_undergoing,
    possessive_pronoun,
    pronoun_sides,
    purpose_of,
    put_in_state,
    state_in,
    state_of,
    unplaced_object,
    what_a_body_does,
)
from annotator.suggest.trigger_sides import (
    kinds_of_sides,
    object_labels,
    object_kinds,
    objects_of,
    of_weapons,
    own_object,
)
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

RULES_VERSION = 1
# not PROPN: a capitalised trigger word is part of a name or a month ("March"), but in a title-case headline (headlines.py)
TRIGGER_POS = {"VERB", "NOUN", "ADJ"}
# entity labels inside which a word is part of a name, not an event ("Attack Helicopter Battalion", "Al-Qaida")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}
ALTERNATIVES_CUT = 0.25  # a runner-up type this close to the best one's score is kept as an alternative
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


GOAL_PREPS = {"to", "into", "toward", "towards"}  # where a going ends
# the blocker kinds a type's blockers may meet among the head's own words and still let it through: "obj:thing" (a cue
# or a person's noun as the object), "for" and "dep:oprd" (taken off ``direct`` for a length of time, a call)
_LET_THROUGH = frozenset({"obj:thing", "for", "dep:oprd"})

FINITE_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})  # verbs with a tense (a past participle: "were killed")


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
        self.cues = {t.name: frozenset(" ".join(cue_words(c)) for c in getattr(t, "cues", ())) for t in schema.events}
        self.phrases = cue_phrases(c for t in schema.events for c in getattr(t, "cues", ()))
        self.blockers = {t.name: frozenset(c.lower() for c in getattr(t, "blockers", ())) for t in schema.events}
        self.threshold = threshold
        self.weights = WEIGHTS if weights is None else weights  # of the kinds of evidence (rule_weights.TERMS)
        self.link = link
        self.trace: list | None = None  # a list: every candidate's (type, start, end, terms, score) is added to it
        self._attributes = {a.name: a for a in schema.attributes}
        self._kinds_of_types: dict[frozenset[str], frozenset[str]] = {}  # ``_blocker_kinds``'s, per set of types

    @property
    def source(self) -> str:
        return f"rules:{self.schema.name}@{RULES_VERSION}"

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        if not self.types or len(doc) == 0 or not doc.has_annotation("DEP"):
            return []  # no event types, or no parse to read arguments and sentences from
        ents = entity_index(doc, entities)
        entities = with_regions(doc, entities, ents)  # "Mombasa, Kenya": one place
        named = {i for i, (_, _, lab) in ents.items() if lab in NAME_LABELS}
        out: list[EventSuggestion] = []
        taken: set[int] = set()
        seen: set[tuple[str, str]] = set()  # (type, lemma) already suggested in this document
        heads: list[int] = []  # the head token of each suggestion in ``out``
        by_sentence = SentenceEntities(entities)
        person_nouns = PersonNouns(doc)  # this document's, read at the first question
        quotes = QuoteMarks(doc)
        fillers: dict = {}  # the arguments' fillers read (``fill_roles``): ``ents`` is this document's from here on
        # in document order, only the tokens of a trigger's part of speech, outside a name, that may start a pattern
        top = headline_end(doc)
        # a title-case headline's words the tagger took for names, read by their lower case, then the other words
        starts = merge(
            headline_starts(doc, top, self.lexicon, named, TRIGGER_POS),
            trigger_starts(doc, self._first_words, TRIGGER_POS, named),
            key=lambda pair: pair[0].i,
        )
        for tok, sent in starts:
            if tok.i in taken:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and guess_label(tok) is not None and not state_of(tok):
                continue  # a person or thing, not an event
            if caption_side(tok):  # "Jeanette Vizguerra, left, ...": where a person stands in a photo
                continue
            found = headline_match(tok, self.lexicon, named, TRIGGER_POS) if tok.i < top else None
            found = found or self._match(tok, sent, named)
            if not found:
                continue
            if in_short_quote(
                tok, sent, quotes
            ):  # '"extrajudicial murder"', 'chanted "16 shots"': words cited, no event
                continue
            length, patterns, extra = found
            span_toks = doc[tok.i : tok.i + length]
            head = span_toks.root
            suggestion = self._decide(
                head, span_toks, patterns, sent, ents, by_sentence.of(sent), seen, person_nouns, extra, fillers
            )
            if suggestion is not None:
                suggestion = without_place_left(suggestion, head)
                seen.add((suggestion.type, lemma_of(head)))
                for s in (suggestion, *implied_events(self.types, suggestion)):
                    out.append(s)
                    heads.append(head.i)
                taken.update(range(tok.i, tok.i + length))
                taken.update(extra)
                taken.update(object_words(doc, extra))  # "answering phone calls": no second trigger on "phone"
        if len(out) > 1:  # "spoke to her in a phone call": one event, on the verb
            kept = one_call(doc, [s.type for s in out], heads)
            out = [s for s, k in zip(out, kept) if k]
            heads = [h for h, k in zip(heads, kept) if k]
        return share_arguments(self.types, doc, out, heads)

    def _blocker_kinds(self, patterns: Sequence[Pattern]) -> frozenset[str]:
        """Every blocker kind of the types ``patterns`` name (kept per set of types)."""
        types = frozenset(p.type for p in patterns)
        kinds = self._kinds_of_types.get(types)
        if kinds is None:
            kinds = self._kinds_of_types[types] = frozenset().union(*(self.blockers[t] for t in types))
        return kinds

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
        person_nouns: PersonNouns,
        extra: Sequence[int] = (),
        fillers: dict | None = None,
    ) -> EventSuggestion | None:
        pairs = frame(head) + phrase_settings(head, span) + phrase_parties(head, span)
        if extra:  # "lost their lives": the second word of the trigger is no participant, and the verb has no object
            pairs = [(s, t) for s, t in pairs if t.i not in extra]
            # "found Zielinski guilty": the small clause's subject is the verb's object, its subject a transitive one
            said = [c for x in extra for c in head.doc[x].children if c.dep_ == "nsubj" and c.i > head.i]
            if said:
                pairs = [("obj", c) for c in said] + [("subj" if s == "subj_intrans" else s, t) for s, t in pairs]
            if not any(s == "obj" for s, _ in pairs):
                pairs = [("subj_intrans" if s == "subj" else s, t) for s, t in pairs]
            pairs += split_object_phrases(head.doc, extra)  # "answering calls from kids": the call's "from"
        pairs += senders(pairs)  # "a phone call from a child": who it comes from, no place
        called = called_object(head)  # "Trump called the Australian prime minister": the parse's complement
        pairs += called
        neighbours = neighbour_lemmas(head, self.phrases)
        # a weak trigger's own words are no support of it ("years in prison" by its "prison"); a strong one's may be
        # its type's cue, and tell it from another type's weak reading of the word ("visited", Transport's "visit")
        apart = neighbour_lemmas(head, self.phrases, range(span.start, span.end)) if len(span) > 1 else neighbours
        kids = [(lemma_of(c), c.dep_) for c in head.children]  # read once: a Token and a lemma a child
        direct = frozenset(lemma for lemma, _ in kids) | frozenset(f"dep:{dep}" for _, dep in kids)
        direct |= frozenset(f"{dep}:{lemma}" for lemma, dep in kids)  # "advcl:say": an attack in words
        by = means(head)
        direct |= by  # "talked by phone": no meeting
        if by - neighbours:  # a call the parse hangs on the talk's party ("spoke to analysts on a conference call")
            neighbours |= by  # is a cue as one on the verb is (session 42)
            apart |= by
        # first what a type needs of its arguments and cues (most candidates end there: a weak trigger unsupported),
        # then, for the types left, the blocker kinds and the context: every test a pure function of the parse, so a
        # type is dropped as by the one order before (session 43); a blocker among the head's own words and deps
        # drops a type before its roles are filled ("for" and "dep:oprd" aside: taken off ``direct`` below)
        sides = None
        left = []
        for type_name in dict.fromkeys(p.type for p in patterns):
            pattern = (
                next(p for p in patterns if p.type == type_name and not p.weak)
                if any(p.type == type_name and not p.weak for p in patterns)
                else next(p for p in patterns if p.type == type_name)
            )
            if (self.blockers[type_name] & direct) - _LET_THROUGH:
                continue
            etype = self.types[type_name]
            args = fill_roles(etype, pairs, ents, (span.start_char, span.end_char), sent, entities, fillers)
            core = sum(1 for a in args if a.role not in NON_CORE and a.score >= 0.5)
            if sides is None:
                sides = sides_between(head)  # the head's: one reading for every type
            # "his conversations", "they attacked", "a fight between police and protesters": participants all the same
            if not core and (person_pronoun(pairs) or sides):
                core = 1
            # "a car bomb exploded", "the device exploded": the weapon or the thing made that went off is the event's
            # instrument, no subject of another sense
            instrument = etype.role("Instrument")
            weapon_subject = (
                instrument is not None
                and takes(instrument, "PRODUCT")
                and any(s == "subj_intrans" and (is_weapon(t) or _made_thing(t)) for s, t in pairs)
            )
            if not core and weapon_subject:
                core = 1
            # "talks in Moscow" (not the fallback); a plural is not singled out by a place or a date ("attacks in
            # Orlando and Brussels", "street protests"): several events, or a kind of event - unless the schema
            # writes the trigger in the plural, a word plural in form that names one event ("talks", "negotiations")
            several = head.tag_ == "NNS" and not any(p.type == type_name and p.words[0].noun_only for p in patterns)
            anchored = not several and any(a.role in NON_CORE and a.score >= 0.5 for a in args)
            cue = len(self.cues[type_name] & (apart if pattern.weak else neighbours))
            roles_filled = len({a.role for a in args if a.role not in NON_CORE and a.score >= 0.5})
            # a word with other senses needs support: a cue, two roles, or who with whom ("Putin hosted Erdogan")
            if (
                pattern.weak
                and not cue
                and roles_filled < 2
                and not named_subject_and_object(pairs, args)
                and not named_passive_pair(pairs, args)  # "Obama was greeted by Abe"
                and not hosted_guest(pairs, args)  # "Merkel hosted a dinner for Obama"
                and not person_phoned(head)  # "Obama called the Australian prime minister on Saturday"
                and not wrote_to_party(head)  # "the mayor wrote to the governor"
                and not labour_strike(head, pairs)  # "workers struck for higher pay": a strike, who and why told
                and not person_undergoing(head, args)
                and not (roles_filled == 1 and own_against(head))  # "its war against the government"
                and not pronoun_sides(pairs)
                and not sides  # "a brawl between police and fans": who with whom
            ):
                continue
            if pattern.weak and what_a_body_does(head):
                continue  # "a militant group fighting Indian rule": what the group does, no one occurrence
            if pattern.weak and not cue and misfits(pairs, args, ("obj",)):  # "gave him a standing ovation"
                continue
            if pattern.objects and not any(
                set(pattern.objects) & object_kinds(_counted(o, ents), self.cues[type_name], self.phrases)
                for o in objects_of(head, span)
            ):
                continue  # "threw a party": a word that names the type only with an object of a kind ("threw stones")
            left.append((type_name, pattern, etype, args, core, weapon_subject, anchored, cue, roles_filled))
        if not left:
            return None
        # only the blocker kinds the types left name are read: a kind no type of these blocks on changes nothing below
        # (``blocked`` is a type's blockers met in ``direct``)
        wanted = self._blocker_kinds([p for p in patterns if any(p.type == t[0] for t in left)])
        direct -= {"for"} if for_duration(head) else set()  # "talked for an hour": how long, nothing called for
        direct -= {"dep:oprd"} if called else set()  # the one called, no naming
        if "obj:event" in wanted and self._event_object(head, span):
            direct |= {"obj:event"}  # "fleeing war", "brought charges": what is fled or brought is an event
        if "to:event" in wanted and self._event_goal(head, span):
            direct |= {"to:event"}  # "head to local elections", "sent them to their deaths": no place gone to
        if "for:thing" in wanted and bought(head, self.lexicon.candidates):
            direct |= {"for:thing"}  # "paid for equipment": money given for a thing, a purchase
        if "to:state" in wanted and put_in_state(head, span):
            direct |= {"to:state"}  # "landed Grossu in jail", "sent him to prison": put in a state, not moved
        if "obj:unplaced" in wanted and unplaced_object(head, span):
            direct |= {"obj:unplaced"}  # "left her with little faith", "little was left": no place left or reached
        direct |= object_labels(head, span)  # "donated weapons": "obj:product", a thing given, not money
        direct |= person_object_kinds(
            head
        )  # "Erdogan was received by Putin", "visited Trump": a person, no money or place
        if "in:state" in wanted and head.pos_ == "NOUN" and state_in(head):
            direct |= {"in:state"}  # "died while in police custody": a state one is in, no arrest
        # "the famine that struck North Korea", "the bodies were held"
        direct |= kinds_of_sides(head, span, pairs, wanted)
        # "earning $1 an hour", "a short boat ride from Europe": measures, no event
        direct |= measure_kinds(head, span, wanted)
        if "moved:money" in wanted:
            direct |= market_kinds(head)  # "capital flight", "investors fled emerging markets": money moved, no one
        if "going:abstract" in wanted:
            direct |= abstract_going_kinds(head)  # "returned to the issue", "withdrew from the race": no place
        if "paid:not_money" in wanted:
            direct |= pay_idiom_kinds(head)  # "paid with their lives", "paid lip service": no money given
        if wanted & {"obj:flag", "obj:trend", "obj:joined"}:
            direct |= object_sense_kinds(
                head
            )  # "flew its flag at half-mast", "arrested its slide": no going, no arrest
        if "obj:no_money" in wanted and thing_given(head):
            direct |= {"obj:no_money"}  # "received hundreds of letters", "gave him a medal": a thing, no money
        purpose = purpose_of(head)
        ctx: Context | None = None
        cands: list[_Candidate] = []
        for type_name, pattern, etype, args, core, weapon_subject, anchored, cue, roles_filled in left:
            blocked = self.blockers[type_name] & direct
            if "one_party" in self.blockers[type_name] and parties(etype, args, pairs, head.doc, head) < 2:
                blocked |= {"one_party"}  # "confirmed in an email": ACE's Phone-Write names two parties at least
            # "received a bailout", "gave the company a fine": the noun names the event, the verb is its support (a
            # word of the type itself only for a noun of the type: "paid a fine" is a payment beside the penalty)
            if "obj:support" in self.blockers[type_name] and self._event_object(
                head, span, None if pattern.weak else type_name
            ):
                blocked |= {"obj:support"}
            if "obj:own" in self.blockers[type_name] and pattern.weak and not cue and own_object(head, span):
                blocked |= {"obj:own"}  # "a woman holds her baby": one's own held in one's arms, no arrest
            if blocked == {"obj:thing"} and any(
                lemma_of(o) in self.cues[type_name] or names_person(o, person_nouns) for o in objects_of(head, span)
            ):
                blocked = set()  # a noun the type's cues name, or one used of a person, is no mere thing: "fired
                # the coach", "fired its striker, John Smith"
            if blocked:  # "press conference" is not a meeting
                continue
            if pattern.figurative and not cue and (_in_words(etype, args) or told_in_words(head)):
                continue  # "Bush attacked Rubio", "attacks on Cruz": an attack in words (ACE's Attack is physical)
            if (
                pattern.weak
                and purpose is not None
                and not self._of_type(type_name, purpose)
                # "thousands of protesters": who a count names (session 41)
                and not any(self._doer(type_name, counted(t)) for s, t in pairs if s in ("subj", "subj_intrans"))
                # "wrote to the European Commission to request an extension": a letter's purpose is what it says
                # (session 43)
                and not wrote_to_party(head)
            ):
                continue  # "gathered for the weekly market", "gather to see him speak": gathered, not protesting
            if ctx is None:
                ctx = read_context(head, self._going_for(head))
            terms: dict[str, float] = {"core": min(core, 2), "cue": min(cue, 2)}
            terms.update((sign, 1.0) for sign in ctx.signs)
            if any(a.role not in NON_CORE and a.score >= 0.8 for a in args):  # a named participant
                terms["named"] = 1
            # a noun of a going told with no place it starts or ends at, and less than who moved what ("the pope's
            # arrival", "his visit", "the trip"): a mention of a trip told before, or of none in particular
            if head.pos_ == "NOUN" and roles_filled == 1 and placeless(etype, args, head):
                terms["placeless_noun"] = 1
            # a going in a form of no tense (a base form, a gerund or participle) with no place and no cue of the
            # type: an activity named, no movement from one place to another told ("warplanes flying sorties",
            # "convicted of smuggling immigrants", "spoke of deporting them"); "boarding the helicopter" has its cue
            elif head.tag_ in ("VB", "VBG") and not cue and placeless(etype, args, head) and not directed(head):
                terms["placeless_verb"] = 1
            if any(a.role == "Time" and a.score >= 0.5 for a in args):  # a time the parse gives it: a specific event
                terms["time"] = 1
            # an object no role takes points to another sense ("returned fire", "met all conditions")
            terms["misfit_object"] = misfits(pairs, args, ("obj",))
            terms["misfit_subject"] = 0 if weapon_subject else misfits(pairs, args, ("subj_intrans",))
            if not core and not anchored:  # no participant: often a generic or a later mention
                terms["no_participant"] = 1
                if head.tag_ in BARE_FORMS:  # "attacks", "to die", "talking", "dead" with no one taking part
                    terms["bare_form"] = 1
            if head.pos_ in ("NOUN", "PROPN") and not core and not anchored and ctx.generic_noun:
                terms["generic_noun"] = 1
            if not core and not anchored and possessive_pronoun(head):  # "his death": an event told before
                terms["known_event"] = 1
            if head.tag_ in FORMS:  # base-form verbs, gerunds, plural nouns
                terms[f"form_{head.tag_}"] = 1
            if describes_noun(head):
                terms["modifier"] = 1
            elif head.pos_ == "NOUN" and head.dep_ == "attr" and head.head.lemma_ == "be":
                terms["modifier"] = 1  # "the funds were a personal donation": what the subject is, no event told
            if listed_with_things(head, self._names_event) or in_a_run(head):  # a kind, or one of a run of events
                terms["listed"] = 1
            if pattern.weak:
                terms["weak"] = 1
            # a later mention of an event already suggested, told with no participant: a noun referring back ("the
            # attack"), or a verb of no tense; a finite verb asserts an occurrence of its own ("At least 12 were
            # killed", the parse finding none of its participants)
            if not core and head.tag_ not in FINITE_TAGS and (type_name, lemma_of(head)) in seen:
                terms["later_mention"] = 1
            if ctx.given and any(t == type_name for t, _ in seen):
                terms["given"] = 1
            elif not core and definite_object(head) and any(t == type_name for t, _ in seen):
                terms["definite_object"] = 1  # "caused the blast", "with the chemical attack in Syria": told before
            score = rule_score(terms, self.weights, self.link)
            if self.trace is not None:
                self.trace.append((type_name, span.start_char, span.end_char, terms, score))
            cands.append(_Candidate(type_name, pattern, score, args))
        if not cands or ctx is None:
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

    def _going_for(self, head: Any) -> Any:
        """The verb of going (a trigger word of a type with an Origin or a Destination) a noun trigger is the purpose
        of, by a "for" phrase on it ("will be heading to Kyiv for discussions", "flew to Geneva for talks"), or None:
        what one goes for comes after the going, as real or as far ahead as it is (a reason, "was arrested for the
        attack", is no going's)."""
        if not (head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "for"):
            return None
        verb = head.head.head
        if verb.pos_ != "VERB" or head.head.dep_ != "prep":
            return None
        going = any(
            matches(p.words[0], verb) and any(self.types[p.type].role(r) is not None for r in DIRECTIONS)
            for p in self.lexicon.candidates(verb)
        )
        return verb if going else None

    def _of_type(self, type_name: str, words: Sequence[Any]) -> bool:
        """Whether ``words`` hold a trigger word or a cue of the type ("gathered to protest", "for a rally")."""
        cues = self.cues[type_name]
        return any(
            lemma_of(t) in cues or t.lower_ in cues or any(p.type == type_name for p in self.lexicon.candidates(t))
            for t in words
        )

    def _names_event(self, tok: Any) -> bool:
        """Whether a word may be a trigger of the schema (any type, any reading)."""
        return bool(self.lexicon.candidates(tok))

    def _event_object(self, head: Any, span: Any, type_name: str | None = None) -> bool:
        """Whether the verb's object (outside the trigger) is a noun naming an event, a trigger word of the schema
        ("fleeing war and poverty", "brought charges against him", "returned fire"); of the type ``type_name`` when
        given ("received a bailout", "paid compensation": the noun names the transfer, not "paid a fine")."""
        return head.pos_ == "VERB" and any(
            c.dep_ == "dobj"
            and c.pos_ == "NOUN"
            and not span.start <= c.i < span.end
            and noun_kind(c) is None
            and (found := self.lexicon.candidates(c))
            and (type_name is None or any(p.type == type_name for p in found))
            and not of_weapons(c)  # "received arms supplies": weapons, no event
            for c in head.children
        )

    def _event_goal(self, head: Any, span: Any) -> bool:
        """Whether what the trigger goes "to", "into" or "toward" (a preposition on it or inside a trigger of several
        words: "head to") is a noun naming an event, as ``_event_object`` reads one ("head to local elections",
        "sent the migrants to their deaths", "a return to talks"): an end reached in time, no place."""
        preps = [c for c in head.children if c.dep_ in ("prep", "dative")]  # "sent them to": a dative in the parse
        preps += [t for t in span if t.dep_ == "prep" and t != head]
        return any(
            p.lower_ in GOAL_PREPS
            and g.dep_ == "pobj"
            and g.pos_ == "NOUN"
            and noun_kind(g) is None
            and self.lexicon.candidates(g)
            and not any(t.ent_type_ in PLACE_LABELS for t in g.subtree)  # "traveled to the summit in Warsaw"
            for p in preps
            for g in p.children
        )

    def _doer(self, type_name: str, tok: Any) -> bool:
        """A noun naming those who do an event of the type, made from one of its triggers ("protesters",
        "demonstrators", "rioters"): who they are already tells the sense ("demonstrators rally to mark ...")."""
        lemma = lemma_of(tok)
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


def _in_words(etype: Any, args: Sequence[ArgumentSuggestion]) -> bool:
    """A named person takes part (in a role that takes people) and nothing physical is told: no filler of a role
    that takes no person (Time aside: an Instrument, a Place), as an act done in words between people is told."""
    parties = {r.name for r in etype.roles if takes(r, "PERSON")}
    physical = {r.name for r in etype.roles if not takes(r, "PERSON") and r.name != "Time"}
    return not any(a.role in physical for a in args) and any(
        a.role in parties and a.label == "PERSON" and a.score >= 0.8 for a in args
    )


def _made_thing(tok: Any) -> bool:
    """A noun naming a thing made, a weapon or a vehicle (PRODUCT, named or guessed: "device", "car"), which as the
    subject of an event word with an instrument is what it was done with, not a doer of another sense."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and guess_label(tok) == "PRODUCT" and not is_vehicle(tok)


def _counted(tok: Any, ents: dict) -> Any:
    """The noun a quantity or a measure stands for ("dozens of barrel bombs", "a barrage of stones": bombs, stones), as
    an argument's span reads it (``arg_spans.span_of``); ``tok`` itself otherwise."""
    got = span_of(tok, ents)
    if got is None:
        return tok
    inner = tok.doc.char_span(got[0], got[1], alignment_mode="expand")
    return tok if inner is None else inner.root
