"""The document marker of Label Studio's CONLL2003 export (``-DOCSTART- -X- O``, no blank line after it) and the other
spellings met in real files (``-DOCSTART- O``, a marker split by a tab in a file of spaces, ``-DOCSTART-`` alone) are
read as a document's start; ``--option docstart=label-studio`` writes Label Studio's, so a file of one document goes
back the same byte for byte (our own tasks in its shape)."""

from __future__ import annotations

import pytest

from annotator.formats.conll import write_conll
from annotator.formats.conll_read import read_conll
from annotator.importing import import_documents
from annotator.store import Project

# label-studio-sdk's convert_to_conll2003: the marker once, "TOKEN -X- _ TAG" a line, a blank line after each task
LABEL_STUDIO = "-DOCSTART- -X- O\nAda -X- _ B-PERSON\nLovelace -X- _ I-PERSON\nwrote -X- _ O\n\n"

MARKERS = [
    "-DOCSTART- -X- O\n",  # Label Studio's, no blank line after it
    "-DOCSTART- O\n\n",  # two-column files'
    "-DOCSTART-\tO\n",  # a tab in a file whose token lines split by spaces
    "-DOCSTART-\n",  # the word alone
]


@pytest.mark.parametrize("marker", MARKERS)
def test_each_marker_starts_a_document_and_is_no_token(tmp_path, marker):
    body = "Ada B-PERSON\nwrote O\n\n"
    (tmp_path / "m.conll").write_text(marker + body + marker + "Bo B-PERSON\nleft O\n", encoding="utf-8")
    docs = read_conll(tmp_path / "m.conll").documents
    assert [d.text for d in docs] == ["Ada wrote", "Bo left"]
    assert [[(d.text[e.start : e.end], e.label) for e in d.entities] for d in docs] == [
        [("Ada", "PERSON")],
        [("Bo", "PERSON")],
    ]


def test_label_studio_marker_is_written_when_asked_and_the_file_comes_back_the_same(tmp_path):
    (tmp_path / "ls.conll").write_text(LABEL_STUDIO, encoding="utf-8")
    with Project(tmp_path / "p.annotator") as project:
        import_documents(project, read_conll(tmp_path / "ls.conll").documents)
        write_conll(project, tmp_path / "out.conll", options={"docstart": "label-studio"})
        write_conll(project, tmp_path / "ours.conll")
    assert (tmp_path / "out.conll").read_text(encoding="utf-8") == LABEL_STUDIO
    assert (tmp_path / "ours.conll").read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O\n\nAda -X- _ B-PERSON")
