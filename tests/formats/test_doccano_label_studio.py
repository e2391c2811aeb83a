"""doccano JSONL and Label Studio JSON import, with UTF-16 offsets from browser tools."""

from __future__ import annotations

import json

import orjson
import pytest
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

from project_support import new_project
from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats import readers
from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano
from annotator.formats.label_studio import read_label_studio
from annotator.formats.loading import import_format
from annotator.offsets import Utf16Map
from tests.formats.conftest import assert_refused_whole

TEXT = "\U0001f600\U0001f600 Gunmen killed three soldiers in Kabul \U0001f1e6\U0001f1eb."


def u16(text: str, needle: str) -> tuple[int, int]:
    m = Utf16Map(text)
    s = text.index(needle)
    return m.to_utf16(s), m.to_utf16(s + len(needle))


def cp(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


def test_registries():
    assert readers()["doccano"] is read_doccano and readers()["label_studio"] is read_label_studio


def test_doccano_label_form(tmp_path):
    rows = [
        {"id": 7, "text": "Angela Merkel visited Paris.", "label": [[0, 13, "PERSON"], [22, 27, "GPE"]], "source": "x"},
        {"text": "Nothing here.", "label": ["politics"]},
    ]
    (tmp_path / "d.jsonl").write_bytes(b"\n".join(map(orjson.dumps, rows)))
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "doccano", [tmp_path / "d.jsonl"])
    assert [n for n, _ in report.imported] == ["7", "d.jsonl:2"]
    first = report.imported[0][1]
    assert [(e.start, e.end, e.label, e.source) for e in project.entities(first)] == [
        (0, 13, "PERSON", "doccano"),
        (22, 27, "GPE", "doccano"),
    ]
    assert project.document(first).meta == {"source": "x", "doccano_id": 7, "doccano_form": {"labels_key": "label"}}
    assert project.document(report.imported[1][1]).meta["doccano_categories"] == ["politics"]  # kept for the export
    project.close()


def test_doccano_entities_relations_form_with_utf16_offsets(tmp_path):
    ents = [("Gunmen", "PERSON"), ("killed", "Life:Die"), ("three soldiers", "PERSON"), ("Kabul", "GPE")]
    row = {
        "id": 1,
        "text": TEXT,
        "entities": [
            {"id": k, "start_offset": u16(TEXT, w)[0], "end_offset": u16(TEXT, w)[1], "label": lab}
            for k, (w, lab) in enumerate(ents)
        ],
        "relations": [
            {"id": 1, "from_id": 1, "to_id": 0, "type": "Agent"},
            {"id": 2, "from_id": 1, "to_id": 2, "type": "Victim"},
            {"id": 3, "from_id": 1, "to_id": 3, "type": "Place"},
            {"id": 4, "from_id": 0, "to_id": 3, "type": "Place"},
        ],
        "Comments": ["check the count"],
    }
    (tmp_path / "d.jsonl").write_bytes(orjson.dumps(row))
    result = read_doccano(tmp_path / "d.jsonl")
    doc = result.documents[0]
    assert sorted(TEXT[e.start : e.end] for e in doc.entities) == ["Gunmen", "Kabul", "three soldiers"]
    (ev,) = doc.events
    assert (ev.type, TEXT[ev.trigger_start : ev.trigger_end]) == ("Life:Die", "killed")
    assert sorted(r for r, _ in ev.arguments) == ["Agent", "Place", "Victim"]
    assert doc.comments == [{"text": "check the count"}]
    assert any("UTF-16" in n for n in result.notes)
    # between two entities: kept for the doccano export (it was reported as not kept)
    assert doc.meta["doccano"] == {
        "relations": [{"type": "Place", "from": [*cp(TEXT, "Gunmen"), "PERSON"], "to": [*cp(TEXT, "Kabul"), "GPE"]}]
    }
    assert any("1 relation between entities kept" in n for n in result.notes)  # it said "1 relations"
    # and "for the export to the same format", where every export with a place for them writes them (sessions 22-23)
    assert any("kept for the exports that write them (doccano, Label Studio, Prodigy" in n for n in result.notes)


def test_doccano_entity_objects_with_their_text_check_the_offsets_and_go_back_with_it(tmp_path):
    """PaddleNLP's doccano export gives each entity object its ``text`` (``{"id": 42517, "label": "人物",
    "start_offset": 0, "end_offset": 3, "text": "谭孝曾"}``): it was passed over, so offsets that did not hold it came in
    without a word and the export wrote no text. Now it checks the offsets as a ``[start, end, LABEL, text]`` span's
    does (code points, else UTF-16 units) and goes back out. Our own line, in that shape."""
    from annotator.formats.doccano_out import write_doccano

    text = "\U0001f600 Tan met Yuan in Paris."
    u16 = Utf16Map(text)

    def ent(eid, word, label):
        s = text.index(word)
        return {
            "id": eid,
            "label": label,
            "start_offset": u16.to_utf16(s),
            "end_offset": u16.to_utf16(s + len(word)),
            "text": word,
        }

    line = {
        "text": text,
        "entities": [ent(7, "Tan", "PERSON"), ent(8, "Paris", "GPE")],
        "relations": [{"id": 0, "from_id": 7, "to_id": 8, "type": "visited"}],
    }
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "doccano", [src])
    doc = project.document_ids()[0]
    assert sorted(text[e.start : e.end] for e in project.entities(doc)) == ["Paris", "Tan"]
    write_doccano(project, tmp_path / "out.jsonl")
    (back,) = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["start_offset"], e["end_offset"], e["text"]) for e in back["entities"]] == [
        (e["start_offset"], e["end_offset"], e["text"]) for e in line["entities"]
    ]
    project.close()
    line["entities"][1]["text"] = "Rome"
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"a\.jsonl:1: span 8 \(GPE\): offsets 19, 24 do not hold 'Rome'"):
        read_doccano(src)


def test_doccano_code_point_offsets_stay_as_they_are(tmp_path):
    row = {"text": TEXT, "label": [[*cp(TEXT, "Gunmen"), "PERSON"], [*cp(TEXT, "Kabul"), "GPE"]]}
    (tmp_path / "d.jsonl").write_bytes(orjson.dumps(row))
    result = read_doccano(tmp_path / "d.jsonl")
    assert sorted(TEXT[e.start : e.end] for e in result.documents[0].entities) == ["Gunmen", "Kabul"]
    assert not result.warnings


words = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
seps = st.sampled_from([" ", " \U0001f600 ", "\U0001f680", " \U0001f1e6\U0001f1eb ", "\n"])


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(words, seps), min_size=2, max_size=8), st.data(), st.booleans())
def test_doccano_offsets_remap_property(tmp_path, parts, data, as_utf16):
    """Spans on word edges come back at the same words whether written as code points or UTF-16 units,
    unless the UTF-16 numbers read as code points also fall on whole words (possibly several): then both
    readings are plausible and the documented rule applies (a tie stays code points)."""
    text, spans = "", []
    for w, sep in parts:
        spans.append((len(text), len(text) + len(w)))
        text += w + sep
    chosen = data.draw(st.lists(st.sampled_from(spans), min_size=1, max_size=4, unique=True))
    m = Utf16Map(text)
    labels = [[m.to_utf16(s), m.to_utf16(e), "ORG"] if as_utf16 else [s, e, "ORG"] for s, e in chosen]
    f = tmp_path / "h.jsonl"
    f.write_bytes(orjson.dumps({"text": text, "label": labels}))
    doc = read_doccano(f).documents[0]
    got = sorted((e.start, e.end) for e in doc.entities)
    as_given = sorted((s, e) for s, e, _ in labels)

    def on_words(s: int, e: int) -> bool:  # the generated texts hold only letters, spaces and emoji/flags
        return (
            0 <= s < e <= len(text)
            and text[s].isalnum()
            and text[e - 1].isalnum()
            and (s == 0 or not text[s - 1].isalnum())
            and (e == len(text) or not text[e].isalnum())
        )

    if as_utf16 and all(on_words(s, e) for s, e in as_given):
        assert got == as_given  # both readings land on whole words: undecidable, code points win the tie
    else:
        assert got == sorted(chosen)


@pytest.mark.parametrize(
    "text, spans",
    [
        ("a a a \U0001f600 a\U0001f680", [(8, 9)]),  # found by hypothesis: as code points, 9-10 is the rocket
        ("a \U0001f600 a \U0001f600 aa\U0001f680a ", [(0, 1), (8, 10)]),  # as code points: "\U0001F680a", not clean
        (
            "a \U0001f600 " + "a \U0001f1e6\U0001f1eb " * 3 + "aaaaaa aaaaa\U0001f680",
            [(0, 1), (19, 25)],
        ),  # "aaaaa\U0001F680"
    ],
)
def test_doccano_utf16_guess_found_cases(tmp_path, text, spans):
    """Spans a code-point reading would start or end on an emoji or flag are read as UTF-16 units."""
    m = Utf16Map(text)
    (tmp_path / "d.jsonl").write_bytes(
        orjson.dumps({"text": text, "label": [[m.to_utf16(s), m.to_utf16(e), "ORG"] for s, e in spans]})
    )
    result = read_doccano(tmp_path / "d.jsonl")
    assert [(e.start, e.end) for e in result.documents[0].entities] == spans
    assert any("UTF-16" in n for n in result.notes)


def ls_task(text: str, utf16: bool = True) -> dict:
    off = u16 if utf16 else cp

    def region(rid, word, label):
        s, e = off(text, word)
        return {
            "id": rid,
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": s, "end": e, "text": word, "labels": [label]},
        }

    return {
        "id": 42,
        "data": {"text": text, "source": "wire"},
        "annotations": [
            {
                "was_cancelled": False,
                "result": [
                    region("a", "Gunmen", "PERSON"),
                    region("b", "killed", "Life:Die"),
                    region("c", "three soldiers", "PERSON"),
                    region("d", "Kabul", "GPE"),
                    {"type": "relation", "from_id": "b", "to_id": "c", "labels": ["Victim"], "direction": "right"},
                    {"type": "relation", "from_id": "b", "to_id": "d", "labels": ["Place"], "direction": "right"},
                    {
                        "id": "b",
                        "type": "choices",
                        "from_name": "modality",
                        "to_name": "text",
                        "value": {"choices": ["Other"]},
                    },
                    {"type": "textarea", "from_name": "notes", "to_name": "text", "value": {"text": ["verify"]}},
                    {"type": "rating", "from_name": "quality", "value": {"rating": 4}},
                ],
            }
        ],
    }


def test_label_studio_task_with_relations_attributes_and_utf16(tmp_path):
    second = {
        "id": 43,
        "data": {"text": "Paris is big."},
        "annotations": [{"was_cancelled": True, "result": []}],
        "predictions": [
            {
                "result": [
                    {"id": "x", "type": "labels", "value": {"start": 0, "end": 5, "text": "Paris", "labels": ["GPE"]}}
                ]
            }
        ],
    }
    (tmp_path / "ls.json").write_text(json.dumps([ls_task(TEXT), second], indent=2))
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "label_studio", [tmp_path / "ls.json"])
    first, other = (i for _, i in report.imported)
    assert sorted((TEXT[e.start : e.end], e.label) for e in project.entities(first)) == [
        ("Gunmen", "PERSON"),
        ("Kabul", "GPE"),
        ("three soldiers", "PERSON"),
    ]
    (ev,) = project.events(first)
    assert ev.type == "Life:Die" and ev.attributes["modality"] == "Other"
    ents = {e.id: TEXT[e.start : e.end] for e in project.entities(first)}
    assert sorted((a.role, ents[a.entity_id]) for a in ev.arguments) == [
        ("Place", "Kabul"),
        ("Victim", "three soldiers"),
    ]
    assert [c.text for c in project.comments(first)] == ["verify"]
    assert project.document(first).name == "task 42" and project.document(first).meta["source"] == "wire"
    assert [(e.label, e.state) for e in project.entities(other)] == [("GPE", "suggested")]  # from the prediction
    assert project.document(first).meta["doccano_categories"] == ["quality=4"]  # a rating: a category (session 14)
    assert not any("'rating'" in w for w in report.warnings)
    # reading offsets as UTF-16 units is how they were read, not something lost
    assert any("UTF-16" in n for n in report.notes) and not any("UTF-16" in w for w in report.warnings)
    assert any("task 43: 1 cancelled annotation skipped" in w for w in report.warnings)  # it was skipped unsaid
    assert report.summary().endswith("; 1 thing not kept (see warnings)")  # counted in English ("1 things" before)
    project.close()


def test_label_studio_code_point_offsets(tmp_path):
    (tmp_path / "ls.json").write_text(json.dumps([ls_task(TEXT, utf16=False)]))
    result = read_label_studio(tmp_path / "ls.json")
    assert sorted(TEXT[e.start : e.end] for e in result.documents[0].entities) == ["Gunmen", "Kabul", "three soldiers"]
    assert not any("UTF-16" in m for m in result.warnings + result.notes)


def _bad_ls(task_edit) -> str:
    t = ls_task(TEXT)
    task_edit(t)
    return json.dumps([{"id": 1, "data": {"text": "fine"}}, t], indent=1)


@pytest.mark.parametrize(
    "content, message",
    [
        (
            _bad_ls(lambda t: t["annotations"][0]["result"][0]["value"].update(start=500, end=506)),
            "do not fit the text",
        ),
        (_bad_ls(lambda t: t["annotations"][0]["result"][0]["value"].update(text="Gunman")), "expected 'Gunman'"),
        (_bad_ls(lambda t: t["annotations"][0]["result"][4].update(to_id="zz")), "unknown region 'zz'"),
        (
            _bad_ls(lambda t: t["annotations"][0]["result"][0]["value"].update(labels=["WIZARD"])),
            "not in the project's schema 'news': WIZARD (1)",
        ),
        (
            _bad_ls(lambda t: t["annotations"][0]["result"][6]["value"].update(choices=["Sure"])),
            "modality must be one of Asserted, Other, not 'Sure'",
        ),
        (_bad_ls(lambda t: t.update(data={"image": 3})), "has no text"),
    ],
)
def test_label_studio_broken_input_names_file_and_line(tmp_path, content, message):
    (tmp_path / "bad.json").write_text(content)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError) as info:
        import_format(project, "label_studio", [tmp_path / "bad.json"], grow=False)
    starts = [n for n, x in enumerate(content.splitlines(), start=1) if x == " {"]
    assert info.value.path.endswith("bad.json") and info.value.line == starts[1], str(info.value)  # the bad task's line
    assert message in info.value.reason, str(info.value)
    assert project.document_ids() == []
    project.close()


def _res(k: int, **changes):  # type: ignore[no-untyped-def]
    return lambda t: t["annotations"][0]["result"][k].update(changes)


@pytest.mark.parametrize(
    "task_edit, message",
    [
        (lambda t: t.update(annotations=5), "'annotations' must be a list"),
        (lambda t: t.update(annotations="abc"), "'annotations' must be a list"),
        (lambda t: t.update(annotations=[3]), "annotation 0 must be an object"),
        (lambda t: t.update(annotations=[], predictions={"result": []}), "'predictions' must be a list"),
        (lambda t: t["annotations"][0].update(result={"a": 1}), "'result' must be a list"),
        (_res(0, value="Gunmen"), "'value' must be an object"),
        (_res(0, value=[0, 6]), "'value' must be an object"),
        (_res(0, value={"start": 0, "end": 6, "labels": "PERSON"}), "has no labels"),
        (_res(0, value={"start": 0, "end": 6, "labels": [["PERSON"]]}), "labels must be strings"),
        (_res(0, id=["a"]), "'id' must be a string or a number"),
        (_res(4, labels={"0": "Victim"}), "'labels' must be a list"),
        (_res(4, labels=[7]), "labels must be strings"),
        (_res(4, from_id={"id": "b"}), "'from_id' and 'to_id' must be"),
        (_res(6, value={"choices": {"x": 1}}), "'choices' must be a list"),
        (_res(6, value={"choices": [["Other"]]}), "choices must be strings"),
        (_res(7, value={"text": 5}), "'text' must be a list"),
        (_res(7, value={"text": [None]}), "texts must be strings"),
    ],
)
def test_label_studio_malformed_shapes_are_import_errors(tmp_path, task_edit, message):
    content = _bad_ls(task_edit)
    (tmp_path / "bad.json").write_text(content)
    with pytest.raises(ImportFileError) as info:
        read_label_studio(tmp_path / "bad.json")
    starts = [n for n, x in enumerate(content.splitlines(), start=1) if x == " {"]
    assert info.value.path.endswith("bad.json") and info.value.line == starts[1], str(info.value)  # the bad task
    assert "task 42" in info.value.reason and message in info.value.reason, str(info.value)


def test_label_studio_meta_the_store_cannot_hold_becomes_text(tmp_path):
    (tmp_path / "ls.json").write_text(
        '[{"id": 99999999999999999999, "data": {"text": "Paris.", "n": -99999999999999999999}}]'
    )
    project = new_project(tmp_path / "p.annotator", annotator="t")
    ((_, doc_id),) = import_format(project, "label_studio", [tmp_path / "ls.json"]).imported
    assert project.document(doc_id).meta == {"n": "-99999999999999999999", "label_studio_id": "99999999999999999999"}
    project.close()
    (tmp_path / "ls.json").write_text('[{"id": {"a": [1]}, "data": {"text": "Paris."}}]')
    assert read_label_studio(tmp_path / "ls.json").documents[0].meta == {"label_studio_id": '{"a": [1]}'}


def test_label_studio_textarea_text_may_be_one_string(tmp_path):
    (tmp_path / "ls.json").write_text(
        json.dumps(
            [
                {
                    "data": {"text": "Paris."},
                    "annotations": [{"result": [{"type": "textarea", "value": {"text": "check"}}]}],
                }
            ]
        )
    )
    assert read_label_studio(tmp_path / "ls.json").documents[0].comments == [{"text": "check"}]


def test_label_studio_truncated_and_wrong_encoding(tmp_path):
    text = json.dumps([ls_task(TEXT), ls_task("Gunmen killed three soldiers in Kabul.", utf16=False)], indent=1)
    (tmp_path / "cut.json").write_text(text[: len(text) // 2 + 40])
    with pytest.raises(ImportFileError) as info:
        read_label_studio(tmp_path / "cut.json")
    assert info.value.line and ("cut short" in info.value.reason or "not valid JSON" in info.value.reason)
    (tmp_path / "latin.json").write_bytes(
        json.dumps([{"data": {"text": "caf\u00e9"}}], ensure_ascii=False).encode("latin-1")
    )
    with pytest.raises(ImportFileError, match=r"latin.json:1: not valid UTF-8"):
        read_label_studio(tmp_path / "latin.json")


@pytest.mark.parametrize(
    "content, line, message",
    [
        (b'{"text": "abc", "label": [[0, 9, "ORG"]]}', 1, "outside the text"),
        (b'{"text": "abc", "label": [[0, 2, "ORG"]]}\n{"text": "abc", "label": [[0, 2', 2, "not valid JSON"),
        (b'{"text": "abc"}\n{"text": "abc", "label": [[0, 2]]}', 2, "must be [start, end"),
        (
            b'{"text": "abc", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2, "label": "ORG"}], '
            b'"relations": [{"from_id": 1, "to_id": 5, "type": "Place"}]}',
            1,
            "unknown region 5",
        ),
        (b'{"text": "abc", "label": [[0, 2, "WIZARD"]]}', 1, "not in the project's schema 'news': WIZARD (1)"),
        (b'{"text": "abc", "label": [["0", 2, "ORG"]]}', 1, "whole numbers"),
        (b'{"text": "abc"}\n{"text": "\xe9t\xe9"}', 2, "not valid UTF-8"),
    ],
)
def test_doccano_broken_input_names_file_and_line(tmp_path, content, line, message):
    assert_refused_whole(tmp_path, "doccano", content, line, message)


def test_a_text_classification_export_is_told_and_its_labels_go_back(tmp_path, capsys):
    """doccano's text classification export (``{"id", "text", "label": ["positive"]}``) was read as plain JSONL: its
    labels in the meta under ``label`` and its id under ``id``, both left out by the doccano export ("doccano's own
    keys"), which wrote the project's ids instead; read as doccano with ``--format`` they were not kept at all."""
    rows = [
        {"id": 5, "text": "Lovely shop 🙂.", "label": ["positive", "shop"]},
        {"id": 6, "text": "Awful service.", "label": ["negative"]},
    ]
    src = tmp_path / "tc.jsonl"
    src.write_bytes(b"\n".join(map(orjson.dumps, rows)) + b"\n")
    assert detect_format(src) == "doccano"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "doccano", "-o", str(out)]) == 0
    got = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [(g["id"], g["text"], g["label"]) for g in got] == [(r["id"], r["text"], r["label"]) for r in rows]
    assert "left out" not in capsys.readouterr().out
