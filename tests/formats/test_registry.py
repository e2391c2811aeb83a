"""Formats as records: one table (name, suffix, folder or file, options, reader, writer) that every caller reads."""

from __future__ import annotations

import pytest

from annotator.errors import AnnotatorError
from annotator.formats import OPTIONS, readers, writers
from annotator.formats.records import ExportRequest
from annotator.formats.registry import FORMATS


def test_the_records_are_the_registries():
    assert list(writers()) == [f.name for f in FORMATS.values() if f.writer]
    assert list(readers()) == [f.name for f in FORMATS.values() if f.reader]
    assert OPTIONS == {f.name: f.options for f in FORMATS.values() if f.writer and f.options}
    assert [f.name for f in FORMATS.values() if f.folder] == ["brat", "webanno"]


def test_writers_take_one_request_and_check_options_against_the_record(sample, tmp_path):
    project, _ = sample
    request = ExportRequest(states=("accepted",), statuses=("reviewed",), options={"docstart": "no"})
    report = writers()["conll"](project, tmp_path / "a.conll", request)
    assert report.documents == 2 and "-DOCSTART-" not in (tmp_path / "a.conll").read_text()
    with pytest.raises(AnnotatorError, match="unknown option 'docstrat'"):
        writers()["conll"](project, tmp_path / "b.conll", ExportRequest(options={"docstrat": "no"}))
    with pytest.raises(AnnotatorError, match="unknown option"):
        writers()["json"](project, tmp_path / "c.json", options={"split": "train=1"})  # the old keyword form too


def test_the_export_dialog_reads_the_records():
    pytest.importorskip("PySide6")
    from ui.dialogs.export import FOLDER_FORMATS, SUFFIX

    assert SUFFIX == {f.name: f.suffix for f in FORMATS.values() if f.writer}
    assert FOLDER_FORMATS == {"brat", "webanno"}


def test_one_token_fallback_for_the_app_the_exports_and_agreement(project):
    """A document never pre-annotated gets the same tokens in the app, in every token export and in agreement."""
    from annotator.formats.tokens import tokens_for
    from annotator.importing import IncomingDocument, import_documents
    from annotator.navigation import Tokens
    from annotator.teams.agreement import document_tokens

    text = "Merkel's aide paid $2,000 in Paris.\nThen she left!  Really?"
    doc_id = import_documents(project, [IncomingDocument(text, "t.txt")]).imported[0][1]
    app = Tokens.of(text, project.tokens(doc_id))
    exported = tokens_for(project, doc_id, text)
    words = [(s, e) for s, e in zip(exported.starts, exported.ends) if not text[s:e].isspace()]
    assert list(zip(app.starts, app.ends)) == words == document_tokens(project, doc_id, text)
    assert [text[s:e] for s, e in words][:4] == ["Merkel", "'", "s", "aide"]
    firsts = [text[exported.starts[k] : exported.ends[k]] for k in exported.sent_starts]
    assert firsts == ["Merkel", "Then", "Really"]


def test_an_import_example_is_in_its_record_and_the_reader_takes_it():
    """The Import dialog's example of a format's options is the format's record's (it kept a table of its own, keyed
    by format name), and names only options the reader takes."""
    from annotator.api import check_import

    with_example = {f.name: f.import_example for f in FORMATS.values() if f.import_example}
    assert sorted(with_example) == ["conll", "hf", "omnievent"]
    for name, example in with_example.items():
        options = dict(part.strip().split("=", 1) for part in example.split(";"))
        assert set(options) <= set(FORMATS[name].import_options)
        check_import(name, options)  # the check the dialog runs: OptionError on a key the reader does not take
