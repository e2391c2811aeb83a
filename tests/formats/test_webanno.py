"""WebAnno TSV 3.x (INCEpTION, WebAnno) in and out. The fixtures are our own, written in the shapes of INCEpTION's
``tsv3-suite`` test files (stacking, ``[n]`` ids, sub-tokens, slot features with and without roles, relations, chains,
escaping) and of its user guide's examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from project_support import new_project
from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats import writers
from annotator.formats.detect import detect_format
from annotator.formats.loading import import_format, import_paths
from annotator.formats.webanno_read import read_webanno
from annotator.formats.webanno_tsv import escape_text, escape_value, split_unescaped, unescape_text, unescape_value
from annotator.store import Project

DATA = Path(__file__).parent / "data" / "webanno"
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


def tsv(tmp_path: Path, name: str, header: list[str], body: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["#FORMAT=WebAnno TSV 3.3", *header, "", "", *body, ""]), encoding="utf-8")
    return path


def spans(project: Project, doc_id: int) -> list[tuple[str, str]]:
    text = project.document(doc_id).text
    return sorted((e.label, text[e.start : e.end]) for e in project.entities(doc_id) if e.state != "rejected")


def events(project: Project, doc_id: int, attributes: bool = False) -> list[tuple]:
    by_id = {e.id: e for e in project.entities(doc_id)}
    return sorted(
        (
            *((tuple(sorted(v.attributes.items())),) if attributes else ()),
            v.type,
            v.trigger_start,
            v.trigger_end,
            tuple(
                sorted(
                    (a.role, by_id[a.entity_id].start, by_id[a.entity_id].end, by_id[a.entity_id].label)
                    for a in v.arguments
                )
            ),
        )
        for v in project.events(doc_id)
        if v.state != "rejected"
    )


def test_reads_an_inception_file_with_events_stacking_ids_subtokens_and_an_emoji(tmp_path):
    """Our own file in INCEpTION's shapes: NamedEntity with identifier, a one-feature custom layer, an event layer with
    a slot feature (two events stacked on one token with [n] ids), a multi-line sentence, UTF-16 offsets after an
    emoji, a relation and a chain layer, a sentence id."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [DATA / "events.tsv"])
    (doc_id,) = project.document_ids()
    doc = project.document(doc_id)
    assert doc.text == "Gunmen killed three soldiers near Kabul \U0001f642 .\nAngela Merkel met\nMacron in Paris.\n"
    assert doc.name == "events"
    assert spans(project, doc_id) == sorted(
        [
            ("PERSON", "Gunmen"),
            ("WORK_OF_ART", "Gun"),  # a sub-token (1-1.1), its label escaped (WORK\_OF\_ART)
            ("PERSON", "three soldiers"),  # PERSON[1] over two tokens
            ("CARDINAL", "three"),  # stacked on 1-3 with PERSON[1]
            ("GPE", "Kabul"),
            ("PERSON", "Angela Merkel"),
            ("PERSON", "Macron"),
            ("GPE", "Paris"),
            ("nam", "Angela"),  # a coreference mention on no entity's span, labelled with its type
        ]
    )
    text = doc.text
    got = {(t, text[s:e]): args for t, s, e, args in events(project, doc_id)}

    def arg(role: str, needle: str, label: str) -> tuple[str, int, int, str]:
        i = text.index(needle)
        return role, i, i + len(needle), label

    assert got == {
        ("Life:Die", "killed"): tuple(
            sorted(
                [
                    arg("Agent", "Gunmen", "PERSON"),
                    arg("Victim", "three soldiers", "PERSON"),
                    arg("Place", "Kabul", "GPE"),
                ]
            )
        ),
        ("Conflict:Attack", "killed"): tuple(
            sorted([arg("Attacker", "Gunmen", "PERSON"), arg("Target", "three soldiers", "PERSON")])
        ),
        ("Contact:Meet", "met"): tuple(
            sorted(
                [
                    arg("Entity", "Angela Merkel", "PERSON"),
                    arg("Entity", "Macron", "PERSON"),
                    arg("Place", "Paris", "GPE"),
                ]
            )
        ),
    }
    starts, ends, sents = project.tokens(doc_id)
    assert [text[s:e] for s, e in zip(starts, ends)][6:9] == ["\U0001f642", ".", "Angela"]
    assert [text[starts[k]] for k in sents] == ["G", "A"]
    said = " | ".join(report.warnings)
    for lost in ("chains of one mention", "1 sentence id"):
        assert lost in said, said
    assert any("entity link (NamedEntity identifier) kept" in n for n in report.notes)  # said as lost until session 38
    assert any("webanno.custom.Mention's feature category read as entity labels" in n for n in report.notes)
    macron, paris = (text.index("Macron"), text.index("Macron") + 6), (text.index("Paris"), text.index("Paris") + 5)
    assert doc.meta["webanno"]["relations"] == [
        {
            "layer": "webanno.custom.Relation",
            "type": "visits",
            "features": {"label": "visits"},
            "from": [*macron, "PERSON"],
            "to": [*paris, "GPE"],
        }
    ]
    assert any("1 relation between entities kept" in n for n in report.notes), report.notes


def test_relations_between_entities_go_back_out_and_come_back(tmp_path):
    """The kept relation is written on its layer (INCEpTION's form: on the target's row, the source's row in the BT_
    column); read again, the same relation; a doccano relation goes out on webanno.custom.Relation|label."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [DATA / "events.tsv"])
    writers()["webanno"](project, tmp_path / "out")
    body = (tmp_path / "out" / "events.tsv").read_text(encoding="utf-8")
    assert f"#T_RL=webanno.custom.Relation|label|BT_{NE}\n" in body
    assert "2-6\t73-78\tParis\t*\tGPE" + "\t_" * 8 + "\tvisits\t2-4\t\n" in body, (
        body
    )  # NamedEntity's identifier (Kabul's kept link: unset on Paris), the Mention layer, 7 event columns
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "webanno", [tmp_path / "out"])
    (a,), (b,) = project.document_ids(), again.document_ids()
    assert again.document(b).meta["webanno"] == project.document(a).meta["webanno"]
    line = {
        "text": "Alice founded Acme.",
        "entities": [
            {"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 5},
            {"id": 2, "label": "ORG", "start_offset": 14, "end_offset": 18},
        ],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "founded"}],
    }
    (tmp_path / "d.jsonl").write_text(__import__("json").dumps(line) + "\n", encoding="utf-8")
    other = new_project(tmp_path / "q.annotator", annotator="t")
    import_format(other, "doccano", [tmp_path / "d.jsonl"])
    writers()["webanno"](other, tmp_path / "out2")
    (written,) = (tmp_path / "out2").iterdir()
    body = written.read_text(encoding="utf-8")
    assert (
        "#T_RL=webanno.custom.Relation|label|BT_" in body and "\tAcme\tORG" + "\t_" * 7 + "\tfounded\t1-1\t" in body
    ), body


def test_sub_token_spans_over_tokens_and_zero_width_ones(tmp_path):
    """testSubMultiTokenSpanWithFeatureValue's shape: a span from inside one token into the next ones goes from its
    first unit's start to its last unit's end; a zero-width sub-token span is no entity (an entity needs a width) but is
    kept for the export, which writes it back where it was (session 17: it was said and lost)."""
    path = tsv(
        tmp_path,
        "sub.tsv",
        ["#T_SP=webanno.custom.Span|value"],
        [
            "#Text=aaaaaa bbbbbb cccccc",
            "1-1\t0-6\taaaaaa\tORG[1]\t",
            "1-1.1\t3-6\taaa\tGPE[2]\t",
            "1-2\t7-13\tbbbbbb\tORG[1]|GPE[2]\t",
            "1-2.1\t7-7\t\tDATE\t",
            "1-3\t14-20\tcccccc\t_\t",
            "1-3.1\t14-17\tccc\tGPE[2]\t",
        ],
    )
    got = read_webanno(path)
    (doc,) = got.documents
    assert sorted((e.label, doc.text[e.start : e.end]) for e in doc.entities) == [
        ("GPE", "aaa bbbbbb ccc"),
        ("ORG", "aaaaaa bbbbbb"),
    ]
    assert not any("zero-width" in w for w in got.warnings), got.warnings
    assert any("1 zero-width span (DATE) kept for the export to WebAnno TSV" in n for n in got.notes), got.notes
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [path])
    writers()["webanno"](project, tmp_path / "out")
    (written,) = (tmp_path / "out").iterdir()
    rows = [line.split("\t") for line in written.read_text(encoding="utf-8").splitlines() if line[:1].isdigit()]
    (zero,) = [r for r in rows if r[:3] == ["1-2.1", "7-7", ""]]  # back where it was, on its layer
    assert "DATE" in zero and "#T_SP=webanno.custom.Span|value" in written.read_text(encoding="utf-8"), zero
    project.close()


def test_slot_links_without_roles_take_the_slot_s_name_and_stacked_hosts_keep_their_own_links(tmp_path):
    """testStackedSimpleSlotFeatureWithoutValues' shape (``*;*[1]|*;*[2]``): links with no role value; here the slot is
    named after the role (ROLE_...:Attacker_...), as INCEpTION users model a role per slot."""
    path = tsv(
        tmp_path,
        "slots.tsv",
        [
            f"#T_SP={NE}|value",
            "#T_SP=webanno.custom.Attack|ROLE_webanno.custom.Attack:Attacker_webanno.custom.AttackAttackerLink|"
            f"{NE}|type",
        ],
        [
            "#Text=Rebels attacked troops .",
            "1-1\t0-6\tRebels\tPERSON\t_\t_\t_\t",
            "1-2\t7-15\tattacked\t_\t*;*[1]|*[2]\t1-1;1-3|1-3\tConflict:Attack[1]|Conflict:Attack[2]\t",
            "1-3\t16-22\ttroops\tPERSON\t_\t_\t_\t",
            "1-4\t23-24\t.\t_\t_\t_\t_\t",
        ],
    )
    (doc,) = read_webanno(path).documents
    names = {e.key: doc.text[e.start : e.end] for e in doc.entities}
    got = sorted(tuple(sorted((r, names[k]) for r, k in v.arguments)) for v in doc.events)
    assert got == [(("Attacker", "Rebels"), ("Attacker", "troops")), (("Attacker", "troops"),)]


def test_an_event_layer_s_attribute_features_and_its_other_features(tmp_path):
    """A feature named as a schema attribute is the event's attribute (``*``: unset, no default put in its place);
    another feature of our export's layer (``webanno.custom.Event``, which writes a feature per event attribute) is an
    attribute the schema lacks, told with the file's schema (session 26: it was said not kept, the Prodigy and doccano
    imports told theirs)."""
    header = [
        f"#T_SP={NE}|value",
        f"#T_SP=webanno.custom.Event|ROLE_webanno.custom.Event:arguments_x|{NE}|comment|modality|polarity|type",
    ]
    body = [
        "#Text=Rebels attacked troops .",
        "1-1\t0-6\tRebels\tPERSON\t_\t_\t_\t_\t_\t_\t",
        "1-2\t7-15\tattacked\t_\tAttacker\t1-1\tcheck\tOther\t*\tConflict:Attack\t",
        "1-3\t16-22\ttroops\tPERSON\t_\t_\t_\t_\t_\t_\t",
    ]
    got = read_webanno(tsv(tmp_path, "attrs.tsv", header, body))
    (event,) = got.documents[0].events
    assert event.attributes == {"comment": "check", "modality": "Other"} and not event.fill_defaults
    assert not any("other than its type" in w for w in got.warnings), got.warnings
    assert got.schema is not None and got.schema.attribute("comment") is not None


def test_escapes_as_the_user_guide_lists_them():
    assert escape_value("a|b_c[1]->d;e*\\") == "a\\|b\\_c\\[1\\]\\->d\\;e\\*\\\\"
    assert unescape_value(escape_value("a|b_c[1]->d;e*\\\tx\ny")) == "a|b_c[1]->d;e*\\\tx\ny"
    assert unescape_value("a\\\\_b") == "a\\_b"  # an escaped backslash, then _ (left to right)
    assert split_unescaped("A\\|B|C", "|") == ["A\\|B", "C"]
    assert escape_text("tab\there\r\\ \x01") == "tab\\there\\r\\\\ \\\x01"
    assert unescape_text(escape_text("tab\there\r\\ \x01 \f\b"), 3) == "tab\there\r\\ \x01 \f\b"
    assert unescape_text("caf\\u00e9", 1) == "café"  # 3.1 wrote Java escapes


def test_text_lines_with_escapes_and_a_sentence_that_starts_where_the_last_ends(tmp_path):
    """``#Text=`` escapes (a tab, a backslash) are undone; a sentence starting right where the one before ends takes
    back the line break; one starting later gets spaces (INCEpTION's rebuilding)."""
    path = tsv(
        tmp_path,
        "text.tsv",
        [f"#T_SP={NE}|value"],
        [
            "#Text=a\\tb\\\\c",
            "1-1\t0-1\ta\t_\t",
            "1-2\t2-5\tb\\c\tORG\t",
            "",
            "#Text=Next",
            "2-1\t5-9\tNext\t_\t",
            "",
            "#Text=Far",
            "3-1\t12-15\tFar\tGPE\t",
        ],
    )
    (doc,) = read_webanno(path).documents
    assert doc.text == "a\tb\\cNext\n  Far\n"
    assert sorted((e.label, doc.text[e.start : e.end]) for e in doc.entities) == [("GPE", "Far"), ("ORG", "b\\c")]


def test_code_point_offsets_are_read_when_only_they_fit(tmp_path):
    """A tool that wrote Python's code point offsets after an emoji: the tokens fit only that way, read so and said."""
    path = tsv(
        tmp_path,
        "cp.tsv",
        [f"#T_SP={NE}|value"],
        ["#Text=\U0001f642 Paris", "1-1\t0-1\t\U0001f642\t_\t", "1-2\t2-7\tParis\tGPE\t"],
    )
    got = read_webanno(path)
    (doc,) = got.documents
    assert [(e.label, doc.text[e.start : e.end]) for e in doc.entities] == [("GPE", "Paris")]
    assert any("code points" in n for n in got.notes)


@pytest.mark.parametrize(
    "body, line, says",
    [
        (["#Text=Paris", "1-1\t0-5\tParis"], 6, "needs 4 tab-separated fields"),
        (["#Text=Paris", "1-1\t0-4\tParis\tGPE\t"], 6, "token 1-1 is 'Paris' but its offsets 0-4 hold 'Pari'"),
        (["#Text=Paris", "x\t0-5\tParis\tGPE\t"], 6, "'x' is not a token id"),
        (["1-1\t0-5\tParis\tGPE\t"], 5, "a token line before the sentence's '#Text=' line"),
        (["#Text=Paris", "", "#Text=Rome", "1-1\t6-10\tRome\t_\t"], 6, "a sentence ('#Text=') with no token lines"),
        (["#Text=Paris", "1-1\t0-5\tParis\tGPE[x]\t"], 6, "must be a number"),
    ],
)
def test_bad_input_names_file_and_line_and_nothing_is_imported(tmp_path, body, line, says):
    path = tsv(tmp_path, "bad.tsv", [f"#T_SP={NE}|value"], body)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError) as exc:
        import_format(project, "webanno", [path])
    assert exc.value.line == line and says in exc.value.reason, str(exc.value)
    assert str(exc.value).startswith(f"{path}:{line}: ") and "\n" not in str(exc.value)
    assert project.document_ids() == []


def test_a_slot_link_to_a_row_the_file_lacks_and_a_2x_file(tmp_path):
    header = [f"#T_SP={NE}|value", f"#T_SP=webanno.custom.Event|ROLE_webanno.custom.Event:arguments_x|{NE}|type"]
    path = tsv(tmp_path, "a.tsv", header, ["#Text=met", "1-1\t0-3\tmet\t_\tEntity\t1-7\tContact:Meet\t"])
    with pytest.raises(ImportFileError, match=r"a.tsv:7: a slot link points at '1-7'"):
        read_webanno(path)
    path.write_text("#FORMAT=WebAnno TSV 2.0\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="only 3.x"):
        read_webanno(path)


def test_labels_and_event_types_the_schema_lacks_come_with_the_file_into_a_new_project(tmp_path):
    """INCEpTION's tag sets (OTH, which the news schema has no name for) and an event layer of its own (Attack, a slot per role): a project without documents
    takes them, added to its schema, as a brat folder's annotation.conf gives its types; one with documents refuses
    the file naming what its schema lacks, nothing imported."""
    header = [
        f"#T_SP={NE}|value",
        f"#T_SP=webanno.custom.Attack|ROLE_webanno.custom.Attack:Attacker_webanno.custom.AttackAttackerLink|{NE}",
    ]
    body = [
        "#Text=Rebels attacked Kabul .",
        "1-1\t0-6\tRebels\tOTH\t_\t_\t",
        "1-2\t7-15\tattacked\t_\t*\t1-1\t",
        "1-3\t16-21\tKabul\tGPE\t_\t_\t",
        "1-4\t22-23\t.\t_\t_\t_\t",
    ]
    path = tsv(tmp_path, "own.tsv", header, body)
    busy = new_project(tmp_path / "busy.annotator", annotator="t")
    import_format(busy, "webanno", [DATA / "events.tsv"])
    with pytest.raises(ImportFileError) as exc:
        import_format(busy, "webanno", [path])
    assert "its layers give labels and event types the project's schema does not have" in str(exc.value)
    assert "no label OTH, role Attack:Attacker" in str(exc.value) and len(busy.document_ids()) == 1
    new = new_project(tmp_path / "new.annotator", annotator="t")
    report = import_format(new, "webanno", [path])
    # since session 22 the schema the layers tell is matched by schema_match's rule in a new project too, as the
    # project holding documents above matched it: Attack is the news schema's Conflict:Attack, whose Attacker takes OTH
    assert report.schema_adopted == "news" and report.types_told == [
        "label OTH",
        "role Conflict:Attack:Attacker (takes OTH)",
    ]
    assert any("Attack -> Conflict:Attack" in n for n in report.notes), report.notes
    schema = new.schema
    assert schema.label("OTH") is not None and schema.label("PERSON") is not None  # the news schema's stay
    assert schema.event_type("Attack") is None
    assert "OTH" in schema.event_type("Conflict:Attack").role("Attacker").labels
    (doc_id,) = new.document_ids()
    assert spans(new, doc_id) == [("GPE", "Kabul"), ("OTH", "Rebels")]
    assert events(new, doc_id) == [("Conflict:Attack", 7, 15, (("Attacker", 0, 6, "OTH"),))]
    reopened = Project(tmp_path / "new.annotator", annotator="t")
    assert "OTH" in reopened.schema.event_type("Conflict:Attack").role("Attacker").labels


def test_inception_s_tags_take_the_schema_s_names_where_it_declares_them(tmp_path):
    """INCEpTION's NER tag set (PER, LOC, ORG) into a news project that has documents: PER is the news schema's
    alias of PERSON (as DyGIE++'s ACE names are), so the file comes in as PERSON and is not refused for lacking PER;
    the note says what was renamed, and the kept relation's ends are renamed alike, so it goes back out."""
    header = [f"#T_SP={NE}|value", f"#T_RL=webanno.custom.Relation|label|BT_{NE}"]
    body = [
        "#Text=Maria Lopez lives in Lima .",
        "1-1\t0-5\tMaria\tPER[1]\t_\t_\t",
        "1-2\t6-11\tLopez\tPER[1]\t_\t_\t",
        "1-3\t12-17\tlives\t_\t_\t_\t",
        "1-4\t18-20\tin\t_\t_\t_\t",
        "1-5\t21-25\tLima\tLOC\tlives\t1-1[1_0]\t",
        "1-6\t26-27\t.\t_\t_\t_\t",
    ]
    path = tsv(tmp_path, "ner.tsv", header, body)
    busy = new_project(tmp_path / "busy.annotator", annotator="t")
    import_format(busy, "webanno", [DATA / "events.tsv"])
    report = import_format(busy, "webanno", [path])
    assert any("names matched to the schema's (news): PER -> PERSON (1)" in n for n in report.notes), report.notes
    doc_id = busy.document_ids()[-1]
    assert spans(busy, doc_id) == [("LOC", "Lima"), ("PERSON", "Maria Lopez")]
    (rel,) = busy.document(doc_id).meta["webanno"]["relations"]
    assert rel["from"] == [0, 11, "PERSON"] and rel["to"] == [21, 25, "LOC"]
    writers()["webanno"](busy, tmp_path / "out")
    written = (tmp_path / "out" / "ner.tsv").read_text(encoding="utf-8")
    assert "\tLima\tLOC" in written and "\tlives\t1-1" in written, written


def test_told_by_its_first_line_and_a_folder_of_them(tmp_path):
    folder = tmp_path / "export" / "annotation" / "story.txt"
    folder.mkdir(parents=True)
    (folder / "alice.tsv").write_bytes((DATA / "events.tsv").read_bytes())
    odd = tmp_path / "export" / "named.webanno"
    odd.write_bytes((DATA / "events.tsv").read_bytes().replace(b"Kabul", b"Herat"))
    assert detect_format(folder / "alice.tsv") == "webanno" and detect_format(odd) == "webanno"
    assert detect_format(tmp_path / "export") == "webanno"  # a folder of nothing else: read whole
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_paths(project, [tmp_path / "export"])
    names = sorted(project.document(i).name for i in project.document_ids())
    assert names == ["named", "story.txt"]  # INCEpTION's annotation/DOC/USER.tsv by its document (session 11)
    (tmp_path / "export" / "source").mkdir()
    (tmp_path / "export" / "source" / "story.txt").write_text("Gunmen killed three soldiers.", encoding="utf-8")
    assert detect_format(tmp_path / "export") is None  # other files beside them: each file by itself
    other = new_project(tmp_path / "q.annotator", annotator="t")
    report = import_format(other, "webanno", [tmp_path / "export"])
    assert len(other.document_ids()) == 2
    assert any("files that are not WebAnno TSV, skipped: 1 (source/story.txt)" in w for w in report.warnings)


def _same_annotations(a: Project, b: Project) -> None:
    def by_name(p: Project) -> dict[str, tuple]:
        return {p.document(i).name: (spans(p, i), events(p, i)) for i in p.document_ids()}

    assert by_name(a) == by_name(b)


def test_round_trip_keeps_every_span_and_event(sample, tmp_path):
    """The sample project (overlapping entities, a shared trigger, repeated roles, an emoji, a span over a sentence
    end) out and in: the same entities and events by document; out again, the same files."""
    project, _ = sample
    request = {"states": ("accepted", "added", "suggested")}
    report = writers()["webanno"](project, tmp_path / "out", **request)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "arrest.txt.tsv",
        "kabul.txt.tsv",
        "meeting.txt.tsv",
        "rocket.txt.tsv",
    ]
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "webanno", [tmp_path / "out"])
    names = {again.document(i).name: i for i in again.document_ids()}
    assert sorted(names) == ["arrest.txt", "kabul.txt", "meeting.txt", "rocket.txt"]  # their names, .txt and all
    for doc_id in project.document_ids():
        doc = project.document(doc_id)
        back = names[doc.name]
        got = again.document(back).text
        assert got[-1] == "\n" and len(got) == len(doc.text) + 1  # as INCEpTION rebuilds it: a line break after
        assert all(a == b or a.isspace() and b.isspace() for a, b in zip(got, doc.text)), got  # between sentences
        assert spans(again, back) == spans(project, doc_id)
        assert events(again, back, attributes=True) == events(project, doc_id, attributes=True)
    assert report.events == sum(len(project.events(i)) for i in project.document_ids())
    assert "documents whose text outside the sentences comes back as line breaks and spaces" in report.summary()
    writers()["webanno"](again, tmp_path / "out2")
    for f in (tmp_path / "out").iterdir():
        assert (tmp_path / "out2" / f.name).read_bytes() == f.read_bytes()


def test_spans_off_token_edges_go_on_sub_token_rows_and_come_back(project, tmp_path):
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents

    text = "Kabul-based gunmen attacked.\nNew York'er"
    ents = [
        IncomingEntity(k, s, e, label)
        for k, (s, e, label) in enumerate([(0, 5, "GPE"), (1, 3, "ORG"), (6, 18, "PERSON"), (29, 40, "GPE")])
    ]
    import_documents(project, [IncomingDocument(text, "d.txt", entities=ents)])
    report = writers()["webanno"](project, tmp_path / "out")
    body = (tmp_path / "out" / "d.txt.tsv").read_text(encoding="utf-8")
    assert "1-1\t0-5\tKabul\tGPE\t" in body and "1-1.1\t1-3\tab\tORG\t" in body, body  # a sub-token row
    assert "1-3\t6-11\tbased\tPERSON[1]\t" in body and "2-4\t38-40\ter\tGPE[2]\t" in body, body
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "webanno", [tmp_path / "out"])
    (back,) = again.document_ids()
    assert spans(again, back) == [("GPE", "Kabul"), ("GPE", "New York'er"), ("ORG", "ab"), ("PERSON", "based gunmen")]
    assert "1 document had no stored tokens and was tokenised" in report.summary()


def test_a_folder_of_someone_s_files_is_refused_and_a_former_export_replaced(sample, tmp_path):
    project, _ = sample
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"x")
    with pytest.raises(AnnotatorError, match="holds files a WebAnno TSV export does not write"):
        writers()["webanno"](project, mine)
    assert (mine / "thesis.docx").exists()
    writers()["webanno"](project, tmp_path / "out")
    writers()["webanno"](project, tmp_path / "out", statuses=("reviewed",))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["arrest.txt.tsv", "kabul.txt.tsv"]


def test_a_new_label_on_two_spans_is_added_to_the_schema_once(tmp_path):
    """Two spans of a label the schema lacks in one file: the label is added once (it was declared twice, and the
    file refused as 'its labels and event types cannot be added to the schema')."""
    body = [
        "#Text=Rebels met rebels .",
        "1-1\t0-6\tRebels\tOTH\t",
        "1-2\t7-10\tmet\t_\t",
        "1-3\t11-17\trebels\tOTH\t",
        "1-4\t18-19\t.\t_\t",
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "two.tsv", [f"#T_SP={NE}|value"], body)])
    (doc_id,) = project.document_ids()
    assert spans(project, doc_id) == [("OTH", "Rebels"), ("OTH", "rebels")]
