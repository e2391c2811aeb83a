"""INCEpTION's project export (``annotation/DOC/USER.tsv`` per annotator) brings each annotator's work into a set of
her own, but a document keeps one meta: the relations and entity links alice's TSV held went out in bob's set too
(the WebAnno TSV and brat exports of ``--set bob`` wrote her ``attacked`` relation and her Wikidata link, which bob
never drew). Session 38 kept each annotator's own part of the meta in her set's record for Label Studio and Prodigy;
now for WebAnno TSV's kept relations, links and the rest of what a file keeps of its annotations. Our own files, in
the layout INCEpTION's export writes."""

from __future__ import annotations

from annotator import api

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
WD = "http://www.wikidata.org/entity/"
HEAD = (
    f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NE}|identifier|value\n#T_RL=webanno.custom.Relation|label|BT_{NE}\n\n\n"
    "#Text=Rebels attacked Kabul on Monday .\n"
)
ALICE = HEAD + (
    "1-1\t0-6\tRebels\t_\tORG\t_\t_\n1-2\t7-15\tattacked\t_\t_\t_\t_\n"
    f"1-3\t16-21\tKabul\t{WD}Q5838\tGPE\tattacked\t1-1\n1-4\t22-24\ton\t_\t_\t_\t_\n"
    "1-5\t25-31\tMonday\t_\t_\t_\t_\n1-6\t32-33\t.\t_\t_\t_\t_\n"
)
BOB = HEAD + (
    "1-1\t0-6\tRebels\t_\tORG\t_\t_\n1-2\t7-15\tattacked\t_\t_\t_\t_\n1-3\t16-21\tKabul\t_\tGPE\t_\t_\n"
    "1-4\t22-24\ton\t_\t_\t_\t_\n1-5\t25-31\tMonday\t_\tDATE\t_\t_\n1-6\t32-33\t.\t_\t_\t_\t_\n"
)


def test_each_annotator_s_relations_and_links_go_out_with_her_set_alone(tmp_path):
    root = tmp_path / "export" / "annotation" / "story.txt"
    root.mkdir(parents=True)
    (root / "alice.tsv").write_text(ALICE, encoding="utf-8")
    (root / "bob.tsv").write_text(BOB, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    assert not api.import_files(project, [tmp_path / "export"]).skipped
    lines = {}
    for who in ("alice", "bob"):
        api.export(project, tmp_path / f"brat-{who}", format="brat", annotation_set=who)
        (ann,) = (tmp_path / f"brat-{who}").glob("*.ann")
        lines[who] = [x.split("\t")[1] for x in ann.read_text(encoding="utf-8").splitlines() if x[0] in "RN"]
        api.export(project, tmp_path / f"tsv-{who}", format="webanno", annotation_set=who)
    assert lines["alice"] == ["attacked Arg1:T1 Arg2:T2", f"Reference T2 KB:{WD}Q5838"]
    assert lines["bob"] == []
    (alice_tsv,) = (tmp_path / "tsv-alice").glob("*.tsv")
    (bob_tsv,) = (tmp_path / "tsv-bob").glob("*.tsv")
    assert "attacked\t1-1" in alice_tsv.read_text(encoding="utf-8") and f"{WD}Q5838" in alice_tsv.read_text()
    rows = [x.split("\t") for x in bob_tsv.read_text(encoding="utf-8").splitlines() if x[:1].isdigit()]
    assert not [r for r in rows if "attacked" in r[3:]] and WD not in bob_tsv.read_text(encoding="utf-8")
