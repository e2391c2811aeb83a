"""One training run: finished documents -> held-out scores of the current and the new model -> a new version."""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from annotator.opencheck import why_file_not_written
from annotator.errors import NotEnoughData, ProjectMovedError, SaveError, TrainingCancelled
from annotator.learn import versions
from annotator.learn.argument_tuning import unfilled_roles
from annotator.learn.data import FinishedDoc, cut_to_fit, finished_documents, held_out_split
from annotator.learn.event_model import EventModel, TrainedEventSuggester, default_prior
from annotator.learn.event_tuning import train_event_model
from annotator.learn.ner import make_examples, update_ner
from annotator.learn.options import LEAST_DOCUMENTS, QUICK_EPOCHS, TrainOptions
from annotator.learn.scoring import Tally, as_events, tally_entities, tally_events, tally_trigger_words
from annotator.learn.report import changed_words
from annotator.nlp import CHUNK_CHARS, DEFAULT_PIPELINE, pipeline_entities
from annotator.store import Project, now
from annotator.suggest.noun_classes import lemma_of
from annotator.wording import counted, first_named

Progress = Callable[[str, int, int], None]


@dataclass
class TrainReport:
    version: int | None = None
    documents: int = 0
    held_out: int = 0
    folds: int = 0
    current: str = versions.ORIGINAL
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)  # "current" / "new" -> part -> key -> prf
    better: bool = False
    made_default: bool = False
    seconds: float = 0.0
    quick: bool = False  # a quick try's settings (one pass each): said, as the scores are lower for it
    left_out: list[str] = field(default_factory=list)  # finished documents holding only undecided suggestions
    # (entity, event) suggestions nobody decided in the finished documents it learnt from: not learnt either way
    undecided: tuple[int, int] = (0, 0)
    cut: list[str] = field(default_factory=list)  # finished documents longer than spaCy parses: learnt in pieces
    # roles the suggestions fill and no finished document does: left out of the scores, not suggested by the new
    # version (argument_tuning.unfilled_roles)
    unannotated_roles: list[str] = field(default_factory=list)
    moved_to: str | None = None  # the project file was renamed or moved while it trained: the version is kept there
    # the (type, trigger lemma) the new version suggests differently from the current model on the held-out
    # documents, right / wrong of each (report.changed_words): the words a type the model took dropped or added
    trigger_words: list[dict[str, Any]] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """The run as ``train --json`` prints it (docs/command-line.md)."""
        entities, events = self.undecided
        return {
            "version": self.version,
            "made_default": self.made_default,
            "better": self.better,
            "current": self.current,
            "documents": self.documents,
            "held_out": self.held_out,
            "folds": self.folds,
            "quick": self.quick,
            "seconds": round(self.seconds, 2),
            "scores": self.scores,
            "left_out": list(self.left_out),
            "undecided": {"entities": entities, "events": events},
            "cut": list(self.cut),
            "unannotated_roles": list(self.unannotated_roles),
            "moved_to": self.moved_to,
            "trigger_words": self.trigger_words,
            "summary": self.summary(),
        }

    def summary(self, not_default_hint: str | None = None) -> str:
        """The run in a line and the held-out table; ``not_default_hint`` says how to make a version kept aside the
        default (the command line's by default; the app offers a button instead)."""
        from annotator.learn.report import format_changed_words, format_comparison

        head = (
            f"version {self.version} trained on {self.documents} finished documents "
            f"({self.held_out} held out{f', {self.folds}-fold' if self.folds > 1 else ''}) in {self.seconds:.0f} s"
            + (f" (a quick try: {QUICK_EPOCHS} pass each)" if self.quick else "")
        )
        verdict = (
            "made the default"
            if self.made_default
            else "kept but NOT made the default (worse than the current model; "
            + (not_default_hint or f"use --make-default or 'annotator models --default {self.version}'")
            + ")"
        )
        if self.left_out:
            names = first_named(self.left_out, 3)
            head += f" ({len(self.left_out)} left out, only undecided suggestions in them: {names})"
        if any(self.undecided):
            entities, events = self.undecided
            head += (
                f" (note: the {counted(self.documents, 'document')} learnt from hold {entities:,} entity and {events:,} "
                "event suggestions nobody decided: it learns from decisions only, an event nobody accepted as no "
                "event; `annotator accept` with the same documents accepts them, as Ctrl+Shift+A does in the app)"
            )
        if self.cut:
            head += f" ({_cut_words(self.cut)})"
        if self.unannotated_roles:
            head += (
                f"; roles no finished document fills, left out of the scores and no longer suggested: "
                f"{', '.join(self.unannotated_roles)}"
            )
        if self.moved_to:
            head += f" (the project file was renamed or moved while it trained: kept beside the project where it is now, {self.moved_to})"
        words = format_changed_words(self.trigger_words)
        return f"{head}; {verdict}\n{format_comparison(self.scores, self.current)}" + (f"\n\n{words}" if words else "")


def overall(scores: dict[str, Any]) -> float:
    """One number to compare models: the mean F1 of the parts that have gold on the held-out documents."""
    parts = [scores[k]["all"] for k in ("entities", "triggers", "arguments") if k in scores]
    parts = [p for p in parts if p["tp"] + p["fn"] > 0]
    return sum(p["f1"] for p in parts) / len(parts) if parts else 0.0


def _load_full(base: str) -> Any:
    import spacy

    try:
        return spacy.load(base)
    except OSError as exc:  # as pre-annotation says it: the name, and how to install it
        from annotator.nlp import pipeline_not_found

        raise pipeline_not_found(base, exc) from None


def _load_parser(base: str, events: bool) -> Any:
    """The pipeline that parses the finished documents: pre-annotation's (``annotator.nlp.load_pipeline``), so that
    training reads the sentences, lemmas and rules' verdicts pre-annotation will give. It parsed them with spaCy's
    pipeline as loaded, without the line component (a headline's line with no stop ends its sentence): there a
    headline ran into the next sentence while pre-annotation split them (session 41)."""
    from annotator.nlp import load_pipeline

    return load_pipeline(base, events=events).nlp


def _predict_entities(
    nlp: Any, texts: Sequence[str], labels: set[str], looked: Callable[[], None] | None = None
) -> list[list[tuple[int, int, str]]]:
    """``nlp``'s entities of ``labels`` in each of ``texts``. ``looked`` (a training's look at Cancel) is called after
    each document, the documents then parsed one at a time: a held-out fold's documents in one batch were 0.4-0.6 s
    of CPU with no look at Cancel between (session 42; the entities found are the same)."""
    other = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    found: list[list[tuple[int, int, str]]] = []
    with nlp.select_pipes(disable=other):
        for d in nlp.pipe(texts, batch_size=1 if looked is not None else None):
            found.append([(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in labels])
            if looked is not None:
                looked()
    return found


# what the progress says while a pipeline loads (0.4 s of CPU on a quiet machine, 1-2.7 s under load, several seconds
# of wall time; spaCy's load gives no hand back to look at Cancel inside it: a Cancel is seen right after it)
LOADING = "loading the spaCy pipeline"
SPACY_MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text is refused (E088); a finished one is cut to fit


def _trigger_lemma(doc: Any, text: str) -> Callable[[int, int], str]:
    """A trigger's word in ``doc`` (parsed from ``text``) by its characters: the lemma of the span's root token, as
    the trained model counts words (``lemma_of``); the characters themselves, lowercased, where no token is there."""

    def word(start: int, end: int) -> str:
        span = doc.char_span(start, end, alignment_mode="expand")
        return lemma_of(span.root) if span is not None and len(span) else text[start:end].lower()

    return word


def _cut_words(names: list[str]) -> str:
    return (
        f"{counted(len(names), 'finished document')} longer than spaCy's {SPACY_MAX_CHARS:,} characters learnt in "
        f"pieces: {first_named(names, 3)}"
    )


REHEARSAL_CHARS = 500_000  # of one document at most (spaCy refuses a text over 1,000,000)


def _first_words(text: str, words: int) -> str:
    """``text`` up to the end of its first ``words`` words (all of it when it has no more), and at most
    ``words`` * 30 characters: a rehearsal document of a 1 MB text is a part of it (whole, spaCy refused it)."""
    ends = [m.end() for m in itertools.islice(re.finditer(r"\S+", text), words)]
    cut = ends[-1] if len(ends) == words else len(text)
    return text[: min(cut, words * 30, REHEARSAL_CHARS)]


def _rehearsal(
    project: Project,
    base: Any,
    finished: set[int],
    labels: set[str],
    words: int,
    looked: Callable[[], None] | None = None,
) -> list[FinishedDoc]:
    """Up to ``words`` words of the project's other documents with the original pipeline's entities, marked
    complete: the update keeps seeing what the original predicted on text nobody corrected. ``looked`` after each
    document parsed (the training's look at Cancel)."""
    texts: list[tuple[int, str]] = []
    total = 0
    for doc_id in project.document_ids():
        if total >= words:
            break
        if doc_id in finished:
            continue
        text = _first_words(project.document(doc_id).text, words - total)
        texts.append((doc_id, text))
        total += len(text.split())
    ents = _predict_entities(base, [t for _i, t in texts], labels, looked) if texts else []
    return [FinishedDoc(i, f"rehearsal {i}", t, "reviewed", list(e)) for (i, t), e in zip(texts, ents)]


class _Run:
    def __init__(
        self, project: Project, options: TrainOptions, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.project, self.opt = project, options
        self.progress = progress or (lambda message, done, total: None)
        self.cancelled = cancelled or (lambda: False)
        self.schema = project.schema
        self.labels = set(self.schema.label_names)
        self.has_events = bool(self.schema.events)
        self.prior = default_prior(self.schema)

    def check(self) -> None:
        if self.cancelled():
            raise TrainingCancelled()

    def part_progress(self, part: int, parts: int, label: str) -> Callable[[str, int], None]:
        """Progress inside one part of the run (a fold, or the final training): each pass of the entity update is
        a step, the event suggester one more, so the bar moves within a part (it stood still for minutes)."""
        units = self.opt.ner_epochs + 1
        return lambda stage, done: self.progress(f"{label}: {stage}", part * units + done, parts * units)

    def train_ner(
        self,
        docs: Sequence[FinishedDoc],
        original: dict[int, list],
        rehearsal: Sequence[FinishedDoc] = (),
        step: Callable[[str, int], None] | None = None,
    ) -> Any:
        if step:
            step(LOADING, 0)  # seconds under load with no look at Cancel inside: said, as the look right after it
        nlp = _load_full(self.opt.base or DEFAULT_PIPELINE)
        self.check()  # a Cancel pressed while it loaded: seen here, not after the first batch's update
        if step:
            step(f"entities, pass 1 of {self.opt.ner_epochs}" if self.opt.ner_epochs else "events", 0)
        examples = make_examples(
            nlp,
            [*docs, *rehearsal],
            [*(original[d.id] for d in docs), *(d.entities for d in rehearsal)],
            self.cancelled,
        )
        update_ner(
            nlp,
            examples,
            sorted(self.labels),
            epochs=self.opt.ner_epochs,
            seed=self.opt.seed,
            progress=(lambda done, total: done < total and step(f"entities, pass {done + 1} of {total}", done))
            if step
            else None,
            cancelled=self.cancelled,
        )
        return nlp

    def train_events(
        self,
        docs: Sequence[FinishedDoc],
        parsed: dict[int, Any],
        seen: dict[int, list],
        unannotated: frozenset[str],
    ) -> EventModel:
        examples = [(parsed[d.id], seen[d.id], d.events) for d in docs]
        return train_event_model(
            examples,
            self.schema,
            self.prior,
            epochs=self.opt.event_epochs,
            seed=self.opt.seed,
            cancelled=self.cancelled,
            unannotated_roles=unannotated,
        )


def train_project(
    project: Project,
    options: TrainOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TrainReport:
    """Train a new version from the finished documents; score it and the current model on held-out documents. The
    model's folder is made first: another training of the project running refuses this one (``TrainingRunning``),
    and whatever ends the run before its version is published removes it."""
    project.check_writable()  # before minutes of training whose result could not be saved
    versions.check_models_place(project)
    tmp = versions.start_training_folder(project)
    try:
        return _train_into(project, tmp, options, progress, cancelled)
    except BaseException:
        versions.discard_temp_folder(project, tmp)  # gone already when published: nothing to remove then
        raise


def _train_into(
    project: Project,
    tmp: Path,
    options: TrainOptions | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> TrainReport:
    """``train_project``'s run, its model written into ``tmp`` and published from there."""
    opt = options or TrainOptions()
    run = _Run(project, opt, progress, cancelled)
    t0 = time.monotonic()
    finished = finished_documents(project, opt.statuses)
    decided = [d for d in finished if d.decided]
    # a finished document longer than spaCy parses (1,000,000 characters) was left out, its decisions unlearnt: cut
    # into pieces that fit, each a training document of its own
    docs, cut = cut_to_fit(decided, SPACY_MAX_CHARS, CHUNK_CHARS)  # pieces as pre-annotation parses it
    left_out = [d.name for d in finished if not d.decided]
    if len(decided) < LEAST_DOCUMENTS:
        why = (
            f" and a person's decision in them ({counted(len(left_out), 'other')} {'holds' if len(left_out) == 1 else 'hold'} only undecided suggestions: accept or "
            "reject them first; Edit > Accept all suggestions, Ctrl+Shift+A, accepts a document's)"
            if left_out
            else ""
        )
        raise NotEnoughData(
            f"{project.path}: {counted(len(decided), 'finished document')} with status "
            f"{' or '.join(opt.statuses)}{why}; training needs at least {LEAST_DOCUMENTS} (one to hold out)"
        )
    by_id = {d.id: d for d in docs}
    report = TrainReport(documents=len(decided), left_out=left_out, cut=cut, quick=opt.is_quick)
    events = sum(d.undecided_events for d in decided)
    report.undecided = (sum(d.undecided for d in decided) - events, events)
    current_version = versions.choose_version(project, "default")
    report.current = versions.source_of(project, current_version) if current_version else versions.ORIGINAL

    run.progress(LOADING, 0, len(docs))  # "parsing the finished documents" stood there for the load's seconds
    run.check()  # a Cancel pressed in the run's first moments: the model's load (1-2.7 s of CPU) not begun
    base = _load_parser(opt.base or DEFAULT_PIPELINE, run.has_events)
    run.progress("parsing the finished documents", 0, len(docs))
    run.check()  # a Cancel pressed while the model loaded (seconds): nothing parsed (session 40)
    parsed: dict[int, Any] = {}
    # one at a time: spaCy parses a whole batch before it gives its first Doc back, and a Cancel waited for the 16 of
    # a batch (2.4 s of CPU on events-dev articles, 10.7 s wall at load 9); the parse's CPU is the same (3.5-3.7 s for
    # 30 articles at batch sizes 16, 4 and 1)
    for k, (d, doc) in enumerate(zip(docs, base.pipe([d.text for d in docs], batch_size=1))):
        parsed[d.id] = doc
        run.check()
        run.progress("parsing the finished documents", k + 1, len(docs))
    original = {
        i: [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in run.labels]
        for i, doc in parsed.items()
    }
    # what an event suggester reads: the entities as pre-annotation gives them to it (``nlp.pipeline_entities``: a
    # surname of a person named in full a PERSON, a sum with its currency sign, a day and a term two phrases)
    seen = {i: [span for span in pipeline_entities(doc) if span[2] in run.labels] for i, doc in parsed.items()}
    # roles the rules fill in the finished documents and nobody there does: how these annotators work (they do
    # not annotate them), so they are left out of every score (the current model's too) and of the argument
    # tuning, and the new version does not suggest them
    unannotated = (
        unfilled_roles((d.events for d in docs), (run.prior.suggest(parsed[d.id], seen[d.id]) for d in docs))
        if run.has_events
        else frozenset()
    )
    report.unannotated_roles = sorted(unannotated)
    rehearsal = _rehearsal(project, base, {d.document_id for d in docs}, run.labels, opt.rehearsal_words, run.check)
    run.check()
    if current_version:
        run.progress(f"loading the current model (version {current_version}) to score it", 0, 0)
    current_nlp = versions.load_version_pipeline(project, current_version).nlp if current_version else None
    current_events = (versions.load_version_events(project, current_version) if current_version else None) or run.prior
    run.check()  # a Cancel pressed while it loaded: seen before the first part's own load (two loads, no look between)

    # held out by document: a long one's pieces on one side together (scored on text it was trained on, otherwise)
    pieces: dict[int, list[int]] = {}
    for d in docs:
        pieces.setdefault(d.document_id, []).append(d.id)
    splits = [
        ([i for j in train for i in pieces[j]], [i for j in held for i in pieces[j]])
        for train, held in held_out_split(list(pieces), opt.seed, opt.folds)
    ]
    report.folds = len(splits)
    tallies = {w: {p: Tally() for p in ("entities", "triggers", "arguments")} for w in ("current", "new")}
    words: dict[str, dict[tuple[str, str], list[int]]] = {"current": {}, "new": {}}  # per (type, trigger lemma)
    types = set(run.schema.event_type_names)
    nlp_new: Any = None
    events_new: EventModel | None = None
    steps = len(splits) + (1 if len(splits) > 1 else 0)
    for k, (train_ids, held_ids) in enumerate(splits):
        step = run.part_progress(k, steps, f"training and scoring part {k + 1} of {len(splits)}")
        train_docs = [by_id[i] for i in train_ids]
        held = [by_id[i] for i in held_ids]
        report.held_out += len({d.document_id for d in held})  # documents (a long one's pieces count once)
        nlp_new = run.train_ner(train_docs, original, rehearsal, step)
        run.check()
        texts = [d.text for d in held]
        new_ents = _predict_entities(nlp_new, texts, run.labels, run.check)
        cur_ents = (
            _predict_entities(current_nlp, texts, run.labels, run.check)
            if current_nlp
            else [original[d.id] for d in held]
        )
        for d, n_e, c_e in zip(held, new_ents, cur_ents):
            tally_entities(d.entities, n_e, tallies["new"]["entities"])
            tally_entities(d.entities, c_e, tallies["current"]["entities"])
        if run.has_events:
            # the model chooses its thresholds and its per-type use of the prior by k-fold inside train_docs
            step("events", opt.ner_epochs)
            events_new = run.train_events(train_docs, parsed, seen, unannotated)
            sugg = TrainedEventSuggester(events_new, run.schema, "new", run.prior)
            for d in held:  # each held-out document suggested on twice: a look at Cancel after each
                run.check()
                lemma = _trigger_lemma(parsed[d.id], d.text)
                for who, suggester in (("current", current_events), ("new", sugg)):
                    pred = as_events(suggester.suggest(parsed[d.id], seen[d.id]))
                    t = tallies[who]
                    tally_events(d.events, pred, t["triggers"], t["arguments"], types, left_out_roles=unannotated)
                    tally_trigger_words(d.events, pred, lemma, words[who], types)
        run.check()
    if len(splits) > 1:  # k-fold: the scores are the folds'; the model is trained on every finished document
        step = run.part_progress(len(splits), steps, "training on all finished documents")
        nlp_new = run.train_ner(docs, original, rehearsal, step)
        if run.has_events:
            step("events", opt.ner_epochs)
        events_new = run.train_events(docs, parsed, seen, unannotated) if run.has_events else None
        run.check()
    for who in ("current", "new"):
        report.scores[who] = {p: t.result() for p, t in tallies[who].items() if p == "entities" or run.has_events}
    report.better = overall(report.scores["new"]) >= overall(report.scores["current"])
    report.trigger_words = changed_words(words["current"], words["new"])
    make_default = report.better if opt.make_default is None else opt.make_default
    run.progress("saving the model", 1, 1)
    try:
        nlp_new.to_disk(tmp / "pipeline")
        if events_new is not None:
            events_new.save(tmp / "events")
        run.check()
        report.seconds = round(time.monotonic() - t0, 1)
        manifest = {
            "created": now(),
            "documents": report.documents,
            "statuses": list(opt.statuses),
            "held_out": report.held_out,
            "folds": report.folds,
            "base": opt.base or DEFAULT_PIPELINE,
            "compared_with": report.current,
            "scores": report.scores,
            "better": report.better,
            "unannotated_roles": report.unannotated_roles,
            "trigger_words": report.trigger_words,
            "seconds": report.seconds,
            "settings": {
                "ner_epochs": opt.ner_epochs,
                "event_epochs": opt.event_epochs,
                "seed": opt.seed,
                "rehearsal_words": opt.rehearsal_words,
                "rehearsal_documents": len(rehearsal),
            },
        }
        try:
            report.version = versions.publish(project, tmp, manifest, make_default)
        except ProjectMovedError as moved:  # renamed or moved while it trained: saved where it is now
            from annotator.learn.kept_models import publish_where_now

            where, report.version = publish_where_now(project, tmp, manifest, make_default, moved)
            report.moved_to = str(where)
    except OSError as exc:  # a full disk, a folder that cannot be written: spaCy's own error names nothing
        versions.discard_temp_folder(project, tmp)
        raise SaveError(
            f"{versions.models_dir(project)}: cannot save the trained model there ({why_file_not_written(exc)}); no model "
            "version was made and the project is as it was"
        ) from None
    except BaseException:
        versions.discard_temp_folder(project, tmp)
        raise
    report.made_default = make_default
    return report
