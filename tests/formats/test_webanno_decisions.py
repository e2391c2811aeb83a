"""WebAnno TSV with ``--option decisions=yes``: each entity's and event's state, source and score as features of its
layer (``NamedEntity|score|source|state|value``; the event layer's ``score``, ``source``, ``state``), the document's
comments on a layer of their own (``webanno.custom.Comment|author|text``, on the first token), read back the same."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator import edits
from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats import writers
from annotator.formats.loading import import_format
from annotator.formats.webanno_read import read_webanno
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
ALL = ("suggested", "accepted", "rejected", "added")
TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Friday."


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def decided(project: Project) -> dict[str, tuple]:
    out = {}
    for i in project.document_ids():
        doc = project.document(i)
        text = doc.text
        out[doc.name.removesuffix(".txt")] = (
            sorted((e.label, text[e.start : e.end], e.state, e.source, e.score) for e in project.entities(i)),
            sorted(
                (v.type, text[v.trigger_start : v.trigger_end], v.state, v.source, v.score) for v in project.events(i)
            ),
            [(c.author, c.text) for c in project.comments(i)],
        )
    return out


@pytest.fixture
def decisions_project(sample):
    project, _ = sample
    scored = IncomingDocument(
        TEXT,
        "scored.txt",
        entities=[
            IncomingEntity(0, *at("Sergey Lavrov"), "PERSON", "suggested", "label-studio:m", score=0.95),
            IncomingEntity(1, *at("Moscow"), "GPE", "accepted", "spacy:en_core_web_sm@3.8.0", score=0.5),
            IncomingEntity(2, *at("Friday"), "DATE", "added", "alice"),
        ],
        events=[IncomingEvent("Contact:Meet", *at("met"), state="suggested", source="rules", score=0.75)],
        comments=[{"author": "alice", "text": "Check | the date; it's [odd]_"}, {"author": None, "text": "second"}],
    )
    import_documents(project, [scored])
    kabul = next(i for i in project.document_ids() if project.document(i).name == "kabul.txt")
    gunmen = next(e for e in project.entities(kabul) if e.label == "PERSON")
    edits.reject_entity(project, gunmen.id)
    return project


def test_states_sources_scores_and_comments_go_out_and_come_back(decisions_project, tmp_path):
    project = decisions_project
    writers()["webanno"](project, tmp_path / "out", states=ALL, options={"decisions": "yes"})
    body = (tmp_path / "out" / "scored.txt.tsv").read_text(encoding="utf-8")
    assert f"#T_SP={NE}|score|source|state|value\n" in body, body
    assert "#T_SP=webanno.custom.Comment|author|text\n" in body, body
    assert "\tSergey\t0.95[1]\tlabel-studio:m[1]\tsuggested[1]\tPERSON[1]\t" in body, body
    assert "\talice[2]|*[3]\tCheck \\| the date\\; it's \\[odd\\]\\_[2]|second[3]\t" in body, body
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "webanno", [tmp_path / "out"])
    assert decided(again) == decided(project)
    assert ("PERSON", "Gunmen", "rejected", "import", None) in decided(again)["kabul"][0]
    writers()["webanno"](again, tmp_path / "out2", states=ALL, options={"decisions": "yes"})
    for f in (tmp_path / "out").iterdir():
        assert (tmp_path / "out2" / f.name).read_bytes() == f.read_bytes()


def test_without_the_option_the_files_are_as_before(decisions_project, tmp_path):
    writers()["webanno"](decisions_project, tmp_path / "out", states=ALL)
    body = (tmp_path / "out" / "scored.txt.tsv").read_text(encoding="utf-8")
    assert f"#T_SP={NE}|value\n" in body and "Comment" not in body and "suggested" not in body, body
    with pytest.raises(AnnotatorError, match="option decisions must be one of no, yes, not 'maybe'"):
        writers()["webanno"](decisions_project, tmp_path / "o2", options={"decisions": "maybe"})


@pytest.mark.parametrize(
    "cells, says",
    [
        ("*\twebanno\tundecided\tPERSON", "state 'undecided' is not one of suggested, accepted, rejected, added"),
        ("high\twebanno\taccepted\tPERSON", "score 'high' is not a finite number"),
        ("nan\twebanno\taccepted\tPERSON", "score 'nan' is not a finite number"),
    ],
)
def test_a_state_or_score_that_cannot_be_one_refuses_the_file_with_its_line(tmp_path, cells, says):
    path = tmp_path / "bad.tsv"
    lines = ["#FORMAT=WebAnno TSV 3.3", f"#T_SP={NE}|score|source|state|value", "", "", "#Text=Alice left ."]
    lines += [f"1-1\t0-5\tAlice\t{cells}\t", "1-2\t6-10\tleft\t_\t_\t_\t_\t", "1-3\t11-12\t.\t_\t_\t_\t_\t"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=rf"bad.tsv:6: {says}"):
        read_webanno(path)
