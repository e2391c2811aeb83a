"""Session 8's qa pass, formats: what File > Import from another tool said of the open project file."""

from __future__ import annotations

import pytest

from annotator.errors import ImportFileError
from annotator.formats.loading import import_format
from annotator.store import Project


@pytest.mark.parametrize("fmt", ["spacy", "label_studio", "prodigy", "conll"])
def test_a_project_file_given_to_a_named_reader_is_said_to_be_one(tmp_path, fmt):
    """The open project's file chosen in File > Import from another tool got each reader's own complaint: 'not a
    spaCy DocBin (ValueError: [E1014] Error loading DocBin data. It doesn't look like ...' cut at the window's edge,
    'binary file (contains NUL bytes)'. It is named for what it is, as Import files… already said."""
    path = tmp_path / "projet été.annotator"
    with Project(path, annotator="qa") as project:
        with pytest.raises(ImportFileError, match="a project file, not an input") as err:
            import_format(project, fmt, [path])
        assert str(path) in str(err.value)
        assert project.document_ids() == []
