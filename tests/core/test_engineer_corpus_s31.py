"""Session 31, the engineer's corpus (helper s31-eng): a corpus handed out, two annotators' copies merged back, the
sets exported for training and read as the consumers read them."""

from __future__ import annotations

import json

from annotator.cli import main
from tests.cli_support import bob_merged


def _with_a_document_bob_never_had(tmp_path, capsys, project):
    """bob's copy merged back as set 'bob' (d0 new, d1 annotated in his file), then d2.txt imported into the team's
    project after the copy was handed out and marked annotated there."""
    team = bob_merged(tmp_path, capsys, project)
    extra = tmp_path / "d2.txt"
    extra.write_text("Rome is old.", encoding="utf-8")
    assert main(["import", str(team), str(extra)]) == 0
    assert main(["status", str(team), "annotated", "--docs", "d2.txt"]) == 0
    capsys.readouterr()
    return team


def test_an_export_of_a_merged_set_leaves_out_the_documents_her_file_did_not_have(project, tmp_path, capsys):
    """`export --set bob` wrote d2.txt, a document bob's file never had, as `"status": "annotated"` (the project's) with
    no entity: a consumer keeping bob's finished records took it for a text bob read and found nothing in (wrong data;
    `--status annotated` of the same set leaves it out, and `stats --set bob` counts it outside the set). The set's
    documents are those of the file it was merged from, in every export of it, and a note names the others."""
    team = _with_a_document_bob_never_had(tmp_path, capsys, project)
    out = tmp_path / "bob.jsonl"
    assert main(["export", str(team), "--set", "bob", "-o", str(out), "--json"]) == 0
    got = capsys.readouterr()
    assert [(r["name"], r["status"]) for r in map(json.loads, out.read_text().splitlines())] == [
        ("d0.txt", "new"),
        ("d1.txt", "annotated"),
    ]
    data = json.loads(got.out)
    assert data["documents"] == 2
    [note] = [n for n in data["notes"] if "d2.txt" in n]
    assert "set 'bob'" in note and "not in this export" in note, note
    assert note in got.err
    # the final set: every document of the project, as before
    everything = tmp_path / "main.jsonl"
    assert main(["export", str(team), "-o", str(everything)]) == 0
    assert len(everything.read_text().splitlines()) == 3
    assert "d2.txt" not in capsys.readouterr().err


def test_export_docs_of_a_merged_set_naming_a_document_her_file_did_not_have_is_refused_saying_so(
    project, tmp_path, capsys
):
    """`--docs d2.txt --set bob`: the one document named is not in bob's set; refused in one line that says so (not
    "the project has no documents to export"), nothing written."""
    team = _with_a_document_bob_never_had(tmp_path, capsys, project)
    out = tmp_path / "bob.jsonl"
    assert main(["export", str(team), "--set", "bob", "--docs", "d2.txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error:") and "\n" not in err, err
    assert "set 'bob'" in err and "d2.txt" in err and "nothing was written" in err, err
    assert not out.exists()
    # one in the set and one not: the one in it written, the other named in a note
    assert main(["export", str(team), "--set", "bob", "--docs", "d1.txt", "d2.txt", "-o", str(out)]) == 0
    assert [r["name"] for r in map(json.loads, out.read_text().splitlines())] == ["d1.txt"]
    assert "d2.txt" in capsys.readouterr().err


def test_only_new_does_not_call_documents_tokenised_by_tokens_only_pre_annotated(tmp_path):
    """Session 30's lead 3: a gold corpus tokenised with `--tokens-only` (nothing suggested), then `--only-new` with
    nothing new said "(2 documents pre-annotated before left as they were)": nothing was ever suggested in them. An
    `--only-new` run cannot tell one from the other (both have their tokens stored), so it says what they have."""
    from annotator.importing import IncomingDocument, import_documents
    from spacy_support import ruler_pipeline
    from annotator.preannotate import preannotate
    from annotator.store import Project

    pipe = ruler_pipeline([{"label": "GPE", "pattern": "Paris"}])
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
        import_documents(p, [IncomingDocument("Rebels near Paris.", "b.txt")])
        assert preannotate(p, pipe, tokens_only=True).documents == 2
        again = preannotate(p, pipe, only_new=True)
    assert "pre-annotated before" not in again.summary(), again.summary()
    assert again.summary() == (
        "no document was new (never pre-annotated or tokenised), nothing pre-annotated (2 documents pre-annotated or "
        "tokenised (--tokens-only) before left as they were)"
    )


def test_status_notes_the_undecided_suggestions_of_the_documents_it_marked_not_of_every_finished_one(
    project, tmp_path, capsys
):
    """`status annotated --docs d0.txt` (its suggestion accepted) noted "the documents marked annotated hold 1 entity
    … suggestions nobody decided; `annotator accept` with the same documents accepts them": the suggestion was d1's,
    marked annotated by an earlier command, and `accept --docs d0.txt` accepts nothing. It counts the documents named."""
    from tests.cli_support import two_documents

    team = two_documents(tmp_path, project)  # d0: Paris accepted; d1: Paris suggested
    assert main(["status", str(team), "annotated", "--docs", "d1.txt"]) == 0
    assert "1 entity and 0 event suggestions nobody decided" in capsys.readouterr().err
    assert main(["status", str(team), "annotated", "--docs", "d0.txt"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "1 document marked annotated"
    assert err == "", err


def test_the_note_of_a_finished_document_written_without_its_undecided_suggestions_does_not_send_to_the_status_given(
    project, tmp_path, capsys
):
    """`export --status annotated --states accepted added` of a corpus in which extra.txt was marked annotated with its
    suggestions undecided: "1 of the 12 documents written hold suggestions nobody decided … (--status annotated
    reviewed writes the finished documents only)": the export already wrote the finished ones only, and the advice
    changes nothing. For finished documents the note says how to decide them; and "1 … holds"."""
    from tests.cli_support import two_documents

    team = two_documents(tmp_path, project)  # d1: Paris suggested
    assert main(["status", str(team), "annotated", "--docs", "d1.txt"]) == 0
    capsys.readouterr()
    out = tmp_path / "done.jsonl"
    args = ["export", str(team), "-o", str(out), "--status", "annotated", "--states", "accepted", "added"]
    assert main(args) == 0
    [note] = [line for line in capsys.readouterr().err.splitlines() if "d1.txt" in line]
    assert "1 of the 1 document written holds suggestions" in note, note
    assert "--status annotated reviewed" not in note, note
    assert "annotator accept" in note, note
