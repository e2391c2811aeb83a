"""Session 28, the engineer's corpus (helper s28-qab): a corpus as engineers have it, a folder tree, imported again
once some of its files changed."""

from __future__ import annotations

import json

from annotator.formats.loading import import_paths


def test_the_files_of_a_folder_s_subfolders_are_named_with_their_path_in_it(project, tmp_path):
    """A corpus of year/month folders holding 001.txt, 002.txt, ...: each document was named by its file's name alone,
    so a/001.txt and b/001.txt became "001.txt" and "001.txt (2)" and no export said which file either came from (the
    brat and WebAnno readers name a subfolder's document with its path, and their exports write it back there)."""
    corpus = tmp_path / "corpus"
    (corpus / "2009" / "01").mkdir(parents=True)
    (corpus / "2010").mkdir()
    (corpus / "2009" / "01" / "001.txt").write_text("Police arrested John Smith in Boston.", encoding="utf-8")
    (corpus / "2010" / "001.txt").write_text("Troops attacked the town of Homs.", encoding="utf-8")
    (corpus / "top.txt").write_text("The minister met his Kenyan counterpart.", encoding="utf-8")
    (corpus / "2010" / "wire.jsonl").write_text(json.dumps({"id": "w-1", "text": "Protesters marched."}) + "\n")
    report = import_paths(project, [corpus])
    names = {project.document(i).text[:6]: n for n, i in report.imported}
    assert names == {"Police": "2009/01/001.txt", "Troops": "2010/001.txt", "The mi": "top.txt", "Protes": "w-1"}
    # a file given by itself keeps its own name
    single = tmp_path / "002.txt"
    single.write_text("A court sentenced him.", encoding="utf-8")
    assert [n for n, _ in import_paths(project, [single]).imported] == ["002.txt"]


def test_a_changed_file_imported_again_is_said_to_be_stored_beside_the_document_of_its_name(project, tmp_path):
    """The engineer's corpus changed (a file corrected) and imported again: "2 imported, 2 duplicates skipped", the
    changed file stored as "doc2.txt (2)" beside the document of its old text, unsaid: both go into every export."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in (1, 2, 3):
        (corpus / f"doc{i}.txt").write_text(f"Police arrested suspect {i} in Boston.", encoding="utf-8")
    first = import_paths(project, [corpus])
    old = dict(first.imported)["doc2.txt"]
    (corpus / "doc2.txt").write_text("Police arrested suspect 2 in Chicago.", encoding="utf-8")
    (corpus / "doc4.txt").write_text("Troops attacked the town.", encoding="utf-8")
    again = import_paths(project, [corpus])
    new = dict(again.imported)["doc2.txt (2)"]
    assert again.renamed == [("doc2.txt (2)", new, "doc2.txt")]
    summary = again.summary()
    assert summary.startswith(
        "2 imported (1 named as a document the project holds, its text different: doc2.txt stored as doc2.txt (2)"
    ), summary
    assert "the one held keeps its text and annotations" in summary, summary
    assert again.to_data()["renamed"] == [{"name": "doc2.txt (2)", "id": new, "name_in_input": "doc2.txt"}]
    assert old != new and project.document(old).text.endswith("Boston.")
    # an import with no such clash says what it said
    (corpus / "doc5.txt").write_text("Protesters marched.", encoding="utf-8")
    third = import_paths(project, [corpus / "doc5.txt"])
    assert third.renamed == [] and third.summary() == "1 imported, 0 duplicates skipped, 0 files skipped"


def test_a_windows_1252_file_is_refused_with_the_word_it_reads_and_how_to_convert_it(project, tmp_path):
    """A corpus's older files are Windows-1252 ("Café", curly quotes, the euro of Windows' editors): each was skipped
    with "not valid UTF-8 (byte 3: invalid continuation byte)" alone, not saying what the file is nor what to do."""
    old = tmp_path / "old news.txt"
    old.write_bytes("Café owner José said “no comment” – he paid €500.\r\n".encode("cp1252"))
    report = import_paths(project, [old])
    (reason,) = [r for _, r in report.skipped]
    assert reason.startswith(
        f"{old}:1: not valid UTF-8 (byte 3: invalid continuation byte); it reads as "
        "Windows-1252 (Latin-1) text, “Café”: import it with --encoding cp1252, or save it as UTF-8 first"
    ), reason
    assert f"iconv -f cp1252 -t utf-8 '{old}' > NEW.txt" in reason and len(reason.splitlines()) == 1
    # bytes that are no Windows-1252 text (control characters, its undefined bytes) get no such guess
    for junk in (b"abc\xff\x01\x02 def", b"abc \x81\x8d more"):
        bad = tmp_path / "bad.txt"
        bad.write_bytes(junk)
        (reason,) = [r for _, r in import_paths(project, [bad]).skipped]
        assert "not valid UTF-8" in reason and "Windows-1252" not in reason, reason


def test_an_export_of_decided_states_says_which_documents_it_writes_without_their_undecided_suggestions(
    tmp_path, capsys
):
    """`export --states accepted added` for training, on a corpus of which the annotators finished a few documents:
    the untouched ones went out without a word, their suggestions left out, as texts without any entity or event,
    which spaCy or a CoNLL tagger takes for texts that have none (16 of 19 in session 28's try)."""
    from annotator.cli import main
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        docs = []
        for k, state in enumerate(["accepted", "suggested", "suggested", "rejected"]):
            doc = IncomingDocument(f"Paris is big {k}.", f"d{k}.txt")
            doc.entities.append(IncomingEntity("e1", 0, 5, "GPE", state=state))
            docs.append(doc)
        docs.append(IncomingDocument("No names here.", "plain.txt"))
        import_documents(p, docs)
    out = tmp_path / "train.conll"
    assert main(["export", str(path), "-o", str(out), "--states", "accepted", "added"]) == 0
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if "nobody decided" in line]
    assert notes == [
        "note: 2 of the 5 documents written hold suggestions nobody decided and nothing in the states asked for "
        "(d1.txt, d2.txt): written without them, as texts without any entity or event, which a training tool takes "
        "for texts that have none (--status annotated reviewed writes the finished documents only)"
    ], err
    # the default states (suggestions in) and a --status that leaves them out say no such thing
    assert main(["export", str(path), "-o", str(out), "--states", "accepted", "suggested"]) == 0
    assert "nothing in the states asked for" not in capsys.readouterr().err


def test_accept_writes_thousands_in_what_it_left_undecided(tmp_path, capsys):
    """`accept --all --min-score 0.8` on the corpus: "0 entity suggestions scored at least 0.8 accepted in 19 documents;
    2278 left undecided", its other counts with a comma."""
    from annotator.cli import main
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument("Paris. " * 1_200, "a.txt")
        doc.entities.extend(IncomingEntity(f"e{k}", 7 * k, 7 * k + 5, "GPE", state="suggested") for k in range(1_200))
        import_documents(p, [doc])
    assert main(["accept", str(path), "--all", "--min-score", "0.8"]) == 0
    out = capsys.readouterr().out
    assert "; 1,200 left undecided, none of them scored" in out, out


def test_a_copy_of_a_project_made_while_a_run_pre_annotates_it_is_not_held_by_that_run(tmp_path):
    """The engineer copied the project (sqlite3 .backup, cp) while `annotator preannotate` ran on it: the copy held the
    run's lease row, and while that process lived the app on the copy said "Waiting for the pre-annotation of pid
    9608: this document's suggestions come when it is done" (it never came: that run writes the original), and
    `annotator preannotate COPY` was refused as "already running". A run of this machine that does not have the file
    open is not this file's."""
    import shutil
    import subprocess
    import sys
    from datetime import datetime, timezone

    from annotator.lease import host_name, running
    from annotator.store import Project

    original, copy = tmp_path / "p.annotator", tmp_path / "copy.annotator"
    Project(original, annotator="t").close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sqlite3, sys; c = sqlite3.connect({str(original)!r}); print(1, flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "1"  # it has the original open
        with Project(original, annotator="t") as p, p.transaction():
            p.db.put_lease(
                holder.pid,
                host_name(),
                datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "theirs",
            )
        shutil.copyfile(original, copy)
        with Project(original, annotator="t", create=False) as p:
            assert running(p) is not None and running(p).pid == holder.pid  # the run's own file: held
        with Project(copy, annotator="t", create=False) as c:
            assert running(c) is None  # the copy: free
    finally:
        holder.communicate("")
