"""The current document as the app holds it in memory: its spans, events and arguments, their running tallies, its
spans by start and its tokens, brought up to date with what each edit did (a ``Change``'s rows) instead of being read
again from the file after every key. Qt-free: the app's controller holds one and turns what it reports into signals."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import orjson

from annotator import keyflow, navigation
from annotator.foreseen import Foreseen, Replayed, replay
from annotator.model import Argument, Change, Document, Entity, Event
from annotator.navigation import Tokens
from annotator.offsets import Utf16Map
from annotator.nlp import a_word
from annotator.store import Project
from annotator.tally import Tally


@dataclass
class Applied:
    """What one change did to the held document, for the views: the spans and events to draw again, the document's
    new status (None: the same), whether its comments changed."""

    entities: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    status: str | None = None
    comments: bool = False
    meta: bool = False  # the document's metadata changed (its categories)


@dataclass
class Shown:
    """Where a change is seen in the document and what to select there (an event, else a span; neither when what
    it touched is rejected)."""

    start: int
    end: int
    entity: int | None
    event: int | None


ROWS_LATER = 5_000  # a document of more spans and events than this has its rows read after its text is shown
ROWS_PAGE = 4_000  # spans or events read at a time while a long document's rows come (~15-25 ms of CPU)


@dataclass
class RowsComing:
    """Where the read of a document's rows stands: how many there are and are read, the last id read, and whether
    the spans are all read (the events come after them)."""

    total: int
    read: int = 0
    after: int = 0
    spans_done: bool = False


class HeldDocument:
    """One document's annotations in one annotation set, held and kept up to date edit by edit."""

    def __init__(self) -> None:
        self.doc: Document | None = None
        self.u16 = Utf16Map("")
        self.entities: dict[int, Entity] = {}
        self.events: dict[int, Event] = {}
        self.args: dict[int, Argument] = {}
        self.entity_tally = Tally()  # states and labels of the spans, kept edit by edit
        self.event_tally = Tally()
        # moves whenever the spans or events held change (an edit, a reload, another document): what a view worked
        # out from them at a revision is still good at the same one
        self.revision = 0
        self._span_index: navigation.SpanIndex | None = None
        self._tokens: Tokens | navigation.LocalTokens | None = None
        self._heads: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] = []  # token indices, with the stored tokens
        # edits kept while another program writes, not in the file yet, in the order made: held as made (drawn,
        # listed and counted decided), over the file's rows
        self.foreseen: list[Foreseen] = []
        self._replayed = False
        self.waiting: tuple[set[int], set[int]] = (set(), set())  # (spans, events) held made by them: not saved yet
        self.coming: RowsComing | None = None  # a long document's rows still to read (``read_more``)

    # -- reading from the file ---------------------------------------------------------------------
    def open(self, project: Project, doc_id: int, long_rows_later: bool = False) -> None:
        """Hold ``doc_id``: its text and its annotations as the file has them now; ``long_rows_later``: with more
        than ``ROWS_LATER`` spans and events, its text alone, its rows read by ``read_more`` (the text is shown
        first: 1 MB's 32,760 rows took 170-230 ms of CPU to read, before the window could paint)."""
        self.doc = project.document(doc_id)
        self.u16 = Utf16Map(self.doc.text)
        total = project.db.annotation_count(doc_id, project.annotation_set) if long_rows_later else 0
        if total <= ROWS_LATER:
            self.load_annotations(project)
            return
        self.entities, self.events, self.args = {}, {}, {}
        self.coming = RowsComing(total)
        self._tally()
        self._tokens = self._heads = None

    def read_more(self, project: Project, rows: int | None = None) -> bool:
        """Read the next ``rows`` (``ROWS_PAGE``) of the spans and events coming (``open(rows_later=True)``), spans first, each page
        the file's rows as they are now (an edit's rows held meanwhile are read again as the file has them, a row
        deleted is in no page); True once every row is held, in the order ``load_annotations`` holds them, the kept
        edits made over them and the tallies counted."""
        coming, doc, rows = self.coming, self.doc, rows or ROWS_PAGE
        if coming is None or doc is None:
            return True
        if not coming.spans_done:
            page = project.db.entity_page(doc.id, project.annotation_set, coming.after, rows)
            self.entities.update((e.id, e) for e in page)
            coming.read += len(page)
            coming.spans_done = len(page) < rows
            coming.after = 0 if coming.spans_done else page[-1].id  # the events' ids from their first
            return False
        page_events = project.db.event_page(doc.id, project.annotation_set, coming.after, rows)
        for v in page_events:
            self.events[v.id] = v
            self.args.update((a.id, a) for a in v.arguments)
        coming.read += len(page_events)
        coming.after = page_events[-1].id if page_events else coming.after
        if len(page_events) == rows:
            return False
        self.coming = None  # every row held: in the order of a whole read, as if read at once
        self.entities = dict(sorted(self.entities.items(), key=lambda kv: (kv[1].start, kv[1].end, kv[0])))
        self.events = dict(sorted(self.events.items(), key=lambda kv: (kv[1].trigger_start, kv[0])))
        self._replayed = False
        self._foresee()
        self._tally()
        self._tokens = self._heads = None
        return True

    def reload_annotations(self, project: Project) -> tuple[set[int], set[int]]:
        """Read the document's spans and events again (after outside changes); (the spans, the events) that differ
        from those held."""
        old_entities, old_events = self.entities, self.events
        self.load_annotations(project)
        ents = {i for i in old_entities.keys() | self.entities.keys() if old_entities.get(i) != self.entities.get(i)}
        evs = {i for i in old_events.keys() | self.events.keys() if old_events.get(i) != self.events.get(i)}
        return ents, evs

    def load_annotations(self, project: Project) -> None:
        """Read the document's spans and events (all of them: any still coming are read too)."""
        assert self.doc is not None
        self.coming = None
        self.entities = {e.id: e for e in project.entities(self.doc.id)}
        self.events = {}
        self.args = {}
        for v in project.events(self.doc.id):
            self.events[v.id] = v
            for a in v.arguments:
                self.args[a.id] = a
        self._replayed = False  # the file's rows: what the kept edits make of them is all of it
        self._foresee()
        self._tally()
        self._tokens = None
        self._heads = None

    def foresee(self, foreseen: list[Foreseen]) -> tuple[set[int], set[int]]:
        """Hold the edits kept ``foreseen`` (in the order made) as made, over the rows held (a kept edit no longer
        kept needs the file's rows: ``load_annotations``); (the spans, the events) they changed."""
        self.foreseen = foreseen
        self._replayed = True  # over rows held made already: those made before stay so (skipped by the replay)
        made = self._foresee()
        self.revision += 1
        ents = {i for i, old in made.entities.items() if old != self.entities.get(i)}
        evs = {i for i, old in made.events.items() if old != self.events.get(i)}
        for i in ents:
            old, new = made.entities[i], self.entities.get(i)
            self.entity_tally.update(old, new)
            if old is None or new is None or (old.start, old.end) != (new.start, new.end):
                self._span_index = None  # resized or deleted: its place by start is another
        for i in evs:
            self.event_tally.update(made.events[i], self.events.get(i))
        return ents, evs

    def _foresee(self) -> Replayed:
        """The kept edits made on the rows held, in order (one on a row no longer as its key saw it is refused when
        it lands: shown as the file has it)."""
        if not self.foreseen:
            self.waiting = (set(), set())
            return Replayed()
        made = replay(self.entities, self.events, self.args, self.foreseen)
        ents, evs = set(made.entities), set(made.events)
        self.waiting = (self.waiting[0] | ents, self.waiting[1] | evs) if self._replayed else (ents, evs)
        return made

    def set_status(self, status: str) -> None:
        assert self.doc is not None
        self.doc = replace(self.doc, status=status)

    def set_meta(self, meta: str | None) -> None:
        """The document's metadata as a row holds it (JSON text)."""
        assert self.doc is not None
        self.doc = replace(self.doc, meta=orjson.loads(meta) if meta else {})

    def clear(self) -> None:
        """Hold no document (the project closed, or the document deleted elsewhere)."""
        self.doc, self.coming = None, None
        self.entities, self.events, self.args = {}, {}, {}
        self._tally()

    def _tally(self) -> None:
        self.revision += 1
        self.entity_tally.reset(self.entities.values())
        self.event_tally.reset(self.events.values())
        self._span_index = None

    # -- an edit's rows ----------------------------------------------------------------------------
    def apply(self, change: Change, annotation_set: str) -> Applied:
        """Bring what is held up to date with one commit's rows in this document (rows of another annotation set
        leave it); what changed, for the views."""
        self.revision += 1
        out = Applied()
        arg_events: set[int] = set()
        for r in change.rows:
            if r.table == "entities":
                out.entities.add(r.id)
                old_e = self.entities.get(r.id)
                if r.after is None or r.after["annotation_set"] != annotation_set:
                    self.entities.pop(r.id, None)
                else:
                    self.entities[r.id] = Entity.from_row(r.after)
                new_e = self.entities.get(r.id)
                self.entity_tally.update(old_e, new_e)
                if old_e is None or new_e is None or (old_e.start, old_e.end) != (new_e.start, new_e.end):
                    self._span_index = None  # a span came, went or moved: its place by start is another
            elif r.table == "events":
                out.events.add(r.id)
                old = self.events.get(r.id)
                if r.after is None or r.after["annotation_set"] != annotation_set:
                    self.events.pop(r.id, None)
                else:
                    self.events[r.id] = Event.from_row(r.after, old.arguments if old else ())
                self.event_tally.update(old, self.events.get(r.id))
            elif r.table == "arguments":
                row = r.after or r.before
                out.events.add(row["event_id"])
                arg_events.add(row["event_id"])
                if r.after is None:
                    self.args.pop(r.id, None)
                else:
                    self.args[r.id] = Argument.from_row(r.after)
            elif r.table == "documents" and r.after is not None:
                self.set_status(r.after["status"])
                out.status = r.after["status"]
                if r.before is None or r.after.get("meta") != r.before.get("meta"):  # its categories, say
                    out.meta = True
                    self.set_meta(r.after.get("meta"))
            elif r.table == "comments":
                out.comments = True
        if arg_events:  # the events whose arguments changed, gathered in one pass (one pass per event before: a
            # Ctrl+Enter deciding 2,000 events went over every argument 2,000 times); an event row keeps its arguments
            found: dict[int, list[Argument]] = {}
            for a in self.args.values():
                if a.event_id in arg_events:
                    found.setdefault(a.event_id, []).append(a)
            for eid in arg_events & self.events.keys():
                args = tuple(sorted(found.get(eid, ()), key=lambda a: a.id))
                self.events[eid] = replace(self.events[eid], arguments=args)
        return out

    def shown(self, change: Change) -> Shown | None:
        """Where the first row of ``change`` that is seen in this document stands, and what to select there: the
        event whose type, trigger or arguments it changed, else the span; None when no row is seen here."""
        for r in change.rows:
            row = r.after or r.before
            entity = event = None
            if r.table == "entities":
                place, entity = (row["start"], row["end"]), r.id
            elif r.table == "events":
                place, event = (row["trigger_start"], row["trigger_end"]), r.id
            elif r.table == "arguments" and (row["entity_id"] in self.entities or row["event_id"] in self.events):
                event = row["event_id"]
                e = self.entities.get(row["entity_id"])
                v = self.events.get(event)
                place = (e.start, e.end) if e is not None else (v.trigger_start, v.trigger_end)  # type: ignore[union-attr]
            else:
                continue
            if event in self.events and self.events[event].state != "rejected":
                return Shown(*place, None, event)
            if entity in self.entities and self.entities[entity].state != "rejected":
                return Shown(*place, entity, None)
            return Shown(*place, None, None)  # a rejection redone (or an acceptance undone to one): unselected
        return None

    # -- what the views read -----------------------------------------------------------------------
    def summary(self) -> dict[str, Any] | None:
        """The document's row of the document list (as ``Project.document_summaries`` gives it) from the running
        tallies: after each edit its counts were read again in SQL, a pass over the 8,000 spans of a long document
        (5 ms a key)."""
        if self.doc is None:
            return None
        ents, evs = self.entity_tally, self.event_tally
        return {
            "id": self.doc.id,
            "name": self.doc.name,
            "status": self.doc.status,
            "entities": ents.not_rejected(),
            "suggestions": ents.count("suggested") + evs.count("suggested"),
            "events": evs.not_rejected(),
        }

    def span_index(self) -> navigation.SpanIndex:
        """The spans by start (made again only after a span was added, removed or resized)."""
        if self._span_index is None:
            self._span_index = navigation.SpanIndex(self.entities.values())
        return self._span_index

    def tokens(self, project: Project | None) -> Tokens | navigation.LocalTokens:
        """The document's tokens: the stored tokens of pre-annotation (read from ``project`` once), else words and
        punctuation."""
        if self._tokens is None:
            stored = project.tokens(self.doc.id) if project and self.doc else None
            self._tokens = Tokens.of(self.doc.text if self.doc else "", stored)
            self._sentence_starts = stored[2] if stored and stored[0] else []
        return self._tokens

    def noun_heads(self, project: Project | None) -> list[tuple[int, int]]:
        """The document's noun heads stored at pre-annotation with events (read from ``project`` once), else []; those
        that are no word (an emoji an older pre-annotation stored: ``nlp.a_word``) left out."""
        if self._heads is None:
            text = self.doc.text if self.doc else ""
            stored = project.noun_heads(self.doc.id) if project and self.doc else []
            self._heads = [(s, e) for s, e in stored if a_word(text[s:e])]
        return self._heads

    def sentence(self, project: Project | None, cp: int) -> tuple[int, int]:
        """The code-point range of the sentence holding ``cp`` by the stored tokens, read from the file once per
        document, not at each key (12 ms of an Alt+N on 100,000 words); before pre-annotation by the one fallback's
        sentences, found around ``cp`` (the whole text was taken: Alt+N ranked every span of a long document)."""
        toks, n = self.tokens(project), len(self.doc.text) if self.doc else 0
        if isinstance(toks, navigation.LocalTokens):
            found = toks.sentence(cp)
        elif not self._sentence_starts:
            found = 0, n
        else:
            found = keyflow.sentence_bounds(toks.starts, toks.ends, self._sentence_starts, n, cp)
        return keyflow.within_line(self.doc.text, found, cp) if self.doc else found  # never past a paragraph's end
