"""Several processes and threads on one project file: no "database is locked", no lost update, changes noticed."""

from __future__ import annotations

import random
import threading
import time

import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.importing import IncomingDocument, import_documents
from annotator.formats.loading import import_paths
from annotator.store import Project
from crash_worker import change_digest
from reliability_support import (
    ROOT,
    ForkServer,
    assert_edits_durable,
    assert_no_half_edit,
    assert_sound,
    connect,
    read_side_log,
)
from test_crash_batches import _check_preannotated, _pre_text, _write_batch


def test_data_version_changes_when_another_connection_commits(tmp_path):
    path = tmp_path / "dv.annotator"
    with Project(path, annotator="a") as a, Project(path, annotator="b") as b:
        import_documents(a, [IncomingDocument(text="Anna Berg met Reuters.", name="d")])
        doc = a.document_ids()[0]
        seen = b.data_version()
        edits.add_entity(b, doc, 0, 9, "PERSON")  # b's own commit: b has nothing to refresh
        assert b.data_version() == seen
        seen_a = a.data_version()
        edits.add_entity(b, doc, 14, 21, "ORG")
        assert a.data_version() != seen_a  # a notices b's commit and would refresh
        assert [e.label for e in a.entities(doc)] == ["PERSON", "ORG"]


@pytest.mark.slow
def test_two_processes_editing_at_once(tmp_path, figures):
    """Two editing processes (like two app windows) hammer the same file for 3 seconds each."""
    path = tmp_path / "two.annotator"
    with Project(path, annotator="setup") as p:
        import_paths(p, [ROOT / "seeds"])
    servers = [ForkServer(tmp_path / f"w{k}.err") for k in range(2)]
    try:
        pids = [
            s.start(
                {
                    "task": "edits",
                    "project": str(path),
                    "log": str(tmp_path / f"w{k}.log"),
                    "seed": 100 + k,
                    "seconds": 3,
                    "annotator": f"window{k}",
                }
            )
            for k, s in enumerate(servers)
        ]
        ends = [s.wait(pid) for s, pid in zip(servers, pids)]
    finally:
        for s in servers:
            s.close()
    for k, end in enumerate(ends):
        assert end["code"] == 0, (tmp_path / f"w{k}.err").read_text()[-3000:]
    logs = [read_side_log(tmp_path / f"w{k}.log") for k in range(2)]
    refusals = [c["refused"] for log in logs for c in log if "refused" in c]
    assert not [r for r in refusals if "locked" in r or "busy" in r], refusals
    conn = connect(path)
    try:
        assert_sound(conn)
        for log in logs:
            assert log[-1].get("done") == "edits"
            assert_edits_durable(conn, [c for c in log if "action" in c])
        compared = assert_no_half_edit(conn)
    finally:
        conn.close()
    done = [sum(1 for c in log if c.get("log_id")) for log in logs]
    assert min(done) > 20
    kinds: dict[str, int] = {}
    for r in refusals:
        kind = next(
            (
                k
                for k in (
                    "changed elsewhere",
                    "conflicts",
                    "no entity",
                    "no event",
                    "no argument",
                    "already fills",
                    "takes one",
                    "has no role",
                    "takes",
                )
                if k in r
            ),
            r[:40],
        )
        kinds[kind] = kinds.get(kind, 0) + 1
    figures.update(
        edits_window0=done[0],
        edits_window1=done[1],
        refusals=len(refusals),
        refusal_kinds=kinds,
        locked_errors=0,
        rows_compared=compared,
    )


@pytest.mark.slow  # three processes at work (~11 s)
def test_preannotation_and_import_processes_while_editing(tmp_path, figures):
    """The command line pre-annotates and imports while the app (threads here) edits and watches for changes."""
    path = tmp_path / "busy.annotator"
    rng = random.Random(3)
    with Project(path, annotator="setup") as p:
        docs = [IncomingDocument(text=_pre_text(rng, f"d{j}"), name=f"d{j}") for j in range(160)]
        report = import_documents(p, docs)
        texts = {i: d.text for (_, i), d in zip(report.imported, docs)}
    expected_files = _write_batch(tmp_path / "incoming", 0, rng)

    stop = threading.Event()
    claims: list[dict] = []
    empty: list[str] = []  # the edits that changed nothing (a status the document had already)
    errors: list[BaseException] = []
    versions: list[int] = []

    def editor() -> None:
        """The app's GUI thread: small edits on its own connection."""
        try:
            with Project(path, annotator="app") as p:
                doc_ids = list(texts)[:20]
                k = 0
                while not stop.is_set() or k < 30:
                    doc = doc_ids[k % len(doc_ids)]
                    text = texts[doc]
                    start = text.index(" ", k % 200) + 1
                    # the core refuses an exact duplicate span + label: each lap of 200 edits takes another
                    # label the role accepts, then a span one word longer
                    lap = k // 200
                    label = ("PERSON", "ORG", "GPE", "NORP")[lap % 4]
                    end = text.index(" ", start)
                    for _ in range(lap // 4):
                        end = text.index(" ", end + 1)

                    def last_log_id() -> int | None:
                        row = p.db.conn.execute("SELECT max(id) FROM change_log WHERE annotator = 'app'").fetchone()
                        return row[0]

                    def record(edit, *args):  # type: ignore[no-untyped-def]
                        # the edit's row is the one it added, if any: an edit that changed nothing (a status the
                        # document has already) returns an empty Change and must add none
                        before = last_log_id()
                        change = edit(p, *args)
                        log_id = last_log_id()
                        if change.is_empty:
                            assert log_id == before, f"{change.action} changed nothing but wrote row {log_id}"
                            empty.append(change.action)
                            return change
                        assert log_id != before, f"{change.action} returned rows but wrote no change-log row"
                        claims.append({"action": change.action, "log_id": log_id, "digest": change_digest(change)})
                        return change

                    try:
                        ent_id = record(edits.add_entity, doc, start, end, label).result_id
                    except AnnotatorError:  # the pre-annotation process suggested this very span and label first
                        row = p.db.conn.execute(
                            "SELECT id FROM entities WHERE document_id = ? AND start = ? AND end = ? AND label = ?",
                            (doc, start, end, label),
                        ).fetchone()
                        if row is None:
                            raise
                        ent_id = row[0]
                    ev = record(edits.add_event, doc, "Contact:Meet", start, end)
                    record(edits.add_argument, ev.result_id, "Entity", ent_id)
                    record(edits.set_status, doc, ("in_progress", "annotated")[k % 2])
                    k += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def watcher() -> None:
        """The app's refresh timer: notices commits made by the other processes."""
        with Project(path, annotator="viewer") as p:
            while not stop.is_set():
                v = p.data_version()
                if not versions or versions[-1] != v:
                    versions.append(v)
                p.document_summaries()
                time.sleep(0.01)

    pre = ForkServer(tmp_path / "pre.err", spacy=True)
    imp = ForkServer(tmp_path / "imp.err")
    threads = [threading.Thread(target=editor), threading.Thread(target=watcher)]
    try:
        for t in threads:
            t.start()
        pre_pid = pre.start({"task": "preannotate", "project": str(path), "log": str(tmp_path / "pre.log"), "batch": 4})
        imp_pid = imp.start(
            {
                "task": "import",
                "project": str(path),
                "log": str(tmp_path / "imp.log"),
                "folder": str(tmp_path / "incoming"),
                "batch": 3,
            }
        )
        pre_end, imp_end = pre.wait(pre_pid), imp.wait(imp_pid)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
        pre.close()
        imp.close()
    assert not errors, errors
    assert pre_end["code"] == 0, (tmp_path / "pre.err").read_text()[-3000:]
    assert imp_end["code"] == 0, (tmp_path / "imp.err").read_text()[-3000:]
    assert read_side_log(tmp_path / "imp.log")[-1]["imported"] > 0
    done, waiting = _check_preannotated(path, texts)
    assert waiting == 0
    from test_crash_batches import _check_files_whole

    whole, absent = _check_files_whole(path, expected_files)
    assert absent == 0
    conn = connect(path)
    try:
        assert_sound(conn)
        assert_edits_durable(conn, claims)
        assert_no_half_edit(conn)
    finally:
        conn.close()
    assert len(versions) > 2, "the watcher never saw another process commit"
    figures.update(
        app_edits=len(claims),
        app_edits_changing_nothing=len(empty),
        documents_preannotated=done,
        files_imported=whole,
        refreshes_noticed=len(versions) - 1,
        locked_errors=0,
    )


def test_edit_racing_a_deletion_in_another_window_is_refused_cleanly(tmp_path, monkeypatch):
    """Window B deletes the entity window A is about to use (after A's checks passed): a clear refusal."""
    path = tmp_path / "race.annotator"
    with Project(path, annotator="a") as a, Project(path, annotator="b") as b:
        import_documents(a, [IncomingDocument(text="Anna Berg met Reuters in Paris.", name="d")])
        doc = a.document_ids()[0]
        ent = edits.add_entity(a, doc, 0, 9, "PERSON").result_id
        ev = edits.add_event(a, doc, "Contact:Meet", 10, 13).result_id
        real_check = edits.check_argument

        def check_then_other_window_deletes(*args, **kwargs):  # type: ignore[no-untyped-def]
            real_check(*args, **kwargs)
            edits.delete_entity(b, ent)

        monkeypatch.setattr(edits, "check_argument", check_then_other_window_deletes)
        with pytest.raises(AnnotatorError, match="conflicts with the project as it is now"):
            edits.add_argument(a, ev, "Entity", ent)
        assert not a.db.conn.in_transaction
        assert a.event(ev).arguments == ()


def test_event_edit_racing_a_deletion_is_refused_as_stale(tmp_path, monkeypatch):
    """Window B deletes the event window A is about to change (after A read it): a typed refusal, no TypeError."""
    from annotator.errors import StaleChangeError

    path = tmp_path / "race_event.annotator"
    with Project(path, annotator="a") as a, Project(path, annotator="b") as b:
        import_documents(a, [IncomingDocument(text="Anna Berg met Reuters in Paris.", name="d")])
        doc = a.document_ids()[0]
        ev = edits.add_event(a, doc, "Contact:Meet", 10, 13).result_id
        real_row = edits.event_of

        reads: list[int] = []

        def read_then_other_window_deletes(project, event_id):  # type: ignore[no-untyped-def]
            row = real_row(project, event_id)
            if project is a:
                reads.append(event_id)
                if len(reads) == 2:  # A's last read before its transaction; window B deletes the event now
                    edits.delete_event(b, ev)
            return row

        monkeypatch.setattr(edits, "event_of", read_then_other_window_deletes)
        with pytest.raises(StaleChangeError):
            edits.set_event_attribute(a, ev, "polarity", "Negative")
        assert not a.db.conn.in_transaction
