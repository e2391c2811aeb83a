"""SIGKILL a batch import and a batch pre-annotation at random moments: each file / document is whole or absent."""

from __future__ import annotations

import pytest

import random
import re
import time
from pathlib import Path

import orjson

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from reliability_support import ForkServer, assert_sound, connect, read_side_log

IMPORT_KILLS = 25
PREANNOTATE_KILLS = 25
FILLER = "the committee said on Monday that talks would continue next week after a long day".split()


def _sentence(rng: random.Random, tag: str) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(rng.randint(6, 14))) + f" {tag} ."


def _document(rng: random.Random, tag: str) -> tuple[dict, tuple[int, int, int]]:
    """A project-JSON document object: Anna Berg (PERSON) met Reuters (ORG) in Paris (GPE), plus filler."""
    head = "Anna Berg met Reuters in Paris . "
    text = head + " ".join(_sentence(rng, tag) for _ in range(rng.randint(1, 6)))
    entities = [
        {"id": 1, "start": 0, "end": 9, "label": "PERSON"},
        {"id": 2, "start": 14, "end": 21, "label": "ORG"},
        {"id": 3, "start": 25, "end": 30, "label": "GPE"},
    ]
    n_args = rng.randint(0, 3)
    args = [{"role": "Entity", "entity_id": 1}, {"role": "Entity", "entity_id": 2}, {"role": "Place", "entity_id": 3}]
    events = [{"type": "Contact:Meet", "trigger": {"start": 10, "end": 13}, "arguments": args[:n_args]}]
    return {"name": tag, "text": text, "entities": entities, "events": events}, (3, 1, n_args)


def _write_batch(folder: Path, round_: int, rng: random.Random) -> dict[str, dict[str, tuple[int, int, int]]]:
    """About 30 files (.jsonl, .json, .txt); returns file -> {document name: (entities, events, arguments)}."""
    folder.mkdir()
    expected: dict[str, dict[str, tuple[int, int, int]]] = {}
    for k in range(30):
        kind = ("jsonl", "json", "txt")[k % 3]
        path = folder / f"r{round_}_f{k:02d}.{kind}"
        if kind == "txt":
            text = _sentence(rng, f"r{round_}f{k}") * rng.randint(1, 20)
            path.write_text(text)
            expected[str(path)] = {path.name: (0, 0, 0)}
            continue
        docs, exp = [], {}
        for j in range(rng.randint(1, 5)):
            obj, counts = _document(rng, f"r{round_}f{k}d{j}")
            docs.append(obj)
            exp[obj["name"]] = counts
        if kind == "jsonl":
            path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
        else:
            path.write_bytes(orjson.dumps({"format": "annotator-json", "version": 1, "documents": docs}))
        expected[str(path)] = exp
    return expected


def _check_files_whole(path: Path, expected: dict[str, dict[str, tuple[int, int, int]]]) -> tuple[int, int]:
    """Each file's documents (with all their annotations) are all there or none; returns (whole, absent)."""
    conn = connect(path)
    whole = absent = 0
    try:
        assert_sound(conn)
        for file, docs in expected.items():
            rows = conn.execute("SELECT id, name FROM documents WHERE source_path = ?", (file,)).fetchall()
            if not rows:
                absent += 1
                continue
            assert sorted(r[1] for r in rows) == sorted(docs), f"{file}: only {len(rows)} of {len(docs)} documents"
            for doc_id, name in rows:
                got = (
                    conn.execute("SELECT count(*) FROM entities WHERE document_id = ?", (doc_id,)).fetchone()[0],
                    conn.execute("SELECT count(*) FROM events WHERE document_id = ?", (doc_id,)).fetchone()[0],
                    conn.execute(
                        "SELECT count(*) FROM arguments a JOIN events v ON v.id = a.event_id WHERE v.document_id = ?",
                        (doc_id,),
                    ).fetchone()[0],
                )
                assert got == docs[name], f"{file} {name}: stored {got}, the file has {docs[name]}"
                logged = conn.execute(
                    "SELECT count(*) FROM change_log WHERE action = 'import_document' AND document_id = ?", (doc_id,)
                ).fetchone()[0]
                assert logged == 1, f"{name}: import not in the change log"
            whole += 1
    finally:
        conn.close()
    return whole, absent


def _run_or_kill(
    server: ForkServer, job: dict, span: float | None, rng: random.Random, err: Path
) -> tuple[bool, float]:
    """Run ``job`` to the end while ``span`` is None (measuring how long it takes), else SIGKILL it at a random
    moment within ``span``. Returns (killed, span); a run that was not killed must have succeeded."""
    t0 = time.monotonic()
    pid = server.start(job)
    end = server.wait(pid) if span is None else server.kill_after(pid, rng.uniform(0.0, span))
    span = span or time.monotonic() - t0
    if end["signal"] == 9:
        return True, span
    assert end["code"] == 0, err.read_text()[-3000:]
    return False, span


@pytest.mark.slow  # SIGKILL batches (~20 s)
def test_sigkill_during_batch_import(tmp_path, figures):
    path = tmp_path / "import.annotator"
    Project(path, annotator="setup").close()
    rng = random.Random(7)
    server = ForkServer(tmp_path / "worker.err")
    expected: dict[str, dict[str, tuple[int, int, int]]] = {}
    finished = kills = round_ = 0
    started = time.monotonic()
    try:
        span = None  # how long one round takes, measured on the first (unkilled) round
        while kills < IMPORT_KILLS:
            assert round_ < 3 * IMPORT_KILLS, "kills keep missing the import"
            folder = tmp_path / f"batch{round_}"
            expected.update(_write_batch(folder, round_, rng))
            log = tmp_path / f"import.{round_}.log"
            job = {"task": "import", "project": str(path), "log": str(log), "folder": str(folder), "batch": 5}
            killed, span = _run_or_kill(server, job, span, rng, tmp_path / "worker.err")
            if killed:
                kills += 1
            else:
                finished += 1
            whole, absent = _check_files_whole(path, expected)
            round_ += 1
        # keep going: importing every folder again completes what the kills cut short
        for again in range(round_):
            log = tmp_path / "import.final.log"
            pid = server.start(
                {"task": "import", "project": str(path), "log": str(log), "folder": str(tmp_path / f"batch{again}")}
            )
            assert server.wait(pid)["code"] == 0
        whole_after, absent_after = _check_files_whole(path, expected)
    finally:
        server.close()
    assert absent_after == 0 and whole_after == len(expected)
    figures.update(
        kills=kills,
        rounds_finished_before_kill=finished,
        files=len(expected),
        files_whole_at_last_kill=whole,
        files_absent_at_last_kill=absent,
        seconds=round(time.monotonic() - started, 1),
    )


NAMES = [("Paris", "GPE"), ("Reuters", "ORG"), ("Anna Berg", "PERSON")]


def _pre_text(rng: random.Random, tag: str) -> str:
    words = []
    for _ in range(rng.randint(150, 400)):
        words.append(rng.choice(NAMES)[0] if rng.random() < 0.05 else rng.choice(FILLER))
        if rng.random() < 0.08:
            words.append(".")
    return " ".join(words) + f" {tag} ."


def _expected_suggestions(text: str) -> set[tuple[int, int, str]]:
    out = set()
    for name, label in NAMES:
        out |= {(m.start(), m.end(), label) for m in re.finditer(rf"(?<!\S){name}(?!\S)", text)}
    return out


def _check_preannotated(path: Path, texts: dict[int, str]) -> tuple[int, int]:
    conn = connect(path)
    done = waiting = 0
    try:
        assert_sound(conn)
        for doc_id, text in texts.items():
            tok = conn.execute("SELECT starts, ends FROM tokens WHERE document_id = ?", (doc_id,)).fetchone()
            got = set(
                conn.execute(
                    "SELECT start, end, label FROM entities WHERE document_id = ? AND state = 'suggested'", (doc_id,)
                ).fetchall()
            )
            if tok is None:
                assert got == set(), f"document {doc_id}: {len(got)} suggestions without its tokens"
                waiting += 1
            else:
                assert len(orjson.loads(tok[0])) == len(orjson.loads(tok[1])) > 0
                # a person's span at the same offsets, or overlapping (any label), is not suggested again
                decided = conn.execute(
                    "SELECT start, end, label FROM entities WHERE document_id = ? AND state != 'suggested'", (doc_id,)
                ).fetchall()
                want = _expected_suggestions(text)
                missing = {
                    x for x in want - got if not any((s, e) == x[:2] or (s < x[1] and x[0] < e) for s, e, _ in decided)
                }
                assert got <= want and not missing, (
                    f"document {doc_id}: suggestions incomplete: {missing or got - want}"
                )
                done += 1
    finally:
        conn.close()
    return done, waiting


@pytest.mark.slow  # SIGKILL batches (~30 s)
def test_sigkill_during_preannotation(tmp_path, figures):
    path = tmp_path / "pre.annotator"
    rng = random.Random(11)
    texts: dict[int, str] = {}
    server = ForkServer(tmp_path / "worker.err", spacy=True)
    finished = kills = round_ = 0
    started = time.monotonic()
    span = None
    try:
        while kills < PREANNOTATE_KILLS:
            assert round_ < 3 * PREANNOTATE_KILLS, "kills keep missing the pre-annotation"
            with Project(path, annotator="setup") as p:  # new documents for each round; old ones may still wait
                docs = [
                    IncomingDocument(text=_pre_text(rng, f"r{round_}d{j}"), name=f"r{round_}d{j}") for j in range(40)
                ]
                report = import_documents(p, docs)
                texts.update({i: d.text for (_, i), d in zip(report.imported, docs)})
            log = tmp_path / f"pre.{round_}.log"
            job = {"task": "preannotate", "project": str(path), "log": str(log), "batch": 4}
            killed, span = _run_or_kill(server, job, span, rng, tmp_path / "worker.err")
            if killed:
                kills += 1
            else:
                assert read_side_log(log)[-1]["done"] == "preannotate"
                finished += 1
            done, waiting = _check_preannotated(path, texts)
            round_ += 1
        pid = server.start({"task": "preannotate", "project": str(path), "log": str(tmp_path / "pre.final.log")})
        assert server.wait(pid)["code"] == 0
        done_after, waiting_after = _check_preannotated(path, texts)
    finally:
        server.close()
    assert waiting_after == 0 and done_after == len(texts)
    figures.update(
        kills=kills,
        rounds_finished_before_kill=finished,
        documents=len(texts),
        documents_done_at_last_kill=done,
        documents_waiting_at_last_kill=waiting,
        seconds=round(time.monotonic() - started, 1),
    )
