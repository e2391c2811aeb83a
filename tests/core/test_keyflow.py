"""The keyboard flow's core helpers: trigger words by lemma, attribute cues, role candidates, other occurrences,
labelling every occurrence, refusing an exact duplicate span, accepting the rest."""

from __future__ import annotations

import pytest
from project_support import new_project
from core_helpers import add_document

from annotator import edits, edits_flow
from annotator.errors import ValidationError
from annotator.find_words import count_all, find_all, find_stops, next_match, next_match_in, next_match_named
from annotator.keyflow import (
    agent_order,
    other_occurrences,
    role_candidates,
    source_order,
    trigger_types,
)
from annotator.model import Entity
from annotator.text_attributes import attribute_cues
from annotator.recorder import redo, undo
from annotator.schema import Role, default_schema
from annotator.type_order import next_event_type
from annotator.suggest.time_spans import is_apposed_age, is_length_of_time, tells_time_of_day


def test_trigger_types_match_inflected_words_and_rank_weak_words_last():
    s = default_schema()
    assert trigger_types(s, "met") == ["Contact:Meet"]
    assert trigger_types(s, "meetings") == ["Contact:Meet"]
    assert trigger_types(s, "attacked") == ["Conflict:Attack"]
    fired = trigger_types(s, "fired")
    assert set(fired) == {"Personnel:End-Position", "Conflict:Attack"}
    assert trigger_types(s, "banana") == []
    # a word that names a type only by its object ("throwing stones") names it for E as a weak word does
    assert trigger_types(s, "throwing") == ["Conflict:Attack"] and trigger_types(s, "throwing", weak=False) == []
    assert trigger_types(s, "dropped") == ["Conflict:Attack"]


def test_trigger_types_read_a_phrase_with_its_object_between_its_words():
    """A trigger phrase of the schema with the words a person selected between its first word and the rest."""
    s = default_schema()
    assert trigger_types(s, "found Marek Zielinski guilty") == ["Justice:Convict"]
    assert trigger_types(s, "shot it down") == ["Conflict:Attack"]
    assert trigger_types(s, "set the depot on fire") == ["Conflict:Attack"]
    assert trigger_types(s, "found the man dead") == []  # the phrase's words, not one of them
    assert trigger_types(s, "guilty of fraud") == []  # the phrase's first word first


def test_attribute_cues_say_what_the_text_says_and_never_guess():
    s = default_schema()
    text = "Jaishankar and Lavrov will conduct official discussions in Moscow. They met in May. We talk."
    will = attribute_cues(s, text, text.index("conduct"), text.index("conduct") + 7)
    assert will["tense"] == "Future" and will["modality"] == "Other"
    met = attribute_cues(s, text, text.index("met"), text.index("met") + 3, text.index("They"))
    assert met["tense"] == "Past" and met["modality"] == "Asserted"
    talk = attribute_cues(s, text, text.index("talk"), text.index("talk") + 4, text.index("We"))
    assert talk["tense"] == "Unspecified"  # nothing in the text: no guess


def test_a_noun_trigger_takes_its_tense_from_the_verb_after_it():
    """s18-qa: an event made with E on "strike" in "The strike took place" got Tense Unspecified (only the words
    before the trigger were read); a noun's tense is its verb's, told after it. No verb after it: still no guess."""
    s = default_schema()

    def tense(text: str, word: str) -> str:
        at = text.index(word)
        return attribute_cues(s, text, at, at + len(word))["tense"]

    assert tense("The strike took place on Monday.", "strike") == "Past"
    assert tense("The meeting was held in Lagos.", "meeting") == "Past"
    assert tense("A second day of protests is planned for Friday.", "protests") == "Future"
    assert tense("The talks will resume in May.", "talks") == "Future"
    assert tense("The fighting is spreading north.", "fighting") == "Present"
    assert tense("Protests in the capital. Police arrested many.", "Protests") == "Unspecified"
    assert tense("The attack on the embassy.", "attack") == "Unspecified"


def ent(i: int, start: int, end: int, label: str, state: str = "suggested") -> Entity:
    return Entity(i, 1, start, end, label, state, "x", None)


def test_role_candidates_take_the_sentence_first_nearest_first():
    ents = [
        ent(1, 0, 5, "GPE"),
        ent(2, 40, 45, "GPE"),
        ent(3, 60, 65, "GPE"),
        ent(4, 30, 35, "PERSON"),
        ent(5, 50, 55, "GPE", "rejected"),
    ]
    got = role_candidates(ents, Role("r", ("GPE",)), (36, 39), (20, 70))
    assert [e.id for e in got] == [2, 3, 1]
    assert [e.id for e in role_candidates(ents, Role("r", ("GPE",)), (36, 39), (20, 70), exclude=[2])] == [3, 1]


def test_role_candidates_put_an_entity_filling_another_role_last():
    """Alt+2 on a Transport whose Agent is "ministers" offers the next person first, not "ministers" again."""
    ents = [ent(1, 0, 9, "PERSON"), ent(2, 30, 35, "PERSON"), ent(3, 60, 65, "GPE")]
    got = role_candidates(ents, Role("r", ("PERSON",)), (12, 20), (0, 70), used=[1])
    assert [e.id for e in got] == [2, 1]


def test_a_name_told_after_from_comes_first_for_a_source_and_after_the_others_for_another_role():
    """ "from two construction firms": first for the Giver (a role filled from "from"), after the sentence's others
    for the Recipient; a comma or another preposition between, or a role of a type that "from" fills nowhere, keeps
    the nearest first."""
    text = "Zielinski took the money from two construction firms, Acme and Bolt in Warsaw."
    schema = default_schema()
    money = schema.event_type("Transaction:Transfer-Money")
    giver, recipient = (next(r for r in money.roles if r.name == n) for n in ("Giver", "Recipient"))
    assert (source_order(money, giver), source_order(money, recipient)) == (-1, 1)
    meet = schema.event_type("Contact:Meet")
    assert source_order(meet, meet.roles[0]) == 0

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    ents = [ent(1, *at("Zielinski"), "PERSON"), ent(2, *at("firms"), "ORG"), ent(3, *at("Acme"), "ORG")]
    trigger, sentence = at("took"), (0, len(text))
    for source, want in ((-1, [2, 1, 3]), (1, [1, 3, 2]), (0, [1, 2, 3])):
        got = role_candidates(ents, Role("r", ("PERSON", "ORG")), trigger, sentence, text=text, source=source)
        assert [e.id for e in got] == want, source


def test_other_occurrences_are_whole_words():
    text = "Moscow and Moscow's Moscowians. Moscow."
    assert other_occurrences(text, 0, 6) == [(11, 17), (32, 38)]


def test_other_occurrences_leave_out_the_words_of_another_span():
    # A on "Treasury" put an ORG inside the ORG "The U.S. Treasury Department" (a word of its name, not a mention)
    text = "The U.S. Treasury Department said so. Treasury officials agreed. Treasury."
    dept = (0, text.index(" said"))
    second = text.index("Treasury officials")
    spans = [dept, (second, second + 8)]
    last = text.rindex("Treasury")
    assert other_occurrences(text, second, second + 8, spans) == [(last, last + 8)]
    assert other_occurrences(text, second, second + 8) == [(9, 17), (last, last + 8)]  # without spans: every place
    # a span exactly there (another label) stays a place: the edit decides what to do with it
    assert other_occurrences(text, second, second + 8, spans + [(last, last + 8)]) == [(last, last + 8)]


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    p = new_project(tmp_path / "k.annotator", annotator="ann")
    yield p
    p.close()


def test_label_every_occurrence_in_one_undoable_step(project):
    text = "Lavrov met Lavrov. Lavrov left."
    doc = add_document(project, text)
    edits.add_entity(project, doc, 0, 6, "PERSON")
    edits.add_entity(project, doc, 11, 17, "PERSON", state="suggested")
    change = edits_flow.add_entities(project, doc, [(11, 17), (19, 25)], "PERSON")
    assert {(e.start, e.state) for e in project.entities(doc)} == {(0, "added"), (11, "suggested"), (19, "suggested")}
    undo(project, change)
    assert {e.start for e in project.entities(doc)} == {0, 11}


def test_an_exact_duplicate_span_is_refused(project):
    doc = add_document(project, "Lavrov met Blinken.")
    edits.add_entity(project, doc, 0, 6, "PERSON")
    with pytest.raises(ValidationError):
        edits.add_entity(project, doc, 0, 6, "PERSON")
    edits.add_entity(project, doc, 0, 6, "ORG")  # another label is another span


def test_accept_rest_accepts_entities_and_events(project):
    doc = add_document(project, "Lavrov met Blinken.")
    edits.add_entity(project, doc, 0, 6, "PERSON", state="suggested")
    ev = edits.add_event(project, doc, "Contact:Meet", 7, 10).result_id
    project.db.conn.execute("UPDATE events SET state = 'suggested' WHERE id = ?", (ev,))
    change = edits_flow.accept_rest(project, doc)
    assert {e.state for e in project.entities(doc)} == {"accepted"}
    assert project.event(ev).state == "accepted"
    undo(project, change)
    assert project.event(ev).state == "suggested"


def test_a_role_filled_with_a_new_span_in_one_undoable_step(project):
    """Alt+N on words that are no entity yet ('Modi' in 'the Putin-Modi summit'): the span is added with a label the
    role takes and fills the role in one step; one undo takes both away; a label the role refuses is refused."""
    text = "Putin met Modi in Delhi. Putin left."
    doc = add_document(project, text)
    ev = edits.add_event(project, doc, "Contact:Meet", 6, 9).result_id
    change = edits_flow.fill_role_with_span(project, ev, "Entity", 10, 14, "PERSON")
    (modi,) = project.entities(doc)
    assert (modi.start, modi.end, modi.label, modi.state) == (10, 14, "PERSON", "added")
    assert [(a.role, a.entity_id) for a in project.event(ev).arguments] == [("Entity", modi.id)]
    undo(project, change)
    assert project.entities(doc) == [] and project.event(ev).arguments == ()
    with pytest.raises(ValidationError):
        edits_flow.fill_role_with_span(project, ev, "Entity", 18, 23, "DATE")  # Entity takes no DATE
    edits_flow.fill_role_with_span(project, ev, "Place", 18, 23, "GPE")
    with pytest.raises(ValidationError):  # a single role, filled: change it instead
        edits_flow.fill_role_with_span(project, ev, "Place", 10, 14, "GPE")
    place = next(a for a in project.event(ev).arguments if a.role == "Place")
    edits_flow.fill_role_with_span(project, ev, "Place", 10, 14, "GPE", replace=place.id)
    assert [(a.role, project.entity(a.entity_id).start) for a in project.event(ev).arguments] == [("Place", 10)]


def test_a_role_filled_with_new_words_in_place_of_its_filler_is_undone_and_redone(project):
    """Alt+N on words that are no span yet, for a role of one filler already filled (session 31): the new span in place
    of the old filler is one step, but its undo was refused ("cannot undo 'fill_role_with_span': other annotations
    depend on it (FOREIGN KEY constraint failed)"): the undo deleted the new span before it put the argument back on
    the old one. Undo and redo now give the rows back as they were, and the span's ids."""
    text = "Putin met Modi in Delhi. Putin left."
    doc = add_document(project, text)
    ev = edits.add_event(project, doc, "Contact:Meet", 6, 9).result_id
    edits_flow.fill_role_with_span(project, ev, "Place", 18, 23, "GPE")
    place = next(a for a in project.event(ev).arguments if a.role == "Place")
    change = edits_flow.fill_role_with_span(project, ev, "Place", 10, 14, "GPE", replace=place.id)
    made = [(a.role, project.entity(a.entity_id).start, a.entity_id) for a in project.event(ev).arguments]
    assert [x[:2] for x in made] == [("Place", 10)]
    undo(project, change)
    assert [(a.role, project.entity(a.entity_id).start) for a in project.event(ev).arguments] == [("Place", 18)]
    assert sorted(e.start for e in project.entities(doc)) == [18]
    redo(project, change)
    assert [(a.role, project.entity(a.entity_id).start, a.entity_id) for a in project.event(ev).arguments] == made


def test_a_suggestion_of_another_label_relabelled_into_a_role_in_one_undoable_step(project):
    """A role key on an undecided suggestion of a label the role does not take (a QUANTITY "500,000 zlotys" for the
    MONEY of Justice:Fine): relabelled, accepted and put in the role in one step; one undo puts both back. A decided
    span, a label the role refuses, or a span of that label already on the words is refused."""
    text = "Kowalski was fined 500,000 zlotys. Nowak paid."
    doc = add_document(project, text)
    ev = edits.add_event(project, doc, "Justice:Fine", 13, 18).result_id
    qty = edits.add_entity(project, doc, 19, 33, "QUANTITY", state="suggested").result_id
    change = edits_flow.fill_role_relabelled(project, ev, "Money", qty, "MONEY")
    got = project.row("entities", qty)
    assert (got["label"], got["state"], got["edited"]) == ("MONEY", "accepted", 1)  # as a label key leaves it
    assert [(a.role, a.entity_id) for a in project.event(ev).arguments] == [("Money", qty)]
    undo(project, change)
    assert (project.entity(qty).label, project.entity(qty).state) == ("QUANTITY", "suggested")
    assert project.event(ev).arguments == ()
    with pytest.raises(ValidationError):  # Money takes MONEY only
        edits_flow.fill_role_relabelled(project, ev, "Money", qty, "PERSON")
    nowak = edits.add_entity(project, doc, 35, 40, "GPE").result_id  # decided: the person's label stands
    with pytest.raises(ValidationError):
        edits_flow.fill_role_relabelled(project, ev, "Entity", nowak, "PERSON")
    edits.add_entity(project, doc, 19, 33, "MONEY")
    with pytest.raises(ValidationError):  # the words are a MONEY span already: that span goes in the role
        edits_flow.fill_role_relabelled(project, ev, "Money", qty, "MONEY")


def test_a_filler_moved_to_another_role_of_its_event_in_one_undoable_step(project):
    """A role key on a filler of another role of the same event ("two years" from Time to Sentence): the argument
    moves, in place of the new role's filler when asked, in one step; one undo puts both back. Its own role, or a
    role that refuses its label, is refused; the filler taken out, accepted only as a filler, is undecided again."""
    text = "Nowicki was sentenced in May to two years."
    doc = add_document(project, text)
    ev = edits.add_event(project, doc, "Justice:Sentence", 12, 21).result_id
    may = edits.add_entity(project, doc, 25, 28, "DATE", state="suggested").result_id
    two = edits.add_entity(project, doc, 32, 41, "DATE").result_id
    arg = edits.add_argument(project, ev, "Time", two).result_id
    change = edits_flow.move_filler(project, arg, "Sentence")
    assert change.result_id == arg
    assert [(a.role, a.entity_id) for a in project.event(ev).arguments] == [("Sentence", two)]
    undo(project, change)
    assert [(a.role, a.entity_id) for a in project.event(ev).arguments] == [("Time", two)]
    with pytest.raises(ValidationError):
        edits_flow.move_filler(project, arg, "Time")  # its own role
    with pytest.raises(ValidationError):
        edits_flow.move_filler(project, arg, "Defendant")  # takes no DATE
    edits_flow.move_filler(project, arg, "Sentence")
    time = edits.add_argument(project, ev, "Time", may).result_id
    with pytest.raises(ValidationError):  # Time takes one and holds "May": in place of it, or not at all
        edits_flow.move_filler(project, arg, "Time")
    assert project.entity(may).state == "accepted"  # by filling the role (a role key's candidate: the caller knows)
    change = edits_flow.move_filler(project, arg, "Time", replace=time, undecide=[may])
    assert [(a.role, a.entity_id) for a in project.event(ev).arguments] == [("Time", two)]
    assert project.entity(may).state == "suggested"  # out of its last role: undecided again
    undo(project, change)
    assert sorted((a.role, a.entity_id) for a in project.event(ev).arguments) == [("Sentence", two), ("Time", may)]
    assert project.entity(may).state == "accepted"


def test_the_label_a_role_key_gives_a_suggestion_is_given_only_when_clear():
    from annotator.span_label import label_to_fill

    text = "two were hurt; two left. Two others"
    two = Entity(1, 1, 0, 3, "CARDINAL", "suggested", "x", None)
    assert label_to_fill([two], text, two, ["MONEY"]) == "MONEY"  # the role's only label
    assert label_to_fill([two], text, two, ["PERSON", "NORP"]) is None  # which one is the person's to say
    other = Entity(2, 1, 15, 18, "PERSON", "accepted", "x", None)
    capital = Entity(3, 1, 25, 28, "NORP", "accepted", "x", None)  # "Two": other words
    assert label_to_fill([two, other, capital], text, two, ["PERSON", "NORP"]) == "PERSON"
    gone = Entity(2, 1, 15, 18, "PERSON", "rejected", "x", None)
    assert label_to_fill([two, gone], text, two, ["PERSON", "NORP"]) is None


def test_a_new_span_in_a_role_takes_the_label_its_words_have_elsewhere():
    from annotator.span_label import label_for_span

    text = "Putin met Modi. Putin left."
    ents = [Entity(1, 1, 16, 21, "PERSON", "accepted", "x", None), Entity(2, 1, 16, 21, "ORG", "rejected", "x", None)]
    assert label_for_span(ents, text, (0, 5), ("GPE", "PERSON")) == "PERSON"  # "Putin" is PERSON elsewhere
    assert label_for_span(ents, text, (10, 14), ("GPE", "PERSON")) == "GPE"  # "Modi": the role's first label
    assert label_for_span(ents, text, (0, 5), ("GPE", "ORG")) == "GPE"  # a rejected ORG is no evidence


def test_a_place_role_takes_the_places_after_its_trigger_first():
    """'Lavrov, in Moscow, said he met Blinken in Geneva': Alt+N on Place offered Moscow (nearer, before the
    trigger); a place is told after its event, so Geneva comes first, then Moscow; other roles stay nearest first."""
    text = "Lavrov, in Moscow, said he met Blinken in Geneva."
    moscow, geneva = ent(1, 11, 17, "GPE"), ent(2, 42, 48, "GPE")
    trigger = (27, 30)
    assert text[trigger[0] : trigger[1]] == "met" and text[11:17] == "Moscow" and text[42:48] == "Geneva"
    got = role_candidates([moscow, geneva], Role("r", ("GPE", "LOC", "FAC")), trigger, (0, len(text)))
    assert [e.id for e in got] == [2, 1]
    got = role_candidates([moscow, geneva], Role("r", ("PERSON", "GPE")), trigger, (0, len(text)))
    assert [e.id for e in got] == [1, 2]  # not a place-only role: the nearest first


def test_a_participant_role_takes_a_place_told_as_where_after_the_others():
    """'Lavrov will hold talks in Moscow': Alt+1 (Entity: PERSON, ORG, GPE, NORP) offered Moscow, the nearest; a
    place after 'in' or 'at' is where the event is (its Place), so Lavrov comes first, Moscow after him."""
    text = "Lavrov will hold talks in Moscow."
    lavrov, moscow = ent(1, 0, 6, "PERSON"), ent(2, 26, 32, "GPE")
    got = role_candidates(
        [lavrov, moscow], Role("r", ("PERSON", "ORG", "GPE", "NORP")), (17, 22), (0, len(text)), text=text
    )
    assert [e.id for e in got] == [1, 2]
    got = role_candidates([lavrov, moscow], Role("r", ("ORG", "PERSON", "GPE", "NORP")), (17, 22), (0, len(text)))
    assert [e.id for e in got] == [2, 1]  # without the text (and neither of the role's first label): the nearest first


def test_a_place_told_as_where_comes_after_every_other_candidate_of_a_participant_role():
    """Seed 002: Alt+1 on the Agent of "killed" filled in Kabkabiya, the event's Place ("in the town of Kabkabiya":
    the word before it is "of"); the sentence's other GPEs are told as where too ("in Sudan's North Darfur"), so a
    candidate of another sentence comes first and the places last, the nearest first."""
    text = (
        "At least 14 people were killed when an airstrike hit a market in the town of Kabkabiya in Sudan's North "
        "Darfur state. The army denied it."
    )

    def at(i: int, words: str, label: str) -> Entity:
        return ent(i, text.index(words), text.index(words) + len(words), label)

    places = [at(1, "Kabkabiya", "GPE"), at(2, "Sudan", "GPE"), at(3, "North Darfur", "GPE")]
    army = at(4, "army", "ORG")
    trigger = (text.index("killed"), text.index("killed") + 6)
    sentence = (0, text.index(" The army"))
    got = role_candidates([*places, army], Role("r", ("PERSON", "ORG", "GPE", "NORP")), trigger, sentence, text=text)
    assert [e.id for e in got] == [4, 1, 2, 3]
    got = role_candidates(places, Role("r", ("GPE", "LOC", "FAC")), trigger, sentence, text=text)
    # the Place itself: the nearest after the trigger first; Sudan, told as whose ("Sudan's North Darfur"), after the
    # sentence's other places (session 24)
    assert [e.id for e in got] == [1, 3, 2]


def test_first_role_candidates_are_the_start_of_the_whole_list():
    """Alt+N's first press takes the sentence's candidates and the nearest others from the span index (it sorted
    every span of the document); the list is the start of role_candidates's, ties and all, and the whole of it when
    the document has few."""
    import random

    from annotator.keyflow import first_role_candidates
    from annotator.navigation import SpanIndex

    rnd = random.Random(3)
    text = " ".join(rnd.choice(["in", "at", "the", "Paris", "Kabul", "met", "said", "of"]) for _ in range(3000))
    labels = ["GPE", "LOC", "PERSON", "ORG", "DATE"]
    ents, pos = [], 0
    for k in range(900):
        pos = text.find(" ", pos + rnd.randint(1, 30)) + 1
        if pos <= 0:
            break
        start = pos if rnd.random() < 0.9 else max(0, pos - 3)  # some share a start or cut a word
        end = text.find(" ", start + 1)
        end = end if end > 0 else len(text)
        state = rnd.choice(["suggested", "accepted", "added", "rejected"])
        ents.append(ent(k + 1, start, end, rnd.choice(labels), state))
    by_id = {e.id: e for e in ents}
    index = SpanIndex(ents)
    kinds = {True: 0, False: 0}
    for _ in range(60):
        t = rnd.choice(ents)
        sentence = (max(0, t.start - rnd.randint(0, 300)), min(len(text), t.end + rnd.randint(0, 300)))
        for role_labels in (("GPE", "LOC", "FAC"), ("PERSON", "ORG", "GPE"), ("DATE",)):
            taken = [e.id for e in rnd.sample(ents, 3)]
            used = [e.id for e in rnd.sample(ents, 3)]
            ask = (Role("r", role_labels), (t.start, t.end), sentence, taken, used, text)
            whole = role_candidates(ents, *ask)
            for most in (5, 50, 2000):
                first, complete = first_role_candidates(by_id, index, *ask, most=most)
                assert [e.id for e in first] == [e.id for e in whole[: len(first)]]
                if complete:
                    assert first == whole
                else:
                    assert most <= len(first) < len(whole)
                kinds[complete] += 1
    assert kinds[True] > 50 and kinds[False] > 50  # both cases met


def test_trigger_words_look_at_each_distinct_word_once(monkeypatch):
    """N's first press on a long document stemmed every one of its 100,000 tokens (130 ms); the same words are found
    looking at each distinct word once."""
    from annotator import keyflow
    from annotator.schema import default_schema
    from annotator.tokens import word_tokens

    text = "They met in Geneva. Talks were held and the meeting ended; they met again. " * 200
    starts, ends = word_tokens(text)
    schema = default_schema()
    expected = [(a, b) for a, b in zip(starts, ends) if text[a:b] in ("met", "Talks", "meeting")]
    seen = []
    real = keyflow.phrase_key
    monkeypatch.setattr(keyflow, "phrase_key", lambda t: seen.append(t) or real(t))
    got = keyflow.trigger_words(schema, text, starts, ends)
    assert [text[a:b] for a, b in got] == [text[a:b] for a, b in expected]
    words = {text[a:b] for a, b in zip(starts, ends)}
    assert len(seen) <= len(words) + sum(len(t.triggers) for t in schema.events)


def test_find_all_and_next_match_step_through_the_text_wrapping_round():

    text = "Met 😀 met, MET."
    matches = find_all(text, "met")
    assert matches == [(0, 3), (6, 9), (11, 14)]  # any case, code points (the emoji is one)
    assert next_match(matches, 0, 0) == 0  # the caret at a match: that one
    assert next_match(matches, 0, 3) == 1  # a match selected: the next
    assert next_match(matches, 11, 14) == 0  # past the last: round to the first
    assert next_match(matches, 6, 9, backward=True) == 0
    assert next_match(matches, 0, 3, backward=True) == 2  # before the first: round to the last
    assert next_match([], 0, 0) is None and find_all(text, "") == []


def test_next_match_in_goes_on_to_the_first_match_in_one_span_wrapping_round():
    """Alt+X in Find's bar: the next match that lies in exactly one undecided suggestion, those in none passed over
    (session 30)."""
    matches = [(0, 3), (5, 8), (10, 13)]
    assert next_match_in(matches, 0, 3, [(0, 3), (10, 20)]) == 2  # the next, (5, 8), in none: passed over
    assert next_match_in(matches, 4, 4, [(0, 4)]) == 0  # round the end
    assert next_match_in(matches, 0, 0, [(4, 9), (5, 8)]) is None  # (5, 8) lies in two: X there rejects neither
    assert next_match_in(matches, 0, 0, [(6, 9)]) is None and next_match_in(matches, 0, 0, []) is None
    assert next_match_in([], 0, 0, [(0, 3)]) is None


def test_next_match_named_goes_on_to_the_first_match_in_a_name_wrapping_round():
    """Alt+Enter in Find's bar: the next match whose word starts with a capital or a digit and lies in a name, those in
    none passed over (session 31: "the court" before "Court of Appeal"); only such words are asked, a bounded number."""
    import annotator.find_words as fw

    text = "told the court, Court of Appeal, and the court again; Corn"
    matches = find_all(text, "co")
    asked: list[int] = []

    def named(s: int, e: int) -> tuple[int, int] | None:
        asked.append(s)
        return (16, 31) if s == 16 else None

    assert next_match_named(text, matches, 0, 0, named) == 1 and asked == [16]  # "court" never asked
    asked.clear()
    assert next_match_named(text, matches, 17, 17, named) == 1 and asked == [54, 16]  # "Corn" no name, round the end
    assert next_match_named(text, matches, 0, 0, lambda s, e: None) is None
    assert next_match_named(text, [], 0, 0, named) is None
    old, fw.NAME_LOOKS = fw.NAME_LOOKS, 1
    try:
        assert next_match_named(text, matches, 17, 17, named) is None  # "Corn" asked, then no more
    finally:
        fw.NAME_LOOKS = old


def test_count_all_counts_what_find_all_finds():
    """The count the find bar shows as words are typed is the number of matches Enter steps through, made no list."""
    text = "Met 😀 met, MET. a.b a*b (x) İstanbul"
    for words in ("met", "m", "😀", ".", "a*b", "(x)", "İ", "i", "zz", ""):
        assert count_all(text, words) == len(find_all(text, words)), words
    assert count_all(text, "met") == 3 and count_all(text, "a.b") == 1


def test_label_every_occurrence_leaves_rejected_places_and_other_labels(project):
    """A rejected place stays rejected (as pre-annotation leaves it) and a place holding another label keeps it:
    the core adds nothing there, whatever spans it is given."""
    text = "Lavrov met Lavrov. Lavrov left. Lavrov won."
    doc = add_document(project, text)
    rejected = edits.add_entity(project, doc, 11, 17, "PERSON", state="suggested").result_id
    edits.reject_entity(project, rejected)
    edits.add_entity(project, doc, 19, 25, "ORG", state="suggested")
    edits_flow.add_entities(project, doc, [(11, 17), (19, 25), (32, 38)], "PERSON")
    held = sorted((e.start, e.label, e.state) for e in project.entities(doc))
    assert held == [(11, "PERSON", "rejected"), (19, "ORG", "suggested"), (32, "PERSON", "suggested")]


def test_a_new_span_at_the_end_of_a_longer_name_gets_its_label():
    """Seed 004's "Court of Appeal", the Adjudicator, selected in the ORG "the Court of Appeal": Alt+2 made it a PERSON
    (the role's first label), a label key more. It gets the label of the longer name it ends with, when the role takes
    it; a word inside a name that ends elsewhere ("Warsaw" of "the Warsaw Regional Court") gets the first label."""
    from annotator.span_label import label_for_span
    from annotator.model import Entity

    text = "He would appeal to the Court of Appeal in Warsaw, said the Warsaw Regional Court."
    roles = ("PERSON", "ORG", "GPE", "NORP")
    court = text.index("the Court of Appeal")
    regional = text.index("the Warsaw Regional Court")
    ents = [
        Entity(1, 1, court, court + len("the Court of Appeal"), "ORG", "suggested", "spacy", None),
        Entity(2, 1, regional, regional + len("the Warsaw Regional Court"), "ORG", "suggested", "spacy", None),
    ]
    assert label_for_span(ents, text, (court + 4, court + len("the Court of Appeal")), roles) == "ORG"
    warsaw = text.index("Warsaw Regional")
    assert label_for_span(ents, text, (warsaw, warsaw + 6), roles) == "PERSON"
    assert label_for_span(ents, text, (court + 4, court + len("the Court of Appeal")), ("PERSON", "GPE")) == "PERSON"


def test_a_sentence_ends_at_a_line_break_after_a_full_stop():
    """The parser's sentence of seed 004 ran on past "...after pleading guilty." into the next paragraph; a line break
    after a full stop (quotes aside) or a blank line cuts it, a hard-wrapped line ending mid-sentence does not."""
    from annotator.keyflow import within_line

    text = 'He said "guilty."\nThe lawyer said so\nand left.\n\nA new paragraph'
    whole = (0, len(text))
    assert within_line(text, whole, 3) == (0, text.index("\n"))
    lawyer = text.index("lawyer")
    assert within_line(text, whole, lawyer) == (text.index("The"), text.index("\n\n"))  # "so\nand": one sentence
    assert within_line(text, whole, text.index("new")) == (text.index("A new"), len(text))
    assert within_line(text, (lawyer, len(text) - 3), lawyer + 2) == (lawyer, text.index("\n\n"))


def test_a_role_filled_from_the_subject_takes_the_names_before_its_trigger_first():
    """ "The court, after a long hearing, found Nowak guilty": the Adjudicator (filled from the subject, never the
    object) is offered the court before Nowak, nearer but after the trigger; the Defendant (the object's) keeps the
    nearest first."""
    from annotator.keyflow import subject_side

    text = "The court, after a long hearing, found Nowak guilty."
    convict = default_schema().event_type("Justice:Convict")
    adjudicator, defendant = (next(r for r in convict.roles if r.name == n) for n in ("Adjudicator", "Defendant"))
    assert (subject_side(adjudicator), subject_side(defendant)) == (-1, 0)
    court, nowak = (text.index("court"), text.index("court") + 5), (text.index("Nowak"), text.index("Nowak") + 5)
    ents = [ent(1, *court, "ORG"), ent(2, *nowak, "PERSON")]
    found = (text.index("found"), text.index("found") + 5)
    assert [e.id for e in role_candidates(ents, adjudicator, found, (0, len(text)), text=text)] == [1, 2]
    assert [e.id for e in role_candidates(ents, defendant, found, (0, len(text)), text=text)] == [2, 1]


def test_a_role_takes_the_names_of_its_first_label_in_the_sentence_first():
    """Seed 004: "Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty": Alt+N on the
    Defendant (PERSON, ORG, GPE, NORP) offered the court, the nearest; the schema lists a role's typical filler first
    (the label a new span for it takes), so the sentence's people come first, nearest first, then the court. A role
    of places keeps its own order; outside the sentence the nearest first."""
    text = "Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty. The court met."
    anna, court, marek = ent(1, 6, 20, "PERSON"), ent(2, 28, 49, "ORG"), ent(3, 56, 71, "PERSON")
    assert (text[6:20], text[28:49], text[56:71]) == ("Anna Kowalczyk", "Warsaw Regional Court", "Marek Zielinski")
    convict = default_schema().event_type("Justice:Convict")
    defendant = next(r for r in convict.roles if r.name == "Defendant")
    found, sentence = (50, 55), (0, 79)
    got = role_candidates([anna, court, marek], defendant, found, sentence, text=text)
    assert [e.id for e in got] == [3, 1, 2]
    later = ent(4, 84, 89, "ORG")  # "court" of the next sentence
    got = role_candidates([anna, court, marek, later], defendant, (90, 93), (80, len(text)), text=text)
    assert [e.id for e in got] == [4, 3, 2, 1]  # only one name in the sentence: the rest nearest first


def test_an_appeals_adjudicator_is_the_court_it_goes_to():
    """Seed 004: "Zielinski's lawyer, Tomasz Grabowski, told reporters that his client would appeal to the Court of
    Appeal": Alt+2 (Adjudicator) offered the sentence's people before the trigger first (the Adjudicator of a trial or
    a conviction is its subject, "the court found"), the court fourth: four keys for one filler. An appeal is made by
    its Plaintiff (the subject) to a court ("appeal to", "appealed before"): the Appeal's Adjudicator is filled from
    those and its typical filler is an organisation (the schema's own slots and labels for the type)."""
    from annotator.keyflow import subject_side

    text = "Zielinski's lawyer, Tomasz Grabowski, said that his client would appeal to the Court of Appeal in Warsaw."
    appeal = default_schema().event_type("Justice:Appeal")
    adjudicator = next(r for r in appeal.roles if r.name == "Adjudicator")
    assert subject_side(adjudicator) == 0
    spans = [("Zielinski", "PERSON"), ("Tomasz Grabowski", "PERSON"), ("client", "PERSON"), ("Court of Appeal", "ORG")]
    ents = [ent(i, text.index(w), text.index(w) + len(w), label) for i, (w, label) in enumerate(spans, 1)]
    trigger = (text.index("appeal"), text.index("appeal") + 6)
    got = role_candidates(ents, adjudicator, trigger, (0, len(text)), text=text)
    assert got[0].id == 4
    assert adjudicator.labels[0] == "ORG"  # a new span for it: ORG where the words say nothing else
    convict = default_schema().event_type("Justice:Convict")  # a conviction's Adjudicator is still its subject
    assert subject_side(next(r for r in convict.roles if r.name == "Adjudicator")) == -1


def test_a_name_told_after_by_comes_first_for_the_agent_and_after_the_others_for_the_person():
    """Seed 004's "Zielinski, 58, was arrested by officers of the Central Anti-Corruption Bureau ... along with
    businessman Piotr Nowicki": Alt+1 (Person) put "officers", the nearest, the one who arrested; a passive's "by"
    tells the agent (``keyflow.agent_order``): first for a role filled from the agent and never from the object
    (Agent, Attacker), after the sentence's others for another role of its type (Person), as "from" does for a
    source. Entity, filled from both sides, and a type no role of which the agent fills keep the nearest first."""
    schema = default_schema()
    arrest = schema.event_type("Justice:Arrest-Jail")
    person, agent = (next(r for r in arrest.roles if r.name == n) for n in ("Person", "Agent"))
    assert (agent_order(arrest, agent), agent_order(arrest, person)) == (-1, 1)
    meet = schema.event_type("Contact:Meet")
    assert agent_order(meet, meet.roles[0]) == 0
    text = "Zielinski, 58, was arrested by officers of the bureau along with businessman Piotr Nowicki."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    ents = [ent(1, *at("Zielinski"), "PERSON"), ent(2, *at("officers"), "PERSON"), ent(3, *at("Piotr"), "PERSON")]
    trigger, sentence = at("arrested"), (0, len(text))
    for order, want in ((1, [1, 3, 2]), (-1, [2, 1, 3]), (0, [2, 1, 3])):
        got = role_candidates(ents, Role("r", ("PERSON",)), trigger, sentence, text=text, agent=order)
        assert [e.id for e in got] == want, order
    got = role_candidates(ents, person, trigger, sentence, text=text, agent=agent_order(arrest, person))
    assert [e.id for e in got][:1] == [1]


def test_a_time_role_is_offered_no_age_told_in_apposition():
    """Seed 004's "Zielinski, 58, was arrested ... in February 2023": the Roles box's Time hint and Alt+N offered
    "58" first, the age the pipeline labelled DATE and the nearest DATE. An age set off by commas after a name is no
    time of the event (``time_spans.is_apposed_age``); a year, a date and a count are not ages."""
    text = "Zielinski, 58, was arrested by officers at his home in February 2023, May 5, 12 days after."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    time = next(r for r in default_schema().event_type("Justice:Arrest-Jail").roles if r.name == "Time")
    ents = [ent(1, *at("58"), "DATE"), ent(2, *at("February 2023"), "DATE"), ent(3, *at("12 days"), "DATE")]
    ents.append(ent(4, *at("Zielinski"), "PERSON"))
    got = role_candidates(ents, time, at("arrested"), (0, len(text)), text=text)
    assert [e.id for e in got] == [2, 3]
    assert [(is_apposed_age(text, *at(w))) for w in ("58", "2023", "5", "12")] == [True, False, False, False]
    anyone = Role("r", ("DATE", "PERSON"))  # a role that takes other kinds too is left as it was
    assert 1 in [e.id for e in role_candidates(ents, anyone, at("arrested"), (0, len(text)), text=text)]


def test_a_time_role_is_offered_no_length_of_time():
    """Seed 004's "barred him from holding public office for ten years": the Roles box's Time hint of "fined" offered
    "ten years", a length spaCy labels DATE (the suggester's parse left it out; the role keys read none). A length of
    time is no time of the event (``time_spans.is_length_of_time``, text alone); a role of lengths (Sentence) keeps it."""
    text = "Between 2017 and 2020 he took bribes. The court fined him and barred him from office for ten years."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    fine = default_schema().event_type("Justice:Fine")
    time = next(r for r in fine.roles if r.name == "Time")
    ents = [ent(1, *at("2017 and 2020"), "DATE"), ent(2, *at("ten years"), "DATE")]
    sentence = (text.index("The court"), len(text))
    assert [e.id for e in role_candidates(ents, time, at("fined"), sentence, text=text)] == [1]
    sentence_role = next(r for r in default_schema().event_type("Justice:Sentence").roles if r.name == "Sentence")
    assert [e.id for e in role_candidates(ents, sentence_role, at("fined"), sentence, text=text)] == [2, 1]


def test_a_length_of_time_is_told_from_the_text_alone():
    """``time_spans.is_length_of_time``: a counted or plural unit of time that nothing measures from a point (the
    spans spaCy labels DATE on events-dev and the seeds: "for ten years", "a two-year war", "decades"); an age; not a
    point ("two years ago", "last year", "in 2019", "in two days", "three days after", "day 77", "the first week",
    "the Obama years", "Tuesday")."""
    lengths = [
        ("barred him from office for ten years.", "ten years"),
        ("He was jailed for three months in 2019.", "three months"),
        ("They marched for two weeks.", "for two weeks"),
        ("ending a trial that lasted almost two years.", "almost two years"),
        ("rebels ended a two-year siege", "two-year"),
        ("which could result in 24-year prison sentences", "24-year"),
        ("For decades, the party ruled.", "For decades"),
        ("sometimes for hours, sometimes for days.", "days"),
        ("For weeks after the shooting, crowds gathered.", "weeks"),
        ("the ruling party out of its more than three decades in office", "more than three decades"),
        ("Zielinski, 58, was arrested", "58"),
        ("killed a 17-year-old boy", "17-year-old"),
        ("she was 3 years old.", "3 years old"),
    ]
    points = [
        ("He was jailed two years ago.", "two years ago"),
        ("He was jailed last year.", "last year"),
        ("He was jailed in 2019.", "2019"),
        ("He was jailed two years after the war.", "two years"),
        ("He was jailed three days later.", "three days"),
        ("He will be freed in two days.", "two days"),
        ("He was jailed in the past two weeks.", "the past two weeks"),
        ("Trump, on day 77 of his presidency, struck.", "day 77"),
        ("The first week we had a friend in.", "The first week"),
        ("rise for the third straight year", "the third straight year"),
        ("during the so-called Obama years.", "Obama years"),
        ("He was jailed on Tuesday.", "Tuesday"),
        ("He was jailed the day before.", "the day"),
        ("He was jailed in May 2023.", "May 2023"),
        ("He was jailed that night.", "that night"),
    ]

    def length(text: str, words: str) -> bool:
        return is_length_of_time(text, text.index(words), text.index(words) + len(words))

    assert [w for t, w in lengths if not length(t, w)] == []
    assert [w for t, w in points if length(t, w)] == []


def test_a_role_of_one_amounts_label_takes_the_sentences_suggestions_of_another_amounts_label_after_its_own():
    """Seed 004's "The court also fined him 500,000 zlotys": the pipeline's QUANTITY; Justice:Fine's Money takes MONEY
    alone and was offered the sentence before's "$850,000" only. The trigger's sentence's undecided suggestions of
    another amount's label come after the sentence's MONEY and before the rest of the document's; decided ones, other
    sentences' and other kinds (PERSON) do not, nor for a role of several labels or of no amount."""
    text = "He took 3.4 million zlotys ($850,000). The court fined him 500,000 zlotys and 20 percent, Kim said."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    money = next(r for r in default_schema().event_type("Justice:Fine").roles if r.name == "Money")
    ents = [
        ent(1, *at("3.4 million zlotys"), "QUANTITY"),
        ent(2, *at("$850,000"), "MONEY"),
        ent(3, *at("500,000 zlotys"), "QUANTITY"),
        ent(4, *at("20 percent"), "PERCENT", "accepted"),
        ent(5, *at("Kim"), "PERSON"),
    ]
    sentence = (text.index("The court"), len(text))
    got = role_candidates(ents, money, at("fined"), sentence, text=text)
    assert [e.id for e in got] == [3, 2]
    ents.append(ent(6, *at("20 percent"), "MONEY"))
    assert [e.id for e in role_candidates(ents, money, at("fined"), sentence, text=text)] == [6, 3, 2]
    assert [e.id for e in role_candidates(ents, Role("r", ("MONEY", "PERSON")), at("fined"), sentence)] == [6, 5, 2]


def test_a_new_span_for_a_time_role_is_a_time_when_its_words_name_a_part_of_a_day_or_the_clock():
    """Seed 002's "on Saturday morning": the gold's TIME, and a new span for the Time of "killed" took Time's first
    label, DATE, and a label key after it. Words of a part of a day or the clock make it TIME
    (``time_spans.tells_time_of_day``); a day, a month, a year stay DATE; the same words labelled elsewhere win."""
    text = "It hit on Saturday morning, at about 10:30 a.m., that night; on Sunday, in May 2023, at noon."
    from annotator.span_label import label_for_span

    time = next(r for r in default_schema().event_type("Life:Die").roles if r.name == "Time")
    assert time.labels[0] == "DATE"

    def label(words: str) -> str:
        at = text.index(words)
        return label_for_span([], text, (at, at + len(words)), time.labels)

    got = [label(w) for w in ("Saturday morning", "about 10:30 a.m.", "that night", "Sunday", "May 2023", "noon")]
    assert got == ["TIME", "TIME", "TIME", "DATE", "DATE", "TIME"]
    at = text.index("Sunday")
    sunday_time = [ent(1, at, at + 6, "TIME")]  # the same words labelled elsewhere: that label
    assert label_for_span(sunday_time, text, (at, at + 6), time.labels) == "TIME"
    assert label_for_span([], text, (0, 2), ("DATE",)) == "DATE"  # a role that takes no TIME: its label
    assert tells_time_of_day("10:30") and tells_time_of_day("9pm") and tells_time_of_day("at 5 p.m.")
    assert not any(tells_time_of_day(w) for w in ("Monday, 2 May", "Amman", "I am", "pm Modi"))


def test_shift_e_goes_through_the_types_the_words_name_a_suggestions_alternatives_first():
    """Shift+E's next type (session 21): E made the first type "visit" names; Shift+E the next, again the one after,
    then round to the first; a suggestion's "also possible" comes first; nothing else named: None."""
    likely = ["Movement:Transport", "Contact:Meet"]
    assert next_event_type("Movement:Transport", (), likely, ["Movement:Transport"]) == "Contact:Meet"
    assert next_event_type("Contact:Meet", (), likely, ["Movement:Transport", "Contact:Meet"]) == "Movement:Transport"
    three = ["Movement:Transport", "Transaction:Transfer-Ownership", "Transaction:Transfer-Money"]
    tried = ["Movement:Transport", "Transaction:Transfer-Ownership"]
    assert next_event_type("Transaction:Transfer-Ownership", (), three, tried) == "Transaction:Transfer-Money"
    assert next_event_type("Conflict:Attack", ("Personnel:End-Position",), ["Conflict:Attack"]) == (
        "Personnel:End-Position"
    )
    assert next_event_type("Life:Die", (), ["Life:Die"]) is None
    assert next_event_type("Life:Die", (), []) is None


def test_shift_e_with_no_other_type_named_goes_through_the_documents_types_nearest_first():
    """Session 29: nothing named but the event's own type ("execution" Justice:Execute, no alternative stored):
    Shift+E takes the document's other events' types (``types_nearby``, as the picker's first rows), again the next,
    then round to the event's own; a type named keeps the order above (the document's types never join it)."""
    near = ["Life:Die", "Justice:Execute", "Movement:Transport"]  # another execution among them: once
    own, tried = "Justice:Execute", ["Justice:Execute"]
    assert next_event_type(own, (), [own], tried, near) == "Life:Die"
    assert next_event_type("Life:Die", (), [own], [own, "Life:Die"], near) == "Movement:Transport"
    assert next_event_type("Movement:Transport", (), [own], [own, "Life:Die", "Movement:Transport"], near) == own
    assert next_event_type(own, (), [], tried, near) == "Life:Die"  # a word of no type alike
    assert next_event_type(own, (), [own], tried, [own]) is None  # no other type near: the picker (E)
    assert next_event_type("Life:Die", (), ["Life:Die", "Conflict:Attack"], ["Life:Die"], near) == "Conflict:Attack"
    assert (
        next_event_type("Conflict:Attack", (), ["Life:Die", "Conflict:Attack"], ["Life:Die", "Conflict:Attack"], near)
        == "Life:Die"
    )


def test_find_stops_at_a_words_start_or_end_unless_every_match_lies_inside_a_word():
    text = "about the man who bought an airstrike, a strike; e"
    assert [text[a : b + 3] for a, b in find_stops(text, find_all(text, "bou"))] == ["bought"]
    assert [text[a - 3 : b] for a, b in find_stops(text, find_all(text, "strike"))] == ["airstrike", " a strike"]
    assert find_stops(text, find_all(text, "irst")) == find_all(text, "irst")  # inside words only: there
    assert find_stops(text, find_all(text, "e")) == find_all(text, "e")  # one letter: everywhere, as before
    assert find_stops(text, []) == []


def test_typed_letters_put_the_types_with_a_word_of_the_name_they_start_first() -> None:
    """The picker's rows for the letters typed (session 25): those where each word starts a word of the type's name,
    then those whose name holds them, then those whose description does, each in the picker's order; the fewest
    letters that put a type first are a start of a word of its name."""
    from annotator.type_order import letters_to_pick, typed_order

    names = ["Justice:Fine", "Conflict:Demonstrate", "Transaction:Transfer-Money", "Life:Marry"]
    shown = [
        "Justice:Fine — a financial punishment",
        "Conflict:Demonstrate — a public protest",
        "Transaction:Transfer-Money — money given",
        "Life:Marry — two people marry",
    ]
    assert [names[i] for i in typed_order(names, shown, "m")] == [
        "Transaction:Transfer-Money",
        "Life:Marry",
        "Conflict:Demonstrate",
        "Justice:Fine",
    ]
    assert [names[i] for i in typed_order(names, shown, "mon")] == [
        "Transaction:Transfer-Money",
        "Conflict:Demonstrate",
    ]
    assert typed_order(names, shown, "") == [0, 1, 2, 3]
    assert typed_order(names, shown, "zz") == []
    assert letters_to_pick(names, shown, "Life:Marry") == "l"
    assert letters_to_pick(names[:3], shown[:3], "Transaction:Transfer-Money") == "t"
    assert letters_to_pick(names, shown, "Conflict:Demonstrate") == "c"


def test_the_picker_offers_each_type_once_when_two_first_types_are_of_one_kind() -> None:
    """Session 26 (from the README): E on seed 005's "deal" listed Personnel:Nominate and Personnel:Elect twice, the
    document's End-Position and Start-Position each bringing the other types of their kind."""
    from annotator.type_order import ranked_types

    schema = default_schema()
    likely = ["Personnel:End-Position", "Personnel:Start-Position", "Business:Start-Org"]
    order = ranked_types(schema, "", likely)
    assert len(order) == len(set(order)) == len(schema.event_type_names)
    assert order[:3] == likely
    assert order[3:5] == ["Personnel:Nominate", "Personnel:Elect"]  # the first two's kind, then the third's


def test_a_suggestion_relabelled_into_a_role_leaves_the_roles_that_do_not_take_its_new_label(project):
    """Session 26 (a relabel takes a span out of the roles that do not take its new label): the role key that
    relabels a suggestion into a role (here "Berlin", GPE, the Place of a suggested Conflict:Demonstrate, into the Org
    of Business:Start-Org as an ORG) left it the Demonstrate's Place as an ORG, a role that takes no ORG."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events

    text = "Crowds marched in Berlin. They founded Berlin."
    doc = add_document(project, text)
    at = text.index("Berlin")
    with project.transaction():
        write_entities(project, doc, [(at, at + 6, "GPE")], "spacy:test@1", WriteCounts())
        march = EventSuggestion(
            "Conflict:Demonstrate", 7, 14, 0.9, arguments=(ArgumentSuggestion("Place", at, at + 6, "GPE"),)
        )
        write_events(project, doc, [march], "rules:test@1", WriteCounts())
    (berlin,) = [e.id for e in project.entities(doc)]
    (demo,) = [e.id for e in project.events(doc)]
    found = text.index("founded")
    start = edits.add_event(project, doc, "Business:Start-Org", found, found + 7).result_id
    change = edits_flow.fill_role_relabelled(project, start, "Org", berlin, "ORG")
    assert project.entity(berlin).label == "ORG"
    assert [(a.role, a.entity_id) for a in project.event(start).arguments] == [("Org", berlin)]
    assert project.event(demo).arguments == ()  # was: its Place, an ORG
    undo(project, change)
    assert [(a.role, a.entity_id) for a in project.event(demo).arguments] == [("Place", berlin)]
    # kept while another program writes, the app holds it made the same (annotator.foreseen)
    from annotator.foreseen import Foreseen, replay

    entities = {e.id: e for e in project.entities(doc)}
    events = {e.id: e for e in project.events(doc)}
    args = {a.id: a for e in events.values() for a in e.arguments}
    values = {"event_id": start, "role": "Org", "entity_id": berlin, "label": "ORG"}
    replay(entities, events, args, [Foreseen("arguments", -1, values, schema=project.schema)])
    assert entities[berlin].label == "ORG" and events[demo].arguments == ()
    assert [(a.role, a.entity_id) for a in events[start].arguments] == [("Org", berlin)]


def test_the_span_index_finds_the_spans_at_a_place_as_a_pass_over_all_of_them_does():
    """``SpanIndex.at`` (the status line's note of the span under the caret, asked at each caret move) gives what
    ``navigation.entities_at`` gives, nested, overlapping and rejected spans among them."""
    import random

    from annotator.navigation import SpanIndex, entities_at

    rnd = random.Random(5)
    ents = []
    for k in range(600):
        start = rnd.randint(0, 5000)
        ents.append(
            ent(k + 1, start, start + rnd.choice([1, 3, 8, 40, 300]), "ORG", rnd.choice(["suggested", "rejected"]))
        )
    by_id, index = {e.id: e for e in ents}, SpanIndex(ents)
    for cp in [*range(0, 5400, 7), 0, 5299, 5300]:
        for shown in (False, True):
            assert index.at(by_id, cp, shown) == entities_at(ents, cp, shown)


def test_the_adjudicators_candidates_take_a_judge_of_the_sentence_before_another_body():
    """The Adjudicator takes ORG first (its typical label): "The Central Anti-Corruption Bureau said Judge Anna
    Kowalczyk would hear the appeal" offered the Bureau first, the judge (a PERSON) after it. A name of the sentence
    that is a court's or a judge's (its words, or the title before it) goes first for the Adjudicator (session 34)."""
    from annotator.candidate_names import names_judge
    from annotator.keyflow import agent_order

    text = "The Central Anti-Corruption Bureau said that Judge Anna Kowalczyk would hear the appeal of Marek Zielinski."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    schema = default_schema()
    appeal = schema.event_type("Justice:Appeal")
    adjudicator = next(r for r in appeal.roles if r.name == "Adjudicator")
    ents = [
        ent(1, *at("Central Anti-Corruption Bureau"), "ORG"),
        ent(2, *at("Anna Kowalczyk"), "PERSON"),
        ent(3, *at("Marek Zielinski"), "PERSON"),
    ]
    assert names_judge(text, *at("Anna Kowalczyk")) and not names_judge(text, *at("Marek Zielinski"))
    trigger, sentence = at("appeal"), (0, len(text))
    got = role_candidates(ents, adjudicator, trigger, sentence, text=text, agent=agent_order(appeal, adjudicator))
    assert [e.id for e in got] == [2, 1, 3], [e.id for e in got]  # main: the Bureau first


def test_a_name_spanned_without_its_the_comes_before_the_same_name_with_it():
    """Seed 004: "the Court of Appeal" (the pipeline's ORG) and "Court of Appeal" (the span made for the argument)
    were both candidates, the longer first, and the Adjudicator took a second key (session 34)."""
    from annotator.candidate_names import bare_before_the

    text = "He would appeal to the Court of Appeal in Warsaw."
    i = text.index("the Court")
    whole, bare, place = ent(1, i, i + 19, "ORG"), ent(2, i + 4, i + 19, "ORG"), ent(3, 42, 48, "GPE")
    assert [e.id for e in bare_before_the([whole, place, bare], text)] == [place.id, bare.id, whole.id]
    assert [e.id for e in bare_before_the([whole, place], text)] == [whole.id, place.id]  # alone: as it was
    appeal = default_schema().event_type("Justice:Appeal")
    adjudicator = next(r for r in appeal.roles if r.name == "Adjudicator")
    got = role_candidates([whole, bare], adjudicator, (9, 15), (0, len(text)), text=text)
    assert [e.id for e in got] == [2, 1], [e.id for e in got]  # main: [1, 2]
