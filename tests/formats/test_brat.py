"""brat standoff: export of a project, import of a BioNLP-style folder, round trip, broken input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from project_support import new_project
from annotator.errors import ImportFileError
from annotator.formats import readers, writers
from annotator.formats.brat import write_brat
from annotator.formats.brat_read import read_brat
from annotator.formats.loading import import_format
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.schema import load_schema
from annotator.store import Project
from tests.formats.brat_canon import canon, canon_folder
from tests.formats.conftest import TEXTS, event_contents

DATA = Path(__file__).parent / "data" / "bionlp"


def test_registries():
    assert writers()["brat"] is write_brat and readers()["brat"] is read_brat


def test_export_writes_byte_identical_text_and_full_ann(sample, tmp_path):
    project, ids = sample
    report = write_brat(project, tmp_path / "out")
    out = tmp_path / "out"
    for name, text in TEXTS.items():
        assert (out / name).read_bytes() == text.encode("utf-8")
    assert (out / "annotation.conf").exists() and (out / "visual.conf").exists()
    conf = (out / "annotation.conf").read_text()
    assert "Life_Die\tAgent?:PERSON|ORG|GPE|NORP, Victim:PERSON|NORP" in conf
    assert "Contact_Meet\tEntity+:PERSON|ORG|GPE|NORP" in conf
    assert "modality\tArg:<EVENT>, Value:Asserted|Other" in conf
    assert "PERSON\tbgColor:#c4a0f4" in (out / "visual.conf").read_text()
    k = canon((out / "kabul.ann").read_text())
    s = TEXTS["kabul.txt"].index("three")
    assert ("CARDINAL", f"{s} {s + 5}", "three") in k["entities"]  # overlapping spans both kept
    assert len(k["triggers"]) == 4  # "killed" shared by Life:Die and Conflict:Attack: two types, two T lines
    types = sorted(e[0] for e in k["events"])
    assert types == ["Conflict_Attack", "Conflict_Attack", "Life_Die", "Life_Injure"]
    assert ("modality", next(e for e in k["events"] if e[0] == "Life_Injure"), ("Other",)) in k["attributes"]
    assert any(text.startswith("Check the casualty count") for _, _, text in k["notes"])
    m = canon((out / "meeting.ann").read_text())
    meet = next(e for e in m["events"] if e[0] == "Contact_Meet")
    assert [r for r, _ in meet[2]].count("Entity") == 1 and [r for r, _ in meet[2]].count("Entity2") == 1
    assert report.documents == 4 and "comments left out" not in report.summary()


def test_export_meeting_span_across_a_line_break_is_fragmented(project, tmp_path):
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents

    text = "Acme\nCorp. said so."
    ids = dict(import_documents(project, [IncomingDocument(text, "x.txt")]).imported)
    edits.add_entity(project, ids["x.txt"], 0, 10, "ORG")
    write_brat(project, tmp_path / "o")
    assert (tmp_path / "o" / "x.ann").read_text() == "T1\tORG 0 4;5 10\tAcme Corp.\n"
    fresh = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(fresh, "brat", [tmp_path / "o"])
    doc_id = fresh.document_ids()[0]
    assert [(e.start, e.end, e.label) for e in fresh.entities(doc_id)] == [(0, 10, "ORG")]
    fresh.close()


def test_bionlp_round_trip_same_annotations_out_as_in(tmp_path):
    project = new_project(tmp_path / "bio.annotator", annotator="t")
    report = import_format(project, "brat", [DATA])
    assert report.schema_adopted == "bionlp" and len(report.imported) == 2
    assert project.schema.label("Phosphorylation") is not None  # nested events kept via their trigger span
    assert project.schema.event_type("Binding").role("Theme").repeatable
    assert project.schema.label("Protein").color == "#7fa2ff"  # from visual.conf
    doc = next(i for n, i in report.imported if n == "PMID-10080948.txt")
    binding = next(e for e in project.events(doc) if e.type == "Binding")
    assert [a.role for a in binding.arguments] == ["Theme", "Theme", "Theme"]
    assert binding.attributes["Negation"] == "true"
    write_brat(project, tmp_path / "out")
    assert canon_folder(tmp_path / "out") == canon_folder(DATA)
    for txt in DATA.glob("*.txt"):
        assert (tmp_path / "out" / txt.name).read_bytes() == txt.read_bytes()
    # and once more: the exported folder reads back to the same annotations
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "brat", [tmp_path / "out"])
    write_brat(again, tmp_path / "out2")
    assert canon_folder(tmp_path / "out2") == canon_folder(DATA)
    assert again.schema.to_dict()["events"] == project.schema.to_dict()["events"]
    project.close()
    again.close()


def test_project_brat_project_keeps_annotations(sample, tmp_path):
    project, ids = sample
    write_brat(project, tmp_path / "out")
    fresh = new_project(tmp_path / "fresh.annotator", annotator="t")
    import_format(fresh, "brat", [tmp_path / "out"])
    for name, doc_id in ids.items():
        new_id = next(d["id"] for d in fresh.document_summaries() if d["name"] == name)
        old_e = {(e.start, e.end, e.label) for e in project.entities(doc_id) if e.state != "rejected"}
        assert {(e.start, e.end, e.label) for e in fresh.entities(new_id)} == old_e

        assert event_contents(fresh, new_id) == event_contents(project, doc_id)
        assert fresh.document(new_id).text == project.document(doc_id).text
    fresh.close()


def test_relations_equivalences_normalisations_and_entity_attributes_go_back_out(tmp_path):
    folder = tmp_path / "b"
    shutil.copytree(DATA, folder)
    with (folder / "PMID-9000001.ann").open("a") as fh:
        fh.write(
            "*\tEquiv T1 T2\nR1\tEquiv Arg1:T1 Arg2:T2\nA2\tNegation T1\nM3\tSpeculation T2\n"
            "N1\tReference T1 UniProt:P04637\tp53\n"
        )
    result = read_brat(folder)
    assert not result.warnings
    doc = next(d for d in result.documents if d.name == "PMID-9000001.txt")
    assert doc.meta["brat"]["relations"] == [
        {"type": "Equiv", "args": [["Arg1", ["T", "Protein", 16, 19]], ["Arg2", ["T", "Entity", 40, 52]]]}
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [folder])
    write_brat(project, tmp_path / "out")
    ann = (tmp_path / "out" / "PMID-9000001.ann").read_text()
    assert "\tEquiv Arg1:T1 Arg2:T2\n" in ann and "*\tEquiv T1 T2\n" in ann
    assert "\tNegation T1\n" in ann and "\tSpeculation T2\n" in ann  # M written as A: same meaning
    assert "\tReference T1 UniProt:P04637\tp53\n" in ann
    conf = (tmp_path / "out" / "annotation.conf").read_text()
    assert "Equiv\tArg1:Protein, Arg2:Entity" in conf and "Negation\tArg:<ENTITY>" in conf
    project.close()


def test_discontinuous_span_shows_its_covering_span_and_goes_back_in_fragments(tmp_path):
    # KEEPHA-Ja's MedTxt-CR-Ja-ADE (T48 OPINION 504 506;510 512) and CADEC-like corpora mark words apart as one
    # span: the app shows the covering span; the brat export wrote that span whole, so the words between became
    # part of the annotation (with its attributes and relations) on every round trip
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text("Smad1 and Smad5\r\nproteins; Smad1 alone")
    (folder / "a.ann").write_text(
        "T1\tPROTEIN 0 5;16 24\tSmad1 proteins\n"  # the gap holds words, the second fragment starts a line (CRLF)
        "T2\tPROTEIN 26 31\tSmad1\n"
        "A1\tNegated T1\n"
        "R1\tSame Arg1:T1 Arg2:T2\t\n"
    )
    (folder / "annotation.conf").write_text(
        "[entities]\nPROTEIN\n[relations]\nSame Arg1:PROTEIN, Arg2:PROTEIN\n[events]\n[attributes]\n"
        "Negated Arg:PROTEIN\n"
    )
    result = read_brat(folder)
    assert [(e.start, e.end) for e in result.documents[0].entities] == [(0, 25), (27, 32)]
    assert any("a.ann:1: T1 is discontinuous; the app shows its covering span [0, 25)" in n for n in result.notes)
    assert not any("discontinuous" in w for w in result.warnings)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [folder])
    write_brat(project, tmp_path / "out")
    ann = (tmp_path / "out" / "a.ann").read_text()
    assert "T1\tPROTEIN 0 5;16 24\tSmad1 proteins\n" in ann
    assert canon(ann) == canon((folder / "a.ann").read_text())
    project.close()


def test_without_conf_uses_the_project_schema(sample, tmp_path):
    project, _ = sample
    write_brat(project, tmp_path / "out")
    (tmp_path / "out" / "annotation.conf").unlink()
    fresh = new_project(tmp_path / "f.annotator", annotator="t")
    report = import_format(fresh, "brat", [tmp_path / "out"])
    assert report.schema_adopted is None and report.events == 8
    fresh.close()


def _broken(tmp_path, ann: str, txt: str = "BMP-6 induces Smad1.\n", conf: bool = True) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir(exist_ok=True)
    if conf:
        shutil.copy(DATA / "annotation.conf", folder)
    (folder / "a.txt").write_bytes(txt.encode("utf-8") if isinstance(txt, str) else txt)
    (folder / "b.txt").write_text("Smad1.\n")
    (folder / "b.ann").write_text("T1\tProtein 0 5\tSmad1\n")
    (folder / "a.ann").write_bytes(ann.encode("utf-8") if isinstance(ann, str) else ann)
    return folder


GOOD = "T1\tProtein 0 5\tBMP-6\nT2\tProtein 14 19\tSmad1\nT3\tPositive_regulation 6 13\tinduces\n"


@pytest.mark.parametrize(
    "ann, line, message",
    [
        (GOOD + "E1\tPositive_regulation:T3 Theme:T2 Cause:T1\nT4\tProtein 14 25\tSmad1\n", 5, "outside the text"),
        (GOOD.replace("0 5\tBMP-6", "1 6\tBMP-6"), 1, "the offsets cover 'MP-6 '"),
        (GOOD + "E1\tPositive_regulation:T3 Theme:T9\n", 4, "unknown argument id 'T9'"),
        (GOOD + "E1\tPositive_regulation:T7 Theme:T2\n", 4, "unknown trigger id 'T7'"),
        (GOOD + "E1\tPositive_regulation:T3 Theme:T2\nA1\tNegation E4\n", 5, "unknown target id 'E4'"),
        (GOOD + "T4\tProtein 14", 4, "cut short"),
        (GOOD + "E1", 4, "cannot read the line"),
        (GOOD + "E1\tPositive_regulation:T3 Theme:\n", 4, "cannot read the argument 'Theme:'"),
        (GOOD + "T4\tKinase 0 5\tBMP-6\n", 4, "type 'Kinase' is not in the schema"),
        (GOOD + "E1\tPositive_regulation:T3 Target:T2\n", 4, "has no role 'Target'"),
        (GOOD + "E1\tPositive_regulation:T3 Theme:T2\nA1\tNegation E1 Maybe\n", 5, "value 'Maybe'"),
        (GOOD + "T1\tProtein 0 5\tBMP-6\n", 4, "id T1 is used twice"),
        (GOOD.encode("utf-8") + b"#1\tAnnotatorNotes T1\t\xff\xfe bad\n", 4, "not valid UTF-8"),
    ],
)
def test_broken_ann_names_file_and_line_and_stores_nothing(tmp_path, ann, line, message):
    folder = _broken(tmp_path, ann)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError) as info:
        import_format(project, "brat", [folder])
    assert info.value.path.endswith("a.ann") and info.value.line == line, str(info.value)
    assert message in info.value.reason
    assert f"a.ann:{line}:" in str(info.value)
    assert project.document_ids() == [] and project.schema.name == "news"  # nothing stored, schema untouched
    project.close()


def test_lines_without_an_id_are_passed_over_as_brat_does(tmp_path):
    # a real corpus (corpus_sdoh's subtitles/F03_019.ann) starts with text pasted from another document: brat shows
    # the file's annotations and passes those lines over; the whole folder was refused at line 1
    ann = "Inclusion criteria:\n\n- adults over 18 (see the protocol)\n" + GOOD
    folder = _broken(tmp_path, ann)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "brat", [folder])
    doc = next(d for d in project.document_ids() if project.document(d).name == "a.txt")
    assert [(e.start, e.end) for e in project.entities(doc)] == [(0, 5), (14, 19)]
    said = [w for w in report.warnings if "is not an annotation (no id)" in w]
    assert [w.split(": ", 1)[0] for w in said] == [f"{folder / 'a.ann'}:1", f"{folder / 'a.ann'}:3"]
    project.close()


def test_text_in_a_wrong_encoding_is_refused(tmp_path):
    folder = _broken(tmp_path, "T1\tProtein 0 5\tBMP-6\n", txt="BMP-6 \u00e9t\u00e9\nx".encode("latin-1"))
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError) as info:
        import_format(project, "brat", [folder])
    assert info.value.path.endswith("a.txt") and info.value.line == 1 and "not valid UTF-8" in info.value.reason
    assert project.document_ids() == []
    project.close()


def test_ann_without_txt_and_nested_event_without_label(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "a.ann").write_text("T1\tProtein 0 5\tBMP-6\n")
    with pytest.raises(ImportFileError, match="no text file a.txt"):
        read_brat(folder)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    folder = tmp_path / "y"
    folder.mkdir()
    (folder / "a.txt").write_text("Gunmen killed soldiers in an attack.")
    (folder / "a.ann").write_text(
        "T1\tLife_Die 7 13\tkilled\nT2\tConflict_Attack 29 35\tattack\n"
        "E1\tConflict_Attack:T2\nE2\tLife_Die:T1 Victim:E1\n"
    )
    with pytest.raises(ImportFileError) as info:
        import_format(project, "brat", [folder])
    assert info.value.line == 4 and "is an event" in info.value.reason
    project.close()


def test_conf_that_does_not_fit_a_non_empty_project_is_refused(sample, tmp_path):
    project, _ = sample
    # its attributes (Negation, Speculation) no longer keep --add-types from being offered (session 20)
    with pytest.raises(ImportFileError, match="--add-types .* or into a new project") as info:
        import_format(project, "brat", [DATA])
    assert len(project.document_ids()) == 4 and project.schema.name == "news"
    # what is missing is named (it said only "defines types the project's schema does not have")
    assert "the project's schema has no label Protein, " in info.value.reason, info.value.reason
    assert len(info.value.reason.splitlines()) == 1


def test_labels_in_other_scripts_go_to_brat_under_names_brat_keeps(tmp_path):
    # brat keeps only [A-Za-z0-9_-] in a type's stored name (normalize_to_storage_form turns the rest into "_"):
    # "关键数据" in annotation.conf became "____" there, so every T of that type was of an unknown type
    schema = '[schema]\nname = "zh"\nversion = 1\n[[entity]]\nname = "关键数据"\n[[entity]]\nname = "数值"\n'
    (tmp_path / "zh.toml").write_text(schema, encoding="utf-8")
    project = Project(tmp_path / "p.annotator", annotator="t", schema=load_schema(tmp_path / "zh.toml"))
    text = "街道占比达到100%"
    import_documents(
        project,
        [
            IncomingDocument(
                text, "zh.txt", entities=[IncomingEntity("a", 0, 2, "关键数据"), IncomingEntity("b", 6, 10, "数值")]
            )
        ],
    )
    write_brat(project, tmp_path / "out")
    ann = (tmp_path / "out" / "zh.ann").read_text(encoding="utf-8")
    types = [line.split("\t")[1].split()[0] for line in ann.splitlines()]
    assert types == ["U5173U952EU6570U636E", "U6570U503C"]
    assert "U6570U503C | 数值" in (tmp_path / "out" / "visual.conf").read_text(encoding="utf-8")
    again = new_project(tmp_path / "q.annotator", annotator="t")
    import_format(again, "brat", [tmp_path / "out"])
    (doc,) = again.document_ids()
    assert [(e.start, e.end, e.label) for e in again.entities(doc)] == [(0, 2, "关键数据"), (6, 10, "数值")]
    project.close()
    again.close()


def test_types_the_conf_lacks_are_named_at_once_with_the_way_out(tmp_path):
    # an annotation.conf changed after the annotation (an argumentation corpus's .ann files use Premise1Conclusion and
    # pivot, its conf has neither): the refusal named only the first type met, as "not in the schema", without
    # saying that the folder's conf is that schema or what to do
    folder = _broken(tmp_path, GOOD + "T4\tPremise 0 5\tBMP-6\n")
    (folder / "b.ann").write_text("T1\tpivot 0 5\tSmad1\n")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError) as info:
        import_format(project, "brat", [folder])
    reason = info.value.reason
    assert info.value.path.endswith("a.ann") and info.value.line == 4
    assert f"{folder / 'annotation.conf'} has no Premise, pivot that the .ann files use" in reason
    assert "add them there, or remove annotation.conf to have the types told from the files" in reason
    assert project.document_ids() == []
    project.close()
