"""WikiEvents' coreference, as gen-arg lays it out: ``coref/test.jsonlines`` beside ``test.jsonl``, a line a document
(``doc_key``, ``clusters`` of the file's entity mention ids, ``informative_mentions``). Session 31: the folder's
import skipped it as "unknown kind of file '.jsonlines'" and no reader read the clusters. Our own lines, in the shape
of gen-arg's ``data/wikievents/coref/test.jsonlines``."""

from __future__ import annotations

import json

import orjson
from test_wikievents import _document, _write

from annotator.cli import main
from annotator.store import Project


def _coref(path, lines: list[dict]) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


def _clusters(doc_id: str) -> dict:
    ids = lambda *ks: [f"{doc_id}-T{k}" for k in ks]  # noqa: E731
    return {
        "doc_key": doc_id,
        "clusters": [ids(5, 4), ids(6), ids(1, 7, 99)],  # officers / Four; spokesman alone; Gunmen / governor / none
        "informative_mentions": ["officers", "spokesman", "Gunmen"],
    }


def _chains(project: Project, doc_id: int) -> list[list[str]]:
    """The document's kept coreference chains, each its mentions' words, first mention first."""
    text = project.document(doc_id).text
    links = [r for r in project.document(doc_id).meta.get("webanno", {}).get("relations", []) if "chain" in r]
    chains: dict[int, list[str]] = {}
    for r in links:
        words = chains.setdefault(r["chain"], [text[slice(*r["to"][:2])]])
        words.append(text[slice(*r["from"][:2])])
    return list(chains.values())


def test_the_clusters_beside_a_wikievents_file_come_in_as_coreference_chains(tmp_path, capsys):
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1"), _document("wiki_d2", "Monday")])
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1"), _clusters("wiki_d3")])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder / "test.jsonl")]) == 0
    err = capsys.readouterr().err
    assert (
        "WikiEvents' coreference (" + str(folder / "coref" / "test.jsonlines") + "): 2 clusters kept as 2 coreference "
        "links from each mention to the one before it in its cluster"
    ) in err, err
    assert "1 mention id of no entity of its document: wiki_d1: wiki_d1-T99" in err
    assert "the clusters of 1 document that test.jsonl does not hold: wiki_d3" in err
    with Project(p, create=False) as project:
        first, second = project.document_ids()
        assert _chains(project, first) == [["officers", "Four"], ["Gunmen", "governor"]]
        assert _chains(project, second) == []
        labels = {(r["from"][2], r["to"][2]) for r in project.document(first).meta["webanno"]["relations"]}
        assert labels == {("VAL", "PERSON"), ("PERSON", "PERSON")}  # the entities' labels, as the schema names them
    # out as DyGIE++'s clusters, and as WebAnno TSV's chains and back
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(tmp_path / "d.jsonl")]) == 0
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0])
    tokens = [t for s in line["sentences"] for t in s]
    assert [[" ".join(tokens[a : b + 1]) for a, b in c] for c in line["clusters"]] == [
        ["officers", "Four"],
        ["Gunmen", "governor"],
    ]
    assert main(["export", str(p), "-f", "webanno", "-o", str(tmp_path / "tsv")]) == 0
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(tmp_path / "tsv")]) == 0
    with Project(q, create=False) as back:
        got = sorted(sorted(c) for c in _chains(back, back.document_ids()[0]))  # WebAnno's order: the text's
        assert got == [["Four", "officers"], ["Gunmen", "governor"]]


def test_a_folder_holding_the_coref_folder_reads_it_once_and_names_the_file_it_skips(tmp_path, capsys):
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1")])
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1")])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder)]) == 0
    err = capsys.readouterr().err
    assert "2 clusters kept as 2 coreference links" in err
    assert (
        "skipped " + str(folder / "coref" / "test.jsonlines") + ": a WikiEvents coreference file (gen-arg's "
        "coref/test.jsonlines: clusters of the entity ids of a documents file), read with its documents: import "
        + str(folder / "test.jsonl")
    ) in err, err
    assert "unknown kind of file" not in err


def test_without_a_coref_folder_nothing_is_said_and_a_damaged_one_refuses_with_its_line(tmp_path, capsys):
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1")])
    assert main(["import", str(tmp_path / "p.annotator"), str(folder / "test.jsonl")]) == 0
    assert "coreference" not in capsys.readouterr().err
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1"), {"doc_key": "wiki_d2", "clusters": [[1, 2]]}])
    assert main(["import", str(tmp_path / "q.annotator"), str(folder / "test.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "test.jsonlines:2: each line must be a WikiEvents coreference line: 'doc_key' and 'clusters'" in err, err
    assert not (tmp_path / "q.annotator").exists()


def test_the_chains_go_out_to_gen_args_coref_file_a_line_a_document_and_come_back(tmp_path, capsys):
    """gen-arg's data module opens ``coref/NAME.jsonlines`` for every split and zips its lines with the documents'
    (``doc_key`` asserted to be ``doc_id``): without it no training starts. Session 31: the export wrote none and said
    the chains left out."""
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1"), _document("wiki_d2", "Monday")])
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1")])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder / "test.jsonl")]) == 0
    out = tmp_path / "out" / "dev.jsonl"
    out.parent.mkdir()
    assert main(["export", str(p), "-f", "wikievents", "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "coreference links left out" not in said.out + said.err
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    coref = [json.loads(x) for x in (out.parent / "coref" / "dev.jsonlines").read_text(encoding="utf-8").splitlines()]
    assert [c["doc_key"] for c in coref] == [d["doc_id"] for d in docs] == ["wiki_d1", "wiki_d2"]
    words = {m["id"]: m["text"] for m in docs[0]["entity_mentions"]}
    assert [[words[m] for m in c] for c in coref[0]["clusters"]] == [["officers", "Four"], ["Gunmen", "governor"]]
    assert coref[0]["informative_mentions"] == ["officers", "governor"]  # each cluster's longest mention
    assert coref[1] == {"doc_key": "wiki_d2", "clusters": [], "informative_mentions": []}
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as back:
        assert _chains(back, back.document_ids()[0]) == [["officers", "Four"], ["Gunmen", "governor"]]


def test_a_split_export_names_each_parts_coref_file_by_its_part_as_gen_arg_opens_it(tmp_path, capsys):
    """gen-arg's ``KAIROSDataModule.prepare_data`` opens ``coref/train.jsonlines``, ``dev`` and ``test`` by its split
    (``--coref_dir``), whatever its documents files are named. Session 32: a split export wrote
    ``coref/corpus.train.jsonlines``, which it never opens."""
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1"), _document("wiki_d2", "Monday")])
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1"), _clusters("wiki_d2")])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder / "test.jsonl")]) == 0
    out = tmp_path / "out" / "corpus.jsonl"
    out.parent.mkdir()
    assert main(["export", str(p), "-f", "wikievents", "-o", str(out), "--option", "split=train=0.5,dev=0.5"]) == 0
    capsys.readouterr()
    assert sorted(x.name for x in (out.parent / "coref").iterdir()) == ["dev.jsonlines", "train.jsonlines"]
    for part in ("train", "dev"):
        docs = [json.loads(x) for x in (out.parent / f"corpus.{part}.jsonl").read_text(encoding="utf-8").splitlines()]
        lines = (out.parent / "coref" / f"{part}.jsonlines").read_text(encoding="utf-8").splitlines()
        assert [json.loads(x)["doc_key"] for x in lines] == [d["doc_id"] for d in docs]
    # read back: a part's file finds its part's coreference
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(out.parent / "corpus.train.jsonl")]) == 0
    assert "WikiEvents' coreference (" + str(out.parent / "coref" / "train.jsonlines") in capsys.readouterr().err
    with Project(q, create=False) as back:
        assert _chains(back, back.document_ids()[0]) == [["officers", "Four"], ["Gunmen", "governor"]]
    # given alone, the coref file names the part's documents file
    assert main(["import", str(tmp_path / "r.annotator"), str(out.parent / "coref" / "dev.jsonlines")]) == 1
    assert (
        "import " + str(out.parent / "corpus.dev.jsonl") + " (its clusters come in with it)" in capsys.readouterr().err
    )


def test_two_documents_of_one_doc_id_take_their_own_coref_lines_in_and_out(tmp_path, capsys):
    """gen-arg zips the k-th coreference line with the k-th document. Session 32: the reader keyed the lines by
    ``doc_key``, so the first of two documents of one ``doc_id`` took both lines' clusters (the second's ids read on
    the first's entities) and the second none; the export keyed them by name, so two documents of one name (as a merge
    keeps them) both had the last one's line."""
    folder = tmp_path / "wikievents"
    folder.mkdir()
    _write(folder / "test.jsonl", [_document("wiki_d1"), _document("wiki_d1", "Monday")])
    second = {"doc_key": "wiki_d1", "clusters": [["wiki_d1-T6", "wiki_d1-T5"]], "informative_mentions": ["officers"]}
    _coref(folder / "coref" / "test.jsonlines", [_clusters("wiki_d1"), second])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder / "test.jsonl")]) == 0
    capsys.readouterr()
    with Project(p, create=False) as project:
        first, other = project.document_ids()
        assert _chains(project, first) == [["officers", "Four"], ["Gunmen", "governor"]]
        assert _chains(project, other) == [["spokesman", "officers"]]
    # out: two documents of one name, each its own line
    for sub, day, lines in (("a", "Friday", [_clusters("wiki_d1")]), ("b", "Monday", [])):
        (tmp_path / sub).mkdir()
        _write(tmp_path / sub / "test.jsonl", [_document("wiki_d1", day)])
        if lines:
            _coref(tmp_path / sub / "coref" / "test.jsonlines", lines)
        assert main(["import", str(tmp_path / f"{sub}.annotator"), str(tmp_path / sub / "test.jsonl")]) == 0
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")]) == 0
    out = tmp_path / "out" / "train.jsonl"
    out.parent.mkdir()
    assert main(["export", str(team), "--set", "root", "-f", "wikievents", "-o", str(out)]) == 0
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    coref = [json.loads(x) for x in (out.parent / "coref" / "train.jsonlines").read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == [c["doc_key"] for c in coref] == ["wiki_d1", "wiki_d1"]
    by_text = {d["text"]: c["clusters"] for d, c in zip(docs, coref)}
    friday, monday = sorted(by_text, key=lambda t: "Monday" in t)
    assert len(by_text[friday]) == 2 and by_text[monday] == []
