"""An entity whose span holds a sentence's end, as brat's CoNLL-ST 2002 example corpus has one (``MISC`` over
``Hiraki. Shaughnessey``, the fallback's sentence break after the full stop): the CoNLL and Hugging Face token exports
cut the sentence inside it (``Hiraki`` ``.`` as B- and I-, then a blank line, then ``Shaughnessey`` as I-), and read
back it was two entities. The sentence is not cut inside an entity. The text is our own, in the corpus's shape."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

TEXT = "Madrid, 23 may (EFE).\nEn el segundo Hiraki. Shaughnessey ganaron.\nLuego ganaron otra vez.\n"


def _project(tmp_path):  # type: ignore[no-untyped-def]
    s = TEXT.index("Hiraki")
    e = TEXT.index("Shaughnessey") + len("Shaughnessey")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": TEXT, "entities": [[s, e, "MISC"], [0, 6, "LOC"]]}) + "\n", encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    return p


def test_the_conll_export_keeps_an_entity_across_a_sentence_end_whole(tmp_path):
    p, out, q = _project(tmp_path), tmp_path / "out.conll", tmp_path / "q.annotator"
    assert main(["export", str(p), "-f", "conll", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("Shaughnessey -X- _ I-MISC")
    assert lines[at - 1] == ". -X- _ I-MISC", lines
    assert lines.count("") == 4, lines  # after -DOCSTART- and after each of the three sentences less the one joined
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as project:
        (doc,) = project.document_ids()
        text = project.document(doc).text
        assert sorted(text[e.start : e.end] for e in project.entities(doc)) == ["Hiraki . Shaughnessey", "Madrid"]


def test_the_hugging_face_export_keeps_it_in_one_line(tmp_path):
    p, out = _project(tmp_path), tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "hf", "-o", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    (line,) = [x for x in lines if "Shaughnessey" in x["tokens"]]
    i = line["tokens"].index("Hiraki")
    assert line["ner_tags"][i : i + 3] == ["B-MISC", "I-MISC", "I-MISC"], line
