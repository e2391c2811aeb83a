"""A fork server the crash tests kill with SIGKILL at random moments.

Run as ``python crash_worker.py serve [--spacy]``. It imports the core (and, with ``--spacy``, builds the
blank pattern pipeline) once, then reads one JSON command a line on stdin. For each command it forks a
child that runs the task and answers ``{"pid": <child pid>}``; when the child ends (finished or killed)
it answers ``{"exit": <pid>, "signal": <n or null>, "code": <n or null>}``. Forking keeps each kill round
fast: the child starts with everything imported and no database connection open.

Tasks (the child's side log gets one flushed and fsynced JSON line per completed step):
- ``edits``: random edits through the annotation API forever; a line after each edit returns.
- ``import``: ``import_paths`` over a folder, then a ``done`` line.
- ``preannotate``: ``preannotate(only_new=True, finished=True)`` (the documents the editing process marks annotated
  meanwhile too) with the blank pattern pipeline, then a ``done`` line.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
import traceback
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator import edits  # noqa: E402
from annotator.errors import AnnotatorError  # noqa: E402
from annotator.formats.loading import import_paths  # noqa: E402
from annotator.model import STATUSES, Change  # noqa: E402
from annotator.recorder import redo, undo  # noqa: E402
from annotator.store import Project  # noqa: E402

PATTERNS = [
    {"label": "GPE", "pattern": "Paris"},
    {"label": "ORG", "pattern": "Reuters"},
    {"label": "PERSON", "pattern": [{"LOWER": "anna"}, {"LOWER": "berg"}]},
]
_PIPELINE = None
CATEGORIES = ["politics", "économie", "sport #1", 'a "quoted" one', "back\\slash"]


def change_digest(change: Change) -> str:
    """sha1 of the change's rows serialised exactly as ``recorder.log_change`` stores them."""
    rows = [{"table": r.table, "id": r.id, "before": r.before, "after": r.after} for r in change.rows]
    return hashlib.sha1(orjson.dumps(rows)).hexdigest()


class SideLog:
    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, record: dict) -> None:
        os.write(self.fd, orjson.dumps(record) + b"\n")
        os.fsync(self.fd)


# -- random edits ---------------------------------------------------------------------------------
def _word_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch.isalnum():
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


class Editor:
    """Picks and applies one random edit at a time, with an in-memory undo/redo stack like the app's."""

    def __init__(self, project: Project, rng: random.Random) -> None:
        self.p = project
        self.rng = rng
        self.docs = project.document_ids()
        self.words = {d: _word_spans(project.document(d).text) for d in self.docs}
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self.schema = project.schema

    def _span(self, doc: int) -> tuple[int, int]:
        words = self.words[doc]
        k = self.rng.randrange(len(words))
        n = self.rng.choice((1, 1, 1, 2, 3))
        return words[k][0], words[min(k + n - 1, len(words) - 1)][1]

    def step(self) -> tuple[str, Change | None]:
        rng, p = self.rng, self.p
        doc = rng.choice(self.docs)
        ents = p.entities(doc)
        evs = p.events(doc)
        live = [e for e in ents if e.state != "rejected"]
        choice = rng.choices(
            [
                "add_entity",
                "add_suggestion",
                "relabel",
                "resize",
                "accept",
                "reject",
                "delete_entity",
                "accept_all",
                "add_event",
                "set_type",
                "move_trigger",
                "attribute",
                "delete_event",
                "add_argument",
                "change_argument",
                "remove_argument",
                "status",
                "categories",
                "comment",
                "delete_comment",
                "undo",
                "redo",
            ],
            weights=[8, 4, 4, 3, 3, 2, 2, 1, 5, 1, 2, 3, 1, 8, 2, 2, 2, 2, 2, 1, 5, 3],
        )[0]
        if choice == "undo":
            if not self.undo_stack:
                return "noop", None
            change = self.undo_stack.pop()
            inverse = undo(p, change)
            self.redo_stack.append(change)
            return "undo", inverse
        if choice == "redo":
            if not self.redo_stack:
                return "noop", None
            change = self.redo_stack.pop()
            again = redo(p, change)
            self.undo_stack.append(change)
            return "redo", again
        change = self._edit(choice, doc, ents, live, evs)
        if change is not None and not change.is_empty:
            self.undo_stack.append(change)
            self.redo_stack.clear()
        return choice, change

    def _edit(self, choice, doc, ents, live, evs):  # type: ignore[no-untyped-def]
        rng, p, schema = self.rng, self.p, self.schema
        labels = schema.label_names
        if choice in ("add_entity", "add_suggestion") or (
            not ents and choice in ("relabel", "resize", "accept", "reject", "delete_entity")
        ):
            s, e = self._span(doc)
            state = "suggested" if choice == "add_suggestion" else "added"
            return edits.add_entity(p, doc, s, e, rng.choice(labels), state=state, source="crash-test")
        if choice == "relabel":
            return edits.relabel_entity(p, rng.choice(ents).id, rng.choice(labels))
        if choice == "resize":
            s, e = self._span(doc)
            return edits.resize_entity(p, rng.choice(ents).id, s, e)
        if choice == "accept":
            return edits.accept_entity(p, rng.choice(ents).id)
        if choice == "reject":
            return edits.reject_entity(p, rng.choice(ents).id)
        if choice == "delete_entity":
            return edits.delete_entity(p, rng.choice(ents).id)
        if choice == "accept_all":
            return edits.accept_all(p, doc)
        if choice == "add_event" or (
            not evs
            and choice
            in (
                "set_type",
                "move_trigger",
                "attribute",
                "delete_event",
                "add_argument",
                "change_argument",
                "remove_argument",
            )
        ):
            s, e = self._span(doc)
            return edits.add_event(p, doc, rng.choice(schema.events).name, s, e)
        if choice == "set_type":
            return edits.set_event_type(p, rng.choice(evs).id, rng.choice(schema.events).name)
        if choice == "move_trigger":
            s, e = self._span(doc)
            return edits.move_trigger(p, rng.choice(evs).id, s, e)
        if choice == "attribute":
            attr = rng.choice(schema.attributes)
            return edits.set_event_attribute(p, rng.choice(evs).id, attr.name, rng.choice(attr.values))
        if choice == "delete_event":
            return edits.delete_event(p, rng.choice(evs).id)
        if choice == "add_argument":
            ev = rng.choice(evs)
            etype = schema.event_type(ev.type)
            if etype is None or not etype.roles:
                return None
            role = rng.choice(etype.roles)
            fits = [e for e in live if e.label in role.labels]
            if not fits:  # make a fitting entity first (its own edit, as a person would)
                s, e = self._span(doc)
                return edits.add_entity(p, doc, s, e, rng.choice(role.labels))
            return edits.add_argument(p, ev.id, role.name, rng.choice(fits).id)
        args = [a for v in evs for a in v.arguments]
        if choice == "change_argument":
            if not args:
                return None
            arg = rng.choice(args)
            return edits.change_argument(p, arg.id, entity_id=rng.choice(live).id if live else None)
        if choice == "remove_argument":
            return edits.remove_argument(p, rng.choice(args).id) if args else None
        if choice == "status":
            return edits.set_status(p, doc, rng.choice(STATUSES))
        if choice == "categories":  # Document > Categories… (the project's list grows in the same transaction)
            return edits.set_categories(p, doc, rng.sample(CATEGORIES, rng.randint(0, 3)))
        if choice == "comment":
            return edits.add_comment(p, doc, f"note {rng.random():.6f} <b>not markup</b>")
        if choice == "delete_comment":
            cms = p.comments(doc)
            return edits.delete_comment(p, rng.choice(cms).id) if cms else None
        raise AssertionError(choice)


def run_edits(cmd: dict) -> None:
    log = SideLog(cmd["log"])
    project = Project(cmd["project"], annotator=cmd.get("annotator", "worker"), create=False)
    editor = Editor(project, random.Random(cmd["seed"]))
    n = 0
    deadline = time.monotonic() + cmd["seconds"] if cmd.get("seconds") else None
    while (cmd.get("steps") is None or n < cmd["steps"]) and (deadline is None or time.monotonic() < deadline):
        n += 1
        try:
            action, change = editor.step()
        except AnnotatorError as exc:  # a refused edit (a rule of the schema): nothing was written
            log.write({"n": n, "refused": str(exc)[:200]})
            continue
        if change is None or change.is_empty:
            log.write({"n": n, "action": action, "log_id": None})
            continue
        log_id = project.db.conn.execute(  # this worker's latest row (another process may write too)
            "SELECT id FROM change_log WHERE annotator = ? ORDER BY id DESC LIMIT 1", (project.annotator,)
        ).fetchone()[0]
        log.write({"n": n, "action": action, "log_id": log_id, "digest": change_digest(change)})
    log.write({"done": "edits", "steps": n})


def run_import(cmd: dict) -> None:
    log = SideLog(cmd["log"])
    project = Project(cmd["project"], annotator="importer", create=False)
    report = import_paths(project, [cmd["folder"]], batch=cmd.get("batch", 5))
    log.write({"done": "import", "imported": len(report.imported), "skipped": len(report.skipped)})


def pipeline():  # type: ignore[no-untyped-def]
    global _PIPELINE
    if _PIPELINE is None:
        from annotator.nlp import blank_pipeline_with_patterns

        _PIPELINE = blank_pipeline_with_patterns(PATTERNS)
    return _PIPELINE


def run_preannotate(cmd: dict) -> None:
    from annotator.preannotate import preannotate

    log = SideLog(cmd["log"])
    project = Project(cmd["project"], annotator="preannotator", create=False)
    report = preannotate(project, pipeline(), only_new=True, finished=True, batch_size=cmd.get("batch", 4))
    log.write({"done": "preannotate", "documents": report.documents})


TASKS = {"edits": run_edits, "import": run_import, "preannotate": run_preannotate}


def serve(preload_spacy: bool) -> None:
    if preload_spacy:
        pipeline()
    out = sys.stdout
    out.write('{"ready": true}\n')
    out.flush()
    for raw in sys.stdin:
        if not raw.strip():
            continue
        cmd = orjson.loads(raw)
        pid = os.fork()
        if pid == 0:  # child
            code = 0
            try:
                TASKS[cmd["task"]](cmd)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
                code = 3
            os._exit(code)
        out.write(orjson.dumps({"pid": pid}).decode() + "\n")
        out.flush()
        _, status = os.waitpid(pid, 0)
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        out.write(orjson.dumps({"exit": pid, "signal": sig, "code": code}).decode() + "\n")
        out.flush()


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "serve":
        serve("--spacy" in sys.argv)
    elif len(sys.argv) >= 3 and sys.argv[1] == "run":  # one task in the foreground (debugging)
        TASKS[orjson.loads(sys.argv[2])["task"]](orjson.loads(sys.argv[2]))
    else:
        sys.exit("usage: crash_worker.py serve [--spacy] | run '<json command>'")
