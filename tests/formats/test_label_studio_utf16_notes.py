"""Session 27: a Label Studio file whose texts have an emoji before their regions (tweets; seed 007's 🙂) read back
with a note a result, "offsets read as UTF-16 units", six for one document of our own export, thousands for a corpus
of tweets. They are said once for the file, counted, with the first task lines."""

from __future__ import annotations

from annotator import api, edits

TEXTS = ["Hi 🙂 Angela Merkel met Emmanuel Macron in Paris.\n", "🙂 Olaf Scholz flew to Rome.\n"]


def test_offsets_read_as_utf16_units_are_said_once_for_the_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k, text in enumerate(TEXTS):
        (folder / f"{k}.txt").write_text(text, encoding="utf-8")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder])
    for doc_id in first.document_ids():
        text = first.document(doc_id).text
        for words, label in (("Angela Merkel", "PERSON"), ("Emmanuel Macron", "PERSON"), ("Paris", "GPE")):
            if words in text:
                edits.add_entity(first, doc_id, text.index(words), text.index(words) + len(words), label)
        for words, label in (("Olaf Scholz", "PERSON"), ("Rome", "GPE")):
            if words in text:
                edits.add_entity(first, doc_id, text.index(words), text.index(words) + len(words), label)
    out = tmp_path / "ls.json"
    api.export(first, out, "label_studio")
    again = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(again, [out])
    said = [n for n in report.notes if "UTF-16" in n]
    assert len(said) == 1, said
    assert "in 5 results of 2 tasks" in said[0], said
    texts = {
        again.document(d).text: sorted(again.document(d).text[e.start : e.end] for e in again.entities(d))
        for d in again.document_ids()
    }
    assert texts == {
        TEXTS[0]: ["Angela Merkel", "Emmanuel Macron", "Paris"],
        TEXTS[1]: ["Olaf Scholz", "Rome"],
    }
