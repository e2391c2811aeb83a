"""brat folders shaped like the ones brat ships (example-data): dotted names, its config syntax, attributes
without defaults, CRLF texts, note types; and export names that never overwrite each other."""

from __future__ import annotations

from pathlib import Path

from project_support import new_project
from annotator.formats.brat import write_brat
from annotator.formats.brat_read import read_brat
from annotator.formats.loading import import_format
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from tests.formats.brat_canon import canon_folder

NEWS_CONF = """# a config in the style of brat's news tutorial
[entities]
Person
Organization|Org|O
GPE

[relations]
Located            Arg1:Person, Arg2:GPE
Alias              Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive

[events]
<POG>=Person|Organization|GPE
!Life
\tBe-born   Person-Arg:Person, Place-Arg?:GPE
\tMarry     Person-Arg{2}:Person, Place-Arg?:GPE
----------------------------------------
!Business
\tMerge-org  Org-Arg+:Organization
Report Reporter-Arg:<POG>, Event-Arg:<EVENT>

[attributes]
Individual   Arg:<ENTITY>
Negation     Arg:<EVENT>
Confidence   Arg:<EVENT>, Value:High|Neutral|Low
"""


def _folder(tmp_path: Path, files: dict[str, str | bytes], conf: str | None = NEWS_CONF) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    if conf is not None:
        (folder / "annotation.conf").write_text(conf)
    for name, body in files.items():
        if isinstance(body, bytes):
            (folder / name).write_bytes(body)
        else:
            (folder / name).write_text(body)
    return folder


def _round_trip(tmp_path: Path, folder: Path) -> tuple[Project, Path]:
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [folder])
    out = tmp_path / "out"
    write_brat(project, out)
    return project, out


def test_dotted_names_pair_with_their_own_text(tmp_path):
    text = "Somebody said YouTube may merge with Google."
    folder = _folder(
        tmp_path,
        {
            "news.txt": "A different text.",
            "news.2024-01.txt": text,
            "news.2024-01.ann": "T1\tOrganization 14 21\tYouTube\n",
            "AFP_ENG_20030304.0250.txt": text + " ",
            "AFP_ENG_20030304.0250.ann": "T1\tPerson 0 8\tSomebody\n",
        },
    )
    docs = {d.name: d for d in read_brat(folder).documents}
    assert sorted(docs) == ["AFP_ENG_20030304.0250.txt", "news.2024-01.txt", "news.txt"]
    assert [(e.start, e.end, e.label) for e in docs["news.2024-01.txt"].entities] == [(14, 21, "Organization")]
    assert [(e.label) for e in docs["AFP_ENG_20030304.0250.txt"].entities] == ["Person"]
    project, out = _round_trip(tmp_path, folder)  # our own export of dotted names reads back
    assert canon_folder(out) == canon_folder(folder)
    project.close()


def test_export_names_never_overwrite_each_other(tmp_path):
    project = new_project(tmp_path / "p.annotator", annotator="t")
    docs = [
        IncomingDocument("one", "report"),
        IncomingDocument("two", "report-3"),
        IncomingDocument("three", "report"),
        IncomingDocument("four", "report"),
    ]
    ids = [i for _, i in import_documents(project, docs).imported]
    # make a generated name collide with a real one: rename the second document to what the third would get
    project.db.conn.execute("UPDATE documents SET name = ? WHERE id = ?", (f"report-{ids[2]}", ids[1]))
    report = write_brat(project, tmp_path / "out")
    texts = sorted(p.read_text() for p in (tmp_path / "out").glob("*.txt"))
    assert texts == ["four", "one", "three", "two"] and report.documents == 4
    project.close()


def test_export_name_search_makes_names_one_at_a_time():
    """Finding a free name tries the candidates one by one: it built all of a million of them for every document
    (0.28 s each: 1,200 small documents took 231 s to export). Checked by memory, not time: the search allocates
    next to nothing."""
    import tracemalloc

    from annotator.formats.brat import unused_stem

    used = {"/report", "/report-7", "/report-7-2"}
    tracemalloc.start()
    try:
        assert unused_stem("report", "", used, 7) == "report-7-3"
        assert unused_stem("fresh", "", used, 8) == "fresh"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000, peak
    assert {"/report-7-3", "/fresh"} <= used


def test_conf_as_brat_reads_it(tmp_path):
    conf = NEWS_CONF + "\n[spans]\nMoney\n\n[mystery]\nwhatever line\n"
    text = "CNN reports that Acme merged with Initech for $5."
    s = text.index("$5")
    folder = _folder(
        tmp_path, {"a.txt": text, "a.ann": f"T1\tOrganization 0 3\tCNN\nT2\tMoney {s} {s + 2}\t$5\n"}, conf
    )
    result = read_brat(folder)
    schema = result.schema
    assert schema is not None
    assert {"Person", "Organization", "GPE", "Money"} <= set(schema.label_names)
    assert list(schema.event_type_names) == ["Be-born", "Marry", "Merge-org", "Report"]  # no "----", no !Life
    assert schema.event_type("Merge-org").role("Org-Arg").labels == ("Organization",)
    assert "annotation.conf:29: unknown section [mystery] ignored" in "\n".join(result.warnings)


def test_attributes_have_no_default_and_explicit_values_go_back(tmp_path):
    text = "Somebody twitted that YouTube may merge with Google. CNN reports it."
    ann = (
        "T1\tPerson 0 8\tSomebody\nT2\tReport 9 16\ttwitted\nE1\tReport:T2 Reporter-Arg:T1\n"
        "T3\tOrganization 53 56\tCNN\nT4\tReport 57 64\treports\nE2\tReport:T4 Reporter-Arg:T3\n"
        "A1\tConfidence E2 High\nA2\tNegation E1\nA3\tIndividual T1\n"
    )
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    project, out = _round_trip(tmp_path, folder)
    doc = project.document_ids()[0]
    events = sorted(project.events(doc), key=lambda v: v.trigger_start)
    assert events[0].attributes == {"Negation": "true"}  # no Confidence: brat has no default
    assert events[1].attributes == {"Negation": "false", "Confidence": "High"}
    assert canon_folder(out) == canon_folder(folder)  # the explicit first value is written back
    project.close()


def test_crlf_texts_use_brat_offsets_both_ways(tmp_path):
    text = "Alice met Bob.\r\nThen Carol left.\r\n"
    brat_ann = "T1\tPerson 0 5\tAlice\nT2\tPerson 20 25\tCarol\n"  # brat counts \r\n as one character
    folder = _folder(tmp_path, {"a.txt": text.encode(), "a.ann": brat_ann})
    project, out = _round_trip(tmp_path, folder)
    doc = project.document_ids()[0]
    assert [text[e.start : e.end] for e in project.entities(doc)] == ["Alice", "Carol"]
    assert (out / "a.txt").read_bytes() == text.encode()
    assert (out / "a.ann").read_text() == brat_ann
    project.close()
    # offsets that count \r\n as two characters (other tools; older exports) still read, and that is said
    old = _folder(tmp_path / "old", {"a.txt": text.encode(), "a.ann": "T1\tPerson 21 26\tCarol\n"})
    result = read_brat(old)
    assert [(e.start, e.end) for e in result.documents[0].entities] == [(21, 26)]
    assert any("counts one" in n for n in result.notes) and not result.warnings


def test_note_types_are_kept(tmp_path):
    text = "Talo on iso."
    ann = "T1\tPerson 0 4\tTalo\n#1\tLemma T1\ttalo\n#2\tAnnotatorNotes T1\tcheck this\n"
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    project, out = _round_trip(tmp_path, folder)
    written = (out / "a.ann").read_text()
    assert "\tLemma T1\ttalo\n" in written and "\tAnnotatorNotes T1\tcheck this\n" in written
    project.close()


def test_import_applies_the_schemas_role_rules(tmp_path):
    """An Organization in a Person-only role: refused on import with file and line, as an edit refuses it."""
    import pytest

    from annotator.errors import ImportFileError

    text = "Acme was born in Paris."
    ann = "T1\tOrganization 0 4\tAcme\nT2\tBe-born 9 13\tborn\nE1\tBe-born:T2 Person-Arg:T1\n"
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError, match="a.ann") as info:
        import_format(project, "brat", [folder])
    assert info.value.line == 3 and "E1" in info.value.reason and "Organization" in info.value.reason
    assert not project.document_ids()
    project.close()


def test_a_trigger_span_no_event_uses_goes_back_out(tmp_path):
    text = "Somebody twitted it."
    ann = "T1\tPerson 0 8\tSomebody\nT2\tReport 9 16\ttwitted\n#1\tAnnotatorNotes T2\tno event yet\n"
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    project, out = _round_trip(tmp_path, folder)
    written = (out / "a.ann").read_text()
    assert "\tReport 9 16\ttwitted\n" in written and "\tno event yet\n" in written
    project.close()


def test_every_exported_ann_follows_brats_reader(sample, tmp_path):
    """The sample project (overlaps, shared triggers, nested roles, notes, a non-BMP character, line breaks in
    spans) plus a CRLF document: brat's reader rules hold for every exported .ann."""
    from tests.formats.brat_canon import brat_reader_errors

    project, _ = sample
    text = "Angela Merkel met\r\nEmmanuel Macron in Paris.\r\n"
    doc = import_documents(project, [IncomingDocument(text, "crlf.txt")]).imported[0][1]
    from annotator import edits

    edits.add_entity(project, doc, 0, text.index("Macron") + 6, "PERSON")  # a span across \r\n
    edits.add_entity(project, doc, text.index("Paris"), text.index("Paris") + 5, "GPE")
    write_brat(project, tmp_path / "out")
    anns = sorted((tmp_path / "out").glob("*.ann"))
    assert len(anns) == 5
    for ann in anns:
        assert brat_reader_errors(ann.read_text(), ann.with_suffix(".txt").read_bytes()) == [], ann.name
    crlf = (tmp_path / "out" / "crlf.ann").read_text()
    assert "PERSON 0 17;18 33\tAngela Merkel met Emmanuel Macron\n" in crlf  # brat counts \r\n as one


def test_t_text_read_as_brat_reads_it(tmp_path):
    """brat takes a T whose text is followed by more after a space, and old discontinuous texts joined without one."""
    text = "Smad1 and Smad5 proteins"
    ann = "T1\tPerson 0 5\tSmad1 (checked)\nT2\tPerson 0 5;16 24\tSmad1proteins\n"
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    doc = read_brat(folder).documents[0]
    assert [(e.start, e.end) for e in doc.entities] == [(0, 5), (0, 24)]


def test_a_note_on_a_relation_goes_back_on_that_relation(tmp_path):
    """brat's news tutorial (110-note_annotation) puts a note on an R line: it was kept as a comment '[on R1] ...'
    and exported onto the document's first T, a different annotation."""
    text = "Orville Wright and Wilbur Wright flew. Ann Lee came."
    ann = (
        "T1\tPerson 0 14\tOrville Wright\nT2\tPerson 19 32\tWilbur Wright\nT3\tPerson 39 46\tAnn Lee\n"
        "R4\tAlias Arg1:T1 Arg2:T2\t\n#1\tAnnotatorNotes R4\tnot stated\n#2\tAnnotatorNotes T3\tplain\n"
    )
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    result = read_brat(folder)
    assert not result.warnings
    assert "[on relation Alias 0-14 19-32] not stated" in [c["text"] for c in result.documents[0].comments]
    project, out = _round_trip(tmp_path, folder)
    lines = (out / "a.ann").read_text().splitlines()
    rid = next(line.split("\t")[0] for line in lines if line.split("\t")[1].startswith("Alias "))
    assert f"AnnotatorNotes {rid}\tnot stated" in [line.split("\t", 1)[1] for line in lines if line[0] == "#"]
    assert canon_folder(out) == canon_folder(folder)
    project.close()


def test_an_attribute_on_a_relation_is_kept_and_goes_back_on_it(tmp_path):
    """brat attributes may sit on relations (Arg:<RELATION>): the import was refused whole with
    "attribute Individual: unknown target id 'R1'"."""
    text = "Orville Wright and Wilbur Wright flew."
    ann = (
        "T1\tPerson 0 14\tOrville Wright\nT2\tPerson 19 32\tWilbur Wright\nR1\tAlias Arg1:T1 Arg2:T2\t\n"
        "A1\tIndividual R1\nA2\tIndividual T2\n"
    )
    folder = _folder(tmp_path, {"a.txt": text, "a.ann": ann})
    assert not read_brat(folder).warnings
    project, out = _round_trip(tmp_path, folder)
    assert canon_folder(out) == canon_folder(folder)
    conf = (out / "annotation.conf").read_text()
    assert "Individual\tArg:<ENTITY>|<RELATION>" in conf
    project.close()


def test_visual_conf_colours_as_brat_takes_them(tmp_path):
    """brat takes any HTML colour ('goldenrod', '#fc0') and SPAN_DEFAULT for types without their own: only
    '#rrggbb' was read, so those types came in grey (#dddddd) and went back out grey."""
    folder = _folder(tmp_path, {"a.txt": "Ann met Bo.", "a.ann": "T1\tPerson 0 3\tAnn\n"})
    (folder / "visual.conf").write_text(
        "[labels]\nGPE | Geo-political entity | GPE\n\n[drawing]\n"
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
        "Person\tbgColor:#FF821C\nOrganization\tfgColor:white, bgColor:#fc0\nGPE\tbgColor:goldenrod\n"
    )
    project, out = _round_trip(tmp_path, folder)
    colour = {e.name: e.color for e in project.schema.entities}
    assert [colour["Person"], colour["Organization"], colour["GPE"]] == ["#ff821c", "#ffcc00", "#daa520"]
    assert colour["Merge-org"] == "#90ee90"  # no colour of its own: SPAN_DEFAULT's
    assert "GPE\tbgColor:#daa520" in (out / "visual.conf").read_text()
    project.close()


def test_format_brat_on_a_file_of_another_kind_says_so(tmp_path):
    """'import --format brat tasks.jsonl' said "no .txt or .ann files in the folder" of a file."""
    import pytest

    from annotator.errors import ImportFileError

    f = tmp_path / "tasks.jsonl"
    f.write_text('{"text": "x"}\n')
    with pytest.raises(ImportFileError, match="not a brat file: brat reads a folder of .txt and .ann files"):
        read_brat(f)


def test_attribute_value_messages_speak_brat(tmp_path):
    """A multi-valued attribute given no value said "value 'true' is not one of High, Neutral, Low" (a value the
    file never gave); a value on a binary attribute said "is not one of false, true" (brat's binary attributes
    take no value)."""
    import pytest

    from annotator.errors import ImportFileError

    head = "T1\tOrganization 0 6\tGoogle\nT2\tMerge-org 7 13\tmerged\nE1\tMerge-org:T2 Org-Arg:T1\n"
    cases = [
        ("A1\tConfidence E1\n", "attribute Confidence on E1 needs a value: one of High, Neutral, Low"),
        ("A1\tNegation E1 yes\n", "attribute Negation is binary (present or absent, no value), got value 'yes'"),
    ]
    for k, (line, message) in enumerate(cases):
        folder = _folder(tmp_path / str(k), {"a.txt": "Google merged with YouTube.", "a.ann": head + line})
        with pytest.raises(ImportFileError) as info:
            read_brat(folder)
        assert (info.value.line, info.value.reason) == (4, message)


def test_an_event_line_may_write_the_type_with_its_colon_as_its_trigger_line_does(tmp_path):
    """'T4<TAB>Contact:Meet 13 16' was read, but 'E1<TAB>Contact:Meet:T4 ...' was refused as 'cut short': the
    trigger id is what follows the last colon."""
    text = "Alice Walker met Bob Stone in Berlin on Friday.\n"
    ann = (
        "T1\tPERSON 0 12\tAlice Walker\nT2\tPERSON 17 26\tBob Stone\nT3\tGPE 30 36\tBerlin\n"
        "T4\tContact:Meet 13 16\tmet\nE1\tContact:Meet:T4 Entity:T1 Entity2:T2 Place:T3\n"
    )
    folder = _folder(tmp_path, {"meet.txt": text, "meet.ann": ann}, conf=None)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "brat", [folder])
    (doc_id,) = project.document_ids()
    (event,) = project.events(doc_id)
    spans = {e.id: text[e.start : e.end] for e in project.entities(doc_id)}
    assert event.type == "Contact:Meet" and text[event.trigger_start : event.trigger_end] == "met"
    assert sorted((a.role, spans[a.entity_id]) for a in event.arguments) == [
        ("Entity", "Alice Walker"),
        ("Entity", "Bob Stone"),
        ("Place", "Berlin"),
    ]
    project.close()
