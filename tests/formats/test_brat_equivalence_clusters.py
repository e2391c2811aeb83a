"""brat's equivalences (``*\tEquiv T3 T4 T1``: entities brat declares the same, symmetric and transitive, as BioNLP-ST's
gene name aliases) go out to DyGIE++ as ``clusters``: every one was said as left out, "the format has no place for
them", though DyGIE++'s coreference clusters are that place (session 31). Our own document, in the shape of
BioNLP-ST 2011's ``.a1`` files with ``Equiv`` lines."""

from __future__ import annotations

import json

from project_support import new_project
from annotator import edits
from annotator.formats import writers
from annotator.formats.loading import import_format

TEXT = "IL-2 gene expression requires NF-kappa B. Interleukin-2 (IL2) is made by T cells.\n"


def _corpus(tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT, encoding="utf-8")

    def at(word: str) -> str:
        i = TEXT.index(word)
        return f"{i} {i + len(word)}\t{word}"

    ann = [
        f"T1\tProtein {at('IL-2')}",
        f"T2\tProtein {at('NF-kappa B')}",
        f"T3\tProtein {at('Interleukin-2')}",
        f"T4\tProtein {at('IL2')}",
        "*\tEquiv T3 T4 T1",
    ]
    (folder / "d.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return folder


def _clusters(path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    (line,) = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    tokens = [t for s in line["sentences"] for t in s]
    return [["".join(tokens[a : b + 1]) for a, b in c] for c in line.get("clusters", [])]


def test_a_brat_equivalence_goes_out_to_dygiepp_as_a_cluster_and_comes_back(tmp_path):
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [_corpus(tmp_path)])
    out = tmp_path / "out.jsonl"
    report = writers()["dygiepp"](project, out)
    assert "equivalence" not in report.summary(), report.summary()
    assert _clusters(out) == [["Interleukin-2", "IL2", "IL-2"]]
    back = new_project(tmp_path / "back.annotator", annotator="t")
    import_format(back, "dygiepp", [out])
    again = tmp_path / "again.jsonl"
    writers()["dygiepp"](back, again)
    assert _clusters(again) == _clusters(out)


def test_an_equivalence_whose_member_is_gone_is_left_out_and_said(tmp_path):
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [_corpus(tmp_path)])
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    (il2,) = [e for e in project.entities(doc_id) if text[e.start : e.end] == "IL2"]
    edits.delete_entity(project, il2.id)
    out = tmp_path / "out.jsonl"
    report = writers()["dygiepp"](project, out)
    assert "1 brat equivalence left out (a member is gone): d.txt: Equiv" in report.summary(), report.summary()
    assert _clusters(out) == []


def test_a_brat_equivalence_goes_out_to_webanno_tsv_as_a_chain_and_comes_back(tmp_path):
    """The WebAnno TSV export said each equivalence "left out (the format has no place for them)", though its chain
    layers (DKPro Core's CoreferenceLink) hold one: read back, the chain is the same three names, a DyGIE++ cluster."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [_corpus(tmp_path)])
    report = writers()["webanno"](project, tmp_path / "tsv")
    assert "equivalence" not in report.summary() and "coreference" not in report.summary(), report.summary()
    back = new_project(tmp_path / "back.annotator", annotator="t")
    import_format(back, "webanno", [tmp_path / "tsv"])
    writers()["dygiepp"](back, tmp_path / "back.jsonl")
    assert [sorted(c) for c in _clusters(tmp_path / "back.jsonl")] == [["IL-2", "IL2", "Interleukin-2"]]
