"""An option a reader does not take is refused in one wording (``formats.reading.reader_options``) wherever it is
given: the command line, the app's import dialog, ``api.import_files`` and the reader called directly (the CoNLL and
Hugging Face readers had their own copies, the dialog a third: 'sentences: CoNLL import takes the options ...')."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import OptionError
from annotator.formats.conll_read import read_conll
from annotator.formats.hf_tokens_read import read_hf


@pytest.mark.parametrize(
    "fmt, read, name, text",
    [
        ("conll", read_conll, "t.conll", "Paris NNP B-GPE\n"),
        ("hf", read_hf, "t.jsonl", '{"tokens": ["Paris"], "ner_tags": ["B-GPE"]}\n'),
    ],
)
def test_a_reader_refuses_an_unknown_option_as_the_command_line_does(tmp_path, fmt, read, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OptionError) as by_reader:
        read(path, options={"tags": "4"})
    with pytest.raises(OptionError) as by_api:
        api.check_import(fmt, {"tags": "4"})
    assert str(by_reader.value) == str(by_api.value)
    assert str(by_api.value).endswith("not 'tags'; nothing was imported")
